package htmlpage

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main-content extraction over the page's one parsed tree, in three steps:
//
//  1. prune: drop what is never article text, by tag (navigation, forms,
//     embedded media, asides, footers), by ARIA role, by hidden markers,
//     and by class/id words that name site furniture (comments, sharing,
//     related links, newsletters, cookie notices);
//  2. choose: cut the rest into text blocks at block-level tags, call a
//     block good (long, few links), bad (mostly link text) or neutral, and
//     take the element whose blocks give the highest sum of good text less
//     bad and neutral text: the smallest container that holds the article
//     and as little else as possible;
//  3. render: write that container's blocks as paragraphs, headings, list
//     items and quotes, leaving out link lists and link-dense blocks.
//
// The ideas are those of readability (class/id hints, text and link
// density), jusText (block classes) and trafilatura (tag and pattern
// pruning); every step is linear in the size of the tree.

// prunedTags never hold article text.
var prunedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Video: true,
	atom.Audio: true, atom.Picture: true, atom.Img: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Option: true, atom.Label: true, atom.Fieldset: true,
	atom.Nav: true, atom.Menu: true, atom.Footer: true, atom.Aside: true, atom.Dialog: true, atom.Head: true,
	atom.Figure: true, atom.Figcaption: true, atom.Rt: true, atom.Rp: true, atom.Link: true, atom.Meta: true,
	atom.Map: true, atom.Area: true, atom.Frame: true, atom.Frameset: true,
}

// landmarkTags are pruned tags that hold text of their own, so that a
// page which wraps its article in one (an <aside> left open, a <form> around
// the whole page) is recognised by the share of text it holds.
var landmarkTags = map[atom.Atom]bool{
	atom.Footer: true, atom.Aside: true, atom.Dialog: true,
	atom.Figure: true, atom.Fieldset: true, atom.Label: true,
}

// prunedRoles are ARIA landmarks and widgets of the site, not the article.
var prunedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "dialog": true,
	"alertdialog": true, "menu": true, "menubar": true, "search": true, "toolbar": true, "tablist": true,
}

// furnitureWords in a class or id mark site furniture.
var furnitureWords = []string{
	"share", "sharing", "social", "related", "recommend", "newsletter", "subscribe", "subscription", "cookie",
	"consent", "gdpr", "sidebar", "breadcrumb", "breadcrumbs", "navbar", "navigation", "menu", "footer",
	"masthead", "advert", "advertisement", "sponsor", "sponsored", "promo", "popup", "modal", "overlay",
	"signup", "login", "widgets", "outbrain", "taboola", "trending", "popular", "mostread",
	"pagination", "pager", "toolbar", "banner", "byline", "author", "caption", "credit", "copyright",
	"tags", "taglist", "keywords", "print", "skip", "jump", "screen", "sronly", "hidden", "meta",
	"dateline", "timestamp", "readmore", "weitere", "empfehlung", "teilen", "infobox", "rating",
	"ticker", "header", "feedback", "follow", "profile", "embed", "video", "gallery", "slider",
	"carousel", "player", "podcast", "newsticker", "shariff", "socials", "social-media", "nav", "ad", "ads",
	"aside", "extra", "rel", "noprint", "hide", "disclaimer", "imprint", "impressum", "legal",
	"teaser", "disclosure", "legend", "bio", "privacy", "datenschutz", "banner", "paywall", "date", "about-author", "further", "weiterlesen", "more-articles",
}

// contentWords mark the article's own container: a class or id with one of
// them is kept even when it also names furniture ("article-header" is not,
// "post-content" is), unless the furniture word is a strong one.
var contentWords = []string{"article", "content", "entry", "post", "story", "text", "body", "main", "blog", "artikel", "beitrag", "detail"}

// strongFurniture overrides contentWords: a "related-articles" block is
// still related links.
var strongFurniture = []string{
	"share", "sharing", "social", "related", "recommend", "newsletter", "cookie", "consent",
	"sidebar", "outbrain", "taboola", "promo", "advert", "shariff", "author", "byline", "disclosure", "privacy",
	"meta", "date", "dateline", "timestamp",
}

// furniture reports whether an element's class, id or role names site
// furniture rather than the article.
func furniture(n *html.Node, cache classCache) furnitureClass {
	var cls, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			cls = a.Val
		case "id":
			id = a.Val
		case "role":
			if prunedRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return furnitureLikely
			}
		case "hidden":
			return furnitureLikely
		case "aria-hidden":
			if a.Val == "true" {
				return furnitureLikely
			}
		case "style":
			if s := strings.ToLower(a.Val); strings.Contains(s, "display:none") || strings.Contains(s, "display: none") ||
				strings.Contains(s, "visibility:hidden") || strings.Contains(s, "visibility: hidden") {
				return furnitureLikely
			}
		}
	}
	if cls == "" && id == "" {
		return furnitureNo
	}
	flags := cache.flags(cls) | cache.flags(id)
	// <article> and <main> name the article whatever their classes say,
	// unless they are a reader's comment.
	article := n.DataAtom == atom.Article || n.DataAtom == atom.Main
	if flags&flagComment != 0 {
		return furnitureAlways
	}
	hit, strong, content := flags&flagHit != 0, flags&flagStrong != 0, flags&flagContent != 0
	if article {
		return furnitureNo
	}
	if hit && (strong || !content) {
		return furnitureLikely
	}
	return furnitureNo
}

// classCache remembers the flags of whole class and id values within one
// page, where the same few values repeat on thousands of elements.
type classCache map[string]uint8

// flags reads the words of one class or id value; a nil cache computes
// without remembering.
func (c classCache) flags(v string) uint8 {
	if v == "" {
		return 0
	}
	if f, ok := c[v]; ok {
		return f
	}
	var f uint8
	for _, t := range strings.Fields(v) {
		t = strings.ToLower(t)
		// Blog engines list the post's taxonomy as classes
		// ("tag-politics", "category-news"): words of the article, not of
		// the element.
		if strings.HasPrefix(t, "tag-") || strings.HasPrefix(t, "category-") || strings.HasPrefix(t, "postid-") ||
			strings.HasPrefix(t, "format-") || strings.HasPrefix(t, "status-") || strings.HasPrefix(t, "has-") {
			continue
		}
		f |= tokenFlags(t)
	}
	if c != nil && len(c) < maxCachedValues {
		c[v] = f
	}
	return f
}

// maxCachedValues bounds one page's cache against pages of unique names.
const maxCachedValues = 4096

const (
	flagHit uint8 = 1 << iota
	flagStrong
	flagContent
	flagComment
)

// tokenCache holds the flags of class and id tokens seen before: pages
// repeat the same few classes on thousands of elements, and matching one
// against the word lists costs far more than a map look-up.
var tokenCache = struct {
	sync.RWMutex
	m map[string]uint8
}{m: map[string]uint8{}}

func tokenFlags(t string) uint8 {
	tokenCache.RLock()
	v, ok := tokenCache.m[t]
	tokenCache.RUnlock()
	if ok {
		return v
	}
	var f uint8
	// In block__element names ("article__meta") the element names the
	// node; the block only names what it belongs to.
	elem := t
	if i := strings.LastIndex(t, "__"); i >= 0 {
		elem = t[i+2:]
	}
	split := func(r rune) bool { return r == '-' || r == '_' || r == ':' || r == '.' }
	for _, part := range strings.FieldsFunc(t, split) {
		if commentPart(part) {
			f |= flagComment
		}
		if furnitureTable.matches(part) {
			f |= flagHit
		}
		if strongTable.matches(part) {
			f |= flagStrong
		}
	}
	for _, part := range strings.FieldsFunc(elem, split) {
		if contentTable.matches(part) {
			f |= flagContent
		}
	}
	// Class names are site-specific and without end: a page of random
	// ones must not grow the cache without bound.
	if len(t) <= 40 {
		tokenCache.Lock()
		if len(tokenCache.m) < maxCachedTokens {
			tokenCache.m[t] = f
		}
		tokenCache.Unlock()
	}
	return f
}

const maxCachedTokens = 50000

// wordTable indexes a word list for matchesAny: whole words (and their
// plurals), and the prefixes of the words long enough to be matched as the
// start of a part, by length.
type wordTable struct {
	exact    map[string]bool
	prefix   map[string]bool
	lengths  []int    // distinct lengths of prefix words, ascending
	contains []string // words long enough to be found inside a part
}

func newWordTable(words []string) *wordTable {
	t := &wordTable{exact: map[string]bool{}, prefix: map[string]bool{}}
	seen := map[int]bool{}
	for _, w := range words {
		t.exact[w] = true
		t.exact[w+"s"] = true
		if len(w) >= 5 {
			t.prefix[w] = true
			if !seen[len(w)] {
				seen[len(w)] = true
				t.lengths = append(t.lengths, len(w))
			}
		}
		if len(w) >= 7 {
			t.contains = append(t.contains, w)
		}
	}
	sort.Ints(t.lengths)
	return t
}

// matches reports whether a class-name part is one of the words: equal to
// one (or its plural), or, for words long enough not to occur inside
// unrelated ones, starting with or containing it ("sharebar",
// "mainnavigation").
func (t *wordTable) matches(part string) bool {
	if t.exact[part] {
		return true
	}
	for _, l := range t.lengths {
		if l >= len(part) {
			break
		}
		if t.prefix[part[:l]] {
			return true
		}
	}
	if len(part) > 7 {
		for _, w := range t.contains {
			if strings.Contains(part, w) {
				return true
			}
		}
	}
	return false
}

var (
	furnitureTable = newWordTable(furnitureWords)
	strongTable    = newWordTable(strongFurniture)
	contentTable   = newWordTable(contentWords)
)

// commentPart recognises readers' comment sections (not "commentary",
// which is an opinion article) and consent dialogs: furniture that is
// removed even when it outweighs the article.
func commentPart(p string) bool {
	if strings.Contains(p, "comments") || strings.Contains(p, "kommentare") || p == "comment" || p == "respond" || p == "disqus" {
		return true
	}
	// Consent and cookie dialogs can hold more text than a short article.
	if strings.HasPrefix(p, "cookie") || strings.HasPrefix(p, "consent") || p == "gdpr" || p == "modal" || p == "popup" {
		return true
	}
	return strings.HasPrefix(p, "comment") && !strings.HasPrefix(p, "commentar")
}

type furnitureClass int

const (
	furnitureNo     furnitureClass = iota
	furnitureLikely                // pruned unless it holds most of the prose
	furnitureAlways                // readers' comments, consent dialogs
)

// prune removes from n's subtree what never belongs to the article. Tags
// and class names are only hints: an element that holds most of the page's
// prose (an <aside> left open around the article, a wrapper called
// "sidebar-and-content") is the page, whatever it is called. Readers'
// comments are the exception: a long discussion can outweigh the article.
func prune(body *html.Node) {
	// First what goes whatever it holds: inert tags, readers' comments and
	// consent dialogs, which must not weigh in the choice of what to keep.
	likely := map[*html.Node]bool{}
	cache := classCache{}
	var first func(n *html.Node)
	first = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch c.Type {
			case html.CommentNode, html.DoctypeNode:
				n.RemoveChild(c)
			case html.ElementNode:
				f := furnitureNo
				if c.DataAtom != atom.Body && c.DataAtom != atom.Html {
					f = furniture(c, cache)
				}
				switch {
				case prunedTags[c.DataAtom] && !landmarkTags[c.DataAtom], f == furnitureAlways:
					n.RemoveChild(c)
				default:
					if f == furnitureLikely || prunedTags[c.DataAtom] {
						likely[c] = true
					}
					first(c)
				}
			}
			c = next
		}
	}
	first(body)

	pre := scorer{scores: map[*html.Node]*nodeScore{}}
	pre.walk(body, false)
	pre.flush()
	total := 0
	if ns := pre.scores[body]; ns != nil {
		total = ns.good
	}
	// The container the page would give without the hints is kept with
	// all its ancestors, whatever their class names say.
	keep := map[*html.Node]bool{}
	for n := pre.best(); n != nil; n = n.Parent {
		keep[n] = true
	}
	holdsArticle := func(n *html.Node) bool {
		if keep[n] {
			return true
		}
		ns := pre.scores[n]
		return ns != nil && total > 0 && 5*ns.good >= 2*total
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if likely[c] && !holdsArticle(c) {
					n.RemoveChild(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(body)
}

// blockTags start a new text block. Table cells are blocks for scoring
// (layout tables hold whole pages) and inline for rendering.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Header,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Hr, atom.Center, atom.Address, atom.Details, atom.Summary,
		atom.Form, atom.Figure, atom.Figcaption:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// nodeScore accumulates the text blocks below one element.
type nodeScore struct {
	good, bad, neutral int
	text, link         int // all text and link text, for the renderer
	depth              int // below the scored root
	order              int // creation order, to break ties without map order
}

// textRunes counts the characters of s a reader sees, white space runs
// counting as one.
func textRunes(s string) int {
	n := 0
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				n++
			}
			space = true
			continue
		}
		space = false
		n++
	}
	return n
}

// scorer cuts a tree into blocks and credits each block's class to every
// ancestor of the element that holds it.
type scorer struct {
	scores     map[*html.Node]*nodeScore
	owner      *html.Node
	ownerDepth int
	depth      int
	text, link int
	punct      int
}

// maxCredit bounds how many ancestors a block credits: an article's prose
// sits well within it of its container, and it keeps a hostile page of
// thousands of nested blocks linear.
const maxCredit = 64

func (s *scorer) flush() {
	if s.text == 0 || s.owner == nil {
		s.text, s.link, s.punct = 0, 0, 0
		return
	}
	var good, bad, neutral int
	ld := float64(s.link) / float64(s.text)
	switch {
	case ld >= 0.5:
		bad = s.text
	case s.text >= goodBlockRunes && ld < 0.3:
		good = s.text
	case s.text >= 2*goodBlockRunes/3 && ld < 0.2 && s.punct > 0:
		good = s.text
	default:
		neutral = s.text
	}
	d := s.ownerDepth
	for p, k := s.owner, 0; p != nil && k < maxCredit; p, k, d = p.Parent, k+1, d-1 {
		ns := s.scores[p]
		if ns == nil {
			ns = &nodeScore{depth: d, order: len(s.scores)}
			s.scores[p] = ns
		}
		ns.good += good
		ns.bad += bad
		ns.neutral += neutral
		ns.text += s.text
		ns.link += s.link
	}
	s.text, s.link, s.punct = 0, 0, 0
}

// goodBlockRunes is the length from which a block with few links reads as
// prose rather than a label, a menu item or a caption.
const goodBlockRunes = 80

func (s *scorer) walk(n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		k := textRunes(n.Data)
		s.text += k
		if inLink {
			s.link += k
		}
		s.punct += strings.Count(n.Data, ". ") + strings.Count(n.Data, ", ") + strings.Count(n.Data, "。") + strings.Count(n.Data, "，")
		return
	case html.ElementNode:
		if prunedTags[n.DataAtom] && !landmarkTags[n.DataAtom] {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n)
	prev, prevDepth := s.owner, s.ownerDepth
	s.depth++
	if block {
		s.flush()
		s.owner, s.ownerDepth = n, s.depth
	}
	link := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, link)
	}
	if block {
		s.flush()
		s.owner, s.ownerDepth = prev, prevDepth
	}
	s.depth--
}

// Weights of bad and neutral text against good text when choosing the
// container: a container grows to take in a region only when the region's
// prose outweighs the links and fragments that come with it.
const (
	badWeight     = 1.0
	neutralWeight = 0.25
)

// chooseContainer returns the element that best holds the article, or
// nil when the page has no prose at all.
func chooseContainer(body *html.Node) (*html.Node, map[*html.Node]*nodeScore) {
	s := scorer{scores: map[*html.Node]*nodeScore{}}
	s.walk(body, false)
	s.flush()
	return s.best(), s.scores
}

// best picks the container from the scores.
func (s *scorer) best() *html.Node {
	var best *html.Node
	var bs *nodeScore
	bestScore := 0.0
	for n, ns := range s.scores {
		if ns.good == 0 || n.Type != html.ElementNode {
			continue
		}
		v := float64(ns.good) - badWeight*float64(ns.bad) - neutralWeight*float64(ns.neutral)
		// Ties go to the deeper element (a wrapper that adds nothing),
		// then to the one scored first: never to map order.
		if best == nil || v > bestScore || (v == bestScore && (ns.depth > bs.depth || (ns.depth == bs.depth && ns.order < bs.order))) {
			best, bs, bestScore = n, ns, v
		}
	}
	// The best-scoring element can be one paragraph of an article whose
	// container also holds link lists (show notes, sources): climb while
	// the parent holds at least twice the prose. The renderer leaves the
	// link lists out.
	for best != nil && best.Parent != nil && best.Parent.DataAtom != atom.Body && best.Parent.Type == html.ElementNode {
		ns, ps := s.scores[best], s.scores[best.Parent]
		if ps == nil || ps.good < climbRatio*ns.good {
			break
		}
		best = best.Parent
	}
	return best
}

// climbRatio is how much more prose a parent must hold for the container
// to grow into it.
const climbRatio = 2

// renderer writes a container's blocks as text, keeping paragraphs,
// headings, list items and quotes apart and leaving out link-dense blocks.
type renderer struct {
	scores     map[*html.Node]*nodeScore
	blocks     []textBlock
	line       strings.Builder
	text, link int
	prefix     string
	heading    bool
}

// dropped marks where a block or list was left out, so that a heading
// left above nothing but links goes with them.
func (r *renderer) dropped() {
	if n := len(r.blocks); n == 0 || !r.blocks[n-1].skip {
		r.blocks = append(r.blocks, textBlock{skip: true})
	}
}

// textBlock is one paragraph, heading, list item or quote of the output.
type textBlock struct {
	prefix, text string
	runes        int
	heading      bool
	skip         bool // a placeholder for left-out links
}

func (r *renderer) flush() {
	raw := r.line.String()
	r.line.Reset()
	text, link := r.text, r.link
	r.text, r.link = 0, 0
	s := strings.Join(strings.Fields(raw), " ")
	if s == "" {
		return
	}
	// A block that is mostly link text is navigation, a teaser or a tag
	// list, even inside the article's container.
	if text > 0 && float64(link) > 0.5*float64(text) {
		r.dropped()
		return
	}
	r.blocks = append(r.blocks, textBlock{prefix: r.prefix, text: s, runes: text, heading: r.heading})
}

// String joins the blocks. A heading followed by nothing but left-out
// links ("Most read" over its list) goes with them.
func (r *renderer) String() string {
	// dropHeading[i]: the blocks after i, up to the next text, are only
	// left-out links. One pass from the end keeps a run of headings linear.
	dropHeading := make([]bool, len(r.blocks))
	linksNext := false
	for i := len(r.blocks) - 1; i >= 0; i-- {
		b := r.blocks[i]
		dropHeading[i] = b.heading && linksNext
		switch {
		case b.skip:
			linksNext = true
		case !b.heading:
			linksNext = false
		}
	}
	var out strings.Builder
	for i, b := range r.blocks {
		if b.skip || dropHeading[i] {
			continue
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(b.prefix)
		out.WriteString(b.text)
	}
	return out.String()
}

// linkList reports whether a list or table is a list of links: related
// articles, tags, a table of contents.
func (r *renderer) linkList(n *html.Node) bool {
	ns := r.scores[n]
	return ns != nil && ns.text > 0 && 2*ns.link > ns.text
}

func (r *renderer) walk(n *html.Node, quote bool, inLink bool) {
	switch n.Type {
	case html.TextNode:
		r.line.WriteString(n.Data)
		k := textRunes(n.Data)
		r.text += k
		if inLink {
			r.link += k
		}
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Br:
			r.line.WriteByte(' ')
			return
		case atom.Td, atom.Th:
			r.line.WriteByte(' ')
		case atom.Ul, atom.Ol, atom.Dl, atom.Table:
			if r.linkList(n) {
				r.flush()
				r.dropped()
				return
			}
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n) && n.DataAtom != atom.Td && n.DataAtom != atom.Th
	if block {
		r.flush()
		r.heading = isHeading(n.DataAtom)
		switch {
		case n.DataAtom == atom.Li:
			r.prefix = "- "
		case n.DataAtom == atom.Blockquote || quote:
			r.prefix = "> "
		default:
			r.prefix = ""
		}
	}
	q := quote || n.DataAtom == atom.Blockquote
	l := inLink || n.DataAtom == atom.A
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, q, l)
	}
	if block {
		r.flush()
		r.heading = false
		r.prefix = ""
		if q && n.DataAtom != atom.Blockquote {
			r.prefix = "> "
		}
	}
	// Adjacent links are separate words: "<a>A</a><a>B</a>" must not
	// read "AB".
	if n.DataAtom == atom.A {
		if s := n.NextSibling; s != nil && s.Type == html.ElementNode && s.DataAtom == atom.A {
			if l := r.line.String(); l != "" {
				if last, _ := utf8.DecodeLastRuneInString(l); !unicode.IsSpace(last) {
					r.line.WriteByte(' ')
				}
			}
		}
	}
}

func renderText(root *html.Node, scores map[*html.Node]*nodeScore) string {
	r := renderer{scores: scores}
	r.walk(root, false, false)
	r.flush()
	return r.String()
}

// mainText extracts the article's text from a parsed page. It prunes the
// tree in place, so it runs after everything else that reads the page.
func mainText(doc *html.Node) string {
	body := findBody(doc)
	if body == nil {
		return ""
	}
	prune(body)
	c, scores := chooseContainer(body)
	if c == nil {
		c = body
	}
	return renderText(c, scores)
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

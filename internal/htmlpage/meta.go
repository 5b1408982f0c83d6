package htmlpage

import (
	"encoding/json"
	nurl "net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself outside its text.
type pageMeta struct {
	title, author, site, url string
}

// readMeta gathers title, author, site name and canonical URL in one walk,
// before the tree is pruned. Each field takes the most specific source
// that has it: Open Graph and JSON-LD, then the generic meta tags, then
// the page's own markup.
func readMeta(doc *html.Node, blocks jsonLD, pageURL string) pageMeta {
	metas := map[string]string{}
	var titleTag, canonical, relAuthor, itemAuthor string
	var h1s []string
	var ld ldMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstAttr(n, "property", "name", "itemprop")))
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					}
				}
				return
			case atom.Title:
				if titleTag == "" {
					titleTag = textOf(n, 400)
				}
				return
			case atom.Link:
				if canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
				return
			case atom.Script:
				if v, ok := blocks[n]; ok {
					ld.read(v)
				}
				return
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.H1:
				if len(h1s) < 3 {
					h1s = append(h1s, clean(textOf(n, 400)))
				}
			case atom.A:
				if relAuthor == "" && strings.Contains(strings.ToLower(attr(n, "rel")), "author") {
					relAuthor = clean(textOf(n, 120))
				}
			}
			if itemAuthor == "" && strings.EqualFold(attr(n, "itemprop"), "author") {
				if v := attr(n, "content"); v != "" {
					itemAuthor = clean(v)
				} else {
					itemAuthor = clean(textOf(n, 120))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	var m pageMeta
	m.title = firstNonEmpty(metas["og:title"], metas["twitter:title"], ld.headline, metas["dc.title"])
	if m.title == "" && len(h1s) == 1 {
		m.title = h1s[0]
	}
	if m.title == "" {
		m.title = trimSiteName(clean(titleTag))
	}
	m.title = clean(m.title)
	m.author = firstNonEmpty(metas["author"], ld.author, notURL(metas["article:author"]), metas["parsely-author"],
		metas["sailthru.author"], metas["dc.creator"], metas["byl"], itemAuthor, relAuthor)
	m.author = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(clean(m.author), "By "), "by "))
	m.site = clean(firstNonEmpty(metas["og:site_name"], ld.publisher, metas["application-name"]))
	m.url = absolute(firstNonEmpty(canonical, metas["og:url"]), pageURL)
	return m
}

// ldMeta is the part of a JSON-LD block that names the article.
type ldMeta struct {
	headline, author, publisher string
}

func (l *ldMeta) read(v any) {
	// Only @graph: the headline and author of a mainEntity or a listed
	// item would be another article's.
	walkLD(v, 8, []string{"@graph"}, func(x map[string]any) {
		if !isArticleNode(x, false) {
			return
		}
		if l.headline == "" {
			l.headline, _ = x["headline"].(string)
		}
		if l.author == "" {
			l.author = ldName(x["author"])
		}
		if l.publisher == "" {
			l.publisher = ldName(x["publisher"])
		}
	})
}

// walkLD calls fn on every object of a JSON-LD value, going into arrays
// and, after an object itself, into the values of its nested keys in the
// order given, at most maxDepth levels deep.
func walkLD(v any, maxDepth int, nested []string, fn func(map[string]any)) {
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > maxDepth {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			fn(x)
			for _, k := range nested {
				if n, ok := x[k]; ok {
					visit(n, depth+1)
				}
			}
		}
	}
	visit(v, 0)
}

// isArticleNode reports whether a JSON-LD object's @type is an article
// type; a WebPage counts only when webPage is set.
func isArticleNode(x map[string]any, webPage bool) bool {
	for _, t := range jsonTypes(x["@type"]) {
		if articleTypes[strings.ToLower(t)] && (webPage || !strings.EqualFold(t, "webpage")) {
			return true
		}
	}
	return false
}

// ldName reads a JSON-LD person or organisation, or a list of them.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return notURL(x)
	case map[string]any:
		s, _ := x["name"].(string)
		return s
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, "; ")
	}
	return ""
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/") {
		return ""
	}
	return s
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// trimSiteName drops the site's name that <title> often appends: the
// longest part between separators is the headline.
func trimSiteName(t string) string {
	best := t
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " · "} {
		if !strings.Contains(t, sep) {
			continue
		}
		best = ""
		for _, part := range strings.Split(t, sep) {
			if len(part) > len(best) {
				best = part
			}
		}
		break
	}
	return strings.TrimSpace(best)
}

// absolute resolves a canonical link against the page's URL; a link that
// does not parse is dropped rather than guessed at.
func absolute(ref, base string) string {
	if ref == "" {
		return ""
	}
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		return u.String()
	}
	b, err := nurl.Parse(base)
	if err != nil || base == "" || !b.IsAbs() {
		return ""
	}
	return b.ResolveReference(u).String()
}

// jsonLD holds the page's JSON-LD blocks, parsed once: the date finder and
// the metadata reader both walk them.
type jsonLD map[*html.Node]any

// parseJSONLD parses every <script type="application/ld+json"> of doc;
// blocks that are not valid JSON are left out.
func parseJSONLD(doc *html.Node) jsonLD {
	out := jsonLD{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				src := strings.TrimSpace(n.FirstChild.Data)
				src = strings.TrimSuffix(strings.TrimPrefix(src, "<!--"), "-->")
				var v any
				if json.Unmarshal([]byte(src), &v) == nil {
					out[n] = v
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

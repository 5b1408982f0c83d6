package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blockTags start a new paragraph in the text output.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "body": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "figure": true, "figcaption": true,
	"header": true, "footer": true, "aside": true, "hr": true, "head": true, "code": false,
}

// nodeText renders an extracted content tree as plain text that keeps the
// article's structure: one paragraph per block separated by a blank line,
// headings on their own line, list items as "- " lines, quotes as "> ".
func nodeText(root *html.Node) string {
	var out strings.Builder
	var line strings.Builder
	prefix := ""
	flush := func() {
		s := strings.Join(strings.Fields(line.String()), " ")
		line.Reset()
		if s == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(prefix)
		out.WriteString(s)
	}
	var walk func(n *html.Node, quote bool)
	walk = func(n *html.Node, quote bool) {
		switch n.Type {
		case html.TextNode:
			line.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "rt", "rp":
				// rt/rp: ruby readings (furigana) would interleave with the
				// characters they annotate.
				return
			case "br":
				line.WriteByte(' ')
				return
			case "td", "th":
				line.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
			switch {
			case n.Data == "li":
				prefix = "- "
			case n.Data == "blockquote" || quote:
				prefix = "> "
			default:
				prefix = ""
			}
		}
		q := quote || (n.Type == html.ElementNode && n.Data == "blockquote")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, q)
		}
		if block {
			flush()
			prefix = ""
			if q && n.Data != "blockquote" {
				prefix = "> "
			}
		}
		// Inline elements end a word: "<a>A</a><a>B</a>" must not read "AB".
		if n.Type == html.ElementNode && !block && n.Data != "span" && n.Data != "b" && n.Data != "i" &&
			n.Data != "em" && n.Data != "strong" && n.Data != "sup" && n.Data != "sub" && n.Data != "u" {
			if l := line.String(); l != "" {
				if r, _ := utf8.DecodeLastRuneInString(l); !unicode.IsSpace(r) && n.Data == "a" && nextStartsWord(n) {
					line.WriteByte(' ')
				}
			}
		}
	}
	walk(root, false)
	flush()
	return out.String()
}

// nextStartsWord reports whether the text after n starts with a letter or
// digit directly, which after a link means two links or words ran together.
func nextStartsWord(n *html.Node) bool {
	s := n.NextSibling
	if s == nil {
		return false
	}
	if s.Type == html.ElementNode && s.Data == "a" {
		return true
	}
	return false
}

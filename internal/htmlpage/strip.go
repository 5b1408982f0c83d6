package htmlpage

import (
	"strings"
)

// stripInert removes from the page source, before parsing, what can never
// hold text or date evidence but costs the parser much of its time:
// scripts (except JSON-LD blocks), style sheets, inline SVG drawings,
// templates, drop-down lists and comments. Scripts and styles stay as empty
// elements so the tree keeps its shape. The search is plain substring
// search, linear in the page; an element left unclosed is kept for the
// parser to deal with.
func stripInert(s string) string {
	var b strings.Builder
	last := 0 // s[last:i] is still to be copied
	i := 0
	cut := func(keepTo, resume int) {
		if b.Cap() == 0 {
			b.Grow(len(s) / 2)
		}
		b.WriteString(s[last:keepTo])
		last = resume
	}
	// unclosed records the kinds whose end was searched for and not
	// found: no later one can be closed either, and searching again
	// from every opening would be quadratic.
	unclosed := map[string]bool{}
	for {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--") && !unclosed["!--"]:
			if k := strings.Index(rest[4:], "-->"); k >= 0 {
				cut(i, i+4+k+3)
				i += 4 + k + 3
				continue
			}
			unclosed["!--"] = true
		case hasTagPrefix(rest, "script"), hasTagPrefix(rest, "style"):
			name := "script"
			if rest[1] == 's' || rest[1] == 'S' {
				if rest[2] == 't' || rest[2] == 'T' {
					name = "style"
				}
			}
			gt := strings.IndexByte(rest, '>')
			if gt < 0 {
				break
			}
			if name == "script" && strings.Contains(strings.ToLower(rest[:gt]), "ld+json") {
				i += gt + 1
				continue
			}
			if unclosed[name] {
				break
			}
			if k := indexEndTag(rest[gt:], name); k >= 0 {
				cut(i+gt+1, i+gt+k)
				i += gt + k
				continue
			}
			unclosed[name] = true
		case hasTagPrefix(rest, "svg"), hasTagPrefix(rest, "template"), hasTagPrefix(rest, "select"):
			name := "svg"
			switch {
			case rest[1]|0x20 == 't':
				name = "template"
			case rest[2]|0x20 == 'e':
				name = "select"
			}
			if unclosed[name] {
				break
			}
			if k := indexEndTag(rest, name); k >= 0 {
				if gt := strings.IndexByte(rest[k:], '>'); gt >= 0 {
					cut(i, i+k+gt+1)
					i += k + gt + 1
					continue
				}
			}
			unclosed[name] = true
		}
		i++
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasTagPrefix reports whether s starts with the opening tag name (any
// case) followed by white space, '>' or '/'.
func hasTagPrefix(s, name string) bool {
	if len(s) < len(name)+2 || !strings.EqualFold(s[1:1+len(name)], name) {
		return false
	}
	return endsTagName(s[1+len(name)])
}

func endsTagName(c byte) bool {
	switch c {
	case ' ', '>', '/', '\t', '\n', '\r', '\f':
		return true
	}
	return false
}

// indexEndTag finds the end tag "</name" in s, in any case, as the HTML
// tokenizer would end a raw-text element.
func indexEndTag(s, name string) int {
	for off := 0; ; {
		k := strings.Index(s[off:], "</")
		if k < 0 {
			return -1
		}
		p := off + k
		if len(s) >= p+2+len(name)+1 && strings.EqualFold(s[p+2:p+2+len(name)], name) && endsTagName(s[p+2+len(name)]) {
			return p
		}
		off = p + 2
	}
}

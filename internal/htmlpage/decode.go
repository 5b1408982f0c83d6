package htmlpage

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"
)

// prescanLimit is how far into a page we look for a <meta charset>. The
// standard says 1024 bytes, but many real pages put the declaration after
// long inline scripts or comments; a declaration later than this is rare.
const prescanLimit = 16 << 10

// decode turns raw page bytes into UTF-8 text. Order of trust: a byte-order
// mark, the transport's Content-Type, the page's own declaration, valid
// UTF-8, a statistical guess, and Windows-1252 last (what browsers assume for
// undeclared Western pages). It returns the encoding name it used.
func decode(raw []byte, contentType string) (string, string) {
	enc, name := declared(raw, contentType)
	if enc == nil {
		switch {
		case utf8.Valid(raw):
			enc, name = encoding.Nop, "utf-8"
		default:
			enc, name = sniff(raw)
		}
	}
	// A page that declares a Latin encoding but is in fact UTF-8 is common
	// (templates copied between sites); trust the bytes when they are valid
	// UTF-8 with multi-byte sequences, which Latin text almost never is.
	if name != "utf-8" && isSingleByteLatin(name) && utf8.Valid(raw) && hasHighBit(raw) {
		enc, name = encoding.Nop, "utf-8"
	}
	var out []byte
	if name == "utf-8" {
		out = raw
	} else {
		b, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			b = raw
			name = "utf-8"
		}
		out = b
	}
	s := stripInert(string(out))
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Decomposed accents and soft hyphens would split words the reader sees
	// as one, and break substring matching against what a user copies.
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\u00ad", "")
	return s, name
}

func declared(raw []byte, contentType string) (encoding.Encoding, string) {
	head := raw
	if len(head) > prescanLimit {
		head = head[:prescanLimit]
	}
	if e, name, certain := charset.DetermineEncoding(head[:min(len(head), 1024)], contentType); certain {
		return e, canonical(name)
	}
	// DetermineEncoding only scans the first 1024 bytes; scan further for
	// charset= in a meta tag ourselves.
	lower := bytes.ToLower(head)
	for off := 0; off < len(lower); {
		i := bytes.Index(lower[off:], []byte("charset"))
		if i < 0 {
			break
		}
		i += off
		off = i + 7
		// Only inside a <meta …> tag.
		lt := bytes.LastIndexByte(lower[:i], '<')
		if lt < 0 || !bytes.HasPrefix(lower[lt:], []byte("<meta")) || bytes.IndexByte(lower[lt:i], '>') >= 0 {
			continue
		}
		j := off
		for j < len(lower) && (lower[j] == ' ' || lower[j] == '=' || lower[j] == '"' || lower[j] == '\'') {
			j++
		}
		k := j
		for k < len(lower) && k-j < 40 && (isAlnum(lower[k]) || lower[k] == '-' || lower[k] == '_' || lower[k] == ':' || lower[k] == '.') {
			k++
		}
		if k == j {
			continue
		}
		if e, err := htmlindex.Get(string(lower[j:k])); err == nil {
			name, _ := htmlindex.Name(e)
			name = canonical(name)
			// A page saved as UTF-16 cannot declare it in ASCII; the
			// declaration is a lie the standard tells us to ignore.
			if strings.HasPrefix(name, "utf-16") {
				return encoding.Nop, "utf-8"
			}
			return e, name
		}
	}
	return nil, ""
}

func sniff(raw []byte) (encoding.Encoding, string) {
	sample := raw
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if res, err := chardet.NewHtmlDetector().DetectBest(sample); err == nil && res.Confidence >= 30 {
		if e, err := htmlindex.Get(res.Charset); err == nil {
			name, _ := htmlindex.Name(e)
			return e, canonical(name)
		}
	}
	e, _ := htmlindex.Get("windows-1252")
	return e, "windows-1252"
}

func canonical(name string) string {
	name = strings.ToLower(name)
	if name == "utf8" {
		return "utf-8"
	}
	return name
}

func isSingleByteLatin(name string) bool {
	switch name {
	case "windows-1252", "iso-8859-1", "iso-8859-15", "windows-1250", "iso-8859-2", "us-ascii":
		return true
	}
	return false
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

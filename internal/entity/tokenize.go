package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a byte range of the text; tokens never cross a sentence span.
type token struct{ start, end int }

// abbrev lists lowercased words whose trailing period belongs to the word.
// Single letters ("J.") and dotted forms ("U.S.") are recognised by shape.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "rev": true, "st": true, "jr": true, "sr": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "bros": true, "plc": true, "mt": true, "ft": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"etc": true, "ave": true, "blvd": true, "pres": true, "supt": true, "messrs": true,
}

// isOpenPunct and isClosePunct are the characters peeled off a
// white-space-separated chunk; hyphens and inner periods stay, as in
// PTB tokens ("U.S.", "Russia-related", "1996-08-30").
func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '`', '(', '[', '{', '<', '“', '‘', '«', '¿', '¡', '*':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', '”', '’', '»', ',', ';', ':', '!', '?', '.', '…', '*':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' }

// plainByte marks the ASCII bytes other than white space: unicode.IsSpace
// is false for them, and they are whole runes.
var plainByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !(c == ' ' || c >= '\t' && c <= '\r')
	}
	return t
}()

// tokenize appends the tokens of text[start:end] to dst. It works on plain
// news text and on PTB-tokenised text alike: white space separates chunks,
// quotes and brackets are peeled off, a possessive 's or a trailing
// apostrophe after s becomes its own token, em-dashes split words.
func tokenize(dst []token, text string, start, end int) []token {
	// Bounded by the slice, the loop over a word's bytes below needs no
	// second check.
	span := text[:end]
	i := start
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, as in the inner loop.
			if c == ' ' || c >= '\t' && c <= '\r' {
				i++
				continue
			}
		} else if r, sz := utf8.DecodeRuneInString(text[i:end]); unicode.IsSpace(r) || r == utf8.RuneError && sz == 1 {
			// Bytes that are not UTF-8 separate tokens, so no mention
			// holds or borders on half a character.
			i += sz
			continue
		}
		// Most chunks are ASCII letters and digits up to ASCII white
		// space: such a chunk has nothing to peel, no possessive and no
		// dash, so it is one token as it stands.
		j := i
		for j < len(span) && alnumByte[span[j]] {
			j++
		}
		if j > i && (j == end || text[j] < utf8.RuneSelf && !plainByte[text[j]]) {
			dst = append(dst, token{i, j})
			i = j
			continue
		}
		for j < end {
			c := text[j]
			if plainByte[c] {
				j++
				continue
			}
			if c < utf8.RuneSelf {
				break // ASCII white space
			}
			r2, sz2 := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r2) || r2 == utf8.RuneError && sz2 == 1 {
				break
			}
			j += sz2
		}
		dst = splitChunk(dst, text, i, j)
		i = j
	}
	return dst
}

// alnumByte marks the ASCII letters and digits, which are neither opening
// nor closing punctuation nor part of a dash: a chunk that starts (ends)
// with one has nothing to peel at that end.
var alnumByte = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func splitChunk(dst []token, text string, s, e int) []token {
	// Leading punctuation, one token each.
	for s < e && !alnumByte[text[s]] {
		r, sz := utf8.DecodeRuneInString(text[s:e])
		if !isOpenPunct(r) && !isDash(r) {
			break
		}
		if r == '`' && s+1 < e && text[s+1] == '`' {
			sz = 2
		}
		if r == '\'' && e-s > 1 && isPTBClitic(text[s:e]) {
			break
		}
		dst = append(dst, token{s, s + sz})
		s += sz
	}
	if s >= e {
		return dst
	}
	// Trailing punctuation, collected right to left.
	var tail [8]token
	nt := 0
	for e > s && nt < len(tail) && !alnumByte[text[e-1]] {
		r, sz := utf8.DecodeLastRuneInString(text[s:e])
		if !isClosePunct(r) && !isDash(r) {
			break
		}
		if r == '.' && keepsPeriod(text[s:e-1]) {
			break
		}
		if (r == '\'' || r == '’') && e-sz-1 >= s && (text[e-sz-1] == 's' || text[e-sz-1] == 'S') && e-sz-1 > s {
			// "Sessions'" : the apostrophe is a possessive marker.
			tail[nt] = token{e - sz, e}
			nt++
			e -= sz
			break
		}
		if r == '\'' && text[s:e] == "''" {
			break
		}
		tail[nt] = token{e - sz, e}
		nt++
		e -= sz
	}
	// Possessive 's / ’s and PTB clitics at the end of the word.
	if e-s > 2 {
		w := text[s:e]
		if n := possessiveLen(w); n > 0 && n < len(w) {
			dst = splitDashes(dst, text, s, e-n)
			dst = append(dst, token{e - n, e})
			s = e
		}
	}
	if s < e {
		dst = splitDashes(dst, text, s, e)
	}
	for k := nt - 1; k >= 0; k-- {
		dst = append(dst, tail[k])
	}
	return dst
}

// isPTBClitic reports a chunk that is itself a PTB clitic token ('s, 're).
func isPTBClitic(w string) bool {
	switch w {
	case "'s", "'S", "'re", "'ve", "'ll", "'d", "'m", "'", "''":
		return true
	}
	return false
}

func possessiveLen(w string) int {
	n := len(w)
	if n >= 3 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] == '\'' {
		return 2
	}
	if n >= 5 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-4:n-1] == "’" {
		return 4
	}
	return 0
}

// keepsPeriod reports whether the period after w is part of the word:
// an initial ("J."), a dotted abbreviation ("U.S."), or a known short form.
func keepsPeriod(w string) bool {
	if w == "" {
		return false
	}
	if len(w) == 1 {
		c := w[0]
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
	}
	dots := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			dots++
		}
	}
	if dots > 0 && len(w) <= 10 {
		return true
	}
	if len(w) > 6 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrev[string(buf[:len(w)])]
}

// splitDashes splits a word on em and en dashes, which join clauses in
// news text ("Sessions—the attorney-general").
func splitDashes(dst []token, text string, s, e int) []token {
	// Every dash isDash knows is encoded from the byte 0xE2; most words
	// have none.
	if strings.IndexByte(text[s:e], 0xE2) < 0 {
		return append(dst, token{s, e})
	}
	p := s
	for i := s; i < e; {
		r, sz := utf8.DecodeRuneInString(text[i:e])
		if isDash(r) {
			if p < i {
				dst = append(dst, token{p, i})
			}
			dst = append(dst, token{i, i + sz})
			p = i + sz
		}
		i += sz
	}
	if p < e {
		dst = append(dst, token{p, e})
	}
	return dst
}

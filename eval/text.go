package eval

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the string helpers that reproduce the Python built-ins
// score.py relies on: str.isspace, str.strip, str.split, str.lower, the
// UTF-8 decoder with errors="replace", universal newlines and json.loads of
// a string.

// pyIsSpace reports whether Python's str.isspace (and the \s of its re
// module) holds for r: Go's unicode.IsSpace plus the information separators
// U+001C to U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyStrip is Python's str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, pyIsSpace) }

// pySplit is Python's str.split() with no argument.
func pySplit(s string) []string { return strings.FieldsFunc(s, pyIsSpace) }

// pyLower is Python's str.lower(): Go's simple lower-case mapping plus the one
// unconditional special casing (U+0130 lowers to "i" and a combining dot).
func pyLower(s string) string {
	if !strings.ContainsRune(s, 'İ') {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range s {
		if r == 'İ' {
			b.WriteString("i\u0307")
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pyDecode decodes b as Python's bytes.decode("utf-8", errors="replace")
// does: each maximal ill-formed subsequence becomes one U+FFFD.
func pyDecode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.Write(b[i : i+size])
			i += size
			continue
		}
		sb.WriteRune(utf8.RuneError)
		i += invalidRun(b[i:])
	}
	return sb.String()
}

// invalidRun returns the length of the maximal subpart of an ill-formed
// UTF-8 sequence at the start of b (at least 1).
func invalidRun(b []byte) int {
	c := b[0]
	var n int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case c >= 0xc2 && c <= 0xdf:
		n = 2
	case c == 0xe0:
		n, lo = 3, 0xa0
	case c >= 0xe1 && c <= 0xec, c == 0xee, c == 0xef:
		n = 3
	case c == 0xed:
		n, hi = 3, 0x9f
	case c == 0xf0:
		n, lo = 4, 0x90
	case c >= 0xf1 && c <= 0xf3:
		n = 4
	case c == 0xf4:
		n, hi = 4, 0x8f
	default:
		return 1
	}
	k := 1
	if k < len(b) && b[k] >= lo && b[k] <= hi {
		k++
		for k < n-1 && k < len(b) && b[k] >= 0x80 && b[k] <= 0xbf {
			k++
		}
	}
	return k
}

// pyLines splits text into lines as iterating over a Python text file opened
// with universal newlines does: "\n", "\r\n" and a lone "\r" each end a line.
// The terminators are dropped; a final empty line is not returned.
func pyLines(s string) []string {
	var lines []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return lines
}

// normName is score.py's norm_name: NFKD, combining marks dropped, apostrophes
// and dots dropped, lower case, every run of characters other than ASCII
// letters and digits turned into one space, trimmed, a leading "the " dropped.
func normName(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if r >= utf8.RuneSelf && norm.NFD.PropertiesString(string(r)).CCC() != 0 {
			continue
		}
		switch r {
		case '\u2019', '\'', '\u2018', '.':
			continue
		}
		b.WriteRune(r)
	}
	s = pyLower(b.String())
	b.Reset()
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteByte(c)
		} else {
			gap = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// Normalize returns a name as the scorer compares it: accents, case,
// apostrophes and dots dropped, other punctuation a space, a leading "the"
// dropped.
func Normalize(name string) string { return normName(name) }

// alnumLower keeps only ASCII lower-case letters and digits of pyLower(s).
func alnumLower(s string) string {
	s = pyLower(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// localName is score.py's local_name: the part of an IRI after the last '#',
// else after the last '/', else after the last ':', lower-cased, with
// everything but ASCII letters and digits dropped.
func localName(iri string) string {
	iri = strings.Trim(iri, "<>")
	for _, sep := range []string{"#", "/", ":"} {
		if i := strings.LastIndex(iri, sep); i >= 0 {
			iri = iri[i+1:]
			break
		}
	}
	return alnumLower(iri)
}

// unescapeLiteral is score.py's unescape_literal: the text between the first
// character and the last '"' of the token, decoded as a JSON string, or left
// as it is when it is not valid JSON.
func unescapeLiteral(tok string) string {
	end := strings.LastIndexByte(tok, '"')
	if end < 1 {
		return "" // no closing quote: never so for a token of the tokenizer
	}
	body := tok[1:end]
	if s, ok := jsonString(body); ok {
		return s
	}
	return body
}

// jsonString decodes body as the contents of a JSON string the way Python's
// json.loads('"' + body + '"') does (strict mode, C scanner); ok is false
// where that raises ValueError. Lone surrogates, which Python keeps, become
// U+FFFD.
func jsonString(body string) (string, bool) {
	if !strings.ContainsAny(body, "\\\"") {
		for i := 0; i < len(body); i++ {
			if body[i] < 0x20 {
				return "", false
			}
		}
		return body, true
	}
	var b strings.Builder
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '"':
			return "", false // the string would end before the input does
		case c < 0x20:
			return "", false
		case c != '\\':
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(body) {
			return "", false
		}
		switch e := body[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(body, i+2)
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(r) && r < 0xdc00 && i+1 < len(body) && body[i] == '\\' && body[i+1] == 'u' {
				r2, ok := hex4(body, i+2)
				if !ok {
					return "", false
				}
				if r2 >= 0xdc00 && r2 <= 0xdfff {
					r = utf16.DecodeRune(r, r2)
					i += 6
				}
			}
			b.WriteRune(r) // a lone surrogate is written as U+FFFD
			continue
		default:
			return "", false
		}
		i += 2
	}
	return b.String(), true
}

func hex4(s string, at int) (rune, bool) {
	if at+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[at : at+4]) {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// pyJSONQuote writes s as Python's json.dumps does with ensure_ascii=True.
func pyJSONQuote(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r >= 0x20 && r <= 0x7e {
				b.WriteRune(r)
				continue
			}
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				writeU(b, r1)
				writeU(b, r2)
				continue
			}
			writeU(b, r)
		}
	}
	b.WriteByte('"')
}

func writeU(b *strings.Builder, r rune) {
	h := strconv.FormatInt(int64(r), 16)
	b.WriteString(`\u`)
	b.WriteString(strings.Repeat("0", 4-len(h)))
	b.WriteString(h)
}

// pyRound4 formats x as Python's repr(round(x, 4)) does for x in [0, 1]:
// correctly rounded to four decimals (ties to even on the exact binary
// value), then the shortest representation, with ".0" for whole numbers.
func pyRound4(x float64) string {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return pyRepr(v)
}

// pyRepr is Python's repr of a float, for values whose repr is not in
// exponent notation (1e-4 <= |v| < 1e16, or zero).
func pyRepr(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

package graph

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// WriteNQuads writes quads as N-Quads other RDF tools accept: full datatype
// IRIs, valid escapes, sorted, byte-identical for the same input.
//
// Quads are ordered by graph label (unlabelled first), then subject,
// predicate and object, each compared in its N-Quads form; duplicates are
// written once. Invalid UTF-8 in a literal is replaced by U+FFFD, as N-Quads
// text must be UTF-8.
func WriteNQuads(w io.Writer, qs []quad.Quad) error {
	lines, err := nquadLines(qs)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		for _, t := range []string{l.s, l.p, l.o, l.g} {
			if t == "" {
				continue
			}
			bw.WriteString(t)
			bw.WriteByte(' ')
		}
		bw.WriteString(".\n")
	}
	return bw.Flush()
}

type nquadLine struct{ g, s, p, o string }

func nquadLines(qs []quad.Quad) ([]nquadLine, error) {
	lines := make([]nquadLine, 0, len(qs))
	for _, q := range qs {
		var l nquadLine
		var err error
		if l.s, err = ntTerm(q.Subject); err == nil {
			if l.p, err = ntTerm(q.Predicate); err == nil {
				if l.o, err = ntTerm(q.Object); err == nil && q.Label != nil {
					l.g, err = ntTerm(q.Label)
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("write n-quads: %w", err)
		}
		if l.s == "" || l.p == "" || l.o == "" {
			return nil, fmt.Errorf("write n-quads: incomplete quad %v", q)
		}
		lines = append(lines, l)
	}
	slices.SortFunc(lines, func(a, b nquadLine) int {
		return cmp.Or(strings.Compare(a.g, b.g), strings.Compare(a.s, b.s), strings.Compare(a.p, b.p), strings.Compare(a.o, b.o))
	})
	return slices.Compact(lines), nil
}

// ntTerm writes one RDF term in N-Quads syntax. quad's own String methods
// write datatypes as "xsd:integer" and escape too little for other tools.
func ntTerm(v quad.Value) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case quad.IRI:
		return ntIRI(string(v.Full())), nil
	case quad.BNode:
		return "_:" + ntBNode(string(v)), nil
	case quad.String:
		return ntString(string(v)), nil
	case quad.TypedString:
		if v.Type == "" {
			return ntString(string(v.Value)), nil
		}
		return ntString(string(v.Value)) + "^^" + ntIRI(string(v.Type.Full())), nil
	case quad.LangString:
		return ntString(string(v.Value)) + "@" + v.Lang, nil
	case quad.Int:
		return ntString(strconv.FormatInt(int64(v), 10)) + "^^" + ntIRI(xsdInteger), nil
	case quad.Float:
		f := float64(v)
		s := strconv.FormatFloat(f, 'E', -1, 64)
		switch {
		case math.IsNaN(f):
			s = "NaN"
		case math.IsInf(f, 1):
			s = "INF"
		case math.IsInf(f, -1):
			s = "-INF"
		}
		return ntString(s) + "^^" + ntIRI(xsdNS+"double"), nil
	case quad.Bool:
		return ntString(strconv.FormatBool(bool(v))) + "^^" + ntIRI(xsdNS+"boolean"), nil
	case quad.Time:
		return ntString(time.Time(v).Format(time.RFC3339Nano)) + "^^" + ntIRI(xsdNS+"dateTime"), nil
	}
	return "", fmt.Errorf("cannot write %T value %v", v, v)
}

// ntIRI percent-encodes the characters IRIREF does not allow. N-Quads
// would allow \u escapes, but they must not decode to such characters either
// (Raptor rejects \u0020) and quad's reader does not decode them at all.
func ntIRI(s string) string {
	if iriClean(s) {
		return "<" + s + ">"
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('<')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r <= 0x20, strings.ContainsRune("<>\"{}|^`\\", r):
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// iriClean reports whether s needs no escaping in an IRIREF.
func iriClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c < 0x80 && iriBad[c] {
			return false
		}
	}
	return utf8.ValidString(s)
}

var iriBad = func() (t [128]bool) {
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// ntString quotes a literal: the four escapes N-Quads requires, the usual
// short escapes, and \u escapes for the other control characters.
func ntString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
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
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r) // utf8.RuneError for invalid bytes: U+FFFD
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ntBNode keeps a blank node label within the characters every reader accepts.
func ntBNode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && (r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "x%X", r)
		}
	}
	if b.Len() == 0 {
		return "b"
	}
	return b.String()
}

package graph

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// WriteNQuads writes quads as N-Quads other RDF tools accept: full datatype
// IRIs, valid escapes, sorted, byte-identical for the same input.
//
// Quads are ordered by graph label (unlabelled first), then subject,
// predicate and object, each compared in its N-Quads form; duplicates are
// written once. Invalid UTF-8 in a literal is replaced by U+FFFD, as N-Quads
// text must be UTF-8.
func WriteNQuads(w io.Writer, qs []quad.Quad) error {
	e := getEncoder()
	defer putEncoder(e)
	e.vocCheck()
	for _, q := range qs {
		if err := e.addQuad(q); err != nil {
			return fmt.Errorf("write n-quads: %w", err)
		}
	}
	e.sort()
	return e.writeTo(w)
}

// AppendNQuads appends the N-Quads of one extraction to b and returns the
// extended buffer: the bytes WriteNQuads writes for Quads(x), without
// building the quads. It is the fast path from text to N-Quads, safe to call
// from many goroutines.
func AppendNQuads(b []byte, x schema.Extraction) []byte {
	e := getEncoder()
	defer putEncoder(e)
	label := quad.IRI(x.Doc.IRI())
	e.vocCheck()
	var g0, g1 int       // the label's bytes, written once for comparisons
	var last term        // the previous line's subject, at buf[last0:last1]
	var last0, last1 int // last1 == 0: no line yet
	eachQuad(x, &e.quads, func(s term, p *vocIRI, o term) {
		start := len(e.buf)
		same := last1 > 0 && s == last
		if same {
			// Lines come in runs about one subject: copy its bytes.
			e.buf = append(e.buf, e.buf[last0:last1]...)
		} else {
			e.buf = s.appendNT(e, e.buf)
		}
		sEnd := len(e.buf)
		last, last0, last1 = s, start, sEnd
		e.buf = append(e.buf, ' ')
		e.buf = e.appendVoc(e.buf, p)
		pEnd := len(e.buf)
		e.buf = append(e.buf, ' ')
		e.buf = o.appendNT(e, e.buf)
		oEnd := len(e.buf)
		e.buf = append(e.buf, ' ')
		if g1 == 0 {
			g0 = len(e.buf)
			e.buf = e.appendIRI(e.buf, string(label))
			g1 = len(e.buf)
		} else {
			e.buf = append(e.buf, e.buf[g0:g1]...)
		}
		e.buf = append(e.buf, " .\n"...)
		l := nqLine{start: start, sEnd: sEnd, pEnd: pEnd, oEnd: oEnd, g0: g0, g1: g1, s0: start, s1: sEnd, end: len(e.buf)}
		if same {
			// The subject compares through the previous line's copy, as
			// push would find, without comparing the bytes.
			prev := &e.lines[len(e.lines)-1]
			l.s0, l.s1 = prev.s0, prev.s1
		}
		if !e.fullIRIs {
			l.pRank = p.rank
		}
		e.lines = append(e.lines, l)
	})
	e.sort()
	b = slices.Grow(b, len(e.buf)) // the lines, duplicates dropped, fit
	e.sorted(func(line []byte) { b = append(b, line...) })
	return b
}

// nqEncoder builds N-Quads lines in one buffer and sorts them by reference,
// so that a quad costs no allocation of its own.
type nqEncoder struct {
	buf   []byte
	lines []nqLine
	runs  []nqRun
	order []int32 // indexes of lines, sorted
	quads quadScratch
	// fullIRIs: some registered voc prefix could rewrite an IRI that
	// starts with "http", so such IRIs go through voc.FullIRI too.
	fullIRIs bool
}

// nqLine locates one line "s p o [g] .\n" in nqEncoder.buf: the subject is
// buf[start:sEnd], the predicate buf[sEnd+1:pEnd], the object
// buf[pEnd+1:oEnd], the graph label buf[g0:g1] (which may be another
// line's copy of the same label, and is empty for none) and the whole
// line buf[start:end].
//
// s0 and s1 locate the subject for comparisons: like the label, it may be
// an earlier line's copy of the same bytes, so that the many lines about
// one subject compare their subjects at once.
//
// rank orders lines by label and subject once sort has ranked them.
// pRank, where set (not 0), orders lines by predicate: AppendNQuads sets
// it from the vocabulary's ranks, which order predicates as their bytes
// do, and WriteNQuads leaves it 0.
type nqLine struct {
	start, sEnd, pEnd, oEnd, g0, g1, s0, s1, end, rank int
	pRank                                              int32
}

// push adds line l, sharing the comparison copy of its subject and label
// with the previous line when the bytes are the same.
func (e *nqEncoder) push(l nqLine) {
	l.s0, l.s1 = l.start, l.sEnd
	if n := len(e.lines); n > 0 {
		p := &e.lines[n-1]
		if bytes.Equal(e.buf[p.s0:p.s1], e.buf[l.s0:l.s1]) {
			l.s0, l.s1 = p.s0, p.s1
		}
		if l.g0 != p.g0 && bytes.Equal(e.buf[p.g0:p.g1], e.buf[l.g0:l.g1]) {
			l.g0, l.g1 = p.g0, p.g1
		}
	}
	e.lines = append(e.lines, l)
}

var encoders = sync.Pool{New: func() any { return new(nqEncoder) }}

func getEncoder() *nqEncoder { return encoders.Get().(*nqEncoder) }

func putEncoder(e *nqEncoder) {
	if cap(e.buf) > 4<<20 { // do not keep a whole store's export alive
		return
	}
	e.buf, e.lines, e.runs, e.order = e.buf[:0], e.lines[:0], e.runs[:0], e.order[:0]
	encoders.Put(e)
}

// vocCheck decides whether IRIs need voc.FullIRI (quad.IRI.Full), which
// expands registered prefixes such as "xsd:". None of ours is written
// short, and looking every IRI up in voc's locked map costs more than
// the rest of the line, so only IRIs a registered prefix could match are
// looked up.
func (e *nqEncoder) vocCheck() {
	e.fullIRIs = false
	for _, ns := range voc.List() {
		if strings.HasPrefix("http", ns.Prefix) || strings.HasPrefix(ns.Prefix, "http") {
			e.fullIRIs = true
		}
	}
}

// appendVoc appends vocabulary IRI v in N-Quads form.
func (e *nqEncoder) appendVoc(b []byte, v *vocIRI) []byte {
	if e.fullIRIs {
		return e.appendIRI(b, v.iri)
	}
	return append(b, v.nt...)
}

// appendIRI appends IRI s (expanded as quad.IRI.Full does) in N-Quads form.
func (e *nqEncoder) appendIRI(b []byte, s string) []byte {
	if e.fullIRIs || !strings.HasPrefix(s, "http") {
		s = voc.FullIRI(s)
	}
	return appendNTIRI(b, s)
}

// addQuad adds one line, checking the quad as WriteNQuads always did:
// terms in order, then completeness.
func (e *nqEncoder) addQuad(q quad.Quad) error {
	start := len(e.buf)
	var err error
	var sEnd, pEnd, oEnd int
	if e.buf, err = e.appendValue(e.buf, q.Subject); err == nil {
		sEnd = len(e.buf)
		e.buf = append(e.buf, ' ')
		if e.buf, err = e.appendValue(e.buf, q.Predicate); err == nil {
			pEnd = len(e.buf)
			e.buf = append(e.buf, ' ')
			if e.buf, err = e.appendValue(e.buf, q.Object); err == nil {
				oEnd = len(e.buf)
				e.buf = append(e.buf, ' ')
			}
		}
	}
	g0 := len(e.buf)
	if err == nil && q.Label != nil {
		if e.buf, err = e.appendValue(e.buf, q.Label); err == nil {
			e.buf = append(e.buf, ' ')
		}
	}
	if err != nil {
		return err
	}
	if q.Subject == nil || q.Predicate == nil || q.Object == nil {
		return fmt.Errorf("incomplete quad %v", q)
	}
	g1 := len(e.buf)
	if g1 > g0 {
		g1-- // the space
	} else {
		g0, g1 = 0, 0
	}
	e.buf = append(e.buf, ".\n"...)
	e.push(nqLine{start: start, sEnd: sEnd, pEnd: pEnd, oEnd: oEnd, g0: g0, g1: g1, end: len(e.buf)})
	return nil
}

// cmp orders lines by graph label, subject, predicate and object, each
// compared in its N-Quads form. Label and subject are compared through
// the rank sort gave them.
func (e *nqEncoder) cmp(a, b *nqLine) int {
	if a.rank != b.rank {
		return a.rank - b.rank
	}
	if a.pRank != 0 && b.pRank != 0 {
		if a.pRank != b.pRank { // equal ranks are equal predicates
			return int(a.pRank) - int(b.pRank)
		}
	} else if c := bytes.Compare(e.buf[a.sEnd+1:a.pEnd], e.buf[b.sEnd+1:b.pEnd]); c != 0 {
		return c
	}
	return bytes.Compare(e.buf[a.pEnd+1:a.oEnd], e.buf[b.pEnd+1:b.oEnd])
}

// cmpSubject orders lines by graph label and subject.
func (e *nqEncoder) cmpSubject(a, b *nqLine) int {
	if a.g0 != b.g0 || a.g1 != b.g1 {
		if c := bytes.Compare(e.buf[a.g0:a.g1], e.buf[b.g0:b.g1]); c != 0 {
			return c
		}
	}
	if a.s0 != b.s0 || a.s1 != b.s1 {
		return bytes.Compare(e.buf[a.s0:a.s1], e.buf[b.s0:b.s1])
	}
	return 0
}

// nqRun is a run of consecutive lines lines[i:j] with the same label and
// subject.
type nqRun struct{ i, j int }

// sort puts the lines in order: e.order lists them by label, subject,
// predicate and object. Lines come in runs about one subject (a document,
// an entity, a statement), so the runs are sorted by label and subject and
// ranked, and then only the lines of runs of one rank (a dozen or so) are
// sorted among themselves, by predicate and object. The lines stay where
// they are; order holds their indexes.
func (e *nqEncoder) sort() {
	runs := e.runs[:0]
	for i := range e.lines {
		if i == 0 || e.cmpSubject(&e.lines[i-1], &e.lines[i]) != 0 {
			runs = append(runs, nqRun{i, i})
		}
		runs[len(runs)-1].j = i + 1
	}
	slices.SortFunc(runs, func(a, b nqRun) int { return e.cmpSubject(&e.lines[a.i], &e.lines[b.i]) })
	order := e.order[:0]
	rank, group := 0, 0 // group: where the current rank's lines start in order
	for k, r := range runs {
		if k > 0 && e.cmpSubject(&e.lines[runs[k-1].i], &e.lines[r.i]) != 0 {
			e.sortGroup(order[group:])
			rank++
			group = len(order)
		}
		for i := r.i; i < r.j; i++ {
			e.lines[i].rank = rank
			order = append(order, int32(i))
		}
	}
	e.sortGroup(order[group:])
	e.runs, e.order = runs, order
}

// sortGroup sorts the indexes of lines of one label and subject by
// predicate and object.
func (e *nqEncoder) sortGroup(g []int32) {
	if len(g) > 24 {
		slices.SortFunc(g, func(a, b int32) int { return e.cmp(&e.lines[a], &e.lines[b]) })
		return
	}
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && e.cmp(&e.lines[g[j-1]], &e.lines[g[j]]) > 0; j-- {
			g[j-1], g[j] = g[j], g[j-1]
		}
	}
}

// sorted calls fn with each distinct line in order; call sort first.
func (e *nqEncoder) sorted(fn func(line []byte)) {
	for k, i := range e.order {
		l := &e.lines[i]
		if k > 0 && e.cmp(&e.lines[e.order[k-1]], l) == 0 {
			continue
		}
		fn(e.buf[l.start:l.end])
	}
}

// writeTo writes the sorted lines, each distinct line once.
func (e *nqEncoder) writeTo(w io.Writer) error {
	out := make([]byte, 0, min(len(e.buf), 64<<10))
	var err error
	e.sorted(func(line []byte) {
		if err != nil {
			return
		}
		if len(out)+len(line) > cap(out) && len(out) > 0 {
			_, err = w.Write(out)
			out = out[:0]
		}
		out = append(out, line...)
	})
	if err != nil {
		return err
	}
	if len(out) > 0 {
		if _, err := w.Write(out); err != nil {
			return err
		}
	}
	return nil
}

// appendValue appends one RDF term in N-Quads syntax; nil appends nothing.
// quad's own String methods write datatypes as "xsd:integer" and escape
// too little for other tools.
func (e *nqEncoder) appendValue(b []byte, v quad.Value) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return b, nil
	case quad.IRI:
		return e.appendIRI(b, string(v)), nil
	case quad.String:
		return appendNTString(b, string(v)), nil
	case quad.Int:
		return appendNTInt(b, int64(v)), nil
	case quad.TypedString:
		b = appendNTString(b, string(v.Value))
		if v.Type == "" {
			return b, nil
		}
		b = append(b, "^^"...)
		return e.appendIRI(b, string(v.Type)), nil
	}
	t, err := ntTerm(v)
	return append(b, t...), err
}

func appendNTInt(b []byte, n int64) []byte {
	b = append(b, '"')
	b = strconv.AppendInt(b, n, 10)
	return append(b, `"^^<`+xsdInteger+`>`...)
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
		return string(appendNTInt(nil, int64(v))), nil
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
func ntIRI(s string) string { return string(appendNTIRI(nil, s)) }

func appendNTIRI(b []byte, s string) []byte {
	return appendIRIBody(append(b, '<'), s)
}

// appendIRIBody appends s escaped as appendNTIRI does, and the closing '>'.
func appendIRIBody(b []byte, s string) []byte {
	if iriClean(s) {
		b = append(b, s...)
		return append(b, '>')
	}
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r <= 0x20, r < utf8.RuneSelf && iriBad[r]:
			b = append(b, '%', hexDigits[r>>4], hexDigits[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '>')
}

const hexDigits = "0123456789ABCDEF"

// iriClean reports whether s needs no escaping in an IRIREF.
func iriClean(s string) bool {
	var f uint8
	for i := 0; i < len(s); i++ {
		f |= iriClass[s[i]]
	}
	return f&iriEscape == 0 && (f&iriNonASCII == 0 || utf8.ValidString(s))
}

// iriClass classes bytes for iriClean.
const (
	iriEscape   = 1 << iota // percent-encoded in an IRIREF
	iriNonASCII             // part of a multi-byte sequence: check UTF-8
)

var iriClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = iriNonASCII
		case c <= 0x20 || iriBad[c]:
			t[c] = iriEscape
		}
	}
	return t
}()

var iriBad = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// ntString quotes a literal: the four escapes N-Quads requires, the usual
// short escapes, and \u escapes for the other control characters.
func ntString(s string) string { return string(appendNTString(nil, s)) }

// appendNTString appends s quoted as ntString does. Runs of bytes that need
// no escape are copied as they are.
func appendNTString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !strEscape[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"':
				b = append(b, `\"`...)
			case '\\':
				b = append(b, `\\`...)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 { // invalid byte: U+FFFD
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			i++
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// strEscape marks the ASCII bytes a literal cannot hold as they are.
var strEscape = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0x7f] = true, true, true
	return t
}()

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

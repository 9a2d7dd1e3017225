package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/corpus"
	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/schema"
)

// refWriteNQuads is WriteNQuads as it was first written, one string per
// term and a sort of string tuples: kept as the reference the fast encoder
// must match byte for byte.
//
// Quads are ordered by graph label (unlabelled first), then subject,
// predicate and object, each compared in its N-Quads form; duplicates are
// written once. Invalid UTF-8 in a literal is replaced by U+FFFD, as N-Quads
// text must be UTF-8.
func refWriteNQuads(w io.Writer, qs []quad.Quad) error {
	lines, err := refNquadLines(qs)
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

type refNquadLine struct{ g, s, p, o string }

func refNquadLines(qs []quad.Quad) ([]refNquadLine, error) {
	lines := make([]refNquadLine, 0, len(qs))
	for _, q := range qs {
		var l refNquadLine
		var err error
		if l.s, err = refNtTerm(q.Subject); err == nil {
			if l.p, err = refNtTerm(q.Predicate); err == nil {
				if l.o, err = refNtTerm(q.Object); err == nil && q.Label != nil {
					l.g, err = refNtTerm(q.Label)
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
	slices.SortFunc(lines, func(a, b refNquadLine) int {
		return cmp.Or(strings.Compare(a.g, b.g), strings.Compare(a.s, b.s), strings.Compare(a.p, b.p), strings.Compare(a.o, b.o))
	})
	return slices.Compact(lines), nil
}

// ntTerm writes one RDF term in N-Quads syntax. quad's own String methods
// write datatypes as "xsd:integer" and escape too little for other tools.
func refNtTerm(v quad.Value) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case quad.IRI:
		return refNtIRI(string(v.Full())), nil
	case quad.BNode:
		return "_:" + refNtBNode(string(v)), nil
	case quad.String:
		return refNtString(string(v)), nil
	case quad.TypedString:
		if v.Type == "" {
			return refNtString(string(v.Value)), nil
		}
		return refNtString(string(v.Value)) + "^^" + refNtIRI(string(v.Type.Full())), nil
	case quad.LangString:
		return refNtString(string(v.Value)) + "@" + v.Lang, nil
	case quad.Int:
		return refNtString(strconv.FormatInt(int64(v), 10)) + "^^" + refNtIRI(xsdInteger), nil
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
		return refNtString(s) + "^^" + refNtIRI(xsdNS+"double"), nil
	case quad.Bool:
		return refNtString(strconv.FormatBool(bool(v))) + "^^" + refNtIRI(xsdNS+"boolean"), nil
	case quad.Time:
		return refNtString(time.Time(v).Format(time.RFC3339Nano)) + "^^" + refNtIRI(xsdNS+"dateTime"), nil
	}
	return "", fmt.Errorf("cannot write %T value %v", v, v)
}

// ntIRI percent-encodes the characters IRIREF does not allow. N-Quads
// would allow \u escapes, but they must not decode to such characters either
// (Raptor rejects \u0020) and quad's reader does not decode them at all.
func refNtIRI(s string) string {
	if refIriClean(s) {
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
func refIriClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c < 0x80 && refIriBad[c] {
			return false
		}
	}
	return utf8.ValidString(s)
}

var refIriBad = func() (t [128]bool) {
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// ntString quotes a literal: the four escapes N-Quads requires, the usual
// short escapes, and \u escapes for the other control characters.
func refNtString(s string) string {
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
func refNtBNode(s string) string {
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

// corpusExtractions extracts n generated articles and the samples.
func corpusExtractions(t testing.TB, n int) []schema.Extraction {
	t.Helper()
	x, err := extract.New(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := corpus.Generate(1, n, &buf); err != nil {
		t.Fatal(err)
	}
	docs, errs := extract.ReadDocuments("corpus.jsonl", &buf, extract.ReadOptions{})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var xs []schema.Extraction
	for _, d := range docs {
		xr, err := x.Extract(d)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, xr)
	}
	return append(xs, strike, drawdown, oddIDs("a b{}", "é\xff|", "made-up", "Nonsense"))
}

// oddIDs is an extraction that validation would reject but the encoders
// must still write as the reference does: IDs that need escaping or are not
// UTF-8, and a predicate and a type outside the ontology.
func oddIDs(a, b string, p schema.Predicate, t schema.EntityType) schema.Extraction {
	return schema.Extraction{
		Doc: schema.Document{ID: "odd " + a, Hash: "cccc000000000003"},
		Entities: []schema.Entity{
			{ID: a, Type: t, Name: a, Aliases: []string{b, a, ""}},
			{ID: b, Type: schema.Person, Name: b},
			kh,
		},
		Statements: []schema.Statement{
			{Subject: a, Predicate: p, Object: b, Modality: schema.Asserted, Sentence: a + b, Span: schema.Span{Start: 0, End: 3}, Rule: "odd", Date: b},
			{Subject: a, Predicate: schema.Attacked, Object: b, Modality: schema.Asserted, Sentence: b, Span: schema.Span{Start: 0, End: 3}, Rule: "odd", Date: "2021-02-29"},
			{Subject: b, Predicate: schema.Attacked, Object: "kataib-hezbollah", Modality: schema.Asserted, Sentence: b, Span: schema.Span{Start: 1, End: 2}, Rule: a, Date: "2020-02-29"},
			{Subject: "kataib-hezbollah", Predicate: p, Object: a, Modality: schema.Asserted, Sentence: b, Span: schema.Span{Start: 1, End: 2}, Rule: a},
		},
	}
}

// TestQuadsDropsDuplicatesOfOddTypes: an entity listed twice with a type
// outside the ontology gives its quads once.
func TestQuadsDropsDuplicatesOfOddTypes(t *testing.T) {
	x := oddIDs("a", "b", "made-up", "Nonsense")
	x.Entities = append(x.Entities, x.Entities[0])
	seen := map[quad.Quad]bool{}
	for _, q := range Quads(x) {
		if seen[q] {
			t.Errorf("duplicate quad %v", q)
		}
		seen[q] = true
	}
}

// FuzzAppendNQuads checks AppendNQuads against the reference for any IDs,
// predicate and type.
func FuzzAppendNQuads(f *testing.F) {
	for _, s := range []string{"", "kataib-hezbollah", "a b<>", "é😀", "\xff\xffa\xc3", "attacked", "Person"} {
		f.Add(s, s, s, s)
	}
	f.Fuzz(func(t *testing.T, a, b, p, typ string) {
		x := oddIDs(a, b, schema.Predicate(p), schema.EntityType(typ))
		var want bytes.Buffer
		if err := refWriteNQuads(&want, Quads(x)); err != nil {
			t.Skip(err) // an IRI the reference cannot write either
		}
		if got := string(AppendNQuads(nil, x)); got != want.String() {
			t.Errorf("got\n%s\nwant\n%s", got, want.String())
		}
	})
}

// TestNQuadsSameBytes checks the fast encoders against refWriteNQuads.
func TestNQuadsSameBytes(t *testing.T) {
	ref := func(qs []quad.Quad) string {
		var b bytes.Buffer
		if err := refWriteNQuads(&b, qs); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	var all []quad.Quad
	for _, x := range corpusExtractions(t, 40) {
		qs := Quads(x)
		all = append(all, qs...)
		want := ref(qs)
		if diff := gocmp.Diff(want, string(nq(t, qs))); diff != "" {
			t.Fatalf("%s: WriteNQuads (-ref +got):\n%s", x.Doc.ID, diff)
		}
		if diff := gocmp.Diff(want, string(AppendNQuads(nil, x))); diff != "" {
			t.Fatalf("%s: AppendNQuads (-ref +got):\n%s", x.Doc.ID, diff)
		}
	}
	// Several labels, unlabelled quads, duplicates, every kind of term.
	s, p := quad.IRI("https://x.org/s"), quad.IRI("https://x.org/p")
	odd := []quad.Quad{
		{Subject: quad.IRI("https://x.org/a b{}"), Predicate: p, Object: quad.String("\x01\x7f\"\\\n\r\t é \xff\xfe 😀")},
		{Subject: quad.BNode("b1"), Predicate: p, Object: quad.BNode("é-x")},
		{Subject: quad.BNode("b"), Predicate: p, Object: quad.LangString{Value: "hi", Lang: "en"}},
		{Subject: s, Predicate: p, Object: quad.String("hi")},
		{Subject: s, Predicate: p, Object: quad.TypedString{Value: "hi", Type: "xsd:string"}},
		{Subject: s, Predicate: p, Object: quad.TypedString{Value: "hi"}},
		{Subject: s, Predicate: p, Object: quad.Float(1.5)},
		{Subject: s, Predicate: p, Object: quad.Bool(false)},
		{Subject: s, Predicate: p, Object: quad.Int(-3), Label: quad.IRI("https://x.org/g")},
		{Subject: s, Predicate: p, Object: quad.Int(-3), Label: quad.IRI("https://x.org/g")},
		{Subject: s, Predicate: p, Object: quad.IRI("rdf:type"), Label: quad.BNode("g")},
		{Subject: quad.IRI("https://x.org/\xff"), Predicate: p, Object: s, Label: quad.IRI("https://x.org/g")},
	}
	all = append(all, odd...)
	all = append(all, odd...)
	all = append(all, Ontology()...)
	if diff := gocmp.Diff(ref(all), string(nq(t, all))); diff != "" {
		t.Fatalf("WriteNQuads (-ref +got):\n%s", diff)
	}
	for _, q := range []quad.Quad{{Subject: s, Predicate: p}, {Subject: s, Predicate: p, Object: quad.Value(nil), Label: s}} {
		var a, b bytes.Buffer
		errRef, err := refWriteNQuads(&a, []quad.Quad{q}), WriteNQuads(&b, []quad.Quad{q})
		if fmt.Sprint(errRef) != fmt.Sprint(err) || a.Len() != 0 || b.Len() != 0 {
			t.Errorf("%v: error %v, want %v", q, err, errRef)
		}
	}
}

func FuzzNQuadsSameBytes(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"uote", `back\slash`, "line\nbreak\r", "\x00\x1f\x7f", "é😀", "\xff\xffa\xc3", "a b<>"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		qs := []quad.Quad{
			{Subject: quad.IRI("https://x.org/" + a), Predicate: quad.IRI("https://x.org/p"), Object: quad.String(b), Label: quad.IRI("https://x.org/g")},
			{Subject: quad.IRI("https://x.org/s"), Predicate: quad.IRI("https://x.org/" + b), Object: quad.String(a)},
			{Subject: quad.IRI("https://x.org/s"), Predicate: quad.IRI("https://x.org/p"), Object: quad.TypedString{Value: quad.String(a), Type: quad.IRI(b)}, Label: quad.IRI(a)},
		}
		var want, got bytes.Buffer
		if err := refWriteNQuads(&want, qs); err != nil {
			t.Fatal(err)
		}
		if err := WriteNQuads(&got, qs); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Errorf("got\n%s\nwant\n%s", got.String(), want.String())
		}
	})
}

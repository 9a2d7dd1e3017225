package schema

import (
	"strings"
	"testing"
)

// TestHash pins Hash: statement IRIs and document hashes in every stored
// graph depend on it. The values are those of the first implementation
// (sha256 over the parts, each followed by a NUL byte, first 8 bytes in
// hex).
func TestHash(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"a", "b"}, "8fb20ef63ced4145"},
		{nil, "e3b0c44298fc1c14"},
		{[]string{strings.Repeat("x", 600), "y"}, "e006d56946144940"}, // past the stack buffer
		{[]string{strings.Repeat("é", 300)}, "ec49b93e93c913a8"},
	}
	for _, tt := range tests {
		if got := Hash(tt.parts...); got != tt.want {
			t.Errorf("Hash(%.20q...) = %s, want %s", tt.parts, got, tt.want)
		}
	}
}

// TestStatementID pins statement IDs, which are in every graph written
// so far, and checks them against the formula they are documented by.
func TestStatementID(t *testing.T) {
	st := Statement{Subject: "kataib-hezbollah", Predicate: "attacked", Object: "united-states", Modality: "asserted", Span: Span{120, 245}, Rule: "svo"}
	long := st
	long.Rule = strings.Repeat("r", 600) // past the stack buffer
	tests := []struct {
		name  string
		st    Statement
		docID string
		want  string
	}{
		{"plain", st, "wire-01", "53533ca70efdcac2"},
		{"long", long, "wire-01", "dab6a4aa7081dcf6"},
		{"empty", Statement{}, "", "10b55656fd54433d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.st.ID(tt.docID)
			if got != tt.want {
				t.Errorf("ID = %s, want %s", got, tt.want)
			}
			if formula := statementHash(tt.st, tt.docID); got != formula {
				t.Errorf("ID = %s, Hash of the fields = %s", got, formula)
			}
		})
	}
}

// statementHash is Statement.ID as its comment defines it.
func statementHash(s Statement, docID string) string {
	return Hash(docID, s.Subject, string(s.Predicate), s.Object, string(s.Modality), s.Span.String(), s.Rule)
}

func FuzzStatementID(f *testing.F) {
	f.Add("doc", "a", "attacked", "b", "asserted", 0, 10, "svo")
	f.Add("", "", "", "", "", -1, 1<<40, strings.Repeat("é", 300))
	f.Fuzz(func(t *testing.T, doc, subj, pred, obj, mod string, start, end int, rule string) {
		s := Statement{Subject: subj, Predicate: Predicate(pred), Object: obj, Modality: Modality(mod), Span: Span{start, end}, Rule: rule}
		if got, want := s.ID(doc), statementHash(s, doc); got != want {
			t.Errorf("ID = %s, Hash of the fields = %s", got, want)
		}
	})
}

func TestSpanString(t *testing.T) {
	for _, tt := range []struct {
		s    Span
		want string
	}{{Span{3, 1234567}, "3-1234567"}, {Span{0, 0}, "0-0"}, {Span{-1, 0}, "-1-0"}} {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kataib Hezbollah", "kataib-hezbollah"},
		{"kataib-hezbollah", "kataib-hezbollah"}, // an ID: returned as it is
		{"al-Asad", "al-asad"},
		{"-a--b-", "a-b"},
		{"Ain al-Asad Air Base", "ain-al-asad-air-base"},
		{"Jund al-Islam's", "jund-al-islams"},
		{"Bağdat", "bağdat"},
		{"4th Brigade", "4th-brigade"},
		{"", ""},
		{"---", ""},
	} {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSlug checks Slug's shortcut against the full path, and that a slug
// is its own slug.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Kataib Hezbollah", "a-b", "-a", "a-", "a--b", "Bağdat", "x9", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if want := slugify(s); got != want {
			t.Fatalf("Slug(%q) = %q, slugify gives %q", s, got, want)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(Slug(%q)) = %q, not %q", s, again, got)
		}
	})
}

// TestPredicateIndex checks that predicateIndex's switch follows
// predicateList: every predicate at its place, nothing else found.
func TestPredicateIndex(t *testing.T) {
	for i, info := range predicateList {
		if got := predicateIndex(info.Name); got != i {
			t.Errorf("predicateIndex(%s) = %d, want %d", info.Name, got, i)
		}
	}
	for _, p := range []Predicate{"", "memberof", "MemberOf", "member"} {
		if got := predicateIndex(p); got != -1 {
			t.Errorf("predicateIndex(%q) = %d, want -1", p, got)
		}
	}
}

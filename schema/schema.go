// Package schema is actorgraph's shared vocabulary: entity types, predicates
// with their domain, range and event codes, modality, entities, statements and
// the IRIs they are written under. It imports only the standard library; every
// other package of actorgraph imports it, and it imports none of them.
package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unsafe"
)

// IRI bases. Every node actorgraph writes lives under one of them, so that a
// graph built on one machine merges cleanly with one built on another.
const (
	// NS is the namespace of types and predicates: NS+"memberOf".
	NS = "https://actorgraph.dev/ns#"
	// EntityBase prefixes entity IDs: EntityBase+"kataib-hezbollah".
	EntityBase = "https://actorgraph.dev/id/"
	// DocBase prefixes document IDs; a document IRI is also the graph label of
	// every quad extracted from that document.
	DocBase = "https://actorgraph.dev/doc/"
	// StatementBase prefixes reified statements.
	StatementBase = "https://actorgraph.dev/stmt/"
)

// EntityIRI returns the IRI of the entity with the given ID.
func EntityIRI(id string) string { return EntityBase + id }

// DocIRI returns the IRI (and graph label) of the document with the given ID.
// The ID is path-escaped, so that it stays one token for tools that look for
// it in the label.
func DocIRI(id string) string { return DocBase + url.PathEscape(id) }

// DocIDFromIRI is the inverse of DocIRI; ok is false for an IRI that is not a
// document IRI.
func DocIDFromIRI(iri string) (id string, ok bool) {
	rest, ok := strings.CutPrefix(iri, DocBase)
	if !ok {
		return "", false
	}
	id, err := url.PathUnescape(rest)
	if err != nil {
		return "", false
	}
	return id, true
}

// Term returns the IRI of a type, predicate or property in actorgraph's
// namespace.
func Term(local string) string { return NS + local }

// Slug turns a name into an entity ID: lower case, apostrophes dropped, every
// other run of characters that are not ASCII letters or digits turned into one
// hyphen. Non-ASCII letters are kept.
func Slug(name string) string {
	if isSlug(name) {
		return name // an ID already: no copy
	}
	return slugify(name)
}

// slugify is Slug without its shortcut.
func slugify(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '\'' || r == '\u2019' || r == '\u2018' || r == '`':
			continue
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && unicode.IsLetter(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// isSlug reports whether Slug(s) is s, for ASCII s: lower-case letters
// and digits in runs joined by single dashes.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-': // not first, by the test above
		default:
			return false
		}
	}
	return true
}

// Hash returns a short, stable hex digest of the parts, used for statement
// IRIs and document content hashes.
func Hash(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	var sum [sha256.Size]byte
	if n <= 512 {
		// Statement IDs: hashed from the stack, without allocating.
		var stack [512]byte
		b := stack[:0]
		for _, p := range parts {
			b = appendPart(b, p)
		}
		sum = sha256.Sum256(b)
	} else {
		// Documents: the text goes to the digest as it is, not copied
		// into a byte slice first (a copy of every article).
		h := sha256.New()
		for _, p := range parts {
			h.Write(unsafe.Slice(unsafe.StringData(p), len(p))) // Write neither keeps nor changes it
			h.Write([]byte{0})
		}
		h.Sum(sum[:0])
	}
	return digest(&sum)
}

// appendPart appends p as Hash digests a part: its bytes, then a NUL.
func appendPart(b []byte, p string) []byte { return append(append(b, p...), 0) }

// digest is Hash's form of a SHA-256 sum: its first 8 bytes in hex.
func digest(sum *[sha256.Size]byte) string {
	var out [16]byte
	hex.Encode(out[:], sum[:8])
	return string(out[:])
}

// Span is a half-open byte range [Start, End) into a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// String formats the span as start-end.
func (s Span) String() string {
	var buf [41]byte
	return string(s.appendText(buf[:0]))
}

// appendText appends the span as String formats it.
func (s Span) appendText(b []byte) []byte {
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, '-')
	return strconv.AppendInt(b, int64(s.End), 10)
}

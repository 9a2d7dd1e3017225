package schema

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"time"
)

// Entity is one node of the graph: an actor or a place.
type Entity struct {
	ID      string     `json:"id"`      // stable slug; the IRI is EntityIRI(ID)
	Type    EntityType `json:"type"`    // the entity's class
	Name    string     `json:"name"`    // canonical name
	Aliases []string   `json:"aliases"` // other names the entity was mentioned by, sorted
}

// IRI returns the entity's IRI.
func (e Entity) IRI() string { return EntityIRI(e.ID) }

// Validate checks the entity's ID, type and name.
func (e Entity) Validate() error {
	switch {
	case e.ID == "" || Slug(e.ID) != e.ID:
		return fmt.Errorf("entity %q: ID is not a slug", e.ID)
	case !e.Type.Valid():
		return fmt.Errorf("entity %q: unknown type %q", e.ID, e.Type)
	case e.Name == "":
		return fmt.Errorf("entity %q: no name", e.ID)
	}
	return nil
}

// Document describes a source document. Its ID names the graph (the quads'
// label) that holds what the document says.
type Document struct {
	ID        string    `json:"id"`                 // file base name without extension, or the JSON id
	Source    string    `json:"source,omitempty"`   // path or path:line it was read from
	Title     string    `json:"title,omitempty"`    // headline
	URL       string    `json:"url,omitempty"`      // where it was published
	Published time.Time `json:"published,omitzero"` // publication date, zero when unknown
	Hash      string    `json:"hash"`               // content hash of the text
	Bytes     int       `json:"bytes"`              // length of the text in bytes
}

// IRI returns the document's IRI, which is also its graph label.
func (d Document) IRI() string { return DocIRI(d.ID) }

// Statement is one fact a document states, with its provenance. A statement
// whose modality is Direct becomes an edge Subject-Predicate->Object in the
// document's graph; every statement is also written reified.
type Statement struct {
	Subject   string    `json:"subject"` // entity ID
	Predicate Predicate `json:"predicate"`
	Object    string    `json:"object"` // entity ID
	Modality  Modality  `json:"modality"`
	Sentence  string    `json:"sentence"`           // the evidence sentence, verbatim
	Span      Span      `json:"span"`               // byte span of the evidence sentence in the document text
	Rule      string    `json:"rule"`               // ID of the rule that produced the statement
	Date      string    `json:"date,omitempty"`     // event date: YYYY, YYYY-MM or YYYY-MM-DD
	DateRaw   string    `json:"date_raw,omitempty"` // the date phrase as written
	Killed    int       `json:"killed,omitempty"`
	Wounded   int       `json:"wounded,omitempty"`
	Troops    int       `json:"troops,omitempty"`
}

// ID returns a stable identifier of the statement within its document:
// Hash(docID, s.Subject, s.Predicate, s.Object, s.Modality,
// s.Span.String(), s.Rule), without making the span's string. Every
// statement of every document written gets one.
func (s Statement) ID(docID string) string {
	var stack [512]byte
	b := stack[:0]
	for _, p := range [...]string{docID, s.Subject, string(s.Predicate), s.Object, string(s.Modality)} {
		b = appendPart(b, p)
	}
	b = append(s.Span.appendText(b), 0) // the part s.Span.String()
	b = appendPart(b, s.Rule)
	sum := sha256.Sum256(b)
	return digest(&sum)
}

// IRI returns the IRI of the reified statement.
func (s Statement) IRI(docID string) string { return StatementBase + s.ID(docID) }

// ErrSchema is wrapped by every validation error of a statement.
var ErrSchema = errors.New("schema violation")

// Validate checks a statement against the ontology, given the types of its
// subject and object.
func (s Statement) Validate(subject, object EntityType) error {
	info, ok := s.Predicate.Info()
	if !ok {
		return fmt.Errorf("%w: unknown predicate %q", ErrSchema, s.Predicate)
	}
	if !s.Modality.Valid() {
		return fmt.Errorf("%w: unknown modality %q", ErrSchema, s.Modality)
	}
	if s.Subject == s.Object {
		return fmt.Errorf("%w: %s %s itself", ErrSchema, s.Subject, s.Predicate)
	}
	if !info.Allows(subject, object) {
		return fmt.Errorf("%w: %s cannot link %s (%s) to %s (%s)", ErrSchema, s.Predicate, s.Subject, subject, s.Object, object)
	}
	if s.Span.Start < 0 || s.Span.End < s.Span.Start {
		return fmt.Errorf("%w: bad span %s", ErrSchema, s.Span)
	}
	return nil
}

// Extraction is what one document yields: the document, the entities it
// mentions (with the names it used for them) and its statements.
type Extraction struct {
	Doc        Document    `json:"document"`
	Entities   []Entity    `json:"entities"`
	Statements []Statement `json:"statements"`
}

// Entity returns the entity with the given ID among those mentioned.
func (x *Extraction) Entity(id string) (Entity, bool) {
	for _, e := range x.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

// Validate checks every entity and statement of the extraction.
func (x *Extraction) Validate() error {
	types := make(map[string]EntityType, len(x.Entities))
	for _, e := range x.Entities {
		if err := e.Validate(); err != nil {
			return fmt.Errorf("document %s: %w", x.Doc.ID, err)
		}
		types[e.ID] = e.Type
	}
	for _, s := range x.Statements {
		st, ok1 := types[s.Subject]
		ot, ok2 := types[s.Object]
		if !ok1 || !ok2 {
			return fmt.Errorf("document %s: %w: statement %s %s %s names an entity not in the document", x.Doc.ID, ErrSchema, s.Subject, s.Predicate, s.Object)
		}
		if err := s.Validate(st, ot); err != nil {
			return fmt.Errorf("document %s: %w", x.Doc.ID, err)
		}
	}
	return nil
}

package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/cayleygraph/quad"
)

// IRIs of the outside vocabularies the graph contract uses.
const (
	rdfNS  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfsNS = "http://www.w3.org/2000/01/rdf-schema#"
	owlNS  = "http://www.w3.org/2002/07/owl#"
	xsdNS  = "http://www.w3.org/2001/XMLSchema#"

	rdfType      = rdfNS + "type"
	rdfStatement = rdfNS + "Statement"
	rdfSubject   = rdfNS + "subject"
	rdfPredicate = rdfNS + "predicate"
	rdfObject    = rdfNS + "object"
	rdfProperty  = rdfNS + "Property"

	rdfsClass   = rdfsNS + "Class"
	rdfsComment = rdfsNS + "comment"
	rdfsDomain  = rdfsNS + "domain"
	rdfsRange   = rdfsNS + "range"

	owlSymmetric = owlNS + "SymmetricProperty"

	xsdInteger    = xsdNS + "integer"
	xsdDate       = xsdNS + "date"
	xsdGYearMonth = xsdNS + "gYearMonth"
	xsdGYear      = xsdNS + "gYear"

	schemaName    = "https://schema.org/name"
	schemaAltName = "https://schema.org/alternateName"
	schemaURL     = "https://schema.org/url"
	dcTitle       = "http://purl.org/dc/terms/title"
)

// Terms of actorgraph's namespace that schema does not name: the properties
// of documents and reified statements, and of the ontology.
var (
	agDocument    = schema.Term("Document")
	agHash        = schema.Term("hash")
	agSource      = schema.Term("source")
	agPublished   = schema.Term("published")
	agBytes       = schema.Term("bytes")
	agMentionedIn = schema.Term("mentionedIn")
	agModality    = schema.Term("modality")
	agEvidence    = schema.Term("evidence")
	agSpanStart   = schema.Term("spanStart")
	agSpanEnd     = schema.Term("spanEnd")
	agRule        = schema.Term("rule")
	agDate        = schema.Term("date")
	agDateText    = schema.Term("dateText")
	agKilled      = schema.Term("killed")
	agWounded     = schema.Term("wounded")
	agTroops      = schema.Term("troops")
	agDocProp     = schema.Term("document")
	agCAMEO       = schema.Term("cameo")
	agPLOVER      = schema.Term("plover")
	agEvent       = schema.Term("event")
	agInverse     = schema.Term("inverseLabel")
)

// Quads returns the quads of one extraction in a deterministic order, every
// quad labelled with x.Doc.IRI(). Entities are written in ID order, aliases
// sorted, statements in span order; duplicate quads are dropped.
func Quads(x schema.Extraction) []quad.Quad {
	b := quadBuilder{label: quad.IRI(x.Doc.IRI()), seen: make(map[quad.Quad]bool)}
	d := quad.IRI(x.Doc.IRI())

	doc := x.Doc
	b.add(d, rdfType, quad.IRI(agDocument))
	if doc.Title != "" {
		b.add(d, dcTitle, quad.String(doc.Title))
	}
	if doc.Hash != "" {
		b.add(d, agHash, quad.String(doc.Hash))
	}
	if doc.Source != "" {
		b.add(d, agSource, quad.String(doc.Source))
	}
	if doc.URL != "" {
		b.add(d, schemaURL, quad.String(doc.URL))
	}
	if !doc.Published.IsZero() {
		b.add(d, agPublished, typed(doc.Published.Format("2006-01-02"), xsdDate))
	}
	b.add(d, agBytes, quad.Int(doc.Bytes))

	ents := slices.Clone(x.Entities)
	slices.SortStableFunc(ents, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	for _, e := range ents {
		s := quad.IRI(e.IRI())
		b.add(s, rdfType, quad.IRI(e.Type.IRI()))
		b.add(s, schemaName, quad.String(e.Name))
		aliases := slices.Clone(e.Aliases)
		slices.Sort(aliases)
		for _, a := range slices.Compact(aliases) {
			if a != "" && a != e.Name {
				b.add(s, schemaAltName, quad.String(a))
			}
		}
		b.add(s, agMentionedIn, d)
	}

	type stmt struct {
		schema.Statement
		iri string
	}
	sts := make([]stmt, len(x.Statements))
	for i, st := range x.Statements {
		sts[i] = stmt{st, st.IRI(x.Doc.ID)}
	}
	slices.SortStableFunc(sts, func(a, b stmt) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.iri, b.iri))
	})
	for _, st := range sts {
		if st.Modality.Direct() {
			b.add(quad.IRI(schema.EntityIRI(st.Subject)), st.Predicate.IRI(), quad.IRI(schema.EntityIRI(st.Object)))
		}
	}
	for _, st := range sts {
		n := quad.IRI(st.iri)
		b.add(n, rdfType, quad.IRI(rdfStatement))
		b.add(n, rdfSubject, quad.IRI(schema.EntityIRI(st.Subject)))
		b.add(n, rdfPredicate, quad.IRI(st.Predicate.IRI()))
		b.add(n, rdfObject, quad.IRI(schema.EntityIRI(st.Object)))
		b.add(n, agModality, quad.String(st.Modality))
		b.add(n, agEvidence, quad.String(st.Sentence))
		b.add(n, agSpanStart, quad.Int(st.Span.Start))
		b.add(n, agSpanEnd, quad.Int(st.Span.End))
		b.add(n, agRule, quad.String(st.Rule))
		if st.Date != "" {
			b.add(n, agDate, dateValue(st.Date))
		}
		if st.DateRaw != "" {
			b.add(n, agDateText, quad.String(st.DateRaw))
		}
		for _, c := range []struct {
			p string
			n int
		}{{agKilled, st.Killed}, {agWounded, st.Wounded}, {agTroops, st.Troops}} {
			if c.n > 0 {
				b.add(n, c.p, quad.Int(c.n))
			}
		}
		b.add(n, agDocProp, d)
	}
	return b.qs
}

type quadBuilder struct {
	label quad.Value
	seen  map[quad.Quad]bool
	qs    []quad.Quad
}

func (b *quadBuilder) add(s quad.Value, p string, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: b.label}
	if b.seen != nil {
		if b.seen[q] {
			return
		}
		b.seen[q] = true
	}
	b.qs = append(b.qs, q)
}

func typed(v, t string) quad.Value { return quad.TypedString{Value: quad.String(v), Type: quad.IRI(t)} }

// dateValue types an event date by its length: YYYY-MM-DD, YYYY-MM or YYYY.
// Anything else stays a plain string rather than an invalid typed literal.
func dateValue(s string) quad.Value {
	if _, _, err := dateBounds(s); err != nil {
		return quad.String(s)
	}
	switch len(s) {
	case 10:
		return typed(s, xsdDate)
	case 7:
		return typed(s, xsdGYearMonth)
	}
	return typed(s, xsdGYear)
}

// Ontology returns the RDFS description of the entity types and predicates
// (domain, range, comment, CAMEO/PLOVER codes, symmetric), unlabelled.
// It uses rdfs:comment and no rdfs:label on purpose: the scorer reads any
// "label" literal as an entity name.
func Ontology() []quad.Quad {
	b := quadBuilder{}
	for _, t := range schema.EntityTypes {
		s := quad.IRI(t.IRI())
		b.add(s, rdfType, quad.IRI(rdfsClass))
		b.add(s, rdfsComment, quad.String(t.Description()))
	}
	b.add(quad.IRI(agDocument), rdfType, quad.IRI(rdfsClass))
	b.add(quad.IRI(agDocument), rdfsComment, quad.String("A source document; its IRI is also the graph label of what it states."))
	for _, p := range schema.Predicates() {
		s := quad.IRI(p.Name.IRI())
		b.add(s, rdfType, quad.IRI(rdfProperty))
		if p.Symmetric {
			b.add(s, rdfType, quad.IRI(owlSymmetric))
		}
		b.add(s, rdfsComment, quad.String(p.Description))
		for _, t := range p.Domain {
			b.add(s, rdfsDomain, quad.IRI(t.IRI()))
		}
		for _, t := range p.Range {
			b.add(s, rdfsRange, quad.IRI(t.IRI()))
		}
		if p.CAMEO != "" {
			b.add(s, agCAMEO, quad.String(p.CAMEO))
		}
		if p.PLOVER != "" {
			b.add(s, agPLOVER, quad.String(p.PLOVER))
		}
		if p.Inverse != "" {
			b.add(s, agInverse, quad.String(p.Inverse))
		}
		b.add(s, agEvent, quad.Bool(p.Event))
	}
	for _, p := range []struct{ iri, comment string }{
		{agHash, "Content hash of the document text."},
		{agSource, "Path the document was read from."},
		{agPublished, "Publication date of the document."},
		{agBytes, "Length of the document text in bytes."},
		{agMentionedIn, "The entity is mentioned in the document."},
		{agModality, "How the document asserts the statement: asserted, claimed, threatened, planned, conditional, negated, hypothetical."},
		{agEvidence, "The evidence sentence, verbatim."},
		{agSpanStart, "Byte offset where the evidence sentence starts."},
		{agSpanEnd, "Byte offset where the evidence sentence ends (exclusive)."},
		{agRule, "ID of the extraction rule that produced the statement."},
		{agDate, "Event date."},
		{agDateText, "Event date phrase as written."},
		{agTroops, "Number of troops involved in the statement."},
		{agDocProp, "The document that states the statement."},
		{agCAMEO, "CAMEO event code of the predicate."},
		{agPLOVER, "PLOVER event type of the predicate."},
		{agEvent, "Whether the predicate is a dated event rather than a standing relation."},
		{agInverse, "Reading of the predicate in the reverse direction."},
	} {
		b.add(quad.IRI(p.iri), rdfType, quad.IRI(rdfProperty))
		b.add(quad.IRI(p.iri), rdfsComment, quad.String(p.comment))
	}
	return b.qs
}

// localName returns the part of an IRI after its last '#' or '/'.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

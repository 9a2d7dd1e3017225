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
	label := quad.Value(quad.IRI(x.Doc.IRI()))
	var qs []quad.Quad
	// Terms map one to one to values, so equal terms are equal quads,
	// and they hash without going through interfaces.
	type key struct {
		s, o term
		p    string
	}
	seen := make(map[key]struct{}, 16*len(x.Statements)+8*len(x.Entities)+8)
	eachQuad(x, nil, func(s term, p *vocIRI, o term) {
		k := key{s, o, p.iri}
		if o.kind == vocTerm {
			// by IRI: a type outside the ontology has a vocIRI of its own
			// each time
			k.o = iri(o.v.iri)
		}
		if _, ok := seen[k]; ok {
			return
		}
		seen[k] = struct{}{}
		qs = append(qs, quad.Quad{Subject: s.value(), Predicate: quad.IRI(p.iri), Object: o.value(), Label: label})
	})
	return qs
}

// term is an RDF term as Quads writes it, without the allocation of a
// quad.Value, so that AppendNQuads can encode it directly.
type term struct {
	kind termKind
	s    string  // the IRI, the lexical form, or the ID after an IRI prefix
	v    *vocIRI // a vocabulary IRI, or a typed literal's datatype
	n    int     // the value of an integer
}

type termKind uint8

const (
	iriTerm  termKind = iota // the IRI s
	entTerm                  // the entity IRI schema.EntityBase+s
	stmtTerm                 // the statement IRI schema.StatementBase+s
	vocTerm                  // the vocabulary IRI v
	stringTerm
	typedTerm // the literal s of datatype v
	intTerm
)

func iri(s string) term                 { return term{kind: iriTerm, s: s} }
func entity(id string) term             { return term{kind: entTerm, s: id} }
func statement(id string) term          { return term{kind: stmtTerm, s: id} }
func vocab(v *vocIRI) term              { return term{kind: vocTerm, v: v} }
func str(s string) term                 { return term{kind: stringTerm, s: s} }
func typedLit(s string, t *vocIRI) term { return term{kind: typedTerm, s: s, v: t} }
func integer(n int) term                { return term{kind: intTerm, n: n} }

// iri returns an IRI term's IRI.
func (t term) iri() string {
	switch t.kind {
	case entTerm:
		return schema.EntityBase + t.s
	case stmtTerm:
		return schema.StatementBase + t.s
	case vocTerm:
		return t.v.iri
	}
	return t.s
}

func (t term) appendNT(e *nqEncoder, b []byte) []byte {
	switch t.kind {
	case iriTerm:
		return e.appendIRI(b, t.s)
	case entTerm, stmtTerm:
		if e.fullIRIs {
			return e.appendIRI(b, t.iri())
		}
		// The prefix needs no escaping, and escaping works rune by rune.
		b = append(b, '<')
		if t.kind == entTerm {
			b = append(b, schema.EntityBase...)
		} else {
			b = append(b, schema.StatementBase...)
		}
		return appendIRIBody(b, t.s)
	case vocTerm:
		return e.appendVoc(b, t.v)
	case stringTerm:
		return appendNTString(b, t.s)
	case typedTerm:
		b = appendNTString(b, t.s)
		b = append(b, "^^"...)
		return e.appendVoc(b, t.v)
	}
	return appendNTInt(b, int64(t.n))
}

// value returns the term as the quad.Value Quads has always returned.
func (t term) value() quad.Value {
	switch t.kind {
	case iriTerm, entTerm, stmtTerm, vocTerm:
		return quad.IRI(t.iri())
	case stringTerm:
		return quad.String(t.s)
	case typedTerm:
		return typed(t.s, t.v.iri)
	}
	return quad.Int(t.n)
}

// quadScratch holds eachQuad's working copies, for a caller that writes
// many extractions (AppendNQuads, through its pooled encoder) and would
// otherwise allocate them per document.
type quadScratch struct {
	ents    []schema.Entity
	sts     []quadStmt
	aliases []string
}

// quadStmt is a statement as eachQuad orders and writes it.
type quadStmt struct {
	schema.Statement
	id string  // the IRI is schema.StatementBase+id
	p  *vocIRI // the predicate's
}

// eachQuad calls add for every quad of x (the label aside), in the order
// Quads returns them, duplicates included. It is the one place that maps
// an extraction to the graph contract. sc, if not nil, lends its slices.
func eachQuad(x schema.Extraction, sc *quadScratch, add func(s term, p *vocIRI, o term)) {
	if sc == nil {
		sc = new(quadScratch)
	}
	defer func() {
		// Keep the slices, not the document's strings.
		clear(sc.ents)
		clear(sc.sts)
		clear(sc.aliases)
	}()
	d := iri(x.Doc.IRI())

	doc := x.Doc
	add(d, vRdfType, vocab(vDocument))
	if doc.Title != "" {
		add(d, vDcTitle, str(doc.Title))
	}
	if doc.Hash != "" {
		add(d, vHash, str(doc.Hash))
	}
	if doc.Source != "" {
		add(d, vSource, str(doc.Source))
	}
	if doc.URL != "" {
		add(d, vSchemaURL, str(doc.URL))
	}
	if !doc.Published.IsZero() {
		add(d, vPublished, typedLit(doc.Published.Format("2006-01-02"), vXsdDate))
	}
	add(d, vBytes, integer(doc.Bytes))

	ents := append(sc.ents[:0], x.Entities...)
	sc.ents = ents
	slices.SortStableFunc(ents, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	aliases := sc.aliases[:0]
	for _, e := range ents {
		s := entity(e.ID)
		add(s, vRdfType, vocab(typeVoc(e.Type)))
		add(s, vSchemaName, str(e.Name))
		aliases = append(aliases[:0], e.Aliases...)
		slices.Sort(aliases)
		for _, a := range slices.Compact(aliases) {
			if a != "" && a != e.Name {
				add(s, vSchemaAltName, str(a))
			}
		}
		add(s, vMentionedIn, d)
	}
	sc.aliases = aliases

	sts := slices.Grow(sc.sts[:0], len(x.Statements))
	for _, st := range x.Statements {
		sts = append(sts, quadStmt{st, st.ID(x.Doc.ID), predicateVoc(st.Predicate)})
	}
	sc.sts = sts
	slices.SortStableFunc(sts, func(a, b quadStmt) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.id, b.id))
	})
	for _, st := range sts {
		if st.Modality.Direct() {
			add(entity(st.Subject), st.p, entity(st.Object))
		}
	}
	for _, st := range sts {
		n := statement(st.id)
		add(n, vRdfType, vocab(vRdfStatement))
		add(n, vRdfSubject, entity(st.Subject))
		add(n, vRdfPredicate, vocab(st.p))
		add(n, vRdfObject, entity(st.Object))
		add(n, vModality, str(string(st.Modality)))
		add(n, vEvidence, str(st.Sentence))
		add(n, vSpanStart, integer(st.Span.Start))
		add(n, vSpanEnd, integer(st.Span.End))
		add(n, vRule, str(st.Rule))
		if st.Date != "" {
			add(n, vDate, dateTerm(st.Date))
		}
		if st.DateRaw != "" {
			add(n, vDateText, str(st.DateRaw))
		}
		for _, c := range [...]struct {
			p *vocIRI
			n int
		}{{vKilled, st.Killed}, {vWounded, st.Wounded}, {vTroops, st.Troops}} {
			if c.n > 0 {
				add(n, c.p, integer(c.n))
			}
		}
		add(n, vDocProp, d)
	}
}

// quadBuilder collects unlabelled quads, for the ontology.
type quadBuilder struct {
	qs []quad.Quad
}

func (b *quadBuilder) add(s quad.Value, p string, o quad.Value) {
	b.qs = append(b.qs, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o})
}

func typed(v, t string) quad.Value { return quad.TypedString{Value: quad.String(v), Type: quad.IRI(t)} }

// dateValue types an event date by its length: YYYY-MM-DD, YYYY-MM or YYYY.
// Anything else stays a plain string rather than an invalid typed literal.
func dateValue(s string) quad.Value { return dateTerm(s).value() }

func dateTerm(s string) term {
	if _, _, err := dateBounds(s); err != nil {
		return str(s)
	}
	switch len(s) {
	case 10:
		return typedLit(s, vXsdDate)
	case 7:
		return typedLit(s, vXsdGYearMonth)
	}
	return typedLit(s, vXsdGYear)
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

package graph

import (
	"bytes"
	"slices"

	"github.com/actorgraph/actorgraph/schema"
)

// vocIRI is an IRI of the graph contract's fixed vocabulary (a predicate,
// a class, a datatype) with its N-Quads form worked out once: eachQuad
// passes these, so that AppendNQuads neither checks nor escapes them per
// line, and compares predicates by rank instead of by bytes.
type vocIRI struct {
	iri string
	nt  string // "<iri>", escaped as appendNTIRI does
	// rank orders the vocabulary as bytes.Compare orders the nt forms:
	// a < b exactly when rank(a) < rank(b). 1 is the least.
	rank int32
}

// vocabulary holds every vocIRI made, for init to rank.
var vocabulary []*vocIRI

// vocIRIOf returns the vocIRI of iri, to be ranked. Call it only from
// package-level variable declarations: init ranks what they made.
func vocIRIOf(iri string) *vocIRI {
	v := unranked(iri)
	vocabulary = append(vocabulary, v)
	return v
}

// unranked returns a vocIRI of rank 0, which compares by bytes.
func unranked(iri string) *vocIRI { return &vocIRI{iri: iri, nt: string(appendNTIRI(nil, iri))} }

func init() {
	byNT := slices.Clone(vocabulary)
	slices.SortFunc(byNT, func(a, b *vocIRI) int { return bytes.Compare([]byte(a.nt), []byte(b.nt)) })
	rank := int32(0)
	for i, v := range byNT {
		if i == 0 || byNT[i-1].nt != v.nt {
			rank++
		}
		v.rank = rank
	}
}

// The vocabulary eachQuad writes.
var (
	vRdfType      = vocIRIOf(rdfType)
	vRdfStatement = vocIRIOf(rdfStatement)
	vRdfSubject   = vocIRIOf(rdfSubject)
	vRdfPredicate = vocIRIOf(rdfPredicate)
	vRdfObject    = vocIRIOf(rdfObject)

	vXsdDate       = vocIRIOf(xsdDate)
	vXsdGYearMonth = vocIRIOf(xsdGYearMonth)
	vXsdGYear      = vocIRIOf(xsdGYear)

	vSchemaName    = vocIRIOf(schemaName)
	vSchemaAltName = vocIRIOf(schemaAltName)
	vSchemaURL     = vocIRIOf(schemaURL)
	vDcTitle       = vocIRIOf(dcTitle)

	vDocument    = vocIRIOf(agDocument)
	vHash        = vocIRIOf(agHash)
	vSource      = vocIRIOf(agSource)
	vPublished   = vocIRIOf(agPublished)
	vBytes       = vocIRIOf(agBytes)
	vMentionedIn = vocIRIOf(agMentionedIn)
	vModality    = vocIRIOf(agModality)
	vEvidence    = vocIRIOf(agEvidence)
	vSpanStart   = vocIRIOf(agSpanStart)
	vSpanEnd     = vocIRIOf(agSpanEnd)
	vRule        = vocIRIOf(agRule)
	vDate        = vocIRIOf(agDate)
	vDateText    = vocIRIOf(agDateText)
	vKilled      = vocIRIOf(agKilled)
	vWounded     = vocIRIOf(agWounded)
	vTroops      = vocIRIOf(agTroops)
	vDocProp     = vocIRIOf(agDocProp)

	// vPredicates and vTypes: the ontology's predicates and entity types.
	vPredicates = func() map[schema.Predicate]*vocIRI {
		m := map[schema.Predicate]*vocIRI{}
		for _, p := range schema.Predicates() {
			m[p.Name] = vocIRIOf(p.Name.IRI())
		}
		return m
	}()
	vTypes = func() map[schema.EntityType]*vocIRI {
		m := map[schema.EntityType]*vocIRI{}
		for _, t := range schema.EntityTypes {
			m[t] = vocIRIOf(t.IRI())
		}
		return m
	}()
)

// predicateVoc returns p's vocIRI. A predicate outside the ontology, which
// validation rejects, gets a fresh unranked one: rank 0 compares by bytes.
func predicateVoc(p schema.Predicate) *vocIRI {
	if v, ok := vPredicates[p]; ok {
		return v
	}
	return unranked(p.IRI())
}

// typeVoc is predicateVoc for entity types.
func typeVoc(t schema.EntityType) *vocIRI {
	if v, ok := vTypes[t]; ok {
		return v
	}
	return unranked(t.IRI())
}

package schema

import "fmt"

// EntityType is the class of an entity node.
type EntityType string

// The entity types of the graph contract.
const (
	Person                    EntityType = "Person"
	Country                   EntityType = "Country"
	ArmedGroup                EntityType = "ArmedGroup"
	Coalition                 EntityType = "Coalition"
	GovernmentBody            EntityType = "GovernmentBody"
	InternationalOrganization EntityType = "InternationalOrganization"
	MediaOutlet               EntityType = "MediaOutlet"
	Location                  EntityType = "Location"
	Facility                  EntityType = "Facility"
)

// EntityTypes lists every entity type in a fixed order.
var EntityTypes = []EntityType{
	Person, Country, ArmedGroup, Coalition, GovernmentBody,
	InternationalOrganization, MediaOutlet, Location, Facility,
}

var typeDescriptions = map[EntityType]string{
	Person:                    "A named individual: official, commander, spokesperson, cleric.",
	Country:                   "A sovereign state, also when named by its capital, seat or government.",
	ArmedGroup:                "A non-state armed group, militia or faction, or a collective of them.",
	Coalition:                 "An alliance or umbrella of states or groups acting together.",
	GovernmentBody:            "A state institution: ministry, armed service, command, parliament, agency.",
	InternationalOrganization: "An organisation of states or an international mission or agency.",
	MediaOutlet:               "A news agency, broadcaster or publication.",
	Location:                  "A place: city, province, region, sea.",
	Facility:                  "A built site: base, airport, embassy, field.",
}

// Valid reports whether t is one of EntityTypes.
func (t EntityType) Valid() bool {
	for _, u := range EntityTypes { // nine: faster than the map's hash
		if u == t {
			return true
		}
	}
	return false
}

// Description returns a one-line description of the type.
func (t EntityType) Description() string { return typeDescriptions[t] }

// IsActor reports whether entities of the type can act: everything but
// places, facilities and media outlets.
func (t EntityType) IsActor() bool {
	switch t {
	case Location, Facility, MediaOutlet, "":
		return false
	}
	return true
}

// IsPlace reports whether the type is a Location or a Facility.
func (t EntityType) IsPlace() bool { return t == Location || t == Facility }

// IRI returns the type's IRI.
func (t EntityType) IRI() string { return Term(string(t)) }

// ParseEntityType returns the EntityType named s.
func ParseEntityType(s string) (EntityType, error) {
	t := EntityType(s)
	if !t.Valid() {
		return "", fmt.Errorf("unknown entity type %q", s)
	}
	return t, nil
}

// Modality says how a document asserts a statement. Only Asserted and
// Claimed statements become direct edges in the graph.
type Modality string

// The modalities a statement can have.
const (
	Asserted     Modality = "asserted"     // the document states it as fact
	Claimed      Modality = "claimed"      // the document attributes it to a source
	Threat       Modality = "threatened"   // an actor threatens to do it
	Planned      Modality = "planned"      // planned, agreed or announced for the future
	Conditional  Modality = "conditional"  // holds only if a condition is met
	Negated      Modality = "negated"      // denied or said not to have happened
	Hypothetical Modality = "hypothetical" // possible, considered, hedged
)

// Modalities lists every modality in a fixed order.
var Modalities = []Modality{Asserted, Claimed, Threat, Planned, Conditional, Negated, Hypothetical}

// Valid reports whether m is one of Modalities.
func (m Modality) Valid() bool {
	for _, x := range Modalities {
		if m == x {
			return true
		}
	}
	return false
}

// Direct reports whether a statement of this modality gets a direct edge.
func (m Modality) Direct() bool { return m == Asserted || m == Claimed }

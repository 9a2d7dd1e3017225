package schema

import "fmt"

// Predicate names a relation between two entities. Its IRI is NS + name.
type Predicate string

// The predicates of the graph contract.
const (
	MemberOf        Predicate = "memberOf"
	LeaderOf        Predicate = "leaderOf"
	SpokespersonFor Predicate = "spokespersonFor"
	OfficialOf      Predicate = "officialOf"
	BackedBy        Predicate = "backedBy"
	AlliedWith      Predicate = "alliedWith"
	LocatedIn       Predicate = "locatedIn"
	DeployedIn      Predicate = "deployedIn"
	OperatedBy      Predicate = "operatedBy"
	Attacked        Predicate = "attacked"
	Struck          Predicate = "struck"
	Killed          Predicate = "killed"
	Wounded         Predicate = "wounded"
	Threatened      Predicate = "threatened"
	Accused         Predicate = "accused"
	Demanded        Predicate = "demanded"
	NegotiatedWith  Predicate = "negotiatedWith"
	AgreedWith      Predicate = "agreedWith"
	TruceWith       Predicate = "truceWith"
	WithdrewFrom    Predicate = "withdrewFrom"
)

// PredicateInfo describes a predicate: what it may link, how it reads, and
// the event codes of CAMEO and PLOVER that it corresponds to where one fits.
type PredicateInfo struct {
	Name        Predicate
	Domain      []EntityType // types the subject may have
	Range       []EntityType // types the object may have
	Symmetric   bool         // a p b implies b p a
	Inverse     string       // the reading of the reverse direction, for display
	Description string
	CAMEO       string // CAMEO event code, "" where none fits
	PLOVER      string // PLOVER event type, "" where none fits
	Event       bool   // an event (dated, counted) rather than a standing relation
}

var (
	actors   = []EntityType{Person, Country, ArmedGroup, Coalition, GovernmentBody, InternationalOrganization}
	orgs     = []EntityType{Country, ArmedGroup, Coalition, GovernmentBody, InternationalOrganization}
	targets  = []EntityType{Person, Country, ArmedGroup, Coalition, GovernmentBody, InternationalOrganization, MediaOutlet, Location, Facility}
	speakers = []EntityType{Person, Country, ArmedGroup, Coalition, GovernmentBody, InternationalOrganization, MediaOutlet}
	places   = []EntityType{Location, Country, Facility}
)

var predicateList = []PredicateInfo{
	{Name: MemberOf, Domain: append([]EntityType{Person}, orgs...), Range: []EntityType{ArmedGroup, Coalition, GovernmentBody, InternationalOrganization}, Inverse: "has member",
		Description: "The subject belongs to the object: a faction to an umbrella, a state to a coalition."},
	{Name: LeaderOf, Domain: append([]EntityType{Person}, orgs...), Range: append([]EntityType{Location}, orgs...), Inverse: "led by",
		Description: "The subject heads or leads the object: a secretary-general, a head of government or region, the lead state of a coalition."},
	{Name: SpokespersonFor, Domain: []EntityType{Person}, Range: orgs, Inverse: "has spokesperson",
		Description: "The subject speaks for the object."},
	{Name: OfficialOf, Domain: []EntityType{Person}, Range: orgs, Inverse: "has official",
		Description: "The subject holds an office, rank or post in the object: minister, general, adviser, envoy."},
	{Name: BackedBy, Domain: orgs, Range: orgs, Inverse: "backs", CAMEO: "07", PLOVER: "AID",
		Description: "The subject is supported, armed, funded or directed by the object."},
	{Name: AlliedWith, Domain: orgs, Range: orgs, Symmetric: true, Inverse: "allied with", CAMEO: "06", PLOVER: "COOPERATE",
		Description: "The two are allies."},
	{Name: LocatedIn, Domain: []EntityType{Location, Facility}, Range: []EntityType{Location, Country}, Inverse: "contains",
		Description: "The place or facility lies in the object."},
	{Name: DeployedIn, Domain: orgs, Range: places, Inverse: "hosts", PLOVER: "MOBILIZE",
		Description: "The subject has forces or personnel stationed in the object."},
	{Name: OperatedBy, Domain: []EntityType{Facility, GovernmentBody, Coalition, InternationalOrganization}, Range: orgs, Inverse: "operates",
		Description: "The facility or mission is run by the object."},
	{Name: Attacked, Domain: actors, Range: targets, Inverse: "attacked by", CAMEO: "19", PLOVER: "ASSAULT", Event: true,
		Description: "The subject used force against the object: attack, assault, raid, shelling."},
	{Name: Struck, Domain: actors, Range: targets, Inverse: "struck by", CAMEO: "195", PLOVER: "ASSAULT", Event: true,
		Description: "The subject carried out air, drone, missile or artillery strikes on the object."},
	{Name: Killed, Domain: actors, Range: actors, Inverse: "killed by", CAMEO: "1823", PLOVER: "ASSAULT", Event: true,
		Description: "The subject killed the object or members of it."},
	{Name: Wounded, Domain: actors, Range: actors, Inverse: "wounded by", CAMEO: "182", PLOVER: "ASSAULT", Event: true,
		Description: "The subject wounded the object or members of it."},
	{Name: Threatened, Domain: speakers, Range: targets, Inverse: "threatened by", CAMEO: "13", PLOVER: "THREATEN", Event: true,
		Description: "The subject threatened or warned the object."},
	{Name: Accused, Domain: speakers, Range: speakers, Inverse: "accused by", CAMEO: "112", PLOVER: "ACCUSE", Event: true,
		Description: "The subject accused or blamed the object."},
	{Name: Demanded, Domain: speakers, Range: speakers, Inverse: "called on by", CAMEO: "10", PLOVER: "DEMAND", Event: true,
		Description: "The subject called on, urged or pressed the object to act."},
	{Name: NegotiatedWith, Domain: actors, Range: actors, Symmetric: true, Inverse: "negotiated with", CAMEO: "046", PLOVER: "CONSULT", Event: true,
		Description: "The two held talks or negotiations."},
	{Name: AgreedWith, Domain: actors, Range: actors, Symmetric: true, Inverse: "agreed with", CAMEO: "057", PLOVER: "AGREE", Event: true,
		Description: "The two reached an agreement or deal."},
	{Name: TruceWith, Domain: actors, Range: actors, Symmetric: true, Inverse: "truce with", CAMEO: "0871", PLOVER: "RETREAT", Event: true,
		Description: "The subject declared or agreed a truce or halt of attacks towards the object."},
	{Name: WithdrewFrom, Domain: orgs, Range: []EntityType{Country, Location, Facility, Coalition, InternationalOrganization}, Inverse: "left by", CAMEO: "087", PLOVER: "RETREAT", Event: true,
		Description: "The subject withdrew its forces or personnel from the object."},
}

// predicateIndex returns p's index in predicateList, or -1. A switch on
// the constants (which TestPredicateIndex keeps in predicateList's order)
// is a few comparisons, where a map hashes the name.
func predicateIndex(p Predicate) int {
	switch p {
	case MemberOf:
		return 0
	case LeaderOf:
		return 1
	case SpokespersonFor:
		return 2
	case OfficialOf:
		return 3
	case BackedBy:
		return 4
	case AlliedWith:
		return 5
	case LocatedIn:
		return 6
	case DeployedIn:
		return 7
	case OperatedBy:
		return 8
	case Attacked:
		return 9
	case Struck:
		return 10
	case Killed:
		return 11
	case Wounded:
		return 12
	case Threatened:
		return 13
	case Accused:
		return 14
	case Demanded:
		return 15
	case NegotiatedWith:
		return 16
	case AgreedWith:
		return 17
	case TruceWith:
		return 18
	case WithdrewFrom:
		return 19
	}
	return -1
}

// Predicates returns the description of every predicate, in a fixed order.
func Predicates() []PredicateInfo { return append([]PredicateInfo(nil), predicateList...) }

// Info returns the description of p; ok is false for an unknown predicate.
func (p Predicate) Info() (info PredicateInfo, ok bool) {
	i := predicateIndex(p)
	if i < 0 {
		return PredicateInfo{}, false
	}
	return predicateList[i], true
}

// Valid reports whether p is a predicate of the graph contract.
func (p Predicate) Valid() bool { return predicateIndex(p) >= 0 }

// IRI returns the predicate's IRI.
func (p Predicate) IRI() string { return Term(string(p)) }

// ParsePredicate returns the Predicate named s.
func ParsePredicate(s string) (Predicate, error) {
	p := Predicate(s)
	if !p.Valid() {
		return "", fmt.Errorf("unknown predicate %q", s)
	}
	return p, nil
}

// Allows reports whether the predicate may link a subject of type s to an
// object of type o. For a symmetric predicate either order is accepted.
func (info PredicateInfo) Allows(s, o EntityType) bool {
	if has(info.Domain, s) && has(info.Range, o) {
		return true
	}
	return info.Symmetric && has(info.Domain, o) && has(info.Range, s)
}

func has(ts []EntityType, t EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

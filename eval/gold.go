package eval

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"
)

// Fact is a scored fact: subject, predicate class and object. Subject and
// Object are gold entity ids; in a false hit an end that aligns to no gold
// entity is "?" followed by the node's first name (or the node itself).
// Symmetric classes are stored with Subject <= Object.
type Fact struct {
	Subject, Class, Object string
}

func (f Fact) String() string { return f.Subject + " " + f.Class + " " + f.Object }

func (f Fact) less(g Fact) bool {
	if f.Subject != g.Subject {
		return f.Subject < g.Subject
	}
	if f.Class != g.Class {
		return f.Class < g.Class
	}
	return f.Object < g.Object
}

// Gold is the gold of one document, one set for each line kind.
type Gold struct {
	Mentioned   map[string]bool // M id
	Facts       map[Fact]bool   // F s pred o: asserted
	Optional    map[Fact]bool   // O s pred o: never a miss, never a false hit
	NotAsserted map[Fact]bool   // N s pred o: as written (Score drops those also in F or O)
}

// predicateClass maps normalised predicate local names to the class they are
// scored as.
var predicateClass = map[string]string{
	"attacked": "attack", "struck": "attack",
	"killed": "killed", "wounded": "wounded",
	"memberof": "memberOf", "leaderof": "leaderOf",
	"spokespersonfor": "spokespersonFor", "officialof": "officialOf",
	"backedby": "backedBy", "alliedwith": "alliedWith",
	"locatedin": "locatedIn", "deployedin": "deployedIn",
	"operatedby": "operatedBy",
	"threatened": "threatened", "accused": "accused", "demanded": "demanded",
	"negotiatedwith": "negotiatedWith", "agreedwith": "agreedWith",
	"trucewith": "truceWith", "withdrewfrom": "withdrewFrom",
}

var symmetric = map[string]bool{"alliedWith": true, "negotiatedWith": true, "agreedWith": true}

// ClassOf returns the class a predicate (a local name or an IRI) is scored
// as; ok is false for predicates the scorer ignores.
func ClassOf(pred string) (class string, ok bool) {
	class, ok = predicateClass[localName(pred)]
	return class, ok
}

// ParseGold reads the gold of one document. name is used in error messages,
// which have the form "name:line: ...".
func ParseGold(r io.Reader, name string) (Gold, error) {
	g := Gold{
		Mentioned:   map[string]bool{},
		Facts:       map[Fact]bool{},
		Optional:    map[Fact]bool{},
		NotAsserted: map[Fact]bool{},
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return g, fmt.Errorf("%s: %w", name, err)
	}
	if !utf8.Valid(data) {
		return g, fmt.Errorf("%s: invalid UTF-8", name)
	}
	for i, line := range pyLines(string(data)) {
		line, _, _ = strings.Cut(line, "#")
		line = pyStrip(line)
		if line == "" {
			continue
		}
		parts := pySplit(line)
		switch {
		case parts[0] == "M" && len(parts) == 2:
			g.Mentioned[parts[1]] = true
		case (parts[0] == "F" || parts[0] == "O" || parts[0] == "N") && len(parts) == 4:
			cls, ok := predicateClass[alnumLower(parts[2])]
			if !ok {
				return g, fmt.Errorf("%s:%d: unknown predicate in gold: %s", name, i+1, parts[2])
			}
			f := Fact{parts[1], cls, parts[3]}
			if symmetric[cls] && f.Object < f.Subject {
				f.Subject, f.Object = f.Object, f.Subject
			}
			switch parts[0] {
			case "F":
				g.Facts[f] = true
			case "O":
				g.Optional[f] = true
			default:
				g.NotAsserted[f] = true
			}
		default:
			return g, fmt.Errorf("%s:%d: bad gold line: %s", name, i+1, line)
		}
	}
	return g, nil
}

// LoadGold reads every NAME.gold file at the top of fsys, keyed by NAME.
func LoadGold(fsys fs.FS) (map[string]Gold, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	golds := map[string]Gold{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".gold") {
			continue
		}
		f, err := fsys.Open(e.Name())
		if err != nil {
			return nil, err
		}
		g, err := ParseGold(f, e.Name())
		f.Close()
		if err != nil {
			return nil, err
		}
		golds[strings.TrimSuffix(e.Name(), ".gold")] = g
	}
	if len(golds) == 0 {
		return nil, ErrNoGold
	}
	return golds, nil
}

// ErrNoGold is returned when there is no gold to score against.
var ErrNoGold = errors.New("no .gold files")

// goldOrder returns the document names in the order score.py visits them:
// sorted by file name.
func goldOrder(golds map[string]Gold) []string {
	names := make([]string, 0, len(golds))
	for n := range golds {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return names[i]+".gold" < names[j]+".gold" })
	return names
}

package eval

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// Registry is the gold entity registry (entities.tsv): for each entity id its
// types and canonical name, and an index from normalised names to ids.
//
// The file has one entity a line, tab-separated: id, types (comma-separated,
// any of them counts as right), canonical name, aliases (semicolon-separated).
// Blank lines and lines starting with '#' are skipped.
type Registry struct {
	types map[string]map[string]bool
	names map[string]string
	// index maps a normalised name to the ids it names, in the order they
	// were first listed. score.py keeps a set here, whose iteration order
	// (and with it the winner of a tied vote among the ids of one ambiguous
	// name) depends on Python's string hashing; registry order is the
	// deterministic stand-in.
	index map[string][]string
	ids   []string
}

// LoadRegistry reads a registry in entities.tsv format, as score.py's
// load_entities does.
func LoadRegistry(r io.Reader) (*Registry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, errors.New("entities: invalid UTF-8")
	}
	reg := newRegistry()
	for _, line := range pyLines(string(data)) {
		if pyStrip(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 4 {
			cols = append(cols, "")
		}
		reg.add(cols[0], cols[1], cols[2], cols[3])
	}
	return reg, nil
}

func newRegistry() *Registry {
	return &Registry{
		types: map[string]map[string]bool{},
		names: map[string]string{},
		index: map[string][]string{},
	}
}

func (reg *Registry) add(id, types, name, aliases string) {
	if _, ok := reg.names[id]; !ok {
		reg.ids = append(reg.ids, id)
	}
	ts := map[string]bool{}
	for _, t := range strings.Split(types, ",") {
		if t = pyStrip(t); t != "" {
			ts[pyLower(t)] = true
		}
	}
	reg.types[id] = ts
	reg.names[id] = name
	all := append([]string{name, strings.ReplaceAll(id, "-", " ")}, strings.Split(aliases, ";")...)
	for _, a := range all {
		if pyStrip(a) == "" {
			continue
		}
		k := normName(a)
		if !contains(reg.index[k], id) {
			reg.index[k] = append(reg.index[k], id)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IDs returns the entity ids in the order the registry lists them.
func (reg *Registry) IDs() []string { return append([]string(nil), reg.ids...) }

// Name returns the canonical name of an entity.
func (reg *Registry) Name(id string) (string, bool) {
	n, ok := reg.names[id]
	return n, ok
}

// Lookup returns the ids of the entities that name, once normalised, names
// (canonically, by alias, or as the id with hyphens as spaces).
func (reg *Registry) Lookup(name string) []string {
	return append([]string(nil), reg.index[normName(name)]...)
}

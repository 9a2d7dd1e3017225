// Package eval scores an extracted graph, written as N-Quads, against gold
// facts. It is a faithful port of the team's scorer, shared/eval/score.py:
// the same tokenizer, name normalisation, alignment of nodes to gold
// entities, predicate classes and gold line kinds, and the same text and JSON
// output, so that the two can be diffed.
//
// Where score.py's behaviour is not deterministic (a tied vote between the
// ids of one ambiguous name is won by whichever Python's hashed set yields
// first) the registry order decides; where score.py crashes (a lone surrogate
// in a name it prints) the port writes U+FFFD.
package eval

import (
	"sort"
	"strings"
)

var nameProps = map[string]bool{"name": true, "label": true, "preflabel": true, "canonicalname": true}

var aliasProps = map[string]bool{"alternatename": true, "altlabel": true, "alias": true}

var entityTypes = map[string]bool{
	"person": true, "country": true, "armedgroup": true, "coalition": true, "governmentbody": true,
	"internationalorganization": true, "mediaoutlet": true, "location": true, "facility": true,
	"organization": true, "organisation": true, "place": true, "militaryunit": true,
}

// Scores are precision, recall and F1 (unrounded) with the counts they come
// from.
type Scores struct {
	Precision, Recall, F1 float64
	TP, FP, FN            int
}

func prf(tp, fp, fn int) Scores {
	s := Scores{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall != 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// DocumentRow is one row of the per-document table.
type DocumentRow struct {
	Name           string
	TP, FP, FN     int
	ModalityErrors int
	Labelled       bool // some quad's graph label names the document
}

// DocumentFact is a fact listed under a document.
type DocumentFact struct {
	Document string
	Fact
}

// Result is what Score finds. Its fields mirror score.py's --json output;
// the lists are what -v prints.
type Result struct {
	Facts                 Scores // over all documents
	Entities              Scores // over all documents
	TypeAccuracy          float64
	TypedAligned          int // aligned entity nodes, the denominator of TypeAccuracy
	TypedCorrect          int // those with a type of their gold entity
	DuplicateNodes        int
	ModalityErrors        int
	Documents             int
	DocumentsWithoutLabel []string
	PerDocument           []DocumentRow
	Misses                []DocumentFact // gold F facts not found, per document, sorted
	FalseHits             []DocumentFact // facts neither F nor O, per document, sorted
	ModalityErrorList     []DocumentFact // facts marked N, per document, sorted
	SkippedLines          []int          // lines of the N-Quads that are not quads
}

// graphInfo is what score.py reads about nodes from every graph.
type graphInfo struct {
	reg     *Registry
	names   map[string][]string
	aliases map[string][]string
	types   map[string]map[string]bool
}

// align is score.py's align: the gold entity the node's names vote for
// (canonical names first, then aliases; ties go to the id first voted for),
// else the one entity its IRI's local name names. "" is no entity.
func (gi *graphInfo) align(node string) string {
	for _, group := range [][]string{gi.names[node], gi.aliases[node]} {
		var order []string
		votes := map[string]int{}
		for _, n := range group {
			for _, id := range gi.reg.index[normName(n)] {
				if _, ok := votes[id]; !ok {
					order = append(order, id)
				}
				votes[id]++
			}
		}
		if len(order) > 0 {
			best := order[0]
			for _, id := range order[1:] {
				if votes[id] > votes[best] {
					best = id
				}
			}
			return best
		}
	}
	if strings.HasPrefix(node, "<") {
		ln := strings.Trim(node, "<>")
		ln = ln[strings.LastIndex(ln, "/")+1:]
		ln = ln[strings.LastIndex(ln, "#")+1:]
		ln = fallbackSeps.Replace(ln)
		if ids := gi.reg.index[normName(ln)]; len(ids) == 1 {
			return ids[0]
		}
	}
	return ""
}

var fallbackSeps = strings.NewReplacer("_", " ", "-", " ", "+", " ", "%20", " ")

func (gi *graphInfo) isEntity(node string) bool {
	for t := range gi.types[node] {
		if entityTypes[t] {
			return true
		}
	}
	return false
}

// Score scores the N-Quads against the gold of each document, keyed by
// document name, as score.py does. A quad belongs to document NAME when its
// graph label contains NAME as a whole token.
func Score(reg *Registry, gold map[string]Gold, nquads []byte) (Result, error) {
	if reg == nil {
		reg = newRegistry()
	}
	if len(gold) == 0 {
		return Result{}, ErrNoGold
	}
	quads, skipped := ParseNQuads(nquads)
	res := Result{SkippedLines: skipped, Documents: len(gold), DocumentsWithoutLabel: []string{}}

	gi := &graphInfo{
		reg:     reg,
		names:   map[string][]string{},
		aliases: map[string][]string{},
		types:   map[string]map[string]bool{},
	}
	typeIRIs := map[string]bool{}
	subjects := map[string]bool{}
	labelSet := map[string]bool{}
	for _, q := range quads {
		lp := localName(q.Predicate)
		if isLiteral(q.Object) {
			if nameProps[lp] {
				gi.names[q.Subject] = append(gi.names[q.Subject], unescapeLiteral(q.Object))
			} else if aliasProps[lp] {
				gi.aliases[q.Subject] = append(gi.aliases[q.Subject], unescapeLiteral(q.Object))
			}
		} else if lp == "type" {
			if gi.types[q.Subject] == nil {
				gi.types[q.Subject] = map[string]bool{}
			}
			gi.types[q.Subject][localName(q.Object)] = true
		}
		if lp == "type" {
			typeIRIs[q.Object] = true
		}
		subjects[q.Subject] = true
		if q.Graph != "" {
			labelSet[q.Graph] = true
		}
	}

	// Nodes are subjects and objects, never a type IRI that is not also a
	// subject. aligned holds the nodes that align to a (non-empty) id.
	aligned := map[string]string{}
	seen := map[string]bool{}
	consider := func(node string) {
		if seen[node] || (typeIRIs[node] && !subjects[node]) {
			return
		}
		seen[node] = true
		if id := gi.align(node); id != "" {
			aligned[node] = id
		}
	}
	for _, q := range quads {
		consider(q.Subject)
		if !isLiteral(q.Object) {
			consider(q.Object)
		}
	}

	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)

	var tot struct{ tp, fp, fn, mod, etp, efp, efn int }
	for _, stem := range goldOrder(gold) {
		g := gold[stem]
		docLabels := map[string]bool{}
		for _, l := range labels {
			if containsToken(l, stem) {
				docLabels[l] = true
			}
		}
		sysFacts := map[Fact]bool{}
		sysEnts := map[string]bool{}
		unaligned := map[string]bool{}
		for _, q := range quads {
			if !docLabels[q.Graph] {
				continue
			}
			for _, node := range []string{q.Subject, q.Object} {
				if isLiteral(node) {
					continue
				}
				if id := aligned[node]; id != "" {
					sysEnts[id] = true
				} else if gi.isEntity(node) {
					unaligned[node] = true
				}
			}
			cls, ok := predicateClass[localName(q.Predicate)]
			if !ok || isLiteral(q.Object) {
				continue
			}
			f := Fact{gi.factEnd(aligned, q.Subject), cls, gi.factEnd(aligned, q.Object)}
			if symmetric[cls] && f.Object < f.Subject {
				f.Subject, f.Object = f.Object, f.Subject
			}
			sysFacts[f] = true
		}

		var tp int
		var fps, fns, mods []Fact
		for f := range sysFacts {
			if g.Facts[f] {
				tp++
			} else if !g.Optional[f] {
				fps = append(fps, f)
			}
			if g.NotAsserted[f] && !g.Facts[f] && !g.Optional[f] {
				mods = append(mods, f)
			}
		}
		for f := range g.Facts {
			if !sysFacts[f] {
				fns = append(fns, f)
			}
		}
		var etp, efp, efn int
		for id := range sysEnts {
			if g.Mentioned[id] {
				etp++
			} else {
				efp++
			}
		}
		efp += len(unaligned)
		for id := range g.Mentioned {
			if !sysEnts[id] {
				efn++
			}
		}
		tot.tp += tp
		tot.fp += len(fps)
		tot.fn += len(fns)
		tot.mod += len(mods)
		tot.etp += etp
		tot.efp += efp
		tot.efn += efn
		res.PerDocument = append(res.PerDocument, DocumentRow{
			Name: stem, TP: tp, FP: len(fps), FN: len(fns), ModalityErrors: len(mods),
			Labelled: len(docLabels) > 0,
		})
		if len(docLabels) == 0 {
			res.DocumentsWithoutLabel = append(res.DocumentsWithoutLabel, stem)
		}
		res.Misses = appendSorted(res.Misses, stem, fns)
		res.FalseHits = appendSorted(res.FalseHits, stem, fps)
		res.ModalityErrorList = appendSorted(res.ModalityErrorList, stem, mods)
	}

	// Types and duplicates over the whole graph.
	nodesPerGold := map[string]int{}
	for node, id := range aligned {
		if !gi.isEntity(node) {
			continue
		}
		nodesPerGold[id]++
		res.TypedAligned++
		for t := range gi.types[node] {
			if reg.types[id][t] {
				res.TypedCorrect++
				break
			}
		}
	}
	for _, n := range nodesPerGold {
		res.DuplicateNodes += n - 1
	}

	res.Facts = prf(tot.tp, tot.fp, tot.fn)
	res.Entities = prf(tot.etp, tot.efp, tot.efn)
	if res.TypedAligned > 0 {
		res.TypeAccuracy = float64(res.TypedCorrect) / float64(res.TypedAligned)
	}
	res.ModalityErrors = tot.mod
	return res, nil
}

// factEnd is the aligned id of a fact's subject or object, else "?" and the
// node's first name, else "?" and the node.
func (gi *graphInfo) factEnd(aligned map[string]string, node string) string {
	if id := aligned[node]; id != "" {
		return id
	}
	if names := gi.names[node]; len(names) > 0 {
		return "?" + names[0]
	}
	return "?" + node
}

func appendSorted(dst []DocumentFact, doc string, facts []Fact) []DocumentFact {
	sort.Slice(facts, func(i, j int) bool { return facts[i].less(facts[j]) })
	for _, f := range facts {
		dst = append(dst, DocumentFact{doc, f})
	}
	return dst
}

// containsToken reports whether name occurs in label with no ASCII letter or
// digit right before or after it (score.py's bounded regex search).
func containsToken(label, name string) bool {
	for i := 0; i+len(name) <= len(label); i++ {
		if i < len(label) && !runeStart(label[i]) {
			continue
		}
		if !strings.HasPrefix(label[i:], name) {
			continue
		}
		if i > 0 && isASCIIAlnum(label[i-1]) {
			continue
		}
		if j := i + len(name); j < len(label) && isASCIIAlnum(label[j]) {
			continue
		}
		return true
	}
	return false
}

func runeStart(b byte) bool { return b&0xc0 != 0x80 }

func isASCIIAlnum(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

package extract

// A wordSet is a closed set of token keys that the rules test tokens
// against: "the", "a", "an"; the verbs of saying; the nouns that head a
// group's name. Sets are package variables made by setOf. Every word of
// every set has a number, which the tokenizer gives each token along with
// its vocabulary entry (Token.word), and each set is a bitset over those
// numbers, so a test is a load and a bit, not string comparisons: the
// rules make several such tests at every token, and comparing strings
// took an eighth of extraction's time.
type wordSet struct {
	keys    map[string]bool // the words, for tokens made without the vocabulary
	bits    []uint64        // bit n: the word numbered n is in the set
	ruleBit uint16          // the set's bit in sent.has, for the sets of ruleWords
}

// setWords numbers the words of all sets, from 1, in the order setOf
// meets them (package initialisation order, which is fixed); wordSets
// are the sets.
var (
	setWords = map[string]uint16{}
	wordSets []*wordSet
)

// setOf returns the set of the words ws; it is called only to initialise
// package variables.
func setOf(ws ...string) *wordSet {
	s := &wordSet{keys: make(map[string]bool, len(ws))}
	for _, w := range ws {
		s.keys[w] = true
		n, ok := setWords[w]
		if !ok {
			n = uint16(len(setWords) + 1)
			setWords[w] = n
		}
		for int(n>>6) >= len(s.bits) {
			s.bits = append(s.bits, 0)
		}
		s.bits[n>>6] |= 1 << (n & 63)
	}
	wordSets = append(wordSets, s)
	return s
}

// has reports whether t's key is in the set.
func (s *wordSet) has(t *Token) bool {
	if t.starts&startsKnown == 0 {
		return s.keys[t.Key] // a token made without the vocabulary
	}
	n := t.word
	return int(n>>6) < len(s.bits) && s.bits[n>>6]&(1<<(n&63)) != 0
}

// hasKey reports whether the key k is in the set.
func (s *wordSet) hasKey(k string) bool { return s.keys[k] }

// ruleWords are the words whose presence lets a sentence-wide rule run:
// a sentence notes, in the walk newSent already makes over its tokens,
// which of these sets it has a word of (sent.has, a bit per set:
// wordSet.ruleBit), and wordsOf skips the pass of a set it lacks.
var ruleWords = []*wordSet{obligationModals, whereWords, underWords, fellWords, speakerVerbs, warnVerbs, hostVerbs, claimVerbs, deathVerbs}

// ruleMask is, by word number, the ruleBits of the ruleWords sets the word
// is in; it also gives each of those sets its bit.
var ruleMask = func() []uint16 {
	m := make([]uint16, len(setWords)+1) // the words of ruleWords are numbered by now; later ones are past the end
	for b, set := range ruleWords {
		set.ruleBit = 1 << b
		for w := range set.keys {
			m[setWords[w]] |= set.ruleBit
		}
	}
	return m
}()

// unionOf returns the set of the words of all the sets; it is called only
// to initialise package variables, after the sets it joins.
func unionOf(sets ...*wordSet) *wordSet {
	u := &wordSet{keys: map[string]bool{}}
	for _, s := range sets {
		for k := range s.keys {
			u.keys[k] = true
		}
		for len(u.bits) < len(s.bits) {
			u.bits = append(u.bits, 0)
		}
		for i, b := range s.bits {
			u.bits[i] |= b
		}
	}
	wordSets = append(wordSets, u)
	return u
}

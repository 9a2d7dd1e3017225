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
	keys map[string]bool // the words, for tokens made without the vocabulary
	bits []uint64        // bit n: the word numbered n is in the set
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
func (s *wordSet) has(t Token) bool {
	if t.starts&startsKnown == 0 {
		return s.keys[t.Key] // a token made without the vocabulary
	}
	n := t.word
	return int(n>>6) < len(s.bits) && s.bits[n>>6]&(1<<(n&63)) != 0
}

// hasKey reports whether the key k is in the set.
func (s *wordSet) hasKey(k string) bool { return s.keys[k] }

// ruleWords are the words whose presence lets a sentence-wide rule run:
// a sentence computes, in the loop newSent already makes over its tokens,
// which of these sets it has a word of (sent.has), and a rule whose set it
// lacks skips its own pass over the tokens.
var ruleWords = []*wordSet{obligationModals, whereWords, underWords, fellWords, speakerVerbs, warnVerbs, hostVerbs, claimVerbs, deathVerbs}

// Bits of sent.has, in the order of ruleWords.
const (
	hasObligation uint16 = 1 << iota
	hasWhere
	hasUnder
	hasFell
	hasSpeaker
	hasWarn
	hasHost
	hasClaim
	hasDeath
	hasUnknown uint16 = 1 << 15 // a token made without the vocabulary: every rule runs
)

// ruleMask is, by word number, the bits of the ruleWords sets the word is in.
var ruleMask = func() []uint16 {
	m := make([]uint16, len(setWords)+1) // the words of ruleWords are numbered by now; later ones are past the end

	for b, set := range ruleWords {
		for w := range set.keys {
			m[setWords[w]] |= 1 << b
		}
	}
	return m
}()

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/schema"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, digits, dotted abbreviations (U.S.), 's
	Number                  // digits with , and . inside: 2,500 or 1.5
	Punct                   // one punctuation or symbol character
)

// Token is a word, number or punctuation mark with its byte span.
type Token struct {
	Text  string // the token as written
	Key   string // normalised form used for matching: lower case, no accents, no apostrophes or dots
	Start int    // byte offset of the first byte
	End   int    // byte offset after the last byte
	Kind  TokenKind
	Space bool // whitespace precedes the token
	Line  bool // a line break precedes the token

	upper uint8 // caseUpper, caseLower, or caseUnknown for a Token not from the tokenizer

	starts uint16 // which lexicon tables have a phrase starting here (startsKnown once set)
	word   uint16 // the key's number among the words of the rules' word sets, 0 if none (set with startsKnown)
	id     uint32 // the key's number in the extractor's vocabulary, 0 if none of its tables has it (set with startsKnown)
}

// Span returns the token's byte span.
func (t *Token) Span() schema.Span { return schema.Span{Start: t.Start, End: t.End} }

// Upper reports whether the token starts with an upper-case letter.
func (t *Token) Upper() bool {
	// Small enough to inline: the tokenizer has decided it.
	return t.upper == caseUpper || t.upper == caseUnknown && upperRune(t.Text)
}

// Token.upper: whether the tokenizer found the token capitalised.
const (
	caseUnknown uint8 = iota // a Token made otherwise: Upper decodes
	caseLower
	caseUpper
)

// caseOf is Token.upper for a token's text.
func caseOf(s string) uint8 {
	if upperRune(s) {
		return caseUpper
	}
	return caseLower
}

func upperRune(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf {
		return s[0]-'A' < 26
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// AllCaps reports whether the token has letters and none of them is lower case.
func (t *Token) AllCaps() bool {
	letters := false
	for _, r := range t.Text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

// Is reports whether the token's key is one of the words. The rules
// themselves compare Key with constants, which the compiler inlines, and
// test longer lists with a wordSet: Is compares strings one by one, in a
// loop over a list built at every call.
func (t *Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Key == w {
			return true
		}
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`' }

// isTokenRune reports whether r is part of a word: a letter, digit or mark.
func isTokenRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiWord[r] // punctuation would otherwise search the mark table
	}
	return isWordRune(r)
}

// isWordRune is isTokenRune by Unicode's tables alone: it fills asciiWord.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// Tokenize splits text into tokens. Words keep internal apostrophes
// (Kata'ib); a possessive 's is a token of its own; dotted abbreviations
// (U.S., U.N.) are one token; a hyphen is a token of its own.
func Tokenize(text string) []Token { return tokenize(text, nil) }

// tokenize is Tokenize with a table of known keys: a key found there is
// shared rather than allocated again for every capitalised word, and the
// token's starts bits are set from it in the same lookup.
func tokenize(text string, known *vocabTable) []Token {
	return tokenizeInto(nil, text, known)
}

// tokenizeInto is tokenize appending to dst[:0], whose memory it reuses.
func tokenizeInto(dst []Token, text string, known *vocabTable) []Token {
	toks := dst[:0]
	if cap(toks) < len(text)/5 {
		toks = make([]Token, 0, len(text)/5)
	}
	space, line := true, true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			line, space = true, true
			i += n
			continue
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		}
		start := i
		kind := Punct
		switch {
		case isTokenRune(r):
			kind = Word
			i = scanWord(text, i)
			// "HassanUS": a caption glued to the next word by lost spacing.
			if j := gluedCaps(text[start:i]); j > 0 {
				i = start + j
			}
			if isNumber(text[start:i]) {
				kind = Number
			}
		default:
			i += n
			if isApos(r) && i < len(text) && (text[i] == 's' || text[i] == 'S') && (i+1 == len(text) || !isTokenRune(rune(text[i+1]))) && len(toks) > 0 && !space {
				i++
				kind = Word
			}
		}
		t := Token{Text: text[start:i], Start: start, End: i, Kind: kind, Space: space, Line: line}
		t.Key, t.starts, t.id, t.word = keyOfKnown(t.Text, known)
		t.upper = caseOf(t.Text)
		toks = append(toks, t)
		space, line = false, false
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		var r rune
		var n int
		if c := text[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				i++ // the common case: an ASCII letter or digit
				continue
			}
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isTokenRune(r):
			i += n
		case isApos(r):
			// Kata'ib, but not the possessive 's, nor a closing quote.
			j := i + n
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isTokenRune(r2) {
				return i
			}
			if (r2 == 's' || r2 == 'S') && (j+n2 == len(text) || !isTokenRune(rune(text[j+n2]))) {
				return i
			}
			i = j
		case r == '.' || r == ',':
			// 2,500 and 1.5; U.S. and U.N.
			j := i + 1
			if j < len(text) && isDigit(text[j]) && isDigit(text[i-1]) {
				i = j
				continue
			}
			if r == '.' && i-start == 1 || r == '.' && i >= 2 && text[i-2] == '.' {
				// single letter followed by a dot: an initial or a dotted abbreviation
				if j < len(text) && isUpperASCII(text[j]) && j+1 < len(text) && text[j+1] == '.' {
					i = j
					continue
				}
				if i >= 2 && text[i-2] == '.' {
					return i + 1 // the final dot of U.S.
				}
			}
			return i
		default:
			return i
		}
	}
	return i
}

// asciiWord marks the ASCII bytes isTokenRune accepts: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isDigit(b byte) bool      { return b >= '0' && b <= '9' }
func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

func isNumber(s string) bool {
	if s == "" || !isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return true
}

// knownKey is a token key of some lexicon table or gazetteer trie: the
// shared copy of the key, the bits of the tables that start with it
// (Token.starts), its number in the vocabulary (Token.id) and among the
// words of the word sets (Token.word).
type knownKey struct {
	key    string
	starts uint16
	word   uint16 // its number among the words of the word sets (Token.word)
	id     uint32
}

// keyOfKnown is keyOf, returning the shared copy of a known key, the bits
// of the tables that start with it (startsKnown for any key, as the bits
// are then known), its ID (0 for a key no table has) and its word number
// (0 for a key no word set has). With no table it returns keyOf, no bits
// and no numbers.
func keyOfKnown(s string, known *vocabTable) (string, uint16, uint32, uint16) {
	if known == nil {
		return keyOf(s), 0, 0, 0
	}
	if len(s) > 32 {
		return keyOfKnownSlow(s, known)
	}
	var buf [32]byte
	n := 0
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || c == '`':
			return keyOfKnownSlow(s, known) // keyOf folds these
		case c == '\'' || c == '.' && len(s) > 1:
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
		h = (h ^ uint32(c)) * fnvPrime
	}
	if k := known.find(h, buf[:n]); k != nil {
		return k.key, k.starts | startsKnown, k.id, k.word
	}
	return keyOf(s), startsKnown, 0, 0
}

// keyOfKnownSlow is keyOfKnown for keys that need keyOf's folding.
func keyOfKnownSlow(s string, known *vocabTable) (string, uint16, uint32, uint16) {
	k := keyOf(s)
	if kk := known.find(fnvString(k), []byte(k)); kk != nil {
		return kk.key, kk.starts | startsKnown, kk.id, kk.word
	}
	return k, startsKnown, 0, 0
}

// FNV-1a, 32 bits: keyOfKnown hashes a key's bytes as it folds them.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func fnvString(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// vocabTable is the vocabulary as an open-addressing hash table on the
// keys' FNV-1a hashes, which keyOfKnown computes while it folds a token:
// one pass over the bytes, where a map would hash them again.
type vocabTable struct {
	slots []vocabSlot // a power of two of them, at most half full
	keys  []knownKey
}

// vocabSlot is a slot of vocabTable: the key's hash and its ID, its index
// in keys plus one (0 for an empty slot).
type vocabSlot struct {
	hash, idx uint32
}

// newVocabTable indexes keys, whose IDs are their indexes plus one.
func newVocabTable(keys []knownKey) *vocabTable {
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	t := &vocabTable{slots: make([]vocabSlot, n), keys: keys}
	for _, k := range keys {
		h := fnvString(k.key)
		i := h & uint32(n-1)
		for t.slots[i].idx != 0 {
			i = (i + 1) & uint32(n-1)
		}
		t.slots[i] = vocabSlot{hash: h, idx: k.id}
	}
	return t
}

// find returns the known key whose bytes, hashed to h, are b, or nil.
func (t *vocabTable) find(h uint32, b []byte) *knownKey {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl.idx == 0 {
			return nil
		}
		if sl.hash == h {
			if k := &t.keys[sl.idx-1]; k.key == string(b) {
				return k
			}
		}
	}
}

// keyOf normalises a token for matching: lower case, accents folded,
// apostrophes and dots dropped.
func keyOf(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '\'' || c == '.' || (c >= 'A' && c <= 'Z') {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isApos(r) || r == '.' && len(s) > 1:
			continue
		case r < 0x80:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteString(fold(r))
		}
	}
	return b.String()
}

// fold maps a non-ASCII rune to lower-case ASCII where it is a Latin letter
// with a diacritic, and to its lower case otherwise.
func fold(r rune) string {
	if s, ok := foldTable[r]; ok {
		return s
	}
	if unicode.IsMark(r) {
		return ""
	}
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013':
		return "-"
	}
	return string(unicode.ToLower(r))
}

var foldTable = func() map[rune]string {
	m := map[rune]string{}
	groups := map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćčÇĆČ", "d": "ďđĐĎ", "e": "èéêëēėęěÈÉÊËĒĖĘĚ",
		"g": "ğĞ", "i": "ìíîïīįıÌÍÎÏĪĮİ", "l": "ľłĽŁ", "n": "ñńňÑŃŇ", "o": "òóôõöøōőÒÓÔÕÖØŌŐ",
		"r": "ŕřŔŘ", "s": "śşšŚŞŠ", "t": "ťţŤŢ", "u": "ùúûüūůűųÙÚÛÜŪŮŰŲ", "y": "ýÿÝŸ",
		"z": "źżžŹŻŽ", "ae": "æÆ", "oe": "œŒ", "ss": "ß", "th": "þÞ", "dh": "ðÐ",
	}
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// Sentence is a run of tokens that ends a sentence, with its byte span.
type Sentence struct {
	Span   schema.Span
	Tokens []Token
}

// abbreviations whose final dot does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true,
	"maj": true, "brig": true, "adm": true, "sgt": true, "capt": true, "cpt": true, "st": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "gov": true,
	"sen": true, "rep": true, "jr": true, "sr": true, "prof": true, "vs": true, "cmdr": true,
	"lieut": true, "gens": true, "rev": true, "pres": true, "sec": true,
}

// sentenceStarters are words that, after a dotted abbreviation such as
// U.S., show that the abbreviation ended the sentence.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "in": true, "but": true, "he": true, "she": true, "it": true,
	"they": true, "this": true, "we": true, "on": true, "after": true, "meanwhile": true,
}

// Split splits tokens into sentences. A line break ends a sentence unless
// the next line starts with a lower-case word and the previous one did not
// end with punctuation (a hard-wrapped line).
func Split(text string, toks []Token) []Sentence { return splitInto(nil, text, toks) }

// splitInto is Split appending to dst[:0], whose memory it reuses.
func splitInto(dst []Sentence, text string, toks []Token) []Sentence {
	out := dst[:0]
	start := 0
	emit := func(end int) {
		if end > start {
			ts := toks[start:end]
			out = append(out, Sentence{Span: schema.Span{Start: ts[0].Start, End: ts[len(ts)-1].End}, Tokens: ts})
		}
		start = end
	}
	inList := false // inside a bulleted list that a colon introduced
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Line && i > start {
			prev := toks[i-1]
			wrapped := t.Kind == Word && !t.Upper() && !strings.ContainsAny(prev.Text, ".!?:;\"”")
			bullet := t.Text == "-" || t.Text == "•" || t.Text == "*"
			// A line ending in a colon introduces what follows: a quote or
			// a list, whose items stay in the sentence.
			switch {
			case prev.Text == ":":
				inList = bullet
			case inList && bullet && prev.Text != ".":
			default:
				inList = false
				if !wrapped {
					emit(i)
				}
			}
		}
		if t.Kind != Punct && !strings.HasSuffix(t.Text, ".") {
			continue
		}
		if t.Text != "." && t.Text != "!" && t.Text != "?" && !(t.Kind == Word && strings.HasSuffix(t.Text, ".")) {
			continue
		}
		// The sentence may go on with closing quotes or brackets.
		end := i + 1
		for end < len(toks) && !toks[end].Space && (toks[end].Text == "\"" || toks[end].Text == "”" || toks[end].Text == "’" || toks[end].Text == "'" || toks[end].Text == ")") {
			end++
		}
		if end >= len(toks) {
			continue
		}
		next := toks[end]
		if !next.Space {
			continue
		}
		if next.Kind == Word && !next.Upper() {
			continue
		}
		if t.Text == "." && i > start {
			prev := toks[i-1]
			if abbreviations[prev.Key] && prev.End == t.Start {
				continue
			}
			if prev.Kind == Word && len(prev.Key) == 1 && prev.Upper() && prev.End == t.Start {
				continue // an initial: Alexus G. Grynkewich
			}
		}
		if t.Kind == Word { // U.S. at the end of a sentence, or inside one
			if !sentenceStarters[next.Key] {
				continue
			}
		}
		emit(end)
		i = end - 1
	}
	emit(len(toks))
	return out
}

// gluedCaps finds where a word made of a capitalised name and an all-caps
// word run together ("HassanUS") splits; 0 when it does not.
func gluedCaps(w string) int {
	if len(w) < 6 || !isUpperASCII(w[0]) {
		return 0
	}
	for j := 4; j < len(w)-1; j++ {
		if w[j-1] >= 'a' && w[j-1] <= 'z' && isUpperASCII(w[j]) {
			rest := w[j:]
			for k := 0; k < len(rest); k++ {
				if !isUpperASCII(rest[k]) {
					return 0
				}
			}
			return j
		}
	}
	return 0
}

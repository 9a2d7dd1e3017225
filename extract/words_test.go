package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWordSets checks that a set's bit test on a token numbered by the
// vocabulary agrees with its word list, at every token of the samples,
// for every set: the numbering must not drop, add or confuse a word.
func TestWordSets(t *testing.T) {
	x := testExtractor(t)
	if len(wordSets) < 50 || len(setWords) < 300 {
		t.Fatalf("%d sets of %d words: the rules' sets are missing", len(wordSets), len(setWords))
	}
	texts := withSamples(t, "Kata'ib Hizballah -- said; U.S.-led troops, who were stationed there, withdrew — and the cease-fire held.")
	hits := 0
	for _, text := range texts {
		numbered := tokenize(text, x.vocab)
		plain := Tokenize(text)
		for i, tok := range numbered {
			if (tok.word != 0) != (setWords[tok.Key] != 0) {
				t.Fatalf("token %q: word %d, want %d", tok.Text, tok.word, setWords[tok.Key])
			}
			for k, s := range wordSets {
				want := s.keys[tok.Key]
				if got := s.has(&tok); got != want {
					t.Fatalf("set %d: has(%q) = %v with the vocabulary, want %v", k, tok.Text, got, want)
				}
				if got := s.has(&plain[i]); got != want {
					t.Fatalf("set %d: has(%q) = %v without the vocabulary, want %v", k, tok.Text, got, want)
				}
				if want {
					hits++
				}
			}
		}
	}
	if hits < 1000 {
		t.Errorf("%d set hits in the samples: too few to test the numbering", hits)
	}
}

func TestWordSetHasKey(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want bool
	}{{"truce", true}, {"cease-fire", true}, {"armistice", true}, {"Truce", false}, {"truces", false}, {"", false}} {
		if got := ceasefireNouns.hasKey(tc.key); got != tc.want {
			t.Errorf("hasKey(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

// TestPositionStarts checks that positionStarts holds every word the
// sets positions() reads after a name hold, so its first test drops no
// name a later one would keep.
func TestPositionStarts(t *testing.T) {
	for _, set := range []*wordSet{positionNouns, controlVerbs, auxOrAdverbs, beAux} {
		for k := range set.keys {
			if !positionStarts.hasKey(k) {
				t.Errorf("positionStarts lacks %q", k)
			}
		}
	}
}

// TestRuleMask checks that every word of every trigger set has its set's
// bit in ruleMask, so no sentence with the word skips the rule.
func TestRuleMask(t *testing.T) {
	for b, set := range ruleWords {
		for w := range set.keys {
			n := setWords[w]
			if int(n) >= len(ruleMask) || ruleMask[n]&(1<<b) == 0 {
				t.Errorf("ruleMask lacks bit %d for %q", b, w)
			}
		}
	}
	if len(ruleWords) > 15 {
		t.Errorf("%d trigger sets: keep one of sent.has's 16 bits spare", len(ruleWords))
	}
}

// TestDateNames checks that the word set FindDates tests first holds the
// keys of its month and weekday maps, no more and no fewer.
func TestDateNames(t *testing.T) {
	want := map[string]bool{}
	for k := range months {
		want[k] = true
	}
	for k := range weekdays {
		want[k] = true
	}
	if diff := cmp.Diff(want, dateNames.keys); diff != "" {
		t.Errorf("dateNames (-months and weekdays +set):\n%s", diff)
	}
}

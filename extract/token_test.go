package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kata'ib Hezbollah's commander", []string{"Kata'ib", "Hezbollah", "'s", "commander"}},
		{"U.S. troops in Iraq.", []string{"U.S.", "troops", "in", "Iraq", "."}},
		{"about 2,500 troops", []string{"about", "2,500", "troops"}},
		{"Iran-backed militias", []string{"Iran", "-", "backed", "militias"}},
		{"Baghdad’s Green Zone", []string{"Baghdad", "’s", "Green", "Zone"}},
		{"\"open-ended\".", []string{"\"", "open", "-", "ended", "\"", "."}},
		{"Jan. 8, 2020", []string{"Jan", ".", "8", ",", "2020"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Text)
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: span %d-%d is %q, not %q", tt.in, tok.Start, tok.End, tt.in[tok.Start:tok.End], tok.Text)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Kadhimi met Gen. Qasem Soleimani on Jan. 5. The talks ended.", []string{"Mr. Kadhimi met Gen. Qasem Soleimani on Jan. 5.", "The talks ended."}},
		{"He lives in the U.S. The war ended.", []string{"He lives in the U.S.", "The war ended."}},
		{"U.S. forces left. U.S. officials said so.", []string{"U.S. forces left.", "U.S. officials said so."}},
		{"NATO quits Iraq\nMeanwhile, NATO withdrew.", []string{"NATO quits Iraq", "Meanwhile, NATO withdrew."}},
		{"The militias fired rockets at\nthe base.", []string{"The militias fired rockets at\nthe base."}},
		{"\"It is over.\" Then he left.", []string{"\"It is over.\"", "Then he left."}},
		{"Alexus G. Grynkewich said it.", []string{"Alexus G. Grynkewich said it."}},
		{"It killed:\n- General A;\n- Leader B.\nThen it ended.", []string{"It killed:\n- General A;\n- Leader B.", "Then it ended."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Split(tt.in, Tokenize(tt.in)) {
			got = append(got, tt.in[s.Span.Start:s.Span.End])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Split(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestTokenCase(t *testing.T) {
	tests := []struct {
		text           string
		upper, allCaps bool
	}{
		{"Iraq", true, false},
		{"iraq", false, false},
		{"IRGC", true, true},
		{"U.S.", true, true},
		{"Éric", true, false},
		{"élite", false, false},
		{"ÉLITE", true, true},
		{"Ωmega", true, false},
		{"1st", false, false},
		{"2024", false, false},
		{"-", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		tok := Token{Text: tt.text}
		if got := tok.Upper(); got != tt.upper {
			t.Errorf("Token{%q}.Upper() = %v, want %v", tt.text, got, tt.upper)
		}
		if got := tok.AllCaps(); got != tt.allCaps {
			t.Errorf("Token{%q}.AllCaps() = %v, want %v", tt.text, got, tt.allCaps)
		}
		// The tokenizer records the case; Upper must say the same.
		if toks := Tokenize(tt.text); len(toks) > 0 && toks[0].Text == tt.text {
			if got := toks[0].Upper(); got != tt.upper {
				t.Errorf("Tokenize(%q)[0].Upper() = %v, want %v", tt.text, got, tt.upper)
			}
		}
	}
}

// FuzzKeyOfKnown checks that the vocabulary lookup gives keyOf's key for
// any token text, and the vocabulary's entry exactly when keyOf's key has
// one.
func FuzzKeyOfKnown(f *testing.F) {
	x := testExtractor(f)
	for _, s := range []string{"Kata'ib", "Kata`ib", "U.S.", "Hezbollah", "HEZBOLLAH", "Zaydi", ".", "'", "Muḥammad", "2,500", "militias", "Militias", "al-Asad", "x'y.z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, starts, id, word := keyOfKnown(s, x.vocab)
		if want := keyOf(s); key != want {
			t.Fatalf("keyOfKnown(%q) key %q, keyOf gives %q", s, key, want)
		}
		k := x.vocab.find(fnvString(key), []byte(key))
		switch {
		case k == nil && (id != 0 || word != 0 || starts != startsKnown):
			t.Fatalf("keyOfKnown(%q) = id %d word %d starts %b for a key not in the vocabulary", s, id, word, starts)
		case k != nil && (id != k.id || word != k.word || starts != k.starts|startsKnown):
			t.Fatalf("keyOfKnown(%q) = id %d word %d starts %b, the vocabulary has %d %d %b", s, id, word, starts, k.id, k.word, k.starts)
		}
	})
}

package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func generate(t *testing.T, seed int64, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Generate(seed, n, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := generate(t, 1, 20), generate(t, 1, 20)
	if !bytes.Equal(a, b) {
		t.Error("same seed gave different bytes")
	}
	if c := generate(t, 2, 20); bytes.Equal(a, c) {
		t.Error("different seeds gave the same bytes")
	}
	// A longer run starts with the same articles as a shorter one.
	if long := generate(t, 1, 30); !bytes.HasPrefix(long, a) {
		t.Error("n=30 does not extend n=20 for the same seed")
	}
}

func TestGenerateArticles(t *testing.T) {
	out := generate(t, 7, 200)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	ids := map[string]bool{}
	texts := map[string]bool{}
	var lines, total int
	for sc.Scan() {
		lines++
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		if a.ID == "" || ids[a.ID] {
			t.Errorf("line %d: empty or repeated id %q", lines, a.ID)
		}
		ids[a.ID] = true
		texts[a.Text] = true
		if a.Title == "" {
			t.Errorf("%s: no title", a.ID)
		}
		if _, err := time.Parse("2006-01-02", a.Published); err != nil {
			t.Errorf("%s: published %q: %v", a.ID, a.Published, err)
		}
		if n := len(a.Text); n < 2000 || n > 5000 {
			t.Errorf("%s: %d bytes of text, want about 2-4 KB", a.ID, n)
		}
		if !utf8.ValidString(a.Text) || strings.Contains(a.Text, "{") {
			t.Errorf("%s: invalid UTF-8 or an unfilled slot: %.200q", a.ID, a.Text)
		}
		total += len(a.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != 200 {
		t.Errorf("got %d articles, want 200", lines)
	}
	if len(texts) != lines {
		t.Errorf("%d distinct texts among %d articles", len(texts), lines)
	}
}

package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadDocuments(t *testing.T) {
	flag := date("2021-03-01")
	tests := []struct {
		name, in string
		opt      ReadOptions
		want     []Document
		errs     []string
	}{
		{
			name: "corpus/kh-strike.txt",
			in:   "Kataib Hezbollah, an Iran-backed militia, said on Saturday it would retaliate.\n",
			want: []Document{{ID: "kh-strike", Source: "corpus/kh-strike.txt",
				Text: "Kataib Hezbollah, an Iran-backed militia, said on Saturday it would retaliate.\n"}},
		},
		{
			name: "flag-date.txt",
			in:   "The Pentagon said the strikes targeted weapons depots.",
			opt:  ReadOptions{Published: flag},
			want: []Document{{ID: "flag-date", Source: "flag-date.txt", Published: flag,
				Text: "The Pentagon said the strikes targeted weapons depots."}},
		},
		{
			name: "dateline.txt",
			in:   "BAGHDAD, Jan. 6, 2020 — Iraqi lawmakers voted to expel US troops.",
			opt:  ReadOptions{Published: flag},
			want: []Document{{ID: "dateline", Source: "dateline.txt", Published: date("2020-01-06"),
				Text: "BAGHDAD, Jan. 6, 2020 — Iraqi lawmakers voted to expel US troops."}},
		},
		{
			name: "bom.txt",
			in:   "\uFEFFAsaib Ahl al-Haq denied the attack.",
			want: []Document{{ID: "bom", Source: "bom.txt", Text: "Asaib Ahl al-Haq denied the attack."}},
		},
		{
			name: "pmf.md",
			in: "# PMF *vows* revenge\n\nThe **Popular Mobilization Forces** ([PMF](https://example.com/pmf)) " +
				"said the my_var stays.\n\n## Reaction\n\n> Tehran condemned the strike.\n",
			want: []Document{{ID: "pmf", Source: "pmf.md", Title: "PMF vows revenge",
				Text: "PMF vows revenge\n\nThe Popular Mobilization Forces (PMF) said the my_var stays.\n\nReaction\n\nTehran condemned the strike.\n"}},
		},
		{
			name: "front.md",
			in:   "---\ntitle: \"Strikes in Al-Qaim\"\ndate: 2019-12-29\n---\nUS jets struck Kataib Hezbollah positions.\n",
			want: []Document{{ID: "front", Source: "front.md", Title: "Strikes in Al-Qaim", Published: date("2019-12-29"),
				Text: "US jets struck Kataib Hezbollah positions.\n"}},
		},
		{
			name: "embassy.html",
			in: `<!doctype html><html><head><title>Embassy stormed</title>
<meta property="article:published_time" content="2019-12-31T09:30:00Z">
<link rel="canonical" href="https://news.example/embassy">
<script>var x = "Kataib Hezbollah";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a></nav><header><time datetime="2020-02-02">Feb 2</time></header>
<article><h1>Protesters storm US embassy</h1>
<p>Protesters loyal to the militias stormed the outer wall of the
 <b>US Embassy</b> in Baghdad.</p>
<figure><figcaption>A photo</figcaption></figure>
<ul><li>Pompeo blamed Iran.</li></ul></article>
<aside>Most read</aside><footer>Privacy</footer></body></html>`,
			want: []Document{{ID: "embassy", Source: "embassy.html", Title: "Embassy stormed",
				URL: "https://news.example/embassy", Published: time.Date(2019, 12, 31, 9, 30, 0, 0, time.UTC),
				Text: "Protesters storm US embassy\n\nProtesters loyal to the militias stormed the outer wall of the US Embassy in Baghdad.\n\nPompeo blamed Iran.\n"}},
		},
		{
			name: "h1.htm",
			in:   `<body><header><time datetime="2020-01-03">Jan 3</time></header><h1>Soleimani killed</h1><p>A US drone strike killed Qassem Soleimani.</p></body>`,
			want: []Document{{ID: "h1", Source: "h1.htm", Title: "Soleimani killed", Published: date("2020-01-03"),
				Text: "Soleimani killed\n\nA US drone strike killed Qassem Soleimani.\n"}},
		},
		{
			name: "wire.jsonl",
			in: `{"id":"a1","title":"Talks","text":"Iran and Iraq held talks.","url":"https://x.example/a1","published":"2020-01-08"}` + "\n" +
				`{"id":"a2","text":"NATO suspended its training mission.", "published":"2020-01-04T10:00:00+03:00"}` + "\r\n" +
				`{"id": "a3", "text": ` + "\n" +
				"\n" +
				`{"text":"The Houthis fired missiles at Saudi Arabia."}` + "\n" +
				`{"id":"a1","text":"Again."}` + "\n" +
				`{"id":"a6","text":"  "}` + "\n" +
				`{"id":"a7","text":"Bad date.","published":"Jan 8"}` + "\n" +
				`{"id":7,"text":"Number ID."}` + "\n" +
				`{"id":"a9","text":"BEIRUT, 6 January 2020 - Hezbollah vowed revenge."}`,
			opt: ReadOptions{Published: flag},
			want: []Document{
				{ID: "a1", Source: "wire.jsonl:1", Title: "Talks", URL: "https://x.example/a1", Published: date("2020-01-08"), Text: "Iran and Iraq held talks."},
				{ID: "a2", Source: "wire.jsonl:2", Published: time.Date(2020, 1, 4, 7, 0, 0, 0, time.UTC), Text: "NATO suspended its training mission."},
				{ID: "wire-5", Source: "wire.jsonl:5", Published: flag, Text: "The Houthis fired missiles at Saudi Arabia."},
				{ID: "a9", Source: "wire.jsonl:10", Published: date("2020-01-06"), Text: "BEIRUT, 6 January 2020 - Hezbollah vowed revenge."},
			},
			errs: []string{
				"wire.jsonl:3: invalid JSON: unexpected end of JSON input",
				`wire.jsonl:6: duplicate id "a1" (first on line 1)`,
				"wire.jsonl:7: empty document",
				`wire.jsonl:8: published: bad date "Jan 8": want RFC 3339 or YYYY-MM-DD`,
				`wire.jsonl:9: invalid JSON: field "id" must be a string, not a number`,
			},
		},
		{
			name: "-",
			in:   "  \n{\"id\":\"s1\",\"text\":\"Hezbollah fired rockets.\"}\n{\"text\":\"Israel struck back.\"}\n",
			want: []Document{
				{ID: "s1", Source: "-:2", Text: "Hezbollah fired rockets."},
				{ID: "stdin-3", Source: "-:3", Text: "Israel struck back."},
			},
		},
		{
			name: "-",
			in:   "The Houthis seized a ship.",
			want: []Document{{ID: "stdin", Source: "-", Text: "The Houthis seized a ship."}},
		},
		{name: "blob.txt", in: "GIF89a\x00\x01\x02", errs: []string{"blob.txt: binary file"}},
		{name: "latin1.txt", in: "Caf\xe9 talks", errs: []string{"latin1.txt: byte 3: invalid UTF-8"}},
		{name: "empty.txt", in: "", errs: []string{"empty.txt: empty document"}},
		{name: "blank.md", in: " \n\t\n", errs: []string{"blank.md: empty document"}},
		{name: "nav.html", in: "<nav><p>Home</p></nav><script>x()</script>", errs: []string{"nav.html: empty document"}},
		{name: "big.txt", in: strings.Repeat("a", 101), opt: ReadOptions{MaxBytes: 100},
			errs: []string{"big.txt: document is 101 bytes, over the 100-byte limit"}},
		{name: "fits.txt", in: strings.Repeat("a", 100), opt: ReadOptions{MaxBytes: 100},
			want: []Document{{ID: "fits", Source: "fits.txt", Text: strings.Repeat("a", 100)}}},
		{name: "big.jsonl", opt: ReadOptions{MaxBytes: 40},
			in:   `{"id":"x","text":"` + strings.Repeat("a", 40) + `"}` + "\n" + `{"id":"y","text":"short"}` + "\n",
			want: []Document{{ID: "y", Source: "big.jsonl:2", Text: "short"}},
			errs: []string{"big.jsonl:1: document is 60 bytes, over the 40-byte limit"}},
		{name: "bad.jsonl", in: "{\"id\":\"x\",\"text\":\"caf\xe9\"}\n", errs: []string{"bad.jsonl:1: invalid UTF-8"}},
		{name: "bin.jsonl", in: "{\"id\":\"x\",\x00", errs: []string{"bin.jsonl: binary file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := ReadDocuments(tt.name, strings.NewReader(tt.in), tt.opt)
			if diff := cmp.Diff(tt.want, docs); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errorStrings(t, errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func errorStrings(t *testing.T, errs []error) []string {
	t.Helper()
	var out []string
	for _, err := range errs {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("error %v is a %T, not an *InputError", err, err)
		}
		out = append(out, err.Error())
	}
	return out
}

// TestReadDocumentsLargeFile checks that a file over the limit is reported
// with its size from Stat, without being read whole.
func TestReadDocumentsLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: no 50 MB written
		t.Fatal(err)
	}
	f.Close()
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, errs := ReadDocuments(path, f, ReadOptions{})
	want := []string{path + ": document is 52428800 bytes, over the 16777216-byte limit"}
	if diff := cmp.Diff(want, errorStrings(t, errs)); diff != "" || docs != nil {
		t.Errorf("errors (-want +got):\n%s\ndocuments: %v", diff, docs)
	}
	if !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("errors.Is(%v, ErrTooLarge) = false", errs[0])
	}
	off, _ := f.Seek(0, 1)
	if off > DefaultMaxBytes+1 {
		t.Errorf("read %d bytes, want at most %d", off, DefaultMaxBytes+1)
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for none
	}{
		{"BAGHDAD, Jan. 6, 2020 — Iraqi lawmakers", "2020-01-06"},
		{"BAGHDAD, January 6, 2020 - Iraqi lawmakers", "2020-01-06"},
		{"AL-QAIM, Iraq, Dec. 29, 2019 (Reuters) - US jets", "2019-12-29"},
		{"  BEIRUT, 6 January 2020 – Hezbollah", "2020-01-06"},
		{"SANAA, 2024-01-12: The Houthis", "2024-01-12"},
		{"WASHINGTON, Sept. 3, 2020 -- The Pentagon", "2020-09-03"},
		{"BAGHDAD — Kataib Hezbollah said", ""},
		{"BAGHDAD, Feb. 30, 2020 — no such day", ""},
		{"BAGHDAD, Foo 3, 2020 — no such month", ""},
		{"Kataib Hezbollah, Jan. 6, 2020 — not a place in capitals", ""},
		{"On Jan. 6, 2020 — a sentence", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ParseDateline(tt.in)
			var gotS string
			if !got.IsZero() {
				gotS = got.Format(time.DateOnly)
			}
			if gotS != tt.want {
				t.Errorf("ParseDateline(%q) = %q, want %q", tt.in, gotS, tt.want)
			}
		})
	}
}

func TestDocumentID(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/kh-strike.txt": "kh-strike",
		"wire.2020.jsonl":   "wire.2020",
		"README":            "README",
		".hidden":           ".hidden",
	} {
		if got := DocumentID(in); got != want {
			t.Errorf("DocumentID(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkRead is the invariant of every parser: no panic, documents with
// unique IDs and non-empty valid UTF-8 text, errors that are InputErrors.
func checkRead(t *testing.T, name string, in []byte) {
	docs, errs := ReadDocuments(name, strings.NewReader(string(in)), ReadOptions{MaxBytes: 1 << 16})
	seen := map[string]bool{}
	for _, d := range docs {
		if d.ID == "" || seen[d.ID] {
			t.Errorf("empty or duplicate ID %q", d.ID)
		}
		seen[d.ID] = true
		if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" {
			t.Errorf("document %s: bad text %q", d.ID, d.Text)
		}
		if !utf8.ValidString(d.Title) {
			t.Errorf("document %s: bad title %q", d.ID, d.Title)
		}
	}
	for _, err := range errs {
		var ie *InputError
		if !errors.As(err, &ie) || ie.Source != name {
			t.Errorf("error %v: not an *InputError naming %s", err, name)
		}
	}
	if (strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".html")) && len(docs)+len(errs) != 1 { // one document per file
		t.Errorf("%d documents and %d errors, want one of either", len(docs), len(errs))
	}
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte("BAGHDAD, Jan. 6, 2020 — Kataib Hezbollah said."))
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\x00"))
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, "a.txt", in) })
}

func FuzzReadMarkdown(f *testing.F) {
	f.Add([]byte("---\ntitle: x\ndate: 2020-01-01\n---\n# *Head*\n\n[KH](http://x) **bold** snake_case\n```\ncode\n```\n"))
	f.Add([]byte("#\n##"))
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, "a.md", in) })
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(`<title>T</title><meta property="article:published_time" content="2020-01-01"><p>Text <b>bold</b></p><nav>x</nav>`))
	f.Add([]byte("<h1>a<h2>b<li>c"))
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, "a.html", in) })
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","published":"2020-01-01"}` + "\n" + `{"text":"y"}` + "\n{bad\n"))
	f.Add([]byte("\n\n\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, "a.jsonl", in) })
}

func FuzzReadStdin(f *testing.F) {
	f.Add([]byte(` {"id":"a","text":"x"}`))
	f.Add([]byte("plain"))
	f.Fuzz(func(t *testing.T, in []byte) { checkRead(t, "-", in) })
}

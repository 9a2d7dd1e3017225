package extract

import (
	"bytes"
	"io/fs"
	"sync/atomic"
	"testing"

	"github.com/actorgraph/actorgraph/corpus"
	"github.com/actorgraph/actorgraph/data"
)

// benchDocs returns the sample articles and 100 generated ones (seed 1),
// as two named sets, with their total text size.
func benchDocs(b *testing.B) map[string][]Document {
	b.Helper()
	var buf bytes.Buffer
	if err := corpus.Generate(1, 100, &buf); err != nil {
		b.Fatal(err)
	}
	gen, errs := ReadDocuments("corpus.jsonl", &buf, ReadOptions{})
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	var samples []Document
	paths, err := fs.Glob(data.FS, "samples/*.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range paths {
		f, err := data.FS.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		ds, errs := ReadDocuments(p, f, ReadOptions{})
		f.Close()
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		samples = append(samples, ds...)
	}
	return map[string][]Document{"corpus": gen, "samples": samples}
}

func textBytes(docs []Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// forSets runs fn as a sub-benchmark per document set, in a fixed order.
func forSets(b *testing.B, fn func(b *testing.B, docs []Document)) {
	sets := benchDocs(b)
	for _, name := range []string{"corpus", "samples"} {
		b.Run(name, func(b *testing.B) { fn(b, sets[name]) })
	}
}

// BenchmarkTokenize tokenizes as Extract does: with the extractor's
// vocabulary, reusing the token slice.
func BenchmarkTokenize(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		var toks []Token
		for b.Loop() {
			for _, d := range docs {
				toks = tokenizeInto(toks, d.Text, x.vocab)
			}
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	forSets(b, func(b *testing.B, docs []Document) {
		toks := make([][]Token, len(docs))
		for i, d := range docs {
			toks[i] = Tokenize(d.Text)
		}
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		for b.Loop() {
			for i, d := range docs {
				Split(d.Text, toks[i])
			}
		}
	})
}

// BenchmarkGazetteerMatch measures the name trie alone: the longest name
// at every token of every sentence.
func BenchmarkGazetteerMatch(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		var views [][]Token
		for _, d := range docs {
			for _, s := range Split(d.Text, Tokenize(d.Text)) {
				views = append(views, matchTokens(s.Tokens))
			}
		}
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		matches := 0
		for b.Loop() {
			matches = 0
			for _, v := range views {
				for i := 0; i < len(v); {
					if n, k := x.gaz.names.longest(v, i); n != nil {
						matches++
						i += k
						continue
					}
					i++
				}
			}
		}
		b.ReportMetric(float64(matches), "matches/op")
	})
}

// newBenchState prepares a document the way Extract does, up to the
// sentences.
func newBenchState(x *Extractor, doc Document) *docState {
	// Tokens as Extract makes them: with the vocabulary's IDs and bits,
	// which the matching takes its fast paths on.
	d := x.newDocState(doc, new(scratch))
	d.setSentences(Split(doc.Text, tokenize(doc.Text, x.vocab)))
	return d
}

// BenchmarkResolve measures finding the mentions of every sentence
// (gazetteer, demonyms, new names) and resolving them to entities.
func BenchmarkResolve(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		for b.Loop() {
			for _, doc := range docs {
				b.StopTimer()
				d := newBenchState(x, doc)
				b.StartTimer()
				for si := range d.sents {
					d.mentions(si)
				}
			}
		}
	})
}

// BenchmarkRelate measures the relation patterns over resolved mentions.
func BenchmarkRelate(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		stmts := 0
		for b.Loop() {
			stmts = 0
			for _, doc := range docs {
				b.StopTimer()
				d := newBenchState(x, doc)
				for si := range d.sents {
					d.mentions(si)
				}
				b.StartTimer()
				for si := range d.sents {
					st := d.newSent(si)
					st.relate()
					stmts += len(st.out)
				}
			}
		}
		b.ReportMetric(float64(stmts), "statements/op")
	})
}

// BenchmarkExtract measures the whole document pipeline, one goroutine.
func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		b.SetBytes(textBytes(docs))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				if _, err := x.Extract(d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkExtractParallel runs the whole pipeline on every P at once,
// one document per call, all sharing one Extractor as the commands do.
// Run with -cpu 1,2: the ratio of the two MB/s figures is how extraction
// scales with cores.
func BenchmarkExtractParallel(b *testing.B) {
	x := testExtractor(b)
	forSets(b, func(b *testing.B, docs []Document) {
		b.SetBytes(textBytes(docs) / int64(len(docs)))
		b.ReportAllocs()
		var next atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				d := docs[int(next.Add(1))%len(docs)]
				if _, err := x.Extract(d); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

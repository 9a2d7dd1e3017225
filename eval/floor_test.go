package eval_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/eval"
	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/cayleygraph/quad"
)

// Floors of the extraction scores. They only ever go up: raise them when
// the extractor gets better, never lower them to make a change pass.
const (
	samplesF1Floor         = 0.85
	samplesPrecisionFloor  = 0.95
	holdoutF1Floor         = 0.71
	holdoutPrecisionFloor  = 0.93
	holdout2F1Floor        = 0.79
	holdout2PrecisionFloor = 0.94
	holdout3F1Floor        = 0.70
	holdout3PrecisionFloor = 0.92
	holdout4F1Floor        = 0.75
	holdout4PrecisionFloor = 0.93
	devF1Floor             = 0.97
	devPrecisionFloor      = 0.98
)

func extractAll(t *testing.T, docs []extract.Document) []byte {
	t.Helper()
	x, err := extract.New(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	var qs []quad.Quad
	for _, d := range docs {
		ex, err := x.Extract(d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		qs = append(qs, graph.Quads(ex)...)
	}
	var buf bytes.Buffer
	if err := graph.WriteNQuads(&buf, qs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func score(t *testing.T, entities []byte, gold fs.FS, nq []byte) eval.Result {
	t.Helper()
	reg, err := eval.LoadRegistry(bytes.NewReader(entities))
	if err != nil {
		t.Fatal(err)
	}
	g, err := eval.LoadGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.Score(reg, g, nq)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	_ = res.Write(&out, false)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	t.Log(lines[len(lines)-1])
	return res
}

// TestSamplesFloor scores the extractor on the team's annotated samples.
func TestSamplesFloor(t *testing.T) {
	var docs []extract.Document
	files, _ := fs.Glob(data.FS, "samples/*")
	sort.Strings(files)
	for _, f := range files {
		b, err := fs.ReadFile(data.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		ds, errs := extract.ReadDocuments(f, bytes.NewReader(b), extract.ReadOptions{})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", f, errs)
		}
		docs = append(docs, ds...)
	}
	ents, err := fs.ReadFile(data.FS, "eval/entities.tsv")
	if err != nil {
		t.Fatal(err)
	}
	gold, _ := fs.Sub(data.FS, "eval/gold")
	res := score(t, ents, gold, extractAll(t, docs))
	if res.Facts.F1 < samplesF1Floor || res.Facts.Precision < samplesPrecisionFloor {
		t.Errorf("samples: facts F1 %.3f (floor %.2f), precision %.3f (floor %.2f)", res.Facts.F1, samplesF1Floor, res.Facts.Precision, samplesPrecisionFloor)
	}
}

// TestHoldoutFloor scores data/holdout to holdout4, sets written
// without looking at the extractor, in the styles of other outlets: the
// team's best estimate of how it does on text nobody tuned for.
func TestHoldoutFloor(t *testing.T) {
	for _, set := range []struct {
		dir           string
		f1, precision float64
	}{
		{"holdout", holdoutF1Floor, holdoutPrecisionFloor},
		{"holdout2", holdout2F1Floor, holdout2PrecisionFloor},
		{"holdout3", holdout3F1Floor, holdout3PrecisionFloor},
		{"holdout4", holdout4F1Floor, holdout4PrecisionFloor},
	} {
		t.Run(set.dir, func(t *testing.T) {
			dir := filepath.Join("..", "data", set.dir)
			docs := readTexts(t, filepath.Join(dir, "texts"))
			if len(docs) == 0 {
				t.Fatal("no texts")
			}
			ents, err := os.ReadFile(filepath.Join(dir, "entities.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			res := score(t, ents, os.DirFS(filepath.Join(dir, "gold")), extractAll(t, docs))
			if res.Facts.F1 < set.f1 || res.Facts.Precision < set.precision {
				t.Errorf("%s: facts F1 %.3f (floor %.2f), precision %.3f (floor %.2f)", set.dir, res.Facts.F1, set.f1, res.Facts.Precision, set.precision)
			}
		})
	}
}

// TestDevFloor scores the seed articles of ../shared/eval when they are
// there (CI has them beside the clone; a user's clone does not).
func TestDevFloor(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "dev", "texts")); err != nil {
		t.Skip("../shared/eval not present")
	}
	docs := readTexts(t, filepath.Join(dir, "dev", "texts"))
	ents, err := os.ReadFile(filepath.Join(dir, "entities.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	res := score(t, ents, os.DirFS(filepath.Join(dir, "dev", "gold")), extractAll(t, docs))
	if res.Facts.F1 < devF1Floor || res.Facts.Precision < devPrecisionFloor {
		t.Errorf("dev: facts F1 %.3f (floor %.2f), precision %.3f (floor %.2f)", res.Facts.F1, devF1Floor, res.Facts.Precision, devPrecisionFloor)
	}
	if res.ModalityErrors != 0 || res.DuplicateNodes != 0 {
		t.Errorf("dev: %d modality errors, %d duplicate nodes, want 0", res.ModalityErrors, res.DuplicateNodes)
	}
}

// readTexts reads the .txt articles of dir, each named by its base name.
func readTexts(t *testing.T, dir string) []extract.Document {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	var docs []extract.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, extract.Document{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b)})
	}
	return docs
}

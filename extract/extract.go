// Package extract turns article text into statements about actors: it splits
// sentences, finds mentions with the gazetteer and name patterns, resolves
// them to entities and relates them with the lexicon's patterns, with
// modality, dates and counts. It imports schema and the standard library; it
// never imports graph, Cayley, flag or os.Args.
package extract

import (
	"fmt"
	"io/fs"

	"github.com/actorgraph/actorgraph/schema"
)

// Extractor holds the loaded gazetteer and lexicon. It is safe for
// concurrent use by several goroutines.
type Extractor struct {
	gaz *Gazetteer
	lex *Lexicon
}

// New loads the gazetteer (gazetteer/*.tsv) and the lexicon (lexicon/*.tsv)
// from fsys, normally data.FS.
func New(fsys fs.FS) (*Extractor, error) {
	gaz, err := LoadGazetteer(fsys)
	if err != nil {
		return nil, err
	}
	lex, err := LoadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: gaz, lex: lex}, nil
}

// Gazetteer returns the extractor's gazetteer.
func (x *Extractor) Gazetteer() *Gazetteer { return x.gaz }

// Extract extracts the entities and statements of one document. The
// extraction is deterministic: the same document gives the same result.
func (x *Extractor) Extract(doc Document) (schema.Extraction, error) {
	out := schema.Extraction{Doc: doc.Schema()}
	if doc.ID == "" {
		return out, fmt.Errorf("extract: document has no ID")
	}
	// TODO(lead): pipeline being written.
	return out, nil
}

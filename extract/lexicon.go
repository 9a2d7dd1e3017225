package extract

import "io/fs"

// Lexicon holds the word lists the relation and modality rules read.
type Lexicon struct{}

// LoadLexicon reads lexicon/*.tsv from fsys.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) { return &Lexicon{}, nil }

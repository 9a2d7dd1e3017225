// Package data holds actorgraph's data files, embedded: the gazetteer of
// actors and places, the lexicon of verbs, event nouns, roles and modality
// cues the extractor's rules read, the sample articles and their gold
// annotations. Formats are described in data/README.md. It holds no logic.
package data

import "embed"

// FS holds gazetteer/, lexicon/, samples/ and eval/.
//
//go:embed gazetteer lexicon samples eval
var FS embed.FS

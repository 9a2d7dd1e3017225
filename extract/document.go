package extract

import (
	"time"

	"github.com/actorgraph/actorgraph/schema"
)

// Document is one article to extract from.
type Document struct {
	ID        string    // file base name without extension, or the JSON Lines id
	Source    string    // where it was read from: path, or path:line for JSON Lines
	Title     string    // headline, when the input has one
	URL       string    // where it was published, when known
	Published time.Time // publication date, zero when unknown; relative dates resolve against it
	Text      string    // the article text, valid UTF-8; spans are byte offsets into it
}

// Schema returns the document's metadata as the schema describes it.
func (d Document) Schema() schema.Document {
	return schema.Document{
		ID:        d.ID,
		Source:    d.Source,
		Title:     d.Title,
		URL:       d.URL,
		Published: d.Published,
		Hash:      schema.Hash(d.ID, d.Title, d.Text),
		Bytes:     len(d.Text),
	}
}

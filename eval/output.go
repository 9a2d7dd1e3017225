package eval

import (
	"fmt"
	"io"
	"strings"
)

// Write prints the result as score.py does without --json: a row per
// document, with verbose the missed facts, false hits and modality errors,
// and the summary line last.
func (r Result) Write(w io.Writer, verbose bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-34s %4s %4s %4s %4s\n", "document", "tp", "fp", "fn", "mod")
	for _, d := range r.PerDocument {
		flag := ""
		if !d.Labelled {
			flag = "   (no quads labelled with this name)"
		}
		fmt.Fprintf(&b, "%-34s %4d %4d %4d %4d%s\n", d.Name, d.TP, d.FP, d.FN, d.ModalityErrors, flag)
	}
	if verbose {
		for _, sec := range []struct {
			title string
			rows  []DocumentFact
		}{
			{"missed", r.Misses},
			{"false", r.FalseHits},
			{"asserted but not asserted by the text", r.ModalityErrorList},
		} {
			fmt.Fprintf(&b, "\n%s:\n", sec.title)
			for _, f := range sec.rows {
				fmt.Fprintf(&b, "  %s  %s\n", firstRunes(f.Document, 3), f.Fact)
			}
		}
	}
	fmt.Fprintf(&b, "facts P=%.3f R=%.3f F1=%.3f | entities P=%.3f R=%.3f F1=%.3f | types %.3f | duplicate nodes %d | modality errors %d\n",
		r.Facts.Precision, r.Facts.Recall, r.Facts.F1,
		r.Entities.Precision, r.Entities.Recall, r.Entities.F1,
		r.TypeAccuracy, r.DuplicateNodes, r.ModalityErrors)
	_, err := io.WriteString(w, b.String())
	return err
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// WriteJSON prints the result as score.py --json does: json.dumps with
// indent 2, figures rounded to four decimals.
func (r Result) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  \"facts\": {\n    \"precision\": %s,\n    \"recall\": %s,\n    \"f1\": %s,\n    \"tp\": %d,\n    \"fp\": %d,\n    \"fn\": %d\n  },\n",
		pyRound4(r.Facts.Precision), pyRound4(r.Facts.Recall), pyRound4(r.Facts.F1),
		r.Facts.TP, r.Facts.FP, r.Facts.FN)
	fmt.Fprintf(&b, "  \"entities\": {\n    \"precision\": %s,\n    \"recall\": %s,\n    \"f1\": %s\n  },\n",
		pyRound4(r.Entities.Precision), pyRound4(r.Entities.Recall), pyRound4(r.Entities.F1))
	fmt.Fprintf(&b, "  \"type_accuracy\": %s,\n", pyRound4(r.TypeAccuracy))
	fmt.Fprintf(&b, "  \"duplicate_nodes\": %d,\n", r.DuplicateNodes)
	fmt.Fprintf(&b, "  \"modality_errors\": %d,\n", r.ModalityErrors)
	fmt.Fprintf(&b, "  \"documents\": %d,\n", r.Documents)
	b.WriteString("  \"documents_without_label\": [")
	if len(r.DocumentsWithoutLabel) == 0 {
		b.WriteString("]")
	} else {
		for i, d := range r.DocumentsWithoutLabel {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    ")
			pyJSONQuote(&b, d)
		}
		b.WriteString("\n  ]")
	}
	b.WriteString("\n}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

package eval

import (
	"regexp"
	"strings"
)

// Quad is one statement of the N-Quads input, each term as the token written
// in the file: an IRI with its angle brackets, a blank node label, or a
// literal with its quotes and language tag or datatype. Graph is "" for a
// triple.
type Quad struct {
	Subject, Predicate, Object, Graph string
}

// pyWS is the character class of Python's \s on str patterns (str.isspace).
const pyWS = `\t\n\x0b\f\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}`

// tokenRE is score.py's TOKEN, with \s spelled out as Python reads it. Go's
// regexp picks the match a backtracking engine would, as Python's re does.
var tokenRE = regexp.MustCompile(`^[` + pyWS + `]*(<[^>]*>|_:[^` + pyWS + `]+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)`)

// ParseNQuads tokenizes N-Quads as score.py's parse_nquads does: the input is
// decoded as UTF-8 with invalid bytes replaced, split into lines with
// universal newlines, blank lines and lines starting with '#' are skipped,
// and a line is a quad when it is three or four terms followed by '.'.
// skipped lists the 1-based numbers of the other lines (score.py warns
// "not an N-Quad, skipped" for each).
func ParseNQuads(data []byte) (quads []Quad, skipped []int) {
	for i, line := range pyLines(pyDecode(data)) {
		line = pyStrip(line)
		if line == "" || line[0] == '#' {
			continue
		}
		terms, ok := tokenizeLine(line)
		if !ok {
			skipped = append(skipped, i+1)
			continue
		}
		q := Quad{Subject: terms[0], Predicate: terms[1], Object: terms[2]}
		if len(terms) == 4 {
			q.Graph = terms[3]
		}
		quads = append(quads, q)
	}
	return quads, skipped
}

// tokenizeLine splits a stripped line into terms; ok is false when the line
// is not three or four terms and a final '.'.
func tokenizeLine(line string) (terms []string, ok bool) {
	pos := 0
	for {
		m := tokenRE.FindStringSubmatchIndex(line[pos:])
		if m == nil {
			break
		}
		terms = append(terms, line[pos+m[2]:pos+m[3]])
		pos += m[1]
		if len(terms) > 4 {
			// More terms cannot make a quad; the rest is not needed.
			return terms, false
		}
	}
	if pyStrip(line[pos:]) != "." || (len(terms) != 3 && len(terms) != 4) {
		return terms, false
	}
	return terms, true
}

// isLiteral reports whether a term is a literal, as score.py tests it.
func isLiteral(term string) bool { return strings.HasPrefix(term, `"`) }

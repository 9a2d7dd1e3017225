package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMaxBytes is the largest document ReadDocuments accepts when
// ReadOptions.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// StdinName is the name under which ReadDocuments reads standard input.
const StdinName = "-"

// ReadOptions configures ReadDocuments.
type ReadOptions struct {
	// MaxBytes is the largest document accepted, in bytes; 0 means
	// DefaultMaxBytes. For JSON Lines it bounds each line, not the file.
	MaxBytes int64
	// Published is the publication date of documents that give none,
	// neither in their metadata nor in a dateline.
	Published time.Time
}

func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// The problems an InputError reports, for errors.Is.
var (
	ErrBinary      = errors.New("binary file")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrEmpty       = errors.New("empty document")
	ErrTooLarge    = errors.New("document too large")
)

// sizeError reports a document over the size limit; size is -1 when the
// reader could not tell the full size without reading it all.
type sizeError struct{ size, limit int64 }

func (e *sizeError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("document is over the %d-byte limit", e.limit)
	}
	return fmt.Sprintf("document is %d bytes, over the %d-byte limit", e.size, e.limit)
}

// Is makes a size error match ErrTooLarge.
func (e *sizeError) Is(target error) bool { return target == ErrTooLarge }

// InputError is a problem with one input document, with its position.
type InputError struct {
	Source string // the path it was read from, "-" for standard input
	Line   int    // 1-based line of a JSON Lines record, 0 when not line-based
	Offset int    // byte offset of the problem in the input, -1 when none
	Err    error
}

// Error formats the error as "source:line: message", "source: byte N:
// message" or "source: message", the way compilers and grep do, so that
// editors can jump to it.
// Error reads "path:line: message" or "path: byte N: message".
func (e *InputError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	case e.Offset >= 0:
		return fmt.Sprintf("%s: byte %d: %v", e.Source, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(source string, line, offset int, err error) *InputError {
	return &InputError{Source: source, Line: line, Offset: offset, Err: err}
}

// ReadDocuments reads the documents of one input. The parser is chosen by
// the extension of name: .txt, .md (Markdown), .html and .htm, .jsonl and
// .ndjson (one JSON article per line); any other extension is read as plain
// text. The name "-" stands for standard input, read as JSON Lines when its
// first non-space byte is '{' and as text otherwise.
//
// Every problem comes back as an *InputError; the documents that could be
// read still come back. A file yields its documents or an error, never
// both, except JSON Lines, where each line stands alone.
func ReadDocuments(name string, r io.Reader, opt ReadOptions) ([]Document, []error) {
	if name == StdinName {
		br := bufio.NewReader(r)
		if sniffJSON(br) {
			return readJSONL(name, "stdin", br, opt)
		}
		return readWhole(name, "stdin", br, opt, parsePlain)
	}
	id := DocumentID(name)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return readJSONL(name, id, r, opt)
	case ".md", ".markdown":
		return readWhole(name, id, r, opt, parseMarkdown)
	case ".html", ".htm":
		return readWhole(name, id, r, opt, parseHTML)
	}
	return readWhole(name, id, r, opt, parsePlain)
}

// IsDocument reports whether ReadDocuments has a parser for the file's
// extension, for walking directories.
func IsDocument(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// DocumentID returns the ID of the document read from the file name: its
// base name without the extension.
func DocumentID(name string) string {
	base := filepath.Base(name)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}

// sniffJSON reports whether the first non-space byte of br is '{', without
// consuming anything, so that line numbers stay right.
func sniffJSON(br *bufio.Reader) bool {
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if err != nil {
			return false // empty, or a buffer of white space: text
		}
		if c := b[n-1]; !isJSONSpace(c) {
			return c == '{'
		}
	}
}

func isJSONSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// parsedDoc is what a whole-file parser finds: the text and any metadata.
type parsedDoc struct {
	text      string
	title     string
	url       string
	published time.Time
}

// readWhole reads one document of at most MaxBytes, checks it and parses it.
func readWhole(name, id string, r io.Reader, opt ReadOptions, parse func([]byte) parsedDoc) ([]Document, []error) {
	limit := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, []error{inputErr(name, 0, -1, err)}
	}
	if int64(len(b)) > limit {
		size := int64(-1) // unknown, unless r can tell without reading on
		switch r := r.(type) {
		case interface{ Stat() (fs.FileInfo, error) }:
			if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
				size = fi.Size()
			}
		case interface{ Size() int64 }: // strings.Reader, bytes.Reader
			size = r.Size()
		}
		return nil, []error{inputErr(name, 0, -1, &sizeError{size: size, limit: limit})}
	}
	if err := checkBytes(name, 0, 0, b); err != nil {
		return nil, []error{err}
	}
	p := parse(bytes.TrimPrefix(b, utf8BOM))
	if strings.TrimSpace(p.text) == "" {
		return nil, []error{inputErr(name, 0, -1, ErrEmpty)}
	}
	doc := Document{ID: id, Source: name, Title: p.title, URL: p.url, Published: p.published, Text: p.text}
	if doc.Published.IsZero() {
		doc.Published = ParseDateline(doc.Text)
	}
	if doc.Published.IsZero() {
		doc.Published = opt.Published
	}
	return []Document{doc}, nil
}

var utf8BOM = []byte("\uFEFF")

// checkBytes rejects binary content and invalid UTF-8. base is the offset of
// b in the input, for the error's position.
func checkBytes(name string, line, base int, b []byte) error {
	if bytes.IndexByte(b, 0) >= 0 {
		return inputErr(name, line, -1, ErrBinary)
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return inputErr(name, line, base+off, ErrInvalidUTF8)
	}
	return nil
}

func parsePlain(b []byte) parsedDoc { return parsedDoc{text: string(b)} }

// jsonArticle is one line of a JSON Lines file.
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// readJSONL reads one article per line. A line that cannot be read is an
// error naming the line; the other lines still come through. Lines are
// read one at a time, so a corpus may be larger than MaxBytes as long as
// each line is not.
func readJSONL(name, base string, r io.Reader, opt ReadOptions) ([]Document, []error) {
	limit := opt.maxBytes()
	br := bufio.NewReader(r)
	if head, _ := br.Peek(8 << 10); bytes.IndexByte(head, 0) >= 0 {
		return nil, []error{inputErr(name, 0, -1, ErrBinary)}
	}
	var (
		docs []Document
		errs []error
		seen = map[string]int{}
		off  int
	)
	for line := 1; ; line++ {
		b, size, err := readJSONLine(br, limit)
		start := off
		off += size
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, ErrTooLarge) {
				errs = append(errs, inputErr(name, line, -1, err))
				continue
			}
			errs = append(errs, inputErr(name, line, -1, err))
			break
		}
		if size == 0 && errors.Is(err, io.EOF) {
			break
		}
		if len(bytes.TrimSpace(b)) > 0 {
			doc, derr := decodeJSONLine(name, base, line, start, b, opt)
			switch {
			case derr != nil:
				errs = append(errs, derr)
			case seen[doc.ID] > 0:
				errs = append(errs, inputErr(name, line, -1, fmt.Errorf("duplicate id %q (first on line %d)", doc.ID, seen[doc.ID])))
			default:
				seen[doc.ID] = line
				docs = append(docs, doc)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	return docs, errs
}

// readJSONLine returns the next line without its newline, and how many bytes it
// consumed. A line over limit is skipped and reported with ErrTooLarge.
func readJSONLine(br *bufio.Reader, limit int64) ([]byte, int, error) {
	var line []byte
	size := 0
	over := false
	for {
		chunk, err := br.ReadSlice('\n')
		size += len(chunk)
		if !over {
			if int64(len(line)+len(chunk)) > limit+2 { // room for "\r\n"
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if over {
			if err == nil || errors.Is(err, io.EOF) {
				n := size
				if err == nil {
					n-- // the newline
				}
				return nil, size, &sizeError{size: int64(n), limit: limit}
			}
			return nil, size, err
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if int64(len(line)) > limit {
			return nil, size, &sizeError{size: int64(len(line)), limit: limit}
		}
		return line, size, err
	}
}

func decodeJSONLine(name, base string, line, start int, b []byte, opt ReadOptions) (Document, error) {
	if err := checkBytes(name, line, start, b); err != nil {
		return Document{}, err
	}
	var a jsonArticle
	if err := json.Unmarshal(b, &a); err != nil {
		return Document{}, inputErr(name, line, -1, jsonInputError(err))
	}
	if strings.TrimSpace(a.Text) == "" {
		return Document{}, inputErr(name, line, -1, ErrEmpty)
	}
	doc := Document{
		ID:     strings.TrimSpace(a.ID),
		Source: fmt.Sprintf("%s:%d", name, line),
		Title:  strings.TrimSpace(a.Title),
		URL:    strings.TrimSpace(a.URL),
		Text:   a.Text,
	}
	if doc.ID == "" {
		// The line number keeps the ID unique within the file and stable
		// as long as the file is only appended to.
		doc.ID = fmt.Sprintf("%s-%d", base, line)
	}
	if a.Published != "" {
		t, err := ParsePublished(a.Published)
		if err != nil {
			return Document{}, inputErr(name, line, -1, fmt.Errorf("published: %w", err))
		}
		doc.Published = t
	}
	if doc.Published.IsZero() {
		doc.Published = ParseDateline(doc.Text)
	}
	if doc.Published.IsZero() {
		doc.Published = opt.Published
	}
	return doc, nil
}

// jsonInputError rewords encoding/json's errors, which name Go types, for people
// who wrote the JSON.
func jsonInputError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("invalid JSON: field %q must be a %s, not a %s", te.Field, te.Type.Kind(), te.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return fmt.Errorf("invalid JSON: %s", msg)
}

// ParsePublished parses a publication date written as RFC 3339 or YYYY-MM-DD.
func ParsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if len(s) > len(time.DateOnly) {
		// "2020-01-06T09:30" and other partial timestamps: the day is
		// what matters.
		if t, err := time.Parse(time.DateOnly, s[:len(time.DateOnly)]); err == nil && (s[10] == 'T' || s[10] == ' ') {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want RFC 3339 or YYYY-MM-DD", s)
}

// datelineRE matches the opening of a wire story: a place in capitals, a
// comma, a date and a dash, as in "BAGHDAD, Jan. 6, 2020 — ".
var datelineRE = regexp.MustCompile(`^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]*(?:,\s*[\p{L} .'’-]+?)?,\s*` +
	`(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})|(\d{4}-\d{2}-\d{2}))` +
	`\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-|:)`)

var datelineMonths = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "sept": time.September, "oct": time.October,
	"nov": time.November, "dec": time.December,
}

// ParseDateline returns the date of a dateline at the start of text, such as
// "BAGHDAD, Jan. 6, 2020 — " or "BEIRUT, 6 January 2020 -", or the zero
// time when there is none.
func ParseDateline(text string) time.Time {
	if len(text) > 200 {
		text = text[:200]
	}
	m := datelineRE.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}
	}
	if m[7] != "" {
		t, _ := time.Parse(time.DateOnly, m[7])
		return t
	}
	mon, day, year := m[1], m[2], m[3]
	if mon == "" {
		mon, day, year = m[5], m[4], m[6]
	}
	return datelineDay(mon, day, year)
}

func datelineDay(mon, day, year string) time.Time {
	mon = strings.ToLower(mon)
	month, ok := datelineMonths[mon]
	if !ok && len(mon) > 3 {
		month, ok = datelineMonths[mon[:3]]
		if ok && !strings.HasPrefix(strings.ToLower(month.String()), mon) {
			ok = false
		}
	}
	if !ok {
		return time.Time{}
	}
	var d, y int
	fmt.Sscan(day, &d)
	fmt.Sscan(year, &y)
	if d < 1 || d > 31 {
		return time.Time{}
	}
	t := time.Date(y, month, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{} // Feb. 30
	}
	return t
}

// parseMarkdown keeps the text of a Markdown article and drops the syntax
// that would get in the way of sentences: front matter (whose title and
// date it reads), heading marks, emphasis marks and link targets. The first
// level-one heading is the title.
func parseMarkdown(b []byte) parsedDoc {
	var p parsedDoc
	src := string(b)
	if rest, ok := strings.CutPrefix(src, "---\n"); ok {
		if front, body, ok := strings.Cut(rest, "\n---\n"); ok {
			src = body
			for _, l := range strings.Split(front, "\n") {
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				switch strings.TrimSpace(strings.ToLower(k)) {
				case "title":
					p.title = v
				case "date", "published":
					p.published, _ = ParsePublished(v)
				case "url":
					p.url = v
				}
			}
		}
	}
	var out strings.Builder
	out.Grow(len(src))
	fence := false
	for l := range strings.Lines(src) {
		trimmed := strings.TrimLeft(l, " ")
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = !fence
			out.WriteString("\n")
			continue
		}
		if fence {
			out.WriteString("\n")
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			h := strings.TrimLeft(trimmed, "#")
			level := len(trimmed) - len(h)
			if level <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t' || h[0] == '\n') {
				h = strings.TrimLeft(h, " \t")
				h = strings.TrimRight(strings.TrimRight(h, "\r\n"), "# \t")
				h = inlineMarkdown(h)
				if level == 1 && p.title == "" {
					p.title = strings.TrimSpace(h)
				}
				out.WriteString(h)
				out.WriteString("\n")
				continue
			}
		}
		if q, ok := strings.CutPrefix(trimmed, ">"); ok {
			l = strings.TrimPrefix(q, " ")
		}
		out.WriteString(inlineMarkdown(l))
	}
	p.text = out.String()
	return p
}

// mdLink matches an inline link or image; the text is kept.
var mdLink = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)

// inlineMarkdown removes link targets and emphasis marks from one line.
func inlineMarkdown(s string) string {
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if !strings.ContainsAny(s, "*_`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' && c != '`' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		// A run of marks is emphasis when it touches a word on exactly
		// one side: "*Kataib Hezbollah*," but not "snake_case" or "* item".
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if i == 0 {
			before = ' '
		}
		if j == len(s) {
			after = ' '
		}
		if j-i <= 3 && isEmphasisWord(before) != isEmphasisWord(after) {
			i = j
			continue
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

func isEmphasisWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// htmlSkipped are the HTML elements whose text is not part of the article.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Figure: true, atom.Noscript: true,
	atom.Template: true, atom.Form: true, atom.Button: true, atom.Select: true,
}

// htmlBlocks are the HTML elements that hold article text, one paragraph each.
var htmlBlocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.Li: true,
	atom.Blockquote: true,
}

// parseHTML keeps the text of paragraphs, headings and list items, one per
// paragraph, and reads the title, canonical URL and publication date.
func parseHTML(b []byte) parsedDoc {
	var p parsedDoc
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return p // x/net/html only fails on reader errors
	}
	var paras []string
	var h1 string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case htmlSkipped[n.DataAtom] || n.DataAtom == atom.Title || n.DataAtom == atom.Head:
				return
			case htmlBlocks[n.DataAtom]:
				t := collapseSpace(htmlText(n))
				if t != "" {
					paras = append(paras, t)
					if n.DataAtom == atom.H1 && h1 == "" {
						h1 = t
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	// Metadata may sit anywhere, the date often in a <header> whose text
	// is left out, so it is read in a walk of its own.
	var meta func(n *html.Node)
	meta = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template:
				return
			case atom.Title:
				if p.title == "" {
					p.title = collapseSpace(htmlText(n))
				}
			case atom.Meta:
				htmlMeta(n, &p)
			case atom.Link:
				if p.url == "" && strings.EqualFold(htmlAttr(n, "rel"), "canonical") {
					p.url = htmlAttr(n, "href")
				}
			case atom.Time:
				if p.published.IsZero() {
					p.published, _ = ParsePublished(htmlAttr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			meta(c)
		}
	}
	meta(root)
	walk(root)
	if p.title == "" {
		p.title = h1
	}
	p.text = strings.Join(paras, "\n\n")
	if p.text != "" {
		p.text += "\n"
	}
	return p
}

func htmlMeta(n *html.Node, p *parsedDoc) {
	key := htmlAttr(n, "property")
	if key == "" {
		key = htmlAttr(n, "name")
	}
	content := htmlAttr(n, "content")
	switch strings.ToLower(key) {
	case "article:published_time", "date", "pubdate", "dc.date":
		if p.published.IsZero() {
			p.published, _ = ParsePublished(content)
		}
	case "og:url":
		if p.url == "" {
			p.url = content
		}
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlText returns the text inside n, leaving out the skipped elements.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if htmlSkipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace turns every run of white space into one space and trims the
// ends, as a browser shows the text.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

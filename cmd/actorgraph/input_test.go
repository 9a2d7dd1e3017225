package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/actorgraph/actorgraph/extract"
)

// TestReadJSONLines checks that streaming a JSON Lines file gives what
// extract.ReadDocuments gives for the whole file.
func TestReadJSONLines(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("x", 300) + `"}`
	tests := []struct {
		name string
		in   string
		max  int64
	}{
		{"plain", "{\"id\":\"a\",\"text\":\"Iran backs Kataib Hezbollah.\"}\n{\"text\":\"No id here.\"}\n", 0},
		{"no final newline", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}", 0},
		{"crlf and blank lines", "\r\n{\"id\":\"a\",\"text\":\"One.\"}\r\n\n  \n{\"text\":\"Two.\",\"published\":\"2020-01-03\"}\r\n", 0},
		{"errors", "{\"id\":\"a\",\"text\":\"One.\"}\n{bad json\n{\"id\":\"b\",\"text\":\"  \"}\n{\"id\":\"c\",\"text\":\"x\",\"published\":\"last Tuesday\"}\n{\"id\":3,\"text\":\"x\"}\n", 0},
		{"duplicates", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"a\",\"text\":\"Two.\"}\n{\"id\":\"f-1\",\"text\":\"Three.\"}\n{\"text\":\"Four.\"}\n", 0},
		{"invalid utf-8", strings.Repeat("{\"text\":\"fine\"}\n", 300) + "{\"text\":\"bad \xff here\"}\n{\"text\":\"fine\"}\n", 0},
		{"nul late", strings.Repeat("{\"text\":\"fine\"}\n", 300) + "{\"text\":\"nul \x00 here\"}\n{\"text\":\"fine\"}\n", 0},
		{"nul early", "{\"text\":\"nul \x00 here\"}\n{\"text\":\"fine\"}\n", 0},
		{"too long", "{\"text\":\"short\"}\n" + long + "\n" + long + "\r\n" + long + "\n{\"text\":\"after\"}", 100},
		{"limit edges", "{\"text\":\"12345\"}\r\n{\"text\":\"123456\"}\r\n{\"text\":\"1234\"}\r\n{\"text\":\"1234567\"}\n", 16},
		{"long lines", strings.Repeat(long+"\n", 40), 0},
		{"empty", "", 0},
		{"only blank", "\n\n\r\n", 0},
	}
	for _, tt := range tests {
		for _, name := range []string{"f.jsonl", extract.StdinName} {
			t.Run(tt.name+" "+name, func(t *testing.T) {
				opt := extract.ReadOptions{MaxBytes: tt.max}
				wantDocs, wantErrs := extract.ReadDocuments(name, strings.NewReader(tt.in), opt)
				var gotDocs []extract.Document
				var gotErrs []error
				emit := func(docs []extract.Document, errs []error) bool {
					gotDocs = append(gotDocs, docs...)
					gotErrs = append(gotErrs, errs...)
					return true
				}
				base := extract.DocumentID(name)
				br := bufio.NewReader(strings.NewReader(tt.in))
				if name == extract.StdinName {
					base = "stdin"
					if !sniffJSON(br) {
						if tt.in != "" && strings.TrimSpace(tt.in) != "" {
							t.Fatal("not sniffed as JSON")
						}
						return
					}
				}
				ids := newDocIDs()
				readJSONLines(name, base, br, opt, ids, ids.addFile(name), emit)
				if diff := cmp.Diff(wantDocs, gotDocs); diff != "" {
					t.Errorf("documents (-ReadDocuments +streamed):\n%s", diff)
				}
				if diff := cmp.Diff(errStrings(wantErrs), errStrings(gotErrs)); diff != "" {
					t.Errorf("errors (-ReadDocuments +streamed):\n%s", diff)
				}
			})
		}
	}
}

func errStrings(errs []error) []string {
	var out []string
	for _, err := range errs {
		s := err.Error()
		if ie, ok := err.(*extract.InputError); ok {
			s += fmt.Sprintf(" [line %d offset %d]", ie.Line, ie.Offset)
		}
		out = append(out, s)
	}
	return out
}

func FuzzReadJSONLines(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}\r\n\n{bad\n{\"id\":\"a\",\"text\":\"x\"}"), int64(0))
	f.Add([]byte("{\"text\":\"1234567\"}\r\n{\"text\":\"\xff\"}\n"), int64(16))
	f.Fuzz(func(t *testing.T, in []byte, max int64) {
		opt := extract.ReadOptions{MaxBytes: max % 64}
		if bytes.IndexByte(in, 0) >= 0 && opt.MaxBytes > 0 {
			t.Skip("NUL bytes in lines over the limit: see readJSONLines")
		}
		wantDocs, wantErrs := extract.ReadDocuments("f.jsonl", bytes.NewReader(in), opt)
		var gotDocs []extract.Document
		var gotErrs []error
		ids := newDocIDs()
		readJSONLines("f.jsonl", "f", bytes.NewReader(in), opt, ids, ids.addFile("f.jsonl"),
			func(docs []extract.Document, errs []error) bool {
				gotDocs = append(gotDocs, docs...)
				gotErrs = append(gotErrs, errs...)
				return true
			})
		if diff := cmp.Diff(wantDocs, gotDocs); diff != "" {
			t.Errorf("documents (-ReadDocuments +streamed):\n%s", diff)
		}
		if diff := cmp.Diff(errStrings(wantErrs), errStrings(gotErrs)); diff != "" {
			t.Errorf("errors (-ReadDocuments +streamed):\n%s", diff)
		}
	})
}

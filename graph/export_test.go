package graph

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/google/go-cmp/cmp"
)

func write(t *testing.T, f Format, qs []quad.Quad, opt ExportOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, f, qs, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteGolden(t *testing.T) {
	tests := []struct {
		file string
		f    Format
		opt  ExportOptions
	}{
		{"all.dot", DOT, ExportOptions{}},
		{"provenance.dot", DOT, ExportOptions{Provenance: true}},
		{"all.graphml", GraphML, ExportOptions{}},
		{"all.jsonld", JSONLD, ExportOptions{}},
		{"focus-kh.nq", NQuads, ExportOptions{Focus: "KH"}},
		{"focus-kh-2.dot", DOT, ExportOptions{Focus: "Kataib Hezbollah", Depth: 2}},
		{"from-2021.dot", DOT, ExportOptions{From: "2021"}},
		{"to-2020-06.nq", NQuads, ExportOptions{To: "2020-06"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			golden(t, tt.file, write(t, tt.f, fixtureQuads(), tt.opt))
		})
	}
}

// TestFilter checks what the focus and date filters keep, by the direct
// facts left.
func TestFilter(t *testing.T) {
	tests := []struct {
		name string
		opt  ExportOptions
		want []string
	}{
		{"all", ExportOptions{}, []string{"baghdad locatedIn iraq", "kataib-hezbollah memberOf popular-mobilization-forces",
			"nato withdrewFrom iraq", "united-states deployedIn iraq", "united-states killed qasem-soleimani", "united-states negotiatedWith iraq"}},
		{"focus depth 1", ExportOptions{Focus: "nato"}, []string{"nato withdrewFrom iraq"}},
		{"focus depth 2", ExportOptions{Focus: "nato", Depth: 2}, []string{"baghdad locatedIn iraq", "nato withdrewFrom iraq",
			"united-states deployedIn iraq", "united-states negotiatedWith iraq"}},
		{"from 2021", ExportOptions{From: "2021"}, []string{"baghdad locatedIn iraq", "kataib-hezbollah memberOf popular-mobilization-forces",
			"nato withdrewFrom iraq", "united-states deployedIn iraq", "united-states negotiatedWith iraq"}},
		{"day inside a month", ExportOptions{From: "2021-12-15", To: "2021-12-15"}, []string{"baghdad locatedIn iraq",
			"kataib-hezbollah memberOf popular-mobilization-forces", "nato withdrewFrom iraq", "united-states deployedIn iraq", "united-states negotiatedWith iraq"}},
		{"to 2020-06", ExportOptions{To: "2020-06"}, []string{"baghdad locatedIn iraq", "kataib-hezbollah memberOf popular-mobilization-forces",
			"united-states deployedIn iraq", "united-states killed qasem-soleimani"}},
		{"focus and range", ExportOptions{Focus: "Iraq", From: "2021-12"}, []string{"baghdad locatedIn iraq", "nato withdrewFrom iraq",
			"united-states deployedIn iraq", "united-states negotiatedWith iraq"}},
		{"undated events dropped", ExportOptions{Focus: "Iraq", From: "2022"}, []string{"baghdad locatedIn iraq", "united-states deployedIn iraq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := newView(fixtureQuads()).filter(tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range v.edges {
				got = append(got, v.entities[e.s].id()+" "+e.p+" "+v.entities[e.o].id())
			}
			if diff := cmp.Diff(tt.want, sortedKeys(setOf(got))); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
			for iri, st := range v.stmts { // statements only between kept entities
				if v.entities[st.s] == nil || v.entities[st.o] == nil {
					t.Errorf("statement %s links an entity not kept", iri)
				}
			}
		})
	}
}

func setOf(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		f    Format
		opt  ExportOptions
		want string
	}{
		{"xml", ExportOptions{}, `unknown format "xml"`},
		{DOT, ExportOptions{Focus: "Atlantis"}, "not found"},
		{DOT, ExportOptions{From: "2021-13"}, "bad date"},
		{DOT, ExportOptions{From: "2022", To: "2021"}, "after"},
	}
	for _, tt := range tests {
		err := Write(&bytes.Buffer{}, tt.f, fixtureQuads(), tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Write(%s, %+v) = %v, want error with %q", tt.f, tt.opt, err, tt.want)
		}
	}
	if err := Write(&bytes.Buffer{}, DOT, fixtureQuads(), ExportOptions{Focus: "Atlantis"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown focus: %v, want ErrNotFound", err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		if got, err := ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := ParseFormat("gml"); err == nil {
		t.Error("ParseFormat(gml) succeeded")
	}
}

func TestJSONLDRoundTrip(t *testing.T) {
	qs := append(fixtureQuads(), Ontology()...)
	out := write(t, JSONLD, qs, ExportOptions{})
	got, err := quad.ReadAll(jsonld.NewReader(bytes.NewReader(out)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(keys(qs), keys(got)); diff != "" {
		t.Errorf("JSON-LD round trip (-want +got):\n%s", diff)
	}
}

// TestDOTParses renders our DOT with GraphViz's dot, where installed.
func TestDOTParses(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("dot not on PATH (Debian: apt-get install graphviz)")
	}
	for _, opt := range []ExportOptions{{}, {Provenance: true}} {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(write(t, DOT, fixtureQuads(), opt))
		if out, err := cmd.CombinedOutput(); err != nil || !bytes.Contains(out, []byte("<svg")) {
			t.Errorf("dot -Tsvg (%+v): %v\n%.500s", opt, err, out)
		}
	}
}

func TestSVG(t *testing.T) {
	out := write(t, SVG, fixtureQuads(), ExportOptions{})
	for _, want := range []string{"<svg", "Kataib Hezbollah", "memberOf", "DejaVu Sans"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestPNG(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, PNG, fixtureQuads(), ExportOptions{})
	if _, lookErr := exec.LookPath("dot"); lookErr != nil {
		if !errors.Is(err, errNoDot) {
			t.Errorf("PNG without dot: %v, want %v", err, errNoDot)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG")) {
		t.Errorf("not a PNG: %q", b.Bytes()[:min(8, b.Len())])
	}
}

func TestDOTEscape(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:        `"plain"`,
		`say "hi"`:     `"say \"hi\""`,
		`back\slash`:   `"back\\slash"`,
		"two\nlines\r": `"two\nlines\n"`,
		"ctl\x01":      `"ctl "`,
	} {
		if got := dotID(in); got != want {
			t.Errorf("dotID(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestStoreExport checks that exporting from a store gives what Write gives
// for the same quads, whole or around a focus.
func TestStoreExport(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := loaded(t, open)
			for _, opt := range []ExportOptions{{}, {Focus: "KH"}, {Focus: "Iraq", Depth: 2}, {Focus: "nato", From: "2021"}} {
				for _, f := range []Format{NQuads, DOT} {
					var b bytes.Buffer
					if err := s.Export(ctx, &b, f, opt); err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(string(write(t, f, fixtureQuads(), opt)), b.String()); diff != "" {
						t.Errorf("Export(%s, %+v) (-want +got):\n%s", f, opt, diff)
					}
				}
			}
			if err := s.Export(ctx, &bytes.Buffer{}, DOT, ExportOptions{Focus: "Atlantis"}); !errors.Is(err, ErrNotFound) {
				t.Errorf("Export of unknown focus: %v, want ErrNotFound", err)
			}
		})
	}
}

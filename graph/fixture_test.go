package graph

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/schema"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// Two documents that share the entities United States and Iraq.
var (
	us       = schema.Entity{ID: "united-states", Type: schema.Country, Name: "United States", Aliases: []string{"US", "U.S."}}
	iraq     = schema.Entity{ID: "iraq", Type: schema.Country, Name: "Iraq"}
	soleiman = schema.Entity{ID: "qasem-soleimani", Type: schema.Person, Name: "Qasem Soleimani"}
	kh       = schema.Entity{ID: "kataib-hezbollah", Type: schema.ArmedGroup, Name: "Kataib Hezbollah", Aliases: []string{"KH"}}
	baghdad  = schema.Entity{ID: "baghdad", Type: schema.Location, Name: "Baghdad"}
	nato     = schema.Entity{ID: "nato", Type: schema.InternationalOrganization, Name: "NATO", Aliases: []string{"North Atlantic Treaty Organization"}}
	pmf      = schema.Entity{ID: "popular-mobilization-forces", Type: schema.ArmedGroup, Name: "Popular Mobilization Forces"}

	strike = schema.Extraction{
		Doc: schema.Document{ID: "01_soleimani-strike", Source: "data/samples/01_soleimani-strike.txt", Title: "US strike kills Soleimani",
			URL: "https://example.org/news/1?a=b&c=d", Published: time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC), Hash: "aaaa000000000001", Bytes: 1234},
		Entities: []schema.Entity{us, soleiman, kh, baghdad, iraq, pmf},
		Statements: []schema.Statement{
			{Subject: "united-states", Predicate: schema.Killed, Object: "qasem-soleimani", Modality: schema.Asserted,
				Sentence: "A US drone strike killed Qasem Soleimani at Baghdad airport on Friday.", Span: schema.Span{Start: 0, End: 70},
				Rule: "killed.verb", Date: "2020-01-03", DateRaw: "on Friday", Killed: 1},
			{Subject: "kataib-hezbollah", Predicate: schema.Threatened, Object: "united-states", Modality: schema.Threat,
				Sentence: "Kataib Hezbollah said \"we will respond\"\tto the\\attack.", Span: schema.Span{Start: 71, End: 126}, Rule: "threat.say"},
			{Subject: "baghdad", Predicate: schema.LocatedIn, Object: "iraq", Modality: schema.Asserted,
				Sentence: "Baghdad, Iraq.", Span: schema.Span{Start: 127, End: 141}, Rule: "place.comma"},
			{Subject: "united-states", Predicate: schema.DeployedIn, Object: "iraq", Modality: schema.Claimed,
				Sentence: "About 5,000 US troops are in Iraq, officials said.", Span: schema.Span{Start: 142, End: 192}, Rule: "deployed.in", Troops: 5000},
			{Subject: "kataib-hezbollah", Predicate: schema.MemberOf, Object: "popular-mobilization-forces", Modality: schema.Asserted,
				Sentence: "KH is part of the Popular Mobilization Forces.", Span: schema.Span{Start: 193, End: 239}, Rule: "member.partof"},
		},
	}
	drawdown = schema.Extraction{
		Doc:      schema.Document{ID: "09_coalition-drawdown", Title: "Coalition ends combat mission", Hash: "bbbb000000000002", Bytes: 987},
		Entities: []schema.Entity{nato, iraq, {ID: "united-states", Type: schema.Country, Name: "United States", Aliases: []string{"USA"}}},
		Statements: []schema.Statement{
			{Subject: "nato", Predicate: schema.WithdrewFrom, Object: "iraq", Modality: schema.Asserted,
				Sentence: "NATO withdrew from Iraq in December 2021.", Span: schema.Span{Start: 10, End: 51}, Rule: "withdrew.from", Date: "2021-12", DateRaw: "in December 2021"},
			{Subject: "united-states", Predicate: schema.NegotiatedWith, Object: "iraq", Modality: schema.Asserted,
				Sentence: "The US held talks with Iraq in 2021.", Span: schema.Span{Start: 52, End: 88}, Rule: "talks.with", Date: "2021"},
			{Subject: "united-states", Predicate: schema.WithdrewFrom, Object: "iraq", Modality: schema.Planned,
				Sentence: "The US plans to withdraw from Iraq.", Span: schema.Span{Start: 89, End: 124}, Rule: "withdrew.from"},
		},
	}
)

package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/actorgraph/actorgraph/data"
	"github.com/actorgraph/actorgraph/schema"
)

func TestDbg(t *testing.T) {
	x, _ := New(data.FS)
	debug = true
	for _, s := range []string{os.Getenv("S")} {
		toks := Tokenize(s)
		d := &docState{x: x, doc: Document{ID: "t", Text: s}, ents: map[string]*schema.Entity{}, names: map[string]string{}, lastOf: map[schema.EntityType]string{}}
		d.sents = Split(s, toks)
		d.ments = make([][]*Mention, len(d.sents))
		for si := range d.sents {
			d.ments[si] = d.resolve(si, d.findMentions(si))
			for _, m := range d.ments[si] {
				fmt.Printf("M %q %s %v inner=%v\n", m.Text, m.ID, m.Kind, m.Inner)
			}
			st := d.newSent(si)
			st.relate()
			for i := range st.toks {
				vs, n := x.lex.Verbs.At(st.toks, i)
				if n > 0 {
					fmt.Println("V", st.toks[i].Text, vs[0].Form, st.subjects(i), st.modality(i, false))
				}
			}
			fmt.Println(st.out)
		}
	}
}

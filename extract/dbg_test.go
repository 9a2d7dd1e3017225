package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/actorgraph/actorgraph/data"
)

func TestDbg(t *testing.T) {
	s := os.Getenv("S")
	if s == "" {
		t.Skip()
	}
	x, _ := New(data.FS)
	d := x.newDocState(Document{ID: "t", Text: s})
	toks := Tokenize(s)
	x.starts.mark(toks)
	d.sents = Split(s, toks)
	d.ments = make([][]*Mention, len(d.sents))
	for si := range d.sents {
		d.ments[si] = d.resolve(si, d.findMentions(si))
		st := d.newSent(si)
		for _, m := range st.ms {
			fmt.Printf("M %q %s %v inner=%v prep=%q\n", m.Text, m.ID, m.Kind, m.Inner, st.prepBefore(m))
		}
		st.relate()
		for i := range st.toks {
			if vs, n := x.lex.Verbs.At(st.toks, i); n > 0 {
				v := pickVerb(vs)
				fmt.Println("V", st.toks[i].Text, v.Form, v.Predicate, v.ObjPreps, "subj", st.subjects(i), "obj", st.objects(i+n, v.Predicate, v.ObjPreps), st.modality(i, false))
			}
		}
		fmt.Println(st.out)
	}
}

package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/actorgraph/actorgraph/data"
)

func TestDbg(t *testing.T) {
	if os.Getenv("S") == "" {
		t.Skip()
	}
	x, _ := New(data.FS)
	debug = true
	ex, _ := x.Extract(Document{ID: "t", Text: os.Getenv("S")})
	fmt.Println(ex.Statements)
	debug = false
}

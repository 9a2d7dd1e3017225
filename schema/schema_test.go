package schema

import (
	"strings"
	"testing"
)

// TestHash pins Hash: statement IRIs and document hashes in every stored
// graph depend on it. The values are those of the first implementation
// (sha256 over the parts, each followed by a NUL byte, first 8 bytes in
// hex).
func TestHash(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"a", "b"}, "8fb20ef63ced4145"},
		{nil, "e3b0c44298fc1c14"},
		{[]string{strings.Repeat("x", 600), "y"}, "e006d56946144940"}, // past the stack buffer
		{[]string{strings.Repeat("é", 300)}, "ec49b93e93c913a8"},
	}
	for _, tt := range tests {
		if got := Hash(tt.parts...); got != tt.want {
			t.Errorf("Hash(%.20q...) = %s, want %s", tt.parts, got, tt.want)
		}
	}
}

func TestSpanString(t *testing.T) {
	for _, tt := range []struct {
		s    Span
		want string
	}{{Span{3, 1234567}, "3-1234567"}, {Span{0, 0}, "0-0"}, {Span{-1, 0}, "-1-0"}} {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

package timeline

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// tokens returns the words of the pieces of s.
func tokens(s string) []string {
	var out []string
	pieces(s, func(p string, plain bool) {
		if plain {
			out = append(out, p)
		} else {
			out = append(out, tokenize(p)...)
		}
	})
	return out
}

// TestPiecesFoldAsTokenize checks that splitting into pieces before
// folding finds the words that folding the whole text and then splitting
// finds.
func TestPiecesFoldAsTokenize(t *testing.T) {
	for _, s := range []string{
		"", "  ", "Netanjahu Telefonat", "Ålandia—BÖRDÜRÏA, 2025-11-06!", "e\u0301te\u0301 cafe\u0301",
		"\u0301start", "x \u0345y", "İstanbul ISTANBUL", "Straße STRASSE", "ﬁnal", "ஔ ஔ -ௗ",
		"東京 会談", "الرياض", "Москва́", "a\u200db", "x²y ½ Ⅻ", "tab\there\nnewline",
		"ǅemal ǆ", "ΣΊΣΥΦΟΣ σίσυφος", "\ufeffbom", "a\u0300\u0301\u0302", "123abc ABC123",
	} {
		if got, want := tokens(s), tokenize(s); !slices.Equal(got, want) {
			t.Errorf("%q: pieces %q, tokenize %q", s, got, want)
		}
	}
}

func TestPropertyPiecesFoldAsTokenize(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(
			rapid.String(),
			rapid.StringOf(rapid.SampledFrom([]rune("aAäÄeé\u0301\u0308 -.İıßſΣσς0²ǅ東ஔௗ\u0345\u200d"))),
		).Draw(t, "text")
		if got, want := tokens(s), tokenize(s); !slices.Equal(got, want) {
			t.Fatalf("%q: pieces %q, tokenize %q", s, got, want)
		}
	})
}

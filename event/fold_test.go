package event

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// foldPartners are runes that folding could join with a neighbour, or
// that test how it treats one: letters of each script the table covers,
// marks, white space, and runes that fold to more than one.
var foldPartners = []string{
	"a", "Z", " ", "\t", "\u00a0", "\u2003", "\u0085", "-",
	"\u0301", "\u0308", "\u0327", "\u0345", "\u05b0", "\u064b", // marks
	"ß", "İ", "ı", "ŉ", "ǰ", "Σ", "ς", "ΐ", "ϐ", "ﬁ", "ẞ",
	"é", "Å", "Ω", "ё", "Й", "қ", "ا", "ש", "ệ", "ῼ", "’", "—",
	"\u1100", "\u1161", "가", "\u0915", "\u093e", "\uFFFD", "\u00ad",
}

// TestFoldByRuneAsNormalized checks the table's promise: every rune it
// folds alone folds the same next to any other rune, on either side, as
// folding the whole string does.
func TestFoldByRuneAsNormalized(t *testing.T) {
	table := runeFolds()
	covered := 0
	for _, rg := range foldRanges {
		for r := rg.lo; r < rg.hi; r++ {
			if _, ok := table.of(r); !ok {
				continue
			}
			covered++
			s := string(r)
			for _, p := range foldPartners {
				for _, in := range []string{s, p + s, s + p, p + s + p, s + s, "x " + s + " y"} {
					if got, want := Fold(in), foldNormalized(in); got != want {
						t.Fatalf("Fold(%+q) = %+q, want %+q", in, got, want)
					}
				}
			}
		}
	}
	// All of the ranges but their 17 spaces fold alone; a drop here means
	// the table stopped covering what names use.
	assert.Equal(t, 2527, covered, "runes folded alone")
	for _, s := range []string{"Tokájew", "Łukasz Wolkowa", "Ayşe Schröder", "Қазақстан", "سالوسورا", "Côte d’Ivoire", "Außenministerium"} {
		_, ok := foldByRune(s)
		assert.True(t, ok, "%q folds by rune", s)
	}
}

func TestFoldByRuneRefuses(t *testing.T) {
	for _, s := range []string{"\xff", "a\xc3", "漢字", "Toka\u0301jew\u0903", "\U0001F600"} {
		if utf8.ValidString(s) && !strings.ContainsAny(s, "\u0903漢\U0001F600") {
			t.Fatalf("bad case %q", s)
		}
		_, ok := foldByRune(s)
		assert.False(t, ok, "%+q is left to foldNormalized", s)
		assert.Equal(t, foldNormalized(s), Fold(s), "%+q", s)
	}
}

func TestFoldByRuneAllocatesOnce(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _ = Fold("Łukasz Wolkowa") })
	assert.Equal(t, 1.0, allocs)
}

// FuzzFold checks that Fold, by whichever path it takes, gives what its
// definition gives.
func FuzzFold(f *testing.F) {
	for _, s := range append(foldPartners, "Weißes  Haus", " Tokájew ", "Ελλάδα", "Toka\u0301jew", "a\xffb", "ΣΑΣ ς") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldNormalized(s); got != want {
			t.Fatalf("Fold(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

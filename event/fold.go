package event

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of a name used to match it regardless of case,
// accents and spacing: "Kasachstan", "KASACHSTAN" and " kasachstan " fold
// alike, as do "Tokajew" and "Tokájew", and "Weißes Haus" and "weisses haus".
// Only the folded forms of two names should be compared, never shown.
func Fold(s string) string {
	if foldedASCII(s) {
		return s
	}
	if folded, ok := foldByRune(s); ok {
		return folded
	}
	return foldNormalized(s)
}

// foldNormalized is the definition of [Fold]: decompose, drop the
// combining marks (the accents), fold case, compose again, and collapse
// white space. The faster paths give the same result on the strings they
// take.
func foldNormalized(s string) string {
	s = norm.NFD.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
	s = norm.NFC.String(cases.Fold().String(s))
	return strings.Join(strings.Fields(s), " ")
}

// foldedASCII reports whether s is all ASCII and folded already, as most
// names and tags are: Fold returns it without allocating.
func foldedASCII(s string) bool {
	prevSpace := true
	for i := range len(s) {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// foldByRune folds s one rune at a time when every rune of it is ASCII or
// in [runeFolds], which covers the Latin, Greek, Cyrillic, Arabic and
// Hebrew letters of most names and the common punctuation: every string
// of ASCII, then, and most names. It reports
// false for any other string, which [foldNormalized] then folds. Folding
// the whole string is the same as folding its runes one by one and
// joining the results, for those runes: no result combines with the one
// before it when composed again, and the marks that decomposing them
// leaves behind are all dropped.
func foldByRune(s string) (string, bool) {
	var table *foldTable // made at the first rune beyond ASCII
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is owed before the next folded rune
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				space = b.Len() > 0
				i++
				continue
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if table == nil {
			table = runeFolds()
		}
		f, ok := table.of(r)
		if !ok {
			return "", false
		}
		if f == "" {
			continue // a mark, dropped
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	return b.String(), true
}

// foldRanges are the blocks of runes [runeFolds] covers: Latin-1 to NKo
// (every rune of two bytes in UTF-8), and Latin Extended Additional to
// General Punctuation (Vietnamese letters, Greek with accents, dashes and
// quotation marks).
var foldRanges = [...]struct{ lo, hi rune }{{0x80, 0x800}, {0x1E00, 0x2070}}

// A foldTable holds the folded form of each rune of [foldRanges] that can
// be folded alone, in the order of the ranges. With the Unicode of Go 1.26
// and x/text, the runes that cannot are the spaces, which foldByRune
// handles before it looks a rune up; ok keeps the table right for a
// Unicode version where a rune of the ranges folds otherwise.
type foldTable struct {
	out []string
	ok  []bool
}

// of returns the folded form of r and whether r can be folded alone.
func (t *foldTable) of(r rune) (string, bool) {
	base := 0
	for _, rg := range foldRanges {
		if r < rg.lo {
			return "", false
		}
		if r < rg.hi {
			i := base + int(r-rg.lo)
			return t.out[i], t.ok[i]
		}
		base += int(rg.hi - rg.lo)
	}
	return "", false
}

// runeFolds returns the table of runes that fold alone, made once from
// [foldNormalized] itself, so that the two cannot disagree on a rune. The
// first Fold of a string beyond ASCII makes it, in a few milliseconds.
var runeFolds = sync.OnceValue(func() *foldTable {
	t := &foldTable{}
	for _, rg := range foldRanges {
		for r := rg.lo; r < rg.hi; r++ {
			out, ok := foldAlone(r)
			t.out = append(t.out, out)
			t.ok = append(t.ok, ok)
		}
	}
	return t
})

// foldAlone returns the folded form of r and whether folding r next to
// other runes gives the same form, which holds when
//   - r is not white space, which folding collapses with its neighbours;
//   - decomposing r gives starters and combining marks (Mn), which folding
//     drops, but no other rune that canonical reordering could move past
//     a neighbour's;
//   - no rune of the folded form is white space or can combine with a rune
//     before it when composed; every composition takes a rune that can, so
//     none joins two folded forms.
func foldAlone(r rune) (string, bool) {
	if unicode.IsSpace(r) || !utf8.ValidRune(r) {
		return "", false
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) && norm.NFD.PropertiesString(string(d)).CCC() != 0 {
			return "", false
		}
	}
	out := foldNormalized(string(r))
	for _, o := range out {
		p := norm.NFC.PropertiesString(string(o))
		if unicode.IsSpace(o) || !p.BoundaryBefore() {
			return "", false
		}
	}
	return out, true
}

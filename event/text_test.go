package event

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestPrintableASCII puts every byte at every place of a word of plain
// letters.
func TestPrintableASCII(t *testing.T) {
	for c := range 256 {
		for at := range 8 {
			word := []byte("abcdefgh")
			word[at] = byte(c)
			assert.Equal(t, c >= 0x20 && c < 0x7f, printableASCII(string(word)), "byte %#x at %d", c, at)
		}
	}
}

// TestValidTextInLongRuns puts every byte, and characters of several
// bytes, at every place in a long run of plain text, which checkText
// skips eight bytes at a time: the text is valid when the character is
// valid alone.
func TestValidTextInLongRuns(t *testing.T) {
	var odd []string
	for c := range 256 {
		odd = append(odd, string([]byte{byte(c)}))
	}
	odd = append(odd, "é", "\u0085", "\u2028", "\ufffe", "\U0001fffe", "\ufdd0", "\U0001f600", "\xe2\x82", "\xed\xa0\x80")
	const run = "The quick brown fox, 1992-2025: ok"
	for _, o := range odd {
		for _, multiline := range []bool{false, true} {
			want := ValidText(o, multiline)
			for at := 0; at <= 20; at++ {
				s := run[:at] + o + run[at:]
				if got := ValidText(s, multiline); got != want {
					t.Fatalf("ValidText(%+q, %v) = %v, want %v as for %+q alone", s, multiline, got, want, o)
				}
			}
		}
	}
}

// FuzzValidText checks ValidText against its definition, rune by rune.
func FuzzValidText(f *testing.F) {
	for _, s := range []string{"", "plain text of some length", "tab\there", "line\nbreak", "\x00", "\x7f", "é\u0085",
		"\ufffe", "\xff", "„Zitat“\r\nzweite Zeile", "abcdefg\x01hijklmno"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		want := utf8.ValidString(s)
		for _, r := range s {
			lineBreak := r == '\n' || r == '\r'
			if unicode.IsControl(r) && r != '\t' && !(multiline && lineBreak) || isNoncharacter(r) {
				want = false
			}
		}
		if got := ValidText(s, multiline); got != want {
			t.Fatalf("ValidText(%+q, %v) = %v, want %v", s, multiline, got, want)
		}
	})
}

// BenchmarkValidText checks texts as events carry them: a sentence, a
// title, German with typographic quotes, and a URL.
func BenchmarkValidText(b *testing.B) {
	texts := []string{
		"President Tokayev met President Trump at the White House on Thursday evening, a day after the C5+1 summit, and signed the accession.",
		"Kazakhstan joins the Abraham Accords",
		"„Ein Bund der Stärke“ — Außenministerium",
		"https://example.org/news/2025/11/06/kazakhstan-abraham-accords",
	}
	for b.Loop() {
		for _, s := range texts {
			ValidText(s, true)
		}
	}
}

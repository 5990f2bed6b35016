package ical

import (
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// appendTextByBytes is appendText as it was written first, a byte at a
// time: the reference for the one that looks at eight.
func appendTextByBytes(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			i++
		case (c < 0x20 && c != '\t') || c == 0x7f:
		default:
			b = append(b, c)
		}
	}
	return b
}

func TestAppendText(t *testing.T) {
	alphabet := []rune("aZ09 \t\r\n\\;,:\"\x00\x1f\x7f\u0080\u0085\u009f\u00a0äé€😀")
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.SampledFrom(alphabet)).Draw(t, "s")
		if got, want := string(appendText(nil, s, false)), string(appendTextByBytes(nil, s)); got != want {
			t.Fatalf("appendText(%q) = %q, want %q", s, got, want)
		}
	})
	for _, s := range []string{strings.Repeat("abcdefgh", 9) + ";", "12345678\u0085", "\u0085", "abcdefg\u0085"} {
		if got, want := string(appendText(nil, s, false)), string(appendTextByBytes(nil, s)); got != want {
			t.Fatalf("appendText(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkAppendText(b *testing.B) {
	s := strings.Repeat("Die Außenminister der fünf zentralasiatischen Staaten trafen sich am Donnerstagabend im Weißen Haus, ", 20)
	buf := make([]byte, 0, 4*len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = appendText(buf[:0], s, false)
	}
}

func BenchmarkAppendTextByBytes(b *testing.B) {
	s := strings.Repeat("Die Außenminister der fünf zentralasiatischen Staaten trafen sich am Donnerstagabend im Weißen Haus, ", 20)
	buf := make([]byte, 0, 4*len(s))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf = appendTextByBytes(buf[:0], s)
	}
}

// FuzzAppendValidText checks that validated text, without DEL and the C1
// controls, is written as appendText writes it, though looked at less.
func FuzzAppendValidText(f *testing.F) {
	for _, s := range []string{"", "plain, with; commas\\ and more text", "line\nbreak\r\nand\rCR\ttab", "Kasachstan „Abkommen“ ä",
		"12345678,", "1234567;", "\x00\x1f ctl", "😀😀;😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.Map(func(r rune) rune {
			if r == 0x7f || r >= 0x80 && r <= 0x9f {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		if got, want := string(appendText(nil, s, true)), string(appendText(nil, s, false)); got != want {
			t.Fatalf("appendText(%q, true) = %q, want %q", s, got, want)
		}
	})
}

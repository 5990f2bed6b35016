package jsondoc

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteReference writes s as appendString must, a character at a time,
// the plain way: the fast paths of appendString must agree with it.
func quoteReference(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20, r == '\u2028', r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzAppendString checks the string writer against the plain reference
// and against encoding/json, which must read back the text, with U+FFFD for
// each byte that is not UTF-8.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{
		"", "plain ASCII text longer than eight bytes", `"quoted" and \back\slashed\`, "tab\tnew\nline\rreturn\x00\x1f\x7f",
		"Straße Kasachstan Tokájew", "كازاخستان", "Казахстан", "哈薩克", "😀🇰🇿", "„Ein Bund“ – Trump…",
		"line\u2028para\u2029end", "\xe2\x80", "\xe2\x80\xa8\xe2", "bad \xff byte", "\xc0\xaf overlong", "\xed\xa0\x80 surrogate",
		"\xf4\x90\x80\x80 beyond", "\xf0\x9f\x98", "\uFFFD literal", "\U0010FFFF", "12345678\xe2\x80\xa9", "1234567\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := string(appendString(nil, s))
		if want := quoteReference(s); got != want {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatalf("encoding/json cannot read %s: %v", got, err)
		}
		var valid strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			valid.WriteRune(r)
			i += n
		}
		if back != valid.String() {
			t.Fatalf("read back %q, want %q", back, valid.String())
		}
	})
}

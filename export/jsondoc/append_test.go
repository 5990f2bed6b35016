package jsondoc

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
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

// FuzzAppendValidString checks the writer of valid UTF-8, which copies
// text beyond ASCII without checking it, against the plain reference on
// the valid UTF-8 that the fuzzer's strings become.
func FuzzAppendValidString(f *testing.F) {
	for _, s := range []string{
		"", "plain ASCII text longer than eight bytes", `"quoted" and \back\slashed\`, "tab\tnew\nline\x00\x1f\x7f",
		"Straße Kasachstan Tokájew", "Казахстан", "„Ein Bund“ – Trump…", "line\u2028para\u2029end",
		"1234567\u2028", "\u2028", "12345678\u2029", "€\u2027\u202a\u2030", "\xe2\x80\xa8\xe2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if got, want := string(appendValidString(nil, s)), quoteReference(s); got != want {
			t.Fatalf("appendValidString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestValidTextWritesAsChecked: the events and actors of a timeline, whose
// text it validated, are written the same bytes without checking UTF-8 as
// with (what Encode relies on), for synthetic data in many scripts.
func TestValidTextWritesAsChecked(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 7, Events: 3000})
	tl := timeline.New("", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	nonASCII := 0
	for a := range tl.EachActor() {
		checked, valid := appendActor(nil, a, 0, style{}), appendActor(nil, a, 0, style{valid: true})
		require.Equal(t, string(checked), string(valid))
	}
	for e := range tl.Shared(timeline.Query{}) {
		checked, valid := appendEvent(nil, e, 0, style{}), appendEvent(nil, e, 0, style{valid: true})
		require.Equal(t, string(checked), string(valid))
		for _, c := range valid {
			if c >= utf8.RuneSelf {
				nonASCII++
			}
		}
	}
	assert.Greater(t, nonASCII, 10000, "text beyond ASCII is written")
}

// FuzzPlainRun checks the word-at-a-time scan of a string's plain run
// against a byte at a time, from every starting point.
func FuzzPlainRun(f *testing.F) {
	for _, s := range []string{"", `abc"def`, "12345678\\x", "ümlaut\"", "a\x1fb", "0123456789abcdef\"", "é\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for i := range len(b) + 1 {
			end, ascii := i, true
			for ; end < len(b) && b[end] != '"' && b[end] != '\\' && b[end] >= 0x20; end++ {
				ascii = ascii && b[end] < utf8.RuneSelf
			}
			if gotEnd, gotASCII := plainRun(b, i); gotEnd != end || gotASCII != ascii {
				t.Fatalf("plainRun(%q, %d) = %d, %t; want %d, %t", s, i, gotEnd, gotASCII, end, ascii)
			}
		}
	})
}

// TestAppendUUID: UUIDs are written in their canonical form, as
// uuid.UUID.String gives it, quoted.
func TestAppendUUID(t *testing.T) {
	for _, id := range []uuid.UUID{uuid.Nil, uuid.Max, uuid.MustParse("6f1c2a7e-3b4d-5e6f-8a9b-0c1d2e3f4a5b"), uuid.New(), uuid.New()} {
		assert.Equal(t, `"`+id.String()+`"`, string(appendUUID([]byte{}, id)))
		assert.Equal(t, `x"`+id.String()+`"`, string(appendUUID([]byte("x"), id)))
	}
}

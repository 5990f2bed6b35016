package markdown_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/timeline"
)

const golden = "../../testdata/seed.md"

func seedTimeline(t testing.TB) *timeline.Timeline { return fuzztext.SeedTimeline(t) }

func encode(t *testing.T, tl *timeline.Timeline) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, errOf(markdown.Encode(&b, tl, nil)))
	return b.String()
}

func TestGolden(t *testing.T) {
	got := encode(t, seedTimeline(t))
	fuzztext.Golden(t, golden, []byte(got), *fuzztext.Update)
	assert.Equal(t, got, encode(t, seedTimeline(t)), "output is deterministic")
}

func TestStructure(t *testing.T) {
	out := encode(t, seedTimeline(t))
	assert.True(t, strings.HasPrefix(out, "# „Ein Bund der Stärke“ – Trump gibt bekannt"))
	for _, h := range []string{"\n## 1992\n", "\n## 2025\n", "\n### Thursday, 6 November 2025\n",
		"\n### From 6 November 2025 — soon\n", "\n### since 1992\n"} {
		assert.Contains(t, out, h)
	}
	assert.Equal(t, 1, strings.Count(out, "\n### Thursday, 6 November 2025\n"), "events of one day share the heading")
	assert.Equal(t, len(seed.Events()), strings.Count(out, "\n- **"))
	assert.Contains(t, out, "  > *(de)* Ich habe gerade")
	assert.Contains(t, out, "  > *(en)* I just had")
}

func TestHostileText(t *testing.T) {
	hostile := []string{"[x](javascript:alert(1))", "<script>alert(1)</script>", "# heading", "**bold**", "`code`", "![i](http://x/y.png)"}
	tl := timeline.New(hostile[2], hostile[0])
	require.NoError(t, tl.AddActors(event.Actor{ID: "x", Type: event.Person, Name: hostile[1]}))
	for i, h := range hostile {
		fuzztext.MustAdd(t, tl, event.Event{
			Kind: event.Statement, Status: event.Occurred, Title: h, Description: h + "\n" + h,
			Date: event.OnDay(2025, 11, i+1), DateText: h,
			Participants: []event.Participation{{Actor: "x", Role: event.Speaker, Capacity: h}},
			Place:        event.Place{Name: h},
			Sources: []event.Source{{Publisher: h, URL: "https://example.org/a_(b)c", Lang: "de",
				Quotes: []event.Quote{{Text: h, Speaker: "x", Translation: h, TranslationLang: "en"}}}},
			Tags: []string{"t"},
		})
	}
	out := encode(t, tl)
	// No special character of the hostile text appears without its
	// backslash.
	for _, bad := range []string{`(^|[^\\])\]\(javascript`, `(^|[^\\])<script`, `(^|[^\\])\*\*bold`,
		`\n# heading`, "(^|[^\\\\])`code", `(^|[^\\])!\[i`, `\(b\)c`} {
		assert.NotRegexp(t, bad, out)
	}
	for _, want := range []string{`\[x\]\(javascript:alert\(1\)\)`, `\<script\>alert\(1\)\</script\>`,
		`\# heading`, `\*\*bold\*\*`, "\\`code\\`", `\!\[i\]\(http&#58;//x/y\.png\)`,
		"(https://example.org/a%5F%28b%29c)"} {
		assert.Contains(t, out, want)
	}
	// Every line either starts with the package's own markup or escaped
	// text: no heading other than the package's, no raw HTML.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") {
			assert.Regexp(t, `^(# \\# heading|## \d{4}|### .*)$`, line)
		}
	}
}

func TestEscape(t *testing.T) {
	assert.Equal(t, `a\\b \*c\* \_d\_ \{\}\[\]\(\)\#\+\-\.\!\|\<\>\~\=\&`, markdown.Escape(`a\b *c* _d_ {}[]()#+-.!|<>~=&`))
	assert.Equal(t, "one two three", markdown.Escape("one\ntwo\r\nthree"[:7]+" "+"two three"[4:]))
	assert.Equal(t, "Kassym-Jomart", strings.ReplaceAll(markdown.Escape("Kassym-Jomart"), `\`, ""))
	assert.Equal(t, "„Stärke“", markdown.Escape("„Stärke“"))
}

// TestEscapeDropsFirst: what Escape drops cannot join the text around it
// into a link (the first case was found by FuzzEscape).
func TestEscapeDropsFirst(t *testing.T) {
	for in, want := range map[string]string{
		"0\xed@":          "0&#8288;@",
		"a\x01@b\x7f.org": "a&#8288;@b\\.org",
		"http:\x01//x":    "http&#58;//x",
		"http:/\u0085/x":  "http&#58;//x",
		"ww\x00w.x":       "www&#46;x",
		"\x01\x02":        "",
		"ok \ufffd":       "ok \ufffd",
		"\xffok":          "ok",
	} {
		got := markdown.Escape(in)
		assert.Equal(t, want, got, "Escape(%+q)", in)
		assert.Equal(t, got, markdown.Escape(strings.ToValidUTF8(in, "")), "Escape(%+q) after dropping invalid UTF-8 first", in)
	}
}

func TestUndated(t *testing.T) {
	tl := timeline.New("Undated", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
	fuzztext.MustAdd(t, tl, event.Event{Kind: event.Statement, Status: event.Planned, Title: "Someday",
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}}})
	out := encode(t, tl)
	assert.Contains(t, out, "\n## Undated\n")
	assert.Contains(t, out, "- **Someday** — Statement, planned\n")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	require.ErrorIs(t, errOf(markdown.Encode(failWriter{}, seedTimeline(t), nil)), os.ErrClosed)
}

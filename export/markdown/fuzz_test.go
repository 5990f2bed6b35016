package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/markdown"
)

// FuzzEncode checks that text comes out only escaped: no headings but the
// writer's, no links but the source's, no raw '<'.
func FuzzEncode(f *testing.F) {
	for _, s := range fuzztext.Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzztext.Timeline(t, s)
		var b bytes.Buffer
		if err := markdown.Encode(&b, tl); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		out := b.String()
		headings := map[string]bool{"# Fuzz": true, "## 2025": true, "### Thursday, 6 November 2025": true}
		items := 0
		for _, line := range strings.Split(out, "\n") {
			trimmed := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(trimmed, "#") && !headings[line] {
				t.Errorf("heading from text: %q", line)
			}
			if strings.HasPrefix(line, "-") {
				items++
				if !strings.HasPrefix(line, "- **") {
					t.Errorf("event line does not start with \"- **\": %q", line)
				}
			}
		}
		if items != 1 {
			t.Errorf("got %d event bullets, want 1\n%s", items, out)
		}
		// Walk the output honouring backslash escapes: an unescaped '<' or
		// "](" comes from the writer or is an injection.
		links := 0
		for i := 0; i < len(out); i++ {
			switch out[i] {
			case '\\':
				i++
			case '<':
				t.Errorf("raw '<' at %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
			case ']':
				if i+1 < len(out) && out[i+1] == '(' {
					links++
				}
			}
		}
		// The source's link appears once in the Sources item.
		if links != 1 {
			t.Errorf("got %d links, want 1 (the source's)\n%s", links, out)
		}
	})
}

// FuzzEscape checks that Escape leaves no special character unescaped and
// no line break.
func FuzzEscape(f *testing.F) {
	for _, s := range fuzztext.Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := markdown.Escape(s)
		if strings.ContainsAny(out, "\r\n") {
			t.Errorf("Escape(%q) = %q has a line break", s, out)
		}
		for i := 0; i < len(out); i++ {
			c := out[i]
			if c == '\\' {
				i++
				continue
			}
			if strings.IndexByte("`*_{}[]()#+-.!|<>~=&", c) >= 0 {
				t.Errorf("Escape(%q) = %q leaves %q unescaped", s, out, c)
			}
		}
	})
}

package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/timeline"
)

// FuzzEncode checks that text comes out only escaped: no headings but the
// writer's, no links but the source's, no raw '<', nothing that GitHub's
// autolink extension would link, and the title's strong emphasis with no
// white space inside its delimiters (see gfmViolations).
func FuzzEncode(f *testing.F) {
	fuzztext.FuzzEverywhere(f, func(t *testing.T, s string, tl *timeline.Timeline) {
		var b bytes.Buffer
		if _, err := markdown.Encode(&b, tl, nil); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		out := b.String()
		headings := map[string]bool{"## 2025": true, "### Thursday, 6 November 2025": true}
		items := 0
		for i, line := range strings.Split(out, "\n") {
			trimmed := strings.TrimLeft(line, " \t")
			if i == 0 {
				if !strings.HasPrefix(line, "# ") {
					t.Errorf("first line is not the title's heading: %q", line)
				}
				continue
			}
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
		for _, v := range gfmViolations(out, []string{fuzzSource}) {
			t.Error(v)
		}
	})
}

// refs are the character references Escape writes; see the package doc.
var refs = []string{"&#58;", "&#46;", "&#8288;"}

// FuzzEscape checks that Escape leaves no special character unescaped, no
// line break, and nothing that GitHub's autolink extension would link.
func FuzzEscape(f *testing.F) {
	for _, s := range fuzztext.Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := markdown.Escape(s)
		if strings.ContainsAny(out, "\r\n") {
			t.Errorf("Escape(%q) = %q has a line break", s, out)
		}
	next:
		for i := 0; i < len(out); i++ {
			c := out[i]
			if c == '\\' {
				i++
				continue
			}
			for _, ref := range refs {
				if strings.HasPrefix(out[i:], ref) {
					i += len(ref) - 1
					continue next
				}
			}
			if strings.IndexByte("`*_{}[]()#+-.!|<>~=&", c) >= 0 {
				t.Errorf("Escape(%q) = %q leaves %q unescaped", s, out, c)
			}
		}
		for _, v := range gfmViolations(out, nil) {
			t.Errorf("Escape(%q): %s", s, v)
		}
	})
}

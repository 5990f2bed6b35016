package htmlpage_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// eventHandler matches an event-handler attribute inside a tag.
var eventHandler = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)

// FuzzEncode checks that text cannot inject markup into the page or the
// SVG: no script element, no event-handler attribute, one html element, no
// character that HTML calls a parse error, and an SVG that is well-formed
// XML: Go's strict decoder parses it to the end, and checkXML adds the
// rules that decoder leaves out (characters in comments, one root, no
// attribute twice). TestPythonParsesSVG has expat parse the seeds' SVGs.
func FuzzEncode(f *testing.F) {
	fuzztext.FuzzEverywhere(f, func(t *testing.T, s string, tl *timeline.Timeline) {
		var page bytes.Buffer
		if _, err := htmlpage.Encode(&page, tl, &htmlpage.Options{}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		out := page.String()
		if i := strings.Index(strings.ToLower(out), "<script"); i >= 0 {
			t.Errorf("page has a script element at %d: %q", i, excerpt(out, i))
		}
		// html/template escapes '<' in text and attributes, so every '<'
		// starts real markup.
		for i := 0; i < len(out); {
			j := strings.IndexByte(out[i:], '<')
			if j < 0 {
				break
			}
			start := i + j
			end := strings.IndexByte(out[start:], '>')
			if end < 0 {
				t.Errorf("unterminated tag at %d: %q", start, excerpt(out, start))
				break
			}
			tag := out[start : start+end+1]
			if eventHandler.MatchString(tag) {
				t.Errorf("tag with an event handler: %q", tag)
			}
			i = start + end + 1
		}
		if n := strings.Count(strings.ToLower(out), "<html"); n != 1 {
			t.Errorf("page has %d <html, want 1", n)
		}
		if n := strings.Count(strings.ToLower(out), "</html>"); n != 1 {
			t.Errorf("page has %d </html>, want 1", n)
		}
		for _, bad := range badChars(out, htmlChar) {
			t.Errorf("page: %s", bad)
		}

		var svg bytes.Buffer
		if _, err := htmlpage.EncodeSVG(&svg, tl, &htmlpage.Options{}); err != nil {
			t.Fatalf("EncodeSVG: %v", err)
		}
		if err := checkXML(svg.Bytes()); err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, svg.String())
		}
	})
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+80)
	return s[lo:hi]
}

package htmlpage_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
)

// eventHandler matches an event-handler attribute inside a tag.
var eventHandler = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)

// FuzzEncode checks that text cannot inject markup into the page or the
// SVG: no script element, no event-handler attribute, one html element, and
// an SVG that parses as XML to the end.
func FuzzEncode(f *testing.F) {
	for _, s := range fuzztext.Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzztext.Timeline(t, s)
		var page bytes.Buffer
		if err := htmlpage.Encode(&page, tl, htmlpage.Options{}); err != nil {
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

		var svg bytes.Buffer
		if err := htmlpage.EncodeSVG(&svg, tl, htmlpage.Options{}); err != nil {
			t.Fatalf("EncodeSVG: %v", err)
		}
		dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("SVG does not parse: %v\n%s", err, svg.String())
			}
		}
	})
}

func excerpt(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+80)
	return s[lo:hi]
}

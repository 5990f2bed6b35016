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

// writerTags are the elements the writer writes: any other tag in a page
// comes from text.
var writerTags = map[string]bool{}

func init() {
	for _, tag := range strings.Fields(`!DOCTYPE html head meta title style body header h1 p nav h2 ul li
		span strong main figure svg desc defs linearGradient stop rect g text line circle section h3 h4
		time article h5 dl dt dd code a cite blockquote figcaption footer`) {
		writerTags[tag], writerTags["/"+tag] = true, true
	}
}

// FuzzEncode checks that text cannot inject markup into the page or the
// SVG: no script element, no event-handler attribute, no element the
// writer does not write, one html element and one event, no character
// that HTML calls a parse error, the event's title whole in its heading,
// and an SVG that is well-formed XML: Go's strict decoder parses it to the
// end, and checkXML adds the rules that decoder leaves out (characters in
// comments, one root, no attribute twice). TestPythonParsesSVG has expat
// parse the seeds' SVGs, TestHTML5Lib html5lib the hostile pages.
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
		// The writer escapes '<' in text and attributes, so every '<'
		// after the style sheet starts real markup.
		for i := strings.Index(out, "</style>"); i < len(out); {
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
			if name := strings.TrimSuffix(strings.FieldsFunc(tag[1:len(tag)-1], isTagEnd)[0], "/"); !writerTags[name] {
				t.Errorf("tag the writer does not write: %q", tag)
			}
			i = start + end + 1
		}
		if n := strings.Count(out, "<article "); n != 1 {
			t.Errorf("page has %d articles, want 1", n)
		}
		for e := range tl.All() {
			want := "<h5>" + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(shown(e.Title)) + "</h5>"
			if !strings.Contains(out, want) {
				t.Errorf("page lacks the title %s", want)
			}
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

func isTagEnd(r rune) bool { return r == ' ' || r == '\n' }

func excerpt(s string, i int) string {
	lo, hi := max(0, i-40), min(len(s), i+80)
	return s[lo:hi]
}

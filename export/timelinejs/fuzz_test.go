package timelinejs_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

// writerTags are the only tags the writer puts in a slide's text.
var writerTags = []string{"<p>", "</p>", "<strong>", "</strong>", "<blockquote>", `<blockquote lang="de">`,
	"</blockquote>", "<p lang=\"en\">", "<em>", "</em>", "<footer>", "</footer>", "<br>",
	`<a href="https://example.org/a">`, "</a>"}

// FuzzEncode checks that the output is valid JSON and that text is
// HTML-escaped: the headline, date and group have no '<' at all, and the
// slide text has none but the writer's own tags.
func FuzzEncode(f *testing.F) {
	fuzztext.FuzzEvent(f, func(t *testing.T, s string, tl *timeline.Timeline) {
		var b bytes.Buffer
		if _, err := timelinejs.Encode(&b, tl, &timelinejs.Options{GroupBy: timelinejs.GroupByActor}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		if !json.Valid(b.Bytes()) {
			t.Fatalf("output is not valid JSON:\n%s", b.String())
		}
		var doc struct {
			Events []struct {
				StartDate struct {
					DisplayDate string `json:"display_date"`
				} `json:"start_date"`
				DisplayDate string `json:"display_date"`
				Group       string `json:"group"`
				Text        struct {
					Headline string `json:"headline"`
					Text     string `json:"text"`
				} `json:"text"`
			} `json:"events"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("Unmarshal: %v", err)
		}
		if len(doc.Events) != 1 {
			t.Fatalf("got %d slides, want 1", len(doc.Events))
		}
		ev := doc.Events[0]
		for name, v := range map[string]string{"headline": ev.Text.Headline, "display_date": ev.DisplayDate,
			"start_date.display_date": ev.StartDate.DisplayDate, "group": ev.Group} {
			if strings.ContainsAny(v, "<>") {
				t.Errorf("%s has raw markup: %q", name, v)
			}
		}
		text := ev.Text.Text
		for i := 0; i < len(text); {
			j := strings.IndexByte(text[i:], '<')
			if j < 0 {
				break
			}
			rest := text[i+j:]
			ok := false
			for _, tag := range writerTags {
				if strings.HasPrefix(rest, tag) {
					ok = true
					i += j + len(tag)
					break
				}
			}
			if !ok {
				t.Fatalf("raw '<' from text: %q", rest[:min(len(rest), 80)])
			}
		}
		if strings.Contains(text, `"`) && strings.Count(text, `"`) != 2*strings.Count(text, "=\"") {
			t.Errorf("raw quote in text: %q", text)
		}
	})
}

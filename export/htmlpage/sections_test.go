package htmlpage_test

import (
	"html"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/present"
)

var headingRE = regexp.MustCompile(`<h([234]) class="(?:year|month|day)"[^>]*>(.*?)</h[234]>`)
var tagRE = regexp.MustCompile(`<[^>]*>`)

// TestSectionsAsSectionOf checks the year, month and day headings of a
// page of many events against those present.SectionOf gives each event
// on its own: the page finds its sections faster, taking what it can from
// the section open.
func TestSectionsAsSectionOf(t *testing.T) {
	tl := synthTimeline(t, 3000)
	var want []string
	var last present.Section
	first := true
	for ev := range tl.All() {
		e := present.SectionOf(ev.Date, ev.DateText)
		switch {
		case first || e.Year != last.Year:
			want = append(want, "2 "+e.Year, "3 "+e.Month, "4 "+e.Heading)
		case e.Month != last.Month:
			want = append(want, "3 "+e.Month, "4 "+e.Heading)
		case e.Heading != last.Heading:
			want = append(want, "4 "+e.Heading)
		}
		first, last = false, e
	}
	page := encode(t, tl, htmlpage.Options{})
	var got []string
	for _, m := range headingRE.FindAllStringSubmatch(page, -1) {
		got = append(got, m[1]+" "+html.UnescapeString(tagRE.ReplaceAllString(m[2], "")))
	}
	require.Greater(t, len(want), 1000)
	require.Equal(t, want, got)
}

package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

// renamedTimeline has one state called "U.S.S.R." in 1987 and "Russia"
// in 2002, visiting the United States both times.
func renamedTimeline(t *testing.T) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Visits", "")
	require.NoError(t, tl.AddActors(
		event.Actor{ID: "US", Type: event.State, Name: "United States", Country: "US"},
		event.Actor{ID: "russia", Type: event.State, Name: "Russia", Country: "RU",
			History: []event.Name{{Text: "U.S.S.R.", Period: event.MustParseDate("1922-12-30/1991-12-25")}}},
	))
	visit := func(day, title string) event.Event {
		return event.Event{Kind: event.StateVisit, Status: event.Occurred, Title: title, Date: event.MustParseDate(day),
			Participants: []event.Participation{{Actor: "russia", Role: event.Guest}, {Actor: "US", Role: event.Host}}}
	}
	_, err := tl.Add(visit("1987-12-08", "Summit of 1987"), visit("2002-05-24", "Summit of 2002"))
	require.NoError(t, err)
	return tl
}

// TestWritersNameTheTime checks that the writers name an actor as it was
// called at the date of each event, with today's name beside it, and
// keep one actor in one group.
func TestWritersNameTheTime(t *testing.T) {
	tl := renamedTimeline(t)
	const then, now = "U.S.S.R. (now Russia)", "Russia"

	var b bytes.Buffer
	_, err := csvfile.Encode(&b, tl, nil)
	require.NoError(t, err)
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	col := -1
	for i, h := range rows[0] {
		if h == "participants" {
			col = i
		}
	}
	require.NotEqual(t, -1, col)
	assert.Equal(t, then+" (guest); United States (host)", rows[1][col])
	assert.Equal(t, now+" (guest); United States (host)", rows[2][col])

	b.Reset()
	_, err = markdown.Encode(&b, tl, nil)
	require.NoError(t, err)
	md := b.String()
	assert.Contains(t, md, markdown.Escape(then)+" (guest)")
	assert.Equal(t, 1, strings.Count(md, markdown.Escape(then)), "only the visit of 1987")

	b.Reset()
	_, err = timelinejs.Encode(&b, tl, &timelinejs.Options{GroupBy: timelinejs.GroupByActor})
	require.NoError(t, err)
	var doc struct {
		Events []struct {
			Group string `json:"group"`
			Text  struct {
				Text string `json:"text"`
			} `json:"text"`
		} `json:"events"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	require.Len(t, doc.Events, 2)
	assert.Equal(t, now, doc.Events[0].Group, "one group for the actor, by today's name")
	assert.Equal(t, now, doc.Events[1].Group)
	assert.Contains(t, doc.Events[0].Text.Text, then)
	assert.NotContains(t, doc.Events[1].Text.Text, "U.S.S.R.")

	b.Reset()
	_, err = ical.Encode(&b, tl, nil)
	require.NoError(t, err)
	unfolded := strings.ReplaceAll(b.String(), "\r\n ", "")
	assert.Contains(t, unfolded, `- U.S.S.R. (now Russia) (Guest)`)
	assert.Equal(t, 1, strings.Count(unfolded, "U.S.S.R."))
}

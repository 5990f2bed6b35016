package timelinejs_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

const golden = "../../testdata/seed.timelinejs.json"

func seedTimeline(t testing.TB) *timeline.Timeline { return fuzztext.SeedTimeline(t) }

func encode(t *testing.T, tl *timeline.Timeline, opts timelinejs.Options) ([]byte, export.Report) {
	t.Helper()
	var b bytes.Buffer
	rep, err := timelinejs.Encode(&b, tl, &opts)
	require.NoError(t, err)
	return b.Bytes(), rep
}

func TestGolden(t *testing.T) {
	got, rep := encode(t, seedTimeline(t), timelinejs.Options{})
	assert.Empty(t, rep.Notes)
	assert.Equal(t, 15, rep.Events)
	fuzztext.Golden(t, golden, got, *fuzztext.Update)

	again, _ := encode(t, seedTimeline(t), timelinejs.Options{})
	assert.Equal(t, got, again, "output is deterministic")
}

// doc mirrors the documented format loosely, keeping numbers as
// json.Number to check that they are integers.
type doc struct {
	Title *struct {
		Text *struct {
			Headline *string `json:"headline"`
			Text     *string `json:"text"`
		} `json:"text"`
	} `json:"title"`
	Events []map[string]json.RawMessage `json:"events"`
}

func decodeDoc(t *testing.T, b []byte) doc {
	t.Helper()
	var d doc
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&d))
	return d
}

var allowedSlideKeys = map[string]bool{"start_date": true, "end_date": true, "text": true, "media": true,
	"group": true, "display_date": true, "background": true, "autolink": true, "unique_id": true}

var allowedDateKeys = map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true,
	"second": true, "millisecond": true, "display_date": true, "format": true}

// checkDate checks a date object against the documented format and
// returns its parts.
func checkDate(t *testing.T, raw json.RawMessage) map[string]int {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&m))
	parts := map[string]int{}
	for k, v := range m {
		require.True(t, allowedDateKeys[k], "unknown date key %q", k)
		if k == "display_date" || k == "format" {
			_, ok := v.(string)
			require.True(t, ok, "%s is a string", k)
			continue
		}
		n, ok := v.(json.Number)
		require.True(t, ok, "%s is a number, not %T", k, v)
		i, err := n.Int64()
		require.NoError(t, err, "%s is an integer", k)
		parts[k] = int(i)
	}
	require.Contains(t, parts, "year")
	if mo, ok := parts["month"]; ok {
		assert.True(t, mo >= 1 && mo <= 12, "month %d", mo)
	}
	if d, ok := parts["day"]; ok {
		require.Contains(t, parts, "month", "a day needs a month")
		last := time.Date(parts["year"], time.Month(parts["month"])+1, 0, 0, 0, 0, 0, time.UTC).Day()
		assert.True(t, d >= 1 && d <= last, "day %d", d)
	}
	for k, hi := range map[string]int{"hour": 23, "minute": 59, "second": 59} {
		if v, ok := parts[k]; ok {
			assert.True(t, v >= 0 && v <= hi, "%s %d", k, v)
			require.Contains(t, parts, "day", "%s needs a day", k)
		}
	}
	return parts
}

func TestFormat(t *testing.T) {
	for _, opts := range []timelinejs.Options{{}, {GroupBy: timelinejs.GroupByActor, Colors: true}, {GroupBy: timelinejs.GroupByNone}} {
		b, _ := encode(t, seedTimeline(t), opts)
		d := decodeDoc(t, b)
		require.NotNil(t, d.Title)
		require.NotNil(t, d.Title.Text)
		require.NotNil(t, d.Title.Text.Headline)
		require.NotNil(t, d.Title.Text.Text)
		require.Len(t, d.Events, len(seed.Events()))
		ids := map[string]bool{}
		for _, s := range d.Events {
			for k := range s {
				require.True(t, allowedSlideKeys[k], "unknown slide key %q", k)
			}
			require.Contains(t, s, "start_date", "every slide has a start_date")
			start := checkDate(t, s["start_date"])
			if raw, ok := s["end_date"]; ok {
				end := checkDate(t, raw)
				assert.LessOrEqual(t, start["year"], end["year"])
			}
			var text struct{ Headline, Text *string }
			require.NoError(t, json.Unmarshal(s["text"], &text))
			require.NotNil(t, text.Headline)
			require.NotEmpty(t, *text.Headline)
			var id string
			require.NoError(t, json.Unmarshal(s["unique_id"], &id))
			_, err := uuid.Parse(id)
			require.NoError(t, err)
			assert.False(t, ids[id], "unique_id %s is unique", id)
			ids[id] = true
			if opts.GroupBy == timelinejs.GroupByNone {
				assert.NotContains(t, s, "group")
			} else {
				assert.Contains(t, s, "group")
			}
			if opts.Colors {
				assert.Contains(t, s, "background")
			}
		}
	}
}

func TestUnknownGroupBy(t *testing.T) {
	var b bytes.Buffer
	_, err := timelinejs.Encode(&b, seedTimeline(t), &timelinejs.Options{GroupBy: timelinejs.GroupByNone + 1})
	require.ErrorIs(t, err, timelinejs.ErrGroupBy)
	assert.Zero(t, b.Len())
}

func TestHostileText(t *testing.T) {
	const script, img = "<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`
	tl := timeline.New(script, img)
	require.NoError(t, tl.AddActors(event.Actor{ID: "x", Type: event.Person, Name: img}))
	fuzztext.MustAdd(t, tl, event.Event{
		Kind: event.Statement, Status: event.Occurred,
		Title: script, Description: img + "\n" + script,
		Date: event.MustParseDate("2025-11-06"), DateText: img,
		Participants: []event.Participation{{Actor: "x", Role: event.Speaker, Capacity: script}},
		Sources: []event.Source{{Publisher: img, URL: "https://example.org/a?b=1&c=2", Lang: "de",
			Quotes: []event.Quote{{Text: script, Speaker: "x", Translation: img, TranslationLang: "en"}}}},
	})
	for _, by := range []timelinejs.GroupBy{timelinejs.GroupByKind, timelinejs.GroupByActor} {
		b, _ := encode(t, tl, timelinejs.Options{GroupBy: by})
		out := string(b)
		for _, bad := range []string{"<script", "<img", `"><img`, "onerror=alert(1)>"} {
			assert.NotContains(t, out, bad)
		}
		// The decoded strings, as TimelineJS sees them, hold the text only
		// escaped.
		var m any
		require.NoError(t, json.Unmarshal(b, &m))
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, x := range v {
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			case string:
				assert.NotContains(t, v, "<script")
				assert.NotContains(t, v, "<img")
				assert.NotContains(t, v, `"><img`)
			}
		}
		walk(m)
		assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
		assert.Contains(t, out, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
		assert.Contains(t, out, `<a href=\"https://example.org/a?b=1&amp;c=2\">`)
	}
}

func TestImpreciseDates(t *testing.T) {
	tests := []struct {
		date, text  string
		start, end  string // the date objects without display_date, as JSON
		display     string
		endDisplays string
	}{
		{"1992", "since 1992", `{"year":1992}`, "", "since 1992", ""},
		{"1992", "", `{"year":1992}`, "", "1992", ""},
		{"2025-11", "", `{"year":2025,"month":11}`, "", "November 2025", ""},
		{"2025-11", "in November", `{"year":2025,"month":11}`, "", "in November (November 2025)", ""},
		{"2025-11-07/2026-05~", "in the coming months", `{"year":2025,"month":11,"day":7}`, `{"year":2026,"month":5}`,
			"in the coming months (7 November 2025 – about May 2026)", "about May 2026"},
		{"2025-11-06/..", "", `{"year":2025,"month":11,"day":6}`, "", "From 6 November 2025", ""},
		{"2025-11-06/..", "soon", `{"year":2025,"month":11,"day":6}`, "", "soon (from 6 November 2025)", ""},
		{"2025-11-06/", "", `{"year":2025,"month":11,"day":6}`, "", "From 6 November 2025, end unknown", ""},
		{"../2025-11-06", "", `{"year":2025,"month":11,"day":6}`, "", "Until 6 November 2025", ""},
		{"2025-11-06?", "", `{"year":2025,"month":11,"day":6}`, "", "6 November 2025?", ""},
		{"2025-XX", "", `{"year":2025}`, "", "2025", ""},
		{"2025-11-XX", "", `{"year":2025,"month":11}`, "", "November 2025", ""},
		{"201X", "", `{"year":2010}`, "", "2010–2019", ""},
		{"2001-21", "", `{"year":2001}`, "", "Spring 2001", ""},
		{"-0043", "", `{"year":-43}`, "", "44 BCE", ""},
		{"-0043-03-15", "the Ides of March", `{"year":-43,"month":3,"day":15}`, "", "the Ides of March (15 March 44 BCE)", ""},
		{"2025-11-06T20:00:00-05:00", "", `{"year":2025,"month":11,"day":6,"hour":20,"minute":0,"second":0}`, "", "6 November 2025, 20:00", ""},
		{"2025-11-06T18:00:00-05:00/2025-11-06T23:59:59-05:00", "", `{"year":2025,"month":11,"day":6,"hour":18,"minute":0,"second":0}`,
			`{"year":2025,"month":11,"day":6,"hour":23,"minute":59,"second":59}`, "6 November 2025, 18:00–23:59", "6 November 2025, 23:59:59"},
	}
	for _, tt := range tests {
		t.Run(tt.date+" "+tt.text, func(t *testing.T) {
			tl := timeline.New("Dates", "")
			require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
			fuzztext.MustAdd(t, tl, event.Event{Kind: event.Statement, Status: event.Announced, Title: "Statement",
				Date: event.MustParseDate(tt.date), DateText: tt.text,
				Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}}})
			b, _ := encode(t, tl, timelinejs.Options{})
			var d struct {
				Events []struct {
					Start       map[string]any `json:"start_date"`
					End         map[string]any `json:"end_date"`
					DisplayDate string         `json:"display_date"`
				} `json:"events"`
			}
			require.NoError(t, json.Unmarshal(b, &d))
			require.Len(t, d.Events, 1)
			s := d.Events[0]
			assert.Equal(t, tt.display, s.DisplayDate)
			assert.Equal(t, tt.display, s.Start["display_date"])
			delete(s.Start, "display_date")
			startJSON, _ := json.Marshal(s.Start)
			assert.JSONEq(t, tt.start, string(startJSON))
			if tt.end == "" {
				assert.Nil(t, s.End)
				return
			}
			assert.Equal(t, tt.endDisplays, s.End["display_date"])
			delete(s.End, "display_date")
			endJSON, _ := json.Marshal(s.End)
			assert.JSONEq(t, tt.end, string(endJSON))
		})
	}
}

func TestSkipsUndated(t *testing.T) {
	tl := timeline.New("Skips", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
	dated := event.Event{Kind: event.Statement, Status: event.Planned, Title: "Dated",
		Date: event.MustParseDate("2025"), Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}}}
	undated := dated
	undated.Title, undated.Date = "Undated", event.Date{}
	fuzztext.MustAdd(t, tl, dated, undated)
	b, rep := encode(t, tl, timelinejs.Options{})
	require.Len(t, rep.Notes, 1)
	assert.Equal(t, export.Skipped, rep.Notes[0].Action)
	assert.Equal(t, 1, rep.Events)
	e, ok := tl.Event(rep.Notes[0].ID)
	require.True(t, ok)
	assert.Equal(t, "Undated", e.Title)
	assert.Equal(t, 1, strings.Count(string(b), `"unique_id"`))
	assert.NotContains(t, string(b), "Undated")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	_, err := timelinejs.Encode(failWriter{}, seedTimeline(t), &timelinejs.Options{})
	require.ErrorIs(t, err, os.ErrClosed)
}

func TestGroupByText(t *testing.T) {
	for _, g := range []timelinejs.GroupBy{timelinejs.GroupByKind, timelinejs.GroupByActor, timelinejs.GroupByNone} {
		text, err := g.MarshalText()
		require.NoError(t, err)
		var back timelinejs.GroupBy
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, g, back)
	}
	var g timelinejs.GroupBy
	err := g.UnmarshalText([]byte("country"))
	assert.ErrorIs(t, err, timelinejs.ErrGroupBy)
	assert.ErrorContains(t, err, "known: kind, actor, none")
}

package ical_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/ical"
)

// TestCorpus reads the calendars of testdata/calendars, one for each thing
// real producers write (written for these tests, in the styles of
// Outlook, Google Calendar, Apple Calendar, Mozilla and older producers),
// with the default options: the events each must give, the events it
// must skip, and some of what must be read right.
func TestCorpus(t *testing.T) {
	tests := []struct {
		file    string
		events  int
		skipped int
		check   func(t *testing.T, tl map[string]event.Event, rep export.Report)
	}{
		{"outlook-windows-zones.ics", 4, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			assert.Equal(t, "2025-11-06T10:00:00+01:00[Europe/Berlin]/2025-11-06T11:30:00+01:00[Europe/Berlin]", tl["Foreign ministers meet"].Date.String())
			assert.Equal(t, "America/New_York", tl["Call with Washington"].Date.Zone())
			assert.Equal(t, "America/New_York", tl["Second call with Washington"].Date.Zone())
			assert.Equal(t, "2025-11-12T09:00:00", tl["Briefing in an old zone name"].Date.String(), "an unknown zone: floating, and noted")
			assert.Len(t, rep.NotesOf(export.Approximated), 1)
			assert.Len(t, tl["Foreign ministers meet"].Participants, 3)
		}},
		{"google-calendar.ics", 5, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			// Weekly from 3 November until 1 December, the 17th excluded,
			// the 24th moved to the 25th.
			assert.Equal(t, "2025-11-25T14:00:00+01:00[Europe/Berlin]/2025-11-25T14:30:00+01:00[Europe/Berlin]", tl["Desk planning (moved to Tuesday)"].Date.String())
			assert.Equal(t, "Conference room 3, Newsroom, Berlin", tl["Desk planning"].Place.Name)
			assert.Equal(t, &event.Coordinates{Lat: 52.5163, Lon: 13.3777}, tl["Briefing with the spokesperson"].Place.Coordinates)
			assert.Equal(t, []event.Source{{URL: "https://newsroom.example/briefings/2025-11-07"}}, tl["Briefing with the spokesperson"].Sources)
			assert.Equal(t, event.Announcement, tl["Kazakhstan joins the Abraham Accords"].Kind)
			assert.Equal(t, []string{"Treaty"}, tl["Kazakhstan joins the Abraham Accords"].Tags)
		}},
		{"apple-calendar.ics", 3, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			assert.Equal(t, "2025-11-06T09:30:00+05:00[Asia/Almaty]/2025-11-06T11:00:00+05:00[Asia/Almaty]", tl["Opening session"].Date.String())
			assert.Equal(t, "Palace of Independence, Astana, Kazakhstan", tl["Opening session"].Place.Name)
			assert.Equal(t, "2025-11-07/2025-11-08", tl["Working visits"].Date.String())
			assert.Equal(t, "2025-11-08T19:00:00/2025-11-08T22:00:00", tl["State dinner (floating time)"].Date.String())
		}},
		{"rfc2445-no-uid.ics", 2, 1, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			// The third event is the first again, with the same content:
			// the same derived ID.
			assert.Contains(t, rep.NotesOf(export.Skipped)[0].Reason, "the content the event ID derives from is that of the VEVENT on line 4")
		}},
		{"prefixed-zones.ics", 3, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			assert.Equal(t, "Europe/Berlin", tl["Consultations in Berlin"].Date.Zone())
			assert.Equal(t, "Europe/Stockholm", tl["Consultations in Stockholm"].Date.Zone())
			assert.Equal(t, "Europe/London", tl["Consultations in London"].Date.Zone())
		}},
		{"recurrence.ics", 10 + 10 + 5 + 3 + 4 + 1, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			assert.Equal(t, "2025-01-14T15:00:00Z/2025-01-14T16:00:00Z", tl["Weekly briefing (moved)"].Date.String())
			assert.NotEmpty(t, rep.NotesOf(export.Dropped), "the rule without an end")
		}},
		{"bad-events-among-good.ics", 8, 2, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			for _, n := range rep.Notes {
				assert.Positive(t, n.Line, "%s", n)
			}
			assert.Equal(t, "2025-11-02T10:00:00Z", tl["End before start"].Date.String())
			assert.Contains(t, tl, "Good event after an unclosed one")
		}},
		{"producers-quirks.ics", 3, 0, func(t *testing.T, tl map[string]event.Event, rep export.Report) {
			assert.Contains(t, tl, `The minister said "yes"`)
			assert.Equal(t, event.Statement, tl["Tab\tand unicode – „Bund der Stärke“"].Kind)
			assert.Contains(t, tl, "From the second VCALENDAR")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "calendars", tt.file))
			require.NoError(t, err)
			defer f.Close()
			tl, rep, err := ical.Decode(f, nil)
			require.NoError(t, err)
			assert.Equal(t, tt.events, tl.Len(), "%v", rep.Notes)
			assert.Equal(t, tl.Len(), rep.Events)
			assert.Len(t, rep.NotesOf(export.Skipped), tt.skipped, "%v", rep.NotesOf(export.Skipped))
			byTitle := map[string]event.Event{}
			for e := range tl.All() {
				if _, ok := byTitle[e.Title]; !ok {
					byTitle[e.Title] = e
				}
				require.NoError(t, e.Validate(tl))
			}
			tt.check(t, byTitle, rep)
		})
	}
}

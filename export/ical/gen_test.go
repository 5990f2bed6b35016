package ical_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/timeline"
)

// TestWriteCalendarsForCI writes calendars for CI to check with real
// iCalendar parsers (.ci/ics-check), into the directory named by
// ACCORDLINE_ICS_DIR: the seed and stress calendars as the golden files
// hold them, and two synthetic ones of 2000 events, one with the default
// options and one lossless, with open dates spanned and METHOD:PUBLISH.
// Beside each NAME.ics, NAME.ics.expect holds the number of VEVENTs the
// parsers must see.
func TestWriteCalendarsForCI(t *testing.T) {
	dir := os.Getenv("ACCORDLINE_ICS_DIR")
	if dir == "" {
		t.Skip("ACCORDLINE_ICS_DIR is not set")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, c := range []struct {
		name string
		tl   *timeline.Timeline
		opts ical.Options
	}{
		{"seed", seedTimeline(t), seedOptions()},
		{"stress", stressTimeline(t), stressOptions()},
		{"synth-1", synthTimeline(t, 1), ical.Options{Now: fixedClock}},
		{"synth-2", synthTimeline(t, 2), ical.Options{Now: fixedClock, Lossless: true, Open: ical.DatePolicySpan,
			Method: "PUBLISH", Organizer: "mailto:desk@example.org"}},
	} {
		data, rep := encode(t, c.tl, c.opts)
		require.Equal(t, rep.Events, bytes.Count(data, []byte("\r\nBEGIN:VEVENT\r\n")), c.name)
		path := filepath.Join(dir, c.name+".ics")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		require.NoError(t, os.WriteFile(path+".expect", []byte(strconv.Itoa(rep.Events)+"\n"), 0o644))
	}
}

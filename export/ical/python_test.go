package ical_test

import (
	"bytes"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/timeline"
)

// roundTripPy reads a calendar with python3-icalendar and writes it back.
const roundTripPy = `
import sys
from icalendar import Calendar
data = sys.stdin.buffer.read()
sys.stdout.buffer.write(Calendar.from_ical(data).to_ical())
`

// TestPythonRoundTrip passes lossless calendars through python3-icalendar
// (Debian's 4.0.3 unescaped the TEXT of the former JSON payload, "\\n"
// as a backslash and a line break), and reads them back: every event and
// actor must come back as it was. CI (.ci/ics-check) requires python;
// elsewhere the test is skipped without it.
func TestPythonRoundTrip(t *testing.T) {
	if exec.Command("/usr/bin/python3", "-c", "import icalendar").Run() != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("/usr/bin/python3 with the icalendar module is required in CI")
		}
		t.Skip("/usr/bin/python3 with the icalendar module is missing (Debian: python3-icalendar); CI requires it")
	}
	for name, tl := range map[string]*timeline.Timeline{
		"seed": seedTimeline(t), "stress": stressTimeline(t), "synth": synthTimeline(t, 2),
	} {
		t.Run(name, func(t *testing.T) {
			data, rep := encode(t, tl, ical.Options{Now: fixedClock, Lossless: true, Open: ical.DatePolicySpan})
			cmd := exec.Command("/usr/bin/python3", "-c", roundTripPy)
			cmd.Stdin = bytes.NewReader(data)
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			require.NoError(t, cmd.Run(), stderr.String())
			got, grep, err := ical.Decode(&out, nil)
			require.NoError(t, err)
			require.Equal(t, rep.Events, got.Len(), "%v", grep.Notes)
			for e := range got.All() {
				want, ok := tl.Event(e.ID)
				require.True(t, ok)
				if !assert.Equal(t, want, e) {
					return
				}
			}
			for a := range tl.Actors() {
				b, ok := got.Actor(a.ID)
				require.True(t, ok, a.ID)
				assert.Equal(t, a, b)
			}
		})
	}
}

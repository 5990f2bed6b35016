package htmlpage

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// TestISODayAsString checks the digits isoDay writes against the day's
// own String, over days in every year from 1 to 9999, and the days a
// <time> element cannot hold.
func TestISODayAsString(t *testing.T) {
	for y := 1; y <= 9999; y += 7 {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {7, 9}, {10, 31}, {12, 31}} {
			d := event.OnDay(y, time.Month(md[0]), md[1])
			day, ok := d.Earliest()
			require.True(t, ok)
			require.Equal(t, day.String(), isoDay(d), "%v", d)
		}
	}
	for _, d := range []event.Date{event.OnDay(0, 1, 1), event.OnDay(10000, 1, 1), event.InMonth(2025, 11), {}} {
		require.Empty(t, isoDay(d), "%v", d)
	}
}

// TestReadableAsEscapedDate checks that writing a date's rendering in
// place gives what escaping the rendered string gives.
func TestReadableAsEscapedDate(t *testing.T) {
	for _, text := range []string{"2025-11-06", "1992", "2025-11", "2025-21", "2025-11-06T18:00:00+05:00",
		"2025-11-07/2026-05~", "2025-11-06T18:00:00Z/2025-11-06T23:59:00Z", "../2025", "2025?/..", "-0043-03-15", "2026-05%"} {
		d, err := event.ParseDate(text)
		require.NoError(t, err, text)
		var a, b writer
		a.readable(d)
		b.text(present.Date(d))
		require.Equal(t, string(b.buf), string(a.buf), text)
		require.NotEmpty(t, a.buf, text)
	}
}

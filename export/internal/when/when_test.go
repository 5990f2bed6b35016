package when

import (
	"testing"

	"github.com/accordline/accordline/event"
)

func TestReadable(t *testing.T) {
	for in, want := range map[string]string{
		"1992":                 "1992",
		"2025-11":              "November 2025",
		"2025-11-06":           "6 November 2025",
		"2001-21":              "Spring 2001",
		"2026-05~":             "about May 2026",
		"2025-11-06?":          "6 November 2025?",
		"2025-11-06/..":        "From 6 November 2025",
		"2025-11-07/":          "From 7 November 2025, end unknown",
		"../1985":              "Until 1985",
		"2025-11-07/2026-05~":  "7 November 2025 – about May 2026",
		"-0043":                "44 BCE",
		"201X":                 "2010–2019",
		"2025-11-06T18:00:00Z": "6 November 2025, 18:00",
		"2025-11-06T18:00:00Z/2025-11-06T23:59:00Z": "6 November 2025, 18:00–23:59",
	} {
		if got := Readable(event.MustParseDate(in)); got != want {
			t.Errorf("Readable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Readable(event.Date{}); got != "" {
		t.Errorf("Readable of the zero Date = %q", got)
	}
}

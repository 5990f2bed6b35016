package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
)

// BenchmarkPipeline imports every record of the three data sets, builds
// the timeline, and writes it as JSON, iCalendar and HTML: the whole pipeline
// on all ~8,700 records.
func BenchmarkPipeline(b *testing.B) {
	data := filepath.Join("..", "..", "..", "shared", "data", "historian")
	if _, err := os.Stat(data); err != nil {
		b.Skip("no data at", data)
	}
	for b.Loop() {
		r, err := build(data)
		require.NoError(b, err, "build")
		require.NoError(b, errOf(jsondoc.Encode(io.Discard, r.tl, nil)), "JSON")
		_, err = ical.Encode(io.Discard, r.tl, &ical.Options{Now: func() time.Time { return fixedNow }})
		require.NoError(b, err, "iCalendar")
		_, err = htmlpage.Encode(io.Discard, r.tl, &htmlpage.Options{Lanes: htmlpage.LanesByState})
		require.NoError(b, err, "HTML")
	}
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

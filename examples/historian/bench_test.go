package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
)

// BenchmarkPipeline imports every record of the three data sets, builds
// the timeline, and writes it as JSON and iCalendar: the whole pipeline
// on all ~8,700 records.
func BenchmarkPipeline(b *testing.B) {
	data := filepath.Join("..", "..", "..", "shared", "data", "historian")
	if _, err := os.Stat(data); err != nil {
		b.Skip("no data at", data)
	}
	for b.Loop() {
		r, err := build(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := jsondoc.NewEncoder(io.Discard).Encode(r.tl); err != nil {
			b.Fatal(err)
		}
		if _, err := ical.Encode(io.Discard, r.tl, ical.Options{Now: func() time.Time { return fixedNow }}); err != nil {
			b.Fatal(err)
		}
	}
}

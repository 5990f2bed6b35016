package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

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
		if err != nil {
			b.Fatal(err)
		}
		if err := jsondoc.NewEncoder(io.Discard).Encode(r.tl); err != nil {
			b.Fatal(err)
		}
		if _, err := ical.Encode(io.Discard, r.tl, ical.Options{Now: func() time.Time { return fixedNow }}); err != nil {
			b.Fatal(err)
		}
		if err := htmlpage.Encode(io.Discard, r.tl, htmlpage.Options{Lanes: "state"}); err != nil {
			b.Fatal(err)
		}
	}
}

package ical_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/internal/plain"
	"github.com/accordline/accordline/timeline"
)

// BenchmarkEncode writes calendars of synthetic timelines, and the same
// events with encoding/json as plain structs, side by side: from structs
// made once (encoding-json), and from the timeline, which copies its
// events as Encode reads them (encoding-json-from-timeline).
func BenchmarkEncode(b *testing.B) {
	clock := func() time.Time { return time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC) }
	for _, n := range []int{10_000, 100_000} {
		actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
		tl := timeline.New("synthetic", "")
		if err := tl.AddActors(actors...); err != nil {
			b.Fatal(err)
		}
		if _, err := tl.Add(events...); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		rep, err := ical.Encode(&buf, tl, &ical.Options{Now: clock})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("ical/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if _, err := ical.Encode(io.Discard, tl, &ical.Options{Now: clock}); err != nil {
					b.Fatal(err)
				}
			}
			allocs := testing.AllocsPerRun(1, func() { _, _ = ical.Encode(io.Discard, tl, &ical.Options{Now: clock}) })
			b.ReportMetric(allocs/float64(rep.Events), "allocs/event")
		})
		doc := plain.From(tl)
		var jbuf bytes.Buffer
		_ = json.NewEncoder(&jbuf).Encode(doc.Events)
		b.Run(fmt.Sprintf("encoding-json/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(jbuf.Len()))
			for b.Loop() {
				if err := json.NewEncoder(io.Discard).Encode(doc.Events); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding-json-from-timeline/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(jbuf.Len()))
			for b.Loop() {
				if err := json.NewEncoder(io.Discard).Encode(plain.From(tl).Events); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

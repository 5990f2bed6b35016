package timelinejs_test

import (
	"io"
	"testing"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

// BenchmarkEncode writes the slides of 10,000 synthetic events.
func BenchmarkEncode(b *testing.B) {
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: 10_000})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		b.Fatal(err)
	}
	if _, err := tl.Add(events...); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := timelinejs.Encode(io.Discard, tl, nil); err != nil {
			b.Fatal(err)
		}
	}
}

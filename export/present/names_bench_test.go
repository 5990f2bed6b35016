package present_test

import (
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// BenchmarkLabel labels every participant of 10k synthetic events, as a
// writer does, with a new Names each time: the cost is looking each of the
// 5.5k actors up once and each of the 24k participations.
func BenchmarkLabel(b *testing.B) {
	tl := fuzztext.Synthetic(b, 1, 10_000)
	for b.Loop() {
		names := present.NewNames(tl)
		for e := range tl.Shared(timeline.Query{}) {
			for _, p := range e.Participants {
				_ = names.Label(p.Actor, e.Date)
			}
		}
	}
}

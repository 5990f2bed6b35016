package timeline

import (
	"testing"

	"github.com/accordline/accordline/event"
)

// BenchmarkCopy measures the deep copy of one event as the timeline hands
// it out, next to event.Clone, over 1,000 events spread over the timeline,
// with the timeline live in the heap as it is when queries run.
func BenchmarkCopy(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		tl := data(b, n).tl
		var sample []*entry
		step := max(tl.ix.order.len()/1000, 1)
		for i := 0; i < tl.ix.order.len(); i += step {
			sample = append(sample, tl.ix.order.at(i))
		}
		var sink event.Event
		b.Run("timeline", func(b *testing.B) {
			for b.Loop() {
				var c cloner
				for _, en := range sample {
					sink = c.clone(&en.ev)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/event")
		})
		b.Run("event.Clone", func(b *testing.B) {
			for b.Loop() {
				for _, en := range sample {
					sink = en.ev.Clone()
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/event")
		})
		_ = sink
	})
}

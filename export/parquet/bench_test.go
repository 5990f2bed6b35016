package parquet_test

import (
	"io"
	"testing"

	"github.com/accordline/accordline/export/parquet"
)

// BenchmarkEncode writes the events table of 10,000 synthetic events.
func BenchmarkEncode(b *testing.B) {
	tl := synthTimeline(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parquet.Encode(io.Discard, tl, nil); err != nil {
			b.Fatal(err)
		}
	}
}

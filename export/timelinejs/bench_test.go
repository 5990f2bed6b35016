package timelinejs_test

import (
	"io"
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/timelinejs"
)

// BenchmarkEncode writes the slides of 10,000 synthetic events.
func BenchmarkEncode(b *testing.B) {
	tl := fuzztext.Synthetic(b, 1, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := timelinejs.Encode(io.Discard, tl, nil); err != nil {
			b.Fatal(err)
		}
	}
}

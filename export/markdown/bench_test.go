package markdown_test

import (
	"io"
	"testing"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/markdown"
)

// BenchmarkEncode writes a report of 10,000 synthetic events.
func BenchmarkEncode(b *testing.B) {
	tl := fuzztext.Synthetic(b, 1, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := markdown.Encode(io.Discard, tl, nil); err != nil {
			b.Fatal(err)
		}
	}
}

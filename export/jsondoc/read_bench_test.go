package jsondoc

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
)

// BenchmarkRead reads documents as Decode does but stops before the
// timeline: what reading the JSON costs, without validating, ordering and
// indexing the events read (timeline.Add).
func BenchmarkRead(b *testing.B) {
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
		if _, err := Encode(&buf, tl, nil); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d := &decoder{scanner: newScanner(bytes.NewReader(data), DecodeOptions{}, "document")}
				if d.document(); len(d.errs) > 0 {
					b.Fatal(d.errs)
				}
			}
		})
	}
}

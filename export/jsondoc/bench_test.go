package jsondoc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/internal/plain"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

func benchTimeline(b *testing.B, n int) *timeline.Timeline {
	b.Helper()
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		b.Fatal(err)
	}
	if _, err := tl.Add(events...); err != nil {
		b.Fatal(err)
	}
	return tl
}

// BenchmarkEncode writes documents with this package and the same data
// with encoding/json, side by side.
func BenchmarkEncode(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		tl := benchTimeline(b, n)
		doc := plain.From(tl)
		var buf bytes.Buffer
		if err := errOf(jsondoc.Encode(&buf, tl, nil)); err != nil {
			b.Fatal(err)
		}
		size := int64(buf.Len())
		b.Run(fmt.Sprintf("jsondoc/n=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				if err := errOf(jsondoc.Encode(io.Discard, tl, nil)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(testing.AllocsPerRun(1, func() { _ = errOf(jsondoc.Encode(io.Discard, tl, nil)) }))/float64(n), "allocs/event")
		})
		b.Run(fmt.Sprintf("encoding-json/n=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				if err := json.NewEncoder(io.Discard).Encode(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode reads documents with this package, validating them into
// a timeline, and the same bytes with encoding/json into plain structs.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		var buf bytes.Buffer
		if err := errOf(jsondoc.Encode(&buf, benchTimeline(b, n), nil)); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("jsondoc/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := jsondoc.Decode(bytes.NewReader(data), nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding-json/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var doc plain.Doc
				if err := json.Unmarshal(data, &doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLines streams a million events through a LineWriter and back
// through a LineReader, generated on the fly and never held together, and
// reports the peak heap.
func BenchmarkLines(b *testing.B) {
	const n = 1_000_000
	cfg := synth.Config{Seed: 1, Events: n}
	actors := synth.Actors(cfg)
	for b.Loop() {
		pr, pw := io.Pipe()
		go func() {
			lw := jsondoc.NewLineWriter(pw, "synthetic", "")
			for i := range actors {
				_ = lw.WriteActor(&actors[i])
			}
			for e := range synth.Events(cfg) {
				_ = lw.WriteEvent(&e)
			}
			pw.CloseWithError(lw.Flush())
		}()
		var peak uint64
		var ms runtime.MemStats
		lr := jsondoc.NewLineReader(pr, nil)
		events := 0
		for i := 0; ; i++ {
			rec, err := lr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Event != nil {
				events++
			}
			if i%50_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
		if events != n {
			b.Fatalf("read %d events, want %d", events, n)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}

package bench_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bytedance/sonic"
	gojson "github.com/goccy/go-json"

	"github.com/accordline/accordline/ci/bench/plain"
	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// A jsonPeer is a JSON library given the same data as plain structs: it
// writes them to a stream and reads the bytes jsondoc wrote into them.
// Each is called as its documentation shows, with its default
// configuration.
type jsonPeer struct {
	name   string
	encode func(io.Writer, *plain.Doc) error
	decode func([]byte, *plain.Doc) error
}

// jsonPeers are the peers every build has; json_v2_test.go adds
// encoding/json/v2 when the experiment is on.
var jsonPeers = []jsonPeer{
	{
		name:   "encoding-json",
		encode: func(w io.Writer, d *plain.Doc) error { return json.NewEncoder(w).Encode(d) },
		decode: func(b []byte, d *plain.Doc) error { return json.Unmarshal(b, d) },
	},
	{
		name:   "goccy-go-json",
		encode: func(w io.Writer, d *plain.Doc) error { return gojson.NewEncoder(w).Encode(d) },
		decode: func(b []byte, d *plain.Doc) error { return gojson.Unmarshal(b, d) },
	},
	{
		// sonic's default configuration, as sonic.Marshal and
		// sonic.Unmarshal use it, neither checks UTF-8 nor sorts map keys.
		name:   "sonic",
		encode: func(w io.Writer, d *plain.Doc) error { return sonic.ConfigDefault.NewEncoder(w).Encode(d) },
		decode: func(b []byte, d *plain.Doc) error { return sonic.Unmarshal(b, d) },
	},
}

// jsonSizes are the numbers of synthetic events benchmarked.
var jsonSizes = []int{10_000, 100_000}

// jsonData is one size of synthetic timeline in every form the benchmarks
// need: the timeline, its document as jsondoc writes it, the same data as
// plain structs, and the actors and events that reading the document
// gives, to add to a timeline again.
type jsonData struct {
	tl     *timeline.Timeline
	doc    plain.Doc
	bytes  []byte
	actors []event.Actor
	events []event.Event
}

var (
	jsonDataMu    sync.Mutex
	jsonDataCache = map[int]*jsonData{}
)

// jsonDataOf makes the data of n synthetic events once per process.
func jsonDataOf(tb testing.TB, n int) *jsonData {
	tb.Helper()
	jsonDataMu.Lock()
	defer jsonDataMu.Unlock()
	if d, ok := jsonDataCache[n]; ok {
		return d
	}
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		tb.Fatal(err)
	}
	if _, err := tl.Add(events...); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := jsondoc.Encode(&buf, tl, nil); err != nil {
		tb.Fatal(err)
	}
	read, _, err := jsondoc.Decode(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		tb.Fatal(err)
	}
	d := &jsonData{tl: tl, doc: plain.From(tl), bytes: buf.Bytes(),
		actors: slices.Collect(read.Actors()), events: slices.Collect(read.All())}
	jsonDataCache[n] = d
	return d
}

// TestJSONPeersReadTheDocument checks that the benchmarks compare like with
// like: every peer reads the document jsondoc writes into the same plain
// structs that the timeline converts to, and writes what it reads back.
func TestJSONPeersReadTheDocument(t *testing.T) {
	d := jsonDataOf(t, 1000)
	for _, p := range jsonPeers {
		t.Run(p.name, func(t *testing.T) {
			var doc plain.Doc
			if err := p.decode(d.bytes, &doc); err != nil {
				t.Fatal(err)
			}
			if !equalDocs(doc, d.doc) {
				t.Fatal("read a different document")
			}
			var buf bytes.Buffer
			if err := p.encode(&buf, &doc); err != nil {
				t.Fatal(err)
			}
			var again plain.Doc
			if err := json.Unmarshal(buf.Bytes(), &again); err != nil {
				t.Fatal(err)
			}
			if !equalDocs(again, d.doc) {
				t.Fatal("wrote a different document")
			}
		})
	}
}

// equalDocs compares documents by their encoding/json form, in which empty
// and missing maps and slices are alike.
func equalDocs(a, b plain.Doc) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// loop runs f as the benchmark's loop and reports, besides the time, the
// processor time per operation (cpu-ns/op): the time of the process's
// threads, the collector's included, which other work on a busy machine
// does not lengthen as it does the time that passes. It runs f once
// before: an operation on 100k events takes longer than a second, so the
// loop runs it once, and the first run in a process pays for growing the
// heap, which would count against whichever library comes first.
func loop(b *testing.B, f func() error) {
	b.Helper()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	start := cpuTime()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the processor time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkJSONEncode writes each size of timeline with jsondoc and the
// same data as plain structs with each peer, side by side. timeline-reads
// is the share of jsondoc's time that the timeline takes to hand out its
// actors and events: the one copy of each actor that Timeline.EachActor
// reuses, and the events as Timeline.Shared yields them, uncopied.
func BenchmarkJSONEncode(b *testing.B) {
	for _, n := range jsonSizes {
		d := jsonDataOf(b, n)
		b.Run(fmt.Sprintf("n=%d/jsondoc", n), func(b *testing.B) {
			b.SetBytes(int64(len(d.bytes)))
			loop(b, func() error {
				_, err := jsondoc.Encode(io.Discard, d.tl, nil)
				return err
			})
		})
		b.Run(fmt.Sprintf("n=%d/timeline-reads", n), func(b *testing.B) {
			loop(b, func() error {
				for range d.tl.EachActor() {
				}
				for range d.tl.Shared(timeline.Query{}) {
				}
				return nil
			})
		})
		for _, p := range jsonPeers {
			b.Run(fmt.Sprintf("n=%d/%s", n, p.name), func(b *testing.B) {
				b.SetBytes(int64(len(d.bytes)))
				loop(b, func() error { return p.encode(io.Discard, &d.doc) })
			})
		}
	}
}

// BenchmarkJSONDecode reads the same document with jsondoc, checking it
// whole into a timeline, and with each peer into plain structs, side by
// side. timeline-add is the share of jsondoc's time that the timeline
// takes to add the actors and events read (validating, ordering and
// indexing them): jsondoc's time less timeline-add is what reading the
// JSON itself costs. event-validate is the validating part of
// timeline-add alone, done as Add does it: the actors checked into a
// directory, then every event against it, on as many goroutines as Add
// uses. Reading plus event-validate is a decode with validation that
// stops short of ordering and indexing the events.
func BenchmarkJSONDecode(b *testing.B) {
	for _, n := range jsonSizes {
		d := jsonDataOf(b, n)
		b.Run(fmt.Sprintf("n=%d/jsondoc", n), func(b *testing.B) {
			b.SetBytes(int64(len(d.bytes)))
			loop(b, func() error {
				_, _, err := jsondoc.Decode(bytes.NewReader(d.bytes), nil)
				return err
			})
		})
		b.Run(fmt.Sprintf("n=%d/timeline-add", n), func(b *testing.B) {
			loop(b, func() error {
				tl := timeline.New("synthetic", "")
				if err := tl.AddActors(d.actors...); err != nil {
					return err
				}
				_, err := tl.Add(d.events...)
				return err
			})
		})
		b.Run(fmt.Sprintf("n=%d/event-validate", n), func(b *testing.B) {
			loop(b, func() error { return validate(d.actors, d.events) })
		})
		for _, p := range jsonPeers {
			b.Run(fmt.Sprintf("n=%d/%s", n, p.name), func(b *testing.B) {
				b.SetBytes(int64(len(d.bytes)))
				loop(b, func() error {
					var doc plain.Doc
					return p.decode(d.bytes, &doc)
				})
			})
		}
	}
}

// validate checks the actors into a directory and every event against it,
// the events split between GOMAXPROCS goroutines as timeline.Add splits
// them (both sizes benchmarked are large enough for Add to split), each
// event copied first as Add copies it, and returns the first problem each
// goroutine found.
func validate(actors []event.Actor, events []event.Event) error {
	var dir event.Directory
	if err := dir.AddActors(actors...); err != nil {
		return err
	}
	parts := runtime.GOMAXPROCS(0)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := len(events)*p/parts, len(events)*(p+1)/parts
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				e := events[i]
				e.EnsureID()
				if err := e.Validate(&dir); err != nil {
					errs[p] = err
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

package timeline

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
)

// The benchmarks run at these sizes; 1M needs about 3 GB and a minute to
// set up, so select it explicitly: go test -bench . -benchmem ./timeline
var benchSizes = []int{10_000, 100_000, 1_000_000}

type benchData struct {
	actors []event.Actor
	events []event.Event
	tl     *Timeline
}

var (
	benchMu    sync.Mutex
	benchCache = map[int]*benchData{}
)

// data generates, once per size, the synthetic events and a timeline of
// them.
func data(b *testing.B, n int) *benchData {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if d, ok := benchCache[n]; ok {
		return d
	}
	clear(benchCache) // keep one size in memory at a time
	runtime.GC()
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := &Timeline{}
	if err := tl.AddActors(actors...); err != nil {
		b.Fatal(err)
	}
	if _, err := tl.Add(events...); err != nil {
		b.Fatal(err)
	}
	d := &benchData{actors, events, tl}
	benchCache[n] = d
	return d
}

func sizes(b *testing.B, f func(b *testing.B, n int)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { f(b, n) })
	}
}

// BenchmarkSortKeys is the yardstick of BenchmarkOrder: slices.SortFunc
// over plain (day, id) keys, as many as there are events.
func BenchmarkSortKeys(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		type key struct {
			day int64
			id  uint64
		}
		keys := make([]key, len(d.events))
		for i := range d.events {
			keys[i] = key{int64(earliest(d.events[i].Date)), binary.BigEndian.Uint64(d.events[i].ID[:8])}
		}
		work := make([]key, len(keys))
		b.ResetTimer()
		for b.Loop() {
			copy(work, keys)
			slices.SortFunc(work, func(a, b key) int { return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.id, b.id)) })
		}
	})
}

// BenchmarkOrder builds the order and the ID lookup from events that are
// already valid: what Add does after validation. The other lookups are
// built when first needed; see BenchmarkIndex.
func BenchmarkOrder(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		entries := make(list, len(d.events))
		for i := range d.events {
			entries[i] = newEntrySeq(d.events[i], uint64(i))
		}
		b.ResetTimer()
		for b.Loop() {
			build(entries)
		}
	})
}

// BenchmarkIndex builds every lookup of an ordered timeline, as the first
// queries that need them do.
func BenchmarkIndex(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		entries := make(list, len(d.events))
		for i := range d.events {
			entries[i] = newEntrySeq(d.events[i], uint64(i))
		}
		ix := build(entries)
		b.ResetTimer()
		for b.Loop() {
			ix.keys, ix.dates = nil, nil
			ix.keyIndex()
			ix.dateIndex()
		}
	})
}

// BenchmarkAdd is the whole of building a timeline: copying, validating,
// ordering and indexing every event.
func BenchmarkAdd(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		b.ResetTimer()
		for b.Loop() {
			tl := &Timeline{}
			if err := tl.AddActors(d.actors...); err != nil {
				b.Fatal(err)
			}
			if _, err := tl.Add(d.events...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchActor finds the actor with the number of events closest to 0.1% of
// the timeline.
func benchActor(tl *Timeline) event.ActorID {
	target := len(tl.ix.order) / 1000
	best, bestDiff := event.ActorID(""), -1
	for id, l := range tl.ix.keyIndex().actor {
		diff := len(l) - target
		if diff < 0 {
			diff = -diff
		}
		if bestDiff < 0 || diff < bestDiff || (diff == bestDiff && id < best) {
			best, bestDiff = id, diff
		}
	}
	return best
}

func count(seq iter.Seq[event.Event]) int {
	n := 0
	for range seq {
		n++
	}
	return n
}

// BenchmarkQuery compares indexed queries with full scans of the same
// predicate: one actor's events (about 0.1%), and one month.
func BenchmarkQuery(b *testing.B) {
	month := event.InMonth(1985, time.June)
	for _, q := range []struct {
		name string
		q    func(*Timeline) Query
	}{
		{"actor", func(tl *Timeline) Query { return WithActor(string(benchActor(tl))) }},
		{"month-within", func(*Timeline) Query { return Within(month) }},
		{"month-overlaps", func(*Timeline) Query { return Overlaps(month) }},
		{"kind-and-country", func(tl *Timeline) Query {
			for a := range tl.Actors() {
				if a.Type == event.State {
					return And(WithKind(event.StateVisit), WithCountry(a.Country))
				}
			}
			return Query{}
		}},
	} {
		for _, mode := range []string{"index", "scan"} {
			b.Run(q.name+"/"+mode, func(b *testing.B) {
				sizes(b, func(b *testing.B, n int) {
					tl := data(b, n).tl
					query := q.q(tl)
					sel := tl.Select
					if mode == "scan" {
						sel = tl.Scan
					}
					results := count(sel(query))
					b.ResetTimer()
					for b.Loop() {
						count(sel(query))
					}
					b.ReportMetric(float64(results), "results")
				})
			})
		}
	}
}

// BenchmarkMemory reports the heap a timeline takes per event, next to the
// heap of the events themselves as the timeline stores them: deep copies.
// "timeline" is the timeline as Add leaves it; "indexed" has every lookup
// built, as after queries of every kind including text.
func BenchmarkMemory(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		benchMu.Lock()
		clear(benchCache) // let the cached timeline go
		benchMu.Unlock()
		d.tl = nil
		for b.Loop() {
			own := heapOf(func() any {
				c := make([]event.Event, len(d.events))
				for i := range d.events {
					c[i] = d.events[i].Clone()
				}
				return c
			})
			var tl *Timeline
			total := heapOf(func() any {
				tl = &Timeline{}
				_ = tl.AddActors(d.actors...)
				if _, err := tl.Add(d.events...); err != nil {
					b.Fatal(err)
				}
				return tl
			})
			indexes := heapOf(func() any {
				tl.ix.keyIndex()
				tl.ix.dateIndex()
				tl.ix.textIndex()
				return tl
			})
			b.ReportMetric(float64(own)/float64(n), "event-B/event")
			b.ReportMetric(float64(total)/float64(n), "timeline-B/event")
			b.ReportMetric(float64(total+indexes)/float64(n), "indexed-B/event")
			b.ReportMetric(float64(total)/float64(own), "ratio")
			b.ReportMetric(float64(total+indexes)/float64(own), "indexed-ratio")
		}
	})
}

// heapOf returns the bytes of live heap the value made by f holds.
func heapOf(f func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return after.HeapAlloc - before.HeapAlloc
}

// earliest is the first day of d as the timeline orders it: the least day
// for an open start, the greatest for the unknown date.
func earliest(d event.Date) event.Day {
	if d.IsZero() {
		return math.MaxInt32
	}
	if day, ok := d.Earliest(); ok {
		return day
	}
	return math.MinInt32
}

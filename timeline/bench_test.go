package timeline

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

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

// packed returns entries of the events, in the order given, laid out in
// memory in timeline order as Add lays them out.
func packed(events []event.Event) []*entry {
	keys := make([]sortKey, len(events))
	for i := range events {
		keys[i] = keyOf(&events[i], events[i].ID)
	}
	p := newPacker(len(events))
	entries := make([]*entry, len(events))
	for _, at := range sortKeys(keys, func(i int) *event.Event { return &events[i] }) {
		entries[at] = p.pack(&events[at], keys[at])
	}
	return entries
}

// BenchmarkOrder builds the order and the ID lookup of events that are
// valid, keyed and copied: what Add does after validation and copying,
// besides the lookups for queries (BenchmarkIndex).
func BenchmarkOrder(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		entries := packed(data(b, n).events)
		keys := make([]sortKey, len(entries))
		for i, en := range entries {
			keys[i] = en.key
		}
		evOf := func(i int) *event.Event { return &entries[i].ev }
		b.ResetTimer()
		for b.Loop() {
			perm := sortKeys(keys, evOf)
			sorted := make([]*entry, len(perm))
			for i, at := range perm {
				sorted[i] = entries[at]
			}
			newIndex(0).updateOrder(nil, sorted)
		}
	})
}

// BenchmarkIndex builds every lookup for queries of an ordered timeline,
// as Add does after BenchmarkOrder's work.
func BenchmarkIndex(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		sorted := packed(data(b, n).events)
		sortEntries(sorted)
		b.ResetTimer()
		for b.Loop() {
			newIndex(0).updateLookups(nil, sorted)
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

// evict writes over buf, which is larger than the CPU caches.
func evict(buf []byte) {
	for i := range buf {
		buf[i]++
	}
}

// benchActor finds the actor with the number of events closest to 0.1% of
// the timeline.
func benchActor(tl *Timeline) event.ActorID {
	target := tl.ix.order.len() / 1000
	best, bestDiff := event.ActorID(""), -1
	for id, l := range tl.ix.keys.actor {
		diff := l.len() - target
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

// benchQueries are the queries of BenchmarkQuery and BenchmarkFirstQuery:
// one actor's events (about 0.1%), one month, and the state visits of one
// state, whose persons and bodies make a union of many lists.
var benchQueries = []struct {
	name string
	q    func(*Timeline) Query
}{
	{"actor", func(tl *Timeline) Query { return WithActor(string(benchActor(tl))) }},
	{"month-within", func(*Timeline) Query { return Within(event.InMonth(1985, time.June)) }},
	{"month-overlaps", func(*Timeline) Query { return Overlaps(event.InMonth(1985, time.June)) }},
	{"kind-and-country", func(tl *Timeline) Query {
		for a := range tl.Actors() {
			if a.Type == event.State {
				return And(WithKind(event.StateVisit), WithCountry(a.Country))
			}
		}
		return Query{}
	}},
	{"text", func(*Timeline) Query { return WithText("state visit") }},
}

// BenchmarkQuery compares indexed queries with full scans of the same
// predicate, both handing out a copy of each event; "count" is the indexed
// query counting its events, without copies.
func BenchmarkQuery(b *testing.B) {
	for _, q := range benchQueries {
		for _, mode := range []string{"index", "count", "scan"} {
			b.Run(q.name+"/"+mode, func(b *testing.B) {
				sizes(b, func(b *testing.B, n int) {
					tl := data(b, n).tl
					query := q.q(tl)
					run := func() int { return count(tl.Select(query)) }
					switch mode {
					case "count":
						run = func() int { return tl.Count(query) }
					case "scan":
						run = func() int { return count(tl.Scan(query)) }
					}
					results := run()
					b.ResetTimer()
					for b.Loop() {
						run()
					}
					b.ReportMetric(float64(results), "results")
				})
			})
		}
	}
}

// BenchmarkFirstQuery builds a timeline with Add and then runs each query
// of BenchmarkQuery a hundred times in a row, reporting the first run and
// the hundredth of each: since Add builds every lookup, the first query
// builds none and costs what the hundredth does. Both runs start with cold
// caches, and the queries after a garbage collection, so that the first
// does not meet the collection of what Add left behind and the hundredth
// does not. The time per op is that of the whole, Add included.
func BenchmarkFirstQuery(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		d := data(b, n)
		buf := make([]byte, 128<<20)
		first := make([]time.Duration, len(benchQueries))
		last := make([]time.Duration, len(benchQueries))
		for b.Loop() {
			tl := &Timeline{}
			if err := tl.AddActors(d.actors...); err != nil {
				b.Fatal(err)
			}
			if _, err := tl.Add(d.events...); err != nil {
				b.Fatal(err)
			}
			runtime.GC() // both runs meet a heap at rest
			for i, bq := range benchQueries {
				q := bq.q(d.tl) // the names resolve alike in both timelines
				for run := range 100 {
					if run == 0 || run == 99 {
						evict(buf)
					}
					start := time.Now()
					count(tl.Select(q))
					switch run {
					case 0:
						first[i] += time.Since(start)
					case 99:
						last[i] += time.Since(start)
					}
				}
			}
		}
		for i, bq := range benchQueries {
			b.ReportMetric(float64(first[i].Nanoseconds())/float64(b.N), bq.name+"-1st-ns")
			b.ReportMetric(float64(last[i].Nanoseconds())/float64(b.N), bq.name+"-100th-ns")
		}
	})
}

// BenchmarkMemory reports the heap a timeline takes per event, with every
// lookup for queries, next to the heap of deep copies of the events
// (event.Event.Clone).
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
			runtime.KeepAlive(tl)
			b.ReportMetric(float64(own)/float64(n), "event-B/event")
			b.ReportMetric(float64(total)/float64(n), "timeline-B/event")
			b.ReportMetric(float64(total)/float64(own), "ratio")
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

// BenchmarkAddOne adds one event to a timeline of n events and removes it
// again (untimed): the cost of a single write to a large timeline. "bare"
// is the timeline as Add leaves it; "queried" has answered a query of every
// kind first.
func BenchmarkAddOne(b *testing.B) {
	for _, state := range []string{"bare", "queried"} {
		b.Run(state, func(b *testing.B) {
			sizes(b, func(b *testing.B, n int) {
				d := data(b, n)
				tl := d.tl
				if state == "queried" {
					tl.Count(WithText("visit"))
					tl.Count(Within(event.InYear(2000)))
					tl.Count(WithKind(event.StateVisit))
				}
				e := d.events[n/2]
				i := 0
				for b.Loop() {
					i++
					e.ID = uuid.NewSHA1(uuid.Nil, binary.BigEndian.AppendUint64(nil, uint64(i)))
					if _, err := tl.Add(e); err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					tl.Remove(e.ID)
					b.StartTimer()
				}
			})
		})
	}
}

// BenchmarkAddLongLists adds one event with n tags, participants, links or
// distinct words in its description, doubling n: the ns/element figure
// stays flat when indexing is linear in the lists. Before the lists were
// deduplicated through a map, 20,000 tags took 3 s and 40,000 took 14 s.
func BenchmarkAddLongLists(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 40_000, 80_000} {
		for _, list := range []string{"tags", "participants", "links", "words"} {
			e := event.Event{Kind: event.Summit, Title: "Summit", Status: event.Announced, Date: event.OnDay(2025, 11, 6)}
			var actors []event.Actor
			switch list {
			case "tags":
				for i := range n {
					e.Tags = append(e.Tags, "tag-"+strconv.Itoa(i))
				}
			case "participants":
				for i := range n {
					id := event.ActorID("a" + strconv.Itoa(i))
					actors = append(actors, event.Actor{ID: id, Type: event.Person, Name: string(id)})
					e.Participants = append(e.Participants, event.Participation{Actor: id, Role: event.Participant})
				}
			case "links":
				for i := range n {
					var id uuid.UUID
					binary.BigEndian.PutUint64(id[8:], uint64(i)+1)
					e.Links = append(e.Links, event.Link{Type: event.RefersTo, Target: id})
				}
			case "words":
				var sb strings.Builder
				for i := range n {
					sb.WriteString("w" + strconv.Itoa(i) + " ")
				}
				e.Description = sb.String()
			}
			if len(e.Participants) == 0 {
				actors = append(actors, event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"},
					event.Actor{ID: "IL", Type: event.State, Name: "Israel", Country: "IL"})
				e.Participants = []event.Participation{{Actor: "KZ", Role: event.Participant}, {Actor: "IL", Role: event.Participant}}
			}
			b.Run(list+"/n="+strconv.Itoa(n), func(b *testing.B) {
				for b.Loop() {
					tl := New("", "")
					if err := tl.AddActors(actors...); err != nil {
						b.Fatal(err)
					}
					if _, err := tl.Add(e); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/element")
			})
		}
	}
}

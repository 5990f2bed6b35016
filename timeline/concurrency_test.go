package timeline_test

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

// writerEvent returns an event of writer w, number i: a statement by Trump
// on a day of November 2025, so that it falls among the seed events.
func writerEvent(w, i int) event.Event {
	e := statement(fmt.Sprintf("2025-11-%02d", 1+(w*7+i)%28), event.Occurred, seed.Trump, fmt.Sprintf("writer %d event %d", w, i))
	e.ID = uuid.NewSHA1(uuid.NameSpaceOID, fmt.Appendf(nil, "writer %d event %d", w, i))
	e.Tags = []string{"written"}
	e.Sources = []event.Source{source("Writer", event.Quote{Text: "Netanjahu Tokajew", Speaker: seed.Kazakhstan})}
	return e
}

// checkSorted reports an error unless the events are in strict timeline
// order, which also rules out duplicates.
func checkSorted(events []event.Event) error {
	seen := make(map[uuid.UUID]bool, len(events))
	for i, e := range events {
		if seen[e.ID] {
			return fmt.Errorf("event %s twice", e.ID)
		}
		seen[e.ID] = true
		if i > 0 && timeline.Compare(events[i-1], e) >= 0 {
			return fmt.Errorf("%q (%s) before %q (%s)", events[i-1].Title, events[i-1].Date, e.Title, e.Date)
		}
	}
	return nil
}

func TestConcurrentReadersAndWriters(t *testing.T) {
	tl := seedTimeline(t)
	seedEvents := seed.Events()
	accession := seedID(t, tAccession)
	const writers, readers, rounds = 4, 6, 45

	var wg sync.WaitGroup
	var done atomic.Bool
	var reads atomic.Int64
	fail := func(format string, args ...any) {
		t.Errorf(format, args...)
		done.Store(true)
	}

	var writing sync.WaitGroup
	for w := range writers {
		writing.Go(func() {
			for i := range rounds {
				if done.Load() {
					return
				}
				e := writerEvent(w, i)
				if _, err := tl.Add(e); err != nil {
					fail("Add: %v", err)
					return
				}
				// Move it to another day and to another speaker.
				moved := e.Clone()
				moved.Date = event.MustParseDate(fmt.Sprintf("2025-12-%02d", 1+i%28))
				moved.Participants = []event.Participation{{Actor: seed.Netanyahu, Role: event.Speaker}}
				if err := tl.Replace(moved); err != nil {
					fail("Replace: %v", err)
					return
				}
				// Replace a seed event with its tags changed; its date,
				// links and actors stay.
				s := seedEvents[(w+i)%len(seedEvents)].Clone()
				s.Tags = append(s.Tags, fmt.Sprintf("round-%d", i))
				if err := tl.Replace(s); err != nil {
					fail("Replace seed: %v", err)
					return
				}
				if i%3 != 0 {
					if n := tl.Remove(e.ID); n != 1 {
						fail("Remove = %d", n)
						return
					}
				}
			}
		})
	}

	for r := range readers {
		wg.Go(func() {
			for i := 0; !done.Load(); i++ {
				reads.Add(1)
				switch (r + i) % 8 {
				case 0:
					all := slices.Collect(tl.All())
					if err := checkSorted(all); err != nil {
						fail("All: %v", err)
					}
					if len(all) < 15 {
						fail("All has %d events", len(all))
					}
					for _, s := range seedEvents {
						if !slices.ContainsFunc(all, func(e event.Event) bool { return e.ID == s.ID }) {
							fail("All lacks %q", s.Title)
						}
					}
				case 1:
					kz := slices.Collect(tl.Select(timeline.WithActor("Kasachstan")))
					if err := checkSorted(kz); err != nil {
						fail("Select: %v", err)
					}
					for _, e := range kz {
						if !slices.Contains(e.Actors(), seed.Kazakhstan) && !refers(&e, []event.ActorID{seed.Kazakhstan}) {
							fail("Select(WithActor(KZ)) yields %q", e.Title)
						}
					}
					if len(kz) < len(kzEvents) {
						fail("Select(WithActor(KZ)) yields %d events", len(kz))
					}
				case 2:
					groups := tl.Group(timeline.Query{}, timeline.GroupByDay)
					n := 0
					for _, g := range groups {
						if err := checkSorted(g.Events); err != nil {
							fail("Group %s: %v", g.Key, err)
						}
						n += g.Len()
					}
					if n < 15 {
						fail("groups hold %d events", n)
					}
				case 3:
					rel := tl.Related(accession)
					if len(rel) != 4 {
						fail("Related: %d relations", len(rel))
					}
				case 4:
					// Text queries rebuild the word index after writes.
					call := slices.Collect(tl.Select(timeline.WithText("Netanjahu Tokajew")))
					if err := checkSorted(call); err != nil {
						fail("Text: %v", err)
					}
					if !slices.ContainsFunc(call, func(e event.Event) bool { return e.Title == tCall }) {
						fail("Text lost the call")
					}
				case 5:
					within := slices.Collect(tl.SelectBackward(timeline.Overlaps(period(day(2025, time.November, 1), day(2025, time.December, 31)))))
					slices.Reverse(within)
					if err := checkSorted(within); err != nil {
						fail("SelectBackward: %v", err)
					}
				case 6:
					if c := tl.Count(timeline.Or(timeline.WithTag("written"), timeline.WithTag("abraham-accords"))); c < 8 {
						fail("Count = %d", c)
					}
					sub := tl.Collect(timeline.And(timeline.WithCountry("IL"), timeline.Not(timeline.WithTag("written"))))
					if err := checkSorted(slices.Collect(sub.All())); err != nil {
						fail("Collect: %v", err)
					}
				default:
					e, ok := tl.Event(accession)
					if !ok || e.Title != tAccession {
						fail("Event(accession) = %v, %v", e, ok)
					}
					for range tl.Scan(timeline.Involving("Trump")) {
					}
					tl.Gaps(timeline.Query{})
				}
			}
		})
	}

	writing.Wait()
	done.Store(true)
	wg.Wait()
	t.Logf("%d reads", reads.Load())

	// What is left: the seed, and every third writer event, moved.
	assert.Equal(t, 15+writers*((rounds+2)/3), tl.Len())
	assert.Equal(t, writers*((rounds+2)/3), tl.Count(timeline.WithTag("written")))
	assert.Equal(t, 0, tl.Count(timeline.And(timeline.WithTag("written"), timeline.WithActor("Trump"))))
	assert.NoError(t, checkSorted(slices.Collect(tl.All())))
	checkSelect(t, tl, timeline.WithTag("written"), titles(tl.Scan(timeline.WithTag("written"))))
}

func TestSequencesReadWhenRanged(t *testing.T) {
	tl := seedTimeline(t)
	// Sequences made before the changes read the timeline when a loop
	// ranges over them, as the documentation says.
	all := tl.All()
	backward := tl.Backward()
	kz := tl.Select(timeline.WithActor("Kasachstan"))
	inexact := tl.Select(timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host)))
	assert.Equal(t, seedOrder, titles(all))

	require.Equal(t, 1, tl.Remove(seedID(t, tAccession)))
	mustAdd(t, tl, statement("2025-11-06", event.Occurred, seed.Kazakhstan, "Kasachstan spricht"))
	v := seedEvent(t, tVisit)
	v.Participants = []event.Participation{{Actor: seed.Tokayev, Role: event.Guest}, {Actor: seed.US, Role: event.Host}}
	require.NoError(t, tl.Replace(v))

	assert.NotContains(t, titles(all), tAccession)
	assert.Contains(t, titles(all), "Kasachstan spricht")
	assert.Equal(t, reversed(titles(all)), titles(backward))
	assert.Contains(t, titles(kz), "Kasachstan spricht")
	assert.Equal(t, []string{tSummit, tDinner, tCeremony}, titles(inexact))
}

func TestLoopSeesTimelineAsItStarted(t *testing.T) {
	tl := seedTimeline(t)
	var seen []string
	for e := range tl.All() {
		if e.Title == tRelations {
			// Writes during the loop are not seen by it.
			require.Equal(t, 1, tl.Remove(seedID(t, tAccession)))
			mustAdd(t, tl, statement("2025-11-06", event.Occurred, seed.Kazakhstan, "Kasachstan spricht"))
		}
		seen = append(seen, e.Title)
	}
	assert.Equal(t, seedOrder, seen)
	assert.NotContains(t, titles(tl.All()), tAccession)
}

func TestReturnedEventsAreCopies(t *testing.T) {
	// Changing what the timeline hands out changes neither its events nor
	// what its indexes answer.
	tl := seedTimeline(t)
	before := snapshot(tl)
	for e := range tl.All() {
		e.Title = "changed"
		e.Tags = append(e.Tags[:0:0], "x")
		if len(e.Participants) > 0 {
			e.Participants[0].Actor = "nobody"
		}
		if len(e.Sources) > 0 {
			e.Sources[0].Publisher = "nobody"
			if len(e.Sources[0].Quotes) > 0 {
				e.Sources[0].Quotes[0].Text = "changed"
			}
		}
		for k := range e.Titles {
			e.Titles[k] = "geändert"
		}
		if e.Place.Coordinates != nil {
			e.Place.Coordinates.Lat = 0
		}
	}
	e, _ := tl.First(timeline.Query{})
	e.Title = "changed"
	got, _ := tl.Event(e.ID)
	got.Title = "changed"
	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByDay) {
		g.Events[0].Title = "changed"
	}
	for _, r := range tl.Related(seedID(t, tAnnouncement)) {
		r.Other.Title = "changed"
	}
	assert.Equal(t, before, snapshot(tl))
	assert.Zero(t, tl.Count(timeline.WithText("changed")), "the word index is not corrupted")
	assert.Zero(t, tl.Count(timeline.WithPublisher("nobody")))
	assert.Equal(t, kzEvents, titles(tl.Select(timeline.WithActor("Kasachstan"))))
	assert.Equal(t, 1, tl.Count(timeline.WithText("Netanjahu")))

	// An append to a copy's slice cannot reach another copy's elements.
	var prev []event.Event
	for e := range tl.All() {
		prev = append(prev, e)
	}
	for i := range prev {
		_ = append(prev[i].Tags, "spill")
		_ = append(prev[i].Participants, event.Participation{Actor: "spill"})
	}
	for i := range prev {
		assert.NotContains(t, prev[i].Tags, "spill")
		for _, p := range prev[i].Participants {
			assert.NotEqual(t, event.ActorID("spill"), p.Actor)
		}
	}
}

// withTimeout fails the test when f does not return in time: a deadlock.
func withTimeout(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("deadlock: the loop did not finish")
	}
}

// TestWhereMayWrite checks that the functions of Where run outside the
// timeline's lock, with indexed parts beside them: one that writes to the
// timeline would otherwise wait for itself.
func TestWhereMayWrite(t *testing.T) {
	tl := seedTimeline(t)
	writes := 0
	q := timeline.And(timeline.WithActor("Kasachstan"), timeline.Not(timeline.WithTag("written")),
		timeline.Where(func(e *event.Event) bool {
			writes++
			if _, err := tl.Add(writerEvent(1, writes)); err != nil {
				t.Error(err)
			}
			return true
		}))
	withTimeout(t, func() {
		assert.Len(t, slices.Collect(tl.Select(q)), len(kzEvents))
		assert.Equal(t, len(kzEvents), tl.Count(q))
		assert.Equal(t, len(kzEvents), tl.Collect(q).Len())
		assert.NotEmpty(t, tl.Group(q, timeline.GroupByDay))
		assert.NotEmpty(t, tl.Gaps(q))
		_, ok := tl.First(q)
		assert.True(t, ok)
	})
	assert.Positive(t, writes)
	assert.Equal(t, 15+writes, tl.Len())
}

func TestWritingWhileRanging(t *testing.T) {
	tl := seedTimeline(t)
	var seen []string
	withTimeout(t, func() {
		i := 0
		for e := range tl.All() {
			seen = append(seen, e.Title)
			// Write while the loop holds the iterator.
			if _, err := tl.Add(writerEvent(0, i)); err != nil {
				t.Error(err)
			}
			if i%2 == 0 {
				tl.Remove(e.ID)
			} else {
				c := e.Clone()
				c.Tags = append(c.Tags, "seen")
				if err := tl.Replace(c); err != nil {
					t.Error(err)
				}
			}
			// And read in between.
			tl.Related(e.ID)
			tl.Group(timeline.WithActor("Trump"), timeline.GroupByCountry)
			tl.Count(timeline.WithText("Kasachstan"))
			i++
		}
	})
	assert.Equal(t, seedOrder, seen, "the loop sees the events as they were, and not its own changes")
	assert.Equal(t, 15+15-8, tl.Len())
	assert.Equal(t, 7, tl.Count(timeline.WithTag("seen")))
	assert.Equal(t, 15, tl.Count(timeline.WithTag("written")))

	// Nested loops over the same timeline, writing from the inner one.
	tl = seedTimeline(t)
	n := 0
	withTimeout(t, func() {
		for e := range tl.Select(timeline.WithActor("Kasachstan")) {
			for f := range tl.SelectBackward(timeline.WithActor("Kasachstan")) {
				n++
				if f.ID == e.ID {
					tl.Remove(f.ID)
				}
			}
		}
	})
	assert.Equal(t, len(kzEvents)*len(kzEvents)-len(kzEvents)*(len(kzEvents)-1)/2, n,
		"each inner loop sees the events left when it started")
	assert.Equal(t, 0, tl.Count(timeline.WithActor("Kasachstan")))

	// Groups and gaps iterate too.
	tl = seedTimeline(t)
	withTimeout(t, func() {
		for _, g := range tl.Group(timeline.Query{}, timeline.GroupByDay) {
			for _, e := range g.Events {
				tl.Remove(e.ID)
			}
		}
		for _, g := range tl.Gaps(timeline.Query{}) {
			tl.Remove(g.After.ID)
		}
	})
	assert.Equal(t, 0, tl.Len())
}

func TestConcurrentMergingAdds(t *testing.T) {
	// Many goroutines report the same events from different sources: the
	// result is the union of all reports, whatever the interleaving.
	tl := actorsTimeline(t)
	const reporters = 16
	var wg sync.WaitGroup
	for r := range reporters {
		wg.Go(func() {
			for i := range 20 {
				e := phoneCall(fmt.Sprintf("2025-11-%02d", 1+i), seed.Trump, seed.Tokayev)
				e.Sources = []event.Source{source(fmt.Sprintf("Reporter %02d", r))}
				e.Tags = []string{fmt.Sprintf("r%02d", r)}
				if _, err := tl.Add(e); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	require.Equal(t, 20, tl.Len())
	for e := range tl.All() {
		assert.Len(t, e.Sources, reporters, e.Title)
		assert.Len(t, e.Tags, reporters, e.Title)
	}
	for r := range reporters {
		assert.Equal(t, 20, tl.Count(timeline.WithPublisher(fmt.Sprintf("Reporter %02d", r))))
	}
}

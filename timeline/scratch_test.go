package timeline_test

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
)

// TestEachAsSelect: Each yields the events Select does, in the same order,
// and whole.
func TestEachAsSelect(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 3, Events: 3000})
	tl := timeline.New("", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	for _, q := range []timeline.Query{
		{},
		timeline.WithActor(string(actors[0].ID)),
		timeline.Overlaps(event.InMonth(1985, time.June)),
		timeline.Where(func(e *event.Event) bool { return len(e.Sources) > 1 }),
		timeline.WithKind(event.Kinds()[3]),
	} {
		var got []event.Event
		for e := range tl.Each(q) {
			got = append(got, e.Clone())
		}
		want := slices.Collect(tl.Select(q))
		require.Equal(t, len(want), len(got))
		for i := range want {
			require.Equal(t, want[i], got[i], "event %d", i)
		}
	}
}

// TestEachReusesOneCopy: the event Each yields is a copy, reused for the
// next: changing it changes neither the timeline nor its indexes.
func TestEachReusesOneCopy(t *testing.T) {
	tl := seedTimeline(t)
	before := snapshot(tl)
	var first *event.Event
	for e := range tl.Each(timeline.Query{}) {
		if first == nil {
			first = e
		}
		assert.Same(t, first, e, "one copy, reused")
		e.Title = "changed"
		e.Tags = append(e.Tags, "x")
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
		for k := range e.Instrument.Names {
			e.Instrument.Names[k] = "geändert"
		}
		if e.Place.Coordinates != nil {
			e.Place.Coordinates.Lat = 0
		}
	}
	assert.Equal(t, before, snapshot(tl))
	assert.Zero(t, tl.Count(timeline.WithText("changed")), "the word index is not corrupted")
	assert.Zero(t, tl.Count(timeline.WithPublisher("nobody")))
}

// TestEachActorAsActors: EachActor yields what Actors does, in the same
// order, after every kind of change to the actors (the order is kept
// between changes and made again after one).
func TestEachActorAsActors(t *testing.T) {
	actors, _ := synth.Generate(synth.Config{Seed: 3, Events: 100})
	tl := timeline.New("", "")
	check := func(step string) {
		t.Helper()
		var got []event.Actor
		for a := range tl.EachActor() {
			got = append(got, a.Clone())
		}
		want := slices.Collect(tl.Actors())
		require.Equal(t, want, got, step)
		require.True(t, slices.IsSortedFunc(want, func(a, b event.Actor) int { return cmp.Compare(a.ID, b.ID) }), step)
		require.Len(t, want, tl.NumActors(), step)
	}
	check("empty")
	require.NoError(t, tl.AddActors(actors[len(actors)/2:]...))
	check("half added")
	require.NoError(t, tl.AddActors(actors[:len(actors)/2]...))
	check("all added")
	renamed := actors[7].Clone()
	renamed.Name = "Renamed"
	require.NoError(t, tl.PutActor(renamed))
	check("one replaced")
	got, _ := tl.Actor(renamed.ID)
	require.Equal(t, "Renamed", got.Name)
	require.Equal(t, "Renamed", collectNames(tl)[renamed.ID])
	removed, err := tl.RemoveActor(actors[3].ID)
	require.NoError(t, err)
	require.True(t, removed)
	check("one removed")
	require.NotContains(t, collectNames(tl), actors[3].ID)
}

func collectNames(tl *timeline.Timeline) map[event.ActorID]string {
	m := map[event.ActorID]string{}
	for a := range tl.EachActor() {
		m[a.ID] = a.Name
	}
	return m
}

// TestEachActorReusesOneCopy: the actor EachActor yields is a copy, reused
// for the next: changing it changes neither the timeline nor what Actors
// and ResolveActor give.
func TestEachActorReusesOneCopy(t *testing.T) {
	tl := seedTimeline(t)
	before := slices.Collect(tl.Actors())
	require.NotEmpty(t, before)
	var first *event.Actor
	for a := range tl.EachActor() {
		if first == nil {
			first = a
		}
		assert.Same(t, first, a, "one copy, reused")
		a.Name = "changed"
		a.Aliases = append(a.Aliases, "changed")
		for k := range a.Names {
			a.Names[k] = "geändert"
		}
		if len(a.History) > 0 {
			a.History[0].Text = "changed"
		}
		if len(a.Offices) > 0 {
			a.Offices[0].Title = "changed"
		}
	}
	assert.Equal(t, before, slices.Collect(tl.Actors()))
	assert.Empty(t, tl.ResolveActor("changed"))
	assert.Empty(t, tl.ResolveActor("geändert"))
}

// TestEachActorSeesTheTimelineAsTheLoopStarts: actors put while a loop
// ranges are not in that loop, and the loop can put them without
// deadlock.
func TestEachActorSeesTheTimelineAsTheLoopStarts(t *testing.T) {
	tl := seedTimeline(t)
	n := tl.NumActors()
	seen := 0
	for a := range tl.EachActor() {
		seen++
		b := a.Clone()
		b.ID += "-copy"
		require.NoError(t, tl.PutActor(b))
	}
	assert.Equal(t, n, seen)
	assert.Equal(t, 2*n, tl.NumActors())
}

// TestEachActorWhileActorsChange: readers ranging over the actors while a
// writer puts new ones see, each loop, a sorted set of at least the
// actors there were when it started (run with -race: readers make the
// order while others read it).
func TestEachActorWhileActorsChange(t *testing.T) {
	actors, _ := synth.Generate(synth.Config{Seed: 5, Events: 100})
	actors = actors[:400]
	tl := timeline.New("", "")
	require.NoError(t, tl.AddActors(actors[:10]...))
	var wg sync.WaitGroup
	var done atomic.Bool
	wg.Go(func() {
		defer done.Store(true)
		for _, a := range actors[10:] {
			if err := tl.PutActor(a); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for range 3 {
		wg.Go(func() {
			for !done.Load() {
				before := tl.NumActors()
				var ids []event.ActorID
				for a := range tl.EachActor() {
					ids = append(ids, a.ID)
				}
				if !slices.IsSorted(ids) || len(ids) < before {
					t.Errorf("a loop saw %d actors (%d before), sorted %t", len(ids), before, slices.IsSorted(ids))
					return
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, len(actors), len(slices.Collect(tl.EachActor())))
}

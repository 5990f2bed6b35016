package timeline_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

// eachTitle returns the titles a snapshot's Each yields.
func eachTitle(s *timeline.Snapshot) []string {
	var out []string
	for e := range s.Each() {
		out = append(out, e.Title)
	}
	return out
}

// TestSnapshotStaysAsTaken changes the timeline in every way after taking
// snapshots, of all events and of a query answered by an index and a
// test, and reads them before and after.
func TestSnapshotStaysAsTaken(t *testing.T) {
	tl := seedTimeline(t)
	all := tl.Snapshot(timeline.Query{})
	inexact := tl.Snapshot(timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host)))
	wantInexact := titles(tl.Select(timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host))))
	require.NotEmpty(t, wantInexact)

	require.Equal(t, 1, tl.Remove(seedID(t, tAccession)))
	mustAdd(t, tl, statement("2025-11-06", event.Occurred, seed.Trump, "Trump spricht"))
	v := seedEvent(t, tVisit)
	v.Title = "changed"
	require.NoError(t, tl.Replace(v))

	for range 2 { // read twice: the same each time
		assert.Equal(t, seedOrder, titles(all.All()))
		assert.Equal(t, seedOrder, eachTitle(all))
		assert.Equal(t, len(seedOrder), all.Len())
		assert.Equal(t, wantInexact, titles(inexact.All()))
		assert.Equal(t, wantInexact, eachTitle(inexact))
		assert.Equal(t, len(wantInexact), inexact.Len())
	}
	assert.NotEqual(t, seedOrder, titles(tl.All()), "the timeline changed")

	// Changing what a snapshot hands out changes neither it nor the
	// timeline.
	for e := range all.Each() {
		e.Title = "scribbled"
		e.Participants = nil
	}
	for e := range all.All() {
		e.Tags = append(e.Tags[:0:0], "x")
	}
	assert.Equal(t, seedOrder, titles(all.All()))
	assert.NotContains(t, titles(tl.All()), "scribbled")
}

func TestZeroSnapshotIsEmpty(t *testing.T) {
	var s timeline.Snapshot
	assert.Equal(t, 0, s.Len())
	assert.Empty(t, titles(s.All()))
	assert.Empty(t, eachTitle(&s))
}

// TestSnapshotWhileWriting reads snapshots on several goroutines while
// another writes (run with -race).
func TestSnapshotWhileWriting(t *testing.T) {
	tl := seedTimeline(t)
	s := tl.Snapshot(timeline.WithActor("Trump"))
	want := titles(s.All())
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := range 50 {
				mustAdd(t, tl, writerEvent(w, i))
			}
		})
	}
	for range 3 {
		wg.Go(func() {
			for range 20 {
				assert.Equal(t, want, eachTitle(s))
				assert.Equal(t, len(want), s.Len())
			}
		})
	}
	wg.Wait()
	assert.Greater(t, tl.Count(timeline.WithActor("Trump")), len(want))
	assert.True(t, slices.Equal(want, titles(s.All())))
}

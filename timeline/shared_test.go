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

// derefs returns copies of the events a Shared loop yields.
func derefs(seq func(func(*event.Event) bool)) []event.Event {
	var out []event.Event
	for e := range seq {
		out = append(out, e.Clone())
	}
	return out
}

// TestSharedAsSelect checks that Shared yields what Select and Each do, for
// queries answered by an index, by a test, and by both, on the timeline and
// on a snapshot.
func TestSharedAsSelect(t *testing.T) {
	tl := seedTimeline(t)
	for _, q := range []timeline.Query{
		{},
		timeline.WithActor("Trump"),
		timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host)),
		timeline.WithText("abraham"),
		timeline.Where(func(e *event.Event) bool { return len(e.Sources) > 1 }),
		timeline.WithActor("nobody at all"),
	} {
		want := slices.Collect(tl.Select(q))
		if len(want) == 0 {
			want = nil
		}
		assert.Equal(t, want, derefs(tl.Shared(q)), "%v", q)
		assert.Equal(t, derefs(tl.Each(q)), derefs(tl.Shared(q)), "%v", q)
		assert.Equal(t, want, derefs(tl.Snapshot(q).Shared()), "%v", q)
	}
	var zero timeline.Snapshot
	assert.Empty(t, derefs(zero.Shared()))
	n := 0
	for range tl.Shared(timeline.Query{}) {
		if n++; n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n, "a loop can stop early")
}

// TestSharedStaysAsRead keeps the events Shared yields and changes the
// timeline in every way: the events kept do not change, since the timeline
// puts new events in place of those it changes.
func TestSharedStaysAsRead(t *testing.T) {
	tl := seedTimeline(t)
	var kept []*event.Event
	for e := range tl.Shared(timeline.Query{}) {
		kept = append(kept, e)
	}
	want := slices.Collect(tl.All())
	require.Len(t, kept, len(want))

	require.Equal(t, 1, tl.Remove(seedID(t, tAccession)))
	mustAdd(t, tl, statement("2025-11-06", event.Occurred, seed.Trump, "Trump spricht"))
	v := seedEvent(t, tVisit)
	v.Title = "changed"
	require.NoError(t, tl.Replace(v))
	report := seedEvent(t, tVisit)
	report.Sources = append(report.Sources, event.Source{Publisher: "Another paper", URL: "https://example.org/another"})
	report.Tags = append(report.Tags, "another-tag")
	merged, err := tl.Add(report)
	require.NoError(t, err)
	require.Len(t, merged, 1, "the report was merged into the visit")

	for i, e := range kept {
		assert.Equal(t, want[i], *e, "event %d", i)
	}
}

// TestSharedWhileWriting reads shared events on several goroutines while
// another changes the timeline (run with -race): readers and the writer
// never touch the same memory.
func TestSharedWhileWriting(t *testing.T) {
	tl := seedTimeline(t)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 50 {
				n := 0
				for e := range tl.Shared(timeline.Query{}) {
					n += len(e.Title) + len(e.Participants) + len(e.Sources) + len(e.Tags)
				}
				assert.Positive(t, n)
			}
		})
	}
	wg.Go(func() {
		for i := range 50 {
			v := seedEvent(t, tVisit)
			v.Title = "changed " + string(rune('a'+i%26))
			assert.NoError(t, tl.Replace(v))
		}
	})
	wg.Wait()
}

package timeline_test

import (
	"slices"
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

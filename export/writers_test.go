package export_test

import (
	"bytes"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

// writers are every writer of package export, each with the options that
// make it write the most.
var writers = []struct {
	name string
	fn   func(io.Writer, *timeline.Timeline) error
}{
	{"json", func(w io.Writer, tl *timeline.Timeline) error { _, err := jsondoc.Encode(w, tl, nil); return err }},
	{"jsonlines", func(w io.Writer, tl *timeline.Timeline) error { _, err := jsondoc.EncodeLines(w, tl, nil); return err }},
	{"ical", func(w io.Writer, tl *timeline.Timeline) error {
		// A fixed DTSTAMP, so that two runs write the same bytes.
		now := func() time.Time { return time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC) }
		_, err := ical.Encode(w, tl, &ical.Options{Lossless: true, Now: now})
		return err
	}},
	{"html", func(w io.Writer, tl *timeline.Timeline) error { _, err := htmlpage.Encode(w, tl, nil); return err }},
	{"svg", func(w io.Writer, tl *timeline.Timeline) error { _, err := htmlpage.EncodeSVG(w, tl, nil); return err }},
	{"csv", func(w io.Writer, tl *timeline.Timeline) error { _, err := csvfile.Encode(w, tl, nil); return err }},
	{"markdown", func(w io.Writer, tl *timeline.Timeline) error { _, err := markdown.Encode(w, tl, nil); return err }},
	{"timelinejs", func(w io.Writer, tl *timeline.Timeline) error { _, err := timelinejs.Encode(w, tl, nil); return err }},
	{"parquet", func(w io.Writer, tl *timeline.Timeline) error { _, err := parquet.Encode(w, tl, nil); return err }},
}

// TestWritersOnlyRead runs every writer twice at once on one timeline, as
// a server answering requests for several formats would, and checks that
// the timeline is as it was, its events' lists in the order given. The writers read the timeline's own events
// (Timeline.Shared): under -race, a writer that changed one would race
// with its twin, and otherwise leave the timeline changed.
func TestWritersOnlyRead(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 7, Events: 400})
	for i := range events {
		// Out of any order a writer might sort them into in place.
		slices.Reverse(events[i].Tags)
		slices.Reverse(events[i].Participants)
		slices.Reverse(events[i].Sources)
	}
	tl := timeline.New("Synthetic", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	before := slices.Collect(tl.All())

	outputs := make([][2][]byte, len(writers))
	var wg sync.WaitGroup
	for i, w := range writers {
		for twin := range 2 {
			wg.Go(func() {
				var buf bytes.Buffer
				assert.NoError(t, w.fn(&buf, tl), w.name)
				outputs[i][twin] = buf.Bytes()
			})
		}
	}
	wg.Wait()
	assert.Equal(t, before, slices.Collect(tl.All()), "the writers changed the timeline")
	for i, w := range writers {
		assert.NotEmpty(t, outputs[i][0], w.name)
		assert.True(t, bytes.Equal(outputs[i][0], outputs[i][1]), "%s wrote two different outputs", w.name)
	}
}

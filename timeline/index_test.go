package timeline

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
)

// sameLists checks that two maps of lists hold the same entries under the
// same keys.
func sameLists[K comparable](t *testing.T, name string, got, want postings[K]) {
	t.Helper()
	require.Equal(t, len(want), len(got), "%s: keys", name)
	for k, w := range want {
		require.Equal(t, w.flat(), got[k].flat(), "%s[%v]", name, k)
	}
}

// checkIndex checks every lookup of ix against one built afresh from its
// order, and the order against Compare.
func checkIndex(t *testing.T, ix *index) {
	t.Helper()
	order := slices.Clone(ix.order.flat())
	require.True(t, slices.IsSortedFunc(order, compareEntries), "order")
	for i := 1; i < len(order); i++ {
		require.Negative(t, Compare(order[i-1].ev, order[i].ev), "order at %d", i)
	}
	fresh := newIndex(ix.max)
	fresh.update(nil, order)
	require.Equal(t, len(fresh.byID), len(ix.byID), "byID")
	for id, e := range fresh.byID {
		require.Same(t, e, ix.byID[id], "byID[%s]", id)
	}
	k, f := &ix.keys, &fresh.keys
	sameLists(t, "actor", k.actor, f.actor)
	sameLists(t, "role", k.role, f.role)
	sameLists(t, "kind", k.kind, f.kind)
	sameLists(t, "status", k.status, f.status)
	sameLists(t, "instrument", k.instrument, f.instrument)
	sameLists(t, "instrumentName", k.instrumentName, f.instrumentName)
	sameLists(t, "tag", k.tag, f.tag)
	sameLists(t, "lang", k.lang, f.lang)
	sameLists(t, "publisher", k.publisher, f.publisher)
	sameLists(t, "linkedFrom", k.linkedFrom, f.linkedFrom)
	sameLists(t, "words", ix.words, fresh.words)
	for i := range ix.dates.spans {
		require.Equal(t, fresh.dates.spans[i].flat(), ix.dates.spans[i].flat(), "span %d", i)
	}
	require.Equal(t, fresh.dates.undated.flat(), ix.dates.undated.flat(), "undated")
}

// TestLargeWritesKeepIndexes writes to a timeline of thousands of events
// in large and small batches, which take the parallel and the merging
// paths, and checks that every lookup is what building it afresh gives
// and that indexed queries answer as scans.
func TestLargeWritesKeepIndexes(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 7, Events: 12_000})
	for _, chunk := range []int{0, 64} {
		tl := &Timeline{chunk: maxChunk(chunk)}
		require.NoError(t, tl.AddActors(actors...))
		for _, b := range [][2]int{{0, 5000}, {5000, 5001}, {5001, 9000}, {9000, 12_000}, {2000, 5000}} {
			_, err := tl.Add(events[b[0]:b[1]]...)
			require.NoError(t, err)
		}
		checkIndex(t, tl.ix)

		var gone []uuid.UUID
		for _, e := range events[100:2600] {
			gone = append(gone, e.ID)
		}
		require.Equal(t, 2500, tl.Remove(gone...))
		for _, e := range events[3000:3010] {
			e.Date = event.OnDay(1999, time.December, 31)
			e.Status = event.Occurred
			e.Tags = append(slices.Clone(e.Tags), "changed")
			require.NoError(t, tl.Replace(e))
		}
		require.Equal(t, 1, tl.Remove(events[4000].ID))
		require.Equal(t, 12_000-2501, tl.Len())
		checkIndex(t, tl.ix)

		state := ""
		for a := range tl.Actors() {
			if a.Type == event.State {
				state = string(a.ID)
				break
			}
		}
		for _, q := range []Query{
			WithKind(event.StateVisit), WithCountry(state), Involving(state),
			And(WithKind(event.StateVisit), WithCountry(state)),
			Or(WithTag("changed"), WithStatus(event.Cancelled), Within(event.InYear(1990))),
			Within(event.InMonth(1985, time.June)), Overlaps(event.InMonth(1985, time.June)),
			And(Within(event.InYear(1999)), WithText("visit")), WithText("state visit"),
			WithSourceLang("de"), And(WithRole(event.Host), Not(WithStatus(event.Occurred))),
		} {
			require.Equal(t, slices.Collect(tl.Scan(q)), slices.Collect(tl.Select(q)))
			require.Equal(t, count(tl.Scan(q)), tl.Count(q))
		}
	}
}

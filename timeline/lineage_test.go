package timeline_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// lineageTimeline holds relations of the United States with the Soviet
// Union, Russia, Czechoslovakia and its successors, and a visit of a
// Soviet leader.
func lineageTimeline(t testing.TB) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Lineage", "")
	require.NoError(t, tl.AddActors(
		event.Actor{ID: "US", Type: event.State, Name: "United States", Country: "US"},
		event.Actor{ID: "SU", Type: event.State, Name: "Soviet Union", Country: "SU", Aliases: []string{"U.S.S.R."},
			Period: event.MustParseDate("1922-12-30/1991-12-26")},
		event.Actor{ID: "RU", Type: event.State, Name: "Russia", Country: "RU", Period: event.MustParseDate("1991-12-25/.."),
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
		event.Actor{ID: "CS", Type: event.State, Name: "Czechoslovakia", Country: "CS"},
		event.Actor{ID: "CZ", Type: event.State, Name: "Czechia", Country: "CZ",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
		event.Actor{ID: "SK", Type: event.State, Name: "Slovakia", Country: "SK",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
		event.Actor{ID: "mikhail-gorbachev", Type: event.Person, Name: "Mikhail Gorbachev", Country: "SU"},
	))
	relations := func(other event.ActorID, year int, kind event.Kind) event.Event {
		return event.Event{Kind: kind, Status: event.Occurred, Title: fmt.Sprintf("%s %s %d", other, kind, year),
			Date: event.InYear(year), Participants: []event.Participation{{Actor: "US", Role: event.Party}, {Actor: other, Role: event.Party}}}
	}
	_, err := tl.Add(
		relations("SU", 1933, event.RelationsEstablished),
		relations("RU", 1991, event.RelationsEstablished),
		relations("CS", 1919, event.RelationsEstablished),
		relations("CZ", 1993, event.RelationsEstablished),
		relations("SK", 1993, event.RelationsEstablished),
		event.Event{Kind: event.StateVisit, Status: event.Occurred, Title: "Gorbachev in Washington",
			Date:         event.MustParseDate("1987-12-08/1987-12-10"),
			Participants: []event.Participation{{Actor: "mikhail-gorbachev", Role: event.Guest}, {Actor: "US", Role: event.Host}}},
	)
	require.NoError(t, err)
	return tl
}

func lineageTitles(tl *timeline.Timeline, q timeline.Query) []string { return titles(tl.Select(q)) }

func TestWithCountryLineage(t *testing.T) {
	tl := lineageTimeline(t)
	assert.Equal(t, []string{"RU relations-established 1991"}, lineageTitles(tl, timeline.WithCountry("Russia")))
	assert.Equal(t, []string{"SU relations-established 1933", "Gorbachev in Washington", "RU relations-established 1991"},
		lineageTitles(tl, timeline.WithCountryLineage("Russia")))
	assert.Equal(t, lineageTitles(tl, timeline.WithCountryLineage("Russia")), lineageTitles(tl, timeline.WithCountryLineage("RU")))
	assert.Equal(t, []string{"CS relations-established 1919", "SK relations-established 1993"},
		lineageTitles(tl, timeline.WithCountryLineage("Slovakia")))
	assert.Equal(t, []string{"SU relations-established 1933", "Gorbachev in Washington"},
		lineageTitles(tl, timeline.WithCountryLineage("U.S.S.R.")), "a lineage runs backwards only")
	assert.Empty(t, lineageTitles(tl, timeline.WithCountryLineage("Atlantis")))

	// The same with and without indexes: And with a Where forces a scan
	// of the candidates, Not a full scan.
	all := lineageTitles(tl, timeline.Query{})
	not := lineageTitles(tl, timeline.Not(timeline.WithCountryLineage("Russia")))
	assert.Len(t, not, len(all)-3)

	// A lineage changes with the actors, when the query runs.
	ru, _ := tl.Actor("RU")
	ru.Predecessors = nil
	require.NoError(t, tl.PutActor(ru))
	assert.Equal(t, []string{"RU relations-established 1991"}, lineageTitles(tl, timeline.WithCountryLineage("Russia")))
}

func TestCheckWithCountryLineage(t *testing.T) {
	tl := lineageTimeline(t)
	assert.NoError(t, tl.Check(timeline.WithCountryLineage("Russia")))
	err := tl.Check(timeline.And(timeline.WithCountryLineage("Rusia")))
	require.Error(t, err)
	var une *timeline.UnknownNameError
	require.True(t, errors.As(err, &une))
	assert.Contains(t, err.Error(), "And[0].WithCountryLineage")
	assert.Contains(t, une.Suggestions, "Russia")
}

func TestTimelineLineageLookups(t *testing.T) {
	tl := lineageTimeline(t)
	assert.Equal(t, []event.Succession{{Actor: "RU", Kind: event.Continuation}}, tl.Successors("SU"))
	assert.Equal(t, []event.ActorID{"CZ", "CS"}, tl.Lineage("CZ"))
	assert.Equal(t, []event.ActorID{"SU"}, tl.ResolveActorAt("U.S.S.R.", event.InYear(1980)))
	assert.Empty(t, tl.ResolveActorAt("Russia", event.InYear(1980)))
	assert.True(t, slices.Equal([]event.ActorID{"RU"}, tl.ResolveActorAt("Russia", event.InYear(1995))))
}

// The history of relations with Russia includes those with the Soviet
// Union, which Russia continues.
func ExampleWithCountryLineage() {
	tl := timeline.New("Relations", "")
	err := tl.AddActors(
		event.Actor{ID: "US", Type: event.State, Name: "United States", Country: "US"},
		event.Actor{ID: "SU", Type: event.State, Name: "Soviet Union", Country: "SU",
			Period: event.MustParseDate("1922-12-30/1991-12-26")},
		event.Actor{ID: "RU", Type: event.State, Name: "Russia", Country: "RU",
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
	)
	if err != nil {
		panic(err)
	}
	_, err = tl.Add(
		event.Event{Kind: event.RelationsEstablished, Status: event.Occurred, Title: "Relations with the Soviet Union",
			Date: event.InYear(1933), Participants: []event.Participation{{Actor: "US", Role: event.Party}, {Actor: "SU", Role: event.Party}}},
		event.Event{Kind: event.RelationsEstablished, Status: event.Occurred, Title: "Relations with the Russian Federation",
			Date: event.MustParseDate("1991-12-26"), Participants: []event.Participation{{Actor: "US", Role: event.Party}, {Actor: "RU", Role: event.Party}}},
	)
	if err != nil {
		panic(err)
	}
	for e := range tl.Select(timeline.WithCountryLineage("Russia")) {
		fmt.Println(e.Date, e.Title)
	}
	// Output:
	// 1933 Relations with the Soviet Union
	// 1991-12-26 Relations with the Russian Federation
}

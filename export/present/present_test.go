package present_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

func TestDate(t *testing.T) {
	for in, want := range map[string]string{
		"1992":                 "1992",
		"2025-11":              "November 2025",
		"2025-11-06":           "6 November 2025",
		"2001-21":              "Spring 2001",
		"2026-05~":             "about May 2026",
		"2025-11-06?":          "6 November 2025?",
		"2025-11-06%":          "about 6 November 2025?",
		"2025-11-06/..":        "From 6 November 2025",
		"2025-11-07/":          "From 7 November 2025, end unknown",
		"../1985":              "Until 1985",
		"/1985":                "Until 1985, start unknown",
		"../..":                "Date unknown",
		"2025-11-07/2026-05~":  "7 November 2025 – about May 2026",
		"-0043":                "44 BCE",
		"0000":                 "1 BCE",
		"201X":                 "2010–2019",
		"2025-11-06T18:00:00Z": "6 November 2025, 18:00",
		"2025-11-06T18:00:30Z": "6 November 2025, 18:00:30",
		"2025-11-06T18:00:00Z/2025-11-06T23:59:00Z": "6 November 2025, 18:00–23:59",
	} {
		assert.Equal(t, want, present.Date(event.MustParseDate(in)), in)
	}
	assert.Empty(t, present.Date(event.Date{}))
}

func TestHeadingAndSection(t *testing.T) {
	tests := []struct {
		date, wording        string
		year, month, heading string
		onDay                bool
	}{
		{"2025-11-06", "Thursday", "2025", "November 2025", "Thursday, 6 November 2025", true},
		{"2025-11-06T20:00:00-05:00", "", "2025", "November 2025", "Thursday, 6 November 2025", true},
		{"2025-11-06?", "", "2025", "November 2025", "Thursday, 6 November 2025", true},
		{"2025-11-06/..", "soon", "2025", "Over more than a month", "From 6 November 2025 — soon", false},
		{"2025-11", "in November 2025", "2025", "November 2025", "in November 2025", false},
		{"2025-11", "november 2025", "2025", "November 2025", "November 2025", false},
		{"1992", "since 1992", "1992", "Over more than a month", "since 1992", false},
		{"1992", "for decades", "1992", "Over more than a month", "1992 — for decades", false},
		{"../1985", "", "1985", "Over more than a month", "Until 1985", false},
		{"", "some day", "Undated", "Without a known date", "some day", false},
		{"", "", "Undated", "Without a known date", "Date unknown", false},
		{"../..", "", "Undated", "Without a known date", "Date unknown", false},
	}
	for _, tt := range tests {
		var d event.Date
		if tt.date != "" {
			d = event.MustParseDate(tt.date)
		}
		s := present.SectionOf(d, tt.wording)
		assert.Equal(t, tt.year, s.Year, tt.date)
		assert.Equal(t, tt.month, s.Month, tt.date)
		assert.Equal(t, tt.heading, s.Heading, tt.date)
		assert.Equal(t, tt.onDay, s.OnDay, tt.date)
	}
}

func TestSmallPieces(t *testing.T) {
	assert.Equal(t, "Announced", present.Status(event.Announced))
	assert.Equal(t, "All Israel: Title", present.SourceLabel(event.Source{Publisher: "All Israel", Title: "Title"}))
	assert.Equal(t, "example.org", present.SourceLabel(event.Source{URL: "https://example.org/a/b"}))
	assert.Equal(t, "", present.SourceLabel(event.Source{URL: "javascript:alert(1)"}))
	assert.Equal(t, "East Room, White House, Washington, D.C., US",
		present.Place(event.Place{Name: "White House", Venue: "East Room", City: "Washington, D.C.", Country: "US"}))
	assert.Equal(t, []string{"one", "two", "three"}, present.Paragraphs(" one \r\n\r\ntwo\rthree\n"))
	assert.Equal(t, "Thursday, 6 November 2025", present.LongDay(event.DayOf(2025, 11, 6)))

	s, dropped := present.Clean("a\x07b\uFFFEc\xffd\te\nf")
	assert.True(t, dropped)
	assert.Equal(t, "abcd\te\nf", s)
	s, dropped = present.Clean("Kasachstan \uFFFD")
	assert.False(t, dropped)
	assert.Equal(t, "Kasachstan \uFFFD", s)
}

func TestNamesAndCleanTimeline(t *testing.T) {
	tl := timeline.New("T\x00itle", "ok")
	assert.NoError(t, tl.AddActors(seed.Actors()...))
	names := present.NewNames(tl)
	assert.Equal(t, "Kazakhstan", names.Name(seed.Kazakhstan, event.Date{}))
	assert.Equal(t, "nobody", names.Name("nobody", event.Date{}), "an unknown actor by its ID")
	var zero present.Names
	assert.Equal(t, "KZ", zero.Name("KZ", event.Date{}))

	var rep export.Report
	title, desc := present.CleanTimeline(tl, &rep)
	assert.Equal(t, "Title", title)
	assert.Equal(t, "ok", desc)
	assert.Equal(t, 1, rep.Count(export.Dropped))
	assert.Equal(t, "dropped timeline title: characters the format cannot carry", rep.Notes[0].String())
}

func TestNamesOfTheTime(t *testing.T) {
	tl := timeline.New("T", "")
	require.NoError(t, tl.AddActors(
		event.Actor{ID: "russia", Type: event.State, Name: "Russia", Country: "RU",
			History: []event.Name{{Text: "U.S.S.R.", Period: event.MustParseDate("1922-12-30/1991-12-25")}}},
		event.Actor{ID: "SU", Type: event.State, Name: "Soviet Union", Country: "SU",
			Period: event.MustParseDate("1922-12-30/1991-12-26")},
		event.Actor{ID: "RU", Type: event.State, Name: "Russian Federation", Country: "RU",
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
		event.Actor{ID: "CS", Type: event.State, Name: "Czechoslovakia", Country: "CS",
			Period: event.MustParseDate("1918/1992")},
		event.Actor{ID: "CZ", Type: event.State, Name: "Czechia", Country: "CZ",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
		event.Actor{ID: "SK", Type: event.State, Name: "Slovakia", Country: "SK",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
	))
	names := present.NewNames(tl)
	d1985, d1995 := event.InYear(1985), event.InYear(1995)
	assert.Equal(t, "U.S.S.R.", names.Name("russia", d1985))
	assert.Equal(t, "Russia", names.Name("russia", d1995))
	assert.Equal(t, "Russia", names.Name("russia", event.Date{}))
	assert.Equal(t, "U.S.S.R. (now Russia)", names.Label("russia", d1985))
	assert.Equal(t, "Russia", names.Label("russia", d1995))

	assert.Equal(t, "Soviet Union (now Russian Federation)", names.Label("SU", d1985), "the continuing state")
	assert.Equal(t, "Czechoslovakia", names.Label("CS", d1985), "dissolved: no one state is it now")
	assert.Equal(t, "nobody", names.Label("nobody", d1985))
	var zero present.Names
	assert.Equal(t, "KZ", zero.Label("KZ", d1985))
}

// TestNamesLookedUpOrReadAll: a Names that has read all the actors in one
// loop (after lookupsBeforeAll lookups) names every actor as one that
// looks each up alone, for actors with names through time, ended actors
// with a continuing state, a succession that runs in a circle, and IDs the
// timeline lacks.
func TestNamesLookedUpOrReadAll(t *testing.T) {
	tl := timeline.New("T", "")
	var ids []event.ActorID
	for i := range 300 {
		id := event.ActorID(fmt.Sprintf("S%03d", i))
		a := event.Actor{ID: id, Type: event.State, Country: "ZZ", Name: fmt.Sprintf("State %d", i)}
		switch i % 5 {
		case 1:
			a.History = []event.Name{{Text: fmt.Sprintf("Old %d", i), Period: event.MustParseDate("1950/1979")}}
		case 2:
			a.Period = event.MustParseDate("1950/1990")
			a.Predecessors = []event.Succession{{Actor: id + "x", Kind: event.Continuation}}
		case 3:
			a.Period = event.MustParseDate("1950/1990")
		}
		require.NoError(t, tl.AddActors(a))
		ids = append(ids, id)
		if i%5 == 3 {
			// An heir that continues the ended state, and is itself
			// continued by it: a circle, which lint reports, but which
			// must not hang a writer.
			heir := event.Actor{ID: id + "h", Type: event.State, Country: "ZZ", Name: fmt.Sprintf("Heir %d", i),
				Period:       event.MustParseDate("1990/1991"),
				Predecessors: []event.Succession{{Actor: id, Kind: event.Continuation}}}
			require.NoError(t, tl.AddActors(heir))
			back := a
			back.Predecessors = []event.Succession{{Actor: heir.ID, Kind: event.Continuation}}
			require.NoError(t, tl.PutActor(back))
			ids = append(ids, heir.ID)
		}
	}
	ids = append(ids, "nobody", "S000x")
	dates := []event.Date{{}, event.InYear(1960), event.InYear(1985), event.InYear(2000)}
	shared := present.NewNames(tl)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		for _, id := range ids {
			for _, d := range dates {
				alone := present.NewNames(tl)
				require.Equal(t, alone.Label(id, d), shared.Label(id, d), "%s at %s", id, d)
				require.Equal(t, alone.Name(id, d), shared.Name(id, d), "%s at %s", id, d)
				require.Equal(t, alone.Country(id), shared.Country(id), "%s", id)
			}
		}
	}
	assert.Equal(t, "Old 1 (now State 1)", shared.Label("S001", event.InYear(1960)))
	assert.Equal(t, "State 3 (now Heir 3)", shared.Label("S003", event.InYear(1960)))
	assert.Equal(t, "ZZ", shared.Country("S001"))
	assert.Empty(t, shared.Country("nobody"))
}

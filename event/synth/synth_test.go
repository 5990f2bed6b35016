package synth_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
)

func directory(t testing.TB, actors []event.Actor) *event.Directory {
	t.Helper()
	var d event.Directory
	for _, a := range actors {
		assert.NoError(t, d.AddActors(a), "actor %s", a.ID)
	}
	return &d
}

// assertSame asserts that got is reflect.DeepEqual to want. Unlike
// assert.Equal on the whole slices, it does not print thousands of actors
// or events: it shows the first element that differs.
func assertSame[T any](t *testing.T, want, got []T, msg string) bool {
	t.Helper()
	if reflect.DeepEqual(want, got) {
		return true
	}
	if len(want) != len(got) {
		return assert.Equal(t, len(want), len(got), "%s: number of elements", msg)
	}
	for i := range want {
		if !reflect.DeepEqual(want[i], got[i]) {
			return assert.Equal(t, want[i], got[i], "%s: first difference at %d", msg, i)
		}
	}
	return assert.Equal(t, want, got, msg) // nil and empty
}

func TestDeterministic(t *testing.T) {
	cfg := synth.Config{Seed: 42, Events: 5000}
	a1, e1 := synth.Generate(cfg)
	a2, e2 := synth.Generate(cfg)
	assertSame(t, a1, a2, "two runs give different actors")
	assertSame(t, e1, e2, "two runs give different events")
	j1, err := json.Marshal(e1)
	require.NoError(t, err)
	j2, _ := json.Marshal(e2)
	assert.True(t, bytes.Equal(j1, j2), "two runs give different JSON")
	assertSame(t, a1, synth.Actors(cfg), "Actors differs from Generate's actors")
	assertSame(t, e1, slices.Collect(synth.Events(cfg)), "Events differs from Generate's events")

	_, other := synth.Generate(synth.Config{Seed: 43, Events: 100})
	assert.NotEqual(t, e1[:100], other, "seeds 42 and 43 give the same events")
}

func TestPrefix(t *testing.T) {
	short := slices.Collect(synth.Events(synth.Config{Seed: 7, Events: 1000}))
	seq := synth.Events(synth.Config{Seed: 7, Events: 3000})
	long := slices.Collect(seq)
	require.Equal(t, 1000, len(short), "events of a run of 1000")
	require.Equal(t, 3000, len(long), "events of a run of 3000")
	assertSame(t, short, long[:1000], "the first 1000 of 3000 events differ from a run of 1000")
	// Ranging again starts afresh; stopping early is allowed.
	n := 0
	for e := range seq {
		require.Equal(t, long[n], e, "second range differs at event %d", n)
		if n++; n == 10 {
			break
		}
	}
}

func TestActors(t *testing.T) {
	actors := synth.Actors(synth.Config{Seed: 1})
	d := directory(t, actors)
	count := map[event.ActorType]int{}
	perState := map[string]int{}
	nonASCII := map[string]bool{}
	for _, a := range actors {
		count[a.Type]++
		switch a.Type {
		case event.State:
			assert.Equal(t, string(a.ID), a.Country, "state %s: country", a.ID)
			assert.True(t, event.ValidCountry(a.Country), "state %s has country %q", a.ID, a.Country)
			assert.NotEmpty(t, a.Names["de"], "state %s has no German name", a.ID)
			for tag, n := range a.Names {
				if !isASCII(n) {
					nonASCII[tag] = true
				}
			}
		case event.Person:
			_, ok := d.Actor(event.ActorID(a.Country))
			assert.True(t, ok, "person %s has unknown country %q", a.ID, a.Country)
			assert.Equal(t, strings.ToLower(string(a.ID)), string(a.ID), "person ID %s is not kebab-case", a.ID)
			perState[a.Country]++
		case event.Organization:
			assert.Empty(t, a.Country, "organization %s has a country", a.ID)
		case event.Body:
			assert.NotEmpty(t, a.Country, "body %s has no country", a.ID)
		}
	}
	assert.Equal(t, 200, count[event.State], "states among actor counts %v", count)
	assert.Equal(t, 5000, count[event.Person], "persons among actor counts %v", count)
	assert.Equal(t, 40, count[event.Organization], "organizations among actor counts %v", count)
	assert.NotZero(t, count[event.Body], "bodies among actor counts %v", count)
	for _, tag := range []string{"de", "fr", "ru", "ar"} {
		assert.True(t, nonASCII[tag], "no state name in %q has non-ASCII letters", tag)
	}
	most := 0
	for _, n := range perState {
		most = max(most, n)
	}
	assert.Equal(t, 200, len(perState), "states with persons; want all 200")
	assert.GreaterOrEqual(t, most, 100, "at most %d persons in one state; want a skew", most)
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestEvents checks the events of a 20k run: each is valid, IDs are unique,
// links point back, and every kind, precision and form of date occurs.
// notGenerated are the kinds the generator leaves out, so that its data
// stays what it was before they were added.
var notGenerated = []event.Kind{event.UnofficialVisit, event.PrivateVisit, event.RelationsResumed,
	event.RecognitionWithdrawn, event.EnvoyAppointed, event.CredentialsPresented}

func TestEvents(t *testing.T) {
	const n = 20_000
	actors, events := synth.Generate(synth.Config{Seed: 2025, Events: n})
	require.Equal(t, n, len(events), "number of events")
	d := directory(t, actors)
	span, err := event.Between(event.InYear(1946), event.InYear(2025))
	require.NoError(t, err)

	ids := make(map[uuid.UUID]int, n)
	kinds := map[event.Kind]int{}
	statuses := map[event.Status]int{}
	precisions := map[event.Precision]int{}
	starts, ends := map[event.Bound]int{}, map[event.Bound]int{}
	quals := map[event.Qualifier]int{}
	links := map[event.LinkType]int{}
	langs := map[string]int{}
	var zero, zoned, utc, offset, local, interval, titled, coords int
	failures := 0
	for i, e := range events {
		if !assert.NoError(t, e.Validate(d), "event %d (%s %s %q)", i, e.Kind, e.Status, e.Date) {
			failures++
		}
		assert.NotEqual(t, uuid.Nil, e.ID, "event %d has no ID", i)
		j, dup := ids[e.ID]
		assert.False(t, dup, "events %d and %d have the same ID %s", j, i, e.ID)
		ids[e.ID] = i
		for _, l := range e.Links {
			links[l.Type]++
			j, ok := ids[l.Target]
			assert.True(t, ok && j < i, "event %d links to %s, which is not an earlier event", i, l.Target)
		}
		k := len(e.Actors())
		assert.True(t, k >= 1 && k <= 6, "event %d has %d actors, want 1 to 6", i, k)
		k = len(e.Sources)
		assert.True(t, k >= 1 && k <= 3, "event %d has %d sources, want 1 to 3", i, k)
		for _, s := range e.Sources {
			langs[s.Lang]++
			assert.True(t, strings.HasPrefix(s.URL, "https://"), "event %d: source URL %q", i, s.URL)
			assert.True(t, s.Published.Within(span), "event %d: published %s, outside 1946–2025", i, s.Published)
		}
		kinds[e.Kind]++
		statuses[e.Status]++
		if e.Titles["de"] != "" {
			titled++
		}
		if e.Place.Coordinates != nil {
			coords++
		}

		dt := e.Date
		if dt.IsZero() {
			zero++
			assert.NotEqual(t, event.Occurred, e.Status, "event %d occurred without a date", i)
			continue
		}
		precisions[dt.Precision()]++
		starts[dt.StartBound()]++
		ends[dt.EndBound()]++
		quals[dt.Qualifier()]++
		if dt.IsInterval() {
			interval++
		}
		if dt.Bounded() {
			assert.True(t, dt.Within(span), "event %d: date %s falls outside 1946–2025", i, dt)
		} else {
			assert.NotEqual(t, event.Occurred, e.Status, "event %d occurred with an unbounded date %s", i, dt)
		}
		s := dt.Start().String()
		switch {
		case dt.Zone() != "":
			zoned++
		case strings.HasSuffix(strings.TrimRight(s, "?~%"), "Z"):
			utc++
		case strings.Contains(s, "T") && (strings.Contains(s[10:], "+") || strings.Contains(s[10:], "-")):
			offset++
		case strings.Contains(s, "T"):
			local++
		}
	}
	assert.Zero(t, failures, "%d of %d events are not valid", failures, n)

	for _, k := range event.Kinds() {
		if slices.Contains(notGenerated, k) {
			assert.Zero(t, kinds[k], "kind %s is not generated", k)
			continue
		}
		assert.NotZero(t, kinds[k], "no event of kind %s", k)
	}
	for _, s := range []event.Status{event.Planned, event.Announced, event.Occurred, event.Cancelled, event.Postponed} {
		assert.NotZero(t, statuses[s], "no event with status %s", s)
	}
	assert.GreaterOrEqual(t, statuses[event.Occurred], n*3/4, "%d of %d events occurred, want most", statuses[event.Occurred], n)
	for p := event.PrecisionDecade; p <= event.PrecisionSecond; p++ {
		assert.NotZero(t, precisions[p], "no date of precision %s", p)
	}
	assert.GreaterOrEqual(t, precisions[event.PrecisionDay], n/2, "%d dates of precision day, want most", precisions[event.PrecisionDay])
	for _, b := range []event.Bound{event.BoundOpen, event.BoundUnknown} {
		assert.NotZero(t, starts[b], "bound %d: %d starts and %d ends, want some of each", b, starts[b], ends[b])
		assert.NotZero(t, ends[b], "bound %d: %d starts and %d ends, want some of each", b, starts[b], ends[b])
	}
	for _, q := range []event.Qualifier{event.Uncertain, event.Approximate, event.Uncertain | event.Approximate} {
		assert.NotZero(t, quals[q], "no date qualified %q", q)
	}
	for _, l := range event.LinkTypes() {
		assert.NotZero(t, links[l], "no link of type %s", l)
	}
	for _, l := range []string{"en", "de", "fr", "ru", "ar", "es", "zh-Hant"} {
		assert.NotZero(t, langs[l], "no source in %s", l)
	}
	counts := map[string]int{"zero date": zero, "zone name": zoned, "UTC time": utc, "offset time": offset,
		"local time": local, "interval": interval, "German title": titled, "coordinates": coords}
	for _, what := range slices.Sorted(func(yield func(string) bool) {
		for k := range counts {
			if !yield(k) {
				return
			}
		}
	}) {
		assert.NotZero(t, counts[what], "no event with a %s", what)
	}
}

// TestConfigs checks configurations far from the defaults: the fewest
// actors the kinds need, and the most states with fewer persons than
// states.
func TestConfigs(t *testing.T) {
	for _, tc := range []struct {
		cfg    synth.Config
		states int
	}{
		{synth.Config{Seed: 5, Events: 3000, States: 1, Persons: 1, Organizations: 1, Instruments: 1}, 8},
		{synth.Config{Seed: 6, Events: 3000, States: 1000, Persons: 300, Organizations: 3, Instruments: 2}, synth.MaxStates},
	} {
		actors, events := synth.Generate(tc.cfg)
		d := directory(t, actors)
		states := 0
		for _, a := range actors {
			if a.Type == event.State {
				states++
			}
		}
		assert.Equal(t, tc.states, states, "%+v: states", tc.cfg)
		ids := make(map[uuid.UUID]bool, len(events))
		for i, e := range events {
			assert.NoError(t, e.Validate(d), "%+v: event %d (%s)", tc.cfg, i, e.Kind)
			assert.False(t, ids[e.ID], "%+v: event %d repeats ID %s", tc.cfg, i, e.ID)
			ids[e.ID] = true
		}
	}
}

// TestRoundTrip checks that every generated date reads back from its text
// form, and every event from its JSON.
func TestRoundTrip(t *testing.T) {
	_, events := synth.Generate(synth.Config{Seed: 9, Events: 5000})
	for i, e := range events {
		if e.Date.IsZero() {
			continue
		}
		s := e.Date.String()
		d, err := event.ParseDate(s)
		if assert.NoError(t, err, "event %d: ParseDate(%q)", i, s) {
			assert.Equal(t, e.Date, d, "event %d: ParseDate(%q) = %q, not the same date", i, s, d)
		}
	}
	b, err := json.Marshal(events)
	require.NoError(t, err)
	var back []event.Event
	require.NoError(t, json.Unmarshal(b, &back))
	for i := range events {
		assert.Equal(t, events[i], back[i], "event %d changes in a JSON round trip", i)
	}
}

// TestMix logs the mix of kinds, statuses and precisions of 100k events;
// run with -v to see it.
func TestMix(t *testing.T) {
	if testing.Short() {
		t.Skip("100k events")
	}
	const n = 100_000
	kinds := map[event.Kind]int{}
	statuses := map[event.Status]int{}
	precisions := map[event.Precision]int{}
	var intervals, open, unknown, qualified int
	for e := range synth.Events(synth.Config{Seed: 1, Events: n}) {
		kinds[e.Kind]++
		statuses[e.Status]++
		precisions[e.Date.Precision()]++
		if e.Date.IsInterval() {
			intervals++
		}
		if e.Date.StartBound() == event.BoundOpen || e.Date.EndBound() == event.BoundOpen {
			open++
		}
		if e.Date.StartBound() == event.BoundUnknown || e.Date.EndBound() == event.BoundUnknown {
			unknown++
		}
		if e.Date.Qualifier() != 0 {
			qualified++
		}
	}
	pct := func(k int) string { return fmt.Sprintf("%5.2f%%", 100*float64(k)/n) }
	var b strings.Builder
	fmt.Fprintf(&b, "mix of %d events\nkinds:\n", n)
	for _, k := range event.Kinds() {
		fmt.Fprintf(&b, "  %-28s %s\n", k, pct(kinds[k]))
	}
	b.WriteString("statuses:\n")
	for s := event.Planned; s <= event.Postponed; s++ {
		fmt.Fprintf(&b, "  %-28s %s\n", s, pct(statuses[s]))
	}
	b.WriteString("precisions:\n")
	for p := event.PrecisionNone; p <= event.PrecisionSecond; p++ {
		fmt.Fprintf(&b, "  %-28s %s\n", p, pct(precisions[p]))
	}
	fmt.Fprintf(&b, "intervals %s, open ends %s, unknown ends %s, qualified %s",
		pct(intervals), pct(open), pct(unknown), pct(qualified))
	t.Log(b.String())
}

// BenchmarkEvents generates 100k events per operation, and reports the
// time and allocations per event.
func BenchmarkEvents(b *testing.B) {
	const n = 100_000
	cfg := synth.Config{Seed: 1, Events: n}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	b.ReportAllocs()
	count := 0
	for b.Loop() {
		for e := range synth.Events(cfg) {
			count += len(e.Participants)
		}
	}
	runtime.ReadMemStats(&ms1)
	events := float64(b.N) * n
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/events, "ns/event")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/events, "allocs/event")
	b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/events, "B/event")
	require.NotZero(b, count, "no participants")
}

func ExampleGenerate() {
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: 1000})
	var dir event.Directory
	for _, a := range actors {
		if err := dir.AddActors(a); err != nil {
			panic(err)
		}
	}
	valid := 0
	for _, e := range events {
		if err := e.Validate(&dir); err == nil {
			valid++
		} else if list := (event.ErrorList{}); errors.As(err, &list) {
			fmt.Println(list)
		}
	}
	fmt.Println(len(actors), "actors")
	fmt.Println(valid, "of", len(events), "events valid")
	// Output:
	// 5507 actors
	// 1000 of 1000 events valid
}

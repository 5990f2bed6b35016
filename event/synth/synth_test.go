package synth_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
)

func directory(t testing.TB, actors []event.Actor) *event.Directory {
	t.Helper()
	var d event.Directory
	for _, a := range actors {
		if err := d.Add(a); err != nil {
			t.Errorf("actor %s: %v", a.ID, err)
		}
	}
	return &d
}

func TestDeterministic(t *testing.T) {
	cfg := synth.Config{Seed: 42, Events: 5000}
	a1, e1 := synth.Generate(cfg)
	a2, e2 := synth.Generate(cfg)
	if !reflect.DeepEqual(a1, a2) {
		t.Error("two runs give different actors")
	}
	if !reflect.DeepEqual(e1, e2) {
		t.Error("two runs give different events")
	}
	j1, err := json.Marshal(e1)
	if err != nil {
		t.Fatal(err)
	}
	j2, _ := json.Marshal(e2)
	if string(j1) != string(j2) {
		t.Error("two runs give different JSON")
	}
	if !reflect.DeepEqual(synth.Actors(cfg), a1) {
		t.Error("Actors differs from Generate's actors")
	}
	e3 := slices.Collect(synth.Events(cfg))
	if !reflect.DeepEqual(e3, e1) {
		t.Error("Events differs from Generate's events")
	}

	_, other := synth.Generate(synth.Config{Seed: 43, Events: 100})
	if reflect.DeepEqual(other, e1[:100]) {
		t.Error("seeds 42 and 43 give the same events")
	}
}

func TestPrefix(t *testing.T) {
	short := slices.Collect(synth.Events(synth.Config{Seed: 7, Events: 1000}))
	seq := synth.Events(synth.Config{Seed: 7, Events: 3000})
	long := slices.Collect(seq)
	if len(short) != 1000 || len(long) != 3000 {
		t.Fatalf("got %d and %d events, want 1000 and 3000", len(short), len(long))
	}
	if !reflect.DeepEqual(short, long[:1000]) {
		t.Error("the first 1000 of 3000 events differ from a run of 1000")
	}
	// Ranging again starts afresh; stopping early is allowed.
	n := 0
	for e := range seq {
		if !reflect.DeepEqual(e, long[n]) {
			t.Fatalf("second range differs at event %d", n)
		}
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
			if a.Country != string(a.ID) || !event.ValidCountry(a.Country) {
				t.Errorf("state %s has country %q", a.ID, a.Country)
			}
			if a.Names["de"] == "" {
				t.Errorf("state %s has no German name", a.ID)
			}
			for tag, n := range a.Names {
				if !isASCII(n) {
					nonASCII[tag] = true
				}
			}
		case event.Person:
			if _, ok := d.Actor(event.ActorID(a.Country)); !ok {
				t.Errorf("person %s has unknown country %q", a.ID, a.Country)
			}
			if strings.ToLower(string(a.ID)) != string(a.ID) {
				t.Errorf("person ID %s is not kebab-case", a.ID)
			}
			perState[a.Country]++
		case event.Organization:
			if a.Country != "" {
				t.Errorf("organization %s has country %q", a.ID, a.Country)
			}
		case event.Body:
			if a.Country == "" {
				t.Errorf("body %s has no country", a.ID)
			}
		}
	}
	if count[event.State] != 200 || count[event.Person] != 5000 || count[event.Organization] != 40 || count[event.Body] == 0 {
		t.Errorf("actor counts %v, want 200 states, 5000 persons, 40 organizations and some bodies", count)
	}
	for _, tag := range []string{"de", "fr", "ru", "ar"} {
		if !nonASCII[tag] {
			t.Errorf("no state name in %q has non-ASCII letters", tag)
		}
	}
	most := 0
	for _, n := range perState {
		most = max(most, n)
	}
	if len(perState) != 200 || most < 100 {
		t.Errorf("persons in %d states, at most %d in one; want all 200 states and a skew", len(perState), most)
	}
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
func TestEvents(t *testing.T) {
	const n = 20_000
	actors, events := synth.Generate(synth.Config{Seed: 2025, Events: n})
	if len(events) != n {
		t.Fatalf("got %d events, want %d", len(events), n)
	}
	d := directory(t, actors)
	first, last := event.Day(1946, time.January, 1).Earliest(), event.Day(2025, time.December, 31).Latest()

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
		if err := e.Validate(d); err != nil {
			failures++
			t.Errorf("event %d (%s %s %q): %v", i, e.Kind, e.Status, e.Date, err)
		}
		if e.ID == uuid.Nil {
			t.Errorf("event %d has no ID", i)
		}
		if j, dup := ids[e.ID]; dup {
			t.Errorf("events %d and %d have the same ID %s", j, i, e.ID)
		}
		ids[e.ID] = i
		for _, l := range e.Links {
			links[l.Type]++
			if j, ok := ids[l.Target]; !ok || j >= i {
				t.Errorf("event %d links to %s, which is not an earlier event", i, l.Target)
			}
		}
		if k := len(e.Actors()); k < 1 || k > 6 {
			t.Errorf("event %d has %d actors, want 1 to 6", i, k)
		}
		if k := len(e.Sources); k < 1 || k > 3 {
			t.Errorf("event %d has %d sources, want 1 to 3", i, k)
		}
		for _, s := range e.Sources {
			langs[s.Lang]++
			if !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("event %d: source URL %q", i, s.URL)
			}
			if !s.Published.Within(first, last) {
				t.Errorf("event %d: published %s, outside 1946–2025", i, s.Published)
			}
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
			if e.Status == event.Occurred {
				t.Errorf("event %d occurred without a date", i)
			}
			continue
		}
		precisions[dt.Precision()]++
		starts[dt.StartBound()]++
		ends[dt.EndBound()]++
		quals[dt.Qualifier()]++
		if dt.IsInterval() {
			interval++
		}
		if dt.Bounded() && !dt.Within(first, last) {
			t.Errorf("event %d: date %s falls outside 1946–2025", i, dt)
		}
		if !dt.Bounded() && e.Status == event.Occurred {
			t.Errorf("event %d occurred with an unbounded date %s", i, dt)
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
	if failures > 0 {
		t.Errorf("%d of %d events are not valid", failures, n)
	}

	for _, k := range event.Kinds() {
		if kinds[k] == 0 {
			t.Errorf("no event of kind %s", k)
		}
	}
	for _, s := range []event.Status{event.Planned, event.Announced, event.Occurred, event.Cancelled, event.Postponed} {
		if statuses[s] == 0 {
			t.Errorf("no event with status %s", s)
		}
	}
	if statuses[event.Occurred] < n*3/4 {
		t.Errorf("%d of %d events occurred, want most", statuses[event.Occurred], n)
	}
	for p := event.PrecisionDecade; p <= event.PrecisionSecond; p++ {
		if precisions[p] == 0 {
			t.Errorf("no date of precision %s", p)
		}
	}
	if precisions[event.PrecisionDay] < n/2 {
		t.Errorf("%d dates of precision day, want most", precisions[event.PrecisionDay])
	}
	for _, b := range []event.Bound{event.BoundOpen, event.BoundUnknown} {
		if starts[b] == 0 || ends[b] == 0 {
			t.Errorf("bound %d: %d starts and %d ends, want some of each", b, starts[b], ends[b])
		}
	}
	for _, q := range []event.Qualifier{event.Uncertain, event.Approximate, event.Uncertain | event.Approximate} {
		if quals[q] == 0 {
			t.Errorf("no date qualified %q", q)
		}
	}
	for _, l := range event.LinkTypes() {
		if links[l] == 0 {
			t.Errorf("no link of type %s", l)
		}
	}
	for _, l := range []string{"en", "de", "fr", "ru", "ar", "es", "zh-Hant"} {
		if langs[l] == 0 {
			t.Errorf("no source in %s", l)
		}
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
		if counts[what] == 0 {
			t.Errorf("no event with a %s", what)
		}
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
		if states != tc.states {
			t.Errorf("%+v: %d states, want %d", tc.cfg, states, tc.states)
		}
		ids := make(map[uuid.UUID]bool, len(events))
		for i, e := range events {
			if err := e.Validate(d); err != nil {
				t.Errorf("%+v: event %d (%s): %v", tc.cfg, i, e.Kind, err)
			}
			if ids[e.ID] {
				t.Errorf("%+v: event %d repeats ID %s", tc.cfg, i, e.ID)
			}
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
		if err != nil {
			t.Errorf("event %d: ParseDate(%q): %v", i, s, err)
		} else if d != e.Date {
			t.Errorf("event %d: ParseDate(%q) = %q, not the same date", i, s, d)
		}
	}
	b, err := json.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	var back []event.Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for i := range events {
		if !reflect.DeepEqual(events[i], back[i]) {
			t.Errorf("event %d changes in a JSON round trip", i)
		}
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
	if count == 0 {
		b.Fatal("no participants")
	}
}

func ExampleGenerate() {
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: 1000})
	var dir event.Directory
	for _, a := range actors {
		if err := dir.Add(a); err != nil {
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

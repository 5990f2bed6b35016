package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// propConfig is a small synthetic world, so that names, tags and
// instruments recur among a few dozen events.
var propConfig = synth.Config{Seed: 11, Events: 3000, States: 12, Persons: 40, Organizations: 3, Instruments: 5}

// world is what the generators draw from: the actors and a pool of
// events of propConfig, and the names, words and values in them.
type world struct {
	actors     []event.Actor
	events     []event.Event
	names      []string // actor IDs, names, aliases, codes, and unknown names
	instrument []string
	tags       []string
	publishers []string
	langs      []string
	words      []string
}

func newWorld() *world {
	actors, events := synth.Generate(propConfig)
	addLineage(actors)
	w := &world{actors: actors, events: events}
	add := func(list *[]string, s string) {
		if s != "" && !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, a := range actors {
		add(&w.names, string(a.ID))
		add(&w.names, a.Country)
		for _, n := range a.AllNames() {
			add(&w.names, n)
		}
	}
	w.names = append(w.names, "nobody", "", "ZZ", "Kasachstan")
	for i := range events {
		e := &events[i]
		add(&w.instrument, e.Instrument.ID)
		add(&w.instrument, e.Instrument.Name)
		for _, n := range e.Instrument.Names {
			add(&w.instrument, n)
		}
		for _, tag := range e.Tags {
			add(&w.tags, tag)
		}
		for _, s := range e.Sources {
			add(&w.publishers, s.Publisher)
			add(&w.langs, s.Lang)
			for _, q := range s.Quotes {
				add(&w.langs, q.Lang)
			}
		}
		if i < 300 {
			for _, word := range timeline.Words(e) {
				add(&w.words, word)
			}
		}
	}
	w.instrument = append(w.instrument, "no-such-treaty", "")
	w.tags = append(w.tags, "no-such-tag")
	w.publishers = append(w.publishers, "No Such Paper", "")
	w.langs = append(w.langs, "", "d", "zz", "EN", "de-AT")
	w.words = append(w.words, "zzyzx", "1992", "")
	return w
}

// addLineage gives some of the states a history the queries must follow:
// the second continues the first, the fourth unites the third and the
// fifth, the sixth continues the fourth (a chain), and the first bore
// another name before 1960.
func addLineage(actors []event.Actor) {
	var states []*event.Actor
	for i := range actors {
		if actors[i].Type == event.State {
			states = append(states, &actors[i])
		}
	}
	succeed := func(a, pred *event.Actor, k event.SuccessionKind) {
		a.Predecessors = append(a.Predecessors, event.Succession{Actor: pred.ID, Kind: k})
	}
	succeed(states[1], states[0], event.Continuation)
	succeed(states[3], states[2], event.Unification)
	succeed(states[3], states[4], event.Unification)
	succeed(states[5], states[3], event.Continuation)
	states[0].History = append(states[0].History, event.Name{Text: "Old " + states[0].Name, Period: event.Until(event.InYear(1959))})
	states[0].History = append(states[0].History, event.Name{Text: "Alt " + states[0].Name, Lang: "de", Period: event.Until(event.InYear(1959))})
}

// vary changes the case, and sometimes the accents and spaces, of a name:
// queries ignore them.
func vary(t *rapid.T, s string) string {
	switch rapid.IntRange(0, 4).Draw(t, "vary") {
	case 1:
		return strings.ToUpper(s)
	case 2:
		return strings.ToLower(s)
	case 3:
		return " " + strings.ReplaceAll(s, " ", "  ") + " "
	case 4:
		return strings.NewReplacer("a", "á", "o", "ö", "u", "ü").Replace(s)
	}
	return s
}

func (w *world) genPeriod(t *rapid.T) event.Date {
	year := rapid.IntRange(1940, 2030).Draw(t, "year")
	month := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
	day := rapid.IntRange(1, 28).Draw(t, "day")
	switch rapid.IntRange(0, 9).Draw(t, "period") {
	case 0:
		return event.InYear(year)
	case 1:
		return event.InMonth(year, month)
	case 2:
		return event.OnDay(year, month, day)
	case 3:
		d, err := event.Between(event.InYear(year), event.InYear(year+rapid.IntRange(0, 15).Draw(t, "years")))
		if err != nil {
			t.Fatal(err)
		}
		return d
	case 4:
		return event.From(event.OnDay(year, month, day))
	case 5:
		return event.Until(event.InMonth(year, month))
	case 6:
		return event.Date{}
	case 7:
		return event.InYear(-6000) // before the first day PostgreSQL holds
	case 8:
		d, err := event.ParseDate("../-6000")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// The date of an event: the same range.
	return rapid.SampledFrom(w.events[:300]).Draw(t, "event").Date
}

func (w *world) genLeaf(t *rapid.T) timeline.Query {
	name := func() string { return vary(t, rapid.SampledFrom(w.names).Draw(t, "name")) }
	switch rapid.IntRange(0, 18).Draw(t, "leaf") {
	case 0:
		return timeline.WithKind(rapid.SliceOfNDistinct(rapid.SampledFrom(event.Kinds()), 0, 4, rapid.ID).Draw(t, "kinds")...)
	case 1:
		return timeline.WithCategory(event.Category(rapid.IntRange(1, 5).Draw(t, "category")))
	case 2:
		return timeline.WithStatus(rapid.SliceOfNDistinct(rapid.SampledFrom(event.Statuses()), 0, 3, rapid.ID).Draw(t, "statuses")...)
	case 3:
		return timeline.WithActor(name())
	case 4:
		return timeline.WithActorIn(name(), rapid.SampledFrom(event.Roles()).Draw(t, "role"))
	case 5:
		return timeline.WithCountry(name())
	case 6:
		return timeline.Involving(name())
	case 7:
		return timeline.WithRole(rapid.SampledFrom(event.Roles()).Draw(t, "role"))
	case 8:
		return timeline.WithInstrument(vary(t, rapid.SampledFrom(w.instrument).Draw(t, "instrument")))
	case 9:
		return timeline.WithTag(vary(t, rapid.SampledFrom(w.tags).Draw(t, "tag")))
	case 10:
		return timeline.WithSourceLang(rapid.SampledFrom(w.langs).Draw(t, "lang"))
	case 11:
		return timeline.WithPublisher(vary(t, rapid.SampledFrom(w.publishers).Draw(t, "publisher")))
	case 12:
		words := rapid.SliceOfN(rapid.SampledFrom(w.words), 0, 3).Draw(t, "words")
		return timeline.WithText(vary(t, strings.Join(words, " ")))
	case 13, 14:
		return timeline.Within(w.genPeriod(t))
	case 15, 16:
		return timeline.Overlaps(w.genPeriod(t))
	case 17:
		return timeline.WithCountryLineage(name())
	}
	// Where: the part of a query no database evaluates.
	n := rapid.IntRange(0, 3).Draw(t, "where")
	return timeline.Where(func(e *event.Event) bool { return (len(e.Title)+len(e.Participants))%4 != n })
}

func (w *world) genQuery(t *rapid.T, depth int) timeline.Query {
	if depth == 0 || rapid.IntRange(0, 2).Draw(t, "composite") > 0 {
		return w.genLeaf(t)
	}
	subs := func() []timeline.Query {
		var out []timeline.Query
		for range rapid.IntRange(0, 3).Draw(t, "subs") {
			out = append(out, w.genQuery(t, depth-1))
		}
		return out
	}
	switch rapid.IntRange(0, 2).Draw(t, "op") {
	case 0:
		return timeline.And(subs()...)
	case 1:
		return timeline.Or(subs()...)
	}
	return timeline.Not(w.genQuery(t, depth-1))
}

// genReport returns another report of e: the same facts in other words,
// with another tag or source, which merge with it.
func (w *world) genReport(t *rapid.T, e event.Event) event.Event {
	r := e.Clone()
	r.Sources = nil
	if rapid.Bool().Draw(t, "retitle") {
		r.Title = e.Title + " (" + rapid.SampledFrom(w.words).Draw(t, "word") + ")"
	}
	if rapid.Bool().Draw(t, "tag") {
		tag := rapid.SampledFrom(w.tags).Draw(t, "tag")
		if !slices.Contains(r.Tags, tag) {
			r.Tags = append(r.Tags, tag)
		}
	}
	if rapid.Bool().Draw(t, "source") {
		r.Sources = append(r.Sources, rapid.SampledFrom(w.events).Draw(t, "other").Sources...)
	}
	if rapid.IntRange(0, 9).Draw(t, "conflict") == 0 {
		r.Status = rapid.SampledFrom(event.Statuses()).Draw(t, "status")
	}
	return r
}

// mirror is an in-memory timeline and a PostgreSQL one that must agree.
type mirror struct {
	ctx context.Context
	mem *timeline.Timeline
	pg  *postgres.Timeline
}

func (m *mirror) add(t *rapid.T, events []event.Event) {
	want, werr := m.mem.Add(events...)
	got, gerr := m.pg.Add(m.ctx, events...)
	if werr != nil || gerr != nil {
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Fatalf("Add: memory says %v, PostgreSQL %v", werr, gerr)
		}
		return
	}
	require.Equal(t, want, got, "merges")
}

func (m *mirror) check(t *rapid.T, q timeline.Query, what string) {
	want := slices.Collect(m.mem.Select(q))
	var got []event.Event
	for e, err := range m.pg.Select(m.ctx, q) {
		require.NoError(t, err, what)
		got = append(got, e)
	}
	if !slices.EqualFunc(want, got, func(a, b event.Event) bool { return a.ID == b.ID }) {
		t.Fatalf("%s: %v\nmemory:     %s\npostgres:   %s", what, describe(q), ids(want), ids(got))
	}
	require.Equal(t, want, got, "%s: whole events", what)
	require.Equal(t, fmt.Sprint(m.mem.Check(q)), fmt.Sprint(m.pg.Check(m.ctx, q)), "%s: Check", what)
	n, err := m.pg.Count(m.ctx, q)
	require.NoError(t, err)
	require.Equal(t, len(want), n, "%s: Count", what)
}

func ids(events []event.Event) string {
	var b strings.Builder
	for _, e := range events {
		fmt.Fprintf(&b, "%s(%s) ", e.ID.String()[:8], e.Date)
	}
	return b.String()
}

// describe prints a query for a failure message.
func describe(q timeline.Query) string {
	switch q.Op() {
	case timeline.OpAnd, timeline.OpOr, timeline.OpNot:
		var parts []string
		for _, s := range q.Subs() {
			parts = append(parts, describe(s))
		}
		return q.Op().String() + "(" + strings.Join(parts, ", ") + ")"
	case timeline.OpKind:
		return fmt.Sprint(q.Op(), q.Kinds())
	case timeline.OpStatus:
		return fmt.Sprint(q.Op(), q.Statuses())
	case timeline.OpWithin, timeline.OpOverlaps:
		return fmt.Sprintf("%s(%s)", q.Op(), q.Period())
	case timeline.OpRole:
		return fmt.Sprintf("%s(%s)", q.Op(), q.Role())
	case timeline.OpActorIn:
		return fmt.Sprintf("%s(%q, %s)", q.Op(), q.Name(), q.Role())
	}
	return fmt.Sprintf("%s(%q)", q.Op(), q.Name())
}

// TestPropertySameAsMemory adds random events, other reports of them and
// conflicting ones to a timeline in memory and one in PostgreSQL, replaces
// and removes some, and asks both random queries: they must give the same
// events in the same order.
func TestPropertySameAsMemory(t *testing.T) {
	ctx := context.Background()
	schema := newSchema(t)
	pg, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: schema})
	require.NoError(t, err)
	w := newWorld()
	require.NoError(t, pg.AddActors(ctx, w.actors...))
	// The actors come back whole, with their names through time,
	// predecessors and offices.
	var stored []event.Actor
	for a, err := range pg.Actors(ctx) {
		require.NoError(t, err)
		stored = append(stored, a)
	}
	want := slices.Clone(w.actors)
	slices.SortFunc(want, func(a, b event.Actor) int { return strings.Compare(string(a.ID), string(b.ID)) })
	require.Equal(t, want, stored)

	db := testPool(t)
	rapid.Check(t, func(t *rapid.T) {
		_, err := db.Exec(ctx, "TRUNCATE "+pgx.Identifier{schema, "events"}.Sanitize()+" CASCADE")
		require.NoError(t, err)
		m := &mirror{ctx: ctx, mem: timeline.New("", ""), pg: pg}
		require.NoError(t, m.mem.AddActors(w.actors...))

		var added []event.Event
		for range rapid.IntRange(1, 4).Draw(t, "batches") {
			var batch []event.Event
			for range rapid.IntRange(1, 25).Draw(t, "events") {
				if len(added) > 0 && rapid.IntRange(0, 4).Draw(t, "report") == 0 {
					batch = append(batch, w.genReport(t, rapid.SampledFrom(added).Draw(t, "of")))
					continue
				}
				e := rapid.SampledFrom(w.events).Draw(t, "event")
				batch = append(batch, e)
				added = append(added, e)
			}
			m.add(t, batch)
		}
		for i := range rapid.IntRange(1, 12).Draw(t, "queries") {
			m.check(t, w.genQuery(t, 3), fmt.Sprintf("query %d", i))
		}

		// Replace and remove some, then ask again.
		for range rapid.IntRange(0, 6).Draw(t, "changes") {
			all := slices.Collect(m.mem.All())
			if len(all) == 0 {
				break
			}
			e := rapid.SampledFrom(all).Draw(t, "change")
			_, v, err := m.pg.Event(ctx, e.ID)
			require.NoError(t, err)
			if rapid.Bool().Draw(t, "remove") {
				require.Equal(t, 1, m.mem.Remove(e.ID))
				require.NoError(t, m.pg.Remove(ctx, e.ID, v))
				continue
			}
			other := rapid.SampledFrom(w.events).Draw(t, "like")
			e.Date, e.DateText, e.Order = other.Date, other.DateText, other.Order
			e.Title = other.Title
			e.Tags = other.Tags
			werr := m.mem.Replace(e)
			nv, gerr := m.pg.Replace(ctx, e, v)
			if werr != nil || gerr != nil {
				require.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr))
				continue
			}
			require.Equal(t, v+1, nv)
		}
		for i := range rapid.IntRange(1, 8).Draw(t, "queries after") {
			m.check(t, w.genQuery(t, 3), fmt.Sprintf("query %d after changes", i))
		}
		m.check(t, timeline.Query{}, "all")
		n, err := m.pg.Len(ctx)
		require.NoError(t, err)
		require.Equal(t, m.mem.Len(), n)
	})
}

// TestActorHistoryAsMemory asks the PostgreSQL timeline and the one in
// memory, holding the same actors with names through time and
// predecessors, who bore each name at several dates, and the successors
// and lineage of every actor: the same answers.
func TestActorHistoryAsMemory(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: newSchema(t)})
	require.NoError(t, err)
	w := newWorld()
	require.NoError(t, pg.AddActors(ctx, w.actors...))
	mem := timeline.New("", "")
	require.NoError(t, mem.AddActors(w.actors...))

	dates := []event.Date{{}, event.InYear(1950), event.InYear(1959), event.InYear(1960), event.OnDay(2025, time.November, 6),
		event.Until(event.InYear(1900)), event.From(event.InYear(1955))}
	asked := 0
	for _, name := range w.names {
		for _, d := range dates {
			got, err := pg.ResolveActorAt(ctx, name, d)
			require.NoError(t, err)
			require.Equal(t, mem.ResolveActorAt(name, d), got, "%q at %s", name, d)
			asked += len(got)
		}
	}
	require.Positive(t, asked)
	withHistory := 0
	for _, a := range append(slices.Clone(w.actors), event.Actor{ID: "not-stored"}) {
		succ, err := pg.Successors(ctx, a.ID)
		require.NoError(t, err)
		require.Equal(t, mem.Successors(a.ID), succ, "successors of %s", a.ID)
		lin, err := pg.Lineage(ctx, a.ID)
		require.NoError(t, err)
		require.Equal(t, mem.Lineage(a.ID), lin, "lineage of %s", a.ID)
		if len(lin) > 1 {
			withHistory++
		}
	}
	require.Equal(t, 3, withHistory, "the states addLineage gave predecessors")
}

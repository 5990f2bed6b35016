package timeline_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

// phoneCall returns a valid call between actors of the seed data set.
func phoneCall(when string, actors ...event.ActorID) event.Event {
	e := event.Event{
		Kind: event.PhoneCall, Status: event.Occurred,
		Title: "Call on " + when,
		Date:  event.MustParseDate(when),
	}
	for _, a := range actors {
		e.Participants = append(e.Participants, event.Participation{Actor: a, Role: event.Participant})
	}
	return e
}

// statement returns a valid statement by an actor of the seed data set.
func statement(when string, status event.Status, speaker event.ActorID, title string) event.Event {
	e := event.Event{
		Kind: event.Statement, Status: status, Title: title,
		Participants: []event.Participation{{Actor: speaker, Role: event.Speaker}},
	}
	if when != "" {
		e.Date = event.MustParseDate(when)
	}
	return e
}

func source(publisher string, quotes ...event.Quote) event.Source {
	return event.Source{Publisher: publisher, Lang: "en", Quotes: quotes}
}

func actorsTimeline(t testing.TB) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("test", "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	return tl
}

// snapshot copies the events of a timeline, to tell whether it changed.
func snapshot(tl *timeline.Timeline) []event.Event {
	var out []event.Event
	for e := range tl.All() {
		out = append(out, e.Clone())
	}
	return out
}

func paths(err error) []string {
	var l event.ErrorList
	if !errors.As(err, &l) {
		return nil
	}
	var out []string
	for _, e := range l {
		out = append(out, e.Path)
	}
	return out
}

func TestAddAllOrNothing(t *testing.T) {
	tl := actorsTimeline(t)
	noTitle := phoneCall("2025-01-05", seed.Trump, seed.Tokayev)
	noTitle.Title = " "
	noTitle.Date = event.Date{} // an occurred event needs a date
	events := []event.Event{
		phoneCall("2025-01-01", seed.Trump, seed.Netanyahu),
		phoneCall("2025-01-02", seed.Trump, seed.Tokayev),
		phoneCall("2025-01-03", seed.Trump, "nobody"),
		phoneCall("2025-01-04", seed.Trump, seed.Herzog),
		noTitle,
	}
	_, err := tl.Add(events...)
	require.Error(t, err)
	assert.Equal(t, 0, tl.Len(), "no event is added when one is invalid")
	assert.Empty(t, titles(tl.All()))

	var list event.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Equal(t, []string{"events[2].participants[1].actor", "events[4].title", "events[4].date"}, paths(err))
	assert.ErrorIs(t, err, event.ErrUnknownActor)
	assert.ErrorIs(t, err, event.ErrRequired)
	assert.ErrorIs(t, err, event.ErrNoDate)
	var fe *event.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "events[2].participants[1].actor", fe.Path)
	assert.Equal(t, "nobody", fe.Value)
	assert.Contains(t, err.Error(), `events[2].participants[1].actor: "nobody": unknown actor`)

	// The valid events alone are added.
	mustAdd(t, tl, events[0], events[1], events[3])
	assert.Equal(t, []string{"Call on 2025-01-01", "Call on 2025-01-02", "Call on 2025-01-04"}, titles(tl.All()))
}

func TestAddRejectsUnknownActors(t *testing.T) {
	tl := actorsTimeline(t)
	quoted := statement("2025-01-01", event.Occurred, seed.Trump, "quoted")
	quoted.Sources = []event.Source{source("Reuters", event.Quote{Text: "words", Speaker: "ghost"})}
	tests := []struct {
		name string
		e    event.Event
		path string
	}{
		{"participant", phoneCall("2025-01-01", seed.Trump, "ghost"), "events[0].participants[1].actor"},
		{"speaker", quoted, "events[0].sources[0].quotes[0].speaker"},
	}
	for _, tt := range tests {
		_, err := tl.Add(tt.e)
		assert.ErrorIs(t, err, event.ErrUnknownActor, tt.name)
		assert.Equal(t, []string{tt.path}, paths(err), tt.name)
	}
	assert.Equal(t, 0, tl.Len())

	// A zero timeline knows no actors at all.
	var zero timeline.Timeline
	_, err := zero.Add(phoneCall("2025-01-01", seed.Trump, seed.Tokayev))
	assert.ErrorIs(t, err, event.ErrUnknownActor)
}

func TestAddDerivesIDs(t *testing.T) {
	tl := actorsTimeline(t)
	e := phoneCall("2025-01-01", seed.Trump, seed.Tokayev)
	mustAdd(t, tl, e)
	assert.Equal(t, uuid.Nil, e.ID, "the caller's event is not changed")

	got, ok := tl.Event(e.DeriveID())
	require.True(t, ok)
	assert.Equal(t, e.DeriveID(), got.ID)
	first, _ := tl.First(timeline.Query{})
	assert.Equal(t, got, first)

	// An explicit ID is kept.
	f := phoneCall("2025-01-01", seed.Trump, seed.Tokayev)
	f.ID = uuid.MustParse("00000000-0000-4000-8000-000000000001")
	mustAdd(t, tl, f)
	assert.Equal(t, 2, tl.Len())
	_, ok = tl.Event(f.ID)
	assert.True(t, ok)

	// The timeline keeps a copy: changing the caller's slices does not
	// change it.
	g := phoneCall("2025-02-01", seed.Trump, seed.Netanyahu)
	g.Tags = []string{"before"}
	gid := g.DeriveID()
	mustAdd(t, tl, g)
	g.Tags[0] = "after"
	g.Participants[1].Actor = seed.Herzog
	stored, _ := tl.Event(gid)
	assert.Equal(t, []string{"before"}, stored.Tags)
	assert.Equal(t, seed.Netanyahu, stored.Participants[1].Actor)
	assert.Equal(t, 1, tl.Count(timeline.WithTag("before")))
	assert.Equal(t, 0, tl.Count(timeline.WithTag("after")))
}

func TestAddMergesReports(t *testing.T) {
	tl := actorsTimeline(t)
	r1 := phoneCall("2025-11-06", seed.Trump, seed.Tokayev)
	r1.Sources = []event.Source{source("Reuters")}
	r1.Tags = []string{"b", "a"}
	r2 := phoneCall("2025-11-06", seed.Tokayev, seed.Trump) // same facts, other order
	r2.Title = "Trump and Tokayev talk"
	r2.Sources = []event.Source{source("All Israel", event.Quote{Text: "Ein großartiges Telefonat", Speaker: seed.Trump})}
	r2.Tags = []string{"c", "a"}
	require.Equal(t, r1.DeriveID(), r2.DeriveID())

	assert.Empty(t, mustAdd(t, tl, r1))
	merges := mustAdd(t, tl, r2)
	assert.Equal(t, []timeline.Merged{{Input: 0, ID: r1.DeriveID(), With: -1, Alternatives: []event.Alternative{
		{Field: "title", Value: "Trump and Tokayev talk", Source: "All Israel"},
	}}}, merges, "Add says what it merged")
	assert.Equal(t, 1, tl.Len(), "the second report merges with the first")
	got, ok := tl.Event(r1.DeriveID())
	require.True(t, ok)
	assert.Equal(t, []string{"a", "b", "c"}, got.Tags)
	require.Len(t, got.Sources, 2)
	assert.Equal(t, "All Israel", got.Sources[0].Publisher)
	assert.Equal(t, "Reuters", got.Sources[1].Publisher)
	assert.Equal(t, "Call on 2025-11-06", got.Title, "the lesser title is kept")

	// The indexes know the merged event.
	assert.Equal(t, 1, tl.Count(timeline.WithPublisher("reuters")))
	assert.Equal(t, 1, tl.Count(timeline.WithPublisher("all israel")))
	assert.Equal(t, 1, tl.Count(timeline.WithTag("c")))
	assert.Equal(t, 1, tl.Count(timeline.WithText("großartiges")))
	assert.Equal(t, 1, tl.Count(timeline.WithText("Trump Tokayev talk")), "the other title is kept, and found")
	assert.Equal(t, []event.Alternative{{Field: "title", Value: "Trump and Tokayev talk", Source: "All Israel"}}, got.Alternatives)

	// Adding the same report again changes nothing.
	before := snapshot(tl)
	mustAdd(t, tl, r2)
	assert.Equal(t, before, snapshot(tl))
}

func TestAddMergesWithinBatch(t *testing.T) {
	tl := actorsTimeline(t)
	r1 := phoneCall("2025-11-06", seed.Trump, seed.Tokayev)
	r1.Sources = []event.Source{source("Reuters")}
	r2 := r1.Clone()
	r2.Sources = []event.Source{source("AP")}
	r3 := r1.Clone()
	r3.Tags = []string{"x"}
	other := phoneCall("2025-11-07", seed.Trump, seed.Tokayev)
	mustAdd(t, tl, r1, other, r2, r3)
	assert.Equal(t, 2, tl.Len())
	got, _ := tl.Event(r1.DeriveID())
	assert.Len(t, got.Sources, 2)
	assert.Equal(t, []string{"x"}, got.Tags)

	// A conflict within a batch rejects the batch.
	tl = actorsTimeline(t)
	planned := r1.Clone()
	planned.Status = event.Planned
	_, err := tl.Add(other, r1, planned)
	assert.ErrorIs(t, err, event.ErrConflict)
	assert.Equal(t, []string{"events[2].status"}, paths(err))
	assert.Equal(t, 0, tl.Len())
}

func TestAddConflicts(t *testing.T) {
	id := uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	base := phoneCall("2025-11-06", seed.Trump, seed.Tokayev)
	base.ID = id
	base.Instrument = seed.AbrahamAccords
	tests := []struct {
		name               string
		change             func(*event.Event)
		field              string
		existing, incoming string
	}{
		{"date", func(e *event.Event) { e.Date = event.MustParseDate("2025-11-07") }, "date", "2025-11-06", "2025-11-07"},
		{"date precision", func(e *event.Event) { e.Date = event.MustParseDate("2025-11") }, "date", "2025-11-06", "2025-11"},
		{"kind", func(e *event.Event) { e.Kind = event.BilateralMeeting }, "kind", "phone-call", "bilateral-meeting"},
		{"status", func(e *event.Event) { e.Status = event.Planned }, "status", "occurred", "planned"},
		{"instrument", func(e *event.Event) { e.Instrument = seed.IsraelSyriaSecurity }, "instrument.id", "abraham-accords", "israel-syria-security-agreement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := actorsTimeline(t)
			mustAdd(t, tl, base, phoneCall("2025-01-01", seed.Trump, seed.Netanyahu))
			before := snapshot(tl)

			incoming := base.Clone()
			incoming.Sources = []event.Source{source("Reuters")}
			tt.change(&incoming)
			// A valid new event in the same batch is not added either.
			_, err := tl.Add(phoneCall("2025-02-02", seed.Trump, seed.Herzog), incoming)
			require.Error(t, err)
			assert.ErrorIs(t, err, event.ErrConflict)
			var ce *event.ConflictError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, id, ce.ID)
			assert.Equal(t, tt.field, ce.Field)
			assert.Equal(t, tt.existing, ce.Existing)
			assert.Equal(t, tt.incoming, ce.Incoming)
			assert.Equal(t, []string{"events[1]." + tt.field}, paths(err))
			assert.Contains(t, err.Error(), `"`+tt.existing+`"`)
			assert.Contains(t, err.Error(), `"`+tt.incoming+`"`)
			assert.Contains(t, err.Error(), id.String())

			assert.Equal(t, before, snapshot(tl), "the timeline is not changed")
			assert.Equal(t, 0, tl.Count(timeline.WithPublisher("Reuters")))
		})
	}

	// Every conflict is named.
	tl := actorsTimeline(t)
	mustAdd(t, tl, base)
	incoming := base.Clone()
	incoming.Kind = event.BilateralMeeting
	incoming.Status = event.Planned
	incoming.Date = event.MustParseDate("2025-11-07")
	_, err := tl.Add(incoming)
	assert.Equal(t, []string{"events[0].kind", "events[0].date", "events[0].status"}, paths(err))
}

func TestRemove(t *testing.T) {
	tl := seedTimeline(t)
	callID := seedID(t, tCall)
	require.Equal(t, 1, tl.Remove(callID))
	assert.Equal(t, 14, tl.Len())
	_, ok := tl.Event(callID)
	assert.False(t, ok)
	assert.Equal(t, slices.DeleteFunc(slices.Clone(seedOrder), func(s string) bool { return s == tCall }), titles(tl.All()))

	day6 := slices.DeleteFunc(slices.Clone(seedDay), func(s string) bool { return s == tCall })
	checkSelect(t, tl, timeline.WithActor("Netanjahu"), nil)
	checkSelect(t, tl, timeline.WithActor("Tokajew"), []string{tVisit})
	checkSelect(t, tl, timeline.WithCountry("IL"), []string{tRelations, tTalks, tHerzog, tSecurity})
	checkSelect(t, tl, timeline.WithKind(event.PhoneCall), nil)
	checkSelect(t, tl, timeline.WithRole(event.Caller), nil)
	checkSelect(t, tl, timeline.Within(period(day(2025, time.November, 6), day(2025, time.November, 6))), day6)
	checkSelect(t, tl, timeline.WithText("Telefonat"), nil)
	checkSelect(t, tl, timeline.WithText("Tokajew"), []string{tVisit})
	checkSelect(t, tl, timeline.WithInstrument("abraham-accords"), []string{tAccession, tWitkoff, tGovernment, tAnnouncement, tNegotiations, tCeremony})
	checkSelect(t, tl, timeline.WithTag("abraham-accords"), []string{tAccession, tTalks, tWitkoff, tGovernment, tAnnouncement, tNegotiations, tCeremony})
	checkSelect(t, tl, timeline.WithPublisher("All Israel"), slices.DeleteFunc(slices.Clone(seedOrder), func(s string) bool { return s == tCall }))
	assert.Equal(t, day6, groupTitles(tl.Group(timeline.Query{}, timeline.GroupByDay)[1]))

	// The announcement no longer follows a call in the timeline.
	var names []string
	for _, r := range tl.Related(seedID(t, tAnnouncement)) {
		names = append(names, r.Name()+" "+r.Other.Title)
	}
	assert.Equal(t, []string{"announces " + tAccession, "announces " + tCeremony, "followed-by " + tNegotiations}, names)

	// Removing again, or something unknown, removes nothing.
	assert.Equal(t, 0, tl.Remove(callID, uuid.New()))
	assert.Equal(t, 14, tl.Len())
	assert.Equal(t, 2, tl.Remove(seedID(t, tVisit), uuid.New(), seedID(t, tVisit), seedID(t, tRelations)))
	assert.Equal(t, 12, tl.Len())
	checkSelect(t, tl, timeline.WithActor("Tokajew"), nil)
	checkSelect(t, tl, timeline.Within(period(day(1992, time.January, 1), day(1992, time.December, 31))), nil)

	// Netanyahu and Tokayev are free to go now.
	present, err := tl.RemoveActor(seed.Netanyahu)
	assert.True(t, present)
	assert.NoError(t, err)
	present, err = tl.RemoveActor(seed.Tokayev)
	assert.True(t, present)
	assert.NoError(t, err)

	// Removing everything.
	var all []uuid.UUID
	for e := range tl.All() {
		all = append(all, e.ID)
	}
	assert.Equal(t, 12, tl.Remove(all...))
	assert.Equal(t, 0, tl.Len())
	checkSelect(t, tl, timeline.Query{}, nil)
	checkSelect(t, tl, timeline.WithText("Kasachstan"), nil)
	assert.Empty(t, tl.Group(timeline.Query{}, timeline.GroupByDay))
}

func TestReplace(t *testing.T) {
	tl := seedTimeline(t)
	acc, ok := tl.Event(seedID(t, tAccession))
	require.True(t, ok)
	changed := acc.Clone()
	changed.Date = event.MustParseDate("2025-11-20")
	changed.Participants = []event.Participation{{Actor: seed.Uzbekistan, Role: event.AccedingParty}}
	changed.Tags = []string{"replaced"}
	changed.Sources = nil // Replace does not merge
	require.NoError(t, tl.Replace(changed))

	assert.Equal(t, 15, tl.Len())
	got, ok := tl.Event(changed.ID)
	require.True(t, ok)
	assert.Equal(t, changed, got)
	assert.Equal(t, "2025-11-06", acc.Date.String(), "the event held before is not changed")

	day6 := slices.DeleteFunc(slices.Clone(seedDay), func(s string) bool { return s == tAccession })
	assert.Equal(t, slices.Concat([]string{tRelations}, day6, []string{tCeremony, tHerzog, tSecurity, tSharaa, tAccession}), titles(tl.All()))
	checkSelect(t, tl, timeline.WithActor("Kasachstan"), []string{tRelations, tSummit, tGovernment, tDinner, tAnnouncement, tCeremony, tHerzog})
	checkSelect(t, tl, timeline.WithActor("Usbekistan"), []string{tSummit, tDinner, tAccession})
	checkSelect(t, tl, timeline.WithActorIn("KZ", event.AccedingParty), nil)
	checkSelect(t, tl, timeline.WithActorIn("UZ", event.AccedingParty), []string{tAccession})
	checkSelect(t, tl, timeline.Within(period(day(2025, time.November, 6), day(2025, time.November, 6))), day6)
	checkSelect(t, tl, timeline.Within(period(day(2025, time.November, 20), day(2025, time.November, 20))), []string{tAccession})
	checkSelect(t, tl, timeline.WithTag("abraham-accords"), []string{tCall, tTalks, tWitkoff, tGovernment, tAnnouncement, tNegotiations, tCeremony})
	checkSelect(t, tl, timeline.WithTag("replaced"), []string{tAccession})
	checkSelect(t, tl, timeline.WithText("Kasachstan ist das erste Land"), []string{tAnnouncement}) // the quote went with the sources
	checkSelect(t, tl, timeline.WithText("Kasachstan tritt dem Abraham-Abkommen bei"), []string{tAccession})
	assert.Equal(t, 14, tl.Count(timeline.WithPublisher("All Israel")))
	assert.Equal(t, []string{"1992", "2025-11-06", "2025-11-06/..", "2025-11-07/2026-05~", "2025-11-07/..", "2025-11-20"},
		groupKeys(tl.Group(timeline.Query{}, timeline.GroupByDay)))
	assert.Len(t, tl.Related(changed.ID), 4, "the links to it are kept")

	// Errors leave the timeline as it was.
	before := snapshot(tl)
	unknown := changed.Clone()
	unknown.ID = uuid.New()
	assert.ErrorIs(t, tl.Replace(unknown), timeline.ErrNotFound)
	noID := changed.Clone()
	noID.ID = uuid.Nil
	assert.ErrorIs(t, tl.Replace(noID), timeline.ErrNotFound)
	invalid := changed.Clone()
	invalid.Participants = []event.Participation{{Actor: seed.Trump, Role: event.AccedingParty}} // a person cannot accede
	err := tl.Replace(invalid)
	assert.ErrorIs(t, err, event.ErrWrongActorType)
	assert.Equal(t, before, snapshot(tl))

	var zero timeline.Timeline
	assert.ErrorIs(t, zero.Replace(changed), timeline.ErrNotFound)
}

func groupKeys(groups []timeline.Group) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g.Key)
	}
	return out
}

func TestAddActorsAllOrNothing(t *testing.T) {
	var tl timeline.Timeline
	a := event.Actor{ID: "AA", Type: event.State, Name: "Aland", Country: "AA"}
	b := event.Actor{ID: "p", Type: event.Person, Name: "Pat"}
	bad := event.Actor{ID: "BB", Type: event.State, Name: "Bland", Country: "bb"}
	err := tl.AddActors(a, b, a, bad)
	require.Error(t, err)
	assert.Equal(t, []string{"actors[2].id", "actors[3].country"}, paths(err))
	assert.ErrorIs(t, err, event.ErrDuplicate)
	assert.ErrorIs(t, err, event.ErrInvalidCountry)
	assert.Equal(t, 0, tl.NumActors())
	assert.Empty(t, tl.ResolveActor("Aland"))

	require.NoError(t, tl.AddActors(a, b))
	assert.Equal(t, 2, tl.NumActors())
	err = tl.AddActors(event.Actor{ID: "q", Type: event.Person, Name: "Quinn"}, b)
	assert.Equal(t, []string{"actors[1].id"}, paths(err))
	assert.ErrorIs(t, err, event.ErrDuplicate)
	assert.Equal(t, 2, tl.NumActors())
	_, ok := tl.Actor("q")
	assert.False(t, ok)

	got, ok := tl.Actor("AA")
	require.True(t, ok)
	assert.Equal(t, "Aland", got.Name)
	assert.Equal(t, []event.ActorID{"AA"}, tl.ResolveActor("aland"))
	assert.Equal(t, []event.ActorID{"AA"}, tl.ResolveActor("aa"))
	var ids []event.ActorID
	for x := range tl.Actors() {
		ids = append(ids, x.ID)
	}
	assert.Equal(t, []event.ActorID{"AA", "p"}, ids)
}

func TestPutActor(t *testing.T) {
	tl := seedTimeline(t)
	checkSelect(t, tl, timeline.WithCountry("KZ"), kzCountry)
	dermer, ok := tl.Actor(seed.Dermer)
	require.True(t, ok)
	moved := dermer.Clone()
	moved.Country = "KZ"
	moved.Aliases = append(moved.Aliases, "Der Minister")
	require.NoError(t, tl.PutActor(moved))

	checkSelect(t, tl, timeline.WithCountry("KZ"), []string{tRelations, tAccession, tCall, tVisit, tTalks, tSummit, tGovernment, tDinner, tAnnouncement, tCeremony, tHerzog})
	checkSelect(t, tl, timeline.WithCountry("IL"), []string{tRelations, tCall, tHerzog, tSecurity})
	checkSelect(t, tl, timeline.Involving("Israel"), []string{tRelations, tCall, tHerzog, tSecurity})
	checkSelect(t, tl, timeline.WithActor("der minister"), []string{tTalks})
	assert.Equal(t, 11, groupLen(tl.Group(timeline.Query{}, timeline.GroupByCountry), "KZ"))

	// Without a country.
	moved.Country = ""
	require.NoError(t, tl.PutActor(moved))
	checkSelect(t, tl, timeline.WithCountry("KZ"), kzCountry)
	checkSelect(t, tl, timeline.WithCountry("IL"), []string{tRelations, tCall, tHerzog, tSecurity})

	// Invalid actors are refused.
	moved.Country = "kz"
	assert.ErrorIs(t, tl.PutActor(moved), event.ErrInvalidCountry)
	got, _ := tl.Actor(seed.Dermer)
	assert.Empty(t, got.Country)

	// New actors are added.
	require.NoError(t, tl.PutActor(event.Actor{ID: "FR", Type: event.State, Name: "France", Names: map[string]string{"de": "Frankreich"}, Country: "FR"}))
	assert.Equal(t, 18, tl.NumActors())
	assert.Equal(t, []event.ActorID{"FR"}, tl.ResolveActor("frankreich"))
}

func groupLen(groups []timeline.Group, key string) int {
	for _, g := range groups {
		if g.Key == key {
			return g.Len()
		}
	}
	return 0
}

func TestRemoveActor(t *testing.T) {
	tl := seedTimeline(t)
	for _, id := range []event.ActorID{seed.Trump, seed.Kazakhstan, seed.KZGovernment, seed.C5Plus1} {
		present, err := tl.RemoveActor(id)
		assert.True(t, present, id)
		assert.ErrorIs(t, err, timeline.ErrActorInUse, id)
		assert.Contains(t, err.Error(), string(id))
	}
	assert.Equal(t, 17, tl.NumActors())

	present, err := tl.RemoveActor("nobody")
	assert.False(t, present)
	assert.NoError(t, err)

	// An actor only quoted is in use too.
	require.NoError(t, tl.AddActors(event.Actor{ID: "spokesman", Type: event.Person, Name: "Spokesman", Country: "KZ"}))
	e := statement("2025-11-08", event.Occurred, seed.Kazakhstan, "Kazakhstan comments")
	e.Sources = []event.Source{source("Reuters", event.Quote{Text: "A natural step", Speaker: "spokesman"})}
	mustAdd(t, tl, e)
	present, err = tl.RemoveActor("spokesman")
	assert.True(t, present)
	assert.ErrorIs(t, err, timeline.ErrActorInUse)

	// Once its events are gone it can be removed, and is no longer found.
	require.Equal(t, 1, tl.Remove(e.DeriveID()))
	present, err = tl.RemoveActor("spokesman")
	assert.True(t, present)
	assert.NoError(t, err)
	_, ok := tl.Actor("spokesman")
	assert.False(t, ok)
	assert.Empty(t, tl.ResolveActor("Spokesman"))
	assert.Equal(t, 17, tl.NumActors())
	checkSelect(t, tl, timeline.WithCountry("KZ"), kzCountry)
}

func TestZeroTimeline(t *testing.T) {
	var tl timeline.Timeline
	assert.Equal(t, 0, tl.Len())
	assert.Equal(t, 0, tl.NumActors())
	assert.Equal(t, "", tl.Title())
	assert.Empty(t, titles(tl.All()))
	assert.Empty(t, titles(tl.Backward()))
	assert.Empty(t, titles(tl.Select(timeline.WithText("anything"))))
	assert.Empty(t, titles(tl.Scan(timeline.Query{})))
	assert.Empty(t, titles(tl.Select(timeline.Overlaps(period(day(1, time.January, 1), day(3000, time.January, 1))))))
	assert.Equal(t, 0, tl.Count(timeline.Query{}))
	_, ok := tl.First(timeline.Query{})
	assert.False(t, ok)
	_, ok = tl.Last(timeline.Query{})
	assert.False(t, ok)
	_, ok = tl.Event(uuid.New())
	assert.False(t, ok)
	assert.Empty(t, tl.Group(timeline.Query{}, timeline.GroupByDay))
	assert.Empty(t, tl.Gaps(timeline.Query{}))
	_, ok = tl.LongestGap(timeline.Query{})
	assert.False(t, ok)
	assert.Nil(t, tl.Related(uuid.New()))
	assert.Equal(t, 0, tl.Remove(uuid.New()))
	assert.Equal(t, 0, tl.Collect(timeline.Query{}).Len())
	present, err := tl.RemoveActor("x")
	assert.False(t, present)
	assert.NoError(t, err)

	require.NoError(t, tl.SetTitle("T"))
	require.NoError(t, tl.SetDescription("D"))
	assert.Equal(t, "T", tl.Title())
	assert.Equal(t, "D", tl.Description())

	require.NoError(t, tl.AddActors(seed.Actors()...))
	mustAdd(t, &tl, seed.Events()...)
	assert.Equal(t, seedOrder, titles(tl.All()))
	checkSelect(t, &tl, timeline.WithText("Netanjahu"), []string{tCall})
}

func TestNew(t *testing.T) {
	tl := timeline.New("Title", "Description")
	assert.Equal(t, "Title", tl.Title())
	assert.Equal(t, "Description", tl.Description())
	assert.Equal(t, 0, tl.Len())
	require.NoError(t, tl.AddActors(seed.Actors()...))
	mustAdd(t, tl, phoneCall("2025-01-01", seed.Trump, seed.Tokayev))
	assert.Equal(t, 1, tl.Len())
}

func TestCompare(t *testing.T) {
	ev := func(kind event.Kind, date string, id byte) *event.Event {
		e := &event.Event{Kind: kind, Title: date, ID: uuid.UUID{15: id}}
		if date != "" {
			e.Date = event.MustParseDate(date)
		}
		return e
	}
	call := func(date string) *event.Event { return ev(event.PhoneCall, date, 1) }
	// Each pair is in order: the first sorts before the second.
	tests := []struct {
		name   string
		before *event.Event
		after  *event.Event
	}{
		{"earlier first day", call("1992"), call("2025-11-06")},
		{"day before its month", call("2025-11-01"), call("2025-11")},
		{"month before its year", call("2025-01"), call("2025")},
		{"day before its year", call("2025-01-01"), call("2025")},
		{"narrower interval first", call("2025-11-06/2025-11-08"), call("2025-11-06/2025-11-09")},
		{"closed interval before open", call("2025-11-06/2026-05~"), call("2025-11-06/..")},
		{"open end right after its first day", call("2025-11-06T23:00:00Z"), call("2025-11-06/..")},
		{"open end before the next day", call("2025-11-06/.."), call("2025-11-07")},
		{"open start from the beginning of time", call("../2025-11-06"), call("0001")},
		{"unknown start from the beginning of time", call("/2025-11-06"), call("1992")},
		{"whole day before times", call("2025-11-06"), call("2025-11-06T00:00:00Z")},
		{"times as instants", call("2025-11-06T10:00:00+05:00"), call("2025-11-06T06:00:00Z")},
		{"times as instants, zone names", call("2025-11-06T18:00:00-05:00[America/New_York]"), call("2025-11-06T23:30:00Z")},
		{"uncertain day before the evening", call("2025-11-06?"), call("2025-11-06T18:00:00-05:00/2025-11-06T23:59:59-05:00")},
		{"unqualified before uncertain", call("2025-11-06"), call("2025-11-06?")},
		{"uncertain before approximate", call("2025-11-06?"), call("2025-11-06~")},
		{"approximate before both", call("2025-11-06~"), call("2025-11-06%")},
		{"dates before no date", call("Y4999999"), call("")},
		{"open dates before no date", call("2025-11-07/.."), call("")},
		{"by kind on the same date", ev(event.TreatyAccession, "2025-11-06", 9), ev(event.PhoneCall, "2025-11-06", 1)},
		{"by kind without dates", ev(event.SigningCeremony, "", 9), ev(event.Visit, "", 1)},
		{"by ID on the same date and kind", ev(event.Visit, "2025-11-06", 1), ev(event.Visit, "2025-11-06", 2)},
		{"by ID without dates", ev(event.Visit, "", 1), ev(event.Visit, "", 2)},
	}
	for _, tt := range tests {
		assert.Equal(t, -1, timeline.Compare(*tt.before, *tt.after), tt.name)
		assert.Equal(t, +1, timeline.Compare(*tt.after, *tt.before), tt.name)
		assert.Equal(t, 0, timeline.Compare(*tt.before, *tt.before), tt.name)
		if tt.before.Date != tt.after.Date {
			assert.Equal(t, -1, tt.before.Date.Compare(tt.after.Date), "%s: agrees with event.Date.Compare", tt.name)
		}
	}

	// Only date, kind and ID count.
	a := ev(event.Visit, "2025-11-06", 1)
	b := ev(event.Visit, "2025-11-06", 1)
	b.Title = "other"
	b.Status = event.Cancelled
	b.Tags = []string{"x"}
	assert.Equal(t, 0, timeline.Compare(*a, *b))

	// The seed events are in Compare order.
	events := seed.Events()
	slices.SortFunc(events, func(x, y event.Event) int { return timeline.Compare(x, y) })
	var got []string
	for _, e := range events {
		got = append(got, e.Title)
	}
	assert.Equal(t, seedOrder, got)
}

func TestGaps(t *testing.T) {
	tl := actorsTimeline(t)
	events := []event.Event{
		statement("2020", event.Occurred, seed.Trump, "A 2020"),
		statement("2020-06-15", event.Occurred, seed.Trump, "B inside 2020"),
		statement("2022-03", event.Occurred, seed.Trump, "C March 2022"),
		statement("2022-03-10/..", event.Planned, seed.Trump, "D open"),
		statement("", event.Planned, seed.Trump, "E no date"),
		statement("2022-04-01", event.Occurred, seed.Trump, "F the day after March"),
		statement("../2022-06-01", event.Occurred, seed.Trump, "G open start"),
		statement("2023", event.Occurred, seed.Trump, "H 2023"),
	}
	events[6].Status = event.Planned
	mustAdd(t, tl, events...)
	gaps := tl.Gaps(timeline.Query{})
	type gap struct {
		after, before string
		from, to      string
		days          int
	}
	var got []gap
	for _, g := range gaps {
		got = append(got, gap{g.After.Title, g.Before.Title, g.From.String(), g.To.String(), g.Days()})
	}
	assert.Equal(t, []gap{
		// B lies inside A and does not move the end of the covered time.
		{"A 2020", "C March 2022", "2021-01-01", "2022-02-28", 365 + 31 + 28},
		// F starts the day after C ends: no gap. Open and undated events count for nothing.
		{"F the day after March", "H 2023", "2022-04-02", "2022-12-31", 29 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31},
	}, got)
	longest, ok := tl.LongestGap(timeline.Query{})
	require.True(t, ok)
	assert.Equal(t, "A 2020", longest.After.Title)

	// Of equal gaps, the earliest is the longest.
	tl = actorsTimeline(t)
	mustAdd(t, tl,
		statement("2020-01-01", event.Occurred, seed.Trump, "1"),
		statement("2020-01-03", event.Occurred, seed.Trump, "2"),
		statement("2020-01-05", event.Occurred, seed.Trump, "3"),
		statement("2020-01-06", event.Occurred, seed.Trump, "4"),
	)
	var days []int
	for _, g := range tl.Gaps(timeline.Query{}) {
		days = append(days, g.Days())
	}
	assert.Equal(t, []int{1, 1}, days)
	longest, _ = tl.LongestGap(timeline.Query{})
	assert.Equal(t, "1", longest.After.Title)
	assert.Equal(t, "2", longest.Before.Title)
}

func TestConflictErrorMessage(t *testing.T) {
	e := &event.ConflictError{ID: uuid.Nil, Field: "date", Existing: "2025-11-06", Incoming: "2025-11-07"}
	assert.True(t, strings.HasPrefix(e.Error(), `conflicts with "2025-11-06" held for event `))
	assert.ErrorIs(t, e, event.ErrConflict)
}

// WithPublisher("") names no publisher and selects nothing, though a source
// lacks one. (Scan used to select such events.)
func TestPublisherEmptySelectsNothing(t *testing.T) {
	tl := actorsTimeline(t)
	e := phoneCall("2025-01-01", seed.Trump, seed.Tokayev)
	e.Sources = []event.Source{{URL: "https://example.org/call", Lang: "en"}}
	mustAdd(t, tl, e)
	q := timeline.WithPublisher("")
	assert.Empty(t, titles(tl.Select(q)), "Select")
	assert.Empty(t, titles(tl.Scan(q)), "Scan")
}

// An instrument is found by a name that only a later event gives it, and
// then every event concerning it is. (Names used to be looked up on the
// earliest event of the instrument only.)
func TestInstrumentNameOnLaterEvent(t *testing.T) {
	tl := actorsTimeline(t)
	accession := func(when string, state event.ActorID, names map[string]string) event.Event {
		return event.Event{
			Kind: event.TreatyAccession, Status: event.Occurred, Title: "Accession " + when,
			Date:         event.MustParseDate(when),
			Participants: []event.Participation{{Actor: state, Role: event.AccedingParty}},
			Instrument:   event.Instrument{ID: "abraham-accords", Name: "Abraham Accords", Names: names},
		}
	}
	mustAdd(t, tl,
		accession("2020-09-15", seed.Israel, nil),
		accession("2025-11-06", seed.Kazakhstan, map[string]string{"de": "Abraham-Abkommen"}),
	)
	want := []string{"Accession 2020-09-15", "Accession 2025-11-06"}
	assert.Equal(t, want, titles(tl.Select(timeline.WithInstrument("Abraham Accords"))), "by the name both give")
	assert.Equal(t, want, titles(tl.Select(timeline.WithInstrument("Abraham-Abkommen"))), "Select by the German name")
	assert.Equal(t, want, titles(tl.Scan(timeline.WithInstrument("Abraham-Abkommen"))), "Scan by the German name")
	assert.Equal(t, want, titles(tl.History("Abraham-Abkommen")), "History by the German name")
}

func TestRelatedBothWays(t *testing.T) {
	tl := actorsTimeline(t)
	a := phoneCall("2025-01-01", seed.Trump, seed.Tokayev)
	b := statement("2025-01-02", event.Occurred, seed.Trump, "Statement after the call")
	c := statement("2025-01-03", event.Occurred, seed.Tokayev, "Tokayev refers to the call")
	missing := uuid.MustParse("00000000-0000-4000-8000-00000000dead")
	b.Links = []event.Link{{Type: event.RefersTo, Target: a.DeriveID()}, {Type: event.Follows, Target: a.DeriveID()}, {Type: event.Announces, Target: missing}}
	c.Links = []event.Link{{Type: event.RefersTo, Target: a.DeriveID()}}
	mustAdd(t, tl, c, b, a)
	names := func(id uuid.UUID) []string {
		var out []string
		for _, r := range tl.Related(id) {
			out = append(out, r.Name()+" "+r.Other.Title)
		}
		return out
	}
	// Both links of b count; the link to an event not in the timeline is left out.
	assert.Equal(t, []string{"referred-to-by " + b.Title, "followed-by " + b.Title, "referred-to-by " + c.Title}, names(a.DeriveID()))
	assert.Equal(t, []string{"refers-to " + a.Title, "follows " + a.Title}, names(b.DeriveID()))
	assert.Equal(t, []string{"refers-to " + a.Title}, names(c.DeriveID()))

	// Removing b removes both its relations; adding the missing event brings its link back.
	require.Equal(t, 1, tl.Remove(b.DeriveID()))
	assert.Equal(t, []string{"referred-to-by " + c.Title}, names(a.DeriveID()))
	mustAdd(t, tl, b)
	m := statement("2025-01-04", event.Planned, seed.Trump, "The announced event")
	m.ID = missing
	mustAdd(t, tl, m)
	assert.Equal(t, []string{"announced-by " + b.Title}, names(missing))
	assert.Equal(t, []string{"refers-to " + a.Title, "follows " + a.Title, "announces " + m.Title}, names(b.DeriveID()))
}

// mustAdd adds events to tl and fails the test on any error.
func mustAdd(t interface {
	require.TestingT
	Helper()
}, tl *timeline.Timeline, events ...event.Event) []timeline.Merged {
	t.Helper()
	merges, err := tl.Add(events...)
	require.NoError(t, err)
	return merges
}

package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

func TestActorsAsADirectory(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	var dir event.Directory
	actors := synth.Actors(synth.Config{Seed: 2, States: 15, Persons: 60, Organizations: 4})
	require.NoError(t, dir.AddActors(actors...))
	require.NoError(t, pg.AddActors(ctx, actors...))

	n, err := pg.NumActors(ctx)
	require.NoError(t, err)
	assert.Equal(t, dir.NumActors(), n)
	var got []event.Actor
	for a, err := range pg.Actors(ctx) {
		require.NoError(t, err)
		got = append(got, a)
	}
	var want []event.Actor
	for a := range dir.Actors() {
		want = append(want, a.Clone())
	}
	assert.Equal(t, want, got)

	for _, a := range actors {
		for _, name := range append(a.AllNames(), string(a.ID), a.Country, "nobody", "") {
			ids, err := pg.ResolveActor(ctx, name)
			require.NoError(t, err)
			assert.Equal(t, dir.ResolveActor(name), ids, name)
		}
	}

	// Duplicates and invalid actors: every problem, nothing added.
	err = pg.AddActors(ctx, event.Actor{ID: "new", Type: event.Person, Name: "New"}, actors[0],
		event.Actor{ID: "bad id", Type: event.State, Name: ""}, event.Actor{ID: "new", Type: event.Person, Name: "Again"})
	require.Error(t, err)
	var memErr error
	{
		var d event.Directory
		require.NoError(t, d.AddActors(actors...))
		tl := timeline.New("", "")
		require.NoError(t, tl.AddActors(actors...))
		memErr = tl.AddActors(event.Actor{ID: "new", Type: event.Person, Name: "New"}, actors[0],
			event.Actor{ID: "bad id", Type: event.State, Name: ""}, event.Actor{ID: "new", Type: event.Person, Name: "Again"})
	}
	assert.Equal(t, memErr.Error(), err.Error())
	_, ok, err := pg.Actor(ctx, "new")
	require.NoError(t, err)
	assert.False(t, ok)

	// PutActor replaces, and the names it is found by change with it.
	a := actors[0].Clone()
	a.Aliases = []string{"Renamed Land"}
	a.Names = map[string]string{"fr": "Pays renommé"}
	require.NoError(t, pg.PutActor(ctx, a))
	b, ok, err := pg.Actor(ctx, a.ID)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, a, b)
	ids, err := pg.ResolveActor(ctx, "pays renomme")
	require.NoError(t, err)
	assert.Equal(t, []event.ActorID{a.ID}, ids)
	require.NoError(t, dir.PutActor(a))
	for _, name := range append(actors[0].AllNames(), a.AllNames()...) {
		ids, err := pg.ResolveActor(ctx, name)
		require.NoError(t, err)
		assert.Equal(t, dir.ResolveActor(name), ids, "after PutActor: %s", name)
	}
}

func TestRemoveActor(t *testing.T) {
	ctx := context.Background()
	pg := seeded(t)
	present, err := pg.RemoveActor(ctx, seed.Kazakhstan)
	assert.True(t, present)
	require.ErrorIs(t, err, timeline.ErrActorInUse)
	mem := timeline.New("", "")
	require.NoError(t, mem.AddActors(seed.Actors()...))
	_, err2 := mem.Add(seed.Events()...)
	require.NoError(t, err2)
	_, memErr := mem.RemoveActor(seed.Kazakhstan)
	assert.Equal(t, memErr.Error(), err.Error())

	require.NoError(t, pg.AddActors(ctx, event.Actor{ID: "idle", Type: event.Person, Name: "Idle"}))
	present, err = pg.RemoveActor(ctx, "idle")
	require.NoError(t, err)
	assert.True(t, present)
	present, err = pg.RemoveActor(ctx, "idle")
	require.NoError(t, err)
	assert.False(t, present)
}

func TestReplaceAndRemoveNeedTheVersionRead(t *testing.T) {
	ctx := context.Background()
	pg := seeded(t)
	id := seed.Events()[0].ID
	e, v, err := pg.Event(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, postgres.Version(1), v)

	e.Title = "Retitled"
	v2, err := pg.Replace(ctx, e, v)
	require.NoError(t, err)
	assert.Equal(t, v+1, v2)

	_, err = pg.Replace(ctx, e, v)
	var se *postgres.StaleError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, postgres.StaleError{ID: id, Read: 1, Current: 2}, *se)
	assert.ErrorIs(t, err, postgres.ErrStale)
	assert.NotErrorIs(t, err, timeline.ErrNotFound)
	require.ErrorIs(t, pg.Remove(ctx, id, v), postgres.ErrStale)

	// An invalid replacement changes nothing.
	bad := e.Clone()
	bad.Participants = append(bad.Participants, event.Participation{Actor: "nobody", Role: event.Witness})
	_, err = pg.Replace(ctx, bad, v2)
	require.ErrorIs(t, err, event.ErrUnknownActor)
	got, v3, err := pg.Event(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, v2, v3)
	assert.Equal(t, "Retitled", got.Title)

	require.NoError(t, pg.Remove(ctx, id, v2))
	_, _, err = pg.Event(ctx, id)
	require.ErrorIs(t, err, timeline.ErrNotFound)
	err = pg.Remove(ctx, id, v2)
	require.ErrorIs(t, err, timeline.ErrNotFound, "removed since it was read")
	require.ErrorIs(t, err, postgres.ErrStale)
	_, err = pg.Replace(ctx, e, 0)
	require.ErrorIs(t, err, timeline.ErrNotFound)
	assert.NotErrorIs(t, err, postgres.ErrStale)
}

func TestAddIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	require.NoError(t, pg.AddActors(ctx, seed.Actors()...))
	events := seed.Events()
	events[2].Participants[0].Actor = "nobody"
	_, err := pg.Add(ctx, events...)
	require.ErrorIs(t, err, event.ErrUnknownActor)
	assert.Contains(t, err.Error(), "events[2].participants[0].actor")
	n, err := pg.Len(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)

	// A date PostgreSQL cannot hold.
	old := seed.Events()[0]
	old.ID = uuid.Nil
	old.Date = event.InYear(-5000)
	_, err = pg.Add(ctx, seed.Events()[1], old)
	require.ErrorIs(t, err, event.ErrOutOfRange)
	assert.Contains(t, err.Error(), "events[1].date")
	n, err = pg.Len(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)
}

func TestQueriesBeyondSelect(t *testing.T) {
	ctx := context.Background()
	pg := seeded(t)
	mem := timeline.New(seed.Title, "")
	require.NoError(t, mem.AddActors(seed.Actors()...))
	_, err := mem.Add(seed.Events()...)
	require.NoError(t, err)
	require.NoError(t, pg.SetTitle(ctx, seed.Title))

	for _, q := range []timeline.Query{{}, timeline.WithActor("Kasachstan"), timeline.WithKind(event.Dinner),
		timeline.Where(func(e *event.Event) bool { return len(e.Sources) > 1 })} {
		assert.Equal(t, slices.Collect(mem.SelectBackward(q)), collect(t, pg.SelectBackward(ctx, q)))
		wf, wok := mem.First(q)
		gf, gok, err := pg.First(ctx, q)
		require.NoError(t, err)
		assert.Equal(t, wok, gok)
		assert.Equal(t, wf, gf)
		wl, wok := mem.Last(q)
		gl, gok, err := pg.Last(ctx, q)
		require.NoError(t, err)
		assert.Equal(t, wok, gok)
		assert.Equal(t, wl, gl)

		c, err := pg.Collect(ctx, q)
		require.NoError(t, err)
		want := mem.Collect(q)
		assert.Equal(t, slices.Collect(want.All()), slices.Collect(c.All()))
		assert.Equal(t, slices.Collect(want.Actors()), slices.Collect(c.Actors()))
		assert.Equal(t, want.Title(), c.Title())
	}
}

func TestSelectReportsErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pg := seeded(t)
	cancel()
	var errs []error
	for e, err := range pg.All(ctx) {
		assert.Zero(t, e.ID)
		errs = append(errs, err)
	}
	require.Len(t, errs, 1, "the error ends the sequence")
	require.ErrorIs(t, errs[0], context.Canceled)
	_, err := pg.Count(ctx, timeline.Query{})
	require.Error(t, err)
}

func TestOpenAndMigrate(t *testing.T) {
	ctx := context.Background()
	p := testPool(t)
	schema := newSchema(t)
	require.NoError(t, postgres.Migrate(ctx, p, &postgres.Options{Schema: schema}))
	require.NoError(t, postgres.Migrate(ctx, p, &postgres.Options{Schema: schema}), "twice is harmless")
	var v int
	require.NoError(t, p.QueryRow(ctx, "SELECT max(version) FROM "+pgx.Identifier{schema, "schema_migrations"}.Sanitize()).Scan(&v))
	assert.Equal(t, postgres.SchemaVersion, v)

	_, err := p.Exec(ctx, "INSERT INTO "+pgx.Identifier{schema, "schema_migrations"}.Sanitize()+" (version, name) VALUES (999, 'future')")
	require.NoError(t, err)
	_, err = postgres.Open(ctx, p, &postgres.Options{Schema: schema})
	require.ErrorIs(t, err, postgres.ErrSchemaTooNew)

	_, err = postgres.Open(ctx, p, &postgres.Options{Schema: string(make([]byte, 64)), Retries: -1})
	require.ErrorIs(t, err, postgres.ErrOptions)
	assert.Contains(t, err.Error(), "Retries")

	// Concurrent migrations of one schema wait for each other.
	fresh := newSchema(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- postgres.Migrate(ctx, p, &postgres.Options{Schema: fresh}) }()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
}

func TestTitleAndDescription(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	require.NoError(t, pg.SetTitle(ctx, "Kazakhstan"))
	require.NoError(t, pg.SetDescription(ctx, "line one\nline two"))
	require.ErrorIs(t, pg.SetTitle(ctx, "two\nlines"), event.ErrInvalidText)
	title, err := pg.Title(ctx)
	require.NoError(t, err)
	desc, err := pg.Description(ctx)
	require.NoError(t, err)
	assert.Equal(t, "Kazakhstan", title)
	assert.Equal(t, "line one\nline two", desc)
}

func TestOrderOfTies(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	mem := timeline.New("", "")
	actors := []event.Actor{{ID: "AE", Type: event.State, Name: "UAE", Country: "AE"}, {ID: "BH", Type: event.State, Name: "Bahrain", Country: "BH"}}
	require.NoError(t, pg.AddActors(ctx, actors...))
	require.NoError(t, mem.AddActors(actors...))
	var events []event.Event
	dates := []string{"2020-09-15", "2020-09-15T12:00:00Z", "2020-09-15T12:00:00+00:00", "2020-09-15T14:00:00+02:00",
		"2020-09-15T12:00:00", "2020-09-15~", "2020-09-15?", "2020-09", "2020-09-15/..", "../2020-09-15", "2020-09-15/", ""}
	for i, text := range dates {
		var d event.Date
		if text != "" {
			var err error
			d, err = event.ParseDate(text)
			require.NoError(t, err, text)
		}
		for order := range 3 {
			e := event.Event{Kind: event.Statement, Status: event.Announced, Title: "statement", Date: d, Order: order,
				Discriminator: text + string(rune('a'+order)),
				Participants:  []event.Participation{{Actor: "AE", Role: event.Speaker}}}
			if i%2 == 0 {
				e.Kind = event.Announcement
				e.Participants[0].Role = event.Announcer
			}
			events = append(events, e)
		}
	}
	_, err := mem.Add(events...)
	require.NoError(t, err)
	_, err = pg.Add(ctx, events...)
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(mem.All()), collect(t, pg.All(ctx)))
}

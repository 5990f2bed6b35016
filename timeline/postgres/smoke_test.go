package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

func collect(t testing.TB, seq func(func(event.Event, error) bool)) []event.Event {
	t.Helper()
	var out []event.Event
	for e, err := range seq {
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

func TestSeedSameAsMemory(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	mem := timeline.New("", "")
	require.NoError(t, mem.AddActors(seed.Actors()...))
	require.NoError(t, pg.AddActors(ctx, seed.Actors()...))
	m1, err := mem.Add(seed.Events()...)
	require.NoError(t, err)
	m2, err := pg.Add(ctx, seed.Events()...)
	require.NoError(t, err)
	require.Equal(t, m1, m2)
	want := slices.Collect(mem.All())
	got := collect(t, pg.All(ctx))
	require.Equal(t, want, got)
}

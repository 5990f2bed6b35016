package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// seeded opens a timeline holding the seed's actors and events.
func seeded(t *testing.T) *postgres.Timeline {
	t.Helper()
	ctx := context.Background()
	pg := openTest(t)
	require.NoError(t, pg.AddActors(ctx, seed.Actors()...))
	_, err := pg.Add(ctx, seed.Events()...)
	require.NoError(t, err)
	return pg
}

// TestConcurrentReplaceLosesNoUpdate has writers on several connections
// read an event, add a tag and write it back, all at once: every write
// that succeeds is kept, and every other is told it is stale and tries
// again.
func TestConcurrentReplaceLosesNoUpdate(t *testing.T) {
	ctx := context.Background()
	pg := seeded(t)
	target := seed.Events()[0].ID
	const writers, writes = 6, 8
	var stale sync.Map
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for k := range writes {
				for {
					e, v, err := pg.Event(ctx, target)
					if !assert.NoError(t, err) {
						return
					}
					e.Tags = append(e.Tags, fmt.Sprintf("w%d-%d", w, k))
					_, err = pg.Replace(ctx, e, v)
					var se *postgres.StaleError
					if errors.As(err, &se) {
						assert.Greater(t, se.Current, se.Read)
						stale.Store(w, true)
						continue
					}
					assert.NoError(t, err)
					break
				}
			}
		})
	}
	wg.Wait()
	e, v, err := pg.Event(ctx, target)
	require.NoError(t, err)
	assert.Equal(t, postgres.Version(1+writers*writes), v)
	for w := range writers {
		for k := range writes {
			assert.Contains(t, e.Tags, fmt.Sprintf("w%d-%d", w, k))
		}
	}
	n := 0
	stale.Range(func(any, any) bool { n++; return true })
	t.Logf("%d of %d writers met a stale read", n, writers)
}

// TestConcurrentAddsMerge has writers add other reports of one new event
// at once: the first inserts it, the others merge with what the earlier
// ones wrote, and no report is lost.
func TestConcurrentAddsMerge(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	require.NoError(t, pg.AddActors(ctx, seed.Actors()...))
	base := seed.Events()[0]
	base.ID = [16]byte{}
	const writers = 8
	var wg sync.WaitGroup
	merged := make([]int, writers)
	for w := range writers {
		wg.Go(func() {
			e := base.Clone()
			e.Tags = []string{fmt.Sprintf("report-%d", w)}
			m, err := pg.Add(ctx, e)
			assert.NoError(t, err)
			merged[w] = len(m)
		})
	}
	wg.Wait()
	id := base.Clone()
	id.EnsureID()
	e, v, err := pg.Event(ctx, id.ID)
	require.NoError(t, err)
	assert.Equal(t, postgres.Version(writers), v)
	for w := range writers {
		assert.Contains(t, e.Tags, fmt.Sprintf("report-%d", w))
	}
	slices.Sort(merged)
	assert.Equal(t, []int{0, 1, 1, 1, 1, 1, 1, 1}, merged, "one inserted, the others merged")
}

// TestConcurrentConflictingAdds has two writers report one new event with
// different statuses: one wins, the other is told of the conflict.
func TestConcurrentConflictingAdds(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	require.NoError(t, pg.AddActors(ctx, seed.Actors()...))
	for range 5 {
		base := seed.Events()[0]
		base.ID = [16]byte{}
		base.Discriminator = time.Now().Format(time.RFC3339Nano)
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i, status := range []event.Status{event.Occurred, event.Cancelled} {
			wg.Go(func() {
				e := base.Clone()
				e.Status = status
				_, errs[i] = pg.Add(ctx, e)
			})
		}
		wg.Wait()
		failed := 0
		for _, err := range errs {
			if err != nil {
				require.ErrorIs(t, err, event.ErrConflict)
				failed++
			}
		}
		assert.Equal(t, 1, failed, "%v", errs)
	}
}

// TestConcurrentReadsSeeWholeEvents has readers query while writers
// replace events between two wordings: a reader sees each event whole in
// one wording or the other, never half of each.
func TestConcurrentReadsSeeWholeEvents(t *testing.T) {
	ctx := context.Background()
	pg := seeded(t)
	events := collect(t, pg.All(ctx))
	reword := func(e event.Event, n int) event.Event {
		e = e.Clone()
		e.Title = fmt.Sprintf("wording %d", n)
		e.Tags = []string{fmt.Sprintf("tag-%d", n)}
		for i := range e.Sources {
			e.Sources[i].Title = fmt.Sprintf("source wording %d", n)
		}
		return e
	}
	done := make(chan struct{})
	var writers, readers sync.WaitGroup
	for w := range 3 {
		writers.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-done:
					return
				default:
				}
				e := events[(w+n)%len(events)]
				_, v, err := pg.Event(ctx, e.ID)
				if !assert.NoError(t, err) {
					return
				}
				_, err = pg.Replace(ctx, reword(e, n%2), v)
				if !errors.Is(err, postgres.ErrStale) {
					assert.NoError(t, err)
				}
			}
		})
	}
	for range 3 {
		readers.Go(func() {
			for range 40 {
				got := collect(t, pg.Select(ctx, timeline.WithActor("KZ")))
				for _, e := range got {
					if e.Title == "wording 0" || e.Title == "wording 1" {
						n := e.Title[len(e.Title)-1:]
						assert.Equal(t, []string{"tag-" + n}, e.Tags, "a whole wording")
						for _, s := range e.Sources {
							assert.Equal(t, "source wording "+n, s.Title)
						}
					}
				}
			}
		})
	}
	readers.Wait()
	close(done)
	writers.Wait()
}

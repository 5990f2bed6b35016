package postgres_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline/postgres"
)

// stream returns a JSON Lines stream of a synthetic timeline.
func stream(t testing.TB, cfg synth.Config) []byte {
	t.Helper()
	var buf bytes.Buffer
	lw := jsondoc.NewLineWriter(&buf, "Synthetic", "A generated timeline")
	actors, events := synth.Generate(cfg)
	for i := range actors {
		require.NoError(t, lw.WriteActor(&actors[i]))
	}
	for i := range events {
		require.NoError(t, lw.WriteEvent(&events[i]))
	}
	require.NoError(t, lw.Flush())
	return buf.Bytes()
}

func count(t testing.TB, schema, table string) int {
	t.Helper()
	var n int
	require.NoError(t, testPool(t).QueryRow(context.Background(),
		"SELECT count(*) FROM "+pgx.Identifier{schema, table}.Sanitize()).Scan(&n))
	return n
}

// tables are the tables a load writes to.
var tables = []string{"actors", "actor_names", "actor_keys", "events", "event_titles", "participants",
	"instrument_names", "sources", "quotes", "tags", "links", "alternatives"}

func requireEmpty(t testing.TB, schema string) {
	t.Helper()
	for _, table := range tables {
		assert.Zero(t, count(t, schema, table), table)
	}
}

func TestLoadSameAsDecodeLines(t *testing.T) {
	ctx := context.Background()
	schema := newSchema(t)
	pg, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: schema})
	require.NoError(t, err)
	data := stream(t, synth.Config{Seed: 3, Events: 3000, States: 20, Persons: 200})

	var progress []postgres.LoadReport
	rep, err := pg.Load(ctx, bytes.NewReader(data), &postgres.LoadOptions{BatchSize: 700,
		Progress: func(r postgres.LoadReport) { progress = append(progress, r) }})
	require.NoError(t, err)
	assert.Equal(t, 3000, rep.Events)
	assert.Equal(t, 5, rep.Batches)
	assert.Len(t, progress, 5)
	assert.Equal(t, 700, progress[0].Events)

	mem, _, err := jsondoc.DecodeLines(bytes.NewReader(data), nil)
	require.NoError(t, err)
	assert.Equal(t, mem.NumActors(), rep.Actors)
	assert.Equal(t, slices.Collect(mem.All()), collect(t, pg.All(ctx)))
	var actors []event.Actor
	for a, err := range pg.Actors(ctx) {
		require.NoError(t, err)
		actors = append(actors, a)
	}
	assert.Equal(t, slices.Collect(mem.Actors()), actors)
	title, err := pg.Title(ctx)
	require.NoError(t, err)
	assert.Equal(t, "Synthetic", title)

	// Loading the same stream again merges every event with itself: no
	// change, no new rows.
	rep, err = pg.Load(ctx, bytes.NewReader(data), nil)
	require.NoError(t, err)
	assert.Equal(t, 3000, rep.Merged)
	n, err := pg.Len(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3000, n)
}

func TestLoadProblemsLeaveNothing(t *testing.T) {
	ctx := context.Background()
	schema := newSchema(t)
	pg, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: schema})
	require.NoError(t, err)
	data := stream(t, synth.Config{Seed: 4, Events: 1000, States: 10, Persons: 50})
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")

	t.Run("a bad line after written batches", func(t *testing.T) {
		bad := slices.Clone(lines)
		bad[len(bad)-10] = strings.Replace(bad[len(bad)-10], `"date":"`, `"date":"2025-02-30`, 1)
		_, err := pg.Load(ctx, strings.NewReader(strings.Join(bad, "\n")), &postgres.LoadOptions{BatchSize: 100})
		var l event.ErrorList
		require.ErrorAs(t, err, &l)
		assert.Equal(t, len(bad)-9, l[0].Line, "the line is named: %v", err)
		requireEmpty(t, schema)
	})
	t.Run("a report that conflicts with one read before", func(t *testing.T) {
		conflict := slices.Clone(lines)
		last := conflict[len(conflict)-1]
		var e event.Event
		e, err := jsondoc.DecodeEvent([]byte(strings.TrimSuffix(strings.TrimPrefix(last, `{"event":`), "}")), nil)
		require.NoError(t, err)
		if e.Status == event.Occurred {
			e.Status = event.Cancelled
		} else {
			e.Status = event.Occurred
		}
		conflict = append(conflict, `{"event":`+string(jsondoc.AppendEvent(nil, &e))+`}`)
		_, err = pg.Load(ctx, strings.NewReader(strings.Join(conflict, "\n")), &postgres.LoadOptions{BatchSize: 100})
		require.ErrorIs(t, err, event.ErrConflict)
		assert.Contains(t, err.Error(), "events[1000].status")
		requireEmpty(t, schema)
	})
	t.Run("cancelled midway", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		_, err := pg.Load(ctx, bytes.NewReader(data), &postgres.LoadOptions{BatchSize: 100,
			Progress: func(r postgres.LoadReport) {
				if r.Batches == 3 {
					cancel()
				}
			}})
		require.ErrorIs(t, err, context.Canceled)
		requireEmpty(t, schema)
	})
}

// killEnv tells the test binary, run again by TestLoadKilledLeavesNothing,
// to load a stream into a schema and be killed doing so.
const killEnv = "ACCORDLINE_PG_KILL_SCHEMA"

// TestLoadKilledLeavesNothing runs a load in another process, kills it
// after some batches are written, and finds nothing of it in the
// database: a load is one transaction.
func TestLoadKilledLeavesNothing(t *testing.T) {
	ctx := context.Background()
	if schema := os.Getenv(killEnv); schema != "" {
		loadUntilKilled(t, schema)
		return
	}
	schema := newSchema(t)
	_, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: schema})
	require.NoError(t, err)

	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadKilledLeavesNothing$", "-test.v")
	cmd.Env = append(os.Environ(), killEnv+"="+schema)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	sc := bufio.NewScanner(out)
	batches := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "written batch ") {
			batches++
			if batches == 3 {
				require.NoError(t, cmd.Process.Kill())
				break
			}
		}
	}
	_ = cmd.Wait()
	require.Equal(t, 3, batches, "the child wrote batches before it was killed")

	// The server ends the dead client's session and rolls its
	// transaction back.
	deadline := time.Now().Add(30 * time.Second)
	for {
		var n int
		require.NoError(t, testPool(t).QueryRow(ctx,
			`SELECT count(*) FROM pg_stat_activity WHERE application_name = $1`, "kill-"+schema).Scan(&n))
		if n == 0 {
			break
		}
		require.True(t, time.Now().Before(deadline), "the killed client's session is still open")
		time.Sleep(50 * time.Millisecond)
	}
	requireEmpty(t, schema)
}

func loadUntilKilled(t *testing.T, schema string) {
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(os.Getenv("ACCORDLINE_PG"))
	require.NoError(t, err)
	cfg.ConnConfig.RuntimeParams["application_name"] = "kill-" + schema
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	require.NoError(t, err)
	pg, err := postgres.Open(ctx, pool, &postgres.Options{Schema: schema})
	require.NoError(t, err)
	pr, pw := io.Pipe()
	go func() {
		// An endless stream: the load never ends by itself.
		lw := jsondoc.NewLineWriter(pw, "Endless", "")
		cfg := synth.Config{Seed: 5, Events: 1 << 30, States: 10, Persons: 40}
		for _, a := range synth.Actors(cfg) {
			_ = lw.WriteActor(&a)
		}
		for e := range synth.Events(cfg) {
			if lw.WriteEvent(&e) != nil {
				break
			}
		}
		pw.CloseWithError(lw.Flush())
	}()
	_, err = pg.Load(ctx, pr, &postgres.LoadOptions{BatchSize: 200, Progress: func(r postgres.LoadReport) {
		fmt.Printf("written batch %d\n", r.Batches)
	}})
	t.Fatalf("the load ended before it was killed: %v", errors.Join(err, io.ErrUnexpectedEOF))
}

package postgres_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// The benchmarks run at 100k and 1M events. The timelines they query are
// loaded once into the schemas bench_100000 and bench_1000000, which stay
// in the database for the next run (drop them to load anew); loading 1M
// events takes minutes:
//
//	go test -run '^$' -bench . -benchtime 20x ./timeline/postgres
var benchSizes = []int{100_000, 1_000_000}

func init() {
	// ACCORDLINE_PG_BENCH_MAX=100000 keeps the benchmarks to the smaller
	// size.
	if m := os.Getenv("ACCORDLINE_PG_BENCH_MAX"); m != "" {
		var limit int
		fmt.Sscan(m, &limit)
		benchSizes = slices.DeleteFunc(benchSizes, func(n int) bool { return n > limit })
	}
}

var benchConfig = func(n int) synth.Config { return synth.Config{Seed: 1, Events: n} }

type benchSet struct {
	mem *timeline.Timeline
	pg  *postgres.Timeline
	sch string
}

var (
	benchMu    sync.Mutex
	benchCache = map[int]*benchSet{}
)

// linesFile writes the JSON Lines stream of n synthetic events into a
// file of the test's temporary directory, once per size.
func linesFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("accordline-bench-%d.jsonl", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".tmp")
	require.NoError(b, err)
	lw := jsondoc.NewLineWriter(f, "Synthetic", "")
	actors, events := synth.Generate(benchConfig(n))
	for i := range actors {
		require.NoError(b, lw.WriteActor(&actors[i]))
	}
	for i := range events {
		require.NoError(b, lw.WriteEvent(&events[i]))
	}
	require.NoError(b, lw.Flush())
	require.NoError(b, f.Close())
	require.NoError(b, os.Rename(path+".tmp", path))
	return path
}

// benchData returns the timelines of n events, in memory and in
// PostgreSQL.
func benchData(b *testing.B, n int) *benchSet {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if d, ok := benchCache[n]; ok {
		return d
	}
	clear(benchCache)
	runtime.GC()
	ctx := context.Background()
	schema := fmt.Sprintf("bench_%d", n)
	pg, err := postgres.Open(ctx, testPool(b), &postgres.Options{Schema: schema})
	require.NoError(b, err)
	if have, err := pg.Len(ctx); err != nil || have != n {
		require.NoError(b, err)
		_, err := testPool(b).Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		require.NoError(b, err)
		pg, err = postgres.Open(ctx, testPool(b), &postgres.Options{Schema: schema})
		require.NoError(b, err)
		f, err := os.Open(linesFile(b, n))
		require.NoError(b, err)
		defer f.Close()
		_, err = pg.Load(ctx, f, &postgres.LoadOptions{BatchSize: 5000})
		require.NoError(b, err)
		_, err = testPool(b).Exec(ctx, "ANALYZE")
		require.NoError(b, err)
	}
	actors, events := synth.Generate(benchConfig(n))
	mem := timeline.New("", "")
	require.NoError(b, mem.AddActors(actors...))
	_, err = mem.Add(events...)
	require.NoError(b, err)
	d := &benchSet{mem: mem, pg: pg, sch: schema}
	benchCache[n] = d
	return d
}

func sizes(b *testing.B, f func(b *testing.B, n int)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { f(b, n) })
	}
}

// BenchmarkLoad loads a JSON Lines stream of synthetic events into an
// empty timeline: reading, validating, merging and COPY. Its yardstick
// is BenchmarkPlainCopy.
func BenchmarkLoad(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		ctx := context.Background()
		path := linesFile(b, n)
		for b.Loop() {
			b.StopTimer()
			pg, err := postgres.Open(ctx, testPool(b), &postgres.Options{Schema: newSchema(b)})
			require.NoError(b, err)
			f, err := os.Open(path)
			require.NoError(b, err)
			b.StartTimer()
			_, err = pg.Load(ctx, f, &postgres.LoadOptions{BatchSize: 5000})
			require.NoError(b, err)
			b.StopTimer()
			f.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(n), "events")
	})
}

// BenchmarkPlainCopy writes the rows of the same events with COPY into
// the same tables, in batches of the same size in one transaction, and
// does nothing else: the rows are made with the timer stopped.
func BenchmarkPlainCopy(b *testing.B) {
	sizes(b, func(b *testing.B, n int) {
		ctx := context.Background()
		actors, _ := synth.Generate(synth.Config{Seed: 1, Events: 1})
		for b.Loop() {
			b.StopTimer()
			pg, err := postgres.Open(ctx, testPool(b), &postgres.Options{Schema: newSchema(b)})
			require.NoError(b, err)
			tx, err := testPool(b).Begin(ctx)
			require.NoError(b, err)
			require.NoError(b, pg.PutActorsTx(ctx, tx, actors))
			batch := make([]event.Event, 0, 5000)
			flush := func() {
				rows := postgres.NewRows(batch)
				batch = batch[:0]
				b.StartTimer()
				require.NoError(b, pg.CopyRows(ctx, tx, rows))
				b.StopTimer()
			}
			for e := range synth.Events(benchConfig(n)) {
				batch = append(batch, e)
				if len(batch) == cap(batch) {
					flush()
				}
			}
			flush()
			b.StartTimer()
			require.NoError(b, tx.Commit(ctx))
		}
		b.ReportMetric(float64(n), "events")
	})
}

// benchQueries are the questions the query benchmarks ask, each with a
// query of package timeline and the SQL a person would write for it by
// hand against the same tables.
func benchQueries(d *benchSet) []struct {
	name string
	q    timeline.Query
	sql  string // the condition on events e, $1 the actor
	args []any
} {
	actor := benchActor(d.mem, nil)
	month := event.InMonth(1985, time.June)
	years, _ := event.Between(event.InYear(1960), event.InYear(2009))
	contact := timeline.WithCategory(event.CategoryContact)
	// The combined query asks of an actor with contacts in those years.
	busy := benchActor(d.mem, func(id event.ActorID) timeline.Query {
		return timeline.And(timeline.WithActor(string(id)), contact, timeline.Within(years))
	})
	var kinds []string
	for _, k := range contact.Kinds() {
		kinds = append(kinds, "'"+k.String()+"'")
	}
	s := pgx.Identifier{d.sch}.Sanitize()
	return []struct {
		name string
		q    timeline.Query
		sql  string
		args []any
	}{
		{"actor", timeline.WithActor(string(actor)),
			"e.id IN (SELECT event_id FROM " + s + ".participants WHERE actor_id = $1 UNION SELECT event_id FROM " + s + ".quotes WHERE speaker = $1)",
			[]any{string(actor)}},
		{"month-within", timeline.Within(month), "e.days <@ daterange('1985-06-01', '1985-06-30', '[]') AND NOT lower_inf(e.days) AND NOT upper_inf(e.days)", nil},
		{"month-overlaps", timeline.Overlaps(month), "e.days && daterange('1985-06-01', '1985-06-30', '[]')", nil},
		{"actor-kind-years", timeline.And(timeline.WithActor(string(busy)), contact, timeline.Within(years)),
			"e.id IN (SELECT event_id FROM " + s + ".participants WHERE actor_id = $1 UNION SELECT event_id FROM " + s + ".quotes WHERE speaker = $1)" +
				" AND e.kind IN (" + strings.Join(kinds, ", ") + ") AND e.days <@ daterange('1960-01-01', '2009-12-31', '[]') AND NOT lower_inf(e.days) AND NOT upper_inf(e.days)",
			[]any{string(busy)}},
	}
}

// benchActor is an actor with about one event in a thousand, as the
// benchmarks of package timeline choose it, and for which also selects
// some events if it is not nil.
func benchActor(tl *timeline.Timeline, also func(event.ActorID) timeline.Query) event.ActorID {
	target := tl.Len() / 1000
	best, bestDiff := event.ActorID(""), -1
	for a := range tl.Actors() {
		if also != nil && tl.Count(also(a.ID)) < target/20 {
			continue
		}
		n := tl.Count(timeline.WithActor(string(a.ID)))
		diff := max(n-target, target-n)
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = a.ID, diff
		}
		if diff == 0 {
			break
		}
	}
	return best
}

const orderBy = ` ORDER BY e.sort_first, e.sort_last, e.sort_precision, e.sort_clock, e.sort_qualifier, e.edtf,
	e.sort_order, e.sort_kind, e.id`

// BenchmarkQuery asks each question four ways: of the timeline in
// memory, of the timeline in PostgreSQL, and by hand-written SQL for whole
// events (the same select list) and for their IDs only. With -v it logs
// the plan PostgreSQL chose for the translated query.
func BenchmarkQuery(b *testing.B) {
	for _, name := range []string{"actor", "month-within", "month-overlaps", "actor-kind-years"} {
		b.Run(name, func(b *testing.B) {
			sizes(b, func(b *testing.B, n int) {
				ctx := context.Background()
				d := benchData(b, n)
				var bq = benchQueries(d)[0]
				for _, x := range benchQueries(d) {
					if x.name == name {
						bq = x
					}
				}
				want := d.mem.Count(bq.q)
				sel, args := d.pg.SQL(bq.q)
				if testing.Verbose() {
					rows, err := testPool(b).Query(ctx, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) "+sel, args...)
					require.NoError(b, err)
					plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
					require.NoError(b, err)
					b.Logf("%s, %d events, %d results:\n%s", name, n, want, strings.Join(plan, "\n"))
				}
				whole := sel[:strings.Index(sel, " FROM "+pgx.Identifier{d.sch}.Sanitize()+".events e WHERE ")] +
					" FROM " + pgx.Identifier{d.sch}.Sanitize() + ".events e WHERE " + bq.sql + orderBy
				ids := "SELECT e.id FROM " + pgx.Identifier{d.sch}.Sanitize() + ".events e WHERE " + bq.sql + orderBy
				b.Run("memory", func(b *testing.B) {
					for b.Loop() {
						got := 0
						for range d.mem.Select(bq.q) {
							got++
						}
						require.Equal(b, want, got)
					}
					b.ReportMetric(float64(want), "results")
				})
				b.Run("postgres", func(b *testing.B) {
					for b.Loop() {
						got := 0
						for _, err := range d.pg.Select(ctx, bq.q) {
							require.NoError(b, err)
							got++
						}
						require.Equal(b, want, got)
					}
					b.ReportMetric(float64(want), "results")
				})
				for _, hand := range []struct{ name, sql string }{{"sql-whole", whole}, {"sql-ids", ids}} {
					b.Run(hand.name, func(b *testing.B) {
						for b.Loop() {
							rows, err := testPool(b).Query(ctx, hand.sql, bq.args...)
							require.NoError(b, err)
							got := 0
							for rows.Next() {
								got++
							}
							require.NoError(b, rows.Err())
							require.Equal(b, want, got)
						}
						b.ReportMetric(float64(want), "results")
					})
				}
			})
		})
	}
}

// TestExplain prints the plans PostgreSQL chooses for each kind of query
// on the timeline that BenchmarkQuery loaded, of the size given by
// ACCORDLINE_PG_EXPLAIN:
//
//	ACCORDLINE_PG_EXPLAIN=1000000 go test -run Explain -v ./timeline/postgres
func TestExplain(t *testing.T) {
	size := os.Getenv("ACCORDLINE_PG_EXPLAIN")
	if size == "" {
		t.Skip("ACCORDLINE_PG_EXPLAIN is not set: set it to 100000 or 1000000 to see the plans")
	}
	ctx := context.Background()
	pg, err := postgres.Open(ctx, testPool(t), &postgres.Options{Schema: "bench_" + size})
	require.NoError(t, err)
	month := event.InMonth(1985, time.June)
	years, _ := event.Between(event.InYear(1960), event.InYear(2009))
	for _, q := range []timeline.Query{
		timeline.WithActor("Aeova"),
		timeline.WithCountry("AE"),
		timeline.WithCountryLineage("AE"),
		timeline.Within(month),
		timeline.Overlaps(month),
		timeline.And(timeline.WithActor("Aeova"), timeline.WithCategory(event.CategoryContact), timeline.Within(years)),
		timeline.WithText("aeova visit"),
		timeline.WithTag("nuclear"),
		timeline.WithInstrument("Memorandum of Understanding on Nuclear Safety"),
		timeline.And(timeline.WithKind(event.Summit), timeline.Not(timeline.WithStatus(event.Occurred))),
	} {
		sel, args := pg.SQL(q)
		rows, err := testPool(t).Query(ctx, "EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) "+sel, args...)
		require.NoError(t, err)
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		require.NoError(t, err)
		t.Logf("%s:\n%s", describe(q), strings.Join(plan, "\n"))
	}
}

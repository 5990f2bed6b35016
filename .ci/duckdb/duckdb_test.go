// Package duckdb checks the Parquet files of package export/parquet with
// a real engine, DuckDB, in a module of its own so that cgo and DuckDB
// stay out of the library's module. .ci/run runs it:
//
//	cd .ci/duckdb && go test ./...
package duckdb

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	_ "github.com/marcboeker/go-duckdb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/timeline"
)

func TestDuckDBReadsOurParquet(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 21, Events: 20_000, States: 40, Persons: 400})
	tl := timeline.New("Synthetic", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = parquet.EncodeDir(dir, tl, &parquet.Options{RowGroupRows: 5000})
	require.NoError(t, err)

	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	file := func(table parquet.Table) string { return "'" + filepath.Join(dir, table.File()) + "'" }
	one := func(query string, args ...any) int {
		t.Helper()
		var n int
		require.NoError(t, db.QueryRow(query, args...).Scan(&n), query)
		return n
	}

	// Counts.
	participants, sources, quotes, titled := 0, 0, 0, 0
	for e := range tl.All() {
		participants += len(e.Participants)
		sources += len(e.Sources)
		for _, s := range e.Sources {
			quotes += len(s.Quotes)
		}
		if e.Titles["de"] != "" {
			titled++
		}
	}
	assert.Equal(t, tl.Len(), one("SELECT count(*) FROM "+file(parquet.Events)))
	assert.Equal(t, tl.NumActors(), one("SELECT count(*) FROM "+file(parquet.Actors)))
	assert.Equal(t, participants, one("SELECT count(*) FROM "+file(parquet.Participants)))
	assert.Equal(t, sources, one("SELECT count(*) FROM "+file(parquet.Sources)))
	assert.Equal(t, quotes, one("SELECT coalesce(sum(json_array_length(quotes::JSON)), 0) FROM "+file(parquet.Sources)))
	assert.Equal(t, titled, one("SELECT count(*) FROM "+file(parquet.Events)+" WHERE titles::JSON ->> 'de' IS NOT NULL"))
	assert.Equal(t, tl.Count(timeline.WithKind(event.PhoneCall)), one("SELECT count(*) FROM "+file(parquet.Events)+" WHERE kind = 'phone-call' AND cameo = '041'"))

	// The columns have the types the documentation gives.
	var firstType, tagsType string
	require.NoError(t, db.QueryRow("SELECT typeof(first_day), typeof(tags) FROM "+file(parquet.Events)+" LIMIT 1").Scan(&firstType, &tagsType))
	assert.Equal(t, "DATE", firstType)
	assert.Equal(t, "VARCHAR[]", tagsType)

	// An actor's events in a decade, in timeline order: one query in
	// DuckDB over the events and participants, the same question to the
	// timeline.
	var busiest event.ActorID
	most := 0
	for _, a := range actors {
		if n := tl.Count(timeline.WithActorIn(string(a.ID), event.Participant)); n > most && a.Type == event.Person {
			busiest, most = a.ID, n
		}
	}
	decade, err := event.Between(event.InYear(2000), event.InYear(2009))
	require.NoError(t, err)
	var want []string
	for e := range tl.Select(timeline.And(timeline.Within(decade), timeline.Where(func(e *event.Event) bool {
		return slices.ContainsFunc(e.Participants, func(p event.Participation) bool { return p.Actor == busiest })
	}))) {
		want = append(want, e.ID.String())
	}
	rows, err := db.Query(`SELECT e.id FROM read_parquet(`+file(parquet.Events)+`, file_row_number = true) e
		WHERE e.first_day >= DATE '2000-01-01' AND e.last_day <= DATE '2009-12-31'
		AND e.id IN (SELECT event_id FROM `+file(parquet.Participants)+` WHERE actor_id = $1)
		ORDER BY e.file_row_number`, string(busiest))
	require.NoError(t, err)
	var got []string
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		got = append(got, id)
	}
	require.NoError(t, rows.Err())
	require.NotEmpty(t, want)
	assert.Equal(t, want, got)

	// Dates come back as the days they were.
	var first time.Time
	require.NoError(t, db.QueryRow("SELECT min(first_day) FROM "+file(parquet.Events)).Scan(&first))
	var earliest event.Day
	seen := false
	for e := range tl.All() {
		if d, ok := e.Date.Earliest(); ok && (!seen || d < earliest) {
			earliest, seen = d, true
		}
	}
	assert.Equal(t, earliest.String(), first.Format("2006-01-02"))
}

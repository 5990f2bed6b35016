package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// isDatabase reports whether a -in or -to names a PostgreSQL database.
func isDatabase(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// fromDatabase runs q in the timeline kept in the database, in SQL, and
// returns what it selects.
func fromDatabase(ctx context.Context, url, schema string, q timeline.Query) (*timeline.Timeline, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	pg, err := postgres.Open(ctx, pool, &postgres.Options{Schema: schema})
	if err != nil {
		return nil, err
	}
	// A misspelt name selects nothing; say so, with suggestions.
	if err := pg.Check(ctx, q); err != nil {
		fmt.Fprintln(os.Stderr, "convert: warning:", err)
	}
	return pg.Collect(ctx, q)
}

// store adds the timeline to the one kept in the database, merging events
// it holds already, with a bulk load: the timeline streams to it as JSON
// Lines.
func store(ctx context.Context, url, schema string, tl *timeline.Timeline) error {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return err
	}
	defer pool.Close()
	pg, err := postgres.Open(ctx, pool, &postgres.Options{Schema: schema})
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() {
		_, err := jsondoc.EncodeLines(pw, tl, nil)
		pw.CloseWithError(err)
	}()
	rep, err := pg.Load(ctx, pr, nil)
	pr.CloseWithError(io.ErrClosedPipe) // ends the writer if the load stopped early
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "convert: stored %d events (%d merged with stored ones) and %d actors in schema %s\n",
		rep.Events, rep.Merged, rep.Actors, schema)
	return nil
}

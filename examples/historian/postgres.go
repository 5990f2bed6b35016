package main

import (
	"context"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// runPostgres imports the records as run does, loads the timeline into the
// PostgreSQL database at url (in the given schema, replacing what an
// earlier run left there), and answers run's questions from the database:
// each selection runs there in SQL, and what run computes over a
// selection in memory (the busiest year, the longest gap) is computed
// over the selection the database returns. The output is run's, line for
// line.
func runPostgres(w io.Writer, data, out, url, schema string) error {
	ctx := context.Background()
	r, err := build(data)
	if err != nil {
		return err
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return err
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
		return err
	}
	pg, err := postgres.Open(ctx, pool, &postgres.Options{Schema: schema})
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() {
		_, err := jsondoc.EncodeLines(pw, r.tl, nil)
		pw.CloseWithError(err)
	}()
	_, err = pg.Load(ctx, pr, nil)
	pr.CloseWithError(io.ErrClosedPipe)
	if err != nil {
		return fmt.Errorf("loading into PostgreSQL: %w", err)
	}

	if err := report(w, r, database{ctx, pg}); err != nil {
		return err
	}
	if out != "" {
		all, err := pg.Collect(ctx, timeline.Query{})
		if err != nil {
			return err
		}
		return write(all, out)
	}
	return nil
}

// database is a store in PostgreSQL.
type database struct {
	ctx context.Context
	pg  *postgres.Timeline
}

func (d database) Len() (int, error)       { return d.pg.Len(d.ctx) }
func (d database) NumActors() (int, error) { return d.pg.NumActors(d.ctx) }
func (d database) Collect(q timeline.Query) (*timeline.Timeline, error) {
	return d.pg.Collect(d.ctx, q)
}
func (d database) Actors() ([]event.Actor, error) {
	var all []event.Actor
	for a, err := range d.pg.Actors(d.ctx) {
		if err != nil {
			return nil, err
		}
		all = append(all, a)
	}
	return all, nil
}

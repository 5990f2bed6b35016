package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

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

	n, err := pg.Len(ctx)
	if err != nil {
		return err
	}
	actors, err := pg.NumActors(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Timeline: %d events, %d actors\n", n, actors)
	for _, im := range importers(data) {
		n := im.name
		fmt.Fprintf(w, "%-8s read %5d  imported %5d  reported %4d\n", n, r.read[n], r.imported[n], len(r.problems[n]))
		printProblems(w, r.problems[n])
	}

	fmt.Fprintln(w, "\nContacts between the United States and Kazakhstan:")
	for e, err := range pg.Select(ctx, timeline.And(timeline.Involving("US"), timeline.Involving("KZ"))) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %-23s %s\n", e.Date, e.Title)
	}

	visits := timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))
	sel, err := pg.Collect(ctx, visits)
	if err != nil {
		return err
	}
	if g := busiest(sel.Group(timeline.Query{}, timeline.GroupByYear)); g.Key != "" {
		fmt.Fprintf(w, "\nBusiest year of visits to the United States: %s, %d visits\n", g.Key, g.Len())
	}

	relations := timeline.WithKind(event.RelationsEstablished)
	if n, err := pg.Count(ctx, relations); err != nil {
		return err
	} else if n > 0 {
		nineties, _ := event.Between(event.InYear(1990), event.InYear(1999))
		var names []string
		for e, err := range pg.Select(ctx, timeline.And(relations, timeline.Within(nineties))) {
			if err != nil {
				return err
			}
			for _, id := range e.InRole(event.Party) {
				a, ok, err := pg.Actor(ctx, id)
				if err != nil {
					return err
				}
				if ok && id != usID {
					names = append(names, fmt.Sprintf("%s (%s)", a.Name, e.Date))
				}
			}
		}
		fmt.Fprintf(w, "\nRelations established in the 1990s with %d states:\n  %s\n", len(names), strings.Join(names, ", "))
	}

	codes := map[string]event.ActorID{}
	for a, err := range pg.Actors(ctx) {
		if err != nil {
			return err
		}
		if a.Type == event.State && a.ID != usID {
			if _, seen := codes[a.Country]; !seen {
				codes[a.Country] = a.ID
			}
		}
	}
	var best stateGap
	found := false
	for _, code := range slices.Sorted(maps.Keys(codes)) {
		sel, err := pg.Collect(ctx, timeline.And(visits, timeline.WithCountry(code)))
		if err != nil {
			return err
		}
		g, ok := sel.LongestGap(timeline.Query{})
		if ok && (!found || g.Days() > best.Days()) {
			best, found = stateGap{g, codes[code]}, true
		}
	}
	if found {
		a, _, err := pg.Actor(ctx, best.state)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\nLongest gap between visits from one country: %s, %d days, %s to %s\n  after:  %s\n  before: %s\n",
			a.Name, best.Days(), best.From, best.To, best.After.Title, best.Before.Title)
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

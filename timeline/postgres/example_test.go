package postgres_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/postgres"
)

// A timeline in the database named by ACCORDLINE_PG: add the seed's
// events, ask for Kazakhstan's events of November 2025 by its German
// name, and change one with the version read.
func ExampleOpen() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("ACCORDLINE_PG"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	tl, err := postgres.Open(ctx, pool, &postgres.Options{Schema: "kazakhstan"})
	if err != nil {
		log.Fatal(err)
	}
	if err := tl.AddActors(ctx, seed.Actors()...); err != nil {
		log.Fatal(err)
	}
	if _, err := tl.Add(ctx, seed.Events()...); err != nil {
		log.Fatal(err)
	}

	month := event.InMonth(2025, time.November)
	for e, err := range tl.Select(ctx, timeline.And(timeline.WithActor("Kasachstan"), timeline.Within(month))) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.Date, e.Title)
	}

	e, v, err := tl.Event(ctx, seed.Events()[0].ID)
	if err != nil {
		log.Fatal(err)
	}
	e.Tags = append(e.Tags, "reviewed")
	if _, err := tl.Replace(ctx, e, v); err != nil {
		log.Fatal(err) // a *postgres.StaleError if another writer came first
	}
}

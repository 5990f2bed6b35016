package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
)

// LoadOptions control [Timeline.Load]. A nil or zero LoadOptions takes the
// defaults.
type LoadOptions struct {
	// Decode bounds what the stream may hold, as for
	// [jsondoc.NewLineReader]; nil takes its defaults.
	Decode *jsondoc.DecodeOptions
	// BatchSize is the number of events written with one COPY of each
	// table; default 2,000. Memory grows with it, not with the stream.
	BatchSize int
	// Progress, if not nil, is called after each batch is written, with
	// what was loaded so far. Nothing is visible to other connections
	// before Load returns.
	Progress func(LoadReport)
}

// A LoadReport says what [Timeline.Load] did.
type LoadReport struct {
	Actors  int // actors read and put
	Events  int // events read
	Merged  int // events merged with one stored or read before
	Batches int // batches written
}

// Load reads a JSON Lines stream, as package jsondoc writes it (a header,
// the actors, then the events), and adds it to the timeline, in constant
// memory but for the actors: events are written in batches with COPY as
// they are read.
//
// A load is one transaction: all or nothing. The whole stream is loaded,
// or, if any line has a problem, the connection fails, ctx is cancelled
// or the program dies, nothing is: not an event, not a batch, not an
// actor. An error lists every problem found, as [jsondoc.DecodeLines]
// does: problems of a line with its line, those found in merging (a
// report that conflicts with one stored or read before) with the event's
// place in the stream, "events[1532].status", counted from 0.
//
// The stream's actors are put as [Timeline.PutActor] puts them, replacing
// stored actors with the same IDs; events are added as [Timeline.Add]
// adds them, merged with stored events of the same IDs and with each
// other. The stream must carry the actors its events refer to, as every
// JSON Lines stream does. The timeline takes the stream's title and
// description if it has none.
func (t *Timeline) Load(ctx context.Context, r io.Reader, opts *LoadOptions) (LoadReport, error) {
	var o LoadOptions
	if opts != nil {
		o = *opts
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 2000
	}
	maxErrors := 1000
	if o.Decode != nil && o.Decode.MaxErrors > 0 {
		maxErrors = o.Decode.MaxErrors
	}
	lr := jsondoc.NewLineReader(r, o.Decode)
	title, desc, err := lr.Header()
	if err != nil {
		return LoadReport{}, err
	}

	var rep LoadReport
	err = pgx.BeginTxFunc(ctx, t.db, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
		rep = LoadReport{}
		if _, err := tx.Exec(ctx, t.q(`UPDATE {schema}.timeline SET title = $1, description = $2
WHERE title = '' AND description = ''`), title, desc); err != nil {
			return err
		}
		var errs event.ErrorList
		var actors []event.Actor
		events := make([]event.Event, 0, o.BatchSize)
		flushActors := func() error {
			if len(actors) == 0 || len(errs) > 0 {
				return nil
			}
			err := t.putActors(ctx, tx, actors)
			actors = actors[:0]
			return err
		}
		flushEvents := func() error {
			if len(events) == 0 || len(errs) > 0 {
				return nil
			}
			merges, err := t.add(ctx, tx, events, rep.Events-len(events))
			var l event.ErrorList
			if errors.As(err, &l) {
				errs = append(errs, l...)
				return nil
			}
			if err != nil {
				return err
			}
			rep.Merged += len(merges)
			rep.Batches++
			clear(events)
			events = events[:0]
			if o.Progress != nil {
				o.Progress(rep)
			}
			return nil
		}
		for len(errs) < maxErrors {
			rec, err := lr.Next()
			if err == io.EOF {
				break
			}
			var l event.ErrorList
			switch {
			case errors.As(err, &l):
				errs = append(errs, l...)
				continue
			case err != nil:
				return err // the stream cannot be read on
			}
			if rec.Actor != nil {
				rep.Actors++
				actors = append(actors, *rec.Actor)
				if len(actors) == 1000 {
					if err := flushActors(); err != nil {
						return err
					}
				}
				continue
			}
			if err := flushActors(); err != nil {
				return err
			}
			rep.Events++
			events = append(events, *rec.Event)
			if len(events) == o.BatchSize {
				if err := flushEvents(); err != nil {
					return err
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := flushActors(); err != nil {
			return err
		}
		if err := flushEvents(); err != nil {
			return err
		}
		if len(errs) > 0 {
			if len(errs) > maxErrors {
				errs = append(errs[:maxErrors:maxErrors], &event.FieldError{
					Err: fmt.Errorf("%w: %d more not reported", event.ErrTooManyProblems, len(errs)-maxErrors)})
			}
			return errs
		}
		return nil
	})
	if err != nil {
		return LoadReport{}, err
	}
	return rep, nil
}

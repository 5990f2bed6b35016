package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Rows are the rows of a batch of events, for the benchmarks' plain COPY.
type Rows = tables

// NewRows returns the rows of the events, as Add and Load write them.
func NewRows(events []event.Event) *Rows {
	ts := newTables()
	for i := range events {
		ts.add(&events[i], 1)
	}
	return ts
}

// CopyRows writes rows with COPY in tx, and nothing else: no reading,
// validating, looking up or merging.
func (t *Timeline) CopyRows(ctx context.Context, tx pgx.Tx, rows *Rows) error {
	return t.copy(ctx, tx, rows)
}

// PutActorsTx writes actors in tx.
func (t *Timeline) PutActorsTx(ctx context.Context, tx pgx.Tx, actors []event.Actor) error {
	return t.putActors(ctx, tx, actors)
}

// SQL returns the statement and arguments that Select runs for q.
func (t *Timeline) SQL(q timeline.Query) (string, []any) {
	tr := t.translate(q)
	return t.sel + tr.columns() + t.q(" FROM {schema}.events e WHERE ") + tr.where + orderBy, tr.args
}

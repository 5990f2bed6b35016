package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Errors reported by a [Timeline], beside those of package timeline it
// shares ([timeline.ErrNotFound], [timeline.ErrActorInUse]).
var (
	// ErrStale is the reason of a [*StaleError]: an event was changed or
	// removed since the version a write was based on.
	ErrStale = errors.New("event changed since it was read")
	// ErrSchemaTooNew reports a database migrated by a newer version of
	// this package.
	ErrSchemaTooNew = errors.New("postgres: schema is newer than this package")
	// ErrOptions is the reason Open refuses options.
	ErrOptions = errors.New("postgres: invalid option")
)

// A Version counts the writes of one stored event: 1 when it is first
// added, one more with each merge or replacement. [Timeline.Replace] and
// [Timeline.Remove] take the version the caller read, so that a write
// based on an old reading fails instead of undoing another's.
type Version int64

// A StaleError reports a write based on an old version of an event: since
// the caller read version Read, another writer changed the event to
// version Current, or removed it (Current 0). A StaleError is [ErrStale],
// and when the event is gone also [timeline.ErrNotFound].
type StaleError struct {
	ID      uuid.UUID
	Read    Version
	Current Version
}

// Error returns "event 1b4e… changed since it was read: version 3 read, 4 stored".
func (e *StaleError) Error() string {
	msg := "event " + e.ID.String() + " changed since it was read: version " + strconv.FormatInt(int64(e.Read), 10) + " read, "
	if e.Current == 0 {
		return msg + "removed since"
	}
	return msg + strconv.FormatInt(int64(e.Current), 10) + " stored"
}

// Unwrap returns [ErrStale], and [timeline.ErrNotFound] when the event is
// gone.
func (e *StaleError) Unwrap() []error {
	if e.Current == 0 {
		return []error{ErrStale, timeline.ErrNotFound}
	}
	return []error{ErrStale}
}

// Options say where a timeline lives in the database. A nil or zero
// Options takes the defaults.
type Options struct {
	// Schema is the PostgreSQL schema holding the timeline's tables;
	// default "accordline". One database holds as many timelines as it has
	// schemas.
	Schema string
	// Retries bounds how often a write that lost a race with another
	// writer (a serialization failure, a deadlock, an insert of the same
	// new event) is tried again from the start; default 10.
	Retries int
}

func (o *Options) withDefaults() Options {
	var out Options
	if o != nil {
		out = *o
	}
	if out.Schema == "" {
		out.Schema = "accordline"
	}
	if out.Retries <= 0 {
		out.Retries = 10
	}
	return out
}

func (o *Options) validate() error {
	if o == nil {
		return nil
	}
	var l event.ErrorList
	if len(o.Schema) > 63 {
		l = append(l, &event.FieldError{Path: "Schema", Value: o.Schema, Err: fmt.Errorf("%w: longer than 63 bytes", ErrOptions)})
	}
	if o.Retries < 0 {
		l = append(l, &event.FieldError{Path: "Retries", Value: strconv.Itoa(o.Retries), Err: fmt.Errorf("%w: negative", ErrOptions)})
	}
	return l.Err()
}

// A Timeline is a timeline kept in PostgreSQL: the same events, actors,
// merges, order and queries as a [timeline.Timeline], shared by every
// program connected to the database and kept between runs.
//
// A Timeline is safe for concurrent use by many goroutines and by many
// programs at once: each write is one transaction, and each query reads
// one snapshot of the database.
type Timeline struct {
	db      *pgxpool.Pool
	q       func(string) string // puts the schema into SQL
	retries int
	schema  string
	sel     string // the select list that reads whole events
}

// Open migrates the schema (see [Migrate]) and returns the timeline kept
// in it. The pool stays the caller's: close it after the last use of the
// timeline.
func Open(ctx context.Context, pool *pgxpool.Pool, opts *Options) (*Timeline, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if err := Migrate(ctx, pool, opts); err != nil {
		return nil, err
	}
	o := opts.withDefaults()
	t := &Timeline{db: pool, q: quoter(o.Schema), retries: o.Retries, schema: o.Schema}
	t.sel = t.q(selectEvent)
	return t, nil
}

// Title returns the title of the timeline.
func (t *Timeline) Title(ctx context.Context) (string, error) {
	var s string
	err := t.db.QueryRow(ctx, t.q(`SELECT title FROM {schema}.timeline`)).Scan(&s)
	return s, err
}

// Description returns the description of the timeline.
func (t *Timeline) Description(ctx context.Context) (string, error) {
	var s string
	err := t.db.QueryRow(ctx, t.q(`SELECT description FROM {schema}.timeline`)).Scan(&s)
	return s, err
}

// SetTitle sets the title: one line of text, as [timeline.Timeline.SetTitle]
// requires.
func (t *Timeline) SetTitle(ctx context.Context, title string) error {
	if !event.ValidText(title, false) {
		return event.ErrorList{{Path: "title", Value: title, Err: event.ErrInvalidText}}
	}
	_, err := t.db.Exec(ctx, t.q(`UPDATE {schema}.timeline SET title = $1`), title)
	return err
}

// SetDescription sets the description, which may span lines.
func (t *Timeline) SetDescription(ctx context.Context, description string) error {
	if !event.ValidText(description, true) {
		return event.ErrorList{{Path: "description", Value: description, Err: event.ErrInvalidText}}
	}
	_, err := t.db.Exec(ctx, t.q(`UPDATE {schema}.timeline SET description = $1`), description)
	return err
}

// Len returns the number of events.
func (t *Timeline) Len(ctx context.Context) (int, error) {
	var n int
	err := t.db.QueryRow(ctx, t.q(`SELECT count(*) FROM {schema}.events`)).Scan(&n)
	return n, err
}

// write runs f in a transaction, again from the start when it lost a race
// with another writer.
func (t *Timeline) write(ctx context.Context, f func(pgx.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := pgx.BeginTxFunc(ctx, t.db, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, f)
		if err == nil || attempt >= t.retries || !retryable(err) {
			return err
		}
	}
}

// retryable reports whether err is a race lost to another writer, which a
// new attempt can win: a serialization failure, a deadlock, a duplicate key
// from inserting an event or actor another writer inserted meanwhile, or
// a reference to an actor removed meanwhile.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505", "23503":
		return true
	}
	return false
}

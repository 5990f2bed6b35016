package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// selectEvent reads whole events from events.doc, which holds each as
// jsondoc writes it: one index lookup an event, where assembling it from
// the other tables would take eight.
const selectEvent = `SELECT e.version, e.doc`

// orderBy is the timeline order; see the README.
const (
	orderBy = ` ORDER BY e.sort_first, e.sort_last, e.sort_precision, e.sort_clock, e.sort_qualifier, e.edtf,
	e.sort_order, e.sort_kind, e.id`
	orderByBackward = ` ORDER BY e.sort_first DESC, e.sort_last DESC, e.sort_precision DESC, e.sort_clock DESC,
	e.sort_qualifier DESC, e.edtf DESC, e.sort_order DESC, e.sort_kind DESC, e.id DESC`
)

// scanned is one row of selectEvent.
type scanned struct {
	version Version
	doc     []byte
	extra   []bool // the columns that Where needs
}

func (s *scanned) dest() []any {
	d := []any{&s.version, &s.doc}
	for i := range s.extra {
		d = append(d, &s.extra[i])
	}
	return d
}

// event decodes the event the row holds. The document is what
// jsondoc.AppendEvent wrote, whose keys are those of event.Event's JSON
// tags: encoding/json reads it back exactly (the property tests compare
// every event read with the timeline's), and faster than
// jsondoc.DecodeEvent, whose strict reader for untrusted input sets up a
// 64 KiB buffer for each call.
func (s *scanned) event() (event.Event, error) {
	var e event.Event
	if err := json.Unmarshal(s.doc, &e); err != nil {
		return event.Event{}, fmt.Errorf("postgres: event as stored: %w", err)
	}
	return e, nil
}

// Select returns the events q selects, in timeline order, as a
// [timeline.Timeline] would: the same events in the same order. The query
// runs in the database when a loop starts ranging over the sequence, and
// the events stream from it as the loop goes; a loop sees one snapshot of
// the database. An error, of the database or of the connection, is the
// last element of the sequence, with the zero Event: a loop that ranges
// over it must check it, or it would take a cut result for a whole one.
//
// The loop holds one connection of the pool until it ends.
//
// Every part of q runs as SQL but for [timeline.Where], whose function
// runs in this program on the events that the other parts of q let
// through.
func (t *Timeline) Select(ctx context.Context, q timeline.Query) iter.Seq2[event.Event, error] {
	return t.selectVersions(ctx, q, orderBy, "")
}

// SelectBackward is [Timeline.Select] in reverse timeline order.
func (t *Timeline) SelectBackward(ctx context.Context, q timeline.Query) iter.Seq2[event.Event, error] {
	return t.selectVersions(ctx, q, orderByBackward, "")
}

// All returns every event in timeline order; see [Timeline.Select].
func (t *Timeline) All(ctx context.Context) iter.Seq2[event.Event, error] {
	return t.Select(ctx, timeline.Query{})
}

func (t *Timeline) selectVersions(ctx context.Context, q timeline.Query, order, limit string) iter.Seq2[event.Event, error] {
	return func(yield func(event.Event, error) bool) {
		for r, err := range t.rows(ctx, q, order, limit) {
			if !yield(r.ev, err) || err != nil {
				return
			}
		}
	}
}

// A row is an event as stored, with its version.
type row struct {
	ev      event.Event
	version Version
}

// rows runs a query and yields its events.
func (t *Timeline) rows(ctx context.Context, q timeline.Query, order, limit string) iter.Seq2[row, error] {
	return func(yield func(row, error) bool) {
		tr := t.translate(q)
		sql := t.sel + tr.columns() + t.q(" FROM {schema}.events e WHERE ") + tr.where + order + limit
		rs, err := t.db.Query(ctx, sql, tr.args...)
		if err != nil {
			yield(row{}, err)
			return
		}
		defer rs.Close()
		s := scanned{extra: make([]bool, len(tr.extra))}
		for rs.Next() {
			if err := rs.Scan(s.dest()...); err != nil {
				yield(row{}, err)
				return
			}
			e, err := s.event()
			if err == nil && tr.eval != nil && !tr.eval.matchEvent(&s, &e) {
				continue
			}
			if !yield(row{e, s.version}, err) || err != nil {
				return
			}
		}
		if err := rs.Err(); err != nil {
			yield(row{}, err)
		}
	}
}

// Event returns the event with the given ID and its version, or an error
// wrapping [timeline.ErrNotFound].
func (t *Timeline) Event(ctx context.Context, id uuid.UUID) (event.Event, Version, error) {
	rs, err := t.db.Query(ctx, t.sel+t.q(" FROM {schema}.events e WHERE e.id = $1"), pgUUID(id))
	if err != nil {
		return event.Event{}, 0, err
	}
	defer rs.Close()
	if !rs.Next() {
		if err := rs.Err(); err != nil {
			return event.Event{}, 0, err
		}
		return event.Event{}, 0, fmt.Errorf("%w: %s", timeline.ErrNotFound, id)
	}
	var s scanned
	if err := rs.Scan(s.dest()...); err != nil {
		return event.Event{}, 0, err
	}
	e, err := s.event()
	return e, s.version, err
}

// Count returns the number of events q selects.
func (t *Timeline) Count(ctx context.Context, q timeline.Query) (int, error) {
	tr := t.translate(q)
	if tr.eval != nil {
		n := 0
		for _, err := range t.Select(ctx, q) {
			if err != nil {
				return 0, err
			}
			n++
		}
		return n, nil
	}
	var n int
	err := t.db.QueryRow(ctx, t.q("SELECT count(*) FROM {schema}.events e WHERE ")+tr.where, tr.args...).Scan(&n)
	return n, err
}

// First returns the earliest event q selects, in timeline order, and
// whether there is one.
func (t *Timeline) First(ctx context.Context, q timeline.Query) (event.Event, bool, error) {
	return t.one(ctx, q, orderBy)
}

// Last returns the latest event q selects, in timeline order.
func (t *Timeline) Last(ctx context.Context, q timeline.Query) (event.Event, bool, error) {
	return t.one(ctx, q, orderByBackward)
}

func (t *Timeline) one(ctx context.Context, q timeline.Query, order string) (event.Event, bool, error) {
	limit := " LIMIT 1"
	if t.translate(q).eval != nil {
		limit = "" // Where may refuse the first rows
	}
	for e, err := range t.selectVersions(ctx, q, order, limit) {
		return e, err == nil, err
	}
	return event.Event{}, false, nil
}

// queryer is what reading needs of a pool or a transaction.
type queryer interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// readLocked reads the events with the given IDs for a write, locking
// them until the transaction ends.
func (t *Timeline) readLocked(ctx context.Context, db queryer, ids []uuid.UUID) (map[uuid.UUID]row, error) {
	pids := make([]pgtype.UUID, len(ids))
	for i, id := range ids {
		pids[i] = pgUUID(id)
	}
	rs, err := db.Query(ctx, t.sel+t.q(" FROM {schema}.events e WHERE e.id = ANY($1) ORDER BY e.id FOR UPDATE OF e"), pids)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := make(map[uuid.UUID]row)
	var s scanned
	for rs.Next() {
		if err := rs.Scan(s.dest()...); err != nil {
			return nil, err
		}
		e, err := s.event()
		if err != nil {
			return nil, err
		}
		out[e.ID] = row{e, s.version}
	}
	return out, rs.Err()
}

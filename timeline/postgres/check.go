package postgres

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Check reports the names in q that name nothing in the timeline, as
// [timeline.Timeline.Check] does, with the same paths and suggestions: an
// [event.ErrorList] of problems whose reasons are
// [*timeline.UnknownNameError]s, or nil when every name is known. An
// error of the database is returned as it is.
//
// Check reads the actors, and the keys of instruments, tags or publishers
// when q names them, to find suggestions; it serves error messages, not
// queries.
func (t *Timeline) Check(ctx context.Context, q timeline.Query) error {
	c := &checker{t: t, ctx: ctx}
	c.check(q, "")
	if c.err != nil {
		return c.err
	}
	return c.errs.Err()
}

type checker struct {
	t    *Timeline
	ctx  context.Context
	dir  *event.Directory
	errs event.ErrorList
	err  error // of the database: ends the check
}

func (c *checker) check(q timeline.Query, path string) {
	if c.err != nil {
		return
	}
	name := ""
	if q.Op() != timeline.OpAll {
		name = q.Op().String()
	}
	at := path + name
	if path != "" && name != "" {
		at = path + "." + name
	}
	switch q.Op() {
	case timeline.OpActor, timeline.OpActorIn, timeline.OpInvolving:
		if dir := c.directory(); dir != nil && len(dir.ResolveActor(q.Name())) == 0 {
			c.unknown(at, q.Name(), dir.SuggestActors(q.Name()))
		}
	case timeline.OpCountry, timeline.OpCountryLineage:
		if dir := c.directory(); dir != nil && !hasCountryActors(dir, q.Name()) {
			c.unknown(at, q.Name(), dir.SuggestActors(q.Name()))
		}
	case timeline.OpInstrument:
		key := event.Fold(q.Name())
		if !c.exists(`SELECT EXISTS (SELECT 1 FROM {schema}.events WHERE instrument_id = $1 OR instrument_key = $2
	UNION ALL SELECT 1 FROM {schema}.instrument_names WHERE key = $2)`, q.Name(), key) {
			c.suggest(at, q.Name(), `SELECT instrument_key FROM {schema}.events WHERE instrument_key IS NOT NULL
	UNION SELECT key FROM {schema}.instrument_names`,
				`SELECT e.instrument_name FROM {schema}.events e WHERE e.instrument_key = $1
	OR e.id IN (SELECT event_id FROM {schema}.instrument_names WHERE key = $1)`+orderBy+` LIMIT 1`)
		}
	case timeline.OpTag:
		if !c.exists(`SELECT EXISTS (SELECT 1 FROM {schema}.tags WHERE key = $1)`, event.Fold(q.Name())) {
			c.suggest(at, q.Name(), `SELECT DISTINCT key FROM {schema}.tags`,
				`SELECT g.tag FROM {schema}.tags g JOIN {schema}.events e ON e.id = g.event_id WHERE g.key = $1`+
					strings.Replace(orderBy, "e.id", "e.id, g.pos", 1)+` LIMIT 1`)
		}
	case timeline.OpPublisher:
		if !c.exists(`SELECT EXISTS (SELECT 1 FROM {schema}.sources WHERE publisher_key = $1)`, event.Fold(q.Name())) {
			c.suggest(at, q.Name(), `SELECT DISTINCT publisher_key FROM {schema}.sources WHERE publisher_key IS NOT NULL`,
				`SELECT s.publisher FROM {schema}.sources s JOIN {schema}.events e ON e.id = s.event_id WHERE s.publisher_key = $1`+
					strings.Replace(orderBy, "e.id", "e.id, s.pos", 1)+` LIMIT 1`)
		}
	case timeline.OpAnd, timeline.OpOr, timeline.OpNot:
		for i, sub := range q.Subs() {
			c.check(sub, at+"["+strconv.Itoa(i)+"]")
		}
	}
}

func (c *checker) unknown(path, name string, suggestions []string) {
	c.errs = append(c.errs, &event.FieldError{Path: path, Value: name,
		Err: &timeline.UnknownNameError{Name: name, Suggestions: suggestions}})
}

// directory reads the actors into a Directory, once.
func (c *checker) directory() *event.Directory {
	if c.dir != nil || c.err != nil {
		return c.dir
	}
	dir := &event.Directory{}
	for a, err := range c.t.Actors(c.ctx) {
		if err != nil {
			c.err = err
			return nil
		}
		if err := dir.PutActor(a); err != nil {
			c.err = err
			return nil
		}
	}
	c.dir = dir
	return dir
}

// hasCountryActors reports whether a state given by code or name has
// actors, as WithCountry finds them.
func hasCountryActors(dir *event.Directory, state string) bool {
	var codes []string
	for _, id := range dir.ResolveActor(state) {
		if a, _ := dir.Actor(id); a.Type == event.State {
			codes = append(codes, a.Country)
		}
	}
	if len(codes) == 0 && event.ValidCountry(strings.ToUpper(state)) {
		codes = []string{strings.ToUpper(state)}
	}
	for a := range dir.Actors() {
		if a.Country != "" && slices.Contains(codes, a.Country) {
			return true
		}
	}
	return false
}

func (c *checker) exists(sql string, args ...any) bool {
	if c.err != nil {
		return true
	}
	var ok bool
	c.err = c.t.db.QueryRow(c.ctx, c.t.q(sql), args...).Scan(&ok)
	return ok || c.err != nil
}

// suggest reports an unknown name with the keys that keysSQL lists and
// that come closest to it, each shown as displaySQL writes it: as the
// earliest event with the key writes it.
func (c *checker) suggest(path, name, keysSQL, displaySQL string) {
	rows, err := c.t.db.Query(c.ctx, c.t.q(keysSQL))
	if err != nil {
		c.err = err
		return
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		c.err = err
		return
	}
	var out []string
	for _, key := range event.Suggest(name, slices.Values(keys)) {
		var shown string
		if err := c.t.db.QueryRow(c.ctx, c.t.q(displaySQL), key).Scan(&shown); err != nil {
			c.err = err
			return
		}
		if !slices.Contains(out, shown) {
			out = append(out, shown)
		}
	}
	c.unknown(path, name, out)
}

package postgres

import (
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// A translation is a query in SQL: a condition on the events table e with
// its arguments, and, when the query holds a Where, the test this program
// runs on the rows the condition lets through.
type translation struct {
	where string
	args  []any
	// extra are SQL conditions selected as boolean columns beside each
	// event, for eval.
	extra []string
	eval  *evalNode
}

// columns returns the extra columns of the select list.
func (tr *translation) columns() string {
	var b strings.Builder
	for _, x := range tr.extra {
		b.WriteString(", ")
		b.WriteString(x)
	}
	return b.String()
}

// translator builds translations against one schema.
type translator struct {
	q    func(string) string
	args []any
}

func (t *Timeline) translate(q timeline.Query) *translation {
	tr := &translator{q: t.q}
	out := &translation{}
	if !hasWhere(q) {
		out.where = tr.sql(q)
	} else {
		// The rows that may match: Where counts as true, or under Not as
		// false. The test in Go then decides.
		out.where = tr.bound(q, true)
		out.eval = tr.evalTree(q, out)
	}
	out.args = tr.args
	return out
}

func hasWhere(q timeline.Query) bool {
	if q.Op() == timeline.OpWhere {
		return true
	}
	for _, s := range q.Subs() {
		if hasWhere(s) {
			return true
		}
	}
	return false
}

// arg adds an argument and returns its placeholder.
func (tr *translator) arg(v any) string {
	tr.args = append(tr.args, v)
	return "$" + strconv.Itoa(len(tr.args))
}

// resolve is the SQL of the actors known by a name, as
// event.Directory.ResolveActor finds them.
func (tr *translator) resolve(name string) string {
	return tr.q(`SELECT actor_id FROM {schema}.actor_keys WHERE key = `) + tr.arg(event.Fold(name))
}

// actorEvents is the condition that an event involves one of the actors
// the SQL ids selects: as a participant or a quoted speaker.
func (tr *translator) actorEvents(ids string) string {
	return tr.q(`e.id IN (SELECT event_id FROM {schema}.participants WHERE actor_id IN (`+ids+`)
	UNION SELECT event_id FROM {schema}.quotes WHERE speaker IN (`) + ids + `))`
}

// sql translates a query without Where into a condition that is never
// NULL, so that Not is its negation.
func (tr *translator) sql(q timeline.Query) string {
	switch q.Op() {
	case timeline.OpAll:
		return "true"
	case timeline.OpKind:
		words := make([]string, len(q.Kinds()))
		for i, k := range q.Kinds() {
			words[i] = k.String()
		}
		return "e.kind = ANY(" + tr.arg(words) + "::text[])"
	case timeline.OpStatus:
		words := make([]string, len(q.Statuses()))
		for i, s := range q.Statuses() {
			words[i] = s.String()
		}
		return "e.status = ANY(" + tr.arg(words) + "::text[])"
	case timeline.OpActor:
		return tr.actorEvents(tr.resolve(q.Name()))
	case timeline.OpActorIn:
		return tr.q(`e.id IN (SELECT event_id FROM {schema}.participants WHERE role = `) + tr.arg(q.Role().String()) +
			` AND actor_id IN (` + tr.resolve(q.Name()) + `))`
	case timeline.OpCountry:
		return tr.actorEvents(tr.country(q.Name()))
	case timeline.OpCountryLineage:
		return tr.actorEvents(tr.lineage(q.Name()))
	case timeline.OpInvolving:
		resolved := tr.resolve(q.Name())
		return tr.actorEvents(resolved + tr.q(` UNION SELECT id FROM {schema}.actors WHERE country IN (
	SELECT country FROM {schema}.actors WHERE type = 'state' AND id IN (`) + resolved + `))`)
	case timeline.OpRole:
		return tr.q(`e.id IN (SELECT event_id FROM {schema}.participants WHERE role = `) + tr.arg(q.Role().String()) + `)`
	case timeline.OpInstrument:
		name := q.Name()
		key := tr.arg(event.Fold(name))
		// The instruments known by the name are few: an array of them
		// lets the index on instrument_id find their events.
		return tr.q(`(e.instrument_id IS NOT NULL AND e.instrument_id = ANY(ARRAY(
	SELECT instrument_id FROM {schema}.events WHERE instrument_id = `) + tr.arg(name) + ` OR instrument_key = ` + key + tr.q(`
	UNION SELECT i.instrument_id FROM {schema}.instrument_names n JOIN {schema}.events i ON i.id = n.event_id WHERE n.key = `) + key + `)))`
	case timeline.OpTag:
		return tr.q(`e.id IN (SELECT event_id FROM {schema}.tags WHERE key = `) + tr.arg(event.Fold(q.Name())) + `)`
	case timeline.OpSourceLang:
		tag := q.Name()
		if tag == "" {
			return "false"
		}
		eq, prefix := tr.arg(tag), tr.arg(tag+"-")
		cond := `(lang_key = ` + eq + ` OR starts_with(lang_key, ` + prefix + `))`
		return tr.q(`e.id IN (SELECT event_id FROM {schema}.sources WHERE `+cond+`
	UNION SELECT event_id FROM {schema}.quotes WHERE `) + cond + `)`
	case timeline.OpPublisher:
		pub := event.Fold(q.Name())
		if pub == "" {
			return "false"
		}
		return tr.q(`e.id IN (SELECT event_id FROM {schema}.sources WHERE publisher_key = `) + tr.arg(pub) + `)`
	case timeline.OpText:
		words := q.Words()
		if len(words) == 0 {
			return "true"
		}
		return "e.words @> " + tr.arg(words) + "::text[]"
	case timeline.OpWithin:
		return tr.within(q.Period())
	case timeline.OpOverlaps:
		return tr.overlaps(q.Period())
	case timeline.OpAnd:
		return tr.join(q.Subs(), " AND ", "true")
	case timeline.OpOr:
		return tr.join(q.Subs(), " OR ", "false")
	case timeline.OpNot:
		return "NOT (" + tr.sql(q.Subs()[0]) + ")"
	}
	return "false"
}

func (tr *translator) join(subs []timeline.Query, op, empty string) string {
	if len(subs) == 0 {
		return empty
	}
	parts := make([]string, len(subs))
	for i, s := range subs {
		parts[i] = tr.sql(s)
	}
	return "(" + strings.Join(parts, op) + ")"
}

// country is the SQL of the actors of a state given by code or name, as
// the compiler of package timeline finds them: every actor whose country
// is that of a state known by the name, or, when no state is, the
// country code itself.
func (tr *translator) country(state string) string {
	resolved := tr.resolve(state)
	fallback := any(nil)
	if code := strings.ToUpper(state); event.ValidCountry(code) {
		fallback = code
	}
	states := tr.q(`SELECT country FROM {schema}.actors WHERE type = 'state' AND id IN (`) + resolved + `)`
	return tr.q(`SELECT id FROM {schema}.actors WHERE country IN (`) + states + ` UNION ALL SELECT ` + tr.arg(fallback) +
		`::text WHERE NOT EXISTS (` + states + `))`
}

// lineage is the SQL of the actors of a state given by code or name and
// of every state it succeeded, directly or through others, as
// timeline.WithCountryLineage finds them: the states known by the name,
// their predecessors followed through actor_successions, and every actor
// whose country is that of one of these states; when the name knows no
// state, the country code itself.
func (tr *translator) lineage(state string) string {
	resolved := tr.resolve(state)
	fallback := any(nil)
	if code := strings.ToUpper(state); event.ValidCountry(code) {
		fallback = code
	}
	states := tr.q(`WITH RECURSIVE lineage (id) AS (
	SELECT id FROM {schema}.actors WHERE type = 'state' AND id IN (`) + resolved + tr.q(`)
	UNION SELECT s.predecessor_id FROM {schema}.actor_successions s JOIN lineage l ON s.actor_id = l.id)
SELECT a.country FROM lineage l JOIN {schema}.actors a ON a.id = l.id WHERE a.type = 'state'`)
	return tr.q(`SELECT id FROM {schema}.actors WHERE country IN (`) + states + ` UNION ALL SELECT ` + tr.arg(fallback) +
		`::text WHERE NOT EXISTS (` + states + `))`
}

// period returns the range of days a query's period covers, and false when
// it ends before the first day PostgreSQL holds.
func period(d event.Date) (pgtype.Range[pgtype.Date], bool) {
	r := pgtype.Range[pgtype.Date]{LowerType: pgtype.Unbounded, UpperType: pgtype.Unbounded, Valid: true}
	if day, ok := d.Latest(); ok {
		if day < firstDay {
			return r, false
		}
		r.Upper, r.UpperType = pgDate(day), pgtype.Inclusive
	}
	// A start before the first day PostgreSQL holds is as good as none:
	// no stored day lies before it.
	if day, ok := d.Earliest(); ok && day >= firstDay {
		r.Lower, r.LowerType = pgDate(day), pgtype.Inclusive
	}
	return r, true
}

func (tr *translator) within(d event.Date) string {
	if d.IsZero() {
		return "false"
	}
	r, ok := period(d)
	if !ok {
		return "false" // no bounded date lies wholly before the first day stored
	}
	return "(e.first_day IS NOT NULL AND e.last_day IS NOT NULL AND e.days <@ " + tr.arg(r) + "::daterange)"
}

func (tr *translator) overlaps(d event.Date) string {
	if d.IsZero() {
		return "false"
	}
	r, ok := period(d)
	if !ok {
		// Of the stored dates, only those with an open start reach that
		// far back.
		return "(e.days IS NOT NULL AND lower_inf(e.days))"
	}
	return "(e.days IS NOT NULL AND e.days && " + tr.arg(r) + "::daterange)"
}

// bound returns a condition that every event q selects meets (upper) or
// that only such events meet (lower), treating Where as unknown.
func (tr *translator) bound(q timeline.Query, upper bool) string {
	if !hasWhere(q) {
		return tr.sql(q)
	}
	switch q.Op() {
	case timeline.OpWhere:
		return strconv.FormatBool(upper)
	case timeline.OpNot:
		return "NOT (" + tr.bound(q.Subs()[0], !upper) + ")"
	case timeline.OpAnd, timeline.OpOr:
		op := " AND "
		if q.Op() == timeline.OpOr {
			op = " OR "
		}
		var parts []string
		for _, s := range q.Subs() {
			parts = append(parts, tr.bound(s, upper))
		}
		return "(" + strings.Join(parts, op) + ")"
	}
	return tr.sql(q)
}

// An evalNode is the part of a query with Where that this program
// evaluates: Where itself, And, Or and Not, and below them SQL conditions
// read from the extra boolean columns.
type evalNode struct {
	op   timeline.QueryOp
	col  int // for SQL conditions: the extra column; -1 otherwise
	fn   func(*event.Event) bool
	subs []*evalNode
}

func (tr *translator) evalTree(q timeline.Query, out *translation) *evalNode {
	if !hasWhere(q) {
		out.extra = append(out.extra, tr.sql(q))
		return &evalNode{col: len(out.extra) - 1}
	}
	n := &evalNode{op: q.Op(), col: -1, fn: q.Func()}
	for _, s := range q.Subs() {
		n.subs = append(n.subs, tr.evalTree(s, out))
	}
	return n
}

// matchEvent evaluates the tree on a decoded event.
func (n *evalNode) matchEvent(s *scanned, e *event.Event) bool {
	if n.col >= 0 {
		return s.extra[n.col]
	}
	switch n.op {
	case timeline.OpWhere:
		return n.fn(e)
	case timeline.OpNot:
		return !n.subs[0].matchEvent(s, e)
	case timeline.OpAnd:
		for _, sub := range n.subs {
			if !sub.matchEvent(s, e) {
				return false
			}
		}
		return true
	case timeline.OpOr:
		for _, sub := range n.subs {
			if sub.matchEvent(s, e) {
				return true
			}
		}
		return false
	}
	return false
}

package postgres

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// firstDay is the first day PostgreSQL's date type holds, 24 November 4714
// BCE of the proleptic Gregorian calendar (1 January 4713 BC of the Julian
// one). Events whose dates reach before it cannot be stored.
var firstDay = event.DayOf(-4713, time.November, 24)

// A table is the name and columns of one table that events are written
// to, and the rows gathered for it.
type table struct {
	name string
	cols []string
	rows [][]any
}

// tables are the rows of a batch of events, in an order that satisfies
// the foreign keys: events first, sources before quotes.
type tables struct {
	events, titles, participants, instrumentNames, sources, quotes, tags, links, alternatives table
}

func newTables() *tables {
	return &tables{
		events: table{name: "events", cols: []string{"id", "version", "kind", "status", "title", "description",
			"discriminator", "edtf", "date_text", "first_day", "last_day", "days", "ord",
			"place_name", "place_venue", "place_city", "place_country", "place_lat", "place_lon",
			"instrument_id", "instrument_name", "instrument_key",
			"sort_first", "sort_last", "sort_precision", "sort_clock", "sort_qualifier", "sort_order", "sort_kind", "words", "doc"}},
		titles:          table{name: "event_titles", cols: []string{"event_id", "lang", "title"}},
		participants:    table{name: "participants", cols: []string{"event_id", "pos", "actor_id", "role", "capacity"}},
		instrumentNames: table{name: "instrument_names", cols: []string{"event_id", "lang", "name", "key"}},
		sources: table{name: "sources", cols: []string{"event_id", "pos", "publisher", "publisher_key", "url", "title",
			"lang", "lang_key", "published"}},
		quotes: table{name: "quotes", cols: []string{"event_id", "source_pos", "pos", "text", "lang", "lang_key",
			"speaker", "translation", "translation_lang"}},
		tags:         table{name: "tags", cols: []string{"event_id", "pos", "tag", "key"}},
		links:        table{name: "links", cols: []string{"event_id", "pos", "type", "target"}},
		alternatives: table{name: "alternatives", cols: []string{"event_id", "pos", "field", "actor_id", "role", "value", "source"}},
	}
}

// all returns the tables in the order to write them.
func (ts *tables) all() []*table {
	return []*table{&ts.events, &ts.titles, &ts.participants, &ts.instrumentNames, &ts.sources, &ts.quotes, &ts.tags, &ts.links, &ts.alternatives}
}

// opt stores the empty string as NULL.
func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func pgUUID(id uuid.UUID) pgtype.UUID { return pgtype.UUID{Bytes: id, Valid: true} }

func pgDate(d event.Day) pgtype.Date {
	y, m, dd := d.Date()
	return pgtype.Date{Time: time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), Valid: true}
}

// checkDays reports a date that reaches before the first day PostgreSQL
// holds.
func checkDays(d event.Date, path string) *event.FieldError {
	first, ok1 := d.Earliest()
	last, ok2 := d.Latest()
	if ok1 && first < firstDay || ok2 && last < firstDay {
		return &event.FieldError{Path: path, Value: d.String(),
			Err: fmt.Errorf("%w: before %s, the first day PostgreSQL holds", event.ErrOutOfRange, firstDay)}
	}
	return nil
}

// add appends the rows of one validated event at the given version.
func (ts *tables) add(e *event.Event, v Version) {
	id := pgUUID(e.ID)
	k := sortKeyOf(e)

	var first, last, days any
	if !e.Date.IsZero() {
		r := pgtype.Range[pgtype.Date]{LowerType: pgtype.Unbounded, UpperType: pgtype.Unbounded, Valid: true}
		if d, ok := e.Date.Earliest(); ok {
			first, r.Lower, r.LowerType = pgDate(d), pgDate(d), pgtype.Inclusive
		}
		if d, ok := e.Date.Latest(); ok {
			last, r.Upper, r.UpperType = pgDate(d), pgDate(d), pgtype.Inclusive
		}
		days = r
	}
	var ord any
	if e.Order > 0 {
		ord = int64(e.Order)
	}
	var lat, lon any
	if c := e.Place.Coordinates; c != nil {
		lat, lon = c.Lat, c.Lon
	}
	in := &e.Instrument
	var instKey any
	if in.ID != "" {
		instKey = event.Fold(in.ID)
	}
	words := timeline.Words(e)
	slices.Sort(words)
	if words == nil {
		words = []string{}
	}
	ts.events.rows = append(ts.events.rows, []any{id, int64(v), e.Kind.String(), e.Status.String(), e.Title,
		opt(e.Description), opt(e.Discriminator), opt(e.Date.String()), opt(e.DateText), first, last, days, ord,
		opt(e.Place.Name), opt(e.Place.Venue), opt(e.Place.City), opt(e.Place.Country), lat, lon,
		opt(in.ID), opt(in.Name), instKey,
		k.first, k.last, k.precision, k.clock, k.qualifier, k.order, k.kind, words, string(jsondoc.AppendEvent(nil, e))})

	for _, lang := range slices.Sorted(maps.Keys(e.Titles)) {
		ts.titles.rows = append(ts.titles.rows, []any{id, lang, e.Titles[lang]})
	}
	for i, p := range e.Participants {
		ts.participants.rows = append(ts.participants.rows, []any{id, int32(i), string(p.Actor), p.Role.String(), opt(p.Capacity)})
	}
	if in.ID != "" {
		if in.Name != "" {
			ts.instrumentNames.rows = append(ts.instrumentNames.rows, []any{id, "", in.Name, event.Fold(in.Name)})
		}
		for _, lang := range slices.Sorted(maps.Keys(in.Names)) {
			n := in.Names[lang]
			ts.instrumentNames.rows = append(ts.instrumentNames.rows, []any{id, lang, n, event.Fold(n)})
		}
	}
	for i, s := range e.Sources {
		var published any
		if !s.Published.IsZero() {
			published = s.Published.String()
		}
		ts.sources.rows = append(ts.sources.rows, []any{id, int32(i), opt(s.Publisher), opt(event.Fold(s.Publisher)),
			opt(s.URL), opt(s.Title), opt(s.Lang), opt(strings.ToLower(s.Lang)), published})
		for j, q := range s.Quotes {
			ts.quotes.rows = append(ts.quotes.rows, []any{id, int32(i), int32(j), q.Text, opt(q.Lang), opt(strings.ToLower(q.Lang)),
				opt(string(q.Speaker)), opt(q.Translation), opt(q.TranslationLang)})
		}
	}
	for i, tag := range e.Tags {
		ts.tags.rows = append(ts.tags.rows, []any{id, int32(i), tag, event.Fold(tag)})
	}
	for i, l := range e.Links {
		ts.links.rows = append(ts.links.rows, []any{id, int32(i), l.Type.String(), pgUUID(l.Target)})
	}
	for i, a := range e.Alternatives {
		var role any
		if a.Role != 0 {
			role = a.Role.String()
		}
		ts.alternatives.rows = append(ts.alternatives.rows, []any{id, int32(i), a.Field, opt(string(a.Actor)), role, a.Value, opt(a.Source)})
	}
}

// A sortKey is the timeline order of an event as integers, stored in the
// sort_* columns; see the README for their meaning. It is the order of
// [timeline.Compare] together with the EDTF text, which breaks the ties
// between dates these keys leave equal.
type sortKey struct {
	first, last int32 // day numbers; MinInt32 for an open start, MaxInt32-1 for an open end, MaxInt32 without date
	precision   int16
	clock       int32 // seconds of the day in UTC; MinInt32 without a time
	qualifier   int16
	order       int32 // Event.Order; MaxInt32 when it states none
	kind        int16 // the kind's rank: its place in the declaration of event.Kind
}

func sortKeyOf(e *event.Event) sortKey {
	d := e.Date
	k := sortKey{kind: int16(e.Kind), precision: int16(d.Precision()), qualifier: int16(d.Qualifier()),
		order: math.MaxInt32, clock: math.MinInt32}
	if e.Order > 0 {
		k.order = int32(min(e.Order, math.MaxInt32-1))
	}
	if d.IsZero() {
		k.first, k.last = math.MaxInt32, math.MaxInt32
		return k
	}
	k.first, k.last = math.MinInt32, math.MaxInt32-1
	if day, ok := d.Earliest(); ok {
		k.first = int32(day)
	}
	if day, ok := d.Latest(); ok {
		k.last = int32(day)
	}
	if t, ok := d.Time(); ok {
		_, off := t.Zone()
		k.clock = int32(t.Hour()*3600 + t.Minute()*60 + t.Second() - off)
	}
	return k
}

package timeline

import (
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// A Query selects events. Build queries with the functions of this package
// and combine them with [And], [Or] and [Not]. The zero Query selects every
// event.
//
// The functions are named in one scheme: With and a field select by that
// field ([WithKind], [WithActor], [WithTag]); [Within], [Overlaps] and
// [Involving] select by a relation to a date or an actor; [And], [Or], [Not]
// and [Where] combine and extend.
//
// Names in queries are resolved when the query runs, against the actors of
// the timeline it runs on: [WithActor]("Kasachstan") finds Kazakhstan in a
// timeline whose Kazakhstan has that German name. A name that resolves to
// nothing selects nothing; [Timeline.Check] tells such names, with
// suggestions.
type Query struct {
	op       queryOp
	kinds    []event.Kind
	statuses []event.Status
	text     string
	role     event.Role
	period   event.Date
	subs     []Query
	fn       func(*event.Event) bool
}

type queryOp uint8

const (
	opAll queryOp = iota
	opKind
	opStatus
	opActor
	opActorRole
	opCountry
	opInvolving
	opRole
	opInstrument
	opTag
	opLang
	opPublisher
	opText
	opWithin
	opOverlaps
	opAnd
	opOr
	opNot
	opWhere
	opCountryLineage
)

// WithKind selects events of any of the kinds.
func WithKind(kinds ...event.Kind) Query { return Query{op: opKind, kinds: kinds} }

// WithCategory selects events whose kind is in the category.
func WithCategory(c event.Category) Query {
	var kinds []event.Kind
	for _, k := range event.Kinds() {
		if k.Category() == c {
			kinds = append(kinds, k)
		}
	}
	return WithKind(kinds...)
}

// WithStatus selects events with any of the statuses.
func WithStatus(statuses ...event.Status) Query {
	return Query{op: opStatus, statuses: statuses}
}

// WithActor selects events in which the actor known by name takes part or
// is quoted. The name may be the actor's ID, any of its names or aliases in
// any language, or a state's country code, compared ignoring case and
// accents. A name that fits several actors selects the events of each.
func WithActor(name string) Query { return Query{op: opActor, text: name} }

// WithActorIn selects events in which the actor known by name plays role r.
func WithActorIn(name string, r event.Role) Query {
	return Query{op: opActorRole, text: name, role: r}
}

// WithCountry selects events in which a state, or a person or body of that
// state, takes part or is quoted: WithCountry("KZ") finds Tokayev's calls.
// The state may be given by country code or by any name of the state
// actor.
func WithCountry(state string) Query { return Query{op: opCountry, text: state} }

// Involving selects the events of an actor as people think of them: for a
// state, events of the state itself and of its persons and bodies; for
// anyone else, the events the actor takes part in or is quoted in.
func Involving(name string) Query { return Query{op: opInvolving, text: name} }

// WithRole selects events in which some actor plays role r.
func WithRole(r event.Role) Query { return Query{op: opRole, role: r} }

// WithInstrument selects events concerning the instrument with the given
// ID, or known by the given name in any language in any event, ignoring
// case and accents.
func WithInstrument(idOrName string) Query { return Query{op: opInstrument, text: idOrName} }

// WithTag selects events with the tag, ignoring case and accents.
func WithTag(tag string) Query { return Query{op: opTag, text: tag} }

// WithSourceLang selects events with a source or quote in the language:
// "de" also selects "de-CH". The empty tag selects nothing.
func WithSourceLang(tag string) Query { return Query{op: opLang, text: strings.ToLower(tag)} }

// WithPublisher selects events reported by the publisher, ignoring case and
// accents. The empty name selects nothing.
func WithPublisher(name string) Query { return Query{op: opPublisher, text: name} }

// WithText selects events whose titles, description, date text (or
// another report's wording of them, see [event.Alternative]), or sources'
// titles, quotes and translations contain every word of s as a whole word,
// in any order, ignoring case and accents:
// WithText("netanjahu telefonat"). Text without words selects every event.
func WithText(s string) Query { return Query{op: opText, text: s} }

// Within selects events that certainly fall within the period d: the whole
// covered range of their date lies in the covered range of d (see
// [event.Date.Within]). Within(event.InMonth(2025, time.November)) selects
// the events of November 2025; a period of days is
// [event.Between] of two days. Events with open, unknown or no dates are
// within no period, and the zero Date holds nothing.
func Within(d event.Date) Query { return Query{op: opWithin, period: d} }

// Overlaps selects events that may fall in the period d: the covered range
// of their date meets that of d ([event.Date.Overlaps]). An open-ended
// "soon" may fall in any period after it starts. The zero Date meets
// nothing.
func Overlaps(d event.Date) Query { return Query{op: opOverlaps, period: d} }

// And selects events that every query selects; And() selects all.
func And(qs ...Query) Query { return Query{op: opAnd, subs: qs} }

// Or selects events that any query selects; Or() selects none.
func Or(qs ...Query) Query { return Query{op: opOr, subs: qs} }

// Not selects events that q does not select.
func Not(q Query) Query { return Query{op: opNot, subs: []Query{q}} }

// Where selects events for which f returns true. Such a query cannot use an
// index; combine it with indexed queries in [And] to keep it fast. f is
// given the timeline's own event, as [Timeline.Shared] yields it, and must
// not modify it.
func Where(f func(*event.Event) bool) Query { return Query{op: opWhere, fn: f} }

// plan is a compiled query: a test for one entry, and where an index helps,
// candidates in timeline order that hold every match.
type plan struct {
	match func(*entry) bool
	// cands returns the candidates and the test they still need: nil when
	// every candidate matches. It runs under the timeline's read lock.
	cands func() (l list, check func(*entry) bool)
	size  int // an upper bound on the number of candidates, for choosing among plans
	// direct says cands returns a list the index holds, without work.
	direct bool
	// filter, where set, returns the candidates that pass test, and the
	// plan's own test: a cheap test is better made on the few lists an
	// index gives than on their union. It runs under the read lock.
	filter func(test func(*entry) bool) list
	// costly says match does more than test the fields of the event: a
	// plan with candidates is better intersected with them.
	costly bool
	// user says match calls a function of the caller's, which must not
	// run under the read lock: it may call the timeline.
	user bool
}

func (p *plan) indexed() bool { return p.cands != nil }

// compiler compiles queries against one state of a timeline.
type compiler struct {
	t        *Timeline
	ix       *index
	useIndex bool
}

func (c *compiler) compile(q Query) plan {
	k := &c.ix.keys
	switch q.op {
	case opAll:
		order := c.ix.order
		return plan{match: func(*entry) bool { return true }, size: order.len(), direct: true,
			cands: func() (list, func(*entry) bool) { return order, nil }}
	case opKind:
		return keyPlan(c, k.kind, q.kinds, func(e *entry) bool { return slices.Contains(q.kinds, e.ev.Kind) })
	case opStatus:
		return keyPlan(c, k.status, q.statuses, func(e *entry) bool { return slices.Contains(q.statuses, e.ev.Status) })
	case opActor:
		ids := c.t.actors.ResolveActor(q.text)
		return c.actorPlan(ids)
	case opCountry:
		return c.actorPlan(c.countryActors(q.text))
	case opCountryLineage:
		return c.actorPlan(c.lineageActors(q.text))
	case opInvolving:
		return c.actorPlan(c.involving(q.text))
	case opActorRole:
		ids := c.t.actors.ResolveActor(q.text)
		p := keyPlan(c, k.actor, ids, func(e *entry) bool {
			return slices.ContainsFunc(e.ev.Participants, func(p event.Participation) bool {
				return p.Role == q.role && slices.Contains(ids, p.Actor)
			})
		})
		return inexact(p)
	case opRole:
		return keyPlan(c, k.role, []event.Role{q.role}, func(e *entry) bool {
			return slices.ContainsFunc(e.ev.Participants, func(p event.Participation) bool { return p.Role == q.role })
		})
	case opInstrument:
		ids := c.instrumentIDs(q.text)
		return keyPlan(c, k.instrument, ids, func(e *entry) bool { return slices.Contains(ids, e.ev.Instrument.ID) })
	case opTag:
		tag := event.Fold(q.text)
		return keyPlan(c, k.tag, []string{tag}, func(e *entry) bool {
			return slices.ContainsFunc(e.ev.Tags, func(t string) bool { return event.Fold(t) == tag })
		})
	case opLang:
		var langs []string
		if c.useIndex {
			langs = c.langs(q.text)
		}
		return keyPlan(c, k.lang, langs, func(e *entry) bool { return hasLang(&e.ev, q.text) })
	case opPublisher:
		pub := event.Fold(q.text)
		return keyPlan(c, k.publisher, []string{pub}, func(e *entry) bool {
			return pub != "" && slices.ContainsFunc(e.ev.Sources, func(s event.Source) bool { return event.Fold(s.Publisher) == pub })
		})
	case opText:
		return c.textPlan(q.text)
	case opWithin, opOverlaps:
		return c.datePlan(q)
	case opAnd:
		return c.andPlan(q.subs)
	case opOr:
		return c.orPlan(q.subs)
	case opNot:
		sub := c.compile(q.subs[0])
		return plan{match: func(e *entry) bool { return !sub.match(e) }, costly: sub.costly, user: sub.user}
	case opWhere:
		return plan{match: func(e *entry) bool { return q.fn(&e.ev) }, costly: true, user: true}
	}
	return plan{match: func(*entry) bool { return false }}
}

// keyPlan is the plan of a query answered by the union of the lists of p
// under keys. It takes the lists now, under the read lock.
func keyPlan[K comparable](c *compiler, p postings[K], keys []K, match func(*entry) bool) plan {
	pl := plan{match: match}
	if !c.useIndex {
		return pl
	}
	ls := make([]list, 0, len(keys))
	for _, k := range keys {
		if l := p[k]; len(l) > 0 {
			ls = append(ls, l)
			pl.size += l.len()
		}
	}
	max := c.ix.max
	pl.direct = len(ls) <= 1
	pl.cands = func() (list, func(*entry) bool) { return union(max, ls...), nil }
	pl.filter = func(test func(*entry) bool) list {
		parts := make([]list, 0, len(ls))
		for _, l := range ls {
			var out []*entry
			for _, c := range l {
				for _, e := range c.es {
					if test(e) {
						out = append(out, e)
					}
				}
			}
			parts = append(parts, fromSorted(out, max))
		}
		return union(max, parts...)
	}
	return pl
}

// actorPlan selects the events in which any of the actors takes part or
// is quoted.
func (c *compiler) actorPlan(ids []event.ActorID) plan {
	set := newActorSet(ids)
	return keyPlan(c, c.ix.keys.actor, ids, func(e *entry) bool { return set.involves(&e.ev) })
}

// inexact marks a plan's candidates as needing the match test.
func inexact(p plan) plan {
	if p.cands != nil {
		cands, filter, match := p.cands, p.filter, p.match
		p.cands = func() (list, func(*entry) bool) {
			l, _ := cands()
			return l, match
		}
		p.filter = func(test func(*entry) bool) list {
			return filter(func(e *entry) bool { return match(e) && test(e) })
		}
	}
	return p
}

// An actorSet tells whether an event involves any of a set of actors: a
// state's thousands of persons and bodies are looked up in a map.
type actorSet struct {
	ids []event.ActorID
	m   map[event.ActorID]struct{}
}

func newActorSet(ids []event.ActorID) actorSet {
	s := actorSet{ids: ids}
	if len(ids) > 8 {
		s.m = make(map[event.ActorID]struct{}, len(ids))
		for _, id := range ids {
			s.m[id] = struct{}{}
		}
	}
	return s
}

func (s *actorSet) has(id event.ActorID) bool {
	if s.m != nil {
		_, ok := s.m[id]
		return ok
	}
	return slices.Contains(s.ids, id)
}

func (s *actorSet) involves(e *event.Event) bool {
	if len(s.ids) == 0 {
		return false
	}
	for _, p := range e.Participants {
		if s.has(p.Actor) {
			return true
		}
	}
	for _, src := range e.Sources {
		for _, q := range src.Quotes {
			if q.Speaker != "" && s.has(q.Speaker) {
				return true
			}
		}
	}
	return false
}

// countryActors returns the actors of a state given by code or name.
func (c *compiler) countryActors(state string) []event.ActorID {
	var codes []string
	for _, id := range c.t.actors.ResolveActor(state) {
		if a, _ := c.t.actors.Actor(id); a.Type == event.State {
			codes = appendNew(codes, a.Country)
		}
	}
	if len(codes) == 0 && event.ValidCountry(strings.ToUpper(state)) {
		codes = []string{strings.ToUpper(state)}
	}
	var ids []event.ActorID
	for _, code := range codes {
		ids = append(ids, c.t.countries[code]...)
	}
	return ids
}

// instrumentIDs returns the IDs of the instruments known by idOrName in any
// event: an instrument's names in other languages may be given by only some
// of the events concerning it.
func (c *compiler) instrumentIDs(idOrName string) []string {
	var ids []string
	if c.useIndex {
		k := &c.ix.keys
		if _, ok := k.instrument[idOrName]; ok {
			ids = append(ids, idOrName)
		}
		for _, ch := range k.instrumentName[event.Fold(idOrName)] {
			for _, e := range ch.es {
				ids = append(ids, e.ev.Instrument.ID)
			}
		}
	} else {
		for _, ch := range c.ix.order {
			for _, e := range ch.es {
				if instrumentIs(&e.ev.Instrument, idOrName) {
					ids = append(ids, e.ev.Instrument.ID)
				}
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// instrumentIs reports whether in is known by idOrName: its ID, or any of
// its names, ignoring case and accents.
func instrumentIs(in *event.Instrument, idOrName string) bool {
	if in.ID == "" {
		return false
	}
	if in.ID == idOrName {
		return true
	}
	name := event.Fold(idOrName)
	if event.Fold(in.ID) == name || event.Fold(in.Name) == name {
		return true
	}
	for _, n := range in.Names {
		if event.Fold(n) == name {
			return true
		}
	}
	return false
}

// langs returns the indexed language tags that tag selects.
func (c *compiler) langs(tag string) []string {
	var out []string
	for l := range c.ix.keys.lang {
		if l == tag || strings.HasPrefix(l, tag+"-") {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

func hasLang(e *event.Event, tag string) bool {
	if tag == "" {
		return false
	}
	is := func(l string) bool {
		l = strings.ToLower(l)
		return l == tag || strings.HasPrefix(l, tag+"-")
	}
	for _, s := range e.Sources {
		if is(s.Lang) {
			return true
		}
		for _, q := range s.Quotes {
			if is(q.Lang) {
				return true
			}
		}
	}
	return false
}

package timeline

import (
	"cmp"
	"iter"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// Calendar returns the events of the actor known by name in timeline order:
// for a state, its own events and those of its persons and bodies (see
// [Involving]).
func (t *Timeline) Calendar(name string) iter.Seq[event.Event] {
	return t.Select(Involving(name))
}

// Bilateral returns the history of two actors: the events involving both,
// where a state counts for its persons and bodies, in timeline order.
func (t *Timeline) Bilateral(a, b string) iter.Seq[event.Event] {
	return t.Select(And(Involving(a), Involving(b)))
}

// History returns the treaty actions concerning an instrument, given by ID
// or name, in timeline order: who signed, ratified, accepted, approved,
// acceded or succeeded to it and when, with its signing ceremonies and the
// agreements concluded.
func (t *Timeline) History(instrument string) iter.Seq[event.Event] {
	return t.Select(And(WithInstrument(instrument), WithCategory(event.CategoryTreaty)))
}

// A GroupBy says how [Timeline.Group] groups events.
type GroupBy uint8

// The groupings. The date groupings put an event under the day, month or
// year that holds its whole covered range; an event that no single period
// holds, such as "2025-11-06/.." or "201X", forms a group of its own keyed
// by its date, and events without a date are grouped under "".
const (
	GroupByDay     GroupBy = iota // key "2025-11-06"
	GroupByMonth                  // key "2025-11"
	GroupByYear                   // key "2025"
	GroupByKind                   // key "phone-call"
	GroupByStatus                 // key "occurred"
	GroupByActor                  // key the actor ID; an event is in the groups of its participants and quoted speakers
	GroupByCountry                // key the country code of each such actor; organizations count under ""
)

var groupByWords = [...]string{"day", "month", "year", "kind", "status", "actor", "country"}

// String returns the word for g: "day", "month", "year", "kind", "status",
// "actor" or "country".
func (g GroupBy) String() string {
	if int(g) < len(groupByWords) {
		return groupByWords[g]
	}
	return "GroupBy(" + strconv.Itoa(int(g)) + ")"
}

// A Group is a set of events that share a key, in timeline order.
type Group struct {
	Key    string
	Events []event.Event
}

// Len returns the number of events in the group.
func (g Group) Len() int { return len(g.Events) }

// Group returns the events q selects, grouped. Date groups come in timeline
// order of their first event, which puts an open-ended "soon" right after
// the day it starts on; other groups come in the order of their keys (kinds
// and statuses in declaration order).
func (t *Timeline) Group(q Query, by GroupBy) []Group {
	var groups []Group
	at := make(map[string]int)
	add := func(key string, e *event.Event) {
		i, ok := at[key]
		if !ok {
			i = len(groups)
			at[key] = i
			groups = append(groups, Group{Key: key})
		}
		if g := &groups[i]; len(g.Events) == 0 || g.Events[len(g.Events)-1].ID != e.ID {
			g.Events = append(g.Events, *e)
		}
	}
	country := make(map[event.ActorID]string)
	for e := range t.Select(q) {
		switch by {
		case GroupByDay, GroupByMonth, GroupByYear:
			add(periodKey(e.Date, by), &e)
		case GroupByKind:
			add(e.Kind.String(), &e)
		case GroupByStatus:
			add(e.Status.String(), &e)
		case GroupByActor:
			for _, id := range actorsOf(&e, nil) {
				add(string(id), &e)
			}
		case GroupByCountry:
			for _, id := range actorsOf(&e, nil) {
				c, ok := country[id]
				if !ok {
					a, _ := t.Actor(id)
					c = a.Country
					country[id] = c
				}
				add(c, &e)
			}
		}
	}
	switch by {
	case GroupByKind:
		slices.SortFunc(groups, func(a, b Group) int { return cmp.Compare(a.Events[0].Kind, b.Events[0].Kind) })
	case GroupByStatus:
		slices.SortFunc(groups, func(a, b Group) int { return cmp.Compare(a.Events[0].Status, b.Events[0].Status) })
	case GroupByActor, GroupByCountry:
		slices.SortFunc(groups, func(a, b Group) int { return cmp.Compare(a.Key, b.Key) })
	}
	return groups
}

// periodKey returns the day, month or year holding the whole of d, or the
// text of d when no such period does.
func periodKey(d event.Date, by GroupBy) string {
	first, ok1 := d.Earliest()
	last, ok2 := d.Latest()
	if !ok1 || !ok2 {
		return d.String()
	}
	fy, fm, _ := first.Date()
	ly, lm, _ := last.Date()
	switch {
	case by == GroupByDay && first == last:
		return first.String()
	case by == GroupByMonth && fy == ly && fm == lm:
		return first.String()[:len(first.String())-3]
	case by == GroupByYear && fy == ly:
		return first.String()[:len(first.String())-6]
	}
	return d.String()
}

// A Gap is a period in which no selected event took place: the days after
// the last day of one event and before the first day of the next.
type Gap struct {
	After, Before event.Event
	From, To      event.Day // the first and last day of the gap
}

// Days returns the length of the gap in days.
func (g Gap) Days() int { return int(g.To-g.From) + 1 }

// Gaps returns the periods between the events q selects in which none of
// them can have taken place, in timeline order. Only events with bounded
// dates count: an event whose date is open or unknown tells nothing about
// when it happened. A gap starts the day after the latest day any earlier
// event can fall on, so imprecise dates never make a gap look longer than
// the sources allow.
func (t *Timeline) Gaps(q Query) []Gap {
	var gaps []Gap
	var prev event.Event
	var reach event.Day
	started := false
	for e := range t.Select(q) {
		first, ok1 := e.Date.Earliest()
		last, ok2 := e.Date.Latest()
		if !ok1 || !ok2 {
			continue
		}
		if started && first > reach+1 {
			gaps = append(gaps, Gap{After: prev, Before: e, From: reach + 1, To: first - 1})
		}
		if !started || last >= reach {
			prev, reach, started = e, last, true
		}
	}
	return gaps
}

// LongestGap returns the longest of [Timeline.Gaps], the earliest of equals.
func (t *Timeline) LongestGap(q Query) (Gap, bool) {
	gaps := t.Gaps(q)
	if len(gaps) == 0 {
		return Gap{}, false
	}
	best := gaps[0]
	for _, g := range gaps[1:] {
		if g.Days() > best.Days() {
			best = g
		}
	}
	return best, true
}

// A Relation is a link between two events seen from one of them: Type is
// the link's type, and Inverse says the link points at this event from the
// Other ("announced-by") rather than from this event to the Other
// ("announces").
type Relation struct {
	Type    event.LinkType
	Inverse bool
	Other   event.Event
}

// Name returns the relation's word as read from this event: "announces" or
// "announced-by".
func (r Relation) Name() string {
	if r.Inverse {
		return r.Type.Inverse()
	}
	return r.Type.String()
}

// Related returns the events linked to the event with the given ID, in both
// directions: first those it links to, in the order of its links, then
// those linking to it, in timeline order. Links to events not in the
// timeline are left out.
func (t *Timeline) Related(id uuid.UUID) []Relation {
	t.mu.RLock()
	defer t.mu.RUnlock()
	ix := t.view()
	en, ok := ix.byID[id]
	if !ok {
		return nil
	}
	var out []Relation
	var c cloner
	for _, l := range en.ev.Links {
		if o, ok := ix.byID[l.Target]; ok {
			out = append(out, Relation{Type: l.Type, Other: c.clone(&o.ev)})
		}
	}
	for _, ch := range ix.keys.linkedFrom[id] {
		for _, from := range ch.es {
			for _, l := range from.ev.Links {
				if l.Target == id {
					out = append(out, Relation{Type: l.Type, Inverse: true, Other: c.clone(&from.ev)})
				}
			}
		}
	}
	return out
}

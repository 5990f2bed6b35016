package timeline

import (
	"iter"

	"github.com/accordline/accordline/event"
)

// result is a query's answer as it stood when the query ran: candidates in
// timeline order and the test they must still pass, nil when every
// candidate is an answer.
type result struct {
	l     list
	check func(*entry) bool
}

// cloner returns a cloner for the copies of the result.
func (r result) cloner() cloner {
	if r.check == nil {
		return cloner{left: r.l.len()}
	}
	return cloner{}
}

func (r result) forward(yield func(event.Event) bool) {
	c := r.cloner()
	for _, ch := range r.l {
		for _, e := range ch.es {
			if (r.check == nil || r.check(e)) && !yield(c.clone(&e.ev)) {
				return
			}
		}
	}
}

func (r result) backward(yield func(event.Event) bool) {
	c := r.cloner()
	for ci := len(r.l) - 1; ci >= 0; ci-- {
		es := r.l[ci].es
		for i := len(es) - 1; i >= 0; i-- {
			if e := es[i]; (r.check == nil || r.check(e)) && !yield(c.clone(&e.ev)) {
				return
			}
		}
	}
}

// run compiles and plans q under the read lock. The lists it returns are
// never changed afterwards, so the caller iterates them without the lock.
func (t *Timeline) run(q Query, useIndex bool) result {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := compiler{t: t, ix: t.view(), useIndex: useIndex}
	p := c.compile(q)
	if useIndex && p.indexed() {
		l, check := p.cands()
		return result{l: l, check: check}
	}
	return result{l: c.ix.order, check: p.match}
}

// events returns an iterator that runs q when a loop starts ranging over it,
// so that each loop sees the timeline as it is then.
func (t *Timeline) events(q Query, useIndex, backward bool) iter.Seq[event.Event] {
	return func(yield func(event.Event) bool) {
		r := t.run(q, useIndex)
		if backward {
			r.backward(yield)
		} else {
			r.forward(yield)
		}
	}
}

// All returns the events in timeline order.
//
// Like every sequence of events a Timeline returns, it reads the timeline
// when a loop starts ranging over it, not when it is made: a loop sees the
// timeline as it was when the loop started, and is not disturbed by
// changes made meanwhile, even by the loop itself. The events are copies,
// which the caller may change.
func (t *Timeline) All() iter.Seq[event.Event] { return t.events(Query{}, true, false) }

// Backward returns the events in reverse timeline order.
func (t *Timeline) Backward() iter.Seq[event.Event] { return t.events(Query{}, true, true) }

// Select returns the events q selects, in timeline order, using the indexes
// where q allows: selective queries read little more than their results.
func (t *Timeline) Select(q Query) iter.Seq[event.Event] { return t.events(q, true, false) }

// SelectBackward is [Timeline.Select] in reverse timeline order.
func (t *Timeline) SelectBackward(q Query) iter.Seq[event.Event] {
	return t.events(q, true, true)
}

// Scan returns the events q selects by testing every event, without any
// index. It answers as Select does, only slower; it serves to check the
// indexes and to measure what they save.
func (t *Timeline) Scan(q Query) iter.Seq[event.Event] { return t.events(q, false, false) }

// Count returns the number of events q selects.
func (t *Timeline) Count(q Query) int { return t.run(q, true).len() }

// len returns the number of answers.
func (r result) len() int {
	if r.check == nil {
		return r.l.len()
	}
	n := 0
	for _, ch := range r.l {
		for _, e := range ch.es {
			if r.check(e) {
				n++
			}
		}
	}
	return n
}

// First returns the earliest event q selects, in timeline order.
func (t *Timeline) First(q Query) (event.Event, bool) {
	for e := range t.Select(q) {
		return e, true
	}
	return event.Event{}, false
}

// Last returns the latest event q selects, in timeline order.
func (t *Timeline) Last(q Query) (event.Event, bool) {
	for e := range t.SelectBackward(q) {
		return e, true
	}
	return event.Event{}, false
}

// Collect returns a new timeline holding the events q selects and the
// actors they refer to, with the same title and description.
func (t *Timeline) Collect(q Query) *Timeline {
	r := t.run(q, true)
	entries := make([]*entry, 0, r.l.len())
	for _, ch := range r.l {
		for _, e := range ch.es {
			if r.check == nil || r.check(e) { // outside the lock: it may call Where's function
				entries = append(entries, e) // entries are immutable and can be shared
			}
		}
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := New(t.title, t.description)
	out.chunk = t.chunk
	var buf []event.ActorID
	seen := map[event.ActorID]bool{}
	var actors []event.Actor
	for _, e := range entries {
		buf = actorsOf(&e.ev, buf)
		for _, id := range buf {
			if a, ok := t.actors.Actor(id); ok && !seen[id] {
				seen[id] = true
				actors = append(actors, a)
			}
		}
	}
	_ = out.actors.AddActors(actors...) // valid, each once
	out.country(actors)
	out.index().update(nil, entries)
	return out
}

package timeline

import (
	"cmp"
	"math"
	"slices"

	"github.com/accordline/accordline/event"
)

// textPlan answers Text from the word index: the intersection of the
// words' lists.
func (c *compiler) textPlan(s string) plan {
	want := tokenize(s)
	if len(want) == 0 {
		return c.compile(Query{})
	}
	if !c.useIndex {
		return plan{match: func(e *entry) bool {
			have := words(&e.ev)
			for _, w := range want {
				if !slices.Contains(have, w) {
					return false
				}
			}
			return true
		}}
	}
	ti := c.ix.textIndex()
	lists := make([]list, len(want))
	for i, w := range want {
		lists[i] = ti.words[w]
	}
	slices.SortFunc(lists, func(a, b list) int { return cmp.Compare(len(a), len(b)) })
	return plan{
		match: func(e *entry) bool {
			for _, l := range lists {
				if _, found := l.search(e); !found {
					return false
				}
			}
			return true
		},
		size: len(lists[0]),
		cands: func() (list, bool) {
			l := lists[0]
			for _, m := range lists[1:] {
				l = intersect(l, m)
			}
			return l, true
		},
	}
}

// datePlan answers Within and Overlaps from the date buckets. Each bucket
// holds dates whose covered ranges span at most so many days, in timeline
// order and so by first day; a binary search finds the run of entries that
// can qualify, so a query reads little more than its results.
func (c *compiler) datePlan(q Query) plan {
	period := q.period
	within := q.op == opWithin
	match := func(e *entry) bool {
		if within {
			return e.ev.Date.Within(period)
		}
		return e.ev.Date.Overlaps(period)
	}
	if !c.useIndex {
		return plan{match: match}
	}
	type run struct {
		l      list
		lo, hi int
	}
	var runs []run
	size := 0
	if !period.IsZero() {
		f, t := int64(math.MinInt64/2), int64(math.MaxInt64/2)
		if d, ok := period.Earliest(); ok {
			f = int64(d)
		}
		if d, ok := period.Latest(); ok {
			t = int64(d)
		}
		for i, l := range c.ix.dateIndex().spans {
			minSpan, maxSpan := int64(0), int64(spanClasses[i])
			if i > 0 {
				minSpan = int64(spanClasses[i-1]) + 1
			}
			var start, end int64 // first days an entry may have
			if within {
				if minSpan > t-f {
					continue
				}
				start, end = f, t
			} else {
				start, end = f-maxSpan, t
				if i == len(spanClasses)-1 {
					start = math.MinInt64
				}
			}
			lo := firstFrom(l, start)
			hi := firstFrom(l, end+1)
			if lo < hi {
				runs = append(runs, run{l, lo, hi})
				size += hi - lo
			}
		}
	}
	return plan{match: match, size: size, cands: func() (list, bool) {
		out := make(list, 0, size)
		for _, r := range runs {
			for _, e := range r.l[r.lo:r.hi] {
				if match(e) {
					out = append(out, e)
				}
			}
		}
		if len(runs) > 1 {
			slices.SortFunc(out, compareEntries)
		}
		return out, true
	}}
}

// firstFrom returns the index of the first entry of l whose first day is on
// or after day.
func firstFrom(l list, day int64) int {
	day = max(min(day, math.MaxInt32), math.MinInt32)
	i, _ := slices.BinarySearchFunc(l, int32(day), func(e *entry, d int32) int {
		return cmp.Compare(e.key.earliest, d)
	})
	return i
}

func (c *compiler) andPlan(subs []Query) plan {
	if len(subs) == 0 {
		return c.compile(Query{})
	}
	plans := make([]plan, len(subs))
	best := -1
	for i, q := range subs {
		plans[i] = c.compile(q)
		if plans[i].indexed() && (best < 0 || plans[i].size < plans[best].size) {
			best = i
		}
	}
	if len(plans) == 1 {
		return plans[0]
	}
	p := plan{match: func(e *entry) bool {
		for i := range plans {
			if !plans[i].match(e) {
				return false
			}
		}
		return true
	}}
	if best >= 0 {
		b := plans[best]
		p.size = b.size
		p.cands = func() (list, bool) {
			l, _ := b.cands()
			return l, false
		}
	}
	return p
}

func (c *compiler) orPlan(subs []Query) plan {
	plans := make([]plan, len(subs))
	indexed := true
	size := 0
	for i, q := range subs {
		plans[i] = c.compile(q)
		indexed = indexed && plans[i].indexed()
		size += plans[i].size
	}
	p := plan{match: func(e *entry) bool {
		for i := range plans {
			if plans[i].match(e) {
				return true
			}
		}
		return false
	}}
	if indexed && c.useIndex {
		p.size = size
		p.cands = func() (list, bool) {
			ls := make([]list, len(plans))
			all := true
			for i := range plans {
				var exact bool
				ls[i], exact = plans[i].cands()
				all = all && exact
			}
			return union(ls...), all
		}
	}
	return p
}

// involving returns the actors a name stands for in [Involving]: the actors
// known by it, and for each state, the actors of that state.
func (c *compiler) involving(name string) []event.ActorID {
	var ids []event.ActorID
	for _, id := range c.t.actors.ResolveActor(name) {
		ids = appendNew(ids, id)
		if a, _ := c.t.actors.Actor(id); a.Type == event.State {
			for _, m := range c.t.countries[a.Country] {
				ids = appendNew(ids, m)
			}
		}
	}
	return ids
}

package timeline

import (
	"cmp"
	"math"
	"slices"
	"sort"

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
	lists := make([]list, len(want))
	for i, w := range want {
		lists[i] = c.ix.words[w]
	}
	slices.SortFunc(lists, func(a, b list) int { return cmp.Compare(a.len(), b.len()) })
	max := c.ix.max
	return plan{
		match: func(e *entry) bool {
			for _, l := range lists {
				if !l.contains(e) {
					return false
				}
			}
			return true
		},
		size:   lists[0].len(),
		direct: len(lists) == 1,
		costly: true,
		cands: func() (list, func(*entry) bool) {
			l := lists[0]
			for _, m := range lists[1:] {
				l = intersect(l, m, max)
			}
			return l, nil
		},
	}
}

// datePlan answers Within and Overlaps from the date buckets. Each bucket
// holds dates whose covered ranges span at most so many days, in timeline
// order and so by first day; a binary search finds the run of entries that
// can qualify, so a query reads little more than its results. The runs of
// single days need no test, the others a test of their sort keys, and a
// merge puts the runs in timeline order.
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
	if period.IsZero() {
		return plan{match: match, cands: func() (list, func(*entry) bool) { return nil, nil }}
	}
	f, t := int64(math.MinInt64/2), int64(math.MaxInt64/2)
	if d, ok := period.Earliest(); ok {
		f = int64(d)
	}
	if d, ok := period.Latest(); ok {
		t = int64(d)
	}
	// keyMatch is match on the key of a dated entry.
	keyMatch := func(e *entry) bool {
		first, last := int64(e.key.earliest()), int64(e.key.latest())
		if within {
			return e.key.bounded() && f <= first && last <= t
		}
		return first <= t && f <= last
	}
	type run struct {
		l     list
		exact bool // every entry of the run matches
	}
	var runs []run
	size := 0
	for i, l := range c.ix.dates.spans {
		minSpan, maxSpan := int64(0), int64(spanClasses[i])
		if i > 0 {
			minSpan = int64(spanClasses[i-1]) + 1
		}
		var start, end int64 // first days an entry may have
		if within {
			if minSpan > t-f {
				continue
			}
			start, end = f, t-minSpan
		} else {
			start, end = f-maxSpan, t
			if i == len(spanClasses)-1 {
				start = math.MinInt64
			}
		}
		lo := firstFrom(l, start)
		hi := firstFrom(l, end+1)
		if lo < hi {
			// A single day starting in the period lies in it.
			runs = append(runs, run{l.slice(lo, hi), i == 0})
			size += hi - lo
		}
	}
	max := c.ix.max
	// pick returns the entries of the runs that test passes, merged.
	pick := func(test func(*entry) bool) list {
		ls := make([]list, len(runs))
		for i, r := range runs {
			if r.exact && test == nil {
				ls[i] = r.l
				continue
			}
			var out []*entry
			for _, ch := range r.l {
				for _, e := range ch.es {
					if (r.exact || keyMatch(e)) && (test == nil || test(e)) {
						out = append(out, e)
					}
				}
			}
			ls[i] = fromSorted(out, max)
		}
		return union(max, ls...)
	}
	return plan{match: match, size: size,
		cands:  func() (list, func(*entry) bool) { return pick(nil), nil },
		filter: pick,
	}
}

// firstFrom returns the position of the first entry of l whose first day
// is on or after day.
func firstFrom(l list, day int64) int {
	d := int32(max(min(day, math.MaxInt32), math.MinInt32))
	ci := sort.Search(len(l), func(k int) bool {
		es := l[k].es
		return es[len(es)-1].key.earliest() >= d
	})
	if ci == len(l) {
		return l.len()
	}
	es := l[ci].es
	return l[ci].at + sort.Search(len(es), func(i int) bool { return es[i].key.earliest() >= d })
}

// andPlan answers And from the candidates of its smallest indexed part.
// The other parts whose tests read only the event are tested on them, on
// the few lists that make them where the smallest part can (a state's
// persons and bodies before their union); the parts whose tests are
// costly are intersected with them; and the caller's functions are called
// while ranging, outside the read lock.
func (c *compiler) andPlan(subs []Query) plan {
	if len(subs) == 0 {
		return c.compile(Query{})
	}
	plans := make([]plan, len(subs))
	var indexed, rest []int
	for i, q := range subs {
		plans[i] = c.compile(q)
		if plans[i].indexed() {
			indexed = append(indexed, i)
		} else {
			rest = append(rest, i)
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
	for i := range plans {
		p.costly = p.costly || plans[i].costly
		p.user = p.user || plans[i].user
	}
	if len(indexed) == 0 {
		return p
	}
	slices.SortStableFunc(indexed, func(i, j int) int { return cmp.Compare(plans[i].size, plans[j].size) })
	max := c.ix.max
	p.size = plans[indexed[0]].size
	p.cands = func() (list, func(*entry) bool) {
		var now, later []func(*entry) bool
		var costly []int
		for _, i := range slices.Concat(indexed[1:], rest) {
			switch q := &plans[i]; {
			case q.user:
				later = append(later, q.match)
			case q.costly && q.indexed():
				costly = append(costly, i)
			default:
				now = append(now, q.match)
			}
		}
		var l list
		if d := &plans[indexed[0]]; d.filter != nil && len(now) > 0 {
			l = d.filter(allOf(now))
		} else {
			var check func(*entry) bool
			l, check = d.cands()
			if check != nil {
				later = append(later, check)
			}
			later = append(later, now...)
		}
		for _, i := range costly {
			ql, check := plans[i].cands()
			l = intersect(l, ql, max)
			if check != nil {
				later = append(later, check)
			}
		}
		return l, allOf(later)
	}
	return p
}

// allOf returns a test that passes when every test passes, or nil when
// there is none.
func allOf(tests []func(*entry) bool) func(*entry) bool {
	switch len(tests) {
	case 0:
		return nil
	case 1:
		return tests[0]
	}
	return func(e *entry) bool {
		for _, t := range tests {
			if !t(e) {
				return false
			}
		}
		return true
	}
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
	for i := range plans {
		p.costly = p.costly || plans[i].costly
		p.user = p.user || plans[i].user
	}
	if indexed && c.useIndex {
		max := c.ix.max
		p.size = size
		p.cands = func() (list, func(*entry) bool) {
			ls := make([]list, len(plans))
			exact := true
			for i := range plans {
				var check func(*entry) bool
				ls[i], check = plans[i].cands()
				exact = exact && check == nil
			}
			if exact {
				return union(max, ls...), nil
			}
			return union(max, ls...), p.match
		}
	}
	return p
}

// involving returns the actors a name stands for in [Involving]: the actors
// known by it, and for each state, the actors of that state.
func (c *compiler) involving(name string) []event.ActorID {
	var ids []event.ActorID
	for _, id := range c.t.actors.ResolveActor(name) {
		ids = append(ids, id)
		if a, _ := c.t.actors.Actor(id); a.Type == event.State {
			ids = append(ids, c.t.countries[a.Country]...)
		}
	}
	return dedupe(ids)
}

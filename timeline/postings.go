package timeline

import (
	"slices"
	"sort"
)

// chunkLen is the most entries a chunk of a list holds. A list keeps its
// entries in chunks so that a write copies one chunk and the directory of
// chunks, not the whole list: a million entries are 2,000 chunks.
const chunkLen = 1024

// A chunk is a run of a list: entries in timeline order, and the position
// of the first in the whole list.
type chunk struct {
	at int
	es []*entry // non-empty
}

// A list is a set of entries in timeline order, held in chunks. Lists and
// their chunks are never changed once published: readers hold them without
// locks while writers build new ones, sharing the chunks they do not
// change.
type list []chunk

// maxChunk is the most entries of a chunk of an index's lists; tests make
// it small to give every list many chunks.
type maxChunk int

func (m maxChunk) get() int {
	if m <= 0 {
		return chunkLen
	}
	return int(m)
}

// fromSorted makes a list of entries in order, sharing es: one chunk when
// they fit in one, else chunks half full, leaving room for insertions.
func fromSorted(es []*entry, max maxChunk) list {
	l, _ := fromSortedIn(make([]chunk, 0, chunksOf(len(es), max)), es, max)
	return l
}

// fromSortedIn is fromSorted with the chunks taken from the spare capacity
// of slab; it returns the list and slab with the list's chunks.
func fromSortedIn(slab []chunk, es []*entry, max maxChunk) (list, []chunk) {
	if len(es) == 0 {
		return nil, slab
	}
	size := chunkSize(len(es), max)
	first := len(slab)
	for i := 0; i < len(es); i += size {
		j := min(i+size, len(es))
		slab = append(slab, chunk{at: i, es: es[i:j:j]})
	}
	// No spare capacity: an append to the list must not reach the next.
	return list(slab[first:len(slab):len(slab)]), slab
}

// chunkSize returns the length of the chunks of a list of n entries.
func chunkSize(n int, max maxChunk) int {
	size := max.get()
	if n > size {
		size = (size + 1) / 2
	}
	return size
}

// chunksOf returns the number of chunks of a list of n entries.
func chunksOf(n int, max maxChunk) int {
	size := chunkSize(n, max)
	return (n + size - 1) / size
}

func (l list) len() int {
	if len(l) == 0 {
		return 0
	}
	c := &l[len(l)-1]
	return c.at + len(c.es)
}

func (l list) first() *entry { return l[0].es[0] }

// at returns the entry at position i.
func (l list) at(i int) *entry {
	ci := sort.Search(len(l), func(k int) bool { return l[k].at > i }) - 1
	return l[ci].es[i-l[ci].at]
}

// flat returns the entries of l in one slice, shared when l has one chunk.
func (l list) flat() []*entry {
	if len(l) == 1 {
		return l[0].es
	}
	out := make([]*entry, 0, l.len())
	for _, c := range l {
		out = append(out, c.es...)
	}
	return out
}

// find returns the chunk where e is or would be, and its place in it.
func (l list) find(e *entry) (ci, i int, found bool) {
	ci = sort.Search(len(l), func(k int) bool {
		es := l[k].es
		return compareEntries(es[len(es)-1], e) >= 0
	})
	if ci == len(l) {
		if ci == 0 {
			return 0, 0, false
		}
		return ci - 1, len(l[ci-1].es), false
	}
	i, found = slices.BinarySearchFunc(l[ci].es, e, compareEntries)
	return ci, i, found
}

// search returns the position where e is or would be in l.
func (l list) search(e *entry) (int, bool) {
	if len(l) == 0 {
		return 0, false
	}
	ci, i, found := l.find(e)
	return l[ci].at + i, found
}

func (l list) contains(e *entry) bool {
	_, _, found := l.find(e)
	return found && len(l) > 0
}

// with returns a list holding l and e. It copies the chunk e goes into,
// split in two when full, and the directory.
func (l list) with(e *entry, max maxChunk) list {
	if len(l) == 0 {
		return list{{at: 0, es: []*entry{e}}}
	}
	ci, i, found := l.find(e)
	if found {
		return l
	}
	old := l[ci].es
	es := make([]*entry, len(old)+1)
	copy(es, old[:i])
	es[i] = e
	copy(es[i+1:], old[i:])
	split := len(es) > max.get()
	out := make(list, len(l), len(l)+1)
	copy(out, l[:ci])
	out[ci] = chunk{at: l[ci].at, es: es}
	for k := ci + 1; k < len(l); k++ {
		out[k] = chunk{at: l[k].at + 1, es: l[k].es}
	}
	if split {
		h := len(es) / 2
		out = slices.Insert(out, ci+1, chunk{at: l[ci].at + h, es: es[h:]})
		out[ci].es = es[:h:h]
	}
	return out
}

// without returns a list holding l less e. It copies the chunk e was in,
// joined with a neighbour when both are small, and the directory.
func (l list) without(e *entry, max maxChunk) list {
	if len(l) == 0 {
		return l
	}
	ci, i, found := l.find(e)
	if !found {
		return l
	}
	old := l[ci].es
	out := make(list, 0, len(l))
	out = append(out, l[:ci]...)
	if len(old) > 1 {
		es := make([]*entry, 0, len(old)-1)
		es = append(es, old[:i]...)
		es = append(es, old[i+1:]...)
		out = append(out, chunk{at: l[ci].at, es: es})
	}
	for k := ci + 1; k < len(l); k++ {
		out = append(out, chunk{at: l[k].at - 1, es: l[k].es})
	}
	// Join the changed chunk with the next one when together they fill at
	// most half a chunk, so that removals leave no trail of tiny chunks.
	if len(old) > 1 {
		if j := ci; j+1 < len(out) && len(out[j].es)+len(out[j+1].es) <= max.get()/2 {
			out[j].es = slices.Concat(out[j].es, out[j+1].es)
			out = slices.Delete(out, j+1, j+2)
		} else if j > 0 && len(out[j-1].es)+len(out[j].es) <= max.get()/2 {
			out[j-1].es = slices.Concat(out[j-1].es, out[j].es)
			out = slices.Delete(out, j, j+1)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// update returns l with the entries of del taken out and those of add put
// in. Both are in timeline order; del are in l and add are not. A few
// changes to a long list are made one at a time, each copying a chunk;
// more are merged in one pass.
func (l list) update(add, del []*entry, max maxChunk) list {
	n, k := l.len(), len(add)+len(del)
	if k == 0 {
		return l
	}
	if n == 0 && len(del) == 0 {
		return fromSorted(add, max)
	}
	// One change copies a chunk of at most max entries and a directory of
	// n/(max/2) chunks of four words each, against the n of a merge.
	if m := max.get(); k*(m+8*n/m) < n {
		for _, e := range del {
			l = l.without(e, max)
		}
		for _, e := range add {
			l = l.with(e, max)
		}
		return l
	}
	out := make([]*entry, 0, n+len(add)-len(del))
	for _, c := range l {
		for _, e := range c.es {
			if len(del) > 0 && del[0] == e {
				del = del[1:]
				continue
			}
			for len(add) > 0 && compareEntries(add[0], e) < 0 {
				out = append(out, add[0])
				add = add[1:]
			}
			out = append(out, e)
		}
	}
	out = append(out, add...)
	return fromSorted(out, max)
}

// slice returns the entries of l from position lo to hi, sharing its
// chunks.
func (l list) slice(lo, hi int) list {
	if lo >= hi {
		return nil
	}
	first := sort.Search(len(l), func(k int) bool { return l[k].at > lo }) - 1
	out := make(list, 0, 2)
	for ci := first; ci < len(l) && l[ci].at < hi; ci++ {
		c := l[ci]
		from, to := max(lo-c.at, 0), min(hi-c.at, len(c.es))
		out = append(out, chunk{at: c.at + from - lo, es: c.es[from:to:to]})
	}
	return out
}

// A cursor walks a list in order.
type cursor struct {
	l     list
	ci, i int
}

func (c *cursor) done() bool    { return c.ci >= len(c.l) }
func (c *cursor) entry() *entry { return c.l[c.ci].es[c.i] }

func (c *cursor) next() {
	c.i++
	if c.i == len(c.l[c.ci].es) {
		c.ci, c.i = c.ci+1, 0
	}
}

// seek moves the cursor to the first entry at or after e.
func (c *cursor) seek(e *entry) {
	if c.done() {
		return
	}
	if es := c.l[c.ci].es; compareEntries(es[len(es)-1], e) < 0 {
		rest := c.l[c.ci+1:]
		k := sort.Search(len(rest), func(k int) bool {
			es := rest[k].es
			return compareEntries(es[len(es)-1], e) >= 0
		})
		c.ci, c.i = c.ci+1+k, 0
		if c.done() {
			return
		}
	}
	es := c.l[c.ci].es
	i, _ := slices.BinarySearchFunc(es[c.i:], e, compareEntries)
	c.i += i
}

// union merges lists into one list without duplicates.
func union(max maxChunk, ls ...list) list {
	ls = slices.DeleteFunc(ls, func(l list) bool { return len(l) == 0 })
	switch len(ls) {
	case 0:
		return nil
	case 1:
		return ls[0]
	}
	n := 0
	for _, l := range ls {
		n += l.len()
	}
	out := make([]*entry, 0, n)
	if len(ls) == 2 {
		out = merge2(out, ls[0], ls[1])
	} else {
		out = mergeK(out, ls)
	}
	return fromSorted(out, max)
}

// merge2 appends the union of two lists to out.
func merge2(out []*entry, a, b list) []*entry {
	ca, cb := cursor{l: a}, cursor{l: b}
	for !ca.done() && !cb.done() {
		x, y := ca.entry(), cb.entry()
		switch c := compareEntries(x, y); {
		case c < 0:
			out = append(out, x)
			ca.next()
		case c > 0:
			out = append(out, y)
			cb.next()
		default:
			out = append(out, x)
			ca.next()
			cb.next()
		}
	}
	for _, c := range []*cursor{&ca, &cb} {
		if !c.done() {
			out = append(out, c.l[c.ci].es[c.i:]...)
			for _, ch := range c.l[c.ci+1:] {
				out = append(out, ch.es...)
			}
		}
	}
	return out
}

// mergeK appends the union of lists to out, taking the least head of a
// heap of cursors each time. Each head holds a copy of its entry's key, so
// that comparisons rarely read an entry: each is read when its cursor
// reaches it.
func mergeK(out []*entry, ls []list) []*entry {
	type head struct {
		key sortKey
		e   *entry
		c   *cursor
	}
	h := make([]head, len(ls))
	cs := make([]cursor, len(ls))
	for i, l := range ls {
		e := l[0].es[0]
		cs[i] = cursor{l: l}
		h[i] = head{e.key, e, &cs[i]}
	}
	less := func(i, j int) bool {
		a, b := &h[i], &h[j]
		if a.key.days != b.key.days {
			return a.key.days < b.key.days
		}
		return compareKeys(&a.key, &b.key, &a.e.ev.Date, &b.e.ev.Date) < 0
	}
	down := func(i int) {
		for {
			m, l, r := i, 2*i+1, 2*i+2
			if l < len(h) && less(l, m) {
				m = l
			}
			if r < len(h) && less(r, m) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for len(h) > 0 {
		top := &h[0]
		if e := top.e; len(out) == 0 || out[len(out)-1] != e {
			out = append(out, e)
		}
		top.c.next()
		if top.c.done() {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		} else {
			top.e = top.c.entry()
			top.key = top.e.key
		}
		down(0)
	}
	return out
}

// intersect returns the entries found in both lists, walking the shorter
// and seeking in the longer.
func intersect(a, b list, max maxChunk) list {
	if a.len() > b.len() {
		a, b = b, a
	}
	var out []*entry
	cb := cursor{l: b}
	for _, c := range a {
		for _, e := range c.es {
			cb.seek(e)
			if cb.done() {
				return fromSorted(out, max)
			}
			if cb.entry() == e {
				out = append(out, e)
			}
		}
	}
	return fromSorted(out, max)
}

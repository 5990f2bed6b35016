package timeline

// A gatherer collects the keys that the entries of one write send, as
// pairs of a key's number and an entry's position, and then makes every
// key's list of entries at once in one allocation ([gathered]), so that
// no list grows by appending, is cut to size or is joined with the one
// another goroutine made: for the words of a large write, that was most
// of its garbage. Positions are int32: a write holds far fewer entries.
// The zero gatherer is empty and ready to use.
type gatherer[K comparable] struct {
	num   map[K]int32 // key → its number
	keys  []K         // number → key
	last  []int32     // number → 1 + the position of the last entry with it
	pairs [][]keyPair // in blocks, which grow without copying
}

// A keyPair says that the entry at a position in a write has a key.
type keyPair struct{ key, at int32 }

const pairBlock = 4096

// number returns the number of k, giving it the next when it has none.
func (g *gatherer[K]) number(k K) int32 {
	if n, ok := g.num[k]; ok {
		return n
	}
	if g.num == nil {
		g.num = make(map[K]int32)
	}
	n := int32(len(g.keys))
	g.num[k] = n
	g.keys = append(g.keys, k)
	g.last = append(g.last, 0)
	return n
}

// put records that the entry at position at has the key numbered n.
// Positions come in increasing order; a key sent again by the same entry
// is recorded once.
func (g *gatherer[K]) put(n, at int32) {
	if g.last[n] == at+1 {
		return
	}
	g.last[n] = at + 1
	b := len(g.pairs) - 1
	if b < 0 || len(g.pairs[b]) == cap(g.pairs[b]) {
		// Blocks double up to pairBlock, so that a write of one event
		// takes little.
		size := 16
		if b >= 0 {
			size = min(2*cap(g.pairs[b]), pairBlock)
		}
		g.pairs = append(g.pairs, make([]keyPair, 0, size))
		b++
	}
	g.pairs[b] = append(g.pairs[b], keyPair{n, at})
}

// add records that the entry at position at has key k.
func (g *gatherer[K]) add(k K, at int32) { g.put(g.number(k), at) }

// gathered holds the lists of entries that gatherers collected: the
// entries of keys[i] are es[start[i]:start[i+1]], in timeline order.
type gathered[K comparable] struct {
	keys  []K
	num   map[K]int32
	start []int32
	es    []*entry
}

// gather makes the lists of the keys that gs collected, in order, from the
// consecutive runs of one write's entries es: every position of gs[i] is
// before every position of gs[i+1]. It reuses the first gatherer's maps.
func gather[K comparable](es []*entry, gs ...*gatherer[K]) gathered[K] {
	out := gathered[K]{keys: gs[0].keys, num: gs[0].num}
	if out.num == nil {
		out.num = make(map[K]int32)
	}
	// Number the keys of the other gatherers like the first's, and count
	// each key's entries.
	renum := make([][]int32, len(gs))
	for i, g := range gs[1:] {
		r := make([]int32, len(g.keys))
		for j, k := range g.keys {
			n, ok := out.num[k]
			if !ok {
				n = int32(len(out.keys))
				out.num[k] = n
				out.keys = append(out.keys, k)
			}
			r[j] = n
		}
		renum[i+1] = r
	}
	global := func(i int, n int32) int32 {
		if i == 0 {
			return n
		}
		return renum[i][n]
	}
	next := make([]int32, len(out.keys)+1)
	for i, g := range gs {
		for _, b := range g.pairs {
			for _, p := range b {
				next[global(i, p.key)+1]++
			}
		}
	}
	for k := 1; k < len(next); k++ {
		next[k] += next[k-1]
	}
	out.start = next
	out.es = make([]*entry, next[len(next)-1])
	// Fill each list in order, with a cursor a key that starts where its
	// list does.
	at := make([]int32, len(out.keys))
	copy(at, next)
	for i, g := range gs {
		for _, b := range g.pairs {
			for _, p := range b {
				k := global(i, p.key)
				out.es[at[k]] = es[p.at]
				at[k]++
			}
		}
	}
	return out
}

// list returns the entries of the key numbered n, without spare capacity.
func (g *gathered[K]) list(n int32) []*entry {
	lo, hi := g.start[n], g.start[n+1]
	return g.es[lo:hi:hi]
}

// of returns the entries of k.
func (g *gathered[K]) of(k K) []*entry {
	if n, ok := g.num[k]; ok {
		return g.list(n)
	}
	return nil
}

// apply puts the entries gathered in add into the lists of p and takes
// those gathered in del out of them. New keys are cloned with clone, when
// given, so that the index holds no part of a larger string.
func apply[K comparable](p postings[K], add, del *gathered[K], max maxChunk, clone func(K) K) {
	// The lists of new keys, most of a first write, share one slice of
	// chunks.
	var slab []chunk
	if chunks := fresh(p, add, del, max); chunks > 0 {
		slab = make([]chunk, 0, chunks)
	}
	for n, k := range add.keys {
		es, gone := add.list(int32(n)), del.of(k)
		old, ok := p[k]
		var l list
		if !ok && len(gone) == 0 {
			l, slab = fromSortedIn(slab, es, max)
		} else {
			l = old.update(es, gone, max)
		}
		switch {
		case len(l) == 0:
			delete(p, k)
		case !ok && clone != nil:
			p[clone(k)] = l
		default:
			p[k] = l
		}
	}
	for n, k := range del.keys {
		if _, added := add.num[k]; added {
			continue
		}
		if l := p[k].update(nil, del.list(int32(n)), max); len(l) == 0 {
			delete(p, k)
		} else {
			p[k] = l
		}
	}
}

// fresh returns the number of chunks that the lists of the keys add gives
// p anew take.
func fresh[K comparable](p postings[K], add, del *gathered[K], max maxChunk) int {
	total := 0
	for n, k := range add.keys {
		if _, ok := p[k]; ok {
			continue
		}
		if _, ok := del.num[k]; ok {
			continue
		}
		total += chunksOf(int(add.start[n+1]-add.start[n]), max)
	}
	return total
}

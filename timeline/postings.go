package timeline

import (
	"slices"
)

// A list is a set of entries in timeline order. Lists are never changed in
// place once published: readers hold them without locks while writers
// build new ones.
type list []*entry

// search returns where e is or would be in l.
func (l list) search(e *entry) (int, bool) {
	return slices.BinarySearchFunc(l, e, compareEntries)
}

// with returns a new list holding l and e.
func (l list) with(e *entry) list {
	i, found := l.search(e)
	if found {
		return l
	}
	out := make(list, len(l)+1)
	copy(out, l[:i])
	out[i] = e
	copy(out[i+1:], l[i:])
	return out
}

// without returns a new list holding l less e.
func (l list) without(e *entry) list {
	i, found := l.search(e)
	if !found {
		return l
	}
	out := make(list, len(l)-1)
	copy(out, l[:i])
	copy(out[i:], l[i+1:])
	return out
}

// postings maps a key to the entries that have it.
type postings[K comparable] map[K]list

func (p postings[K]) remove(k K, e *entry) {
	if l := p[k].without(e); len(l) == 0 {
		delete(p, k)
	} else {
		p[k] = l
	}
}

// union merges sorted lists into one sorted list without duplicates.
func union(ls ...list) list {
	switch len(ls) {
	case 0:
		return nil
	case 1:
		return ls[0]
	}
	n := 0
	for _, l := range ls {
		n += len(l)
	}
	out := make(list, 0, n)
	for _, l := range ls {
		out = append(out, l...)
	}
	slices.SortFunc(out, compareEntries)
	return slices.Compact(out)
}

// intersect returns the entries found in both sorted lists.
func intersect(a, b list) list {
	if len(a) > len(b) {
		a, b = b, a
	}
	out := make(list, 0, len(a))
	for _, e := range a {
		if _, found := b.search(e); found {
			out = append(out, e)
		}
	}
	return out
}

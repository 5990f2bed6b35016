package event

import (
	"cmp"
	"iter"
	"slices"
)

// maxSuggestions is how many suggestions a misspelt name gets.
const maxSuggestions = 3

// Suggest returns the names among names that come closest to name, for a
// "did you mean" hint when name finds nothing: at most three, the closest
// first, and none when nothing is close. Names are compared after [Fold],
// by the number of letters to insert, delete, change or swap to turn one
// into the other: at most one for names of up to four letters, two for up
// to six, three for longer ones. So "Marokko" suggests "Morocco" and
// "Abraham Accord" suggests "Abraham Accords". The names returned are as
// given in names.
//
// Suggest takes time in proportion to the number of names, and serves
// error messages, never queries.
func Suggest(name string, names iter.Seq[string]) []string {
	want := []rune(Fold(name))
	limit := 3
	switch n := len(want); {
	case n == 0:
		return nil
	case n <= 4:
		limit = 1
	case n <= 6:
		limit = 2
	}
	type hit struct {
		name string
		dist int
	}
	var hits []hit
	var row editRows
	for n := range names {
		have := []rune(Fold(n))
		if d := row.distance(want, have, limit); d <= limit && d > 0 {
			hits = append(hits, hit{n, d})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.name, b.name)) })
	hits = slices.CompactFunc(hits, func(a, b hit) bool { return a.name == b.name })
	var out []string
	for _, h := range hits[:min(len(hits), maxSuggestions)] {
		out = append(out, h.name)
	}
	return out
}

// editRows holds the rows of the edit-distance table, reused between
// names.
type editRows struct{ prev2, prev, cur []int }

// distance returns the optimal string alignment distance of a and b
// (Levenshtein with swaps of neighbours), or limit+1 as soon as it must
// exceed limit.
func (r *editRows) distance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	n := len(b) + 1
	for _, row := range []*[]int{&r.prev2, &r.prev, &r.cur} {
		*row = slices.Grow((*row)[:0], n)[:n]
	}
	for j := range n {
		r.prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		r.cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(r.prev[j]+1, r.cur[j-1]+1, r.prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, r.prev2[j-2]+1)
			}
			r.cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		r.prev2, r.prev, r.cur = r.prev, r.cur, r.prev2
	}
	return r.prev[len(b)]
}

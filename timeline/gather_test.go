package timeline

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGatherAsAppending checks gather against lists made by appending:
// keys sent by runs of entries split among one to three gatherers, keys
// sent again by the same entry, and more pairs than a block holds.
func TestGatherAsAppending(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 60 {
		n := rng.IntN(3000) + 1
		es := make([]*entry, n)
		for i := range es {
			es[i] = &entry{}
		}
		want := map[string][]*entry{}
		parts := rng.IntN(3) + 1
		gs := make([]*gatherer[string], parts)
		for p := range gs {
			gs[p] = &gatherer[string]{}
			lo, hi := n*p/parts, n*(p+1)/parts
			for at := lo; at < hi; at++ {
				for range rng.IntN(8) {
					k := "k" + strconv.Itoa(rng.IntN(1+round*10))
					gs[p].add(k, int32(at))
					if l := want[k]; len(l) == 0 || l[len(l)-1] != es[at] {
						want[k] = append(l, es[at])
					}
				}
			}
		}
		got := gather(es, gs...)
		require.Len(t, got.keys, len(want), "round %d", round)
		for i, k := range got.keys {
			require.Equal(t, want[k], got.list(int32(i)), "round %d: key %s", round, k)
			require.Equal(t, len(want[k]), cap(got.of(k)), "round %d: key %s has spare capacity", round, k)
		}
	}
}

// TestFromSortedInSharesNoCapacity checks that lists cut from one slab of
// chunks cannot reach each other's chunks by appending.
func TestFromSortedInSharesNoCapacity(t *testing.T) {
	es := []*entry{{}, {}, {}, {}, {}}
	slab := make([]chunk, 0, chunksOf(5, 2)+chunksOf(3, 2))
	a, slab := fromSortedIn(slab, es, 2)
	b, _ := fromSortedIn(slab, es[:3], 2)
	require.Equal(t, 5, a.len())
	require.Equal(t, 3, b.len())
	grown := append(a, chunk{at: 99, es: es})
	require.Len(t, grown, len(a)+1)
	require.Equal(t, 0, b[0].at, "an append to one list changed the next")
	require.Equal(t, fromSorted(es[:3], 2), b)
}

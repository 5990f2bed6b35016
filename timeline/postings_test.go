package timeline

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/accordline/accordline/event"
)

// genEntries returns n entries in timeline order, with few distinct days
// so that many tie on the date.
func genEntries(t *rapid.T, n int) []*entry {
	var out []*entry
	for i := range n {
		e := event.Event{
			Kind: rapid.SampledFrom(event.Kinds()).Draw(t, "kind"),
			Date: event.OnDay(2020, 1, rapid.IntRange(1, 4).Draw(t, "day")),
		}
		e.ID[0], e.ID[15] = byte(i>>8), byte(i)
		out = append(out, &entry{key: keyOf(&e, e.ID), ev: e})
	}
	slices.SortFunc(out, compareEntries)
	return out
}

// checkList checks the structure of l and that it holds want.
func checkList(t *rapid.T, l list, want []*entry, max maxChunk) {
	at := 0
	for i, c := range l {
		if len(c.es) == 0 || len(c.es) > max.get() && len(l) > 1 {
			t.Fatalf("chunk %d of %d holds %d entries (max %d)", i, len(l), len(c.es), max.get())
		}
		if c.at != at {
			t.Fatalf("chunk %d starts at %d, want %d", i, c.at, at)
		}
		at += len(c.es)
	}
	var got []*entry
	for _, c := range l {
		got = append(got, c.es...)
	}
	if !slices.Equal(got, want) || l.len() != len(want) {
		t.Fatalf("list holds %d entries %v, want %d %v", l.len(), got, len(want), want)
	}
	for i, e := range want {
		if l.at(i) != e {
			t.Fatalf("at(%d) is not the entry there", i)
		}
		if pos, found := l.search(e); !found || pos != i {
			t.Fatalf("search(entry %d) = %d, %v", i, pos, found)
		}
	}
}

// TestPropertyLists checks the operations on chunked lists against plain
// sorted slices, with chunks of a few entries.
func TestPropertyLists(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		max := maxChunk(rapid.IntRange(1, 6).Draw(t, "max"))
		all := genEntries(t, rapid.IntRange(0, 60).Draw(t, "n"))
		subset := func(label string) []*entry {
			var out []*entry
			for _, e := range all {
				if rapid.Bool().Draw(t, label) {
					out = append(out, e)
				}
			}
			return out
		}
		want := subset("initial")
		l := fromSorted(slices.Clone(want), max)
		checkList(t, l, want, max)
		for range rapid.IntRange(0, 20).Draw(t, "ops") {
			if len(all) == 0 {
				break
			}
			old, oldList := slices.Clone(want), l
			switch rapid.IntRange(0, 5).Draw(t, "op") {
			case 0:
				e := rapid.SampledFrom(all).Draw(t, "with")
				l = l.with(e, max)
				if !slices.Contains(want, e) {
					want = append(want, e)
					slices.SortFunc(want, compareEntries)
				}
			case 1:
				e := rapid.SampledFrom(all).Draw(t, "without")
				l = l.without(e, max)
				want = slices.DeleteFunc(want, func(x *entry) bool { return x == e })
			case 2:
				var add, del []*entry
				for _, e := range all {
					switch in := slices.Contains(want, e); {
					case in && rapid.IntRange(0, 3).Draw(t, "del") == 0:
						del = append(del, e)
					case !in && rapid.Bool().Draw(t, "add"):
						add = append(add, e)
					}
				}
				l = l.update(add, del, max)
				want = slices.DeleteFunc(want, func(x *entry) bool { return slices.Contains(del, x) })
				want = append(want, add...)
				slices.SortFunc(want, compareEntries)
			case 3:
				lo := rapid.IntRange(0, len(want)).Draw(t, "lo")
				hi := rapid.IntRange(lo, len(want)).Draw(t, "hi")
				s := l.slice(lo, hi)
				checkList(t, s, want[lo:hi], max+maxChunk(len(want)))
			case 4:
				other := subset("other")
				u := union(max, l, fromSorted(other, max), fromSorted(other[:len(other)/2], max))
				uw := slices.Clone(want)
				for _, e := range other {
					if !slices.Contains(uw, e) {
						uw = append(uw, e)
					}
				}
				slices.SortFunc(uw, compareEntries)
				checkList(t, u, uw, max)
				x := intersect(l, fromSorted(other, max), max)
				xw := slices.DeleteFunc(slices.Clone(want), func(e *entry) bool { return !slices.Contains(other, e) })
				checkList(t, x, xw, max)
			case 5:
				e := rapid.SampledFrom(all).Draw(t, "seek")
				c := cursor{l: l}
				i, _ := slices.BinarySearchFunc(want, e, compareEntries)
				if i > 0 { // a cursor moves forward only
					c.seek(want[rapid.IntRange(0, i-1).Draw(t, "from")])
				}
				c.seek(e)
				if c.done() != (i == len(want)) || !c.done() && c.entry() != want[i] {
					t.Fatalf("seek(%v) stopped at the wrong entry", e.ev.ID)
				}
			}
			// Writes leave the lists they were given as they were.
			checkList(t, oldList, old, max)
			checkList(t, l, want, max)
		}
	})
}

// TestPropertyUnionOfMany checks the merge of many lists.
func TestPropertyUnionOfMany(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		max := maxChunk(rapid.IntRange(1, 6).Draw(t, "max"))
		all := genEntries(t, rapid.IntRange(0, 80).Draw(t, "n"))
		var ls []list
		var want []*entry
		for range rapid.IntRange(0, 12).Draw(t, "lists") {
			var es []*entry
			for _, e := range all {
				if rapid.IntRange(0, 3).Draw(t, "in") == 0 {
					es = append(es, e)
					if !slices.Contains(want, e) {
						want = append(want, e)
					}
				}
			}
			ls = append(ls, fromSorted(es, max))
		}
		slices.SortFunc(want, compareEntries)
		checkList(t, union(max, ls...), want, max+maxChunk(len(want)))
	})
}

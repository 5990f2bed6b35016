package timeline

import (
	"bytes"
	"cmp"
	"math"
	"slices"

	"github.com/accordline/accordline/event"
)

// An entry is one event held by a timeline, with its sort key computed
// once. Entries are immutable once published: a change to an event makes a
// new entry.
type entry struct {
	ev  event.Event
	key sortKey
	seq uint64 // order of creation, which is about the order in memory
}

// sortKey holds the parts of the order that can be compared as integers, so
// that sorting a million events does not recompute date ranges.
type sortKey struct {
	earliest int32 // day number; math.MaxInt32 for the unknown date
	latest   int32
	clock    int32 // seconds of the day, shifted to UTC; math.MinInt32 when untimed
	prec     event.Precision
	qual     event.Qualifier
	kind     event.Kind
	// exact says the fields above determine the date: it is a single date
	// without a time. Two such dates with equal keys are equal, which spares
	// a look at the dates themselves when sorting.
	exact bool
}

func newEntry(e event.Event) *entry {
	return newEntrySeq(e, 0)
}

func newEntrySeq(e event.Event, seq uint64) *entry {
	en := &entry{ev: e, seq: seq}
	d := e.Date
	k := &en.key
	k.kind, k.prec, k.qual = e.Kind, d.Precision(), d.Qualifier()
	k.exact = !d.IsInterval() && !d.HasTime()
	k.clock = math.MinInt32
	if d.IsZero() {
		k.earliest, k.latest = math.MaxInt32, math.MaxInt32
		return en
	}
	k.earliest, k.latest = int32(d.Earliest()), int32(d.Latest())
	if t, ok := d.Time(); ok {
		_, off := t.Zone()
		k.clock = int32(t.Hour()*3600 + t.Minute()*60 + t.Second() - off)
	}
	return en
}

// compareEntries is the timeline order; see the package documentation. It
// agrees with event.Date.Compare on dates and breaks ties by kind and ID.
func compareEntries(a, b *entry) int {
	ka, kb := &a.key, &b.key
	if c := compareKeys(ka, kb); c != 0 {
		return c
	}
	if !(ka.exact && kb.exact) && a.ev.Date != b.ev.Date {
		if c := a.ev.Date.Compare(b.ev.Date); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(ka.kind, kb.kind); c != 0 {
		return c
	}
	return bytes.Compare(a.ev.ID[:], b.ev.ID[:])
}

// compareKeys compares the date parts of two keys.
func compareKeys(ka, kb *sortKey) int {
	if ka.earliest != kb.earliest {
		return cmp.Compare(ka.earliest, kb.earliest)
	}
	if ka.latest != kb.latest {
		return cmp.Compare(ka.latest, kb.latest)
	}
	if ka.prec != kb.prec {
		return cmp.Compare(ka.prec, kb.prec)
	}
	if ka.clock != kb.clock {
		return cmp.Compare(ka.clock, kb.clock)
	}
	return cmp.Compare(ka.qual, kb.qual)
}

// A rec is what sorting moves: the key, the ID and the entry's place in
// the input, side by side, so that comparisons rarely follow a pointer.
type rec struct {
	key sortKey
	id  [16]byte
	at  int32
}

// sortEntries returns the entries in timeline order, leaving l as it is.
func sortEntries(l list) list {
	recs := make([]rec, len(l))
	for i, en := range l {
		recs[i] = rec{en.key, en.ev.ID, int32(i)}
	}
	slices.SortFunc(recs, func(a, b rec) int {
		if c := compareKeys(&a.key, &b.key); c != 0 {
			return c
		}
		if !(a.key.exact && b.key.exact) {
			return compareEntries(l[a.at], l[b.at])
		}
		if c := cmp.Compare(a.key.kind, b.key.kind); c != 0 {
			return c
		}
		return bytes.Compare(a.id[:], b.id[:])
	})
	order := make(list, len(recs))
	for i := range recs {
		order[i] = l[recs[i].at]
	}
	return order
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b in the
// order of a timeline: by date as [event.Date.Compare] orders them, then by
// kind in declaration order, then by ID. Two events compare equal only when
// their dates, kinds and IDs are equal.
func Compare(a, b *event.Event) int {
	return compareEntries(newEntry(*a), newEntry(*b))
}

package timeline

import (
	"bytes"
	"cmp"
	"math"
	"slices"

	"github.com/accordline/accordline/event"
	"github.com/google/uuid"
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
	order    int32 // the event's Order; math.MaxInt32 when it states none
	// exact says the fields above determine the date: it is a single date
	// without a time. Two such dates with equal keys are equal, which spares
	// a look at the dates themselves when sorting.
	exact bool
}

func newEntrySeq(e event.Event, seq uint64) *entry {
	en := &entry{ev: e, seq: seq}
	en.key = keyOf(&en.ev)
	return en
}

// keyOf computes the sort key of an event. The days of open or unknown
// ends are the least and the greatest but one int32, below and above every
// real day; the unknown date sorts last with the greatest.
func keyOf(e *event.Event) sortKey {
	d := e.Date
	k := sortKey{kind: e.Kind, prec: d.Precision(), qual: d.Qualifier(), order: math.MaxInt32, clock: math.MinInt32}
	if e.Order > 0 {
		k.order = int32(min(e.Order, math.MaxInt32-1))
	}
	k.exact = !d.IsInterval() && !d.HasTime()
	if d.IsZero() {
		k.earliest, k.latest = math.MaxInt32, math.MaxInt32
		return k
	}
	k.earliest, k.latest = math.MinInt32, math.MaxInt32-1
	if day, ok := d.Earliest(); ok {
		k.earliest = int32(day)
	}
	if day, ok := d.Latest(); ok {
		k.latest = int32(day)
	}
	if t, ok := d.Time(); ok {
		_, off := t.Zone()
		k.clock = int32(t.Hour()*3600 + t.Minute()*60 + t.Second() - off)
	}
	return k
}

// compareEntries is the timeline order; see the package documentation. It
// agrees with event.Date.Compare on dates and breaks ties by the order the
// events state, kind and ID.
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
	return compareTies(ka, kb, &a.ev.ID, &b.ev.ID)
}

// compareTies orders events of equal dates.
func compareTies(ka, kb *sortKey, ida, idb *uuid.UUID) int {
	if ka.order != kb.order {
		return cmp.Compare(ka.order, kb.order)
	}
	if ka.kind != kb.kind {
		return cmp.Compare(ka.kind, kb.kind)
	}
	return bytes.Compare(ida[:], idb[:])
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
	id  uuid.UUID
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
		return compareTies(&a.key, &b.key, &a.id, &b.id)
	})
	order := make(list, len(recs))
	for i := range recs {
		order[i] = l[recs[i].at]
	}
	return order
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b in the
// order of a timeline (see the package documentation): by date as
// [event.Date.Compare] orders them, then by the order the events state
// ([event.Event.Order]), then by kind in declaration order, then by ID. Two
// events compare equal only when their dates, orders, kinds and IDs are
// equal. Compare serves slices.SortFunc over events.
func Compare(a, b event.Event) int {
	return compareEntries(&entry{ev: a, key: keyOf(&a)}, &entry{ev: b, key: keyOf(&b)})
}

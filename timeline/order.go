package timeline

import (
	"bytes"
	"cmp"
	"math"

	"github.com/accordline/accordline/event"
)

// An entry is one event held by a timeline, with its sort key computed
// once. Entries are immutable once published: a change to an event makes a
// new entry.
type entry struct {
	ev  event.Event
	key sortKey
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
}

func newEntry(e event.Event) *entry {
	en := &entry{ev: e}
	d := e.Date
	k := &en.key
	k.kind, k.prec, k.qual = e.Kind, d.Precision(), d.Qualifier()
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
	if c := cmp.Compare(ka.earliest, kb.earliest); c != 0 {
		return c
	}
	if c := cmp.Compare(ka.latest, kb.latest); c != 0 {
		return c
	}
	if c := cmp.Compare(ka.prec, kb.prec); c != 0 {
		return c
	}
	if c := cmp.Compare(ka.clock, kb.clock); c != 0 {
		return c
	}
	if c := cmp.Compare(ka.qual, kb.qual); c != 0 {
		return c
	}
	if a.ev.Date != b.ev.Date {
		if c := a.ev.Date.Compare(b.ev.Date); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(ka.kind, kb.kind); c != 0 {
		return c
	}
	return bytes.Compare(a.ev.ID[:], b.ev.ID[:])
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b in the
// order of a timeline: by date as [event.Date.Compare] orders them, then by
// kind in declaration order, then by ID. Two events compare equal only when
// their dates, kinds and IDs are equal.
func Compare(a, b *event.Event) int {
	return compareEntries(newEntry(*a), newEntry(*b))
}

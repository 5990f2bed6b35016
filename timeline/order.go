package timeline

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// An entry is one event held by a timeline, with its sort key computed
// once. Entries are immutable once published: a change to an event makes a
// new entry. The key comes first, so that comparing two entries reads one
// cache line of each.
type entry struct {
	key sortKey
	ev  event.Event
}

// sortKey holds the timeline order as integers compared in turn, so that
// comparisons rarely look at the dates themselves.
type sortKey struct {
	// days holds the first and the last day of the covered range, each
	// biased to compare as unsigned: the days of open or unknown ends are
	// the least and the greatest but one int32, below and above every real
	// day; the unknown date has the greatest twice.
	days uint64
	// date holds the precision, the time of day (seconds shifted to UTC,
	// 0 when untimed) and the qualifier.
	date uint64
	// ties holds the event's Order (math.MaxInt32 when it states none) and
	// kind, which order events of equal dates.
	ties uint64
	// id holds the event's ID as two big-endian halves, the last tie.
	id [2]uint64
	// exact says the fields above determine the date: it is a single date
	// without a time. Two such dates with equal keys are equal, which spares
	// a look at the dates themselves.
	exact bool
}

// bias maps an int32 to a uint32 of the same order.
func bias(v int32) uint64 { return uint64(uint32(v) ^ 1<<31) }

// keyOf computes the sort key of an event whose ID is id.
func keyOf(e *event.Event, id uuid.UUID) sortKey {
	d := e.Date
	order := int64(math.MaxInt32)
	if e.Order > 0 {
		order = int64(min(e.Order, math.MaxInt32-1))
	}
	k := sortKey{
		ties:  uint64(order)<<8 | uint64(e.Kind),
		id:    [2]uint64{binary.BigEndian.Uint64(id[:8]), binary.BigEndian.Uint64(id[8:])},
		exact: !d.IsInterval() && !d.HasTime(),
	}
	if d.IsZero() {
		k.days = bias(math.MaxInt32)<<32 | bias(math.MaxInt32)
		return k
	}
	first, last := int32(math.MinInt32), int32(math.MaxInt32-1)
	if day, ok := d.Earliest(); ok {
		first = int32(day)
	}
	if day, ok := d.Latest(); ok {
		last = int32(day)
	}
	k.days = bias(first)<<32 | bias(last)
	clock := int32(math.MinInt32)
	if t, ok := d.Time(); ok {
		_, off := t.Zone()
		clock = int32(t.Hour()*3600 + t.Minute()*60 + t.Second() - off)
	}
	k.date = uint64(d.Precision())<<40 | bias(clock)<<8 | uint64(d.Qualifier())
	return k
}

// earliest and latest return the first and last day of the key's covered
// range, with the conventions of sortKey.days.
func (k *sortKey) earliest() int32 { return int32(uint32(k.days>>32) ^ 1<<31) }
func (k *sortKey) latest() int32   { return int32(uint32(k.days) ^ 1<<31) }

// bounded says both ends of the date are known days.
func (k *sortKey) bounded() bool {
	return k.earliest() != math.MinInt32 && k.latest() < math.MaxInt32-1
}

// compareEntries is the timeline order; see the package documentation. It
// agrees with event.Date.Compare on dates and breaks ties by the order the
// events state, kind and ID.
func compareEntries(a, b *entry) int {
	return compareKeys(&a.key, &b.key, &a.ev.Date, &b.ev.Date)
}

// compareKeys compares two keys, and where they tie but do not determine
// the dates, the dates da and db they were made of.
func compareKeys(ka, kb *sortKey, da, db *event.Date) int {
	if ka.days != kb.days {
		return cmp.Compare(ka.days, kb.days)
	}
	if ka.date != kb.date {
		return cmp.Compare(ka.date, kb.date)
	}
	if !(ka.exact && kb.exact) && *da != *db {
		if c := da.Compare(*db); c != 0 {
			return c
		}
	}
	if ka.ties != kb.ties {
		return cmp.Compare(ka.ties, kb.ties)
	}
	if ka.id[0] != kb.id[0] {
		return cmp.Compare(ka.id[0], kb.id[0])
	}
	return cmp.Compare(ka.id[1], kb.id[1])
}

// Compare returns -1, 0 or +1 as a sorts before, with or after b in the
// order of a timeline (see the package documentation): by date as
// [event.Date.Compare] orders them, then by the order the events state
// ([event.Event.Order]), then by kind in declaration order, then by ID. Two
// events compare equal only when their dates, orders, kinds and IDs are
// equal. Compare serves slices.SortFunc over events.
func Compare(a, b event.Event) int {
	ka, kb := keyOf(&a, a.ID), keyOf(&b, b.ID)
	return compareKeys(&ka, &kb, &a.Date, &b.Date)
}

// A rec is what sorting moves: the leading parts of a key packed into
// two words, and the place of the key in the input.
type rec struct {
	days uint64
	// mid packs the date part of the key, the order (to 16 bits), the kind
	// and two flags: the key does not determine the date, which may have
	// to be compared; the time or the order did not fit, so that the full
	// comparison must decide between keys of equal days and date.
	mid uint64
	id  uint32 // the first bytes of the ID
	at  uint32
}

// The fields of rec.mid, from the top.
const (
	midDateShift  = 30 // 34 bits: precision, time of day and qualifier
	midOrderShift = 14 // 16 bits
	midKindShift  = 2  // 8 bits
	midInexact    = 2
	midClamped    = 1
	midDateMask   = math.MaxUint64 >> midDateShift << midDateShift
)

func recOf(k *sortKey, at int) rec {
	prec, clock, qual := k.date>>40, uint32(k.date>>8), k.date&0xff
	order, kind := k.ties>>8, k.ties&0xff
	clamped := false
	// A time of day, from -18 to +42 hours in UTC, fits in 18 bits above
	// 0, which stays untimed.
	c := uint64(0)
	if clock != 0 {
		v := int64(int32(clock^1<<31)) + 70001
		if v < 1 || v >= 1<<18 {
			v, clamped = min(max(v, 1), 1<<18-1), true
		}
		c = uint64(v)
	}
	o := order
	if o >= 0xffff {
		o = 0xffff
		if order != math.MaxInt32 {
			o, clamped = 0xfffe, true
		}
	}
	mid := (prec&0xff<<26|c<<8|qual)<<midDateShift | o<<midOrderShift | kind<<midKindShift
	if !k.exact {
		mid |= midInexact
	}
	if clamped {
		mid |= midClamped
	}
	return rec{days: k.days, mid: mid, id: uint32(k.id[0] >> 32), at: uint32(at)}
}

// sortKeys returns the permutation that puts the keys in timeline order;
// evOf(i) is the event of keys[i], for the rare ties that only the dates
// themselves decide. It sorts by radix on the days, then each run of equal
// days by the packed rest, and finally by the full comparison the few runs
// that the packed keys cannot decide.
func sortKeys(keys []sortKey, evOf func(i int) *event.Event) []int32 {
	recs := make([]rec, len(keys))
	for i := range keys {
		recs[i] = recOf(&keys[i], i)
	}
	recs = radixDays(recs, compactDays(recs))
	full := func(a, b rec) int {
		return compareKeys(&keys[a.at], &keys[b.at], &evOf(int(a.at)).Date, &evOf(int(b.at)).Date)
	}
	same := func(a, b rec) bool { return evOf(int(a.at)).Date == evOf(int(b.at)).Date }
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].days == recs[lo].days {
			hi++
		}
		if hi-lo > 1 {
			run := recs[lo:hi]
			sortRun(run)
			settleTies(run, full, same)
		}
		lo = hi
	}
	perm := make([]int32, len(recs))
	for i := range recs {
		perm[i] = int32(recs[i].at)
	}
	return perm
}

func lessRec(a, b *rec) bool {
	if a.mid != b.mid {
		return a.mid < b.mid
	}
	return a.id < b.id
}

// sortRun sorts records of equal days by the packed rest of their keys.
func sortRun(run []rec) {
	if len(run) <= 12 {
		for i := 1; i < len(run); i++ {
			for j := i; j > 0 && lessRec(&run[j], &run[j-1]); j-- {
				run[j], run[j-1] = run[j-1], run[j]
			}
		}
		return
	}
	slices.SortFunc(run, func(a, b rec) int {
		if a.mid != b.mid {
			return cmp.Compare(a.mid, b.mid)
		}
		return cmp.Compare(a.id, b.id)
	})
}

// settleTies sorts by the full comparison each group of records with equal
// date parts that the packed keys may have put out of order: where a key
// did not fit, where keys that do not determine their dates have dates
// that differ, or where two keys tie on what was packed. same tells
// whether two records have the same date.
func settleTies(run []rec, full func(a, b rec) int, same func(a, b rec) bool) {
	for lo := 0; lo < len(run); {
		hi := lo + 1
		for hi < len(run) && run[hi].mid&midDateMask == run[lo].mid&midDateMask {
			hi++
		}
		if g := run[lo:hi]; len(g) > 1 && !settled(g, same) {
			slices.SortFunc(g, full)
		}
		lo = hi
	}
}

// settled reports whether the packed keys put a group of records with
// equal date parts in order.
func settled(g []rec, same func(a, b rec) bool) bool {
	inexact := false
	for i := range g {
		if g[i].mid&midClamped != 0 {
			return false
		}
		inexact = inexact || g[i].mid&midInexact != 0
		if i > 0 && g[i].mid == g[i-1].mid && g[i].id == g[i-1].id {
			return false
		}
	}
	if inexact {
		// Equal dates leave the order, kind and ID to decide, as packed.
		for i := 1; i < len(g); i++ {
			if !same(g[0], g[i]) {
				return false
			}
		}
	}
	return true
}

// compactDays rewrites the days of the records, in the same order, as a
// number of as few bits as their spread needs, and returns that number:
// the first and last days each count from the least real one, with open
// and unknown ends just outside the real ones. A million events over a
// century take 32 bits, not 64.
func compactDays(recs []rec) int {
	const (
		open    = math.MinInt32     // an open or unknown start
		end     = math.MaxInt32 - 1 // an open or unknown end
		unknown = math.MaxInt32     // the unknown date
	)
	loE, hiE, loL, hiL := int64(math.MaxInt64), int64(math.MinInt64), int64(math.MaxInt64), int64(math.MinInt64)
	for i := range recs {
		k := sortKey{days: recs[i].days}
		if e := int64(k.earliest()); e != open && e != unknown {
			loE, hiE = min(loE, e), max(hiE, e)
		}
		if l := int64(k.latest()); l < end {
			loL, hiL = min(loL, l), max(hiL, l)
		}
	}
	if loE > hiE {
		loE, hiE = 0, 0
	}
	if loL > hiL {
		loL, hiL = 0, 0
	}
	bitsE, bitsL := bits.Len64(uint64(hiE-loE+2)), bits.Len64(uint64(hiL-loL+2))
	if bitsE+bitsL > 64 {
		return 64
	}
	for i := range recs {
		k := sortKey{days: recs[i].days}
		var e, l int64
		switch v := int64(k.earliest()); v {
		case open:
			e = 0
		case unknown:
			e = hiE - loE + 2
		default:
			e = v - loE + 1
		}
		switch v := int64(k.latest()); v {
		case end:
			l = hiL - loL + 1
		case unknown:
			l = hiL - loL + 2
		default:
			l = v - loL
		}
		recs[i].days = uint64(e)<<bitsL | uint64(l)
	}
	return bitsE + bitsL
}

// radixDays sorts records by the low width bits of their days, stably,
// eleven bits at a time from the lowest, skipping the digits in which all
// records agree. It may return the scratch buffer rather than recs.
func radixDays(recs []rec, width int) []rec {
	if len(recs) < 256 {
		slices.SortStableFunc(recs, func(a, b rec) int { return cmp.Compare(a.days, b.days) })
		return recs
	}
	const digit = 11
	passes := (width + digit - 1) / digit
	counts := make([][1 << digit]int, passes)
	for i := range recs {
		d := recs[i].days
		for p := range passes {
			counts[p][d>>(digit*p)&(1<<digit-1)]++
		}
	}
	buf := make([]rec, len(recs))
	for p := range passes {
		c := &counts[p]
		shift := digit * p
		if c[recs[0].days>>shift&(1<<digit-1)] == len(recs) {
			continue // every record has this digit
		}
		sum := 0
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		for _, r := range recs {
			k := r.days >> shift & (1<<digit - 1)
			buf[c[k]] = r
			c[k]++
		}
		recs, buf = buf, recs
	}
	return recs
}

// sortEntries sorts entries in timeline order.
func sortEntries(es []*entry) {
	if len(es) < 64 {
		slices.SortFunc(es, compareEntries)
		return
	}
	keys := make([]sortKey, len(es))
	for i, en := range es {
		keys[i] = en.key
	}
	perm := sortKeys(keys, func(i int) *event.Event { return &es[i].ev })
	sorted := make([]*entry, len(es))
	for i, at := range perm {
		sorted[i] = es[at]
	}
	copy(es, sorted)
}

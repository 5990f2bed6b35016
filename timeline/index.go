package timeline

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// spanClasses are the upper bounds, in days, of the date buckets: a single
// day, a month, a season, a year, a decade, a century. Dates covering more,
// or with an open or unknown end, go to the last bucket.
var spanClasses = [...]int32{0, 30, 91, 365, 3652, 36524, math.MaxInt32}

// index holds the events of a timeline in order, by ID, and the lookups
// that answer selective queries without a scan. Every list in it is in
// timeline order.
//
// Every lookup is kept up to date by each write, so that no query pays
// for building one: the first query is as fast as the hundredth.
type index struct {
	max   maxChunk // of the chunks of the lists
	order list
	byID  map[uuid.UUID]*entry
	keys  keyIndex
	dates dateIndex
	words postings[string] // folded words of the texts
}

// postings maps a key to the entries that have it.
type postings[K comparable] map[K]list

// keyIndex maps the keys of events to the events that have them.
type keyIndex struct {
	actor      postings[event.ActorID]
	role       postings[event.Role]
	kind       postings[event.Kind]
	status     postings[event.Status]
	instrument postings[string]
	// instrumentName holds instruments by their folded IDs and names in
	// every language.
	instrumentName postings[string]
	tag            postings[string] // folded
	lang           postings[string] // lower case
	publisher      postings[string] // folded
	linkedFrom     postings[uuid.UUID]
}

// dateIndex holds the dated events in buckets by the length of their
// covered range, and the undated ones.
type dateIndex struct {
	spans   [len(spanClasses)]list
	undated list
}

func newIndex(max maxChunk) *index {
	return &index{
		max:  max,
		byID: make(map[uuid.UUID]*entry),
		keys: keyIndex{
			actor: postings[event.ActorID]{}, role: postings[event.Role]{},
			kind: postings[event.Kind]{}, status: postings[event.Status]{},
			instrument: postings[string]{}, instrumentName: postings[string]{},
			tag: postings[string]{}, lang: postings[string]{},
			publisher: postings[string]{}, linkedFrom: postings[uuid.UUID]{},
		},
		words: postings[string]{},
	}
}

// A folder folds strings for the indexes, remembering the results: the
// same tags and publishers recur across many events.
type folder map[string]string

func (f folder) fold(s string) string {
	if v, ok := f[s]; ok {
		return v
	}
	v := event.Fold(s)
	f[s] = v
	return v
}

// actorsOf returns the actors an event is found by, each once: its
// participants and the speakers of its quotes. It reuses buf.
func actorsOf(e *event.Event, buf []event.ActorID) []event.ActorID {
	buf = buf[:0]
	for _, p := range e.Participants {
		buf = append(buf, p.Actor)
	}
	for _, s := range e.Sources {
		for _, q := range s.Quotes {
			if q.Speaker != "" {
				buf = append(buf, q.Speaker)
			}
		}
	}
	return dedupe(buf)
}

func appendNew[T comparable](s []T, v T) []T {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// dedupe removes the repeats of values from s in place, keeping the first
// of each in its place. A list of a few values is searched; a longer one
// goes through a map, so that an event with 100,000 tags or participants
// costs in proportion to them, not to their square.
func dedupe[T comparable](s []T) []T {
	out := s[:0]
	if len(s) <= 32 {
		for _, v := range s {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out
	}
	seen := make(map[T]struct{}, len(s))
	for _, v := range s {
		if _, ok := seen[v]; !ok {
			seen[v] = struct{}{}
			out = append(out, v)
		}
	}
	return out
}

// spanClass returns the bucket of an entry's date, or -1 for the unknown
// date.
func spanClass(k *sortKey) int {
	if k.earliest() == math.MaxInt32 {
		return -1
	}
	span := int64(k.latest()) - int64(k.earliest())
	for i, max := range spanClasses {
		if span <= int64(max) {
			return i
		}
	}
	return len(spanClasses) - 1
}

// A change is what one write does to one list: the entries it takes out
// and those it puts in, each in timeline order.
type change struct{ add, del []*entry }

// A keySink receives the index keys of an event, each key once. Nil
// functions are skipped, along with the work of finding their keys.
type keySink struct {
	actor      func(event.ActorID)
	role       func(event.Role)
	instrument func(string)
	instName   func(string) // folded ID and names
	tag        func(string) // folded
	lang       func(string) // lower case
	publisher  func(string) // folded
	link       func(uuid.UUID)
}

// eachKey sends the index keys of e to s. It reuses buf.
func eachKey(e *event.Event, f folder, buf *[]event.ActorID, s *keySink) {
	if s.actor != nil {
		*buf = actorsOf(e, *buf)
		for _, a := range *buf {
			s.actor(a)
		}
	}
	if s.role != nil {
		for i, p := range e.Participants {
			if !slices.ContainsFunc(e.Participants[:i], func(q event.Participation) bool { return q.Role == p.Role }) {
				s.role(p.Role)
			}
		}
	}
	if s.instrument != nil && e.Instrument.ID != "" {
		s.instrument(e.Instrument.ID)
	}
	if s.instName != nil && e.Instrument.ID != "" {
		in := &e.Instrument
		var seen [4]string
		names := append(seen[:0], f.fold(in.ID), f.fold(in.Name))
		for _, n := range in.Names {
			names = append(names, f.fold(n))
		}
		for _, n := range dedupe(names) {
			if n != "" {
				s.instName(n)
			}
		}
	}
	if s.tag != nil {
		var seen [8]string // most events have a few tags: no allocation
		tags := seen[:0]
		for _, t := range e.Tags {
			tags = append(tags, f.fold(t))
		}
		for _, k := range dedupe(tags) {
			s.tag(k)
		}
	}
	if s.lang != nil || s.publisher != nil {
		var seen [8]string
		langs, pubs := seen[:0:4], seen[4:4:8]
		for _, src := range e.Sources {
			if src.Lang != "" {
				langs = append(langs, strings.ToLower(src.Lang))
			}
			for _, q := range src.Quotes {
				if q.Lang != "" {
					langs = append(langs, strings.ToLower(q.Lang))
				}
			}
			if src.Publisher != "" {
				pubs = append(pubs, f.fold(src.Publisher))
			}
		}
		if s.lang != nil {
			for _, l := range dedupe(langs) {
				s.lang(l)
			}
		}
		if s.publisher != nil {
			for _, p := range dedupe(pubs) {
				s.publisher(p)
			}
		}
	}
	if s.link != nil {
		var seen [4]uuid.UUID
		targets := seen[:0]
		for _, l := range e.Links {
			targets = append(targets, l.Target)
		}
		for _, t := range dedupe(targets) {
			s.link(t)
		}
	}
}

// update takes the entries of del out of the index and puts those of add
// in; both are in timeline order, every entry of del is in the index, and
// no entry of add has the ID of an entry left in it. Lists it changes are
// copied, so that readers holding the old ones are not disturbed. Callers
// hold the timeline's lock for writing.
func (ix *index) update(del, add []*entry) {
	ix.updateOrder(del, add)
	ix.updateLookups(del, add)
}

// updateOrder updates the order and the IDs.
func (ix *index) updateOrder(del, add []*entry) {
	ix.order = ix.order.update(add, del, ix.max)
	if len(ix.byID) == 0 && len(add) > 0 {
		ix.byID = make(map[uuid.UUID]*entry, len(add))
	}
	for _, e := range del {
		delete(ix.byID, e.ev.ID)
	}
	for _, e := range add {
		ix.byID[e.ev.ID] = e
	}
}

// updateLookups updates the lookups for queries. A large write finds the
// words of the texts, the bulk of the work, on two more goroutines, each
// for half of the entries.
func (ix *index) updateLookups(del, add []*entry) {
	var wa, wd []*gatherer[string]
	if len(del)+len(add) < parallelMin {
		wa, wd = []*gatherer[string]{wordsOf(add, 0, len(add))}, []*gatherer[string]{wordsOf(del, 0, len(del))}
		ix.updateDates(del, add)
		ix.updateKeys(del, add)
	} else {
		hd, ha := len(del)/2, len(add)/2
		wa, wd = make([]*gatherer[string], 2), make([]*gatherer[string], 2)
		var wg sync.WaitGroup
		wg.Go(func() { wa[0], wd[0] = wordsOf(add, 0, ha), wordsOf(del, 0, hd) })
		wg.Go(func() { wa[1], wd[1] = wordsOf(add, ha, len(add)), wordsOf(del, hd, len(del)) })
		ix.updateDates(del, add)
		ix.updateKeys(del, add)
		wg.Wait()
	}
	ga, gd := gather(add, wa...), gather(del, wd...)
	apply(ix.words, &ga, &gd, ix.max, strings.Clone)
}

func (ix *index) updateDates(del, add []*entry) {
	cs := bucket(add, del, func(e *entry) uint8 {
		if c := spanClass(&e.key); c >= 0 {
			return uint8(c)
		}
		return uint8(len(spanClasses)) // the undated
	})
	cs = append(cs, make([]change, len(spanClasses)+1-len(cs))...)
	d := &ix.dates
	for i := range d.spans {
		d.spans[i] = d.spans[i].update(cs[i].add, cs[i].del, ix.max)
	}
	u := &cs[len(spanClasses)]
	d.undated = d.undated.update(u.add, u.del, ix.max)
}

// bucket returns the entries of add and del by the byte key gives each,
// in order: element k holds the changes of key k. It counts first, so
// that each list is made at its length, not grown and cut to it.
func bucket(add, del []*entry, key func(*entry) uint8) []change {
	var counts [256][2]int32
	n := 0
	for i, es := range [2][]*entry{add, del} {
		for _, e := range es {
			k := key(e)
			counts[k][i]++
			n = max(n, int(k)+1)
		}
	}
	cs := make([]change, n)
	for k := range cs {
		if c := counts[k][0]; c > 0 {
			cs[k].add = make([]*entry, 0, c)
		}
		if c := counts[k][1]; c > 0 {
			cs[k].del = make([]*entry, 0, c)
		}
	}
	for _, e := range add {
		c := &cs[key(e)]
		c.add = append(c.add, e)
	}
	for _, e := range del {
		c := &cs[key(e)]
		c.del = append(c.del, e)
	}
	return cs
}

// applyBuckets makes the changes of cs, by key, to the lists of p.
func applyBuckets[K ~uint8](cs []change, p postings[K], max maxChunk) {
	for k := range cs {
		c := &cs[k]
		if len(c.add)+len(c.del) == 0 {
			continue
		}
		if l := p[K(k)].update(c.add, c.del, max); len(l) == 0 {
			delete(p, K(k))
		} else {
			p[K(k)] = l
		}
	}
}

func (ix *index) updateKeys(del, add []*entry) {
	var actors [2]gatherer[event.ActorID]
	var roles [2]gatherer[event.Role]
	var instruments, instNames, tags, langs, pubs [2]gatherer[string]
	var links [2]gatherer[uuid.UUID]
	var i int // 0 adding, 1 removing
	var at int32
	sink := &keySink{
		actor:      func(x event.ActorID) { actors[i].add(x, at) },
		role:       func(x event.Role) { roles[i].add(x, at) },
		instrument: func(x string) { instruments[i].add(x, at) },
		instName:   func(x string) { instNames[i].add(x, at) },
		tag:        func(x string) { tags[i].add(x, at) },
		lang:       func(x string) { langs[i].add(x, at) },
		publisher:  func(x string) { pubs[i].add(x, at) },
		link:       func(x uuid.UUID) { links[i].add(x, at) },
	}
	f := make(folder)
	var buf []event.ActorID
	both := [2][]*entry{add, del}
	for i = range both {
		for j, e := range both[i] {
			at = int32(j)
			eachKey(&e.ev, f, &buf, sink)
		}
	}
	k, m := &ix.keys, ix.max
	applyGathered(k.actor, both, &actors, m, nil)
	applyGathered(k.role, both, &roles, m, nil)
	applyBuckets(bucket(add, del, func(e *entry) uint8 { return uint8(e.ev.Kind) }), k.kind, m)
	applyBuckets(bucket(add, del, func(e *entry) uint8 { return uint8(e.ev.Status) }), k.status, m)
	applyGathered(k.instrument, both, &instruments, m, strings.Clone)
	applyGathered(k.instrumentName, both, &instNames, m, strings.Clone)
	applyGathered(k.tag, both, &tags, m, strings.Clone)
	applyGathered(k.lang, both, &langs, m, strings.Clone)
	applyGathered(k.publisher, both, &pubs, m, strings.Clone)
	applyGathered(k.linkedFrom, both, &links, m, nil)
}

// applyGathered applies what gs gathered from the entries added, both[0],
// and removed, both[1], to p.
func applyGathered[K comparable](p postings[K], both [2][]*entry, gs *[2]gatherer[K], max maxChunk, clone func(K) K) {
	add, del := gather(both[0], &gs[0]), gather(both[1], &gs[1])
	apply(p, &add, &del, max, clone)
}

// wordsOf gathers the words of the texts of es[from:to], at their
// positions in es.
func wordsOf(es []*entry, from, to int) *gatherer[string] {
	g := &gatherer[string]{}
	byPiece := map[string][]int32{} // a piece of text → its words' numbers
	var at int32
	piece := func(p string, plain bool) {
		ns, ok := byPiece[p]
		if !ok {
			if plain {
				ns = []int32{g.number(p)}
			} else {
				for _, w := range tokenize(p) {
					ns = append(ns, g.number(w))
				}
			}
			byPiece[p] = ns
		}
		for _, n := range ns {
			g.put(n, at)
		}
	}
	text := func(s string) { pieces(s, piece) }
	for i := from; i < to; i++ {
		at = int32(i)
		eachText(&es[i].ev, text)
	}
	return g
}

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

// put records that e gains (or, when del, loses) the change's key. An
// entry sends each key once or, for words, in a row.
func (c *change) put(e *entry, del bool) {
	l := &c.add
	if del {
		l = &c.del
	}
	if n := len(*l); n == 0 || (*l)[n-1] != e {
		*l = append(*l, e)
	}
}

// changes gathers the changes of one write to a map of lists.
type changes[K comparable] map[K]*change

func (cs changes[K]) get(k K) *change {
	c := cs[k]
	if c == nil {
		c = &change{}
		cs[k] = c
	}
	return c
}

func (cs changes[K]) put(k K, e *entry, del bool) { cs.get(k).put(e, del) }

// join appends the changes of more, which follow those of cs in timeline
// order, to cs.
func (cs changes[K]) join(more changes[K]) {
	for k, m := range more {
		if c := cs[k]; c != nil {
			c.add = append(c.add, m.add...)
			c.del = append(c.del, m.del...)
		} else {
			cs[k] = m
		}
	}
}

// applyTo makes the changes to the lists of p.
func (cs changes[K]) applyTo(p postings[K], max maxChunk, clone func(K) K) {
	for k, c := range cs {
		old, ok := p[k]
		l := old.update(trim(c.add), c.del, max)
		switch {
		case len(l) == 0:
			delete(p, k)
		case !ok && clone != nil:
			p[clone(k)] = l
		default:
			p[k] = l
		}
	}
}

// smallChanges gathers the changes of one write to a map of lists keyed by
// a byte, without hashing.
type smallChanges [256]*change

func (cs *smallChanges) put(k uint8, e *entry, del bool) {
	if cs[k] == nil {
		cs[k] = &change{}
	}
	cs[k].put(e, del)
}

func applySmall[K ~uint8](cs *smallChanges, p postings[K], max maxChunk) {
	for k, c := range cs {
		if c == nil {
			continue
		}
		if l := p[K(k)].update(trim(c.add), c.del, max); len(l) == 0 {
			delete(p, K(k))
		} else {
			p[K(k)] = l
		}
	}
}

// trim returns s without spare capacity worth keeping for good: the
// lists of a timeline built at once are these slices.
func trim(s []*entry) []*entry {
	if cap(s)-len(s) > len(s)/8 {
		return slices.Clone(s)
	}
	return s
}

// A keySink receives the index keys of an event, each key once. Nil
// functions are skipped, along with the work of finding their keys.
type keySink struct {
	actor      func(event.ActorID)
	role       func(event.Role)
	kind       func(event.Kind)
	status     func(event.Status)
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
	if s.kind != nil {
		s.kind(e.Kind)
	}
	if s.status != nil {
		s.status(e.Status)
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
	var words changes[string]
	if len(del)+len(add) < parallelMin {
		words = wordChanges(del, add)
	} else {
		var more changes[string]
		hd, ha := len(del)/2, len(add)/2
		var wg sync.WaitGroup
		wg.Go(func() { words = wordChanges(del[:hd], add[:ha]) })
		wg.Go(func() { more = wordChanges(del[hd:], add[ha:]) })
		ix.updateDates(del, add)
		ix.updateKeys(del, add)
		wg.Wait()
		words.join(more)
		words.applyTo(ix.words, ix.max, strings.Clone)
		return
	}
	ix.updateDates(del, add)
	ix.updateKeys(del, add)
	words.applyTo(ix.words, ix.max, strings.Clone)
}

func (ix *index) updateDates(del, add []*entry) {
	var cs [len(spanClasses) + 1]change // the last is the undated
	for i, es := range [2][]*entry{add, del} {
		for _, e := range es {
			c := spanClass(&e.key)
			if c < 0 {
				c = len(spanClasses)
			}
			if i == 0 {
				cs[c].add = append(cs[c].add, e)
			} else {
				cs[c].del = append(cs[c].del, e)
			}
		}
	}
	d := &ix.dates
	for i := range d.spans {
		d.spans[i] = d.spans[i].update(trim(cs[i].add), cs[i].del, ix.max)
	}
	u := &cs[len(spanClasses)]
	d.undated = d.undated.update(trim(u.add), u.del, ix.max)
}

func (ix *index) updateKeys(del, add []*entry) {
	actors := changes[event.ActorID]{}
	var roles, kinds, statuses smallChanges
	instruments, instNames := changes[string]{}, changes[string]{}
	tags, langs, pubs := changes[string]{}, changes[string]{}, changes[string]{}
	links := changes[uuid.UUID]{}
	var en *entry
	var removing bool
	sink := &keySink{
		actor:      func(x event.ActorID) { actors.put(x, en, removing) },
		role:       func(x event.Role) { roles.put(uint8(x), en, removing) },
		kind:       func(x event.Kind) { kinds.put(uint8(x), en, removing) },
		status:     func(x event.Status) { statuses.put(uint8(x), en, removing) },
		instrument: func(x string) { instruments.put(x, en, removing) },
		instName:   func(x string) { instNames.put(x, en, removing) },
		tag:        func(x string) { tags.put(x, en, removing) },
		lang:       func(x string) { langs.put(x, en, removing) },
		publisher:  func(x string) { pubs.put(x, en, removing) },
		link:       func(x uuid.UUID) { links.put(x, en, removing) },
	}
	f := make(folder)
	var buf []event.ActorID
	for i, es := range [2][]*entry{add, del} {
		removing = i == 1
		for _, en = range es {
			eachKey(&en.ev, f, &buf, sink)
		}
	}
	k, m := &ix.keys, ix.max
	actors.applyTo(k.actor, m, nil)
	applySmall(&roles, k.role, m)
	applySmall(&kinds, k.kind, m)
	applySmall(&statuses, k.status, m)
	instruments.applyTo(k.instrument, m, strings.Clone)
	instNames.applyTo(k.instrumentName, m, strings.Clone)
	tags.applyTo(k.tag, m, strings.Clone)
	langs.applyTo(k.lang, m, strings.Clone)
	pubs.applyTo(k.publisher, m, strings.Clone)
	links.applyTo(k.linkedFrom, m, nil)
}

// wordChanges returns the changes of a write to the lists of words.
func wordChanges(del, add []*entry) changes[string] {
	words := changes[string]{}
	byPiece := map[string][]*change{} // a piece of text → its words' changes
	var en *entry
	var removing bool
	piece := func(p string, plain bool) {
		cs, ok := byPiece[p]
		if !ok {
			if plain {
				cs = []*change{words.get(p)}
			} else {
				for _, w := range tokenize(p) {
					cs = append(cs, words.get(w))
				}
			}
			byPiece[p] = cs
		}
		for _, c := range cs {
			c.put(en, removing)
		}
	}
	text := func(s string) { pieces(s, piece) }
	for i, es := range [2][]*entry{add, del} {
		removing = i == 1
		for _, en = range es {
			eachText(&en.ev, text)
		}
	}
	return words
}

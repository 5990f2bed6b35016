package timeline

import (
	"cmp"
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
// The order and the IDs are kept at all times. The lookups are built when
// a query first needs them and kept up to date from then on, so that a
// timeline that is only built and written out never pays for them.
type index struct {
	order list
	byID  map[uuid.UUID]*entry

	lazy  sync.Mutex // guards building the lookups below
	keys  *keyIndex  // nil until a query needs it
	dates *dateIndex // nil until a query needs it
	text  *textIndex // nil until a query needs it
}

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

func newIndex(capacity int) *index {
	return &index{
		order: make(list, 0, capacity),
		byID:  make(map[uuid.UUID]*entry, capacity),
	}
}

// keyIndex returns the key lookups, building them on first use. Callers
// hold the timeline's lock for reading or writing, which keeps writers out.
func (ix *index) keyIndex() *keyIndex {
	ix.lazy.Lock()
	defer ix.lazy.Unlock()
	if ix.keys == nil {
		ix.keys = buildKeys(ix.order)
	}
	return ix.keys
}

// dateIndex returns the date buckets, building them on first use.
func (ix *index) dateIndex() *dateIndex {
	ix.lazy.Lock()
	defer ix.lazy.Unlock()
	if ix.dates == nil {
		d := &dateIndex{}
		for _, en := range ix.order {
			d.apply(en, opAppend)
		}
		ix.dates = d
	}
	return ix.dates
}

// textIndex returns the word lookup, building it on first use.
func (ix *index) textIndex() *textIndex {
	ix.lazy.Lock()
	defer ix.lazy.Unlock()
	if ix.text == nil {
		ix.text = buildText(ix.order)
	}
	return ix.text
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
		buf = appendNew(buf, p.Actor)
	}
	for _, s := range e.Sources {
		for _, q := range s.Quotes {
			if q.Speaker != "" {
				buf = appendNew(buf, q.Speaker)
			}
		}
	}
	return buf
}

func appendNew[T comparable](s []T, v T) []T {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// spanClass returns the bucket of an entry's date.
func spanClass(k *sortKey) int {
	if k.earliest == math.MaxInt32 {
		return -1
	}
	span := int64(k.latest) - int64(k.earliest)
	for i, max := range spanClasses {
		if span <= int64(max) {
			return i
		}
	}
	return len(spanClasses) - 1
}

// op says how an entry goes into or out of a list.
type op uint8

const (
	opAppend op = iota // append at the end: bulk building in order
	opInsert           // insert in order into a copy
	opRemove           // remove from a copy
)

func put(l list, e *entry, o op) list {
	switch o {
	case opAppend:
		return append(l, e)
	case opInsert:
		return l.with(e)
	}
	return l.without(e)
}

func putKey[K comparable](p postings[K], k K, e *entry, o op) {
	if o == opRemove {
		p.remove(k, e)
		return
	}
	p[k] = put(p[k], e, o)
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
		names := appendNew(seen[:0], f.fold(in.ID))
		names = appendNew(names, f.fold(in.Name))
		for _, n := range in.Names {
			names = appendNew(names, f.fold(n))
		}
		for _, n := range names {
			if n != "" {
				s.instName(n)
			}
		}
	}
	if s.tag != nil {
		for i, t := range e.Tags {
			if k := f.fold(t); !slices.ContainsFunc(e.Tags[:i], func(u string) bool { return f.fold(u) == k }) {
				s.tag(k)
			}
		}
	}
	if s.lang != nil || s.publisher != nil {
		var seen [8]string
		langs, pubs := seen[:0:4], seen[4:4:8]
		for _, src := range e.Sources {
			if src.Lang != "" {
				langs = appendNew(langs, strings.ToLower(src.Lang))
			}
			for _, q := range src.Quotes {
				if q.Lang != "" {
					langs = appendNew(langs, strings.ToLower(q.Lang))
				}
			}
			if src.Publisher != "" {
				pubs = appendNew(pubs, f.fold(src.Publisher))
			}
		}
		for _, l := range langs {
			s.lang(l)
		}
		for _, p := range pubs {
			s.publisher(p)
		}
	}
	if s.link != nil {
		for i, l := range e.Links {
			if !slices.ContainsFunc(e.Links[:i], func(m event.Link) bool { return m.Target == l.Target }) {
				s.link(l.Target)
			}
		}
	}
}

// apply puts an entry into, or takes it out of, the order and every lookup
// built so far. Insertions and removals copy each list they change, so that
// readers holding the old lists are not disturbed. Callers hold the
// timeline's lock for writing.
func (ix *index) apply(en *entry, o op) {
	ix.order = put(ix.order, en, o)
	if o == opRemove {
		delete(ix.byID, en.ev.ID)
	} else {
		ix.byID[en.ev.ID] = en
	}
	if k := ix.keys; k != nil {
		k.apply(en, o)
	}
	if d := ix.dates; d != nil {
		d.apply(en, o)
	}
	if t := ix.text; t != nil {
		t.apply(en, o)
	}
}

func (k *keyIndex) apply(en *entry, o op) {
	var buf []event.ActorID
	eachKey(&en.ev, make(folder), &buf, &keySink{
		actor:      func(x event.ActorID) { putKey(k.actor, x, en, o) },
		role:       func(x event.Role) { putKey(k.role, x, en, o) },
		kind:       func(x event.Kind) { putKey(k.kind, x, en, o) },
		status:     func(x event.Status) { putKey(k.status, x, en, o) },
		instrument: func(x string) { putKey(k.instrument, x, en, o) },
		instName:   func(x string) { putKey(k.instrumentName, x, en, o) },
		tag:        func(x string) { putKey(k.tag, x, en, o) },
		lang:       func(x string) { putKey(k.lang, x, en, o) },
		publisher:  func(x string) { putKey(k.publisher, x, en, o) },
		link:       func(x uuid.UUID) { putKey(k.linkedFrom, x, en, o) },
	})
}

func (d *dateIndex) apply(en *entry, o op) {
	if c := spanClass(&en.key); c < 0 {
		d.undated = put(d.undated, en, o)
	} else {
		d.spans[c] = put(d.spans[c], en, o)
	}
}

// ranks gathers, for one kind of key, the timeline positions of the
// entries that have each key.
type ranks[K comparable] map[K][]int32

// lists turns positions into lists of entries in timeline order.
func (r ranks[K]) lists(order list) postings[K] {
	p := make(postings[K], len(r))
	for k, rs := range r {
		slices.Sort(rs)
		l := make(list, len(rs))
		for i, pos := range rs {
			l[i] = order[pos]
		}
		p[k] = l
	}
	return p
}

// build makes a new index of entries: it sorts them once, and fills in the
// IDs on another goroutine meanwhile.
func build(entries list) *index {
	ix := &index{byID: make(map[uuid.UUID]*entry, len(entries))}
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, en := range entries {
			ix.byID[en.ev.ID] = en
		}
	})
	ix.order = sortEntries(entries)
	wg.Wait()
	return ix
}

// buildKeys makes the key lookups of the entries in order. It visits the
// entries in their order of creation, which is about the order they sit in
// memory: for a million events far faster than visiting them in timeline
// order. It gathers the actors and roles on one goroutine and the rest on
// another.
func buildKeys(order list) *keyIndex {
	k := &keyIndex{}
	byAddr := make([]int32, len(order))
	for i := range byAddr {
		byAddr[i] = int32(i)
	}
	slices.SortFunc(byAddr, func(a, b int32) int { return cmp.Compare(order[a].seq, order[b].seq) })

	var wg sync.WaitGroup
	wg.Go(func() {
		actors, roles := make(ranks[event.ActorID]), make(ranks[event.Role])
		var buf []event.ActorID
		var r int32
		sink := &keySink{
			actor: func(x event.ActorID) { actors[x] = append(actors[x], r) },
			role:  func(x event.Role) { roles[x] = append(roles[x], r) },
		}
		for _, r = range byAddr {
			eachKey(&order[r].ev, nil, &buf, sink)
		}
		k.actor, k.role = actors.lists(order), roles.lists(order)
	})

	kinds, statuses := make(ranks[event.Kind]), make(ranks[event.Status])
	instruments, instNames := make(ranks[string]), make(ranks[string])
	tags, langs, pubs := make(ranks[string]), make(ranks[string]), make(ranks[string])
	links := make(ranks[uuid.UUID])
	var r int32
	sink := &keySink{
		kind:       func(x event.Kind) { kinds[x] = append(kinds[x], r) },
		status:     func(x event.Status) { statuses[x] = append(statuses[x], r) },
		instrument: func(x string) { instruments[x] = append(instruments[x], r) },
		instName:   func(x string) { instNames[x] = append(instNames[x], r) },
		tag:        func(x string) { tags[x] = append(tags[x], r) },
		lang:       func(x string) { langs[x] = append(langs[x], r) },
		publisher:  func(x string) { pubs[x] = append(pubs[x], r) },
		link:       func(x uuid.UUID) { links[x] = append(links[x], r) },
	}
	f := make(folder)
	for _, r = range byAddr {
		eachKey(&order[r].ev, f, nil, sink)
	}
	k.kind, k.status = kinds.lists(order), statuses.lists(order)
	k.instrument, k.instrumentName, k.tag = instruments.lists(order), instNames.lists(order), tags.lists(order)
	k.lang, k.publisher, k.linkedFrom = langs.lists(order), pubs.lists(order), links.lists(order)
	wg.Wait()
	return k
}

package timeline

import (
	"math"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// spanClasses are the upper bounds, in days, of the date buckets: a single
// day, a month, a season, a year, a decade, a century. Dates covering more,
// or with an open or unknown end, go to the last bucket.
var spanClasses = [...]int32{0, 30, 91, 365, 3652, 36524, math.MaxInt32}

// index holds the events of a timeline in order and the lookups that answer
// selective queries without a scan. Every list in it is in timeline order.
type index struct {
	order      list
	byID       map[uuid.UUID]*entry
	actor      postings[event.ActorID]
	role       postings[event.Role]
	kind       postings[event.Kind]
	status     postings[event.Status]
	instrument postings[string]
	tag        postings[string] // folded
	lang       postings[string] // lower case
	publisher  postings[string] // folded
	linkedFrom postings[uuid.UUID]
	spans      [len(spanClasses)]list
	undated    list
}

func newIndex(capacity int) *index {
	return &index{
		order:      make(list, 0, capacity),
		byID:       make(map[uuid.UUID]*entry, capacity),
		actor:      make(postings[event.ActorID]),
		role:       make(postings[event.Role]),
		kind:       make(postings[event.Kind]),
		status:     make(postings[event.Status]),
		instrument: make(postings[string]),
		tag:        make(postings[string]),
		lang:       make(postings[string]),
		publisher:  make(postings[string]),
		linkedFrom: make(postings[uuid.UUID]),
	}
}

// keys lists every index key of an entry, each once.
type keys struct {
	actors     []event.ActorID
	roles      []event.Role
	instrument string
	tags       []string
	langs      []string
	publishers []string
	links      []uuid.UUID
}

func keysOf(e *event.Event) keys {
	var k keys
	for _, p := range e.Participants {
		k.actors = appendNew(k.actors, p.Actor)
		k.roles = appendNew(k.roles, p.Role)
	}
	for _, s := range e.Sources {
		for _, q := range s.Quotes {
			if q.Speaker != "" {
				k.actors = appendNew(k.actors, q.Speaker)
			}
			if q.Lang != "" {
				k.langs = appendNew(k.langs, strings.ToLower(q.Lang))
			}
		}
		if s.Lang != "" {
			k.langs = appendNew(k.langs, strings.ToLower(s.Lang))
		}
		if s.Publisher != "" {
			k.publishers = appendNew(k.publishers, event.Fold(s.Publisher))
		}
	}
	k.instrument = e.Instrument.ID
	for _, t := range e.Tags {
		k.tags = appendNew(k.tags, event.Fold(t))
	}
	for _, l := range e.Links {
		k.links = appendNew(k.links, l.Target)
	}
	return k
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

// apply puts an entry into, or takes it out of, the order and every index.
// Insertions and removals copy each list they change, so that readers
// holding the old lists are not disturbed.
func (ix *index) apply(en *entry, o op) {
	ix.order = put(ix.order, en, o)
	if o == opRemove {
		delete(ix.byID, en.ev.ID)
	} else {
		ix.byID[en.ev.ID] = en
	}
	k := keysOf(&en.ev)
	for _, a := range k.actors {
		putKey(ix.actor, a, en, o)
	}
	for _, r := range k.roles {
		putKey(ix.role, r, en, o)
	}
	putKey(ix.kind, en.ev.Kind, en, o)
	putKey(ix.status, en.ev.Status, en, o)
	if k.instrument != "" {
		putKey(ix.instrument, k.instrument, en, o)
	}
	for _, t := range k.tags {
		putKey(ix.tag, t, en, o)
	}
	for _, l := range k.langs {
		putKey(ix.lang, l, en, o)
	}
	for _, p := range k.publishers {
		putKey(ix.publisher, p, en, o)
	}
	for _, id := range k.links {
		putKey(ix.linkedFrom, id, en, o)
	}
	if c := spanClass(&en.key); c < 0 {
		ix.undated = put(ix.undated, en, o)
	} else {
		ix.spans[c] = put(ix.spans[c], en, o)
	}
}

// build makes a new index of entries, sorting them once.
func build(entries list) *index {
	slices.SortFunc(entries, compareEntries)
	ix := newIndex(len(entries))
	for _, en := range entries {
		ix.apply(en, opAppend)
	}
	return ix
}

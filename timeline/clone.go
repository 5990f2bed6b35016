package timeline

import (
	"maps"

	"github.com/accordline/accordline/event"
)

// A cloner makes deep copies of events: the copies a timeline hands out,
// so that no caller can change what the timeline holds, and the copies it
// stores, so that no caller can change them afterwards. It carves the
// copies' slices out of larger blocks, one allocation for many events,
// which makes a copy several times cheaper than [event.Event.Clone]. A
// copy keeps its block alive, which costs at most a block of each kind.
type cloner struct {
	parts  block[event.Participation]
	srcs   block[event.Source]
	quotes block[event.Quote]
	strs   block[string]
	links  block[event.Link]
	alts   block[event.Alternative]
	coords block[event.Coordinates]
	// store says the copies are stored: their blocks are four times as
	// large as those of the copies handed out.
	store bool
	// left is the number of events still to copy, when known: blocks are
	// sized for them. Otherwise blocks start small and double up to their
	// most, so that a query with few results allocates little.
	left int
	// names, when not nil, holds the copied names of instruments by ID,
	// for the copies a timeline stores to share where they agree: the
	// timeline changes no map it holds and hands out copies of them.
	names map[string]map[string]string
}

// A block holds the elements of one kind for many copies: about 8 KB for
// the copies handed out and 32 KB for those stored, small enough for the
// allocator's fast path and large enough for dozens of events.
type block[T any] struct {
	free []T
	next int // the length of the next block
}

// The most elements of a block of each kind handed out: about 8 KB.
const (
	partsBlock  = 200 // of 40 bytes
	srcsBlock   = 40  // of 208 bytes
	quotesBlock = 100 // of 80 bytes
	strsBlock   = 500 // of 16 bytes
	linksBlock  = 500 // of 17 bytes
	altsBlock   = 100 // of 72 bytes
	coordsBlock = 500 // of 16 bytes
)

// carve returns a slice of n elements from the block, with a capacity of
// n so that an append by the caller cannot reach the next copy's elements.
// A new block holds room for n elements for each of the events still to
// copy, when the cloner knows their number (left), or else twice the last,
// up to most elements.
func carve[T any](b *block[T], n int, c *cloner, most int) []T {
	if n == 0 {
		return nil
	}
	if len(b.free) < n {
		limit := most
		if c.store {
			limit *= 4
		}
		if c.left > 0 {
			b.next = min(n*c.left, limit)
		} else {
			b.next = min(max(b.next*2, 8), limit)
		}
		b.free = make([]T, max(n, b.next))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

func carveCopy[T any](b *block[T], s []T, c *cloner, most int) []T {
	out := carve(b, len(s), c, most)
	copy(out, s)
	return out
}

func (c *cloner) clone(src *event.Event) event.Event {
	e := *src
	c.copyInto(&e)
	return e
}

// copyInto replaces the slices, maps and pointers of e with copies.
func (c *cloner) copyInto(e *event.Event) {
	e.Titles = cloneMap(e.Titles)
	e.Participants = carveCopy(&c.parts, e.Participants, c, partsBlock)
	if e.Place.Coordinates != nil {
		p := &carve(&c.coords, 1, c, coordsBlock)[0]
		*p = *e.Place.Coordinates
		e.Place.Coordinates = p
	}
	e.Instrument.Names = c.instrumentNames(&e.Instrument)
	e.Sources = carveCopy(&c.srcs, e.Sources, c, srcsBlock)
	for i := range e.Sources {
		e.Sources[i].Quotes = carveCopy(&c.quotes, e.Sources[i].Quotes, c, quotesBlock)
	}
	e.Tags = carveCopy(&c.strs, e.Tags, c, strsBlock)
	e.Links = carveCopy(&c.links, e.Links, c, linksBlock)
	e.Alternatives = carveCopy(&c.alts, e.Alternatives, c, altsBlock)
	if c.left > 0 {
		c.left--
	}
}

func (c *cloner) instrumentNames(in *event.Instrument) map[string]string {
	if c.names == nil || len(in.Names) == 0 {
		return cloneMap(in.Names)
	}
	if m, ok := c.names[in.ID]; ok && maps.Equal(m, in.Names) {
		return m
	}
	m := cloneMap(in.Names)
	c.names[in.ID] = m
	return m
}

func cloneMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return maps.Clone(m)
}

// A packer makes the entries a timeline stores: deep copies of the events
// given to it, laid out in memory in the order they are packed, which is
// the timeline order, so that reading events in that order reads memory
// in order.
type packer struct {
	c       cloner
	entries []entry
}

// newPacker returns a packer for n events.
func newPacker(n int) *packer {
	return &packer{c: cloner{store: true, left: n, names: make(map[string]map[string]string)}}
}

// pack returns a new entry holding a deep copy of e with key k.
func (p *packer) pack(e *event.Event, k sortKey) *entry {
	if len(p.entries) == 0 {
		p.entries = make([]entry, min(max(p.c.left, 1), 256))
	}
	en := &p.entries[0]
	p.entries = p.entries[1:]
	en.key = k
	en.ev = *e
	p.c.copyInto(&en.ev)
	return en
}

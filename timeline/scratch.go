package timeline

import (
	"iter"
	"maps"

	"github.com/accordline/accordline/event"
)

// Each returns the events q selects, in timeline order, as [Timeline.Select]
// does, for loops that do not keep what they read. It yields a pointer to
// a copy of each event in memory that the next event overwrites, as
// [bufio.Scanner.Bytes] does, and so allocates nothing for the copies once
// the first few are made: the event, its slices and its maps are valid
// until the loop body returns. Changing them changes only the copy, never
// the timeline: Each suits a loop that changes what it reads, for its own
// use. Use Select to keep events, and [Timeline.Shared] to read them
// without copying, as the writers of package export do.
func (t *Timeline) Each(q Query) iter.Seq[*event.Event] {
	return func(yield func(*event.Event) bool) { t.run(q, true).each(yield) }
}

// each yields the answers as Each does.
func (r result) each(yield func(*event.Event) bool) {
	var s scratch
	for _, ch := range r.l {
		for _, e := range ch.es {
			if (r.check == nil || r.check(e)) && !yield(s.copy(&e.ev)) {
				return
			}
		}
	}
}

// A scratch holds one copy of an event and reuses its memory for the
// next: the slices are overwritten in place, the maps cleared and filled.
type scratch struct {
	ev     event.Event
	parts  []event.Participation
	srcs   []event.Source
	quotes []event.Quote
	tags   []string
	links  []event.Link
	alts   []event.Alternative
	coords event.Coordinates
	titles map[string]string
	names  map[string]string
}

// copy copies src into the scratch and returns the copy.
func (s *scratch) copy(src *event.Event) *event.Event {
	s.ev = *src
	e := &s.ev
	e.Titles = fill(&s.titles, src.Titles)
	e.Instrument.Names = fill(&s.names, src.Instrument.Names)
	if src.Place.Coordinates != nil {
		s.coords = *src.Place.Coordinates
		e.Place.Coordinates = &s.coords
	}
	e.Participants = reuse(&s.parts, src.Participants)
	e.Tags = reuse(&s.tags, src.Tags)
	e.Links = reuse(&s.links, src.Links)
	e.Alternatives = reuse(&s.alts, src.Alternatives)
	e.Sources = reuse(&s.srcs, src.Sources)
	n := 0
	for _, x := range src.Sources {
		n += len(x.Quotes)
	}
	s.quotes = s.quotes[:0]
	if cap(s.quotes) < n {
		s.quotes = make([]event.Quote, 0, n)
	}
	for i := range e.Sources {
		qs := e.Sources[i].Quotes
		if len(qs) == 0 {
			e.Sources[i].Quotes = nil
			continue
		}
		at := len(s.quotes)
		s.quotes = append(s.quotes, qs...)
		e.Sources[i].Quotes = s.quotes[at:len(s.quotes):len(s.quotes)]
	}
	return e
}

// reuse copies src into *buf, growing it when needed, and returns the
// copy, nil for an empty src as a copy by the cloner gives, with its
// capacity cut to its length so that an append cannot reach other data.
func reuse[T any](buf *[]T, src []T) []T {
	if len(src) == 0 {
		return nil
	}
	*buf = append((*buf)[:0], src...)
	return (*buf)[:len(src):len(src)]
}

// fill makes *m a copy of src, reusing its map, and returns it, nil for
// an empty src.
func fill(m *map[string]string, src map[string]string) map[string]string {
	if len(src) == 0 {
		return nil
	}
	if *m == nil {
		*m = make(map[string]string, len(src))
	}
	clear(*m)
	maps.Copy(*m, src)
	return *m
}

// EachActor returns the actors in ID order, as [Timeline.Actors] does, for
// loops that do not keep what they read, as [Timeline.Each] returns
// events: a pointer to a copy of each actor in memory that the next actor
// overwrites, valid until the loop body returns. Changing it changes only
// the copy, never the timeline. Use Actors to keep actors.
func (t *Timeline) EachActor() iter.Seq[*event.Actor] {
	return func(yield func(*event.Actor) bool) {
		var s actorScratch
		actors := t.actorsInOrder()
		for i := range actors {
			if !yield(s.copy(&actors[i])) {
				return
			}
		}
	}
}

// An actorScratch holds one copy of an actor and reuses its memory for
// the next, as a scratch does for events.
type actorScratch struct {
	a       event.Actor
	names   map[string]string
	aliases []string
	history []event.Name
	preds   []event.Succession
	offices []event.Office
}

// copy copies src into the scratch and returns the copy.
func (s *actorScratch) copy(src *event.Actor) *event.Actor {
	s.a = *src
	a := &s.a
	a.Names = fill(&s.names, src.Names)
	a.Aliases = reuse(&s.aliases, src.Aliases)
	a.History = reuse(&s.history, src.History)
	a.Predecessors = reuse(&s.preds, src.Predecessors)
	a.Offices = reuse(&s.offices, src.Offices)
	return a
}

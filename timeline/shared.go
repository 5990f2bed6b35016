package timeline

import (
	"iter"

	"github.com/accordline/accordline/event"
)

// Shared returns the events q selects, in timeline order, as the timeline
// holds them, for loops that only read, such as the writers of package
// export: it copies nothing, where [Timeline.Each] copies every event.
// Each event, with its slices and maps, is the timeline's own and is
// shared with every other reader, so it must not be modified, as the
// actors an [event.Directory] hands out must not be. A timeline never
// changes an event it holds but puts a new one in its place, so an event
// read stays as it was read, and may be kept and read by many goroutines
// at once.
func (t *Timeline) Shared(q Query) iter.Seq[*event.Event] {
	return func(yield func(*event.Event) bool) { t.run(q, true).shared(yield) }
}

// Shared returns the events of s in timeline order as [Timeline.Shared]
// does: the timeline's own, which must not be modified.
func (s *Snapshot) Shared() iter.Seq[*event.Event] { return s.r.shared }

// shared yields the answers as Shared does.
func (r result) shared(yield func(*event.Event) bool) {
	for _, ch := range r.l {
		for _, e := range ch.es {
			if (r.check == nil || r.check(e)) && !yield(&e.ev) {
				return
			}
		}
	}
}

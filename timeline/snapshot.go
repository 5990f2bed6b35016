package timeline

import (
	"iter"

	"github.com/accordline/accordline/event"
)

// A Snapshot holds the events a query selected, as they stood when
// [Timeline.Snapshot] ran, for readers that go over them more than once,
// such as a writer that lays out a picture of the events before it lists
// them: every loop over a Snapshot sees the same events, whatever changes
// the timeline meanwhile. Taking one copies no event, since a timeline
// never changes the lists of events it has handed out but makes new ones.
// Its events are read as copies ([Snapshot.All]), through one reused copy
// ([Snapshot.Each]), or uncopied ([Snapshot.Shared]). A Snapshot may be
// read by many goroutines at once. The zero Snapshot is empty.
type Snapshot struct {
	r result
}

// Snapshot returns the events q selects, as they are now.
func (t *Timeline) Snapshot(q Query) *Snapshot { return &Snapshot{r: t.run(q, true)} }

// Len returns the number of events in s.
func (s *Snapshot) Len() int { return s.r.len() }

// All returns the events of s in timeline order, as copies that the
// caller may keep and change, as [Timeline.All] does.
func (s *Snapshot) All() iter.Seq[event.Event] { return s.r.forward }

// Each returns the events of s in timeline order as [Timeline.Each] does:
// a pointer to a copy of each event that the next overwrites, valid until
// the loop body returns, for loops that keep nothing.
func (s *Snapshot) Each() iter.Seq[*event.Event] { return s.r.each }

package present

import (
	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Names gives the names of a timeline's actors for reading, remembering
// those it has looked up, so that a writer asks the timeline once per
// actor. The zero Names has no timeline and names every actor by its ID.
// A Names must not be used by several goroutines at once.
type Names struct {
	tl     *timeline.Timeline
	actors map[event.ActorID]event.Actor
}

// NewNames returns the names of the actors of tl.
func NewNames(tl *timeline.Timeline) *Names {
	return &Names{tl: tl, actors: make(map[event.ActorID]event.Actor)}
}

// Actor returns the actor with the given ID, and whether the timeline has
// it.
func (n *Names) Actor(id event.ActorID) (event.Actor, bool) {
	if a, ok := n.actors[id]; ok {
		return a, a.ID != ""
	}
	var a event.Actor
	if n.tl != nil {
		a, _ = n.tl.Actor(id)
	}
	if n.actors == nil {
		n.actors = make(map[event.ActorID]event.Actor)
	}
	n.actors[id] = a
	return a, a.ID != ""
}

// Name returns the name of the actor as of the date d, the date of the
// event that names it: its ID when the timeline does not know it.
func (n *Names) Name(id event.ActorID, d event.Date) string {
	if a, ok := n.Actor(id); ok && a.Name != "" {
		return a.Name
	}
	return string(id)
}

// Label returns the name of the actor as of the date d, as Name does, with
// its name of today beside it where the two differ: "U.S.S.R. (now
// Russia)". Lanes, groups and keys should use the actor's ID, never the
// label, so that one actor stays one whatever it was called.
func (n *Names) Label(id event.ActorID, d event.Date) string {
	then := n.Name(id, d)
	if now := n.Name(id, event.Date{}); now != then {
		return then + " (now " + now + ")"
	}
	return then
}

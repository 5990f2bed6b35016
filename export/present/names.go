package present

import (
	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Names gives the names of a timeline's actors for reading, as of the
// date of the event that names them, remembering those it has looked up,
// so that a writer asks the timeline once per actor. The zero Names has no
// timeline and names every actor by its ID. A Names must not be used by
// several goroutines at once.
type Names struct {
	tl     *timeline.Timeline
	actors map[event.ActorID]*event.Actor // nil for an actor the timeline lacks
	now    map[event.ActorID]string       // today's names, successors' for ended actors
}

// NewNames returns the names of the actors of tl.
func NewNames(tl *timeline.Timeline) *Names {
	return &Names{tl: tl, actors: make(map[event.ActorID]*event.Actor)}
}

// Actor returns the actor with the given ID, and whether the timeline has
// it.
func (n *Names) Actor(id event.ActorID) (event.Actor, bool) {
	if a := n.actor(id); a != nil {
		return a.Clone(), true
	}
	return event.Actor{}, false
}

// actor looks an actor up once, and keeps it: the names of an actor are
// asked for at every event that names it.
func (n *Names) actor(id event.ActorID) *event.Actor {
	if a, ok := n.actors[id]; ok {
		return a
	}
	var found *event.Actor
	if n.tl != nil {
		if a, ok := n.tl.Actor(id); ok {
			found = &a
		}
	}
	if n.actors == nil {
		n.actors = make(map[event.ActorID]*event.Actor)
	}
	n.actors[id] = found
	return found
}

// Name returns the name of the actor as of the date d, the date of the
// event that names it ([event.Actor.NameAt]): "U.S.S.R." in 1985, "Russia"
// in 1995, and its name of today for the zero Date. It is the actor's ID
// when the timeline does not know it.
func (n *Names) Name(id event.ActorID, d event.Date) string {
	if a := n.actor(id); a != nil && a.Name != "" {
		return a.NameAt(d)
	}
	return string(id)
}

// Label returns the name of the actor as of the date d, as Name does, with
// its name of today beside it where the two differ: "U.S.S.R. (now
// Russia)". For an actor that has ceased to exist ([event.Actor.Period]
// has an end) and that one state continues ([event.Continuation]), today's
// name is the successor's: "Soviet Union (now Russia)". Lanes, groups and
// keys should use the actor's ID, never the label, so that one actor stays
// one whatever it was called.
func (n *Names) Label(id event.ActorID, d event.Date) string {
	then := n.Name(id, d)
	if now := n.today(id); now != then {
		return then + " (now " + now + ")"
	}
	return then
}

// today returns the name of today for Label.
func (n *Names) today(id event.ActorID) string {
	if s, ok := n.now[id]; ok {
		return s
	}
	s := n.Name(id, event.Date{})
	if a := n.actor(id); a != nil && a.Period.EndBound() == event.BoundKnown && n.tl != nil {
		var heirs []event.ActorID
		for _, s := range n.tl.Successors(id) {
			if s.Kind == event.Continuation {
				heirs = append(heirs, s.Actor)
			}
		}
		if len(heirs) == 1 {
			s = n.Name(heirs[0], event.Date{})
		}
	}
	if n.now == nil {
		n.now = make(map[event.ActorID]string)
	}
	n.now[id] = s
	return s
}

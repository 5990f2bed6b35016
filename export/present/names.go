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
	actors map[event.ActorID]named
}

// named is what Names keeps of one actor: only what its names need, since
// a writer looks up thousands of actors and keeps them to the end.
type named struct {
	// history is the actor's, whose names depend on the date; without
	// one, label is the Label at every date, so that a writer pays one
	// lookup a participant, not a lookup and a join.
	history []event.Name
	// name is the actor's name (its ID when the timeline lacks it or it
	// has none), now the name of today (the successor's for an ended
	// actor).
	name, now, label string
	known            bool
}

// NewNames returns the names of the actors of tl.
func NewNames(tl *timeline.Timeline) *Names {
	return &Names{tl: tl}
}

// Actor returns the actor with the given ID, and whether the timeline has
// it.
func (n *Names) Actor(id event.ActorID) (event.Actor, bool) {
	if n.tl == nil {
		return event.Actor{}, false
	}
	return n.tl.Actor(id)
}

// lookup looks an actor up once, and keeps it: the names of an actor are
// asked for at every event that names it.
func (n *Names) lookup(id event.ActorID) named {
	if k, ok := n.actors[id]; ok {
		return k
	}
	k := named{name: string(id)}
	var a event.Actor
	if n.tl != nil {
		a, k.known = n.tl.Actor(id)
	}
	if a.Name != "" {
		k.name, k.history = a.Name, a.History
	}
	if n.actors == nil {
		n.actors = make(map[event.ActorID]named)
	}
	// Kept before today's name is known, which may ask for a successor's,
	// whose successor may be this actor again.
	n.actors[id] = k
	k.now = n.today(id, &a, k.at(event.Date{}))
	if len(k.history) == 0 {
		k.label = k.name
		if k.label != k.now {
			k.label += " (now " + k.now + ")"
		}
	}
	n.actors[id] = k
	return k
}

// at returns the name at d.
func (k *named) at(d event.Date) string {
	if len(k.history) == 0 {
		return k.name
	}
	a := event.Actor{Name: k.name, History: k.history}
	return a.NameAt(d)
}

// Name returns the name of the actor as of the date d, the date of the
// event that names it ([event.Actor.NameAt]): "U.S.S.R." in 1985, "Russia"
// in 1995, and its name of today for the zero Date. It is the actor's ID
// when the timeline does not know it.
func (n *Names) Name(id event.ActorID, d event.Date) string {
	k := n.lookup(id)
	return k.at(d)
}

// Label returns the name of the actor as of the date d, as Name does, with
// its name of today beside it where the two differ: "U.S.S.R. (now
// Russia)". For an actor that has ceased to exist ([event.Actor.Period]
// has an end) and that one state continues ([event.Continuation]), today's
// name is the successor's: "Soviet Union (now Russia)". Lanes, groups and
// keys should use the actor's ID, never the label, so that one actor stays
// one whatever it was called.
func (n *Names) Label(id event.ActorID, d event.Date) string {
	k := n.lookup(id)
	if len(k.history) == 0 {
		return k.label
	}
	then := k.at(d)
	if then != k.now {
		return then + " (now " + k.now + ")"
	}
	return then
}

// today returns the name of today of a, whose own name of today is s, for
// Label.
func (n *Names) today(id event.ActorID, a *event.Actor, s string) string {
	if a.Period.EndBound() == event.BoundKnown && n.tl != nil {
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
	return s
}

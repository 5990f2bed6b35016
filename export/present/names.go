package present

import (
	"maps"
	"slices"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// Names gives the names of a timeline's actors for reading, as of the
// date of the event that names them, remembering those it has looked up,
// so that a writer asks the timeline once per actor. The zero Names has no
// timeline and names every actor by its ID. A Names must not be used by
// several goroutines at once.
type Names struct {
	tl *timeline.Timeline
	// fixed holds the names of the actors whose name does not depend on
	// the date (they have no History), which is most: a writer asks at
	// every participation, and one probe of a small map then answers.
	fixed map[event.ActorID]fixedName
	// varying holds the other actors looked up.
	varying map[event.ActorID]*named
	misses  int // actors looked up one by one
}

// lookupsBeforeAll is the number of actors Names looks up one by one
// before it reads all the timeline's actors in one loop, which costs less
// an actor ([timeline.Timeline.EachActor] copies into reused memory; a
// lookup copies the whole actor) but reads actors a writer of a few
// events would never ask for.
const lookupsBeforeAll = 64

// A fixedName is the name and the Label of an actor at every date, with
// its country.
type fixedName struct{ name, label, country string }

// named is what Names keeps of an actor with names through time.
type named struct {
	history   []event.Name
	name, now string // the canonical name and the name of today
	country   string
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

// lookup returns what Names keeps of an actor, looking it up the first
// time: either its fixed names, or its names through time (v not nil).
func (n *Names) lookup(id event.ActorID) (f fixedName, v *named) {
	if f, ok := n.fixed[id]; ok {
		return f, nil
	}
	if v, ok := n.varying[id]; ok {
		return fixedName{}, v
	}
	if n.misses++; n.misses == lookupsBeforeAll && n.tl != nil {
		n.readAll()
		return n.lookup(id)
	}
	var a event.Actor
	if n.tl != nil {
		a, _ = n.tl.Actor(id)
	}
	n.keep(id, &a)
	return n.lookup(id)
}

// readAll keeps every actor of the timeline not yet kept.
func (n *Names) readAll() {
	// Sized once, not grown an actor at a time.
	fixed := make(map[event.ActorID]fixedName, n.tl.NumActors())
	maps.Copy(fixed, n.fixed)
	n.fixed = fixed
	for a := range n.tl.EachActor() {
		if _, ok := n.fixed[a.ID]; !ok && n.varying[a.ID] == nil {
			n.keep(a.ID, a)
		}
	}
}

// keep keeps what Names needs of a, which may be a reused copy.
func (n *Names) keep(id event.ActorID, a *event.Actor) {
	name := string(id)
	if a.Name != "" {
		name = a.Name
	}
	if n.fixed == nil {
		n.fixed = make(map[event.ActorID]fixedName)
	}
	now := name
	if ended(a) {
		// Kept before today's name is known, which asks for a
		// successor's, whose successor may be this actor again: its
		// name of today is its name, with or without a history.
		n.fixed[id] = fixedName{name, name, a.Country}
		now = n.today(id, name)
	}
	if len(a.History) == 0 || a.Name == "" {
		label := name
		if now != name {
			label += " (now " + now + ")"
		}
		n.fixed[id] = fixedName{name, label, a.Country}
		return
	}
	delete(n.fixed, id)
	if n.varying == nil {
		n.varying = make(map[event.ActorID]*named)
	}
	n.varying[id] = &named{history: slices.Clone(a.History), name: name, now: now, country: a.Country}
}

// at returns the name at d.
func (v *named) at(d event.Date) string {
	a := event.Actor{Name: v.name, History: v.history}
	return a.NameAt(d)
}

// Country returns the country of the actor ([event.Actor.Country]), ""
// when it has none or the timeline does not know it.
func (n *Names) Country(id event.ActorID) string {
	f, v := n.lookup(id)
	if v != nil {
		return v.country
	}
	return f.country
}

// Name returns the name of the actor as of the date d, the date of the
// event that names it ([event.Actor.NameAt]): "U.S.S.R." in 1985, "Russia"
// in 1995, and its name of today for the zero Date. It is the actor's ID
// when the timeline does not know it.
func (n *Names) Name(id event.ActorID, d event.Date) string {
	f, v := n.lookup(id)
	if v != nil {
		return v.at(d)
	}
	return f.name
}

// Label returns the name of the actor as of the date d, as Name does, with
// its name of today beside it where the two differ: "U.S.S.R. (now
// Russia)". For an actor that has ceased to exist ([event.Actor.Period]
// has an end) and that one state continues ([event.Continuation]), today's
// name is the successor's: "Soviet Union (now Russia)". Lanes, groups and
// keys should use the actor's ID, never the label, so that one actor stays
// one whatever it was called.
func (n *Names) Label(id event.ActorID, d event.Date) string {
	f, v := n.lookup(id)
	if v == nil {
		return f.label
	}
	then := v.at(d)
	if then != v.now {
		return then + " (now " + v.now + ")"
	}
	return then
}

// ended reports whether a has ceased to exist, so that today's name may
// be a successor's.
func ended(a *event.Actor) bool { return a.Period.EndBound() == event.BoundKnown }

// today returns the name of today of the ended actor id, whose own name
// is s, for Label: the name of the one state that continues it, if one
// does.
func (n *Names) today(id event.ActorID, s string) string {
	if n.tl == nil {
		return s
	}
	var heirs []event.ActorID
	for _, h := range n.tl.Successors(id) {
		if h.Kind == event.Continuation {
			heirs = append(heirs, h.Actor)
		}
	}
	if len(heirs) == 1 {
		return n.Name(heirs[0], event.Date{})
	}
	return s
}

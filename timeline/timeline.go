package timeline

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// Errors reported by a [Timeline].
var (
	ErrNotFound   = errors.New("no such event")
	ErrConflict   = errors.New("conflicting reports")
	ErrActorInUse = errors.New("actor is referred to by events")
)

// A Timeline is a set of events and the actors taking part in them, kept in
// one deterministic order (see the package documentation) and indexed for
// queries. The zero Timeline is empty and ready to use.
//
// A Timeline is safe for concurrent use: any number of goroutines may read
// it while others write; writes are serialized. Iterators work on the
// timeline as it was when they started, so a loop may change the timeline it
// ranges over without seeing its own changes.
type Timeline struct {
	mu          sync.RWMutex
	title       string
	description string
	actors      event.Directory
	countries   map[string][]event.ActorID // country code → actors of it
	ix          *index
	seq         uint64 // creation sequence of entries
}

// New returns an empty timeline with a title and description.
func New(title, description string) *Timeline {
	return &Timeline{title: title, description: description}
}

// Title returns the title of the timeline.
func (t *Timeline) Title() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.title
}

// Description returns the description of the timeline.
func (t *Timeline) Description() string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.description
}

// SetTitle sets the title and description of the timeline.
func (t *Timeline) SetTitle(title, description string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.title, t.description = title, description
}

// index returns the current index; callers hold t.mu.
func (t *Timeline) index() *index {
	if t.ix == nil {
		t.ix = newIndex(0)
	}
	return t.ix
}

// view returns the current index for reading; callers hold t.mu for reading.
func (t *Timeline) view() *index {
	if t.ix == nil {
		return newIndex(0) // not shared: lookups may be built in it
	}
	return t.ix
}

// Len returns the number of events.
func (t *Timeline) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.view().order)
}

// AddActors validates the actors and adds them. When any is invalid or its
// ID is taken, none is added and the error, an [event.ErrorList], names
// every problem with paths like "actors[2].country".
func (t *Timeline) AddActors(actors ...event.Actor) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var errs event.ErrorList
	seen := make(map[event.ActorID]bool, len(actors))
	for i, a := range actors {
		prefix := fmt.Sprintf("actors[%d]", i)
		if err := a.Validate(); err != nil {
			errs = append(errs, asList(err).Prefix(prefix)...)
			continue
		}
		if _, taken := t.actors.Actor(a.ID); taken || seen[a.ID] {
			errs = append(errs, &event.FieldError{Path: prefix + ".id", Value: string(a.ID), Err: event.ErrDuplicate})
		}
		seen[a.ID] = true
	}
	if len(errs) > 0 {
		return errs
	}
	for _, a := range actors {
		t.putActor(a)
	}
	return nil
}

// PutActor validates a and adds it, replacing any actor with the same ID.
func (t *Timeline) PutActor(a event.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.putActor(a)
	return nil
}

func (t *Timeline) putActor(a event.Actor) {
	if old, ok := t.actors.Actor(a.ID); ok {
		t.uncountry(old)
	}
	_ = t.actors.Put(a) // validated by the caller
	if a.Country != "" {
		if t.countries == nil {
			t.countries = make(map[string][]event.ActorID)
		}
		ids := t.countries[a.Country]
		if i, found := slices.BinarySearch(ids, a.ID); !found {
			t.countries[a.Country] = slices.Insert(slices.Clip(ids), i, a.ID)
		}
	}
}

func (t *Timeline) uncountry(a event.Actor) {
	ids := t.countries[a.Country]
	if i, found := slices.BinarySearch(ids, a.ID); found {
		t.countries[a.Country] = slices.Delete(slices.Clone(ids), i, i+1)
	}
}

// RemoveActor removes an actor that no event refers to. It fails with
// [ErrActorInUse] otherwise, and reports whether the actor was present.
func (t *Timeline) RemoveActor(id event.ActorID) (bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	a, ok := t.actors.Actor(id)
	if !ok {
		return false, nil
	}
	if n := len(t.view().keyIndex().actor[id]); n > 0 {
		return true, fmt.Errorf("%w: %s in %d events", ErrActorInUse, id, n)
	}
	t.uncountry(a)
	t.actors.Remove(id)
	return true, nil
}

// Actor returns the actor with the given ID. The result shares maps and
// slices with the timeline and must not be modified.
func (t *Timeline) Actor(id event.ActorID) (event.Actor, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.Actor(id)
}

// ResolveActor returns the IDs of the actors known by name: their ID, any
// name or alias in any language, or a state's country code, ignoring case
// and accents ([event.Fold]).
func (t *Timeline) ResolveActor(name string) []event.ActorID {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.Resolve(name)
}

// Actors returns the actors in ID order. The values share maps and slices
// with the timeline and must not be modified.
func (t *Timeline) Actors() iter.Seq[event.Actor] {
	t.mu.RLock()
	actors := slices.Collect(t.actors.All())
	t.mu.RUnlock()
	return slices.Values(actors)
}

// NumActors returns the number of actors.
func (t *Timeline) NumActors() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.Len()
}

// Event returns the event with the given ID. The result is shared with the
// timeline and must not be modified; use [event.Event.Clone] to change a
// copy and [Timeline.Replace] to store it.
func (t *Timeline) Event(id uuid.UUID) (*event.Event, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	en, ok := t.view().byID[id]
	if !ok {
		return nil, false
	}
	return &en.ev, true
}

func asList(err error) event.ErrorList {
	var l event.ErrorList
	if errors.As(err, &l) {
		return l
	}
	return event.ErrorList{{Err: err}}
}

package timeline

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// Errors reported by a [Timeline]. Reports of one event that disagree are
// [*event.ConflictError] values, which wrap [event.ErrConflict].
var (
	ErrNotFound    = errors.New("no such event")
	ErrActorInUse  = errors.New("actor is referred to by events")
	ErrUnknownName = errors.New("names nothing in the timeline")
)

// A Timeline is a set of events and the actors taking part in them, kept in
// one deterministic order (see the package documentation) and indexed for
// queries. The zero Timeline is empty and ready to use.
//
// A Timeline is safe for concurrent use: any number of goroutines may read
// it while others write; writes are serialized. What a Timeline returns is
// the caller's own copy, changing which cannot change the timeline, but for
// the events of [Timeline.Shared], which are the timeline's own and must
// not be modified.
type Timeline struct {
	mu          sync.RWMutex
	title       string
	description string
	actors      event.Directory
	countries   map[string][]event.ActorID // country code → actors of it
	ix          *index
	// sorted holds the actors in ID order, made by the first loop over
	// them after a change and nil again at the next: the format writers
	// range over every actor each time they write. Readers make it under
	// the read lock, hence the atomic; its actors share their maps and
	// slices with the directory, which replaces an actor rather than
	// change it, so it is never changed once stored.
	sorted atomic.Pointer[[]event.Actor]
	chunk  maxChunk // the most entries of a chunk of a list; tests make it small
}

// New returns an empty timeline with a title and description. Text that
// [Timeline.SetTitle] would refuse is kept as it is, and the writers of
// package export leave out what their format cannot carry.
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

// SetTitle sets the title of the timeline: one line of text without
// control characters, as an event's title must be. Invalid text is an
// [event.ErrorList] naming the field "title".
func (t *Timeline) SetTitle(title string) error {
	return t.setText(&t.title, "title", title, false)
}

// SetDescription sets the description of the timeline: text that may span
// lines, as an event's description may.
func (t *Timeline) SetDescription(description string) error {
	return t.setText(&t.description, "description", description, true)
}

// setText validates s as the text of field and sets *dst to it.
func (t *Timeline) setText(dst *string, field, s string, multiline bool) error {
	if !event.ValidText(s, multiline) {
		return event.ErrorList{{Path: field, Value: s, Err: event.ErrInvalidText}}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	*dst = s
	return nil
}

// index returns the current index; callers hold t.mu.
func (t *Timeline) index() *index {
	if t.ix == nil {
		t.ix = newIndex(t.chunk)
	}
	return t.ix
}

// view returns the current index for reading; callers hold t.mu for reading.
func (t *Timeline) view() *index {
	if t.ix == nil {
		return newIndex(t.chunk)
	}
	return t.ix
}

// Len returns the number of events.
func (t *Timeline) Len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.view().order.len()
}

// AddActors validates the actors and adds them. When any is invalid or its
// ID is taken, none is added and the error, an [event.ErrorList], names
// every problem with paths like "actors[2].country".
func (t *Timeline) AddActors(actors ...event.Actor) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.actors.AddActors(actors...); err != nil {
		return err
	}
	t.country(actors)
	t.sorted.Store(nil)
	return nil
}

// PutActor validates a and adds it, replacing any actor with the same ID.
func (t *Timeline) PutActor(a event.Actor) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	old, replaced := t.actors.Actor(a.ID)
	if err := t.actors.PutActor(a); err != nil {
		return err
	}
	if replaced {
		t.uncountry(old)
	}
	t.country([]event.Actor{a})
	t.sorted.Store(nil)
	return nil
}

// country adds the actors to the lists of their countries, each list made
// anew once (queries may hold the old one), not once an actor.
func (t *Timeline) country(actors []event.Actor) {
	added := map[string][]event.ActorID{}
	for _, a := range actors {
		if a.Country != "" {
			added[a.Country] = append(added[a.Country], a.ID)
		}
	}
	if len(added) > 0 && t.countries == nil {
		t.countries = make(map[string][]event.ActorID, len(added))
	}
	for c, ids := range added {
		ids = append(ids, t.countries[c]...)
		slices.Sort(ids)
		t.countries[c] = slices.Compact(ids)
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
	if n := t.view().keys.actor[id].len(); n > 0 {
		return true, fmt.Errorf("%w: %s in %d events", ErrActorInUse, id, n)
	}
	t.uncountry(a)
	t.actors.RemoveActor(id)
	t.sorted.Store(nil)
	return true, nil
}

// Actor returns a copy of the actor with the given ID. It makes a Timeline
// an [event.ActorLookup].
func (t *Timeline) Actor(id event.ActorID) (event.Actor, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	a, ok := t.actors.Actor(id)
	return a.Clone(), ok
}

// ResolveActor returns the IDs of the actors known by name: their ID, any
// name or alias in any language, or a state's country code, ignoring case
// and accents ([event.Fold]).
func (t *Timeline) ResolveActor(name string) []event.ActorID {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.ResolveActor(name)
}

// Actors returns copies of the actors in ID order, as they were when the
// loop started.
func (t *Timeline) Actors() iter.Seq[event.Actor] {
	return func(yield func(event.Actor) bool) {
		for _, a := range t.actorsInOrder() {
			if !yield(a.Clone()) {
				return
			}
		}
	}
}

// actorsInOrder returns the actors in ID order as they are now. The
// caller must not change them.
func (t *Timeline) actorsInOrder() []event.Actor {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if p := t.sorted.Load(); p != nil {
		return *p
	}
	all := slices.Collect(t.actors.Actors())
	t.sorted.Store(&all)
	return all
}

// NumActors returns the number of actors.
func (t *Timeline) NumActors() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.actors.NumActors()
}

// Event returns a copy of the event with the given ID; to change the event,
// change the copy and [Timeline.Replace] it.
func (t *Timeline) Event(id uuid.UUID) (event.Event, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	en, ok := t.view().byID[id]
	if !ok {
		return event.Event{}, false
	}
	return en.ev.Clone(), true
}

// problems returns err as an ErrorList: the list it holds, or a list of
// one.
func problems(err error) event.ErrorList {
	var l event.ErrorList
	if errors.As(err, &l) {
		return l
	}
	return event.ErrorList{{Err: err}}
}

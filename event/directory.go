package event

import (
	"iter"
	"maps"
	"slices"
	"strconv"
)

// ActorLookup finds actors by ID. [Event.Validate] uses it to check that
// participants exist and have the right type; [*Directory] and the
// timelines of package timeline implement it.
type ActorLookup interface {
	Actor(id ActorID) (Actor, bool)
}

// A Directory is a set of actors that finds them by ID and by any of their
// names, case- and accent-insensitively (see [Fold]): "Kasachstan",
// "kazakhstan" and "KZ" all find Kazakhstan. The zero Directory is empty and
// ready to use. A Directory may be read by many goroutines at once, but
// must not be read while it is being changed.
type Directory struct {
	byID       map[ActorID]*Actor
	byName     map[string][]ActorID     // folded name → IDs, sorted
	successors map[ActorID][]Succession // predecessor → successors, by ID
}

// AddActors validates the actors and adds copies of them. When any is
// invalid or its ID is taken, none is added and the error, an [ErrorList],
// names every problem with paths like "actors[2].country"; a taken ID is
// [ErrDuplicate]. Use [Directory.PutActor] to replace an actor.
func (d *Directory) AddActors(actors ...Actor) error {
	var errs ErrorList
	var seen seenSet[ActorID]
	for i, a := range actors {
		prefix := "actors[" + strconv.Itoa(i) + "]"
		if err := a.Validate(); err != nil {
			errs = append(errs, listOf(err).Prefix(prefix)...)
			continue
		}
		if _, taken := d.byID[a.ID]; taken || seen.add(a.ID) {
			errs = append(errs, &FieldError{Path: prefix + ".id", Value: string(a.ID), Err: ErrDuplicate})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	keys := 0
	for i := range actors {
		keys += actors[i].numKeys()
	}
	if d.byID == nil {
		d.byID = make(map[ActorID]*Actor, len(actors))
		d.byName = make(map[string][]ActorID, keys)
	}
	p := putter{ids: make([]ActorID, 0, keys)}
	for _, a := range actors {
		d.put(a, &p)
	}
	return nil
}

// PutActor validates a and adds a copy of it, replacing any actor with the
// same ID.
func (d *Directory) PutActor(a Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	d.put(a, &putter{})
	return nil
}

// A putter holds what adding actors one after another can reuse.
type putter struct {
	keys []string  // the keys of the actor being added
	ids  []ActorID // room for the lists of names new to the directory
}

func (d *Directory) put(a Actor, p *putter) {
	if old, ok := d.byID[a.ID]; ok {
		d.unindex(old)
	}
	if d.byID == nil {
		d.byID = make(map[ActorID]*Actor)
		d.byName = make(map[string][]ActorID)
	}
	c := a.Clone()
	d.byID[a.ID] = &c
	p.keys = c.keys(p.keys)
	for _, key := range p.keys {
		ids := d.byName[key]
		switch i, found := slices.BinarySearch(ids, c.ID); {
		case found:
		case ids == nil && len(p.ids) < cap(p.ids):
			// Most names belong to one actor: their lists are cut from
			// one array, each with no room to grow into the next. A list
			// kept keeps the array of its AddActors call alive, a few
			// bytes an actor.
			p.ids = append(p.ids, c.ID)
			d.byName[key] = p.ids[len(p.ids)-1 : len(p.ids) : len(p.ids)]
		default:
			d.byName[key] = slices.Insert(ids, i, c.ID)
		}
	}
	d.indexSuccessors(&c)
}

// RemoveActor removes the actor with the given ID and reports whether it
// was present.
func (d *Directory) RemoveActor(id ActorID) bool {
	a, ok := d.byID[id]
	if ok {
		d.unindex(a)
		delete(d.byID, id)
	}
	return ok
}

func (d *Directory) unindex(a *Actor) {
	d.unindexSuccessors(a)
	for _, key := range a.keys(nil) {
		ids := d.byName[key]
		if i, found := slices.BinarySearch(ids, a.ID); found {
			ids = slices.Delete(ids, i, i+1)
		}
		if len(ids) == 0 {
			delete(d.byName, key)
		} else {
			d.byName[key] = ids
		}
	}
}

// numKeys returns the most keys [Actor.keys] can return.
func (a *Actor) numKeys() int { return 3 + len(a.Names) + len(a.Aliases) + len(a.History) }

// keys returns the folded names the actor is found by, each once and
// sorted: its ID, its names, its aliases, and for a state its country
// code. It reuses buf.
func (a *Actor) keys(buf []string) []string {
	// The names of AllNames, in any order: they are sorted here.
	keys := slices.Grow(buf[:0], a.numKeys())
	keys = append(keys, Fold(string(a.ID)))
	if a.Type == State && a.Country != "" {
		keys = append(keys, Fold(a.Country))
	}
	keys = append(keys, Fold(a.Name))
	for _, n := range a.Names {
		keys = append(keys, Fold(n))
	}
	for _, n := range a.Aliases {
		keys = append(keys, Fold(n))
	}
	for _, n := range a.History {
		keys = append(keys, Fold(n.Text))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Actor returns the actor with the given ID. The returned value shares its
// maps and slices with the directory and must not be modified.
func (d *Directory) Actor(id ActorID) (Actor, bool) {
	if a, ok := d.byID[id]; ok {
		return *a, true
	}
	return Actor{}, false
}

// ResolveActor returns the IDs of the actors known by name: by ID, by any
// name or alias in any language, or, for states, by country code, compared
// after [Fold]. The IDs are sorted; more than one means the name is
// ambiguous, none that it is unknown (see [Directory.SuggestActors]).
func (d *Directory) ResolveActor(name string) []ActorID {
	return slices.Clone(d.byName[Fold(name)])
}

// SuggestActors returns the names of the actors whose names come closest
// to a name that finds none: "Morocco" for "Marokko", at most three, the
// closest first. See [Suggest] for what counts as close.
func (d *Directory) SuggestActors(name string) []string {
	if len(d.byName[Fold(name)]) > 0 {
		return nil
	}
	var out []string
	for _, key := range Suggest(name, maps.Keys(d.byName)) {
		for _, id := range d.byName[key] {
			if n := d.byID[id].Name; !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out[:min(len(out), maxSuggestions)]
}

// NumActors returns the number of actors.
func (d *Directory) NumActors() int { return len(d.byID) }

// Actors returns the actors in ID order. The values share their maps and
// slices with the directory and must not be modified.
func (d *Directory) Actors() iter.Seq[Actor] {
	return func(yield func(Actor) bool) {
		for _, id := range slices.Sorted(maps.Keys(d.byID)) {
			if !yield(*d.byID[id]) {
				return
			}
		}
	}
}

// listOf returns err as an ErrorList: the list it is, or a list of one.
func listOf(err error) ErrorList {
	if l, ok := err.(ErrorList); ok {
		return l
	}
	return ErrorList{{Err: err}}
}

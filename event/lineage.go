package event

import (
	"cmp"
	"slices"
)

// indexSuccessors records a as a successor of each of its predecessors.
func (d *Directory) indexSuccessors(a *Actor) {
	for _, p := range a.Predecessors {
		if d.successors == nil {
			d.successors = make(map[ActorID][]Succession)
		}
		s := Succession{Actor: a.ID, Kind: p.Kind}
		l := d.successors[p.Actor]
		i, _ := slices.BinarySearchFunc(l, s, compareSuccession)
		d.successors[p.Actor] = slices.Insert(l, i, s)
	}
}

func (d *Directory) unindexSuccessors(a *Actor) {
	for _, p := range a.Predecessors {
		l := slices.DeleteFunc(d.successors[p.Actor], func(s Succession) bool { return s.Actor == a.ID })
		if len(l) == 0 {
			delete(d.successors, p.Actor)
		} else {
			d.successors[p.Actor] = l
		}
	}
}

func compareSuccession(a, b Succession) int {
	return cmp.Or(cmp.Compare(a.Actor, b.Actor), cmp.Compare(a.Kind, b.Kind))
}

// Successors returns the actors of the directory that name id among their
// [Actor.Predecessors], each with the kind of its succession, in ID
// order: for the Soviet Union, Russia by continuation and the other states
// by dissolution. The actor id need not be in the directory.
func (d *Directory) Successors(id ActorID) []Succession {
	return slices.Clone(d.successors[id])
}

// Lineage returns id followed by every actor it succeeded, directly or
// through others, nearest first and in the order of
// [Actor.Predecessors]: for Germany, the German Democratic Republic and
// whatever that succeeded. Predecessors that are not in the directory are
// listed but not followed; a cycle in the data ends the walk.
func (d *Directory) Lineage(id ActorID) []ActorID {
	out := []ActorID{id}
	for i := 0; i < len(out); i++ {
		a, ok := d.byID[out[i]]
		if !ok {
			continue
		}
		for _, p := range a.Predecessors {
			if !slices.Contains(out, p.Actor) {
				out = append(out, p.Actor)
			}
		}
	}
	return out
}

// ResolveActorAt returns the IDs of the actors that were known by name at
// the date d: of those [Directory.ResolveActor] finds, the ones that
// existed then ([Actor.ExistedAt]) and bore the name then — a name of
// their history whose period overlaps d, or a name without period (the
// canonical name, the names in other languages, the aliases, the ID and a
// state's country code). "Zaire" in 1990 finds the Democratic Republic of
// the Congo, in 2010 nothing; "Yemen" in 1985 does not find the Republic
// of Yemen, which was founded in 1990. The zero Date is
// [Directory.ResolveActor].
func (d *Directory) ResolveActorAt(name string, at Date) []ActorID {
	ids := d.ResolveActor(name)
	if at.IsZero() || len(ids) == 0 {
		return ids
	}
	key := Fold(name)
	ids = slices.DeleteFunc(ids, func(id ActorID) bool {
		a := d.byID[id]
		return !a.ExistedAt(at) || !a.boreAt(key, at)
	})
	if len(ids) == 0 {
		return nil
	}
	return ids
}

// boreAt reports whether the actor bore the folded name key at some day
// of d.
func (a *Actor) boreAt(key string, d Date) bool {
	timeless := Fold(string(a.ID)) == key || Fold(a.Name) == key ||
		(a.Type == State && Fold(a.Country) == key) ||
		slices.ContainsFunc(a.Aliases, func(n string) bool { return Fold(n) == key })
	for _, n := range a.Names {
		timeless = timeless || Fold(n) == key
	}
	if timeless {
		return true
	}
	return slices.ContainsFunc(a.History, func(n Name) bool {
		return Fold(n.Text) == key && n.Period.Overlaps(d)
	})
}

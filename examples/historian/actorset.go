package main

import (
	"slices"
	"strings"
	"unicode"

	"github.com/accordline/accordline/event"
)

// actorSet collects the actors of every data set by ID. A person seen under
// several spellings keeps the first as its name and the others as
// aliases. A state keeps every label the records give it, with the days
// on which they use it, from which [actorSet.finish] makes its names
// through time.
type actorSet struct {
	byID   map[event.ActorID]*event.Actor
	order  []event.ActorID
	labels map[event.ActorID]map[string]*labelUse
	titles map[event.ActorID]string // the rdcr article's short title: today's name
}

// labelUse is the span of days on which the records use a label.
type labelUse struct {
	first, last event.Day
	n           int
}

func newActorSet() *actorSet {
	return &actorSet{byID: map[event.ActorID]*event.Actor{}, labels: map[event.ActorID]map[string]*labelUse{},
		titles: map[event.ActorID]string{}}
}

// put adds a or merges its names and offices into the actor of its ID.
func (s *actorSet) put(a event.Actor) event.ActorID {
	old, ok := s.byID[a.ID]
	if !ok {
		c := a.Clone()
		s.byID[a.ID] = &c
		s.order = append(s.order, a.ID)
		return a.ID
	}
	for _, n := range a.AllNames() {
		if n != old.Name && !slices.Contains(old.Aliases, n) {
			old.Aliases = append(old.Aliases, n)
		}
	}
	for _, o := range a.Offices {
		if !slices.Contains(old.Offices, o) {
			old.Offices = append(old.Offices, o)
		}
	}
	if old.Period.IsZero() {
		old.Period = a.Period
	}
	return a.ID
}

// Actor implements event.ActorLookup.
func (s *actorSet) Actor(id event.ActorID) (event.Actor, bool) {
	if a, ok := s.byID[id]; ok {
		return *a, true
	}
	return event.Actor{}, false
}

// list returns the actors in the order they were first added.
func (s *actorSet) list() []event.Actor {
	out := make([]event.Actor, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.byID[id].Clone())
	}
	return out
}

// state adds the state of a slug under the label a record gives it at the
// date when, and returns its ID and country code. The zero when records
// the label without a date.
func (s *actorSet) state(slug, label string, when event.Date) (event.ActorID, string) {
	slug = canonicalSlug(slug)
	code, _ := codeFor(slug)
	label = cleanText(label)
	if label == "" {
		label = slug
	}
	id := event.ActorID(slug)
	if _, ok := s.byID[id]; !ok {
		s.put(event.Actor{ID: id, Type: event.State, Name: label, Country: code})
	}
	first, ok1 := when.Earliest()
	last, ok2 := when.Latest()
	if ok1 && ok2 {
		if s.labels[id] == nil {
			s.labels[id] = map[string]*labelUse{}
		}
		if u := s.labels[id][label]; u == nil {
			s.labels[id][label] = &labelUse{first, last, 1}
		} else {
			u.first, u.last, u.n = min(u.first, first), max(u.last, last), u.n+1
		}
	}
	return id, code
}

// title records the short title of the Office's article on a state, its
// name today.
func (s *actorSet) title(slug, title string) event.ActorID {
	id, _ := s.state(slug, title, event.Date{})
	s.titles[id] = title
	return id
}

// name returns the name of an actor as it stands: the article's title for
// a state that has one.
func (s *actorSet) name(id event.ActorID) string {
	if t, ok := s.titles[id]; ok {
		return t
	}
	if a, ok := s.byID[id]; ok {
		return a.Name
	}
	return string(id)
}

// unitedStates adds the United States.
func (s *actorSet) unitedStates() event.ActorID {
	if _, ok := s.byID[usID]; !ok {
		s.put(event.Actor{ID: usID, Type: event.State, Name: "United States", Country: "US",
			Aliases: []string{"USA", "United States of America", "U.S."}})
	}
	return usID
}

// person adds a person of a state and returns the ID: the slug of the name
// and the country code, "kyriakos-mitsotakis.gr", so that two kings
// Abdullah of Jordan and Saudi Arabia stay apart.
func (s *actorSet) person(name, country string) event.ActorID {
	id := event.ActorID(slugify(name) + "." + strings.ToLower(country))
	return s.put(event.Actor{ID: id, Type: event.Person, Name: name, Country: country})
}

// slugify turns a name into an ASCII slug: "Shinzō Abe" → "shinzo-abe".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range event.Fold(s) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return b.String()
}

// cleanText collapses runs of white space, as the XML wraps long text.
func cleanText(s string) string { return strings.Join(strings.Fields(s), " ") }

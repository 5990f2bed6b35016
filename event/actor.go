package event

import (
	"maps"
	"slices"
	"strings"
)

// An ActorID identifies an actor. It is chosen by whoever builds the data
// and must stay stable: events refer to actors by it. IDs are 1 to 128
// characters from A–Z, a–z, 0–9 and "-", "_", ".", ":"; for states the
// ISO 3166-1 alpha-2 code ("KZ") is a good choice, for persons a
// kebab-case name ("kassym-jomart-tokayev").
type ActorID string

// Valid reports whether id has the syntax described at [ActorID].
func (id ActorID) Valid() bool {
	if len(id) == 0 || len(id) > 128 {
		return false
	}
	for i := range len(id) {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// An ActorType says what an actor is. The zero ActorType is unset.
type ActorType uint8

// The types of actor.
const (
	State        ActorType = iota + 1 // a sovereign state, identified by its ISO 3166-1 code
	Person                            // a person, usually acting in an office of a state
	Organization                      // an international organization (UN, EU, C5+1 as a format)
	Body                              // a government body: a ministry, an office, a parliament
)

var actorTypes = vocabulary{"actor type", []string{"", "state", "person", "organization", "body"}}

// ActorTypes returns every declared actor type in declaration order.
func ActorTypes() []ActorType { return []ActorType{State, Person, Organization, Body} }

// ParseActorType returns the actor type named by its word ("person").
func ParseActorType(s string) (ActorType, error) {
	i, err := actorTypes.parse(s)
	return ActorType(i), err
}

// String returns the word for t: "state", "person", "organization" or
// "body".
func (t ActorType) String() string { return actorTypes.word(int(t)) }

// IsKnown reports whether t is one of the declared actor types.
func (t ActorType) IsKnown() bool { return actorTypes.known(int(t)) }

// MarshalText implements [encoding.TextMarshaler].
func (t ActorType) MarshalText() ([]byte, error) { return actorTypes.marshal(int(t)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *ActorType) UnmarshalText(text []byte) error {
	v, err := ParseActorType(string(text))
	*t = v
	return err
}

// An Actor is a state, person, international organization or government
// body that takes part in events.
type Actor struct {
	ID   ActorID   `json:"id"`
	Type ActorType `json:"type"`
	// Name is the canonical name, in English: "Kazakhstan".
	Name string `json:"name"`
	// Names holds the name in other languages, keyed by BCP 47 language
	// tag: {"de": "Kasachstan", "ru": "Казахстан"}.
	Names map[string]string `json:"names,omitempty"`
	// Aliases are further forms of the name in any language that should find
	// this actor: "Tokayev", "Tokajew", "Kassym-Jomart Tokayev".
	Aliases []string `json:"aliases,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the state: the state itself,
	// or the state a person or government body belongs to. International
	// organizations usually have none.
	Country string `json:"country,omitempty"`
	// Wikidata is the Wikidata item ID, such as "Q232" for Kazakhstan.
	Wikidata string `json:"wikidata,omitempty"`

	// Period is when the actor existed: a state from its independence or
	// founding to its end ("1922-12-30/1991-12-26" for the Soviet Union,
	// "1991-12-16/.." for Kazakhstan), an organization likewise, a person
	// from birth to death. The zero Date means it is not stated.
	Period Date `json:"period,omitzero"`
	// History holds the names the actor bore before, or beside, the
	// canonical name, in any language, each with the period of its use:
	// "Zaire" from 1971-10-27 to 1997-05-17 for the Democratic Republic of
	// the Congo. [Actor.NameAt] gives the name of a date, and a
	// [Directory] finds the actor by these names too.
	History []Name `json:"history,omitempty"`
	// Predecessors are the actors this one succeeded, and how: Russia the
	// Soviet Union by continuation. A [Directory] finds successors in
	// reverse ([Directory.Successors]).
	Predecessors []Succession `json:"predecessors,omitempty"`
	// Offices are the posts the actor held, with their terms: who was
	// "Secretary of State" when. A participation without a capacity gets
	// the capacity of its date from them ([Event.Capacity]), and
	// [Event.Validate] reports a capacity that contradicts a known term.
	Offices []Office `json:"offices,omitempty"`
}

// Validate reports every problem with a, with field paths relative to the
// actor ("names.de", "country"). The result is nil or an [ErrorList].
func (a *Actor) Validate() error {
	var l ErrorList
	switch {
	case a.ID == "":
		l.add(field("id"), "", ErrRequired)
	case !a.ID.Valid():
		l.add(field("id"), string(a.ID), ErrInvalidID)
	}
	switch {
	case a.Type == 0:
		l.add(field("type"), "", ErrRequired)
	case !a.Type.IsKnown():
		l.add(field("type"), a.Type.String(), ErrUnknown)
	}
	checkRequiredText(&l, field("name"), a.Name)
	checkNames(&l, field("names"), a.Names)
	for i, s := range a.Aliases {
		checkRequiredText(&l, item("aliases", i, ""), s)
	}
	switch {
	case a.Country == "" && a.Type == State:
		l.add(field("country"), "", ErrRequired)
	case a.Country != "" && !ValidCountry(a.Country):
		l.add(field("country"), a.Country, ErrInvalidCountry)
	}
	if a.Wikidata != "" && !validWikidata(a.Wikidata) {
		l.add(field("wikidata"), a.Wikidata, ErrInvalidID)
	}
	a.validateHistory(&l)
	return l.Err()
}

// AllNames returns every name a can be found by: the canonical name, the
// names in other languages in tag order, the aliases, and the names of its
// history, without duplicates.
func (a *Actor) AllNames() []string {
	out := make([]string, 0, 1+len(a.Names)+len(a.Aliases)+len(a.History))
	out = append(out, a.Name)
	for _, tag := range sortedKeys(a.Names) {
		out = append(out, a.Names[tag])
	}
	out = append(out, a.Aliases...)
	for _, n := range a.History {
		out = append(out, n.Text)
	}
	seen := make(map[string]bool, len(out))
	return slices.DeleteFunc(out, func(n string) bool {
		dup := seen[n]
		seen[n] = true
		return dup
	})
}

// NameIn returns the name of a in the language tag, falling back to the
// language without region ("de" for "de-CH") and then to the canonical name.
func (a *Actor) NameIn(tag string) string {
	if n, ok := a.Names[tag]; ok {
		return n
	}
	if base, _, ok := strings.Cut(tag, "-"); ok {
		if n, ok := a.Names[base]; ok {
			return n
		}
	}
	return a.Name
}

// Clone returns a deep copy of a.
// Empty slices and maps come out nil.
func (a Actor) Clone() Actor {
	a.Names = cloneMap(a.Names)
	a.Aliases = cloneSlice(a.Aliases)
	a.History = cloneSlice(a.History)
	a.Predecessors = cloneSlice(a.Predecessors)
	a.Offices = cloneSlice(a.Offices)
	return a
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	return slices.Sorted(maps.Keys(m))
}

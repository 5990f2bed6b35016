package event

import (
	"maps"
	"slices"

	"github.com/google/uuid"
)

// An Event is one diplomatic event as its sources report it: who did what,
// in which roles, when and where, concerning which instrument.
//
// The zero Event is empty; fill in at least Kind, Title and Status, and
// what [Kind.RequiredRoles] asks for, then call [Event.Validate].
type Event struct {
	// ID identifies the event. When it is the nil UUID, [Event.EnsureID]
	// derives one from the event's identifying facts; see [Event.DeriveID].
	ID   uuid.UUID `json:"id"`
	Kind Kind      `json:"kind"`
	// Title is a one-line description in English: "Kazakhstan joins the
	// Abraham Accords".
	Title string `json:"title"`
	// Titles holds the title in other languages, keyed by BCP 47 tag.
	Titles map[string]string `json:"titles,omitempty"`
	// Description is free text; it may span lines.
	Description string `json:"description,omitempty"`
	// Date is when the event took or takes place, as precisely as known.
	// The zero Date means it is not known at all.
	Date Date `json:"date,omitzero"`
	// DateText is the date as the source words it, for display: "Thursday
	// evening", "in the coming months", "soon".
	DateText string `json:"dateText,omitempty"`
	Status   Status `json:"status"`
	Place    Place  `json:"place,omitzero"`
	// Participants are the actors in their roles, in the order the source
	// names them.
	Participants []Participation `json:"participants,omitempty"`
	// Instrument is the treaty or agreement the event concerns, if any.
	Instrument Instrument `json:"instrument,omitzero"`
	Sources    []Source   `json:"sources,omitempty"`
	// Tags are free labels, such as "C5+1" or "abraham-accords".
	Tags  []string `json:"tags,omitempty"`
	Links []Link   `json:"links,omitempty"`
}

// A Participation is an actor in a role, with the capacity the actor held at
// the time: the same person may be "Prime Minister of Israel" in one event
// and "Minister of Defence" in another.
type Participation struct {
	Actor    ActorID `json:"actor"`
	Role     Role    `json:"role"`
	Capacity string  `json:"capacity,omitempty"`
}

// A Place is where an event happens. Every field is optional.
type Place struct {
	Name    string `json:"name,omitempty"`    // "White House"
	Venue   string `json:"venue,omitempty"`   // "East Room"
	City    string `json:"city,omitempty"`    // "Washington, D.C."
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2: "US"
	// Coordinates are WGS 84 latitude and longitude in degrees, if known.
	Coordinates *Coordinates `json:"coordinates,omitempty"`
}

// IsZero reports whether p names no place.
func (p Place) IsZero() bool {
	return p.Name == "" && p.Venue == "" && p.City == "" && p.Country == "" && p.Coordinates == nil
}

// Coordinates are a WGS 84 position in degrees.
type Coordinates struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// An Instrument is a treaty, accord or agreement that events concern.
type Instrument struct {
	// ID identifies the instrument across events: "abraham-accords". It
	// has the syntax of an [ActorID].
	ID   string `json:"id"`
	Name string `json:"name"` // in English: "Abraham Accords"
	// Names holds the name in other languages, keyed by BCP 47 tag:
	// {"de": "Abraham-Abkommen"}.
	Names map[string]string `json:"names,omitempty"`
}

// IsZero reports whether i names no instrument.
func (i Instrument) IsZero() bool { return i.ID == "" && i.Name == "" && len(i.Names) == 0 }

// A Source is a publication that reports an event.
type Source struct {
	Publisher string `json:"publisher,omitempty"` // "All Israel"
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	// Lang is the BCP 47 tag of the publication's language: "de".
	Lang string `json:"lang,omitempty"`
	// Published is when the source was published.
	Published Date    `json:"published,omitzero"`
	Quotes    []Quote `json:"quotes,omitempty"`
}

// A Quote is a passage of a source in its original language, with an
// optional translation.
type Quote struct {
	Text string `json:"text"`
	// Lang is the BCP 47 tag of Text; when empty, the source's language.
	Lang string `json:"lang,omitempty"`
	// Speaker is the actor quoted, if the passage is someone's words.
	Speaker         ActorID `json:"speaker,omitempty"`
	Translation     string  `json:"translation,omitempty"`
	TranslationLang string  `json:"translationLang,omitempty"`
}

// A Link relates an event to another: this event Type the Target.
type Link struct {
	Type   LinkType  `json:"type"`
	Target uuid.UUID `json:"target"`
}

// A LinkType says how two events relate. The zero LinkType is unset.
type LinkType uint8

// The ways an event can relate to another.
const (
	Announces LinkType = iota + 1 // this event announces the target
	Follows                       // this event follows from the target
	PartOf                        // this event is part of the target (a dinner of a summit)
	RefersTo                      // this event refers to the target
)

var linkTypes = vocabulary{"link type", []string{"", "announces", "follows", "part-of", "refers-to"}}

var linkInverses = [...]string{"", "announced-by", "followed-by", "includes", "referred-to-by"}

// LinkTypes returns every declared link type in declaration order.
func LinkTypes() []LinkType { return []LinkType{Announces, Follows, PartOf, RefersTo} }

// ParseLinkType returns the link type named by its word ("part-of").
func ParseLinkType(s string) (LinkType, error) {
	i, err := linkTypes.parse(s)
	return LinkType(i), err
}

// String returns the word for t: "announces", "follows", "part-of" or
// "refers-to".
func (t LinkType) String() string { return linkTypes.word(int(t)) }

// Inverse returns the word for the link seen from its target:
// "announced-by", "followed-by", "includes" or "referred-to-by".
func (t LinkType) Inverse() string {
	if t.IsKnown() {
		return linkInverses[t]
	}
	return t.String()
}

// IsKnown reports whether t is one of the declared link types.
func (t LinkType) IsKnown() bool { return linkTypes.known(int(t)) }

// MarshalText implements [encoding.TextMarshaler].
func (t LinkType) MarshalText() ([]byte, error) { return linkTypes.marshal(int(t)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *LinkType) UnmarshalText(text []byte) error {
	v, err := ParseLinkType(string(text))
	*t = v
	return err
}

// Actors returns the distinct actors taking part in e, in the order they
// are first named.
func (e *Event) Actors() []ActorID {
	out := make([]ActorID, 0, len(e.Participants))
	for _, p := range e.Participants {
		if !slices.Contains(out, p.Actor) {
			out = append(out, p.Actor)
		}
	}
	return out
}

// InRole returns the actors that play role r in e, in order.
func (e *Event) InRole(r Role) []ActorID {
	var out []ActorID
	for _, p := range e.Participants {
		if p.Role == r {
			out = append(out, p.Actor)
		}
	}
	return out
}

// Clone returns a deep copy of e, sharing nothing with it. Empty slices
// and maps come out nil, so that clones of equal events are equal however
// their empty fields were made.
func (e Event) Clone() Event {
	e.Titles = cloneMap(e.Titles)
	e.Participants = cloneSlice(e.Participants)
	if e.Place.Coordinates != nil {
		c := *e.Place.Coordinates
		e.Place.Coordinates = &c
	}
	e.Instrument.Names = cloneMap(e.Instrument.Names)
	e.Sources = cloneSlice(e.Sources)
	for i := range e.Sources {
		e.Sources[i].Quotes = cloneSlice(e.Sources[i].Quotes)
	}
	e.Tags = cloneSlice(e.Tags)
	e.Links = cloneSlice(e.Links)
	return e
}

func cloneSlice[S ~[]T, T any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func cloneMap[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) == 0 {
		return nil
	}
	return maps.Clone(m)
}

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
	ID uuid.UUID `json:"id"`
	// Discriminator tells apart distinct events that share their kind,
	// date, instrument and actors and would otherwise get one derived ID
	// and be merged as two reports of one event: two signing ceremonies on
	// the same day ("morning", "evening"), a second call. It takes part in
	// [Event.DeriveID] when it is set.
	Discriminator string `json:"discriminator,omitempty"`
	Kind          Kind   `json:"kind"`
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
	// Order is the place of the event among the events of the same date
	// when the source tells it, counted from 1: on 15 September 2020 the
	// United Arab Emirates signed before Bahrain. Events of one date that
	// state an order come first, in that order; 0 states none. See the
	// order of package timeline.
	Order  int    `json:"order,omitempty"`
	Status Status `json:"status"`
	Place  Place  `json:"place,omitzero"`
	// Participants are the actors in their roles, in the order the source
	// names them.
	Participants []Participation `json:"participants,omitempty"`
	// Instrument is the treaty or agreement the event concerns, if any.
	Instrument Instrument `json:"instrument,omitzero"`
	Sources    []Source   `json:"sources,omitempty"`
	// Tags are free labels, such as "C5+1" or "abraham-accords".
	Tags  []string `json:"tags,omitempty"`
	Links []Link   `json:"links,omitempty"`
	// Alternatives are the wordings of other reports of this event where
	// they differ from the fields above: a second title, another
	// description or capacity. [Merge] keeps them so that merging reports
	// loses no wording.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// An Alternative is one report's wording of a text field of an event that
// another report words differently. [Merge] keeps the lesser wording in
// byte order in the field, so that the result does not depend on the order
// of the reports, and every other wording as an Alternative.
type Alternative struct {
	// Field names the field as a path of the event's JSON form: "title",
	// "titles.de", "description", "dateText", "place.name", "place.venue",
	// "place.city", "place.country", "place.coordinates",
	// "instrument.name", "instrument.names.de", or "capacity".
	Field string `json:"field"`
	// Actor and Role name the participation whose capacity it is, for the
	// field "capacity".
	Actor ActorID `json:"actor,omitempty"`
	Role  Role    `json:"role,omitempty"`
	// Value is the other wording; coordinates are written "lat,lon".
	Value string `json:"value"`
	// Source names the report that words it so: the URL of its first
	// source, or its publisher or title when it has no URL.
	Source string `json:"source,omitempty"`
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

// Actors returns the distinct actors taking part in e, in the order they
// are first named.
func (e *Event) Actors() []ActorID {
	out := make([]ActorID, 0, len(e.Participants))
	var seen seenSet[ActorID]
	for _, p := range e.Participants {
		if !seen.add(p.Actor) {
			out = append(out, p.Actor)
		}
	}
	return out
}

// actorCount returns len(e.Actors()) without making the list.
func (e *Event) actorCount() int {
	var seen seenSet[ActorID]
	n := 0
	for _, p := range e.Participants {
		if !seen.add(p.Actor) {
			n++
		}
	}
	return n
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
	e.Alternatives = cloneSlice(e.Alternatives)
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

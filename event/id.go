package event

import (
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Namespace is the UUID namespace of derived event IDs: the version 5 UUID
// of the URL "https://github.com/accordline/accordline/event" in the URL
// namespace. It never changes, so derived IDs are stable across releases.
var Namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/accordline/accordline/event"))

// DeriveID returns the version 5 UUID of e's identifying facts, so that the
// same event reported by two sources gets the same ID. The facts are:
//
//   - the kind ("phone-call"),
//   - the date in its text form ("2025-11-06"),
//   - the instrument ID ("abraham-accords"),
//   - the set of participating actor IDs, sorted, without their roles,
//   - and the [Event.Discriminator], when it is set.
//
// Title, status, place, capacities, sources and tags do not count: sources
// word them differently, and a status changes as a planned event takes
// place. Roles do not count because reports disagree on who hosted whom.
// Two distinct events that share all four facts (two calls between the
// same leaders on the same day, two signing ceremonies) would get the same
// ID and be merged as reports of one event: give each a Discriminator
// ("morning", "evening"), or an ID of its own.
func (e *Event) DeriveID() uuid.UUID {
	actors := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		actors = append(actors, string(p.Actor))
	}
	slices.Sort(actors)
	actors = slices.Compact(actors)

	var b strings.Builder
	b.WriteString(e.Kind.String())
	b.WriteByte(0x1f) // unit separator: cannot occur in the facts' syntax
	b.WriteString(e.Date.String())
	b.WriteByte(0x1f)
	b.WriteString(e.Instrument.ID)
	b.WriteByte(0x1f)
	b.WriteString(strings.Join(actors, ","))
	if e.Discriminator != "" {
		// Appended only when set, so that the IDs of events without one
		// stay what they were.
		b.WriteByte(0x1f)
		b.WriteString(e.Discriminator)
	}
	return uuid.NewSHA1(Namespace, []byte(b.String()))
}

// EnsureID sets e.ID to [Event.DeriveID] when it is the nil UUID, and returns
// the ID.
func (e *Event) EnsureID() uuid.UUID {
	if e.ID == uuid.Nil {
		e.ID = e.DeriveID()
	}
	return e.ID
}

package timeline

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// A ConflictError reports two reports of one event that disagree on a fact
// that cannot be merged: its kind, date, status or instrument.
type ConflictError struct {
	ID       uuid.UUID // the event
	Field    string    // "kind", "date", "status" or "instrument.id"
	Existing string    // the value held
	Incoming string    // the value of the new report
}

// Error returns `conflicts with "2025-11-06" held for event 1b4e…`.
func (e *ConflictError) Error() string {
	return "conflicts with " + strconv.Quote(e.Existing) + " held for event " + e.ID.String()
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// Merge combines two reports of the same event, a and b, into one, or
// reports the facts they disagree on.
//
// Kind, date, status and instrument must agree, or each disagreement is a
// [*ConflictError] in the returned list. Sources, tags, links, participants
// and names in other languages are united. Where one report leaves a text
// field (title, description, date text, place, capacity) empty, the other's
// is taken; where both fill it differently, the lesser in byte order is
// kept. Merge is commutative, Merge(a, b) equals Merge(b, a), and gives a
// unchanged when b equals it. United lists come out in a canonical order,
// so that the result does not depend on which report came first.
func Merge(a, b event.Event) (event.Event, event.ErrorList) {
	a, b = a.Clone(), b.Clone() // canonical: empty slices and maps are nil
	if reflect.DeepEqual(a, b) {
		return a, nil
	}
	var errs event.ErrorList
	conflict := func(field, x, y string) {
		errs = append(errs, &event.FieldError{Path: field, Value: y,
			Err: &ConflictError{ID: a.ID, Field: field, Existing: x, Incoming: y}})
	}
	if a.Kind != b.Kind {
		conflict("kind", a.Kind.String(), b.Kind.String())
	}
	if a.Date != b.Date {
		conflict("date", a.Date.String(), b.Date.String())
	}
	if a.Status != b.Status {
		conflict("status", a.Status.String(), b.Status.String())
	}
	if a.Instrument.ID != b.Instrument.ID {
		conflict("instrument.id", a.Instrument.ID, b.Instrument.ID)
	}
	if len(errs) > 0 {
		return event.Event{}, errs
	}

	m := a
	m.Title = pick(a.Title, b.Title)
	m.Titles = unionNames(a.Titles, b.Titles)
	m.Description = pick(a.Description, b.Description)
	m.DateText = pick(a.DateText, b.DateText)
	m.Place = event.Place{
		Name:    pick(a.Place.Name, b.Place.Name),
		Venue:   pick(a.Place.Venue, b.Place.Venue),
		City:    pick(a.Place.City, b.Place.City),
		Country: pick(a.Place.Country, b.Place.Country),
	}
	switch ca, cb := a.Place.Coordinates, b.Place.Coordinates; {
	case ca == nil && cb != nil, ca != nil && cb != nil && cmp.Or(cmp.Compare(cb.Lat, ca.Lat), cmp.Compare(cb.Lon, ca.Lon)) < 0:
		c := *cb
		m.Place.Coordinates = &c
	case ca != nil:
		c := *ca
		m.Place.Coordinates = &c
	}
	m.Instrument.Name = pick(a.Instrument.Name, b.Instrument.Name)
	m.Instrument.Names = unionNames(a.Instrument.Names, b.Instrument.Names)
	m.Participants = unionParticipants(a.Participants, b.Participants)
	m.Sources = unionBy(a.Sources, b.Sources, sourceKey)
	m.Tags = unionBy(a.Tags, b.Tags, func(s string) string { return s })
	m.Links = unionBy(a.Links, b.Links, func(l event.Link) string { return l.Type.String() + " " + l.Target.String() })
	return m.Clone(), nil
}

// pick chooses between two values of a text field, the same way whatever
// their order: the one that is set, or the lesser.
func pick(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return min(a, b)
}

func unionNames(a, b map[string]string) map[string]string {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	m := maps.Clone(a)
	if m == nil {
		m = make(map[string]string, len(b))
	}
	for k, v := range b {
		m[k] = pick(m[k], v)
	}
	return m
}

func unionParticipants(a, b []event.Participation) []event.Participation {
	type key struct {
		actor event.ActorID
		role  event.Role
	}
	capacity := make(map[key]string, len(a)+len(b))
	for _, p := range slices.Concat(a, b) {
		k := key{p.Actor, p.Role}
		capacity[k] = pick(capacity[k], p.Capacity)
	}
	out := make([]event.Participation, 0, len(capacity))
	for k, c := range capacity {
		out = append(out, event.Participation{Actor: k.actor, Role: k.role, Capacity: c})
	}
	slices.SortFunc(out, func(x, y event.Participation) int {
		return cmp.Or(cmp.Compare(x.Role, y.Role), strings.Compare(string(x.Actor), string(y.Actor)))
	})
	return out
}

// unionBy returns the elements of a and b without duplicates under key,
// sorted by key.
func unionBy[T any](a, b []T, key func(T) string) []T {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	type keyed struct {
		k string
		v T
	}
	all := make([]keyed, 0, len(a)+len(b))
	for _, x := range slices.Concat(a, b) {
		all = append(all, keyed{key(x), x})
	}
	slices.SortStableFunc(all, func(x, y keyed) int { return strings.Compare(x.k, y.k) })
	all = slices.CompactFunc(all, func(x, y keyed) bool { return x.k == y.k })
	out := make([]T, len(all))
	for i := range all {
		out[i] = all[i].v
	}
	return out
}

// sourceKey identifies a source by everything it says, so that only equal
// sources are merged into one.
func sourceKey(s event.Source) string {
	var b strings.Builder
	for _, f := range []string{s.Publisher, s.URL, s.Title, s.Lang, s.Published.String()} {
		b.WriteString(f)
		b.WriteByte(0)
	}
	for _, q := range s.Quotes {
		for _, f := range []string{q.Text, q.Lang, string(q.Speaker), q.Translation, q.TranslationLang} {
			b.WriteString(f)
			b.WriteByte(1)
		}
	}
	return b.String()
}

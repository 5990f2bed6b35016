package event

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// A ConflictError reports two reports of one event that disagree on a fact
// that cannot be merged: its kind, date, status, instrument, discriminator
// or order.
type ConflictError struct {
	ID       uuid.UUID // the event
	Field    string    // "kind", "date", "status", "instrument.id", "discriminator" or "order"
	Existing string    // the value of the first report
	Incoming string    // the value of the second report
}

// Error returns `conflicts with "2025-11-06" held for event 1b4e…`.
func (e *ConflictError) Error() string {
	return "conflicts with " + QuoteValue(e.Existing) + " held for event " + e.ID.String()
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }

// Merge combines two reports of the same event, a and b, into one, or
// reports the facts they disagree on.
//
// Kind, date, status, instrument, discriminator and order must agree (an
// order of 0 agrees with any), or each disagreement is a [*ConflictError]
// in the returned [ErrorList]. Sources, tags, links and participants are
// united. Where one report leaves a text field empty (title, a title in
// another language, description, date text, a part of the place, the
// instrument's names, a capacity), the other's is taken. Where both fill it
// differently, no wording is lost: the lesser in byte order is kept in the
// field and the other becomes an [Alternative] naming its report's source.
//
// Merge is commutative, Merge(a, b) equals Merge(b, a), and gives a
// unchanged when b equals it. Lists that differ come out in a canonical
// order, so that the result does not depend on which report came first;
// lists that are the same in both keep their order.
func Merge(a, b Event) (Event, error) {
	a, b = a.Clone(), b.Clone() // canonical: empty slices and maps are nil
	if reflect.DeepEqual(a, b) {
		return a, nil
	}
	var errs ErrorList
	conflict := func(field, x, y string) {
		errs = append(errs, &FieldError{Path: field, Value: y,
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
	if a.Discriminator != b.Discriminator {
		conflict("discriminator", a.Discriminator, b.Discriminator)
	}
	if a.Order != b.Order && a.Order != 0 && b.Order != 0 {
		conflict("order", strconv.Itoa(a.Order), strconv.Itoa(b.Order))
	}
	if len(errs) > 0 {
		return Event{}, errs
	}

	m := merger{srcA: a.reportSource(), srcB: b.reportSource()}
	out := a
	out.Order = max(a.Order, b.Order)
	out.Title = m.text("title", a.Title, b.Title)
	out.Titles = m.names("titles.", a.Titles, b.Titles)
	out.Description = m.text("description", a.Description, b.Description)
	out.DateText = m.text("dateText", a.DateText, b.DateText)
	out.Place = m.place(&a.Place, &b.Place)
	out.Instrument.Name = m.text("instrument.name", a.Instrument.Name, b.Instrument.Name)
	out.Instrument.Names = m.names("instrument.names.", a.Instrument.Names, b.Instrument.Names)
	out.Participants = m.participants(a.Participants, b.Participants)
	out.Sources = unionBy(a.Sources, b.Sources, sourceKey)
	out.Tags = unionBy(a.Tags, b.Tags, func(s string) string { return s })
	out.Links = unionBy(a.Links, b.Links, func(l Link) string { return l.Type.String() + " " + l.Target.String() })
	out.Alternatives = m.alternatives(&out, a.Alternatives, b.Alternatives)
	return out.Clone(), nil
}

// reportSource names the report e is, for the alternatives it contributes.
func (e *Event) reportSource() string {
	for _, s := range e.Sources {
		if v := cmp.Or(s.URL, s.Publisher, s.Title); v != "" {
			return v
		}
	}
	return ""
}

// merger collects the alternatives of one merge.
type merger struct {
	srcA, srcB string
	alts       []Alternative
}

// text chooses between two wordings of a field the same way whatever their
// order: the one that is set, or the lesser, keeping the other.
func (m *merger) text(field, x, y string) string {
	return m.textOf(Alternative{Field: field}, x, y)
}

func (m *merger) textOf(alt Alternative, x, y string) string {
	switch {
	case x == y || y == "":
		return x
	case x == "":
		return y
	case x < y:
		alt.Value, alt.Source = y, m.srcB
		m.alts = append(m.alts, alt)
		return x
	}
	alt.Value, alt.Source = x, m.srcA
	m.alts = append(m.alts, alt)
	return y
}

func (m *merger) names(prefix string, a, b map[string]string) map[string]string {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	out := make(map[string]string, max(len(a), len(b)))
	for _, tag := range slices.Sorted(func(yield func(string) bool) {
		for k := range a {
			yield(k)
		}
		for k := range b {
			if _, ok := a[k]; !ok {
				yield(k)
			}
		}
	}) {
		out[tag] = m.text(prefix+tag, a[tag], b[tag])
	}
	return out
}

func (m *merger) place(a, b *Place) Place {
	p := Place{
		Name:    m.text("place.name", a.Name, b.Name),
		Venue:   m.text("place.venue", a.Venue, b.Venue),
		City:    m.text("place.city", a.City, b.City),
		Country: m.text("place.country", a.Country, b.Country),
	}
	ca, cb := coordText(a.Coordinates), coordText(b.Coordinates)
	switch m.text("place.coordinates", ca, cb) {
	case "":
	case ca:
		c := *a.Coordinates
		p.Coordinates = &c
	default:
		c := *b.Coordinates
		p.Coordinates = &c
	}
	return p
}

func coordText(c *Coordinates) string {
	if c == nil {
		return ""
	}
	return strconv.FormatFloat(c.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(c.Lon, 'g', -1, 64)
}

// participants unites two lists of participations, one per actor and role,
// with their capacities merged as text fields.
func (m *merger) participants(a, b []Participation) []Participation {
	same := slices.EqualFunc(a, b, func(x, y Participation) bool { return x.Actor == y.Actor && x.Role == y.Role })
	out := slices.Concat(a, b)
	if !same {
		slices.SortStableFunc(out, func(x, y Participation) int {
			return cmp.Or(cmp.Compare(x.Role, y.Role), strings.Compare(string(x.Actor), string(y.Actor)))
		})
	}
	merged := out[:0]
	for _, p := range out {
		i := slices.IndexFunc(merged, func(q Participation) bool { return q.Actor == p.Actor && q.Role == p.Role })
		if i < 0 {
			merged = append(merged, p)
			continue
		}
		// Sorted stably, the first of two came from a and the second from b.
		q := &merged[i]
		q.Capacity = m.textOf(Alternative{Field: "capacity", Actor: p.Actor, Role: p.Role}, q.Capacity, p.Capacity)
	}
	return merged
}

// alternatives unites the alternatives of both reports with those this
// merge found, leaving out any that the merged event holds as its own
// wording, sorted and without duplicates.
func (m *merger) alternatives(e *Event, a, b []Alternative) []Alternative {
	all := slices.Concat(a, b, m.alts)
	all = slices.DeleteFunc(all, func(alt Alternative) bool { return e.wording(&alt) == alt.Value })
	slices.SortFunc(all, compareAlternatives)
	return slices.Compact(all)
}

func compareAlternatives(x, y Alternative) int {
	return cmp.Or(strings.Compare(x.Field, y.Field), strings.Compare(string(x.Actor), string(y.Actor)),
		cmp.Compare(x.Role, y.Role), strings.Compare(x.Value, y.Value), strings.Compare(x.Source, y.Source))
}

// wording returns the value of the field an alternative is about, and
// "\x00" when there is no such field, which no alternative's value equals.
func (e *Event) wording(alt *Alternative) string {
	switch alt.Field {
	case "title":
		return e.Title
	case "description":
		return e.Description
	case "dateText":
		return e.DateText
	case "place.name":
		return e.Place.Name
	case "place.venue":
		return e.Place.Venue
	case "place.city":
		return e.Place.City
	case "place.country":
		return e.Place.Country
	case "place.coordinates":
		return coordText(e.Place.Coordinates)
	case "instrument.name":
		return e.Instrument.Name
	case "capacity":
		for _, p := range e.Participants {
			if p.Actor == alt.Actor && p.Role == alt.Role {
				return p.Capacity
			}
		}
		return "\x00"
	}
	if tag, ok := strings.CutPrefix(alt.Field, "titles."); ok {
		if v, ok := e.Titles[tag]; ok {
			return v
		}
	}
	if tag, ok := strings.CutPrefix(alt.Field, "instrument.names."); ok {
		if v, ok := e.Instrument.Names[tag]; ok {
			return v
		}
	}
	return "\x00"
}

// unionBy returns the elements of a and b without duplicates under key: in
// their order when a and b hold the same keys in the same order, and
// sorted by key otherwise.
func unionBy[T any](a, b []T, key func(T) string) []T {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	if slices.EqualFunc(a, b, func(x, y T) bool { return key(x) == key(y) }) {
		return a
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
func sourceKey(s Source) string {
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

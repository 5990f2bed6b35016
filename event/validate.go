package event

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Validate reports every problem with e at once, as an [ErrorList] of
// [*FieldError] values whose paths are relative to the event
// ("participants[1].role"); it returns nil when e is valid.
//
// Besides the form of each field, it checks the rules of e's kind: the
// roles it requires ([ErrMissingRole]), its least number of parties ([ErrTooFewParties]:
// a phone call has at least two), its instrument (an accession and a
// signing ceremony name one), a state in the acceding party's role
// ([ErrWrongActorType]), a host or a place for a visit. An event that
// occurred needs a date with known ends ([ErrNoDate]).
//
// When actors is not nil, every actor referred to must be found in it
// ([ErrUnknownActor]), actor types are checked, and a capacity that names
// an office its actor held ([Actor.Offices]) must fall in one of its terms
// ([ErrNotInOffice]: a "Secretary of State" years after the term); with a
// nil lookup these checks are skipped. A nil ID is not a problem: [Event.EnsureID] derives one.
func (e *Event) Validate(actors ActorLookup) error {
	var l ErrorList
	switch {
	case e.Kind == 0:
		l.add(field("kind"), "", ErrRequired)
	case !e.Kind.IsKnown():
		l.add(field("kind"), e.Kind.String(), ErrUnknown)
	}
	checkText(&l, field("discriminator"), e.Discriminator, false)
	checkRequiredText(&l, field("title"), e.Title)
	checkNames(&l, field("titles"), e.Titles)
	checkText(&l, field("description"), e.Description, true)
	checkText(&l, field("dateText"), e.DateText, false)
	if e.Order < 0 {
		l.add(field("order"), strconv.Itoa(e.Order), ErrOutOfRange)
	}
	switch {
	case e.Status == 0:
		l.add(field("status"), "", ErrRequired)
	case !e.Status.IsKnown():
		l.add(field("status"), e.Status.String(), ErrUnknown)
	case e.Status == Occurred && !e.Date.Bounded():
		l.add(field("date"), e.Date.String(), ErrNoDate)
	}
	e.validatePlace(&l)
	e.validateParticipants(&l, actors)
	e.validateInstrument(&l)
	e.validateSources(&l, actors)
	e.validateTags(&l)
	e.validateLinks(&l)
	e.validateAlternatives(&l, actors)
	return l.Err()
}

func (e *Event) validatePlace(l *ErrorList) {
	p := &e.Place
	checkText(l, field("place.name"), p.Name, false)
	checkText(l, field("place.venue"), p.Venue, false)
	checkText(l, field("place.city"), p.City, false)
	if p.Country != "" && !ValidCountry(p.Country) {
		l.add(field("place.country"), p.Country, ErrInvalidCountry)
	}
	if c := p.Coordinates; c != nil {
		if math.IsNaN(c.Lat) || c.Lat < -90 || c.Lat > 90 {
			l.add(field("place.coordinates.lat"), strconv.FormatFloat(c.Lat, 'g', -1, 64), ErrOutOfRange)
		}
		if math.IsNaN(c.Lon) || c.Lon < -180 || c.Lon > 180 {
			l.add(field("place.coordinates.lon"), strconv.FormatFloat(c.Lon, 'g', -1, 64), ErrOutOfRange)
		}
	}
}

func (e *Event) validateParticipants(l *ErrorList, actors ActorLookup) {
	info := e.Kind.info()
	var seen seenSet[Participation]
	for i, p := range e.Participants {
		path := item("participants", i, "")
		a := checkActorRef(l, path.with(".actor"), p.Actor, actors)
		switch {
		case p.Role == 0:
			l.add(path.with(".role"), "", ErrRequired)
		case !p.Role.IsKnown():
			l.add(path.with(".role"), p.Role.String(), ErrUnknown)
		}
		checkText(l, path.with(".capacity"), p.Capacity, false)
		if seen.add(Participation{Actor: p.Actor, Role: p.Role}) {
			l.add(path, string(p.Actor)+" as "+p.Role.String(), ErrDuplicate)
		}
		if a == nil {
			continue
		}
		if info.stateRole != 0 && p.Role == info.stateRole && a.Type != State {
			l.add(path.with(".actor"), string(p.Actor), fmt.Errorf("%w: %s must be a state, not %s", ErrWrongActorType, withArticle(p.Role.Name()), withArticle(a.Type.String())))
		}
		if len(a.Offices) > 0 && !a.HeldAt(p.Capacity, e.Date) {
			l.add(path.with(".capacity"), p.Capacity, fmt.Errorf("%w: %s held it %s", ErrNotInOffice, a.Name, termList(a.TermsOf(p.Capacity))))
		}
	}
	if !e.Kind.IsKnown() {
		return
	}
	for _, r := range info.roles {
		if !slices.ContainsFunc(e.Participants, func(p Participation) bool { return p.Role == r }) {
			l.add(field("participants"), r.String(), fmt.Errorf("%w: %s needs %s", ErrMissingRole, withArticle(e.Kind.Name()), withArticle(r.Name())))
		}
	}
	if n := e.actorCount(); n < info.parties {
		l.add(field("participants"), "", fmt.Errorf("%w: %s needs %d parties, has %d", ErrTooFewParties, withArticle(e.Kind.Name()), info.parties, n))
	}
	if info.destination && len(e.InRole(Host)) == 0 && e.Place.Country == "" && e.Place.City == "" {
		l.add(field("participants"), Host.String(), fmt.Errorf("%w: %s needs a host or a place with a city or country", ErrMissingRole, withArticle(e.Kind.Name())))
	}
}

// checkActorRef checks a reference to an actor and returns the actor
// when actors is given and has it.
func checkActorRef(l *ErrorList, path path, id ActorID, actors ActorLookup) *Actor {
	switch {
	case id == "":
		l.add(path, "", ErrRequired)
	case !id.Valid():
		l.add(path, string(id), ErrInvalidID)
	case actors != nil:
		if a, ok := lookupActor(actors, id); ok {
			return a
		}
		l.add(path, string(id), ErrUnknownActor)
	}
	return nil
}

// lookupActor finds an actor without copying it when actors is a
// Directory, as it is when a timeline validates what it adds.
func lookupActor(actors ActorLookup, id ActorID) (*Actor, bool) {
	if d, ok := actors.(*Directory); ok {
		a, ok := d.byID[id]
		return a, ok
	}
	a, ok := actors.Actor(id)
	return &a, ok
}

// termList words the terms of an office for a message: "2021-01-26/2025-01-20
// and 2025-02-01/..".
func termList(terms []Office) string {
	s := make([]string, len(terms))
	for i, o := range terms {
		s[i] = o.Period.String()
	}
	return strings.Join(s, " and ")
}

func (e *Event) validateInstrument(l *ErrorList) {
	in := &e.Instrument
	if in.IsZero() {
		if e.Kind.NeedsInstrument() {
			l.add(field("instrument"), "", fmt.Errorf("%w: %s names the instrument it concerns", ErrRequired, withArticle(e.Kind.Name())))
		}
		return
	}
	switch {
	case in.ID == "":
		l.add(field("instrument.id"), "", ErrRequired)
	case !ActorID(in.ID).Valid():
		l.add(field("instrument.id"), in.ID, ErrInvalidID)
	}
	checkRequiredText(l, field("instrument.name"), in.Name)
	checkNames(l, field("instrument.names"), in.Names)
}

func (e *Event) validateSources(l *ErrorList, actors ActorLookup) {
	for i, s := range e.Sources {
		path := item("sources", i, "")
		checkText(l, path.with(".publisher"), s.Publisher, false)
		checkText(l, path.with(".title"), s.Title, false)
		if s.URL != "" && !ValidURL(s.URL) {
			l.add(path.with(".url"), s.URL, ErrInvalidURL)
		}
		checkLanguage(l, path.with(".lang"), s.Lang, false)
		for j, q := range s.Quotes {
			qp := path.sub(".quotes", j, "")
			if strings.TrimSpace(q.Text) == "" {
				l.add(qp.with(".text"), q.Text, ErrRequired)
			} else {
				checkText(l, qp.with(".text"), q.Text, true)
			}
			checkLanguage(l, qp.with(".lang"), q.Lang, false)
			checkText(l, qp.with(".translation"), q.Translation, true)
			checkLanguage(l, qp.with(".translationLang"), q.TranslationLang, false)
			if q.TranslationLang != "" && q.Translation == "" {
				l.add(qp.with(".translation"), "", ErrRequired)
			}
			if q.Speaker != "" {
				checkActorRef(l, qp.with(".speaker"), q.Speaker, actors)
			}
		}
	}
}

func (e *Event) validateTags(l *ErrorList) {
	var seen seenSet[string]
	for i, t := range e.Tags {
		path := item("tags", i, "")
		checkRequiredText(l, path, t)
		if seen.add(t) {
			l.add(path, t, ErrDuplicate)
		}
	}
}

func (e *Event) validateLinks(l *ErrorList) {
	var seen seenSet[Link]
	for i, k := range e.Links {
		path := item("links", i, "")
		switch {
		case k.Type == 0:
			l.add(path.with(".type"), "", ErrRequired)
		case !k.Type.IsKnown():
			l.add(path.with(".type"), k.Type.String(), ErrUnknown)
		}
		switch {
		case k.Target == uuid.Nil:
			l.add(path.with(".target"), "", ErrRequired)
		case k.Target == e.ID && e.ID != uuid.Nil:
			l.add(path.with(".target"), k.Target.String(), ErrSelfLink)
		}
		if seen.add(k) {
			l.add(path, k.Type.String()+" "+k.Target.String(), ErrDuplicate)
		}
	}
}

// alternativeFields are the fields an [Alternative] may word differently,
// besides the titles and instrument names in other languages.
var alternativeFields = []string{"capacity", "dateText", "description", "instrument.name",
	"place.city", "place.coordinates", "place.country", "place.name", "place.venue", "title"}

func (e *Event) validateAlternatives(l *ErrorList, actors ActorLookup) {
	var seen seenSet[Alternative]
	for i, a := range e.Alternatives {
		path := item("alternatives", i, "")
		switch tag, names := alternativeTag(a.Field); {
		case a.Field == "":
			l.add(path.with(".field"), "", ErrRequired)
		case names && !ValidLanguage(tag):
			l.add(path.with(".field"), a.Field, ErrInvalidLanguage)
		case !names && !slices.Contains(alternativeFields, a.Field):
			l.add(path.with(".field"), a.Field, ErrUnknown)
		}
		if a.Field == "capacity" {
			checkActorRef(l, path.with(".actor"), a.Actor, actors)
			if !a.Role.IsKnown() {
				l.add(path.with(".role"), a.Role.String(), ErrRequired)
			}
		} else if a.Actor != "" || a.Role != 0 {
			l.add(path.with(".actor"), string(a.Actor), fmt.Errorf("%w: only a capacity names an actor", ErrInvalidID))
		}
		if strings.TrimSpace(a.Value) == "" {
			l.add(path.with(".value"), a.Value, ErrRequired)
		} else {
			checkText(l, path.with(".value"), a.Value, a.Field == "description")
		}
		checkText(l, path.with(".source"), a.Source, false)
		if seen.add(a) {
			l.add(path, a.Field+" "+a.Value, ErrDuplicate)
		}
	}
}

// alternativeTag returns the language tag of an alternative title or
// instrument name, and whether the field is one.
func alternativeTag(field string) (string, bool) {
	if tag, ok := strings.CutPrefix(field, "titles."); ok {
		return tag, true
	}
	return strings.CutPrefix(field, "instrument.names.")
}

// withArticle puts "a" or "an" before a lower-cased name, for messages:
// "an acceding party", "a phone call".
func withArticle(name string) string {
	name = strings.ToLower(name)
	if name != "" && strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// seenSet tells whether a value was seen before. It scans a short list,
// held in the set itself so that the few values of most events cost no
// allocation, and switches to a map beyond it, so that checking a list for
// duplicates stays linear however long the list: a document with two
// million tags must not take quadratic time.
type seenSet[K comparable] struct {
	few  [seenSetScan]K
	n    int
	many map[K]struct{}
}

const seenSetScan = 8

func (s *seenSet[K]) add(k K) (dup bool) {
	if s.many == nil {
		if slices.Contains(s.few[:s.n], k) {
			return true
		}
		if s.n < seenSetScan {
			s.few[s.n] = k
			s.n++
			return false
		}
		s.many = make(map[K]struct{}, 4*seenSetScan)
		for _, v := range s.few {
			s.many[v] = struct{}{}
		}
	}
	if _, ok := s.many[k]; ok {
		return true
	}
	s.many[k] = struct{}{}
	return false
}

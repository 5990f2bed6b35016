package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// xmlTrips is the shape of travels/{president,secretary}-travels/*.xml.
type xmlTrips struct {
	Trips []xmlTrip `xml:"trip"`
}

type xmlTrip struct {
	RoleAttr  string `xml:"role,attr"`
	Who       string `xml:"who,attr"`
	ID        string `xml:"id"`
	Role      string `xml:"role"`
	Name      string `xml:"name"`
	StartDate string `xml:"start-date"`
	EndDate   string `xml:"end-date"`
	Country   xmlRef `xml:"country"`
	Locale    string `xml:"locale"`
	Remarks   string `xml:"remarks"`
}

// travelCapacity maps the travel role codes (travels/code-tables/
// travel-role-codes.xml) to the traveller's capacity, where the offices
// of pocom do not give it.
var travelCapacity = map[string]string{
	"president": "President",
	"secretary": "Secretary of State",
}

// accompanied matches the remarks of a Secretary's trip with the
// President: "Accompanied President Clinton on a State Visit…".
var accompanied = regexp.MustCompile(`(?i)^accompanied (the )?president\b`)

// importTravels reads the trips abroad of presidents and then of
// secretaries of state from dir/president-travels and
// dir/secretary-travels. A Secretary who accompanied the President is a
// participant in the President's visit, which is found by country and
// dates; the record of the Secretary's trip adds the Secretary, a source
// and the remarks to it.
func importTravels(dir string, actors *actorSet) (*setResult, error) {
	r := &setResult{}
	byCountry := map[string][]int{} // country slug → indexes of presidents' visits in r.events
	for _, role := range []string{"president", "secretary"} {
		files, err := filepath.Glob(filepath.Join(dir, role+"-travels", "*.xml"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no %s travel files in %s", role, dir)
		}
		for _, f := range files {
			var doc xmlTrips
			if err := readXML(f, &doc); err != nil {
				return nil, err
			}
			for _, t := range doc.Trips {
				r.records++
				rec := problem{File: filepath.Base(f), Record: strings.TrimSpace(t.ID)}
				e, note, err := mapTrip(t, actors)
				if err == nil && accompanied.MatchString(cleanText(t.Remarks)) {
					if i, ok := presidentsVisit(r.events, byCountry[canonicalSlug(t.Country.ID)], e.Date); ok {
						joinVisit(&r.events[i], &e, actors)
						r.merged++
						continue
					} else {
						note = "accompanied the President, whose trip there is not in the records: the Secretary is the guest"
						e.Kind, e.Tags = event.Visit, append(e.Tags, "accompanying-president")
						e.Title = fmt.Sprintf("%s: %s", event.Visit.Name(), strings.SplitN(e.Title, ": ", 2)[1])
					}
				}
				if err == nil {
					err = e.Validate(actors)
				}
				if err != nil {
					rec.Reason = err.Error()
					r.problems = append(r.problems, rec)
					continue
				}
				if note != "" {
					rec.Reason = note
					r.notes = append(r.notes, rec)
				}
				if role == "president" {
					slug := canonicalSlug(t.Country.ID)
					byCountry[slug] = append(byCountry[slug], len(r.events))
				}
				r.events = append(r.events, e)
			}
		}
	}
	return r, nil
}

// presidentsVisit returns the President's visit, among the candidates,
// whose dates overlap d the most.
func presidentsVisit(events []event.Event, candidates []int, d event.Date) (int, bool) {
	best, bestDays := -1, -1
	for _, i := range candidates {
		e := &events[i]
		if !e.Date.Overlaps(d) {
			continue
		}
		a, _ := e.Date.Earliest()
		b, _ := e.Date.Latest()
		c, _ := d.Earliest()
		f, _ := d.Latest()
		days := min(b, f).DaysSince(max(a, c))
		if days > bestDays {
			best, bestDays = i, days
		}
	}
	return best, best >= 0
}

// joinVisit adds the Secretary of the trip sec to the President's visit:
// as a participant with the Secretary's capacity (once, however many of
// the visit's stops the Secretary's records list), with the trip's source
// and remarks. The visit stays valid: the Secretary's actor and capacity
// were checked when the trip was mapped.
func joinVisit(visit, sec *event.Event, actors *actorSet) {
	p := sec.Participants[0]
	p.Role = event.Participant
	if !slices.ContainsFunc(visit.Participants, func(q event.Participation) bool { return q.Actor == p.Actor }) {
		visit.Participants = append(visit.Participants, p)
	}
	visit.Sources = append(visit.Sources, sec.Sources...)
	if sec.Description != "" {
		line := p.Capacity + " " + actors.name(p.Actor) + ": " + sec.Description
		if visit.Description == "" {
			visit.Description = line
		} else {
			visit.Description += "\n\n" + line
		}
	}
	if !slices.Contains(visit.Tags, "travels:secretary") {
		visit.Tags = append(visit.Tags, "travels:secretary")
	}
}

// mapTrip maps one trip, and returns a remark for the report: the
// capacity of a Secretary comes from the offices of pocom where they cover
// the trip's dates.
func mapTrip(t xmlTrip, actors *actorSet) (event.Event, string, error) {
	id := strings.TrimSpace(t.ID)
	if id == "" {
		return event.Event{}, "", errors.New("no record id")
	}
	role := strings.TrimSpace(t.Role)
	if role == "" {
		role = strings.TrimSpace(t.RoleAttr)
	}
	capacity, ok := travelCapacity[role]
	if !ok {
		return event.Event{}, "", fmt.Errorf("unknown travel role %q", role)
	}
	who := strings.TrimSpace(t.Who)
	name := cleanText(t.Name)
	if who == "" || name == "" {
		return event.Event{}, "", errors.New("no traveller")
	}
	date, err := dayRange(t.StartDate, t.EndDate)
	if err != nil {
		return event.Event{}, "", err
	}
	slug := canonicalSlug(t.Country.ID)
	if slug == "" {
		return event.Event{}, "", errors.New("no country id in <country>")
	}
	country := cleanText(t.Country.Name)
	remarks := cleanText(t.Remarks)
	locale := cleanText(t.Locale)
	kind, tags := visitKind(remarks)

	// A Secretary's id is that of pocom, which gives the offices; a
	// President's is not (pocom's "taft-william-howard" is the ambassador
	// born in 1915), so presidents are named as the visitors are.
	actorID := event.ActorID(who)
	if role == "president" {
		actorID = event.ActorID(slugify(name) + ".us")
	}
	traveller := actors.put(event.Actor{ID: actorID, Type: event.Person, Name: name, Country: "US"})
	var note string
	if a, ok := actors.Actor(traveller); ok && len(a.Offices) > 0 {
		switch held := a.CapacityAt(date); {
		case a.HeldAt(capacity, date) && len(a.TermsOf(capacity)) > 0:
		case held != "":
			note = fmt.Sprintf("travelled as %s, the office pocom gives for the dates, not as %s", held, capacity)
			capacity = held
		}
	}
	actors.unitedStates()
	code, _ := codeFor(slug)
	where := country
	if locale != "" {
		where = locale + ", " + country
	}
	e := event.Event{
		ID:          recordID("travels/"+role, id),
		Kind:        kind,
		Title:       fmt.Sprintf("%s: %s %s to %s", kind.Name(), capacity, name, where),
		Description: remarks,
		Date:        date,
		Status:      event.Occurred,
		Place:       event.Place{City: locale, Country: code},
		Tags:        append([]string{"historian:travels", "travels:" + role}, tags...),
		Participants: []event.Participation{
			{Actor: traveller, Role: event.Guest, Capacity: capacity},
		},
		Sources: []event.Source{{
			Publisher: publisher,
			URL:       fmt.Sprintf("%s/departmenthistory/travels/%s/%s", site, role, who),
			Title:     fmt.Sprintf("Travels of the %s: %s, record %s", travelCapacity[role], name, id),
			Lang:      "en",
		}},
	}
	if !notStates[slug] {
		host, _ := actors.state(slug, country, date)
		e.Participants = append(e.Participants, event.Participation{Actor: host, Role: event.Host})
	}
	return e, note, nil
}

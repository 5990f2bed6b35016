package main

import (
	"errors"
	"fmt"
	"path/filepath"
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
// travel-role-codes.xml) to the traveller's capacity.
var travelCapacity = map[string]string{
	"president": "President",
	"secretary": "Secretary of State",
}

// importTravels reads the trips abroad of presidents and secretaries of
// state from dir/president-travels and dir/secretary-travels.
func importTravels(dir string) ([]event.Event, []event.Actor, []problem, error) {
	var files []string
	for _, sub := range []string{"president-travels", "secretary-travels"} {
		m, err := filepath.Glob(filepath.Join(dir, sub, "*.xml"))
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return nil, nil, nil, fmt.Errorf("no travel files in %s", dir)
	}
	actors := newActorSet()
	var events []event.Event
	var problems []problem
	for _, f := range files {
		var doc xmlTrips
		if err := readXML(f, &doc); err != nil {
			return nil, nil, nil, err
		}
		for _, t := range doc.Trips {
			e, err := mapTrip(t, actors)
			if err == nil {
				err = e.Validate(actors)
			}
			if err != nil {
				problems = append(problems, problem{filepath.Base(f), strings.TrimSpace(t.ID), err.Error()})
				continue
			}
			events = append(events, e)
		}
	}
	return events, actors.list(), problems, nil
}

func mapTrip(t xmlTrip, actors *actorSet) (event.Event, error) {
	id := strings.TrimSpace(t.ID)
	if id == "" {
		return event.Event{}, errors.New("no record id")
	}
	role := strings.TrimSpace(t.Role)
	if role == "" {
		role = strings.TrimSpace(t.RoleAttr)
	}
	capacity, ok := travelCapacity[role]
	if !ok {
		return event.Event{}, fmt.Errorf("unknown travel role %q", role)
	}
	who := strings.TrimSpace(t.Who)
	name := cleanText(t.Name)
	if who == "" || name == "" {
		return event.Event{}, errors.New("no traveller")
	}
	date, err := dayRange(t.StartDate, t.EndDate)
	if err != nil {
		return event.Event{}, err
	}
	slug := canonicalSlug(t.Country.ID)
	if slug == "" {
		return event.Event{}, errors.New("no country id in <country>")
	}
	country := cleanText(t.Country.Name)
	remarks := cleanText(t.Remarks)
	locale := cleanText(t.Locale)
	kind, tags := visitKind(remarks)

	traveller := actors.put(event.Actor{ID: event.ActorID(who), Type: event.Person, Name: name, Country: "US"})
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
			Title:     fmt.Sprintf("Travels of the %s: %s, record %s", capacity, name, id),
			Lang:      "en",
		}},
	}
	if !notStates[slug] {
		host, _ := actors.state(slug, country)
		e.Participants = append(e.Participants, event.Participation{Actor: host, Role: event.Host})
	}
	return e, nil
}

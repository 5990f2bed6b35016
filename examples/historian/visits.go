package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

const (
	site      = "https://history.state.gov"
	publisher = "Office of the Historian, U.S. Department of State"
)

// A problem is a record that could not be mapped to an event.
type problem struct {
	File   string // base name of the file
	Record string // the record's id
	Reason string
	// Detail is what the record itself says, where it explains the reason:
	// the note of a nominee who never served.
	Detail string
}

func (p problem) String() string {
	s := fmt.Sprintf("%s #%s: %s", p.File, p.Record, p.Reason)
	if p.Detail != "" {
		s += " (" + p.Detail + ")"
	}
	return s
}

// xmlVisits is the shape of visits/data/*.xml.
type xmlVisits struct {
	Visits []xmlVisit `xml:"visit"`
}

type xmlVisit struct {
	ID          string `xml:"id"`
	StartDate   string `xml:"start-date"`
	EndDate     string `xml:"end-date"`
	Visitor     string `xml:"visitor"`
	From        xmlRef `xml:"from"`
	Description string `xml:"description"`
}

// xmlRef is an element holding a display name with the slug in @id.
type xmlRef struct {
	ID   string `xml:"id,attr"`
	Name string `xml:",chardata"`
}

// recordID derives a stable event ID from the data set and record id, so
// that two records never merge and re-imports keep their IDs.
func recordID(set, id string) uuid.UUID {
	return uuid.NewSHA1(event.Namespace, []byte(site+"/"+set+"/"+id))
}

// A setResult is what importing one data set gave: its events, the
// records it could not import with their reasons, the records it imported
// with a remark (a typo kept as the XML has it, a date attribute that
// disagrees with its text), and how many records it read.
type setResult struct {
	events   []event.Event
	problems []problem
	notes    []problem
	records  int
	// merged counts the records imported into another record's event: a
	// Secretary of State accompanying the President is a participant in
	// the President's visit.
	merged int
}

// imported is the number of records imported, as events of their own or
// into others' events.
func (r *setResult) imported() int { return r.records - len(r.problems) }

// importVisits reads visits/data/*.xml: visits of foreign leaders to the
// United States.
func importVisits(dir string, actors *actorSet) (*setResult, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no visit files in %s", dir)
	}
	r := &setResult{}
	for _, f := range files {
		var doc xmlVisits
		if err := readXML(f, &doc); err != nil {
			return nil, err
		}
		for _, v := range doc.Visits {
			r.records++
			rec := strings.TrimSpace(v.ID)
			e, typos, err := mapVisit(v, actors)
			if err == nil {
				err = e.Validate(actors)
			}
			if err != nil {
				r.problems = append(r.problems, problem{File: filepath.Base(f), Record: rec, Reason: err.Error()})
				continue
			}
			for _, t := range typos {
				r.notes = append(r.notes, problem{File: filepath.Base(f), Record: rec, Reason: "visitor: kept as the XML has it: " + t})
			}
			r.events = append(r.events, e)
		}
	}
	return r, nil
}

func readXML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// mapVisit maps one visit and returns the typos of its visitor string.
func mapVisit(v xmlVisit, actors *actorSet) (event.Event, []string, error) {
	id := strings.TrimSpace(v.ID)
	if id == "" {
		return event.Event{}, nil, errors.New("no record id")
	}
	date, err := dayRange(v.StartDate, v.EndDate)
	if err != nil {
		return event.Event{}, nil, err
	}
	visitor := cleanText(v.Visitor)
	if visitor == "" {
		return event.Event{}, nil, errors.New("no visitor")
	}
	slug := strings.TrimSpace(v.From.ID)
	if slug == "" {
		return event.Event{}, nil, errors.New("no country id in <from>")
	}
	from := cleanText(v.From.Name)
	desc := cleanText(v.Description)
	kind, tags := visitKind(desc)

	stateID, code := actors.state(slug, from, date)
	host := actors.unitedStates()
	e := event.Event{
		ID:          recordID("visits", id),
		Kind:        kind,
		Title:       fmt.Sprintf("%s: %s (%s) in the United States", kind.Name(), visitor, from),
		Description: desc,
		Date:        date,
		Status:      event.Occurred,
		Place:       event.Place{Country: "US"},
		Tags:        append([]string{"historian:visits"}, tags...),
		Sources: []event.Source{{
			Publisher: publisher,
			URL:       visitURL(date),
			Title:     "Visits by Foreign Leaders: record " + id,
			Lang:      "en",
		}},
	}
	var typos []string
	for _, who := range splitVisitors(visitor) {
		capacity, name, t := splitCapacity(who)
		typos = append(typos, t...)
		if name == "" {
			continue
		}
		e.Participants = append(e.Participants, event.Participation{
			Actor: actors.person(name, code), Role: event.Guest, Capacity: capacity})
	}
	if len(e.Participants) == 0 {
		// A title alone ("Premier"): the state itself is the guest.
		e.Participants = append(e.Participants, event.Participation{Actor: stateID, Role: event.Guest, Capacity: visitor})
	}
	e.Participants = append(e.Participants, event.Participation{Actor: host, Role: event.Host})
	return e, typos, nil
}

// visitURL is the page of the visits of the visit's first year, as the
// site lists them: https://history.state.gov/departmenthistory/visits/2020.
func visitURL(d event.Date) string {
	first, _ := d.Earliest()
	return fmt.Sprintf("%s/departmenthistory/visits/%d", site, first.Year())
}

// dayRange parses the start and end dates of a record: one day, or an
// interval of days.
func dayRange(start, end string) (event.Date, error) {
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	if start == "" {
		return event.Date{}, errors.New("no start date")
	}
	s, err := parseDay(start)
	if err != nil {
		return event.Date{}, fmt.Errorf("start date: %w", err)
	}
	if end == "" || end == start {
		return s, nil
	}
	e, err := parseDay(end)
	if err != nil {
		return event.Date{}, fmt.Errorf("end date: %w", err)
	}
	return event.Between(s, e)
}

// parseDay parses a day "2020-01-07"; coarser dates are refused, since
// the records give days.
func parseDay(s string) (event.Date, error) {
	d, err := event.ParseDate(s)
	if err != nil {
		return event.Date{}, err
	}
	if d.IsInterval() || d.Precision() != event.PrecisionDay {
		return event.Date{}, fmt.Errorf("%q is not a day", s)
	}
	return d, nil
}

// protocolLevels are the phrases by which descriptions and remarks give a
// visit's protocol level; the first in the text is the visit's, since the
// rest tell of other parts of the stay ("Official working visit. Private
// visit afterward to Houston") or of other visits ("Private visit.
// Delivered a message … postponing a state visit").
var protocolLevels = regexp.MustCompile(`(?i)\b(state|official working|official|unofficial|private working|informal working|private|informal|working) (visit|courtesy call)`)

// visitKind reads the protocol level from a description or remarks:
// "State Visit.", "Official Working Visit.", "Unofficial visit." and so
// on. Informal visits are unofficial ones, tagged so; anything else is a
// Visit.
func visitKind(text string) (event.Kind, []string) {
	m := protocolLevels.FindStringSubmatch(text)
	if m == nil {
		return event.Visit, nil
	}
	switch strings.ToLower(m[1]) {
	case "state":
		return event.StateVisit, nil
	case "official working":
		return event.WorkingVisit, []string{"official-working-visit"}
	case "official":
		return event.OfficialVisit, nil
	case "unofficial":
		return event.UnofficialVisit, nil
	case "private working":
		return event.WorkingVisit, []string{"private"}
	case "informal working":
		return event.WorkingVisit, []string{"informal"}
	case "private":
		return event.PrivateVisit, nil
	case "informal":
		return event.UnofficialVisit, []string{"informal-visit"}
	}
	return event.WorkingVisit, nil
}

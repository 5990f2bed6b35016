package main

import (
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
}

func (p problem) String() string { return fmt.Sprintf("%s #%s: %s", p.File, p.Record, p.Reason) }

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

// importVisits reads visits/data/*.xml: visits of foreign leaders to the
// United States.
func importVisits(dir string) ([]event.Event, []event.Actor, []problem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, nil, fmt.Errorf("no visit files in %s", dir)
	}
	actors := newActorSet()
	var events []event.Event
	var problems []problem
	for _, f := range files {
		var doc xmlVisits
		if err := readXML(f, &doc); err != nil {
			return nil, nil, nil, err
		}
		for _, v := range doc.Visits {
			e, err := mapVisit(v, actors)
			if err == nil {
				err = e.Validate(actors)
			}
			if err != nil {
				problems = append(problems, problem{filepath.Base(f), strings.TrimSpace(v.ID), err.Error()})
				continue
			}
			events = append(events, e)
		}
	}
	return events, actors.list(), problems, nil
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

// mapVisit maps one visit; actors are added only when it maps.
func mapVisit(v xmlVisit, actors *actorSet) (event.Event, error) {
	id := strings.TrimSpace(v.ID)
	if id == "" {
		return event.Event{}, errors.New("no record id")
	}
	date, err := dayRange(v.StartDate, v.EndDate)
	if err != nil {
		return event.Event{}, err
	}
	visitor := cleanText(v.Visitor)
	if visitor == "" {
		return event.Event{}, errors.New("no visitor")
	}
	slug := strings.TrimSpace(v.From.ID)
	if slug == "" {
		return event.Event{}, errors.New("no country id in <from>")
	}
	from := cleanText(v.From.Name)
	desc := cleanText(v.Description)
	kind, tags := visitKind(desc)

	stateID, code := actors.state(slug, from)
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
	for _, who := range splitVisitors(visitor) {
		capacity, name := splitCapacity(who)
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
	return e, nil
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

// visitKind reads the protocol level from a description or remarks:
// "State Visit.", "Official Working Visit." and so on. A private or
// informal visit is a Visit tagged as such; anything else is a Visit.
func visitKind(text string) (event.Kind, []string) {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "state visit"):
		return event.StateVisit, nil
	case strings.Contains(t, "official working visit"):
		return event.WorkingVisit, []string{"official-working-visit"}
	case strings.Contains(t, "official visit"):
		return event.OfficialVisit, nil
	case strings.Contains(t, "working visit"):
		return event.WorkingVisit, nil
	case strings.Contains(t, "private visit"):
		return event.Visit, []string{"private-visit"}
	case strings.Contains(t, "informal visit"):
		return event.Visit, []string{"informal-visit"}
	}
	return event.Visit, nil
}

// titleWords are the words of offices that open a visitor string.
var titleWords = map[string]bool{
	"president": true, "president-elect": true, "prime": true, "minister": true, "premier": true,
	"king": true, "queen": true, "crown": true, "prince": true, "princess": true, "emperor": true,
	"empress": true, "chancellor": true, "vice": true, "deputy": true, "first": true, "interim": true,
	"acting": true, "transitional": true, "provisional": true, "grand": true, "duke": true,
	"duchess": true, "sultan": true, "emir": true, "amir": true, "shah": true, "chairman": true,
	"chairwoman": true, "secretary": true, "secretary-general": true, "general": true,
	"governor": true, "governor-general": true, "foreign": true, "head": true, "council": true,
	"federal": true, "supreme": true, "leader": true, "regent": true, "taoiseach": true,
	"chief": true, "executive": true, "state": true, "government": true, "presidium": true,
	"co-prince": true, "captain": true, "captains": true, "grand-duke": true, "presidential": true,
	"lady": true, "his": true, "her": true, "majesty": true, "highness": true, "royal": true,
	"pope": true, "cardinal": true, "archbishop": true, "field": true, "marshal": true,
	"mayor": true, "senator": true, "ambassador": true, "commander": true,
}

// connectors may join title words: "President of the Government".
var connectors = map[string]bool{"of": true, "the": true, "and": true}

// splitCapacity splits "Prime Minister Kyriakos Mitsotakis" into the
// capacity "Prime Minister" and the name "Kyriakos Mitsotakis". Leading
// title words are the capacity; at least one word is left for the name.
// Without a title word the capacity is empty; a string of title words
// only ("Premier") is all capacity.
func splitCapacity(s string) (capacity, name string) {
	words := strings.Fields(s)
	n := 0 // words of the capacity
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(strings.Trim(words[i], ",."))
		if titleWords[w] {
			n = i + 1
			continue
		}
		if connectors[w] && i > 0 {
			j := i + 1
			for j < len(words) && connectors[strings.ToLower(words[j])] {
				j++
			}
			if j < len(words) && titleWords[strings.ToLower(strings.Trim(words[j], ",."))] {
				continue
			}
		}
		break
	}
	if n == len(words) {
		return strings.Join(words, " "), ""
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " ")
}

// splitVisitors splits "President Francesco Cossiga and Prime Minister
// Giulio Andreotti" into its visitors: at " and " or ", " where the next
// part opens with a title and both parts name someone.
func splitVisitors(s string) []string {
	var out []string
	rest := s
	for {
		cut := -1
		for _, sep := range []string{", ", " and "} {
			for off := 0; ; {
				i := strings.Index(rest[off:], sep)
				if i < 0 {
					break
				}
				i += off
				head, tail := rest[:i], rest[i+len(sep):]
				hc, hn := splitCapacity(head)
				tc, tn := splitCapacity(tail)
				if (hc != "" || len(out) > 0) && hn != "" && tc != "" && tn != "" {
					if cut < 0 || i < cut {
						cut = i
					}
					break
				}
				off = i + len(sep)
			}
		}
		if cut < 0 {
			return append(out, rest)
		}
		out = append(out, rest[:cut])
		rest = strings.TrimPrefix(strings.TrimPrefix(rest[cut:], ", "), " and ")
	}
}

package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
)

// teiArticle is the part of an rdcr TEI article the importer reads.
type teiArticle struct {
	Titles []struct {
		Type string `xml:"type,attr"`
		Text string `xml:",innerxml"`
	} `xml:"teiHeader>fileDesc>titleStmt>title"`
	Divs []teiDiv `xml:"text>body>div"`
}

type teiDiv struct {
	Type string   `xml:"type,attr"`
	Head teiHead  `xml:"head"`
	Ps   []teiMix `xml:"p"`
	Divs []teiDiv `xml:"div"`
}

type teiHead struct {
	Inner string    `xml:",innerxml"`
	Dates []teiDate `xml:"date"`
}

type teiDate struct {
	When string `xml:"when,attr"`
	From string `xml:"from,attr"`
	To   string `xml:"to,attr"`
	Text string `xml:",chardata"`
}

type teiMix struct {
	Inner string `xml:",innerxml"`
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plain strips the markup of mixed content.
func plain(inner string) string {
	s := tags.ReplaceAllString(inner, "")
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	return cleanText(r.Replace(s))
}

// rdcrKind maps the heading of a timeline entry to a kind; ok is false for
// headings that are no relations event (treaties, trade, unification).
func rdcrKind(head string) (kind event.Kind, tags []string, ok bool) {
	h := strings.ToLower(head)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("severed", "cessation", "interrupted", "suspen", "broken", "termination of relations"):
		return event.RelationsSevered, nil, true
	case has("reestablish", "re-establish", "resum", "resumed", "restored", "restoration"):
		return event.RelationsEstablished, []string{"relations-resumed"}, true
	case has("establishment of diplomatic relations", "diplomatic relations established", "establishment of relations"):
		return event.RelationsEstablished, nil, true
	case has("recogni"):
		return event.Recognition, nil, true
	case has("embassy", "legation") && has("closed", "closure", "closing", "withdrawn"):
		return event.EmbassyClosed, nil, true
	case has("embassy", "legation") && has("establish", "open", "elevat", "raised", "upgrad"):
		return event.EmbassyOpened, nil, true
	}
	return 0, nil, false
}

// rdcrDate reads the first <date> of a heading: @when, @from/@to, or its
// text, at the precision given (mostly a year).
func rdcrDate(ds []teiDate) (event.Date, error) {
	if len(ds) == 0 {
		return event.Date{}, errors.New("no date in heading")
	}
	d := ds[0]
	switch {
	case d.When != "":
		return event.ParseDate(strings.TrimSpace(d.When))
	case d.From != "" || d.To != "":
		from, err := event.ParseDate(strings.TrimSpace(d.From))
		if err != nil {
			return event.Date{}, err
		}
		to, err := event.ParseDate(strings.TrimSpace(d.To))
		if err != nil {
			return event.Date{}, err
		}
		return event.Between(from, to)
	}
	t := strings.TrimSpace(d.Text)
	if _, err := strconv.Atoi(t); err != nil {
		return event.Date{}, fmt.Errorf("date %q is not a year", t)
	}
	return event.ParseDate(t)
}

// importRDCR reads rdcr/articles/*.xml: each entry (div type="timeline")
// of an article on a country is a record.
func importRDCR(dir string) ([]event.Event, []event.Actor, []problem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, nil, fmt.Errorf("no rdcr articles in %s", dir)
	}
	actors := newActorSet()
	var events []event.Event
	var problems []problem
	for _, f := range files {
		var doc teiArticle
		if err := readXML(f, &doc); err != nil {
			return nil, nil, nil, err
		}
		slug := strings.TrimSuffix(filepath.Base(f), ".xml")
		name := slug
		for _, t := range doc.Titles {
			if t.Type == "short" {
				name = plain(t.Text)
			}
		}
		n := 0
		var walk func(divs []teiDiv)
		walk = func(divs []teiDiv) {
			for _, d := range divs {
				if d.Type == "timeline" {
					n++
					rec := strconv.Itoa(n)
					e, err := mapEntry(slug, name, rec, d, actors)
					if err == nil {
						err = e.Validate(actors)
					}
					if err != nil {
						problems = append(problems, problem{filepath.Base(f), rec, err.Error()})
					} else {
						events = append(events, e)
					}
				}
				walk(d.Divs)
			}
		}
		walk(doc.Divs)
	}
	return events, actors.list(), problems, nil
}

func mapEntry(slug, name, rec string, d teiDiv, actors *actorSet) (event.Event, error) {
	head := plain(d.Head.Inner)
	if head == "" {
		return event.Event{}, errors.New("entry without heading")
	}
	kind, tags, ok := rdcrKind(head)
	if !ok {
		return event.Event{}, errors.New("heading is no relations event (treaty, trade, consular or other)")
	}
	date, err := rdcrDate(d.Head.Dates)
	if err != nil {
		return event.Event{}, err
	}
	var ps []string
	for _, p := range d.Ps {
		ps = append(ps, plain(p.Inner))
	}
	state, _ := actors.state(slug, name)
	us := actors.unitedStates()
	e := event.Event{
		ID:          recordID("countries/"+slug, rec),
		Kind:        kind,
		Title:       fmt.Sprintf("%s: %s", name, strings.TrimSuffix(head, ".")),
		Description: strings.Join(ps, "\n\n"),
		Date:        date,
		Status:      event.Occurred,
		Tags:        append([]string{"historian:rdcr"}, tags...),
		Sources: []event.Source{{
			Publisher: publisher,
			URL:       site + "/countries/" + slug,
			Title:     "A Guide to the United States' History of Recognition, Diplomatic, and Consular Relations, by Country, since 1776: " + name,
			Lang:      "en",
		}},
	}
	switch kind {
	case event.Recognition:
		e.Participants = []event.Participation{{Actor: us, Role: event.Recognizer}, {Actor: state, Role: event.Recognized}}
		if strings.Contains(strings.ToLower(head), "mutual") {
			e.Participants = append(e.Participants, event.Participation{Actor: state, Role: event.Recognizer}, event.Participation{Actor: us, Role: event.Recognized})
		}
	case event.EmbassyOpened, event.EmbassyClosed:
		e.Participants = []event.Participation{{Actor: us, Role: event.SendingState}, {Actor: state, Role: event.ReceivingState}}
	default:
		e.Participants = []event.Participation{{Actor: us, Role: event.Party}, {Actor: state, Role: event.Party}}
	}
	return e, nil
}

// Package plain holds the data of the peer benchmarks: a timeline's data
// as plain structs of strings and numbers, which every JSON library
// handles by reflection or code generation alone, as it would a program's
// own types.
//
// It is a copy of export/internal/plain, which the benchmarks inside the
// main module use and which this module, being another, cannot import;
// unlike that one it carries every member of the format (discriminator,
// order, alternatives), so that each peer reads the whole of a document.
package plain

import (
	"github.com/accordline/accordline/timeline"
)

// Doc and the types below mirror the JSON document format.
type (
	Doc struct {
		Format      string  `json:"format"`
		Version     int     `json:"version"`
		Title       string  `json:"title"`
		Description string  `json:"description,omitempty"`
		Actors      []Actor `json:"actors,omitempty"`
		Events      []Event `json:"events,omitempty"`
	}
	Actor struct {
		ID       string            `json:"id"`
		Type     string            `json:"type"`
		Name     string            `json:"name"`
		Names    map[string]string `json:"names,omitempty"`
		Aliases  []string          `json:"aliases,omitempty"`
		Country  string            `json:"country,omitempty"`
		Wikidata string            `json:"wikidata,omitempty"`
	}
	Event struct {
		ID            string            `json:"id"`
		Discriminator string            `json:"discriminator,omitempty"`
		Kind          string            `json:"kind"`
		Cameo         string            `json:"cameo,omitempty"`
		Plover        *Plover           `json:"plover,omitempty"`
		Status        string            `json:"status"`
		Title         string            `json:"title"`
		Titles        map[string]string `json:"titles,omitempty"`
		Description   string            `json:"description,omitempty"`
		Date          string            `json:"date,omitempty"`
		DateText      string            `json:"dateText,omitempty"`
		Order         int               `json:"order,omitempty"`
		Place         *Place            `json:"place,omitempty"`
		Participants  []Participant     `json:"participants,omitempty"`
		Instrument    *Instrument       `json:"instrument,omitempty"`
		Sources       []Source          `json:"sources,omitempty"`
		Tags          []string          `json:"tags,omitempty"`
		Links         []Link            `json:"links,omitempty"`
		Alternatives  []Alternative     `json:"alternatives,omitempty"`
	}
	Plover struct {
		Type string `json:"type"`
		Mode string `json:"mode,omitempty"`
	}
	Place struct {
		Name        string       `json:"name,omitempty"`
		Venue       string       `json:"venue,omitempty"`
		City        string       `json:"city,omitempty"`
		Country     string       `json:"country,omitempty"`
		Coordinates *Coordinates `json:"coordinates,omitempty"`
	}
	Coordinates struct {
		Lat float64 `json:"lat"`
		Lon float64 `json:"lon"`
	}
	Participant struct {
		Actor    string `json:"actor"`
		Role     string `json:"role"`
		Capacity string `json:"capacity,omitempty"`
	}
	Instrument struct {
		ID    string            `json:"id"`
		Name  string            `json:"name"`
		Names map[string]string `json:"names,omitempty"`
	}
	Source struct {
		Publisher string  `json:"publisher,omitempty"`
		URL       string  `json:"url,omitempty"`
		Title     string  `json:"title,omitempty"`
		Lang      string  `json:"lang,omitempty"`
		Published string  `json:"published,omitempty"`
		Quotes    []Quote `json:"quotes,omitempty"`
	}
	Quote struct {
		Text            string `json:"text"`
		Lang            string `json:"lang,omitempty"`
		Speaker         string `json:"speaker,omitempty"`
		Translation     string `json:"translation,omitempty"`
		TranslationLang string `json:"translationLang,omitempty"`
	}
	Link struct {
		Type   string `json:"type"`
		Target string `json:"target"`
	}
	Alternative struct {
		Field  string `json:"field"`
		Actor  string `json:"actor,omitempty"`
		Role   string `json:"role,omitempty"`
		Value  string `json:"value"`
		Source string `json:"source,omitempty"`
	}
)

// From converts a timeline to plain structs.
func From(tl *timeline.Timeline) Doc {
	doc := Doc{Format: "accordline/timeline", Version: 1, Title: tl.Title(), Description: tl.Description()}
	for a := range tl.Actors() {
		doc.Actors = append(doc.Actors, Actor{string(a.ID), a.Type.String(), a.Name, a.Names, a.Aliases, a.Country, a.Wikidata})
	}
	for e := range tl.All() {
		p := Event{ID: e.ID.String(), Discriminator: e.Discriminator, Order: e.Order, Kind: e.Kind.String(), Cameo: e.Kind.CAMEO(), Status: e.Status.String(),
			Title: e.Title, Titles: e.Titles, Description: e.Description, Date: e.Date.String(), DateText: e.DateText, Tags: e.Tags}
		if t, m := e.Kind.PLOVER(); t != "" {
			p.Plover = &Plover{t, m}
		}
		if !e.Place.IsZero() {
			p.Place = &Place{Name: e.Place.Name, Venue: e.Place.Venue, City: e.Place.City, Country: e.Place.Country}
			if c := e.Place.Coordinates; c != nil {
				p.Place.Coordinates = &Coordinates{c.Lat, c.Lon}
			}
		}
		for _, q := range e.Participants {
			p.Participants = append(p.Participants, Participant{string(q.Actor), q.Role.String(), q.Capacity})
		}
		if !e.Instrument.IsZero() {
			p.Instrument = &Instrument{e.Instrument.ID, e.Instrument.Name, e.Instrument.Names}
		}
		for _, s := range e.Sources {
			ps := Source{s.Publisher, s.URL, s.Title, s.Lang, s.Published.String(), nil}
			for _, q := range s.Quotes {
				ps.Quotes = append(ps.Quotes, Quote{q.Text, q.Lang, string(q.Speaker), q.Translation, q.TranslationLang})
			}
			p.Sources = append(p.Sources, ps)
		}
		for _, l := range e.Links {
			p.Links = append(p.Links, Link{l.Type.String(), l.Target.String()})
		}
		for _, a := range e.Alternatives {
			pa := Alternative{Field: a.Field, Actor: string(a.Actor), Value: a.Value, Source: a.Source}
			if a.Role != 0 {
				pa.Role = a.Role.String()
			}
			p.Alternatives = append(p.Alternatives, pa)
		}
		doc.Events = append(doc.Events, p)
	}
	return doc
}

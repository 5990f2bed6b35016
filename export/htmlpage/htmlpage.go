// Package htmlpage writes timelines as one self-contained HTML5 page, in
// the manner of a newsroom timeline, and as an SVG picture of the actors'
// lanes over time.
//
// [Encode] writes the page: a header with the title and description, a
// legend of the kind categories (each with a colour and a text label, so
// colour is never the only cue), the SVG overview inline, and then the
// events under a heading per year and one per day. An event that falls on
// one day goes under that day's heading ("Thursday, 6 November 2025");
// other events get a heading with the readable date and the date as the
// source words it ("From 6 November 2025 — soon"). Events without a date
// come last, under "Undated". Each event is an <article> with its kind,
// title, status (planned and announced events have a dashed border and a
// badge), the date as written with a <time> element where it is a day,
// participants, place, instrument, description, quotes with their
// language, and sources as links where their URL is http or https.
//
// [EncodeSVG] writes the picture alone: one lane per actor, or per state
// with [Options.Lanes] "state", limited to the [Options.MaxLanes] busiest
// lanes; a year axis fitted to the bounded dates; each event a mark on the
// lanes of its participants, joined by a vertical line when it has several.
// Imprecise dates are spans; open or unknown ends run to the edge of the
// plot and fade out. Planned and announced events are hollow.
//
// Both use html/template, so all text is escaped by the template engine,
// and the page has no external assets and no scripts. The output is
// deterministic: the same timeline and options give the same bytes.
package htmlpage

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/internal/when"
	"github.com/accordline/accordline/timeline"
)

// Options control the output. The zero value gives the defaults.
type Options struct {
	// Lang is the language of the page, for the lang attribute of <html>;
	// "en" when empty.
	Lang string
	// Lanes says what a lane of the SVG stands for: "actor" (the default)
	// for each actor, or "state" for each country, persons and bodies
	// counting for theirs via their Country.
	Lanes string
	// MaxLanes limits the SVG to the lanes with the most events; 30 when
	// zero or negative.
	MaxLanes int
	// Width is the width of the SVG in pixels; 960 when zero or less than
	// 400.
	Width int
}

func (o Options) normalize() Options {
	if o.Lang == "" || !event.ValidLanguage(o.Lang) {
		o.Lang = "en"
	}
	if o.Lanes != "state" {
		o.Lanes = "actor"
	}
	if o.MaxLanes <= 0 {
		o.MaxLanes = 30
	}
	if o.Width < 400 {
		o.Width = 960
	}
	return o
}

// categories of the legend, in order, with their colours. The colours
// all reach a contrast of at least 4.5:1 with white.
var categories = []struct {
	cat    event.Category
	label  string
	colour string
}{
	{event.CategoryTreaty, "Treaty", "#1f4e9c"},
	{event.CategoryContact, "Contact", "#1b6e35"},
	{event.CategoryCommunication, "Communication", "#8a4b00"},
	{event.CategoryRelations, "Relations", "#8e2a6b"},
}

const otherColour = "#555555"

func catInfo(c event.Category) (class, label, colour string) {
	for _, x := range categories {
		if x.cat == c {
			return x.cat.String(), x.label, x.colour
		}
	}
	return "other", "Other", otherColour
}

type page struct {
	Lang        string
	Title       string
	Description []string
	Legend      []legendItem
	SVG         *svgView
	Detail      *svgView // the crowded period of SVG, when there is one
	Years       []yearView
	Count       int
}

type legendItem struct {
	Class, Label, Kinds string
}

type yearView struct {
	ID, Label string
	Months    []monthView
}

// A monthView holds the sections of one month, or of the dates of a year
// that no single month holds.
type monthView struct {
	Label    string
	Sections []sectionView
}

type sectionView struct {
	Heading, Datetime string
	Events            []eventView
}

type eventView struct {
	ID, Title, Kind, Category, CatLabel string
	Status, StatusLabel                 string
	Prospective                         bool
	DateText, Readable, Datetime, EDTF  string
	Participants                        []partView
	Place, Instrument                   string
	Description                         []string
	Tags                                string
	Sources                             []sourceView
}

type partView struct{ Name, Role, Capacity string }

type sourceView struct {
	Label, URL, Lang, Published string
	Quotes                      []quoteView
}

type quoteView struct {
	Text, Lang, Translation, TranslationLang, Attribution string
}

// Encode writes tl to w as a self-contained HTML page. It returns the
// first error writing to w.
func Encode(w io.Writer, tl *timeline.Timeline, opts Options) error {
	opts = opts.normalize()
	p := page{Lang: opts.Lang, Title: tl.Title(), Description: paragraphs(tl.Description())}
	if p.Title == "" {
		p.Title = "Timeline"
	}
	for _, c := range categories {
		var names []string
		for _, k := range event.Kinds() {
			if k.Category() == c.cat {
				names = append(names, k.Name())
			}
		}
		p.Legend = append(p.Legend, legendItem{Class: c.cat.String(), Label: c.label, Kinds: strings.Join(names, ", ")})
	}
	p.SVG = layout(tl, opts, nil)
	if w, ok := detailWindow(tl); ok {
		p.Detail = layout(tl, opts, w)
	}
	p.Years, p.Count = sections(tl)
	bw := bufio.NewWriter(w)
	if err := pageTemplate.ExecuteTemplate(bw, "page", p); err != nil {
		return fmt.Errorf("htmlpage: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("htmlpage: %w", err)
	}
	return nil
}

// EncodeSVG writes the lanes picture of tl to w as a standalone SVG
// document. It returns the first error writing to w.
func EncodeSVG(w io.Writer, tl *timeline.Timeline, opts Options) error {
	opts = opts.normalize()
	bw := bufio.NewWriter(w)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if err := pageTemplate.ExecuteTemplate(bw, "svg", layout(tl, opts, nil)); err != nil {
		return fmt.Errorf("htmlpage: %w", err)
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("htmlpage: %w", err)
	}
	return nil
}

// sections groups the events by year and by day or date heading; it
// returns the groups and the number of events.
func sections(tl *timeline.Timeline) ([]yearView, int) {
	var years []yearView
	names := make(map[event.ActorID]string)
	n := 0
	for _, g := range tl.Group(timeline.Query{}, timeline.ByDay) {
		for _, e := range g.Events {
			n++
			y, m, h, dt := headings(e)
			if len(years) == 0 || years[len(years)-1].Label != y {
				id := "y-" + y
				if y == "Undated" {
					id = "undated"
				}
				years = append(years, yearView{ID: strings.ReplaceAll(id, " ", "-"), Label: y})
			}
			yv := &years[len(years)-1]
			if len(yv.Months) == 0 || yv.Months[len(yv.Months)-1].Label != m {
				yv.Months = append(yv.Months, monthView{Label: m})
			}
			mv := &yv.Months[len(yv.Months)-1]
			if len(mv.Sections) == 0 || mv.Sections[len(mv.Sections)-1].Heading != h {
				mv.Sections = append(mv.Sections, sectionView{Heading: h, Datetime: dt})
			}
			s := &mv.Sections[len(mv.Sections)-1]
			s.Events = append(s.Events, eventOf(tl, names, e))
		}
	}
	return years, n
}

// headings returns the year and month headings of e, its day or date
// heading, and the datetime of a day heading. Events that no single month
// holds go under a month heading of their own.
func headings(e *event.Event) (year, month, section, datetime string) {
	d := e.Date
	if d.IsZero() || d.StartBound() != event.BoundKnown && d.EndBound() != event.BoundKnown {
		return "Undated", "Without a known date", heading(d, e.DateText), ""
	}
	lo, hi := d.Earliest(), d.Latest()
	if d.StartBound() != event.BoundKnown {
		lo = hi
	}
	year = when.Year(lo.Year())
	month = "Over more than a month"
	if d.Bounded() && lo.Year() == hi.Year() && lo.Month() == hi.Month() {
		month = lo.Month().String() + " " + year
	}
	if d.Bounded() && lo == hi && d.Precision() >= event.PrecisionDay {
		return year, month, lo.Weekday().String() + ", " + when.Day(lo), isoDay(e.Date)
	}
	return year, month, heading(d, e.DateText), ""
}

// heading renders a date heading: the readable date and the date as the
// source words it, "From 6 November 2025 — soon".
func heading(d event.Date, text string) string {
	r := when.Readable(d)
	switch {
	case r == "" && text == "":
		return "Date unknown"
	case r == "":
		return text
	case text == "" || strings.EqualFold(text, r):
		return r
	}
	return r + " — " + text
}

// isoDay returns "YYYY-MM-DD" if d is one known day, else "".
func isoDay(d event.Date) string {
	lo := d.Earliest()
	if !d.Bounded() || lo != d.Latest() || d.Precision() < event.PrecisionDay || lo.Year() < 1 || lo.Year() > 9999 {
		return ""
	}
	return lo.Format("2006-01-02")
}

func actorName(tl *timeline.Timeline, cache map[event.ActorID]string, id event.ActorID) string {
	if n, ok := cache[id]; ok {
		return n
	}
	n := string(id)
	if a, ok := tl.Actor(id); ok && a.Name != "" {
		n = a.Name
	}
	cache[id] = n
	return n
}

var statusLabels = map[event.Status]string{
	event.Planned: "Planned", event.Announced: "Announced", event.Occurred: "Occurred",
	event.Cancelled: "Cancelled", event.Postponed: "Postponed",
}

func statusLabel(s event.Status) string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return s.String()
}

func eventOf(tl *timeline.Timeline, names map[event.ActorID]string, e *event.Event) eventView {
	class, label, _ := catInfo(e.Kind.Category())
	v := eventView{
		ID:          "e-" + e.ID.String(),
		Title:       e.Title,
		Kind:        e.Kind.Name(),
		Category:    class,
		CatLabel:    label,
		Status:      e.Status.String(),
		StatusLabel: statusLabel(e.Status),
		Prospective: e.Status != event.Occurred,
		DateText:    e.DateText,
		Readable:    when.Readable(e.Date),
		Datetime:    isoDay(e.Date),
		EDTF:        e.Date.String(),
		Instrument:  e.Instrument.Name,
		Description: paragraphs(e.Description),
		Tags:        strings.Join(e.Tags, ", "),
	}
	if strings.EqualFold(v.DateText, v.Readable) {
		v.DateText = ""
	}
	for _, p := range e.Participants {
		v.Participants = append(v.Participants, partView{Name: actorName(tl, names, p.Actor), Role: p.Role.Name(), Capacity: p.Capacity})
	}
	var place []string
	for _, s := range []string{e.Place.Venue, e.Place.Name, e.Place.City, e.Place.Country} {
		if s != "" {
			place = append(place, s)
		}
	}
	v.Place = strings.Join(place, ", ")
	for _, src := range e.Sources {
		sv := sourceView{Label: sourceLabel(src), URL: httpURL(src.URL), Lang: src.Lang, Published: when.Readable(src.Published)}
		if sv.Label == "" {
			sv.Label = src.URL
		}
		for _, q := range src.Quotes {
			qv := quoteView{Text: q.Text, Lang: q.Lang, Translation: q.Translation, TranslationLang: q.TranslationLang}
			if qv.Lang == "" {
				qv.Lang = src.Lang
			}
			var by []string
			if q.Speaker != "" {
				by = append(by, actorName(tl, names, q.Speaker))
			}
			if src.Publisher != "" {
				by = append(by, src.Publisher)
			}
			qv.Attribution = strings.Join(by, ", ")
			sv.Quotes = append(sv.Quotes, qv)
		}
		v.Sources = append(v.Sources, sv)
	}
	return v
}

func sourceLabel(src event.Source) string {
	label := src.Publisher
	if src.Title != "" {
		if label != "" {
			label += ": "
		}
		label += src.Title
	}
	return label
}

// httpURL returns s if it is an absolute http or https URL, else "".
func httpURL(s string) string {
	u, err := url.Parse(s)
	if s == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// paragraphs splits s into its non-empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

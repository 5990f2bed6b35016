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
// with [Options.Lanes] [LanesByState], limited to the [Options.MaxLanes]
// busiest lanes; a year axis fitted to the bounded dates; each event a mark on the
// lanes of its participants, joined by a vertical line when it has several.
// Imprecise dates are spans; open or unknown ends run to the edge of the
// plot and fade out. Planned and announced events are hollow.
//
// Both use html/template, so all text is escaped by the template engine,
// and the page has no external assets and no scripts. Characters that XML
// 1.0 or HTML cannot carry are dropped from the output: control characters
// other than tab and line breaks, bytes that are not UTF-8, and the
// noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the like), so the
// SVG is well-formed and the page parses without error whatever the
// text; the report says when it dropped any. html/template writes NUL as
// U+FFFD. The output is deterministic: the same timeline and options give
// the same bytes.
package htmlpage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/words"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// Lanes says what a lane of the SVG stands for.
type Lanes uint8

// The lanes.
const (
	LanesByActor Lanes = iota // a lane for each actor
	LanesByState              // a lane for each country; persons and bodies count for theirs
)

var lanesWords = words.List{"actor", "state"}

// String returns the word for l: "actor" or "state".
func (l Lanes) String() string { return lanesWords.Format("Lanes", int(l)) }

// MarshalText implements [encoding.TextMarshaler].
func (l Lanes) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], so that the lanes
// can be a flag ([flag.TextVar]).
func (l *Lanes) UnmarshalText(text []byte) error {
	i, err := lanesWords.Parse(ErrOptions, "lanes", text)
	*l = Lanes(i)
	return err
}

// ErrOptions is the reason Encode and EncodeSVG refuse options.
var ErrOptions = errors.New("htmlpage: invalid option")

// Options control the output. A nil or zero Options gives the defaults.
type Options struct {
	// Lang is the language of the page, a BCP 47 tag for the lang
	// attribute of <html>; "en" when empty.
	Lang string
	// Lanes says what a lane of the SVG stands for; by default an actor.
	Lanes Lanes
	// MaxLanes limits the SVG to the lanes with the most events; 30 when
	// zero.
	MaxLanes int
	// Width is the width of the SVG in pixels, at least 400; 960 when
	// zero.
	Width int
}

// normalize checks the options as data and fills in the defaults.
func normalize(opts *Options) (Options, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var errs event.ErrorList
	bad := func(field, value, why string) {
		errs = append(errs, &event.FieldError{Path: field, Value: value, Err: fmt.Errorf("%w: %s", ErrOptions, why)})
	}
	switch {
	case o.Lang == "":
		o.Lang = "en"
	case !event.ValidLanguage(o.Lang):
		bad("Lang", o.Lang, "not a valid BCP 47 language tag")
	}
	if o.Lanes > LanesByState {
		bad("Lanes", o.Lanes.String(), "unknown lanes")
	}
	switch {
	case o.MaxLanes == 0:
		o.MaxLanes = 30
	case o.MaxLanes < 0:
		bad("MaxLanes", strconv.Itoa(o.MaxLanes), "negative")
	}
	switch {
	case o.Width == 0:
		o.Width = 960
	case o.Width < 400:
		bad("Width", strconv.Itoa(o.Width), "less than 400 pixels")
	}
	return o, errs.Err()
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

// Encode writes tl to w as a self-contained HTML page. It returns a report
// of what it dropped, and the first error writing to w. Invalid options are
// an [event.ErrorList] wrapping [ErrOptions], and nothing is written.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	o, err := normalize(opts)
	if err != nil {
		return rep, err
	}
	title, desc := present.CleanTimeline(tl, &rep)
	p := page{Lang: o.Lang, Title: title, Description: present.Paragraphs(desc)}
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
	p.SVG = layout(tl, o, nil)
	if w, ok := detailWindow(tl); ok {
		p.Detail = layout(tl, o, w)
	}
	p.Years, p.Count = sections(tl)
	rep.Events = p.Count
	bw := bufio.NewWriter(w)
	cw := &charWriter{w: bw}
	if err := pageTemplate.ExecuteTemplate(cw, "page", p); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	cw.note(&rep)
	return rep, nil
}

// EncodeSVG writes the lanes picture of tl to w as a standalone SVG
// document. It returns a report of the events it left out of the picture,
// those of lanes beyond [Options.MaxLanes], and the first error writing to
// w.
func EncodeSVG(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	o, err := normalize(opts)
	if err != nil {
		return rep, err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	v := layout(tl, o, nil)
	rep.Events = v.Shown
	if v.Hidden > 0 {
		rep.Add(export.Note{Action: export.Skipped, Field: "lanes", Reason: v.Caption})
	}
	cw := &charWriter{w: bw}
	if err := pageTemplate.ExecuteTemplate(cw, "svg", v); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	cw.note(&rep)
	return rep, nil
}

// sections groups the events by year, month and day or date heading; it
// returns the groups and the number of events.
func sections(tl *timeline.Timeline) ([]yearView, int) {
	var years []yearView
	names := present.NewNames(tl)
	n := 0
	for e := range tl.All() {
		n++
		sec := present.SectionOf(e.Date, e.DateText)
		if len(years) == 0 || years[len(years)-1].Label != sec.Year {
			id := "y-" + sec.Year
			if sec.Year == "Undated" {
				id = "undated"
			}
			years = append(years, yearView{ID: strings.ReplaceAll(id, " ", "-"), Label: sec.Year})
		}
		yv := &years[len(years)-1]
		if len(yv.Months) == 0 || yv.Months[len(yv.Months)-1].Label != sec.Month {
			yv.Months = append(yv.Months, monthView{Label: sec.Month})
		}
		mv := &yv.Months[len(yv.Months)-1]
		if len(mv.Sections) == 0 || mv.Sections[len(mv.Sections)-1].Heading != sec.Heading {
			mv.Sections = append(mv.Sections, sectionView{Heading: sec.Heading, Datetime: isoDay(e.Date)})
		}
		s := &mv.Sections[len(mv.Sections)-1]
		s.Events = append(s.Events, eventOf(names, &e))
	}
	return years, n
}

// isoDay returns "YYYY-MM-DD" if d is one known day that a <time> element
// can hold, else "".
func isoDay(d event.Date) string {
	day, ok := present.OneDay(d)
	if !ok || day.Year() < 1 || day.Year() > 9999 {
		return ""
	}
	return day.String()
}

func eventOf(names *present.Names, e *event.Event) eventView {
	class, label, _ := catInfo(e.Kind.Category())
	v := eventView{
		ID:          "e-" + e.ID.String(),
		Title:       e.Title,
		Kind:        e.Kind.Name(),
		Category:    class,
		CatLabel:    label,
		Status:      e.Status.String(),
		StatusLabel: present.Status(e.Status),
		Prospective: e.Status != event.Occurred,
		DateText:    e.DateText,
		Readable:    present.Date(e.Date),
		Datetime:    isoDay(e.Date),
		EDTF:        e.Date.String(),
		Instrument:  e.Instrument.Name,
		Description: present.Paragraphs(e.Description),
		Tags:        strings.Join(e.Tags, ", "),
		Place:       present.Place(e.Place),
	}
	if strings.EqualFold(v.DateText, v.Readable) {
		v.DateText = ""
	}
	for _, p := range e.Participants {
		v.Participants = append(v.Participants, partView{Name: names.Name(p.Actor, e.Date), Role: p.Role.Name(), Capacity: p.Capacity})
	}
	for _, src := range e.Sources {
		sv := sourceView{Label: present.SourceLabel(src), Lang: src.Lang, Published: present.Date(src.Published)}
		if event.ValidURL(src.URL) {
			sv.URL = src.URL
		}
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
				by = append(by, names.Name(q.Speaker, e.Date))
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

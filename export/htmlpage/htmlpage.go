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
// participants by their names of the event's time, with today's beside
// them where they differ ([present.Names.Label]), place, instrument,
// description, quotes with their language, and sources as links where
// their URL is http or https.
//
// [EncodeSVG] writes the picture alone: one lane per actor, or per state
// with [Options.Lanes] [LanesByState], limited to the [Options.MaxLanes]
// busiest lanes; a year axis fitted to the bounded dates; each event a mark on the
// lanes of its participants, joined by a vertical line when it has several.
// Imprecise dates are spans; open or unknown ends run to the edge of the
// plot and fade out. Planned and announced events are hollow. Lanes are
// keyed by actor ID or country code, so that a renamed actor keeps one
// lane; a lane is labelled with the name of the time of its first event.
//
// Escaping is guaranteed by construction: the markup is constants, and
// the writer has no method that writes text from the timeline as it is,
// only one per context (element text, attribute value in double quotes,
// http or https link) that escapes for it. The page has no external
// assets and no scripts. Characters that XML 1.0 or HTML cannot carry are
// dropped from the output: control characters other than tab and line
// breaks, bytes that are not UTF-8, and the noncharacters (U+FFFE, U+FFFF,
// U+FDD0 to U+FDEF and the like), so the SVG is well-formed and the page
// parses without error whatever the text; the report says when it dropped
// any. The output is deterministic: the same timeline and options give the
// same bytes.
package htmlpage

import (
	"errors"
	"fmt"
	"io"
	"strconv"

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
	if title == "" {
		title = "Timeline"
	}
	// The page reads the events twice, to lay out the pictures and then
	// to list them, from one snapshot, so that both see the same events.
	evs := tl.Snapshot(timeline.Query{})
	n := evs.Len()
	names := present.NewNames(tl)
	lanes := gather(evs.Shared(), n, names, states(tl, o.Lanes), o)
	pw := newWriter(w)
	writeHead(pw, o.Lang, title, present.Paragraphs(desc))
	writeLegend(pw)
	pw.m("<main>\n<h2>Overview</h2>\n")
	writeFigure(pw, layout(lanes, tl.Title(), o, nil))
	if win, ok := detailWindow(lanes.dated); ok {
		writeFigure(pw, layout(lanes, tl.Title(), o, win))
	}
	pw.m("\n")
	writeEvents(pw, lanes, evs.Shared())
	pw.m("</main>\n<footer>\n<p>")
	pw.int(n)
	pw.m(" events.</p>\n</footer>\n</body>\n</html>\n")
	rep.Events = n
	if err := pw.flush(); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	pw.noteDropped(&rep)
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
	v := layout(gather(tl.Shared(timeline.Query{}), tl.Len(), present.NewNames(tl), states(tl, o.Lanes), o), tl.Title(), o, nil)
	rep.Events = v.shown
	if v.hidden > 0 {
		rep.Add(export.Note{Action: export.Skipped, Field: "lanes", Reason: v.caption})
	}
	pw := newWriter(w)
	pw.m(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	drawSVG(pw, v)
	pw.m("\n")
	if err := pw.flush(); err != nil {
		return rep, fmt.Errorf("htmlpage: %w", err)
	}
	pw.noteDropped(&rep)
	return rep, nil
}

// states returns the state of each country that tl has one of, by country
// code, when the lanes are states' (lanes), and nil otherwise.
func states(tl *timeline.Timeline, lanes Lanes) map[string]event.ActorID {
	if lanes != LanesByState {
		return nil
	}
	s := make(map[string]event.ActorID)
	for a := range tl.EachActor() {
		if a.Type == event.State && a.Country != "" {
			s[a.Country] = a.ID
		}
	}
	return s
}

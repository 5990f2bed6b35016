package timelinejs

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/words"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// GroupBy chooses the row, shown as a label, that TimelineJS puts each
// slide in.
type GroupBy uint8

// The groupings of [Options.GroupBy].
const (
	GroupByKind  GroupBy = iota // the display name of the event's kind: "Phone call"
	GroupByActor                // today's name of the event's first participant, so that one actor is one group
	GroupByNone                 // no groups
)

var groupByWords = words.List{"kind", "actor", "none"}

// String returns the word for g: "kind", "actor" or "none".
func (g GroupBy) String() string { return groupByWords.Format("GroupBy", int(g)) }

// MarshalText implements [encoding.TextMarshaler].
func (g GroupBy) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], so that a grouping
// can be a flag ([flag.TextVar]).
func (g *GroupBy) UnmarshalText(text []byte) error {
	i, err := groupByWords.Parse(ErrGroupBy, "grouping", text)
	*g = GroupBy(i)
	return err
}

// ErrGroupBy is returned, wrapped, for an [Options.GroupBy] that is not
// one of the known groupings.
var ErrGroupBy = errors.New("timelinejs: unknown grouping")

// Options control [Encode]. A nil or zero Options groups by kind, without
// colors.
type Options struct {
	// GroupBy is the grouping of the slides.
	GroupBy GroupBy
	// Colors gives each slide a light background color after its kind's
	// category (treaty, contact, communication, relations).
	Colors bool
}

// document is the top level of a TimelineJS3 JSON file.
type document struct {
	Title  *slideJSON  `json:"title,omitempty"`
	Events []slideJSON `json:"events"`
}

// slideJSON is one TimelineJS slide: the title slide or an event.
type slideJSON struct {
	StartDate   *dateJSON   `json:"start_date,omitempty"`
	EndDate     *dateJSON   `json:"end_date,omitempty"`
	DisplayDate string      `json:"display_date,omitempty"`
	Text        textJSON    `json:"text"`
	Group       string      `json:"group,omitempty"`
	Background  *background `json:"background,omitempty"`
	UniqueID    string      `json:"unique_id,omitempty"`
}

// textJSON is the headline and the HTML text of a slide.
type textJSON struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// background is the background of a slide.
type background struct {
	Color string `json:"color"`
}

// categoryColors are light, so that the dark text TimelineJS writes on
// them stays readable.
var categoryColors = map[event.Category]string{
	event.CategoryTreaty:        "#e3ecf7",
	event.CategoryContact:       "#e6f4e6",
	event.CategoryCommunication: "#fbf1dc",
	event.CategoryRelations:     "#f3e5f1",
}

// Encode writes tl to w as a TimelineJS3 JSON document, indented by two
// spaces and ending in a newline. Events without a date are left out and
// noted in the report, which is returned also when writing fails.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	var rep export.Report
	var o Options
	if opts != nil {
		o = *opts
	}
	doc, err := build(tl, o, &rep)
	if err != nil {
		return rep, err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return rep, fmt.Errorf("timelinejs: %w", err)
	}
	return rep, nil
}

// build returns the TimelineJS3 document of tl, as [Encode] writes it,
// noting in rep the events it leaves out.
func build(tl *timeline.Timeline, opts Options, rep *export.Report) (*document, error) {
	if opts.GroupBy > GroupByNone {
		return nil, fmt.Errorf("%w %s", ErrGroupBy, opts.GroupBy)
	}
	doc := &document{Events: []slideJSON{}}
	if title, desc := tl.Title(), tl.Description(); title != "" || desc != "" {
		doc.Title = &slideJSON{Text: textJSON{Headline: html.EscapeString(title), Text: paragraphs(desc)}}
	}
	names := present.NewNames(tl)
	for e := range tl.Shared(timeline.Query{}) {
		s, ok := slide(names, e, opts)
		if !ok {
			rep.Add(export.Note{Action: export.Skipped, ID: e.ID, Title: e.Title, Date: e.Date.String(),
				Reason: "no known date: a slide needs one"})
			continue
		}
		rep.Events++
		doc.Events = append(doc.Events, s)
	}
	return doc, nil
}

func slide(names *present.Names, e *event.Event, opts Options) (slideJSON, bool) {
	start, end, ok := placement(e.Date)
	if !ok {
		return slideJSON{}, false
	}
	disp := html.EscapeString(displayDate(e))
	start.DisplayDate = disp
	if end != nil {
		end.DisplayDate = html.EscapeString(end.DisplayDate)
	}
	s := slideJSON{
		StartDate:   &start,
		EndDate:     end,
		DisplayDate: disp,
		Text:        textJSON{Headline: html.EscapeString(e.Title), Text: body(names, e)},
		UniqueID:    e.ID.String(),
	}
	switch opts.GroupBy {
	case GroupByKind:
		s.Group = html.EscapeString(e.Kind.Name())
	case GroupByActor:
		if len(e.Participants) > 0 {
			s.Group = html.EscapeString(names.Name(e.Participants[0].Actor, event.Date{})) // one group an actor, by its name of today
		}
	}
	if c, ok := categoryColors[e.Kind.Category()]; ok && opts.Colors {
		s.Background = &background{Color: c}
	}
	return s, true
}

// paragraphs escapes s and writes each of its lines as a paragraph.
func paragraphs(s string) string {
	var b strings.Builder
	for _, line := range present.Paragraphs(s) {
		b.WriteString("<p>" + html.EscapeString(line) + "</p>")
	}
	return b.String()
}

// inline escapes s for use within one HTML element, line breaks as <br>.
func inline(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// body is the HTML text of e's slide: its description, participants with
// their roles, quotes and sources.
func body(names *present.Names, e *event.Event) string {
	var b strings.Builder
	b.WriteString(paragraphs(e.Description))
	if len(e.Participants) > 0 {
		b.WriteString("<p><strong>Participants:</strong> ")
		for i, p := range e.Participants {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(inline(names.Label(p.Actor, e.Date)) + " (" + html.EscapeString(strings.ToLower(p.Role.Name())))
			if p.Capacity != "" {
				b.WriteString(", " + inline(p.Capacity))
			}
			b.WriteString(")")
		}
		b.WriteString("</p>")
	}
	for _, src := range e.Sources {
		for _, q := range src.Quotes {
			lang := q.Lang
			if lang == "" {
				lang = src.Lang
			}
			b.WriteString("<blockquote")
			if lang != "" {
				b.WriteString(` lang="` + html.EscapeString(lang) + `"`)
			}
			b.WriteString("><p>" + inline(q.Text) + "</p>")
			if q.Translation != "" {
				b.WriteString("<p")
				if q.TranslationLang != "" {
					b.WriteString(` lang="` + html.EscapeString(q.TranslationLang) + `"`)
				}
				b.WriteString("><em>" + inline(q.Translation) + "</em></p>")
			}
			var by []string
			if q.Speaker != "" {
				by = append(by, inline(names.Name(q.Speaker, e.Date)))
			}
			if src.Publisher != "" {
				by = append(by, inline(src.Publisher))
			}
			if len(by) > 0 {
				b.WriteString("<footer>— " + strings.Join(by, ", ") + "</footer>")
			}
			b.WriteString("</blockquote>")
		}
	}
	var links []string
	for _, src := range e.Sources {
		if link := sourceLink(src); link != "" {
			links = append(links, link)
		}
	}
	if len(links) > 0 {
		b.WriteString("<p><strong>Sources:</strong> " + strings.Join(links, "; ") + "</p>")
	}
	return b.String()
}

// sourceLink links a source with an http or https URL; others give "".
func sourceLink(src event.Source) string {
	if !event.ValidURL(src.URL) {
		return ""
	}
	return `<a href="` + html.EscapeString(src.URL) + `">` + inline(present.SourceLabel(src)) + "</a>"
}

package timelinejs

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// GroupBy chooses the row, shown as a label, that TimelineJS puts each
// slide in.
type GroupBy string

// The groupings of [Options.GroupBy].
const (
	GroupByKind  GroupBy = "kind"  // the display name of the event's kind: "Phone call"
	GroupByActor GroupBy = "actor" // the name of the event's first participant
	GroupByNone  GroupBy = "none"  // no groups
)

// ErrGroupBy is returned, wrapped, for an [Options.GroupBy] that is not
// one of the known groupings.
var ErrGroupBy = errors.New("timelinejs: unknown grouping")

// Options control [Encode]. The zero Options group by kind, without
// colors.
type Options struct {
	// GroupBy is the grouping of the slides; "" means [GroupByKind].
	GroupBy GroupBy
	// Colors gives each slide a light background color after its kind's
	// category (treaty, contact, communication, relations).
	Colors bool
}

// Report tells what [Encode] left out.
type Report struct {
	// Skipped lists, in timeline order, the IDs of the events without a
	// date, which cannot be placed on a timeline.
	Skipped []uuid.UUID
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
// listed in the report, which is returned also when writing fails.
func Encode(w io.Writer, tl *timeline.Timeline, opts Options) (Report, error) {
	var rep Report
	doc, err := build(tl, opts, &rep)
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

// build returns the TimelineJS3 document of tl, as [Encode] writes it. It
// adds the IDs of the events it leaves out to rep, if rep is not nil.
func build(tl *timeline.Timeline, opts Options, rep *Report) (*document, error) {
	switch opts.GroupBy {
	case "", GroupByKind, GroupByActor, GroupByNone:
	default:
		return nil, fmt.Errorf("%w %q", ErrGroupBy, string(opts.GroupBy))
	}
	doc := &document{Events: []slideJSON{}}
	if title, desc := tl.Title(), tl.Description(); title != "" || desc != "" {
		doc.Title = &slideJSON{Text: textJSON{Headline: html.EscapeString(title), Text: paragraphs(desc)}}
	}
	for e := range tl.All() {
		s, ok := slide(tl, e, opts)
		if !ok {
			if rep != nil {
				rep.Skipped = append(rep.Skipped, e.ID)
			}
			continue
		}
		doc.Events = append(doc.Events, s)
	}
	return doc, nil
}

func slide(tl *timeline.Timeline, e *event.Event, opts Options) (slideJSON, bool) {
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
		Text:        textJSON{Headline: html.EscapeString(e.Title), Text: body(tl, e)},
		UniqueID:    e.ID.String(),
	}
	switch opts.GroupBy {
	case "", GroupByKind:
		s.Group = html.EscapeString(e.Kind.Name())
	case GroupByActor:
		if len(e.Participants) > 0 {
			s.Group = html.EscapeString(actorName(tl, e.Participants[0].Actor))
		}
	}
	if c, ok := categoryColors[e.Kind.Category()]; ok && opts.Colors {
		s.Background = &background{Color: c}
	}
	return s, true
}

func actorName(tl *timeline.Timeline, id event.ActorID) string {
	if a, ok := tl.Actor(id); ok && a.Name != "" {
		return a.Name
	}
	return string(id)
}

// paragraphs escapes s and writes each of its lines as a paragraph.
func paragraphs(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("<p>" + html.EscapeString(line) + "</p>")
		}
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
func body(tl *timeline.Timeline, e *event.Event) string {
	var b strings.Builder
	b.WriteString(paragraphs(e.Description))
	if len(e.Participants) > 0 {
		b.WriteString("<p><strong>Participants:</strong> ")
		for i, p := range e.Participants {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(inline(actorName(tl, p.Actor)) + " (" + html.EscapeString(strings.ToLower(p.Role.Name())))
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
				by = append(by, inline(actorName(tl, q.Speaker)))
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
	u, err := url.Parse(src.URL)
	if src.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	label := src.Publisher
	if src.Title != "" {
		if label != "" {
			label += ": "
		}
		label += src.Title
	}
	if label == "" {
		label = u.Host
	}
	return `<a href="` + html.EscapeString(u.String()) + `">` + inline(label) + "</a>"
}

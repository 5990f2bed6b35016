package htmlpage

import (
	"iter"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// writeHead writes the page up to its legend: the document head with the
// style sheet, and the header with the title and the description's
// paragraphs.
func writeHead(w *writer, lang, title string, desc []string) {
	w.m("<!DOCTYPE html>\n" + `<html lang="`)
	w.attr(lang)
	w.m(`">` + "\n<head>\n" + `<meta charset="utf-8">` + "\n" +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	w.inText("<title>", title, "</title>\n")
	w.m("<style>" + css + "</style>\n</head>\n<body>\n<header>\n")
	w.inText("<h1>", title, "</h1>\n")
	for _, p := range desc {
		w.inText(`<p class="lede">`, p, "</p>\n")
	}
	w.m("</header>\n")
}

// writeLegend writes the legend: each category of kinds with its colour,
// its name and its kinds, and the mark of events that have not occurred,
// in words as well as colours and dashes.
func writeLegend(w *writer) {
	w.m(`<nav class="legend" aria-label="Legend">` + "\n<h2>Legend</h2>\n<ul>\n")
	for _, c := range categories {
		var names []string
		for _, k := range event.Kinds() {
			if k.Category() == c.cat {
				names = append(names, k.Name())
			}
		}
		kinds := strings.Join(names, ", ")
		w.m(`<li class="cat-`)
		w.attr(c.cat.String())
		w.m(`"><span class="swatch" aria-hidden="true"></span><strong>`)
		w.text(c.label)
		w.m(`</strong> <span title="`)
		w.attr(kinds)
		w.m(`">(`)
		w.text(kinds)
		w.m(")</span></li>\n")
	}
	w.m(`<li><span class="swatch hollow" aria-hidden="true"></span><strong>Planned, announced</strong>` +
		" (dashed border and badge; occurred events are solid)</li>\n</ul>\n</nav>\n")
}

// writeFigure writes a picture as a figure of the page.
func writeFigure(w *writer, v *svgView) {
	w.m(`<figure class="chart">` + "\n")
	drawSVG(w, v)
	w.m("\n</figure>\n")
}

// writeEvents writes the events evs, which l gathered, in sections by year, month and
// day, until writing fails.
func writeEvents(w *writer, l *lanesAndEvents, evs iter.Seq[*event.Event]) {
	g := grouper{w: w, names: l.names, labels: l.labels}
	i := 0
	for e := range evs {
		if w.err != nil {
			break
		}
		g.add(e, l.readable[i])
		i++
	}
	g.close()
}

// A grouper writes the sections that hold the events: one for each year,
// in it one for each month (or for the dates no month holds), and in that
// one for each day or date heading. Events come in timeline order, so a
// section ends where the next event's differs.
type grouper struct {
	w      *writer
	names  *present.Names
	labels *labels
	open   bool // whether sections are open
	last   present.Section
	// lastDate and lastWording are the date and wording of the last
	// event, and datetime is its day for a <time> element, so that the
	// events of one date, which come together, share their section.
	lastDate    event.Date
	lastWording string
	datetime    string
}

// add writes e, whose date present.Date renders as readable, opening the
// sections it goes in.
func (g *grouper) add(e *event.Event, readable string) {
	if g.open && e.Date == g.lastDate && e.DateText == g.lastWording {
		g.write(e, readable)
		return
	}
	if day, ok := present.OneDay(e.Date); ok && g.open && g.last.OnDay && sameMonth(day, g.last.Day) {
		// A day of the month open, whose section present.SectionOf
		// would give without the wording: only the day's heading is
		// new, if that.
		g.lastDate, g.lastWording = e.Date, e.DateText
		if day != g.last.Day {
			g.w.m("</section>\n")
			g.datetime = isoDay(e.Date)
			g.last.Day, g.last.Heading = day, present.LongDay(day)
			g.openDay(g.last.Heading, g.datetime)
		}
		g.write(e, readable)
		return
	}
	sec := present.SectionOf(e.Date, e.DateText)
	datetime := isoDay(e.Date)
	g.lastDate, g.lastWording, g.datetime = e.Date, e.DateText, datetime
	switch {
	case !g.open || sec.Year != g.last.Year:
		g.close()
		g.openYear(sec.Year)
		g.openMonth(sec.Month)
		g.openDay(sec.Heading, datetime)
	case sec.Month != g.last.Month:
		g.w.m("</section>\n</section>\n")
		g.openMonth(sec.Month)
		g.openDay(sec.Heading, datetime)
	case sec.Heading != g.last.Heading:
		g.w.m("</section>\n")
		g.openDay(sec.Heading, datetime)
	}
	g.open, g.last = true, sec
	g.write(e, readable)
}

func sameMonth(a, b event.Day) bool {
	ay, am, _ := a.Date()
	by, bm, _ := b.Date()
	return ay == by && am == bm
}

func (g *grouper) write(e *event.Event, readable string) {
	writeEvent(g.w, g.names, e, g.labels.status(e.Status), readable, g.datetime)
	g.w.maybeFlush()
}

// close ends the open sections.
func (g *grouper) close() {
	if g.open {
		g.w.m("</section>\n</section>\n</section>\n")
		g.open = false
	}
}

func (g *grouper) openYear(year string) {
	id := "undated"
	if year != "Undated" {
		id = "y-" + strings.ReplaceAll(year, " ", "-")
	}
	g.w.m(`<section aria-labelledby="`)
	g.w.attr(id)
	g.w.m(`">` + "\n" + `<h2 class="year" id="`)
	g.w.attr(id)
	g.w.m(`">`)
	g.w.text(year)
	g.w.m("</h2>\n")
}

func (g *grouper) openMonth(month string) {
	g.w.inText("<section>\n"+`<h3 class="month">`, month, "</h3>\n")
}

func (g *grouper) openDay(heading, datetime string) {
	g.w.m("<section>\n" + `<h4 class="day">`)
	writeTime(g.w, heading, datetime)
	g.w.m("</h4>\n")
}

// writeTime writes text in a <time> element for datetime, a day, or as it
// is when datetime is "".
func writeTime(w *writer, text, datetime string) {
	if datetime == "" {
		w.text(text)
		return
	}
	w.m(`<time datetime="`)
	w.attr(datetime)
	w.m(`">`)
	w.text(text)
	w.m("</time>")
}

// isoDay returns "YYYY-MM-DD" if d is one known day that a <time> element
// can hold, else "".
func isoDay(d event.Date) string {
	day, ok := present.OneDay(d)
	if !ok || day.Year() < 1 || day.Year() > 9999 {
		return ""
	}
	y, m, dd := day.Date()
	b := [10]byte{'0' + byte(y/1000), '0' + byte(y/100%10), '0' + byte(y/10%10), '0' + byte(y%10), '-',
		'0' + byte(m/10), '0' + byte(m%10), '-', '0' + byte(dd/10), '0' + byte(dd%10)}
	return string(b[:])
}

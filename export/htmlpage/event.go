package htmlpage

import (
	"cmp"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// writeEvent writes e as an <article>, in phases: its kind and status, its
// title, the list of its facts, its description and its quotes. status
// is its status as present.Status renders it, readable
// is its date as present.Date renders it, datetime its day as a <time>
// element holds it, or "".
func writeEvent(w *writer, names *present.Names, e *event.Event, status, readable, datetime string) {
	writeEventHead(w, e, status)
	w.m(`<dl class="meta">` + "\n")
	writeWhen(w, e, readable, datetime)
	writeFacts(w, names, e)
	writeSources(w, e.Sources)
	w.m("</dl>\n")
	for _, p := range present.Paragraphs(e.Description) {
		w.inText("<p>", p, "</p>\n")
	}
	for _, src := range e.Sources {
		for _, q := range src.Quotes {
			writeQuote(w, names, e.Date, &src, &q)
		}
	}
	w.m("</article>\n")
}

// writeEventHead starts the article of e, whose class gives its category
// and status, and writes its kind, status and title.
func writeEventHead(w *writer, e *event.Event, status string) {
	class, label, _ := catInfo(e.Kind.Category())
	prospective := e.Status != event.Occurred
	w.m(`<article id="e-`)
	w.id(e.ID)
	w.m(`" class="cat-`)
	w.attr(class)
	w.m(` st-`)
	w.attr(e.Status.String())
	if prospective {
		w.m(` prospective`)
	}
	w.m(`">` + "\n" + `<p><span class="kind">`)
	w.text(label)
	w.m(" · ")
	w.text(e.Kind.Name())
	if prospective {
		w.inText(`</span><span class="badge">`, status, "</span></p>\n")
	} else {
		w.inText(`</span><span class="status">`, status, "</span></p>\n")
	}
	w.inText("<h5>", e.Title, "</h5>\n")
}

// writeWhen writes the date of e: as the source words it, with the
// readable date beside it where it says more, and the date in EDTF.
func writeWhen(w *writer, e *event.Event, readable, datetime string) {
	wording := e.DateText
	if strings.EqualFold(wording, readable) {
		wording = ""
	}
	w.m("<dt>When</dt><dd>")
	switch {
	case wording != "":
		w.text(wording)
		if readable != "" {
			w.m(" (")
			writeTime(w, readable, datetime)
			w.m(")")
		}
	case datetime != "":
		writeTime(w, readable, datetime)
	case readable != "":
		w.text(readable)
	default:
		w.m("Date unknown")
	}
	if !e.Date.IsZero() {
		w.m(" <code>")
		w.date(e.Date)
		w.m("</code>")
	}
	w.m("</dd>\n")
}

// writeFacts writes who took part in e, with the names of e's time, and
// where, under which instrument and with which tags.
func writeFacts(w *writer, names *present.Names, e *event.Event) {
	if len(e.Participants) > 0 {
		w.m(`<dt>Participants</dt><dd><ul class="parts">`)
		for _, p := range e.Participants {
			w.inText("<li>", names.Label(p.Actor, e.Date), " (")
			w.text(p.Role.Name())
			if p.Capacity != "" {
				w.m(", ")
				w.text(p.Capacity)
			}
			w.m(")</li>")
		}
		w.m("</ul></dd>\n")
	}
	if place := present.Place(e.Place); place != "" {
		w.inText("<dt>Place</dt><dd>", place, "</dd>\n")
	}
	if e.Instrument.Name != "" {
		w.inText("<dt>Instrument</dt><dd>", e.Instrument.Name, "</dd>\n")
	}
	if len(e.Tags) > 0 {
		w.m("<dt>Tags</dt><dd>")
		for i, t := range e.Tags {
			if i > 0 {
				w.m(", ")
			}
			w.text(t)
		}
		w.m("</dd>\n")
	}
}

// writeSources writes the sources, as links where their URL is http or
// https.
func writeSources(w *writer, sources []event.Source) {
	if len(sources) == 0 {
		return
	}
	w.m("<dt>Sources</dt><dd>")
	for i := range sources {
		src := &sources[i]
		if i > 0 {
			w.m("; ")
		}
		label := present.SourceLabel(*src)
		if label == "" {
			label = src.URL
		}
		if u, ok := webURLOf(src.URL); ok {
			w.m(`<a href="`)
			w.url(u)
			w.m(`"`)
			if src.Lang != "" {
				w.m(` hreflang="`)
				w.attr(src.Lang)
				w.m(`"`)
			}
			w.inText(">", label, "</a>")
		} else {
			w.inText("<cite>", label, "</cite>")
		}
		if !src.Published.IsZero() {
			w.m(" (")
			w.readable(src.Published)
			w.m(")")
		}
	}
	w.m("</dd>\n")
}

// writeQuote writes a quote of src in a figure: the words in a blockquote
// in their language, the translation in its own, and who said it where,
// named as of d, the date of the event.
func writeQuote(w *writer, names *present.Names, d event.Date, src *event.Source, q *event.Quote) {
	w.m(`<figure class="quote">` + "\n<blockquote")
	writeLang(w, cmp.Or(q.Lang, src.Lang))
	w.inText("><p>", q.Text, "</p></blockquote>\n")
	if q.Translation != "" {
		w.m(`<p class="translation"`)
		writeLang(w, q.TranslationLang)
		w.inText(">", q.Translation, "</p>\n")
	}
	switch {
	case q.Speaker != "" && src.Publisher != "":
		w.inText("<figcaption>— ", names.Label(q.Speaker, d), ", ")
		w.inText("", src.Publisher, "</figcaption>\n")
	case q.Speaker != "":
		w.inText("<figcaption>— ", names.Label(q.Speaker, d), "</figcaption>\n")
	case src.Publisher != "":
		w.inText("<figcaption>— ", src.Publisher, "</figcaption>\n")
	}
	w.m("</figure>\n")
}

// writeLang writes the lang attribute of lang, if any.
func writeLang(w *writer, lang string) {
	if lang != "" {
		w.m(` lang="`)
		w.attr(lang)
		w.m(`"`)
	}
}

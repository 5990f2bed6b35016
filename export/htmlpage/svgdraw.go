package htmlpage

// drawSVG writes the picture v as an <svg> element, in phases: the
// heading (size, title and description), the gradients, the lanes, the
// axis, the lines joining an event's marks, the marks, and the caption.
func drawSVG(w *writer, v *svgView) {
	drawHeading(w, v)
	drawGradients(w, v.gradients)
	w.m(`<rect x="0" y="0" width="`)
	w.int(v.w)
	w.m(`" height="`)
	w.int(v.h)
	w.m(`" fill="#ffffff"/>` + "\n")
	drawLanes(w, v.lanes)
	drawAxis(w, v)
	drawLinks(w, v.links)
	drawMarks(w, v.marks)
	w.m(`<text x="6" y="`)
	w.int(v.captionY)
	w.m(`" fill="#4a4a4a">`)
	w.text(v.caption)
	w.m("</text>\n</svg>")
}

// drawHeading writes the start tag of the picture, its title and its
// description, which the tag names as its accessible name and
// description.
func drawHeading(w *writer, v *svgView) {
	w.m(`<svg xmlns="http://www.w3.org/2000/svg" width="`)
	w.int(v.w)
	w.m(`" height="`)
	w.int(v.h)
	w.m(`" viewBox="0 0 `)
	w.int(v.w)
	w.m(" ")
	w.int(v.h)
	w.m(`" role="img" aria-labelledby="`)
	w.attr(v.prefix)
	w.m(`-title `)
	w.attr(v.prefix)
	w.m(`-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">` + "\n" + `<title id="`)
	w.attr(v.prefix)
	w.m(`-title">`)
	w.text(v.title)
	w.m("</title>\n" + `<desc id="`)
	w.attr(v.prefix)
	w.m(`-desc">`)
	w.text(v.desc)
	w.m("</desc>\n")
}

// drawGradients writes the gradients that fade marks out towards their
// open ends.
func drawGradients(w *writer, gs []gradient) {
	w.m("<defs>\n")
	for _, g := range gs {
		w.m(`<linearGradient id="`)
		w.attr(g.id)
		w.m(`" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="`)
		w.attr(g.colour)
		w.m(`" stop-opacity="`)
		w.attr(g.a0)
		w.m(`"/><stop offset="0.5" stop-color="`)
		w.attr(g.colour)
		w.m(`" stop-opacity="`)
		w.attr(g.a1)
		w.m(`"/><stop offset="1" stop-color="`)
		w.attr(g.colour)
		w.m(`" stop-opacity="`)
		w.attr(g.a2)
		w.m(`"/></linearGradient>` + "\n")
	}
	w.m("</defs>\n")
}

// drawLanes writes the lanes, every other one striped, with their
// labels.
func drawLanes(w *writer, lanes []laneView) {
	w.m(`<g class="lanes">` + "\n")
	for _, l := range lanes {
		if l.stripe {
			w.m(`<rect x="0" y="`)
			w.int(l.y)
			w.m(`" width="100%" height="`)
			w.int(laneH)
			w.m(`" fill="#f2f2f2"/>`)
		}
		w.m(`<text x="6" y="`)
		w.int(l.textY)
		w.m(`" fill="#1a1a1a">`)
		w.text(l.label)
		w.m("</text>\n")
	}
	w.m("</g>\n")
}

// drawAxis writes the time axis with its ticks.
func drawAxis(w *writer, v *svgView) {
	w.m(`<g class="axis" stroke="#8a8a8a">` + "\n" + `<line x1="`)
	w.num(v.plotL)
	w.m(`" x2="`)
	w.num(v.plotR)
	w.m(`" y1="`)
	w.int(v.axisY)
	w.m(`" y2="`)
	w.int(v.axisY)
	w.m(`"/>` + "\n")
	for _, t := range v.ticks {
		w.m(`<line x1="`)
		w.num(t.x)
		w.m(`" x2="`)
		w.num(t.x)
		w.m(`" y1="30" y2="`)
		w.int(v.axisY)
		w.m(`" stroke-opacity="0.35"/><text x="`)
		w.num(t.x)
		w.m(`" y="24" text-anchor="middle" fill="#1a1a1a" stroke="none">`)
		w.text(t.label)
		w.m("</text>\n")
	}
	w.m("</g>\n")
}

// drawLinks writes the vertical lines that join the marks of an event on
// several lanes.
func drawLinks(w *writer, links []linkView) {
	w.m(`<g class="links" stroke-width="1.5">` + "\n")
	for _, l := range links {
		w.m(`<line x1="`)
		w.num(l.x)
		w.m(`" x2="`)
		w.num(l.x)
		w.m(`" y1="`)
		w.int(l.y1)
		w.m(`" y2="`)
		w.int(l.y2)
		w.m(`" stroke="`)
		w.attr(l.colour)
		w.m(`"`)
		drawDash(w, l.dash)
		w.m("/>\n")
		w.maybeFlush()
	}
	w.m("</g>\n")
}

// drawMarks writes the marks of the events.
func drawMarks(w *writer, marks []markView) {
	w.m(`<g class="marks" stroke-width="2">` + "\n")
	for i := range marks {
		drawMark(w, &marks[i])
		w.maybeFlush()
	}
	w.m("</g>\n")
}

// drawMark writes a mark with its title, which browsers show as a
// tooltip and screen readers read.
func drawMark(w *writer, m *markView) {
	if m.circle {
		w.m(`<circle cx="`)
		w.num(m.x)
		w.m(`" cy="`)
		w.int(m.y)
		w.m(`" r="`)
		w.int(pointR)
	} else {
		w.m(`<rect x="`)
		w.num(m.x)
		w.m(`" y="`)
		w.int(m.y)
		w.m(`" width="`)
		w.num(m.w)
		w.m(`" height="`)
		w.int(markH)
		w.m(`" rx="2`)
	}
	w.m(`" fill="`)
	w.attr(m.fill)
	w.m(`" stroke="`)
	w.attr(m.stroke)
	w.m(`"`)
	drawDash(w, m.dash)
	w.inText("><title>", m.title, "</title>")
	if m.circle {
		w.m("</circle>\n")
	} else {
		w.m("</rect>\n")
	}
}

// drawDash writes the stroke-dasharray attribute of dash, if any.
func drawDash(w *writer, dash string) {
	if dash != "" {
		w.m(` stroke-dasharray="`)
		w.attr(dash)
		w.m(`"`)
	}
}

package htmlpage

import (
	"cmp"
	"iter"
	"slices"
	"strconv"
	"time"

	rdate "github.com/rickb777/date/v2"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// An svgView is the layout of an SVG picture: what drawSVG draws.
type svgView struct {
	prefix               string // of the element IDs, unique in a page
	w, h                 int
	plotL, plotR         float64
	axisY, captionY      int
	title, desc, caption string
	gradients            []gradient
	lanes                []laneView
	ticks                []tickView
	links                []linkView
	marks                []markView
	// shown counts the events drawn, hidden the lanes left out.
	shown, hidden int
}

type gradient struct {
	id, colour string
	a0, a1, a2 string // opacities
}

type laneView struct {
	y, textY int
	label    string
	stripe   bool
}

type tickView struct {
	x     float64
	label string
}

type linkView struct {
	x            float64
	y1, y2       int
	colour, dash string
}

// A markView is a circle of radius pointR at (x, y), or a rectangle of
// height markH and width w from (x, y).
type markView struct {
	circle             bool
	x, w               float64
	y                  int
	fill, stroke, dash string
	title              string
}

const (
	labelW  = 190
	padR    = 20
	padTop  = 40
	laneH   = 24
	axisH   = 30
	capH    = 24
	markH   = 12
	pointR  = 5
	minSpan = 4.0
)

// A window is a period a picture shows, narrower than the whole timeline
// in a detail picture.
type window struct {
	lo, hi rdate.Date
	prefix string
}

// layout computes the SVG picture titled title of the events l gathered:
// of the whole time their dates span, or of the window w when it is not
// nil. It goes in phases: the lanes, the axis, a mark for each event, and
// the caption.
func layout(l *lanesAndEvents, title string, opts Options, w *window) *svgView {
	lo, hi := l.lo, l.hi
	prefix := "tl"
	if w != nil {
		lo, hi, prefix = w.lo, w.hi, w.prefix
	}
	v := &svgView{title: title, prefix: prefix}
	if v.title == "" {
		v.title = "Timeline"
	}
	if w != nil {
		v.title = "Detail: " + present.Day(event.Day(lo)) + " to " + present.Day(event.Day(hi))
	}
	shown, left := l.split(opts.MaxLanes)
	laneIdx := v.drawLanes(l.names, shown)
	ax := v.axis(opts.Width, len(shown), lo, hi)
	marks := marker{v: v, ax: ax, prefix: prefix, usedGrad: make(map[string]bool)}
	outside := 0
	for i := range l.dated {
		if !marks.mark(l, &l.dated[i], laneIdx, w != nil) {
			outside++ // only in detail pictures
		}
	}
	slices.SortFunc(v.gradients, func(a, b gradient) int { return cmp.Compare(a.id, b.id) })
	v.describe(opts.Lanes, w != nil, lo, hi, len(l.lanes), shown, left, l.undated, outside)
	return v
}

// labels holds the statuses as present.Status renders them, so that
// the writers do not render them for every event.
type labels struct{ statuses map[event.Status]string }

func newLabels() *labels {
	l := &labels{statuses: make(map[event.Status]string)}
	for _, s := range event.Statuses() {
		l.statuses[s] = present.Status(s)
	}
	return l
}

func (l *labels) status(s event.Status) string {
	if label, ok := l.statuses[s]; ok {
		return label
	}
	return present.Status(s)
}

// A laneInfo is a lane: an actor's, or a country's with LanesByState.
type laneInfo struct {
	key   string
	count int // of events
	// last is one more than the index of the last event counted on the
	// lane, so that an event with many participants on one lane counts
	// once without a search of its keys.
	last int
	// actor names the lane: the actor, or the state of the country (none
	// when the timeline has no state of that country: the lane is named by
	// its country code). date is the date of the lane's first event, as of
	// which the lane is named.
	actor event.ActorID
	date  event.Date
}

// label returns the name of the lane for readers, as of the date of its
// first event, with today's name beside it when the two differ.
func (li *laneInfo) label(names *present.Names) string {
	if li.actor == "" {
		return li.key
	}
	return names.Label(li.actor, li.date)
}

// lanesAndEvents is what the first phase of layout gathers: the lanes with
// the number of events on each, the dated events with the keys of their
// lanes, and the days the dates span. Both pictures of a page share it,
// and the page's events their readable dates.
type lanesAndEvents struct {
	names  *present.Names
	labels *labels
	lanes  map[string]*laneInfo
	// readable holds the date of each event as present.Date renders it.
	readable []string
	dated    []datedEvent
	// laneKeys holds the keys of the lanes of the dated events, each
	// event's in a run.
	laneKeys []string
	undated  int
	lo, hi   rdate.Date
}

// A datedEvent is what the pictures need of a dated event: the event
// itself is not kept, so that the page reads the timeline's events twice
// rather than copy them all.
type datedEvent struct {
	date            event.Date
	title, dateText string
	kind            event.Kind
	status          event.Status
	readable        string
	keys            [2]int32 // its lane keys are laneKeys[keys[0]:keys[1]]
	markTitle       string   // once made
}

// gather reads the events, in timeline order, for layout: every event
// counts on its lanes, and the dated ones are kept, with the span of their
// known ends.
func gather(evs iter.Seq[*event.Event], n int, names *present.Names, states map[string]event.ActorID, opts Options) *lanesAndEvents {
	l := &lanesAndEvents{names: names, labels: newLabels(), lanes: make(map[string]*laneInfo),
		readable: make([]string, 0, n), dated: make([]datedEvent, 0, n)}
	lf := laneFinder{l: l, states: states, byState: opts.Lanes == LanesByState, laneOf: make(map[event.ActorID]*laneInfo)}
	var sp span
	var last event.Date
	for e := range evs {
		i := len(l.readable)
		if i > 0 && e.Date == last {
			l.readable = append(l.readable, l.readable[i-1]) // events of a date come together
		} else {
			l.readable = append(l.readable, present.Date(e.Date))
		}
		last = e.Date
		from := len(l.laneKeys)
		l.laneKeys = lf.count(l.laneKeys, e, i)
		if e.Date.IsZero() {
			l.laneKeys = l.laneKeys[:from]
			l.undated++
			continue
		}
		sp.extend(e.Date)
		l.dated = append(l.dated, datedEvent{date: e.Date, title: e.Title, dateText: e.DateText,
			kind: e.Kind, status: e.Status, readable: l.readable[i], keys: [2]int32{int32(from), int32(len(l.laneKeys))}})
	}
	l.lo, l.hi = sp.bounds()
	return l
}

// A laneFinder finds the lanes of events' participants. Lanes are keyed
// by actor ID or country code, never by name, so that an actor renamed
// over time keeps one lane.
type laneFinder struct {
	l       *lanesAndEvents
	states  map[string]event.ActorID
	byState bool
	laneOf  map[event.ActorID]*laneInfo
}

// count counts e, the i-th event, on the lanes of its participants, once
// on each, and appends their keys to keys.
func (lf *laneFinder) count(keys []string, e *event.Event, i int) []string {
	for _, p := range e.Participants {
		li := lf.lane(p.Actor, e.Date)
		if li.last != i+1 {
			li.last = i + 1
			keys = append(keys, li.key)
			li.count++
		}
	}
	return keys
}

// lane returns the lane of the actor id, making it, named as of d, when
// it is the first event on the lane.
func (lf *laneFinder) lane(id event.ActorID, d event.Date) *laneInfo {
	if li, ok := lf.laneOf[id]; ok {
		return li
	}
	k, named := string(id), id
	if c := lf.l.names.Country(id); lf.byState && c != "" {
		k, named = c, lf.states[c]
	}
	li := lf.l.lanes[k]
	if li == nil {
		li = &laneInfo{key: k, actor: named, date: d}
		lf.l.lanes[k] = li
	}
	lf.laneOf[id] = li
	return li
}

// A span is the days from the first to the last known end of dates.
type span struct {
	lo, hi rdate.Date
	have   bool
}

func (sp *span) extend(d event.Date) {
	for _, end := range [2]func(event.Date) (rdate.Date, bool){first, last} {
		day, ok := end(d)
		switch {
		case !ok:
		case !sp.have:
			sp.lo, sp.hi, sp.have = day, day, true
		default:
			sp.lo, sp.hi = min(sp.lo, day), max(sp.hi, day)
		}
	}
}

// bounds returns the span with a margin of 15 days on each side when it
// is shorter than 30 days, and the year 2000 when there was no known end.
func (sp *span) bounds() (lo, hi rdate.Date) {
	lo, hi = sp.lo, sp.hi
	if !sp.have {
		lo, hi = rdate.New(2000, time.January, 1), rdate.New(2000, time.December, 31)
	}
	if hi-lo < 30 {
		lo, hi = lo-15, hi+15
	}
	return lo, hi
}

// split returns the busiest lanes, at most max, and the others.
func (l *lanesAndEvents) split(max int) (shown, left []*laneInfo) {
	all := make([]*laneInfo, 0, len(l.lanes))
	for _, li := range l.lanes {
		all = append(all, li)
	}
	slices.SortFunc(all, func(a, b *laneInfo) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	shown = all[:min(len(all), max)]
	return shown, all[len(shown):]
}

// drawLanes draws the lanes shown and returns their places by key.
func (v *svgView) drawLanes(names *present.Names, shown []*laneInfo) map[string]int {
	laneIdx := make(map[string]int, len(shown))
	for i, li := range shown {
		laneIdx[li.key] = i
		y := padTop + i*laneH
		v.lanes = append(v.lanes, laneView{y: y, textY: y + laneH/2 + 4,
			label: li.label(names) + " (" + itoa(li.count) + ")", stripe: i%2 == 0})
	}
	return laneIdx
}

// An axis maps days to x positions in the plot.
type axis struct {
	lo, hi       rdate.Date
	plotL, plotR float64
}

func (ax *axis) pos(d rdate.Date) float64 {
	return ax.plotL + float64(d-ax.lo)/float64(ax.hi+1-ax.lo)*(ax.plotR-ax.plotL)
}

// axis sizes the picture for n lanes and draws the ticks of lo to hi.
func (v *svgView) axis(width, n int, lo, hi rdate.Date) *axis {
	ax := &axis{lo: lo, hi: hi, plotL: float64(labelW), plotR: float64(width - padR)}
	bottom := padTop + n*laneH
	v.w, v.h = width, bottom+axisH+capH
	v.plotL, v.plotR, v.axisY, v.captionY = ax.plotL, ax.plotR, bottom, bottom+axisH+capH-8
	for _, t := range ticks(lo, hi) {
		v.ticks = append(v.ticks, tickView{x: ax.pos(t.day), label: t.label})
	}
	return ax
}

// A marker draws the marks of events.
type marker struct {
	v        *svgView
	ax       *axis
	prefix   string
	usedGrad map[string]bool
}

// mark draws the event e on the lanes of its keys that are shown, joined
// by a line when there are several. It reports false when the event falls
// outside the axis, which only happens in a detail picture.
func (mk *marker) mark(l *lanesAndEvents, e *datedEvent, laneIdx map[string]int, detail bool) bool {
	ax := mk.ax
	start, okStart := first(e.date)
	end, okEnd := last(e.date)
	if okEnd && end < ax.lo || okStart && start > ax.hi || !okStart && !okEnd && detail {
		return false
	}
	var ysBuf [8]int
	ys := ysBuf[:0]
	for _, k := range l.laneKeys[e.keys[0]:e.keys[1]] {
		if j, ok := laneIdx[k]; ok {
			ys = append(ys, padTop+j*laneH+laneH/2)
		}
	}
	if len(ys) == 0 {
		return true
	}
	openL, openR := !okStart, !okEnd
	x1, x2 := ax.plotL, ax.plotR
	if !openL && start >= ax.lo {
		x1 = ax.pos(start)
	}
	if !openR && end <= ax.hi {
		x2 = ax.pos(end + 1)
	}
	m, colour := mk.style(e.kind, e.status, openL, openR)
	if e.markTitle == "" {
		e.markTitle = markTitle(e, l.labels.status(e.status))
	}
	m.title = e.markTitle
	mk.draw(m, colour, openL || openR, x1, x2, ys)
	return true
}

// draw draws the mark m of an event from x1 to x2, on the lanes at ys, in
// colour: a point when the span is too short to see and the event has no
// open end.
func (mk *marker) draw(m markView, colour string, open bool, x1, x2 float64, ys []int) {
	v := mk.v
	x := (x1 + x2) / 2
	if x2-x1 < minSpan && !open {
		m.circle = true
		m.x = x
	} else {
		m.x, m.w = x1, max(x2-x1, 1)
	}
	v.shown++
	if len(ys) > 1 {
		v.links = append(v.links, linkView{x: x, y1: slices.Min(ys), y2: slices.Max(ys), colour: colour, dash: m.dash})
	}
	for _, y := range ys {
		mm := m
		if mm.circle {
			mm.y = y
		} else {
			mm.y = y - markH/2
		}
		v.marks = append(v.marks, mm)
	}
}

// markTitle returns the title of e's mark: its title, date (readable as
// present.Date renders it), kind and status.
func markTitle(e *datedEvent, status string) string {
	date := e.dateText
	if r := e.readable; r != "" && r != date {
		if date != "" {
			date += "; "
		}
		date += r
	}
	return e.title + " — " + date + " — " + e.kind.Name() + ", " + status
}

// style returns the colours and dashes of the mark of an event of kind k
// and status s: hollow when it has not occurred, fading towards its open
// ends.
func (mk *marker) style(k event.Kind, s event.Status, openL, openR bool) (markView, string) {
	cls, _, colour := catInfo(k.Category())
	hollow := s != event.Occurred
	m := markView{stroke: colour, fill: colour}
	if hollow {
		m.fill = "#ffffff"
		m.dash = "4 2"
	}
	if !openL && !openR {
		return m, colour
	}
	m.dash = "3 3"
	dir := "b"
	switch {
	case openL && !openR:
		dir = "l"
	case openR && !openL:
		dir = "r"
	}
	id := mk.prefix + "-fade-" + cls + "-" + dir
	if hollow {
		m.stroke = "url(#" + id + ")"
	} else {
		m.fill = "url(#" + id + ")"
	}
	if !mk.usedGrad[id] {
		mk.usedGrad[id] = true
		mk.v.gradients = append(mk.v.gradients, fade(id, colour, dir))
	}
	return m, colour
}

// describe describes the picture and says what it leaves out.
func (v *svgView) describe(lanes Lanes, detail bool, lo, hi rdate.Date, total int, shown, left []*laneInfo, undated, outside int) {
	what := "actors"
	if lanes == LanesByState {
		what = "states"
	}
	period := present.Year(lo.Year()) + " to " + present.Year(hi.Year())
	if detail {
		period = present.Day(event.Day(lo)) + " to " + present.Day(event.Day(hi))
	}
	leftEvents := 0
	for _, l := range left {
		leftEvents += l.count
	}
	v.hidden = len(left)
	v.desc = "One lane per " + what[:len(what)-1] + ", " + period +
		"; filled marks occurred, hollow marks are planned or announced; spans are imprecise dates."
	v.caption = itoa(len(shown)) + " of " + itoa(total) + " " + what + " shown"
	if len(left) > 0 {
		v.caption += "; " + itoa(len(left)) + " " + what + " with fewer events left out (" + itoa(leftEvents) + " participations)"
	} else {
		v.caption += "; none left out"
	}
	if undated > 0 {
		v.caption += "; " + itoa(undated) + " undated events not drawn"
	}
	switch {
	case outside == 1:
		v.caption += "; 1 event outside this period"
	case outside > 1:
		v.caption += "; " + itoa(outside) + " events outside this period"
	}
}

// A tick is a labelled day on the time axis.
type tick struct {
	day   rdate.Date
	label string
}

// ticks returns about a dozen ticks or fewer between lo and hi: years for
// long periods, months for some months, days for some weeks.
func ticks(lo, hi rdate.Date) []tick {
	switch days := int(hi - lo); {
	case days > 3*366:
		return yearTicks(lo, hi)
	case days > 62:
		return monthTicks(lo, hi, days)
	default:
		return dayTicks(lo, hi, days)
	}
}

// yearTicks returns ticks on the first of January of every year, or of
// every second, fifth, tenth, ... year, whichever gives a dozen or fewer.
func yearTicks(lo, hi rdate.Date) []tick {
	var out []tick
	y0, y1 := lo.Year(), hi.Year()
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		step = s
		if (y1-y0)/s <= 12 {
			break
		}
	}
	for y := (y0/step)*step - step; y <= y1+1; y += step {
		if d := rdate.New(y, time.January, 1); d >= lo && d <= hi+1 {
			out = append(out, tick{d, present.Year(y)})
		}
	}
	return out
}

// monthTicks returns ticks on the first of every month, or of every
// second, third, ... month, of the days from lo to hi.
func monthTicks(lo, hi rdate.Date, days int) []tick {
	var out []tick
	step := 1
	for (days/30)/step > 12 {
		step++
	}
	y, m, _ := lo.Date()
	for d := rdate.New(y, m, 1); d <= hi; d = d.AddDate(0, step, 0) {
		if d >= lo {
			out = append(out, tick{d, d.Format("Jan 2006")})
		}
	}
	return out
}

// dayTicks returns ticks on every day, or every second, third, ... day,
// from lo to hi.
func dayTicks(lo, hi rdate.Date, days int) []tick {
	var out []tick
	step := 1
	for days/step > 12 {
		step++
	}
	for d := lo; d <= hi; d += rdate.Date(step) {
		out = append(out, tick{d, d.Format("2 Jan")})
	}
	return out
}

// detailWindow returns the shortest period that holds four fifths of the
// dated events, when it is less than a fifth of the whole span, so that a
// second picture can show the events that crowd together in the first.
// The period gets a margin of a tenth of its length, at least three days.
func detailWindow(evs []datedEvent) (*window, bool) {
	var days []rdate.Date
	for i := range evs {
		if d, ok := first(evs[i].date); ok {
			days = append(days, d)
		}
	}
	if len(days) < 5 {
		return nil, false
	}
	slices.Sort(days)
	k := (len(days)*4 + 4) / 5
	best := 0
	for i := 0; i+k <= len(days); i++ {
		if days[i+k-1]-days[i] < days[best+k-1]-days[best] {
			best = i
		}
	}
	lo, hi := days[best], days[best+k-1]
	full := days[len(days)-1] - days[0]
	if full == 0 || float64(hi-lo) >= 0.2*float64(full) {
		return nil, false
	}
	margin := max((hi-lo)/10, 3)
	return &window{lo: lo - margin, hi: hi + margin, prefix: "tl-detail"}, true
}

// fade returns a gradient that fades out towards the open ends: "l", "r"
// or "b" for both.
func fade(id, colour, dir string) gradient {
	g := gradient{id: id, colour: colour, a0: "1", a1: "1", a2: "1"}
	if dir != "r" {
		g.a0 = "0.1"
	}
	if dir != "l" {
		g.a2 = "0.1"
	}
	return g
}

func itoa(i int) string { return strconv.Itoa(i) }

// first and last are the known ends of the covered range of d, as days of
// package date, which counts days as [event.Day] does.
func first(d event.Date) (rdate.Date, bool) {
	day, ok := d.Earliest()
	return rdate.Date(day), ok
}

func last(d event.Date) (rdate.Date, bool) {
	day, ok := d.Latest()
	return rdate.Date(day), ok
}

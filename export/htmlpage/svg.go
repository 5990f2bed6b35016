package htmlpage

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	rdate "github.com/rickb777/date/v2"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

type svgView struct {
	Prefix                              string // of the element IDs, unique in a page
	W, H, PlotX, PlotR, AxisY, CaptionY string
	Title, Desc, Caption                string
	Gradients                           []gradient
	Lanes                               []laneView
	Ticks                               []tickView
	Links                               []linkView
	Marks                               []markView
	// Shown counts the events drawn, Hidden the lanes left out.
	Shown, Hidden int
}

type gradient struct{ ID, Colour, A0, A1, A2 string }

type laneView struct{ Y, H, TextY, Label, Stripe string }

type tickView struct{ X, Label string }

type linkView struct{ X, Y1, Y2, Colour, Dash string }

type markView struct {
	Circle             bool
	X, Y, W, H, R      string
	Fill, Stroke, Dash string
	Title              string
	Open               bool
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

func ff(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

func itoa(i int) string { return strconv.Itoa(i) }

// A window is a period a picture shows, narrower than the whole timeline
// in a detail picture.
type window struct {
	lo, hi rdate.Date
	prefix string
}

// layout computes the SVG picture of tl: of the whole time its dates span,
// or of the window w when it is not nil. It goes in phases: the lanes and
// the dated events, the axis, a mark for each event, and the caption.
func layout(tl *timeline.Timeline, opts Options, w *window) *svgView {
	l := gather(tl, opts)
	lo, hi := l.lo, l.hi
	prefix := "tl"
	if w != nil {
		lo, hi, prefix = w.lo, w.hi, w.prefix
	}
	v := &svgView{Title: tl.Title(), Prefix: prefix}
	if v.Title == "" {
		v.Title = "Timeline"
	}
	if w != nil {
		v.Title = "Detail: " + present.Day(event.Day(lo)) + " to " + present.Day(event.Day(hi))
	}
	shown, left := l.split(opts.MaxLanes)
	laneIdx := v.lanes(shown)
	ax := v.axis(opts.Width, len(shown), lo, hi)
	marks := marker{v: v, ax: ax, prefix: prefix, usedGrad: make(map[string]bool)}
	outside := 0
	for i := range l.events {
		e := &l.events[i]
		if !marks.mark(e, l.keys[i], laneIdx, w != nil) {
			outside++ // only in detail pictures
		}
	}
	slices.SortFunc(v.Gradients, func(a, b gradient) int { return cmp.Compare(a.ID, b.ID) })
	v.caption(opts.Lanes, w != nil, lo, hi, len(l.lanes), shown, left, tl.Len()-len(l.events), outside)
	return v
}

type laneInfo struct {
	key, label string
	count      int
}

// lanesAndEvents is what the first phase of layout gathers: the lanes with
// the number of events on each, the dated events with the keys of their
// lanes, and the days the dates span.
type lanesAndEvents struct {
	lanes  map[string]*laneInfo
	events []event.Event
	keys   [][]string
	lo, hi rdate.Date
}

// gather reads the timeline for layout: every event counts on its lanes,
// and the dated ones are kept, with the span of their known ends.
func gather(tl *timeline.Timeline, opts Options) *lanesAndEvents {
	states := make(map[string]string)
	for a := range tl.Actors() {
		if a.Type == event.State && a.Country != "" {
			states[a.Country] = a.Name
		}
	}
	l := &lanesAndEvents{lanes: make(map[string]*laneInfo)}
	laneOf := make(map[event.ActorID]string)
	key := func(id event.ActorID) string {
		if k, ok := laneOf[id]; ok {
			return k
		}
		k, label := string(id), string(id)
		a, ok := tl.Actor(id)
		if ok && a.Name != "" {
			label = a.Name
		}
		if opts.Lanes == LanesByState && ok && a.Country != "" {
			k = a.Country
			label = a.Country
			if n, ok := states[a.Country]; ok {
				label = n
			}
		}
		laneOf[id] = k
		if l.lanes[k] == nil {
			l.lanes[k] = &laneInfo{key: k, label: label}
		}
		return k
	}
	have := false
	extend := func(d rdate.Date) {
		if !have {
			l.lo, l.hi, have = d, d, true
			return
		}
		l.lo, l.hi = min(l.lo, d), max(l.hi, d)
	}
	for e := range tl.All() {
		var ks []string
		for _, p := range e.Participants {
			k := key(p.Actor)
			if !slices.Contains(ks, k) {
				ks = append(ks, k)
				l.lanes[k].count++
			}
		}
		if e.Date.IsZero() {
			continue
		}
		if d, ok := first(e.Date); ok {
			extend(d)
		}
		if d, ok := last(e.Date); ok {
			extend(d)
		}
		l.events = append(l.events, e)
		l.keys = append(l.keys, ks)
	}
	if !have {
		l.lo, l.hi = rdate.New(2000, time.January, 1), rdate.New(2000, time.December, 31)
	}
	if l.hi-l.lo < 30 {
		l.lo, l.hi = l.lo-15, l.hi+15
	}
	return l
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

// lanes draws the lanes shown and returns their places by key.
func (v *svgView) lanes(shown []*laneInfo) map[string]int {
	laneIdx := make(map[string]int, len(shown))
	for i, l := range shown {
		laneIdx[l.key] = i
		y := padTop + i*laneH
		stripe := ""
		if i%2 == 0 {
			stripe = "1"
		}
		v.Lanes = append(v.Lanes, laneView{Y: itoa(y), H: itoa(laneH), TextY: itoa(y + laneH/2 + 4),
			Label: l.label + " (" + itoa(l.count) + ")", Stripe: stripe})
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
	v.W, v.H = itoa(width), itoa(bottom+axisH+capH)
	v.PlotX, v.PlotR, v.AxisY, v.CaptionY = ff(ax.plotL), ff(ax.plotR), itoa(bottom), itoa(bottom+axisH+capH-8)
	for _, t := range ticks(lo, hi) {
		v.Ticks = append(v.Ticks, tickView{X: ff(ax.pos(t.day)), Label: t.label})
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

// mark draws e on the lanes of keys that are shown, joined by a line when
// there are several. It reports false when e falls outside the axis,
// which only happens in a detail picture.
func (mk *marker) mark(e *event.Event, keys []string, laneIdx map[string]int, detail bool) bool {
	ax, v := mk.ax, mk.v
	start, okStart := first(e.Date)
	end, okEnd := last(e.Date)
	if okEnd && end < ax.lo || okStart && start > ax.hi || !okStart && !okEnd && detail {
		return false
	}
	var ys []int
	for _, k := range keys {
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
	m, colour := mk.style(e, openL, openR)
	x := (x1 + x2) / 2
	if x2-x1 < minSpan && !m.Open {
		m.Circle = true
		m.X, m.R = ff(x), itoa(pointR)
	} else {
		m.X, m.W, m.H = ff(x1), ff(max(x2-x1, 1)), itoa(markH)
	}
	date := e.DateText
	if r := present.Date(e.Date); r != "" && r != date {
		if date != "" {
			date += "; "
		}
		date += r
	}
	m.Title = e.Title + " — " + date + " — " + e.Kind.Name() + ", " + present.Status(e.Status)
	v.Shown++
	if len(ys) > 1 {
		v.Links = append(v.Links, linkView{X: ff(x), Y1: itoa(slices.Min(ys)), Y2: itoa(slices.Max(ys)), Colour: colour, Dash: m.Dash})
	}
	for _, y := range ys {
		mm := m
		if mm.Circle {
			mm.Y = itoa(y)
		} else {
			mm.Y = itoa(y - markH/2)
		}
		v.Marks = append(v.Marks, mm)
	}
	return true
}

// style returns the colours and dashes of e's mark: hollow when it has
// not occurred, fading towards its open ends.
func (mk *marker) style(e *event.Event, openL, openR bool) (markView, string) {
	cls, _, colour := catInfo(e.Kind.Category())
	hollow := e.Status != event.Occurred
	m := markView{Stroke: colour, Fill: colour, Open: openL || openR}
	if hollow {
		m.Fill = "#ffffff"
		m.Dash = "4 2"
	}
	if !m.Open {
		return m, colour
	}
	m.Dash = "3 3"
	dir := "b"
	switch {
	case openL && !openR:
		dir = "l"
	case openR && !openL:
		dir = "r"
	}
	id := mk.prefix + "-fade-" + cls + "-" + dir
	if hollow {
		m.Stroke = "url(#" + id + ")"
	} else {
		m.Fill = "url(#" + id + ")"
	}
	if !mk.usedGrad[id] {
		mk.usedGrad[id] = true
		mk.v.Gradients = append(mk.v.Gradients, fade(id, colour, dir))
	}
	return m, colour
}

// caption describes the picture and says what it leaves out.
func (v *svgView) caption(lanes Lanes, detail bool, lo, hi rdate.Date, total int, shown, left []*laneInfo, undated, outside int) {
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
	v.Hidden = len(left)
	v.Desc = "One lane per " + what[:len(what)-1] + ", " + period +
		"; filled marks occurred, hollow marks are planned or announced; spans are imprecise dates."
	v.Caption = itoa(len(shown)) + " of " + itoa(total) + " " + what + " shown"
	if len(left) > 0 {
		v.Caption += "; " + itoa(len(left)) + " " + what + " with fewer events left out (" + itoa(leftEvents) + " participations)"
	} else {
		v.Caption += "; none left out"
	}
	if undated > 0 {
		v.Caption += "; " + itoa(undated) + " undated events not drawn"
	}
	switch {
	case outside == 1:
		v.Caption += "; 1 event outside this period"
	case outside > 1:
		v.Caption += "; " + itoa(outside) + " events outside this period"
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
	var out []tick
	switch days := int(hi - lo); {
	case days > 3*366:
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
	case days > 62:
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
	default:
		step := 1
		for days/step > 12 {
			step++
		}
		for d := lo; d <= hi; d += rdate.Date(step) {
			out = append(out, tick{d, d.Format("2 Jan")})
		}
	}
	return out
}

// detailWindow returns the shortest period that holds four fifths of the
// dated events, when it is less than a fifth of the whole span, so that a
// second picture can show the events that crowd together in the first.
// The period gets a margin of a tenth of its length, at least three days.
func detailWindow(tl *timeline.Timeline) (*window, bool) {
	var days []rdate.Date
	for e := range tl.All() {
		if d, ok := first(e.Date); ok {
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
	g := gradient{ID: id, Colour: colour, A0: "1", A1: "1", A2: "1"}
	if dir != "r" {
		g.A0 = "0.1"
	}
	if dir != "l" {
		g.A2 = "0.1"
	}
	return g
}

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

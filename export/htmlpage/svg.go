package htmlpage

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	rdate "github.com/rickb777/date/v2"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/internal/when"
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
// or of the window w when it is not nil.
func layout(tl *timeline.Timeline, opts Options, w *window) *svgView {
	states := make(map[string]string)
	for a := range tl.Actors() {
		if a.Type == event.State && a.Country != "" {
			states[a.Country] = a.Name
		}
	}
	type laneInfo struct {
		key, label string
		count      int
	}
	laneOf := make(map[event.ActorID]string)
	info := make(map[string]*laneInfo)
	key := func(id event.ActorID) string {
		if k, ok := laneOf[id]; ok {
			return k
		}
		k, label := string(id), string(id)
		a, ok := tl.Actor(id)
		if ok && a.Name != "" {
			label = a.Name
		}
		if opts.Lanes == "state" && ok && a.Country != "" {
			k = a.Country
			label = a.Country
			if n, ok := states[a.Country]; ok {
				label = n
			}
		}
		laneOf[id] = k
		if info[k] == nil {
			info[k] = &laneInfo{key: k, label: label}
		}
		return k
	}
	// The axis spans the known ends of the dates.
	var lo, hi rdate.Date
	have := false
	extend := func(d rdate.Date) {
		if !have {
			lo, hi, have = d, d, true
			return
		}
		lo, hi = min(lo, d), max(hi, d)
	}
	var events []*event.Event
	var keys [][]string
	for e := range tl.All() {
		var ks []string
		for _, p := range e.Participants {
			k := key(p.Actor)
			if !slices.Contains(ks, k) {
				ks = append(ks, k)
				info[k].count++
			}
		}
		if e.Date.IsZero() {
			continue
		}
		if e.Date.StartBound() == event.BoundKnown {
			extend(e.Date.Earliest())
		}
		if e.Date.EndBound() == event.BoundKnown {
			extend(e.Date.Latest())
		}
		events = append(events, e)
		keys = append(keys, ks)
	}
	if !have {
		lo, hi = rdate.New(2000, time.January, 1), rdate.New(2000, time.December, 31)
	}
	if hi-lo < 30 {
		lo, hi = lo-15, hi+15
	}
	prefix := "tl"
	if w != nil {
		lo, hi, prefix = w.lo, w.hi, w.prefix
	}
	all := make([]*laneInfo, 0, len(info))
	for _, l := range info {
		all = append(all, l)
	}
	slices.SortFunc(all, func(a, b *laneInfo) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	shown := all[:min(len(all), opts.MaxLanes)]
	left := all[len(shown):]
	leftEvents := 0
	for _, l := range left {
		leftEvents += l.count
	}
	laneIdx := make(map[string]int, len(shown))
	v := &svgView{Title: tl.Title(), Prefix: prefix}
	if v.Title == "" {
		v.Title = "Timeline"
	}
	if w != nil {
		v.Title = "Detail: " + when.Day(lo) + " to " + when.Day(hi)
	}
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
	width := opts.Width
	plotL, plotR := float64(labelW), float64(width-padR)
	bottom := padTop + len(shown)*laneH
	v.W, v.H = itoa(width), itoa(bottom+axisH+capH)
	v.PlotX, v.PlotR, v.AxisY, v.CaptionY = ff(plotL), ff(plotR), itoa(bottom), itoa(bottom+axisH+capH-8)
	span := float64(hi + 1 - lo)
	pos := func(d rdate.Date) float64 {
		return plotL + float64(d-lo)/span*(plotR-plotL)
	}
	for _, t := range ticks(lo, hi) {
		v.Ticks = append(v.Ticks, tickView{X: ff(pos(t.day)), Label: t.label})
	}
	usedGrad := make(map[string]bool)
	outside := 0
	for i, e := range events {
		if e.Date.Latest() < lo || e.Date.Earliest() > hi {
			outside++ // only in detail pictures
			continue
		}
		var ys []int
		for _, k := range keys[i] {
			if j, ok := laneIdx[k]; ok {
				ys = append(ys, padTop+j*laneH+laneH/2)
			}
		}
		if len(ys) == 0 {
			continue
		}
		d := e.Date
		openL, openR := d.StartBound() != event.BoundKnown, d.EndBound() != event.BoundKnown
		x1, x2 := plotL, plotR
		if !openL && d.Earliest() >= lo {
			x1 = pos(d.Earliest())
		}
		if !openR && d.Latest() <= hi {
			x2 = pos(d.Latest() + 1)
		}
		cls, _, colour := catInfo(e.Kind.Category())
		hollow := e.Status != event.Occurred
		m := markView{Stroke: colour, Fill: colour, Open: openL || openR}
		if hollow {
			m.Fill = "#ffffff"
			m.Dash = "4 2"
		}
		if openL || openR {
			m.Dash = "3 3"
			{
				dir := "b"
				switch {
				case openL && !openR:
					dir = "l"
				case openR && !openL:
					dir = "r"
				}
				id := prefix + "-fade-" + cls + "-" + dir
				if hollow {
					m.Stroke = "url(#" + id + ")"
				} else {
					m.Fill = "url(#" + id + ")"
				}
				if !usedGrad[id] {
					usedGrad[id] = true
					v.Gradients = append(v.Gradients, fade(id, colour, dir))
				}
			}
		}
		x := (x1 + x2) / 2
		if x2-x1 < minSpan && !m.Open {
			m.Circle = true
			m.X, m.R = ff(x), itoa(pointR)
		} else {
			m.X, m.W, m.H = ff(x1), ff(max(x2-x1, 1)), itoa(markH)
		}
		date := e.DateText
		if r := when.Readable(d); r != "" && r != date {
			if date != "" {
				date += "; "
			}
			date += r
		}
		m.Title = e.Title + " — " + date + " — " + e.Kind.Name() + ", " + statusLabel(e.Status)
		if len(ys) > 1 {
			lo, hi := slices.Min(ys), slices.Max(ys)
			v.Links = append(v.Links, linkView{X: ff(x), Y1: itoa(lo), Y2: itoa(hi), Colour: colour, Dash: m.Dash})
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
	}
	slices.SortFunc(v.Gradients, func(a, b gradient) int { return cmp.Compare(a.ID, b.ID) })
	what := "actors"
	if opts.Lanes == "state" {
		what = "states"
	}
	period := when.Year(lo.Year()) + " to " + when.Year(hi.Year())
	if w != nil {
		period = when.Day(lo) + " to " + when.Day(hi)
	}
	v.Desc = "One lane per " + what[:len(what)-1] + ", " + period +
		"; filled marks occurred, hollow marks are planned or announced; spans are imprecise dates."
	v.Caption = itoa(len(shown)) + " of " + itoa(len(all)) + " " + what + " shown"
	if len(left) > 0 {
		v.Caption += "; " + itoa(len(left)) + " " + what + " with fewer events left out (" + itoa(leftEvents) + " participations)"
	} else {
		v.Caption += "; none left out"
	}
	if n := tl.Len() - len(events); n > 0 {
		v.Caption += "; " + itoa(n) + " undated events not drawn"
	}
	switch {
	case outside == 1:
		v.Caption += "; 1 event outside this period"
	case outside > 1:
		v.Caption += "; " + itoa(outside) + " events outside this period"
	}
	return v
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
				out = append(out, tick{d, when.Year(y)})
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
		if e.Date.StartBound() == event.BoundKnown {
			days = append(days, e.Date.Earliest())
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

package synth

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/accordline/accordline/event"
)

// The forms a date takes.
const (
	fDay          = iota // 1975-03-14
	fDayRange            // 1975-03-14/1975-03-17: a multi-day visit
	fTimed               // 1975-03-14T10:30:00Z, …+01:00, …+01:00[Europe/Berlin]
	fTimedRange          // an evening: two times of the same day
	fLocal               // 1975-03-14T10:30:00: a time without offset
	fMonth               // 1975-03
	fMonthRange          // 1975-03/1975-05
	fYear                // 1975
	fYearRange           // 1975/1977
	fSeason              // 1975-21: spring 1975
	fDayX                // 1975-03-XX
	fMonthX              // 1975-XX
	fDecade              // 197X
	fSince               // 1975-03-14/..: "soon"
	fUnknownEnd          // 1975-03-14/
	fUnknownStart        // /1975-03-14
	fOpenStart           // ../1975-03-14
	fDayToMonth          // 1975-03-14/1975-06~: "in the coming months"
	fZero                // not known at all
	nForms
)

// formWeights returns the weights of the date forms for events of kind k
// that occurred, and for events that did not (yet). Occurred events only get
// bounded forms.
func formWeights(k event.Kind, occurred bool) [nForms]int {
	var w [nForms]int
	if occurred {
		w[fDay], w[fDayRange], w[fTimed], w[fTimedRange], w[fLocal] = 590, 60, 110, 12, 5
		w[fMonth], w[fMonthRange], w[fYear], w[fYearRange], w[fSeason] = 70, 10, 40, 5, 22
		w[fDayX], w[fMonthX], w[fDecade] = 10, 8, 8
		switch k {
		case event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit, event.Summit:
			w[fDayRange] += 350
		case event.Negotiation, event.Mediation:
			w[fDayRange] += 150
			w[fMonthRange] += 40
		case event.Dinner:
			w[fTimedRange] += 250
		case event.RelationsEstablished, event.Recognition, event.RelationsSevered,
			event.EmbassyOpened, event.EmbassyClosed:
			w[fYear] += 100
			w[fMonth] += 50
		}
		return w
	}
	w[fDay], w[fMonth], w[fSince], w[fUnknownEnd], w[fUnknownStart] = 300, 100, 150, 70, 40
	w[fOpenStart], w[fDayToMonth], w[fTimed], w[fZero], w[fSeason] = 25, 70, 60, 50, 40
	w[fYear], w[fDayRange] = 30, 50
	return w
}

func cumulate(w [nForms]int) [nForms]int {
	for i := 1; i < nForms; i++ {
		w[i] += w[i-1]
	}
	return w
}

func pick(r interface{ IntN(int) int }, cum *[nForms]int) int {
	x := r.IntN(cum[nForms-1])
	i := 0
	for x >= cum[i] {
		i++
	}
	return i
}

func daysInYear(y int) int {
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 366
	}
	return 365
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if daysInYear(y) == 366 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// setAnchor chooses the day the date of the event is built around: a year
// from 1946 to 2025, later years more likely (late skews further, for
// events that have not taken place), and a day in it that leaves room for
// spare days after it in the same year.
func (g *gen) setAnchor(late bool, spare int) {
	u := g.r.Float64()
	if late {
		u = math.Sqrt(math.Sqrt(u))
	} else {
		u = math.Sqrt(u)
	}
	y := firstYear + min(int(u*years), years-1)
	doy := g.r.IntN(daysInYear(y) - spare)
	m := 1
	for doy >= daysInMonth(y, m) {
		doy -= daysInMonth(y, m)
		m++
	}
	g.anchorY, g.anchorM, g.anchorD = y, m, doy+1
}

// day returns the anchor day moved by n days.
func (g *gen) day(n int) event.Date {
	return event.OnDay(g.anchorY, time.Month(g.anchorM), g.anchorD+n)
}

// loc returns the time zone of the event: that of its place or first
// state, or one of any state.
func (g *gen) loc() *time.Location {
	s := g.ctx
	if s < 0 {
		s = g.r.IntN(g.w.states.n)
	}
	return g.w.stateInfo[s].loc
}

type fixedZone struct {
	off int
	loc *time.Location
}

// fixedLoc returns a location with the offset only, so that [event.At]
// writes no zone name.
func (g *gen) fixedLoc(off int) *time.Location {
	for _, z := range g.fixed {
		if z.off == off {
			return z.loc
		}
	}
	loc := time.FixedZone("", off)
	g.fixed = append(g.fixed, fixedZone{off, loc})
	return loc
}

// clock returns the time of the anchor day at h:mi:s in one of three
// forms: in UTC ("Z"), with an offset, or with an offset and the zone name.
func (g *gen) clock(loc *time.Location, mode, h, mi, s int) event.Date {
	y, m, d := g.anchorY, time.Month(g.anchorM), g.anchorD
	switch mode {
	case 0:
		return event.At(time.Date(y, m, d, h, mi, s, 0, time.UTC))
	case 1:
		t := time.Date(y, m, d, h, mi, s, 0, loc)
		_, off := t.Zone()
		return event.At(t.In(g.fixedLoc(off)))
	}
	return event.At(time.Date(y, m, d, h, mi, s, 0, loc))
}

func (g *gen) clockMode() int {
	switch x := g.r.IntN(100); {
	case x < 35:
		return 0
	case x < 65:
		return 1
	}
	return 2
}

func (g *gen) timeOfDay() (h, mi, s int) {
	h = 7 + g.r.IntN(15)
	mi = 15 * g.r.IntN(4)
	if g.chance(100) {
		mi, s = g.r.IntN(60), g.r.IntN(60)
	}
	return h, mi, s
}

func between(a, b event.Date) event.Date {
	d, err := event.Between(a, b)
	if err != nil {
		panic("synth: " + err.Error()) // a bug of the generator
	}
	return d
}

// date returns the date of e and, sometimes, the words a source gives it,
// in phases: the form and the anchor day, the date of that form, its
// qualifiers, and the words.
func (g *gen) date(e *event.Event) (event.Date, string) {
	occurred := e.Status == event.Occurred
	cum := &g.rule.future
	if occurred {
		cum = &g.rule.occurred
	}
	form := pick(g.r, cum)
	spare := 0
	if form == fDayRange {
		spare = 5
	}
	g.setAnchor(!occurred, spare)
	if form == fZero {
		return event.Date{}, zeroTexts[g.r.IntN(len(zeroTexts))]
	}
	d, texts := g.dateOf(form)
	d = g.qualify(d, occurred)
	share := 150
	if form >= fSince {
		share = 700
	}
	if g.chance(share) {
		return d, texts[g.r.IntN(len(texts))]
	}
	return d, ""
}

// dateOf returns a date of the form around the anchor day, and the words
// sources use for dates like it.
func (g *gen) dateOf(form int) (event.Date, []string) {
	r := g.r
	y, yi := g.anchorY, g.anchorY-firstYear
	switch form {
	case fDay:
		return g.day(0), dayTexts[:]
	case fDayRange:
		return between(g.day(0), g.day(1+r.IntN(5))), dayTexts[:]
	case fTimed:
		h, mi, s := g.timeOfDay()
		return g.clock(g.loc(), g.clockMode(), h, mi, s), timeTexts[:]
	case fTimedRange:
		return g.evening(), timeTexts[:]
	case fLocal:
		return g.localTime(), timeTexts[:]
	case fMonth:
		return event.InMonth(y, time.Month(g.anchorM)), roughTexts[:]
	case fMonthRange:
		m1 := g.anchorM
		m2 := min(m1+1+r.IntN(3), 12)
		if m1 == m2 {
			m1--
		}
		return between(event.InMonth(y, time.Month(m1)), event.InMonth(y, time.Month(m2))), roughTexts[:]
	case fYear:
		return event.InYear(y), roughTexts[:]
	case fYearRange:
		y2 := min(y+1+r.IntN(3), lastYear)
		if y2 == y {
			y--
		}
		return between(event.InYear(y), event.InYear(y2)), roughTexts[:]
	case fSeason:
		s := r.IntN(4)
		if y == lastYear && s == 3 {
			s = r.IntN(3) // winter 2025 runs into 2026
		}
		return g.w.seasons[yi][s], roughTexts[:]
	case fDayX:
		return g.w.monthX[yi][g.anchorM-1], roughTexts[:]
	case fMonthX:
		return g.w.yearX[yi], roughTexts[:]
	case fDecade:
		return g.w.decades[min(max(y/10-195, 0), len(g.w.decades)-1)], roughTexts[:]
	case fSince:
		return event.From(g.day(0)), openTexts[:]
	case fUnknownEnd:
		return between(g.day(0), event.Date{}), openTexts[:]
	case fUnknownStart:
		return between(event.Date{}, g.day(0)), openTexts[:]
	case fOpenStart:
		b, _ := g.day(0).AppendText(append(g.buf[:0], "../"...))
		g.buf = b
		return mustDate(string(b)), openTexts[:]
	case fDayToMonth:
		m2 := min(g.anchorM+1+r.IntN(5), 12)
		return between(g.day(0), event.InMonth(y, time.Month(m2)).Qualified(event.Approximate)), openTexts[:]
	}
	panic("synth: no date form " + strconv.Itoa(form)) // a bug of the generator
}

// evening returns two times of the anchor day, for a dinner, in one time
// zone and form; an evening that would run past midnight ends at 23:59:59.
func (g *gen) evening() event.Date {
	r := g.r
	loc, mode := g.loc(), g.clockMode()
	h := 17 + r.IntN(4)
	end := h + 2 + r.IntN(3)
	var until event.Date
	if end >= 24 {
		until = g.clock(loc, mode, 23, 59, 59)
	} else {
		until = g.clock(loc, mode, end, 15*r.IntN(4), 0)
	}
	return between(g.clock(loc, mode, h, 0, 0), until)
}

// localTime returns a time of the anchor day without an offset, which
// [event.At] cannot write: it is built as text.
func (g *gen) localTime() event.Date {
	h, mi, s := g.timeOfDay()
	b, _ := g.day(0).AppendText(g.buf[:0])
	b = fmt.Appendf(b, "T%02d:%02d:%02d", h, mi, s)
	g.buf = b
	return mustDate(string(b))
}

// qualify makes some dates approximate, uncertain or both, twice as many
// of those of events that have not (yet) taken place.
func (g *gen) qualify(d event.Date, occurred bool) event.Date {
	qual := 60
	if !occurred {
		qual = 120
	}
	if g.chance(qual) {
		switch x := g.r.IntN(100); {
		case x < 40:
			d = d.Qualified(event.Approximate)
		case x < 85:
			d = d.Qualified(event.Uncertain)
		default:
			d = d.Qualified(event.Approximate).Qualified(event.Uncertain)
		}
	}
	return d
}

// published returns when a source appeared: on the anchor day or a few
// days after, within 2025; sometimes to the second.
func (g *gen) published() event.Date {
	k := max(0, g.r.IntN(6)-2)
	if g.anchorY == lastYear && g.anchorM == 12 {
		k = min(k, 31-g.anchorD)
	}
	if g.chance(120) {
		return event.At(time.Date(g.anchorY, time.Month(g.anchorM), g.anchorD+k, 6+g.r.IntN(16), g.r.IntN(60), g.r.IntN(60), 0, time.UTC))
	}
	return g.day(k)
}

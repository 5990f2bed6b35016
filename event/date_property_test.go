package event

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// dtCase is a generated valid date text with the values a Date parsed from
// it must have, computed independently of the implementation.
type dtCase struct {
	text     string // as generated; may use non-canonical offsets
	canon    string // the expected String()
	lo, hi   date.Date
	prec     Precision
	qual     Qualifier
	start    Bound
	end      Bound
	interval bool
	hasTime  bool

	// reversed marks an interval whose ends have offsets and are in order
	// as instants, but whose end falls on an earlier local day than its
	// start; startText is the text of its start.
	reversed  bool
	startText string
}

// dtPoint is one generated end of a date.
type dtPoint struct {
	text, canon string
	lo, hi      date.Date
	prec        Precision
	qual        Qualifier
	timed       bool
	local       bool  // a time without offset
	clock       int64 // seconds from local midnight, shifted to UTC when the offset is known
}

var dtZones = []string{
	"America/New_York", "Europe/Paris", "Asia/Kolkata", "Asia/Kathmandu",
	"Australia/Lord_Howe", "UTC", "Etc/GMT+5", "America/St_Johns",
}

func dtFormatYear(y int) string {
	if y > 9999 || y < -9999 {
		return fmt.Sprintf("Y%d", y)
	}
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// dtLastDay is the last day of month m of year y, without relying on
// normalization of day 0.
func dtLastDay(y int, m time.Month) date.Date {
	if m == time.December {
		return date.New(y+1, time.January, 1) - 1
	}
	return date.New(y, m+1, 1) - 1
}

func dtYear(t *rapid.T, label string) int {
	switch rapid.IntRange(0, 5).Draw(t, label+"Kind") {
	case 0, 1:
		return rapid.IntRange(-9999, 9999).Draw(t, label)
	case 2: // "Y" years
		n := rapid.IntRange(10000, maxYear).Draw(t, label)
		if rapid.Bool().Draw(t, label+"Neg") {
			n = -n
		}
		return n
	default:
		// A narrow range, so that dates often overlap, tie and nest.
		return rapid.IntRange(1999, 2002).Draw(t, label)
	}
}

func dtGenPoint(t *rapid.T, label string) dtPoint {
	var p dtPoint
	kind := rapid.IntRange(0, 9).Draw(t, label+"Kind")
	y := dtYear(t, label+"Year")
	ys := dtFormatYear(y)
	yearLo, yearHi := date.New(y, time.January, 1), date.New(y, time.December, 31)
	month := func() time.Month { return time.Month(rapid.IntRange(1, 12).Draw(t, label+"Month")) }
	switch kind {
	case 0: // year
		p.text, p.lo, p.hi, p.prec = ys, yearLo, yearHi, PrecisionYear
	case 1: // long year
		n := rapid.IntRange(10000, maxYear).Draw(t, label+"Long")
		if rapid.Bool().Draw(t, label+"LongNeg") {
			n = -n
		}
		p.text = dtFormatYear(n)
		p.lo, p.hi, p.prec = date.New(n, time.January, 1), date.New(n, time.December, 31), PrecisionYear
	case 2: // unspecified year digits
		k := rapid.IntRange(1, 3).Draw(t, label+"X")
		span := 1
		for range k {
			span *= 10
		}
		abs := y % 10000
		if abs < 0 {
			abs = -abs
		}
		base := abs / span * span
		neg := y < 0 && base != 0 // "-0XXX" and the like are invalid
		digits := fmt.Sprintf("%04d", base)
		p.text = digits[:4-k] + strings.Repeat("X", k)
		first, last := base, base+span-1
		if neg {
			p.text = "-" + p.text
			first, last = -(base + span - 1), -base
		}
		p.lo, p.hi = date.New(first, time.January, 1), date.New(last, time.December, 31)
		p.prec = PrecisionYear - Precision(k)
	case 3: // month
		m := month()
		p.text = fmt.Sprintf("%s-%02d", ys, int(m))
		p.lo, p.hi, p.prec = date.New(y, m, 1), dtLastDay(y, m), PrecisionMonth
	case 4: // season
		s := rapid.IntRange(21, 24).Draw(t, label+"Season")
		p.text = fmt.Sprintf("%s-%d", ys, s)
		p.prec = PrecisionSeason
		switch s {
		case 21:
			p.lo, p.hi = date.New(y, time.March, 1), date.New(y, time.May, 31)
		case 22:
			p.lo, p.hi = date.New(y, time.June, 1), date.New(y, time.August, 31)
		case 23:
			p.lo, p.hi = date.New(y, time.September, 1), date.New(y, time.November, 30)
		case 24:
			p.lo, p.hi = date.New(y, time.December, 1), dtLastDay(y+1, time.February)
		}
	case 5: // unspecified month
		p.text, p.lo, p.hi, p.prec = ys+"-XX", yearLo, yearHi, PrecisionMonth
	case 6: // unspecified month and day
		p.text, p.lo, p.hi, p.prec = ys+"-XX-XX", yearLo, yearHi, PrecisionDay
	case 7: // unspecified day
		m := month()
		p.text = fmt.Sprintf("%s-%02d-XX", ys, int(m))
		p.lo, p.hi, p.prec = date.New(y, m, 1), dtLastDay(y, m), PrecisionDay
	case 8: // day
		m := month()
		last := dtLastDay(y, m)
		_, _, n := last.Date()
		d := rapid.IntRange(1, n).Draw(t, label+"Day")
		p.text = fmt.Sprintf("%s-%02d-%02d", ys, int(m), d)
		p.lo = date.New(y, m, d)
		p.hi, p.prec = p.lo, PrecisionDay
	case 9: // day and time
		m := time.Month(rapid.IntRange(1, 12).Draw(t, label+"Month"))
		_, _, n := dtLastDay(y, m).Date()
		p = dtGenTimed(t, label, date.New(y, m, rapid.IntRange(1, n).Draw(t, label+"Day")))
	}
	if p.canon == "" {
		p.canon = p.text
	}
	q := rapid.SampledFrom([]string{"", "", "?", "~", "%"}).Draw(t, label+"Qual")
	p.text += q
	p.canon += q
	p.qual = map[string]Qualifier{"": 0, "?": Uncertain, "~": Approximate, "%": Uncertain | Approximate}[q]
	return p
}

// dtGenTimed generates a date and time on the given day, or with a zone
// name on a day of a year the zone rules cover in whole minutes.
func dtGenTimed(t *rapid.T, label string, day date.Date) dtPoint {
	p := dtPoint{timed: true, prec: PrecisionSecond}
	y, m, d := day.Date()
	h := rapid.IntRange(0, 23).Draw(t, label+"Hour")
	mi := rapid.IntRange(0, 59).Draw(t, label+"Minute")
	s := rapid.IntRange(0, 59).Draw(t, label+"Second")
	var offset int
	var suffix, canonSuffix string
	switch rapid.IntRange(0, 4).Draw(t, label+"TZ") {
	case 0: // local time
		p.local = true
	case 1:
		suffix = "Z"
	case 2: // "+hh"
		// A zero offset is "+00": "-00" is rejected (see
		// TestDatePropertyNegativeZero).
		oh := rapid.IntRange(-23, 23).Draw(t, label+"OffH")
		offset = oh * 3600
		suffix = fmt.Sprintf("%+03d", oh)
		canonSuffix = suffix + ":00"
	case 3: // "+hh:mm"
		off := rapid.IntRange(-(23*60+59), 23*60+59).Draw(t, label+"Off")
		offset = off * 60
		sign := "+"
		if off < 0 {
			sign, off = "-", -off
		}
		suffix = fmt.Sprintf("%s%02d:%02d", sign, off/60, off%60)
	case 4: // zone name: a real local time of a real zone
		name := rapid.SampledFrom(dtZones).Draw(t, label+"Zone")
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("zone %s: %v", name, err)
		}
		if y < 1970 || y > 2037 {
			y = rapid.IntRange(1970, 2037).Draw(t, label+"ZoneYear")
			d = min(d, 28)
		}
		tm := time.Date(y, m, d, h, mi, s, 0, loc)
		if rapid.Bool().Draw(t, label+"Later") {
			// The second of two repeated local hours, where there is one.
			if later := tm.Add(time.Hour); later.Hour() == tm.Hour() {
				tm = later
			}
		}
		y, m, d = tm.Date()
		h, mi, s = tm.Clock()
		_, offset = tm.Zone()
		suffix = tm.Format("-07:00") + "[" + name + "]"
	}
	if canonSuffix == "" {
		canonSuffix = suffix
	}
	base := fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d", dtFormatYear(y), int(m), d, h, mi, s)
	p.text, p.canon = base+suffix, base+canonSuffix
	p.lo = date.New(y, m, d)
	p.hi = p.lo
	p.clock = int64(h*3600+mi*60+s) - int64(offset)
	return p
}

// dtGenCase generates any valid date text: a single date, or an interval of
// two ends that are dates, open ("..") or unknown (""); both ends may be
// open or unknown ("../..", "/"), which covers all time.
func dtGenCase(t *rapid.T) dtCase {
	if rapid.IntRange(0, 2).Draw(t, "interval") != 0 {
		p := dtGenPoint(t, "")
		return dtCase{
			text: p.text, canon: p.canon, lo: p.lo, hi: p.hi, prec: p.prec, qual: p.qual,
			start: BoundKnown, end: BoundKnown, hasTime: p.timed,
		}
	}
	endKind := func(label string) Bound {
		return rapid.SampledFrom([]Bound{BoundKnown, BoundKnown, BoundKnown, BoundOpen, BoundUnknown}).Draw(t, label)
	}
	sb, eb := endKind("startBound"), endKind("endBound")
	var s, e dtPoint
	if sb == BoundKnown {
		s = dtGenPoint(t, "start")
	}
	if eb == BoundKnown {
		if s.timed && rapid.Bool().Draw(t, "endNear") {
			// A time on the day before, of or after the start, so that
			// the ends are often close as instants.
			e = dtGenTimed(t, "end", s.lo+date.Date(rapid.IntRange(-1, 1).Draw(t, "endDay")))
		} else {
			e = dtGenPoint(t, "end")
		}
	}
	c := dtCase{interval: true, start: sb, end: eb, lo: date.Min(), hi: date.Max()}
	if sb == BoundKnown && eb == BoundKnown {
		// An end wholly before the start is an error; swap such ends.
		// Times with offsets compare as instants; local times as clock
		// times on the same day only.
		var before bool
		switch {
		case s.timed && e.timed && !s.local && !e.local:
			before = int64(e.lo)*86400+e.clock < int64(s.lo)*86400+s.clock
		case s.timed && e.timed && e.lo == s.lo:
			before = e.clock < s.clock
		default:
			before = e.hi < s.lo
		}
		if before {
			s, e = e, s
		}
		c.reversed = e.hi < s.lo
		c.startText = s.text
	}
	texts := func(p dtPoint, b Bound) (string, string) {
		switch b {
		case BoundOpen:
			return "..", ".."
		case BoundUnknown:
			return "", ""
		}
		return p.text, p.canon
	}
	st, sc := texts(s, sb)
	et, ec := texts(e, eb)
	c.text, c.canon = st+"/"+et, sc+"/"+ec
	c.prec = PrecisionSecond + 1
	if sb == BoundKnown {
		c.lo, c.prec, c.qual = s.lo, s.prec, s.qual
	}
	if eb == BoundKnown {
		c.hi, c.prec, c.qual = e.hi, min(c.prec, e.prec), c.qual|e.qual
	}
	if c.prec > PrecisionSecond {
		c.prec = PrecisionNone // no known end
	}
	return c
}

// dtGenDate generates a valid Date. It leaves out the reversed intervals
// of TestDatePropertyModel, whose covered range is broken, so that the
// other properties are checked on the rest.
func dtGenDate() *rapid.Generator[Date] {
	return rapid.Custom(func(t *rapid.T) Date {
		c := dtGenCase(t)
		if c.reversed {
			return MustParseDate(c.startText + "/..")
		}
		return MustParseDate(c.text)
	})
}

// dtGenDateOrZero sometimes gives the zero Date.
func dtGenDateOrZero() *rapid.Generator[Date] {
	return rapid.OneOf(dtGenDate(), dtGenDate(), dtGenDate(), rapid.Just(Date{}))
}

// TestDatePropertyModel parses generated text and checks every accessor
// against the values computed by the generator.
func TestDatePropertyModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := dtGenCase(t)
		d, err := ParseDate(c.text)
		if c.reversed {
			// Like "2025-11-07T01:00:00+05:00/2025-11-06T23:00:00Z": in
			// order as instants, but the local days are reversed. Either
			// rejecting it or covering both days would do; see
			// TestDateBugIntervalEndsOnEarlierLocalDay.
			if err != nil {
				if !errors.Is(err, ErrEndBeforeStart) {
					t.Fatalf("ParseDate(%q): %v", c.text, err)
				}
				return
			}
			if d.first() > d.last() {
				t.Fatalf("ParseDate(%q): Earliest %s after Latest %s", c.text, d.first(), d.last())
			}
			return
		}
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", c.text, err)
		}
		check := func(what string, got, want any) {
			if got != want {
				t.Errorf("%q: %s = %v, want %v", c.text, what, got, want)
			}
		}
		check("String", d.String(), c.canon)
		check("Earliest", d.first(), c.lo)
		check("Latest", d.last(), c.hi)
		check("Precision", d.Precision(), c.prec)
		check("Qualifier", d.Qualifier(), c.qual)
		check("StartBound", d.StartBound(), c.start)
		check("EndBound", d.EndBound(), c.end)
		check("Bounded", d.Bounded(), c.start == BoundKnown && c.end == BoundKnown)
		check("IsInterval", d.IsInterval(), c.interval)
		check("HasTime", d.HasTime(), c.hasTime)
		check("IsZero", d.IsZero(), false)

		back, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("ParseDate(String() = %q): %v", d.String(), err)
		}
		if back != d {
			t.Fatalf("ParseDate(%q) != ParseDate(%q)", d.String(), c.text)
		}
		if d.first() > d.last() {
			t.Fatalf("%q: Earliest %s after Latest %s", c.text, d.first(), d.last())
		}

		var u Date
		b, _ := d.MarshalText()
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Fatalf("%q: text round trip gave %q, %v", c.text, u.String(), err)
		}
	})
}

// TestDatePropertyCompareTotalOrder checks that Compare is a total order
// consistent with ==.
func TestDatePropertyCompareTotalOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := dtGenDateOrZero()
		a, b, c := g.Draw(t, "a"), g.Draw(t, "b"), g.Draw(t, "c")
		for _, x := range []Date{a, b, c} {
			if x.Compare(x) != 0 {
				t.Fatalf("Compare(%q, itself) = %d", x, x.Compare(x))
			}
		}
		ab, ba := a.Compare(b), b.Compare(a)
		if ab < -1 || ab > 1 {
			t.Fatalf("Compare returned %d", ab)
		}
		if ab != -ba {
			t.Fatalf("not antisymmetric: Compare(%q, %q) = %d, reverse = %d", a, b, ab, ba)
		}
		if (ab == 0) != (a == b) {
			t.Fatalf("Compare(%q, %q) = %d, but == is %v", a, b, ab, a == b)
		}
		if (ab == 0) != a.Equal(b) {
			t.Fatalf("Equal(%q, %q) disagrees with Compare", a, b)
		}
		bc, ac := b.Compare(c), a.Compare(c)
		if ab <= 0 && bc <= 0 && ac > 0 {
			t.Fatalf("not transitive: %q <= %q <= %q but Compare(a, c) = %d", a, b, c, ac)
		}
		if ab >= 0 && bc >= 0 && ac < 0 {
			t.Fatalf("not transitive: %q >= %q >= %q but Compare(a, c) = %d", a, b, c, ac)
		}
	})
}

// TestDatePropertyCompareSort sorts many dates and checks every pair, which
// finds intransitive orders that random triples miss.
func TestDatePropertyCompareSort(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ds := rapid.SliceOfN(dtGenDateOrZero(), 2, 24).Draw(t, "dates")
		slices.SortFunc(ds, Date.Compare)
		for i := range ds {
			for j := i + 1; j < len(ds); j++ {
				if c := ds[i].Compare(ds[j]); c > 0 {
					t.Fatalf("after sorting, %q (#%d) > %q (#%d)", ds[i], i, ds[j], j)
				}
			}
		}
	})
}

// TestDatePropertyCompareEarliest checks that Compare orders by Earliest
// first, and puts the zero Date last.
func TestDatePropertyCompareEarliest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a, b := dtGenDate().Draw(t, "a"), dtGenDate().Draw(t, "b")
		if a.first() < b.first() && a.Compare(b) >= 0 {
			t.Fatalf("Earliest(%q) < Earliest(%q) but Compare = %d", a, b, a.Compare(b))
		}
		if a.first() == b.first() && a.last() < b.last() && a.Compare(b) >= 0 {
			t.Fatalf("same Earliest, Latest(%q) < Latest(%q) but Compare = %d", a, b, a.Compare(b))
		}
		if a.Compare(Date{}) != -1 || (Date{}).Compare(a) != 1 {
			t.Fatalf("%q does not sort before the zero Date", a)
		}
	})
}

// TestDatePropertyRanges checks Overlaps, Contains, Within and
// OverlapsRange against the covered ranges.
func TestDatePropertyRanges(t *testing.T) {
	base := date.New(2000, time.January, 1)
	day := rapid.Custom(func(t *rapid.T) date.Date {
		switch rapid.IntRange(0, 9).Draw(t, "dayKind") {
		case 0:
			return date.Min()
		case 1:
			return date.Max()
		}
		return base + date.Date(rapid.IntRange(-1500, 1500).Draw(t, "days"))
	})
	rapid.Check(t, func(t *rapid.T) {
		g := dtGenDateOrZero()
		a, b := g.Draw(t, "a"), g.Draw(t, "b")

		if a.Overlaps(b) != b.Overlaps(a) {
			t.Fatalf("Overlaps not symmetric for %q, %q", a, b)
		}
		want := !a.IsZero() && !b.IsZero() &&
			max(a.first(), b.first()) <= min(a.last(), b.last())
		if a.Overlaps(b) != want {
			t.Fatalf("%q.Overlaps(%q) = %v, want %v", a, b, a.Overlaps(b), want)
		}
		if want {
			m := max(a.first(), b.first())
			if !a.Contains(Day(m)) || !b.Contains(Day(m)) {
				t.Fatalf("%q and %q overlap but do not both contain %s", a, b, m)
			}
		}
		if !a.IsZero() && !a.Overlaps(a) {
			t.Fatalf("%q does not overlap itself", a)
		}

		from, to := day.Draw(t, "from"), day.Draw(t, "to")
		if from > to {
			from, to = to, from
		}
		if a.Within(period(from, to)) && !a.Overlaps(period(from, to)) {
			t.Fatalf("%q is within [%s, %s] but does not overlap it", a, from, to)
		}
		wantWithin := a.Bounded() && from <= a.first() && a.last() <= to
		if a.Within(period(from, to)) != wantWithin {
			t.Fatalf("%q.Within(%s, %s) = %v", a, from, to, a.Within(period(from, to)))
		}
		wantOverlap := !a.IsZero() && a.first() <= to && from <= a.last()
		if a.Overlaps(period(from, to)) != wantOverlap {
			t.Fatalf("%q.OverlapsRange(%s, %s) = %v", a, from, to, a.Overlaps(period(from, to)))
		}
		if a.Bounded() {
			if !a.Within(period(a.first(), a.last())) {
				t.Fatalf("%q is not within its own range", a)
			}
			if a.Contains(Day(from)) != (a.first() <= from && from <= a.last()) {
				t.Fatalf("%q.Contains(%s) wrong", a, from)
			}
		}
	})
}

// TestDatePropertyConstructors checks that the constructors build the same
// Dates as parsing their text, within the years the text form supports.
func TestDatePropertyConstructors(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := dtYear(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		_, _, n := dtLastDay(y, m).Date()
		d := rapid.IntRange(1, n).Draw(t, "day")
		ys := dtFormatYear(y)
		same := func(name string, got Date, text string) {
			want, err := ParseDate(text)
			if err != nil {
				t.Fatalf("%s: ParseDate(%q): %v", name, text, err)
			}
			if got != want {
				t.Fatalf("%s = %q, want %q", name, got, text)
			}
		}
		day := OnDay(y, m, d)
		same("Day", day, fmt.Sprintf("%s-%02d-%02d", ys, int(m), d))
		same("OnDay", fromDay(date.New(y, m, d)), day.String())
		same("Month", InMonth(y, m), fmt.Sprintf("%s-%02d", ys, int(m)))
		same("Year", InYear(y), ys)
		long := rapid.IntRange(-maxYear, maxYear).Draw(t, "long")
		same("Year(long)", InYear(long), InYear(long).String())

		// At: UTC, whole-minute fixed offsets and zone names.
		h, mi, s := rapid.IntRange(0, 23).Draw(t, "h"), rapid.IntRange(0, 59).Draw(t, "mi"), rapid.IntRange(0, 59).Draw(t, "s")
		locs := []*time.Location{time.UTC, time.FixedZone("", 60*rapid.IntRange(-1439, 1439).Draw(t, "off"))}
		zy := rapid.IntRange(1970, 2037).Draw(t, "zoneYear")
		for _, name := range dtZones {
			loc, err := time.LoadLocation(name)
			if err != nil {
				t.Fatal(err)
			}
			locs = append(locs, loc)
		}
		for _, loc := range locs {
			yy := y
			if loc != time.UTC && loc.String() != "" {
				yy = zy
			}
			tm := time.Date(yy, m, min(d, 28), h, mi, s, rapid.IntRange(0, 999_999_999).Draw(t, "ns"), loc)
			at := At(tm)
			back, err := ParseDate(at.String())
			if err != nil || back != at {
				t.Fatalf("At(%v) = %q does not read back: %v", tm, at, err)
			}
			got, ok := at.Time()
			if !ok || !got.Equal(tm.Truncate(time.Second)) {
				t.Fatalf("At(%v).Time() = %v, %v", tm, got, ok)
			}
		}

		// Between and Since agree with parsing "a/b" and "a/..".
		a, b := dtGenDateOrZero().Draw(t, "a"), dtGenDateOrZero().Draw(t, "b")
		if a.IsInterval() || b.IsInterval() {
			return
		}
		iv, err := Between(a, b)
		parsed, perr := ParseDate(a.String() + "/" + b.String())
		if (err == nil) != (perr == nil) || iv != parsed {
			t.Fatalf("Between(%q, %q) = %q, %v; ParseDate gives %q, %v", a, b, iv, err, parsed, perr)
		}
		if !a.IsZero() {
			if got, want := From(a), MustParseDate(a.String()+"/.."); got != want {
				t.Fatalf("Since(%q) = %q, want %q", a, got, want)
			}
		}
	})
}

// TestDatePropertyQualify checks Approx and Uncertain: they only add the
// qualifier and keep the covered range.
func TestDatePropertyQualify(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := dtGenDate().Draw(t, "d")
		for _, q := range []Qualifier{Approximate, Uncertain} {
			var e Date
			if q == Approximate {
				e = d.Qualified(Approximate)
			} else {
				e = d.Qualified(Uncertain)
			}
			want := d.Qualifier() | q
			if d.StartBound() != BoundKnown && d.EndBound() != BoundKnown {
				want = 0 // "../..": no end to qualify
			}
			if e.Qualifier() != want {
				t.Fatalf("%q qualified with %v: Qualifier %v", d, q, e.Qualifier())
			}
			if e.first() != d.first() || e.last() != d.last() || e.Precision() != d.Precision() {
				t.Fatalf("%q qualified with %v changed its range or precision: %q", d, q, e)
			}
			back, err := ParseDate(e.String())
			if err != nil || back != e {
				t.Fatalf("%q does not read back: %v", e, err)
			}
			if again := e.Qualified(Approximate).Qualified(Uncertain); again != e.Qualified(Uncertain).Qualified(Approximate) || e.Qualified(Approximate).Qualified(Approximate) != e.Qualified(Approximate) {
				t.Fatalf("qualifying %q is not idempotent and commutative", e)
			}
			if !d.IsInterval() && d.Qualifier()&q == q && e != d {
				t.Fatalf("qualifying %q again changed it to %q", d, e)
			}
		}
	})
}

// TestDatePropertyNegativeZero checks that a zero offset written with a
// minus sign is rejected wherever it occurs, and that "+00" and "+00:00"
// are the same instant as "Z".
func TestDatePropertyNegativeZero(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := rapid.IntRange(-9999, 9999).Draw(t, "year")
		m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
		_, _, n := dtLastDay(y, m).Date()
		base := fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d", dtFormatYear(y), int(m), rapid.IntRange(1, n).Draw(t, "day"),
			rapid.IntRange(0, 23).Draw(t, "h"), rapid.IntRange(0, 59).Draw(t, "mi"), rapid.IntRange(0, 59).Draw(t, "s"))
		q := rapid.SampledFrom([]string{"", "~"}).Draw(t, "qual")
		wrap := rapid.SampledFrom([]string{"%s", "%s/..", "/%s"}).Draw(t, "wrap")

		bad := fmt.Sprintf(wrap, base+rapid.SampledFrom([]string{"-00", "-00:00"}).Draw(t, "minus")+q)
		_, err := ParseDate(bad)
		if !errors.Is(err, ErrNegativeZero) || !errors.Is(err, ErrOffsetRange) {
			t.Fatalf("ParseDate(%q) = %v, want ErrNegativeZero", bad, err)
		}

		z := MustParseDate(base + "Z")
		for _, plus := range []string{"+00", "+00:00"} {
			d, err := ParseDate(base + plus + q)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", base+plus+q, err)
			}
			if d.String() != base+"+00:00"+q {
				t.Fatalf("ParseDate(%q).String() = %q", base+plus+q, d.String())
			}
			got, _ := d.Time()
			want, _ := z.Time()
			if !got.Equal(want) {
				t.Fatalf("ParseDate(%q).Time() = %v, want %v", base+plus+q, got, want)
			}
		}
	})
}

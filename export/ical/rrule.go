package ical

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A freq is the FREQ of a recurrence rule.
type freq int

const (
	secondly freq = iota
	minutely
	hourly
	daily
	weekly
	monthly
	yearly
)

var freqs = map[string]freq{
	"SECONDLY": secondly, "MINUTELY": minutely, "HOURLY": hourly, "DAILY": daily,
	"WEEKLY": weekly, "MONTHLY": monthly, "YEARLY": yearly,
}

// A weekdayNum is one item of BYDAY: a weekday, and with n the n-th such
// day of the month or year (from its end when negative), else every one.
type weekdayNum struct {
	n  int
	wd time.Weekday
}

// An rrule is a recurrence rule (RFC 5545 3.3.10) as parsed.
type rrule struct {
	freq     freq
	interval int
	count    int       // 0: none
	until    time.Time // zero: none; a wall clock held as UTC, or an instant when untilUTC
	untilUTC bool
	untilDay bool // UNTIL is a DATE: the whole day counts
	bySecond []int
	byMinute []int
	byHour   []int
	byDay    []weekdayNum
	byMonthDay,
	byYearDay,
	byWeekNo,
	byMonth,
	bySetPos []int
	wkst time.Weekday
}

// bounded reports whether the rule ends by itself.
func (r *rrule) bounded() bool { return r.count > 0 || !r.until.IsZero() }

// parseRRule parses a RECUR value, checking the rules RFC 5545 3.3.10
// gives for the combinations of its parts.
func parseRRule(s string) (*rrule, error) {
	r := &rrule{interval: 1, wkst: time.Monday, freq: -1}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(s, ";") {
		if part == "" {
			continue // a trailing ";", as some producers write
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("%q is not NAME=value", part)
		}
		k = strings.ToUpper(strings.TrimSpace(k))
		// Some producers write "BYDAY=MO, TU": spaces mean nothing here.
		v = strings.ToUpper(strings.ReplaceAll(v, " ", ""))
		if seen[k] {
			return nil, fmt.Errorf("%s given twice", k)
		}
		seen[k] = true
		var err error
		switch k {
		case "FREQ":
			f, ok := freqs[v]
			if !ok {
				return nil, fmt.Errorf("FREQ=%s is not a frequency", v)
			}
			r.freq = f
		case "INTERVAL":
			n, ok := smallAtoi(v)
			if !ok || n < 1 {
				return nil, errors.New("INTERVAL: not a positive number")
			}
			r.interval = n
		case "COUNT":
			n, ok := smallAtoi(v)
			if !ok || n < 1 {
				return nil, errors.New("COUNT: not a positive number")
			}
			r.count = n
		case "UNTIL":
			c, err := parseDateTime(v)
			if err != nil {
				if c, err = parseDate(v); err != nil {
					return nil, fmt.Errorf("UNTIL: %w", err)
				}
				r.untilDay = true
			}
			r.until, r.untilUTC = c.wall, c.utc
		case "BYSECOND":
			r.bySecond, err = intList(v, 0, 60, false)
		case "BYMINUTE":
			r.byMinute, err = intList(v, 0, 59, false)
		case "BYHOUR":
			r.byHour, err = intList(v, 0, 23, false)
		case "BYMONTHDAY":
			r.byMonthDay, err = intList(v, 1, 31, true)
		case "BYYEARDAY":
			r.byYearDay, err = intList(v, 1, 366, true)
		case "BYWEEKNO":
			r.byWeekNo, err = intList(v, 1, 53, true)
		case "BYMONTH":
			r.byMonth, err = intList(v, 1, 12, false)
		case "BYSETPOS":
			r.bySetPos, err = intList(v, 1, 366, true)
		case "BYDAY":
			r.byDay, err = parseByDay(v)
		case "WKST":
			wd, ok := rruleWeekdays[v]
			if !ok {
				return nil, fmt.Errorf("WKST=%s is not a weekday", v)
			}
			r.wkst = wd
		default:
			if !strings.HasPrefix(k, "X-") {
				return nil, fmt.Errorf("%s is not a part of a recurrence rule", k)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
	}
	switch {
	case r.freq < 0:
		return nil, errors.New("no FREQ")
	case r.count > 0 && !r.until.IsZero():
		return nil, errors.New("both COUNT and UNTIL")
	case len(r.byWeekNo) > 0 && r.freq != yearly:
		return nil, errors.New("BYWEEKNO is only for FREQ=YEARLY")
	case len(r.byYearDay) > 0 && (r.freq == daily || r.freq == weekly || r.freq == monthly):
		return nil, errors.New("BYYEARDAY is not for FREQ=DAILY, WEEKLY or MONTHLY")
	case len(r.byMonthDay) > 0 && r.freq == weekly:
		return nil, errors.New("BYMONTHDAY is not for FREQ=WEEKLY")
	case len(r.bySetPos) > 0 && len(r.bySecond)+len(r.byMinute)+len(r.byHour)+len(r.byDay)+len(r.byMonthDay)+len(r.byYearDay)+len(r.byWeekNo)+len(r.byMonth) == 0:
		return nil, errors.New("BYSETPOS needs another BYxxx part")
	}
	if slices.ContainsFunc(r.byDay, func(w weekdayNum) bool { return w.n != 0 }) &&
		(r.freq < monthly || (r.freq == yearly && len(r.byWeekNo) > 0)) {
		return nil, errors.New("BYDAY with a number is only for FREQ=MONTHLY, and FREQ=YEARLY without BYWEEKNO")
	}
	return r, nil
}

// intList parses a comma-separated list of numbers from lo to hi, or
// their negatives when neg.
func intList(v string, lo, hi int, neg bool) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(v, ",") {
		sign := 1
		switch {
		case strings.HasPrefix(f, "-") && neg:
			sign, f = -1, f[1:]
		case strings.HasPrefix(f, "+"):
			f = f[1:]
		}
		n, ok := smallAtoi(f)
		if !ok || n < lo || n > hi {
			return nil, fmt.Errorf("%q out of range", f)
		}
		out = append(out, sign*n)
	}
	return out, nil
}

// parseByDay parses BYDAY: weekdays, each after an optional number.
func parseByDay(v string) ([]weekdayNum, error) {
	var out []weekdayNum
	for f := range strings.SplitSeq(v, ",") {
		if len(f) < 2 {
			return nil, fmt.Errorf("%q is not a weekday", f)
		}
		wd, ok := rruleWeekdays[f[len(f)-2:]]
		if !ok {
			return nil, fmt.Errorf("%q is not a weekday", f)
		}
		w := weekdayNum{wd: wd}
		if num := f[:len(f)-2]; num != "" {
			ns, err := intList(num, 1, 53, true)
			if err != nil {
				return nil, err
			}
			w.n = ns[0]
		}
		out = append(out, w)
	}
	return out, nil
}

// An expansion is the state of a rule's expansion: its start, and how
// many candidate times it may still look at.
type expansion struct {
	r     *rrule
	start time.Time // DTSTART's wall clock, held as UTC
	// instant returns the instant of a wall clock, for UNTIL in UTC.
	instant func(wall time.Time) time.Time
	// from and to bound the wall clocks wanted, by their day; zero: none.
	from, to time.Time
	steps    int // candidate periods left before giving up
}

// errTooCostly reports a rule whose expansion looked at more candidates
// than the budget allows.
var errTooCostly = errors.New("the rule needs too many steps to expand")

// maxRuleSteps bounds the candidate periods one rule's expansion looks at.
const maxRuleSteps = 1 << 20

// each calls yield with the start of every occurrence of the rule, in
// order, DTSTART first (RFC 5545 counts it as the first occurrence even
// where the rule would not give it), until COUNT, UNTIL, the end of the
// range to, or yield says stop. Occurrences before from are passed over
// but counted. It returns errTooCostly when it looked at too many periods.
func (x *expansion) each(yield func(time.Time) bool) error {
	r := x.r
	n := 0
	emit := func(t time.Time) (more bool) {
		if !r.until.IsZero() && x.after(t) {
			return false
		}
		if !x.to.IsZero() && !t.Before(x.to) {
			return false
		}
		n++
		if r.count > 0 && n > r.count {
			return false
		}
		if !x.from.IsZero() && t.Before(x.from) {
			return true
		}
		return yield(t)
	}
	if !emit(x.start) {
		return nil
	}
	for k := x.firstPeriod(); ; k++ {
		if x.steps--; x.steps < 0 {
			return errTooCostly
		}
		ps, pe, ok := x.period(k)
		if !ok {
			return nil
		}
		if !x.to.IsZero() && !ps.Before(x.to) {
			return nil
		}
		if !r.until.IsZero() && x.afterPeriod(ps) {
			return nil
		}
		for _, t := range x.candidates(ps, pe) {
			if !t.After(x.start) {
				continue
			}
			if !emit(t) {
				return nil
			}
		}
		k = x.skip(k, ps)
	}
}

// skip returns the period before the next one worth looking at, for
// rules finer than a day: past the rest of a day the rule's days exclude,
// of an hour its hours exclude, of a minute its minutes exclude.
func (x *expansion) skip(k int, ps time.Time) int {
	r := x.r
	if r.freq > hourly {
		return k
	}
	var next time.Time
	switch {
	case !x.dayMatches(ps.Truncate(24 * time.Hour)):
		next = ps.Truncate(24*time.Hour).AddDate(0, 0, 1)
	case r.freq < hourly && len(r.byHour) > 0 && !slices.Contains(r.byHour, ps.Hour()):
		next = ps.Truncate(time.Hour).Add(time.Hour)
	case r.freq < minutely && len(r.byMinute) > 0 && !slices.Contains(r.byMinute, ps.Minute()):
		next = ps.Truncate(time.Minute).Add(time.Minute)
	default:
		return k
	}
	unit := map[freq]time.Duration{hourly: time.Hour, minutely: time.Minute, secondly: time.Second}[r.freq]
	step := unit * time.Duration(r.interval)
	base, _, _ := x.period(0)
	// The first period at or after next: base + n*step >= next.
	n := int((next.Sub(base) + step - 1) / step)
	return max(k, n-1)
}

// after reports whether t is after UNTIL.
func (x *expansion) after(t time.Time) bool {
	r := x.r
	switch {
	case r.untilDay:
		return t.Truncate(24 * time.Hour).After(r.until)
	case r.untilUTC && x.instant != nil:
		return x.instant(t).After(r.until)
	}
	return t.After(r.until)
}

// afterPeriod reports whether a period that starts at ps starts after
// UNTIL, a day later to allow for offsets.
func (x *expansion) afterPeriod(ps time.Time) bool {
	return ps.After(x.r.until.Add(36 * time.Hour))
}

// firstPeriod returns the first period worth looking at: the first, or
// with a range and no COUNT, which must count from DTSTART, one shortly
// before the range.
func (x *expansion) firstPeriod() int {
	r := x.r
	if r.count > 0 || x.from.IsZero() || !x.from.After(x.start) {
		return 0
	}
	var k int64
	switch r.freq {
	case yearly:
		k = int64(x.from.Year() - x.start.Year())
	case monthly:
		k = int64((x.from.Year()-x.start.Year())*12 + int(x.from.Month()) - int(x.start.Month()))
	case weekly:
		k = int64(x.from.Sub(x.start) / (7 * 24 * time.Hour))
	case daily:
		k = int64(x.from.Sub(x.start) / (24 * time.Hour))
	case hourly:
		k = int64(x.from.Sub(x.start) / time.Hour)
	case minutely:
		k = int64(x.from.Sub(x.start) / time.Minute)
	default:
		k = int64(x.from.Sub(x.start) / time.Second)
	}
	k = k/int64(r.interval) - 1
	if k < 0 || k > 1<<40 {
		return 0
	}
	return int(k)
}

// period returns the k-th period of the rule: [ps, pe).
func (x *expansion) period(k int) (ps, pe time.Time, ok bool) {
	r, s := x.r, x.start
	step := k * r.interval
	y, m, d := s.Date()
	switch r.freq {
	case yearly:
		ps = time.Date(y+step, 1, 1, 0, 0, 0, 0, time.UTC)
		pe = ps.AddDate(1, 0, 0)
	case monthly:
		ps = time.Date(y, m+time.Month(step), 1, 0, 0, 0, 0, time.UTC)
		pe = ps.AddDate(0, 1, 0)
	case weekly:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		back := (int(day.Weekday()) - int(r.wkst) + 7) % 7
		ps = day.AddDate(0, 0, -back+7*step)
		pe = ps.AddDate(0, 0, 7)
	case daily:
		ps = time.Date(y, m, d+step, 0, 0, 0, 0, time.UTC)
		pe = ps.AddDate(0, 0, 1)
	case hourly:
		ps = s.Truncate(time.Hour).Add(time.Duration(step) * time.Hour)
		pe = ps.Add(time.Hour)
	case minutely:
		ps = s.Truncate(time.Minute).Add(time.Duration(step) * time.Minute)
		pe = ps.Add(time.Minute)
	default:
		ps = s.Add(time.Duration(step) * time.Second)
		pe = ps.Add(time.Second)
	}
	return ps, pe, ps.Year() <= 9999
}

// candidates returns the times the rule gives in the period [ps, pe), in
// order, after BYSETPOS.
func (x *expansion) candidates(ps, pe time.Time) []time.Time {
	r, s := x.r, x.start
	var out []time.Time
	if r.freq <= hourly {
		day := ps.Truncate(24 * time.Hour)
		if !x.dayMatches(day) {
			return nil
		}
		h, m, sec := ps.Clock()
		if len(r.byHour) > 0 && !slices.Contains(r.byHour, h) {
			return nil
		}
		if r.freq <= minutely && len(r.byMinute) > 0 && !slices.Contains(r.byMinute, m) {
			return nil
		}
		if r.freq == secondly && len(r.bySecond) > 0 && !slices.Contains(r.bySecond, sec) {
			return nil
		}
		mins, secs := []int{m}, []int{sec}
		if r.freq == hourly {
			mins = orDefault(r.byMinute, s.Minute())
		}
		if r.freq >= minutely {
			secs = orDefault(r.bySecond, s.Second())
		}
		for _, mi := range mins {
			for _, se := range secs {
				out = append(out, time.Date(day.Year(), day.Month(), day.Day(), h, mi, min(se, 59), 0, time.UTC))
			}
		}
	} else {
		first, last := ps, pe
		if r.freq == yearly && len(r.byWeekNo) > 0 {
			// Week 1 may begin in December, and the last week end in January.
			first, last = weekOne(ps.Year(), r.wkst), weekOne(ps.Year()+1, r.wkst)
		}
		hours, mins, secs := orDefault(r.byHour, s.Hour()), orDefault(r.byMinute, s.Minute()), orDefault(r.bySecond, s.Second())
		for day := first; day.Before(last); day = day.AddDate(0, 0, 1) {
			if !x.dayMatches(day) || (len(r.byWeekNo) > 0 && !x.weekMatches(day, ps.Year())) {
				continue
			}
			for _, h := range hours {
				for _, mi := range mins {
					for _, se := range secs {
						out = append(out, time.Date(day.Year(), day.Month(), day.Day(), h, mi, min(se, 59), 0, time.UTC))
					}
				}
			}
		}
		slices.SortFunc(out, time.Time.Compare)
		out = slices.Compact(out)
	}
	if len(r.bySetPos) > 0 {
		var picked []time.Time
		for _, p := range r.bySetPos {
			i := p - 1
			if p < 0 {
				i = len(out) + p
			}
			if i >= 0 && i < len(out) {
				picked = append(picked, out[i])
			}
		}
		slices.SortFunc(picked, time.Time.Compare)
		out = slices.Compact(picked)
	}
	return out
}

func orDefault(list []int, v int) []int {
	if len(list) > 0 {
		s := slices.Clone(list)
		slices.Sort(s)
		return s
	}
	return []int{v}
}

// dayMatches reports whether a day passes the rule's BYMONTH, BYYEARDAY,
// BYMONTHDAY and BYDAY, or the days DTSTART implies where the rule has
// none of them (every year on DTSTART's month and day; every month on its
// day; every week on its weekday).
func (x *expansion) dayMatches(day time.Time) bool {
	r, s := x.r, x.start
	y, m, d := day.Date()
	if len(r.byMonth) > 0 && !slices.Contains(r.byMonth, int(m)) {
		return false
	}
	noDays := len(r.byYearDay) == 0 && len(r.byMonthDay) == 0 && len(r.byDay) == 0 && len(r.byWeekNo) == 0
	switch {
	case noDays && r.freq == yearly:
		if len(r.byMonth) == 0 && m != s.Month() {
			return false
		}
		return d == s.Day()
	case noDays && r.freq == monthly:
		return d == s.Day()
	case noDays && r.freq == weekly:
		return day.Weekday() == s.Weekday()
	}
	if len(r.byYearDay) > 0 {
		yd, n := day.YearDay(), daysIn(y)
		if !slices.ContainsFunc(r.byYearDay, func(v int) bool { return v == yd || v == yd-n-1 }) {
			return false
		}
	}
	if len(r.byMonthDay) > 0 {
		n := monthLen(y, m)
		if !slices.ContainsFunc(r.byMonthDay, func(v int) bool { return v == d || v == d-n-1 }) {
			return false
		}
	}
	if len(r.byDay) > 0 && !x.weekdayMatches(day) {
		return false
	}
	return true
}

// weekdayMatches checks BYDAY: a numbered weekday counts in the month for
// FREQ=MONTHLY and for FREQ=YEARLY with BYMONTH, else in the year.
func (x *expansion) weekdayMatches(day time.Time) bool {
	r := x.r
	y, m, d := day.Date()
	inMonth := r.freq == monthly || (r.freq == yearly && len(r.byMonth) > 0)
	for _, w := range r.byDay {
		if w.wd != day.Weekday() {
			continue
		}
		if w.n == 0 {
			return true
		}
		var pos, neg int
		if inMonth {
			pos, neg = (d-1)/7+1, -((monthLen(y, m)-d)/7 + 1)
		} else {
			yd := day.YearDay()
			pos, neg = (yd-1)/7+1, -((daysIn(y)-yd)/7 + 1)
		}
		if w.n == pos || w.n == neg {
			return true
		}
	}
	return false
}

// weekMatches checks BYWEEKNO for a day of the weeks of year y.
func (x *expansion) weekMatches(day time.Time, y int) bool {
	w1 := weekOne(y, x.r.wkst)
	n := int(weekOne(y+1, x.r.wkst).Sub(w1) / (7 * 24 * time.Hour)) // weeks in the year
	wk := int(day.Sub(w1)/(7*24*time.Hour)) + 1
	return slices.ContainsFunc(x.r.byWeekNo, func(v int) bool { return v == wk || v == wk-n-1 })
}

// weekOne returns the first day of week 1 of year y, the first week that
// has at least four days of the year, weeks starting on wkst (ISO 8601
// with WKST).
func weekOne(y int, wkst time.Weekday) time.Time {
	jan1 := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	off := (int(jan1.Weekday()) - int(wkst) + 7) % 7
	if off <= 3 {
		return jan1.AddDate(0, 0, -off)
	}
	return jan1.AddDate(0, 0, 7-off)
}

func daysIn(y int) int { return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() }

func monthLen(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

package ical

import (
	"slices"
	"testing"
	"time"
)

// FuzzRecurrence expands arbitrary rules from arbitrary starts within a
// window and checks what every expansion must be: bounded in work, in
// order, without repeats, within the window and after DTSTART, no more
// than COUNT, none after UNTIL, each on a day the rule's BYMONTH and
// plain BYDAY allow, and the same when the window starts later, but for
// the occurrences before it.
func FuzzRecurrence(f *testing.F) {
	for _, s := range []string{
		"FREQ=DAILY;COUNT=10", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE,FR", "FREQ=MONTHLY;BYDAY=-2MO",
		"FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100,200",
		"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11", "FREQ=HOURLY;UNTIL=19970902T170000Z",
		"FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;BYHOUR=25",
	} {
		f.Add(s, int64(873190800), uint16(0), uint16(400))
	}
	f.Fuzz(func(t *testing.T, rule string, start int64, skip, days uint16) {
		r, err := parseRRule(rule)
		if err != nil {
			return
		}
		if start < -62135596800 || start > 253402214400 { // years 1 to 9999
			return
		}
		dtstart := time.Unix(start, 0).UTC().Truncate(time.Second)
		from := dtstart.Truncate(24*time.Hour).AddDate(0, 0, int(skip))
		to := from.AddDate(0, 0, int(days)%2000+1)
		complete := true
		run := func(from time.Time) []time.Time {
			x := &expansion{r: r, start: dtstart, from: from, to: to, steps: 1 << 14}
			var out []time.Time
			if x.each(func(at time.Time) bool {
				out = append(out, at)
				return len(out) < 5000
			}) != nil {
				complete = false
			}
			return out
		}
		got := run(from)
		for i, at := range got {
			switch {
			case i > 0 && !at.After(got[i-1]):
				t.Fatalf("%s: %s after %s", rule, at, got[i-1])
			case at.Before(from) || !at.Before(to):
				t.Fatalf("%s: %s outside [%s, %s)", rule, at, from, to)
			case at.Before(dtstart):
				t.Fatalf("%s: %s before DTSTART %s", rule, at, dtstart)
			case r.count > 0 && i >= r.count:
				t.Fatalf("%s: more than COUNT", rule)
			case !r.until.IsZero() && !r.untilUTC && !r.untilDay && at.After(r.until):
				t.Fatalf("%s: %s after UNTIL", rule, at)
			}
			if at.Equal(dtstart) {
				continue // DTSTART counts whatever the rule
			}
			if len(r.byMonth) > 0 && !slices.Contains(r.byMonth, int(at.Month())) {
				t.Fatalf("%s: %s not in BYMONTH", rule, at)
			}
			plain := true
			for _, w := range r.byDay {
				plain = plain && w.n == 0
			}
			if len(r.byDay) > 0 && plain && !slices.ContainsFunc(r.byDay, func(w weekdayNum) bool { return w.wd == at.Weekday() }) {
				t.Fatalf("%s: %s not on a BYDAY", rule, at)
			}
		}
		// Without COUNT, where the window starts does not change what falls
		// in it.
		if r.count == 0 && len(got) > 0 && len(got) < 5000 {
			all := run(dtstart.Truncate(24 * time.Hour))
			var within []time.Time
			for _, at := range all {
				if !at.Before(from) {
					within = append(within, at)
				}
			}
			if complete && len(all) < 5000 && !slices.EqualFunc(within, got, time.Time.Equal) {
				t.Fatalf("%s: from %s, %d occurrences; from DTSTART, %d in the window", rule, from, len(got), len(within))
			}
		}
	})
}

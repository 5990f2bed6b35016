package ical

import (
	"fmt"
	"time"
)

// writeTimezone writes a VTIMEZONE for the named zone of the Go zone
// database, covering the years from first to last: one observance for the
// offset in force at the start, and one for every change of offset after,
// each with its own DTSTART rather than a rule, so that it says exactly
// what the zone database says for those years.
func (lw *lineWriter) writeTimezone(loc *time.Location, first, last int) {
	lw.simple("BEGIN", "VTIMEZONE")
	lw.prop("TZID")
	lw.text(loc.String())
	start := time.Date(first, time.January, 1, 0, 0, 0, 0, loc)
	end := time.Date(last+1, time.January, 1, 0, 0, 0, 0, loc)
	name, off := start.Zone()
	lw.observance(start.IsDST(), name, off, off, start)
	for t := start; t.Before(end); {
		// Zones change offset at most a few times a year, never twice in a
		// week; a week's step finds every change, and a binary search its
		// second.
		next := t.Add(7 * 24 * time.Hour)
		if _, o := next.Zone(); o != off {
			// Find the first second of the new offset.
			lo, hi := t.Unix(), next.Unix()
			for hi-lo > 1 {
				mid := lo + (hi-lo)/2
				if _, o := time.Unix(mid, 0).In(loc).Zone(); o == off {
					lo = mid
				} else {
					hi = mid
				}
			}
			at := time.Unix(hi, 0).In(loc)
			newName, newOff := at.Zone()
			// DTSTART is the local time of the change in the offset before it.
			lw.observance(at.IsDST(), newName, off, newOff, at.In(time.FixedZone("", off)))
			off = newOff
			t = at
			continue
		}
		t = next
	}
	lw.simple("END", "VTIMEZONE")
}

func (lw *lineWriter) observance(dst bool, name string, from, to int, local time.Time) {
	kind := "STANDARD"
	if dst {
		kind = "DAYLIGHT"
	}
	lw.simple("BEGIN", kind)
	lw.simple("DTSTART", local.Format("20060102T150405"))
	lw.simple("TZOFFSETFROM", utcOffset(from))
	lw.simple("TZOFFSETTO", utcOffset(to))
	if name != "" {
		lw.prop("TZNAME")
		lw.text(name)
	}
	lw.simple("END", kind)
}

// utcOffset formats an offset as RFC 5545 UTC-OFFSET: +hhmm or +hhmmss.
func utcOffset(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

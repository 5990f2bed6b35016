package bench_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	arran "github.com/arran4/golang-ical"
	emersion "github.com/emersion/go-ical"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/timeline"
)

// An icalPeer writes the events of a timeline as an iCalendar stream with
// another Go library: it builds that library's calendar from the events
// (UID, DTSTAMP, DTSTART and DTEND, SUMMARY, DESCRIPTION, LOCATION,
// CATEGORIES, STATUS, URL, as the library's documentation shows) and
// serializes it. Accordline's Encode writes more (the participants in
// DESCRIPTION, the VTIMEZONEs, the X- properties), and reads the events
// from the timeline: timeline-reads measures that share alone.
type icalPeer struct {
	name   string
	encode func(io.Writer, []event.Event) error
}

var icalStamp = time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC)

var icalStatus = map[event.Status]string{
	event.Planned: "TENTATIVE", event.Announced: "TENTATIVE", event.Postponed: "TENTATIVE",
	event.Occurred: "CONFIRMED", event.Cancelled: "CANCELLED",
}

// icalTimes returns an event's start and end as a calendar holds them:
// the first and the day after the last day, or the instants.
func icalTimes(e *event.Event) (start, end time.Time, allDay, ok bool) {
	d := e.Date
	if s, ok1 := d.Start().Time(); ok1 && d.Start().HasTime() {
		end := s
		if t, ok2 := d.End().Time(); ok2 && d.IsInterval() {
			end = t
		}
		return s, end, false, true
	}
	first, ok1 := d.Earliest()
	last, ok2 := d.Latest()
	if !ok1 || !ok2 {
		return time.Time{}, time.Time{}, false, false
	}
	y, m, dd := first.Date()
	y2, m2, dd2 := last.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), time.Date(y2, m2, dd2+1, 0, 0, 0, 0, time.UTC), true, true
}

func categories(e *event.Event) []string { return append([]string{e.Kind.Name()}, e.Tags...) }

var icalPeers = []icalPeer{
	{"golang-ical", func(w io.Writer, events []event.Event) error {
		cal := arran.NewCalendar()
		cal.SetProductId("-//bench//EN")
		for i := range events {
			e := &events[i]
			start, end, allDay, ok := icalTimes(e)
			if !ok {
				continue
			}
			ev := cal.AddEvent(e.ID.String())
			ev.SetDtStampTime(icalStamp)
			if allDay {
				ev.SetAllDayStartAt(start)
				ev.SetAllDayEndAt(end)
			} else {
				ev.SetStartAt(start)
				ev.SetEndAt(end)
			}
			ev.SetSummary(e.Title)
			if e.Description != "" {
				ev.SetDescription(e.Description)
			}
			if e.Place.Name != "" {
				ev.SetLocation(e.Place.Name)
			}
			ev.AddProperty(arran.ComponentPropertyCategories, strings.Join(categories(e), ","))
			ev.SetStatus(arran.ObjectStatus(icalStatus[e.Status]))
			for _, s := range e.Sources {
				if s.URL != "" {
					ev.SetURL(s.URL)
					break
				}
			}
		}
		return cal.SerializeTo(w)
	}},
	{"go-ical", func(w io.Writer, events []event.Event) error {
		cal := emersion.NewCalendar()
		cal.Props.SetText(emersion.PropVersion, "2.0")
		cal.Props.SetText(emersion.PropProductID, "-//bench//EN")
		for i := range events {
			e := &events[i]
			start, end, allDay, ok := icalTimes(e)
			if !ok {
				continue
			}
			ev := emersion.NewEvent()
			ev.Props.SetText(emersion.PropUID, e.ID.String())
			ev.Props.SetDateTime(emersion.PropDateTimeStamp, icalStamp)
			if allDay {
				ev.Props.SetDate(emersion.PropDateTimeStart, start)
				ev.Props.SetDate(emersion.PropDateTimeEnd, end)
			} else {
				ev.Props.SetDateTime(emersion.PropDateTimeStart, start.UTC())
				ev.Props.SetDateTime(emersion.PropDateTimeEnd, end.UTC())
			}
			ev.Props.SetText(emersion.PropSummary, e.Title)
			if e.Description != "" {
				ev.Props.SetText(emersion.PropDescription, e.Description)
			}
			if e.Place.Name != "" {
				ev.Props.SetText(emersion.PropLocation, e.Place.Name)
			}
			cats := emersion.NewProp(emersion.PropCategories)
			cats.SetTextList(categories(e))
			ev.Props.Set(cats)
			ev.Props.SetText(emersion.PropStatus, icalStatus[e.Status])
			for _, s := range e.Sources {
				if s.URL != "" {
					ev.Props.SetText(emersion.PropURL, s.URL)
					break
				}
			}
			cal.Children = append(cal.Children, ev.Component)
		}
		return emersion.NewEncoder(w).Encode(cal)
	}},
}

// icalSizes are the numbers of synthetic events benchmarked.
var icalSizes = []int{10_000, 100_000}

type icalData struct {
	tl     *timeline.Timeline
	events []event.Event
}

var icalCache sync.Map // n → *icalData

func icalSynth(tb testing.TB, n int) *icalData {
	if d, ok := icalCache.Load(n); ok {
		return d.(*icalData)
	}
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		tb.Fatal(err)
	}
	if _, err := tl.Add(events...); err != nil {
		tb.Fatal(err)
	}
	d := &icalData{tl: tl}
	for e := range tl.All() {
		d.events = append(d.events, e)
	}
	icalCache.Store(n, d)
	return d
}

func icalOptions() *ical.Options {
	return &ical.Options{Now: func() time.Time { return icalStamp }}
}

// TestICalPeers checks that every peer writes a VEVENT for each event with
// a bounded date, as Accordline writes one for each it does not skip.
func TestICalPeers(t *testing.T) {
	d := icalSynth(t, 2000)
	var buf bytes.Buffer
	rep, err := ical.Encode(&buf, d.tl, icalOptions())
	if err != nil {
		t.Fatal(err)
	}
	ours := bytes.Count(buf.Bytes(), []byte("BEGIN:VEVENT"))
	if ours != rep.Events {
		t.Fatalf("Accordline: %d VEVENTs, report %d", ours, rep.Events)
	}
	for _, p := range icalPeers {
		buf.Reset()
		if err := p.encode(&buf, d.events); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if n := bytes.Count(buf.Bytes(), []byte("BEGIN:VEVENT")); n < ours {
			t.Errorf("%s: %d VEVENTs, Accordline %d", p.name, n, ours)
		}
	}
}

// BenchmarkICalEncode writes the synthetic timelines with Accordline and
// with each peer, side by side; timeline-reads is the share of
// Accordline's time spent reading the events out of the timeline
// (Timeline.Shared, which copies none).
func BenchmarkICalEncode(b *testing.B) {
	for _, n := range icalSizes {
		d := icalSynth(b, n)
		b.Run(fmt.Sprintf("n=%d/accordline", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ical.Encode(io.Discard, d.tl, icalOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/timeline-reads", n), func(b *testing.B) {
			for b.Loop() {
				for e := range d.tl.Shared(timeline.Query{}) {
					_ = e
				}
			}
		})
		for _, p := range icalPeers {
			b.Run(fmt.Sprintf("n=%d/%s", n, p.name), func(b *testing.B) {
				for b.Loop() {
					if err := p.encode(io.Discard, d.events); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/timeline"
)

// FuzzEncodeText puts arbitrary text into the title, description, tag,
// place and quote of a valid event (filtered to what event.Validate
// accepts), and unfiltered into the calendar name, which nothing
// validates. Whatever the text, the output keeps the rules: CRLF line ends
// only, lines of at most 75 octets, each valid UTF-8, exactly one VEVENT,
// no line the text did not come from, and the text back from its escapes.
func FuzzEncodeText(f *testing.F) {
	f.Add("title", "description", "tag", "place", "quote", "name")
	f.Add(" ", "", " ", "", " ", "")
	f.Add(`a\b;c,d:e"f`, "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil", "t,a;g\\", `p"l;a,c:e\`, "q\r\nEND:VCALENDAR", "n\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR")
	f.Add(strings.Repeat("ä", 100), strings.Repeat("😀", 40)+"\r", strings.Repeat("ب", 80), strings.Repeat("€", 60), strings.Repeat("\\n", 50), "\xff\xfe\x00\x85")
	f.Add(strings.Repeat("a", 74)+"ä", strings.Repeat("b", 73)+"😀\n", "\t", "\u2028", "\r\r\n\n", strings.Repeat("x", 69)+"\u00e4\u00e4")
	f.Fuzz(func(t *testing.T, title, desc, tag, place, quote, name string) {
		title, tag, place = acceptable(title, false), acceptable(tag, false), acceptable(place, false)
		name = acceptable(name, false) // options are validated as data
		desc, quote = acceptable(desc, true), acceptable(quote, true)
		if strings.TrimSpace(title) == "" {
			title = "t" + title
		}
		if strings.TrimSpace(tag) == "" {
			tag = "g" + tag
		}
		if strings.TrimSpace(quote) == "" {
			quote = "q" + quote
		}
		tl := timeline.New("fuzz", "")
		if err := tl.AddActors(event.Actor{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"}); err != nil {
			t.Fatal(err)
		}
		e := event.Event{
			Kind: event.Statement, Status: event.Occurred, Title: title, Description: desc,
			Date:         event.OnDay(2025, time.November, 6),
			DateText:     place,
			Place:        event.Place{Name: place, Venue: place, City: place, Country: "DE"},
			Participants: []event.Participation{{Actor: "DE", Role: event.Speaker, Capacity: place}},
			Sources:      []event.Source{{Publisher: place, Title: title, Quotes: []event.Quote{{Text: quote, Translation: desc}}}},
			Tags:         []string{tag},
		}
		if _, err := tl.Add(e); err != nil {
			t.Fatalf("the filtered event is not valid: %v", err)
		}
		for _, lossless := range []bool{false, true} {
			var buf bytes.Buffer
			rep, err := ical.Encode(&buf, tl, &ical.Options{Now: fixedClock, Name: name, Description: name, Lossless: lossless})
			if err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			cal := requireRules(t, data)
			if rep.Events != 1 || len(cal.subs("VEVENT")) != 1 || bytes.Count(data, []byte("\r\nBEGIN:VEVENT\r\n")) != 1 {
				t.Fatalf("written %d, %d VEVENTs", rep.Events, len(cal.subs("VEVENT")))
			}
			// The only lines that open or close a component are the real ones.
			var frame []string
			for l := range strings.SplitSeq(string(data), "\r\n") {
				if strings.HasPrefix(l, "BEGIN") || strings.HasPrefix(l, "END") {
					frame = append(frame, l)
				}
			}
			if want := "BEGIN:VCALENDAR BEGIN:VEVENT END:VEVENT END:VCALENDAR"; strings.Join(frame, " ") != want {
				t.Fatalf("component lines %q, want %q", frame, want)
			}
			ev := cal.subs("VEVENT")[0]
			if got := ev.text("SUMMARY"); got != title {
				t.Fatalf("SUMMARY %q, want %q", got, title)
			}
			cats, err := splitList(ev.value("CATEGORIES"))
			if err != nil || len(cats) != 2 || cats[1] != tag {
				t.Fatalf("CATEGORIES %q (%v), want the tag %q", ev.value("CATEGORIES"), err, tag)
			}
			if got, want := ev.text("LOCATION"), place+", "+place+", "+place+", DE"; place != "" && got != want {
				t.Fatalf("LOCATION %q, want %q", got, want)
			}
			d := ev.text("DESCRIPTION")
			if desc != "" && !strings.HasPrefix(d, textOf(desc)+"\n\n") {
				t.Fatalf("DESCRIPTION %q does not start with %q", d, textOf(desc))
			}
			if !strings.Contains(d, textOf(quote)) {
				t.Fatalf("DESCRIPTION %q does not hold the quote %q", d, textOf(quote))
			}
			if n := len(cal.all("NAME")); n != 1 || (name == "" && cal.text("NAME") != "fuzz") {
				t.Fatalf("%d NAME %q for %q", n, cal.value("NAME"), name)
			}
		}
	})
}

package export_test

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// longListsTimeline holds one event with n participants (each an actor of
// its own), n tags and a description of n distinct words.
func longListsTimeline(b *testing.B, n int) *timeline.Timeline {
	b.Helper()
	e := event.Event{Kind: event.Summit, Title: "Summit", Status: event.Announced, Date: event.OnDay(2025, 11, 6)}
	actors := make([]event.Actor, n)
	var desc strings.Builder
	for i := range n {
		id := event.ActorID("a" + strconv.Itoa(i))
		actors[i] = event.Actor{ID: id, Type: event.Person, Name: "Person " + strconv.Itoa(i)}
		e.Participants = append(e.Participants, event.Participation{Actor: id, Role: event.Participant})
		e.Tags = append(e.Tags, "tag-"+strconv.Itoa(i))
		desc.WriteString("w" + strconv.Itoa(i) + " ")
	}
	e.Description = desc.String()
	tl := timeline.New("Long lists", "")
	if err := tl.AddActors(actors...); err != nil {
		b.Fatal(err)
	}
	if _, err := tl.Add(e); err != nil {
		b.Fatal(err)
	}
	return tl
}

// BenchmarkLongLists runs every writer, and the JSON and iCalendar
// readers, on one event whose lists double in length: the ns/element
// figure stays about flat when the work is linear (an SVG lane search
// made 40,000 participants take 2 s, ten times 10,000).
func BenchmarkLongLists(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 40_000} {
		tl := longListsTimeline(b, n)
		perElement := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/element")
		}
		var js, ics bytes.Buffer
		for _, w := range writers {
			var out *bytes.Buffer
			switch w.name {
			case "json":
				out = &js
			case "ical":
				out = &ics
			}
			b.Run("write-"+w.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
				for b.Loop() {
					if out != nil {
						out.Reset()
						if err := w.fn(out, tl); err != nil {
							b.Fatal(err)
						}
						continue
					}
					if err := w.fn(io.Discard, tl); err != nil {
						b.Fatal(err)
					}
				}
				perElement(b)
			})
		}
		b.Run("read-json/n="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := jsondoc.Decode(bytes.NewReader(js.Bytes()), nil); err != nil {
					b.Fatal(err)
				}
			}
			perElement(b)
		})
		b.Run("read-ical/n="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := ical.Decode(bytes.NewReader(ics.Bytes()), nil); err != nil {
					b.Fatal(err)
				}
			}
			perElement(b)
		})
	}
}

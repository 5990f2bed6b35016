// Command historian imports the public-domain XML of the U.S. Office of the
// Historian (https://history.state.gov) — visits of foreign leaders to the
// United States, trips abroad of presidents and secretaries of state, and
// the guide to recognition and diplomatic relations by country — into one
// timeline, prints what was imported and what was not, and answers a few
// questions. With -out it writes timeline.json, timeline.ics, and
// timeline.html and timeline.svg with a lane per state.
//
//	go run ./examples/historian -data ../shared/data/historian -out out/
//
// With -postgres URL it loads the timeline into that PostgreSQL database and
// answers the same questions from there, with the same output.
//
// Every record becomes an event or a reported problem (file, record id,
// reason); nothing is dropped silently.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

func main() {
	data := flag.String("data", "../shared/data/historian", "the historian data `directory`")
	out := flag.String("out", "", "write timeline.json, .ics, .html and .svg into this `directory`")
	pg := flag.String("postgres", "", "load the timeline into the PostgreSQL database at this `URL` (schema historian) and answer from there")
	flag.Parse()
	var err error
	if *pg != "" {
		err = runPostgres(os.Stdout, *data, *out, *pg, "historian")
	} else {
		err = run(os.Stdout, *data, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "historian:", err)
		os.Exit(1)
	}
}

// importer is one data set and how to import it.
type importer struct {
	name string
	dir  string
	fn   func(dir string) ([]event.Event, []event.Actor, []problem, error)
}

// result is what importing all data sets gave.
type result struct {
	tl       *timeline.Timeline
	read     map[string]int // records read per set
	imported map[string]int
	problems map[string][]problem
}

func importers(data string) []importer {
	return []importer{
		{"visits", filepath.Join(data, "visits", "data"), importVisits},
		{"travels", filepath.Join(data, "travels"), importTravels},
		{"rdcr", filepath.Join(data, "rdcr", "articles"), importRDCR},
	}
}

// build imports every data set and merges them into one timeline.
func build(data string) (*result, error) {
	r := &result{
		tl:       timeline.New("Office of the Historian", "Visits, travels, recognition and relations from history.state.gov"),
		read:     map[string]int{},
		imported: map[string]int{},
		problems: map[string][]problem{},
	}
	var events []event.Event
	var actorLists [][]event.Actor
	for _, im := range importers(data) {
		evs, actors, probs, err := im.fn(im.dir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", im.name, err)
		}
		events = append(events, evs...)
		actorLists = append(actorLists, actors)
		r.imported[im.name] = len(evs)
		r.problems[im.name] = probs
		r.read[im.name] = len(evs) + len(probs)
	}
	if err := r.tl.AddActors(mergeActors(actorLists...)...); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if _, err := r.tl.Add(events...); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return r, nil
}

var visitKinds = []event.Kind{event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit}

func run(w io.Writer, data, out string) error {
	r, err := build(data)
	if err != nil {
		return err
	}
	tl := r.tl
	fmt.Fprintf(w, "Timeline: %d events, %d actors\n", tl.Len(), tl.NumActors())
	for _, im := range importers(data) {
		n := im.name
		fmt.Fprintf(w, "%-8s read %5d  imported %5d  reported %4d\n", n, r.read[n], r.imported[n], len(r.problems[n]))
		printProblems(w, r.problems[n])
	}

	fmt.Fprintln(w, "\nContacts between the United States and Kazakhstan:")
	for e := range tl.Bilateral("US", "KZ") {
		fmt.Fprintf(w, "  %-23s %s\n", e.Date, e.Title)
	}

	visits := timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))
	if g := busiest(tl.Group(visits, timeline.GroupByYear)); g.Key != "" {
		fmt.Fprintf(w, "\nBusiest year of visits to the United States: %s, %d visits\n", g.Key, g.Len())
	}

	if n := tl.Count(timeline.WithKind(event.RelationsEstablished)); n > 0 {
		nineties, _ := event.Between(event.InYear(1990), event.InYear(1999))
		var names []string
		for e := range tl.Select(timeline.And(timeline.WithKind(event.RelationsEstablished), timeline.Within(nineties))) {
			for _, id := range e.InRole(event.Party) {
				if a, ok := tl.Actor(id); ok && id != usID {
					names = append(names, fmt.Sprintf("%s (%s)", a.Name, e.Date))
				}
			}
		}
		fmt.Fprintf(w, "\nRelations established in the 1990s with %d states:\n  %s\n", len(names), strings.Join(names, ", "))
	}

	if gap, ok := longestVisitGap(tl); ok {
		a, _ := tl.Actor(gap.state)
		fmt.Fprintf(w, "\nLongest gap between visits from one country: %s, %d days, %s to %s\n  after:  %s\n  before: %s\n",
			a.Name, gap.Days(), gap.From, gap.To, gap.After.Title, gap.Before.Title)
	}

	if out != "" {
		return write(tl, out)
	}
	return nil
}

// busiest returns the largest group, the earliest of equals.
func busiest(groups []timeline.Group) timeline.Group {
	var best timeline.Group
	for _, g := range groups {
		if g.Len() > best.Len() {
			best = g
		}
	}
	return best
}

type stateGap struct {
	timeline.Gap
	state event.ActorID
}

// longestVisitGap finds the longest gap between two visits to the United
// States from one country, over every state with visits.
func longestVisitGap(tl *timeline.Timeline) (stateGap, bool) {
	visits := timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))
	codes := map[string]event.ActorID{}
	for a := range tl.Actors() {
		if a.Type == event.State && a.ID != usID {
			if _, seen := codes[a.Country]; !seen {
				codes[a.Country] = a.ID
			}
		}
	}
	var best stateGap
	found := false
	for _, code := range slices.Sorted(maps.Keys(codes)) {
		g, ok := tl.LongestGap(timeline.And(visits, timeline.WithCountry(code)))
		if ok && (!found || g.Days() > best.Days()) {
			best, found = stateGap{g, codes[code]}, true
		}
	}
	return best, found
}

// printProblems prints the problems grouped by reason, with up to three
// records each.
func printProblems(w io.Writer, probs []problem) {
	byReason := map[string][]problem{}
	for _, p := range probs {
		byReason[p.Reason] = append(byReason[p.Reason], p)
	}
	reasons := slices.SortedFunc(maps.Keys(byReason), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(byReason[b]), len(byReason[a])), cmp.Compare(a, b))
	})
	for _, reason := range reasons {
		ps := byReason[reason]
		var ex []string
		for _, p := range ps[:min(3, len(ps))] {
			ex = append(ex, p.File+"#"+p.Record)
		}
		fmt.Fprintf(w, "    %4d × %s (%s)\n", len(ps), reason, strings.Join(ex, ", "))
	}
}

// fixedNow is the DTSTAMP of timeline.ics, fixed so that the file is
// reproducible.
var fixedNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func write(tl *timeline.Timeline, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	jf, err := os.Create(filepath.Join(dir, "timeline.json"))
	if err != nil {
		return err
	}
	_, err = jsondoc.Encode(jf, tl, &jsondoc.Options{Indent: "  "})
	if err = errors.Join(err, jf.Close()); err != nil {
		return err
	}
	icf, err := os.Create(filepath.Join(dir, "timeline.ics"))
	if err != nil {
		return err
	}
	_, err = ical.Encode(icf, tl, &ical.Options{Now: func() time.Time { return fixedNow }})
	if err = errors.Join(err, icf.Close()); err != nil {
		return err
	}
	for name, encode := range map[string]func(io.Writer, *timeline.Timeline, *htmlpage.Options) (export.Report, error){
		"timeline.html": htmlpage.Encode,
		"timeline.svg":  htmlpage.EncodeSVG,
	} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		_, err = encode(f, tl, &htmlpage.Options{Lanes: htmlpage.LanesByState})
		if err := errors.Join(err, f.Close()); err != nil {
			return err
		}
	}
	return nil
}

// Command historian imports the public-domain XML of the U.S. Office of the
// Historian (https://history.state.gov) — visits of foreign leaders to the
// United States, trips abroad of presidents and secretaries of state, the
// guide to recognition and diplomatic relations by country, and the
// principal officers and chiefs of mission (pocom) — into one timeline,
// prints what was imported and what was not, answers a few questions with
// the names states bore at the time, and prints what the consistency
// checks of package lint find. With -out it writes timeline.json,
// timeline.ics, and timeline.html and timeline.svg with a lane per state.
//
//	go run ./examples/historian -data ../shared/data/historian -out out/
//
// Every record becomes an event, part of another record's event or an
// office of a person, or a reported problem (file, record id, reason);
// nothing is dropped silently. Records imported with a remark (a typo kept
// as the XML has it, a date attribute that disagrees with its text) are
// listed too.
//
// With -postgres URL it loads the timeline into that PostgreSQL database and
// answers the same questions from there, with the same output.
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
	"github.com/accordline/accordline/timeline/lint"
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

// importer is one data set and how to import it. The importers share one
// set of actors, in the order of [importers]: the principal officers
// first, so that a Secretary's trip finds the office of its date.
type importer struct {
	name string
	dir  string
	fn   func(dir string, actors *actorSet) (*setResult, error)
}

// result is what importing all data sets gave.
type result struct {
	tl       *timeline.Timeline
	sets     []string       // the names of the sets, in the order imported
	read     map[string]int // records read per set
	imported map[string]int // records imported, as events or into others' events
	merged   map[string]int // records imported into another record's event
	events   map[string]int // events made
	problems map[string][]problem
	notes    map[string][]problem // records imported with a remark
	findings []lint.Finding       // the consistency checks as of dataAsOf
}

func importers(data string) []importer {
	pocom := filepath.Join(data, "pocom")
	return []importer{
		{"pocom-principals", pocom, importPrincipals},
		{"visits", filepath.Join(data, "visits", "data"), importVisits},
		{"travels", filepath.Join(data, "travels"), importTravels},
		{"rdcr", filepath.Join(data, "rdcr", "articles"), importRDCR},
		{"pocom-chiefs", pocom, importChiefs},
		{"pocom-concurrent", pocom, importConcurrent},
	}
}

// dataAsOf is the date the data is read as of: the last commit of the
// Office's repositories it comes from (SOURCES.txt).
var dataAsOf = event.OnDay(2026, time.July, 18)

// build imports every data set and merges them into one timeline.
func build(data string) (*result, error) {
	r := &result{
		tl:       timeline.New("Office of the Historian", "Visits, travels, recognition and relations, and chiefs of mission, from history.state.gov"),
		read:     map[string]int{},
		imported: map[string]int{},
		merged:   map[string]int{},
		events:   map[string]int{},
		problems: map[string][]problem{},
		notes:    map[string][]problem{},
	}
	actors := newActorSet()
	var events []event.Event
	for _, im := range importers(data) {
		sr, err := im.fn(im.dir, actors)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", im.name, err)
		}
		events = append(events, sr.events...)
		r.sets = append(r.sets, im.name)
		r.read[im.name] = sr.records
		r.imported[im.name] = sr.imported()
		r.merged[im.name] = sr.merged
		r.events[im.name] = len(sr.events)
		r.problems[im.name] = sr.problems
		r.notes[im.name] = sr.notes
	}
	actors.finish()
	if err := r.tl.AddActors(actors.list()...); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if _, err := r.tl.Add(events...); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	r.findings = lint.Check(r.tl, &lint.Options{AsOf: dataAsOf})
	return r, nil
}

func run(w io.Writer, data, out string) error {
	r, err := build(data)
	if err != nil {
		return err
	}
	if err := report(w, r, memory{r.tl}); err != nil {
		return err
	}
	if out != "" {
		return write(r.tl, out)
	}
	return nil
}

// report prints what was imported and reported, the answers and the
// findings.
func report(w io.Writer, r *result, s store) error {
	n, err := s.Len()
	if err != nil {
		return err
	}
	actors, err := s.NumActors()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Timeline: %d events, %d actors\n", n, actors)
	for _, n := range r.sets {
		fmt.Fprintf(w, "%-16s read %5d  imported %5d (%d into others' events)  events %5d  reported %4d  remarks %3d\n",
			n, r.read[n], r.imported[n], r.merged[n], r.events[n], len(r.problems[n]), len(r.notes[n]))
		printProblems(w, "", r.problems[n])
		printProblems(w, "remark: ", r.notes[n])
	}
	return answer(w, r, s)
}

// printProblems prints records grouped by reason, the most frequent
// first, with up to three records each.
func printProblems(w io.Writer, prefix string, probs []problem) {
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
		fmt.Fprintf(w, "    %4d × %s%s (%s)\n", len(ps), prefix, reason, strings.Join(ex, ", "))
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

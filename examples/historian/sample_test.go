package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// This file checks a random sample of records against the XML, read here
// with a small reader of its own (a tree of elements from encoding/xml's
// tokens), not through the importers' structs and rules. Set
// HISTORIAN_SAMPLE_SEED to repeat a run (the seed is printed) and
// HISTORIAN_SAMPLE_SIZE for more than 50 records a set (100000 checks
// them all).

// xnode is an element with its attributes, children and text.
type xnode struct {
	name  string
	attrs map[string]string
	kids  []*xnode
	text  strings.Builder // all character data inside, in order
}

func readTree(t *testing.T, path string) *xnode {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	d := xml.NewDecoder(bytes.NewReader(b))
	root := &xnode{name: "#document"}
	stack := []*xnode{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, path)
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tk)
			}
		}
	}
	return root
}

// all returns the descendants named name, in document order.
func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// child returns the first child named name, or an empty node.
func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return &xnode{attrs: map[string]string{}}
}

func (n *xnode) str() string { return strings.Join(strings.Fields(n.text.String()), " ") }

// sampled is one record to check and what the XML says about it.
type sampled struct {
	set, file, record string
	check             func(r *sampleRun) []string // mismatches
}

type sampleRun struct {
	tl     *timeline.Timeline
	all    []event.Event
	bySrc  map[string][]*event.Event // source title → events
	byID   map[uuid.UUID]*event.Event
	result *result
}

func (s *sampleRun) reported(set, file, record string) bool {
	for _, p := range s.result.problems[set] {
		if p.File == file && p.Record == record {
			return true
		}
	}
	return false
}

// TestSampleAgainstXML samples records of visits, travels, rdcr and pocom
// at random and checks each imported event against its record: dates,
// precision, kind, actors and their roles, direction, capacity, place and
// source URL.
func TestSampleAgainstXML(t *testing.T) {
	data := historianData(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("HISTORIAN_SAMPLE_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
		seed = v
	}
	t.Logf("sample seed %d (HISTORIAN_SAMPLE_SEED=%d to repeat)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 10))

	r := fullBuild(t)
	run := &sampleRun{tl: r.tl, bySrc: map[string][]*event.Event{}, byID: map[uuid.UUID]*event.Event{}, result: r}
	for e := range r.tl.All() {
		run.all = append(run.all, e)
	}
	for i := range run.all {
		e := &run.all[i]
		run.byID[e.ID] = e
		for _, s := range e.Sources {
			run.bySrc[s.Title] = append(run.bySrc[s.Title], e)
		}
	}

	perSet := 50
	if s := os.Getenv("HISTORIAN_SAMPLE_SIZE"); s != "" {
		v, err := strconv.Atoi(s)
		require.NoError(t, err)
		perSet = v
	}
	var sample []sampled
	sample = append(sample, pick(rng, perSet, visitRecords(t, data))...)
	sample = append(sample, pick(rng, perSet, tripRecords(t, data))...)
	sample = append(sample, pick(rng, perSet, rdcrRecords(t, data))...)
	sample = append(sample, pick(rng, perSet, chiefRecords(t, data))...)

	bad := 0
	perSetBad := map[string]int{}
	for _, s := range sample {
		if miss := s.check(run); len(miss) > 0 {
			bad++
			perSetBad[s.set]++
			t.Errorf("%s %s#%s: %s", s.set, s.file, s.record, strings.Join(miss, "; "))
		}
	}
	t.Logf("sampled %d records (%d per set), %d right, %d wrong %v", len(sample), perSet, len(sample)-bad, bad, perSetBad)
}

func pick(rng *rand.Rand, n int, all []sampled) []sampled {
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(n, len(all))]
}

func dayDate(start, end string) string {
	start, end = strings.TrimSpace(start), strings.TrimSpace(end)
	if end == "" || end == start {
		return start
	}
	return start + "/" + end
}

// protocol reads the protocol level a text gives first, as a kind word.
func protocol(text string) string {
	t := strings.ToLower(text)
	best, kind := len(t)+1, "visit"
	for phrase, k := range map[string]string{
		"state visit": "state-visit", "official working visit": "working-visit", "official visit": "official-visit",
		"unofficial visit": "unofficial-visit", "private working visit": "working-visit", "informal working visit": "working-visit",
		"private visit": "private-visit", "informal visit": "unofficial-visit", "working visit": "working-visit",
		"unofficial courtesy call": "unofficial-visit",
	} {
		for off := 0; ; {
			i := strings.Index(t[off:], phrase)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || !isLetter(t[i-1]) {
				// the longer phrase wins at one position ("official working
				// visit" over "working visit" is at another position anyway)
				if i < best || i == best && len(k) > 0 && strings.HasSuffix(phrase, "working visit") && strings.Contains(phrase, " working") {
					best, kind = i, k
				}
				break
			}
			off = i + 1
		}
	}
	return kind
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

func roleOf(e *event.Event, id event.ActorID) []string {
	var out []string
	for _, p := range e.Participants {
		if p.Actor == id {
			out = append(out, p.Role.String())
		}
	}
	return out
}

func visitRecords(t *testing.T, data string) []sampled {
	files, _ := filepath.Glob(filepath.Join(data, "visits", "data", "*.xml"))
	var out []sampled
	for _, f := range files {
		for _, v := range readTree(t, f).all("visit") {
			id := v.child("id").str()
			start, end := v.child("start-date").str(), v.child("end-date").str()
			visitor, from := v.child("visitor").str(), v.child("from")
			desc := v.child("description").str()
			file := filepath.Base(f)
			out = append(out, sampled{"visits", file, id, func(r *sampleRun) []string {
				evs := r.bySrc["Visits by Foreign Leaders: record "+id]
				if len(evs) == 0 {
					if r.reported("visits", file, id) {
						return nil
					}
					return []string{"neither imported nor reported"}
				}
				e := evs[0]
				var miss []string
				if got, want := e.Date.String(), dayDate(start, end); got != want {
					miss = append(miss, fmt.Sprintf("date %s, XML %s", got, want))
				}
				if e.Date.Precision() != event.PrecisionDay {
					miss = append(miss, "precision "+e.Date.Precision().String())
				}
				if got, want := e.Kind.String(), protocol(desc); got != want {
					miss = append(miss, fmt.Sprintf("kind %s, description says %s (%q)", got, want, desc))
				}
				if roles := roleOf(e, usID); !slices.Equal(roles, []string{"host"}) {
					miss = append(miss, fmt.Sprintf("the United States is %v", roles))
				}
				if e.Place.Country != "US" {
					miss = append(miss, "place "+e.Place.Country)
				}
				for _, p := range e.Participants {
					if p.Role != event.Guest {
						continue
					}
					a, _ := r.tl.Actor(p.Actor)
					if !strings.Contains(visitor, a.Name) && !strings.Contains(visitor, p.Capacity) {
						miss = append(miss, fmt.Sprintf("guest %q, capacity %q not in %q", a.Name, p.Capacity, visitor))
					}
					if p.Capacity != "" && a.Type == event.Person && !strings.Contains(visitor, p.Capacity) {
						miss = append(miss, fmt.Sprintf("capacity %q not in %q", p.Capacity, visitor))
					}
					state := from.attrs["id"]
					if a.Type == event.Person && (state == "" || !strings.Contains(string(a.ID), ".")) {
						miss = append(miss, "guest "+string(a.ID)+" is of no state")
					}
				}
				if want := "https://history.state.gov/departmenthistory/visits/" + start[:4]; e.Sources[0].URL != want {
					miss = append(miss, "source "+e.Sources[0].URL)
				}
				return miss
			}})
		}
	}
	return out
}

// secretaryTerms reads the terms of the Secretaries of State from pocom.
func secretaryTerms(t *testing.T, data string) map[string][][2]string {
	out := map[string][][2]string{}
	for _, p := range readTree(t, filepath.Join(data, "pocom", "positions-principals", "secretary.xml")).all("principal") {
		start := p.child("started").child("date").str()
		if start == "" {
			start = p.child("appointed").child("date").str()
		}
		id := p.child("person-id").str()
		out[id] = append(out[id], [2]string{start, p.child("ended").child("date").str()})
	}
	return out
}

var accompaniedPresident = regexp.MustCompile(`(?i)^accompanied (the )?president\b`)

func tripRecords(t *testing.T, data string) []sampled {
	terms := secretaryTerms(t, data)
	var out []sampled
	for _, role := range []string{"president", "secretary"} {
		files, _ := filepath.Glob(filepath.Join(data, "travels", role+"-travels", "*.xml"))
		for _, f := range files {
			for _, tr := range readTree(t, f).all("trip") {
				id, who := tr.child("id").str(), tr.attrs["who"]
				name := tr.child("name").str()
				start, end := tr.child("start-date").str(), tr.child("end-date").str()
				country, locale := tr.child("country"), tr.child("locale").str()
				remarks := tr.child("remarks").str()
				file := filepath.Base(f)
				capacity := map[string]string{"president": "President", "secretary": "Secretary of State"}[role]
				out = append(out, sampled{"travels", file, id, func(r *sampleRun) []string {
					title := fmt.Sprintf("Travels of the %s: %s, record %s", capacity, name, id)
					evs := r.bySrc[title]
					if len(evs) == 0 {
						if r.reported("travels", file, id) {
							return nil
						}
						return []string{"neither imported nor reported"}
					}
					e := evs[0]
					var miss []string
					merged := len(e.Sources) > 1 && e.Sources[0].Title != title
					if !merged {
						if got, want := e.Date.String(), dayDate(start, end); got != want {
							miss = append(miss, fmt.Sprintf("date %s, XML %s", got, want))
						}
						if want := protocol(remarks); !accompaniedPresident.MatchString(remarks) && e.Kind.String() != want {
							miss = append(miss, fmt.Sprintf("kind %s, remarks say %s", e.Kind, want))
						}
						if e.Place.City != locale {
							miss = append(miss, "city "+e.Place.City)
						}
					} else if !e.Date.Overlaps(event.MustParseDate(dayDate(start, end))) {
						miss = append(miss, "merged into a visit of other dates "+e.Date.String())
					}
					if !merged && accompaniedPresident.MatchString(remarks) && e.Kind != event.Visit {
						miss = append(miss, "an accompanying Secretary alone makes a "+e.Kind.String())
					}
					if slug := country.attrs["id"]; slug != "antarctica" {
						var hosts []string
						for _, p := range e.Participants {
							if p.Role == event.Host {
								hosts = append(hosts, string(p.Actor))
							}
						}
						if len(hosts) != 1 || hosts[0] != slug && canonicalSlug(slug) != hosts[0] {
							miss = append(miss, fmt.Sprintf("host %v, XML %s", hosts, slug))
						}
					}
					var traveller *event.Participation
					for i, p := range e.Participants {
						a, _ := r.tl.Actor(p.Actor)
						if a.Name == name || slices.Contains(a.Aliases, name) || string(p.Actor) == who {
							traveller = &e.Participants[i]
						}
					}
					switch {
					case traveller == nil:
						miss = append(miss, "no "+name)
					case merged && traveller.Role != event.Participant:
						miss = append(miss, "the accompanying Secretary is "+traveller.Role.String())
					case !merged && traveller.Role != event.Guest:
						miss = append(miss, "the traveller is "+traveller.Role.String())
					case traveller.Capacity != capacity:
						miss = append(miss, "capacity "+traveller.Capacity)
					}
					if role == "secretary" {
						in := false
						for _, term := range terms[who] {
							in = in || term[0] <= start && (term[1] == "" || dayDate(start, end)[len(dayDate(start, end))-10:] <= term[1])
						}
						if !in {
							miss = append(miss, "trip outside the pocom terms of "+who)
						}
					}
					url := fmt.Sprintf("https://history.state.gov/departmenthistory/travels/%s/%s", role, who)
					if !slices.ContainsFunc(e.Sources, func(s event.Source) bool { return s.URL == url && s.Title == title }) {
						miss = append(miss, "no source "+url)
					}
					return miss
				}})
			}
		}
	}
	return out
}

func rdcrRecords(t *testing.T, data string) []sampled {
	files, _ := filepath.Glob(filepath.Join(data, "rdcr", "articles", "*.xml"))
	var out []sampled
	yearText := regexp.MustCompile(`\b(1[6-9]\d\d|20\d\d)\b`)
	for _, f := range files {
		slug := strings.TrimSuffix(filepath.Base(f), ".xml")
		n := 0
		for _, d := range readTree(t, f).all("div") {
			if d.attrs["type"] != "timeline" {
				continue
			}
			n++
			rec := strconv.Itoa(n)
			head := d.child("head")
			htext := head.str()
			dates := head.all("date")
			file := filepath.Base(f)
			out = append(out, sampled{"rdcr", file, rec, func(r *sampleRun) []string {
				e := r.byID[uuid.NewSHA1(event.Namespace, []byte("https://history.state.gov/countries/"+slug+"/"+rec))]
				if e == nil {
					if r.reported("rdcr", file, rec) {
						return nil
					}
					return []string{"neither imported nor reported"}
				}
				var miss []string
				h := strings.ToLower(htext)
				// The date: the <date>'s when, or from/to, or the year of
				// the text; where they disagree, the text's years.
				var want string
				if len(dates) > 0 {
					dd := dates[0]
					want = dd.attrs["when"]
					if want == "" && (dd.attrs["from"] != "" || dd.attrs["to"] != "") {
						want = dd.attrs["from"] + "/" + dd.attrs["to"]
					}
					if ys := yearText.FindAllString(dd.str(), -1); len(ys) > 0 && want != "" && !strings.HasPrefix(want, ys[0]) {
						want = "" // attribute and text disagree: checked by year below
					}
				}
				if want != "" && e.Date.String() != want {
					miss = append(miss, fmt.Sprintf("date %s, XML %s", e.Date, want))
				}
				if ys := yearText.FindAllString(htext, -1); len(ys) > 0 {
					if first, ok := e.Date.Earliest(); !ok || strconv.Itoa(first.Year()) != ys[len(ys)-1] && !slices.Contains(ys, strconv.Itoa(first.Year())) {
						miss = append(miss, fmt.Sprintf("year %v, heading %v", e.Date, ys))
					}
				}
				state, us := event.ActorID(canonicalSlug(slug)), usID
				recognizer := func(id event.ActorID) bool {
					return slices.Contains(e.InRole(event.Recognizer), id)
				}
				switch {
				case strings.Contains(h, "withdraw") && strings.Contains(h, "recogni"):
					if e.Kind != event.RecognitionWithdrawn {
						miss = append(miss, "kind "+e.Kind.String()+" for a withdrawal")
					}
				case strings.Contains(h, "recogni"):
					if e.Kind != event.Recognition {
						miss = append(miss, "kind "+e.Kind.String())
					}
					foreign := regexp.MustCompile(`recogni\w*\s+(of\s+)?(the\s+)?(united states|u\.s\. independence|independence of the united states)|recognizes?\s+the\s+united states`).MatchString(h)
					mutual := strings.Contains(h, "mutual") || strings.Contains(h, "between")
					if mutual && !(recognizer(state) && recognizer(us)) || !mutual && foreign && (!recognizer(state) || recognizer(us)) || !mutual && !foreign && (!recognizer(us) || recognizer(state)) {
						miss = append(miss, fmt.Sprintf("recognizers %v for %q", e.InRole(event.Recognizer), htext))
					}
				case strings.Contains(h, "severed") || strings.Contains(h, "severance"):
					if e.Kind != event.RelationsSevered {
						miss = append(miss, "kind "+e.Kind.String()+" for a severance")
					}
				case (strings.Contains(h, "resum") && strings.Contains(h, "relations")) || strings.HasPrefix(h, "reestablishment of diplomatic relations"):
					if e.Kind != event.RelationsResumed {
						miss = append(miss, "kind "+e.Kind.String()+" for a resumption")
					}
				case strings.HasPrefix(h, "establishment of diplomatic relations"):
					if e.Kind != event.RelationsEstablished {
						miss = append(miss, "kind "+e.Kind.String()+" for an establishment")
					}
				}
				if !slices.Contains(e.Actors(), state) || !slices.Contains(e.Actors(), us) {
					miss = append(miss, fmt.Sprintf("actors %v", e.Actors()))
				}
				if e.Sources[0].URL != "https://history.state.gov/countries/"+slug {
					miss = append(miss, "source "+e.Sources[0].URL)
				}
				return miss
			}})
		}
	}
	return out
}

func chiefRecords(t *testing.T, data string) []sampled {
	files, _ := filepath.Glob(filepath.Join(data, "pocom", "missions-countries", "*.xml"))
	var out []sampled
	for _, f := range files {
		root := readTree(t, f)
		territory := root.child("country-mission").child("territory-id").str()
		for _, c := range root.all("chief") {
			id := c.child("id").str()
			person := c.child("person-id").str()
			where := c.child("contemporary-territory-id").str()
			if where == "" {
				where = territory
			}
			appointed := c.child("appointed").child("date").str()
			started := c.child("started").child("date").str()
			startNote := strings.ToLower(c.child("started").child("note").str())
			role := c.child("role-title-id").str()
			file := filepath.Base(f)
			out = append(out, sampled{"pocom-chiefs", file, id, func(r *sampleRun) []string {
				if r.reported("pocom-chiefs", file, id) {
					return nil
				}
				var miss []string
				check := func(which, date string, kind event.Kind) {
					// pocom repeats a few ids: the events of a repeat may
					// have the occurrence in their id, or be the first's.
					var e *event.Event
					for _, suffix := range []string{"", "#2", "#3"} {
						x := r.byID[uuid.NewSHA1(event.Namespace, []byte("https://history.state.gov/pocom/chiefs/"+id+suffix+"/"+which))]
						if x != nil && (e == nil || strings.TrimRight(x.Date.String(), "~") == date) {
							e = x
						}
					}
					if date == "" {
						return
					}
					if e == nil {
						miss = append(miss, "no "+which+" event")
						return
					}
					got := strings.TrimRight(e.Date.String(), "~")
					if got != date {
						miss = append(miss, fmt.Sprintf("%s date %s, XML %s", which, e.Date, date))
					}
					if strings.HasSuffix(e.Date.String(), "~") != (which == "credentials" && (strings.HasPrefix(startNote, "on or") || strings.HasPrefix(startNote, "about") || strings.HasPrefix(startNote, "soon after") || strings.HasPrefix(startNote, "probably"))) {
						miss = append(miss, fmt.Sprintf("%s qualifier %s for note %q", which, e.Date, startNote))
					}
					if e.Kind != kind {
						miss = append(miss, which+" kind "+e.Kind.String())
					}
					if !slices.Equal(e.InRole(event.Envoy), []event.ActorID{event.ActorID(person)}) ||
						!slices.Equal(e.InRole(event.SendingState), []event.ActorID{usID}) ||
						!slices.Equal(e.InRole(event.ReceivingState), []event.ActorID{event.ActorID(canonicalSlug(where))}) {
						miss = append(miss, fmt.Sprintf("%s participants %v", which, e.Participants))
					}
					if e.Sources[0].URL != "https://history.state.gov/departmenthistory/people/"+person {
						miss = append(miss, "source "+e.Sources[0].URL)
					}
				}
				check("appointed", appointed, event.EnvoyAppointed)
				if !strings.HasPrefix(role, "charge-daffaires-ad-interim") && role != "charge-daffaires-pro-tem" {
					check("credentials", started, event.CredentialsPresented)
				}
				return miss
			}})
		}
	}
	return out
}

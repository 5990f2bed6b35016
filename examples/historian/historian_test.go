package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/lint"
)

func TestSplitCapacity(t *testing.T) {
	tests := []struct {
		in, capacity, name string
		typos              int
	}{
		{"Prime Minister Kyriakos Mitsotakis", "Prime Minister", "Kyriakos Mitsotakis", 0},
		{"King Abdullah II", "King", "Abdullah II", 0},
		{"Interim President Juan Guaidó", "Interim President", "Juan Guaidó", 0},
		{"Crown Prince Hussein", "Crown Prince", "Hussein", 0},
		{"President of the Government Mariano Rajoy", "President of the Government", "Mariano Rajoy", 0},
		{"Premier and Prince Sihanouk", "Premier and Prince", "Sihanouk", 0},
		{"Premier & Prince Sihanouk", "Premier & Prince", "Sihanouk", 0},
		{"Chancellor Adenauer", "Chancellor", "Adenauer", 0},
		{"Premier", "Premier", "", 0},
		{"Nelson Mandela", "", "Nelson Mandela", 0},
		{"President Tommy E. Remengesau, Jr.", "President", "Tommy E. Remengesau, Jr.", 0},
		{"President of the Council of Ministers Hussain Mohammad Ershad", "President of the Council of Ministers", "Hussain Mohammad Ershad", 0},
		{"Prime Minister Amir Abbas Hoveyda", "Prime Minister", "Amir Abbas Hoveyda", 0},
		{"Prime Minister Shah Mahmud", "Prime Minister", "Shah Mahmud", 0},
		{"Shah Mohammad Reza Pahlavi", "Shah", "Mohammad Reza Pahlavi", 0},
		{"President Archbishop Makarios III", "President", "Archbishop Makarios III", 0},
		{"Regent Prince Abdul Ilah", "Regent", "Prince Abdul Ilah", 0},
		{"Amir Sabah al-Salim al-Sabah", "Amir", "Sabah al-Salim al-Sabah", 0},
		{"Emir Sheikh Hamad bin Isa al-Khalifa", "Emir", "Sheikh Hamad bin Isa al-Khalifa", 0},
		{"Governor General Lord Tweedsmuir", "Governor General", "Lord Tweedsmuir", 0},
		{"Prime Minister-Prince Norodom Kantol", "Prime Minister-Prince", "Norodom Kantol", 0},
		{"Chancellor-elect Gerhard Schroeder", "Chancellor-elect", "Gerhard Schroeder", 0},
		{"Brigadier General Juan Melgar Castro", "Brigadier General", "Juan Melgar Castro", 0},
		{"Junta Member Daniel Ortega", "Junta Member", "Daniel Ortega", 0},
		{"Chairman of the Presidency Bakir Izetbegovic", "Chairman of the Presidency", "Bakir Izetbegovic", 0},
		// Typos of the XML: kept in the capacity, and reported.
		{"Prime Minster Mackenzie King", "Prime Minster", "Mackenzie King", 1},
		{"Prime Ministere Silvio Berlusconi", "Prime Ministere", "Silvio Berlusconi", 1},
		{"President- designate Roberto E. Viola", "President- designate", "Roberto E. Viola", 1},
		{"Prime MinisterHaidar al- Abadi", "Prime Minister", "Haidar al- Abadi", 1},
	}
	for _, tt := range tests {
		c, n, typos := splitCapacity(tt.in)
		assert.Equal(t, tt.capacity, c, tt.in)
		assert.Equal(t, tt.name, n, tt.in)
		assert.Len(t, typos, tt.typos, "%s: %v", tt.in, typos)
	}
}

func TestSplitVisitors(t *testing.T) {
	tests := map[string][]string{
		"President Francesco Cossiga and Prime Minister Giulio Andreotti": {"President Francesco Cossiga", "Prime Minister Giulio Andreotti"},
		"President Anwar Sadat, Prime Minister Mustafa Khalil":            {"President Anwar Sadat", "Prime Minister Mustafa Khalil"},
		"King Abdullah and Crown Prince Hussein":                          {"King Abdullah", "Crown Prince Hussein"},
		"President Benigno S. Aquino, 3rd":                                {"President Benigno S. Aquino, 3rd"},
		"Premier and Prince Sihanouk":                                     {"Premier and Prince Sihanouk"},
		"Premier & Prince Sihanouk":                                       {"Premier & Prince Sihanouk"},
	}
	for in, want := range tests {
		assert.Equal(t, want, splitVisitors(in), in)
	}
}

func TestVisitKind(t *testing.T) {
	tests := []struct {
		in   string
		kind event.Kind
		tag  string
	}{
		{"State Visit.", event.StateVisit, ""},
		{"Official Working Visit.", event.WorkingVisit, "official-working-visit"},
		{"Official visit.", event.OfficialVisit, ""},
		{"Working visit. Attended NATO Accession ceremony.", event.WorkingVisit, ""},
		{"Met with President Bush during a private visit.", event.PrivateVisit, ""},
		{"Unofficial visit. In U.S. July 17–30; visited New York City.", event.UnofficialVisit, ""},
		{"Informal, unofficial visit.", event.UnofficialVisit, ""},
		{"Unofficial courtesy call. In U.S. September 13–November 7.", event.UnofficialVisit, ""},
		{"Informal visit to Washington.", event.UnofficialVisit, "informal-visit"},
		{"Official working visit. Private visit afterward to Houston.", event.WorkingVisit, "official-working-visit"},
		{"Private visit. Delivered a message to President Carter postponing a state visit by King Hassan II.", event.PrivateVisit, ""},
		{"Official visit. Private visit to New York City.", event.OfficialVisit, ""},
		{"Attended the Nuclear Security Summit.", event.Visit, ""},
		{"", event.Visit, ""},
	}
	for _, tt := range tests {
		k, tags := visitKind(tt.in)
		assert.Equal(t, tt.kind, k, tt.in)
		if tt.tag != "" {
			assert.Contains(t, tags, tt.tag, tt.in)
		}
	}
}

func TestDayRange(t *testing.T) {
	d, err := dayRange("2020-01-07", "2020-01-07")
	require.NoError(t, err)
	assert.Equal(t, "2020-01-07", d.String())
	assert.Equal(t, event.PrecisionDay, d.Precision())

	d, err = dayRange("2020-02-05", "2020-02-07")
	require.NoError(t, err)
	assert.Equal(t, "2020-02-05/2020-02-07", d.String())

	d, err = dayRange("2020-02-05", "")
	require.NoError(t, err)
	assert.Equal(t, "2020-02-05", d.String())

	for _, in := range [][2]string{{"", ""}, {"2020", "2020"}, {"2020-02-30", ""}, {"2020-03-05", "2020-03-01"}, {"2020-03-01", "soon"}} {
		_, err := dayRange(in[0], in[1])
		assert.Error(t, err, "%q", in)
	}
}

func TestCodes(t *testing.T) {
	for slug, want := range map[string]string{"kazakhstan": "KZ", "soviet-union": "SU", "yugoslavia": "YU", "czechoslovakia": "CS", "german-democratic-republic": "DD", "bavaria": "XC", "vietnam-south": "QP"} {
		got, ok := codeFor(slug)
		assert.True(t, ok, slug)
		assert.Equal(t, want, got, slug)
	}
	c1, ok := codeFor("atlantis")
	assert.False(t, ok)
	c2, _ := codeFor("atlantis")
	assert.Equal(t, c1, c2, "deterministic")
	assert.Regexp(t, `^Q[Q-Z]$`, c1)
	seen := map[string]string{}
	for slug, code := range countryCodes {
		assert.True(t, event.ValidCountry(code), slug)
		if code[0] == 'X' || code[0] == 'Q' && code[1] >= 'M' {
			assert.Empty(t, seen[code], "user-assigned %s used by %s and %s", code, seen[code], slug)
			seen[code] = slug
		}
	}
	assert.Equal(t, "turkiye", canonicalSlug("turkey"))
	assert.Equal(t, "czechoslovakia", canonicalSlug("czechoslovakia-1993"))
	assert.Equal(t, "kingdom-of-yugoslavia", canonicalSlug("yugoslavia"))
}

func TestSplitTitle(t *testing.T) {
	title, aliases, period := splitTitle("Benin (Dahomey)")
	assert.Equal(t, "Benin", title)
	assert.Equal(t, []string{"Dahomey"}, aliases)
	assert.True(t, period.IsZero())
	title, aliases, period = splitTitle("Federal Government of Germany (1848-49)*")
	assert.Equal(t, "Federal Government of Germany", title)
	assert.Empty(t, aliases)
	assert.Equal(t, "1848/1849", period.String())
	title, _, _ = splitTitle("Czechoslovakia*")
	assert.Equal(t, "Czechoslovakia", title)
}

func TestImportVisitsFixture(t *testing.T) {
	dir := fixture(t)
	actors := newActorSet()
	r, err := importVisits(filepath.Join(dir, "visits", "data"), actors)
	require.NoError(t, err)
	assert.Equal(t, 11, r.records)
	assert.Len(t, r.events, 8)
	require.Len(t, r.problems, 3)
	for _, p := range r.problems {
		assert.Equal(t, "2020.xml", p.File)
	}
	assert.Equal(t, "2993", r.problems[0].Record)
	assert.Contains(t, r.problems[0].Reason, "end")
	assert.Equal(t, "2994", r.problems[1].Record)
	assert.Contains(t, r.problems[1].Reason, "no country id")
	assert.Equal(t, "2995", r.problems[2].Record)
	assert.Contains(t, r.problems[2].Reason, "not a day")
	require.Len(t, r.notes, 1)
	assert.Equal(t, "2168", r.notes[0].Record)
	assert.Contains(t, r.notes[0].Reason, `"Minster" (minster for minister)`)

	byRecord := map[string]event.Event{}
	for _, e := range r.events {
		byRecord[strings.TrimPrefix(e.Sources[0].Title, "Visits by Foreign Leaders: record ")] = e
	}
	e := byRecord["2991"]
	assert.Equal(t, event.WorkingVisit, e.Kind)
	assert.Contains(t, e.Title, "Prime Minister Kyriakos Mitsotakis")
	assert.Equal(t, "2020-01-07", e.Date.String())
	assert.Equal(t, event.Occurred, e.Status)
	assert.Equal(t, "https://history.state.gov/departmenthistory/visits/2020", e.Sources[0].URL)
	assert.Equal(t, []event.Participation{
		{Actor: "kyriakos-mitsotakis.gr", Role: event.Guest, Capacity: "Prime Minister"},
		{Actor: usID, Role: event.Host},
	}, e.Participants)

	poland := byRecord["2992"]
	assert.Equal(t, event.StateVisit, poland.Kind)
	assert.Len(t, poland.InRole(event.Guest), 2)
	assert.Equal(t, event.PrivateVisit, byRecord["331"].Kind, "a postponed state visit is not this visit")
	assert.Equal(t, event.UnofficialVisit, byRecord["2161"].Kind)
	assert.Equal(t, []event.Participation{
		{Actor: "sihanouk.kh", Role: event.Guest, Capacity: "Premier & Prince"},
		{Actor: usID, Role: event.Host},
	}, byRecord["2161"].Participants)
	assert.Equal(t, event.UnofficialVisit, byRecord["2168"].Kind)
	assert.Equal(t, "Prime Minster", byRecord["2168"].Participants[0].Capacity)

	actors.finish()
	greece, _ := actors.Actor("greece")
	assert.Equal(t, "GR", greece.Country)
	russia, _ := actors.Actor("russia")
	assert.Equal(t, "Russia", russia.Name, "today's name: the label used last")
	assert.Equal(t, "U.S.S.R.", russia.NameAt(byRecord["1800"].Date))
	assert.Equal(t, "Russia", russia.NameAt(byRecord["1801"].Date))
	assert.Equal(t, "U.S.S.R.", russia.NameAt(event.InYear(1960)), "the known period, not the records' span")
	assert.Equal(t, []event.Succession{{Actor: "soviet-union", Kind: event.Continuation}}, russia.Predecessors)
}

func TestImportTravelsFixture(t *testing.T) {
	dir := fixture(t)
	actors := newActorSet()
	_, err := importPrincipals(filepath.Join(dir, "pocom"), actors)
	require.NoError(t, err)
	r, err := importTravels(filepath.Join(dir, "travels"), actors)
	require.NoError(t, err)
	assert.Equal(t, 5, r.records)
	assert.Equal(t, 1, r.merged)
	require.Len(t, r.events, 3, "the President's visit, and two of the Secretary's trips")
	require.Len(t, r.problems, 1)
	assert.Equal(t, problem{File: "blinken-antony-j.xml", Record: "5002", Reason: "no country id in <country>"}, r.problems[0])
	require.Len(t, r.notes, 1)
	assert.Equal(t, "5004", r.notes[0].Record)

	state := r.events[0]
	assert.Equal(t, event.StateVisit, state.Kind)
	assert.Equal(t, []event.Participation{
		{Actor: "joseph-r-biden.us", Role: event.Guest, Capacity: "President"},
		{Actor: "kazakhstan", Role: event.Host},
		{Actor: "blinken-antony-j", Role: event.Participant, Capacity: "Secretary of State"},
	}, state.Participants, "the Secretary accompanies the President")
	assert.Len(t, state.Sources, 2)
	assert.Contains(t, state.Description, "Secretary of State Antony John Blinken: Accompanied President Biden on a State visit.")

	e := r.events[1]
	assert.Equal(t, event.Visit, e.Kind)
	assert.Equal(t, "2023-02-27/2023-02-28", e.Date.String())
	assert.Equal(t, event.Place{City: "Astana", Country: "KZ"}, e.Place)
	assert.Equal(t, []event.ActorID{"kazakhstan"}, e.InRole(event.Host))
	assert.Equal(t, "Secretary of State", e.Participants[0].Capacity)
	assert.Equal(t, "https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j", e.Sources[0].URL)

	alone := r.events[2]
	assert.Equal(t, event.Visit, alone.Kind, "the President's protocol level is not the Secretary's")
	assert.Contains(t, alone.Tags, "accompanying-president")
}

func TestImportRDCRFixture(t *testing.T) {
	dir := fixture(t)
	actors := newActorSet()
	r, err := importRDCR(filepath.Join(dir, "rdcr", "articles"), actors)
	require.NoError(t, err)
	assert.Equal(t, 11, r.records)
	type got struct {
		kind  event.Kind
		date  string
		roles string
	}
	var gs []got
	for _, e := range r.events {
		var rs []string
		for _, p := range e.Participants {
			rs = append(rs, string(p.Actor)+":"+p.Role.String())
		}
		gs = append(gs, got{e.Kind, e.Date.String(), strings.Join(rs, " ")})
	}
	assert.Equal(t, []got{
		{event.Recognition, "1991-12-25", "united-states:recognizer kazakhstan:recognized"},
		{event.RelationsEstablished, "1991-12-25", "united-states:party kazakhstan:party"},
		{event.EmbassyOpened, "1992", "united-states:sending-state kazakhstan:receiving-state"},
		{event.RelationsSevered, "1994", "united-states:party kazakhstan:party"},
		{event.RelationsResumed, "1995", "united-states:party kazakhstan:party"},
		{event.Recognition, "1996", "united-states:recognizer kazakhstan:recognized"},
		{event.RelationsEstablished, "1996", "united-states:party kazakhstan:party"},
		{event.EmbassyOpened, "1996", "kazakhstan:sending-state united-states:receiving-state"},
		{event.Recognition, "1783", "sweden:recognizer united-states:recognized"},
		{event.Recognition, "1784", "united-states:recognizer sweden:recognized sweden:recognizer united-states:recognized"},
		{event.RecognitionWithdrawn, "1920/1921", "united-states:recognizer sweden:recognized"},
	}, gs)
	assert.Equal(t, []string{"initiated-by:other-party"}, r.events[3].Tags[1:])
	assert.Equal(t, "https://history.state.gov/countries/kazakhstan", r.events[2].Sources[0].URL)
	assert.Equal(t, event.PrecisionYear, r.events[2].Date.Precision())

	require.Len(t, r.problems, 2)
	assert.Equal(t, "4", r.problems[0].Record)
	assert.Contains(t, r.problems[0].Reason, "treaty")
	assert.Equal(t, "5", r.problems[1].Record)
	assert.Contains(t, r.problems[1].Reason, "no date")
	var notes []string
	for _, n := range r.notes {
		notes = append(notes, n.Record+": "+n.Reason)
	}
	assert.Equal(t, []string{
		"7: date read from the heading's text, which has no <date>",
		`8: date attribute 1919 disagrees with its text "1996": the text's 1996 is used`,
	}, notes)
}

func TestImportPocomFixture(t *testing.T) {
	dir := fixture(t)
	actors := newActorSet()
	p, err := importPrincipals(filepath.Join(dir, "pocom"), actors)
	require.NoError(t, err)
	assert.Equal(t, 3, p.records)
	require.Len(t, p.problems, 2)
	assert.Contains(t, p.problems[0].Reason, `"nobody-at-all" is not in pocom/people`)
	assert.Equal(t, "appointee who did not serve: no term", p.problems[1].Reason)
	assert.Equal(t, "Nomination withdrawn.", p.problems[1].Detail)
	blinken, _ := actors.Actor("blinken-antony-j")
	assert.Equal(t, "Antony John Blinken", blinken.Name)
	assert.Equal(t, "1962/", blinken.Period.String())
	assert.Equal(t, "Secretary of State", blinken.CapacityAt(event.MustParseDate("2023-02-27")))

	c, err := importChiefs(filepath.Join(dir, "pocom"), actors)
	require.NoError(t, err)
	assert.Equal(t, 5, c.records)
	require.Len(t, c.problems, 2, "%v", c.problems)
	assert.Equal(t, `unknown role title "grand-vizier"`, c.problems[0].Reason)
	assert.Equal(t, "nominee who never served, without a dated appointment", c.problems[1].Reason)
	assert.Equal(t, "Nomination not acted upon by the Senate.", c.problems[1].Detail)
	require.Len(t, c.events, 3)
	appointed, credentials, un := c.events[0], c.events[1], c.events[2]
	assert.Equal(t, event.EnvoyAppointed, appointed.Kind)
	assert.Equal(t, "1992-08-11", appointed.Date.String())
	assert.Equal(t, "Envoy appointed: William Harrison Courtney, Ambassador Extraordinary and Plenipotentiary, to kazakhstan", appointed.Title)
	assert.Equal(t, []event.Participation{
		{Actor: "courtney-william-harrison", Role: event.Envoy},
		{Actor: usID, Role: event.SendingState},
		{Actor: "kazakhstan", Role: event.ReceivingState},
	}, appointed.Participants)
	assert.Contains(t, appointed.Description, "Resident at almaty, kazakhstan (concurrent appointment 1992-cour-01).")
	assert.Equal(t, event.CredentialsPresented, credentials.Kind)
	assert.Equal(t, "1992-09-15~", credentials.Date.String(), "on or shortly before")
	assert.Equal(t, event.EnvoyAppointed, un.Kind)
	assert.Equal(t, []event.ActorID{"united-nations"}, un.InRole(event.ReceivingState))
	assert.Contains(t, un.Title, "Representative of the U.S.A. to the United Nations")
	assert.Equal(t, "Ambassador Extraordinary and Plenipotentiary", credentials.Participants[0].Capacity)

	courtney, _ := actors.Actor("courtney-william-harrison")
	assert.Equal(t, []string{"William H. Courtney"}, courtney.Aliases)
	assert.Equal(t, []event.Office{
		{Title: "Ambassador Extraordinary and Plenipotentiary to kazakhstan", Of: usID, Period: event.MustParseDate("1992-09-15/1995-07-01")},
		{Title: "Chargé d'Affaires ad interim to kazakhstan", Of: usID, Period: event.MustParseDate("1995-07-01/1995-10-18")},
	}, courtney.Offices)

	cc, err := importConcurrent(filepath.Join(dir, "pocom"), actors)
	require.NoError(t, err)
	assert.Equal(t, 2, cc.records)
	require.Len(t, cc.problems, 1)
	assert.Equal(t, "names chiefs of mission pocom does not have: kz-1993-none-01", cc.problems[0].Reason)
}

func TestRunFixture(t *testing.T) {
	dir := fixture(t)
	out := t.TempDir()
	var buf bytes.Buffer
	require.NoError(t, run(&buf, dir, out))
	s := buf.String()
	assert.Contains(t, s, "Contacts between the United States and Kazakhstan: 3")
	assert.Contains(t, s, "Kassym-Jomart Tokayev")
	assert.Contains(t, s, "Antony John Blinken")
	assert.Contains(t, s, "Relations established in the 1990s with 2 states:\n  Kazakhstan (1991-12-25), Kazakhstan (1996)")
	assert.Contains(t, s, "Relations resumed in the 1990s with 1 states:\n  Kazakhstan (1995)")
	assert.Contains(t, s, "Consistency checks as of 2026-07-18")
	for _, f := range []string{"timeline.json", "timeline.ics", "timeline.html", "timeline.svg"} {
		st, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err)
		assert.NotZero(t, st.Size())
	}
	r, err := build(dir)
	require.NoError(t, err)
	contacts := 0
	for e := range r.tl.Bilateral("US", "KZ") {
		if e.Kind.Category() == event.CategoryContact {
			contacts++
		}
	}
	assert.Equal(t, 3, contacts, "a visit, the President's visit and a Secretary's trip")
	// The chiefs' events name the state by its final name.
	names := present.NewNames(r.tl)
	assert.Equal(t, "Kazakhstan", names.Name("kazakhstan", event.InYear(1992)))
}

// countElements counts the start tags of an element in the XML files,
// independently of the importers.
func countElements(t *testing.T, pattern string, re *regexp.Regexp) int {
	t.Helper()
	files, err := filepath.Glob(pattern)
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		n += len(re.FindAll(b, -1))
	}
	return n
}

// fullBuild builds the timeline of the full data once for the tests that
// read it, which do not change it.
func fullBuild(t *testing.T) *result {
	t.Helper()
	data := historianData(t)
	fullOnce.Do(func() { fullResult, fullErr = build(data) })
	require.NoError(t, fullErr, "the timeline builds")
	return fullResult
}

var (
	fullOnce   sync.Once
	fullResult *result
	fullErr    error
)

// historianData returns the directory of the Office's data, or skips.
func historianData(t testing.TB) string {
	t.Helper()
	data := filepath.Join("..", "..", "..", "shared", "data", "historian")
	if _, err := os.Stat(data); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no data at %s", data)
		}
		t.Skip("no data at", data)
	}
	return data
}

// TestFullData checks every record of every set: read, and imported or
// reported, as many as the XML holds counted without the importers.
func TestFullData(t *testing.T) {
	data := historianData(t)
	pocom := filepath.Join(data, "pocom")
	want := map[string]int{
		"visits": countElements(t, filepath.Join(data, "visits", "data", "*.xml"), regexp.MustCompile(`<visit>`)),
		"travels": countElements(t, filepath.Join(data, "travels", "president-travels", "*.xml"), regexp.MustCompile(`<trip[ >]`)) +
			countElements(t, filepath.Join(data, "travels", "secretary-travels", "*.xml"), regexp.MustCompile(`<trip[ >]`)),
		"rdcr":             countElements(t, filepath.Join(data, "rdcr", "articles", "*.xml"), regexp.MustCompile(`<div type="timeline"`)),
		"pocom-principals": countElements(t, filepath.Join(pocom, "positions-principals", "*.xml"), regexp.MustCompile(`<principal[ >]`)),
		"pocom-chiefs": countElements(t, filepath.Join(pocom, "missions-countries", "*.xml"), regexp.MustCompile(`<chief[ >]`)) +
			countElements(t, filepath.Join(pocom, "missions-orgs", "*.xml"), regexp.MustCompile(`<chief[ >]`)),
		"pocom-concurrent": countElements(t, filepath.Join(pocom, "concurrent-appointments", "*.xml"), regexp.MustCompile(`<concurrent-appointments>`)),
	}
	r := fullBuild(t)
	events := 0
	for _, im := range importers(data) {
		n := im.name
		assert.NotZero(t, want[n], n)
		assert.Equal(t, want[n], r.read[n], "%s: every record is read", n)
		assert.Equal(t, want[n], r.imported[n]+len(r.problems[n]), "%s: every record is imported or reported", n)
		for _, p := range append(r.problems[n], r.notes[n]...) {
			assert.NotEmpty(t, p.File, n)
			assert.NotEmpty(t, p.Record, n)
			assert.NotEmpty(t, p.Reason, n)
		}
		events += r.events[n]
		t.Logf("%s: %d records, %d imported (%d into others' events), %d events, %d reported, %d remarks",
			n, want[n], r.imported[n], r.merged[n], r.events[n], len(r.problems[n]), len(r.notes[n]))
	}
	assert.Equal(t, events, r.tl.Len(), "no two events share an ID")
	assert.Zero(t, r.merged["visits"]+r.merged["rdcr"])

	var buf bytes.Buffer
	require.NoError(t, report(&buf, r, memory{r.tl}))
	s := buf.String()
	assert.Contains(t, s, "Longest gap")
	assert.Contains(t, s, "Russia (1991)", "the Russian Federation by its name of the time")
	assert.NotContains(t, s, "U.S.S.R. (1991)")
	assert.NotContains(t, s, "Yemen Arab Republic (1990)")
	assert.Contains(t, s, "Bosnia and Herzegovina (1992)", "Bosnia's year is read from the heading's text")
}

// TestHistoryOfNames checks the names of the time the issue found wrong
// on the full data.
func TestHistoryOfNames(t *testing.T) {
	r := fullBuild(t)
	names := present.NewNames(r.tl)
	for _, tt := range []struct {
		id    event.ActorID
		date  string
		want  string
		label string
	}{
		{"russia", "2002-05-24", "Russia", "Russia"},
		{"russia", "1985-11-19", "U.S.S.R.", "U.S.S.R. (now Russia)"},
		{"china", "1980", "China", "China"},
		{"china", "1945-08", "China, Republic of", "China, Republic of (now China)"},
		{"yemen", "1980", "Yemen Arab Republic", "Yemen Arab Republic (now Yemen)"},
		{"yemen", "2005", "Yemen", "Yemen"},
		{"israel", "1948-05-24", "Israel (Provisional Government)", "Israel (Provisional Government) (now Israel)"},
		{"israel", "1990", "Israel", "Israel"},
		{"malaysia", "2015", "Malaysia", "Malaysia"},
		{"malaysia", "1960", "Malaya", "Malaya (now Malaysia)"},
		{"congo-democratic-republic", "1990", "Zaire", "Zaire (now Democratic Republic of the Congo (Zaire))"},
		{"soviet-union", "1960", "Union of Soviet Socialist Republics", "Union of Soviet Socialist Republics (now Russia)"},
	} {
		d := event.MustParseDate(tt.date)
		assert.Equal(t, tt.want, names.Name(tt.id, d), "%s in %s", tt.id, tt.date)
		assert.Equal(t, tt.label, names.Label(tt.id, d), "%s in %s", tt.id, tt.date)
	}
	assert.Equal(t, []event.ActorID{"taiwan"}, r.tl.ResolveActorAt("China, Republic of", event.InYear(1965)))
	assert.Equal(t, []event.ActorID{"china"}, r.tl.ResolveActorAt("China, Republic of", event.InYear(1945)))
	assert.Contains(t, r.tl.Lineage("russia"), event.ActorID("soviet-union"))
	var lineage int
	for range r.tl.Select(timeline.WithCountryLineage("Czechia")) {
		lineage++
	}
	var own int
	for range r.tl.Select(timeline.WithCountry("Czechia")) {
		own++
	}
	assert.Greater(t, lineage, own, "Czechia's lineage includes Czechoslovakia")
}

// TestLintHistorian runs the consistency checks over the full data: they
// find what they find, deterministically, and nothing they find is an
// error of the importer's making (a capacity outside a term, an event that
// occurred after the data was taken).
func TestLintHistorian(t *testing.T) {
	r := fullBuild(t)
	again := lint.Check(r.tl, &lint.Options{AsOf: dataAsOf})
	assert.Equal(t, r.findings, again)
	counts := map[string]int{}
	for _, f := range r.findings {
		counts[f.Severity.String()+" "+f.Rule.String()]++
		assert.NotEqual(t, lint.OutsideOffice, f.Rule, "%s", f)
		assert.NotEqual(t, lint.FutureOccurred, f.Rule, "%s", f)
		assert.NotEqual(t, lint.LinkTarget, f.Rule, "%s", f)
	}
	t.Logf("findings: %v", counts)
}

// TestErrorClasses checks, on the full data, each class of error the
// issue found in the earlier import.
func TestErrorClasses(t *testing.T) {
	r := fullBuild(t)
	tl := r.tl
	ev := func(set, id string) event.Event {
		t.Helper()
		e, ok := tl.Event(recordID(set, id))
		require.True(t, ok, "%s %s", set, id)
		return e
	}
	// Unofficial and private visits; a postponed state visit is not this one.
	assert.Equal(t, event.PrivateVisit, ev("visits", "331").Kind)
	assert.Equal(t, event.UnofficialVisit, ev("visits", "2161").Kind)
	counts := map[event.Kind]int{}
	for e := range tl.Select(timeline.WithTag("historian:visits")) {
		counts[e.Kind]++
	}
	assert.Equal(t, 120, counts[event.UnofficialVisit], "28 unofficial visits and 92 informal ones")
	assert.Equal(t, 476, counts[event.PrivateVisit])
	t.Logf("visits by kind: %v", counts)

	// Capacity splits.
	for id, want := range map[string][2]string{
		"2376": {"Premier and Prince", "Sihanouk"},
		"2168": {"Prime Minster", "Mackenzie King"},
		"532":  {"President of the Council of Ministers", "Hussain Mohammad Ershad"},
		"74":   {"Prime Minister", "Amir Abbas Hoveyda"},
	} {
		p := ev("visits", id).Participants[0]
		a, _ := tl.Actor(p.Actor)
		assert.Equal(t, want, [2]string{p.Capacity, a.Name}, id)
	}

	// Recognition by others of the United States, and withdrawn.
	for _, slug := range []string{"france", "sweden", "russia", "genoa"} {
		e := ev("countries/"+slug, "1")
		assert.Equal(t, event.Recognition, e.Kind, slug)
		assert.Equal(t, []event.ActorID{usID}, e.InRole(event.Recognized), slug)
	}
	assert.Equal(t, event.RecognitionWithdrawn, ev("countries/montenegro", "2").Kind)

	// Severances, resumptions and full relations.
	for _, x := range []struct {
		slug, rec string
		kind      event.Kind
	}{
		{"romania", "6", event.RelationsSevered}, {"finland", "4", event.RelationsSevered},
		{"spain", "6", event.RelationsSevered}, {"yemen", "12", event.RelationsSevered},
		{"serbia", "4", event.RelationsResumed}, {"monaco", "3", event.RelationsEstablished},
		{"bosnia-herzegovina", "2", event.RelationsEstablished},
	} {
		e := ev("countries/"+x.slug, x.rec)
		assert.Equal(t, x.kind, e.Kind, "%s #%s: %s", x.slug, x.rec, e.Title)
	}
	assert.Equal(t, "1992", ev("countries/bosnia-herzegovina", "2").Date.String())

	// Accompanying Secretaries are participants in the President's visit.
	assert.Equal(t, 372, r.merged["travels"])
	n := 0
	for e := range tl.Select(timeline.WithTag("travels:secretary")) {
		if e.Kind == event.StateVisit {
			assert.Empty(t, e.InRole(event.Guest)[1:], "one guest: the President")
		}
		n++
	}
	assert.NotZero(t, n)
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

const visitsXML = `<?xml version="1.0" encoding="UTF-8"?>
<visits>
    <visit>
        <id>2991</id>
        <start-date>2020-01-07</start-date>
        <end-date>2020-01-07</end-date>
        <visitor>Prime Minister Kyriakos Mitsotakis</visitor>
        <from id="greece">Greece</from>
        <description>Official Working Visit.</description>
    </visit>
    <visit>
        <id>2992</id>
        <start-date>2020-02-05</start-date>
        <end-date>2020-02-07</end-date>
        <visitor>President Andrzej Duda and Prime Minister Donald Tusk</visitor>
        <from id="poland">Poland</from>
        <description>State Visit.</description>
    </visit>
    <visit>
        <id>2993</id>
        <start-date>2020-03-05</start-date>
        <end-date>2020-03-01</end-date>
        <visitor>King Abdullah II</visitor>
        <from id="jordan">Jordan</from>
        <description>Private visit.</description>
    </visit>
    <visit>
        <id>2994</id>
        <start-date>2020-04-01</start-date>
        <end-date>2020-04-01</end-date>
        <visitor>President Kassym-Jomart Tokayev</visitor>
        <from id="">Kazakhstan</from>
        <description/>
    </visit>
    <visit>
        <id>2995</id>
        <start-date>2020</start-date>
        <end-date>2020</end-date>
        <visitor>President X</visitor>
        <from id="kazakhstan">Kazakhstan</from>
        <description/>
    </visit>
    <visit>
        <id>2996</id>
        <start-date>2023-09-21</start-date>
        <end-date>2023-09-21</end-date>
        <visitor>President Kassym-Jomart Tokayev</visitor>
        <from id="kazakhstan">Kazakhstan</from>
        <description>Attended the UN General Assembly.</description>
    </visit>
</visits>`

const tripsXML = `<?xml version="1.0" encoding="UTF-8"?>
<trips>
    <trip role="secretary" who="blinken-antony-j">
        <id>5001</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-02-27</start-date>
        <end-date>2023-02-28</end-date>
        <country id="kazakhstan">Kazakhstan</country>
        <locale>Astana</locale>
        <remarks>Met with President Tokayev.</remarks>
    </trip>
    <trip role="secretary" who="blinken-antony-j">
        <id>5002</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-03-01</start-date>
        <end-date>2023-03-01</end-date>
        <country id="">Nowhere</country>
        <locale/>
        <remarks>-</remarks>
    </trip>
</trips>`

const articleXML = `<TEI xmlns="http://www.tei-c.org/ns/1.0">
    <teiHeader><fileDesc><titleStmt><title type="short">Kazakhstan</title></titleStmt></fileDesc></teiHeader>
    <text><body>
        <div type="section" xml:id="recognition"><head>Recognition</head>
            <div type="timeline"><head>U.S. Recognition of Kazakhstan, <date when="1991-12-25">1991</date>.</head><p>Recognized.</p></div>
        </div>
        <div type="section"><head>Diplomatic Relations</head>
            <div type="timeline"><head>Establishment of Diplomatic Relations, <date when="1991-12-25">1991</date>.</head><p>Established.</p></div>
            <div type="timeline"><head>Establishment of the American Embassy in Alma-Ata, <date>1992</date>.</head><p>Opened.</p></div>
            <div type="timeline"><head>Treaty of Commerce, <date>1993</date>.</head></div>
            <div type="timeline"><head>Diplomatic Relations Severed.</head></div>
        </div>
    </body></text>
</TEI>`

// fixture writes the fixtures in the layout of the data directory.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"visits/data/2020.xml":                           visitsXML,
		"travels/secretary-travels/blinken-antony-j.xml": tripsXML,
		"rdcr/articles/kazakhstan.xml":                   articleXML,
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	return dir
}

func TestSplitCapacity(t *testing.T) {
	tests := []struct{ in, capacity, name string }{
		{"Prime Minister Kyriakos Mitsotakis", "Prime Minister", "Kyriakos Mitsotakis"},
		{"King Abdullah II", "King", "Abdullah II"},
		{"Interim President Juan Guaidó", "Interim President", "Juan Guaidó"},
		{"Crown Prince Hussein", "Crown Prince", "Hussein"},
		{"President of the Government Mariano Rajoy", "President of the Government", "Mariano Rajoy"},
		{"Premier and Prince Sihanouk", "Premier and Prince", "Sihanouk"},
		{"Chancellor Adenauer", "Chancellor", "Adenauer"},
		{"Premier", "Premier", ""},
		{"Nelson Mandela", "", "Nelson Mandela"},
		{"President Tommy E. Remengesau, Jr.", "President", "Tommy E. Remengesau, Jr."},
	}
	for _, tt := range tests {
		c, n := splitCapacity(tt.in)
		assert.Equal(t, tt.capacity, c, tt.in)
		assert.Equal(t, tt.name, n, tt.in)
	}
}

func TestSplitVisitors(t *testing.T) {
	tests := map[string][]string{
		"President Francesco Cossiga and Prime Minister Giulio Andreotti": {"President Francesco Cossiga", "Prime Minister Giulio Andreotti"},
		"President Anwar Sadat, Prime Minister Mustafa Khalil":            {"President Anwar Sadat", "Prime Minister Mustafa Khalil"},
		"King Abdullah and Crown Prince Hussein":                          {"King Abdullah", "Crown Prince Hussein"},
		"President Benigno S. Aquino, 3rd":                                {"President Benigno S. Aquino, 3rd"},
		"Premier and Prince Sihanouk":                                     {"Premier and Prince Sihanouk"},
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
		{"Met with President Bush during a private visit.", event.Visit, "private-visit"},
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
	for slug, want := range map[string]string{"kazakhstan": "KZ", "soviet-union": "SU", "yugoslavia": "YU", "czechoslovakia": "CS", "german-democratic-republic": "DD", "bavaria": "XC"} {
		got, ok := codeFor(slug)
		assert.True(t, ok, slug)
		assert.Equal(t, want, got, slug)
	}
	c1, ok := codeFor("atlantis")
	assert.False(t, ok)
	c2, _ := codeFor("atlantis")
	assert.Equal(t, c1, c2, "deterministic")
	assert.Regexp(t, `^Q[P-Z]$`, c1)
	seen := map[string]string{}
	for slug, code := range countryCodes {
		assert.True(t, event.ValidCountry(code), slug)
		if code[0] == 'X' || code[0] == 'Q' && code[1] >= 'M' {
			assert.Empty(t, seen[code], "user-assigned %s used by %s and %s", code, seen[code], slug)
			seen[code] = slug
		}
	}
	assert.Equal(t, "turkiye", canonicalSlug("turkey"))
}

func TestImportVisitsFixture(t *testing.T) {
	dir := fixture(t)
	events, actors, probs, err := importVisits(filepath.Join(dir, "visits", "data"))
	require.NoError(t, err)
	assert.Len(t, events, 3)
	require.Len(t, probs, 3)
	for _, p := range probs {
		assert.Equal(t, "2020.xml", p.File)
	}
	assert.Equal(t, "2993", probs[0].Record)
	assert.Contains(t, probs[0].Reason, "end")
	assert.Equal(t, "2994", probs[1].Record)
	assert.Contains(t, probs[1].Reason, "no country id")
	assert.Equal(t, "2995", probs[2].Record)
	assert.Contains(t, probs[2].Reason, "not a day")

	e := events[0]
	assert.Equal(t, event.WorkingVisit, e.Kind)
	assert.Contains(t, e.Title, "Prime Minister Kyriakos Mitsotakis")
	assert.Equal(t, "2020-01-07", e.Date.String())
	assert.Equal(t, event.Occurred, e.Status)
	assert.Equal(t, "https://history.state.gov/departmenthistory/visits/2020", e.Sources[0].URL)
	assert.Equal(t, []event.Participation{
		{Actor: "kyriakos-mitsotakis.gr", Role: event.Guest, Capacity: "Prime Minister"},
		{Actor: usID, Role: event.Host},
	}, e.Participants)

	e = events[1]
	assert.Equal(t, event.StateVisit, e.Kind)
	assert.Equal(t, "2020-02-05/2020-02-07", e.Date.String())
	assert.Len(t, e.InRole(event.Guest), 2)

	byID := map[event.ActorID]event.Actor{}
	for _, a := range actors {
		byID[a.ID] = a
		require.NoError(t, a.Validate(), a.ID)
	}
	assert.Equal(t, "GR", byID["greece"].Country)
	assert.Equal(t, "GR", byID["kyriakos-mitsotakis.gr"].Country)
}

func TestImportTravelsFixture(t *testing.T) {
	dir := fixture(t)
	events, _, probs, err := importTravels(filepath.Join(dir, "travels"))
	require.NoError(t, err)
	require.Len(t, events, 1)
	require.Len(t, probs, 1)
	assert.Equal(t, problem{"blinken-antony-j.xml", "5002", "no country id in <country>"}, probs[0])
	e := events[0]
	assert.Equal(t, event.Visit, e.Kind)
	assert.Equal(t, "2023-02-27/2023-02-28", e.Date.String())
	assert.Equal(t, event.Place{City: "Astana", Country: "KZ"}, e.Place)
	assert.Equal(t, []event.ActorID{"kazakhstan"}, e.InRole(event.Host))
	assert.Equal(t, "Secretary of State", e.Participants[0].Capacity)
	assert.Equal(t, "https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j", e.Sources[0].URL)
}

func TestImportRDCRFixture(t *testing.T) {
	dir := fixture(t)
	events, _, probs, err := importRDCR(filepath.Join(dir, "rdcr", "articles"))
	require.NoError(t, err)
	require.Len(t, events, 3)
	assert.Equal(t, event.Recognition, events[0].Kind)
	assert.Equal(t, "1991-12-25", events[0].Date.String())
	assert.Equal(t, event.RelationsEstablished, events[1].Kind)
	assert.Equal(t, event.EmbassyOpened, events[2].Kind)
	assert.Equal(t, "1992", events[2].Date.String())
	assert.Equal(t, event.PrecisionYear, events[2].Date.Precision())
	assert.Equal(t, "https://history.state.gov/countries/kazakhstan", events[2].Sources[0].URL)
	require.Len(t, probs, 2)
	assert.Equal(t, "4", probs[0].Record)
	assert.Contains(t, probs[0].Reason, "no relations event")
	assert.Equal(t, "5", probs[1].Record)
	assert.Contains(t, probs[1].Reason, "no date")
}

func TestRunFixture(t *testing.T) {
	dir := fixture(t)
	out := t.TempDir()
	var buf bytes.Buffer
	require.NoError(t, run(&buf, dir, out))
	s := buf.String()
	assert.Contains(t, s, "Contacts between the United States and Kazakhstan")
	assert.Contains(t, s, "Kassym-Jomart Tokayev")
	assert.Contains(t, s, "Antony John Blinken")
	assert.Contains(t, s, "Relations established in the 1990s with 1 states")
	for _, f := range []string{"timeline.json", "timeline.ics", "timeline.html", "timeline.svg"} {
		st, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err)
		assert.NotZero(t, st.Size())
	}
	r, err := build(dir)
	require.NoError(t, err)
	assert.Equal(t, 2, countSeq(r.tl.Bilateral("US", "KZ"))-3, "two visits plus three rdcr events")
}

func countSeq[T any](seq func(func(T) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
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

func TestFullData(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "historian")
	if _, err := os.Stat(data); err != nil {
		t.Skip("no data at", data)
	}
	sets := []struct {
		name    string
		dir     string
		fn      func(string) ([]event.Event, []event.Actor, []problem, error)
		pattern []string
		re      *regexp.Regexp
	}{
		{"visits", filepath.Join(data, "visits", "data"), importVisits, []string{filepath.Join(data, "visits", "data", "*.xml")}, regexp.MustCompile(`<visit>`)},
		{"travels", filepath.Join(data, "travels"), importTravels, []string{filepath.Join(data, "travels", "president-travels", "*.xml"), filepath.Join(data, "travels", "secretary-travels", "*.xml")}, regexp.MustCompile(`<trip[ >]`)},
		{"rdcr", filepath.Join(data, "rdcr", "articles"), importRDCR, []string{filepath.Join(data, "rdcr", "articles", "*.xml")}, regexp.MustCompile(`<div type="timeline"`)},
	}
	for _, s := range sets {
		events, actors, probs, err := s.fn(s.dir)
		require.NoError(t, err, s.name)
		want := 0
		for _, p := range s.pattern {
			want += countElements(t, p, s.re)
		}
		assert.NotZero(t, want, s.name)
		assert.Equal(t, want, len(events)+len(probs), "%s: every record is imported or reported", s.name)
		assert.NotEmpty(t, actors, s.name)
		for _, p := range probs {
			assert.NotEmpty(t, p.File, s.name)
			assert.NotEmpty(t, p.Reason, s.name)
		}
		t.Logf("%s: %d records, %d imported, %d reported", s.name, want, len(events), len(probs))
	}

	r, err := build(data)
	require.NoError(t, err, "the timeline builds")
	assert.Equal(t, r.imported["visits"]+r.imported["travels"]+r.imported["rdcr"], r.tl.Len(), "no two records merge")
	assert.NotZero(t, countSeq(r.tl.Bilateral("US", "KZ")))
	g := busiest(r.tl.Group(timeline.WithKind(visitKinds...), timeline.GroupByYear))
	assert.NotEmpty(t, g.Key)
	var buf bytes.Buffer
	require.NoError(t, run(&buf, data, ""))
	assert.Contains(t, buf.String(), "Longest gap")
}

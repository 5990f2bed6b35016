package timeline_test

import (
	"iter"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

// The titles of the seed events.
const (
	tRelations    = "Israel and Kazakhstan establish diplomatic relations"
	tTalks        = "Witkoff talks with Dermer"
	tWitkoff      = "Witkoff announces that another country will join the Abraham Accords"
	tSummit       = "C5+1 summit at the White House"
	tVisit        = "Tokayev visits the White House"
	tDinner       = "Dinner with the C5+1 leaders in the East Room"
	tCall         = "Trump, Netanyahu and Tokayev speak by phone"
	tAccession    = "Kazakhstan joins the Abraham Accords"
	tCeremony     = "Signing ceremony for Kazakhstan's accession to the Abraham Accords"
	tAnnouncement = "Trump announces that Kazakhstan joins the Abraham Accords"
	tNegotiations = "Trump: negotiations with many countries that want to join"
	tGovernment   = "Kazakh government source calls the accession a natural and logical step"
	tHerzog       = "Herzog to visit Kazakhstan"
	tSharaa       = "Al-Sharaa to visit Washington"
	tSecurity     = "Security agreement between Israel and Syria"
)

// The events of 6 November 2025 in the documented order: the whole day
// first ("2025-11-06", by kind in declaration order), then the uncertain
// day ("2025-11-06?"), then the evening (times of day).
var seedDay = []string{
	tAccession,    // 2025-11-06, treaty-accession
	tCall,         // 2025-11-06, phone-call
	tVisit,        // 2025-11-06, visit
	tTalks,        // 2025-11-06, bilateral-meeting
	tSummit,       // 2025-11-06, summit
	tWitkoff,      // 2025-11-06, announcement
	tGovernment,   // 2025-11-06?, qualified after unqualified
	tDinner,       // Thursday evening, dinner
	tAnnouncement, // Thursday evening, announcement
	tNegotiations, // Thursday evening, statement
}

// seedOrder is the whole seed timeline in the documented order.
var seedOrder = slices.Concat(
	[]string{tRelations}, // 1992
	seedDay,
	[]string{
		tCeremony, // 2025-11-06/..: right after every event of 6 November
		tHerzog,   // 2025-11-07/2026-05~: a closed interval before open ones
		tSecurity, // 2025-11-07/..: agreement-concluded before visit
		tSharaa,   // 2025-11-07/..
	},
)

func seedTimeline(t testing.TB) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(seed.Title, "Kazakhstan joins the Abraham Accords")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	mustAdd(t, tl, seed.Events()...)
	return tl
}

// seedEvent returns the seed event with the given title.
func seedEvent(t testing.TB, title string) event.Event {
	t.Helper()
	for _, e := range seed.Events() {
		if e.Title == title {
			return e
		}
	}
	t.Fatalf("no seed event %q", title)
	return event.Event{}
}

func seedID(t testing.TB, title string) uuid.UUID { return seedEvent(t, title).ID }

// titles collects the titles of a sequence; it is never nil.
func titles(seq iter.Seq[event.Event]) []string {
	out := []string{}
	for e := range seq {
		out = append(out, e.Title)
	}
	return out
}

func groupTitles(g timeline.Group) []string {
	out := []string{}
	for _, e := range g.Events {
		out = append(out, e.Title)
	}
	return out
}

func reversed[T any](s []T) []T {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

// checkSelect asserts that Select answers want, in order, and that Scan,
// Count and SelectBackward agree with it.
func checkSelect(t *testing.T, tl *timeline.Timeline, q timeline.Query, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	assert.Equal(t, want, titles(tl.Select(q)), "Select")
	assert.Equal(t, want, titles(tl.Scan(q)), "Scan")
	assert.Equal(t, len(want), tl.Count(q), "Count")
	assert.Equal(t, reversed(want), titles(tl.SelectBackward(q)), "SelectBackward")
}

func day(y int, m time.Month, d int) event.Day { return event.DayOf(y, m, d) }

// dawn and doom stand for the open ends of a period in the tests.
const (
	dawn = event.Day(math.MinInt32)
	doom = event.Day(math.MaxInt32)
)

// period is the date covering the days from and to, with dawn and doom as
// open ends, and the zero Date when to is before from.
func period(from, to event.Day) event.Date {
	switch {
	case from > to:
		return event.Date{}
	case from == dawn && to == doom:
		return event.MustParseDate("../..")
	case from == dawn:
		return event.Until(event.OnDay(to.Date()))
	case to == doom:
		return event.From(event.OnDay(from.Date()))
	}
	d, err := event.Between(event.OnDay(from.Date()), event.OnDay(to.Date()))
	if err != nil {
		panic(err)
	}
	return d
}

func TestSeedOrder(t *testing.T) {
	tl := seedTimeline(t)
	require.Len(t, seedOrder, 15)
	assert.Equal(t, 15, tl.Len())
	assert.Equal(t, 17, tl.NumActors())
	assert.Equal(t, seed.Title, tl.Title())
	assert.Equal(t, seedOrder, titles(tl.All()))
	assert.Equal(t, reversed(seedOrder), titles(tl.Backward()))

	// The order does not depend on the order of adding.
	events := seed.Events()
	slices.Reverse(events)
	other := timeline.New("", "")
	require.NoError(t, other.AddActors(seed.Actors()...))
	for _, e := range events {
		mustAdd(t, other, e)
	}
	assert.Equal(t, seedOrder, titles(other.All()))
}

func TestSeedAllBackwardReverse(t *testing.T) {
	tl := seedTimeline(t)
	var fwd, bwd []event.Event
	for e := range tl.All() {
		fwd = append(fwd, e)
	}
	for e := range tl.Backward() {
		bwd = append(bwd, e)
	}
	require.Len(t, fwd, 15)
	assert.Equal(t, fwd, reversed(bwd), "Backward yields the same events as All, reversed")
	for i := 1; i < len(fwd); i++ {
		assert.Negative(t, timeline.Compare(fwd[i-1], fwd[i]), "%q before %q", fwd[i-1].Title, fwd[i].Title)
	}

	// Breaking off early stops the iteration.
	n := 0
	for range tl.All() {
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
}

func TestSeedEvent(t *testing.T) {
	tl := seedTimeline(t)
	for _, want := range seed.Events() {
		got, ok := tl.Event(want.ID)
		require.True(t, ok, want.Title)
		assert.Equal(t, want, got, want.Title)
	}
	_, ok := tl.Event(uuid.New())
	assert.False(t, ok)
	_, ok = tl.Event(uuid.Nil)
	assert.False(t, ok)
}

func TestSeedGroupByDay(t *testing.T) {
	tl := seedTimeline(t)
	groups := tl.Group(timeline.Query{}, timeline.GroupByDay)
	type group struct {
		key    string
		titles []string
	}
	want := []group{
		{"1992", []string{tRelations}}, // no single day holds a year
		{"2025-11-06", seedDay},
		{"2025-11-06/..", []string{tCeremony}},
		{"2025-11-07/2026-05~", []string{tHerzog}},
		{"2025-11-07/..", []string{tSecurity, tSharaa}},
	}
	var got []group
	for _, g := range groups {
		assert.Equal(t, len(g.Events), g.Len())
		got = append(got, group{g.Key, groupTitles(g)})
	}
	assert.Equal(t, want, got)

	// GroupBy a selection.
	groups = tl.Group(timeline.WithActor("Herzog"), timeline.GroupByDay)
	require.Len(t, groups, 1)
	assert.Equal(t, "2025-11-07/2026-05~", groups[0].Key)

	assert.Empty(t, tl.Group(timeline.WithActor("nobody"), timeline.GroupByDay))
}

func TestSeedGroupByPeriod(t *testing.T) {
	tl := seedTimeline(t)
	type group struct {
		key string
		n   int
	}
	tests := []struct {
		by   timeline.GroupBy
		want []group
	}{
		{timeline.GroupByMonth, []group{{"1992", 1}, {"2025-11", 10}, {"2025-11-06/..", 1}, {"2025-11-07/2026-05~", 1}, {"2025-11-07/..", 2}}},
		{timeline.GroupByYear, []group{{"1992", 1}, {"2025", 10}, {"2025-11-06/..", 1}, {"2025-11-07/2026-05~", 1}, {"2025-11-07/..", 2}}},
	}
	for _, tt := range tests {
		var got []group
		for _, g := range tl.Group(timeline.Query{}, tt.by) {
			got = append(got, group{g.Key, g.Len()})
		}
		assert.Equal(t, tt.want, got, "grouping %d", tt.by)
	}
	// The month of November holds the same events as the day.
	groups := tl.Group(timeline.Query{}, timeline.GroupByMonth)
	assert.Equal(t, seedDay, groupTitles(groups[1]))
}

func TestSeedGroupByKindAndStatus(t *testing.T) {
	tl := seedTimeline(t)
	type group struct {
		key string
		n   int
	}
	collect := func(by timeline.GroupBy) []group {
		var out []group
		for _, g := range tl.Group(timeline.Query{}, by) {
			out = append(out, group{g.Key, g.Len()})
		}
		return out
	}
	// Kinds come in declaration order.
	assert.Equal(t, []group{
		{"treaty-accession", 1},
		{"signing-ceremony", 1},
		{"agreement-concluded", 1},
		{"phone-call", 1},
		{"visit", 3},
		{"bilateral-meeting", 1},
		{"summit", 1},
		{"dinner", 1},
		{"announcement", 2},
		{"statement", 2},
		{"relations-established", 1},
	}, collect(timeline.GroupByKind))
	assert.Equal(t, []group{{"planned", 3}, {"announced", 2}, {"occurred", 10}}, collect(timeline.GroupByStatus))

	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByKind) {
		if g.Key == "visit" {
			assert.Equal(t, []string{tVisit, tHerzog, tSharaa}, groupTitles(g))
		}
	}
	// A selection grouped by kind.
	var keys []string
	for _, g := range tl.Group(timeline.WithActor("Trump"), timeline.GroupByKind) {
		keys = append(keys, g.Key)
	}
	assert.Equal(t, []string{"treaty-accession", "signing-ceremony", "phone-call", "visit", "summit", "dinner", "announcement", "statement"}, keys)
}

func TestSeedGroupByActor(t *testing.T) {
	tl := seedTimeline(t)
	got := map[string]int{}
	var keys []string
	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByActor) {
		keys = append(keys, g.Key)
		got[g.Key] = g.Len()
		switch g.Key {
		case string(seed.Kazakhstan):
			assert.Equal(t, []string{tRelations, tAccession, tSummit, tGovernment, tDinner, tAnnouncement, tCeremony, tHerzog}, groupTitles(g))
		case string(seed.Trump):
			// As participant and as quoted speaker, as the Actor query counts.
			assert.Equal(t, []string{tAccession, tCall, tVisit, tSummit, tDinner, tAnnouncement, tNegotiations, tCeremony}, groupTitles(g))
		}
	}
	assert.True(t, slices.IsSorted(keys), "keys in order: %v", keys)
	assert.Equal(t, map[string]int{
		"US": 4, "IL": 2, "KZ": 8, "KG": 2, "TJ": 2, "TM": 2, "UZ": 2, "SY": 1,
		"c5-plus-1": 1, "kz-government": 2, "donald-trump": 8, "benjamin-netanyahu": 1,
		"kassym-jomart-tokayev": 2, "isaac-herzog": 1, "steve-witkoff": 2, "ron-dermer": 1,
		"ahmed-al-sharaa": 1,
	}, got)
}

func TestSeedGroupByCountry(t *testing.T) {
	tl := seedTimeline(t)
	got := map[string]int{}
	var keys []string
	for _, g := range tl.Group(timeline.Query{}, timeline.GroupByCountry) {
		keys = append(keys, g.Key)
		got[g.Key] = g.Len()
		switch g.Key {
		case "IL":
			// The state, and Netanyahu, Dermer and Herzog.
			assert.Equal(t, []string{tRelations, tCall, tTalks, tHerzog, tSecurity}, groupTitles(g))
		case "":
			assert.Equal(t, []string{tSummit}, groupTitles(g), "the C5+1 has no country")
		}
	}
	assert.Equal(t, []string{"", "IL", "KG", "KZ", "SY", "TJ", "TM", "US", "UZ"}, keys)
	assert.Equal(t, map[string]int{"": 1, "IL": 5, "KG": 2, "KZ": 10, "SY": 2, "TJ": 2, "TM": 2, "US": 12, "UZ": 2}, got)
}

// kzEvents are the events Kazakhstan, the state, takes part in.
var kzEvents = []string{tRelations, tAccession, tSummit, tGovernment, tDinner, tAnnouncement, tCeremony, tHerzog}

// kzCountry are the events of Kazakhstan and its president and government.
var kzCountry = []string{tRelations, tAccession, tCall, tVisit, tSummit, tGovernment, tDinner, tAnnouncement, tCeremony, tHerzog}

// trumpEvents are the events Trump takes part in or is quoted in.
var trumpEvents = []string{tAccession, tCall, tVisit, tSummit, tDinner, tAnnouncement, tNegotiations, tCeremony}

func TestSeedSelectActor(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		name string
		want []string
	}{
		{"Kasachstan", kzEvents},
		{"kazakhstan", kzEvents},
		{"KAZAKHSTAN", kzEvents},
		{"KZ", kzEvents},
		{"kz", kzEvents},
		{"Republik Kasachstan", kzEvents},
		{"Tokajew", []string{tCall, tVisit}},
		{"Tokájew", []string{tCall, tVisit}},
		{"tokayev", []string{tCall, tVisit}},
		{"kassym-jomart-tokayev", []string{tCall, tVisit}},
		{"netanjahu", []string{tCall}},
		{"Benjamin  Netanjahu", []string{tCall}},
		{"NETANYAHU", []string{tCall}},
		// Quoted speakers count: Trump is quoted on the accession and the ceremony.
		{"Trump", trumpEvents},
		// The government is quoted on the accession.
		{"kasachische Regierung", []string{tAccession, tGovernment}},
		{"Vereinigte Staaten", []string{tSummit, tCeremony, tSecurity, tSharaa}},
		{"Witkoff", []string{tTalks, tWitkoff}},
		{"Ahmad al-Scharaa", []string{tSharaa}},
		{"c5+1", []string{tSummit}},
		{"Kasachstans", nil},
		{"nobody", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSelect(t, tl, timeline.WithActor(tt.name), tt.want)
		})
	}
}

func TestSeedSelectCountryAndInvolving(t *testing.T) {
	tl := seedTimeline(t)
	ilCountry := []string{tRelations, tCall, tTalks, tHerzog, tSecurity}
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		// Tokayev's call and visit count for Kazakhstan.
		{"Country KZ", timeline.WithCountry("KZ"), kzCountry},
		{"Country kz", timeline.WithCountry("kz"), kzCountry},
		{"Country Kasachstan", timeline.WithCountry("Kasachstan"), kzCountry},
		{"Country Israel", timeline.WithCountry("Israel"), ilCountry},
		{"Country Staat Israel", timeline.WithCountry("Staat Israel"), ilCountry},
		{"Country SY", timeline.WithCountry("SY"), []string{tSecurity, tSharaa}},
		{"Country of a person", timeline.WithCountry("Tokajew"), nil},
		{"Country without actors", timeline.WithCountry("FR"), nil},
		{"Country unknown name", timeline.WithCountry("Atlantis"), nil},
		{"Involving Kasachstan", timeline.Involving("Kasachstan"), kzCountry},
		{"Involving IL", timeline.Involving("IL"), ilCountry},
		{"Involving Trump", timeline.Involving("Trump"), trumpEvents},
		{"Involving Tokajew", timeline.Involving("Tokajew"), []string{tCall, tVisit}},
		{"Involving unknown", timeline.Involving("nobody"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

func TestSeedSelectRoles(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"Kasachstan accedes", timeline.WithActorIn("Kasachstan", event.AccedingParty), []string{tAccession}},
		{"Kasachstan as guest", timeline.WithActorIn("Kasachstan", event.Guest), []string{tDinner}},
		{"KZ as host", timeline.WithActorIn("KZ", event.Host), []string{tHerzog}},
		{"Kasachstan signs", timeline.WithActorIn("kasachstan", event.Signatory), []string{tCeremony}},
		{"Trump as host", timeline.WithActorIn("Trump", event.Host), []string{tVisit, tDinner}},
		// Being quoted is not a role.
		{"Trump as speaker", timeline.WithActorIn("Trump", event.Speaker), []string{tNegotiations}},
		{"Tokajew as caller", timeline.WithActorIn("Tokajew", event.Caller), nil},
		{"nobody as host", timeline.WithActorIn("nobody", event.Host), nil},
		{"Role mediator", timeline.WithRole(event.Mediator), []string{tSecurity}},
		{"Role subject", timeline.WithRole(event.Subject), []string{tSummit, tGovernment, tAnnouncement}},
		{"Role guest", timeline.WithRole(event.Guest), []string{tVisit, tDinner, tHerzog, tSharaa}},
		{"Role recognizer", timeline.WithRole(event.Recognizer), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

// abraham are the events concerning the Abraham Accords.
var abraham = []string{tAccession, tCall, tWitkoff, tGovernment, tAnnouncement, tNegotiations, tCeremony}

func TestSeedSelectInstrumentTagSource(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"Instrument by ID", timeline.WithInstrument("abraham-accords"), abraham},
		{"Instrument by German name", timeline.WithInstrument("Abraham-Abkommen"), abraham},
		{"Instrument by English name", timeline.WithInstrument("abraham accords"), abraham},
		{"Instrument ID in capitals", timeline.WithInstrument("ABRAHAM-ACCORDS"), abraham},
		{"Instrument Syria", timeline.WithInstrument("Sicherheitsabkommen zwischen Israel und Syrien"), []string{tSecurity}},
		{"Instrument unknown", timeline.WithInstrument("Treaty of Versailles"), nil},
		{"Tag", timeline.WithTag("abraham-accords"), []string{tAccession, tCall, tTalks, tWitkoff, tGovernment, tAnnouncement, tNegotiations, tCeremony}},
		{"Tag folded", timeline.WithTag("C5+1"), []string{tVisit, tSummit, tDinner}},
		{"Tag lower", timeline.WithTag("c5+1"), []string{tVisit, tSummit, tDinner}},
		{"Tag israel-syria", timeline.WithTag("ISRAEL-SYRIA"), []string{tSecurity, tSharaa}},
		{"Tag unknown", timeline.WithTag("iran"), nil},
		{"SourceLang de", timeline.WithSourceLang("de"), seedOrder},
		{"SourceLang DE", timeline.WithSourceLang("DE"), seedOrder},
		{"SourceLang en", timeline.WithSourceLang("en"), nil}, // translations are not sources
		{"SourceLang d", timeline.WithSourceLang("d"), nil},   // not a prefix match
		{"SourceLang de-CH", timeline.WithSourceLang("de-CH"), nil},
		{"Publisher", timeline.WithPublisher("all israel"), seedOrder},
		{"Publisher folded", timeline.WithPublisher("ALL  ISRAEL"), seedOrder},
		{"Publisher unknown", timeline.WithPublisher("Reuters"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

func TestSeedSelectText(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Netanjahu", []string{tCall}},         // the German title and quote
		{"netanyahu", []string{tCall}},         // the English title and translation
		{"Telefonat Tokajew", []string{tCall}}, // several words, any order
		{"Tokajew telefonat", []string{tCall}}, //
		{"Tokajew", []string{tCall, tVisit}},   // "Tokajews" is another word
		{"Tokayev", []string{tCall, tVisit, tSummit}},
		{"kommenden Monaten", []string{tHerzog}}, // a quote
		{"Herzog Kasachstan", []string{tHerzog}},
		{"Kazakhstan joins Abraham Accords", []string{tAccession, tAnnouncement}},
		{"Weißen Haus", []string{tVisit, tSummit}}, // ß folds to ss
		{"WEISSEN haus", []string{tVisit, tSummit}},
		{"Dermer", []string{tTalks, tWitkoff}},
		{"soon", []string{tAnnouncement, tCeremony}}, // the date text, and Trump's "we will soon announce"
		{"upcoming", []string{tSharaa}},              // the date text only
		{"Stärke", seedOrder},                        // the source title
		{"Bund der STARKE", seedOrder},               // accents and case ignored
		{"Netanj", nil},                              // whole words only
		{"Netanjahu Herzog", nil},                    // every word
		{"Iran Tyrann", []string{tNegotiations}},     //
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) { checkSelect(t, tl, timeline.WithText(tt.text), tt.want) })
	}
}

func TestSeedSelectDates(t *testing.T) {
	tl := seedTimeline(t)
	nov := func(d int) event.Day { return day(2025, time.November, d) }
	later := []string{tCeremony, tHerzog, tSecurity, tSharaa}
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		// The open-ended ceremony and the visit in the coming months may
		// fall in November, but need not.
		{"Within November 2025", timeline.Within(period(nov(1), nov(30))), seedDay},
		{"Overlaps November 2025", timeline.Overlaps(period(nov(1), nov(30))), slices.Concat(seedDay, later)},
		{"During November 2025", timeline.Within(event.InMonth(2025, time.November)), seedDay},
		{"Within 6 November", timeline.Within(period(nov(6), nov(6))), seedDay},
		{"Overlaps 6 November", timeline.Overlaps(period(nov(6), nov(6))), slices.Concat(seedDay, []string{tCeremony})},
		{"Overlaps 7 November", timeline.Overlaps(period(nov(7), nov(7))), later},
		{"Within 7 November", timeline.Within(period(nov(7), nov(7))), nil},
		{"Within the coming months", timeline.Within(period(nov(7), day(2026, time.May, 31))), []string{tHerzog}},
		{"Within to May 30", timeline.Within(period(nov(7), day(2026, time.May, 30))), nil},
		{"Overlaps last day of May 2026", timeline.Overlaps(period(day(2026, time.May, 31), day(2026, time.May, 31))), later},
		{"Overlaps June 2026 on", timeline.Overlaps(period(day(2026, time.June, 1), day(2030, time.December, 31))), []string{tCeremony, tSecurity, tSharaa}},
		{"Within 1992", timeline.Within(period(day(1992, time.January, 1), day(1992, time.December, 31))), []string{tRelations}},
		{"During 1992", timeline.Within(event.InYear(1992)), []string{tRelations}},
		{"Within March 1992", timeline.Within(period(day(1992, time.March, 1), day(1992, time.March, 31))), nil},
		{"Overlaps March 1992", timeline.Overlaps(period(day(1992, time.March, 1), day(1992, time.March, 31))), []string{tRelations}},
		{"Overlaps the gap", timeline.Overlaps(period(day(1993, time.January, 1), nov(5))), nil},
		{"Within 1990s to 2025", timeline.Within(period(day(1990, time.January, 1), nov(30))), slices.Concat([]string{tRelations}, seedDay)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

func TestSeedSelectStatusKindCategory(t *testing.T) {
	tl := seedTimeline(t)
	occurred := []string{tRelations, tCall, tVisit, tTalks, tSummit, tWitkoff, tGovernment, tDinner, tAnnouncement, tNegotiations}
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"planned", timeline.WithStatus(event.Planned), []string{tCeremony, tHerzog, tSecurity}},
		{"announced", timeline.WithStatus(event.Announced), []string{tAccession, tSharaa}},
		{"occurred", timeline.WithStatus(event.Occurred), occurred},
		{"planned or announced", timeline.WithStatus(event.Planned, event.Announced), []string{tAccession, tCeremony, tHerzog, tSecurity, tSharaa}},
		{"cancelled", timeline.WithStatus(event.Cancelled), nil},
		{"no status", timeline.WithStatus(), nil},
		{"visit", timeline.WithKind(event.Visit), []string{tVisit, tHerzog, tSharaa}},
		{"visit or call", timeline.WithKind(event.PhoneCall, event.Visit), []string{tCall, tVisit, tHerzog, tSharaa}},
		{"visit twice", timeline.WithKind(event.Visit, event.Visit), []string{tVisit, tHerzog, tSharaa}},
		{"state visit", timeline.WithKind(event.StateVisit), nil},
		{"no kind", timeline.WithKind(), nil},
		{"treaty", timeline.WithCategory(event.CategoryTreaty), []string{tAccession, tCeremony, tSecurity}},
		{"contact", timeline.WithCategory(event.CategoryContact), []string{tCall, tVisit, tTalks, tSummit, tDinner, tHerzog, tSharaa}},
		{"communication", timeline.WithCategory(event.CategoryCommunication), []string{tWitkoff, tGovernment, tAnnouncement, tNegotiations}},
		{"relations", timeline.WithCategory(event.CategoryRelations), []string{tRelations}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

func TestSeedSelectCombined(t *testing.T) {
	tl := seedTimeline(t)
	notOccurred := []string{tAccession, tCeremony, tHerzog, tSecurity, tSharaa}
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"Tokajew's visits", timeline.And(timeline.WithActor("Tokajew"), timeline.WithKind(event.Visit)), []string{tVisit}},
		{"Trump with a host", timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host)), []string{tVisit, tSummit, tDinner, tCeremony}},
		{"Abraham, not yet occurred", timeline.And(timeline.WithInstrument("Abraham-Abkommen"), timeline.Not(timeline.WithStatus(event.Occurred))), []string{tAccession, tCeremony}},
		{"Abraham, occurred, Trump", timeline.And(timeline.WithInstrument("Abraham-Abkommen"), timeline.WithStatus(event.Occurred), timeline.WithActor("Trump")), []string{tCall, tAnnouncement, tNegotiations}},
		{"Syria or Herzog", timeline.Or(timeline.WithTag("israel-syria"), timeline.WithActor("Herzog")), []string{tHerzog, tSecurity, tSharaa}},
		{"Or overlapping", timeline.Or(timeline.WithActor("Tokajew"), timeline.WithActor("Netanjahu")), []string{tCall, tVisit}},
		{"Or text and date", timeline.Or(timeline.WithText("Netanjahu"), timeline.Within(event.InYear(1992))), []string{tRelations, tCall}},
		{"Not occurred", timeline.Not(timeline.WithStatus(event.Occurred)), notOccurred},
		{"Not not", timeline.Not(timeline.Not(timeline.WithActor("Tokajew"))), []string{tCall, tVisit}},
		{"Not everything", timeline.Not(timeline.Query{}), nil},
		{"And()", timeline.And(), seedOrder},
		{"Or()", timeline.Or(), nil},
		{"And of one", timeline.And(timeline.WithTag("israel-syria")), []string{tSecurity, tSharaa}},
		{"And with Not only", timeline.And(timeline.Not(timeline.WithCategory(event.CategoryContact)), timeline.Not(timeline.WithCategory(event.CategoryTreaty))), []string{tRelations, tWitkoff, tGovernment, tAnnouncement, tNegotiations}},
		{"And disjoint", timeline.And(timeline.WithActor("Herzog"), timeline.WithActor("Trump")), nil},
		{"Or with Not", timeline.Or(timeline.WithActor("Herzog"), timeline.Not(timeline.Overlaps(period(day(1900, time.January, 1), day(2025, time.November, 6))))), []string{tHerzog, tSecurity, tSharaa}},
		{"Where", timeline.And(timeline.WithTag("abraham-accords"), timeline.Where(func(e *event.Event) bool { return e.Description != "" })), []string{tWitkoff}},
		{"nested", timeline.Or(
			timeline.And(timeline.WithCountry("IL"), timeline.Not(timeline.WithActor("Israel"))),
			timeline.And(timeline.Overlaps(period(day(2026, time.January, 1), day(2026, time.January, 1))), timeline.WithKind(event.Visit)),
		), []string{tCall, tTalks, tHerzog, tSharaa}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSelect(t, tl, tt.q, tt.want) })
	}
}

func TestSeedCalendarBilateralHistory(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		name string
		seq  iter.Seq[event.Event]
		want []string
	}{
		{"Calendar Tokajew", tl.Calendar("Tokajew"), []string{tCall, tVisit}},
		{"Calendar Kasachstan", tl.Calendar("Kasachstan"), kzCountry},
		{"Calendar unknown", tl.Calendar("nobody"), []string{}},
		// Netanyahu and Herzog count for Israel, Tokayev for Kazakhstan.
		{"Bilateral Israel Kasachstan", tl.Bilateral("Israel", "Kasachstan"), []string{tRelations, tCall, tHerzog}},
		{"Bilateral Kasachstan Israel", tl.Bilateral("Kasachstan", "Israel"), []string{tRelations, tCall, tHerzog}},
		{"Bilateral Trump Tokajew", tl.Bilateral("Trump", "Tokajew"), []string{tCall, tVisit}},
		{"Bilateral Syria Kasachstan", tl.Bilateral("Syrien", "Kasachstan"), []string{}},
		{"History abraham-accords", tl.History("abraham-accords"), []string{tAccession, tCeremony}},
		{"History Abraham-Abkommen", tl.History("Abraham-Abkommen"), []string{tAccession, tCeremony}},
		{"History security agreement", tl.History("israel-syria-security-agreement"), []string{tSecurity}},
		{"History unknown", tl.History("nothing"), []string{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, titles(tt.seq), tt.name)
	}
}

func TestSeedFirstLastCount(t *testing.T) {
	tl := seedTimeline(t)
	tests := []struct {
		name        string
		q           timeline.Query
		first, last string // "" for none
		count       int
	}{
		{"all", timeline.Query{}, tRelations, tSharaa, 15},
		{"Trump", timeline.WithActor("Trump"), tAccession, tCeremony, 8},
		{"visits", timeline.WithKind(event.Visit), tVisit, tSharaa, 3},
		{"occurred", timeline.WithStatus(event.Occurred), tRelations, tNegotiations, 10},
		{"KZ", timeline.WithActor("KZ"), tRelations, tHerzog, 8},
		{"Trump as host", timeline.And(timeline.WithActor("Trump"), timeline.WithRole(event.Host)), tVisit, tCeremony, 4},
		{"recognition", timeline.WithKind(event.Recognition), "", "", 0},
	}
	for _, tt := range tests {
		first, ok := tl.First(tt.q)
		if tt.first == "" {
			assert.False(t, ok, tt.name)
			assert.Zero(t, first, tt.name)
		} else if assert.True(t, ok, tt.name) {
			assert.Equal(t, tt.first, first.Title, tt.name)
		}
		last, ok := tl.Last(tt.q)
		if tt.last == "" {
			assert.False(t, ok, tt.name)
		} else if assert.True(t, ok, tt.name) {
			assert.Equal(t, tt.last, last.Title, tt.name)
		}
		assert.Equal(t, tt.count, tl.Count(tt.q), tt.name)
	}
}

func TestSeedGaps(t *testing.T) {
	tl := seedTimeline(t)
	// Days from 1 January 1993 to 5 November 2025, counted with time.
	wantDays := int(time.Date(2025, time.November, 6, 0, 0, 0, 0, time.UTC).Sub(time.Date(1993, time.January, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)

	gaps := tl.Gaps(timeline.Query{})
	require.Len(t, gaps, 1, "the open and unbounded dates make no gaps, and Herzog's visit may start the next day")
	g := gaps[0]
	assert.Equal(t, tRelations, g.After.Title)
	assert.Equal(t, tAccession, g.Before.Title)
	assert.Equal(t, day(1993, time.January, 1), g.From)
	assert.Equal(t, day(2025, time.November, 5), g.To)
	assert.Equal(t, wantDays, g.Days())

	longest, ok := tl.LongestGap(timeline.Query{})
	require.True(t, ok)
	assert.Equal(t, g, longest)

	// Israel and Kazakhstan: relations, then Herzog's visit in the coming months.
	gaps = tl.Gaps(timeline.WithTag("israel-kazakhstan"))
	require.Len(t, gaps, 1)
	assert.Equal(t, tHerzog, gaps[0].Before.Title)
	assert.Equal(t, day(2025, time.November, 6), gaps[0].To)
	assert.Equal(t, wantDays+1, gaps[0].Days())

	// A single day, and open dates only: no gaps.
	assert.Empty(t, tl.Gaps(timeline.Within(period(day(2025, time.November, 6), day(2025, time.November, 6)))))
	assert.Empty(t, tl.Gaps(timeline.WithTag("israel-syria")))
	_, ok = tl.LongestGap(timeline.WithTag("israel-syria"))
	assert.False(t, ok)
}

func TestSeedRelated(t *testing.T) {
	tl := seedTimeline(t)
	type rel struct {
		name, title string
		inverse     bool
	}
	related := func(title string) []rel {
		out := []rel{}
		for _, r := range tl.Related(seedID(t, title)) {
			out = append(out, rel{r.Name(), r.Other.Title, r.Inverse})
		}
		return out
	}
	// The accession links nowhere; four events link to it, in timeline order.
	assert.Equal(t, []rel{
		{"announced-by", tWitkoff, true},
		{"referred-to-by", tGovernment, true},
		{"announced-by", tAnnouncement, true},
		{"referred-to-by", tCeremony, true},
	}, related(tAccession))
	assert.Equal(t, []rel{{"followed-by", tAnnouncement, true}}, related(tCall))
	// Its own links first, in their order, then those linking to it.
	assert.Equal(t, []rel{
		{"follows", tCall, false},
		{"announces", tAccession, false},
		{"announces", tCeremony, false},
		{"followed-by", tNegotiations, true},
	}, related(tAnnouncement))
	assert.Equal(t, []rel{
		{"part-of", tSummit, false},
	}, related(tVisit))
	assert.Equal(t, []rel{
		{"includes", tVisit, true},
		{"includes", tDinner, true},
	}, related(tSummit))
	assert.Equal(t, []rel{{"followed-by", tWitkoff, true}}, related(tTalks))
	assert.Equal(t, []rel{{"follows", tAnnouncement, false}}, related(tNegotiations))
	assert.Equal(t, []rel{{"referred-to-by", tSecurity, true}}, related(tSharaa))
	assert.Equal(t, []rel{{"referred-to-by", tHerzog, true}}, related(tRelations))

	var types []event.LinkType
	for _, r := range tl.Related(seedID(t, tAccession)) {
		types = append(types, r.Type)
	}
	assert.Equal(t, []event.LinkType{event.Announces, event.RefersTo, event.Announces, event.RefersTo}, types)
	assert.Nil(t, tl.Related(uuid.New()), "no such event")
}

func TestSeedCollect(t *testing.T) {
	tl := seedTimeline(t)
	sub := tl.Collect(timeline.Involving("Tokajew"))
	assert.Equal(t, []string{tCall, tVisit}, titles(sub.All()))
	assert.Equal(t, tl.Title(), sub.Title())
	assert.Equal(t, tl.Description(), sub.Description())
	var ids []event.ActorID
	for a := range sub.Actors() {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []event.ActorID{seed.Netanyahu, seed.Trump, seed.Tokayev}, ids, "only the actors the events refer to")

	// The collected timeline answers queries of its own.
	checkSelect(t, sub, timeline.WithText("Netanjahu"), []string{tCall})
	checkSelect(t, sub, timeline.WithActor("Tokajew"), []string{tCall, tVisit})
	checkSelect(t, sub, timeline.WithCountry("KZ"), []string{tCall, tVisit})
	checkSelect(t, sub, timeline.WithActor("Kasachstan"), nil)

	// It is independent of the original.
	assert.Equal(t, 2, sub.Remove(seedID(t, tCall), seedID(t, tVisit)))
	assert.Equal(t, 0, sub.Len())
	assert.Equal(t, 15, tl.Len())
	assert.Equal(t, []string{tCall, tVisit}, titles(tl.Calendar("Tokajew")))

	// Quoted speakers are referred to too.
	sub = tl.Collect(timeline.WithKind(event.TreatyAccession))
	ids = nil
	for a := range sub.Actors() {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []event.ActorID{seed.Kazakhstan, seed.Trump, seed.KZGovernment}, ids)

	sub = tl.Collect(timeline.WithTag("israel-syria"))
	assert.Equal(t, []string{tSecurity, tSharaa}, titles(sub.All()))
	assert.Equal(t, 4, sub.NumActors())

	empty := tl.Collect(timeline.WithActor("nobody"))
	assert.Equal(t, 0, empty.Len())
	assert.Equal(t, 0, empty.NumActors())
}

// A range given backwards covers no day: neither Select nor Scan selects
// anything, though the covered ranges of open dates contain both ends.
// (Scan used to select them with event.Date.OverlapsRange.)
func TestReversedRangeSelectsNothing(t *testing.T) {
	tl := seedTimeline(t)
	from, to := day(2025, time.December, 1), day(2025, time.November, 10)
	checkSelect(t, tl, timeline.Overlaps(period(from, to)), nil)
	checkSelect(t, tl, timeline.Within(period(from, to)), nil)
	checkSelect(t, tl, timeline.Not(timeline.Overlaps(period(from, to))), seedOrder)
}

// WithSourceLang("") names no language and selects nothing, though the seed
// quotes carry no language of their own. (Scan used to select them all.)
func TestSourceLangEmptySelectsNothing(t *testing.T) {
	tl := seedTimeline(t)
	checkSelect(t, tl, timeline.WithSourceLang(""), nil)
}

// Bug: Within documents that "events with open, unknown or no dates never
// do" fall within a period, but a period ending at doom holds the
// open-ended events: Within(6 November 2025, doom) selects the
// signing ceremony "2025-11-06/.." and the events open from 7 November, and
// Within(dawn, doom), like Within(event.Date{}), selects every
// dated event. Either the documentation or the match test (which relies on
// the sentinel ends of event.Date.Latest) is wrong.
func TestWithinOpenPeriodHoldsNoOpenDates(t *testing.T) {
	tl := seedTimeline(t)
	open := []string{tCeremony, tSecurity, tSharaa}
	for _, q := range []timeline.Query{
		timeline.Within(period(day(2025, time.November, 6), doom)),
		timeline.Within(period(dawn, doom)),
		timeline.Within(event.Date{}),
	} {
		for _, title := range open {
			assert.NotContains(t, titles(tl.Select(q)), title, "Select")
			assert.NotContains(t, titles(tl.Scan(q)), title, "Scan")
		}
	}
}

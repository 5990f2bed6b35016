package lint_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/lint"
)

func seedTimeline(t testing.TB) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(seed.Title, "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	_, err := tl.Add(seed.Events()...)
	require.NoError(t, err)
	return tl
}

// TestSeedIsClean: the seed as of the day after the article has nothing
// wrong with it.
func TestSeedIsClean(t *testing.T) {
	tl := seedTimeline(t)
	assert.Empty(t, lint.Check(tl, &lint.Options{AsOf: event.MustParseDate("2025-11-07")}))
	assert.Empty(t, lint.Check(tl, nil))
}

func TestStatusAsOf(t *testing.T) {
	tl := seedTimeline(t)
	fs := lint.Check(tl, &lint.Options{AsOf: event.MustParseDate("2027-01-01")})
	require.Len(t, fs, 1, "%v", fs)
	f := fs[0]
	assert.Equal(t, lint.StaleStatus, f.Rule)
	assert.Equal(t, lint.Warning, f.Severity)
	assert.Equal(t, "Herzog to visit Kazakhstan", f.Title)
	assert.Equal(t, "status", f.Path)
	assert.Equal(t, `warning stale-status: "Herzog to visit Kazakhstan" (2025-11-07/2026-05~) status: "planned": planned, but its whole date lies before 2027-01-01: did it occur, was it cancelled or postponed?`, f.String())

	// Read as of a day before the article, what occurred on it has not.
	fs = lint.Check(tl, &lint.Options{AsOf: event.MustParseDate("2025-11-05")})
	var future int
	for _, f := range fs {
		assert.Equal(t, lint.FutureOccurred, f.Rule)
		assert.Equal(t, lint.Error, f.Severity)
		future++
	}
	assert.Equal(t, 9, future, "the occurred events of 6 November: %v", fs)
}

// builder makes small timelines for the rules.
type builder struct {
	t  *testing.T
	tl *timeline.Timeline
}

func newBuilder(t *testing.T, actors ...event.Actor) *builder {
	tl := timeline.New("T", "")
	base := []event.Actor{
		{ID: "US", Type: event.State, Name: "United States", Country: "US"},
		{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ", Period: event.MustParseDate("1991-12-16/..")},
	}
	require.NoError(t, tl.AddActors(append(base, actors...)...))
	return &builder{t, tl}
}

func (b *builder) add(es ...event.Event) []event.Event {
	for i := range es {
		es[i].EnsureID()
	}
	_, err := b.tl.Add(es...)
	require.NoError(b.t, err)
	return es
}

func call(title, date string) event.Event {
	return event.Event{Kind: event.PhoneCall, Status: event.Occurred, Title: title, Date: event.MustParseDate(date),
		Participants: []event.Participation{{Actor: "US", Role: event.Caller}, {Actor: "KZ", Role: event.Recipient}}}
}

func rules(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.String()+" "+f.Title+" "+f.Path)
	}
	return out
}

func TestLinksAgainstTime(t *testing.T) {
	b := newBuilder(t)
	target := call("Call", "2020-05-10")
	target.EnsureID()
	late := event.Event{Kind: event.Announcement, Status: event.Occurred, Title: "Late announcement",
		Date: event.MustParseDate("2020-05-11"), Participants: []event.Participation{{Actor: "US", Role: event.Announcer}},
		Links: []event.Link{{Type: event.Announces, Target: target.ID}}}
	timely := late
	timely.Title, timely.Date = "Announcement the same day", event.MustParseDate("2020-05-10")
	backwards := call("Follow-up before", "2020-05-09")
	backwards.Links = []event.Link{{Type: event.Follows, Target: target.ID}}
	after := call("Follow-up after", "2020-05-12")
	after.Links = []event.Link{{Type: event.Follows, Target: target.ID}}
	part := call("Part elsewhere", "2020-06")
	part.Discriminator = "part"
	part.Links = []event.Link{{Type: event.PartOf, Target: target.ID}}
	refers := call("Refers", "2019")
	refers.Links = []event.Link{{Type: event.RefersTo, Target: target.ID}}
	b.add(target, late, timely, backwards, after, part, refers)
	fs := lint.Check(b.tl, nil)
	assert.Equal(t, []string{
		"link-time Follow-up before links[0]",
		"link-time Late announcement links[0]",
		"link-time Part elsewhere links[0]",
	}, rules(fs))
	for _, f := range fs {
		assert.Equal(t, target.ID, f.Other)
		assert.Equal(t, lint.Warning, f.Severity)
	}
	assert.Contains(t, fs[1].Message, `announces "Call" (2020-05-10), which was over before the announcement`)

	// A link whose target was removed.
	require.Equal(t, 1, b.tl.Remove(target.ID))
	fs = lint.Check(b.tl, nil)
	require.Len(t, fs, 6)
	for _, f := range fs {
		assert.Equal(t, lint.LinkTarget, f.Rule)
		assert.Equal(t, "links[0].target", f.Path)
		assert.Equal(t, target.ID.String(), f.Value)
	}
}

func treaty(kind event.Kind, role event.Role, title, date string) event.Event {
	return event.Event{Kind: kind, Status: event.Occurred, Title: title, Date: event.MustParseDate(date),
		Instrument:   event.Instrument{ID: "npt", Name: "Non-Proliferation Treaty"},
		Participants: []event.Participation{{Actor: "KZ", Role: role}}}
}

func TestTreatyOrder(t *testing.T) {
	b := newBuilder(t)
	early := treaty(event.TreatyRatification, event.Party, "Ratification", "1993-12-13")
	sig := treaty(event.TreatySignature, event.Signatory, "Signature", "1994-02-14")
	acc := treaty(event.TreatyAccession, event.AccedingParty, "Accession", "1994-02-14")
	again := treaty(event.TreatyAccession, event.AccedingParty, "Accession again", "1995")
	cancelled := treaty(event.TreatyAccession, event.AccedingParty, "Cancelled accession", "1996")
	cancelled.Status = event.Cancelled
	other := treaty(event.TreatyRatification, event.Party, "Other treaty", "1999")
	other.Instrument = event.Instrument{ID: "other", Name: "Other"}
	b.add(early, sig, acc, again, cancelled, other)
	fs := lint.Check(b.tl, nil)
	assert.Equal(t, []string{
		"treaty-order Ratification participants[0]",
		"treaty-order Accession participants[0]",
		"treaty-order Accession again participants[0]",
	}, rules(fs))
	assert.Contains(t, fs[0].Message, `ratification before the party signed: "Signature" (1994-02-14)`)
	assert.Contains(t, fs[1].Message, `consent to be bound given again (accession); the first: ratification "Ratification" (1993-12-13)`)
	assert.Equal(t, "KZ", fs[0].Value)
}

func TestOutsideExistenceAndOffice(t *testing.T) {
	b := newBuilder(t, event.Actor{ID: "blinken", Type: event.Person, Name: "Antony Blinken", Country: "US",
		Offices: []event.Office{{Title: "Secretary of State", Of: "US", Period: event.MustParseDate("2021-01-26/2025-01-20")}}})
	visit := event.Event{Kind: event.Visit, Status: event.Occurred, Title: "Blinken in Almaty", Date: event.MustParseDate("2023-02-28"),
		Participants: []event.Participation{{Actor: "blinken", Role: event.Guest, Capacity: "Secretary of State"}, {Actor: "KZ", Role: event.Host}},
		Sources:      []event.Source{{Quotes: []event.Quote{{Text: "Hello", Speaker: "KZ"}}}}}
	soviet := call("Call to Alma-Ata", "1985")
	b.add(visit, soviet)
	assert.Equal(t, []string{
		"outside-existence Call to Alma-Ata participants[1].actor",
	}, rules(lint.Check(b.tl, nil)))

	// The offices change after the event was added: the capacity now
	// contradicts them.
	a, _ := b.tl.Actor("blinken")
	a.Offices[0].Period = event.MustParseDate("2025-01-26/..")
	require.NoError(t, b.tl.PutActor(a))
	kz, _ := b.tl.Actor("KZ")
	kz.Period = event.MustParseDate("2024/..")
	require.NoError(t, b.tl.PutActor(kz))
	fs := lint.Check(b.tl, nil)
	assert.Equal(t, []string{
		"outside-existence Call to Alma-Ata participants[1].actor",
		"outside-existence Blinken in Almaty participants[1].actor",
		"outside-existence Blinken in Almaty sources[0].quotes[0].speaker",
		"outside-office Blinken in Almaty participants[0].capacity",
	}, rules(fs))
	assert.Equal(t, lint.Error, fs[3].Severity)
	assert.Equal(t, "Antony Blinken held it 2025-01-26/..", fs[3].Message)
	assert.Equal(t, "Kazakhstan existed 2024/.. only", fs[1].Message)
}

func TestDuplicates(t *testing.T) {
	b := newBuilder(t)
	first := call("Call", "2020-05-10")
	second := call("Call reported again", "2020-05")
	second.Discriminator = "report 2"
	third := call("Call a day later", "2020-05-11")
	third.Discriminator = "report 3"
	other := call("Other call", "2021")
	reverse := first
	reverse.Title, reverse.Discriminator = "Call the other way", "reverse"
	reverse.Participants = []event.Participation{{Actor: "KZ", Role: event.Caller}, {Actor: "US", Role: event.Recipient}}
	b.add(first, second, third, other, reverse)
	fs := lint.Check(b.tl, nil)
	titles := map[uuid.UUID]string{}
	for e := range b.tl.All() {
		titles[e.ID] = e.Title
	}
	var pairs [][2]string
	for _, f := range fs {
		assert.Equal(t, lint.Duplicate, f.Rule)
		assert.Equal(t, titles[f.Event], f.Title)
		p := [2]string{titles[f.Other], f.Title}
		if p[0] > p[1] {
			p[0], p[1] = p[1], p[0]
		}
		pairs = append(pairs, p)
	}
	// "Call reported again" (2020-05) and "Call a day later" state
	// discriminators both: they are not paired; the call of 2021 and the
	// one a day later do not overlap "Call"; the call the other way has
	// its actors in other roles.
	assert.ElementsMatch(t, [][2]string{{"Call", "Call reported again"}}, pairs)
}

func TestUnknownActors(t *testing.T) {
	b := newBuilder(t,
		event.Actor{ID: "RU", Type: event.State, Name: "Russia", Country: "RU",
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
		event.Actor{ID: "p", Type: event.Person, Name: "P", Offices: []event.Office{{Title: "Envoy", Of: "XX"}, {Title: "Minister", Of: "US"}}})
	fs := lint.Check(b.tl, nil)
	require.Len(t, fs, 2)
	assert.Equal(t, "info unknown-actor: actor RU predecessors[0].actor: \"SU\": a predecessor that is not in the timeline: lineages stop there", fs[0].String())
	assert.Equal(t, event.ActorID("p"), fs[1].Actor)
	assert.Equal(t, "offices[0].of", fs[1].Path)
	assert.Equal(t, uuid.Nil, fs[1].Event)
}

func TestVocabularies(t *testing.T) {
	var words []string
	for _, r := range lint.Rules() {
		words = append(words, r.String())
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(b))
	}
	assert.Equal(t, []string{"link-time", "link-target", "stale-status", "future-occurred", "treaty-order",
		"outside-existence", "outside-office", "duplicate", "unknown-actor"}, words)
	assert.Equal(t, "Rule(99)", lint.Rule(99).String())
	assert.Equal(t, "warning", lint.Warning.String())
	assert.Equal(t, "Severity(9)", lint.Severity(9).String())
}

// TestSynthDeterministic runs every rule over a large varied timeline:
// no panic, and the same findings every time.
func TestSynthDeterministic(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 10, Events: 3000})
	tl := timeline.New("synth", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	opts := &lint.Options{AsOf: event.MustParseDate("2020-06-15")}
	a, b := lint.Check(tl, opts), lint.Check(tl, opts)
	assert.Equal(t, a, b)
	counts := map[lint.Rule]int{}
	for _, f := range a {
		counts[f.Rule]++
		assert.NotEmpty(t, f.Message)
		assert.True(t, f.Severity >= lint.Info && f.Severity <= lint.Error)
	}
	t.Logf("findings on 3000 synthetic events: %v", counts)
}

func ExampleCheck() {
	tl := timeline.New("Example", "")
	if err := tl.AddActors(
		event.Actor{ID: "US", Type: event.State, Name: "United States", Country: "US"},
		event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ", Period: event.MustParseDate("1991-12-16/..")},
	); err != nil {
		panic(err)
	}
	visit := event.Event{Kind: event.StateVisit, Status: event.Planned, Title: "State visit to Astana",
		Date:         event.MustParseDate("2025-06"),
		Participants: []event.Participation{{Actor: "US", Role: event.Guest}, {Actor: "KZ", Role: event.Host}}}
	relations := event.Event{Kind: event.RelationsEstablished, Status: event.Occurred, Title: "Relations established",
		Date:         event.MustParseDate("1990"),
		Participants: []event.Participation{{Actor: "US", Role: event.Party}, {Actor: "KZ", Role: event.Party}}}
	if _, err := tl.Add(visit, relations); err != nil {
		panic(err)
	}
	for _, f := range lint.Check(tl, &lint.Options{AsOf: event.MustParseDate("2025-11-07")}) {
		fmt.Println(f)
	}
	// Output:
	// warning outside-existence: "Relations established" (1990) participants[1].actor: "KZ": Kazakhstan existed 1991-12-16/.. only
	// warning stale-status: "State visit to Astana" (2025-06) status: "planned": planned, but its whole date lies before 2025-11-07: did it occur, was it cancelled or postponed?
}

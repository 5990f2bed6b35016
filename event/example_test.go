package event_test

import (
	"errors"
	"fmt"
	"slices"

	"github.com/accordline/accordline/event"
)

func ExampleParseDate() {
	for _, s := range []string{
		"2025-11-06",
		"2025-11",
		"2026-03~",
		"2001-21",
		"201X",
		"2025-11-05/2025-11-07",
	} {
		d, err := event.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		first, _ := d.Earliest()
		last, _ := d.Latest()
		fmt.Printf("%-22s %s … %s  %s\n", s, first, last, d.Precision())
	}

	soon := event.MustParseDate("2025-11-06/..")
	first, _ := soon.Earliest()
	_, hasEnd := soon.Latest()
	fmt.Println(first, hasEnd, soon.Bounded(), soon.EndBound() == event.BoundOpen)

	_, err := event.ParseDate("2025-02-30")
	fmt.Println(err, errors.Is(err, event.ErrDayOutOfRange))
	// Output:
	// 2025-11-06             2025-11-06 … 2025-11-06  day
	// 2025-11                2025-11-01 … 2025-11-30  month
	// 2026-03~               2026-03-01 … 2026-03-31  month
	// 2001-21                2001-03-01 … 2001-05-31  season
	// 201X                   2010-01-01 … 2019-12-31  decade
	// 2025-11-05/2025-11-07  2025-11-05 … 2025-11-07  day
	// 2025-11-06 false false true
	// date "2025-02-30": day out of range true
}

func ExampleDate_Compare() {
	dates := []event.Date{
		event.MustParseDate("2025-11-06/.."),
		{}, // the unknown date
		event.MustParseDate("2025"),
		event.MustParseDate("2025-11-06"),
		event.MustParseDate("2025-11"),
		event.MustParseDate("2025-11-06T20:00:00-05:00"),
		event.MustParseDate("2024-12"),
	}
	slices.SortFunc(dates, event.Date.Compare)
	for _, d := range dates {
		fmt.Printf("%q\n", d)
	}
	// Output:
	// "2024-12"
	// "2025"
	// "2025-11"
	// "2025-11-06"
	// "2025-11-06T20:00:00-05:00"
	// "2025-11-06/.."
	// ""
}

func ExampleKind() {
	k, err := event.ParseKind("phone-call")
	if err != nil {
		panic(err)
	}
	typ, mode := k.PLOVER()
	fmt.Println(k, "|", k.Name(), "|", k.CAMEO(), "|", typ, mode, "|", k.MinParties())

	v := event.StateVisit
	typ, mode = v.PLOVER()
	fmt.Println(v, "|", v.Name(), "|", v.CAMEO(), v.HostCAMEO(), "|", typ, mode)

	a := event.TreatyAccession
	typ, _ = a.PLOVER()
	fmt.Println(a, "|", a.Name(), "|", a.CAMEO(), "|", typ, "|", a.RequiredRoles(), a.NeedsInstrument())

	_, err = event.ParseKind("call")
	var we *event.WordError
	fmt.Println(errors.Is(err, event.ErrUnknown), errors.As(err, &we), we.Word, len(we.Known))
	// Output:
	// phone-call | Phone call | 041 | CONSULT phone | 2
	// state-visit | State visit | 042 043 | CONSULT visit
	// treaty-accession | Accession | 057 | SUPPORT | [acceding-party] true
	// true true call 32
}

func ExampleDirectory_ResolveActor() {
	var dir event.Directory
	for _, a := range []event.Actor{
		{
			ID: "kazakhstan", Type: event.State, Name: "Kazakhstan", Country: "KZ",
			Names: map[string]string{"de": "Kasachstan", "ru": "Казахстан"},
		},
		{
			ID: "kassym-jomart-tokayev", Type: event.Person, Name: "Kassym-Jomart Tokayev", Country: "KZ",
			Names:   map[string]string{"de": "Qassym-Schomart Tokajew"},
			Aliases: []string{"Tokayev", "Tokajew"},
		},
		{
			ID: "white-house", Type: event.Body, Name: "White House", Country: "US",
			Names: map[string]string{"de": "Weißes Haus"},
		},
	} {
		if err := dir.AddActors(a); err != nil {
			panic(err)
		}
	}

	for _, name := range []string{"Kasachstan", "KASACHSTAN", "KZ", "Tokajew", "tokájew", "weisses haus", "Usbekistan"} {
		fmt.Printf("%-12s %v\n", name, dir.ResolveActor(name))
	}

	tokayev, _ := dir.Actor("kassym-jomart-tokayev")
	fmt.Println(tokayev.NameIn("de-CH"))
	fmt.Println(dir.SuggestActors("Kazahkstan"), dir.SuggestActors("Tokaev"))
	// Output:
	// Kasachstan   [kazakhstan]
	// KASACHSTAN   [kazakhstan]
	// KZ           [kazakhstan]
	// Tokajew      [kassym-jomart-tokayev]
	// tokájew      [kassym-jomart-tokayev]
	// weisses haus [white-house]
	// Usbekistan   []
	// Qassym-Schomart Tokajew
	// [Kazakhstan] [Kassym-Jomart Tokayev]
}

func ExampleEvent_Validate() {
	var dir event.Directory
	_ = dir.AddActors(event.Actor{ID: "kassym-jomart-tokayev", Type: event.Person, Name: "Kassym-Jomart Tokayev", Country: "KZ"})
	_ = dir.AddActors(event.Actor{ID: "kazakhstan", Type: event.State, Name: "Kazakhstan", Country: "KZ"})

	e := event.Event{
		Kind:   event.TreatyAccession,
		Title:  "Kazakhstan joins the Abraham Accords",
		Status: event.Occurred,
		Participants: []event.Participation{
			{Actor: "kassym-jomart-tokayev", Role: event.AccedingParty},
			{Actor: "donald-trump", Role: event.Witness},
		},
		Sources: []event.Source{{URL: "javascript:alert(1)"}},
	}
	err := e.Validate(&dir)

	var problems event.ErrorList
	if errors.As(err, &problems) {
		for _, p := range problems.Prefix("events[0]") {
			fmt.Println(p)
		}
	}
	fmt.Println(errors.Is(err, event.ErrWrongActorType), errors.Is(err, event.ErrSelfLink))
	// Output:
	// events[0].date: an event that occurred needs a known date
	// events[0].participants[0].actor: "kassym-jomart-tokayev": wrong actor type: an acceding party must be a state, not a person
	// events[0].participants[1].actor: "donald-trump": unknown actor
	// events[0].instrument: required: an accession names the instrument it concerns
	// events[0].sources[0].url: "javascript:alert(1)": not an absolute http or https URL
	// true false
}

func ExampleEvent_DeriveID() {
	// Two sources report the same call, with different words and roles.
	a := event.Event{
		Kind: event.PhoneCall, Title: "Tokayev calls Trump", Status: event.Occurred,
		Date: event.OnDay(2025, 11, 6),
		Participants: []event.Participation{
			{Actor: "kassym-jomart-tokayev", Role: event.Caller},
			{Actor: "donald-trump", Role: event.Recipient},
		},
	}
	b := event.Event{
		Kind: event.PhoneCall, Title: "Telefonat Trump–Tokajew", Status: event.Announced,
		Date: event.MustParseDate("2025-11-06"),
		Participants: []event.Participation{
			{Actor: "donald-trump", Role: event.Participant},
			{Actor: "kassym-jomart-tokayev", Role: event.Participant},
		},
	}
	fmt.Println(a.DeriveID())
	fmt.Println(a.DeriveID() == b.DeriveID())

	// A call on another day is another event.
	c := a.Clone()
	c.Date = event.OnDay(2025, 11, 7)
	fmt.Println(a.DeriveID() == c.DeriveID())

	// EnsureID fills in a missing ID and keeps an existing one.
	fmt.Println(b.EnsureID() == a.DeriveID(), b.ID == a.DeriveID())
	// Output:
	// 96867eae-3bc8-5bac-8cc2-f42a8d69bc68
	// true
	// false
	// true true
}

func ExampleFold() {
	fmt.Println(event.Fold("Weißes  Haus") == event.Fold("weisses haus"))
	fmt.Println(event.Fold(" Tokájew "))
	// Output:
	// true
	// tokajew
}

func ExampleDay() {
	d, err := event.ParseDay("2025-11-06")
	if err != nil {
		panic(err)
	}
	fmt.Println(d, d.Weekday(), d+1, event.DayOf(2025, 12, 25).DaysSince(d))

	accord := event.MustParseDate("2025-11")
	fmt.Println(accord.Contains(d), accord.Contains(event.DayOf(2025, 12, 1)))
	fmt.Println(event.OnDay(d.Date()))
	// Output:
	// 2025-11-06 Thursday 2025-11-07 49
	// true false
	// 2025-11-06
}

func ExampleDate_Within() {
	november := event.InMonth(2025, 11)
	for _, s := range []string{"2025-11-06", "2025-11", "2025-11-06/..", "2025-10-31/2025-11-02", "2025"} {
		d := event.MustParseDate(s)
		fmt.Printf("%-22s within %t, overlaps %t\n", s, d.Within(november), d.Overlaps(november))
	}
	// Output:
	// 2025-11-06             within true, overlaps true
	// 2025-11                within true, overlaps true
	// 2025-11-06/..          within false, overlaps true
	// 2025-10-31/2025-11-02  within false, overlaps true
	// 2025                   within false, overlaps true
}

func ExampleMerge() {
	// Two reports of one signing: the same kind, day, instrument and
	// parties, so the same derived ID, but worded differently.
	a := event.Event{
		Kind: event.SigningCeremony, Status: event.Occurred, Date: event.OnDay(2020, 9, 15),
		Title:        "Abraham Accords signed at the White House",
		Instrument:   event.Instrument{ID: "abraham-accords", Name: "Abraham Accords"},
		Participants: []event.Participation{{Actor: "AE", Role: event.Signatory}, {Actor: "BH", Role: event.Signatory}},
		Sources:      []event.Source{{Publisher: "Wire A", URL: "https://a.example/1"}},
	}
	b := a.Clone()
	b.Title = "Israel, UAE and Bahrain sign the Abraham Accords"
	b.Sources = []event.Source{{Publisher: "Wire B", URL: "https://b.example/2"}}

	m, err := event.Merge(a, b)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Title)
	for _, alt := range m.Alternatives {
		fmt.Println(alt.Field, "|", alt.Value, "|", alt.Source)
	}
	fmt.Println(len(m.Sources))

	// A report that says another date is not the same event.
	c := a.Clone()
	c.Date = event.OnDay(2020, 9, 16)
	_, err = event.Merge(a, c)
	fmt.Println(err, errors.Is(err, event.ErrConflict))
	// Output:
	// Abraham Accords signed at the White House
	// title | Israel, UAE and Bahrain sign the Abraham Accords | https://b.example/2
	// 2
	// date: "2020-09-16": conflicts with "2020-09-15" held for event 00000000-0000-0000-0000-000000000000 true
}

func ExampleEvent_Discriminator() {
	// Two ceremonies on one day, for one instrument, with the same
	// parties: without a discriminator they would be one event.
	morning := event.Event{
		Kind: event.SigningCeremony, Status: event.Occurred, Date: event.OnDay(2025, 11, 6),
		Instrument:   event.Instrument{ID: "abraham-accords", Name: "Abraham Accords"},
		Participants: []event.Participation{{Actor: "KZ", Role: event.Signatory}},
	}
	evening := morning.Clone()
	fmt.Println(morning.DeriveID() == evening.DeriveID())

	morning.Discriminator, evening.Discriminator = "morning", "evening"
	fmt.Println(morning.DeriveID() == evening.DeriveID())
	// Output:
	// true
	// false
}

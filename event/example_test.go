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
		fmt.Printf("%-22s %s … %s  %s\n", s, d.Earliest(), d.Latest(), d.Precision())
	}

	soon := event.MustParseDate("2025-11-06/..")
	fmt.Println(soon.Earliest(), soon.Bounded(), soon.EndBound() == event.BoundOpen)

	_, err := event.ParseDate("2025-02-30")
	fmt.Println(err, errors.Is(err, event.ErrDayOutOfRange))
	// Output:
	// 2025-11-06             2025-11-06 … 2025-11-06  day
	// 2025-11                2025-11-01 … 2025-11-30  month
	// 2026-03~               2026-03-01 … 2026-03-31  month
	// 2001-21                2001-03-01 … 2001-05-31  season
	// 201X                   2010-01-01 … 2019-12-31  decade
	// 2025-11-05/2025-11-07  2025-11-05 … 2025-11-07  day
	// 2025-11-06 false true
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
	// true true call 26
}

func ExampleDirectory_Resolve() {
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
		if err := dir.Add(a); err != nil {
			panic(err)
		}
	}

	for _, name := range []string{"Kasachstan", "KASACHSTAN", "KZ", "Tokajew", "tokájew", "weisses haus", "Usbekistan"} {
		fmt.Printf("%-12s %v\n", name, dir.Resolve(name))
	}

	tokayev, _ := dir.Actor("kassym-jomart-tokayev")
	fmt.Println(tokayev.NameIn("de-CH"))
	// Output:
	// Kasachstan   [kazakhstan]
	// KASACHSTAN   [kazakhstan]
	// KZ           [kazakhstan]
	// Tokajew      [kassym-jomart-tokayev]
	// tokájew      [kassym-jomart-tokayev]
	// weisses haus [white-house]
	// Usbekistan   []
	// Qassym-Schomart Tokajew
}

func ExampleEvent_Validate() {
	var dir event.Directory
	_ = dir.Add(event.Actor{ID: "kassym-jomart-tokayev", Type: event.Person, Name: "Kassym-Jomart Tokayev", Country: "KZ"})
	_ = dir.Add(event.Actor{ID: "kazakhstan", Type: event.State, Name: "Kazakhstan", Country: "KZ"})

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
	// events[0].participants[0].actor: "kassym-jomart-tokayev": wrong actor type: Acceding party must be a state, not a person
	// events[0].participants[1].actor: "donald-trump": unknown actor
	// events[0].instrument: required: a treaty-accession names the instrument it concerns
	// events[0].sources[0].url: "javascript:alert(1)": not an absolute http or https URL
	// true false
}

func ExampleEvent_DeriveID() {
	// Two sources report the same call, with different words and roles.
	a := event.Event{
		Kind: event.PhoneCall, Title: "Tokayev calls Trump", Status: event.Occurred,
		Date: event.Day(2025, 11, 6),
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
	c.Date = event.Day(2025, 11, 7)
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

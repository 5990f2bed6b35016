package event_test

import (
	"errors"
	"fmt"

	"github.com/accordline/accordline/event"
)

func ExampleActor_NameAt() {
	congo := event.Actor{ID: "CD", Type: event.State, Name: "Democratic Republic of the Congo", Country: "CD",
		Names: map[string]string{"fr": "République démocratique du Congo"},
		History: []event.Name{
			{Text: "Zaire", Period: event.MustParseDate("1971-10-27/1997-05-16")},
			{Text: "Zaïre", Lang: "fr", Period: event.MustParseDate("1971-10-27/1997-05-16")},
		}}
	for _, s := range []string{"1965", "1990-05-03", "2025-11-06"} {
		d := event.MustParseDate(s)
		fmt.Printf("%s: %s / %s\n", s, congo.NameAt(d), congo.NameInAt("fr", d))
	}
	fmt.Println("today:", congo.NameAt(event.Date{}))
	// Output:
	// 1965: Democratic Republic of the Congo / République démocratique du Congo
	// 1990-05-03: Zaire / Zaïre
	// 2025-11-06: Democratic Republic of the Congo / République démocratique du Congo
	// today: Democratic Republic of the Congo
}

func ExampleDirectory_ResolveActorAt() {
	var actors event.Directory
	err := actors.AddActors(
		event.Actor{ID: "CD", Type: event.State, Name: "Democratic Republic of the Congo", Country: "CD",
			History: []event.Name{{Text: "Zaire", Period: event.MustParseDate("1971-10-27/1997-05-16")}}},
		event.Actor{ID: "YE", Type: event.State, Name: "Yemen", Country: "YE",
			Period: event.MustParseDate("1990-05-22/..")},
		event.Actor{ID: "YE-N", Type: event.State, Name: "Yemen Arab Republic", Country: "YA",
			Aliases: []string{"North Yemen", "Yemen"}, Period: event.MustParseDate("1962-09-26/1990-05-21")},
	)
	if err != nil {
		panic(err)
	}
	fmt.Println(actors.ResolveActorAt("Zaire", event.InYear(1990)))
	fmt.Println(actors.ResolveActorAt("Zaire", event.InYear(2010)))
	fmt.Println(actors.ResolveActor("Yemen"))
	fmt.Println(actors.ResolveActorAt("Yemen", event.InYear(1985)))
	fmt.Println(actors.ResolveActorAt("Yemen", event.InYear(2000)))
	// Output:
	// [CD]
	// []
	// [YE YE-N]
	// [YE-N]
	// [YE]
}

func ExampleDirectory_Successors() {
	var actors event.Directory
	err := actors.AddActors(
		event.Actor{ID: "CS", Type: event.State, Name: "Czechoslovakia", Country: "CS",
			Period: event.MustParseDate("1918-10-28/1992-12-31")},
		event.Actor{ID: "CZ", Type: event.State, Name: "Czechia", Country: "CZ",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
		event.Actor{ID: "SK", Type: event.State, Name: "Slovakia", Country: "SK",
			Predecessors: []event.Succession{{Actor: "CS", Kind: event.Dissolution}}},
		event.Actor{ID: "SU", Type: event.State, Name: "Soviet Union", Country: "SU"},
		event.Actor{ID: "RU", Type: event.State, Name: "Russia", Country: "RU",
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
	)
	if err != nil {
		panic(err)
	}
	for _, s := range actors.Successors("CS") {
		fmt.Println("Czechoslovakia →", s.Actor, "by", s.Kind)
	}
	fmt.Println(actors.Lineage("RU"))
	// Output:
	// Czechoslovakia → CZ by dissolution
	// Czechoslovakia → SK by dissolution
	// [RU SU]
}

func ExampleActor_CapacityAt() {
	var actors event.Directory
	err := actors.AddActors(
		event.Actor{ID: "antony-blinken", Type: event.Person, Name: "Antony Blinken", Country: "US",
			Offices: []event.Office{
				{Title: "Deputy Secretary of State", Of: "US", Period: event.MustParseDate("2015-01-09/2017-01-20")},
				{Title: "Secretary of State", Of: "US", Period: event.MustParseDate("2021-01-26/2025-01-20")},
			}},
		event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"},
	)
	if err != nil {
		panic(err)
	}
	trip := event.Event{Kind: event.Visit, Status: event.Occurred, Title: "Blinken in Astana",
		Date: event.MustParseDate("2023-02-28"),
		Participants: []event.Participation{
			{Actor: "antony-blinken", Role: event.Guest}, // no capacity given
			{Actor: "KZ", Role: event.Host},
		}}
	fmt.Println(trip.Capacity(trip.Participants[0], &actors))

	// A capacity that contradicts the known terms is reported.
	trip.Date = event.MustParseDate("2019-05-01")
	trip.Participants[0].Capacity = "Secretary of State"
	err = trip.Validate(&actors)
	fmt.Println(err)
	fmt.Println(errors.Is(err, event.ErrNotInOffice))
	// Output:
	// Secretary of State
	// participants[0].capacity: "Secretary of State": capacity not held at the event's date: Antony Blinken held it 2021-01-26/2025-01-20
	// true
}

// Package seed holds the events of the news article Accordline started
// from: "„Ein Bund der Stärke“ – Trump gibt bekannt, dass Kasachstan dem
// Abraham-Abkommen beigetreten ist" (All Israel, German edition, 6 November
// 2025), on Kazakhstan joining the Abraham Accords.
//
// It serves as the example data set of the library and as a fixture for
// tests and exporters: every event of the article, its actors with their
// German names as aliases, and the German quotes with their translations.
package seed

import (
	"github.com/accordline/accordline/event"
)

// Title is the headline of the article, in German.
const Title = "„Ein Bund der Stärke“ – Trump gibt bekannt, dass Kasachstan dem Abraham-Abkommen beigetreten ist"

// Actor IDs of the data set.
const (
	US           event.ActorID = "US"
	Israel       event.ActorID = "IL"
	Kazakhstan   event.ActorID = "KZ"
	Kyrgyzstan   event.ActorID = "KG"
	Tajikistan   event.ActorID = "TJ"
	Turkmenistan event.ActorID = "TM"
	Uzbekistan   event.ActorID = "UZ"
	Syria        event.ActorID = "SY"
	C5Plus1      event.ActorID = "c5-plus-1"
	KZGovernment event.ActorID = "kz-government"
	Trump        event.ActorID = "donald-trump"
	Netanyahu    event.ActorID = "benjamin-netanyahu"
	Tokayev      event.ActorID = "kassym-jomart-tokayev"
	Herzog       event.ActorID = "isaac-herzog"
	Witkoff      event.ActorID = "steve-witkoff"
	Dermer       event.ActorID = "ron-dermer"
	AlSharaa     event.ActorID = "ahmed-al-sharaa"
)

// Actors returns the actors of the article, with their names in German
// and the forms the article uses as aliases, the periods the states have
// existed as such, and the offices the persons held with their terms, so
// that the capacities of the events can be checked against them. Each
// call returns new values.
func Actors() []event.Actor {
	state := func(code event.ActorID, name, de, wikidata, since string, aliases ...string) event.Actor {
		a := event.Actor{ID: code, Type: event.State, Name: name, Names: map[string]string{"de": de},
			Aliases: aliases, Country: string(code), Wikidata: wikidata}
		if since != "" {
			a.Period = event.From(event.MustParseDate(since))
		}
		return a
	}
	person := func(id event.ActorID, name, de, country, wikidata string, offices []event.Office, aliases ...string) event.Actor {
		return event.Actor{ID: id, Type: event.Person, Name: name, Names: map[string]string{"de": de},
			Aliases: aliases, Country: country, Wikidata: wikidata, Offices: offices}
	}
	// office returns the terms of one office; a term "2025-01-20/.." is
	// held to this day, and "2022-12-29/" has ended or may have, on a day
	// the data does not know.
	office := func(title string, of event.ActorID, terms ...string) []event.Office {
		out := make([]event.Office, len(terms))
		for i, t := range terms {
			out[i] = event.Office{Title: title, Of: of, Period: event.MustParseDate(t)}
		}
		return out
	}
	return []event.Actor{
		state(US, "United States", "Vereinigte Staaten", "Q30", "1776-07-04", "USA", "United States of America", "Vereinigte Staaten von Amerika"),
		state(Israel, "Israel", "Israel", "Q801", "1948-05-14", "State of Israel", "Staat Israel"),
		state(Kazakhstan, "Kazakhstan", "Kasachstan", "Q232", "1991-12-16", "Republic of Kazakhstan", "Republik Kasachstan"),
		state(Kyrgyzstan, "Kyrgyzstan", "Kirgisistan", "Q813", "1991-08-31"),
		state(Tajikistan, "Tajikistan", "Tadschikistan", "Q863", "1991-09-09"),
		state(Turkmenistan, "Turkmenistan", "Turkmenistan", "Q874", "1991-10-27"),
		state(Uzbekistan, "Uzbekistan", "Usbekistan", "Q265", "1991-08-31"),
		state(Syria, "Syria", "Syrien", "Q858", ""),
		{ID: C5Plus1, Type: event.Organization, Name: "C5+1",
			Names:   map[string]string{"de": "C5+1"},
			Aliases: []string{"C5+1 diplomatic platform", "Central Asia plus United States"}},
		{ID: KZGovernment, Type: event.Body, Name: "Government of Kazakhstan", Country: "KZ",
			Names:   map[string]string{"de": "Regierung Kasachstans"},
			Aliases: []string{"kasachische Regierung"}},
		person(Trump, "Donald Trump", "Donald Trump", "US", "Q22686",
			office(presidentUS, US, "2017-01-20/2021-01-20", "2025-01-20/.."), "Trump", "Donald J. Trump"),
		person(Netanyahu, "Benjamin Netanyahu", "Benjamin Netanjahu", "IL", "Q43723",
			office("Prime Minister of Israel", Israel, "1996-06-18/1999-07-06", "2009-03-31/2021-06-13", "2022-12-29/.."),
			"Netanyahu", "Netanjahu", "Bibi Netanyahu"),
		person(Tokayev, "Kassym-Jomart Tokayev", "Kassym-Jomart Tokajew", "KZ", "",
			append(office("Prime Minister of Kazakhstan", Kazakhstan, "1999-10-01/2002-01-28"), office(presidentKZ, Kazakhstan, "2019-03-20/..")...),
			"Tokayev", "Tokajew", "Qasym-Jomart Toqayev"),
		person(Herzog, "Isaac Herzog", "Isaac Herzog", "IL", "",
			office("President of Israel", Israel, "2021-07-07/.."), "Herzog", "Yitzhak Herzog"),
		person(Witkoff, "Steve Witkoff", "Steve Witkoff", "US", "",
			office("Special Envoy to the Middle East", US, "2025-01-20/.."), "Witkoff", "Steven Witkoff"),
		person(Dermer, "Ron Dermer", "Ron Dermer", "IL", "",
			office("Minister of Strategic Affairs of Israel", Israel, "2022-12-29/"), "Dermer"),
		person(AlSharaa, "Ahmed al-Sharaa", "Ahmad al-Scharaa", "SY", "",
			office("President of Syria", Syria, "2025-01-29/.."), "al-Sharaa", "Ahmad al-Sharaa", "al-Scharaa"),
	}
}

// Instruments of the data set.
var (
	AbrahamAccords = event.Instrument{ID: "abraham-accords", Name: "Abraham Accords",
		Names: map[string]string{"de": "Abraham-Abkommen"}}
	IsraelSyriaSecurity = event.Instrument{ID: "israel-syria-security-agreement", Name: "Israel–Syria security agreement",
		Names: map[string]string{"de": "Sicherheitsabkommen zwischen Israel und Syrien"}}
)

// Article returns the source every event of the data set comes from,
// without quotes.
func Article() event.Source {
	return event.Source{
		Publisher: "All Israel",
		Title:     Title,
		Lang:      "de",
		// The article reports Thursday evening in Washington, which is early
		// Friday in Israel, and an announcement "earlier today".
		Published: event.MustParseDate("2025-11-06/2025-11-07"),
	}
}

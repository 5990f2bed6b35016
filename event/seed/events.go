package seed

import (
	"github.com/accordline/accordline/event"
)

// Quotes from the article, in German, with English translations. Trump's
// post is translated back from the German as the article quotes it.
var (
	quoteRelations = event.Quote{
		Text:        "Israel und Kasachstan unterhalten seit 1992 volle diplomatische Beziehungen",
		Translation: "Israel and Kazakhstan have maintained full diplomatic relations since 1992", TranslationLang: "en"}
	quoteWitkoff = event.Quote{
		Text:        "Heute früh gab Sonderbeauftragter Steve Witkoff nach einem Gespräch mit Minister Ron Dermer bekannt, dass sich noch am selben Abend ein weiteres Land den Abkommen anschließen werde.",
		Translation: "Earlier today Special Envoy Steve Witkoff, after a conversation with Minister Ron Dermer, announced that another country would join the accords that same evening.", TranslationLang: "en"}
	quoteCall = event.Quote{Speaker: Trump,
		Text:        "Ich habe gerade ein großartiges Telefonat mit dem israelischen Premierminister Netanjahu und dem kasachischen Präsidenten Kassym-Jomart Tokajew geführt.",
		Translation: "I just had a great call with Israeli Prime Minister Netanyahu and Kazakh President Kassym-Jomart Tokayev.", TranslationLang: "en"}
	quoteAccession = event.Quote{Speaker: Trump,
		Text:        "Kasachstan ist das erste Land meiner zweiten Amtszeit, das dem Abraham-Abkommen beitritt, das erste von vielen.",
		Translation: "Kazakhstan is the first country of my second term to join the Abraham Accords, the first of many.", TranslationLang: "en"}
	quoteCeremony = event.Quote{Speaker: Trump,
		Text:        "Wir werden bald eine Unterzeichnungszeremonie ankündigen, um dies offiziell zu machen, und es gibt noch viele weitere Länder, die versuchen, diesem Club der STÄRKE beizutreten.",
		Translation: "We will soon announce a signing ceremony to make it official, and there are many more countries trying to join this club of STRENGTH.", TranslationLang: "en"}
	quoteNegotiations = event.Quote{Speaker: Trump,
		Text:        "Wir stehen in Verhandlungen mit vielen Ländern, die den Abraham-Abkommen beitreten wollten, dies aber aufgrund des Iran, der als Tyrann des Nahen Ostens galt, nicht konnten.",
		Translation: "We are in negotiations with many countries that wanted to join the Abraham Accords but could not because of Iran, seen as the bully of the Middle East.", TranslationLang: "en"}
	quoteVisit = event.Quote{
		Text:        "Trump gab den Beitritt Kasachstans zu den Abkommen während Tokajews Besuch im Weißen Haus bekannt. Der kasachische Präsident war in die USA gereist, um an einer von Trump organisierten Konferenz teilzunehmen, an der mehrere zentralasiatische Staatschefs teilnahmen.",
		Translation: "Trump announced Kazakhstan's accession to the accords during Tokayev's visit to the White House. The Kazakh president had travelled to the USA to attend a conference organised by Trump with several Central Asian heads of state.", TranslationLang: "en"}
	quoteDinner = event.Quote{
		Text:        "US-Präsident Donald Trump spricht während eines Abendessens mit den Staats- und Regierungschefs der C5+1-Staaten Kasachstan, Kirgisistan, Tadschikistan, Turkmenistan und Usbekistan im East Room des Weißen Hauses in Washington, D.C., am 6. November 2025.",
		Translation: "US President Donald Trump speaks during a dinner with the heads of state and government of the C5+1 states Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in the East Room of the White House in Washington, D.C., on 6 November 2025.", TranslationLang: "en"}
	quoteGovernment1 = event.Quote{Speaker: KZGovernment,
		Text:        "Kasachstan ist in der internationalen Gemeinschaft als eine Nation bekannt, die sich für die Stärkung der globalen Sicherheit einsetzt. Kasachstan entwickelt eine konstruktive Zusammenarbeit mit vielen Ländern auf der ganzen Welt, darunter auch mit dem Staat Israel im Nahen Osten.",
		Translation: "Kazakhstan is known in the international community as a nation committed to strengthening global security. Kazakhstan develops constructive cooperation with many countries around the world, including the State of Israel in the Middle East.", TranslationLang: "en"}
	quoteGovernment2 = event.Quote{Speaker: KZGovernment,
		Text:        "ein natürlicher und logischer Schritt in der Außenpolitik Kasachstans",
		Translation: "a natural and logical step in Kazakhstan's foreign policy", TranslationLang: "en"}
	quoteHerzog = event.Quote{
		Text:        "Präsident Isaac Herzog sollte das Land in den kommenden Monaten sogar besuchen.",
		Translation: "President Isaac Herzog was even due to visit the country in the coming months.", TranslationLang: "en"}
	quoteSyria = event.Quote{
		Text:        "Dies geschieht zu einem Zeitpunkt, an dem die US-Regierung im Vorfeld des Besuchs von Präsident Ahmad al-Sharaa in Washington auf ein Sicherheitsabkommen zwischen Israel und Syrien in naher Zukunft drängt.",
		Translation: "This comes as the US administration, ahead of President Ahmad al-Sharaa's visit to Washington, is pushing for a security agreement between Israel and Syria in the near future.", TranslationLang: "en"}
)

func reported(quotes ...event.Quote) []event.Source {
	s := Article()
	s.Quotes = quotes
	return []event.Source{s}
}

func whiteHouse(venue string) event.Place {
	return event.Place{Name: "White House", Venue: venue, City: "Washington, D.C.", Country: "US",
		Coordinates: &event.Coordinates{Lat: 38.8977, Lon: -77.0365}}
}

// Capacities held on 6 November 2025.
const (
	presidentUS = "President of the United States"
	presidentKZ = "President of Kazakhstan"
)

// Events returns the events of the article, each with its ID derived from
// its facts (see [event.Event.DeriveID]) and linked to the events it
// announces, follows or refers to. Each call returns new values.
func Events() []event.Event {
	// Thursday evening in Washington: the article gives no hour.
	evening := event.MustParseDate("2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]")
	day := event.MustParseDate("2025-11-06")
	after := event.From(day)

	relations := event.Event{
		Kind: event.RelationsEstablished, Status: event.Occurred,
		Title:    "Israel and Kazakhstan establish diplomatic relations",
		Titles:   map[string]string{"de": "Israel und Kasachstan nehmen diplomatische Beziehungen auf"},
		Date:     event.MustParseDate("1992"),
		DateText: "since 1992",
		Participants: []event.Participation{
			{Actor: Israel, Role: event.Party},
			{Actor: Kazakhstan, Role: event.Party},
		},
		Sources: reported(quoteRelations),
		Tags:    []string{"israel-kazakhstan"},
	}
	talks := event.Event{
		Kind: event.BilateralMeeting, Status: event.Occurred,
		Title:    "Witkoff talks with Dermer",
		Titles:   map[string]string{"de": "Gespräch zwischen Witkoff und Dermer"},
		Date:     day,
		DateText: "earlier that day",
		Participants: []event.Participation{
			{Actor: Witkoff, Role: event.Participant, Capacity: "Special Envoy of the United States"},
			{Actor: Dermer, Role: event.Participant, Capacity: "Minister of Strategic Affairs of Israel"},
		},
		Sources: reported(quoteWitkoff),
		Tags:    []string{"abraham-accords"},
	}
	witkoff := event.Event{
		Kind: event.Announcement, Status: event.Occurred,
		Title:       "Witkoff announces that another country will join the Abraham Accords",
		Titles:      map[string]string{"de": "Witkoff kündigt den Beitritt eines weiteren Landes zu den Abraham-Abkommen an"},
		Description: "Special Envoy Steve Witkoff announced, after talks with Ron Dermer, that another country would join the accords that evening.",
		Date:        day,
		DateText:    "earlier that day",
		Participants: []event.Participation{
			{Actor: Witkoff, Role: event.Announcer, Capacity: "Special Envoy of the United States"},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteWitkoff),
		Tags:       []string{"abraham-accords"},
	}
	summit := event.Event{
		Kind: event.Summit, Status: event.Occurred,
		Title:    "C5+1 summit at the White House",
		Titles:   map[string]string{"de": "C5+1-Gipfel im Weißen Haus"},
		Date:     day,
		DateText: "6 November 2025",
		Place:    whiteHouse(""),
		Participants: []event.Participation{
			{Actor: Trump, Role: event.Organizer, Capacity: presidentUS},
			{Actor: US, Role: event.Host},
			{Actor: Kazakhstan, Role: event.Participant},
			{Actor: Kyrgyzstan, Role: event.Participant},
			{Actor: Tajikistan, Role: event.Participant},
			{Actor: Turkmenistan, Role: event.Participant},
			{Actor: Uzbekistan, Role: event.Participant},
			{Actor: C5Plus1, Role: event.Subject},
		},
		Sources: reported(quoteVisit),
		Tags:    []string{"C5+1", "central-asia"},
	}
	visit := event.Event{
		Kind: event.Visit, Status: event.Occurred,
		Title:    "Tokayev visits the White House",
		Titles:   map[string]string{"de": "Tokajew besucht das Weiße Haus"},
		Date:     day,
		DateText: "6 November 2025",
		Place:    whiteHouse(""),
		Participants: []event.Participation{
			{Actor: Tokayev, Role: event.Guest, Capacity: presidentKZ},
			{Actor: Trump, Role: event.Host, Capacity: presidentUS},
		},
		Sources: reported(quoteVisit),
		Tags:    []string{"C5+1", "central-asia"},
	}
	dinner := event.Event{
		Kind: event.Dinner, Status: event.Occurred,
		Title:    "Dinner with the C5+1 leaders in the East Room",
		Titles:   map[string]string{"de": "Abendessen mit den Staats- und Regierungschefs der C5+1-Staaten"},
		Date:     evening,
		DateText: "Thursday evening, 6 November 2025",
		Place:    whiteHouse("East Room"),
		Participants: []event.Participation{
			{Actor: Trump, Role: event.Host, Capacity: presidentUS},
			{Actor: Kazakhstan, Role: event.Guest},
			{Actor: Kyrgyzstan, Role: event.Guest},
			{Actor: Tajikistan, Role: event.Guest},
			{Actor: Turkmenistan, Role: event.Guest},
			{Actor: Uzbekistan, Role: event.Guest},
		},
		Sources: reported(quoteDinner),
		Tags:    []string{"C5+1", "central-asia"},
	}
	call := event.Event{
		Kind: event.PhoneCall, Status: event.Occurred,
		Title:    "Trump, Netanyahu and Tokayev speak by phone",
		Titles:   map[string]string{"de": "Telefonat zwischen Trump, Netanjahu und Tokajew"},
		Date:     day,
		DateText: "6 November 2025, before Trump's post that evening",
		Participants: []event.Participation{
			{Actor: Trump, Role: event.Caller, Capacity: presidentUS},
			{Actor: Netanyahu, Role: event.Participant, Capacity: "Prime Minister of Israel"},
			{Actor: Tokayev, Role: event.Participant, Capacity: presidentKZ},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteCall),
		Tags:       []string{"abraham-accords"},
	}
	accession := event.Event{
		Kind: event.TreatyAccession, Status: event.Announced,
		Title:    "Kazakhstan joins the Abraham Accords",
		Titles:   map[string]string{"de": "Kasachstan tritt dem Abraham-Abkommen bei"},
		Date:     day,
		DateText: "6 November 2025",
		Participants: []event.Participation{
			{Actor: Kazakhstan, Role: event.AccedingParty},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteAccession, quoteGovernment2),
		Tags:       []string{"abraham-accords"},
	}
	ceremony := event.Event{
		Kind: event.SigningCeremony, Status: event.Planned,
		Title:    "Signing ceremony for Kazakhstan's accession to the Abraham Accords",
		Titles:   map[string]string{"de": "Unterzeichnungszeremonie für den Beitritt Kasachstans zum Abraham-Abkommen"},
		Date:     after,
		DateText: "soon",
		Participants: []event.Participation{
			{Actor: Kazakhstan, Role: event.Signatory},
			{Actor: US, Role: event.Host},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteCeremony),
		Tags:       []string{"abraham-accords"},
	}
	announcement := event.Event{
		Kind: event.Announcement, Status: event.Occurred,
		Title:    "Trump announces that Kazakhstan joins the Abraham Accords",
		Titles:   map[string]string{"de": "Trump gibt den Beitritt Kasachstans zum Abraham-Abkommen bekannt"},
		Date:     evening,
		DateText: "Thursday evening, 6 November 2025",
		Participants: []event.Participation{
			{Actor: Trump, Role: event.Announcer, Capacity: presidentUS},
			{Actor: Kazakhstan, Role: event.Subject},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteAccession, quoteCeremony),
		Tags:       []string{"abraham-accords"},
	}
	negotiations := event.Event{
		Kind: event.Statement, Status: event.Occurred,
		Title:    "Trump: negotiations with many countries that want to join",
		Titles:   map[string]string{"de": "Trump: Verhandlungen mit vielen beitrittswilligen Ländern"},
		Date:     evening,
		DateText: "after the post, Thursday evening",
		Participants: []event.Participation{
			{Actor: Trump, Role: event.Speaker, Capacity: presidentUS},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteNegotiations),
		Tags:       []string{"abraham-accords"},
	}
	government := event.Event{
		Kind: event.Statement, Status: event.Occurred,
		Title:    "Kazakh government source calls the accession a natural and logical step",
		Titles:   map[string]string{"de": "Kasachische Regierungsquelle nennt den Beitritt einen natürlichen und logischen Schritt"},
		Date:     event.MustParseDate("2025-11-06?"),
		DateText: "reported with the announcement",
		Participants: []event.Participation{
			{Actor: KZGovernment, Role: event.Speaker},
			{Actor: Kazakhstan, Role: event.Subject},
		},
		Instrument: AbrahamAccords,
		Sources:    reported(quoteGovernment1, quoteGovernment2),
		Tags:       []string{"abraham-accords"},
	}
	herzog := event.Event{
		Kind: event.Visit, Status: event.Planned,
		Title:    "Herzog to visit Kazakhstan",
		Titles:   map[string]string{"de": "Herzog soll Kasachstan besuchen"},
		Date:     event.MustParseDate("2025-11-07/2026-05~"),
		DateText: "in the coming months",
		Place:    event.Place{Country: "KZ"},
		Participants: []event.Participation{
			{Actor: Herzog, Role: event.Guest, Capacity: "President of Israel"},
			{Actor: Kazakhstan, Role: event.Host},
		},
		Sources: reported(quoteHerzog),
		Tags:    []string{"israel-kazakhstan"},
	}
	sharaa := event.Event{
		Kind: event.Visit, Status: event.Announced,
		Title:    "Al-Sharaa to visit Washington",
		Titles:   map[string]string{"de": "Al-Scharaa besucht Washington"},
		Date:     event.From(event.MustParseDate("2025-11-07")),
		DateText: "upcoming",
		Place:    event.Place{City: "Washington, D.C.", Country: "US"},
		Participants: []event.Participation{
			{Actor: AlSharaa, Role: event.Guest, Capacity: "President of Syria"},
			{Actor: US, Role: event.Host},
		},
		Sources: reported(quoteSyria),
		Tags:    []string{"israel-syria"},
	}
	security := event.Event{
		Kind: event.AgreementConcluded, Status: event.Planned,
		Title:    "Security agreement between Israel and Syria",
		Titles:   map[string]string{"de": "Sicherheitsabkommen zwischen Israel und Syrien"},
		Date:     event.From(event.MustParseDate("2025-11-07")),
		DateText: "in the near future",
		Participants: []event.Participation{
			{Actor: Israel, Role: event.Party},
			{Actor: Syria, Role: event.Party},
			{Actor: US, Role: event.Mediator},
		},
		Instrument: IsraelSyriaSecurity,
		Sources:    reported(quoteSyria),
		Tags:       []string{"israel-syria"},
	}

	all := []*event.Event{&relations, &talks, &witkoff, &summit, &visit, &dinner, &call,
		&accession, &ceremony, &announcement, &negotiations, &government, &herzog, &sharaa, &security}
	for _, e := range all {
		e.EnsureID()
	}
	link := func(from *event.Event, t event.LinkType, to *event.Event) {
		from.Links = append(from.Links, event.Link{Type: t, Target: to.ID})
	}
	link(&witkoff, event.Follows, &talks)
	link(&witkoff, event.Announces, &accession)
	link(&visit, event.PartOf, &summit)
	link(&dinner, event.PartOf, &summit)
	link(&announcement, event.Follows, &call)
	link(&announcement, event.Announces, &accession)
	link(&announcement, event.Announces, &ceremony)
	link(&negotiations, event.Follows, &announcement)
	link(&government, event.RefersTo, &accession)
	link(&ceremony, event.RefersTo, &accession)
	link(&herzog, event.RefersTo, &relations)
	link(&security, event.RefersTo, &sharaa)

	out := make([]event.Event, len(all))
	for i, e := range all {
		out[i] = *e
	}
	return out
}

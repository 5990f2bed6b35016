package event

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	linkTarget  = uuid.MustParse("6f1c2a7e-3b4d-5e6f-8a9b-0c1d2e3f4a5b")
	linkTarget2 = uuid.MustParse("0e2b4c6d-8f0a-5b2c-9d4e-6f8a0b2c4d6e")
)

// phoneCallEvent is a valid phone call between two leaders.
func phoneCallEvent() Event {
	return Event{
		Kind:        PhoneCall,
		Title:       "Tokayev and Trump speak by phone",
		Titles:      map[string]string{"de": "Tokajew und Trump telefonieren"},
		Description: "The presidents discussed the Abraham Accords.\nBoth sides called the talk constructive.",
		Date:        OnDay(2025, 11, 6),
		DateText:    "Thursday",
		Status:      Occurred,
		Participants: []Participation{
			{Actor: "kassym-jomart-tokayev", Role: Caller, Capacity: "President of Kazakhstan"},
			{Actor: "donald-trump", Role: Recipient, Capacity: "President of the United States"},
		},
		Sources: []Source{{
			Publisher: "Akorda",
			URL:       "https://www.akorda.kz/en/news/1",
			Title:     "Telephone conversation",
			Lang:      "en",
			Published: OnDay(2025, 11, 6),
			Quotes: []Quote{{
				Text: "Казахстан поддерживает мир", Lang: "ru", Speaker: "kassym-jomart-tokayev",
				Translation: "Kazakhstan supports peace", TranslationLang: "en",
			}},
		}},
		Tags:  []string{"abraham-accords", "C5+1"},
		Links: []Link{{Type: PartOf, Target: linkTarget}},
	}
}

// accessionEvent is a valid accession of a state to an instrument.
func accessionEvent() Event {
	return Event{
		Kind:         TreatyAccession,
		Title:        "Kazakhstan joins the Abraham Accords",
		Date:         OnDay(2025, 11, 6),
		Status:       Announced,
		Participants: []Participation{{Actor: "kazakhstan", Role: AccedingParty}, {Actor: "US", Role: Witness}},
		Instrument: Instrument{
			ID: "abraham-accords", Name: "Abraham Accords",
			Names: map[string]string{"de": "Abraham-Abkommen"},
		},
		Place: Place{
			Name: "White House", Venue: "Oval Office", City: "Washington, D.C.", Country: "US",
			Coordinates: &Coordinates{Lat: 38.8977, Lon: -77.0365},
		},
	}
}

func visitEvent() Event {
	return Event{
		Kind:   StateVisit,
		Title:  "Tokayev visits Washington",
		Date:   MustParseDate("2025-11-05/2025-11-07"),
		Status: Occurred,
		Participants: []Participation{
			{Actor: "kassym-jomart-tokayev", Role: Guest},
			{Actor: "donald-trump", Role: Host},
		},
	}
}

func TestEventValidateValid(t *testing.T) {
	dir := testDirectory(t)
	tests := []struct {
		name  string
		event func() Event
	}{
		{"phone call", phoneCallEvent},
		{"accession", accessionEvent},
		{"state visit with host", visitEvent},
		{"visit with a city instead of a host", func() Event {
			e := visitEvent()
			e.Kind = Visit
			e.Participants = e.Participants[:1]
			e.Place = Place{City: "Washington, D.C."}
			return e
		}},
		{"working visit with a country instead of a host", func() Event {
			e := visitEvent()
			e.Kind = WorkingVisit
			e.Participants = e.Participants[:1]
			e.Place = Place{Country: "US"}
			return e
		}},
		{"treaty signature", func() Event {
			e := accessionEvent()
			e.Kind = TreatySignature
			e.Participants = []Participation{{Actor: "kazakhstan", Role: Signatory}, {Actor: "israel", Role: Signatory}}
			return e
		}},
		{"signing ceremony", func() Event {
			e := accessionEvent()
			e.Kind = SigningCeremony
			e.Participants = []Participation{{Actor: "donald-trump", Role: Host}, {Actor: "kassym-jomart-tokayev", Role: Signatory}}
			return e
		}},
		{"succession by a state", func() Event {
			e := accessionEvent()
			e.Kind = TreatySuccession
			e.Participants = []Participation{{Actor: "kazakhstan", Role: Party}}
			return e
		}},
		{"recognition", func() Event {
			return Event{
				Kind: Recognition, Title: "Recognition", Status: Occurred, Date: InYear(1992),
				Participants: []Participation{{Actor: "israel", Role: Recognizer}, {Actor: "kazakhstan", Role: Recognized}},
			}
		}},
		{"summit", func() Event {
			return Event{
				Kind: Summit, Title: "C5+1 summit", Status: Planned, Date: MustParseDate("2025-11-06/.."),
				Participants: []Participation{
					{Actor: "US", Role: Host}, {Actor: "kazakhstan", Role: Participant}, {Actor: "c5-plus-1", Role: Organizer},
				},
			}
		}},
		{"announcement", func() Event {
			return Event{
				Kind: Announcement, Title: "Trump announces the accession", Status: Occurred, Date: OnDay(2025, 11, 6),
				Participants: []Participation{{Actor: "donald-trump", Role: Announcer}, {Actor: "kazakhstan", Role: Subject}},
			}
		}},
		{"planned event without a date", func() Event {
			e := phoneCallEvent()
			e.Status = Planned
			e.Date = Date{}
			return e
		}},
		{"announced event with an open date", func() Event {
			e := phoneCallEvent()
			e.Status = Announced
			e.Date = MustParseDate("2025-11-06/..")
			return e
		}},
		{"occurred in an approximate month", func() Event {
			e := phoneCallEvent()
			e.Date = MustParseDate("2025-11~")
			return e
		}},
		{"cancelled with unknown date", func() Event {
			e := phoneCallEvent()
			e.Status = Cancelled
			e.Date = Date{}
			return e
		}},
		{"coordinates at the limits", func() Event {
			e := accessionEvent()
			e.Place.Coordinates = &Coordinates{Lat: -90, Lon: 180}
			return e
		}},
		{"same actor in two roles", func() Event {
			e := accessionEvent()
			e.Participants = append(e.Participants, Participation{Actor: "kazakhstan", Role: Signatory})
			return e
		}},
		{"same link target with two types", func() Event {
			e := phoneCallEvent()
			e.Links = append(e.Links, Link{Type: RefersTo, Target: linkTarget})
			return e
		}},
		{"own ID set, links elsewhere", func() Event {
			e := phoneCallEvent()
			e.EnsureID()
			return e
		}},
		{"description with tab and CRLF", func() Event {
			e := phoneCallEvent()
			e.Description = "line one\r\n\tline two"
			e.Title = "A\ttitle"
			return e
		}},
		{"source without URL or language", func() Event {
			e := phoneCallEvent()
			e.Sources = []Source{{Publisher: "TASS"}}
			return e
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.event()
			assert.NoError(t, e.Validate(dir), "with lookup")
			assert.NoError(t, e.Validate(nil), "without lookup")
			assert.True(t, e.Validate(dir) == nil, "a nil interface")
		})
	}
}

func TestEventValidateProblems(t *testing.T) {
	dir := testDirectory(t)
	tests := []struct {
		name   string
		event  func() Event
		lookup bool // validate with the directory
		want   []wantProblem
	}{
		// Kind, title, text.
		{"missing kind", func() Event { e := phoneCallEvent(); e.Kind = 0; return e }, true,
			[]wantProblem{{"kind", "", ErrRequired}}},
		{"unknown kind", func() Event { e := phoneCallEvent(); e.Kind = 200; return e }, true,
			[]wantProblem{{"kind", "kind(200)", ErrUnknown}}},
		{"missing title", func() Event { e := phoneCallEvent(); e.Title = ""; return e }, true,
			[]wantProblem{{"title", "", ErrRequired}}},
		{"blank title", func() Event { e := phoneCallEvent(); e.Title = "  \t"; return e }, true,
			[]wantProblem{{"title", "  \t", ErrRequired}}},
		{"newline in title", func() Event { e := phoneCallEvent(); e.Title = "one\ntwo"; return e }, true,
			[]wantProblem{{"title", "one\ntwo", ErrInvalidText}}},
		{"NUL in title", func() Event { e := phoneCallEvent(); e.Title = "a\x00b"; return e }, true,
			[]wantProblem{{"title", "a\x00b", ErrInvalidText}}},
		{"C1 control in title", func() Event { e := phoneCallEvent(); e.Title = "a\u0085b"; return e }, true,
			[]wantProblem{{"title", "a\u0085b", ErrInvalidText}}},
		{"invalid UTF-8 in title", func() Event { e := phoneCallEvent(); e.Title = "Tok\xe1jew"; return e }, true,
			[]wantProblem{{"title", "Tok\uFFFDjew", ErrInvalidText}}},
		{"control in description", func() Event { e := phoneCallEvent(); e.Description = "bell\x07"; return e }, true,
			[]wantProblem{{"description", "bell\x07", ErrInvalidText}}},
		{"invalid UTF-8 in description", func() Event { e := phoneCallEvent(); e.Description = "\xff\xfe"; return e }, true,
			[]wantProblem{{"description", "\uFFFD", ErrInvalidText}}},
		{"newline in date text", func() Event { e := phoneCallEvent(); e.DateText = "Thursday\nevening"; return e }, true,
			[]wantProblem{{"dateText", "Thursday\nevening", ErrInvalidText}}},
		{"bad title language", func() Event { e := phoneCallEvent(); e.Titles["de_DE"] = "x"; return e }, true,
			[]wantProblem{{"titles.de_DE", "de_DE", ErrInvalidLanguage}}},
		{"blank translated title", func() Event { e := phoneCallEvent(); e.Titles["ru"] = ""; return e }, true,
			[]wantProblem{{"titles.ru", "", ErrRequired}}},

		// Status and date.
		{"missing status", func() Event { e := phoneCallEvent(); e.Status = 0; return e }, true,
			[]wantProblem{{"status", "", ErrRequired}}},
		{"unknown status", func() Event { e := phoneCallEvent(); e.Status = 9; return e }, true,
			[]wantProblem{{"status", "status(9)", ErrUnknown}}},
		{"occurred without date", func() Event { e := phoneCallEvent(); e.Date = Date{}; return e }, true,
			[]wantProblem{{"date", "", ErrNoDate}}},
		{"occurred with open end", func() Event { e := phoneCallEvent(); e.Date = MustParseDate("2025-11-06/.."); return e }, true,
			[]wantProblem{{"date", "2025-11-06/..", ErrNoDate}}},
		{"occurred with unknown end", func() Event { e := phoneCallEvent(); e.Date = MustParseDate("2025-11-06/"); return e }, true,
			[]wantProblem{{"date", "2025-11-06/", ErrNoDate}}},
		{"occurred with open start", func() Event { e := phoneCallEvent(); e.Date = MustParseDate("../2025-11-06"); return e }, true,
			[]wantProblem{{"date", "../2025-11-06", ErrNoDate}}},

		// Participants.
		{"too few parties", func() Event { e := phoneCallEvent(); e.Participants = e.Participants[:1]; return e }, true,
			[]wantProblem{{"participants", "", ErrTooFewParties}}},
		{"same actor twice is one party", func() Event {
			e := phoneCallEvent()
			e.Participants[1].Actor = e.Participants[0].Actor
			return e
		}, true, []wantProblem{{"participants", "", ErrTooFewParties}}},
		{"no participants", func() Event { e := phoneCallEvent(); e.Participants = nil; return e }, true,
			[]wantProblem{{"participants", "", ErrTooFewParties}}},
		{"missing role", func() Event { e := accessionEvent(); e.Participants[0].Role = Party; return e }, true,
			[]wantProblem{{"participants", "acceding-party", ErrMissingRole}}},
		{"recognition missing both roles", func() Event {
			return Event{
				Kind: Recognition, Title: "Recognition", Status: Planned,
				Participants: []Participation{{Actor: "israel", Role: Party}, {Actor: "kazakhstan", Role: Party}},
			}
		}, true, []wantProblem{
			{"participants", "recognizer", ErrMissingRole},
			{"participants", "recognized", ErrMissingRole},
		}},
		{"accession by a person", func() Event { e := accessionEvent(); e.Participants[0].Actor = "kassym-jomart-tokayev"; return e }, true,
			[]wantProblem{{"participants[0].actor", "kassym-jomart-tokayev", ErrWrongActorType}}},
		{"accession by a person, no lookup", func() Event { e := accessionEvent(); e.Participants[0].Actor = "kassym-jomart-tokayev"; return e }, false,
			nil},
		{"succession by an organization", func() Event {
			e := accessionEvent()
			e.Kind = TreatySuccession
			e.Participants = []Participation{{Actor: "c5-plus-1", Role: Party}}
			return e
		}, true, []wantProblem{{"participants[0].actor", "c5-plus-1", ErrWrongActorType}}},
		{"a person as witness of an accession is fine", func() Event {
			e := accessionEvent()
			e.Participants[1].Actor = "donald-trump"
			return e
		}, true, nil},
		{"visit without host or place", func() Event {
			e := visitEvent()
			e.Participants = e.Participants[:1]
			return e
		}, true, []wantProblem{{"participants", "host", ErrMissingRole}}},
		{"visit with only a place name", func() Event {
			e := visitEvent()
			e.Participants = e.Participants[:1]
			e.Place = Place{Name: "White House"}
			return e
		}, true, []wantProblem{{"participants", "host", ErrMissingRole}}},
		{"visit without guest", func() Event {
			e := visitEvent()
			e.Participants[0].Role = Participant
			return e
		}, true, []wantProblem{{"participants", "guest", ErrMissingRole}}},
		{"unknown actor", func() Event { e := phoneCallEvent(); e.Participants[1].Actor = "nobody"; return e }, true,
			[]wantProblem{{"participants[1].actor", "nobody", ErrUnknownActor}}},
		{"unknown actor, no lookup", func() Event { e := phoneCallEvent(); e.Participants[1].Actor = "nobody"; return e }, false,
			nil},
		{"missing actor", func() Event { e := phoneCallEvent(); e.Participants[1].Actor = ""; return e }, false,
			[]wantProblem{{"participants[1].actor", "", ErrRequired}}},
		{"invalid actor ID", func() Event { e := phoneCallEvent(); e.Participants[1].Actor = "Donald Trump"; return e }, true,
			[]wantProblem{{"participants[1].actor", "Donald Trump", ErrInvalidID}}},
		{"missing role of participant", func() Event { e := phoneCallEvent(); e.Participants[0].Role = 0; return e }, true,
			[]wantProblem{{"participants[0].role", "", ErrRequired}}},
		{"unknown role of participant", func() Event { e := phoneCallEvent(); e.Participants[0].Role = 99; return e }, true,
			[]wantProblem{{"participants[0].role", "role(99)", ErrUnknown}}},
		{"control in capacity", func() Event { e := phoneCallEvent(); e.Participants[0].Capacity = "President\n"; return e }, true,
			[]wantProblem{{"participants[0].capacity", "President\n", ErrInvalidText}}},
		{"duplicate participant", func() Event {
			e := phoneCallEvent()
			e.Participants = append(e.Participants, Participation{Actor: "donald-trump", Role: Recipient, Capacity: "another capacity"})
			return e
		}, true, []wantProblem{{"participants[2]", "donald-trump as recipient", ErrDuplicate}}},

		// Instrument.
		{"accession without instrument", func() Event { e := accessionEvent(); e.Instrument = Instrument{}; return e }, true,
			[]wantProblem{{"instrument", "", ErrRequired}}},
		{"signing ceremony without instrument", func() Event {
			e := accessionEvent()
			e.Kind = SigningCeremony
			e.Instrument = Instrument{}
			return e
		}, true, []wantProblem{{"instrument", "", ErrRequired}}},
		{"instrument without ID", func() Event { e := accessionEvent(); e.Instrument.ID = ""; return e }, true,
			[]wantProblem{{"instrument.id", "", ErrRequired}}},
		{"instrument with bad ID", func() Event { e := accessionEvent(); e.Instrument.ID = "abraham accords"; return e }, true,
			[]wantProblem{{"instrument.id", "abraham accords", ErrInvalidID}}},
		{"instrument without name", func() Event { e := accessionEvent(); e.Instrument.Name = " "; return e }, true,
			[]wantProblem{{"instrument.name", " ", ErrRequired}}},
		{"instrument with bad language", func() Event { e := accessionEvent(); e.Instrument.Names["de DE"] = "x"; return e }, true,
			[]wantProblem{{"instrument.names.de DE", "de DE", ErrInvalidLanguage}}},
		{"instrument only with names", func() Event {
			e := phoneCallEvent()
			e.Instrument = Instrument{Names: map[string]string{"de": "Abraham-Abkommen"}}
			return e
		}, true, []wantProblem{{"instrument.id", "", ErrRequired}, {"instrument.name", "", ErrRequired}}},

		// Place.
		{"bad place country", func() Event { e := accessionEvent(); e.Place.Country = "USA"; return e }, true,
			[]wantProblem{{"place.country", "USA", ErrInvalidCountry}}},
		{"lower-case place country", func() Event { e := accessionEvent(); e.Place.Country = "us"; return e }, true,
			[]wantProblem{{"place.country", "us", ErrInvalidCountry}}},
		{"control in place", func() Event { e := accessionEvent(); e.Place.Venue = "Oval\x1bOffice"; return e }, true,
			[]wantProblem{{"place.venue", "Oval\x1bOffice", ErrInvalidText}}},
		{"latitude too large", func() Event { e := accessionEvent(); e.Place.Coordinates.Lat = 90.5; return e }, true,
			[]wantProblem{{"place.coordinates.lat", "90.5", ErrOutOfRange}}},
		{"longitude too small", func() Event { e := accessionEvent(); e.Place.Coordinates.Lon = -181; return e }, true,
			[]wantProblem{{"place.coordinates.lon", "-181", ErrOutOfRange}}},
		{"NaN coordinates", func() Event {
			e := accessionEvent()
			e.Place.Coordinates = &Coordinates{Lat: math.NaN(), Lon: math.NaN()}
			return e
		}, true, []wantProblem{
			{"place.coordinates.lat", "NaN", ErrOutOfRange},
			{"place.coordinates.lon", "NaN", ErrOutOfRange},
		}},
		{"infinite longitude", func() Event { e := accessionEvent(); e.Place.Coordinates.Lon = math.Inf(1); return e }, true,
			[]wantProblem{{"place.coordinates.lon", "+Inf", ErrOutOfRange}}},

		// Sources.
		{"javascript URL", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "javascript:alert(1)"; return e }, true,
			[]wantProblem{{"sources[0].url", "javascript:alert(1)", ErrInvalidURL}}},
		{"relative URL", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "/en/news/1"; return e }, true,
			[]wantProblem{{"sources[0].url", "/en/news/1", ErrInvalidURL}}},
		{"URL without scheme", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "www.akorda.kz/en"; return e }, true,
			[]wantProblem{{"sources[0].url", "www.akorda.kz/en", ErrInvalidURL}}},
		{"URL with space", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "https://akorda.kz/a b"; return e }, true,
			[]wantProblem{{"sources[0].url", "https://akorda.kz/a b", ErrInvalidURL}}},
		{"URL with CRLF", func() Event {
			e := phoneCallEvent()
			e.Sources[0].URL = "https://akorda.kz/\r\nSet-Cookie: x"
			return e
		}, true,
			[]wantProblem{{"sources[0].url", "https://akorda.kz/\r\nSet-Cookie: x", ErrInvalidURL}}},
		{"URL without host", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "https:///path"; return e }, true,
			[]wantProblem{{"sources[0].url", "https:///path", ErrInvalidURL}}},
		{"ftp URL", func() Event { e := phoneCallEvent(); e.Sources[0].URL = "ftp://akorda.kz/x"; return e }, true,
			[]wantProblem{{"sources[0].url", "ftp://akorda.kz/x", ErrInvalidURL}}},
		{"bad source language", func() Event { e := phoneCallEvent(); e.Sources[0].Lang = "en_US"; return e }, true,
			[]wantProblem{{"sources[0].lang", "en_US", ErrInvalidLanguage}}},
		{"control in source title", func() Event { e := phoneCallEvent(); e.Sources[0].Title = "a\x7fb"; return e }, true,
			[]wantProblem{{"sources[0].title", "a\x7fb", ErrInvalidText}}},
		{"blank quote", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Text = " "; return e }, true,
			[]wantProblem{{"sources[0].quotes[0].text", " ", ErrRequired}}},
		{"bad quote language", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Lang = "russian language"; return e }, true,
			[]wantProblem{{"sources[0].quotes[0].lang", "russian language", ErrInvalidLanguage}}},
		{"translation language without translation", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Translation = ""; return e }, true,
			[]wantProblem{{"sources[0].quotes[0].translation", "", ErrRequired}}},
		{"bad translation language", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].TranslationLang = "e"; return e }, true,
			[]wantProblem{{"sources[0].quotes[0].translationLang", "e", ErrInvalidLanguage}}},
		{"unknown speaker", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Speaker = "putin"; return e }, true,
			[]wantProblem{{"sources[0].quotes[0].speaker", "putin", ErrUnknownActor}}},
		{"unknown speaker, no lookup", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Speaker = "putin"; return e }, false,
			nil},
		{"invalid speaker", func() Event { e := phoneCallEvent(); e.Sources[0].Quotes[0].Speaker = "V. Putin"; return e }, false,
			[]wantProblem{{"sources[0].quotes[0].speaker", "V. Putin", ErrInvalidID}}},

		// Tags and links.
		{"duplicate tag", func() Event { e := phoneCallEvent(); e.Tags = append(e.Tags, "C5+1"); return e }, true,
			[]wantProblem{{"tags[2]", "C5+1", ErrDuplicate}}},
		{"blank tag", func() Event { e := phoneCallEvent(); e.Tags = append(e.Tags, ""); return e }, true,
			[]wantProblem{{"tags[2]", "", ErrRequired}}},
		{"duplicate link", func() Event {
			e := phoneCallEvent()
			e.Links = append(e.Links, Link{Type: RefersTo, Target: linkTarget2}, Link{Type: PartOf, Target: linkTarget})
			return e
		}, true, []wantProblem{{"links[2]", "part-of " + linkTarget.String(), ErrDuplicate}}},
		{"self link", func() Event {
			e := phoneCallEvent()
			e.ID = linkTarget
			return e
		}, true, []wantProblem{{"links[0].target", linkTarget.String(), ErrSelfLink}}},
		{"link without target", func() Event { e := phoneCallEvent(); e.Links[0].Target = uuid.Nil; return e }, true,
			[]wantProblem{{"links[0].target", "", ErrRequired}}},
		{"link without type", func() Event { e := phoneCallEvent(); e.Links[0].Type = 0; return e }, true,
			[]wantProblem{{"links[0].type", "", ErrRequired}}},
		{"link with unknown type", func() Event { e := phoneCallEvent(); e.Links[0].Type = 9; return e }, true,
			[]wantProblem{{"links[0].type", "link type(9)", ErrUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.event()
			var lookup ActorLookup
			if tt.lookup {
				lookup = dir
			}
			assertProblems(t, e.Validate(lookup), tt.want...)
		})
	}
}

func TestEventValidateAllProblemsAtOnce(t *testing.T) {
	e := Event{
		Kind:        TreatyAccession,
		Title:       "",
		Description: "ok\nfine\x00",
		Status:      Occurred,
		Place:       Place{Country: "usa", Coordinates: &Coordinates{Lat: 100, Lon: 0}},
		Participants: []Participation{
			{Actor: "kassym-jomart-tokayev", Role: AccedingParty},
			{Actor: "nobody", Role: 0},
			{Actor: "kassym-jomart-tokayev", Role: AccedingParty},
		},
		Sources: []Source{{URL: "javascript:void(0)", Lang: "de_DE"}},
		Tags:    []string{"x", "x"},
		Links:   []Link{{Type: Follows}},
	}
	err := e.Validate(testDirectory(t))
	l := problemList(t, err)
	want := []wantProblem{
		{"title", "", ErrRequired},
		{"description", "ok\nfine\x00", ErrInvalidText},
		{"date", "", ErrNoDate},
		{"place.country", "usa", ErrInvalidCountry},
		{"place.coordinates.lat", "100", ErrOutOfRange},
		{"participants[0].actor", "kassym-jomart-tokayev", ErrWrongActorType},
		{"participants[1].actor", "nobody", ErrUnknownActor},
		{"participants[1].role", "", ErrRequired},
		{"participants[2]", "kassym-jomart-tokayev as acceding-party", ErrDuplicate},
		{"participants[2].actor", "kassym-jomart-tokayev", ErrWrongActorType},
		{"instrument", "", ErrRequired},
		{"sources[0].url", "javascript:void(0)", ErrInvalidURL},
		{"sources[0].lang", "de_DE", ErrInvalidLanguage},
		{"tags[1]", "x", ErrDuplicate},
		{"links[0].target", "", ErrRequired},
	}
	assert.Len(t, l, 15)
	assertProblems(t, err, want...)
	assert.True(t, strings.HasPrefix(err.Error(), "15 problems:\n\t"), err.Error())
	assert.Equal(t, 15, strings.Count(err.Error(), "\n\t"))

	// The zero Event lacks its kind, title and status.
	var zero Event
	assertProblems(t, zero.Validate(nil),
		wantProblem{"kind", "", ErrRequired},
		wantProblem{"title", "", ErrRequired},
		wantProblem{"status", "", ErrRequired},
	)
}

func TestEventValidateErrorDetails(t *testing.T) {
	e := accessionEvent()
	e.Participants[0].Role = Party
	err := e.Validate(nil)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "participants", fe.Path)
	assert.ErrorIs(t, fe, ErrMissingRole)
	assert.Equal(t, `participants: "acceding-party": missing role: an accession needs an acceding party`, fe.Error(),
		"the message speaks English, with articles")

	e = phoneCallEvent()
	e.Participants = e.Participants[:1]
	err = e.Validate(nil)
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrTooFewParties)
	assert.Contains(t, fe.Error(), "a phone call needs 2 parties, has 1")

	e = accessionEvent()
	e.Participants[0].Actor = "kassym-jomart-tokayev"
	err = e.Validate(testDirectory(t))
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Error(), "an acceding party must be a state, not a person")
}

func TestEventValidateDoesNotModify(t *testing.T) {
	e := phoneCallEvent()
	e.Title = ""
	e.Tags = append(e.Tags, "C5+1")
	before := e.Clone()
	require.Error(t, e.Validate(testDirectory(t)))
	assert.Equal(t, before, e)
}

func TestValidURL(t *testing.T) {
	for _, u := range []string{
		"https://www.akorda.kz/en/news/1",
		"http://example.com",
		"https://example.com/path?q=1#frag",
		"https://example.com:8443/x",
		"https://xn--80ao21a.xn--80ao21a/",
	} {
		assert.True(t, ValidURL(u), u)
	}
	for _, u := range []string{
		"", "javascript:alert(1)", "/relative", "relative/path", "//example.com/x",
		"https://example.com/a b", "https://example.com/\r\nX", "https://example.com/\t",
		"https://example.com/\x7f", "https://", "ftp://example.com", "data:text/html,hi",
		"http:example.com", "https://exa mple.com",
	} {
		assert.False(t, ValidURL(u), "%q", u)
	}
}

func TestErrorListError(t *testing.T) {
	var empty ErrorList
	assert.Equal(t, "no errors", empty.Error())
	assert.Nil(t, empty.Err())
	assert.Nil(t, ErrorList{}.Err())

	one := ErrorList{{Path: "country", Value: "kz", Err: ErrInvalidCountry}}
	assert.Equal(t, `country: "kz": not an ISO 3166-1 alpha-2 code`, one.Error())
	require.Error(t, one.Err())

	noValue := ErrorList{{Path: "title", Err: ErrRequired}}
	assert.Equal(t, "title: required", noValue.Error())

	quoted := ErrorList{{Path: "title", Value: "a\nb\"", Err: ErrInvalidText}}
	assert.Equal(t, `title: "a\nb\"": invalid text`, quoted.Error(), "values are quoted")

	two := ErrorList{
		{Path: "title", Err: ErrRequired},
		{Path: "participants[1].actor", Value: "nobody", Err: ErrUnknownActor},
	}
	assert.Equal(t, "2 problems:\n\ttitle: required\n\tparticipants[1].actor: \"nobody\": unknown actor", two.Error())

	assert.Equal(t, "path", (&FieldError{Path: "path"}).Error())
	assert.Equal(t, `line 3 (offset 51): events[0].date: "2025-02-30": day out of range`,
		(&FieldError{Path: "events[0].date", Value: "2025-02-30", Err: ErrDayOutOfRange, Line: 3, Offset: 51}).Error())

	long := strings.Repeat("é", 50_000)
	msg := (&FieldError{Path: "sources[0].url", Value: long, Err: ErrInvalidURL}).Error()
	assert.Less(t, len(msg), 200, "a long value is cut")
	assert.Contains(t, msg, "… (100000 bytes)")
	assert.True(t, utf8.ValidString(msg), "cut at a character boundary")
}

func TestErrorListPrefix(t *testing.T) {
	l := ErrorList{
		{Path: "date", Value: "", Err: ErrNoDate},
		{Path: "participants[0].actor", Value: "nobody", Err: ErrUnknownActor},
		{Path: "[2]", Value: "x", Err: ErrDuplicate},
		{Path: "", Value: "v", Err: ErrRequired},
	}
	p := l.Prefix("events[3]")
	require.Len(t, p, 4)
	assert.Equal(t, "events[3].date", p[0].Path)
	assert.Equal(t, "events[3].participants[0].actor", p[1].Path)
	assert.Equal(t, "events[3][2]", p[2].Path)
	assert.Equal(t, "events[3]", p[3].Path)
	assert.Equal(t, "nobody", p[1].Value)
	assert.ErrorIs(t, p[1], ErrUnknownActor)

	// The original is untouched.
	assert.Equal(t, "date", l[0].Path)
	assert.Equal(t, "[2]", l[2].Path)

	// An empty prefix keeps the paths; prefixes nest.
	assert.Equal(t, "date", l.Prefix("")[0].Path)
	assert.Equal(t, "batch.events[3].date", p.Prefix("batch")[0].Path)
	assert.Equal(t, "tags[0][2]", l.Prefix("tags[0]")[2].Path)

	assert.Empty(t, ErrorList(nil).Prefix("x"))

	// Prefixing the result of Validate.
	e := phoneCallEvent()
	e.Participants[1].Actor = "nobody"
	err := e.Validate(testDirectory(t))
	var vl ErrorList
	require.ErrorAs(t, err, &vl)
	assert.Equal(t, `events[3].participants[1].actor: "nobody": unknown actor`, vl.Prefix("events[3]").Error())
}

func TestErrorListUnwrap(t *testing.T) {
	e := phoneCallEvent()
	e.Status = Occurred
	e.Date = Date{}
	e.Sources[0].URL = "javascript:x"
	err := e.Validate(nil)
	require.Error(t, err)

	assert.True(t, errors.Is(err, ErrNoDate))
	assert.True(t, errors.Is(err, ErrInvalidURL))
	assert.False(t, errors.Is(err, ErrUnknownActor))
	assert.False(t, errors.Is(err, ErrRequired))

	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "date", fe.Path, "errors.As finds the first problem")

	var l ErrorList
	require.True(t, errors.As(err, &l))
	assert.Len(t, l.Unwrap(), 2)

	// Wrapped again, the list still answers.
	wrapped := errors.Join(errors.New("events.json"), err)
	assert.ErrorIs(t, wrapped, ErrInvalidURL)
	assert.ErrorAs(t, wrapped, &fe)

	// A FieldError wrapping a wrapped sentinel.
	fe2 := &FieldError{Path: "participants", Err: errors.Join(errors.New("context"), ErrMissingRole)}
	assert.ErrorIs(t, ErrorList{fe2}, ErrMissingRole)
	assert.ErrorIs(t, fe2, ErrMissingRole)
}

func TestDeriveID(t *testing.T) {
	base := phoneCallEvent()
	id := base.DeriveID()
	require.NotEqual(t, uuid.Nil, id)
	assert.Equal(t, uuid.Version(5), id.Version())
	assert.Equal(t, uuid.RFC4122, id.Variant())
	assert.Equal(t, id, base.DeriveID(), "deterministic")
	c := base.Clone()
	assert.Equal(t, id, c.DeriveID())

	// The namespace is the documented one.
	assert.Equal(t, uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/accordline/accordline/event")), Namespace)
	// Derived IDs are stable across releases.
	assert.Equal(t, "96867eae-3bc8-5bac-8cc2-f42a8d69bc68", id.String(), "golden ID changed: derived IDs must be stable")

	same := map[string]func(e *Event){
		"participants reversed": func(e *Event) {
			e.Participants[0], e.Participants[1] = e.Participants[1], e.Participants[0]
		},
		"roles swapped": func(e *Event) {
			e.Participants[0].Role, e.Participants[1].Role = Recipient, Caller
		},
		"actor repeated": func(e *Event) {
			e.Participants = append(e.Participants, Participation{Actor: "donald-trump", Role: Participant})
		},
		"capacity":    func(e *Event) { e.Participants[0].Capacity = "Head of State" },
		"title":       func(e *Event) { e.Title = "Tokajew telefoniert mit Trump"; e.Titles = nil },
		"description": func(e *Event) { e.Description = "" },
		"status":      func(e *Event) { e.Status = Planned },
		"date text":   func(e *Event) { e.DateText = "yesterday" },
		"sources":     func(e *Event) { e.Sources = []Source{{Publisher: "TASS"}} },
		"tags":        func(e *Event) { e.Tags = nil },
		"links":       func(e *Event) { e.Links = nil },
		"place":       func(e *Event) { e.Place = Place{City: "Astana", Country: "KZ"} },
		"existing ID": func(e *Event) { e.ID = linkTarget },
		"instrument name": func(e *Event) {
			e.Instrument = Instrument{Name: "Abraham Accords"}
		},
	}
	for name, change := range same {
		e := phoneCallEvent()
		change(&e)
		assert.Equal(t, id, e.DeriveID(), "%s does not count", name)
	}

	different := map[string]func(e *Event){
		"kind":          func(e *Event) { e.Kind = BilateralMeeting },
		"day":           func(e *Event) { e.Date = OnDay(2025, 11, 7) },
		"precision":     func(e *Event) { e.Date = InMonth(2025, 11) },
		"qualifier":     func(e *Event) { e.Date = OnDay(2025, 11, 6).Qualified(Approximate) },
		"no date":       func(e *Event) { e.Date = Date{} },
		"instrument":    func(e *Event) { e.Instrument = Instrument{ID: "abraham-accords", Name: "Abraham Accords"} },
		"other actor":   func(e *Event) { e.Participants[1].Actor = "US" },
		"extra actor":   func(e *Event) { e.Participants = append(e.Participants, Participation{Actor: "US", Role: Participant}) },
		"fewer actors":  func(e *Event) { e.Participants = e.Participants[:1] },
		"no actors":     func(e *Event) { e.Participants = nil },
		"case of actor": func(e *Event) { e.Participants[1].Actor = "Donald-Trump" },
		"other instrument": func(e *Event) {
			e.Instrument = Instrument{ID: "paris-agreement", Name: "Paris Agreement"}
		},
	}
	seen := map[uuid.UUID]string{id: "base"}
	for name, change := range different {
		e := phoneCallEvent()
		change(&e)
		got := e.DeriveID()
		if other, dup := seen[got]; dup {
			t.Errorf("%s gives the same ID as %s", name, other)
		}
		seen[got] = name
	}

	// Facts cannot run into each other: an actor list and an instrument ID
	// that concatenate alike give different IDs.
	a := Event{Kind: PhoneCall, Instrument: Instrument{ID: "x"}, Participants: []Participation{{Actor: "y"}}}
	b := Event{Kind: PhoneCall, Participants: []Participation{{Actor: "xy"}}}
	assert.NotEqual(t, a.DeriveID(), b.DeriveID())
	a2 := Event{Kind: PhoneCall, Participants: []Participation{{Actor: "a"}, {Actor: "b"}}}
	b2 := Event{Kind: PhoneCall, Participants: []Participation{{Actor: "ab"}}}
	assert.NotEqual(t, a2.DeriveID(), b2.DeriveID())
}

func TestEnsureID(t *testing.T) {
	e := phoneCallEvent()
	want := e.DeriveID()
	got := e.EnsureID()
	assert.Equal(t, want, got)
	assert.Equal(t, want, e.ID)

	// A later change of the facts does not change the ID once set.
	e.Date = OnDay(2030, 1, 1)
	assert.Equal(t, want, e.EnsureID())
	assert.Equal(t, want, e.ID)
	assert.NotEqual(t, want, e.DeriveID())

	f := phoneCallEvent()
	f.ID = linkTarget2
	assert.Equal(t, linkTarget2, f.EnsureID())
	assert.Equal(t, linkTarget2, f.ID)
}

func TestEventClone(t *testing.T) {
	e := phoneCallEvent()
	e.Place.Coordinates = &Coordinates{Lat: 51.13, Lon: 71.43}
	e.Instrument = Instrument{ID: "abraham-accords", Name: "Abraham Accords", Names: map[string]string{"de": "Abraham-Abkommen"}}
	orig := e.Clone()
	require.Equal(t, e, orig)

	c := e.Clone()
	c.Titles["de"] = "changed"
	c.Titles["fr"] = "added"
	c.Participants[0].Actor = "changed"
	c.Participants[1].Role = Host
	c.Place.Coordinates.Lat = 0
	c.Instrument.Names["de"] = "changed"
	c.Sources[0].URL = "https://changed.example"
	c.Sources[0].Quotes[0].Text = "changed"
	c.Tags[0] = "changed"
	c.Links[0].Type = Follows

	assert.Equal(t, orig, e, "the original is intact")
	assert.Equal(t, 51.13, e.Place.Coordinates.Lat)
	assert.Equal(t, "Kazakhstan supports peace", e.Sources[0].Quotes[0].Translation)
	assert.NotSame(t, e.Place.Coordinates, c.Place.Coordinates)

	// Appending to the clone's slices does not show through either.
	d := e.Clone()
	d.Participants = append(d.Participants[:1], Participation{Actor: "US", Role: Recipient})
	d.Tags = append(d.Tags[:1], "other")
	assert.Equal(t, orig, e)

	var zero Event
	assert.Equal(t, zero, zero.Clone())
}

func TestEventActorsAndInRole(t *testing.T) {
	e := Event{Participants: []Participation{
		{Actor: "US", Role: Host},
		{Actor: "kazakhstan", Role: Participant},
		{Actor: "US", Role: Organizer},
		{Actor: "israel", Role: Participant},
		{Actor: "kazakhstan", Role: Signatory},
	}}
	assert.Equal(t, []ActorID{"US", "kazakhstan", "israel"}, e.Actors(), "distinct, in the order first named")
	assert.Equal(t, []ActorID{"kazakhstan", "israel"}, e.InRole(Participant))
	assert.Equal(t, []ActorID{"US"}, e.InRole(Host))
	assert.Empty(t, e.InRole(Guest))

	var zero Event
	assert.Empty(t, zero.Actors())
	assert.Empty(t, zero.InRole(Host))
}

func TestPlaceAndInstrumentIsZero(t *testing.T) {
	assert.True(t, Place{}.IsZero())
	assert.False(t, Place{City: "Astana"}.IsZero())
	assert.False(t, Place{Coordinates: &Coordinates{}}.IsZero())
	assert.True(t, Instrument{}.IsZero())
	assert.False(t, Instrument{Names: map[string]string{"de": "x"}}.IsZero())
	assert.False(t, Instrument{ID: "x"}.IsZero())
}

func TestValidateAlternativesAndNewFields(t *testing.T) {
	e := accessionEvent()
	e.Discriminator = "evening"
	e.Order = 2
	e.Alternatives = []Alternative{
		{Field: "title", Value: "Kazakhstan accedes", Source: "https://example.org/a"},
		{Field: "titles.de", Value: "Kasachstan tritt bei"},
		{Field: "description", Value: "two\nlines"},
		{Field: "capacity", Actor: "kazakhstan", Role: AccedingParty, Value: "Republic"},
	}
	require.NoError(t, e.Validate(testDirectory(t)))

	e.Discriminator = "a\nb"
	e.Order = -1
	e.Alternatives = append(e.Alternatives,
		Alternative{Field: "titel", Value: "x"},
		Alternative{Field: "titles.zz", Value: "x"},
		Alternative{Field: "title", Value: " "},
		Alternative{Field: "title", Value: "a\nb"},
		Alternative{Field: "capacity", Actor: "nobody", Role: Host, Value: "x"},
		Alternative{Field: "title", Actor: "kazakhstan", Value: "x"},
		Alternative{Field: "title", Value: "Kazakhstan accedes", Source: "https://example.org/a"},
	)
	assertProblems(t, e.Validate(testDirectory(t)),
		wantProblem{"discriminator", "a\nb", ErrInvalidText},
		wantProblem{"order", "-1", ErrOutOfRange},
		wantProblem{"alternatives[4].field", "titel", ErrUnknown},
		wantProblem{"alternatives[5].field", "titles.zz", ErrInvalidLanguage},
		wantProblem{"alternatives[6].value", " ", ErrRequired},
		wantProblem{"alternatives[7].value", "a\nb", ErrInvalidText},
		wantProblem{"alternatives[8].actor", "nobody", ErrUnknownActor},
		wantProblem{"alternatives[9].actor", "kazakhstan", ErrInvalidID},
		wantProblem{"alternatives[10]", "title Kazakhstan accedes", ErrDuplicate},
	)
}

func TestValidateNoncharacters(t *testing.T) {
	for _, s := range []string{"a\uFFFEb", "\uFFFF", "x\uFDD0", "\U0001FFFE"} {
		e := accessionEvent()
		e.Title = s
		assert.ErrorIs(t, e.Validate(nil), ErrInvalidText, "%q", s)
		assert.False(t, ValidText(s, true), "%q", s)
	}
	assert.True(t, ValidText("Kasachstan\u00A0tritt bei ✓", false))
}

// BenchmarkValidateLongLists shows that checking a list for duplicates
// takes time in proportion to its length: the ns/element figure stays
// flat as n doubles. A quadratic check took 5.5 s for 80,000 tags.
func BenchmarkValidateLongLists(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 40_000, 80_000, 160_000} {
		for _, list := range []string{"tags", "participants", "links"} {
			e := Event{Kind: Summit, Title: "Summit", Status: Announced, Date: OnDay(2025, 11, 6)}
			switch list {
			case "tags":
				for i := range n {
					e.Tags = append(e.Tags, "tag-"+strconv.Itoa(i))
				}
			case "participants":
				for i := range n {
					e.Participants = append(e.Participants, Participation{Actor: ActorID("a" + strconv.Itoa(i)), Role: Participant})
				}
			case "links":
				for i := range n {
					var id uuid.UUID
					binary.BigEndian.PutUint64(id[8:], uint64(i)+1)
					e.Links = append(e.Links, Link{Type: RefersTo, Target: id})
				}
			}
			b.Run(list+"/n="+strconv.Itoa(n), func(b *testing.B) {
				for b.Loop() {
					_ = e.Validate(nil)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/element")
			})
		}
	}
}

func TestErrorsCutLongValues(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	_, err := ParseDate(long)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)
	assert.Contains(t, err.Error(), "(10000 bytes)")
	_, err = ParseKind(long)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 1000)
	assert.Contains(t, err.Error(), "(10000 bytes)")
}

// TestSeenSetAcrossItsScan checks duplicates before, at and after the set
// moves its values from the list it scans to a map.
func TestSeenSetAcrossItsScan(t *testing.T) {
	for n := 1; n <= 3*seenSetScan; n++ {
		var s seenSet[int]
		for i := range n {
			require.False(t, s.add(i), "n=%d: %d added first", n, i)
		}
		for i := range n {
			require.True(t, s.add(i), "n=%d: %d added again", n, i)
		}
		require.False(t, s.add(n), "n=%d: %d added first", n, n)
	}
}

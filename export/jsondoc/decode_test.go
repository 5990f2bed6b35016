package jsondoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// baseDoc is a valid document, indented as the encoder indents, with every
// kind of member. The cases below change one thing in it at a time, so the
// line numbers of this listing (line 1 is the opening brace) are the lines
// the errors name.
const baseDoc = `{
  "format": "accordline/timeline",
  "version": 1,
  "title": "Test",
  "description": "Decoding tests",
  "actors": [
    {
      "id": "KZ",
      "type": "state",
      "name": "Kazakhstan",
      "names": {
        "de": "Kasachstan"
      },
      "country": "KZ"
    },
    {
      "id": "US",
      "type": "state",
      "name": "United States",
      "country": "US"
    },
    {
      "id": "donald-trump",
      "type": "person",
      "name": "Donald Trump",
      "country": "US"
    }
  ],
  "events": [
    {
      "id": "00000000-0000-4000-8000-000000000001",
      "kind": "relations-established",
      "cameo": "050",
      "plover": {
        "type": "SUPPORT"
      },
      "status": "occurred",
      "title": "Relations",
      "date": "1992",
      "participants": [
        {
          "actor": "KZ",
          "role": "party"
        },
        {
          "actor": "US",
          "role": "party"
        }
      ]
    },
    {
      "id": "00000000-0000-4000-8000-000000000002",
      "kind": "phone-call",
      "cameo": "041",
      "plover": {
        "type": "CONSULT",
        "mode": "phone"
      },
      "status": "occurred",
      "title": "Call",
      "date": "2025-11-06",
      "participants": [
        {
          "actor": "donald-trump",
          "role": "caller",
          "capacity": "President"
        },
        {
          "actor": "KZ",
          "role": "recipient"
        }
      ],
      "tags": [
        "test"
      ]
    },
    {
      "id": "00000000-0000-4000-8000-000000000003",
      "kind": "treaty-accession",
      "cameo": "057",
      "plover": {
        "type": "SUPPORT"
      },
      "status": "announced",
      "title": "Accession",
      "titles": {
        "de": "Beitritt"
      },
      "date": "2025-11-06T18:00:00-05:00[America/New_York]",
      "participants": [
        {
          "actor": "KZ",
          "role": "acceding-party"
        }
      ],
      "instrument": {
        "id": "abraham-accords",
        "name": "Abraham Accords",
        "names": {
          "de": "Abraham-Abkommen"
        }
      },
      "sources": [
        {
          "publisher": "All Israel",
          "url": "https://example.org/a",
          "lang": "de",
          "published": "2025-11-06",
          "quotes": [
            {
              "text": "Kasachstan tritt bei",
              "speaker": "donald-trump",
              "translation": "Kazakhstan joins",
              "translationLang": "en"
            }
          ]
        }
      ],
      "links": [
        {
          "type": "follows",
          "target": "00000000-0000-4000-8000-000000000002"
        }
      ]
    },
    {
      "id": "00000000-0000-4000-8000-000000000004",
      "kind": "visit",
      "cameo": "042",
      "plover": {
        "type": "CONSULT",
        "mode": "visit"
      },
      "status": "announced",
      "title": "Visit",
      "date": "2025-11-07/..",
      "place": {
        "city": "Washington, D.C.",
        "country": "US",
        "coordinates": {
          "lat": 38.8977,
          "lon": -77.0365
        }
      },
      "participants": [
        {
          "actor": "donald-trump",
          "role": "host"
        },
        {
          "actor": "KZ",
          "role": "guest"
        }
      ]
    }
  ]
}
`

// edit returns baseDoc with old, which must occur exactly once, replaced by
// new.
func edit(t testing.TB, doc, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(doc, old), "%q must occur once", old)
	return strings.Replace(doc, old, new, 1)
}

// want is one expected problem.
type want struct {
	path  string // "?": not checked here (see the TestBug tests)
	line  int    // 0: not checked here (see the TestBug tests)
	value string // the offending value as the error gives it
	is    error  // a sentinel errors.Is finds
	msg   string // a part of the message
	at    string // what the input holds at the offset, if checked
}

// decodeErrors decodes doc, expects it to fail, and returns the problems.
func decodeErrors(t *testing.T, doc string, limits *jsondoc.DecodeOptions) event.ErrorList {
	t.Helper()
	tl, _, err := jsondoc.Decode(strings.NewReader(doc), limits)
	require.Error(t, err)
	require.Nil(t, tl, "no timeline with an error")
	var list event.ErrorList
	require.True(t, errors.As(err, &list), "error %T is an ErrorList", err)
	require.NotEmpty(t, list)
	return list
}

// checkProblems compares the problems found in doc with the expected ones,
// in order.
func checkProblems(t *testing.T, doc string, list event.ErrorList, wants []want) {
	t.Helper()
	for i, e := range list {
		t.Logf("problem %d: %v", i, e)
	}
	require.Len(t, list, len(wants))
	for i, w := range wants {
		e := list[i]
		if w.path != "?" {
			assert.Equal(t, w.path, e.Path, "problem %d: path", i)
		}
		if w.line != 0 {
			assert.Equal(t, w.line, e.Line, "problem %d: line", i)
		}
		assert.Equal(t, w.value, e.Value, "problem %d: value", i)
		assert.ErrorIs(t, e, w.is, "problem %d", i)
		assert.ErrorIs(t, list, w.is, "the list finds problem %d", i)
		assert.Contains(t, e.Error(), w.msg, "problem %d: message", i)
		// The line is the line of the offset.
		if assert.GreaterOrEqual(t, e.Offset, int64(0)) && assert.LessOrEqual(t, e.Offset, int64(len(doc)), "problem %d: offset", i) {
			assert.Equal(t, 1+strings.Count(doc[:e.Offset], "\n"), e.Line, "problem %d: line of offset %d", i, e.Offset)
			if w.at != "" {
				assert.True(t, strings.HasPrefix(doc[e.Offset:], w.at), "problem %d: input at offset %d is %.30q, want %q", i, e.Offset, doc[e.Offset:], w.at)
			}
		}
		if i > 0 {
			assert.LessOrEqual(t, list[i-1].Offset, e.Offset, "problems are in input order")
		}
	}
}

// TestBaseDoc checks that baseDoc is valid and canonical: the encoder
// writes it back byte for byte.
func TestBaseDoc(t *testing.T) {
	tl, _, err := jsondoc.Decode(strings.NewReader(baseDoc), nil)
	require.NoError(t, err)
	assert.Equal(t, baseDoc, string(encodeDocument(t, tl, "  ")))
	assert.Equal(t, 4, tl.Len())
	assert.Equal(t, 3, tl.NumActors())
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name     string
		old, new string // an edit of baseDoc
		want     []want
		// An actor whose ID cannot be read is not in the document, and
		// events that refer to it are reported as referring to an unknown
		// actor too; such problems with this ID are not counted. (An
		// actor with other problems is in the document: events that refer
		// to it are not reported for it.)
		leftOut string
	}{
		// Unknown keys, at every level of the document.
		{"unknown key in the document", `"version": 1,`, `"version": 1, "extra": true,`,
			[]want{{path: "extra", line: 3, value: "extra", is: jsondoc.ErrUnknownKey, at: "true"}}, ""},
		{"unknown key in an actor", `"id": "US",`, `"id": "US", "flag": "🇺🇸",`,
			[]want{{path: "actors[1].flag", line: 17, value: "flag", is: jsondoc.ErrUnknownKey, msg: `actors[1].flag: "flag": unknown key`, at: `"🇺🇸"`}}, ""},
		{"unknown key in an event", `"title": "Call",`, `"title": "Call", "priority": {"a": [1, 2]},`,
			[]want{{path: "events[1].priority", line: 60, value: "priority", is: jsondoc.ErrUnknownKey, at: `{"a"`}}, ""},
		{"unknown key in plover", `"mode": "phone"`, `"mode": "phone", "x": null`,
			[]want{{path: "events[1].plover.x", line: 57, value: "x", is: jsondoc.ErrUnknownKey, at: "null"}}, ""},
		{"unknown key in a participant", `"role": "caller",`, `"role": "caller", "since": "2020",`,
			[]want{{path: "events[1].participants[0].since", line: 65, value: "since", is: jsondoc.ErrUnknownKey}}, ""},
		{"unknown key in a place", `"country": "US",`, `"country": "US", "population": 700000,`,
			[]want{{path: "events[3].place.population", line: 139, value: "population", is: jsondoc.ErrUnknownKey, at: "700000"}}, ""},
		{"unknown key in coordinates", `"lat": 38.8977,`, `"lat": 38.8977, "alt": 10,`,
			[]want{{path: "events[3].place.coordinates.alt", line: 141, value: "alt", is: jsondoc.ErrUnknownKey}}, ""},
		{"unknown key in an instrument", `"name": "Abraham Accords",`, `"name": "Abraham Accords", "signed": false,`,
			[]want{{path: "events[2].instrument.signed", line: 98, value: "signed", is: jsondoc.ErrUnknownKey}}, ""},
		{"unknown key in a source", `"lang": "de",`, `"lang": "de", "pages": [1],`,
			[]want{{path: "events[2].sources[0].pages", line: 107, value: "pages", is: jsondoc.ErrUnknownKey}}, ""},
		{"unknown key in a quote", `"speaker": "donald-trump",`, `"speaker": "donald-trump", "page": 3,`,
			[]want{{path: "events[2].sources[0].quotes[0].page", line: 112, value: "page", is: jsondoc.ErrUnknownKey}}, ""},
		{"unknown key in a link", `"type": "follows",`, `"type": "follows", "weight": 1,`,
			[]want{{path: "events[2].links[0].weight", line: 121, value: "weight", is: jsondoc.ErrUnknownKey}}, ""},
		{"key in another case", `"title": "Call",`, `"Title": "Call",`,
			[]want{
				{path: "events[1]", line: 51, is: jsondoc.ErrMissing, msg: `missing: no "title"`, at: "{"},
				{path: "events[1].Title", line: 60, value: "Title", is: jsondoc.ErrUnknownKey, at: `"Call"`},
			}, ""},

		// Wrong types.
		{"number for the title", `"title": "Test",`, `"title": 42,`,
			[]want{{path: "title", line: 4, value: "42", is: jsondoc.ErrType, msg: `title: "42": wrong type: want a string`, at: "42"}}, ""},
		{"null for the description", `"description": "Decoding tests",`, `"description": null,`,
			[]want{{path: "description", line: 5, value: "null", is: jsondoc.ErrType, at: "null"}}, ""},
		{"string for participants",
			"\"date\": \"1992\",\n      \"participants\": [\n        {\n          \"actor\": \"KZ\",\n          \"role\": \"party\"\n        },\n        {\n          \"actor\": \"US\",\n          \"role\": \"party\"\n        }\n      ]",
			"\"date\": \"1992\",\n      \"participants\": \"KZ, US\"",
			[]want{{path: "events[0].participants", line: 40, value: "KZ, US", is: jsondoc.ErrType, msg: "want an array", at: `"KZ, US"`}}, ""},
		{"object for tags", "\"tags\": [\n        \"test\"\n      ]", `"tags": {"test": true}`,
			[]want{{path: "events[1].tags", line: 73, value: "{…}", is: jsondoc.ErrType, msg: "want an array", at: "{"}}, ""},
		{"number for an actor ID", `"id": "US",`, `"id": 840,`,
			[]want{{path: "actors[1].id", line: 17, value: "840", is: jsondoc.ErrType}}, "US"},
		{"array for plover", "\"plover\": {\n        \"type\": \"CONSULT\",\n        \"mode\": \"phone\"\n      },",
			`"plover": ["CONSULT", "phone"],`,
			[]want{{path: "events[1].plover", line: 55, value: "[…]", is: jsondoc.ErrType, msg: "want an object"}}, ""},
		{"string for a latitude", `"lat": 38.8977,`, `"lat": "38.8977",`,
			[]want{{path: "events[3].place.coordinates.lat", line: 141, value: "38.8977", is: jsondoc.ErrType, msg: "want a number"}}, ""},
		{"true for a tag", `"test"`, `true`,
			[]want{{path: "events[1].tags[0]", line: 74, value: "true", is: jsondoc.ErrType}}, ""},
		{"number out of range", `"lon": -77.0365`, `"lon": -1e400`,
			[]want{{path: "events[3].place.coordinates.lon", line: 142, value: "-1e400", is: jsondoc.ErrType, msg: "out of range", at: "-1e400"}}, ""},
		{"string for actors", "\"actors\": [\n    {\n      \"id\": \"KZ\",", "\"actors\": \"none\", \"x\": [\n    {\n      \"id\": \"KZ\",",
			[]want{
				{path: "actors", line: 6, value: "none", is: jsondoc.ErrType},
				{path: "x", line: 6, value: "x", is: jsondoc.ErrUnknownKey},
				// The actors could not be read: no event is reported for
				// referring to one.
			}, ""},

		// Unknown words.
		{"unknown kind", `"kind": "phone-call",`, `"kind": "call",`,
			[]want{{path: "events[1].kind", line: 53, value: "call", is: event.ErrUnknown, msg: `events[1].kind: "call": unknown kind "call"; known: treaty-signature,`, at: `"call"`}}, ""},
		{"unknown role", `"role": "caller",`, `"role": "dialer",`,
			[]want{{path: "events[1].participants[0].role", line: 65, value: "dialer", is: event.ErrUnknown, msg: `unknown role "dialer"`}}, ""},
		{"unknown status", "\"status\": \"occurred\",\n      \"title\": \"Call\"", "\"status\": \"done\",\n      \"title\": \"Call\"",
			[]want{{path: "events[1].status", line: 59, value: "done", is: event.ErrUnknown, msg: `unknown status "done"`}}, ""},
		{"unknown actor type", `"type": "person",`, `"type": "human",`,
			[]want{{path: "actors[2].type", line: 24, value: "human", is: event.ErrUnknown, msg: `unknown actor type "human"`}}, ""},
		{"unknown link type", `"type": "follows",`, `"type": "precedes",`,
			[]want{{path: "events[2].links[0].type", line: 121, value: "precedes", is: event.ErrUnknown}}, ""},
		{"kind in another case", `"kind": "visit",`, `"kind": "Visit",`,
			[]want{{path: "events[3].kind", line: 128, value: "Visit", is: event.ErrUnknown}}, ""},

		// Dates.
		{"day out of range", `"date": "2025-11-07/..",`, `"date": "2025-02-30",`,
			[]want{{path: "events[3].date", line: 136, value: "2025-02-30", is: event.ErrDayOutOfRange,
				msg: `line 136 (offset 2914): events[3].date: "2025-02-30": day out of range`, at: `"2025-02-30"`}}, ""},
		{"month out of range", `"date": "2025-11-06",`, `"date": "2025-13",`,
			[]want{{path: "events[1].date", line: 61, value: "2025-13", is: event.ErrMonthOutOfRange}}, ""},
		{"not a date", `"date": "1992",`, `"date": "6 November 2025",`,
			[]want{{path: "events[0].date", line: 39, value: "6 November 2025", is: event.ErrDateSyntax}}, ""},
		{"empty date", `"date": "1992",`, `"date": "",`,
			[]want{{path: "events[0].date", line: 39, is: event.ErrEmptyDate}}, ""},
		{"offset disagrees with the zone", `"date": "2025-11-06T18:00:00-05:00[America/New_York]",`, `"date": "2025-11-06T18:00:00-04:00[America/New_York]",`,
			[]want{{path: "events[2].date", line: 89, value: "2025-11-06T18:00:00-04:00[America/New_York]", is: event.ErrZoneMismatch}}, ""},
		{"unknown zone", `"date": "2025-11-06T18:00:00-05:00[America/New_York]",`, `"date": "2025-11-06T18:00:00-05:00[America/Gotham]",`,
			[]want{{path: "events[2].date", line: 89, value: "2025-11-06T18:00:00-05:00[America/Gotham]", is: event.ErrUnknownZone}}, ""},
		{"interval ends before it starts", `"date": "2025-11-07/..",`, `"date": "2025-11-07/2025-11-01",`,
			[]want{{path: "events[3].date", line: 136, value: "2025-11-07/2025-11-01", is: event.ErrEndBeforeStart}}, ""},
		{"invalid publication date", `"published": "2025-11-06",`, `"published": "2025-11-31",`,
			[]want{{path: "events[2].sources[0].published", line: 108, value: "2025-11-31", is: event.ErrDayOutOfRange}}, ""},
		{"number for a date", `"date": "1992",`, `"date": 1992,`,
			[]want{{path: "events[0].date", line: 39, value: "1992", is: jsondoc.ErrType}}, ""},

		// References and IDs.
		{"dangling participant", "\"actor\": \"KZ\",\n          \"role\": \"recipient\"", "\"actor\": \"nobody\",\n          \"role\": \"recipient\"",
			[]want{{path: "events[1].participants[1].actor", line: 69, value: "nobody", is: event.ErrUnknownActor,
				msg: `line 69 (offset 1388): events[1].participants[1].actor: "nobody": unknown actor`, at: `"nobody"`}}, ""},
		{"dangling speaker", `"speaker": "donald-trump",`, `"speaker": "melania-trump",`,
			[]want{{path: "events[2].sources[0].quotes[0].speaker", line: 112, value: "melania-trump", is: event.ErrUnknownActor, at: `"melania-trump"`}}, ""},
		{"duplicate actor ID", `"id": "donald-trump",`, `"id": "KZ",`,
			[]want{
				{path: "actors[2].id", line: 23, value: "KZ", is: jsondoc.ErrDuplicateID, msg: "duplicate ID: also actors[0]", at: `"KZ"`},
				{path: "events[1].participants[0].actor", line: 64, value: "donald-trump", is: event.ErrUnknownActor, at: `"donald-trump"`},
				{path: "events[2].sources[0].quotes[0].speaker", line: 112, value: "donald-trump", is: event.ErrUnknownActor},
				{path: "events[3].participants[0].actor", line: 147, value: "donald-trump", is: event.ErrUnknownActor},
			}, ""},
		{"duplicate event ID", `"id": "00000000-0000-4000-8000-000000000004",`, `"id": "00000000-0000-4000-8000-000000000001",`,
			[]want{{path: "events[3].id", line: 127, value: "00000000-0000-4000-8000-000000000001", is: jsondoc.ErrDuplicateID, msg: "also events[0]", at: `"00000000-0000-4000-8000-000000000001"`}}, ""},
		{"event ID not a UUID", `"id": "00000000-0000-4000-8000-000000000004",`, `"id": "4",`,
			[]want{{path: "events[3].id", line: 127, value: "4", is: nil, msg: "not a UUID in canonical form"}}, ""},
		{"UUID in braces", `"id": "00000000-0000-4000-8000-000000000004",`, `"id": "{00000000-0000-4000-8000-000000000004}",`,
			[]want{{path: "events[3].id", line: 127, value: "{00000000-0000-4000-8000-000000000004}", msg: "not a UUID in canonical form"}}, ""},
		{"duplicate language", `"de": "Kasachstan"`, `"de": "Kasachstan", "de": "Qazaqstan"`,
			[]want{{path: "actors[0].names.de", line: 12, value: "de", is: jsondoc.ErrDuplicateID, msg: "language given twice"}}, ""},
		{"invalid language tag", `"de": "Beitritt"`, `"de_DE": "Beitritt"`,
			[]want{{path: "events[2].titles.de_DE", line: 87, value: "de_DE", is: event.ErrInvalidLanguage, at: `"Beitritt"`}}, ""},
		{"language tag with a dot", `"de": "Beitritt"`, `"de.x": "Beitritt"`,
			[]want{{path: "events[2].titles.de.x", line: 87, value: "de.x", is: event.ErrInvalidLanguage, at: `"Beitritt"`}}, ""},
		// An actor with a problem of its own is still in the document: the
		// events that refer to it are not reported for it.
		{"invalid actor", `"country": "KZ"`, `"country": "Kazakhstan"`,
			[]want{{path: "actors[0].country", line: 14, value: "Kazakhstan", is: event.ErrInvalidCountry, at: `"Kazakhstan"`}}, ""},

		// Duplicate keys.
		{"duplicate key in an event", `"title": "Call",`, `"title": "Call", "title": "Call again",`,
			[]want{{path: "events[1].title", line: 60, value: "title", is: jsondoc.ErrDuplicateKey, msg: "key given twice", at: `"Call again"`}}, ""},
		{"duplicate format", `"version": 1,`, `"version": 1, "format": "accordline/timeline",`,
			[]want{{path: "format", line: 3, value: "format", is: jsondoc.ErrDuplicateKey, msg: "key given twice"}}, ""},
		{"duplicate actors", `"events": [`, `"actors": [], "events": [`,
			[]want{{path: "actors", line: 29, value: "actors", is: jsondoc.ErrDuplicateKey, msg: "key given twice", at: "[]"}}, ""},

		// Codes that disagree with the kind.
		{"CAMEO code of another kind", `"cameo": "041",`, `"cameo": "042",`,
			[]want{{path: "events[1].cameo", line: 54, value: "042", is: jsondoc.ErrCodeMismatch, msg: "a phone-call is CAMEO 041", at: `"042"`}}, ""},
		{"PLOVER mode of another kind", `"mode": "phone"`, `"mode": "visit"`,
			[]want{{path: "events[1].plover", line: 55, value: "CONSULT/visit", is: jsondoc.ErrCodeMismatch, msg: "a phone-call is PLOVER CONSULT/phone", at: "{"}}, ""},
		{"PLOVER mode where there is none", "\"type\": \"SUPPORT\"\n      },\n      \"status\": \"occurred\"", "\"type\": \"SUPPORT\",\n        \"mode\": \"visit\"\n      },\n      \"status\": \"occurred\"",
			[]want{{path: "events[0].plover", line: 34, value: "SUPPORT/visit", is: jsondoc.ErrCodeMismatch}}, ""},
		{"PLOVER without a type", "\"type\": \"CONSULT\",\n        \"mode\": \"phone\"", "\"mode\": \"phone\"",
			[]want{
				{path: "events[1].plover", line: 55, is: jsondoc.ErrMissing, msg: `missing: no "type"`, at: "{"},
				{path: "events[1].plover", line: 55, value: "/phone", is: jsondoc.ErrCodeMismatch},
			}, ""},
		{"kind changed, codes kept", `"kind": "phone-call",`, `"kind": "bilateral-meeting",`,
			[]want{
				{path: "events[1].cameo", line: 54, value: "041", is: jsondoc.ErrCodeMismatch, msg: "a bilateral-meeting is CAMEO 040"},
				{path: "events[1].plover", line: 55, value: "CONSULT/phone", is: jsondoc.ErrCodeMismatch, msg: "a bilateral-meeting is PLOVER CONSULT/"},
			}, ""},

		// The document itself.
		{"version 2", `"version": 1,`, `"version": 2,`,
			[]want{{path: "version", line: 3, value: "2", is: jsondoc.ErrVersion, msg: `version: "2": unsupported version: this reader reads version 1`, at: "2"}}, ""},
		{"version 1.5", `"version": 1,`, `"version": 1.5,`,
			[]want{{path: "version", line: 3, value: "1.5", is: jsondoc.ErrVersion}}, ""},
		{"other format", `"format": "accordline/timeline",`, `"format": "accordline/lines",`,
			[]want{{path: "format", line: 2, value: "accordline/lines", is: jsondoc.ErrFormat, msg: "not an Accordline document", at: `"accordline/lines"`}}, ""},
		{"no format", "  \"format\": \"accordline/timeline\",\n", "",
			[]want{{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `line 1: document: missing: no "format"`, at: "{"}}, ""},
		{"no version", "  \"version\": 1,\n", "",
			[]want{{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `no "version"`}}, ""},
		{"no title", "  \"title\": \"Test\",\n", "",
			[]want{{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `no "title"`}}, ""},
		{"no event title", "      \"title\": \"Call\",\n", "",
			[]want{{path: "events[1]", line: 51, is: jsondoc.ErrMissing, msg: `events[1]: missing: no "title"`, at: "{"}}, ""},
		{"no actor name", "      \"name\": \"United States\",\n", "",
			[]want{{path: "actors[1]", line: 16, is: jsondoc.ErrMissing, msg: `no "name"`}}, ""},
		{"no role", "\"actor\": \"KZ\",\n          \"role\": \"recipient\"", "\"actor\": \"KZ\"",
			[]want{{path: "events[1].participants[1]", line: 68, is: jsondoc.ErrMissing, msg: `no "actor and role"`, at: "{"}}, ""},
		{"no longitude", "\"lat\": 38.8977,\n          \"lon\": -77.0365", "\"lat\": 38.8977",
			[]want{{path: "events[3].place.coordinates", line: 140, is: jsondoc.ErrMissing, msg: `no "lat and lon"`}}, ""},
		{"no link target", "\"type\": \"follows\",\n          \"target\": \"00000000-0000-4000-8000-000000000002\"", "\"type\": \"follows\"",
			[]want{{path: "events[2].links[0]", line: 120, is: jsondoc.ErrMissing, msg: `no "type and target"`}}, ""},
		{"no quote text", "\"text\": \"Kasachstan tritt bei\",\n", "",
			[]want{{path: "events[2].sources[0].quotes[0]", line: 110, is: jsondoc.ErrMissing, msg: `no "text"`}}, ""},
		{"no instrument name", "\"name\": \"Abraham Accords\",\n", "",
			[]want{{path: "events[2].instrument", line: 96, is: jsondoc.ErrMissing, msg: `no "id and name"`}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := edit(t, baseDoc, c.old, c.new)
			list := decodeErrors(t, doc, nil)
			if c.leftOut != "" {
				list = withoutUnknownActor(list, c.leftOut)
			}
			for i := range c.want {
				if c.want[i].is == nil {
					c.want[i].is = list[i].Err // no sentinel to check
				}
			}
			checkProblems(t, doc, list, c.want)
		})
	}
}

// withoutUnknownActor drops the problems of references to the actor id.
func withoutUnknownActor(list event.ErrorList, id string) event.ErrorList {
	var out event.ErrorList
	for _, e := range list {
		if !(errors.Is(e, event.ErrUnknownActor) && e.Value == id) {
			out = append(out, e)
		}
	}
	return out
}

// TestDecodeWordError gives the unknown word and the known ones.
func TestDecodeWordError(t *testing.T) {
	for _, c := range []struct{ old, new, vocabulary, word string }{
		{`"kind": "phone-call",`, `"kind": "call",`, "kind", "call"},
		{`"role": "caller",`, `"role": "dialer",`, "role", "dialer"},
		{`"type": "person",`, `"type": "human",`, "actor type", "human"},
	} {
		list := withoutUnknownActor(decodeErrors(t, edit(t, baseDoc, c.old, c.new), nil), "donald-trump")
		require.Len(t, list, 1)
		var we *event.WordError
		require.ErrorAs(t, list, &we)
		assert.Equal(t, c.vocabulary, we.Vocabulary)
		assert.Equal(t, c.word, we.Word)
		assert.NotEmpty(t, we.Known)
		require.ErrorAs(t, list[0], &we, "each *Error unwraps to the WordError")
	}
}

// TestDecodeSyntax decodes broken JSON: one problem each, ErrSyntax, at the
// place where reading stopped.
func TestDecodeSyntax(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		line     int
		path     string
		msg      string
	}{
		{"trailing garbage", "  ]\n}\n", "  ]\n}\nx", 158, "document", "expected the end of input, found 'x'"},
		{"second document", "  ]\n}\n", "  ]\n}\n{}", 158, "document", "expected the end of input"},
		{"trailing comma in an array", "\"test\"\n", "\"test\",\n", 75, "events[1].tags[1]", "expected a value, found ']'"},
		{"trailing comma in an object", `"country": "US"` + "\n    },\n    {\n      \"id\": \"donald-trump\"", `"country": "US",` + "\n    },\n    {\n      \"id\": \"donald-trump\"", 21, "actors[1].country", "expected a key, found '}'"},
		{"missing comma", `"version": 1,`, `"version": 1`, 4, "version", "expected ',' or '}'"},
		{"missing colon", `"title": "Test",`, `"title" "Test",`, 4, "title", "expected ':'"},
		{"single quotes", `"title": "Test",`, `"title": 'Test',`, 4, "title", "expected a value, found '\\''"},
		{"bad literal", `"title": "Test",`, `"title": nul,`, 4, "title", "invalid literal"},
		{"leading zero", `"version": 1,`, `"version": 01,`, 3, "version", "expected ',' or '}', found '1'"},
		{"bare decimal point", `"lat": 38.8977,`, `"lat": 38.,`, 141, "events[3].place.coordinates.lat", "invalid number"},
		{"bad exponent", `"lat": 38.8977,`, `"lat": 3e+,`, 141, "events[3].place.coordinates.lat", "invalid number"},
		{"invalid UTF-8", `"title": "Test",`, "\"title\": \"Te\xffst\",", 4, "title", "invalid UTF-8 in string"},
		{"invalid UTF-8 in a key", `"title": "Test",`, "\"titl\xc3\": \"Test\",", 4, "?", "invalid UTF-8 in string"}, // the path: see TestKeyPathOfUnreadableKey
		{"truncated UTF-8 sequence", `"name": "Kazakhstan",`, "\"name\": \"Kaz\xe2\x82\",", 10, "actors[0].name", "invalid UTF-8"},
		{"overlong encoding", `"name": "Kazakhstan",`, "\"name\": \"\xc0\xaf\",", 10, "actors[0].name", "invalid UTF-8"},
		{"encoded surrogate", `"name": "Kazakhstan",`, "\"name\": \"\xed\xa0\x80\",", 10, "actors[0].name", "invalid UTF-8"},
		{"bad escape", `"title": "Test",`, `"title": "Te\qst",`, 4, "title", "invalid escape, found 'q'"},
		{"bad unicode escape", `"title": "Test",`, `"title": "Te\u12G4",`, 4, "title", "invalid \\u escape, found 'G'"},
		{"short unicode escape", `"title": "Test",`, `"title": "Te\u12",`, 4, "title", "invalid \\u escape"},
		{"lone high surrogate", `"title": "Test",`, `"title": "\ud83d",`, 4, "title", "unpaired surrogate"},
		{"lone low surrogate", `"title": "Test",`, `"title": "\ude00x",`, 4, "title", "unpaired surrogate"},
		{"high surrogate and a letter", `"title": "Test",`, `"title": "\ud83d\u0041",`, 4, "title", "unpaired surrogate"},
		{"surrogates reversed", `"title": "Test",`, `"title": "\ude00\ud83d",`, 4, "title", "unpaired surrogate"},
		{"high surrogate and another escape", `"title": "Test",`, `"title": "\ud83d\n",`, 4, "title", "unpaired surrogate"},
		{"raw tab in a string", `"title": "Test",`, "\"title\": \"Te\tst\",", 4, "title", "control character in string"},
		{"raw newline in a string", `"title": "Test",`, "\"title\": \"Te\nst\",", 4, "title", "control character in string"},
		{"comment", `"version": 1,`, `"version": 1, // one`, 3, "version", "expected a key, found '/'"},
		{"unquoted key", `"version": 1,`, `version: 1,`, 3, "format", "expected a key, found 'v'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := edit(t, baseDoc, c.old, c.new)
			list := decodeErrors(t, doc, nil)
			checkProblems(t, doc, list, []want{{path: c.path, line: c.line, is: jsondoc.ErrSyntax, msg: "invalid JSON: " + c.msg}})
		})
	}
}

// TestDecodeTruncated cuts the document at every byte: each prefix fails
// with one syntax error at its end, and never returns a timeline.
func TestDecodeTruncated(t *testing.T) {
	doc := strings.TrimSuffix(baseDoc, "\n")
	for n := range len(doc) {
		tl, _, err := jsondoc.Decode(strings.NewReader(doc[:n]), nil)
		require.Nil(t, tl, "prefix of %d bytes", n)
		var list event.ErrorList
		require.ErrorAs(t, err, &list, "prefix of %d bytes", n)
		// The syntax error is the last problem: problems before it, such
		// as a duplicate found in what was read, may be reported too.
		last := list[len(list)-1]
		require.ErrorIs(t, last, jsondoc.ErrSyntax, "prefix of %d bytes: %v", n, err)
		require.Equal(t, int64(n), last.Offset, "prefix of %d bytes: %v", n, err)
		require.Equal(t, 1+strings.Count(doc[:n], "\n"), last.Line, "prefix of %d bytes", n)
	}
	// The whole document, without its final newline, is fine.
	_, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	require.NoError(t, err)
}

// TestDecodeNotADocument decodes inputs that are no document at all.
func TestDecodeNotADocument(t *testing.T) {
	for _, c := range []struct {
		in  string
		is  error
		msg string
	}{
		{"", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found end of input"},
		{"   \n\t ", jsondoc.ErrSyntax, "line 2 (offset 6): document: invalid JSON: expected a value, found end of input"},
		{"[]", jsondoc.ErrType, `line 1: document: "[…]": wrong type: want an object`},
		{`"accordline/timeline"`, jsondoc.ErrType, `line 1: document: "accordline/timeline": wrong type: want an object`},
		{"null", jsondoc.ErrType, `line 1: document: "null": wrong type: want an object`},
		{"{}", jsondoc.ErrMissing, `line 1: document: missing: no "format"`},
		// A byte order mark is named as such, not as the Latin-1 reading of
		// its first byte ('ï'), and so are UTF-16 and bytes that are not
		// UTF-8.
		{"\xef\xbb\xbf{}", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found a byte order mark (U+FEFF): JSON text is UTF-8 without one"},
		{"\xfe\xff\x00{", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found a UTF-16 byte order mark: JSON text is UTF-8"},
		{"\xff\xfe{\x00", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found a UTF-16 byte order mark: JSON text is UTF-8"},
		{"\xe9t\xe9", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found byte 0xe9, which is not UTF-8"},
		{"«»", jsondoc.ErrSyntax, "line 1: document: invalid JSON: expected a value, found '«'"},
		{"{}\n\xef\xbb\xbf", jsondoc.ErrSyntax, "line 2 (offset 3): document: invalid JSON: expected the end of input, found a byte order mark (U+FEFF): JSON text is UTF-8 without one"},
	} {
		list := decodeErrors(t, c.in, nil)
		require.ErrorIs(t, list[0], c.is, "%q", c.in)
		require.Equal(t, c.msg, list[0].Error(), "%q", c.in)
	}
	// An empty object misses everything required.
	list := decodeErrors(t, "{}", nil)
	checkProblems(t, "{}", list, []want{
		{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `no "format"`},
		{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `no "version"`},
		{path: "document", line: 1, is: jsondoc.ErrMissing, msg: `no "title"`},
	})
}

// TestDecodeManyProblems: a document with problems of many kinds, found
// while reading and when validating, reports all of them in input order,
// and no timeline.
func TestDecodeManyProblems(t *testing.T) {
	doc := baseDoc
	for _, e := range [][2]string{
		{`"version": 1,`, `"version": 1, "generator": "test",`},                                                                 // line 3: unknown key
		{"\"name\": \"United States\",\n      \"country\": \"US\"", "\"name\": \"United States\",\n      \"country\": \"USA\""}, // line 20: invalid actor
		{`"title": "Relations",`, `"title": " ",`},                                                                              // line 38: blank title
		// US is invalid; so that no event refers to it, the relations are
		// between Kazakhstan and Trump.
		{"\"actor\": \"US\",\n          \"role\": \"party\"", "\"actor\": \"donald-trump\",\n          \"role\": \"party\""},
		{`"date": "2025-11-06",`, `"date": "2025-02-30",`},                                                           // line 61: invalid date
		{`"capacity": "President"`, `"capacity": 1`},                                                                 // line 66: wrong type
		{`"speaker": "donald-trump",`, `"speaker": "nobody",`},                                                       // line 112: unknown speaker
		{`"cameo": "042",`, `"cameo": "041",`},                                                                       // line 129: code mismatch
		{"\"actor\": \"KZ\",\n          \"role\": \"guest\"", "\"actor\": \"KZ\",\n          \"role\": \"visitor\""}, // line 152: unknown role
	} {
		doc = edit(t, doc, e[0], e[1])
	}
	list := decodeErrors(t, doc, nil)
	checkProblems(t, doc, list, []want{
		{path: "generator", line: 3, value: "generator", is: jsondoc.ErrUnknownKey},
		{path: "actors[1].country", line: 20, value: "USA", is: event.ErrInvalidCountry, at: `"USA"`},
		{path: "events[0].title", line: 38, value: " ", is: event.ErrRequired, at: `" "`},
		{path: "events[1].date", line: 61, value: "2025-02-30", is: event.ErrDayOutOfRange, msg: `events[1].date: "2025-02-30": day out of range`},
		{path: "events[1].participants[0].capacity", line: 66, value: "1", is: jsondoc.ErrType},
		{path: "events[2].sources[0].quotes[0].speaker", line: 112, value: "nobody", is: event.ErrUnknownActor, at: `"nobody"`},
		{path: "events[3].cameo", line: 129, value: "041", is: jsondoc.ErrCodeMismatch},
		{path: "events[3].participants[1].role", line: 152, value: "visitor", is: event.ErrUnknown},
	})
	assert.True(t, strings.HasPrefix(list.Error(), "8 problems:\n\tline 3 (offset "), list.Error())
	assert.Equal(t, 8, strings.Count(list.Error(), "\n\tline "))
}

// TestDecodeValidation: what the decoder reads is validated as a timeline
// validates it, and each problem is located at the value it concerns, or
// at the innermost value on its path that the input holds: the event,
// when the date is missing.
func TestDecodeValidation(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     want
	}{
		{"occurred without a date", `"date": "1992",`, `"dateText": "once",`,
			want{path: "events[0].date", line: 30, is: event.ErrNoDate, at: "{"}},
		{"occurred with an open end", `"date": "1992",`, `"date": "1992/..",`,
			want{path: "events[0].date", line: 39, value: "1992/..", is: event.ErrNoDate, at: `"1992/.."`}},
		{"accession by a person", `"role": "acceding-party"`, `"role": "acceding-party", "actor": "x"`,
			want{path: "events[2].participants[0].actor", line: 93, value: "actor", is: jsondoc.ErrDuplicateKey, msg: "key given twice"}},
		{"accession without instrument", "      \"instrument\": {\n        \"id\": \"abraham-accords\",\n        \"name\": \"Abraham Accords\",\n        \"names\": {\n          \"de\": \"Abraham-Abkommen\"\n        }\n      },\n", "",
			want{path: "events[2].instrument", line: 77, is: event.ErrRequired, at: "{"}},
		{"bad URL", `"url": "https://example.org/a",`, `"url": "example.org/a",`,
			want{path: "events[2].sources[0].url", line: 106, value: "example.org/a", is: event.ErrInvalidURL, at: `"example.org/a"`}},
		{"control character in a title", `"title": "Call",`, `"title": "Ca\u0007ll",`,
			want{path: "events[1].title", line: 60, value: "Ca\u0007ll", is: event.ErrInvalidText, at: `"Ca\u0007ll"`}},
		{"latitude out of range", `"lat": 38.8977,`, `"lat": 138.8977,`,
			want{path: "events[3].place.coordinates.lat", line: 141, value: "138.8977", is: event.ErrOutOfRange, at: "138.8977"}},
		{"link to itself", `"target": "00000000-0000-4000-8000-000000000002"`, `"target": "00000000-0000-4000-8000-000000000003"`,
			want{path: "events[2].links[0].target", line: 122, value: "00000000-0000-4000-8000-000000000003", is: event.ErrSelfLink, at: `"00000000-0000-4000-8000-000000000003"`}},
		{"phone call with one party", "\"actor\": \"KZ\",\n          \"role\": \"recipient\"", "\"actor\": \"donald-trump\",\n          \"role\": \"recipient\"",
			want{path: "events[1].participants", line: 62, is: event.ErrTooFewParties, at: "["}},
		{"duplicate tag", "\"tags\": [\n        \"test\"\n      ]", "\"tags\": [\n        \"test\",\n        \"test\"\n      ]",
			want{path: "events[1].tags[1]", line: 75, value: "test", is: event.ErrDuplicate, at: `"test"`}},
		{"duplicate participant", "\"actor\": \"KZ\",\n          \"role\": \"recipient\"\n        }", "\"actor\": \"KZ\",\n          \"role\": \"recipient\"\n        },\n        {\"actor\": \"KZ\", \"role\": \"recipient\"}",
			want{path: "events[1].participants[2]", line: 72, value: "KZ as recipient", is: event.ErrDuplicate, at: `{"actor": "KZ"`}},
		{"key written with escapes", `"url": "https://example.org/a",`, `"\u0075rl": "example.org/a",`,
			want{path: "events[2].sources[0].url", line: 106, value: "example.org/a", is: event.ErrInvalidURL, at: `"example.org/a"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := edit(t, baseDoc, c.old, c.new)
			checkProblems(t, doc, decodeErrors(t, doc, nil), []want{c.want})
		})
	}
}

// TestDecodeNilID: the nil UUID is read as "no ID", and the event gets the
// ID derived from its facts, as a timeline gives it.
func TestDecodeNilID(t *testing.T) {
	doc := edit(t, baseDoc, `"id": "00000000-0000-4000-8000-000000000001",`, `"id": "00000000-0000-0000-0000-000000000000",`)
	tl, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	require.NoError(t, err)
	first := partsOf(tl).Events[0]
	e := first
	e.ID = [16]byte{}
	assert.Equal(t, e.DeriveID(), first.ID)
}

// TestDecodeAnyOrder reads members in any order and with any whitespace:
// only the values count.
func TestDecodeAnyOrder(t *testing.T) {
	want, _, err := jsondoc.Decode(strings.NewReader(baseDoc), nil)
	require.NoError(t, err)
	doc := `{"events":[` +
		`{"links":[{"target":"00000000-0000-4000-8000-000000000002","type":"follows"}],"sources":[{"quotes":[{"translationLang":"en","translation":"Kazakhstan joins","speaker":"donald-trump","text":"Kasachstan tritt bei"}],"published":"2025-11-06","lang":"de","url":"https:\/\/example.org\/a","publisher":"All Israel"}],` +
		`"instrument":{"names":{"de":"Abraham-Abkommen"},"name":"Abraham Accords","id":"abraham-accords"},"participants":[{"role":"acceding-party","actor":"KZ"}],"date":"2025-11-06T18:00:00-05:00[America/New_York]","titles":{"de":"Beitritt"},"title":"Accession","status":"announced","kind":"treaty-accession","id":"00000000-0000-4000-8000-000000000003"},` +
		"\r\n\t" + `{"id":"00000000-0000-4000-8000-000000000004","kind":"visit","status":"announced","title":"Visit","date":"2025-11-07/..","place":{"coordinates":{"lon":-77.0365,"lat":3.88977e1},"country":"US","city":"Washington, D.C."},"participants":[{"actor":"donald-trump","role":"host"},{"actor":"KZ","role":"guest"}]},` +
		`{"id":"00000000-0000-4000-8000-000000000002","kind":"phone-call","status":"occurred","title":"Call","date":"2025-11-06","participants":[{"actor":"donald-trump","role":"caller","capacity":"President"},{"actor":"KZ","role":"recipient"}],"tags":["test"]},` +
		`{"id":"00000000-0000-4000-8000-000000000001","kind":"relations-established","status":"occurred","title":"Relations","date":"1992","participants":[{"actor":"KZ","role":"party"},{"actor":"US","role":"party"}]}` +
		`],"title":"Test","description":"Decoding tests","version":1e0,` +
		`"actors":[{"country":"US","name":"Donald Trump","type":"person","id":"donald-trump"},{"id":"US","type":"state","name":"United States","country":"US"},{"names":{"de":"Kasachstan"},"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"}],` +
		`"format":"accordline/timeline"}`
	got, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	require.NoError(t, err)
	requireSameTimeline(t, want, got)
	assert.Equal(t, baseDoc, string(encodeDocument(t, got, "  ")))
}

// TestDecodeOptionalCodes: the CAMEO and PLOVER codes may be left out on
// input; the encoder writes them back.
func TestDecodeOptionalCodes(t *testing.T) {
	doc := edit(t, baseDoc, "      \"cameo\": \"041\",\n      \"plover\": {\n        \"type\": \"CONSULT\",\n        \"mode\": \"phone\"\n      },\n", "")
	tl, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	require.NoError(t, err)
	assert.Equal(t, baseDoc, string(encodeDocument(t, tl, "  ")))
}

// TestDecodeReadError returns the reader's error, located where reading
// stopped.
func TestDecodeReadError(t *testing.T) {
	errRead := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader(baseDoc[:100]), iotestErrReader{errRead})
	tl, _, err := jsondoc.Decode(r, nil)
	require.Nil(t, tl)
	require.ErrorIs(t, err, errRead)
	var list event.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 1)
	assert.Equal(t, int64(100), list[0].Offset)
	assert.Equal(t, 1+strings.Count(baseDoc[:100], "\n"), list[0].Line)
}

type iotestErrReader struct{ err error }

func (r iotestErrReader) Read([]byte) (int, error) { return 0, r.err }

// lazyReader generates its input as it is read, and counts the bytes read.
type lazyReader struct {
	prefix, body, suffix string // body repeated n times
	n                    int
	pos                  int // bytes produced
	size                 int
}

func newLazyReader(prefix, body string, n int, suffix string) *lazyReader {
	return &lazyReader{prefix: prefix, body: body, n: n, suffix: suffix, size: len(prefix) + len(body)*n + len(suffix)}
}

func (r *lazyReader) byteAt(i int) byte {
	switch {
	case i < len(r.prefix):
		return r.prefix[i]
	case i < len(r.prefix)+len(r.body)*r.n:
		return r.body[(i-len(r.prefix))%len(r.body)]
	}
	return r.suffix[i-len(r.prefix)-len(r.body)*r.n]
}

func (r *lazyReader) Read(p []byte) (int, error) {
	if r.pos == r.size {
		return 0, io.EOF
	}
	n := min(len(p), r.size-r.pos)
	for i := range n {
		p[i] = r.byteAt(r.pos + i)
	}
	r.pos += n
	return n, nil
}

// TestLimits fails inputs beyond each limit with the limit's error, and
// accepts inputs at the limit.
func TestLimits(t *testing.T) {
	t.Run("MaxBytes", func(t *testing.T) {
		n := int64(len(baseDoc))
		_, _, err := jsondoc.Decode(strings.NewReader(baseDoc), &jsondoc.DecodeOptions{MaxBytes: n})
		require.NoError(t, err)
		list := decodeErrors(t, baseDoc, &jsondoc.DecodeOptions{MaxBytes: n - 1})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooLarge)
		assert.Contains(t, list[0].Error(), fmt.Sprintf("more than %d bytes", n-1))
	})
	t.Run("MaxBytes reads little more than the limit", func(t *testing.T) {
		r := newLazyReader(`{"format":"accordline/timeline","version":1,"title":"t","actors":[`, `{"id":"a","type":"person","name":"A"},`, 1_000_000, `]}`)
		_, _, err := jsondoc.Decode(r, &jsondoc.DecodeOptions{MaxBytes: 100_000})
		require.ErrorIs(t, err, jsondoc.ErrTooLarge)
		assert.Less(t, r.pos, 100_000+128<<10, "read %d bytes", r.pos)
	})
	t.Run("MaxString", func(t *testing.T) {
		doc := func(n int) string {
			return edit(t, baseDoc, `"title": "Test",`, `"title": "`+strings.Repeat("é", n/2)+`",`)
		}
		_, _, err := jsondoc.Decode(strings.NewReader(doc(100)), &jsondoc.DecodeOptions{MaxString: 100})
		require.NoError(t, err, "a string of MaxString bytes")
		list := decodeErrors(t, doc(102), &jsondoc.DecodeOptions{MaxString: 100})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrStringTooLong)
		assert.Equal(t, "title", list[0].Path)
		assert.Equal(t, 4, list[0].Line)
		// Bytes after unescaping count: 6 bytes of input, 1 byte of string.
		escaped := edit(t, baseDoc, `"title": "Test",`, `"title": "`+strings.Repeat(`\u0041`, 100)+`",`)
		_, _, err = jsondoc.Decode(strings.NewReader(escaped), &jsondoc.DecodeOptions{MaxString: 100})
		require.NoError(t, err)
		list = decodeErrors(t, strings.Replace(escaped, `\u0041`, `\u0041\u0041`, 1), &jsondoc.DecodeOptions{MaxString: 100})
		assert.ErrorIs(t, list[0], jsondoc.ErrStringTooLong)
		// Keys are strings too.
		list = decodeErrors(t, edit(t, baseDoc, `"title": "Test",`, `"title": "Test", "`+strings.Repeat("k", 200)+`": 1,`), &jsondoc.DecodeOptions{MaxString: 100})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrStringTooLong)
	})
	t.Run("MaxString stops reading a 10 MB string early", func(t *testing.T) {
		r := newLazyReader(`{"format":"accordline/timeline","version":1,"title":"`, "abcdefghij", 1_000_000, `"}`)
		start := time.Now()
		tl, _, err := jsondoc.Decode(r, &jsondoc.DecodeOptions{MaxString: 1 << 20})
		require.Nil(t, tl)
		var list event.ErrorList
		require.ErrorAs(t, err, &list)
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrStringTooLong)
		assert.Equal(t, "title", list[0].Path)
		assert.True(t, strings.HasPrefix(list[0].Value, "abcdefghij"), "the value starts the string: %q", list[0].Value)
		assert.Len(t, list[0].Value, 1<<20+1, "the value is what was read, one byte beyond the limit")
		// The message cuts it as every message cuts values.
		assert.Equal(t, `line 1 (offset 52): title: "`+strings.Repeat("abcdefghij", 6)+`abcd"… (1048577 bytes): string too long: more than 1048576 bytes`, list[0].Error())
		assert.Less(t, r.pos, 1<<20+128<<10, "read %d of %d bytes", r.pos, r.size)
		assert.Less(t, time.Since(start), 5*time.Second)
	})
	t.Run("MaxString in skipped values", func(t *testing.T) {
		r := newLazyReader(`{"format":"accordline/timeline","version":1,"title":"t","unknown":"`, "x", 10_000_000, `"}`)
		_, _, err := jsondoc.Decode(r, nil)
		require.ErrorIs(t, err, jsondoc.ErrStringTooLong)
		assert.Less(t, r.pos, 1<<20+128<<10, "read %d of %d bytes", r.pos, r.size)
	})
	t.Run("MaxDepth stops reading a million brackets early", func(t *testing.T) {
		for _, prefix := range []string{"", `{"format":"accordline/timeline","version":1,"title":"t","x":`, `{"format":"accordline/timeline","version":1,"title":"t","events":`} {
			r := newLazyReader(prefix, "[", 1_000_000, "")
			tl, _, err := jsondoc.Decode(r, nil)
			require.Nil(t, tl)
			var list event.ErrorList
			require.ErrorAs(t, err, &list)
			require.Len(t, list, 1, "%v", err)
			assert.ErrorIs(t, list[0], jsondoc.ErrTooDeep)
			assert.InDelta(t, len(prefix)+32, list[0].Offset, 1, "at the bracket beyond the default depth of 32")
			assert.Less(t, r.pos, 128<<10, "read %d of %d bytes", r.pos, r.size)
		}
	})
	t.Run("MaxDepth", func(t *testing.T) {
		// baseDoc nests seven levels: document, events, event, sources,
		// source, quotes, quote.
		_, _, err := jsondoc.Decode(strings.NewReader(baseDoc), &jsondoc.DecodeOptions{MaxDepth: 7})
		require.NoError(t, err)
		list := decodeErrors(t, baseDoc, &jsondoc.DecodeOptions{MaxDepth: 3})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooDeep)
		assert.Equal(t, "actors[0].names", list[0].Path)
		assert.Equal(t, 11, list[0].Line)
		// Objects count as arrays do.
		deep := `{"format":"accordline/timeline","version":1,"title":"t","x":` + strings.Repeat(`{"a":`, 40) + "1" + strings.Repeat("}", 40) + "}"
		list = decodeErrors(t, deep, nil)
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooDeep)
		_, _, err = jsondoc.Decode(strings.NewReader(strings.Replace(deep, `"x":`+strings.Repeat(`{"a":`, 40)+"1"+strings.Repeat("}", 40), `"x":`+strings.Repeat(`{"a":`, 30)+"1"+strings.Repeat("}", 30), 1)), nil)
		require.Error(t, err)
		assert.NotErrorIs(t, err, jsondoc.ErrTooDeep, "31 levels are within the default")
		assert.ErrorIs(t, err, jsondoc.ErrUnknownKey)
	})
	t.Run("MaxEvents", func(t *testing.T) {
		_, _, err := jsondoc.Decode(strings.NewReader(baseDoc), &jsondoc.DecodeOptions{MaxEvents: 4})
		require.NoError(t, err)
		list := decodeErrors(t, baseDoc, &jsondoc.DecodeOptions{MaxEvents: 3})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooMany)
		assert.Equal(t, "events[3]", list[0].Path)
		assert.Contains(t, list[0].Error(), "more than 3 events")
	})
	t.Run("MaxActors", func(t *testing.T) {
		_, _, err := jsondoc.Decode(strings.NewReader(baseDoc), &jsondoc.DecodeOptions{MaxActors: 3})
		require.NoError(t, err)
		list := decodeErrors(t, baseDoc, &jsondoc.DecodeOptions{MaxActors: 2})
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooMany)
		assert.Equal(t, "actors[2]", list[0].Path)
		assert.Contains(t, list[0].Error(), "more than 2 actors")
	})
	t.Run("MaxErrors", func(t *testing.T) {
		doc := baseDoc
		for _, k := range []string{`"title": "Test",`, `"title": "Relations",`, `"title": "Call",`, `"title": "Accession",`, `"title": "Visit",`} {
			doc = edit(t, doc, k, k+` "x": 1,`)
		}
		assert.Len(t, decodeErrors(t, doc, nil), 5)
		list := decodeErrors(t, doc, &jsondoc.DecodeOptions{MaxErrors: 3})
		require.Len(t, list, 4, "3 and the note where reading stopped")
		assert.ErrorIs(t, list[3], event.ErrTooManyProblems)
		for i, path := range []string{"x", "events[0].x", "events[1].x"} {
			assert.Equal(t, path, list[i].Path)
			assert.ErrorIs(t, list[i], jsondoc.ErrUnknownKey)
		}
	})
	t.Run("default limits read a large document", func(t *testing.T) {
		b := encodeDocument(t, synthTimeline(t, 9, 2000), "\t")
		_, _, err := jsondoc.Decode(bytes.NewReader(b), nil)
		require.NoError(t, err)
	})
}

// A timeline decoded is a new, independent timeline.
func TestDecodeIndependent(t *testing.T) {
	a, _, err := jsondoc.Decode(strings.NewReader(baseDoc), nil)
	require.NoError(t, err)
	b, _, err := jsondoc.Decode(strings.NewReader(baseDoc), nil)
	require.NoError(t, err)
	require.NoError(t, a.AddActors(event.Actor{ID: "IL", Type: event.State, Name: "Israel", Country: "IL"}))
	assert.Equal(t, 4, a.NumActors())
	assert.Equal(t, 3, b.NumActors())
	var _ *timeline.Timeline = b
}

// Lines of JSON Lines streams for the tests below.
const (
	lHeader = `{"format":"accordline/lines","version":1,"title":"Lines","description":"A stream"}`
	lKZ     = `{"actor":{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"}}`
	lUS     = `{"actor":{"id":"US","type":"state","name":"United States","country":"US"}}`
	lCall   = `{"event":{"id":"00000000-0000-4000-8000-000000000001","kind":"phone-call","status":"occurred","title":"Call","date":"2025-11-06","participants":[{"actor":"US","role":"caller"},{"actor":"KZ","role":"recipient"}]}}`
	lVisit  = `{"event":{"id":"00000000-0000-4000-8000-000000000002","kind":"visit","status":"planned","title":"Visit","participants":[{"actor":"US","role":"guest"},{"actor":"KZ","role":"host"}]}}`
)

func joinLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// readAll reads a stream with a LineReader to the end, and returns the
// records and errors in order; a nil record stands for an error.
func readAll(t *testing.T, lr *jsondoc.LineReader) ([]jsondoc.Record, []error) {
	t.Helper()
	var recs []jsondoc.Record
	var errs []error
	for range 1000 {
		rec, err := lr.Next()
		if err == io.EOF {
			return recs, errs
		}
		if err != nil {
			require.Zero(t, rec, "no record with an error")
			errs = append(errs, err)
			if len(errs) > 1 && errs[len(errs)-2].Error() == err.Error() {
				return recs, errs // a sticky error
			}
			continue
		}
		require.True(t, (rec.Actor == nil) != (rec.Event == nil), "an actor or an event: %+v", rec)
		recs = append(recs, rec)
	}
	t.Fatal("no end")
	return nil, nil
}

// lineProblems returns the problems of one error of a LineReader.
func lineProblems(t *testing.T, err error) event.ErrorList {
	t.Helper()
	var list event.ErrorList
	require.ErrorAs(t, err, &list)
	return list
}

func TestLinesRead(t *testing.T) {
	t.Run("records in order, blank lines skipped", func(t *testing.T) {
		in := lHeader + "\n\n" + lKZ + "\r\n  \t \n" + lUS + "\n" + lCall + "\n\n" + lVisit // no final newline
		lr := jsondoc.NewLineReader(strings.NewReader(in), nil)
		title, desc, err := lr.Header()
		require.NoError(t, err)
		assert.Equal(t, "Lines", title)
		assert.Equal(t, "A stream", desc)
		recs, errs := readAll(t, lr)
		require.Empty(t, errs)
		require.Len(t, recs, 4)
		assert.Equal(t, event.ActorID("KZ"), recs[0].Actor.ID)
		assert.Equal(t, event.ActorID("US"), recs[1].Actor.ID)
		assert.Equal(t, "Call", recs[2].Event.Title)
		assert.Equal(t, "Visit", recs[3].Event.Title)
		_, err = lr.Next()
		assert.Equal(t, io.EOF, err, "EOF again")

		tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
		require.NoError(t, err)
		assert.Equal(t, "Lines", tl.Title())
		assert.Equal(t, 2, tl.Len())
		assert.Equal(t, 2, tl.NumActors())
	})
	t.Run("header only", func(t *testing.T) {
		for _, in := range []string{lHeader, lHeader + "\n", "\n" + lHeader + "\n\n"} {
			recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), nil))
			assert.Empty(t, recs)
			assert.Empty(t, errs)
			tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
			require.NoError(t, err)
			assert.Zero(t, tl.Len())
		}
	})
	t.Run("lines longer than the read buffer", func(t *testing.T) {
		long := strings.Replace(lVisit, `"status":"planned"`, `"status":"planned","description":"`+strings.Repeat("Straße ", 30_000)+`"`, 1)
		in := joinLines(lHeader, lKZ, lUS, long, lCall, `{"event":1}`)
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), nil))
		require.Len(t, recs, 4)
		assert.Equal(t, strings.Repeat("Straße ", 30_000), recs[2].Event.Description)
		require.Len(t, errs, 1)
		checkProblems(t, in, lineProblems(t, errs[0]), []want{{path: "event", line: 6, value: "1", is: jsondoc.ErrType, at: "1}"}})
	})
	t.Run("Next without Header", func(t *testing.T) {
		lr := jsondoc.NewLineReader(strings.NewReader(joinLines(lHeader, lKZ)), nil)
		rec, err := lr.Next()
		require.NoError(t, err)
		assert.Equal(t, event.ActorID("KZ"), rec.Actor.ID)
		title, _, err := lr.Header()
		require.NoError(t, err)
		assert.Equal(t, "Lines", title)
	})
}

// TestLinesHeader fails streams without a valid header, for good: every
// later call returns the same error.
func TestLinesHeader(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"empty", "", []want{{path: "header", line: 1, is: jsondoc.ErrFormat, msg: "line 1: header: not an Accordline document: no header line"}}},
		{"blank lines only", "\n \n", []want{{path: "header", line: 3, is: jsondoc.ErrFormat, msg: "line 3 (offset 3): header: not an Accordline document: no header line"}}},
		// The end of the input is on the last line when no line feed ends it.
		{"blank without a line feed", "\n ", []want{{path: "header", line: 2, is: jsondoc.ErrFormat, msg: "line 2 (offset 2): header: not an Accordline document: no header line"}}},
		{"document format", `{"format":"accordline/timeline","version":1,"title":"t"}`,
			[]want{{path: "format", line: 1, value: "accordline/timeline", is: jsondoc.ErrFormat, at: `"accordline/timeline"`}}},
		{"version 2", `{"format":"accordline/lines","version":2,"title":"t"}`,
			[]want{{path: "version", line: 1, value: "2", is: jsondoc.ErrVersion, at: "2"}}},
		{"no version", `{"format":"accordline/lines","title":"t"}`,
			[]want{{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `line 1: header: missing: no "version"`, at: "{"}}},
		{"no format", `{"version":1,"title":"t"}`,
			[]want{{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `missing: no "format"`}}},
		{"no title", `{"format":"accordline/lines","version":1}`,
			[]want{{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `no "title"`}}},
		{"unknown key", `{"format":"accordline/lines","version":1,"title":"t","author":"me"}`,
			[]want{{path: "author", line: 1, value: "author", is: jsondoc.ErrUnknownKey, at: `"me"`}}},
		{"not an object", "\n[1,2]\n" + lKZ, []want{{path: "header", line: 2, value: "[…]", is: jsondoc.ErrType, msg: "want an object"}}},
		{"byte order mark", "\xef\xbb\xbf" + lHeader, []want{{path: "header", line: 1, is: jsondoc.ErrSyntax, msg: "header: invalid JSON: expected a value, found a byte order mark (U+FEFF)"}}},
		{"bad JSON", `{"format":"accordline/lines",` + "\n" + `"version":1}`,
			[]want{{path: "format", line: 1, is: jsondoc.ErrSyntax, msg: "expected a key, found end of input"}}},
		{"trailing garbage", lHeader + " x", []want{{path: "header", line: 1, is: jsondoc.ErrSyntax, msg: "expected the end of input"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.in
			if strings.TrimSpace(in) != "" {
				in += "\n" + lKZ + "\n"
			}
			lr := jsondoc.NewLineReader(strings.NewReader(in), nil)
			_, _, err := lr.Header()
			require.Error(t, err)
			checkProblems(t, in, lineProblems(t, err), c.want)
			for range 3 {
				rec, err2 := lr.Next()
				assert.Zero(t, rec)
				assert.Equal(t, err.Error(), err2.Error(), "the same error again")
			}
			tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
			require.Nil(t, tl)
			checkProblems(t, in, lineProblems(t, err), c.want)
		})
	}
}

// TestLinesErrors reports the problems of each line with the line's
// number, skips the line, and reads on.
func TestLinesErrors(t *testing.T) {
	in := joinLines(
		lHeader, // 1
		lKZ,     // 2
		"",      // 3
		`{"actor":{"id":"XX","type":"state","name":"X","country":"XX","flag":"none"}}`, // 4: unknown key
		lUS,   // 5
		lCall, // 6
		strings.Replace(lVisit, `"status":"planned"`, `"status":"planned","date":"2025-02-30"`, 1), // 7: bad date
		"  ", // 8
		`{"event":{"id":"00000000-0000-4000-8000-000000000003","kind":"statement","status":"planned","title":"S","participants":[{"actor":"XX","role":"speaker"}]}}`, // 9: XX was not read
		`{"event":`, // 10: bad JSON
		`{}`,        // 11: neither
		`{"actor":{"id":"IL","type":"state","name":"Israel","country":"IL"}}`, // 12: too late
		`{"event":{}, "actor":{}}`, // 13: both
		strings.Replace(lVisit, `"status":"planned"`, `"status":"planned","description":"ok"`, 1)) // 14
	lr := jsondoc.NewLineReader(strings.NewReader(in), nil)
	recs, errs := readAll(t, lr)
	require.Len(t, recs, 4)
	assert.Equal(t, event.ActorID("KZ"), recs[0].Actor.ID)
	assert.Equal(t, event.ActorID("US"), recs[1].Actor.ID)
	assert.Equal(t, "Call", recs[2].Event.Title)
	assert.Equal(t, "ok", recs[3].Event.Description)

	wants := [][]want{
		{{path: "actor.flag", line: 4, value: "flag", is: jsondoc.ErrUnknownKey, msg: `line 4 (offset `, at: `"none"`}},
		{{path: "event.date", line: 7, value: "2025-02-30", is: event.ErrDayOutOfRange, msg: `event.date: "2025-02-30": day out of range`, at: `"2025-02-30"`}},
		{{path: "event.participants[0].actor", line: 9, value: "XX", is: event.ErrUnknownActor, msg: `"XX": unknown actor: line 4 gives it, with problems`, at: `"XX"`}},
		{{path: "event", line: 10, is: jsondoc.ErrSyntax, msg: "expected a value, found end of input"}},
		{{path: "record", line: 11, is: jsondoc.ErrMissing, msg: `record: missing: no "actor or event"`, at: "{}"}},
		{{path: "actor", line: 12, is: jsondoc.ErrOrder, msg: "actor: actors must come before events", at: "{"}},
		{
			{path: "event", line: 13, is: jsondoc.ErrMissing, msg: `no "id"`},
			{path: "event", line: 13, is: jsondoc.ErrMissing, msg: `no "kind"`},
			{path: "event", line: 13, is: jsondoc.ErrMissing, msg: `no "status"`},
			{path: "event", line: 13, is: jsondoc.ErrMissing, msg: `no "title"`},
			{path: "actor", line: 13, value: "actor", is: jsondoc.ErrUnknownKey},
		},
	}
	require.Len(t, errs, len(wants))
	for i, err := range errs {
		checkProblems(t, in, lineProblems(t, err), wants[i])
	}

	// DecodeLines reports all of them, and no timeline.
	tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
	require.Nil(t, tl)
	var all []want
	for _, w := range wants {
		all = append(all, w...)
	}
	checkProblems(t, in, lineProblems(t, err), all)
}

func TestLinesDuplicates(t *testing.T) {
	t.Run("event IDs", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lCall, lVisit, strings.Replace(lCall, `"title":"Call"`, `"title":"Another call"`, 1))
		// The LineReader reads records; it does not keep events.
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), nil))
		assert.Len(t, recs, 5)
		assert.Empty(t, errs)
		tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
		require.Nil(t, tl)
		checkProblems(t, in, lineProblems(t, err), []want{{path: "event.id", line: 6, value: "00000000-0000-4000-8000-000000000001",
			is: jsondoc.ErrDuplicateID, msg: "also line 4", at: `{"event"`}})
	})
	t.Run("actor IDs", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lKZ, lCall)
		lr := jsondoc.NewLineReader(strings.NewReader(in), nil)
		recs, errs := readAll(t, lr)
		assert.Len(t, recs, 3)
		require.Len(t, errs, 1)
		checkProblems(t, in, lineProblems(t, errs[0]), []want{{path: "actor.id", line: 4, value: "KZ", is: event.ErrDuplicate}})
		_, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
		assert.ErrorIs(t, err, event.ErrDuplicate)
	})
}

func TestLinesLimits(t *testing.T) {
	t.Run("a line longer than MaxBytes ends the stream", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lCall, lVisit)
		limits := &jsondoc.DecodeOptions{MaxBytes: int64(len(lCall) - 1)} // lVisit is shorter
		lr := jsondoc.NewLineReader(strings.NewReader(in), limits)
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(joinLines(lHeader, lKZ, lUS, lVisit)), limits))
		require.Empty(t, errs)
		require.Len(t, recs, 3)

		recs, errs = readAll(t, lr)
		assert.Len(t, recs, 2)
		require.NotEmpty(t, errs)
		var e *event.FieldError
		require.ErrorAs(t, errs[0], &e)
		assert.ErrorIs(t, e, jsondoc.ErrTooLarge)
		assert.Equal(t, 4, e.Line)
		assert.Equal(t, int64(len(lHeader)+len(lKZ)+len(lUS)+3), e.Offset)
		rec, err := lr.Next()
		assert.Zero(t, rec)
		assert.Equal(t, errs[0], err, "the stream ends")

		_, _, err = jsondoc.DecodeLines(strings.NewReader(in), limits)
		assert.ErrorIs(t, err, jsondoc.ErrTooLarge)
	})
	t.Run("a long line is not read to its end", func(t *testing.T) {
		r := newLazyReader(lHeader+"\n"+`{"event":{"title":"`, "x", 100_000_000, `"}}`+"\n")
		lr := jsondoc.NewLineReader(r, &jsondoc.DecodeOptions{MaxBytes: 1 << 20})
		_, err := lr.Next()
		assert.ErrorIs(t, err, jsondoc.ErrTooLarge)
		assert.Less(t, r.pos, 1<<20+128<<10, "read %d of %d bytes", r.pos, r.size)
	})
	t.Run("MaxBytes bounds lines, not the stream", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lCall, lVisit)
		_, _, err := jsondoc.DecodeLines(strings.NewReader(in), &jsondoc.DecodeOptions{MaxBytes: int64(len(lCall) + 1)})
		require.NoError(t, err)
	})
	t.Run("MaxString", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, strings.Replace(lCall, `"title":"Call"`, `"title":"`+strings.Repeat("c", 200)+`"`, 1), lVisit)
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), &jsondoc.DecodeOptions{MaxString: 100}))
		assert.Len(t, recs, 3, "the stream goes on after the line")
		require.Len(t, errs, 1)
		checkProblems(t, in, lineProblems(t, errs[0]), []want{{path: "event.title", line: 4, value: strings.Repeat("c", 101), is: jsondoc.ErrStringTooLong,
			msg: `event.title: "` + strings.Repeat("c", 64) + `"… (101 bytes): string too long: more than 100 bytes`, at: `"ccc`}})
	})
	t.Run("MaxActors", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lCall)
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), &jsondoc.DecodeOptions{MaxActors: 1}))
		assert.Len(t, recs, 1)
		require.Len(t, errs, 2)
		checkProblems(t, in, lineProblems(t, errs[0]), []want{{path: "actor", line: 3, is: jsondoc.ErrTooMany, msg: "more than 1 actors", at: lUS}})
		checkProblems(t, in, lineProblems(t, errs[1]), []want{{path: "event.participants[0].actor", line: 4, value: "US", is: event.ErrUnknownActor, at: `"US"`}})
	})
	t.Run("MaxEvents", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, lUS, lCall, lVisit)
		_, _, err := jsondoc.DecodeLines(strings.NewReader(in), &jsondoc.DecodeOptions{MaxEvents: 2})
		require.NoError(t, err)
		tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), &jsondoc.DecodeOptions{MaxEvents: 1})
		require.Nil(t, tl)
		checkProblems(t, in, lineProblems(t, err), []want{{path: "event", line: 5, is: jsondoc.ErrTooMany, msg: "more than 1 events", at: lVisit}})
	})
	t.Run("MaxDepth", func(t *testing.T) {
		in := joinLines(lHeader, lKZ, `{"actor":{"id":"US","x":`+strings.Repeat("[", 100)+strings.Repeat("]", 100)+`}}`, lUS)
		recs, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), nil))
		assert.Len(t, recs, 2)
		require.Len(t, errs, 1)
		list := lineProblems(t, errs[0])
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], jsondoc.ErrTooDeep)
		assert.Equal(t, 3, list[0].Line)
	})
}

// decodeNoPanic decodes, turning a panic into an error for the test.
func decodeNoPanic(in string, limits *jsondoc.DecodeOptions) (tl *timeline.Timeline, panicked any, err error) {
	defer func() { panicked = recover() }()
	tl, _, err = jsondoc.Decode(strings.NewReader(in), limits)
	return tl, nil, err
}

// TestMaxStringSmall: a MaxString below the 64 bytes an error quotes
// works (it used to panic with slice bounds out of range).
func TestMaxStringSmall(t *testing.T) {
	in := `{"format":"accordline/timeline","version":1,"title":"` + strings.Repeat("t", 40) + `"}`
	_, panicked, err := decodeNoPanic(in, &jsondoc.DecodeOptions{MaxString: 25})
	require.Nil(t, panicked, "Decode panicked")
	assert.ErrorIs(t, err, jsondoc.ErrStringTooLong)
	list := decodeErrors(t, in, &jsondoc.DecodeOptions{MaxString: 25})
	require.Len(t, list, 1)
	assert.Equal(t, "title", list[0].Path)
	assert.True(t, strings.HasPrefix(list[0].Value, strings.Repeat("t", 26)), list[0].Value)

	// Keys too, and in JSON Lines.
	_, panicked, err = decodeNoPanic(`{"formatxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx":1}`, &jsondoc.DecodeOptions{MaxString: 10})
	require.Nil(t, panicked, "Decode panicked on a long key")
	assert.ErrorIs(t, err, jsondoc.ErrStringTooLong)
	func() {
		defer func() { require.Nil(t, recover(), "LineReader.Next panicked") }()
		_, err = jsondoc.NewLineReader(strings.NewReader(`{"format":"accordline/lines","version":1,"title":"`+strings.Repeat("t", 40)+`"}`), &jsondoc.DecodeOptions{MaxString: 30}).Next()
		assert.ErrorIs(t, err, jsondoc.ErrStringTooLong)
	}()
}

// TestDecodeMaxErrorsDuplicates: duplicate IDs count against MaxErrors.
func TestDecodeMaxErrorsDuplicates(t *testing.T) {
	doc := baseDoc
	for _, id := range []string{"2", "3", "4"} {
		doc = edit(t, doc, `"id": "00000000-0000-4000-8000-00000000000`+id+`"`, `"id": "00000000-0000-4000-8000-000000000001"`)
	}
	assert.Len(t, decodeErrors(t, doc, nil), 3)
	list := decodeErrors(t, doc, &jsondoc.DecodeOptions{MaxErrors: 1})
	require.Len(t, list, 2, "3 duplicate IDs, MaxErrors 1, and a note: %v", list)
	assert.ErrorIs(t, list[1], event.ErrTooManyProblems)
	assert.ErrorContains(t, list[1], "more not reported", "the cap says what it cut")
	// With problems found while reading, validation problems count too.
	doc = edit(t, doc, `"version": 1,`, `"version": 1, "x": 1,`)
	doc = edit(t, doc, `"speaker": "donald-trump",`, `"speaker": "nobody",`)
	assert.Len(t, decodeErrors(t, doc, nil), 4)
	assert.Len(t, decodeErrors(t, doc, &jsondoc.DecodeOptions{MaxErrors: 2}), 3)
}

// TestDecodeLinesMaxErrors: a stream of bad lines stops at MaxErrors.
func TestDecodeLinesMaxErrors(t *testing.T) {
	lines := []string{lHeader}
	for range 10 {
		lines = append(lines, `{"actor":{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ","x":1}}`)
	}
	tl, _, err := jsondoc.DecodeLines(strings.NewReader(joinLines(lines...)), &jsondoc.DecodeOptions{MaxErrors: 4})
	require.Nil(t, tl)
	list := lineProblems(t, err)
	require.Len(t, list, 4, "10 bad lines, MaxErrors 4")
	for i, e := range list {
		assert.Equal(t, i+2, e.Line)
		assert.ErrorIs(t, e, jsondoc.ErrUnknownKey)
	}
	// Bad lines between good ones too.
	lines = []string{lHeader}
	for range 10 {
		lines = append(lines, lKZ, lUS)
	}
	tl, _, err = jsondoc.DecodeLines(strings.NewReader(joinLines(lines...)), &jsondoc.DecodeOptions{MaxErrors: 3})
	require.Nil(t, tl)
	list = lineProblems(t, err)
	require.Len(t, list, 3)
	for i, e := range list {
		assert.Equal(t, i+4, e.Line)
		assert.ErrorIs(t, e, event.ErrDuplicate)
	}
}

// TestFormatPosition: an error with the format or version gives the
// position of the value, in documents and in the header of a stream.
func TestFormatPosition(t *testing.T) {
	doc := edit(t, baseDoc, `"format": "accordline/timeline",`, `"format": "accordline/lines",`)
	checkProblems(t, doc, decodeErrors(t, doc, nil), []want{
		{path: "format", line: 2, value: "accordline/lines", is: jsondoc.ErrFormat, at: `"accordline/lines"`}})

	for _, in := range []string{
		`{"format":"accordline/lines","version":2,"title":"t"}` + "\n",
		`{ "title": "t", "format": "accordline/lines", "version": 2 }` + "\n",
	} {
		_, _, err := jsondoc.NewLineReader(strings.NewReader(in), nil).Header()
		list := lineProblems(t, err)
		require.Len(t, list, 1)
		assert.Equal(t, "version", list[0].Path)
		assert.ErrorIs(t, list[0], jsondoc.ErrVersion)
		assert.Equal(t, int64(strings.Index(in, "2")), list[0].Offset, "offset of the version")
	}
	in := `{"title":"t","version":1,"format":"accordline/timeline"}` + "\n"
	_, _, err := jsondoc.NewLineReader(strings.NewReader(in), nil).Header()
	checkProblems(t, in, lineProblems(t, err), []want{{path: "format", line: 1, value: "accordline/timeline", is: jsondoc.ErrFormat, at: `"accordline/timeline"`}})
}

// TestDecodeLinesTooLongLine: DecodeLines reports a line too long with
// its own line and offset.
func TestDecodeLinesTooLongLine(t *testing.T) {
	in := joinLines(lHeader, lKZ, lUS, lCall)
	_, _, err := jsondoc.DecodeLines(strings.NewReader(in), &jsondoc.DecodeOptions{MaxBytes: int64(len(lCall) - 1)})
	list := lineProblems(t, err)
	require.Len(t, list, 1)
	assert.ErrorIs(t, list[0], jsondoc.ErrTooLarge)
	assert.Equal(t, 4, list[0].Line, "%v", list[0])
	assert.Equal(t, int64(len(lHeader)+len(lKZ)+len(lUS)+3), list[0].Offset, "%v", list[0])
	assert.Equal(t, fmt.Sprintf(`line 4 (offset %d): record: input too large: a line longer than %d bytes`, list[0].Offset, len(lCall)-1), list.Error())

	// The header too.
	_, _, err = jsondoc.DecodeLines(strings.NewReader(in), &jsondoc.DecodeOptions{MaxBytes: int64(len(lHeader) - 1)})
	list = lineProblems(t, err)
	require.Len(t, list, 1)
	assert.ErrorIs(t, list[0], jsondoc.ErrTooLarge)
	assert.Equal(t, 1, list[0].Line)
	assert.Equal(t, int64(0), list[0].Offset)
}

// TestLineLengthLimit: a line of MaxBytes bytes is read, with or without a
// newline after it; the newline does not count.
func TestLineLengthLimit(t *testing.T) {
	for _, max := range []int{len(lHeader), len(lHeader) + 1} {
		for _, in := range []string{lHeader, lHeader + "\n", lHeader + "\r\n"} {
			_, _, err := jsondoc.NewLineReader(strings.NewReader(in), &jsondoc.DecodeOptions{MaxBytes: int64(max)}).Header()
			if in == lHeader+"\r\n" && max == len(lHeader) {
				// The carriage return belongs to the line.
				assert.ErrorIs(t, err, jsondoc.ErrTooLarge)
				continue
			}
			assert.NoError(t, err, "MaxBytes %d, %q", max, in[len(lHeader):])
		}
	}
	_, _, err := jsondoc.NewLineReader(strings.NewReader(lHeader+"\n"), &jsondoc.DecodeOptions{MaxBytes: int64(len(lHeader) - 1)}).Header()
	assert.ErrorIs(t, err, jsondoc.ErrTooLarge)
	assert.Contains(t, err.Error(), fmt.Sprintf("line longer than %d bytes", len(lHeader)-1))
}

// TestHeaderErrorsOrder: the problems of a bad header line are in input
// order.
func TestHeaderErrorsOrder(t *testing.T) {
	in := joinLines(lKZ)
	_, _, err := jsondoc.NewLineReader(strings.NewReader(in), nil).Header()
	// Every missing member of the header is reported, as in documents.
	checkProblems(t, in, lineProblems(t, err), []want{
		{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `no "format"`, at: "{"},
		{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `no "version"`, at: "{"},
		{path: "header", line: 1, is: jsondoc.ErrMissing, msg: `no "title"`, at: "{"},
		{path: "actor", line: 1, value: "actor", is: jsondoc.ErrUnknownKey, at: `{"id"`},
	})
}

// Regression tests of bugs found while writing these tests, now fixed.

// TestDecodeMaxErrorsValidation: when a document has only validation
// problems (found by the timeline), Decode returns MaxErrors of them and
// says how many it left out.
func TestDecodeMaxErrorsValidation(t *testing.T) {
	doc := baseDoc
	for _, a := range []string{`"actor": "KZ",`, `"speaker": "donald-trump",`} {
		doc = strings.ReplaceAll(doc, a, strings.Replace(a, `": "`, `": "x`, 1))
	}
	assert.Len(t, decodeErrors(t, doc, nil), 5, "5 dangling references")
	list := decodeErrors(t, doc, &jsondoc.DecodeOptions{MaxErrors: 2})
	require.Len(t, list, 3, "5 dangling references, MaxErrors 2, and a note: %v", list)
	assert.Equal(t, "document", list[2].Path)
	assert.ErrorIs(t, list[2], event.ErrTooManyProblems)
	// The note is where the first problem left out is.
	assert.Equal(t, fmt.Sprintf("line %d (offset %d): document: too many problems: 3 more not reported", list[2].Line, list[2].Offset), list[2].Error())
	all := decodeErrors(t, doc, nil)
	assert.Equal(t, all[2].Offset, list[2].Offset)
}

// TestKeyPathOfUnreadableKey: when a key fails to read, the path of the error is the
// new key written over the bytes of the previous one: "titl\xffon" for the
// key "titl\xff" after "version".
func TestKeyPathOfUnreadableKey(t *testing.T) {
	list := decodeErrors(t, "{\"version\":1,\"titl\xff\":1}", nil)
	require.Len(t, list, 1)
	assert.ErrorIs(t, list[0], jsondoc.ErrSyntax)
	assert.Contains(t, []string{"document", "version", "titl\xff"}, list[0].Path)
}

// nilIDEvent is a statement without an ID, which a timeline derives from
// its facts.
func nilIDEvent(id, status string) string {
	return `{"id":"` + id + `","kind":"statement","status":"` + status + `","title":"S","participants":[{"actor":"KZ","role":"speaker"}]}`
}

const nilUUID = "00000000-0000-0000-0000-000000000000"

// TestDecodeLinesSameFactsWithoutID: when two events of a stream merge in the
// timeline (an event with the nil ID and one with the ID derived from the
// same facts) and conflict, DecodeLines returns the timeline's
// event.ErrorList, with the path "events[1].status" and without line or
// offset, instead of a event.ErrorList naming the line.
func TestDecodeLinesSameFactsWithoutID(t *testing.T) {
	e := event.Event{Kind: event.Statement, Status: event.Planned, Title: "S", Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}}}
	in := joinLines(lHeader, lKZ,
		`{"event":`+nilIDEvent(e.DeriveID().String(), "planned")+`}`,
		`{"event":`+nilIDEvent(nilUUID, "announced")+`}`)
	tl, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
	require.Nil(t, tl)
	require.Error(t, err)
	var list event.ErrorList
	require.ErrorAs(t, err, &list, "error %T: %v", err, err)
	assert.Equal(t, 4, list[0].Line)
}

// TestNilIDDecodersAgree: two events with the nil ID and the same
// facts are one event reported twice to Decode, which merges them, but a
// duplicate ID to DecodeLines, which rejects the stream.
func TestNilIDDecodersAgree(t *testing.T) {
	doc := `{"format":"accordline/timeline","version":1,"title":"Lines","description":"A stream","actors":[` +
		strings.TrimSuffix(strings.TrimPrefix(lKZ, `{"actor":`), "}") + `],"events":[` +
		nilIDEvent(nilUUID, "planned") + "," + nilIDEvent(nilUUID, "planned") + `]}`
	docTL, _, docErr := jsondoc.Decode(strings.NewReader(doc), nil)
	in := joinLines(lHeader, lKZ, `{"event":`+nilIDEvent(nilUUID, "planned")+`}`, `{"event":`+nilIDEvent(nilUUID, "planned")+`}`)
	linesTL, _, linesErr := jsondoc.DecodeLines(strings.NewReader(in), nil)
	assert.Equal(t, docErr == nil, linesErr == nil, "Decode: %v; DecodeLines: %v", docErr, linesErr)
	if docTL != nil && linesTL != nil {
		assert.True(t, sameTimeline(docTL, linesTL))
	}
}

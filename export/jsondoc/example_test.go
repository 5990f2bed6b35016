package jsondoc_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// exampleTimeline is a tiny timeline: one state and one statement.
func exampleTimeline() *timeline.Timeline {
	tl := timeline.New("Example", "")
	if err := tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan",
		Names: map[string]string{"de": "Kasachstan"}, Country: "KZ"}); err != nil {
		panic(err)
	}
	if _, err := tl.Add(event.Event{
		ID:   uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
		Kind: event.Statement, Status: event.Occurred, Title: "Kazakhstan welcomes the accords",
		Date:         event.MustParseDate("2025-11-06?"),
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}},
	}); err != nil {
		panic(err)
	}
	return tl
}

func ExampleEncoder_Encode() {
	if _, err := jsondoc.Encode(os.Stdout, exampleTimeline(), &jsondoc.Options{Indent: "  "}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "format": "accordline/timeline",
	//   "version": 1,
	//   "title": "Example",
	//   "actors": [
	//     {
	//       "id": "KZ",
	//       "type": "state",
	//       "name": "Kazakhstan",
	//       "names": {
	//         "de": "Kasachstan"
	//       },
	//       "country": "KZ"
	//     }
	//   ],
	//   "events": [
	//     {
	//       "id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	//       "kind": "statement",
	//       "cameo": "010",
	//       "status": "occurred",
	//       "title": "Kazakhstan welcomes the accords",
	//       "date": "2025-11-06?",
	//       "participants": [
	//         {
	//           "actor": "KZ",
	//           "role": "speaker"
	//         }
	//       ]
	//     }
	//   ]
	// }
}

func ExampleDecode() {
	doc := `{
  "format": "accordline/timeline",
  "version": 1,
  "title": "Phone calls",
  "actors": [
    {"id": "KZ", "type": "state", "name": "Kazakhstan", "country": "KZ"},
    {"id": "US", "type": "state", "name": "United States", "country": "US"}
  ],
  "events": [
    {"id": "00000000-0000-4000-8000-000000000002", "kind": "phone-call", "status": "announced", "title": "Second call",
     "date": "2025-11-07/..", "participants": [{"actor": "KZ", "role": "caller"}, {"actor": "US", "role": "recipient"}]},
    {"id": "00000000-0000-4000-8000-000000000001", "kind": "phone-call", "status": "occurred", "title": "First call",
     "date": "2025-11-06T20:00:00-05:00[America/New_York]", "participants": [{"actor": "US", "role": "caller"}, {"actor": "KZ", "role": "recipient"}]}
  ]
}`
	tl, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tl.Title())
	for e := range tl.All() {
		fmt.Printf("%s  %s  %s (%s)\n", e.Date, e.Kind, e.Title, e.Status)
	}
	// Output:
	// Phone calls
	// 2025-11-06T20:00:00-05:00[America/New_York]  phone-call  First call (occurred)
	// 2025-11-07/..  phone-call  Second call (announced)
}

func ExampleDecode_errors() {
	doc := `{
  "format": "accordline/timeline",
  "version": 1,
  "title": "Mistakes",
  "author": "me",
  "actors": [
    {"id": "KZ", "type": "state", "name": "Kazakhstan", "country": "KZ"}
  ],
  "events": [
    {"id": "00000000-0000-4000-8000-000000000001", "kind": "call", "status": "occurred", "title": "A call"},
    {"id": "00000000-0000-4000-8000-000000000002", "kind": "statement", "cameo": "041", "status": "planned",
     "title": "A statement", "date": "2025-02-30", "participants": [{"actor": "KZ", "role": "speaker"}]},
    {"id": "00000000-0000-4000-8000-000000000003", "kind": "statement", "status": "planned", "title": "Another",
     "participants": [{"actor": "US", "role": "speaker"}]},
    {"id": "00000000-0000-4000-8000-000000000004", "kind": "statement", "status": "occurred", "title": "No date",
     "participants": [{"actor": "KZ", "role": "speaker"}]}
  ]
}`
	tl, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	fmt.Println(tl == nil)
	var list event.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	fmt.Println(errors.Is(err, event.ErrDayOutOfRange), errors.Is(err, event.ErrUnknown), errors.Is(err, jsondoc.ErrCodeMismatch))
	// Output:
	// true
	// line 5 (offset 88): author: "author": unknown key
	// line 10 (offset 259): events[0].kind: "call": unknown kind "call"; known: treaty-signature, treaty-ratification, treaty-acceptance, treaty-approval, treaty-accession, treaty-succession, treaty-formal-confirmation, signing-ceremony, agreement-concluded, phone-call, visit, state-visit, official-visit, working-visit, bilateral-meeting, summit, dinner, negotiation, mediation, announcement, statement, relations-established, recognition, relations-severed, embassy-opened, embassy-closed, unofficial-visit, private-visit, relations-resumed, recognition-withdrawn, envoy-appointed, credentials-presented
	// line 11 (offset 390): events[1].cameo: "041": code disagrees with the kind: a statement is CAMEO 010
	// line 12 (offset 455): events[1].date: "2025-02-30": day out of range
	// line 14 (offset 669): events[2].participants[0].actor: "US": unknown actor
	// line 15 (offset 701): events[3].date: an event that occurred needs a known date
	// true true true
}

func ExampleEncodeLines() {
	if _, err := jsondoc.EncodeLines(os.Stdout, exampleTimeline(), nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"format":"accordline/lines","version":1,"title":"Example"}
	// {"actor":{"id":"KZ","type":"state","name":"Kazakhstan","names":{"de":"Kasachstan"},"country":"KZ"}}
	// {"event":{"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","kind":"statement","cameo":"010","status":"occurred","title":"Kazakhstan welcomes the accords","date":"2025-11-06?","participants":[{"actor":"KZ","role":"speaker"}]}}
}

func ExampleNewLineReader() {
	stream := `{"format":"accordline/lines","version":1,"title":"A stream"}
{"actor":{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"}}
{"event":{"id":"00000000-0000-4000-8000-000000000001","kind":"statement","status":"planned","title":"First","participants":[{"actor":"KZ","role":"speaker"}]}}

{"event":{"id":"00000000-0000-4000-8000-000000000002","kind":"statement","status":"planned","title":"Second","participants":[{"actor":"US","role":"speaker"}]}}
{"event":{"id":"00000000-0000-4000-8000-000000000003","kind":"statement","status":"planned","title":"Third","date":"2026","participants":[{"actor":"KZ","role":"speaker"}]}}
`
	lr := jsondoc.NewLineReader(strings.NewReader(stream), nil)
	title, _, err := lr.Header()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("stream:", title)
	for {
		rec, err := lr.Next()
		if err == io.EOF {
			break
		}
		switch {
		case err != nil:
			fmt.Println("skipped:", err) // the line is skipped; reading goes on
		case rec.Actor != nil:
			fmt.Println("actor:", rec.Actor.ID, rec.Actor.Name)
		case rec.Event != nil:
			fmt.Printf("event: %s [%s]\n", rec.Event.Title, rec.Event.Date)
		}
	}
	// Output:
	// stream: A stream
	// actor: KZ Kazakhstan
	// event: First []
	// skipped: line 5 (offset 427): event.participants[0].actor: "US": unknown actor
	// event: Third [2026]
}

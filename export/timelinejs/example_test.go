package timelinejs_test

import (
	"fmt"
	"os"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

func ExampleEncode() {
	tl := timeline.New("Example", "")
	if err := tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}); err != nil {
		panic(err)
	}
	if _, err := tl.Add(event.Event{
		ID:   uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
		Kind: event.Statement, Status: event.Occurred, Title: "Kazakhstan welcomes the accords",
		Date: event.MustParseDate("2025-11"), DateText: "in November",
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}},
	}); err != nil {
		panic(err)
	}
	rep, err := timelinejs.Encode(os.Stdout, tl, nil)
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println("slides:", rep.Events, "notes:", len(rep.Notes))
	// Output:
	// {
	//   "title": {
	//     "text": {
	//       "headline": "Example",
	//       "text": ""
	//     }
	//   },
	//   "events": [
	//     {
	//       "start_date": {
	//         "year": 2025,
	//         "month": 11,
	//         "display_date": "in November (November 2025)"
	//       },
	//       "display_date": "in November (November 2025)",
	//       "text": {
	//         "headline": "Kazakhstan welcomes the accords",
	//         "text": "<p><strong>Participants:</strong> Kazakhstan (speaker)</p>"
	//       },
	//       "group": "Statement",
	//       "unique_id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	//     }
	//   ]
	// }
	// slides: 1 notes: 0
}

package csvfile_test

import (
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/csvfile"
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
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker, Capacity: "government"}},
		Tags:         []string{"abraham-accords"},
	}); err != nil {
		panic(err)
	}
	var b strings.Builder
	if _, err := csvfile.Encode(&b, tl, nil); err != nil {
		fmt.Println(err)
	}
	// Lines end in CRLF; the example shows them with LF.
	fmt.Print(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// id,date,date_text,earliest,latest,kind,kind_name,cameo,plover,status,title,participants,place,instrument,tags,sources,quote
	// 6ba7b810-9dad-11d1-80b4-00c04fd430c8,2025-11,in November,2025-11-01,2025-11-30,statement,Statement,010,,occurred,Kazakhstan welcomes the accords,"Kazakhstan (speaker, government)",,,abraham-accords,,
}

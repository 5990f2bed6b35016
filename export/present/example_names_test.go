package present_test

import (
	"fmt"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// Every writer names an actor as it was called at the date of the event,
// with today's name beside it where the two differ.
func ExampleNames_Label() {
	tl := timeline.New("Visits", "")
	err := tl.AddActors(event.Actor{ID: "russia", Type: event.State, Name: "Russia", Country: "RU",
		History: []event.Name{{Text: "U.S.S.R.", Period: event.MustParseDate("1922-12-30/1991-12-25")}}})
	if err != nil {
		panic(err)
	}
	names := present.NewNames(tl)
	for _, d := range []event.Date{event.OnDay(1987, 12, 8), event.OnDay(2002, 5, 24)} {
		fmt.Printf("%s: %s | %s\n", d, names.Name("russia", d), names.Label("russia", d))
	}
	// Output:
	// 1987-12-08: U.S.S.R. | U.S.S.R. (now Russia)
	// 2002-05-24: Russia | Russia
}

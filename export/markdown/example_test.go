package markdown_test

import (
	"fmt"
	"os"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/timeline"
)

func ExampleEncode() {
	tl := timeline.New("Example", "A small timeline.")
	if err := tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}); err != nil {
		panic(err)
	}
	if _, err := tl.Add(event.Event{
		ID:   uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
		Kind: event.Statement, Status: event.Occurred, Title: "Kazakhstan welcomes the accords",
		Date: event.MustParseDate("2025-11-06"), DateText: "on Thursday",
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}},
		Sources: []event.Source{{Publisher: "All Israel", URL: "https://example.org/news", Lang: "de",
			Quotes: []event.Quote{{Text: "ein natürlicher Schritt", Translation: "a natural step", TranslationLang: "en"}}}},
	}); err != nil {
		panic(err)
	}
	if _, err := markdown.Encode(os.Stdout, tl, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Example
	//
	// A small timeline\.
	//
	// ## 2025
	//
	// ### Thursday, 6 November 2025
	//
	// - **Kazakhstan welcomes the accords** — Statement, occurred
	//   - When: on Thursday (`2025-11-06`)
	//   - Participants: Kazakhstan (speaker)
	//   - Sources: [All Israel](https://example.org/news)
	//
	//   > *(de)* ein natürlicher Schritt
	//   >
	//   > *(en)* a natural step
	//   >
	//   > — All Israel
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

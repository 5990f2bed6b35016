// Command abraham-accords builds the timeline of the news article Accordline
// started from — Kazakhstan joins the Abraham Accords, 6 November 2025 —
// validates it and prints it, grouped by day.
//
//	go run ./examples/abraham-accords
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/timeline"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "abraham-accords:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	tl := timeline.New(seed.Title, "Kazakhstan joins the Abraham Accords, 6 November 2025, as reported by All Israel (German edition).")
	if err := tl.AddActors(seed.Actors()...); err != nil {
		return err
	}
	if err := tl.Add(seed.Events()...); err != nil {
		return err
	}
	return printTimeline(w, tl)
}

// Command abraham-accords builds the timeline of the news article Accordline
// started from — Kazakhstan joins the Abraham Accords, 6 November 2025 —
// validates it and prints it, grouped by day. With -out it also writes the
// timeline in the formats of the export packages into that directory.
//
//	go run ./examples/abraham-accords
//	go run ./examples/abraham-accords -out out/
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/export/markdown"
	"github.com/accordline/accordline/export/timelinejs"
	"github.com/accordline/accordline/timeline"
)

func main() {
	out := flag.String("out", "", "write the timeline's files into this `directory`")
	flag.Parse()
	tl, err := build()
	if err == nil {
		err = printTimeline(os.Stdout, tl)
	}
	if err == nil && *out != "" {
		err = write(*out, tl)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "abraham-accords:", err)
		os.Exit(1)
	}
}

// build makes the seed timeline; Add validates every event.
func build() (*timeline.Timeline, error) {
	tl := timeline.New(seed.Title, "Kazakhstan joins the Abraham Accords, 6 November 2025, as reported by All Israel (German edition).")
	if err := tl.AddActors(seed.Actors()...); err != nil {
		return nil, err
	}
	if _, err := tl.Add(seed.Events()...); err != nil {
		return nil, err
	}
	return tl, nil
}

// stamp is the time the files say they were made: fixed to the article's
// publication, so that the same data always gives the same bytes.
func stamp() time.Time { return time.Date(2025, time.November, 7, 0, 0, 0, 0, time.UTC) }

// write writes the timeline's files into dir.
func write(dir string, tl *timeline.Timeline) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *timeline.Timeline) (export.Report, error)
	}{
		{"timeline.json", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return jsondoc.Encode(w, tl, &jsondoc.Options{Indent: "  "})
		}},
		{"timeline.jsonl", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return jsondoc.EncodeLines(w, tl, nil)
		}},
		{"timeline.ics", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return ical.Encode(w, tl, &ical.Options{Now: stamp})
		}},
		{"timelinejs.json", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return timelinejs.Encode(w, tl, nil)
		}},
		{"timeline.csv", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return csvfile.Encode(w, tl, nil)
		}},
		{"timeline.html", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return htmlpage.Encode(w, tl, nil)
		}},
		{"timeline.svg", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return htmlpage.EncodeSVG(w, tl, nil)
		}},
		{"timeline.md", func(w io.Writer, tl *timeline.Timeline) (export.Report, error) {
			return markdown.Encode(w, tl, nil)
		}},
	} {
		err := writeFile(filepath.Join(dir, f.name), func(w io.Writer) error {
			// Every format says what it could not carry; print it.
			rep, err := f.write(w, tl)
			for _, n := range rep.Notes {
				fmt.Fprintf(os.Stderr, "%s: %s\n", f.name, n)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

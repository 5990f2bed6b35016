// Command convert reads a timeline from a JSON document or JSON Lines
// stream, selects events with simple query flags, and writes them in
// another format. It is how the library is used without writing Go.
//
//	go run ./examples/convert -in timeline.json -actor Kasachstan -to out.jsonl
//	go run ./examples/convert -in big.jsonl -kind phone-call,visit -from 2025-01 -until 2025-12 -to calls.json
//
// The input format is told by the file's first line (a JSON Lines header)
// and the output format by the -format flag or the output file's
// extension: .json for a document, .jsonl for JSON Lines, .ics for
// iCalendar. Without -to the output goes to standard output.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// options are the command's flags.
type options struct {
	in, to, format        string
	actor, country, kinds string
	text, tag             string
	from, until           string
	overlaps, indent      bool
}

func main() {
	var o options
	flag.StringVar(&o.in, "in", "-", "read the timeline from this `file` (- for standard input)")
	flag.StringVar(&o.to, "to", "-", "write the result to this `file` (- for standard output)")
	flag.StringVar(&o.format, "format", "", "output `format`: json, jsonl or ics (default from the extension of -to, else json)")
	flag.StringVar(&o.actor, "actor", "", "select events of the actor known by this `name`, in any language")
	flag.StringVar(&o.country, "country", "", "select events of this `state` and its people")
	flag.StringVar(&o.kinds, "kind", "", "select events of these comma-separated `kinds`, such as phone-call,visit")
	flag.StringVar(&o.text, "text", "", "select events whose texts contain these `words`")
	flag.StringVar(&o.tag, "tag", "", "select events with this `tag`")
	flag.StringVar(&o.from, "from", "", "select events on or after this EDTF `date` (2025, 2025-11, 2025-11-06)")
	flag.StringVar(&o.until, "until", "", "select events on or before this EDTF `date`")
	flag.BoolVar(&o.overlaps, "overlaps", false, "with -from/-until, also select events that may fall in the period, not only those certainly in it")
	flag.BoolVar(&o.indent, "indent", true, "indent JSON documents")
	flag.Parse()
	if err := run(o, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

func run(o options, stdin io.Reader, stdout io.Writer) error {
	q, err := query(o)
	if err != nil {
		return err
	}
	in := stdin
	if o.in != "-" {
		f, err := os.Open(o.in)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	tl, err := read(in)
	if err != nil {
		return err
	}
	// A misspelt name selects nothing; say so, with suggestions.
	if err := tl.Check(q); err != nil {
		fmt.Fprintln(os.Stderr, "convert: warning:", err)
	}
	selected := tl.Collect(q)

	format := o.format
	if format == "" {
		format = strings.TrimPrefix(filepath.Ext(o.to), ".")
	}
	out := stdout
	var f *os.File
	if o.to != "-" {
		if f, err = os.Create(o.to); err != nil {
			return err
		}
		out = f
	}
	err = write(out, selected, format, o.indent)
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// read reads a document or a JSON Lines stream, telling them apart by the
// first line.
func read(r io.Reader) (*timeline.Timeline, error) {
	br := bufio.NewReader(r)
	first, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	line, _, _ := bytes.Cut(first, []byte{'\n'})
	decode := jsondoc.Decode
	if bytes.Contains(line, []byte(`"`+jsondoc.LinesFormat+`"`)) {
		decode = jsondoc.DecodeLines
	}
	tl, _, err := decode(br, nil) // JSON carries everything: the report has no notes
	return tl, err
}

func write(w io.Writer, tl *timeline.Timeline, format string, indent bool) error {
	var rep export.Report
	var err error
	switch format {
	case "", "json":
		var opts jsondoc.Options
		if indent {
			opts.Indent = "  "
		}
		rep, err = jsondoc.Encode(w, tl, &opts)
	case "jsonl":
		rep, err = jsondoc.EncodeLines(w, tl, nil)
	case "ics":
		rep, err = ical.Encode(w, tl, nil)
	default:
		return fmt.Errorf("unknown output format %q: want json, jsonl or ics", format)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(os.Stderr, "convert: %s\n", n)
	}
	return err
}

// query turns the flags into a timeline query.
func query(o options) (timeline.Query, error) {
	var qs []timeline.Query
	if o.actor != "" {
		qs = append(qs, timeline.WithActor(o.actor))
	}
	if o.country != "" {
		qs = append(qs, timeline.WithCountry(o.country))
	}
	if o.kinds != "" {
		var kinds []event.Kind
		for _, w := range strings.Split(o.kinds, ",") {
			k, err := event.ParseKind(strings.TrimSpace(w))
			if err != nil {
				return timeline.Query{}, fmt.Errorf("-kind: %w", err)
			}
			kinds = append(kinds, k)
		}
		qs = append(qs, timeline.WithKind(kinds...))
	}
	if o.text != "" {
		qs = append(qs, timeline.WithText(o.text))
	}
	if o.tag != "" {
		qs = append(qs, timeline.WithTag(o.tag))
	}
	if o.from != "" || o.until != "" {
		var from, until event.Date
		var err error
		if o.from != "" {
			if from, err = event.ParseDate(o.from); err != nil {
				return timeline.Query{}, fmt.Errorf("-from: %w", err)
			}
		}
		if o.until != "" {
			if until, err = event.ParseDate(o.until); err != nil {
				return timeline.Query{}, fmt.Errorf("-until: %w", err)
			}
		}
		// An unset end leaves the period open on that side.
		period := event.From(from)
		switch {
		case o.from == "":
			period = event.Until(until)
		case o.until != "":
			if period, err = event.Between(from.Start(), until.End()); err != nil {
				return timeline.Query{}, fmt.Errorf("-from and -until: %w", err)
			}
		}
		if o.overlaps {
			qs = append(qs, timeline.Overlaps(period))
		} else {
			qs = append(qs, timeline.Within(period))
		}
	}
	return timeline.And(qs...), nil
}

// Command convert reads a timeline from a JSON document, a JSON Lines
// stream, an iCalendar file, a directory of Parquet tables or a PostgreSQL
// database, selects events with simple query flags, and writes them in
// another of these formats. It is how the library is used without writing
// Go.
//
//	go run ./examples/convert -in timeline.json -actor Kasachstan -to out.jsonl
//	go run ./examples/convert -in big.jsonl -kind phone-call,visit -from 2025-01 -until 2025-12 -to calls.json
//	go run ./examples/convert -in big.jsonl -to "$ACCORDLINE_PG"               # load into PostgreSQL
//	go run ./examples/convert -in "$ACCORDLINE_PG" -actor Kasachstan -to kz.ics # query it there
//	go run ./examples/convert -in timeline.json -to warehouse.parquet           # four Parquet tables
//
// The input is told by its form: a postgres:// URL is a database (the
// query runs there, in SQL), a directory holds Parquet tables, and a file
// is iCalendar if it starts with BEGIN:VCALENDAR, JSON Lines if its first
// line is a JSON Lines header, else a JSON document. The output format is
// told by the -format flag or by -to: a postgres:// URL, or the
// extension .json for a document, .jsonl for JSON Lines, .ics for
// iCalendar, .parquet for a directory of Parquet tables. Without -to the
// output goes to standard output.
package main

import (
	"bufio"
	"bytes"
	"context"
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
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/timeline"
)

// options are the command's flags.
type options struct {
	in, to, format        string
	actor, country, kinds string
	text, tag             string
	from, until           string
	schema                string
	overlaps, indent      bool
}

func main() {
	var o options
	flag.StringVar(&o.in, "in", "-", "read the timeline from this `file` (- for standard input)")
	flag.StringVar(&o.to, "to", "-", "write the result to this `file` (- for standard output)")
	flag.StringVar(&o.format, "format", "", "output `format`: json, jsonl, ics, parquet or postgres (default from -to, else json)")
	flag.StringVar(&o.schema, "schema", "accordline", "the PostgreSQL `schema` of the timeline, with a postgres:// -in or -to")
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
	ctx := context.Background()
	q, err := query(o)
	if err != nil {
		return err
	}
	selected, err := selection(ctx, o, q, stdin)
	if err != nil {
		return err
	}

	format := o.format
	switch {
	case format != "":
	case isDatabase(o.to):
		format = "postgres"
	default:
		format = strings.TrimPrefix(filepath.Ext(o.to), ".")
	}
	switch format {
	case "parquet":
		rep, err := parquet.EncodeDir(o.to, selected, nil)
		report(rep)
		return err
	case "postgres":
		return store(ctx, o.to, o.schema, selected)
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

// selection reads the input and returns the timeline of the events q
// selects in it.
func selection(ctx context.Context, o options, q timeline.Query, stdin io.Reader) (*timeline.Timeline, error) {
	if isDatabase(o.in) {
		return fromDatabase(ctx, o.in, o.schema, q)
	}
	var tl *timeline.Timeline
	if st, err := os.Stat(o.in); err == nil && st.IsDir() {
		var rep export.Report
		if tl, rep, err = parquet.DecodeDir(o.in, nil); err != nil {
			return nil, err
		}
		report(rep)
	} else {
		in := stdin
		if o.in != "-" {
			f, err := os.Open(o.in)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			in = f
		}
		if tl, err = read(in); err != nil {
			return nil, err
		}
	}
	// A misspelt name selects nothing; say so, with suggestions.
	if err := tl.Check(q); err != nil {
		fmt.Fprintln(os.Stderr, "convert: warning:", err)
	}
	return tl.Collect(q), nil
}

// read reads a document, a JSON Lines stream or an iCalendar file,
// telling them apart by the first line.
func read(r io.Reader) (*timeline.Timeline, error) {
	br := bufio.NewReader(r)
	first, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	line, _, _ := bytes.Cut(first, []byte{'\n'})
	var tl *timeline.Timeline
	var rep export.Report
	switch {
	case bytes.HasPrefix(bytes.TrimSpace(line), []byte("BEGIN:VCALENDAR")):
		tl, rep, err = ical.Decode(br, nil)
	case bytes.Contains(line, []byte(`"`+jsondoc.LinesFormat+`"`)):
		tl, rep, err = jsondoc.DecodeLines(br, nil)
	default:
		tl, rep, err = jsondoc.Decode(br, nil)
	}
	report(rep)
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
		return fmt.Errorf("unknown output format %q: want json, jsonl, ics, parquet or postgres", format)
	}
	report(rep)
	return err
}

// report prints what a format could not carry.
func report(rep export.Report) {
	for _, n := range rep.Notes {
		fmt.Fprintf(os.Stderr, "convert: %s\n", n)
	}
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

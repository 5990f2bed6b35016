package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

func seedJSON(t *testing.T, lines bool) []byte {
	t.Helper()
	tl := timeline.New(seed.Title, "")
	if err := tl.AddActors(seed.Actors()...); err != nil {
		t.Fatal(err)
	}
	if err := tl.Add(seed.Events()...); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var err error
	if lines {
		err = jsondoc.EncodeLines(&buf, tl)
	} else {
		err = jsondoc.NewEncoder(&buf).Encode(tl)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestConvert(t *testing.T) {
	for _, tc := range []struct {
		name   string
		o      options
		lines  bool // input as JSON Lines
		events int
		actors int
	}{
		{"all", options{}, false, 15, 17},
		{"lines in", options{}, true, 15, 17},
		{"actor by German name", options{actor: "Kasachstan"}, false, 8, 0},
		{"country", options{country: "KZ"}, true, 10, 0},
		{"kinds", options{kinds: "treaty-accession, signing-ceremony"}, false, 2, 0},
		{"within November", options{from: "2025-11", until: "2025-11"}, false, 10, 0},
		{"overlaps November", options{from: "2025-11", until: "2025-11", overlaps: true}, false, 14, 0},
		{"open start", options{until: "2000"}, false, 1, 0},
		{"text", options{text: "Netanjahu"}, false, 1, 3},
		{"combined", options{actor: "Trump", kinds: "announcement"}, true, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, format := range []string{"json", "jsonl"} {
				tc.o.in, tc.o.to, tc.o.format = "-", "-", format
				var out bytes.Buffer
				if err := run(tc.o, bytes.NewReader(seedJSON(t, tc.lines)), &out); err != nil {
					t.Fatal(err)
				}
				decode := jsondoc.Decode
				if format == "jsonl" {
					decode = jsondoc.DecodeLines
				}
				tl, err := decode(&out, jsondoc.Limits{})
				if err != nil {
					t.Fatalf("%s output does not read back: %v", format, err)
				}
				if tl.Len() != tc.events {
					t.Errorf("%s: %d events, want %d", format, tl.Len(), tc.events)
				}
				if tc.actors > 0 && tl.NumActors() != tc.actors {
					t.Errorf("%s: %d actors, want %d", format, tl.NumActors(), tc.actors)
				}
			}
		})
	}
}

func TestConvertICS(t *testing.T) {
	var out bytes.Buffer
	o := options{in: "-", to: "-", format: "ics", actor: "Kasachstan"}
	if err := run(o, bytes.NewReader(seedJSON(t, false)), &out); err != nil {
		t.Fatal(err)
	}
	// Kazakhstan's eight events less the open-ended signing ceremony.
	if n := strings.Count(out.String(), "BEGIN:VEVENT\r\n"); n != 7 {
		t.Errorf("%d VEVENTs, want 7", n)
	}
}

func TestConvertErrors(t *testing.T) {
	for _, tc := range []struct {
		o    options
		in   string
		want string
	}{
		{options{kinds: "call"}, "", `unknown kind "call"`},
		{options{from: "2025-13"}, "", "-from: date \"2025-13\": month out of range"},
		{options{format: "pdf"}, string(seedJSON(t, false)), "unknown output format"},
		{options{}, `{"format":"accordline/timeline","version":2,"title":"x"}`, "unsupported version"},
	} {
		tc.o.in, tc.o.to = "-", "-"
		err := run(tc.o, strings.NewReader(tc.in), &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want one containing %q", tc.o, err, tc.want)
		}
	}
}

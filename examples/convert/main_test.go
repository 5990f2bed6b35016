package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

func seedJSON(t *testing.T, lines bool) []byte {
	t.Helper()
	tl := timeline.New(seed.Title, "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	_, err := tl.Add(seed.Events()...)
	require.NoError(t, err)
	var buf bytes.Buffer
	if lines {
		err = errOf(jsondoc.EncodeLines(&buf, tl, nil))
	} else {
		err = errOf(jsondoc.Encode(&buf, tl, nil))
	}
	require.NoError(t, err)
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
				require.NoError(t, run(tc.o, bytes.NewReader(seedJSON(t, tc.lines)), &out))
				decode := jsondoc.Decode
				if format == "jsonl" {
					decode = jsondoc.DecodeLines
				}
				tl, _, err := decode(&out, nil)
				require.NoError(t, err, "%s output does not read back", format)
				assert.Equal(t, tc.events, tl.Len(), "%s: events", format)
				if tc.actors > 0 {
					assert.Equal(t, tc.actors, tl.NumActors(), "%s: actors", format)
				}
			}
		})
	}
}

func TestConvertICS(t *testing.T) {
	var out bytes.Buffer
	o := options{in: "-", to: "-", format: "ics", actor: "Kasachstan"}
	require.NoError(t, run(o, bytes.NewReader(seedJSON(t, false)), &out))
	// Kazakhstan's eight events less the open-ended signing ceremony.
	assert.Equal(t, 7, strings.Count(out.String(), "BEGIN:VEVENT\r\n"), "VEVENTs")
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
		assert.ErrorContains(t, err, tc.want, "%+v", tc.o)
	}
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

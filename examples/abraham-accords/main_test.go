package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export/jsondoc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the printed timeline: the whole seed article, in the
// documented order, byte for byte.
func TestGolden(t *testing.T) {
	tl, err := build()
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, printTimeline(&out, tl))
	golden := filepath.Join("..", "..", "testdata", "abraham-accords.txt")
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./examples/abraham-accords -update to create it")
	assert.Equal(t, string(want), out.String(), "output differs from %s; run with -update after checking the change", golden)
}

// TestWrite writes the files and reads the JSON ones back: they hold the
// same timeline, and two runs write the same bytes.
func TestWrite(t *testing.T) {
	tl, err := build()
	require.NoError(t, err)
	a, b := t.TempDir(), t.TempDir()
	require.NoError(t, write(a, tl))
	require.NoError(t, write(b, tl))
	ics, err := os.ReadFile(filepath.Join(a, "timeline.ics"))
	require.NoError(t, err)
	again, _ := os.ReadFile(filepath.Join(b, "timeline.ics"))
	assert.True(t, bytes.Equal(ics, again), "timeline.ics differs between two runs")
	// The three open-ended events ("soon", "in the near future") are left
	// out of the calendar and reported; the other twelve are in it.
	assert.Equal(t, 12, bytes.Count(ics, []byte("BEGIN:VEVENT\r\n")), "events in timeline.ics")
	for _, name := range []string{"timelinejs.json", "timeline.csv", "timeline.md", "timeline.html", "timeline.svg"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		require.NoError(t, err)
		y, _ := os.ReadFile(filepath.Join(b, name))
		assert.NotEmpty(t, x, "%s is empty", name)
		assert.True(t, bytes.Equal(x, y), "%s differs between two runs", name)
	}
	for _, name := range []string{"timeline.json", "timeline.jsonl"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		require.NoError(t, err)
		y, _ := os.ReadFile(filepath.Join(b, name))
		assert.True(t, bytes.Equal(x, y), "%s differs between two runs", name)
		decode := jsondoc.Decode
		if filepath.Ext(name) == ".jsonl" {
			decode = jsondoc.DecodeLines
		}
		back, _, err := decode(bytes.NewReader(x), nil)
		require.NoError(t, err, name)
		assert.Equal(t, tl.Len(), back.Len(), "%s: events", name)
		assert.Equal(t, tl.NumActors(), back.NumActors(), "%s: actors", name)
	}
}

package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/accordline/accordline/export/jsondoc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the printed timeline: the whole seed article, in the
// documented order, byte for byte.
func TestGolden(t *testing.T) {
	tl, err := build()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := printTimeline(&out, tl); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("..", "..", "testdata", "abraham-accords.txt")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./examples/abraham-accords -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s; run with -update after checking the change:\n%s", golden, out.String())
	}
}

// TestWrite writes the files and reads the JSON ones back: they hold the
// same timeline, and two runs write the same bytes.
func TestWrite(t *testing.T) {
	tl, err := build()
	if err != nil {
		t.Fatal(err)
	}
	a, b := t.TempDir(), t.TempDir()
	if err := write(a, tl); err != nil {
		t.Fatal(err)
	}
	if err := write(b, tl); err != nil {
		t.Fatal(err)
	}
	ics, err := os.ReadFile(filepath.Join(a, "timeline.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(filepath.Join(b, "timeline.ics")); !bytes.Equal(ics, again) {
		t.Error("timeline.ics differs between two runs")
	}
	// The three open-ended events ("soon", "in the near future") are left
	// out of the calendar and reported; the other twelve are in it.
	if n := bytes.Count(ics, []byte("BEGIN:VEVENT\r\n")); n != 12 {
		t.Errorf("timeline.ics has %d events, want 12", n)
	}
	for _, name := range []string{"timelinejs.json", "timeline.csv", "timeline.md", "timeline.html", "timeline.svg"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		if y, _ := os.ReadFile(filepath.Join(b, name)); !bytes.Equal(x, y) || len(x) == 0 {
			t.Errorf("%s is empty or differs between two runs", name)
		}
	}
	for _, name := range []string{"timeline.json", "timeline.jsonl"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
		decode := jsondoc.Decode
		if filepath.Ext(name) == ".jsonl" {
			decode = jsondoc.DecodeLines
		}
		back, err := decode(bytes.NewReader(x), jsondoc.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if back.Len() != tl.Len() || back.NumActors() != tl.NumActors() {
			t.Errorf("%s: %d events and %d actors, want %d and %d", name, back.Len(), back.NumActors(), tl.Len(), tl.NumActors())
		}
	}
}

// Package fuzztext gives the tests and fuzz targets of the text writers
// (HTML, SVG, CSV, Markdown, TimelineJS) their seeds, their timelines (one
// event with the fuzzed text in every text field), and the independent
// readers (python3, cmark-gfm) that check what the writers produce, and
// MustAdd, with which their tests build timelines.
package fuzztext

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/timeline"
)

// Seeds returns the seeds of the writers' fuzz targets: markup, formulas,
// Markdown, text that GitHub's Markdown would turn into links, characters
// that break lines or scripts, and characters that XML and HTML cannot
// carry.
func Seeds() []string {
	return []string{
		`<script>alert(1)</script>`,
		`"><img src=x onerror=alert(1)>`,
		`=HYPERLINK("x")`,
		`[x](javascript:alert(1))`,
		`**b**`,
		`</svg>`,
		"\u2028", "a\u2028b\u2029c",
		"🇰🇿 🤝 ✍️",
		"اتفاقيات أبراهام",
		"# heading",
		"+1", "-1", "@SUM(A1)",
		"\tTab",
		"line one\nline two",
		`<SCRIPT src=x></SCRIPT><svg onload=alert(1)>`,
		`]]><!-- -->&amp;`,
		// Formulas after line breaks and blanks, and a lone carriage return.
		"\n=1+1", "\r\n@SUM(A1)", "  -2", "\u00a0=1", "line2\rline3", "＝1+1",
		// Autolinks of GitHub Flavored Markdown.
		`=HYPERLINK("http://evil","click")`, "https://example.org/a",
		"mail a.b@example.org", "www.example.com", "mailto:x@example.org",
		"xmpp:x@example.org/r", "FTP://example.org", "a.@b.co",
		// Emphasis around blanks.
		"Tab here\tand trailing space ", " leading space",
		// Characters XML 1.0 and HTML cannot carry.
		"\x00nul\x07bell\x1bescape", "\ufffe\uffff", "\ufdd0\U0001fffe", "\x7f\u0085\u009f",
		"bad \xed\xa0\x80 surrogate \xff byte",
	}
}

// Hostile returns strings for tests that run the writers' output through
// an independent reader: the seeds that an event can carry, and more.
func Hostile() []string {
	return append(Seeds(),
		`=cmd|' /C calc'!A0`, "\t=1", "\r=1", " \n\t+1",
		"see http://evil.example/x?y=1 and https://evil.example.", "(www.example.com/path)",
		"*www.example.com*", "_https://example.org_", "~ftp://example.org~",
		"first.last+tag@example.co.uk", "x@y.z", "mailto:a@b.co", "contact: a@b.c",
		`<a href="http://evil">x</a>`, "<!-- comment -->", "<textarea>", "&lt;b&gt;",
		"a*", "*a", "_a_", "a_", "\\", "a\\", "`", "~~strike~~", "| a | b |",
		"1. ordered", "- item", "> quote", "---", "===", "[^1]", "[x]: http://evil",
		"![img](http://evil/x.png)", "<http://evil>", "trailing  ",
	)
}

// Timeline returns a timeline of one event with s in every text field:
// title, description, date text, capacity, place, tag, source publisher and
// title, quote text and translation, instrument name, and the actor's
// English and German name. It skips the test when the timeline rejects s.
func Timeline(t testing.TB, s string) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Fuzz", "Fuzzed text")
	if err := tl.AddActors(actor(s)); err != nil {
		t.Skip(err)
	}
	if _, err := tl.Add(eventWith(s, s)); err != nil {
		t.Skip(err)
	}
	return tl
}

// Everywhere returns a timeline whose title and description are s, as
// given: the timeline does not validate them. Its one event carries s in
// every multi-line text field (description, quote text and translation)
// and s with its line breaks made spaces in every single-line field, since
// validation rejects line breaks there. When validation rejects s all the
// same, the actor and the event carry fixed text, and s is only in the
// timeline's title and description. It never skips the test.
func Everywhere(t testing.TB, s string) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(s, s)
	line := strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	if tl.AddActors(actor(line)) != nil {
		line, s = "Fuzz", "Fuzz"
		if err := tl.AddActors(actor(line)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tl.Add(eventWith(line, s)); err != nil {
		if _, err := tl.Add(eventWith("Fuzz", "Fuzz")); err != nil {
			t.Fatal(err)
		}
	}
	return tl
}

func actor(name string) event.Actor {
	return event.Actor{ID: "fuzz-actor", Type: event.Person, Name: name, Names: map[string]string{"de": name}}
}

// eventWith returns the fuzzed event: line in the single-line fields, text
// in the multi-line ones.
func eventWith(line, text string) event.Event {
	return event.Event{
		Kind: event.Statement, Status: event.Occurred,
		Title: line, Description: text, Date: event.OnDay(2025, 11, 6), DateText: line,
		Participants: []event.Participation{{Actor: "fuzz-actor", Role: event.Speaker, Capacity: line}},
		Place:        event.Place{Name: line, Venue: line, City: line, Country: "KZ"},
		Instrument:   event.Instrument{ID: "fuzz-accord", Name: line},
		Sources: []event.Source{{Publisher: line, Title: line, URL: "https://example.org/a", Lang: "de",
			Quotes: []event.Quote{{Text: text, Speaker: "fuzz-actor", Translation: text, TranslationLang: "en"}}}},
		Tags: []string{line},
	}
}

// LookPath returns the path of the program name, an independent reader of
// the writers' output. When the program is missing it fails the test if
// required, so that CI cannot pass by skipping the check, and skips it
// otherwise.
func LookPath(t testing.TB, name string, required bool) string {
	t.Helper()
	path, err := exec.LookPath(name)
	switch {
	case err == nil:
		return path
	case required:
		t.Fatalf("%s is required here but missing: %v", name, err)
	default:
		t.Skipf("%s is missing (%v); install it to run this check, which CI requires", name, err)
	}
	return ""
}

// Update makes the writers' golden tests rewrite their golden files in
// the top-level testdata directory rather than compare with them:
//
//	go test ./export/... -run Golden -update
var Update = flag.Bool("update", false, "rewrite the golden files in the top-level testdata directory")

// T is what MustAdd needs of a test: a *testing.T or B, or a *rapid.T.
type T interface {
	Helper()
	Fatalf(format string, args ...any)
}

// MustAdd adds events to tl and stops the test on any error: the writers'
// tests build their timelines with it.
func MustAdd(t T, tl *timeline.Timeline, events ...event.Event) {
	t.Helper()
	if _, err := tl.Add(events...); err != nil {
		t.Fatalf("%v", err)
	}
}

// SeedTimeline returns the timeline of the seed article with the
// description the golden files of the writers were made with.
func SeedTimeline(t testing.TB) *timeline.Timeline {
	return SeedTimelineDescribed(t, "Kazakhstan joins the Abraham Accords")
}

// SeedTimelineDescribed returns the timeline of the seed article with the
// given description.
func SeedTimelineDescribed(t testing.TB, description string) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(seed.Title, description)
	if err := tl.AddActors(seed.Actors()...); err != nil {
		t.Fatal(err)
	}
	MustAdd(t, tl, seed.Events()...)
	return tl
}

// Synthetic returns a timeline of n synthetic events of the seed
// (event/synth) and their actors: what the writers' benchmarks write.
func Synthetic(t testing.TB, seed uint64, n int) *timeline.Timeline {
	t.Helper()
	actors, events := synth.Generate(synth.Config{Seed: seed, Events: n})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		t.Fatal(err)
	}
	MustAdd(t, tl, events...)
	return tl
}

// FuzzEverywhere seeds f with [Seeds] and fuzzes check with a timeline
// that has the fuzzed text everywhere it may go ([Everywhere]).
func FuzzEverywhere(f *testing.F, check func(t *testing.T, s string, tl *timeline.Timeline)) {
	fuzz(f, Everywhere, check)
}

// FuzzEvent is FuzzEverywhere with the text in one event's fields only
// ([Timeline]).
func FuzzEvent(f *testing.F, check func(t *testing.T, s string, tl *timeline.Timeline)) {
	fuzz(f, Timeline, check)
}

func fuzz(f *testing.F, build func(testing.TB, string) *timeline.Timeline, check func(*testing.T, string, *timeline.Timeline)) {
	for _, s := range Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s, build(t, s)) })
}

// Golden compares got with the golden file at path, a slash-separated
// path relative to the test's package, or rewrites the file when update is
// set (the -update flag of the writers' tests).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	path = filepath.FromSlash(path)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s is out of date; check the change and run the test with -update\n%s", path, firstDifference(want, got))
	}
}

// firstDifference shows the first line where want and got differ.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n want: %q\n  got: %q", i+1, a, b)
		}
	}
	return ""
}

package htmlpage_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
)

// html5libPage is a page for .ci/html5lib_check.py: the texts are pairs
// of an element's tag and its whole text, as the page must show them.
type html5libPage struct {
	File     string      `json:"file"`
	Baseline string      `json:"baseline,omitempty"`
	Texts    [][2]string `json:"texts"`
}

// TestHTML5Lib parses pages with html5lib, which parses HTML as browsers
// do (.ci/html5lib_check.py): the seed page, the hostile and control
// pages of the other tests, and for every hostile string of fuzztext a
// page with it in every field. It fails on any parse error, <script>,
// event handler attribute or javascript: URL, on a hostile string that
// does not arrive whole as the text of the element of its field, and on
// a hostile page that differs in anything but text from its baseline, the
// same timeline with plain words for the hostile strings.
func TestHTML5Lib(t *testing.T) {
	python := html5libPython(t)
	dir := t.TempDir()
	write := func(name string, tl *timeline.Timeline) string {
		path := filepath.Join(dir, name+".html")
		require.NoError(t, os.WriteFile(path, []byte(encode(t, tl, htmlpage.Options{})), 0o644))
		return path
	}
	var pages []html5libPage
	seed := seedTimeline(t)
	page := html5libPage{File: write("seed", seed)}
	for e := range seed.All() {
		page.Texts = append(page.Texts, [2]string{"h5", e.Title})
	}
	pages = append(pages, page,
		html5libPage{File: write("hostile", hostileTimeline(t)), Texts: [][2]string{{"h5", hostile}}},
		html5libPage{File: write("controls", controlTimeline(t))})
	for i, s := range fuzztext.Hostile() {
		tl := fuzztext.Everywhere(t, s)
		name := "hostile-" + strconv.Itoa(i)
		pages = append(pages, html5libPage{File: write(name, tl), Baseline: write(name+"-baseline", baseline(t, tl)), Texts: shownTexts(tl)})
	}
	manifest := filepath.Join(dir, "manifest.json")
	data, err := json.Marshal(map[string]any{"pages": pages})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(manifest, data, 0o644))
	out, err := exec.Command(python, filepath.Join("..", "..", ".ci", "html5lib_check.py"), manifest).CombinedOutput()
	require.NoError(t, err, "%s", out)
	t.Logf("%s", out)
}

// html5libPython returns a python3 that can import html5lib. html5lib is
// required where CI=true or ACCORDLINE_REQUIRE_HTML5LIB is set, as
// .ci/html5lib-check sets it after installing Debian's python3-html5lib;
// Debian's /usr/bin/python3 has it where the python3 on the PATH does not.
func html5libPython(t *testing.T) string {
	required := os.Getenv("CI") == "true" || os.Getenv("ACCORDLINE_REQUIRE_HTML5LIB") != ""
	tried := []string{fuzztext.LookPath(t, "python3", required), "/usr/bin/python3"}
	for _, python := range tried {
		if exec.Command(python, "-c", "import html5lib").Run() == nil {
			return python
		}
	}
	msg := "html5lib is missing from " + strings.Join(tried, " and ") +
		"; install Debian's python3-html5lib (.ci/html5lib-check does) to run this check, which CI requires"
	if required {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// shown returns s as the page shows it: without the characters that XML
// 1.0 or HTML cannot carry, which the writer drops: controls but tab,
// line feed and carriage return, bytes that are not UTF-8, and
// noncharacters.
func shown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		ok := !(r == utf8.RuneError && size == 1) &&
			(r >= 0x20 || r == '\t' || r == '\n' || r == '\r') &&
			!(r >= 0x7F && r <= 0x9F) &&
			!(r >= 0xFDD0 && r <= 0xFDEF) && r&0xFFFE != 0xFFFE
		if ok {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// shownTexts returns the elements and texts that the page of a timeline
// of fuzztext.Everywhere must show whole: the timeline's title, and the
// one event's title, quote, translation, instrument, source and its
// actor's lane.
func shownTexts(tl *timeline.Timeline) [][2]string {
	title := shown(tl.Title())
	if title == "" {
		title = "Timeline"
	}
	texts := [][2]string{{"h1", title}}
	for e := range tl.All() {
		q := e.Sources[0].Quotes[0]
		texts = append(texts, [2]string{"h5", shown(e.Title)}, [2]string{"blockquote", shown(q.Text)},
			[2]string{"p", shown(q.Translation)}, [2]string{"dd", shown(e.Instrument.Name)},
			[2]string{"a", shown(present.SourceLabel(e.Sources[0]))})
		for _, p := range e.Participants {
			a, _ := tl.Actor(p.Actor)
			texts = append(texts, [2]string{"text", shown(a.Name) + " (1)"})
		}
	}
	return texts
}

// baseline returns tl with plain words for its texts: "x" for each, and
// for the descriptions, which the page splits into paragraphs, "x" for
// each line that is not blank, so that the page has the same paragraphs.
func baseline(t *testing.T, tl *timeline.Timeline) *timeline.Timeline {
	t.Helper()
	word := func(s string) string {
		if s == "" {
			return ""
		}
		return "x"
	}
	lines := func(s string) string {
		var out []string
		blank := true
		for _, line := range strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s), "\n") {
			clean, _ := present.Clean(line)
			if strings.TrimSpace(clean) == "" {
				out = append(out, "")
				continue
			}
			out, blank = append(out, "x"), false
		}
		if blank {
			return ""
		}
		return strings.Join(out, "\n")
	}
	base := timeline.New(word(tl.Title()), lines(tl.Description()))
	for a := range tl.Actors() {
		a.Name = word(a.Name)
		for k, v := range a.Names {
			a.Names[k] = word(v)
		}
		require.NoError(t, base.AddActors(a))
	}
	for e := range tl.All() {
		e.Title, e.Description, e.DateText = word(e.Title), lines(e.Description), word(e.DateText)
		for i := range e.Participants {
			e.Participants[i].Capacity = word(e.Participants[i].Capacity)
		}
		e.Place = event.Place{Name: word(e.Place.Name), Venue: word(e.Place.Venue), City: word(e.Place.City), Country: e.Place.Country}
		e.Instrument.Name = word(e.Instrument.Name)
		for i := range e.Tags {
			e.Tags[i] = word(e.Tags[i])
		}
		for i := range e.Sources {
			src := &e.Sources[i]
			src.Publisher, src.Title = word(src.Publisher), word(src.Title)
			for j := range src.Quotes {
				src.Quotes[j].Text, src.Quotes[j].Translation = word(src.Quotes[j].Text), word(src.Quotes[j].Translation)
			}
		}
		fuzztext.MustAdd(t, base, e)
	}
	return base
}

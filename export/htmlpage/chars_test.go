package htmlpage_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// xmlChar reports whether XML 1.0 allows r in a document (its production
// Char).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// htmlChar reports whether r may appear in an HTML document without a parse
// error: no control character but ASCII white space, no surrogate, no
// noncharacter.
func htmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\f' || r == '\r':
		return true
	case r < 0x20 || r >= 0x7F && r <= 0x9F || r >= 0xD800 && r <= 0xDFFF:
		return false
	case r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE:
		return false
	}
	return r <= 0x10FFFF
}

// badChars returns what in out is not valid UTF-8 or not allowed by ok.
func badChars(out string, ok func(rune) bool) []string {
	var bad []string
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad = append(bad, "invalid UTF-8 at "+strconv.Itoa(i)+": "+strconv.Quote(out[max(0, i-20):min(len(out), i+20)]))
		case !ok(r):
			bad = append(bad, strconv.QuoteRuneToASCII(r)+" at "+strconv.Itoa(i)+": "+strconv.Quote(out[max(0, i-20):min(len(out), i+20)]))
		}
		i += size
	}
	return bad
}

// checkXML checks that svg is a well-formed XML document as far as Go's
// strict decoder and the rules it leaves out tell: one root element, no
// attribute twice in an element, only characters XML allows, comments
// included. It returns the first fault.
func checkXML(svg []byte) error {
	if bad := badChars(string(svg), xmlChar); len(bad) > 0 {
		return errors.New(strings.Join(bad, "; "))
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			seen := map[xml.Name]bool{}
			for _, a := range tok.Attr {
				if seen[a.Name] {
					return errors.New("attribute " + a.Name.Local + " twice in <" + tok.Name.Local + ">")
				}
				seen[a.Name] = true
			}
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		return errors.New(strconv.Itoa(roots) + " root elements")
	}
	return nil
}

// unrepresentable is text that XML 1.0 or HTML cannot carry, around text
// that must survive.
const unrepresentable = "\x00nul\x07bell\x1bescape\x0bvt\x0cff\ufffe\uffff\ufdd0\U0001fffe\U0010ffffend"

// controlTimeline returns a timeline whose title and description carry
// controls, noncharacters and invalid UTF-8, which New keeps, with events
// of valid text: validation refuses the same characters in events.
func controlTimeline(t *testing.T) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(unrepresentable+" \xff\xed\xa0\x80bytes", unrepresentable+"\n\x7f\u0085c1")
	nonchar := "non char x"
	require.NoError(t, tl.AddActors(
		event.Actor{ID: "XA", Type: event.State, Name: "State " + nonchar, Country: "XA"},
		event.Actor{ID: "p-1", Type: event.Person, Name: "Person " + nonchar, Country: "XA"}))
	fuzztext.MustAdd(t, tl, event.Event{
		Kind: event.PhoneCall, Status: event.Occurred, Title: "Title " + nonchar, Description: nonchar,
		Date: event.MustParseDate("2025-11-06"), DateText: "date " + nonchar,
		Participants: []event.Participation{{Actor: "p-1", Role: event.Caller, Capacity: nonchar}, {Actor: "XA", Role: event.Recipient}},
		Place:        event.Place{Name: nonchar, Country: "XA"},
		Sources: []event.Source{{Publisher: nonchar, URL: "https://example.org/\ufffe", Lang: "de",
			Quotes: []event.Quote{{Text: nonchar, Translation: nonchar, TranslationLang: "en"}}}},
		Tags: []string{nonchar},
	}, event.Event{
		Kind: event.Statement, Status: event.Planned, Title: "Later " + nonchar,
		Date: event.MustParseDate("2026"), DateText: nonchar,
		Participants: []event.Participation{{Actor: "XA", Role: event.Speaker}},
	})
	return tl
}

// TestUnrepresentableCharacters writes text with characters that XML 1.0
// or HTML cannot carry: the SVG stays well-formed, the page free of them,
// and the text around them survives.
func TestUnrepresentableCharacters(t *testing.T) {
	tl := controlTimeline(t)
	for _, opts := range []htmlpage.Options{{}, {Lanes: htmlpage.LanesByState}} {
		svg := encodeSVG(t, tl, opts)
		assert.NoError(t, checkXML([]byte(svg)))
		assert.Empty(t, badChars(svg, htmlChar))
		assert.Contains(t, svg, "nulbellescapevtffend bytes</title>")
		assert.Contains(t, svg, "non char x")
	}
	page := encode(t, tl, htmlpage.Options{})
	assert.Empty(t, badChars(page, htmlChar))
	assert.Contains(t, page, "<h1>nulbellescapevtffend bytes</h1>", "the title is cleaned before it is written")
	assert.NotContains(t, page, "\ufffd", "NUL is dropped like the other controls, not replaced")
	// The report says what was dropped: from the title and description,
	// and from the SVG's title, which is the timeline's as it is.
	for _, enc := range []func(io.Writer, *timeline.Timeline, *htmlpage.Options) (export.Report, error){htmlpage.Encode, htmlpage.EncodeSVG} {
		rep, err := enc(io.Discard, tl, nil)
		require.NoError(t, err)
		var dropped []string
		for _, n := range rep.Notes {
			if n.Action == export.Dropped {
				dropped = append(dropped, n.Field+": "+n.Reason)
			}
		}
		assert.Contains(t, dropped, "text: 14 characters that XML 1.0 or HTML cannot carry",
			"the SVG title's 10 characters and 4 bytes that are not UTF-8")
	}
	assert.Contains(t, page, "<h5>Title non char x</h5>")
	assert.Contains(t, page, `<p class="lede">c1</p>`)
}

// readXMLPython parses each file named on its command line with Python's
// xml.etree.ElementTree (expat, a conforming XML parser) and prints the
// files it cannot parse with the reason.
const readXMLPython = `
import sys
import xml.etree.ElementTree as ET
bad = 0
for name in sys.argv[1:]:
    try:
        ET.parse(name)
    except ET.ParseError as err:
        bad += 1
        print("%s: %s" % (name, err))
sys.exit(1 if bad else 0)
`

// TestPythonParsesSVG parses hostile SVGs with Python's expat, which,
// unlike Go's encoding/xml, checks everything XML 1.0 requires.
func TestPythonParsesSVG(t *testing.T) {
	python := fuzztext.LookPath(t, "python3", os.Getenv("CI") == "true")
	dir := t.TempDir()
	var files []string
	write := func(name string, tl *timeline.Timeline, opts htmlpage.Options) {
		path := filepath.Join(dir, name+".svg")
		require.NoError(t, os.WriteFile(path, []byte(encodeSVG(t, tl, opts)), 0o644))
		files = append(files, path)
	}
	write("seed", seedTimeline(t), htmlpage.Options{})
	write("hostile", hostileTimeline(t), htmlpage.Options{Lanes: htmlpage.LanesByState})
	write("controls", controlTimeline(t), htmlpage.Options{})
	write("controls-state", controlTimeline(t), htmlpage.Options{Lanes: htmlpage.LanesByState})
	for i, s := range fuzztext.Hostile() {
		write("hostile-"+strconv.Itoa(i), fuzztext.Everywhere(t, s), htmlpage.Options{})
	}
	out, err := exec.Command(python, append([]string{"-c", readXMLPython}, files...)...).CombinedOutput()
	assert.NoError(t, err, "python3 cannot parse:\n%s", out)
}

package htmlpage_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

const (
	goldenHTML = "../../testdata/seed.html"
	goldenSVG  = "../../testdata/seed.svg"
)

func seedTimeline(t testing.TB) *timeline.Timeline { return fuzztext.SeedTimeline(t) }

func encode(t testing.TB, tl *timeline.Timeline, opts htmlpage.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, errOf(htmlpage.Encode(&b, tl, &opts)))
	return b.String()
}

func encodeSVG(t testing.TB, tl *timeline.Timeline, opts htmlpage.Options) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, errOf(htmlpage.EncodeSVG(&b, tl, &opts)))
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	fuzztext.Golden(t, path, []byte(got), *fuzztext.Update)
}

func TestGolden(t *testing.T) {
	page := encode(t, seedTimeline(t), htmlpage.Options{})
	checkGolden(t, goldenHTML, page)
	assert.Equal(t, page, encode(t, seedTimeline(t), htmlpage.Options{}), "HTML is deterministic")
	svg := encodeSVG(t, seedTimeline(t), htmlpage.Options{})
	checkGolden(t, goldenSVG, svg)
	assert.Equal(t, svg, encodeSVG(t, seedTimeline(t), htmlpage.Options{}), "SVG is deterministic")
}

func TestStructure(t *testing.T) {
	out := encode(t, seedTimeline(t), htmlpage.Options{})
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>\n<html lang=\"en\">"))
	for _, s := range []string{"<main>", "</main>", "<nav class=\"legend\"", "<header>", "@media print",
		"<h1>„Ein Bund der Stärke“ – Trump gibt bekannt", ">1992</h2>", ">2025</h2>",
		`<h4 class="day"><time datetime="2025-11-06">Thursday, 6 November 2025</time></h4>`,
		`<h3 class="month">November 2025</h3>`,
		`<h3 class="month">Over more than a month</h3>`,
		"From 6 November 2025 — soon", "<svg xmlns=\"http://www.w3.org/2000/svg\"",
		"since 1992", "in the coming months", "Thursday evening, 6 November 2025",
		`<time datetime="2025-11-06">6 November 2025</time>`,
		`<span class="badge">Planned</span>`, `<span class="badge">Announced</span>`,
		"Treaty", "Contact", "Communication", "Relations",
	} {
		assert.Contains(t, out, s)
	}
	assert.Equal(t, 1, strings.Count(out, ">Thursday, 6 November 2025</time></h4>"), "events of one day share the heading")
	for _, bad := range []string{"<script", "<link", "src=", "@import", "http://fonts"} {
		assert.NotContains(t, out, bad, "self-contained, no scripts")
	}
	for _, e := range seed.Events() {
		var b strings.Builder
		require.NoError(t, templateEscape(&b, e.Title))
		assert.Contains(t, out, "<h5>"+b.String()+"</h5>", e.Title)
	}
	assert.Equal(t, len(seed.Events()), strings.Count(out, "<article "))
	assert.Equal(t, strings.Count(out, "<article "), strings.Count(out, "</article>"))
	// Every German quote carries its language.
	n := 0
	for _, e := range seed.Events() {
		for _, s := range e.Sources {
			for _, q := range s.Quotes {
				if q.Lang == "de" || q.Lang == "" && s.Lang == "de" {
					n++
				}
			}
		}
	}
	require.Positive(t, n)
	assert.Equal(t, n, strings.Count(out, `<blockquote lang="de">`))
	assert.Equal(t, strings.Count(out, "<blockquote"), strings.Count(out, `<blockquote lang="de">`))
	assert.Contains(t, out, `<p class="translation" lang="en">`)
	checkHeadings(t, out)
	checkBalanced(t, out)
}

// templateEscape escapes s as html/template does in text.
func templateEscape(w io.Writer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;", "\x00", "\uFFFD")
	_, err := io.WriteString(w, r.Replace(s))
	return err
}

// checkHeadings checks that heading levels never skip downwards.
func checkHeadings(t *testing.T, out string) {
	t.Helper()
	prev := 1
	for i := strings.Index(out, "<h"); i >= 0; {
		if i+2 < len(out) && out[i+2] >= '1' && out[i+2] <= '6' {
			lvl := int(out[i+2] - '0')
			assert.LessOrEqual(t, lvl, prev+1, "heading h%d after h%d at %d", lvl, prev, i)
			prev = lvl
		}
		j := strings.Index(out[i+1:], "<h")
		if j < 0 {
			break
		}
		i += 1 + j
	}
}

// checkBalanced checks that the main container elements open and close in
// pairs.
func checkBalanced(t *testing.T, out string) {
	t.Helper()
	for _, el := range []string{"section", "article", "figure", "blockquote", "dl", "ul", "svg", "main", "nav", "header", "footer"} {
		open := strings.Count(out, "<"+el+">") + strings.Count(out, "<"+el+" ")
		assert.Equal(t, open, strings.Count(out, "</"+el+">"), el)
	}
}

func TestSVG(t *testing.T) {
	tl := seedTimeline(t)
	out := encodeSVG(t, tl, htmlpage.Options{})
	wellFormed(t, out)
	actors := map[event.ActorID]bool{}
	for e := range tl.All() {
		for _, p := range e.Participants {
			actors[p.Actor] = true
		}
	}
	assert.Equal(t, len(actors), lanes(out), "one lane per actor")
	assert.Contains(t, out, "none left out")
	assert.Contains(t, out, "<title>")
	assert.Contains(t, out, `fill="#ffffff" stroke=`, "planned events are hollow")
	assert.Contains(t, out, "url(#tl-fade-", "open ends fade")

	capped := encodeSVG(t, tl, htmlpage.Options{MaxLanes: 3})
	wellFormed(t, capped)
	assert.Equal(t, 3, lanes(capped))
	assert.Contains(t, capped, "3 of "+strconv.Itoa(len(actors))+" actors shown")
	assert.Contains(t, capped, "left out")

	states := encodeSVG(t, tl, htmlpage.Options{Lanes: htmlpage.LanesByState})
	wellFormed(t, states)
	assert.Less(t, lanes(states), len(actors))
	assert.Contains(t, states, ">United States (")

	// Lanes are keyed by ID, never by name: the hostile timeline's
	// participants share one name and keep a lane each.
	same := encodeSVG(t, hostileTimeline(t), htmlpage.Options{})
	assert.Equal(t, 2, lanes(same))
}

// lanes counts the lane labels of an SVG.
func lanes(svg string) int {
	start := strings.Index(svg, `<g class="lanes">`)
	end := strings.Index(svg[start:], "</g>")
	return strings.Count(svg[start:start+end], "<text ")
}

func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}

const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`

func hostileTimeline(t *testing.T) *timeline.Timeline {
	tl := timeline.New(hostile, hostile+"\n"+hostile)
	a := func(id event.ActorID, typ event.ActorType, country string) event.Actor {
		return event.Actor{ID: id, Type: typ, Name: hostile, Country: country, Names: map[string]string{"de": hostile}, Aliases: []string{hostile + string(id)}}
	}
	require.NoError(t, tl.AddActors(a("XA", event.State, "XA"), a("XB", event.State, "XB"), a("p-1", event.Person, "XA")))
	e := event.Event{
		ID: uuid.MustParse("00000000-0000-4000-8000-000000000001"), Kind: event.PhoneCall, Status: event.Planned,
		Title: hostile, Description: hostile, Date: event.MustParseDate("2025-11-06/.."), DateText: hostile,
		Place:        event.Place{Name: hostile, Venue: hostile, City: hostile, Country: "XA"},
		Participants: []event.Participation{{Actor: "p-1", Role: event.Caller, Capacity: hostile}, {Actor: "XB", Role: event.Recipient, Capacity: hostile}},
		Sources: []event.Source{{Publisher: hostile, Title: hostile, URL: "https://example.org/?q=%3Cscript%3E", Lang: "de",
			Quotes: []event.Quote{{Text: hostile, Speaker: "p-1", Translation: hostile, TranslationLang: "en"}}}},
		Tags: []string{hostile},
	}
	fuzztext.MustAdd(t, tl, e)
	js := e
	js.ID = uuid.MustParse("00000000-0000-4000-8000-000000000002")
	js.Sources = []event.Source{{Publisher: "x", URL: "javascript:alert(1)"}}
	if _, err := tl.Add(js); err == nil {
		t.Log("javascript: URL accepted by validation; the page must not link it")
	}
	return tl
}

func TestHostile(t *testing.T) {
	tl := hostileTimeline(t)
	// Options are input too: a hostile language tag is refused.
	_, err := htmlpage.Encode(io.Discard, tl, &htmlpage.Options{Lang: hostile})
	require.ErrorIs(t, err, htmlpage.ErrOptions)
	page := encode(t, tl, htmlpage.Options{})
	svg := encodeSVG(t, tl, htmlpage.Options{Lanes: htmlpage.LanesByState})
	wellFormed(t, svg)
	wellFormed(t, encodeSVG(t, tl, htmlpage.Options{}))
	for _, out := range []string{page, svg} {
		low := strings.ToLower(out)
		assert.NotContains(t, low, "<script")
		for _, tag := range tags(low) {
			assert.NotContains(t, tag, " on", "no event handler attributes: %s", tag)
		}
		assert.NotContains(t, strings.ReplaceAll(low, "&lt;img src=x onerror=alert(1)&gt;", ""), "onerror=",
			"onerror= appears only as escaped text")
		assert.NotContains(t, low, "<img")
		assert.NotContains(t, low, `href="javascript:`)
	}
	assert.Contains(t, page, `<html lang="en">`, "an invalid page language falls back to en")
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
}

func TestNoDates(t *testing.T) {
	tl := timeline.New("", "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	evs := seed.Events()
	for i := range evs {
		evs[i].Date = event.Date{}
		evs[i].Status = event.Planned
	}
	fuzztext.MustAdd(t, tl, evs...)
	out := encode(t, tl, htmlpage.Options{})
	assert.Contains(t, out, ">Undated</h2>")
	assert.Contains(t, out, "<h1>Timeline</h1>")
	wellFormed(t, encodeSVG(t, tl, htmlpage.Options{}))
}

func TestSynthWellFormed(t *testing.T) {
	tl := synthTimeline(t, 2000)
	svg := encodeSVG(t, tl, htmlpage.Options{})
	wellFormed(t, svg)
	assert.Equal(t, 30, lanes(svg))
	assert.Contains(t, svg, "left out")
	page := encode(t, tl, htmlpage.Options{Lanes: htmlpage.LanesByState, MaxLanes: 10})
	checkBalanced(t, page)
	checkHeadings(t, page)
	assert.Equal(t, 2000, strings.Count(page, "<article "))
}

func synthTimeline(tb testing.TB, n int) *timeline.Timeline {
	tb.Helper()
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := timeline.New("Synthetic", "")
	require.NoError(tb, tl.AddActors(actors...))
	fuzztext.MustAdd(tb, tl, events...)
	return tl
}

// BenchmarkEncode10k encodes 10,000 synthetic events as a page and, as
// the peer its speed is measured against, as a JSON document with
// jsondoc.Encode. The ratio benchmark encodes both in turn, three times
// each in each iteration, so that both see the same load on the machine,
// and reports the page's time per the JSON document's: html/json, of the
// least times on the clock, the least disturbed by other programs, and
// html/json-cpu, of the CPU time the process used for each in all (where
// the system tells it), which the time other programs hold the processors
// does not count.
func BenchmarkEncode10k(b *testing.B) {
	tl := synthTimeline(b, 10000)
	page := func(w *bytes.Buffer) error { return errOf(htmlpage.Encode(w, tl, nil)) }
	json := func(w *bytes.Buffer) error { return errOf(jsondoc.Encode(w, tl, nil)) }
	b.Run("HTML", func(b *testing.B) { benchEncode(b, page) })
	b.Run("JSON", func(b *testing.B) { benchEncode(b, json) })
	b.Run("ratio", func(b *testing.B) {
		type times struct{ least, cpu time.Duration }
		var buf bytes.Buffer
		measure := func(t *times, encode func(*bytes.Buffer) error) {
			buf.Reset()
			start, cpu := time.Now(), cpuTime()
			require.NoError(b, encode(&buf))
			t.cpu += cpuTime() - cpu
			if d := time.Since(start); t.least == 0 || d < t.least {
				t.least = d
			}
		}
		var tPage, tJSON times
		for b.Loop() {
			for range 3 {
				measure(&tPage, page)
				measure(&tJSON, json)
			}
		}
		b.ReportMetric(float64(tPage.least)/float64(tJSON.least), "html/json")
		if tJSON.cpu > 0 {
			b.ReportMetric(float64(tPage.cpu)/float64(tJSON.cpu), "html/json-cpu")
		}
	})
}

func benchEncode(b *testing.B, encode func(*bytes.Buffer) error) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		require.NoError(b, encode(&buf))
	}
	b.SetBytes(int64(buf.Len()))
}

// tags returns the markup tags of out: every "<" starts one, since text is
// escaped.
func tags(out string) []string {
	var ts []string
	for i := strings.IndexByte(out, '<'); i >= 0; {
		j := strings.IndexByte(out[i:], '>')
		if j < 0 {
			ts = append(ts, out[i:])
			break
		}
		ts = append(ts, out[i:i+j+1])
		k := strings.IndexByte(out[i+j:], '<')
		if k < 0 {
			break
		}
		i += j + k
	}
	return ts
}

// TestDetail: the seed's events crowd into one day of a 34-year span, so
// the page adds a second picture of that period, with day ticks and its
// own element IDs.
func TestDetail(t *testing.T) {
	page := encode(t, seedTimeline(t), htmlpage.Options{})
	assert.Equal(t, 2, strings.Count(page, "<svg "), "overview and detail")
	assert.Contains(t, page, "Detail: 3 November 2025 to 10 November 2025")
	assert.Contains(t, page, ">6 Nov</text>")
	assert.Contains(t, page, `id="tl-detail-title"`)
	assert.Contains(t, page, "1 event outside this period", "the relations of 1992")
	for _, id := range []string{`id="tl-title"`, `id="tl-detail-title"`} {
		assert.Equal(t, 1, strings.Count(page, id), "IDs are unique in the page")
	}
}

// brokenWriter accepts n bytes, then fails, counting the writes after
// the first that failed.
type brokenWriter struct {
	n      int
	broken bool
	after  int
}

func (b *brokenWriter) Write(p []byte) (int, error) {
	if b.broken {
		b.after++
		return 0, os.ErrClosed
	}
	if len(p) > b.n {
		b.broken = true
		n := b.n
		b.n = 0
		return n, os.ErrClosed
	}
	b.n -= len(p)
	return len(p), nil
}

// TestWriteError: the first error writing is returned, wrapped, from
// the start of the page or from its middle, and the page stops there.
func TestWriteError(t *testing.T) {
	tl := synthTimeline(t, 2000)
	page, svg := encode(t, tl, htmlpage.Options{}), encodeSVG(t, tl, htmlpage.Options{})
	for _, n := range []int{0, 100, len(svg) / 2, len(page) / 2, len(page) - 1} {
		w := &brokenWriter{n: n}
		_, err := htmlpage.Encode(w, tl, nil)
		require.ErrorIs(t, err, os.ErrClosed, "after %d bytes", n)
		assert.ErrorContains(t, err, "htmlpage: ")
		assert.Zero(t, w.after, "no write after the first error")
		if n < len(svg) {
			_, err = htmlpage.EncodeSVG(&brokenWriter{n: n}, tl, nil)
			require.ErrorIs(t, err, os.ErrClosed, "SVG after %d bytes", n)
		}
	}
}

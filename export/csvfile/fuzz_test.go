package csvfile_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/timeline"
)

// FuzzEncode reads the CSV as Python's csv module does, keeping line
// breaks inside cells, and checks that it holds the header and one row of
// the same width, that no cell starts a formula, and that the title and
// the quote read back as written, with every line break as CR LF.
func FuzzEncode(f *testing.F) {
	fuzztext.FuzzEverywhere(f, func(t *testing.T, s string, tl *timeline.Timeline) {
		var b bytes.Buffer
		if _, err := csvfile.Encode(&b, tl, nil); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		records, err := readCSV(b.Bytes())
		if err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, b.String())
		}
		if len(records) != 2 {
			t.Fatalf("got %d records, want 2\n%q", len(records), b.String())
		}
		if len(records[0]) != len(csvfile.Columns()) || len(records[1]) != len(records[0]) {
			t.Fatalf("got %d and %d columns, want %d", len(records[0]), len(records[1]), len(csvfile.Columns()))
		}
		for i, cell := range records[1] {
			if formula(cell) {
				t.Errorf("column %s starts a formula: %q", csvfile.Columns()[i], cell)
			}
		}
		for e := range tl.All() {
			for col, text := range map[int]string{10: e.Title, 16: e.Sources[0].Quotes[0].Text} {
				want := crlf(text)
				if formula(want) {
					want = "'" + want
				}
				if got := records[1][col]; got != want {
					t.Errorf("column %s reads %q, want %q", csvfile.Columns()[col], got, want)
				}
			}
		}
	})
}

// readCSV reads b as RFC 4180 CSV the way Python's csv module does, and
// not Go's encoding/csv: a quoted cell keeps its line breaks byte for
// byte, CR LF included. It is stricter than both: records end in CR LF,
// and a quote may appear only around a cell or doubled inside one.
func readCSV(b []byte) ([][]string, error) {
	var records [][]string
	var record []string
	var cell []byte
	for i := 0; i < len(b); {
		if b[i] == '"' {
			i++
			for {
				if i >= len(b) {
					return nil, errors.New("unterminated quoted cell")
				}
				if b[i] == '"' {
					if i+1 < len(b) && b[i+1] == '"' {
						cell = append(cell, '"')
						i += 2
						continue
					}
					i++
					break
				}
				cell = append(cell, b[i])
				i++
			}
		} else {
			for i < len(b) && b[i] != ',' && b[i] != '\r' && b[i] != '\n' {
				if b[i] == '"' {
					return nil, errors.New("quote inside an unquoted cell")
				}
				cell = append(cell, b[i])
				i++
			}
		}
		record = append(record, string(cell))
		cell = cell[:0]
		switch {
		case i < len(b) && b[i] == ',':
			i++
			if i == len(b) {
				return nil, errors.New("no line end after the last cell")
			}
		case i+1 < len(b) && b[i] == '\r' && b[i+1] == '\n':
			records = append(records, record)
			record = nil
			i += 2
		default:
			return nil, errors.New("a cell ends in neither a comma nor CR LF")
		}
	}
	if record != nil {
		return nil, errors.New("no CR LF after the last record")
	}
	return records, nil
}

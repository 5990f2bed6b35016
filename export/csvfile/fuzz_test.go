package csvfile_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/accordline/accordline/export/csvfile"
	"github.com/accordline/accordline/export/internal/fuzztext"
)

// FuzzEncode checks that the CSV parses into the header and one row of the
// same width, and that no cell starts a formula.
func FuzzEncode(f *testing.F) {
	for _, s := range fuzztext.Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tl := fuzztext.Timeline(t, s)
		var b bytes.Buffer
		if err := csvfile.Encode(&b, tl); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		records, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, b.String())
		}
		if len(records) != 2 {
			t.Fatalf("got %d records, want 2\n%q", len(records), b.String())
		}
		if len(records[0]) != len(csvfile.Header) || len(records[1]) != len(records[0]) {
			t.Fatalf("got %d and %d columns, want %d", len(records[0]), len(records[1]), len(csvfile.Header))
		}
		for i, cell := range records[1] {
			if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
				t.Errorf("column %s starts a formula: %q", csvfile.Header[i], cell)
			}
		}
	})
}

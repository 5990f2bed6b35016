package jsondoc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export/internal/fuzztext"
)

// outcome is what decoding gives, in words: the timeline encoded, the
// report, and the problems.
func outcome(t testing.TB, data []byte, opts *DecodeOptions, split int64) string {
	tl, rep, err := decode(bytes.NewReader(data), opts, split)
	var b strings.Builder
	fmt.Fprintf(&b, "report %+v\nerror %v\n", rep, err)
	if tl != nil {
		if _, err := Encode(&b, tl, nil); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// synthDocument encodes n synthetic events, indented or not.
func synthDocument(t testing.TB, seed uint64, n int, indent string) []byte {
	var b bytes.Buffer
	_, err := Encode(&b, fuzztext.Synthetic(t, seed, n), &Options{Indent: indent})
	require.NoError(t, err)
	return b.Bytes()
}

// TestSplitAsWhole reads documents in two halves at once and in one
// piece, and finds the same: valid documents, compact and indented, and
// documents with problems in the first half, the second, or where the
// halves meet, and a comma that only looks like one between events.
func TestSplitAsWhole(t *testing.T) {
	for _, indent := range []string{"", "  "} {
		doc := synthDocument(t, 5, 600, indent)
		mid := len(doc) / 2
		cases := map[string][]byte{"valid": doc}
		// A problem in each half, and one at the guessed comma.
		for name, at := range map[string]int{"first": len(doc) / 4, "second": 3 * len(doc) / 4, "middle": mid} {
			i := bytes.Index(doc[at:], []byte(`"status":`))
			require.GreaterOrEqual(t, i, 0)
			bad := bytes.Clone(doc)
			copy(bad[at+i:], `"stat0s":`)
			cases["problem in "+name] = bad
		}
		// A syntax error in the second half.
		bad := bytes.Clone(doc)
		bad[3*len(doc)/4] = '\x01'
		cases["syntax"] = bad
		// Too many events for the limit, counted over both halves.
		cases["limit"] = doc
		for name, data := range cases {
			opts := &DecodeOptions{}
			if name == "limit" {
				opts.MaxEvents = 599
			}
			whole := outcome(t, data, opts, 0)
			require.Equal(t, whole, outcome(t, data, opts, 1), "%s, indent %q", name, indent)
		}
	}
}

// TestSplitGuessesWrong gives the reader a document whose middle comes
// before a comma that looks like one between events but is inside one.
func TestSplitGuessesWrong(t *testing.T) {
	doc := `{"format":"accordline/timeline","version":1,"title":"t","actors":[],"events":[` +
		`{"description":"` + strings.Repeat("a", 1000) + `","x":[{},{"id":1}]},{"id":"y"}]}`
	d := &decoder{scanner: newScanner(strings.NewReader(doc), DecodeOptions{}, "document"), split: 1}
	d.document()
	require.False(t, d.halves)
	require.Positive(t, eventBoundary([]byte(doc), len(doc)/2, len(doc)))
	require.Equal(t, outcome(t, []byte(doc), nil, 0), outcome(t, []byte(doc), nil, 1))
}

func TestEventBoundary(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{`[{"id":1},{"id":2}]`, 9},
		{"[{\"id\":1} ,\n\t{ \"id\":2}]", 10},
		{`[{"id":1},{"di":2}]`, -1},
		{`[{"a":"},{\"id\""}]`, -1}, // in a string, where quotes are escaped
		{`[1,{"id":2}]`, -1},
		{`{"id":2}`, -1},
	} {
		require.Equal(t, c.want, eventBoundary([]byte(c.in), 0, len(c.in)), c.in)
	}
}

// TestSplitReadsInTwo checks that a large valid document is read in two,
// so that TestSplitAsWhole tests the split and not only its fallback.
func TestSplitReadsInTwo(t *testing.T) {
	doc := synthDocument(t, 5, 600, "")
	d := &decoder{scanner: newScanner(bytes.NewReader(doc), DecodeOptions{}, "document"), split: 1}
	d.document()
	require.Empty(t, d.errs)
	require.True(t, d.halves, "the halves were not used")
}

// FuzzSplitAsWhole reads each input in two halves at once and in one
// piece and requires the same outcome.
func FuzzSplitAsWhole(f *testing.F) {
	// Small documents: the fuzzer stalls on documents of tens of
	// kilobytes, and grows these. TestSplitAsWhole reads large ones.
	events := `{"id":"10000000-0000-4000-8000-000000000001","kind":"statement","status":"occurred","title":"A","date":"2025-11-06","participants":[{"actor":"KZ","role":"speaker"}]},` +
		`{"id":"10000000-0000-4000-8000-000000000002","kind":"phone-call","status":"occurred","title":"B","date":"2025-11","participants":[{"actor":"KZ","role":"caller"},{"actor":"US","role":"recipient"}]},` +
		`{"id":"10000000-0000-4000-8000-000000000003","kind":"statement","status":"announced","title":"C","date":"2025-11-07/..","participants":[{"actor":"US","role":"speaker"}]}`
	actors := `[{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"},{"id":"US","type":"state","name":"United States","country":"US"}]`
	f.Add([]byte(`{"format":"accordline/timeline","version":1,"title":"t","actors":` + actors + `,"events":[` + events + `]}`))
	f.Add([]byte("{\n \"format\": \"accordline/timeline\",\n \"version\": 1,\n \"title\": \"t\",\n \"actors\": " + actors +
		",\n \"events\": [\n  " + strings.ReplaceAll(events, "},{", "},\n  {") + "\n ]\n}\n"))
	// The events before the actors, and a comma after the events that
	// looks like one between them.
	f.Add([]byte(`{"format":"accordline/timeline","version":1,"title":"t","events":[{"id":"x"}],"actors":[{"id":"a"},{"id":"b"}]}`))
	f.Add([]byte(`{"format":"accordline/timeline","version":1,"title":"t","actors":[],"events":[{"id":"x"},{"id":"y"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := &DecodeOptions{MaxErrors: 20}
		if whole, split := outcome(t, data, opts, 0), outcome(t, data, opts, 1); whole != split {
			t.Fatalf("in one piece:\n%s\nin two:\n%s", whole, split)
		}
	})
}

// TestSplitFromFile reads a document of more than a megabyte from a file,
// which tells its size through Stat: in two halves, as from memory.
func TestSplitFromFile(t *testing.T) {
	doc := synthDocument(t, 6, 2500, "")
	require.Greater(t, len(doc), splitMin)
	path := filepath.Join(t.TempDir(), "timeline.json")
	require.NoError(t, os.WriteFile(path, doc, 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	d := &decoder{scanner: newScanner(f, DecodeOptions{}, "document"), split: splitMin}
	d.document()
	require.Empty(t, d.errs)
	require.True(t, d.halves, "the halves were not used")

	_, err = f.Seek(0, io.SeekStart)
	require.NoError(t, err)
	tl, _, err := Decode(f, nil)
	require.NoError(t, err)
	var got bytes.Buffer
	_, err = Encode(&got, tl, nil)
	require.NoError(t, err)
	require.Equal(t, string(doc), got.String())
}

package jsondoc_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// goldenDir is the repository's top-level testdata directory.
const goldenDir = "../../testdata"

// seedDescription is the description the golden seed timeline carries.
const seedDescription = "Kazakhstan joins the Abraham Accords"

// newSeedTimeline builds the timeline of the seed data set, adding actors
// and events in the given orders.
func newSeedTimeline(t testing.TB, actors []event.Actor, events []event.Event) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(seed.Title, seedDescription)
	require.NoError(t, tl.AddActors(actors...))
	fuzztext.MustAdd(t, tl, events...)
	return tl
}

func goldenSeedTimeline(t testing.TB) *timeline.Timeline {
	return newSeedTimeline(t, seed.Actors(), seed.Events())
}

// tb is what the helpers need of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	FailNow()
}

// encodeDocument encodes tl as a document, compact when indent is "".
func encodeDocument(t tb, tl *timeline.Timeline, indent string) []byte {
	t.Helper()
	var b bytes.Buffer
	_, err := jsondoc.Encode(&b, tl, &jsondoc.Options{Indent: indent})
	require.NoError(t, err)
	return b.Bytes()
}

// encodeJSONLines encodes tl as a JSON Lines stream.
func encodeJSONLines(t tb, tl *timeline.Timeline) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, errOf(jsondoc.EncodeLines(&b, tl, nil)))
	return b.Bytes()
}

// timelineParts is everything a timeline holds that the formats carry.
type timelineParts struct {
	Title, Description string
	Actors             []event.Actor
	Events             []event.Event
}

func partsOf(tl *timeline.Timeline) timelineParts {
	p := timelineParts{Title: tl.Title(), Description: tl.Description(), Actors: slices.Collect(tl.Actors())}
	for e := range tl.All() {
		p.Events = append(p.Events, e)
	}
	return p
}

// sameTimeline reports whether two timelines hold the same title,
// description, actors and events, compared with reflect.DeepEqual.
func sameTimeline(a, b *timeline.Timeline) bool {
	return reflect.DeepEqual(partsOf(a), partsOf(b))
}

// requireSameTimeline fails the test, naming the first difference, unless
// got holds what want holds.
func requireSameTimeline(t tb, want, got *timeline.Timeline) {
	t.Helper()
	require.NotNil(t, got)
	w, g := partsOf(want), partsOf(got)
	require.Equal(t, w.Title, g.Title, "title")
	require.Equal(t, w.Description, g.Description, "description")
	require.Len(t, g.Actors, len(w.Actors), "number of actors")
	for i := range w.Actors {
		if !reflect.DeepEqual(w.Actors[i], g.Actors[i]) {
			require.Equal(t, w.Actors[i], g.Actors[i], "actor %d", i)
		}
	}
	require.Len(t, g.Events, len(w.Events), "number of events")
	for i := range w.Events {
		if !reflect.DeepEqual(w.Events[i], g.Events[i]) {
			require.Equal(t, w.Events[i], g.Events[i], "event %d (%s)", i, w.Events[i].Title)
		}
	}
	require.True(t, reflect.DeepEqual(w, g))
}

// goldenFiles are the golden files of the seed timeline and how each is
// written.
var goldenFiles = []struct {
	name   string
	encode func(tb, *timeline.Timeline) []byte
	decode func([]byte) (*timeline.Timeline, error)
}{
	{"seed.json",
		func(t tb, tl *timeline.Timeline) []byte { return encodeDocument(t, tl, "  ") },
		func(b []byte) (*timeline.Timeline, error) {
			return dropReport(jsondoc.Decode(bytes.NewReader(b), nil))
		}},
	{"seed.compact.json",
		func(t tb, tl *timeline.Timeline) []byte { return encodeDocument(t, tl, "") },
		func(b []byte) (*timeline.Timeline, error) {
			return dropReport(jsondoc.Decode(bytes.NewReader(b), nil))
		}},
	{"seed.jsonl",
		encodeJSONLines,
		func(b []byte) (*timeline.Timeline, error) {
			return dropReport(jsondoc.DecodeLines(bytes.NewReader(b), nil))
		}},
}

// TestGolden compares the encodings of the seed timeline with the golden
// files, and decodes each golden file back to the seed timeline.
func TestGolden(t *testing.T) {
	tl := goldenSeedTimeline(t)
	for _, g := range goldenFiles {
		t.Run(g.name, func(t *testing.T) {
			path := filepath.Join(goldenDir, g.name)
			got := g.encode(t, tl)
			if *fuzztext.Update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				t.Logf("wrote %s (%d bytes)", path, len(got))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run with -update to create the golden files")
			if !bytes.Equal(want, got) {
				assert.Equal(t, string(want), string(got), "%s is out of date; run with -update after checking the change", path)
				return
			}
			back, err := g.decode(want)
			require.NoError(t, err)
			requireSameTimeline(t, tl, back)
			assert.Equal(t, want, g.encode(t, back), "re-encoding the decoded golden file")
		})
	}
}

// TestGoldenShape checks properties of the golden files that the format
// promises, independently of their exact bytes.
func TestGoldenShape(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(goldenDir, name))
		require.NoError(t, err, "run with -update to create the golden files")
		return b
	}
	indented, compact, lines := read("seed.json"), read("seed.compact.json"), read("seed.jsonl")

	// Documents end with exactly one newline; the compact one is one line.
	for _, b := range [][]byte{indented, compact, lines} {
		require.True(t, bytes.HasSuffix(b, []byte("}\n")))
		require.False(t, bytes.HasSuffix(b, []byte("\n\n")))
	}
	assert.Equal(t, 1, bytes.Count(compact, []byte("\n")))
	assert.True(t, bytes.HasPrefix(compact, []byte(`{"format":"accordline/timeline","version":1,"title":"„Ein Bund der Stärke“`)))
	assert.True(t, bytes.HasPrefix(indented, []byte("{\n  \"format\": \"accordline/timeline\",\n  \"version\": 1,\n  \"title\": ")))
	assert.Contains(t, string(indented), "\n  \"actors\": [\n    {\n      \"id\": \"IL\",\n      \"type\": \"state\",")

	// The indented document is the compact one with whitespace added.
	var squeezed []byte
	inString := false
	for i := 0; i < len(indented); i++ {
		c := indented[i]
		switch {
		case inString && c == '\\':
			squeezed = append(squeezed, c, indented[i+1])
			i++
			continue
		case c == '"':
			inString = !inString
		case !inString && (c == ' ' || c == '\n'):
			continue
		}
		squeezed = append(squeezed, c)
	}
	assert.Equal(t, string(bytes.TrimSuffix(compact, []byte("\n"))), string(squeezed))

	// JSON Lines: a header, 17 actors, 15 events; each line an object.
	ls := bytes.Split(bytes.TrimSuffix(lines, []byte("\n")), []byte("\n"))
	require.Len(t, ls, 1+len(seed.Actors())+len(seed.Events()))
	assert.Equal(t, `{"format":"accordline/lines","version":1,"title":"„Ein Bund der Stärke“ – Trump gibt bekannt, dass Kasachstan dem Abraham-Abkommen beigetreten ist","description":"Kazakhstan joins the Abraham Accords"}`, string(ls[0]))
	for i, l := range ls[1:] {
		if i < len(seed.Actors()) {
			assert.True(t, bytes.HasPrefix(l, []byte(`{"actor":{"id":`)), "line %d", i+2)
		} else {
			assert.True(t, bytes.HasPrefix(l, []byte(`{"event":{"id":`)), "line %d", i+2)
		}
	}
	// Each event record is the event object of the compact document.
	tl := goldenSeedTimeline(t)
	i := 1 + len(seed.Actors())
	for e := range tl.All() {
		obj := jsondoc.AppendEvent(nil, &e)
		assert.Equal(t, `{"event":`+string(obj)+`}`, string(ls[i]))
		assert.Contains(t, string(compact), string(obj))
		i++
	}
	for a := range tl.Actors() {
		assert.Contains(t, string(compact), string(jsondoc.AppendActor(nil, &a)))
	}

	// Codes derived from the kind are written, and empty fields are not.
	assert.Contains(t, string(indented), "\"kind\": \"phone-call\",\n      \"cameo\": \"041\",\n      \"plover\": {\n        \"type\": \"CONSULT\",\n        \"mode\": \"phone\"\n      },")
	assert.Contains(t, string(indented), "\"kind\": \"statement\",\n      \"cameo\": \"010\",\n      \"status\": \"occurred\",")
	assert.NotContains(t, string(compact), `""`)
	assert.NotContains(t, string(compact), `[]`)
	assert.NotContains(t, string(compact), `{}`)
	assert.Contains(t, string(compact), `"date":"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]"`)
	assert.Contains(t, string(compact), `"date":"2025-11-06/.."`)
	assert.Contains(t, string(compact), `"coordinates":{"lat":38.8977,"lon":-77.0365}`)
}

// TestEncodeDeterministic encodes the same timeline twice, and timelines
// built from the seed actors and events added in other orders, and expects
// the same bytes each time.
func TestEncodeDeterministic(t *testing.T) {
	tl := goldenSeedTimeline(t)
	want := map[string][]byte{
		"compact":  encodeDocument(t, tl, ""),
		"indented": encodeDocument(t, tl, "  "),
		"tabs":     encodeDocument(t, tl, "\t"),
		"lines":    encodeJSONLines(t, tl),
	}
	check := func(t *testing.T, tl *timeline.Timeline) {
		t.Helper()
		assert.Equal(t, string(want["compact"]), string(encodeDocument(t, tl, "")))
		assert.Equal(t, string(want["indented"]), string(encodeDocument(t, tl, "  ")))
		assert.Equal(t, string(want["tabs"]), string(encodeDocument(t, tl, "\t")))
		assert.Equal(t, string(want["lines"]), string(encodeJSONLines(t, tl)))
	}
	t.Run("same timeline again", func(t *testing.T) {
		for range 3 {
			check(t, tl)
		}
	})
	t.Run("reversed", func(t *testing.T) {
		actors, events := seed.Actors(), seed.Events()
		slices.Reverse(actors)
		slices.Reverse(events)
		check(t, newSeedTimeline(t, actors, events))
	})
	t.Run("shuffled", func(t *testing.T) {
		for s := range uint64(10) {
			r := rand.New(rand.NewPCG(s, 7))
			actors, events := seed.Actors(), seed.Events()
			r.Shuffle(len(actors), func(i, j int) { actors[i], actors[j] = actors[j], actors[i] })
			r.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
			check(t, newSeedTimeline(t, actors, events))
		}
	})
	t.Run("one at a time", func(t *testing.T) {
		tl := timeline.New(seed.Title, seedDescription)
		for _, a := range seed.Actors() {
			require.NoError(t, tl.AddActors(a))
		}
		events := seed.Events()
		slices.Reverse(events)
		for _, e := range events {
			fuzztext.MustAdd(t, tl, e)
		}
		check(t, tl)
	})
	t.Run("names maps with many languages", func(t *testing.T) {
		// Maps are written sorted by tag, whatever their iteration order.
		a := event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ", Names: map[string]string{
			"de": "Kasachstan", "ru": "Казахстан", "ar": "كازاخستان", "fr": "Kazakhstan", "zh-Hant": "哈薩克", "en-US": "Kazakhstan"}}
		want := `{"id":"KZ","type":"state","name":"Kazakhstan","names":{"ar":"كازاخستان","de":"Kasachstan","en-US":"Kazakhstan","fr":"Kazakhstan","ru":"Казахстан","zh-Hant":"哈薩克"},"country":"KZ"}`
		for range 20 {
			assert.Equal(t, want, string(jsondoc.AppendActor(nil, &a)))
		}
	})
}

// TestEncodeEmptyTimeline writes a timeline without actors or events:
// empty lists are left out, and the title is always written.
func TestEncodeEmptyTimeline(t *testing.T) {
	tl := timeline.New("", "")
	assert.Equal(t, `{"format":"accordline/timeline","version":1,"title":""}`+"\n", string(encodeDocument(t, tl, "")))
	assert.Equal(t, "{\n  \"format\": \"accordline/timeline\",\n  \"version\": 1,\n  \"title\": \"\"\n}\n", string(encodeDocument(t, tl, "  ")))
	assert.Equal(t, `{"format":"accordline/lines","version":1,"title":""}`+"\n", string(encodeJSONLines(t, tl)))

	back, _, err := jsondoc.Decode(bytes.NewReader(encodeDocument(t, tl, "")), nil)
	require.NoError(t, err)
	requireSameTimeline(t, tl, back)
	back, _, err = jsondoc.DecodeLines(bytes.NewReader(encodeJSONLines(t, tl)), nil)
	require.NoError(t, err)
	requireSameTimeline(t, tl, back)
}

// failingWriter fails after n bytes.
type failingWriter struct {
	n   int
	err error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, w.err
	}
	w.n -= len(p)
	return len(p), nil
}

// TestEncodeWriteError returns the writer's error from Encode and
// EncodeLines, for small and large outputs.
func TestEncodeWriteError(t *testing.T) {
	errDisk := os.ErrClosed
	small := goldenSeedTimeline(t)
	large := synthTimeline(t, 1, 1000)
	for name, tl := range map[string]*timeline.Timeline{"seed": small, "synth": large} {
		size := len(encodeDocument(t, tl, ""))
		for _, n := range []int{0, 10, size / 2, size - 1} {
			assert.ErrorIs(t, errOf(jsondoc.Encode(&failingWriter{n: n, err: errDisk}, tl, nil)), errDisk, "%s: Encode failing after %d bytes", name, n)
			assert.ErrorIs(t, errOf(jsondoc.EncodeLines(&failingWriter{n: n, err: errDisk}, tl, nil)), errDisk, "%s: EncodeLines failing after %d bytes", name, n)
		}
	}
}

// TestLineWriter writes a stream record by record.
func TestLineWriter(t *testing.T) {
	actors := seed.Actors()
	events := seed.Events()
	var b bytes.Buffer
	lw := jsondoc.NewLineWriter(&b, "T", "")
	require.NoError(t, lw.WriteActor(&actors[0]))
	assert.Zero(t, b.Len(), "buffered until Flush")
	require.NoError(t, lw.WriteEvent(&events[0]))
	assert.ErrorIs(t, lw.WriteActor(&actors[1]), jsondoc.ErrOrder)
	require.NoError(t, lw.Flush())
	assert.Equal(t, `{"format":"accordline/lines","version":1,"title":"T"}`+"\n"+
		`{"actor":`+string(jsondoc.AppendActor(nil, &actors[0]))+"}\n"+
		`{"event":`+string(jsondoc.AppendEvent(nil, &events[0]))+"}\n", b.String())

	// A stream with nothing in it still has its header.
	b.Reset()
	require.NoError(t, jsondoc.NewLineWriter(&b, "Empty", "with a description").Flush())
	assert.Equal(t, `{"format":"accordline/lines","version":1,"title":"Empty","description":"with a description"}`+"\n", b.String())
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

// dropReport returns what a reader returns but its report: JSON carries
// every event, so the report only counts them.
func dropReport(tl *timeline.Timeline, _ export.Report, err error) (*timeline.Timeline, error) {
	return tl, err
}

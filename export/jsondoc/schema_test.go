package jsondoc_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// compiledSchemas are the schemas of the package, compiled once: the
// document and record schemas, and some of their definitions on their own.
type compiledSchemas struct {
	document, record   *jsonschema.Schema
	date, language, id *jsonschema.Schema
}

var loadCompiledSchemas = sync.OnceValues(func() (*compiledSchemas, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for id, b := range map[string][]byte{
		jsondoc.DocumentSchemaID: jsondoc.DocumentSchema(),
		jsondoc.RecordSchemaID:   jsondoc.RecordSchema(),
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		if err := c.AddResource(id, doc); err != nil {
			return nil, err
		}
	}
	var s compiledSchemas
	for loc, dst := range map[string]**jsonschema.Schema{
		jsondoc.DocumentSchemaID:                         &s.document,
		jsondoc.RecordSchemaID:                           &s.record,
		jsondoc.DocumentSchemaID + "#/$defs/edtfDate":    &s.date,
		jsondoc.DocumentSchemaID + "#/$defs/languageTag": &s.language,
		jsondoc.DocumentSchemaID + "#/$defs/actorId":     &s.id,
	} {
		sch, err := c.Compile(loc)
		if err != nil {
			return nil, fmt.Errorf("compile %s: %w", loc, err)
		}
		*dst = sch
	}
	return &s, nil
})

func compiledSchema(t testing.TB) *compiledSchemas {
	t.Helper()
	s, err := loadCompiledSchemas()
	require.NoError(t, err)
	return s
}

// schemaCheck returns the error of validating the JSON text b against sch,
// or nil when b is valid.
func schemaCheck(sch *jsonschema.Schema, b []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// validateDocument fails the test when doc, the JSON text of a document, is
// not valid by the document schema.
func validateDocument(t testing.TB, doc []byte) {
	t.Helper()
	if err := schemaCheck(compiledSchema(t).document, doc); err != nil {
		t.Errorf("document not valid by its schema: %v", err)
	}
}

// validateRecord fails the test when line, one JSON Lines record, is not
// valid by the record schema.
func validateRecord(t testing.TB, line []byte) {
	t.Helper()
	if err := schemaCheck(compiledSchema(t).record, line); err != nil {
		t.Errorf("record %.200s not valid by its schema: %v", line, err)
	}
}

func seedTimelineForSchema(t testing.TB) *timeline.Timeline {
	return fuzztext.SeedTimelineDescribed(t, "The events of the article, with\ntheir actors and quotes.")
}

func synthTimelineForSchema(t testing.TB, s uint64) *timeline.Timeline {
	t.Helper()
	actors, events := synth.Generate(synth.Config{Seed: s, Events: 2000})
	tl := timeline.New(fmt.Sprintf("Synthetic timeline %d", s), "")
	require.NoError(t, tl.AddActors(actors...))
	fuzztext.MustAdd(t, tl, events...)
	return tl
}

func encodeForSchema(t testing.TB, tl *timeline.Timeline, indent string) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := jsondoc.Encode(&buf, tl, &jsondoc.Options{Indent: indent})
	require.NoError(t, err)
	return buf.Bytes()
}

var synthSchemaSeeds = []uint64{1, 2, 42}

func TestSchemaFilesEmbedded(t *testing.T) {
	for file, got := range map[string]func() []byte{
		"schema/document.schema.json": jsondoc.DocumentSchema,
		"schema/record.schema.json":   jsondoc.RecordSchema,
	} {
		want, err := os.ReadFile(file)
		require.NoError(t, err)
		b := got()
		assert.True(t, bytes.Equal(want, b), "%s: embedded schema differs from the file", file)
		// Each call returns a copy of its own.
		b[0] = 'x'
		assert.True(t, bytes.Equal(want, got()), "%s: changing the result changed the schema", file)
	}
}

// schemaJSON returns a schema decoded as plain JSON values.
func schemaJSON(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

func TestSchemaIDs(t *testing.T) {
	for id, b := range map[string][]byte{
		jsondoc.DocumentSchemaID: jsondoc.DocumentSchema(),
		jsondoc.RecordSchemaID:   jsondoc.RecordSchema(),
	} {
		m := schemaJSON(t, b)
		assert.Equal(t, id, m["$id"])
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", m["$schema"])
	}
	compiledSchema(t) // both compile, and the record schema's references resolve
}

// schemaWords returns the String forms of vocabulary values.
func schemaWords[T fmt.Stringer](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

// TestSchemaVocabularies checks that the enums of the schema are exactly
// the words of the Go vocabularies, in declaration order.
func TestSchemaVocabularies(t *testing.T) {
	defs := schemaJSON(t, jsondoc.DocumentSchema())["$defs"].(map[string]any)
	enum := func(def string) any { return defs[def].(map[string]any)["enum"] }
	assert.Equal(t, schemaWords(event.Kinds()), enum("kind"))
	assert.Equal(t, schemaWords(event.Statuses()), enum("status"))
	assert.Equal(t, schemaWords(event.Roles()), enum("role"))
	assert.Equal(t, schemaWords(event.ActorTypes()), enum("actorType"))
	assert.Equal(t, schemaWords(event.LinkTypes()), enum("linkType"))
	assert.Equal(t, schemaWords(event.SuccessionKinds()), enum("successionKind"))

	types, modes := map[any]bool{}, map[any]bool{}
	for _, k := range event.Kinds() {
		typ, mode := k.PLOVER()
		if typ != "" {
			types[typ] = true
		}
		if mode != "" {
			modes[mode] = true
		}
	}
	plover := defs["plover"].(map[string]any)["properties"].(map[string]any)
	setOf := func(v any) map[any]bool {
		m := map[any]bool{}
		for _, w := range v.([]any) {
			m[w] = true
		}
		return m
	}
	assert.Equal(t, types, setOf(plover["type"].(map[string]any)["enum"]), "PLOVER types")
	assert.Equal(t, modes, setOf(plover["mode"].(map[string]any)["enum"]), "PLOVER modes")
}

// schemaMinimalEvent returns the JSON of an event with only the required
// fields, and the CAMEO code and PLOVER object when not empty.
func schemaMinimalEvent(kind, cameo, plover string) string {
	s := `{"id":"6f9619ff-8b86-4d11-b42d-00c04fc964ff","kind":"` + kind + `","status":"planned","title":"T"`
	if cameo != "" {
		s += `,"cameo":"` + cameo + `"`
	}
	if plover != "" {
		s += `,"plover":` + plover
	}
	return s + "}"
}

func schemaPlover(k event.Kind) string {
	typ, mode := k.PLOVER()
	switch {
	case typ == "":
		return ""
	case mode == "":
		return `{"type":"` + typ + `"}`
	}
	return `{"type":"` + typ + `","mode":"` + mode + `"}`
}

func schemaDocumentWith(events ...string) []byte {
	return []byte(`{"format":"accordline/timeline","version":1,"title":"T","events":[` + strings.Join(events, ",") + `]}`)
}

// TestSchemaKindCodes checks the CAMEO codes and PLOVER objects the schema
// allows with each kind: those of the kind, each alone or both, and none
// of another kind.
func TestSchemaKindCodes(t *testing.T) {
	doc := compiledSchema(t).document
	type codes struct{ cameo, plover string }
	var all []codes
	for _, k := range event.Kinds() {
		c := codes{k.CAMEO(), schemaPlover(k)}
		if !slices.Contains(all, c) {
			all = append(all, c)
		}
	}
	for _, k := range event.Kinds() {
		own := codes{k.CAMEO(), schemaPlover(k)}
		for _, c := range []codes{{}, {own.cameo, ""}, {"", own.plover}, own} {
			assert.NoError(t, schemaCheck(doc, schemaDocumentWith(schemaMinimalEvent(k.String(), c.cameo, c.plover))), "%s with %v", k, c)
		}
		for _, c := range all {
			if c.cameo != own.cameo {
				assert.Error(t, schemaCheck(doc, schemaDocumentWith(schemaMinimalEvent(k.String(), c.cameo, ""))), "%s with CAMEO %s", k, c.cameo)
			}
			if c.plover != own.plover && c.plover != "" {
				assert.Error(t, schemaCheck(doc, schemaDocumentWith(schemaMinimalEvent(k.String(), "", c.plover))), "%s with PLOVER %s", k, c.plover)
			}
		}
		if own.plover == "" {
			assert.Error(t, schemaCheck(doc, schemaDocumentWith(schemaMinimalEvent(k.String(), "", `{"type":"CONSULT"}`))), "%s with a PLOVER type", k)
		} else if !strings.Contains(own.plover, "mode") {
			p := strings.TrimSuffix(own.plover, "}") + `,"mode":"visit"}`
			assert.Error(t, schemaCheck(doc, schemaDocumentWith(schemaMinimalEvent(k.String(), "", p))), "%s with a PLOVER mode", k)
		}
	}
}

func TestSchemaSeedDocument(t *testing.T) {
	tl := seedTimelineForSchema(t)
	for _, indent := range []string{"", "  ", "\t"} {
		validateDocument(t, encodeForSchema(t, tl, indent))
	}
	validateDocument(t, encodeForSchema(t, timeline.New("", ""), ""))
}

func TestSchemaSynthDocuments(t *testing.T) {
	for _, s := range synthSchemaSeeds {
		tl := synthTimelineForSchema(t, s)
		validateDocument(t, encodeForSchema(t, tl, ""))
		validateDocument(t, encodeForSchema(t, tl, "  "))
	}
}

// schemaRecord returns the JSON Lines record {"key": obj}.
func schemaRecord(key string, obj []byte) []byte {
	b := append([]byte(`{"`+key+`":`), obj...)
	return append(b, '}')
}

func TestSchemaRecords(t *testing.T) {
	validateRecord(t, []byte(`{"format":"accordline/lines","version":1,"title":"T"}`))
	validateRecord(t, []byte(`{"format":"accordline/lines","version":1,"title":"T","description":"D"}`))
	tls := []*timeline.Timeline{seedTimelineForSchema(t)}
	for _, s := range synthSchemaSeeds {
		tls = append(tls, synthTimelineForSchema(t, s))
	}
	for _, tl := range tls {
		for a := range tl.Actors() {
			validateRecord(t, schemaRecord("actor", jsondoc.AppendActor(nil, &a)))
		}
		for e := range tl.All() {
			validateRecord(t, schemaRecord("event", jsondoc.AppendEvent(nil, &e)))
		}
	}
}

// TestSchemaLineStream checks every line that EncodeLines writes.
func TestSchemaLineStream(t *testing.T) {
	for _, tl := range []*timeline.Timeline{seedTimelineForSchema(t), synthTimelineForSchema(t, 7)} {
		var buf bytes.Buffer
		require.NoError(t, errOf(jsondoc.EncodeLines(&buf, tl, nil)))
		sc := bufio.NewScanner(&buf)
		sc.Buffer(nil, 1<<20)
		n := 0
		for sc.Scan() {
			validateRecord(t, sc.Bytes())
			n++
		}
		require.NoError(t, sc.Err())
		assert.Equal(t, 1+tl.NumActors()+tl.Len(), n, "lines")
	}
}

// schemaSeedDocument returns the compact seed document as plain JSON values.
func schemaSeedDocument(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(encodeForSchema(t, seedTimelineForSchema(t), ""), &m))
	return m
}

func schemaObjects(v any) []map[string]any {
	var out []map[string]any
	for _, o := range v.([]any) {
		out = append(out, o.(map[string]any))
	}
	return out
}

// schemaFirstWith returns the first object of the list v that has every key.
func schemaFirstWith(t *testing.T, v any, keys ...string) map[string]any {
	t.Helper()
	for _, o := range schemaObjects(v) {
		if !slices.ContainsFunc(keys, func(k string) bool { _, ok := o[k]; return !ok }) {
			return o
		}
	}
	t.Fatalf("no object with %v", keys)
	return nil
}

func TestSchemaRejectsDocuments(t *testing.T) {
	eventWith := func(t *testing.T, doc map[string]any, keys ...string) map[string]any {
		return schemaFirstWith(t, doc["events"], keys...)
	}
	actorOf := func(t *testing.T, doc map[string]any, typ string) map[string]any {
		for _, a := range schemaObjects(doc["actors"]) {
			if a["type"] == typ {
				return a
			}
		}
		t.Fatalf("no %s", typ)
		return nil
	}
	cases := []struct {
		name   string
		mutate func(t *testing.T, doc map[string]any)
	}{
		{"unknown top-level key", func(t *testing.T, doc map[string]any) { doc["generator"] = "x" }},
		{"unknown event key", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["location"] = "Washington" }},
		{"unknown key in a place", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc, "place")["place"].(map[string]any)["street"] = "x"
		}},
		{"unknown actor key", func(t *testing.T, doc map[string]any) { actorOf(t, doc, "state")["capital"] = "Astana" }},
		{"wrong format", func(t *testing.T, doc map[string]any) { doc["format"] = "accordline/lines" }},
		{"version 2", func(t *testing.T, doc map[string]any) { doc["version"] = 2 }},
		{"version as a string", func(t *testing.T, doc map[string]any) { doc["version"] = "1" }},
		{"missing title", func(t *testing.T, doc map[string]any) { delete(doc, "title") }},
		{"missing format", func(t *testing.T, doc map[string]any) { delete(doc, "format") }},
		{"events not an array", func(t *testing.T, doc map[string]any) { doc["events"] = map[string]any{} }},
		{"missing event title", func(t *testing.T, doc map[string]any) { delete(eventWith(t, doc), "title") }},
		{"blank event title", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["title"] = "  " }},
		{"line break in event title", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["title"] = "a\nb" }},
		{"missing event id", func(t *testing.T, doc map[string]any) { delete(eventWith(t, doc), "id") }},
		{"bad event id", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["id"] = "event-1" }},
		{"missing kind", func(t *testing.T, doc map[string]any) { delete(eventWith(t, doc), "kind") }},
		{"wrong kind word", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["kind"] = "call" }},
		{"kind in another case", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["kind"] = "Phone-Call" }},
		{"wrong status word", func(t *testing.T, doc map[string]any) { eventWith(t, doc)["status"] = "done" }},
		{"missing status", func(t *testing.T, doc map[string]any) { delete(eventWith(t, doc), "status") }},
		{"bad date", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "date")["date"] = "2025/13/01" }},
		{"date with a day out of range", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "date")["date"] = "2025-11-31" }},
		{"empty date", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "date")["date"] = "" }},
		{"date as a number", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "date")["date"] = 2025 }},
		{"cameo of two digits", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "cameo")["cameo"] = "41" }},
		{"cameo of another kind", func(t *testing.T, doc map[string]any) {
			e := eventWith(t, doc, "cameo")
			e["cameo"] = map[bool]string{true: "057", false: "041"}[e["cameo"] != "057"]
		}},
		{"plover type HUG", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc, "plover")["plover"].(map[string]any)["type"] = "HUG"
		}},
		{"plover without type", func(t *testing.T, doc map[string]any) {
			delete(eventWith(t, doc, "plover")["plover"].(map[string]any), "type")
		}},
		{"plover as a string", func(t *testing.T, doc map[string]any) { eventWith(t, doc, "plover")["plover"] = "CONSULT" }},
		{"participant role boss", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "participants")["participants"])[0]["role"] = "boss"
		}},
		{"participant without role", func(t *testing.T, doc map[string]any) {
			delete(schemaObjects(eventWith(t, doc, "participants")["participants"])[0], "role")
		}},
		{"participant with a bad actor ID", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "participants")["participants"])[0]["actor"] = "Donald Trump"
		}},
		{"duplicate participant", func(t *testing.T, doc map[string]any) {
			e := eventWith(t, doc, "participants")
			p := e["participants"].([]any)
			e["participants"] = append(p, p[0])
		}},
		{"duplicate tag", func(t *testing.T, doc map[string]any) {
			e := eventWith(t, doc, "tags")
			tags := e["tags"].([]any)
			e["tags"] = append(tags, tags[0])
		}},
		{"titles keyed by a bad tag", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc)["titles"] = map[string]any{"de_DE": "Titel"}
		}},
		{"blank name in titles", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc)["titles"] = map[string]any{"de": ""}
		}},
		{"lower-case place country", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc, "place")["place"].(map[string]any)["country"] = "us"
		}},
		{"latitude out of range", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc, "place")["place"].(map[string]any)["coordinates"] = map[string]any{"lat": 91, "lon": 0}
		}},
		{"coordinates without lon", func(t *testing.T, doc map[string]any) {
			eventWith(t, doc, "place")["place"].(map[string]any)["coordinates"] = map[string]any{"lat": 1}
		}},
		{"instrument without name", func(t *testing.T, doc map[string]any) {
			delete(eventWith(t, doc, "instrument")["instrument"].(map[string]any), "name")
		}},
		{"source with an ftp URL", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "sources")["sources"])[0]["url"] = "ftp://example.com/a"
		}},
		{"source published on a bad date", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "sources")["sources"])[0]["published"] = "6 November 2025"
		}},
		{"quote without text", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "sources")["sources"])[0]["quotes"] = []any{map[string]any{"lang": "de"}}
		}},
		{"quote translation language without translation", func(t *testing.T, doc map[string]any) {
			schemaObjects(eventWith(t, doc, "sources")["sources"])[0]["quotes"] = []any{map[string]any{"text": "Hallo", "translationLang": "en"}}
		}},
		{"link of an unknown type", func(t *testing.T, doc map[string]any) {
			e := eventWith(t, doc)
			e["links"] = []any{map[string]any{"type": "causes", "target": "6f9619ff-8b86-4d11-b42d-00c04fc964ff"}}
		}},
		{"link to the nil UUID", func(t *testing.T, doc map[string]any) {
			e := eventWith(t, doc)
			e["links"] = []any{map[string]any{"type": "follows", "target": "00000000-0000-0000-0000-000000000000"}}
		}},
		{"actor of an unknown type", func(t *testing.T, doc map[string]any) { actorOf(t, doc, "person")["type"] = "human" }},
		{"actor ID with a space", func(t *testing.T, doc map[string]any) { actorOf(t, doc, "person")["id"] = "donald trump" }},
		{"state without a country", func(t *testing.T, doc map[string]any) { delete(actorOf(t, doc, "state"), "country") }},
		{"actor without a name", func(t *testing.T, doc map[string]any) { delete(actorOf(t, doc, "person"), "name") }},
		{"bad Wikidata ID", func(t *testing.T, doc map[string]any) { actorOf(t, doc, "state")["wikidata"] = "Q0232" }},
		{"blank alias", func(t *testing.T, doc map[string]any) { actorOf(t, doc, "state")["aliases"] = []any{" "} }},
	}
	sch := compiledSchema(t).document
	base := schemaSeedDocument(t)
	b, err := json.Marshal(base)
	require.NoError(t, err)
	require.NoError(t, schemaCheck(sch, b), "the unchanged seed document")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := schemaSeedDocument(t)
			tc.mutate(t, doc)
			b, err := json.Marshal(doc)
			require.NoError(t, err)
			assert.Error(t, schemaCheck(sch, b))
		})
	}
}

func TestSchemaRejectsRecords(t *testing.T) {
	tl := seedTimelineForSchema(t)
	a, _ := tl.Actor(seed.Kazakhstan)
	actor := jsondoc.AppendActor(nil, &a)
	var ev []byte
	for e := range tl.All() {
		ev = jsondoc.AppendEvent(nil, &e)
		break
	}
	sch := compiledSchema(t).record
	for _, line := range []string{
		`{"format":"accordline/lines","version":2,"title":"T"}`,
		`{"format":"accordline/timeline","version":1,"title":"T"}`,
		`{"format":"accordline/lines","version":1}`,
		`{"format":"accordline/lines","version":1,"title":"T","events":[]}`,
		`{}`,
		`[]`,
		`{"actor":` + string(actor) + `,"event":` + string(ev) + `}`,
		`{"actors":[` + string(actor) + `]}`,
		`{"event":` + string(actor) + `}`,
		`{"actor":` + string(ev) + `}`,
		`{"event":` + strings.Replace(string(ev), `"kind":"`, `"kind":"x`, 1) + `}`,
		`{"actor":` + strings.Replace(string(actor), `"id":"KZ"`, `"id":"K Z"`, 1) + `}`,
	} {
		assert.Error(t, schemaCheck(sch, []byte(line)), "%.120s", line)
	}
}

// The date forms of the ParseDate documentation and its tests, which the
// schema must accept.
var schemaValidDates = []string{
	"1992", "0000", "9999", "-0044", "-9999", "Y10000", "Y-10000", "Y170000", "Y-170000", "Y5000000", "Y-5000000",
	"Y17000-01", "Y-10000-02-29", "Y10000-24", "Y12345-XX-XX?", "Y10000-01-01T00:00:00Z",
	"2025-11", "2025-11-06", "2024-02-29", "-0044-03-15", "2001-21", "2001-24", "-0001-24",
	"201X", "20XX", "2XXX", "0XXX", "-201X", "-1XXX", "-001X", "2004-XX", "1985-04-XX", "1985-XX-XX",
	"2025-11-06T20:00:00", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30-04", "1985-04-12T23:20:30+04:30",
	"1985-04-12T00:00:00+00:00", "1985-04-12T00:00:00-00:30", "1985-04-12T23:59:59+23:59",
	"2025-11-06T20:00:00-05:00[America/New_York]", "2025-11-06T20:00:00+00:00[UTC]", "2025-11-06T20:00:00-05:00[Etc/GMT+5]",
	"1984?", "2004-06~", "2004-06-11%", "2001-21~", "201X?", "Y-170000%", "2025-11-06T20:00:00-05:00~",
	"2025-11-06T20:00:00Z?", "2025-11-06T20:00:00-05:00[America/New_York]%",
	"1964/2008", "2004-02-01/2005-02", "201X/2025", "Y-10000/Y10000",
	"2025-11-06/..", "../1985-04-12", "1985-04-12/", "/1985", "1984-06-02?/2004-08-08~",
	"../..", "/", "/..", "../",
	"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]",
	"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07T02:00:00+01:00[Europe/Paris]~",
	"2025-11-06/2025-11-06T08:00:00",
}

// Syntax the parser rejects and the schema's pattern must reject as well.
// (Leap days, zone names and the order of interval ends are left to the
// parser.)
var schemaInvalidDates = []string{
	"", "2025/13/01", "2025-13", "2025-00", "2025-25", "2025-11-00", "2025-11-32", "2025-02-30", "2025-04-31",
	"2025-11-06T24:00:00", "2025-11-06T23:60:00", "2025-11-06T20:00:00+24:00", "2025-11-06T20:00:00+05:60",
	"-0000", "-0XXX", "-000X", "Y2025", "Y-9999", "Y012345", "Y17000X", "y17000", "Y5000001", "12025", "202", "+2025",
	"1985-XX-12", "201X-05", "XXXX", "X025", "20X5", "201x", "2025-11-1X", "2025-21-01",
	"20251106", "2025-1", "2025-11-6", "06/11/2025", "2025-11-06T20:00", "2025-11-06T20:00:00.5",
	"2025-11-06t20:00:00", "2025-11-06 20:00:00", "2025-11-06T20:00:00Z[Europe/Paris]", "2025-11-06T20:00:00[Europe/Paris]",
	"..", "./.", ".../", "/...", "//", "2025-11-06/2025-11-07/2025-11-08", "2025-11-06??", "~2025",
}

func TestSchemaDates(t *testing.T) {
	sch := compiledSchema(t).date
	for _, s := range schemaValidDates {
		_, err := event.ParseDate(s)
		require.NoError(t, err, s)
		assert.NoError(t, schemaCheck(sch, schemaQuote(s)), "%q", s)
	}
	for _, s := range schemaInvalidDates {
		_, err := event.ParseDate(s)
		require.Error(t, err, s)
		assert.Error(t, schemaCheck(sch, schemaQuote(s)), "%q", s)
	}
}

// TestSchemaDatesMutated checks, on random edits of valid dates, that the
// schema accepts every date the parser accepts.
func TestSchemaDatesMutated(t *testing.T) {
	sch := compiledSchema(t).date
	schemaCheckMutations(t, schemaValidDates, "0123456789-X/.T:Z+?~%Y[]_", 20_000, func(s string) bool {
		_, err := event.ParseDate(s)
		return err == nil
	}, func(s string) bool { return schemaCheck(sch, schemaQuote(s)) == nil })
}

// TestSchemaLanguageTags checks, on random edits of valid tags, that the
// schema accepts every tag that event.ValidLanguage accepts.
func TestSchemaLanguageTags(t *testing.T) {
	sch := compiledSchema(t).language
	tags := []string{"de", "en-US", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901", "ar-EG-u-nu-latn",
		"en-a-bbb-x-a-ccc", "x-private", "i-klingon", "en-GB-oed", "sgn-CH-DE", "zh-min-nan", "ja-Latn-hepburn", "yue", "und"}
	for _, tag := range tags {
		require.True(t, event.ValidLanguage(tag), tag)
		assert.NoError(t, schemaCheck(sch, schemaQuote(tag)), tag)
	}
	for _, tag := range []string{"", "de_DE", "en US", "e", "en-", "-en", "abcdefghi", "en--US", "de-x", strings.Repeat("a-", 40) + "a"} {
		require.False(t, event.ValidLanguage(tag), tag)
		assert.Error(t, schemaCheck(sch, schemaQuote(tag)), "%q", tag)
	}
	schemaCheckMutations(t, tags, "abcdefghijklmnopqrstuvwxyzAXZ0123456789-_", 20_000, event.ValidLanguage,
		func(s string) bool { return schemaCheck(sch, schemaQuote(s)) == nil })
}

func TestSchemaActorIDs(t *testing.T) {
	sch := compiledSchema(t).id
	for _, id := range []string{"KZ", "kassym-jomart-tokayev", "a", "x.y:z_1", strings.Repeat("a", 128)} {
		require.True(t, event.ActorID(id).Valid(), id)
		assert.NoError(t, schemaCheck(sch, schemaQuote(id)), id)
	}
	for _, id := range []string{"", "a b", "ä", "a/b", strings.Repeat("a", 129)} {
		require.False(t, event.ActorID(id).Valid(), id)
		assert.Error(t, schemaCheck(sch, schemaQuote(id)), "%q", id)
	}
}

func schemaQuote(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// schemaCheckMutations edits the seeds at random, one to three characters
// at a time from alphabet, n times, and fails when goAccepts accepts an
// edit that schemaAccepts rejects.
func schemaCheckMutations(t *testing.T, seeds []string, alphabet string, n int, goAccepts, schemaAccepts func(string) bool) {
	t.Helper()
	r := rand.New(rand.NewPCG(20251106, 1))
	missed := map[string]bool{}
	accepted := 0
	for range n {
		s := []byte(seeds[r.IntN(len(seeds))])
		for range 1 + r.IntN(3) {
			c := alphabet[r.IntN(len(alphabet))]
			switch i := r.IntN(len(s) + 1); r.IntN(3) {
			case 0:
				if i < len(s) {
					s[i] = c
				}
			case 1:
				s = slices.Insert(s, i, c)
			default:
				if i < len(s) {
					s = slices.Delete(s, i, i+1)
				}
			}
		}
		if !goAccepts(string(s)) {
			continue
		}
		accepted++
		if !schemaAccepts(string(s)) {
			missed[string(s)] = true
		}
	}
	assert.Empty(t, slices.Sorted(maps.Keys(missed)), "accepted in Go, rejected by the schema")
	assert.Greater(t, accepted, n/20, "too few edits accepted to be a test")
}

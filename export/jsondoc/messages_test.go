package jsondoc_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
)

// The tests of this file hold the error messages to what a reader of them
// needs: where the value is, one problem per mistake, a place named for
// every problem, and values cut by one rule.

// TestPositionOfValidatedFields: problems that validation finds after
// reading (an unknown actor, a latitude, a URL, text, a link to the event
// itself) point at the value, not at the event that holds it, in compact
// documents and in JSON Lines records as in indented documents.
func TestPositionOfValidatedFields(t *testing.T) {
	const actors = `"actors":[{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"},{"id":"US","type":"state","name":"United States","country":"US"}]`
	const id = "00000000-0000-4000-8000-000000000001"
	cases := []struct {
		name, event, path, at string
		is                    error
	}{
		{"unknown actor", `"kind":"phone-call","status":"planned","title":"Call","participants":[{"actor":"KZ","role":"caller"},{"actor":"nobody","role":"recipient"}]`,
			"participants[1].actor", `"nobody"`, event.ErrUnknownActor},
		{"latitude", `"kind":"statement","status":"planned","title":"S","place":{"coordinates":{"lon":1,"lat":91}},"participants":[{"actor":"KZ","role":"speaker"}]`,
			"place.coordinates.lat", `91}`, event.ErrOutOfRange},
		{"URL", `"kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],"sources":[{"publisher":"P"},{"url":"ftp://example.org"}]`,
			"sources[1].url", `"ftp://example.org"`, event.ErrInvalidURL},
		{"text", `"kind":"statement","status":"planned","title":"S","description":"bell\u0007","participants":[{"actor":"KZ","role":"speaker"}]`,
			"description", `"bell\u0007"`, event.ErrInvalidText},
		{"link to itself", `"kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],"links":[{"type":"follows","target":"` + id + `"}]`,
			"links[0].target", `"` + id + `"}`, event.ErrSelfLink},
		{"quote speaker", `"kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],"sources":[{"quotes":[{"text":"a"},{"text":"b","speaker":"nobody"}]}]`,
			"sources[0].quotes[1].speaker", `"nobody"`, event.ErrUnknownActor},
		{"tag", `"kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],"tags":["a"," "]`,
			"tags[1]", `" "`, event.ErrRequired},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := `{"id":"` + id + `",` + c.event + `}`
			doc := `{"format":"accordline/timeline","version":1,"title":"T",` + actors + `,` + "\n" + `"events":[` + "\n" + ev + `]}`
			checkProblems(t, doc, decodeErrors(t, doc, nil), []want{{path: "events[0]." + c.path, line: 3, value: valueOf(t, doc, c.at), is: c.is, at: c.at}})

			in := joinLines(lHeader, lKZ, lUS, `{"event":`+ev+`}`)
			_, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
			checkProblems(t, in, lineProblems(t, err), []want{{path: "event." + c.path, line: 4, value: valueOf(t, in, c.at), is: c.is, at: c.at}})
		})
	}
}

// valueOf returns the value an error gives for the JSON text at, which
// must occur in doc: the string it quotes, or the number.
func valueOf(t *testing.T, doc, at string) string {
	t.Helper()
	require.Contains(t, doc, at)
	v := strings.TrimRight(at, "}")
	if s, ok := strings.CutPrefix(v, `"`); ok {
		v = strings.TrimSuffix(s, `"`)
		v = strings.ReplaceAll(v, `\u0007`, "\a")
	}
	return v
}

// TestNoCascade: one mistake is one problem. Events that are not objects
// are not taken for one event given twice, and an actor with a problem of
// its own does not make every event that names it refer to an unknown
// actor.
func TestNoCascade(t *testing.T) {
	head := `{"format":"accordline/timeline","version":1,"title":"T",`
	t.Run("nulls", func(t *testing.T) {
		doc := head + `"events":[null,null,null]}`
		list := decodeErrors(t, doc, nil)
		require.Len(t, list, 3, "%v", list)
		for i, e := range list {
			assert.ErrorIs(t, e, jsondoc.ErrType)
			assert.NotErrorIs(t, e, jsondoc.ErrDuplicateID)
			assert.Equal(t, "events["+string(rune('0'+i))+"]", e.Path)
		}
	})
	t.Run("empty objects and other types", func(t *testing.T) {
		doc := head + `"events":[{},{},1,"x",[]]}`
		list := decodeErrors(t, doc, nil)
		assert.NotErrorIs(t, list, jsondoc.ErrDuplicateID, "%v", list)
		assert.Len(t, list, 2*4+3, "four missing members of each empty event, and three wrong types: %v", list)
	})
	t.Run("events with problems and without IDs", func(t *testing.T) {
		ev := `{"id":"` + nilUUID + `","kind":"statement","status":"planned","title":"S","x":1}`
		doc := head + `"events":[` + ev + `,` + ev + `]}`
		list := decodeErrors(t, doc, nil)
		assert.NotErrorIs(t, list, jsondoc.ErrDuplicateID, "%v", list)
		assert.Len(t, list, 2)
	})
	t.Run("the same ID twice is still reported", func(t *testing.T) {
		ev := `{"id":"00000000-0000-4000-8000-000000000001","kind":"statement","status":"planned","title":"S","x":1}`
		doc := head + `"events":[` + ev + `,` + ev + `]}`
		list := decodeErrors(t, doc, nil)
		assert.ErrorIs(t, list, jsondoc.ErrDuplicateID, "%v", list)
		assert.Len(t, list, 3)
	})
	t.Run("actor with a problem", func(t *testing.T) {
		for _, actor := range []string{
			`{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ","flag":"none"}`,    // unknown key
			`{"id":"KZ","type":"country","name":"Kazakhstan","country":"KZ"}`,                // unknown type
			`{"id":"KZ","type":"state","name":"Kazakhstan","country":"KAZ"}`,                 // invalid
			`{"id":"KZ","type":"state","country":"KZ"}`,                                      // no name
			`{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ","names":{"de":1}}`, // wrong type
			`{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ","wikidata":"Q0"}`,  // invalid
			`{"id":"KZ","type":"organization","name":"Kazakhstan"}`,                          // valid, the wrong type for the role
		} {
			doc := head + `"actors":[` + actor + `],"events":[{"id":"` + nilUUID + `","kind":"treaty-accession","status":"planned","title":"A",` +
				`"participants":[{"actor":"KZ","role":"acceding-party"}],"instrument":{"id":"i","name":"I"}}]}`
			list := decodeErrors(t, doc, nil)
			require.Len(t, list, 1, "%s: %v", actor, list)
			if strings.Contains(actor, "organization") {
				assert.ErrorIs(t, list[0], event.ErrWrongActorType)
				continue
			}
			assert.NotErrorIs(t, list, event.ErrUnknownActor, "%s", actor)
			assert.True(t, strings.HasPrefix(list[0].Path, "actors[0]"), "%s: %v", actor, list)
		}
	})
	t.Run("actors that are not an array", func(t *testing.T) {
		doc := head + `"actors":{"id":"KZ"},"events":[{"id":"` + nilUUID + `","kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}]}]}`
		list := decodeErrors(t, doc, nil)
		require.Len(t, list, 1, "%v", list)
		assert.ErrorIs(t, list[0], jsondoc.ErrType)
	})
	t.Run("JSON Lines", func(t *testing.T) {
		// The stream's reader goes on after a bad line and returns only
		// valid records: an event that names an actor whose line was
		// skipped is skipped too, and says why.
		in := joinLines(lHeader, strings.Replace(lKZ, `"country"`, `"flag":"none","country"`, 1), lUS, lCall)
		_, errs := readAll(t, jsondoc.NewLineReader(strings.NewReader(in), nil))
		require.Len(t, errs, 2)
		list := lineProblems(t, errs[1])
		require.Len(t, list, 1)
		assert.ErrorIs(t, list[0], event.ErrUnknownActor)
		assert.Contains(t, list[0].Error(), `"KZ": unknown actor: line 2 gives it, with problems`)
	})
}

// TestEveryProblemSaysWhere: every problem of every reader names a path or
// the part of the input it concerns ("document", "header", "record",
// "stream", "event", "actor") and a line, however broken the input.
func TestEveryProblemSaysWhere(t *testing.T) {
	errRead := errors.New("connection reset")
	many := `{"format":"accordline/timeline","version":1,"title":"T","a":1,"b":2,"c":3,"d":4}`
	documents := map[string]struct {
		r    io.Reader
		opts *jsondoc.DecodeOptions
	}{
		"empty":              {strings.NewReader(""), nil},
		"blank":              {strings.NewReader(" \n "), nil},
		"array":              {strings.NewReader("[]"), nil},
		"null":               {strings.NewReader("null"), nil},
		"empty object":       {strings.NewReader("{}"), nil},
		"byte order mark":    {strings.NewReader("\ufeff{}"), nil},
		"UTF-16":             {strings.NewReader("\xff\xfe{\x00}\x00"), nil},
		"trailing garbage":   {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T"} x`), nil},
		"other format":       {strings.NewReader(`{"format":"x","version":2,"title":"T"}`), nil},
		"too deep":           {strings.NewReader(strings.Repeat("[", 100)), nil},
		"too large":          {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T"}`), &jsondoc.DecodeOptions{MaxBytes: 10}},
		"read error":         {io.MultiReader(strings.NewReader(`{"format":`), iotest.ErrReader(errRead)), nil},
		"unterminated":       {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T`), nil},
		"problems cut":       {strings.NewReader(many), &jsondoc.DecodeOptions{MaxErrors: 2}},
		"too many events":    {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T","events":[{},{}]}`), &jsondoc.DecodeOptions{MaxEvents: 1}},
		"nulls":              {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T","events":[null,null],"actors":[null]}`), nil},
		"long string":        {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"` + strings.Repeat("x", 100) + `"}`), &jsondoc.DecodeOptions{MaxString: 10}},
		"long number":        {strings.NewReader(`{"format":"accordline/timeline","version":` + strings.Repeat("1", 100) + `,"title":"T"}`), nil},
		"validation cut off": {strings.NewReader(`{"format":"accordline/timeline","version":1,"title":"T","actors":[{"id":"A","type":"state","name":"\u0007"},{"id":"B","type":"state","name":"\u0007"}]}`), &jsondoc.DecodeOptions{MaxErrors: 1}},
	}
	for name, c := range documents {
		_, _, err := jsondoc.Decode(c.r, c.opts)
		requireWhere(t, "Decode: "+name, err)
	}
	streams := map[string]struct {
		in   string
		opts *jsondoc.DecodeOptions
	}{
		"empty":           {"", nil},
		"header array":    {"[]\n", nil},
		"header missing":  {"{}\n", nil},
		"byte order mark": {"\ufeff" + lHeader + "\n", nil},
		"record empty":    {joinLines(lHeader, "{}"), nil},
		"record array":    {joinLines(lHeader, "[]"), nil},
		"record broken":   {joinLines(lHeader, `{"event":`), nil},
		"record both":     {joinLines(lHeader, `{"actor":{},"event":{}}`), nil},
		"line too long":   {joinLines(lHeader, lCall), &jsondoc.DecodeOptions{MaxBytes: int64(len(lHeader))}},
		"too many events": {joinLines(lHeader, lKZ, lUS, lCall, lVisit), &jsondoc.DecodeOptions{MaxEvents: 1}},
		"too many actors": {joinLines(lHeader, lKZ, lUS), &jsondoc.DecodeOptions{MaxActors: 1}},
		"problems cut":    {joinLines(lHeader, "{}", "{}", "{}"), &jsondoc.DecodeOptions{MaxErrors: 2}},
		"duplicate event": {joinLines(lHeader, lKZ, lUS, lCall, lCall), nil},
		"actor after":     {joinLines(lHeader, lKZ, lUS, lCall, lKZ), nil},
	}
	for name, c := range streams {
		_, _, err := jsondoc.DecodeLines(strings.NewReader(c.in), c.opts)
		requireWhere(t, "DecodeLines: "+name, err)
		lr := jsondoc.NewLineReader(strings.NewReader(c.in), c.opts)
		for range 10 {
			if _, err := lr.Next(); err == io.EOF {
				break
			} else if err != nil {
				requireWhere(t, "LineReader: "+name, err)
			}
		}
	}
	_, _, err := jsondoc.DecodeLines(io.MultiReader(strings.NewReader(lHeader+"\n"), iotest.ErrReader(errRead)), nil)
	requireWhere(t, "DecodeLines: read error", err)
	for _, in := range []string{"", "null", "{}", `{"id":1}`, "{} x"} {
		_, err := jsondoc.DecodeEvent([]byte(in), nil)
		requireWhere(t, "DecodeEvent: "+in, err)
		_, err = jsondoc.DecodeActor([]byte(in), nil)
		requireWhere(t, "DecodeActor: "+in, err)
	}
}

// requireWhere requires err to be an ErrorList whose every problem has a
// path and a line.
func requireWhere(t *testing.T, name string, err error) {
	t.Helper()
	var list event.ErrorList
	require.ErrorAs(t, err, &list, "%s: %v", name, err)
	for _, e := range list {
		assert.NotEmpty(t, e.Path, "%s: %v", name, e)
		assert.Positive(t, e.Line, "%s: %v", name, e)
	}
}

// TestOneRuleForLongValues: every message cuts a long value as
// event.FieldError does (event.QuoteValue: 64 bytes and the length), the
// values found while reading and those validation finds alike, and the
// words a vocabulary does not know.
func TestOneRuleForLongValues(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	quoted := event.QuoteValue(long)
	require.Less(t, len(quoted), 100)
	event := func(member string) string {
		return `{"format":"accordline/timeline","version":1,"title":"T","actors":[{"id":"KZ","type":"state","name":"K","country":"KZ"}],"events":[` +
			`{"id":"` + nilUUID + `","kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],` + member + `}]}`
	}
	for name, doc := range map[string]string{
		"unknown key":        event(`"` + long + `":1`),
		"wrong type":         event(`"order":"` + long + `"`),
		"unknown word":       strings.Replace(event(`"tags":["t"]`), `"statement"`, `"`+long+`"`, 1),
		"bad date":           event(`"date":"` + long + `"`),
		"bad URL":            event(`"sources":[{"url":"https://` + long + `/ x"}]`),
		"unknown actor":      event(`"sources":[{"quotes":[{"text":"q","speaker":"` + long + `"}]}]`),
		"duplicate language": event(`"titles":{"` + long + `":"a","` + long + `":"b"}`),
		"invalid language":   event(`"titles":{"` + long + `":"a"}`),
	} {
		list := decodeErrors(t, doc, nil)
		for _, e := range list {
			msg := e.Error()
			// The longest message lists every known kind after the cut word.
			assert.Less(t, len(msg), 1000, "%s: a message of %d bytes", name, len(msg))
			assert.NotContains(t, msg, strings.Repeat("x", 65), "%s: the value is cut at 64 bytes", name)
			if strings.Contains(msg, "xxxx") {
				assert.Contains(t, msg, "bytes)", "%s: a cut value gives its length: %s", name, msg)
			}
		}
	}
	// The first of the limits (MaxString) is what a message shows of a
	// string too long to be read.
	list := decodeErrors(t, event(`"description":"`+long+`"`), &jsondoc.DecodeOptions{MaxString: 1000})
	require.Len(t, list, 1)
	assert.Contains(t, list[0].Error(), `"… (1001 bytes): string too long: more than 1000 bytes`)
	// A number too long is cut by the same rule.
	list = decodeErrors(t, event(`"order":`+strings.Repeat("9", 1000)), nil)
	require.Len(t, list, 1)
	assert.Contains(t, list[0].Error(), `order: "`+strings.Repeat("9", 64)+`"… (65 bytes): string too long: a number of more than 64 characters`)
	_ = bytes.MinRead
}

// TestLocatingIsLinear: locating the problems of one element walks it
// once, whatever their number: a document whose one event has 200,000
// duplicate tags, every one a problem, is reported at once (it took
// minutes when each problem was located by a walk of its own).
func TestLocatingIsLinear(t *testing.T) {
	const n = 200_000
	tags := strings.Repeat(`"t",`, n) + `"t"`
	ev := `{"id":"` + nilUUID + `","kind":"statement","status":"planned","title":"S","participants":[{"actor":"KZ","role":"speaker"}],"tags":[` + tags + `]}`
	doc := `{"format":"accordline/timeline","version":1,"title":"T","actors":[{"id":"KZ","type":"state","name":"K","country":"KZ"}],"events":[` + ev + `]}`
	in := joinLines(lHeader, lKZ, `{"event":`+ev+`}`)
	done := make(chan struct{})
	go func() {
		defer close(done)
		list := decodeErrors(t, doc, nil)
		require.Len(t, list, 1001, "MaxErrors and the note")
		assert.Equal(t, "events[0].tags[1]", list[0].Path)
		assert.Equal(t, int64(strings.Index(doc, `"t",`)+4), list[0].Offset)
		assert.ErrorContains(t, list[1000], "199000 more not reported")
		_, _, err := jsondoc.DecodeLines(strings.NewReader(in), nil)
		lines := lineProblems(t, err)
		require.Len(t, lines, 1001)
		assert.Equal(t, "event.tags[1]", lines[0].Path)
		assert.ErrorContains(t, lines[1000], "199000 more not reported")
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("locating 200,000 problems takes more than a minute")
	}
}

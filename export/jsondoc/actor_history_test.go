package jsondoc_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// historyActors are actors with every field of actors through time.
func historyActors() []event.Actor {
	return []event.Actor{
		{ID: "SU", Type: event.State, Name: "Soviet Union", Country: "SU",
			Period:  event.MustParseDate("1922-12-30/1991-12-26"),
			History: []event.Name{{Text: "Союз Советских Социалистических Республик", Lang: "ru", Period: event.MustParseDate("1922-12-30/1991-12-26")}}},
		{ID: "RU", Type: event.State, Name: "Russia", Country: "RU",
			Period:       event.MustParseDate("1991-12-25/.."),
			Predecessors: []event.Succession{{Actor: "SU", Kind: event.Continuation}}},
		{ID: "james-baker", Type: event.Person, Name: "James A. Baker III", Country: "US",
			Offices: []event.Office{
				{Title: "Secretary of State", Of: "US", Period: event.MustParseDate("1989-01-25/1992-08-23")},
				{Title: "White House Chief of Staff"},
			}},
	}
}

func TestActorHistoryRoundTrip(t *testing.T) {
	tl := timeline.New("T", "")
	require.NoError(t, tl.AddActors(historyActors()...))
	for _, enc := range []struct {
		name   string
		encode func(*bytes.Buffer) error
		decode func(*bytes.Buffer) (*timeline.Timeline, error)
	}{
		{"document", func(b *bytes.Buffer) error { _, err := jsondoc.Encode(b, tl, nil); return err },
			func(b *bytes.Buffer) (*timeline.Timeline, error) {
				tl, _, err := jsondoc.Decode(b, nil)
				return tl, err
			}},
		{"lines", func(b *bytes.Buffer) error { _, err := jsondoc.EncodeLines(b, tl, nil); return err },
			func(b *bytes.Buffer) (*timeline.Timeline, error) {
				tl, _, err := jsondoc.DecodeLines(b, nil)
				return tl, err
			}},
	} {
		t.Run(enc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, enc.encode(&b))
			s := b.String()
			assert.Contains(t, s, `"period":"1922-12-30/1991-12-26"`)
			assert.Contains(t, s, `"predecessors":[{"actor":"SU","kind":"continuation"}]`)
			assert.Contains(t, s, `"offices":[{"title":"Secretary of State","of":"US","period":"1989-01-25/1992-08-23"},{"title":"White House Chief of Staff"}]`)
			back, err := enc.decode(&b)
			require.NoError(t, err)
			for _, want := range historyActors() {
				got, ok := back.Actor(want.ID)
				require.True(t, ok)
				assert.Equal(t, want, got)
			}
			assert.Equal(t, []event.Succession{{Actor: "RU", Kind: event.Continuation}}, back.Successors("SU"))
		})
	}
	a := historyActors()[0]
	got, err := jsondoc.DecodeActor(jsondoc.AppendActor(nil, &a), nil)
	require.NoError(t, err)
	assert.Equal(t, a, got)
}

func TestActorHistoryDecodeErrors(t *testing.T) {
	doc := `{"format":"accordline/timeline","version":1,"title":"T","actors":[
{"id":"A","type":"state","name":"A","country":"AA",
 "period":"1990-13",
 "history":[{"text":"Old"},{"period":"1980"},{"text":"X","period":"1980","when":"then"}],
 "predecessors":[{"actor":"B","kind":"merger"},{"kind":"continuation"}],
 "offices":[{"of":"US"},{"title":"T","period":"soon"}]}]}`
	_, _, err := jsondoc.Decode(strings.NewReader(doc), nil)
	require.Error(t, err)
	var l event.ErrorList
	require.True(t, errors.As(err, &l))
	var got []string
	for _, fe := range l {
		got = append(got, fe.Path)
	}
	assert.Equal(t, []string{
		"actors[0].period",
		"actors[0].history[0]",
		"actors[0].history[1]",
		"actors[0].history[2].when",
		"actors[0].predecessors[0].kind",
		"actors[0].predecessors[1]",
		"actors[0].offices[0]",
		"actors[0].offices[1].period",
	}, got, err.Error())
	assert.Contains(t, err.Error(), `actors[0].predecessors[0].kind: "merger": unknown succession kind "merger"`)

	// Validation after reading: a history name without a period is
	// required by the model too, with its path.
	doc = `{"format":"accordline/timeline","version":1,"title":"T","actors":[
{"id":"A","type":"state","name":"A","country":"AA","predecessors":[{"actor":"A","kind":"continuation"}]}]}`
	_, _, err = jsondoc.Decode(strings.NewReader(doc), nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, event.ErrSelfSuccession)
	assert.Contains(t, err.Error(), "actors[0].predecessors[0].actor")
}

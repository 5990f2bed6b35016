package timeline_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

func TestQueryDescribesItself(t *testing.T) {
	nov := event.InMonth(2025, time.November)
	where := func(e *event.Event) bool { return e.Order > 0 }
	tests := []struct {
		q        timeline.Query
		op       timeline.QueryOp
		name     string
		kinds    []event.Kind
		statuses []event.Status
		role     event.Role
		period   event.Date
		subs     int
	}{
		{q: timeline.Query{}, op: timeline.OpAll},
		{q: timeline.WithKind(event.PhoneCall, event.Visit), op: timeline.OpKind, kinds: []event.Kind{event.PhoneCall, event.Visit}},
		{q: timeline.WithStatus(event.Planned), op: timeline.OpStatus, statuses: []event.Status{event.Planned}},
		{q: timeline.WithActor("Kasachstan"), op: timeline.OpActor, name: "Kasachstan"},
		{q: timeline.WithActorIn("US", event.Host), op: timeline.OpActorIn, name: "US", role: event.Host},
		{q: timeline.WithCountry("KZ"), op: timeline.OpCountry, name: "KZ"},
		{q: timeline.Involving("IL"), op: timeline.OpInvolving, name: "IL"},
		{q: timeline.WithRole(event.Mediator), op: timeline.OpRole, role: event.Mediator},
		{q: timeline.WithInstrument("Abraham Accords"), op: timeline.OpInstrument, name: "Abraham Accords"},
		{q: timeline.WithTag("C5+1"), op: timeline.OpTag, name: "C5+1"},
		{q: timeline.WithSourceLang("DE-ch"), op: timeline.OpSourceLang, name: "de-ch"},
		{q: timeline.WithPublisher("All Israel"), op: timeline.OpPublisher, name: "All Israel"},
		{q: timeline.WithText("Netanjahu, Telefonat"), op: timeline.OpText, name: "Netanjahu, Telefonat"},
		{q: timeline.Within(nov), op: timeline.OpWithin, period: nov},
		{q: timeline.Overlaps(nov), op: timeline.OpOverlaps, period: nov},
		{q: timeline.And(timeline.WithTag("a"), timeline.WithTag("b")), op: timeline.OpAnd, subs: 2},
		{q: timeline.Or(), op: timeline.OpOr},
		{q: timeline.Not(timeline.WithTag("a")), op: timeline.OpNot, subs: 1},
		{q: timeline.Where(where), op: timeline.OpWhere},
	}
	for _, tt := range tests {
		t.Run(tt.op.String(), func(t *testing.T) {
			q := tt.q
			assert.Equal(t, tt.op, q.Op())
			assert.Equal(t, tt.name, q.Name())
			assert.Equal(t, tt.kinds, q.Kinds())
			assert.Equal(t, tt.statuses, q.Statuses())
			assert.Equal(t, tt.role, q.Role())
			assert.Equal(t, tt.period, q.Period())
			assert.Len(t, q.Subs(), tt.subs)
			assert.Equal(t, tt.op == timeline.OpWhere, q.Func() != nil)
		})
	}
}

func TestQueryDescriptionIsACopy(t *testing.T) {
	q := timeline.And(timeline.WithKind(event.PhoneCall), timeline.WithTag("a"))
	subs := q.Subs()
	subs[0] = timeline.WithTag("changed")
	kinds := subs[1].Kinds()
	assert.Nil(t, kinds)
	k := timeline.WithKind(event.PhoneCall)
	k.Kinds()[0] = event.Visit
	assert.Equal(t, []event.Kind{event.PhoneCall}, k.Kinds())
	assert.Equal(t, timeline.OpKind, q.Subs()[0].Op(), "the query is unchanged")
}

func TestQueryOpNames(t *testing.T) {
	var names []string
	for op := timeline.OpAll; op <= timeline.OpWhere; op++ {
		names = append(names, op.String())
		assert.NotContains(t, op.String(), "QueryOp(", "every operation has a name")
	}
	assert.Equal(t, "All WithKind WithStatus WithActor WithActorIn WithCountry Involving WithRole WithInstrument "+
		"WithTag WithSourceLang WithPublisher WithText Within Overlaps And Or Not Where", strings.Join(names, " "))
	assert.Equal(t, "QueryOp(200)", timeline.QueryOp(200).String())
}

func TestWordsAgreeWithText(t *testing.T) {
	e := event.Event{
		Title:       "Netanyahu calls Tokayev",
		Titles:      map[string]string{"de": "Netanjahu ruft Tokajew an"},
		Description: "A call, the first.",
		DateText:    "Thursday evening",
		Sources: []event.Source{{Title: "Telefonat", Quotes: []event.Quote{
			{Text: "Ein gutes Gespräch", Translation: "A good talk"}}}},
		Alternatives: []event.Alternative{{Field: "title", Value: "Netanjahu telefoniert"}, {Field: "place.city", Value: "Astana"}},
	}
	words := timeline.Words(&e)
	for _, w := range []string{"netanyahu", "netanjahu", "tokajew", "call", "first", "thursday", "telefonat", "gesprach", "talk", "telefoniert"} {
		assert.Contains(t, words, w)
	}
	assert.NotContains(t, words, "astana", "a place's wording is not text")
	assert.Equal(t, len(words), len(slices.Compact(slices.Sorted(slices.Values(words)))), "each word once")

	assert.Equal(t, []string{"netanjahu", "gesprach"}, timeline.WithText("NETANJAHU, Gespräch!").Words())
	assert.Nil(t, timeline.WithTag("x").Words())

	// An event has every word of a text query exactly when the timeline
	// selects it.
	tl := timeline.New("", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "IL", Type: event.State, Name: "Israel", Country: "IL"},
		event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
	e.Kind, e.Status, e.Date = event.PhoneCall, event.Occurred, event.OnDay(2025, time.November, 6)
	e.Alternatives = e.Alternatives[:1]
	e.Participants = []event.Participation{{Actor: "IL", Role: event.Caller}, {Actor: "KZ", Role: event.Recipient}}
	_, err := tl.Add(e)
	require.NoError(t, err)
	for _, text := range []string{"netanjahu gesprach", "telefoniert", "tokayev first", "astana", "call talk nothing"} {
		q := timeline.WithText(text)
		want := true
		for _, w := range q.Words() {
			want = want && slices.Contains(words, w)
		}
		assert.Equal(t, want, tl.Count(q) == 1, text)
	}
}

// A program can walk a query to print it, or to translate it for another
// store.
func ExampleQuery_Op() {
	q := timeline.And(timeline.WithActor("Kasachstan"), timeline.Not(timeline.WithKind(event.PhoneCall)))
	var show func(q timeline.Query) string
	show = func(q timeline.Query) string {
		switch q.Op() {
		case timeline.OpAnd, timeline.OpOr, timeline.OpNot:
			var parts []string
			for _, s := range q.Subs() {
				parts = append(parts, show(s))
			}
			return q.Op().String() + "(" + strings.Join(parts, ", ") + ")"
		case timeline.OpKind:
			return fmt.Sprint(q.Op(), q.Kinds())
		}
		return fmt.Sprintf("%s(%q)", q.Op(), q.Name())
	}
	fmt.Println(show(q))
	// Output: And(WithActor("Kasachstan"), Not(WithKind [phone-call]))
}

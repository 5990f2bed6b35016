package event_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
)

// source is an English source of the publisher, with quotes.
func source(publisher string, quotes ...event.Quote) event.Source {
	return event.Source{Publisher: publisher, Lang: "en", Quotes: quotes}
}

func TestMerge(t *testing.T) {
	id := uuid.MustParse("00000000-0000-4000-8000-0000000000aa")
	target := uuid.MustParse("00000000-0000-4000-8000-0000000000bb")
	base := func() event.Event {
		// The call of the seed between two of its callers.
		e := event.Event{Kind: event.PhoneCall, Status: event.Occurred, Title: "Call on 2025-11-06",
			Date: event.OnDay(2025, 11, 6), Participants: []event.Participation{
				{Actor: seed.Trump, Role: event.Participant}, {Actor: seed.Tokayev, Role: event.Participant}}}
		e.ID = id
		return e
	}
	tests := []struct {
		name string
		a, b func(*event.Event)
		want func(*event.Event)
	}{
		{
			name: "sources united and ordered",
			a:    func(e *event.Event) { e.Sources = []event.Source{source("Reuters"), source("AP")} },
			b:    func(e *event.Event) { e.Sources = []event.Source{source("All Israel"), source("Reuters")} },
			want: func(e *event.Event) {
				e.Sources = []event.Source{source("AP"), source("All Israel"), source("Reuters")}
			},
		},
		{
			name: "sources differing in a quote are kept apart",
			a:    func(e *event.Event) { e.Sources = []event.Source{source("AP", event.Quote{Text: "one"})} },
			b:    func(e *event.Event) { e.Sources = []event.Source{source("AP", event.Quote{Text: "two"})} },
			want: func(e *event.Event) {
				e.Sources = []event.Source{source("AP", event.Quote{Text: "one"}), source("AP", event.Quote{Text: "two"})}
			},
		},
		{
			name: "tags united and ordered",
			a:    func(e *event.Event) { e.Tags = []string{"z", "a"} },
			b:    func(e *event.Event) { e.Tags = []string{"m", "a"} },
			want: func(e *event.Event) { e.Tags = []string{"a", "m", "z"} },
		},
		{
			name: "participants united, capacities filled in",
			a: func(e *event.Event) {
				e.Participants = []event.Participation{
					{Actor: seed.Trump, Role: event.Caller},
					{Actor: seed.Tokayev, Role: event.Recipient, Capacity: "President of Kazakhstan"},
				}
			},
			b: func(e *event.Event) {
				e.Participants = []event.Participation{
					{Actor: seed.Tokayev, Role: event.Recipient},
					{Actor: seed.Trump, Role: event.Caller, Capacity: "President of the United States"},
					{Actor: seed.Netanyahu, Role: event.Participant, Capacity: "Prime Minister"},
				}
			},
			want: func(e *event.Event) {
				// By role in declaration order, then by actor.
				e.Participants = []event.Participation{
					{Actor: seed.Trump, Role: event.Caller, Capacity: "President of the United States"},
					{Actor: seed.Tokayev, Role: event.Recipient, Capacity: "President of Kazakhstan"},
					{Actor: seed.Netanyahu, Role: event.Participant, Capacity: "Prime Minister"},
				}
			},
		},
		{
			name: "participants in the same order keep it; differing capacities kept",
			a: func(e *event.Event) {
				e.Participants = []event.Participation{
					{Actor: seed.Tokayev, Role: event.Caller, Capacity: "President"},
					{Actor: seed.Trump, Role: event.Recipient},
				}
			},
			b: func(e *event.Event) {
				e.Participants = []event.Participation{
					{Actor: seed.Tokayev, Role: event.Caller, Capacity: "President of Kazakhstan"},
					{Actor: seed.Trump, Role: event.Recipient},
				}
				e.Sources = []event.Source{{Title: "Akorda"}}
			},
			want: func(e *event.Event) {
				e.Participants = []event.Participation{
					{Actor: seed.Tokayev, Role: event.Caller, Capacity: "President"},
					{Actor: seed.Trump, Role: event.Recipient},
				}
				e.Sources = []event.Source{{Title: "Akorda"}}
				e.Alternatives = []event.Alternative{{Field: "capacity", Actor: seed.Tokayev, Role: event.Caller, Value: "President of Kazakhstan", Source: "Akorda"}}
			},
		},
		{
			name: "an order given by one report is taken",
			a:    func(e *event.Event) { e.Order = 2 },
			b:    func(e *event.Event) {},
			want: func(e *event.Event) { e.Order = 2 },
		},
		{
			name: "titles: the lesser, the other kept as an alternative with its source",
			a: func(e *event.Event) {
				e.Title = "Trump calls Tokayev"
				e.Titles = map[string]string{"de": "Trump ruft Tokajew an", "fr": "Trump appelle Tokaïev"}
				e.Sources = []event.Source{{Publisher: "Reuters", URL: "https://reuters.example/call"}}
			},
			b: func(e *event.Event) {
				e.Title = "A call"
				e.Titles = map[string]string{"de": "Anruf", "ru": "Звонок"}
				e.Sources = []event.Source{{Publisher: "AP"}}
			},
			want: func(e *event.Event) {
				e.Title = "A call"
				e.Titles = map[string]string{"de": "Anruf", "fr": "Trump appelle Tokaïev", "ru": "Звонок"}
				e.Sources = []event.Source{{Publisher: "AP"}, {Publisher: "Reuters", URL: "https://reuters.example/call"}}
				e.Alternatives = []event.Alternative{
					{Field: "title", Value: "Trump calls Tokayev", Source: "https://reuters.example/call"},
					{Field: "titles.de", Value: "Trump ruft Tokajew an", Source: "https://reuters.example/call"},
				}
			},
		},
		{
			name: "text fields: the one set, or the lesser",
			a: func(e *event.Event) {
				e.Description = "long"
				e.Place = event.Place{Name: "White House", City: "Washington, D.C."}
				e.Instrument = event.Instrument{ID: "abraham-accords", Name: "Abraham Accords"}
			},
			b: func(e *event.Event) {
				e.DateText = "Thursday"
				e.Place = event.Place{Name: "Oval Office", Country: "US", Coordinates: &event.Coordinates{Lat: 38.9, Lon: -77}}
				e.Instrument = event.Instrument{ID: "abraham-accords", Name: "Abraham Accords", Names: map[string]string{"de": "Abraham-Abkommen"}}
			},
			want: func(e *event.Event) {
				e.Description = "long"
				e.DateText = "Thursday"
				e.Place = event.Place{Name: "Oval Office", City: "Washington, D.C.", Country: "US", Coordinates: &event.Coordinates{Lat: 38.9, Lon: -77}}
				e.Instrument = event.Instrument{ID: "abraham-accords", Name: "Abraham Accords", Names: map[string]string{"de": "Abraham-Abkommen"}}
				e.Alternatives = []event.Alternative{{Field: "place.name", Value: "White House"}}
			},
		},
		{
			name: "links united",
			a:    func(e *event.Event) { e.Links = []event.Link{{Type: event.RefersTo, Target: target}} },
			b: func(e *event.Event) {
				e.Links = []event.Link{{Type: event.Follows, Target: target}, {Type: event.RefersTo, Target: target}}
			},
			want: func(e *event.Event) {
				e.Links = []event.Link{{Type: event.Follows, Target: target}, {Type: event.RefersTo, Target: target}}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, want := base(), base(), base()
			tt.a(&a)
			tt.b(&b)
			tt.want(&want)
			aa, bb := a.Clone(), b.Clone()

			got, err := event.Merge(a, b)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			require.NoError(t, got.Validate(nil), "the merged event is valid")
			rev, err := event.Merge(b, a)
			require.NoError(t, err)
			assert.Equal(t, got, rev, "Merge is commutative")
			assert.Equal(t, aa, a, "Merge does not change its arguments")
			assert.Equal(t, bb, b, "Merge does not change its arguments")

			// Idempotent: merging a report already merged changes nothing.
			again, err := event.Merge(got, a)
			require.NoError(t, err)
			assert.Equal(t, got, again)
			again, err = event.Merge(got, b)
			require.NoError(t, err)
			assert.Equal(t, got, again)
			again, err = event.Merge(got, got)
			require.NoError(t, err)
			assert.Equal(t, got, again)

		})
	}

	// An event merged with itself is unchanged, whatever its order.
	a := base()
	a.Tags = []string{"z", "a"}
	got, err := event.Merge(a, a)
	assert.NoError(t, err)
	assert.Equal(t, a, got)

	// Conflicts are all reported, and no event is returned.
	b := base()
	b.Kind = event.Visit
	b.Status = event.Planned
	_, err = event.Merge(base(), b)
	var errs event.ErrorList
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	assert.Equal(t, "kind", errs[0].Path)
	assert.Equal(t, "status", errs[1].Path)
	assert.ErrorIs(t, err, event.ErrConflict)
	var ce *event.ConflictError
	require.ErrorAs(t, errs[1], &ce)
	assert.Equal(t, event.ConflictError{ID: id, Field: "status", Existing: "occurred", Incoming: "planned"}, *ce)
	_, err = event.Merge(b, base())
	require.ErrorAs(t, err, &errs)
	require.ErrorAs(t, errs[1], &ce)
	assert.Equal(t, "planned", ce.Existing, "the first report is the one held")
}

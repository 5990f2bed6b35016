package seed_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
)

func directory(t *testing.T) *event.Directory {
	t.Helper()
	var d event.Directory
	for _, a := range seed.Actors() {
		require.NoError(t, d.AddActors(a), "actor %s", a.ID)
	}
	return &d
}

func TestEventsValidate(t *testing.T) {
	d := directory(t)
	for i, e := range seed.Events() {
		assert.NoError(t, e.Validate(d), "events[%d] %q", i, e.Title)
		assert.Equal(t, e.DeriveID(), e.ID, "events[%d] %q: the ID is not the derived one", i, e.Title)
	}
}

// TestGermanNames checks that the article's German names find the same
// actors as the English ones.
func TestGermanNames(t *testing.T) {
	d := directory(t)
	for german, want := range map[string]event.ActorID{
		"Kasachstan":             seed.Kazakhstan,
		"Tokajew":                seed.Tokayev,
		"Kassym-Jomart Tokajew":  seed.Tokayev,
		"Netanjahu":              seed.Netanyahu,
		"Kirgisistan":            seed.Kyrgyzstan,
		"Tadschikistan":          seed.Tajikistan,
		"Usbekistan":             seed.Uzbekistan,
		"Syrien":                 seed.Syria,
		"Ahmad al-Sharaa":        seed.AlSharaa,
		"kasachische Regierung":  seed.KZGovernment,
		"Vereinigte Staaten":     seed.US,
		"KZ":                     seed.Kazakhstan,
		"kazakhstan":             seed.Kazakhstan,
		"NETANYAHU":              seed.Netanyahu,
		"Kassym-Jomart Tokayev ": seed.Tokayev,
	} {
		assert.Equal(t, []event.ActorID{want}, d.ResolveActor(german), "Resolve(%q)", german)
	}
}

// TestArticleCovered checks that every event the article reports is in the
// data set, with the date form the article gives.
func TestArticleCovered(t *testing.T) {
	events := seed.Events()
	find := func(kind event.Kind, actor event.ActorID) *event.Event {
		i := slices.IndexFunc(events, func(e event.Event) bool {
			return e.Kind == kind && slices.Contains(e.Actors(), actor)
		})
		require.NotEqual(t, -1, i, "no %s with %s", kind, actor)
		return &events[i]
	}
	for _, c := range []struct {
		kind   event.Kind
		actor  event.ActorID
		date   string
		status event.Status
	}{
		{event.Dinner, seed.Trump, "2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]", event.Occurred},
		{event.PhoneCall, seed.Netanyahu, "2025-11-06", event.Occurred},
		{event.Announcement, seed.Trump, "2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]", event.Occurred},
		{event.Visit, seed.Tokayev, "2025-11-06", event.Occurred},
		{event.Summit, seed.Uzbekistan, "2025-11-06", event.Occurred},
		{event.TreatyAccession, seed.Kazakhstan, "2025-11-06", event.Announced},
		{event.SigningCeremony, seed.Kazakhstan, "2025-11-06/..", event.Planned},
		{event.RelationsEstablished, seed.Israel, "1992", event.Occurred},
		{event.Visit, seed.Herzog, "2025-11-07/2026-05~", event.Planned},
		{event.Announcement, seed.Witkoff, "2025-11-06", event.Occurred},
		{event.BilateralMeeting, seed.Dermer, "2025-11-06", event.Occurred},
		{event.Visit, seed.AlSharaa, "2025-11-07/..", event.Announced},
		{event.AgreementConcluded, seed.Syria, "2025-11-07/..", event.Planned},
		{event.Statement, seed.KZGovernment, "2025-11-06?", event.Occurred},
		{event.Statement, seed.Trump, "2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]", event.Occurred},
	} {
		e := find(c.kind, c.actor)
		assert.Equal(t, c.date, e.Date.String(), "%s with %s: date", c.kind, c.actor)
		assert.Equal(t, c.status, e.Status, "%s with %s: status", c.kind, c.actor)
		if assert.NotEmpty(t, e.Sources, "%s with %s: no German quote", c.kind, c.actor) {
			assert.NotEmpty(t, e.Sources[0].Quotes, "%s with %s: no German quote", c.kind, c.actor)
			assert.Equal(t, "de", e.Sources[0].Lang, "%s with %s: no German quote", c.kind, c.actor)
		}
	}
	assert.Equal(t, 15, len(events), "number of events")
}

func TestLinksResolve(t *testing.T) {
	events := seed.Events()
	ids := make(map[uuid.UUID]bool)
	for _, e := range events {
		assert.False(t, ids[e.ID], "duplicate ID %s", e.ID)
		ids[e.ID] = true
	}
	for _, e := range events {
		for _, l := range e.Links {
			assert.True(t, ids[l.Target], "%q links to unknown %s", e.Title, l.Target)
		}
	}
}

func TestFreshValues(t *testing.T) {
	a := seed.Events()
	a[0].Tags[0] = "changed"
	a[0].Sources[0].Quotes[0].Text = "changed"
	b := seed.Events()
	assert.NotEqual(t, "changed", b[0].Tags[0], "Events shares tags between calls")
	assert.NotEqual(t, "changed", b[0].Sources[0].Quotes[0].Text, "Events shares quotes between calls")
}

// TestJSONRoundTrip encodes every seed event and actor with encoding/json
// and decodes it back unchanged: every type of the model has a lossless
// JSON form.
func TestJSONRoundTrip(t *testing.T) {
	for _, e := range seed.Events() {
		roundTripJSON(t, e, e.Title)
	}
	for _, a := range seed.Actors() {
		roundTripJSON(t, a, "actor "+string(a.ID))
	}
}

// roundTripJSON checks that v comes back from its encoding/json form equal.
func roundTripJSON[T any](t *testing.T, v T, name string) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err, name)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), "%s\n%s", name, b)
	assert.Equal(t, v, back, "%s does not round trip:\n%s", name, b)
}

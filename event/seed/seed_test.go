package seed_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
)

func directory(t *testing.T) *event.Directory {
	t.Helper()
	var d event.Directory
	for _, a := range seed.Actors() {
		if err := d.Add(a); err != nil {
			t.Fatalf("actor %s: %v", a.ID, err)
		}
	}
	return &d
}

func TestEventsValidate(t *testing.T) {
	d := directory(t)
	for i, e := range seed.Events() {
		if err := e.Validate(d); err != nil {
			t.Errorf("events[%d] %q: %v", i, e.Title, err)
		}
		if e.ID != e.DeriveID() {
			t.Errorf("events[%d] %q: ID %s is not the derived one", i, e.Title, e.ID)
		}
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
		if got := d.Resolve(german); !slices.Equal(got, []event.ActorID{want}) {
			t.Errorf("Resolve(%q) = %v, want [%s]", german, got, want)
		}
	}
}

// TestArticleCovered checks that every event the article reports is in the
// data set, with the date form the article gives.
func TestArticleCovered(t *testing.T) {
	events := seed.Events()
	find := func(kind event.Kind, actor event.ActorID) *event.Event {
		for i := range events {
			if events[i].Kind == kind && slices.Contains(events[i].Actors(), actor) {
				return &events[i]
			}
		}
		t.Fatalf("no %s with %s", kind, actor)
		return nil
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
		if got := e.Date.String(); got != c.date {
			t.Errorf("%s with %s: date %q, want %q", c.kind, c.actor, got, c.date)
		}
		if e.Status != c.status {
			t.Errorf("%s with %s: status %s, want %s", c.kind, c.actor, e.Status, c.status)
		}
		if len(e.Sources) == 0 || len(e.Sources[0].Quotes) == 0 || e.Sources[0].Lang != "de" {
			t.Errorf("%s with %s: no German quote", c.kind, c.actor)
		}
	}
	if len(events) != 15 {
		t.Errorf("%d events, want 15", len(events))
	}
}

func TestLinksResolve(t *testing.T) {
	events := seed.Events()
	ids := make(map[uuid.UUID]bool)
	for _, e := range events {
		if ids[e.ID] {
			t.Errorf("duplicate ID %s", e.ID)
		}
		ids[e.ID] = true
	}
	for _, e := range events {
		for _, l := range e.Links {
			if !ids[l.Target] {
				t.Errorf("%q links to unknown %s", e.Title, l.Target)
			}
		}
	}
}

func TestFreshValues(t *testing.T) {
	a := seed.Events()
	a[0].Tags[0] = "changed"
	a[0].Sources[0].Quotes[0].Text = "changed"
	b := seed.Events()
	if b[0].Tags[0] == "changed" || b[0].Sources[0].Quotes[0].Text == "changed" {
		t.Error("Events shares values between calls")
	}
}

// TestJSONRoundTrip encodes every seed event and actor with encoding/json
// and decodes it back unchanged: every type of the model has a lossless
// JSON form.
func TestJSONRoundTrip(t *testing.T) {
	for _, e := range seed.Events() {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("%q: %v", e.Title, err)
		}
		var back event.Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q: %v\n%s", e.Title, err, b)
		}
		if !reflect.DeepEqual(e, back) {
			t.Errorf("%q does not round trip:\n%s", e.Title, b)
		}
	}
	for _, a := range seed.Actors() {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back event.Actor
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(a, back) {
			t.Errorf("actor %s does not round trip: %v\n%s", a.ID, err, b)
		}
	}
}

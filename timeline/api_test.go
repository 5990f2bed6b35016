package timeline_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// accordsTimeline holds the states of the Abraham Accords' first signing.
func accordsTimeline(t *testing.T) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("Abraham Accords", "")
	require.NoError(t, tl.AddActors(
		event.Actor{ID: "AE", Type: event.State, Name: "United Arab Emirates", Country: "AE"},
		event.Actor{ID: "BH", Type: event.State, Name: "Bahrain", Country: "BH"},
		event.Actor{ID: "IL", Type: event.State, Name: "Israel", Country: "IL"},
		event.Actor{ID: "MA", Type: event.State, Name: "Morocco", Country: "MA", Names: map[string]string{"fr": "Maroc"}},
		event.Actor{ID: "US", Type: event.State, Name: "United States", Country: "US"},
	))
	return tl
}

func ceremony(title string, parties ...event.ActorID) event.Event {
	e := event.Event{
		Kind: event.SigningCeremony, Status: event.Occurred, Title: title,
		Date:       event.OnDay(2020, time.September, 15),
		Instrument: event.Instrument{ID: "abraham-accords", Name: "Abraham Accords"},
		Sources:    []event.Source{{Publisher: "Wire", URL: "https://wire.example/" + string(parties[0])}},
	}
	for _, p := range parties {
		e.Participants = append(e.Participants, event.Participation{Actor: p, Role: event.Signatory})
	}
	return e
}

func TestTwoCeremoniesAreNotLostSilently(t *testing.T) {
	// Two signing ceremonies on one day with the same instrument and
	// parties but different titles derive one ID: Add merges them, and
	// says so, keeping both titles.
	tl := accordsTimeline(t)
	a := ceremony("Morning ceremony", "AE", "IL", "US")
	b := ceremony("Evening ceremony", "AE", "IL", "US")
	b.Sources[0].URL = "https://other.example/evening"
	merges, err := tl.Add(a, b)
	require.NoError(t, err)
	assert.Equal(t, 1, tl.Len())
	require.Len(t, merges, 1)
	assert.Equal(t, 1, merges[0].Input)
	assert.Equal(t, 0, merges[0].With, "merged with the first event of the same call")
	assert.Equal(t, a.DeriveID(), merges[0].ID)
	assert.Equal(t, []event.Alternative{{Field: "title", Value: "Morning ceremony", Source: "https://wire.example/AE"}}, merges[0].Alternatives)

	e, ok := tl.Event(a.DeriveID())
	require.True(t, ok)
	assert.Equal(t, "Evening ceremony", e.Title, "the lesser in byte order is the title")
	assert.Equal(t, []event.Alternative{{Field: "title", Value: "Morning ceremony", Source: "https://wire.example/AE"}}, e.Alternatives,
		"the other title is kept with its source")
	assert.Len(t, e.Sources, 2)
	assert.Equal(t, 1, tl.Count(timeline.WithText("morning")), "another report's title finds the event")
	assert.Equal(t, 1, tl.Count(timeline.WithText("evening")))

	// Adding the same report again merges into the held event, and adds
	// no alternative.
	merges, err = tl.Add(b)
	require.NoError(t, err)
	require.Len(t, merges, 1)
	assert.Equal(t, -1, merges[0].With)
	assert.Empty(t, merges[0].Alternatives)

	// A caller who means two events says so with a discriminator.
	tl = accordsTimeline(t)
	a.Discriminator, b.Discriminator = "morning", "evening"
	merges, err = tl.Add(a, b)
	require.NoError(t, err)
	assert.Empty(t, merges)
	assert.Equal(t, 2, tl.Len())
	assert.ElementsMatch(t, []string{"Morning ceremony", "Evening ceremony"}, titles(tl.All()))
}

func TestOrderWithinTheDay(t *testing.T) {
	// On 15 September 2020 the UAE signed before Bahrain; by kind and ID
	// Bahrain's signing would come first.
	tl := accordsTimeline(t)
	uae := ceremony("The UAE signs", "AE", "IL", "US")
	bahrain := ceremony("Bahrain signs", "BH", "IL", "US")
	mustAdd(t, tl, uae, bahrain)
	byID := []string{"The UAE signs", "Bahrain signs"}
	if b, u := bahrain.DeriveID(), uae.DeriveID(); bytes.Compare(b[:], u[:]) < 0 {
		byID = []string{"Bahrain signs", "The UAE signs"}
	}
	assert.Equal(t, byID, titles(tl.All()), "without an order: by kind and ID")
	bahrain.Order = 1
	tl = accordsTimeline(t)
	mustAdd(t, tl, uae, bahrain)
	assert.Equal(t, []string{"Bahrain signs", "The UAE signs"}, titles(tl.All()), "an order comes before none")

	uae.Order, bahrain.Order = 1, 2
	tl = accordsTimeline(t)
	mustAdd(t, tl, bahrain, uae)
	assert.Equal(t, []string{"The UAE signs", "Bahrain signs"}, titles(tl.All()))

	// Events that state no order follow those that do; a different date
	// still decides first.
	other := ceremony("Unordered", "MA", "IL", "US")
	earlier := ceremony("The day before", "MA", "US")
	earlier.Date = event.OnDay(2020, time.September, 14)
	earlier.Order = 9
	mustAdd(t, tl, other, earlier)
	assert.Equal(t, []string{"The day before", "The UAE signs", "Bahrain signs", "Unordered"}, titles(tl.All()))
	assert.Equal(t, []string{"Unordered", "Bahrain signs", "The UAE signs", "The day before"}, titles(tl.Backward()))

	// Compare agrees, and a negative order is invalid.
	assert.Equal(t, -1, timeline.Compare(uae, bahrain))
	assert.Equal(t, -1, timeline.Compare(bahrain, other))
	bad := ceremony("Bad", "MA", "US")
	bad.Order = -1
	_, err := tl.Add(bad)
	assert.ErrorIs(t, err, event.ErrOutOfRange)
}

func TestCheckSuggests(t *testing.T) {
	tl := accordsTimeline(t)
	a := ceremony("Signing", "AE", "IL", "US")
	a.Tags = []string{"abraham-accords"}
	mustAdd(t, tl, a)

	require.NoError(t, tl.Check(timeline.And(timeline.WithActor("Maroc"), timeline.WithInstrument("Abraham Accords"))))

	err := tl.Check(timeline.WithActor("Marokko"))
	require.Error(t, err)
	assert.EqualError(t, err, `WithActor: "Marokko": names nothing in the timeline; did you mean "Morocco"?`)
	var une *timeline.UnknownNameError
	require.ErrorAs(t, err, &une)
	assert.Equal(t, []string{"Morocco"}, une.Suggestions)
	assert.ErrorIs(t, err, timeline.ErrUnknownName)

	// History("Abraham Accord") selects nothing; Check says why.
	assert.Empty(t, titles(tl.History("Abraham Accord")))
	err = tl.Check(timeline.WithInstrument("Abraham Accord"))
	require.ErrorAs(t, err, &une)
	assert.Equal(t, []string{"Abraham Accords"}, une.Suggestions)

	// Every unknown name of a query, with paths, at once.
	err = tl.Check(timeline.And(
		timeline.WithKind(event.SigningCeremony),
		timeline.Or(timeline.WithCountry("Bahrein"), timeline.WithTag("abraham-acords")),
		timeline.Not(timeline.WithPublisher("Wirre")),
		timeline.WithActor("Zzyzx"),
	))
	var problems event.ErrorList
	require.True(t, errors.As(err, &problems))
	var paths []string
	for _, p := range problems {
		paths = append(paths, p.Path+" → "+p.Err.Error())
	}
	assert.Equal(t, []string{
		`And[1].Or[0].WithCountry → names nothing in the timeline; did you mean "Bahrain"?`,
		`And[1].Or[1].WithTag → names nothing in the timeline; did you mean "abraham-accords"?`,
		`And[2].Not[0].WithPublisher → names nothing in the timeline; did you mean "Wire"?`,
		`And[3].WithActor → names nothing in the timeline`,
	}, paths)
}

func TestTimelineTextIsValidated(t *testing.T) {
	tl := timeline.New("T", "")
	err := tl.SetTitle("a\x07b")
	assert.ErrorIs(t, err, event.ErrInvalidText)
	assert.Equal(t, "T", tl.Title())
	assert.Error(t, tl.SetTitle("two\nlines"))
	assert.NoError(t, tl.SetDescription("two\nlines"))
	assert.ErrorIs(t, tl.SetDescription("\uFFFE"), event.ErrInvalidText)
}

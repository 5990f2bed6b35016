package parquet

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/accordline/accordline/event"
)

// The rows of the four tables; the package documentation describes their
// columns.

type eventRow struct {
	ID              string   `parquet:"id"`
	Date            *string  `parquet:"date,optional"`
	DateText        *string  `parquet:"date_text,optional"`
	FirstDay        *int32   `parquet:"first_day,optional,date"`
	LastDay         *int32   `parquet:"last_day,optional,date"`
	Precision       string   `parquet:"precision"`
	Kind            string   `parquet:"kind"`
	KindName        string   `parquet:"kind_name"`
	Category        string   `parquet:"category"`
	CAMEO           string   `parquet:"cameo"`
	PloverType      *string  `parquet:"plover_type,optional"`
	PloverMode      *string  `parquet:"plover_mode,optional"`
	Status          string   `parquet:"status"`
	Title           string   `parquet:"title"`
	Description     *string  `parquet:"description,optional"`
	Discriminator   *string  `parquet:"discriminator,optional"`
	Order           *int64   `parquet:"order,optional"`
	PlaceName       *string  `parquet:"place_name,optional"`
	PlaceVenue      *string  `parquet:"place_venue,optional"`
	PlaceCity       *string  `parquet:"place_city,optional"`
	PlaceCountry    *string  `parquet:"place_country,optional"`
	PlaceLat        *float64 `parquet:"place_lat,optional"`
	PlaceLon        *float64 `parquet:"place_lon,optional"`
	InstrumentID    *string  `parquet:"instrument_id,optional"`
	InstrumentName  *string  `parquet:"instrument_name,optional"`
	Tags            []string `parquet:"tags,list"`
	Titles          *string  `parquet:"titles,optional"`
	InstrumentNames *string  `parquet:"instrument_names,optional"`
	Links           *string  `parquet:"links,optional"`
	Alternatives    *string  `parquet:"alternatives,optional"`
}

type participantRow struct {
	EventID      string  `parquet:"event_id"`
	Position     int32   `parquet:"position"`
	ActorID      string  `parquet:"actor_id"`
	ActorName    *string `parquet:"actor_name,optional"`
	ActorNameAt  *string `parquet:"actor_name_at,optional"`
	ActorType    *string `parquet:"actor_type,optional"`
	ActorCountry *string `parquet:"actor_country,optional"`
	Role         string  `parquet:"role"`
	Capacity     *string `parquet:"capacity,optional"`
}

type sourceRow struct {
	EventID      string  `parquet:"event_id"`
	Position     int32   `parquet:"position"`
	Publisher    *string `parquet:"publisher,optional"`
	URL          *string `parquet:"url,optional"`
	Title        *string `parquet:"title,optional"`
	Lang         *string `parquet:"lang,optional"`
	Published    *string `parquet:"published,optional"`
	PublishedDay *int32  `parquet:"published_day,optional,date"`
	Quotes       *string `parquet:"quotes,optional"`
}

type actorRow struct {
	ID       string   `parquet:"id"`
	Type     string   `parquet:"type"`
	Name     string   `parquet:"name"`
	Country  *string  `parquet:"country,optional"`
	Wikidata *string  `parquet:"wikidata,optional"`
	Names    *string  `parquet:"names,optional"`
	Aliases  []string `parquet:"aliases,list"`
	// Period, FirstDay and LastDay are when the actor existed.
	Period       *string `parquet:"period,optional"`
	FirstDay     *int32  `parquet:"first_day,optional,date"`
	LastDay      *int32  `parquet:"last_day,optional,date"`
	History      *string `parquet:"history,optional"`
	Predecessors *string `parquet:"predecessors,optional"`
	Offices      *string `parquet:"offices,optional"`
}

// epoch is the day Parquet counts dates from.
var epoch = event.DayOf(1970, 1, 1)

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func day(d event.Day, ok bool) *int32 {
	if !ok {
		return nil
	}
	n := int32(d - epoch)
	return &n
}

// A jsoner writes the JSON columns, keeping the first error: a value
// whose words are unknown (a link type out of range) does not marshal.
type jsoner struct{ err error }

// of returns the JSON text of v, or nil when empty.
func (j *jsoner) of(v any, empty bool) *string {
	if empty {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		j.err = errors.Join(j.err, err)
		return nil
	}
	s := string(b)
	return &s
}

func newEventRow(e *event.Event) (eventRow, error) {
	var j jsoner
	first, ok1 := e.Date.Earliest()
	last, ok2 := e.Date.Latest()
	typ, mode := e.Kind.PLOVER()
	r := eventRow{
		ID: e.ID.String(), DateText: str(e.DateText),
		FirstDay: day(first, ok1), LastDay: day(last, ok2), Precision: e.Date.Precision().String(),
		Kind: e.Kind.String(), KindName: e.Kind.Name(), Category: e.Kind.Category().String(), CAMEO: e.Kind.CAMEO(),
		PloverType: str(typ), PloverMode: str(mode), Status: e.Status.String(), Title: e.Title,
		Description: str(e.Description), Discriminator: str(e.Discriminator),
		PlaceName: str(e.Place.Name), PlaceVenue: str(e.Place.Venue), PlaceCity: str(e.Place.City),
		PlaceCountry: str(e.Place.Country), InstrumentID: str(e.Instrument.ID), InstrumentName: str(e.Instrument.Name),
		Tags:            slices.Clone(e.Tags), // rows are buffered; e may be reused
		Titles:          j.of(e.Titles, len(e.Titles) == 0),
		InstrumentNames: j.of(e.Instrument.Names, len(e.Instrument.Names) == 0),
		Links:           j.of(e.Links, len(e.Links) == 0),
		Alternatives:    j.of(e.Alternatives, len(e.Alternatives) == 0),
	}
	if !e.Date.IsZero() {
		r.Date = str(e.Date.String())
	}
	if e.Order > 0 {
		o := int64(e.Order)
		r.Order = &o
	}
	if c := e.Place.Coordinates; c != nil {
		lat, lon := c.Lat, c.Lon
		r.PlaceLat, r.PlaceLon = &lat, &lon
	}
	return r, j.err
}

func newParticipantRows(out []participantRow, e *event.Event, actors func(event.ActorID) (event.Actor, bool)) []participantRow {
	id := e.ID.String()
	for i, p := range e.Participants {
		r := participantRow{EventID: id, Position: int32(i), ActorID: string(p.Actor), Role: p.Role.String(), Capacity: str(p.Capacity)}
		if a, ok := actors(p.Actor); ok {
			r.ActorName, r.ActorType, r.ActorCountry = str(a.Name), str(a.Type.String()), str(a.Country)
			r.ActorNameAt = str(a.NameAt(e.Date))
		}
		out = append(out, r)
	}
	return out
}

func newSourceRows(out []sourceRow, e *event.Event) ([]sourceRow, error) {
	var j jsoner
	id := e.ID.String()
	for i, s := range e.Sources {
		r := sourceRow{EventID: id, Position: int32(i), Publisher: str(s.Publisher), URL: str(s.URL),
			Title: str(s.Title), Lang: str(s.Lang), Quotes: j.of(s.Quotes, len(s.Quotes) == 0)}
		if !s.Published.IsZero() {
			r.Published = str(s.Published.String())
			d, ok := s.Published.Earliest()
			r.PublishedDay = day(d, ok)
		}
		out = append(out, r)
	}
	return out, j.err
}

func newActorRow(a *event.Actor) (actorRow, error) {
	var j jsoner
	r := actorRow{ID: string(a.ID), Type: a.Type.String(), Name: a.Name, Country: str(a.Country),
		Wikidata: str(a.Wikidata), Names: j.of(a.Names, len(a.Names) == 0), Aliases: slices.Clone(a.Aliases),
		History:      j.of(a.History, len(a.History) == 0),
		Predecessors: j.of(a.Predecessors, len(a.Predecessors) == 0),
		Offices:      j.of(a.Offices, len(a.Offices) == 0)}
	if !a.Period.IsZero() {
		r.Period = str(a.Period.String())
		first, ok1 := a.Period.Earliest()
		last, ok2 := a.Period.Latest()
		r.FirstDay, r.LastDay = day(first, ok1), day(last, ok2)
	}
	return r, j.err
}

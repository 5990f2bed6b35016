package parquet

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/parquet-go/parquet-go"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/timeline"
)

// ErrFile reports a file that is not a table this package wrote: not
// Parquet, or without the columns of its table.
var ErrFile = errors.New("parquet: not a table of a timeline")

// DecodeOptions bound what [DecodeDir] reads. A nil or zero DecodeOptions
// takes the defaults.
type DecodeOptions struct {
	// MaxRows bounds the rows of each table; default 10,000,000.
	MaxRows int
}

// DecodeDir reads the four tables that [EncodeDir] or [EncodeLines] wrote
// into dir, and returns their timeline. It is strict, as the readers of
// package jsondoc are: a row that does not make a valid event, or refers
// to an event or actor the tables do not hold, is an error, every such
// problem is reported in one [event.ErrorList] with paths like
// "events.parquet[3].date", and no timeline is returned then. Parquet
// carries timelines whole, so the report has no notes.
//
// DecodeDir checks the frame of each file and the extent of its column
// chunks before it reads them, and turns a panic of the Parquet library
// into an error, but reads the pages with that library: its version
// v0.32.0 can loop forever on some corrupted pages (FuzzDecodeDir finds
// such files). Read files from untrusted sources in a process with a
// deadline.
func DecodeDir(dir string, opts *DecodeOptions) (*timeline.Timeline, export.Report, error) {
	maxRows := 10_000_000
	if opts != nil && opts.MaxRows > 0 {
		maxRows = opts.MaxRows
	}
	actors, _, _, err := readTable[actorRow](dir, Actors, maxRows)
	if err != nil {
		return nil, export.Report{}, err
	}
	events, title, desc, err := readTable[eventRow](dir, Events, maxRows)
	if err != nil {
		return nil, export.Report{}, err
	}
	parts, _, _, err := readTable[participantRow](dir, Participants, maxRows)
	if err != nil {
		return nil, export.Report{}, err
	}
	srcs, _, _, err := readTable[sourceRow](dir, Sources, maxRows)
	if err != nil {
		return nil, export.Report{}, err
	}

	var errs event.ErrorList
	problem := func(t Table, row int, field, value string, err error) {
		errs = append(errs, &event.FieldError{Path: t.File() + "[" + strconv.Itoa(row) + "]" + field, Value: value, Err: err})
	}
	tl := timeline.New(title, desc)
	as := make([]event.Actor, len(actors))
	for i, r := range actors {
		as[i] = r.actor(func(field, value string, err error) { problem(Actors, i, field, value, err) })
	}
	evs := make([]event.Event, len(events))
	at := make(map[string]int, len(events))
	for i, r := range events {
		evs[i] = r.event(func(field, value string, err error) { problem(Events, i, field, value, err) })
		at[r.ID] = i
	}
	// Participants and sources join their events by ID, in the order of
	// their positions.
	slices.SortStableFunc(parts, func(a, b participantRow) int { return cmp.Compare(a.Position, b.Position) })
	for i, r := range parts {
		j, ok := at[r.EventID]
		if !ok {
			problem(Participants, i, ".event_id", r.EventID, ErrUnknownEvent)
			continue
		}
		evs[j].Participants = append(evs[j].Participants, r.participation(func(field, value string, err error) { problem(Participants, i, field, value, err) }))
	}
	slices.SortStableFunc(srcs, func(a, b sourceRow) int { return cmp.Compare(a.Position, b.Position) })
	for i, r := range srcs {
		j, ok := at[r.EventID]
		if !ok {
			problem(Sources, i, ".event_id", r.EventID, ErrUnknownEvent)
			continue
		}
		evs[j].Sources = append(evs[j].Sources, r.source(func(field, value string, err error) { problem(Sources, i, field, value, err) }))
	}
	if len(errs) > 0 {
		return nil, export.Report{}, errs
	}
	if err := tl.AddActors(as...); err != nil {
		return nil, export.Report{}, renamed(err, "actors", Actors)
	}
	if _, err := tl.Add(evs...); err != nil {
		return nil, export.Report{}, renamed(err, "events", Events)
	}
	return tl, export.Report{Events: tl.Len()}, nil
}

// ErrUnknownEvent reports a participant or source of an event that the
// events table does not hold.
var ErrUnknownEvent = errors.New("no such event in events.parquet")

// renamed names the rows of a table in the problems a timeline found:
// "events[3].date" becomes "events.parquet[3].date".
func renamed(err error, prefix string, t Table) error {
	var l event.ErrorList
	if !errors.As(err, &l) {
		return err
	}
	for _, fe := range l {
		if rest, ok := strings.CutPrefix(fe.Path, prefix+"["); ok {
			fe.Path = t.File() + "[" + rest
		}
	}
	return l
}

// readTable reads every row of one table, and the title and description
// its metadata holds. A reader of this library panics on some malformed
// files; readTable turns that into an error.
func readTable[T any](dir string, t Table, maxRows int) (rows []T, title, desc string, err error) {
	name := filepath.Join(dir, t.File())
	f, err := os.Open(name)
	if err != nil {
		return nil, "", "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, "", "", err
	}
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("%w: %s: %v", ErrFile, name, r)
		}
	}()
	if err := checkFrame(f, st.Size()); err != nil {
		return nil, "", "", fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return nil, "", "", fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	for _, rg := range pf.Metadata().RowGroups {
		for _, c := range rg.Columns {
			m := &c.MetaData
			if m.DataPageOffset < 0 || m.TotalCompressedSize < 0 || m.DataPageOffset+m.TotalCompressedSize > st.Size() ||
				m.TotalUncompressedSize < 0 || m.TotalUncompressedSize > 64*st.Size()+1<<20 {
				return nil, "", "", fmt.Errorf("%w: %s: a column chunk beyond the file", ErrFile, name)
			}
		}
	}
	if n := pf.NumRows(); n > int64(maxRows) {
		return nil, "", "", fmt.Errorf("%w: %s: %d rows, more than %d", ErrFile, name, n, maxRows)
	}
	have := map[string]bool{}
	for _, col := range pf.Schema().Fields() {
		have[col.Name()] = true
	}
	for _, col := range parquet.SchemaOf(new(T)).Fields() {
		if !have[col.Name()] {
			return nil, "", "", fmt.Errorf("%w: %s: no column %q", ErrFile, name, col.Name())
		}
	}
	title, _ = pf.Lookup(TitleKey)
	desc, _ = pf.Lookup(DescriptionKey)
	r := parquet.NewGenericReader[T](pf)
	defer r.Close()
	rows = make([]T, pf.NumRows())
	n, err := r.Read(rows)
	if err != nil && err != io.EOF {
		return nil, "", "", fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	return rows[:n], title, desc, nil
}

// checkFrame checks the magic numbers and the footer's length of a
// Parquet file before the Parquet library reads it: a length beyond the
// file would have it allocate that much.
func checkFrame(r io.ReaderAt, size int64) error {
	if size < 12 {
		return errors.New("too short for a Parquet file")
	}
	var head, tail [4]byte
	var footer [8]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return err
	}
	if _, err := r.ReadAt(footer[:], size-8); err != nil {
		return err
	}
	copy(tail[:], footer[4:])
	n := int64(binary.LittleEndian.Uint32(footer[:4]))
	switch {
	case string(head[:]) != "PAR1" || string(tail[:]) != "PAR1":
		return errors.New("no Parquet magic number")
	case n > size-12:
		return fmt.Errorf("footer of %d bytes in a file of %d", n, size)
	}
	return nil
}

// A report is where a row tells of its problems: the field (".date") and
// value.
type report func(field, value string, err error)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// unmarshal reads a JSON column.
func unmarshal(s *string, v any, field string, problem report) {
	if s == nil {
		return
	}
	if err := json.Unmarshal([]byte(*s), v); err != nil {
		problem(field, *s, err)
	}
}

func (r *actorRow) actor(problem report) event.Actor {
	a := event.Actor{ID: event.ActorID(r.ID), Name: r.Name, Country: deref(r.Country), Wikidata: deref(r.Wikidata)}
	var err error
	if a.Type, err = event.ParseActorType(r.Type); err != nil {
		problem(".type", r.Type, err)
	}
	unmarshal(r.Names, &a.Names, ".names", problem)
	if len(r.Aliases) > 0 {
		a.Aliases = r.Aliases
	}
	if r.Period != nil {
		if a.Period, err = event.ParseDate(*r.Period); err != nil {
			problem(".period", *r.Period, err)
		}
	}
	unmarshal(r.History, &a.History, ".history", problem)
	unmarshal(r.Predecessors, &a.Predecessors, ".predecessors", problem)
	unmarshal(r.Offices, &a.Offices, ".offices", problem)
	return a
}

func (r *eventRow) event(problem report) event.Event {
	e := event.Event{Title: r.Title, Description: deref(r.Description), Discriminator: deref(r.Discriminator),
		DateText: deref(r.DateText),
		Place: event.Place{Name: deref(r.PlaceName), Venue: deref(r.PlaceVenue), City: deref(r.PlaceCity),
			Country: deref(r.PlaceCountry)},
		Instrument: event.Instrument{ID: deref(r.InstrumentID), Name: deref(r.InstrumentName)},
	}
	var err error
	if e.ID, err = uuid.Parse(r.ID); err != nil {
		problem(".id", r.ID, err)
	}
	if e.Kind, err = event.ParseKind(r.Kind); err != nil {
		problem(".kind", r.Kind, err)
	}
	if e.Status, err = event.ParseStatus(r.Status); err != nil {
		problem(".status", r.Status, err)
	}
	if r.Date != nil {
		if e.Date, err = event.ParseDate(*r.Date); err != nil {
			problem(".date", *r.Date, err)
		}
	}
	if r.Order != nil {
		e.Order = int(*r.Order)
	}
	if r.PlaceLat != nil && r.PlaceLon != nil {
		e.Place.Coordinates = &event.Coordinates{Lat: *r.PlaceLat, Lon: *r.PlaceLon}
	}
	if len(r.Tags) > 0 {
		e.Tags = r.Tags
	}
	unmarshal(r.Titles, &e.Titles, ".titles", problem)
	unmarshal(r.InstrumentNames, &e.Instrument.Names, ".instrument_names", problem)
	unmarshal(r.Links, &e.Links, ".links", problem)
	unmarshal(r.Alternatives, &e.Alternatives, ".alternatives", problem)
	return e
}

func (r *participantRow) participation(problem report) event.Participation {
	p := event.Participation{Actor: event.ActorID(r.ActorID), Capacity: deref(r.Capacity)}
	var err error
	if p.Role, err = event.ParseRole(r.Role); err != nil {
		problem(".role", r.Role, err)
	}
	return p
}

func (r *sourceRow) source(problem report) event.Source {
	s := event.Source{Publisher: deref(r.Publisher), URL: deref(r.URL), Title: deref(r.Title), Lang: deref(r.Lang)}
	if r.Published != nil {
		var err error
		if s.Published, err = event.ParseDate(*r.Published); err != nil {
			problem(".published", *r.Published, err)
		}
	}
	unmarshal(r.Quotes, &s.Quotes, ".quotes", problem)
	return s
}

package parquet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/words"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// ErrOptions is the reason the writers refuse options.
var ErrOptions = errors.New("parquet: invalid option")

// A Table names one of the four tables of a timeline.
type Table uint8

// The tables; see the package documentation for their columns.
const (
	Events       Table = iota // events.parquet
	Participants              // participants.parquet
	Sources                   // sources.parquet
	Actors                    // actors.parquet
)

var tableWords = words.List{"events", "participants", "sources", "actors"}

// String returns the word for t: "events", "participants", "sources" or
// "actors".
func (t Table) String() string { return tableWords.Format("Table", int(t)) }

// File returns the name of the table's file in a directory written by
// [EncodeDir]: "events.parquet".
func (t Table) File() string { return t.String() + ".parquet" }

// MarshalText implements [encoding.TextMarshaler].
func (t Table) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], so that a table can
// be a flag ([flag.TextVar]).
func (t *Table) UnmarshalText(text []byte) error {
	i, err := tableWords.Parse(ErrOptions, "table", text)
	*t = Table(i)
	return err
}

// Options control the writers. A nil or zero Options gives the defaults.
type Options struct {
	// Table is the table [Encode] writes; by default the events.
	Table Table
	// RowGroupRows is the most rows of a row group, the unit a writer
	// holds in memory and a reader reads at once; 65,536 when zero.
	RowGroupRows int
	// Decode bounds the JSON Lines stream that [EncodeLines] reads; nil
	// takes the defaults of package jsondoc.
	Decode *jsondoc.DecodeOptions
}

func (o *Options) validate() error {
	if o == nil {
		return nil
	}
	var errs event.ErrorList
	if int(o.Table) >= len(tableWords) {
		errs = append(errs, &event.FieldError{Path: "Table", Value: o.Table.String(), Err: fmt.Errorf("%w: unknown table", ErrOptions)})
	}
	if o.RowGroupRows < 0 {
		errs = append(errs, &event.FieldError{Path: "RowGroupRows", Value: strconv.Itoa(o.RowGroupRows), Err: fmt.Errorf("%w: negative", ErrOptions)})
	}
	return errs.Err()
}

func (o *Options) rowGroupRows() int64 {
	if o == nil || o.RowGroupRows == 0 {
		return 1 << 16
	}
	return int64(o.RowGroupRows)
}

// Files are where a [Writer] writes the four tables. A nil writer leaves
// its table out.
type Files struct {
	Events, Participants, Sources, Actors io.Writer
}

// A Writer writes the tables of a timeline as its actors and events
// arrive, holding one row group of each table and the actors in memory:
// the participants table names each actor as the actors written before
// describe it. Write the actors first, then the events in the order the
// rows should have (timeline order, as [Encode] writes them), and Close
// at the end.
type Writer struct {
	events       table[eventRow]
	participants table[participantRow]
	sources      table[sourceRow]
	actors       table[actorRow]
	known        map[event.ActorID]event.Actor
	rep          export.Report
	err          error
}

// table is one table being written: its writer and a few rows not yet
// handed to it.
type table[T any] struct {
	w    *parquet.GenericWriter[T]
	rows []T
}

func newTable[T any](w io.Writer, opts *Options) table[T] {
	if w == nil {
		return table[T]{}
	}
	return table[T]{w: parquet.NewGenericWriter[T](w, parquet.MaxRowsPerRowGroup(opts.rowGroupRows()),
		parquet.Compression(&parquet.Zstd), parquet.CreatedBy("accordline", "1", ""))}
}

// add queues rows, handing them to the writer in blocks.
func (t *table[T]) add(rows ...T) error {
	if t.w == nil {
		return nil
	}
	t.rows = append(t.rows, rows...)
	if len(t.rows) >= 1024 {
		return t.flush()
	}
	return nil
}

func (t *table[T]) flush() error {
	if t.w == nil || len(t.rows) == 0 {
		return nil
	}
	_, err := t.w.Write(t.rows)
	clear(t.rows)
	t.rows = t.rows[:0]
	return err
}

func (t *table[T]) close() error {
	if t.w == nil {
		return nil
	}
	return errors.Join(t.flush(), t.w.Close())
}

// NewWriter returns a writer of the tables into files.
func NewWriter(files Files, opts *Options) (*Writer, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	return &Writer{
		events:       newTable[eventRow](files.Events, opts),
		participants: newTable[participantRow](files.Participants, opts),
		sources:      newTable[sourceRow](files.Sources, opts),
		actors:       newTable[actorRow](files.Actors, opts),
		known:        make(map[event.ActorID]event.Actor),
	}, nil
}

// WriteActor writes one actor, and keeps a copy of it to describe the
// participants of the events written after it. It keeps nothing of a
// itself, which may be reused, as [timeline.Timeline.EachActor] does.
func (w *Writer) WriteActor(a *event.Actor) error {
	if w.err != nil {
		return w.err
	}
	w.known[a.ID] = a.Clone()
	row, err := newActorRow(a)
	if err == nil {
		err = w.actors.add(row)
	}
	w.err = err
	return err
}

// WriteEvent writes one event: a row of events, and its rows of
// participants and sources. It keeps nothing of e, which may be reused,
// as [timeline.Timeline.Each] does.
func (w *Writer) WriteEvent(e *event.Event) error {
	if w.err != nil {
		return w.err
	}
	row, err := newEventRow(e)
	var srcs []sourceRow
	if err == nil {
		srcs, err = newSourceRows(nil, e)
	}
	if err != nil {
		w.err = fmt.Errorf("parquet: event %s: %w", e.ID, err)
		return w.err
	}
	parts := newParticipantRows(nil, e, func(id event.ActorID) (event.Actor, bool) {
		a, ok := w.known[id]
		return a, ok
	})
	w.err = errors.Join(w.events.add(row), w.participants.add(parts...), w.sources.add(srcs...))
	if w.err == nil {
		w.rep.Events++
	}
	return w.err
}

// The keys of the metadata of the events table that hold the timeline's
// title and description.
const (
	TitleKey       = "accordline.title"
	DescriptionKey = "accordline.description"
)

// SetTitle sets the title and description of the timeline, which the
// events table keeps in its metadata ([TitleKey], [DescriptionKey]).
func (w *Writer) SetTitle(title, description string) {
	if w.events.w != nil {
		w.events.w.SetKeyValueMetadata(TitleKey, title)
		w.events.w.SetKeyValueMetadata(DescriptionKey, description)
	}
}

// Close writes what is buffered and the files' footers, and returns a
// report that counts the events written. It does not close the files'
// writers.
func (w *Writer) Close() (export.Report, error) {
	err := errors.Join(w.err, w.events.close(), w.participants.close(), w.sources.close(), w.actors.close())
	return w.rep, err
}

// Encode writes one table of the timeline, [Options.Table], as a Parquet
// file: events in timeline order, actors in ID order. The report counts
// the events of the timeline; Parquet carries them whole, so it has no
// notes.
func Encode(w io.Writer, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	if err := opts.validate(); err != nil {
		return export.Report{}, err
	}
	var files Files
	var table Table
	if opts != nil {
		table = opts.Table
	}
	switch table {
	case Events:
		files.Events = w
	case Participants:
		files.Participants = w
	case Sources:
		files.Sources = w
	case Actors:
		files.Actors = w
	}
	return encode(files, tl, opts)
}

func encode(files Files, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	pw, err := NewWriter(files, opts)
	if err != nil {
		return export.Report{}, err
	}
	pw.SetTitle(tl.Title(), tl.Description())
	for a := range tl.EachActor() {
		if err := pw.WriteActor(a); err != nil {
			return export.Report{}, err
		}
	}
	for e := range tl.Shared(timeline.Query{}) {
		if err := pw.WriteEvent(e); err != nil {
			return export.Report{}, err
		}
	}
	return pw.Close()
}

// EncodeDir writes the four tables of the timeline into the directory,
// which it creates if needed: events.parquet, participants.parquet,
// sources.parquet and actors.parquet.
func EncodeDir(dir string, tl *timeline.Timeline, opts *Options) (export.Report, error) {
	return writeDir(dir, opts, func(f Files) (export.Report, error) { return encode(f, tl, opts) })
}

// EncodeLines converts a JSON Lines stream, as package jsondoc writes it,
// into the four tables in the directory, in memory that grows with the
// actors and one row group per table, not with the stream. The stream is
// read strictly, as [jsondoc.LineReader] reads it: the first problem
// stops the conversion, and the error names its line.
func EncodeLines(dir string, r io.Reader, opts *Options) (export.Report, error) {
	var dopts *jsondoc.DecodeOptions
	if opts != nil {
		dopts = opts.Decode
	}
	return writeDir(dir, opts, func(f Files) (export.Report, error) {
		pw, err := NewWriter(f, opts)
		if err != nil {
			return export.Report{}, err
		}
		lr := jsondoc.NewLineReader(r, dopts)
		title, desc, err := lr.Header()
		if err != nil {
			_, _ = pw.Close()
			return export.Report{}, err
		}
		pw.SetTitle(title, desc)
		for {
			rec, err := lr.Next()
			if err == io.EOF {
				return pw.Close()
			}
			if err != nil {
				_, _ = pw.Close()
				return export.Report{}, err
			}
			if rec.Actor != nil {
				err = pw.WriteActor(rec.Actor)
			} else {
				rec.Event.EnsureID()
				err = pw.WriteEvent(rec.Event)
			}
			if err != nil {
				return export.Report{}, err
			}
		}
	})
}

// writeDir creates the four files in dir, lets write fill them, and
// closes them; on an error it removes them.
func writeDir(dir string, opts *Options, write func(Files) (export.Report, error)) (export.Report, error) {
	if err := opts.validate(); err != nil {
		return export.Report{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return export.Report{}, err
	}
	var created []*os.File
	var files Files
	for _, t := range []Table{Events, Participants, Sources, Actors} {
		f, err := os.Create(filepath.Join(dir, t.File()))
		if err != nil {
			closeAll(created, true)
			return export.Report{}, err
		}
		created = append(created, f)
	}
	files.Events, files.Participants, files.Sources, files.Actors = created[0], created[1], created[2], created[3]
	rep, err := write(files)
	if err = errors.Join(err, closeAll(created, err != nil)); err != nil {
		return export.Report{}, err
	}
	return rep, nil
}

func closeAll(files []*os.File, remove bool) error {
	var errs []error
	for _, f := range files {
		errs = append(errs, f.Close())
		if remove {
			_ = os.Remove(f.Name())
		}
	}
	return errors.Join(errs...)
}

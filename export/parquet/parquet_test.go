package parquet_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/timeline"
)

func seedTimeline(t testing.TB) *timeline.Timeline {
	tl := timeline.New(seed.Title, "The seed article")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	_, err := tl.Add(seed.Events()...)
	require.NoError(t, err)
	return tl
}

func synthTimeline(t testing.TB, n int) *timeline.Timeline {
	actors, events := synth.Generate(synth.Config{Seed: 7, Events: n, States: 30, Persons: 300})
	tl := timeline.New("Synthetic", "")
	require.NoError(t, tl.AddActors(actors...))
	_, err := tl.Add(events...)
	require.NoError(t, err)
	return tl
}

func requireSame(t *testing.T, want, got *timeline.Timeline) {
	t.Helper()
	assert.Equal(t, want.Title(), got.Title())
	assert.Equal(t, want.Description(), got.Description())
	assert.Equal(t, slices.Collect(want.Actors()), slices.Collect(got.Actors()))
	w, g := slices.Collect(want.All()), slices.Collect(got.All())
	require.Equal(t, len(w), len(g))
	for i := range w {
		require.Equal(t, w[i], g[i], "event %d", i)
	}
}

func TestRoundTrip(t *testing.T) {
	for name, tl := range map[string]*timeline.Timeline{"seed": seedTimeline(t), "synth": synthTimeline(t, 5000),
		"empty": timeline.New("", "")} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			rep, err := parquet.EncodeDir(dir, tl, &parquet.Options{RowGroupRows: 1000})
			require.NoError(t, err)
			assert.Equal(t, tl.Len(), rep.Events)
			assert.Empty(t, rep.Notes)
			got, rep, err := parquet.DecodeDir(dir, nil)
			require.NoError(t, err)
			assert.Equal(t, tl.Len(), rep.Events)
			requireSame(t, tl, got)
		})
	}
}

func TestEncodeOneTableIsTheFileOfEncodeDir(t *testing.T) {
	tl := seedTimeline(t)
	dir := t.TempDir()
	_, err := parquet.EncodeDir(dir, tl, nil)
	require.NoError(t, err)
	for _, table := range []parquet.Table{parquet.Events, parquet.Participants, parquet.Sources, parquet.Actors} {
		var buf bytes.Buffer
		rep, err := parquet.Encode(&buf, tl, &parquet.Options{Table: table})
		require.NoError(t, err)
		assert.Equal(t, tl.Len(), rep.Events)
		want, err := os.ReadFile(filepath.Join(dir, table.File()))
		require.NoError(t, err)
		assert.Equal(t, want, buf.Bytes(), "%s: the same bytes every time", table)
	}
}

func TestEncodeLinesAsEncodeDir(t *testing.T) {
	tl := synthTimeline(t, 2000)
	var lines bytes.Buffer
	_, err := jsondoc.EncodeLines(&lines, tl, nil)
	require.NoError(t, err)
	dir := t.TempDir()
	rep, err := parquet.EncodeLines(dir, &lines, nil)
	require.NoError(t, err)
	assert.Equal(t, 2000, rep.Events)
	got, _, err := parquet.DecodeDir(dir, nil)
	require.NoError(t, err)
	requireSame(t, tl, got)

	// A bad line stops the conversion and leaves no files.
	bad := t.TempDir()
	_, err = parquet.EncodeLines(bad, bytes.NewReader([]byte(`{"format":"accordline/lines","version":1,"title":"x"}
{"event":{"kind":"no-such-kind"}}
`)), nil)
	require.Error(t, err)
	entries, err := os.ReadDir(bad)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

func TestOptions(t *testing.T) {
	_, err := parquet.Encode(&bytes.Buffer{}, seedTimeline(t), &parquet.Options{Table: 9, RowGroupRows: -1})
	require.ErrorIs(t, err, parquet.ErrOptions)
	assert.Contains(t, err.Error(), "RowGroupRows")
	var table parquet.Table
	require.NoError(t, table.UnmarshalText([]byte("sources")))
	assert.Equal(t, parquet.Sources, table)
	require.ErrorIs(t, table.UnmarshalText([]byte("quotes")), parquet.ErrOptions)
	assert.Equal(t, "participants.parquet", parquet.Participants.File())
}

func TestDecodeRefusesWhatIsNotATimeline(t *testing.T) {
	tl := seedTimeline(t)
	good := t.TempDir()
	_, err := parquet.EncodeDir(good, tl, nil)
	require.NoError(t, err)
	copyDir := func() string {
		dir := t.TempDir()
		for _, table := range []parquet.Table{parquet.Events, parquet.Participants, parquet.Sources, parquet.Actors} {
			b, err := os.ReadFile(filepath.Join(good, table.File()))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, table.File()), b, 0o644))
		}
		return dir
	}

	t.Run("not parquet", func(t *testing.T) {
		dir := copyDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "events.parquet"), []byte("PAR1 not really"), 0o644))
		_, _, err := parquet.DecodeDir(dir, nil)
		require.ErrorIs(t, err, parquet.ErrFile)
	})
	t.Run("another table in its place", func(t *testing.T) {
		dir := copyDir()
		b, err := os.ReadFile(filepath.Join(good, "actors.parquet"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "events.parquet"), b, 0o644))
		_, _, err = parquet.DecodeDir(dir, nil)
		require.ErrorIs(t, err, parquet.ErrFile)
	})
	t.Run("participants of no event", func(t *testing.T) {
		dir := copyDir()
		other := timeline.New("", "")
		require.NoError(t, other.AddActors(seed.Actors()...))
		e := seed.Events()[3]
		e.ID = [16]byte{1}
		_, err := other.Add(e)
		require.NoError(t, err)
		f, err := os.Create(filepath.Join(dir, "participants.parquet"))
		require.NoError(t, err)
		_, err = parquet.Encode(f, other, &parquet.Options{Table: parquet.Participants})
		require.NoError(t, err)
		require.NoError(t, f.Close())
		_, _, err = parquet.DecodeDir(dir, nil)
		require.ErrorIs(t, err, parquet.ErrUnknownEvent)
		assert.Contains(t, err.Error(), "participants.parquet[0].event_id")
	})
	t.Run("too many rows", func(t *testing.T) {
		_, _, err := parquet.DecodeDir(good, &parquet.DecodeOptions{MaxRows: 2})
		require.ErrorIs(t, err, parquet.ErrFile)
	})
	t.Run("an invalid event", func(t *testing.T) {
		dir := copyDir()
		bad := timeline.New("", "")
		require.NoError(t, bad.AddActors(seed.Actors()...))
		_, err := bad.Add(seed.Events()...)
		require.NoError(t, err)
		// A participants table that leaves the events without their
		// required roles.
		f, err := os.Create(filepath.Join(dir, "participants.parquet"))
		require.NoError(t, err)
		_, err = parquet.Encode(f, timeline.New("", ""), &parquet.Options{Table: parquet.Participants})
		require.NoError(t, err)
		require.NoError(t, f.Close())
		_, _, err = parquet.DecodeDir(dir, nil)
		require.ErrorIs(t, err, event.ErrMissingRole)
		assert.Contains(t, err.Error(), "events.parquet[")
	})
}

// FuzzDecodeDir reads hostile bytes in place of each table: an error,
// never a panic.
func FuzzDecodeDir(f *testing.F) {
	good := f.TempDir()
	tl := timeline.New(seed.Title, "")
	require.NoError(f, tl.AddActors(seed.Actors()...))
	_, err := tl.Add(seed.Events()...)
	require.NoError(f, err)
	_, err = parquet.EncodeDir(good, tl, nil)
	require.NoError(f, err)
	for i, table := range []parquet.Table{parquet.Events, parquet.Participants, parquet.Sources, parquet.Actors} {
		b, err := os.ReadFile(filepath.Join(good, table.File()))
		require.NoError(f, err)
		f.Add(uint8(i), b)
		f.Add(uint8(i), b[:len(b)/2])
		f.Add(uint8(i), []byte("PAR1"))
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		dir := t.TempDir()
		for _, table := range []parquet.Table{parquet.Events, parquet.Participants, parquet.Sources, parquet.Actors} {
			b, err := os.ReadFile(filepath.Join(good, table.File()))
			require.NoError(t, err)
			if uint8(table) == which%4 {
				b = data
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, table.File()), b, 0o644))
		}
		tl, _, err := parquet.DecodeDir(dir, &parquet.DecodeOptions{MaxRows: 10_000})
		if err == nil {
			require.NotNil(t, tl)
		}
	})
}

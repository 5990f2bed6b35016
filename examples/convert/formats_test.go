package main

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/timeline/postgres/pgtest"
)

func TestConvertParquet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "seed.parquet")
	require.NoError(t, run(options{in: "-", to: dir}, bytes.NewReader(seedJSON(t, false)), &bytes.Buffer{}))
	tl, _, err := parquet.DecodeDir(dir, nil)
	require.NoError(t, err)
	assert.Equal(t, 15, tl.Len())

	// And back, with a query on the way.
	var out bytes.Buffer
	require.NoError(t, run(options{in: dir, to: "-", format: "jsonl", actor: "Kasachstan"}, nil, &out))
	kz, _, err := jsondoc.DecodeLines(&out, nil)
	require.NoError(t, err)
	assert.Equal(t, 8, kz.Len())
}

func TestConvertReadsICalendar(t *testing.T) {
	mem, _, err := jsondoc.Decode(bytes.NewReader(seedJSON(t, false)), nil)
	require.NoError(t, err)
	var ics bytes.Buffer
	_, err = ical.Encode(&ics, mem, &ical.Options{Lossless: true})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(options{in: "-", to: "-", format: "json", actor: "Kasachstan"}, &ics, &out))
	tl, _, err := jsondoc.Decode(&out, nil)
	require.NoError(t, err)
	assert.Equal(t, 7, tl.Len(), "Kazakhstan's eight events less the open-ended ceremony, which a calendar cannot hold")
}

// TestConvertPostgres loads the seed into PostgreSQL and queries it there:
// the same events as the query in memory.
func TestConvertPostgres(t *testing.T) {
	url := pgtest.URL(t)
	schema := pgtest.Schema(t)
	require.NoError(t, run(options{in: "-", to: url, schema: schema}, bytes.NewReader(seedJSON(t, true)), &bytes.Buffer{}))
	// Twice: the second load merges every event with itself.
	require.NoError(t, run(options{in: "-", to: url, schema: schema}, bytes.NewReader(seedJSON(t, true)), &bytes.Buffer{}))

	mem, _, err := jsondoc.Decode(bytes.NewReader(seedJSON(t, false)), nil)
	require.NoError(t, err)
	for _, o := range []options{{}, {actor: "Kasachstan"}, {from: "2025-11", until: "2025-11", overlaps: true}, {kinds: "phone-call"}} {
		o.in, o.to, o.format, o.schema = url, "-", "jsonl", schema
		var out bytes.Buffer
		require.NoError(t, run(o, nil, &out))
		got, _, err := jsondoc.DecodeLines(&out, nil)
		require.NoError(t, err)
		q, err := query(o)
		require.NoError(t, err)
		assert.Equal(t, slices.Collect(mem.Select(q)), slices.Collect(got.All()), "%+v", o)
		assert.Equal(t, seed.Title, got.Title())
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/timeline/postgres/pgtest"
)

// TestPostgresAnswersAsMemory answers the questions from PostgreSQL and
// from memory, over all the records: the same output, line for line.
func TestPostgresAnswersAsMemory(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "historian")
	if _, err := os.Stat(data); err != nil {
		t.Skip("no data at", data)
	}
	url := pgtest.URL(t)
	var mem, pg bytes.Buffer
	require.NoError(t, run(&mem, data, ""))
	require.NoError(t, runPostgres(&pg, data, "", url, pgtest.Schema(t)))
	assert.Equal(t, mem.String(), pg.String())
	assert.Contains(t, pg.String(), "Longest gap")
}

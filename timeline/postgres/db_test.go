package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/timeline/postgres"
)

// pgEnv names the variable holding the connection string of the test
// database.
const pgEnv = "ACCORDLINE_PG"

var (
	poolOnce sync.Once
	pool     *pgxpool.Pool
	poolErr  error
)

// testPool returns the pool of the test database. Without ACCORDLINE_PG
// the test is skipped, or fails when CI=true: CI must run these tests.
func testPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	url := os.Getenv(pgEnv)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/run starts a server with .ci/postgres)", pgEnv)
		}
		t.Skipf("%s is not set: to run the PostgreSQL tests, start a server with eval \"$(bash .ci/postgres start)\", "+
			"or set %s=postgres://user@host:port/db to a database the tests may create schemas in", pgEnv, pgEnv)
	}
	poolOnce.Do(func() {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			poolErr = err
			return
		}
		cfg.MaxConns = 16
		pool, poolErr = pgxpool.NewWithConfig(context.Background(), cfg)
	})
	require.NoError(t, poolErr)
	return pool
}

// newSchema returns the name of a schema of its own for a test, dropped
// when the test ends.
func newSchema(t testing.TB) string {
	t.Helper()
	p := testPool(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		_, err := p.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		if err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	return schema
}

// openTest opens a timeline in a schema of its own.
func openTest(t testing.TB) *postgres.Timeline {
	t.Helper()
	tl, err := postgres.Open(context.Background(), testPool(t), &postgres.Options{Schema: newSchema(t)})
	require.NoError(t, err)
	return tl
}

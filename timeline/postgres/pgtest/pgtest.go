// Package pgtest gives tests a PostgreSQL database to work in: the one
// named by the variable ACCORDLINE_PG, with a schema of its own for each
// test.
//
// Without ACCORDLINE_PG a test that asks for the database is skipped with
// a message saying how to run it, and when CI=true it fails instead: CI
// must run the database's tests. To run them here:
//
//	eval "$(bash .ci/postgres start)"   # a private server; .ci/postgres stop ends it
//	go test ./...
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/timeline/postgres"
)

// Env names the variable holding the connection string of the test
// database.
const Env = "ACCORDLINE_PG"

var (
	once    sync.Once
	pool    *pgxpool.Pool
	poolErr error
)

// URL returns the connection string of the test database, or skips the
// test (fails it when CI=true) without one.
func URL(t testing.TB) string {
	t.Helper()
	url := os.Getenv(Env)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the PostgreSQL tests (.ci/run starts a server with .ci/postgres)", Env)
		}
		t.Skipf("%s is not set: to run the PostgreSQL tests, start a server with eval \"$(bash .ci/postgres start)\", "+
			"or set %s=postgres://user@host:port/db to a database the tests may create schemas in", Env, Env)
	}
	return url
}

// Pool returns a pool of connections to the test database, shared by the
// tests of the process.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	url := URL(t)
	once.Do(func() {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			poolErr = err
			return
		}
		cfg.MaxConns = 16
		pool, poolErr = pgxpool.NewWithConfig(context.Background(), cfg)
	})
	if poolErr != nil {
		t.Fatalf("%s: %v", Env, poolErr)
	}
	return pool
}

// Schema returns the name of a new schema for the test, dropped with all
// it holds when the test ends.
func Schema(t testing.TB) string {
	t.Helper()
	p := Pool(t)
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

// Open returns an empty timeline in a schema of its own.
func Open(t testing.TB) *postgres.Timeline {
	t.Helper()
	tl, err := postgres.Open(context.Background(), Pool(t), &postgres.Options{Schema: Schema(t)})
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

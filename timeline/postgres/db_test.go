package postgres_test

import (
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/timeline/postgres"
	"github.com/accordline/accordline/timeline/postgres/pgtest"
)

func testPool(t testing.TB) *pgxpool.Pool { return pgtest.Pool(t) }

func newSchema(t testing.TB) string { return pgtest.Schema(t) }

func openTest(t testing.TB) *postgres.Timeline { return pgtest.Open(t) }

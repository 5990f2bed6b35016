package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/accordline/accordline/event"
)

// migrations are the versioned schema changes, applied in the order of
// their numbers: NNNN_what.sql.
//
//go:embed migrations/*.sql
var migrations embed.FS

// A migration is one versioned schema change.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, f := range files {
		base := path.Base(f)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("postgres: migration %s: name is not NNNN_what.sql", base)
		}
		b, err := migrations.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(b)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	return out, nil
}

// SchemaVersion is the version of the schema this package writes and
// reads: the number of its last migration.
const SchemaVersion = 1

// Migrate brings the schema of the timeline to [SchemaVersion], in one
// transaction: it creates the schema named by opts (default "accordline")
// if needed, applies the migrations not yet applied, recorded in the
// table schema_migrations, and refreshes the table of kinds from the
// library. Concurrent calls wait for each other. A database whose schema
// is newer than this package is an error ([ErrSchemaTooNew]).
func Migrate(ctx context.Context, db *pgxpool.Pool, opts *Options) error {
	o := opts.withDefaults()
	q := quoter(o.Schema)
	list, err := loadMigrations()
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		// One migrator at a time per schema: the lock is released with
		// the transaction.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, "accordline:"+o.Schema); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, q(`CREATE SCHEMA IF NOT EXISTS {schema};
CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
)`)); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRow(ctx, q(`SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations`)).Scan(&current); err != nil {
			return err
		}
		if current > SchemaVersion {
			return fmt.Errorf("%w: schema %q is at version %d, this package knows %d", ErrSchemaTooNew, o.Schema, current, SchemaVersion)
		}
		for _, m := range list {
			if m.version <= current {
				continue
			}
			if _, err := tx.Exec(ctx, q(m.sql)); err != nil {
				return fmt.Errorf("postgres: migration %s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, q(`INSERT INTO {schema}.schema_migrations (version, name) VALUES ($1, $2)`), m.version, m.name); err != nil {
				return err
			}
		}
		return syncKinds(ctx, tx, q)
	})
}

// syncKinds writes the kinds of the library into the kinds table, and
// re-ranks the stored events if the library ranks a kind differently: the
// rank is part of the timeline order.
func syncKinds(ctx context.Context, tx pgx.Tx, q func(string) string) error {
	b := &pgx.Batch{}
	for _, k := range event.Kinds() {
		typ, mode := k.PLOVER()
		b.Queue(q(`INSERT INTO {schema}.kinds (word, rank, name, category, cameo, plover_type, plover_mode)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (word) DO UPDATE SET rank = EXCLUDED.rank, name = EXCLUDED.name, category = EXCLUDED.category,
	cameo = EXCLUDED.cameo, plover_type = EXCLUDED.plover_type, plover_mode = EXCLUDED.plover_mode`),
			k.String(), int16(k), k.Name(), k.Category().String(), k.CAMEO(), typ, mode)
	}
	b.Queue(q(`UPDATE {schema}.events e SET sort_kind = k.rank FROM {schema}.kinds k
WHERE k.word = e.kind AND e.sort_kind <> k.rank`))
	return tx.SendBatch(ctx, b).Close()
}

// quoter returns a function that puts the quoted schema name in place of
// {schema} in SQL text.
func quoter(schema string) func(string) string {
	id := pgx.Identifier{schema}.Sanitize()
	return func(s string) string { return strings.ReplaceAll(s, "{schema}", id) }
}

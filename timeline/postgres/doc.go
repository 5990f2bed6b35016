// Package postgres keeps a timeline in PostgreSQL, with the semantics of
// a [timeline.Timeline]: the same validation, the same merging of reports
// of one event, the same total order and the same queries, answered in
// SQL. Several programs share one timeline, and it outlives them.
//
// # Writes
//
// [Timeline.Add] is one transaction, all or nothing, and merges as
// [timeline.Timeline.Add] does, returning the same [timeline.Merged]
// values and the same errors. Every event has a [Version];
// [Timeline.Replace] and [Timeline.Remove] take the version the caller
// read, and fail with a [*StaleError] when another writer changed the
// event since, so that no update is lost. [Timeline.Load] writes a JSON
// Lines stream with COPY in batches, in one transaction.
//
// # Queries
//
// [Timeline.Select] translates a [timeline.Query] into one SQL statement:
// names resolve against the folded names stored with the actors, words
// against the words stored with the events ([timeline.Words]), periods
// against a daterange with a GiST index. The one part no database can
// evaluate is [timeline.Where]: its function runs in this program, on the
// rows that the SQL parts of the query let through. Results stream in
// timeline order as an iter.Seq2 whose last element is the error, if any.
//
// # Schema
//
// [Open] applies the versioned migrations embedded in the package
// ([Migrate]) in the schema [Options.Schema]. The README documents the
// tables for those who query them with SQL directly; the columns derived
// from events (folded keys, sort keys, words, the document each event is
// read back from) are written by this package, so events should be
// changed through it.
//
// # Limits
//
// PostgreSQL's dates begin on 24 November 4714 BCE: an event whose date
// reaches before it cannot be stored, and is reported as
// [event.ErrOutOfRange].
package postgres

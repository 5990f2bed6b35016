// Package jsondoc reads and writes timelines as JSON: whole documents, and
// JSON Lines streams for large sets.
//
// # Documents
//
// A document is one JSON object:
//
//	{
//	  "format": "accordline/timeline",
//	  "version": 1,
//	  "title": "…",
//	  "description": "…",
//	  "actors": [ {"id": "KZ", "type": "state", "name": "Kazakhstan", "names": {"de": "Kasachstan"}, "country": "KZ"}, … ],
//	  "events": [ {"id": "…", "kind": "treaty-accession", "cameo": "057", "plover": {"type": "SUPPORT"}, "status": "announced", "title": "…", "date": "2025-11-06", …}, … ]
//	}
//
// Actors come in ID order and events in timeline order. Dates are in their
// EDTF text form, kinds, statuses, roles and link types as their
// kebab-case words, actors referred to by ID, names and titles in other
// languages as objects keyed by BCP 47 tag. Each event also carries the
// CAMEO code and the PLOVER type and mode of its kind; on input they are
// optional, and must agree with the kind when given. Empty fields are left
// out. The same timeline always gives the same bytes.
//
// The JSON Schemas (draft 2020-12) of a document and of one JSON Lines
// record are in the schema directory of this package and returned by
// [DocumentSchema] and [RecordSchema].
//
// # JSON Lines
//
// A JSON Lines stream has one JSON object on each line: first a header
// {"format": "accordline/lines", "version": 1, "title": …}, then the actors,
// one {"actor": {…}} per line, then the events, one {"event": {…}} per
// line. Actors come first so that a reader can check every event as it
// arrives: [LineReader] reads a stream of any length in constant memory,
// but for the actors, and [LineWriter] writes one record by record.
//
// # Reading
//
// Reading is strict: unknown keys, wrong types, unknown words, invalid
// dates, references to unknown actors, duplicate IDs, codes that disagree
// with the kind, and unsupported versions are errors. Every problem in a
// document is reported, each as an [*event.FieldError] naming the JSON path
// ("events[3].date"), the line and byte offset of the value, the value and
// the reason, in one [event.ErrorList]; the caller gets a whole valid
// timeline or an error, never part of one. Problems that validation finds
// after reading (an unknown actor, a latitude out of range) are located at
// the value too, and problems of the input as a whole name it: "document",
// or, in JSON Lines, "header", "record" or "stream". One mistake is one
// problem: an event that names an actor read with problems is not reported
// for it. Messages cut long values, and long keys in paths, as
// [event.FieldError] does. [DecodeOptions] bound the size of what is read,
// so that hostile input fails fast; a list cut at MaxErrors says so in its
// last problem ([event.ErrTooManyProblems]), with how many were left out
// when they are known.
//
// # The shape of the package
//
// As every format of package export: [Encode] and [EncodeLines] write a
// timeline, [Decode] and [DecodeLines] read one, and each returns an
// [export.Report] with the number of events. JSON carries every event
// whole, so the reports have no notes.
package jsondoc

// Package parquet writes timelines as Apache Parquet files for data
// warehouses and engines such as DuckDB, Spark and BigQuery, and reads
// them back.
//
// # Tables
//
// A Parquet file holds one flat table. A timeline is four, related by the
// event's and the actor's IDs, each in a file of its own:
//
// events.parquet, one row per event, in timeline order:
//
//	id              string   the event's UUID
//	date            string   the date in EDTF ("2025-11-06", "2025-11-07/2026-05~"); null for the unknown date
//	date_text       string   the date as the source words it
//	first_day       date     the first day the event can fall on; null for an open or unknown start
//	last_day        date     the last day; null for an open or unknown end
//	precision       string   "day", "month", "year", "second"…; "none" for the unknown date
//	kind            string   the kind's word ("treaty-accession")
//	kind_name       string   its display name ("Accession")
//	category        string   its category ("treaty", "contact", …)
//	cameo           string   its CAMEO event code ("057")
//	plover_type     string   its PLOVER event type ("CONSULT"); null where PLOVER has none
//	plover_mode     string   its PLOVER mode ("phone")
//	status          string   "occurred", "announced", …
//	title           string   the title, in English
//	description     string
//	discriminator   string
//	order           int64    the event's place among those of its date, from 1
//	place_name, place_venue, place_city, place_country   string
//	place_lat, place_lon                                  double
//	instrument_id, instrument_name                        string
//	tags            list<string>
//	titles          string   JSON: the title in other languages, {"de": "…"}
//	instrument_names string  JSON: the instrument's names in other languages
//	links           string   JSON: [{"type": "announces", "target": "<uuid>"}]
//	alternatives    string   JSON: other reports' wordings, as in JSON documents
//
// participants.parquet, one row per participation:
//
//	event_id        string   the event's UUID
//	position        int32    its place among the event's participants, from 0
//	actor_id        string
//	actor_name      string   the actor's English name
//	actor_name_at   string   its English name at the event's date ("U.S.S.R." in 1972)
//	actor_type      string   "state", "person", "organization" or "body"
//	actor_country   string   the state it is or belongs to (ISO 3166-1 alpha-2)
//	role            string   "host", "guest", "signatory", …
//	capacity        string   "President of Kazakhstan"
//
// sources.parquet, one row per source:
//
//	event_id        string
//	position        int32
//	publisher, url, title, lang   string
//	published       string   the publication date in EDTF
//	published_day   date     its first day
//	quotes          string   JSON: [{"text": "…", "lang": "de", "speaker": "…", "translation": "…", "translationLang": "en"}]
//
// actors.parquet, one row per actor, in ID order:
//
//	id, type, name, country, wikidata   string
//	names           string   JSON: the names in other languages
//	aliases         list<string>
//	period          string   when it existed, in EDTF ("1922-12-30/1991-12-26")
//	first_day, last_day date the first and last possible day of period
//	history         string   JSON: names through time, [{"text": "Zaire", "period": "1971-10-27/1997-05-17"}]
//	predecessors    string   JSON: [{"actor": "soviet-union", "kind": "continuation"}]
//	offices         string   JSON: [{"title": "Secretary of State", "of": "US", "period": "2021-01-26/2025-01-20"}]
//
// Absent values are null. Dates are Parquet DATE values (days since
// 1970-01-01). The JSON columns carry what a flat table cannot, so that
// nothing of a timeline is lost: [DecodeDir] gives back the timeline
// [EncodeDir] wrote, event for event. They are Parquet strings holding
// JSON text, which engines parse on demand (DuckDB: titles::JSON ->> 'de'),
// not Parquet's JSON logical type: the Parquet library used here cannot
// write that type for optional columns (v0.32.0 fails on it).
//
// # Writing and reading
//
// Encode writes one table of a timeline, chosen by [Options.Table], in
// the shape of every format of package export; [EncodeDir] writes all
// four into a directory. A [Writer] writes the four tables as events
// arrive, and [EncodeLines] converts a JSON Lines stream, in memory that
// grows with the actors and one row group per table, not with the
// stream. [DecodeDir] reads a directory of the four files back into a
// timeline; a single table is not a timeline, so there is no Decode of
// one stream.
package parquet

-- Accordline timeline schema, version 1. "{schema}" is replaced by the
-- schema the timeline lives in. Columns named *_key hold the folded forms
-- (event.Fold) that queries match; the sort_* columns hold the timeline
-- order; events.doc holds each event whole, as a JSON Lines record holds
-- it, which is what the package reads back. All are written by package
-- timeline/postgres: write through it.

CREATE TABLE {schema}.timeline (
	singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	title       text NOT NULL DEFAULT '',
	description text NOT NULL DEFAULT ''
);
INSERT INTO {schema}.timeline DEFAULT VALUES;

-- The kinds of event.Kind, refreshed from the library by every Migrate.
CREATE TABLE {schema}.kinds (
	word        text PRIMARY KEY,
	rank        smallint NOT NULL,
	name        text NOT NULL,
	category    text NOT NULL,
	cameo       text NOT NULL,
	plover_type text NOT NULL,
	plover_mode text NOT NULL
);

-- An actor; period is when it existed (EDTF, NULL when not stated), with
-- its first and last possible day (NULL: open or unknown). doc is the
-- whole actor as package jsondoc writes it, which the package reads back.
CREATE TABLE {schema}.actors (
	id        text PRIMARY KEY,
	type      text NOT NULL,
	name      text NOT NULL,
	country   text,
	wikidata  text,
	period    text,
	first_day date,
	last_day  date,
	doc       jsonb NOT NULL
);
CREATE INDEX actors_country ON {schema}.actors (country);

-- The other names of an actor, in order: use 'name' for the name in
-- another language (lang set), 'alias' for an alias (lang NULL),
-- 'history' for a name of a period (lang NULL for English), with the
-- period as EDTF and its first and last possible day in valid_from and
-- valid_until (NULL: unbounded).
CREATE TABLE {schema}.actor_names (
	actor_id    text NOT NULL REFERENCES {schema}.actors (id) ON DELETE CASCADE,
	pos         integer NOT NULL,
	use         text NOT NULL CHECK (use IN ('name', 'alias', 'history')),
	lang        text,
	name        text NOT NULL,
	period      text,
	valid_from  date,
	valid_until date,
	PRIMARY KEY (actor_id, pos)
);

-- The actors an actor succeeded, and how: continuation, dissolution,
-- unification, ... (event.SuccessionKind). predecessor_id may name an
-- actor not stored.
CREATE TABLE {schema}.actor_successions (
	actor_id       text NOT NULL REFERENCES {schema}.actors (id) ON DELETE CASCADE,
	pos            integer NOT NULL,
	predecessor_id text NOT NULL,
	kind           text NOT NULL,
	PRIMARY KEY (actor_id, pos)
);
CREATE INDEX actor_successions_predecessor ON {schema}.actor_successions (predecessor_id);

-- The offices an actor held: the title as capacities word it, whose office
-- it is (of_actor), and the term as EDTF with its first and last possible
-- day (NULL: open or unknown).
CREATE TABLE {schema}.actor_offices (
	actor_id  text NOT NULL REFERENCES {schema}.actors (id) ON DELETE CASCADE,
	pos       integer NOT NULL,
	title     text NOT NULL,
	of_actor  text,
	period    text,
	first_day date,
	last_day  date,
	PRIMARY KEY (actor_id, pos)
);
CREATE INDEX actor_offices_title ON {schema}.actor_offices (title, first_day);

-- Every folded form an actor is found by: its ID, a state's country code,
-- its names and aliases.
CREATE TABLE {schema}.actor_keys (
	key      text NOT NULL,
	actor_id text NOT NULL REFERENCES {schema}.actors (id) ON DELETE CASCADE,
	PRIMARY KEY (key, actor_id)
);
CREATE INDEX actor_keys_actor ON {schema}.actor_keys (actor_id);

CREATE TABLE {schema}.events (
	id              uuid PRIMARY KEY,
	version         bigint NOT NULL,
	kind            text NOT NULL REFERENCES {schema}.kinds (word),
	status          text NOT NULL,
	title           text NOT NULL,
	description     text,
	discriminator   text,
	edtf            text COLLATE "C",
	date_text       text,
	first_day       date,
	last_day        date,
	days            daterange,
	ord             bigint,
	place_name      text,
	place_venue     text,
	place_city      text,
	place_country   text,
	place_lat       double precision,
	place_lon       double precision,
	instrument_id   text,
	instrument_name text,
	instrument_key  text,
	sort_first      integer NOT NULL,
	sort_last       integer NOT NULL,
	sort_precision  smallint NOT NULL,
	sort_clock      integer NOT NULL,
	sort_qualifier  smallint NOT NULL,
	sort_order      integer NOT NULL,
	sort_kind       smallint NOT NULL,
	words           text[] NOT NULL,
	doc             json NOT NULL
);
CREATE INDEX events_order ON {schema}.events (sort_first, sort_last, sort_precision, sort_clock,
	sort_qualifier, edtf, sort_order, sort_kind, id);
CREATE INDEX events_days ON {schema}.events USING gist (days);
CREATE INDEX events_words ON {schema}.events USING gin (words);
CREATE INDEX events_kind ON {schema}.events (kind);
CREATE INDEX events_status ON {schema}.events (status);
CREATE INDEX events_instrument ON {schema}.events (instrument_id);
CREATE INDEX events_instrument_key ON {schema}.events (instrument_key);

CREATE TABLE {schema}.event_titles (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	lang     text NOT NULL,
	title    text NOT NULL,
	PRIMARY KEY (event_id, lang)
);

CREATE TABLE {schema}.participants (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	pos      integer NOT NULL,
	actor_id text NOT NULL REFERENCES {schema}.actors (id),
	role     text NOT NULL,
	capacity text,
	PRIMARY KEY (event_id, pos)
);
CREATE INDEX participants_actor ON {schema}.participants (actor_id, event_id);
CREATE INDEX participants_role ON {schema}.participants (role, event_id);

-- The English name (lang '') and the names in other languages of the
-- instrument as this event gives them.
CREATE TABLE {schema}.instrument_names (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	lang     text NOT NULL,
	name     text NOT NULL,
	key      text NOT NULL,
	PRIMARY KEY (event_id, lang)
);
CREATE INDEX instrument_names_key ON {schema}.instrument_names (key, event_id);

CREATE TABLE {schema}.sources (
	event_id      uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	pos           integer NOT NULL,
	publisher     text,
	publisher_key text,
	url           text,
	title         text,
	lang          text,
	lang_key      text COLLATE "C",
	published     text,
	PRIMARY KEY (event_id, pos)
);
CREATE INDEX sources_publisher ON {schema}.sources (publisher_key, event_id);
CREATE INDEX sources_lang ON {schema}.sources (lang_key, event_id);

CREATE TABLE {schema}.quotes (
	event_id         uuid NOT NULL,
	source_pos       integer NOT NULL,
	pos              integer NOT NULL,
	text             text NOT NULL,
	lang             text,
	lang_key         text COLLATE "C",
	speaker          text REFERENCES {schema}.actors (id),
	translation      text,
	translation_lang text,
	PRIMARY KEY (event_id, source_pos, pos),
	FOREIGN KEY (event_id, source_pos) REFERENCES {schema}.sources (event_id, pos) ON DELETE CASCADE
);
CREATE INDEX quotes_speaker ON {schema}.quotes (speaker, event_id);
CREATE INDEX quotes_lang ON {schema}.quotes (lang_key, event_id);

CREATE TABLE {schema}.tags (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	pos      integer NOT NULL,
	tag      text NOT NULL,
	key      text NOT NULL,
	PRIMARY KEY (event_id, pos)
);
CREATE INDEX tags_key ON {schema}.tags (key, event_id);

CREATE TABLE {schema}.links (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	pos      integer NOT NULL,
	type     text NOT NULL,
	target   uuid NOT NULL,
	PRIMARY KEY (event_id, pos)
);
CREATE INDEX links_target ON {schema}.links (target);

CREATE TABLE {schema}.alternatives (
	event_id uuid NOT NULL REFERENCES {schema}.events (id) ON DELETE CASCADE,
	pos      integer NOT NULL,
	field    text NOT NULL,
	actor_id text,
	role     text,
	value    text NOT NULL,
	source   text,
	PRIMARY KEY (event_id, pos)
);

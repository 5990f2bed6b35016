// Package synth generates synthetic diplomatic timelines that look like real
// ones: made-up states, persons, organizations and government bodies, and
// a stream of events between them over the eighty years from 1946 to 2025.
// Benchmarks use it at 10k, 100k and 1M events, and property tests use it
// as a source of valid, varied events.
//
// # Determinism
//
// The output depends on the [Config] alone: the same Config gives the same
// actors and events, value for value, in every run. The generator draws from
// math/rand/v2's PCG seeded with [Config.Seed]; it never reads the clock or
// a global generator, and never iterates over a map. Time zone offsets come
// from the zone database (the package embeds one with time/tzdata, which a
// system database takes precedence over). The first n events of a Config do
// not depend on [Config.Events], so a longer run extends a shorter one.
//
// # Actors
//
// [Actors] returns, in this order:
//
//   - States (default 200) with two-letter codes such as "LA", English
//     names such as "Lazanova", German names ("Lasanowa") and, for some,
//     French, Russian and Arabic names, so that names carry accents,
//     Cyrillic and Arabic script. Each lies in one of 18 real time zones.
//   - Persons (default 5000) with kebab-case IDs ("anna-mueller",
//     "anna-mueller-2"), names from many languages ("Jürgen Schröder",
//     "Ayşe Yılmaz"), German and Russian forms and aliases. The first person
//     of each state is its leader; the others belong to states chosen with a
//     heavy skew, so a few states have hundreds of persons and most a handful.
//     Each holds an office ("Foreign Minister of Lazanova").
//   - Organizations (default 40) such as "Council for Maritime Cooperation",
//     with German names and their acronym as alias.
//   - Government bodies: a foreign ministry for every state ("la-mfa") and a
//     government for every third state ("la-government").
//
// # Events
//
// The kinds follow diplomatic practice: about a quarter are phone calls
// (26%), a fifth visits of the four kinds (20%), a sixth bilateral meetings
// (16%); statements (8%), announcements (5%), summits and negotiations (4%
// each), dinners (3%) and mediations (1.5%) follow; treaty actions make up
// about a tenth (11%), and the establishment, recognition and breaking of
// relations and the opening and closing of embassies about 2%. Every kind
// of [event.Kinds] occurs, and every event satisfies [event.Event.Validate]
// against a [event.Directory] of the actors: the roles its kind requires,
// its least number of parties, its instrument, states where states are
// required, and a host or place for visits.
//
// Events have one to six participants, mostly persons in their capacity
// ("President of Lazanova"), sometimes states, organizations or bodies.
// About 84% occurred; the others are announced, planned, cancelled or
// postponed. Events that occurred have dates with known ends; the others
// may also have open ("2025-11-06/..", "../2025-11-06") or unknown
// ("2025-11-06/", "/2025-11-06") ends, or no date at all.
//
// Dates are mostly days (70%); about one in eight has a time of day (12%),
// in UTC ("Z"),
// with an offset, or with an offset and its zone name
// ("1989-11-09T19:00:00+01:00[Europe/Berlin]"), and some have no offset.
// Multi-day intervals are common for visits and summits, evenings for
// dinners; a fifth of all dates are intervals. Months (10%), years (4%),
// seasons (2.5%), month and year ranges, unspecified digits ("1975-XX",
// "1975-03-XX", "198X"; decades 0.6%) and approximate or uncertain
// qualifiers (8%) are rarer. Bounded dates fall between 1946-01-01 and
// 2025-12-31, more of them in later years.
//
// Events have English titles and, one in four, German ones; places with
// city and country and sometimes a building and coordinates; instruments
// from a pool of treaties with German names; one to three sources from
// publishers in English, German, French, Russian, Arabic, Spanish and
// traditional Chinese, with https URLs, publication dates and quotes in
// their languages (with umlauts, Arabic, Cyrillic, Chinese and emoji), some
// with English translations; tags from a small pool; and links of every
// type to recently generated events.
//
// # IDs
//
// Each event's ID is the version 5 UUID, in a namespace of this package, of
// the Config and the number of the event: unique within a run even where
// two events share the facts [event.Event.DeriveID] hashes (two calls
// between the same leaders on the same day), and the same in every run.
//
// # Sharing
//
// To keep a million events small, events share what they draw from pools:
// strings, the tag lists, the Names maps of instruments and the
// Coordinates of places. Treat events as read-only, or [event.Event.Clone]
// one before changing it.
package synth

import (
	"iter"
	_ "time/tzdata" // zone names resolve without a system zone database

	"github.com/accordline/accordline/event"
)

// Defaults and limits of [Config].
const (
	// DefaultEvents is the number of events when [Config.Events] is zero.
	DefaultEvents = 10_000
	// DefaultStates is the number of states when [Config.States] is zero.
	DefaultStates = 200
	// DefaultPersons is the number of persons when [Config.Persons] is
	// zero.
	DefaultPersons = 5000
	// DefaultOrganizations is the number of international organizations
	// when [Config.Organizations] is zero.
	DefaultOrganizations = 40
	// DefaultInstruments is the number of treaties and agreements when
	// [Config.Instruments] is zero.
	DefaultInstruments = 150
	// MaxStates is the number of two-letter codes, and so the most states
	// a Config gets.
	MaxStates = 26 * 26
)

// Config says what to generate. Zero (or negative) fields take their
// defaults; fields below the least the event kinds need (eight states, two
// persons and organizations, one instrument) are raised to it.
type Config struct {
	// Seed selects the timeline: each seed gives a different one.
	Seed uint64
	// Events is the number of events; default [DefaultEvents].
	Events int
	// States is the number of states, at most [MaxStates]; default
	// [DefaultStates].
	States int
	// Persons is the number of persons; default [DefaultPersons].
	Persons int
	// Organizations is the number of international organizations; default
	// [DefaultOrganizations].
	Organizations int
	// Instruments is the number of treaties and agreements events refer
	// to; default [DefaultInstruments].
	Instruments int
}

// minStates is the least number of states that lets every event find
// states it does not involve yet: an event has at most six participants.
const minStates = 8

func (c Config) normalize() Config {
	def := func(v, d, least int) int {
		if v <= 0 {
			return d
		}
		return max(v, least)
	}
	c.Events = def(c.Events, DefaultEvents, 1)
	c.States = min(def(c.States, DefaultStates, minStates), MaxStates)
	c.Persons = def(c.Persons, DefaultPersons, 2)
	c.Organizations = def(c.Organizations, DefaultOrganizations, 2)
	c.Instruments = def(c.Instruments, DefaultInstruments, 1)
	return c
}

// Actors returns the actors of cfg: states, then persons, organizations
// and government bodies, each valid by [event.Actor.Validate], with distinct
// IDs. Each call returns new values.
func Actors(cfg Config) []event.Actor {
	return newWorld(cfg.normalize()).actors
}

// Events returns the events of cfg, generated one at a time as they are
// ranged over: the generator holds its actors and a fixed window of recent
// IDs, never the events. Each range over the sequence starts afresh and
// yields the same events.
func Events(cfg Config) iter.Seq[event.Event] {
	cfg = cfg.normalize()
	w := newWorld(cfg)
	return func(yield func(event.Event) bool) {
		g := newGen(w)
		for range cfg.Events {
			if !yield(g.next()) {
				return
			}
		}
	}
}

// Generate returns the actors and the events of cfg, as [Actors] and
// [Events] give them.
func Generate(cfg Config) ([]event.Actor, []event.Event) {
	cfg = cfg.normalize()
	w := newWorld(cfg)
	g := newGen(w)
	events := make([]event.Event, cfg.Events)
	for i := range events {
		events[i] = g.next()
	}
	return w.actors, events
}

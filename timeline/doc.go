// Package timeline keeps diplomatic events in one deterministic order,
// indexes them, and answers questions about them.
//
// # Order
//
// A [Timeline] holds its events in one total order, the same whatever order
// they were added in:
//
//  1. By the first day the event can have taken place ([event.Date.Earliest]).
//     An interval with an open or unknown start counts from the beginning of
//     time.
//  2. On the same first day, the narrower date first: a day before its month,
//     a month before its year, a closed interval before an open one. So
//     finer precision comes before coarser on the same start: what is known
//     precisely reads before what is known roughly. An open-ended date such
//     as the signing ceremony announced for "soon" (2025-11-06/..) thus
//     comes right after every event of 6 November 2025, and the visit "in
//     the coming months" (2025-11-07/2026-05~) after those of 7 November
//     2025 and before those of 8 November.
//  3. On the same day, the whole day before times of day, as calendars list
//     all-day entries first; then by time of day, compared as instants where
//     the zone is known.
//  4. Then unqualified dates before approximate or uncertain ones, and dates
//     that still tie by their text form ([event.Date.Compare]).
//  5. Among events of the same date, those that state their place in the
//     day ([event.Event.Order]: the United Arab Emirates signed before
//     Bahrain on 15 September 2020) first, in that order; then by kind, in
//     the declaration order of [event.Kind], and by ID.
//
// Events without any date come last. [Compare] is this order.
//
// # Queries
//
// A [Query] selects events by kind, status, actor (by ID, or any name in any
// language, ignoring case and accents), country, role, instrument, tag,
// source language and publisher, words of their texts, and dates. Queries
// combine with [And], [Or] and [Not]. [Timeline.Select] answers from
// indexes where it can, and always in timeline order; [Timeline.Scan] gives
// the same answer by testing every event. A name that names nothing makes
// a query select nothing; [Timeline.Check] tells which, with suggestions
// ("did you mean Morocco?").
//
// Imprecise dates get two honest answers: [Within] selects events that
// certainly fall in a period, [Overlaps] those that may.
//
// # Merging reports
//
// Two events with the same ID are two reports of one event. Events without
// an ID get one derived from their identifying facts
// ([event.Event.DeriveID]: kind, date, instrument, actors), so the same
// event reported by two sources gets one ID. [Timeline.Add] merges such
// reports with [event.Merge] and says so: it returns a [Merged] for every
// event it merged, with the wordings the reports differ on. No wording is
// lost: where two reports title or describe the event differently, the
// merged event keeps one in the field and the other as an
// [event.Alternative] naming its source. Facts that cannot be merged, a
// different kind, date, status or instrument, are errors of type
// [*event.ConflictError] naming both values, and the timeline is not
// changed.
//
// Two events that share kind, date, instrument and actors but are distinct
// (two signing ceremonies on one day) must say so: give each an
// [event.Event.Discriminator] ("morning", "evening"), which takes part in
// the derived ID, or an ID of its own.
//
// # Copies and concurrency
//
// What a Timeline returns is the caller's own: the events of [Timeline.All],
// [Timeline.Select] and the views are copies, so changing them changes
// neither the timeline nor its indexes; to change an event, change the copy
// and [Timeline.Replace] it. The one exception is [Timeline.Shared], for
// readers that only read: it yields the timeline's own events, uncopied,
// which must not be modified. They stay as they were read, since the
// timeline never changes an event it holds but puts a new one in its
// place.
//
// A Timeline is safe for concurrent use. Reads run in parallel and never
// wait for each other; writes are serialized and wait for reads in
// progress to finish planning, not for their iterations. A sequence of
// events reads the timeline when a loop starts ranging over it, not when
// the sequence is made, and the loop sees the timeline as it was then: a
// loop may write to the timeline it ranges over without seeing its own
// changes.
package timeline

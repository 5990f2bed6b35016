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
//  5. Then by kind, in the declaration order of [event.Kind], and by ID.
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
// the same answer by testing every event.
//
// Imprecise dates get two honest answers: [Within] selects events that
// certainly fall in a period, [Overlaps] those that may.
//
// # Merging reports
//
// Adding an event whose ID is already present merges the two reports (see
// [Merge]): sources, tags, links and participants are united; conflicting
// facts — a different kind, date, status or instrument — are errors of type
// [*ConflictError] that name both values, and the timeline is not changed.
// Since events without an ID get one derived from their identifying facts
// ([event.Event.DeriveID]), the same event reported by two sources merges on
// its own.
//
// # Concurrency
//
// A Timeline is safe for concurrent use. Reads run in parallel and never
// wait for each other; writes are serialized and wait for reads in
// progress to finish planning, not for their iterations. Query results are
// taken from the timeline as it was when the query ran: the lists they
// range over are never changed in place, so a loop may write to the
// timeline it ranges over. Events returned by a timeline are shared and must
// not be modified; change a [event.Event.Clone] and [Timeline.Replace] it.
package timeline

// Package event models diplomatic events: treaty signatures, ratifications
// and accessions, phone calls, visits, meetings and summits, signing
// ceremonies, announcements and statements, and the establishment or
// breaking of relations.
//
// An [Event] has a [Kind], [Actor]s in [Role]s ([Participation]), a [Date], a
// [Status], a [Place], the [Instrument] it concerns, the [Source]s that
// report it with their [Quote]s, tags, and [Link]s to other events.
//
// Dates are kept as the sources give them: a year ("since 1992"), a month,
// a day, a day with a time and zone, an interval whose ends may be open or
// unknown ("soon"), approximate or uncertain ("in the coming months"). The
// text form is EDTF (ISO 8601-2); see [ParseDate]. Each date covers a range
// of calendar days ([Day]) whose ends may be open, and dates are totally
// ordered by [Date.Compare].
//
// Two reports of one event get one ID ([Event.DeriveID]) and combine with
// [Merge], which keeps every wording: where reports differ, the event keeps
// one and lists the others as [Alternative]s with their sources. Distinct
// events that would share an ID say so with an [Event.Discriminator].
//
// Actors have names in many languages; a [Directory] finds them by any of
// them, ignoring case and accents, so that the German "Kasachstan" and
// "Tokajew" find the same actors as "Kazakhstan" and "Tokayev".
//
// Actors change over time, and the model keeps it: an actor's names carry
// the period of their use ([Actor.History]; [Actor.NameAt] gives the name
// of an event's date, "Zaire" in 1990, and [Directory.ResolveActorAt]
// resolves a name as of a date); a state carries the period it existed
// ([Actor.Period]) and the states it succeeded, and how
// ([Actor.Predecessors], [SuccessionKind]; [Directory.Successors] finds
// them in reverse); a person carries the offices held, with their terms
// ([Actor.Offices]), from which a participation without a capacity gets
// the capacity of its date ([Event.Capacity]) and against which
// [Event.Validate] checks the capacity given.
//
// The vocabularies ([Kind], [Role], [Status], [ActorType], [LinkType],
// [SuccessionKind]) are closed; their text forms are stable kebab-case
// words, and each Kind carries its CAMEO event code and PLOVER event type
// and mode.
//
// [Event.Validate] reports every problem at once, as an [ErrorList] of
// [FieldError]s naming the field path and the value, usable with
// [errors.Is] and [errors.As]. The readers of package export report the
// problems of their input in the same ErrorList, with lines and offsets.
//
// All types encode to JSON through their text forms, losslessly.
package event

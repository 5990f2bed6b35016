// Package ical writes timelines as iCalendar (RFC 5545, with the RFC 7986
// calendar properties) for calendar clients to subscribe to or import, and
// reads iCalendar, its own and the calendars people have (Outlook,
// Google, Apple, and older producers), into timelines.
//
// # Writing
//
// [Encode] writes one VCALENDAR: VERSION, PRODID, CALSCALE, NAME and
// X-WR-CALNAME, DESCRIPTION, and optionally URL, REFRESH-INTERVAL and
// METHOD:PUBLISH; a VTIMEZONE for every zone an event's date names; and
// one VEVENT per event with UID (the event's UUID), DTSTAMP (from an
// injectable clock, so output can be reproduced), SEQUENCE, DTSTART and
// DTEND, SUMMARY, DESCRIPTION (participants with roles and capacities, the
// instrument, the sources with their quotes), LOCATION, GEO, CATEGORIES
// (the kind and the tags), STATUS, URL (the first source's), RELATED-TO for
// links, and X- properties for the kind, status and EDTF date
// (X-ACCORDLINE-KIND, X-ACCORDLINE-STATUS, X-ACCORDLINE-DATE), the CAMEO
// code and PLOVER type and mode (X-CAMEO-CODE, X-PLOVER-TYPE,
// X-PLOVER-MODE). With [Options.Lossless], X-ACCORDLINE-EVENT holds each
// event and X-ACCORDLINE-ACTOR each actor as JSON, in base64
// (ENCODING=BASE64;VALUE=BINARY), which no parser unescapes or refolds.
//
// A VTIMEZONE is generated from the Go zone database, exact for the
// years of the events that use it, as Outlook and Google write theirs: a
// change of offset that recurs every year on one rule is one observance
// with an RRULE (FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU), with UNTIL where the
// rule ended; irregular changes are dated. Every observance begins before
// the events: rules that begin within their years are listed as RDATEs,
// since some readers (the Ruby icalendar gem) fail on an observance that
// begins after an event.
//
// # Dates
//
// A day is an all-day event: DTSTART;VALUE=DATE and the exclusive DTEND of
// the next day; a closed interval of days ends the day after its last day.
// A time with a zone name is written in that zone with TZID; a time with
// only an offset in UTC; a local time without offset as floating time;
// never a TZID on a UTC value; the second of two instants with the same
// local time, as when clocks go back, in UTC. Dates a calendar cannot hold
// exactly follow a [DatePolicy]: by default, dates of coarse precision (a
// month, a year, "in the coming months") span the days they cover with the
// date as the source words it added to the summary, and dates with an open
// or unknown end ("soon") are left out. [Encode] returns a [Report] of
// every event it approximated or skipped, with the reason: nothing is
// dropped silently.
//
// # Encoding rules
//
// Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
// character. TEXT values escape backslash, semicolon, comma and line
// breaks; bare CRs and other control characters are dropped. Parameter
// values are double-quoted when they need it and use the RFC 6868 caret
// escapes, never backslashes. URIs are written with the characters RFC
// 3986 does not allow in them percent-encoded; a URI or parameter value
// with a control character is refused with [ErrUnsafeValue] rather than
// written: no text can start a property or component it was not meant to
// be.
//
// # Reading
//
// [Decode] reads what [Encode] writes back to the same events: with the
// lossless properties exactly, else the kind, status, date and title from
// the X- properties and the rest the standard properties hold. It reads
// other producers' calendars too. Reading is lenient by default: every
// event that can be read is kept, and a problem costs only its property
// where the event stands without it (a DTEND not after DTSTART, a
// property or parameter given twice, a line without a colon or too long,
// an unknown STATUS), else only its event (a DTSTART, UID or
// RECURRENCE-ID that cannot be read, a VEVENT cut off by the end of the
// input); problems outside any VEVENT cost only their line or component.
// Each is a note of the [export.Report] with the line, the property and
// the reason. [DecodeOptions.Strict] makes every problem an error, and
// Decode returns them all, as an [event.ErrorList] naming line, property
// and value, and no timeline.
//
// What lenient reading accepts besides RFC 5545, and notes: a VCALENDAR
// without VERSION (read as 2.0); a VEVENT without END:VEVENT before the
// next BEGIN:VEVENT or END:VCALENDAR (taken to end there); control
// characters and invalid UTF-8 (removed); escapes such as \" (read as the
// character); a TZID on a UTC time (read as UTC); to-do statuses such as
// NEEDS-ACTION (read as no status); leap seconds (23:59:60, read as
// 23:59:59); a DATE with the Z of UTC (20210527Z, read as the day);
// lines longer than 75 octets, LF line ends and blank lines before a
// continuation line (read without a note, as they carry no loss); several
// VCALENDARs in one stream.
//
// # Zones
//
// A TZID names the zone of the calendar's VTIMEZONE of that TZID, whose
// offsets are followed (rules by month and weekday or month day, with
// UNTIL or COUNT, BYHOUR and BYMINUTE, and RDATEs). The time is given the
// zone database's zone when the TZID names one and agrees with the
// VTIMEZONE: the name itself ("Europe/Berlin"), the name after a prefix
// ("/mozilla.org/20050126_1/Europe/Berlin", "/Europe/Stockholm"), the
// X-LIC-LOCATION of the VTIMEZONE, or a Windows zone name or display name
// ("W. Europe Standard Time", "(UTC-05:00) Eastern Time (US & Canada)")
// by the table of Unicode CLDR's windowsZones. Without a VTIMEZONE, that
// zone alone says the offset, and reading a name other than the zone
// database's is noted as guessed. A TZID neither knows is a problem: in
// lenient reading the time is read as a floating local time, and noted as
// approximated. With [DecodeOptions.CalendarZone], floating times are read
// in the zone X-WR-TIMEZONE names, as Google and Apple mean them.
//
// # Recurrence
//
// RRULE (every part of RFC 5545 3.3.10), RDATE (dates, times and periods)
// and EXDATE are expanded into occurrences, DTSTART the first, within
// [DecodeOptions.Window]; a VEVENT with RECURRENCE-ID replaces the
// occurrence it names. Each occurrence is an event of its own, with the
// properties of its series (or of its override), its own date, the ID
// derived from the UID and its start (the version 5 UUID, in
// event.Namespace, of the UID, a NUL byte, and the RECURRENCE-ID value of
// the occurrence, in UTC for a time in a zone), so that an override has
// the ID of the occurrence it replaces and every reading, with any
// window, gives the same IDs; and a part-of link to its series, the ID
// the UID gives, which is not an event of the timeline: a series has no
// date of its own that a timeline could show. A rule without COUNT or
// UNTIL needs a window with an end: without one it is an error, or in
// lenient reading a note, and only DTSTART and the RDATEs are read.
// [DecodeOptions.MaxOccurrences] and a bound on the steps of one rule's
// expansion bound the work whatever the rule.
//
// # What reading guesses
//
// Foreign events become events of the model, and the report notes each
// guess. SUMMARY is the title ("Untitled event" without one); DESCRIPTION
// the description; LOCATION the place's name, its lines joined by commas;
// GEO its coordinates; URL a source; CATEGORIES the tags; STATUS the
// status (CONFIRMED occurred, TENTATIVE planned, CANCELLED cancelled,
// otherwise announced); RELATED-TO the links. A VEVENT without UID gets an
// ID derived from its DTSTART, DTEND, DURATION, SUMMARY, LOCATION and
// RRULE, so that reading it twice gives one ID.
//
// ORGANIZER takes part as organizer, each ATTENDEE as participant (host
// with ROLE=CHAIR); attendees that declined, take no part or are rooms
// and resources are left out. Each is the actor of [DecodeOptions.Actors]
// (or of the calendar's X-ACCORDLINE-ACTORs) whose name or alias is its CN
// or its email address, else an actor made for it (a person, a body for
// CUTYPE=GROUP) whose ID is its address with "@" written ":"
// ("jane.doe:example.org"), noted as created.
//
// The kind is X-ACCORDLINE-KIND; else the kind [DecodeOptions.Kinds] maps
// a category to; else the kind a category names by its word or display
// name ("phone-call", "Phone call"); else [DecodeOptions.DefaultKind];
// else a guess from the actors the event names: an announcement with
// none or one, a bilateral meeting with two, a summit with more. The
// roles the kind needs go to the organizer, else to the calendar's
// publisher ([DecodeOptions.Publisher], or an actor made for the calendar
// and named after it), which also joins as participant where the kind
// needs more parties. Where a category named a kind the event cannot be
// (an accession without its instrument), the kind is guessed as if none
// had. An event that is still not a valid event of the model is left out
// and noted, with the problems and the lines of the properties at fault.
package ical

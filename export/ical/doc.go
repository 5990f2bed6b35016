// Package ical writes timelines as iCalendar (RFC 5545, with the RFC 7986
// calendar properties) for calendar clients to subscribe to or import, and
// reads iCalendar back into events.
//
// # Writing
//
// [Encode] writes one VCALENDAR: VERSION, PRODID, CALSCALE, NAME and
// X-WR-CALNAME, DESCRIPTION, and optionally URL, REFRESH-INTERVAL and
// METHOD:PUBLISH; a VTIMEZONE for every zone an event's date names,
// generated from the Go zone database for the years of those events; and
// one VEVENT per event with UID (the event's UUID), DTSTAMP (from an
// injectable clock, so output can be reproduced), SEQUENCE, DTSTART and
// DTEND, SUMMARY, DESCRIPTION (participants with roles and capacities, the
// instrument, the sources with their quotes), LOCATION, GEO, CATEGORIES
// (the kind and the tags), STATUS, URL (the first source's), RELATED-TO for
// links, and X- properties for the kind, status and EDTF date
// (X-ACCORDLINE-KIND, X-ACCORDLINE-STATUS, X-ACCORDLINE-DATE), the CAMEO
// code and PLOVER type and mode (X-CAMEO-CODE, X-PLOVER-TYPE,
// X-PLOVER-MODE).
//
// # Dates
//
// A day is an all-day event: DTSTART;VALUE=DATE and the exclusive DTEND of
// the next day; a closed interval of days ends the day after its last day.
// A time with a zone name is written in that zone with TZID; a time with
// only an offset in UTC; a local time without offset as floating time;
// never a TZID on a UTC value. Dates a calendar cannot hold exactly follow
// a [DatePolicy]: by default, dates of coarse precision (a month, a year,
// "in the coming months") span the days they cover with the date as the
// source words it added to the summary, and dates with an open or unknown
// end ("soon") are left out. [Encode] returns a [Report] of every event it
// approximated or skipped, with the reason: nothing is dropped silently.
//
// # Encoding rules
//
// Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
// character. TEXT values escape backslash, semicolon, comma and line
// breaks; bare CRs and other control characters are dropped. Parameter
// values are double-quoted when they need it and use the RFC 6868 caret
// escapes, never backslashes. A URI or parameter value with a control
// character is refused with [ErrUnsafeValue] rather than written: no text
// can start a property or component it was not meant to be.
package ical

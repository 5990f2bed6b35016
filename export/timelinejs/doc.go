// Package timelinejs writes timelines as Knight Lab TimelineJS3 JSON, the
// format the TimelineJS viewer loads (timeline.knightlab.com/docs/json-format.html):
//
//	{
//	  "title": {"text": {"headline": "…", "text": "…"}},
//	  "events": [
//	    {
//	      "start_date": {"year": 2025, "month": 11, "day": 6, "display_date": "6 November 2025"},
//	      "display_date": "6 November 2025",
//	      "text": {"headline": "…", "text": "<p>…</p>"},
//	      "group": "Phone call",
//	      "unique_id": "…"
//	    }, …
//	  ]
//	}
//
// Slides come in timeline order, one per event, with the event's ID as
// unique_id. Date parts are numbers, and only as precise as the date: a
// month gives a year and a month but no day, a year only a year, a decade
// or a season only its first year. Years are astronomical, so 1 BCE is 0
// and 44 BCE is -43, as in JavaScript. An interval with a known end also
// gets an end_date; an open or unknown end gets none, and its display_date
// says so ("From 6 November 2025"). An interval with only a known end is
// placed at its end ("Until …"). The display_date is the date as the source
// words it (event.Event.DateText), with a readable rendering of the date
// added where the wording does not already contain it.
//
// TimelineJS renders headlines, texts, groups and display dates as HTML.
// Every piece of text taken from events, actors and the timeline is
// escaped with [html.EscapeString], so no event can inject markup; the
// only markup in the output is the package's own. Source links are written
// only for http and https URLs.
//
// Events without any date cannot be placed on a timeline: [Encode] leaves
// them out and lists them in its [Report].
//
// The output is deterministic: the same timeline gives the same bytes.
package timelinejs

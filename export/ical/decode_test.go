package ical

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

const fixtures = "/work/shared/tools/icalcheck/fixtures"

const testUID = "0b5d3c43-6c5e-4d0e-9a43-1f6a0e2f6a11"

// ics joins lines with CRLF, as a calendar file.
func ics(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

// oneEvent is a calendar with one VEVENT holding props, which start on
// line 5.
func oneEvent(props ...string) string {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT"}
	lines = append(lines, props...)
	return ics(append(lines, "END:VEVENT", "END:VCALENDAR")...)
}

// withZone is a calendar with a VTIMEZONE (its lines) before one VEVENT.
func withZone(zone []string, props ...string) string {
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"}
	lines = append(lines, zone...)
	lines = append(lines, "BEGIN:VEVENT")
	lines = append(lines, props...)
	return ics(append(lines, "END:VEVENT", "END:VCALENDAR")...)
}

func decodeOne(t *testing.T, input string) event.Event {
	t.Helper()
	evs, err := decodeEvents(strings.NewReader(input), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, evs, 1)
	return evs[0]
}

// lines returns the line numbers of the problems of err, which must be an
// event.ErrorList.
func lines(t *testing.T, err error) []int {
	t.Helper()
	var l event.ErrorList
	require.ErrorAs(t, err, &l)
	var out []int
	for _, e := range l {
		out = append(out, e.Line)
	}
	return out
}

func TestDecodeTextEscapes(t *testing.T) {
	tests := []struct {
		value, want string
	}{
		{`plain`, "plain"},
		{`a\, b`, "a, b"},
		{`a\; b`, "a; b"},
		{`back\\slash`, `back\slash`},
		{`line\nbreak`, "line\nbreak"},
		{`line\Nbreak`, "line\nbreak"},
		{`\\n is not a line break`, `\n is not a line break`},
		{`tab	kept`, "tab\tkept"},
		{`colon: and "quotes" need no escape`, `colon: and "quotes" need no escape`},
		{`Kasachstan tritt dem Abraham-Abkommen bei – „Bund der Stärke“`, `Kasachstan tritt dem Abraham-Abkommen bei – „Bund der Stärke“`},
		{``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			e := decodeOne(t, oneEvent("UID:"+testUID, "DESCRIPTION:"+tt.value))
			assert.Equal(t, tt.want, e.Description)
		})
	}
}

func TestDecodeStatus(t *testing.T) {
	tests := []struct {
		props []string
		want  event.Status
	}{
		{[]string{"STATUS:CONFIRMED"}, event.Occurred},
		{[]string{"STATUS:TENTATIVE"}, event.Planned},
		{[]string{"STATUS:CANCELLED"}, event.Cancelled},
		{[]string{"STATUS:confirmed"}, event.Occurred},
		{nil, event.Announced},
		{[]string{"STATUS:TENTATIVE", "X-ACCORDLINE-STATUS:postponed"}, event.Postponed},
		{[]string{"STATUS:TENTATIVE", "X-ACCORDLINE-STATUS:announced"}, event.Announced},
		{[]string{"X-ACCORDLINE-STATUS:occurred"}, event.Occurred},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.props, ","), func(t *testing.T) {
			e := decodeOne(t, oneEvent(append([]string{"UID:" + testUID}, tt.props...)...))
			assert.Equal(t, tt.want, e.Status)
		})
	}
}

func TestDecodeKindAndCategories(t *testing.T) {
	tests := []struct {
		name  string
		opts  DecodeOptions
		props []string
		kind  event.Kind
		tags  []string
	}{
		{"X-ACCORDLINE-KIND, its name first", DecodeOptions{}, []string{"CATEGORIES:Phone call,C5+1,abraham-accords", "X-ACCORDLINE-KIND:phone-call"},
			event.PhoneCall, []string{"C5+1", "abraham-accords"}},
		{"X-ACCORDLINE-KIND, a tag equal to its name", DecodeOptions{}, []string{"CATEGORIES:Summit or conference,Summit or conference", "X-ACCORDLINE-KIND:summit"},
			event.Summit, []string{"Summit or conference"}},
		{"X-ACCORDLINE-KIND, no categories", DecodeOptions{}, []string{"X-ACCORDLINE-KIND:treaty-accession"}, event.TreatyAccession, nil},
		{"kind word in CATEGORIES", DecodeOptions{}, []string{"CATEGORIES:diplomacy,phone-call"}, event.PhoneCall, []string{"diplomacy"}},
		{"kind name in CATEGORIES, any case", DecodeOptions{}, []string{"CATEGORIES:TREATY,ACCESSION"}, event.TreatyAccession, []string{"TREATY"}},
		{"no kind and no one named: an announcement", DecodeOptions{}, []string{"CATEGORIES:Meetings"}, event.Announcement, []string{"Meetings"}},
		{"no kind, two named: a bilateral meeting", DecodeOptions{}, []string{"ORGANIZER;CN=A:mailto:a@example.org", "ATTENDEE;CN=B:mailto:b@example.org"}, event.BilateralMeeting, nil},
		{"no kind, three named: a summit", DecodeOptions{}, []string{"ORGANIZER:mailto:a@example.org", "ATTENDEE:mailto:b@example.org", "ATTENDEE:mailto:c@example.org"}, event.Summit, nil},
		{"a category the caller maps", DecodeOptions{Kinds: map[string]event.Kind{"PRESSEKONFERENZ": event.Statement}}, []string{"CATEGORIES:Pressekonferenz,Berlin"}, event.Statement, []string{"Berlin"}},
		{"the caller's map comes first", DecodeOptions{Kinds: map[string]event.Kind{"visit": event.StateVisit}}, []string{"CATEGORIES:Visit"}, event.StateVisit, nil},
		{"a category twice is one tag", DecodeOptions{}, []string{"CATEGORIES:a,b,a", "CATEGORIES:b"}, event.Announcement, []string{"a", "b"}},
		{"no kind: the given default", DecodeOptions{DefaultKind: event.Statement}, nil, event.Statement, nil},
		{"several CATEGORIES", DecodeOptions{}, []string{"CATEGORIES:a,b", "CATEGORIES:Visit", "CATEGORIES:c"}, event.Visit, []string{"a", "b", "c"}},
		{"escaped comma in a tag", DecodeOptions{}, []string{`CATEGORIES:Washington\, D.C.,x`}, event.Announcement, []string{"Washington, D.C.", "x"}},
		{"empty categories dropped", DecodeOptions{}, []string{"CATEGORIES:a,,b,"}, event.Announcement, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := decodeEvents(strings.NewReader(oneEvent(append([]string{"UID:" + testUID}, tt.props...)...)), tt.opts)
			require.NoError(t, err)
			require.Len(t, evs, 1)
			assert.Equal(t, tt.kind, evs[0].Kind)
			assert.Equal(t, tt.tags, evs[0].Tags)
		})
	}
}

func TestDecodeRelatedTo(t *testing.T) {
	target := uuid.MustParse("7e1f5c0e-58a4-4f8e-9e0c-1c1c2f4c9b01")
	e := decodeOne(t, oneEvent("UID:"+testUID,
		"RELATED-TO;RELTYPE=PARENT:"+target.String(),
		"RELATED-TO;RELTYPE=X-ACCORDLINE-ANNOUNCES:"+target.String(),
		"RELATED-TO;RELTYPE=X-ACCORDLINE-FOLLOWS:"+target.String(),
		"RELATED-TO;RELTYPE=x-accordline-refers-to:"+target.String(),
		"RELATED-TO;RELTYPE=SIBLING:"+target.String(),
		"RELATED-TO:"+target.String(),
		"RELATED-TO;RELTYPE=PARENT:summit-2025@example.org",
	))
	assert.Equal(t, []event.Link{
		{Type: event.PartOf, Target: target},
		{Type: event.Announces, Target: target},
		{Type: event.Follows, Target: target},
		{Type: event.RefersTo, Target: target}, // three times in the input
		{Type: event.PartOf, Target: uuid.NewSHA1(event.Namespace, []byte("summit-2025@example.org"))},
	}, e.Links)
}

func TestDecodeFields(t *testing.T) {
	e := decodeOne(t, oneEvent(
		"UID:call-2025-002@example.org",
		"SUMMARY:Phone call with FM",
		"X-ACCORDLINE-TITLE:Trump calls Tokayev",
		`DESCRIPTION:First line\nsecond\, with comma`,
		`LOCATION:White House\, Oval Office`,
		"GEO:38.897700;-77.036500",
		"URL:https://example.org/a?b=c;d",
		"DTSTAMP:20250102T030405Z",
		"SEQUENCE:3",
		"ATTENDEE;CN=Minister:mailto:min@example.org",
		"X-WHATEVER;X-P=1:ignored",
	))
	assert.Equal(t, uuid.NewSHA1(event.Namespace, []byte("call-2025-002@example.org")), e.ID)
	assert.Equal(t, "Trump calls Tokayev", e.Title)
	assert.Equal(t, "First line\nsecond, with comma", e.Description)
	assert.Equal(t, "White House, Oval Office", e.Place.Name)
	assert.Equal(t, &event.Coordinates{Lat: 38.8977, Lon: -77.0365}, e.Place.Coordinates)
	assert.Equal(t, []event.Source{{URL: "https://example.org/a?b=c;d"}}, e.Sources)

	e = decodeOne(t, oneEvent("UID:"+strings.ToUpper(testUID), "GEO:+1;-0.5"))
	assert.Equal(t, uuid.MustParse(testUID), e.ID)
	assert.Equal(t, &event.Coordinates{Lat: 1, Lon: -0.5}, e.Place.Coordinates)
}

func TestDecodeSkips(t *testing.T) {
	evs, err := decodeEvents(strings.NewReader(ics(
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"BEGIN:VTODO",
		"UID:todo",
		"BEGIN:VEVENT", // inside a skipped component: skipped too
		"END:VEVENT",
		"END:VTODO",
		"BEGIN:VEVENT",
		"UID:a",
		"SUMMARY:first",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"SUMMARY:not the event's",
		"DESCRIPTION:not the event's",
		"END:VALARM",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:a",
		"RECURRENCE-ID:20251106T100000Z",
		"SUMMARY:an override of an occurrence",
		"END:VEVENT",
		"BEGIN:X-CUSTOM",
		"X-A:b",
		"END:X-CUSTOM",
		"BEGIN:VEVENT",
		"UID:b",
		"SUMMARY:second",
		"END:VEVENT",
		"END:VCALENDAR",
		"BEGIN:VCALENDAR",
		"BEGIN:VEVENT",
		"UID:c",
		"SUMMARY:third, in a second calendar",
		"END:VEVENT",
		"END:VCALENDAR",
	)), DecodeOptions{})
	require.NoError(t, err)
	var titles []string
	for _, e := range evs {
		titles = append(titles, e.Title)
	}
	assert.Equal(t, []string{"first", "second", "third, in a second calendar"}, titles)
	assert.Empty(t, evs[0].Description)
}

func TestDecodeErrors(t *testing.T) {
	uid := "UID:" + testUID
	tests := []struct {
		name  string
		input string
		lines []int
		is    error
	}{
		{"no colon", oneEvent(uid, "SUMMARY Kazakhstan"), []int{6}, nil},
		{"no colon in a folded line", oneEvent(uid, "SUMMARY", " Kazakhstan"), []int{6}, nil},
		{"END without BEGIN", oneEvent(uid, "END:VTODO"), []int{6}, nil},
		{"END of the wrong component", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", uid, "END:VCALENDAR", "END:VEVENT"), []int{1, 2, 5}, nil}, // and no VERSION
		{"VEVENT inside VEVENT", oneEvent(uid, "BEGIN:VEVENT", "UID:x", "END:VEVENT"), []int{6}, nil},
		{"VEVENT outside VCALENDAR", ics("BEGIN:VEVENT", uid, "END:VEVENT"), []int{1, 1}, nil}, // and no VCALENDAR
		{"property outside VCALENDAR", ics("VERSION:2.0", "BEGIN:VCALENDAR", "END:VCALENDAR"), []int{1, 2}, nil},
		{"VCALENDAR inside VCALENDAR", ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VCALENDAR", "END:VCALENDAR", "END:VCALENDAR"), []int{3}, nil},
		{"no VERSION", ics("BEGIN:VCALENDAR", "PRODID:x", "END:VCALENDAR"), []int{1}, nil},
		{"STANDARD outside VTIMEZONE", oneEvent(uid, "BEGIN:STANDARD", "END:STANDARD"), []int{6}, nil},
		{"unterminated calendar", ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", uid, "END:VEVENT"), []int{1}, nil},
		{"unterminated VEVENT", ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", uid), []int{1, 3}, nil},
		{"BEGIN without a name", oneEvent(uid, "BEGIN:", "END:"), []int{6, 7}, nil},
		{"empty input", "", []int{1}, nil},
		{"only blank lines", "\r\n\r\n\n", []int{1}, nil},
		{"no VCALENDAR", "X-A:b\r\n", []int{1, 1}, nil},
		{"VERSION 1.0", ics("BEGIN:VCALENDAR", "VERSION:1.0", "END:VCALENDAR"), []int{2}, nil},
		{"bad month", oneEvent(uid, "DTSTART;VALUE=DATE:20251306"), []int{6}, nil},
		{"bad day", oneEvent(uid, "DTSTART;VALUE=DATE:20250230"), []int{6}, nil},
		{"short DATE", oneEvent(uid, "DTSTART;VALUE=DATE:2025110"), []int{6}, nil},
		{"DATE-TIME with VALUE=DATE", oneEvent(uid, "DTSTART;VALUE=DATE:20251106T100000Z"), []int{6}, nil},
		{"bad hour", oneEvent(uid, "DTSTART:20251106T250000Z"), []int{6}, nil},
		{"bad DATE-TIME", oneEvent(uid, "DTSTART:2025-11-06T10:00:00Z"), []int{6}, nil},
		{"VALUE=PERIOD", oneEvent(uid, "DTSTART;VALUE=PERIOD:20251106T100000Z/PT1H"), []int{6}, nil},
		{"bad DTEND", oneEvent(uid, "DTSTART:20251106T100000Z", "DTEND:20251106T1000"), []int{7}, nil},
		{"DTEND before DTSTART", oneEvent(uid, "DTSTART:20251106T100000Z", "DTEND:20251106T090000Z"), []int{7}, nil},
		{"all-day DTEND not after DTSTART", oneEvent(uid, "DTSTART;VALUE=DATE:20251106", "DTEND;VALUE=DATE:20251106"), []int{7}, nil},
		{"DTEND of another type", oneEvent(uid, "DTSTART;VALUE=DATE:20251106", "DTEND:20251107T100000Z"), []int{7}, nil},
		{"floating DTSTART, UTC DTEND", oneEvent(uid, "DTSTART:20251106T100000", "DTEND:20251106T110000Z"), []int{7}, nil},
		{"DTEND and DURATION", oneEvent(uid, "DTSTART:20251106T100000Z", "DTEND:20251106T110000Z", "DURATION:PT1H"), []int{8}, nil},
		{"DTEND without DTSTART", oneEvent(uid, "DTEND:20251106T110000Z"), []int{6}, nil},
		{"bad DURATION", oneEvent(uid, "DTSTART:20251106T100000Z", "DURATION:1H"), []int{7}, nil},
		{"negative DURATION", oneEvent(uid, "DTSTART:20251106T100000Z", "DURATION:-PT1H"), []int{7}, nil},
		{"DURATION with hours for an all-day event", oneEvent(uid, "DTSTART;VALUE=DATE:20251106", "DURATION:PT1H"), []int{7}, nil},
		{"TZID on UTC", oneEvent(uid, "DTSTART;TZID=Europe/Paris:20251106T100000Z"), []int{6}, nil},
		{"unknown TZID", oneEvent(uid, "DTSTART;TZID=Mars/Olympus:20251106T100000"), []int{6}, nil},
		{"TZID Local", oneEvent(uid, "DTSTART;TZID=Local:20251106T100000"), []int{6}, nil},
		{"unsupported zone rule", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"RRULE:FREQ=MONTHLY", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"},
			uid, "DTSTART;TZID=Odd:20251106T100000"), []int{8}, nil},
		{"zone rule with COUNT and UNTIL", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;COUNT=3;UNTIL=19800101T000000Z", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"},
			uid, "DTSTART;TZID=Odd:20251106T100000"), []int{8}, nil},
		{"unsupported zone rule of a zone not used", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"RRULE:FREQ=MONTHLY", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"},
			uid, "DTSTART;TZID=Odd:20251106T100000", "GEO:x"), []int{8, 16}, nil},
		{"bad observance", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZOFFSETFROM:+01", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"}, uid), []int{8}, nil},
		{"observance without offset", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"}, uid), []int{6}, nil},
		{"VTIMEZONE without TZID", withZone([]string{"BEGIN:VTIMEZONE", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"}, uid), []int{4}, nil},
		{"bad GEO range", oneEvent(uid, "GEO:91.0;0"), []int{6}, nil},
		{"bad GEO number", oneEvent(uid, "GEO:north;0"), []int{6}, nil},
		{"bad GEO separator", oneEvent(uid, "GEO:38.8,-77.0"), []int{6}, nil},
		{"GEO NaN", oneEvent(uid, "GEO:NaN;0"), []int{6}, nil},
		{"GEO exponent", oneEvent(uid, "GEO:1e1;0"), []int{6}, nil},
		{"UID missing", oneEvent("SUMMARY:no UID"), []int{4}, nil},
		{"UID empty", oneEvent("UID:"), []int{5}, nil},
		{"UID twice", oneEvent(uid, uid), []int{6}, nil},
		{"same UID in two VEVENTs", ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", uid, "END:VEVENT", "BEGIN:VEVENT", uid, "END:VEVENT", "END:VCALENDAR"), []int{6}, nil},
		{"SUMMARY twice", oneEvent(uid, "SUMMARY:a", "SUMMARY:b"), []int{7}, nil},
		{"bad STATUS", oneEvent(uid, "STATUS:DONE"), []int{6}, nil},
		{"bad X-ACCORDLINE-STATUS", oneEvent(uid, "X-ACCORDLINE-STATUS:done"), []int{6}, event.ErrUnknown},
		{"bad X-ACCORDLINE-KIND", oneEvent(uid, "X-ACCORDLINE-KIND:call"), []int{6}, event.ErrUnknown},
		{"bad X-ACCORDLINE-DATE", oneEvent(uid, "X-ACCORDLINE-DATE:2025-02-30"), []int{6}, event.ErrDayOutOfRange},
		{"X-CAMEO-CODE disagrees", oneEvent(uid, "X-ACCORDLINE-KIND:phone-call", "X-CAMEO-CODE:057"), []int{7}, nil},
		{"X-PLOVER-TYPE disagrees", oneEvent(uid, "X-ACCORDLINE-KIND:phone-call", "X-PLOVER-TYPE:SUPPORT", "X-PLOVER-MODE:phone"), []int{7}, nil},
		{"bad X-ACCORDLINE-EVENT", oneEvent(uid, `X-ACCORDLINE-EVENT:{"id":1}`), []int{6, 6, 6, 6}, jsondoc.ErrType},
		{"bad X-ACCORDLINE-ACTOR", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-ACCORDLINE-ACTOR:{\"id\":\"KZ\"\\,\"type\":\"planet\"}\r\nEND:VCALENDAR\r\n", []int{4, 4}, event.ErrUnknown},
		{"X-ACCORDLINE-EVENT of another ID", oneEvent(uid, `X-ACCORDLINE-EVENT:{"id":"7e1f5c0e-58a4-4f8e-9e0c-1c1c2f4c9b01"\,"kind":"visit"\,"status":"occurred"\,"title":"t"}`), []int{6}, nil},
		{"bad escape", oneEvent(uid, `SUMMARY:a\tb`), []int{6}, nil},
		{"backslash at the end", oneEvent(uid, `DESCRIPTION:a\`), []int{6}, nil},
		{"bad escape in CATEGORIES", oneEvent(uid, `CATEGORIES:a,b\`), []int{6}, nil},
		{"invalid UTF-8", oneEvent(uid, "SUMMARY:a\xffb"), []int{6}, nil},
		{"invalid UTF-8 on a continuation line", oneEvent(uid, "SUMMARY:abc", " d\xffe"), []int{7}, nil},
		{"control character", oneEvent(uid, "SUMMARY:a\x01b"), []int{6}, nil},
		{"bare CR", oneEvent(uid, "SUMMARY:a\rb"), []int{6}, nil},
		{"several problems, in order", oneEvent(uid, "GEO:x", "DTSTART:2025", "SUMMARY"), []int{6, 7, 8}, nil},
		{"problems in several events", ics("BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VEVENT", "UID:b", "STATUS:DONE", "END:VEVENT", "END:VCALENDAR"), []int{3, 7}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := decodeEvents(strings.NewReader(tt.input), DecodeOptions{Strict: true})
			require.Error(t, err)
			assert.Nil(t, evs)
			assert.Equal(t, tt.lines, lines(t, err), "%v", err)
			assert.ErrorIs(t, err, ErrSyntax)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "line ") || strings.Contains(err.Error(), "problems:\n\tline "), err.Error())
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	input := oneEvent("UID:"+testUID, "SUMMARY:"+strings.Repeat("x", 100))
	_, err := decodeEvents(strings.NewReader(input), DecodeOptions{MaxBytes: int64(len(input))})
	require.NoError(t, err, "exactly at the limit")

	_, err = decodeEvents(strings.NewReader(input), DecodeOptions{MaxBytes: int64(len(input)) - 1})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{8}, lines(t, err)) // the last line's last byte is one too many

	_, err = decodeEvents(strings.NewReader(input), DecodeOptions{MaxBytes: 40})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{3}, lines(t, err))

	// An endless stream is not read to its end.
	_, err = decodeEvents(io.MultiReader(strings.NewReader("BEGIN:VCALENDAR\r\n"), endless{}), DecodeOptions{MaxBytes: 1 << 16})
	require.ErrorIs(t, err, ErrTooLarge)

	line := "SUMMARY:" + strings.Repeat("y", 92) // 100 bytes
	_, err = decodeEvents(strings.NewReader(oneEvent("UID:"+testUID, line)), DecodeOptions{MaxLineBytes: 100})
	require.NoError(t, err, "exactly at the line limit")
	_, err = decodeEvents(strings.NewReader(oneEvent("UID:"+testUID, line+"y")), DecodeOptions{MaxLineBytes: 100, Strict: true})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{6}, lines(t, err))

	// Folded, the line counts unfolded; the problem is where it starts,
	// and reading goes on after it.
	folded := "SUMMARY:" + strings.Repeat("y", 60) + "\r\n " + strings.Repeat("y", 60)
	_, err = decodeEvents(strings.NewReader(oneEvent("UID:"+testUID, folded, "GEO:x")), DecodeOptions{MaxLineBytes: 100, Strict: true})
	assert.Equal(t, []int{6, 8}, lines(t, err))

	// In lenient reading, a line too long costs its property, or its
	// event when the event cannot stand without it.
	tl, rep, err := Decode(strings.NewReader(oneEvent("UID:"+testUID, line+"y")), &DecodeOptions{MaxLineBytes: 100})
	require.NoError(t, err)
	assert.Equal(t, 1, tl.Len())
	require.Len(t, rep.NotesOf(export.Dropped), 1)
	assert.Equal(t, 6, rep.NotesOf(export.Dropped)[0].Line)
	assert.Equal(t, "SUMMARY", rep.NotesOf(export.Dropped)[0].Field)
	tl, rep, err = Decode(strings.NewReader(oneEvent("UID:"+strings.Repeat("u", 100))), &DecodeOptions{MaxLineBytes: 100})
	require.NoError(t, err)
	assert.Zero(t, tl.Len())
	require.Len(t, rep.NotesOf(export.Skipped), 1)
	assert.Equal(t, 5, rep.NotesOf(export.Skipped)[0].Line)

	_, err = decodeEvents(strings.NewReader(oneEvent("UID:"+testUID, "SUMMARY:"+strings.Repeat("z", 200<<10))), DecodeOptions{})
	require.NoError(t, err, "lines longer than the read buffer")

	_, err = decodeEvents(strings.NewReader(""), DecodeOptions{DefaultKind: 200})
	require.ErrorIs(t, err, ErrOptions)
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "X-A:b\r\n"[i%7]
	}
	return len(p), nil
}

func TestDecodeTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for range 3000 {
		b.WriteString("no colon\r\n")
	}
	_, err := decodeEvents(strings.NewReader(b.String()), DecodeOptions{Strict: true})
	var l event.ErrorList
	require.ErrorAs(t, err, &l)
	assert.Len(t, l, maxDecodeErrors+1)
	last := l[len(l)-1]
	assert.ErrorIs(t, last, event.ErrTooManyProblems)
	// The cut says how many more there were, and where they start: the
	// 3000 lines, the missing END:VCALENDAR and VERSION.
	assert.Equal(t, maxDecodeErrors, last.Line)
	assert.Contains(t, last.Error(), "2002 more from this line on")
}

func TestDecodeFixtures(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Skip("fixtures not available:", err)
		}
		return b
	}
	evs, err := decodeEvents(bytes.NewReader(read("good.ics")), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, evs, 2)

	a := evs[0]
	assert.Equal(t, uuid.NewSHA1(event.Namespace, []byte("accession-2025-001@example.org")), a.ID)
	assert.Equal(t, event.TreatyAccession, a.Kind) // CATEGORIES "ACCESSION" is the kind's name
	assert.Equal(t, event.Occurred, a.Status)
	assert.Equal(t, `Accession; Treaty "X", Art. 5\6`, a.Title)
	assert.Equal(t, "2025-03-01", a.Date.String())
	assert.Equal(t, []string{"TREATY"}, a.Tags)
	assert.Equal(t, "Line one\nLine two, with comma. \u00dcn\u00efc\u00f6d\u00e9 \u2014 \u6761\u7ea6\u52a0\u5165 \u2014 a long text to force folding.", a.Description)
	assert.Equal(t, []event.Source{{URL: "https://example.org/treaties/x"}}, a.Sources)

	// The organizer and the attendee take part; the organizer is also
	// taken as the acceding party the kind needs.
	assert.Equal(t, []event.Participation{
		{Actor: "protocol:example.org", Role: event.Organizer},
		{Actor: "min:example.org", Role: event.Participant},
		{Actor: "protocol:example.org", Role: event.AccedingParty},
	}, a.Participants)

	b := evs[1]
	assert.Equal(t, "Phone call with FM", b.Title)
	assert.Equal(t, event.Announcement, b.Kind) // no kind and no one named
	assert.Equal(t, []event.Participation{{Actor: "calendar:diplomatic-events", Role: event.Announcer}}, b.Participants)
	assert.Equal(t, event.Planned, b.Status)
	assert.Equal(t, "2025-03-03T10:00:00+01:00[Europe/Paris]/2025-03-03T10:30:00+01:00[Europe/Paris]", b.Date.String())

	// These break rules that do not keep the events from being read; they
	// read as good.ics does.
	for _, name := range []string{"broken_fold_utf8.ics", "broken_lf_only.ics", "broken_long_line.ics", "broken_publish_attendee.ics"} {
		t.Run(name, func(t *testing.T) {
			got, err := decodeEvents(bytes.NewReader(read(name)), DecodeOptions{})
			require.NoError(t, err)
			assert.Equal(t, evs, got)
		})
	}

	for _, tt := range []struct {
		name  string
		lines []int
	}{
		{"broken_nocolon.ics", []int{47}},
		{"broken_unclosed.ics", []int{25}},
		// All-day DTEND equal to DTSTART, DESCRIPTION twice, a VEVENT
		// without UID, a TZID on a UTC time, and STATUS:DONE.
		{"broken_semantic.ics", []int{29, 38, 42, 44, 47}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeEvents(bytes.NewReader(read(tt.name)), DecodeOptions{Strict: true})
			assert.Nil(t, got)
			assert.Equal(t, tt.lines, lines(t, err), "%v", err)
		})
	}

	// Read leniently, each problem costs its event at most.
	for _, tt := range []struct {
		name   string
		titles []string
	}{
		{"broken_nocolon.ics", []string{`Accession; Treaty "X", Art. 5\6`, "Phone call with FM"}},
		{"broken_unclosed.ics", []string{`Accession; Treaty "X", Art. 5\6`}},
		{"broken_semantic.ics", []string{`Accession; Treaty "X", Art. 5\6`, "Phone call with FM"}},
	} {
		t.Run(tt.name+" leniently", func(t *testing.T) {
			got, err := decodeEvents(bytes.NewReader(read(tt.name)), DecodeOptions{})
			require.NoError(t, err)
			var titles []string
			for _, e := range got {
				titles = append(titles, e.Title)
			}
			assert.Equal(t, tt.titles, titles)
		})
	}
}

// seedTimeline is the timeline of the seed article.
func seedTimeline(t testing.TB) *timeline.Timeline {
	tl := timeline.New(seed.Title, "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	fuzztext.MustAdd(t, tl, seed.Events()...)
	return tl
}

// roundTrip encodes tl, decodes the result, and returns the events of tl
// that were written, and those read.
func roundTrip(t *testing.T, tl *timeline.Timeline, opts Options) (want []event.Event, got []event.Event) {
	t.Helper()
	opts.Now = func() time.Time { return time.Date(2025, 11, 7, 12, 0, 0, 0, time.UTC) }
	var buf bytes.Buffer
	rep, err := Encode(&buf, tl, &opts)
	require.NoError(t, err)
	skipped := map[uuid.UUID]bool{}
	for _, n := range rep.NotesOf(export.Skipped) {
		skipped[n.ID] = true
	}
	for e := range tl.All() {
		if !skipped[e.ID] {
			want = append(want, e)
		}
	}
	require.Len(t, want, rep.Events)
	got, err = decodeEvents(&buf, DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, got, len(want))
	return want, got
}

func TestDecodeRoundTripLossless(t *testing.T) {
	for _, opts := range []Options{{Lossless: true}, {Lossless: true, Open: DatePolicySpan}} {
		want, got := roundTrip(t, seedTimeline(t), opts)
		for i := range want {
			assert.Equal(t, want[i], got[i], "event %d %q", i, want[i].Title)
		}
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, opts := range []Options{{}, {Open: DatePolicySpan}, {Imprecise: DatePolicySkip}} {
		want, got := roundTrip(t, seedTimeline(t), opts)
		for i := range want {
			w, g := want[i], got[i]
			assert.Equal(t, w.ID, g.ID)
			assert.Equal(t, w.Kind, g.Kind)
			assert.Equal(t, w.Status, g.Status)
			assert.Equal(t, w.Title, g.Title)
			assert.Equal(t, w.Date, g.Date, "%s / %s", w.Date, g.Date)
			assert.Equal(t, w.Tags, g.Tags)
			assert.Equal(t, w.Links, g.Links)
		}
	}
}

func TestDecodeRoundTripSynthetic(t *testing.T) {
	actors, events := synth.Generate(synth.Config{Seed: 7, Events: 3000})
	tl := timeline.New("synthetic", "")
	require.NoError(t, tl.AddActors(actors...))
	fuzztext.MustAdd(t, tl, events...)

	want, got := roundTrip(t, tl, Options{Lossless: true, Open: DatePolicySpan})
	for i := range want {
		if !assert.Equal(t, want[i], got[i]) {
			break
		}
	}
	want, got = roundTrip(t, tl, Options{Open: DatePolicySpan})
	for i := range want {
		w, g := want[i], got[i]
		ok := assert.Equal(t, w.ID, g.ID) && assert.Equal(t, w.Kind, g.Kind) &&
			assert.Equal(t, w.Status, g.Status) && assert.Equal(t, w.Title, g.Title) &&
			assert.Equal(t, w.Date, g.Date, "%s / %s", w.Date, g.Date)
		if !ok {
			break
		}
	}
}

func TestDecodeRoundTripDates(t *testing.T) {
	// Every way the writer writes a date: the DTSTART and DTEND alone, without
	// X-ACCORDLINE-DATE, read back to the same date when it is exact.
	for _, s := range []string{
		"2025-11-06",
		"2025-11-05/2025-11-07",
		"2025-11-06T18:00:00Z",
		"2025-11-06T18:00:00Z/2025-11-06T19:00:00Z",
		"2025-11-06T20:00:00-05:00[America/New_York]",
		"2025-11-02T01:30:00-04:00[America/New_York]", // the repeated hour, first time
		"2025-10-26T02:30:00+02:00[Europe/Berlin]",    // the repeated hour, first time
		"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]",
		"2025-11-06T20:00:00",
		"2025-11-06T20:00:00/2025-11-06T21:00:00",
	} {
		t.Run(s, func(t *testing.T) {
			d := event.MustParseDate(s)
			tl := timeline.New("dates", "")
			require.NoError(t, tl.AddActors(event.Actor{ID: "XX", Type: event.State, Name: "X", Country: "XX"}))
			fuzztext.MustAdd(t, tl, event.Event{Kind: event.Statement, Title: "t", Status: event.Announced, Date: d,
				Participants: []event.Participation{{Actor: "XX", Role: event.Speaker}}})
			var buf bytes.Buffer
			_, err := Encode(&buf, tl, &Options{Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }})
			require.NoError(t, err)
			var kept []string
			drop := false
			for _, l := range strings.SplitAfter(buf.String(), "\r\n") {
				if !strings.HasPrefix(l, " ") {
					drop = strings.HasPrefix(l, "X-ACCORDLINE-DATE:")
				}
				if !drop {
					kept = append(kept, l)
				}
			}
			evs, err := decodeEvents(strings.NewReader(strings.Join(kept, "")), DecodeOptions{})
			require.NoError(t, err)
			require.Len(t, evs, 1)
			if d.Zone() == "" && d.HasOffset() && !strings.HasSuffix(s, "Z") {
				return // written in UTC
			}
			assert.Equal(t, s, evs[0].Date.String())
		})
	}
}

func TestSyntaxError(t *testing.T) {
	e := &event.FieldError{Line: 12, Err: &syntaxError{msg: "DTSTART", cause: event.ErrDayOutOfRange}}
	assert.Equal(t, "line 12: DTSTART: day out of range", e.Error())
	assert.ErrorIs(t, e, ErrSyntax)
	assert.ErrorIs(t, e, event.ErrDayOutOfRange)
	assert.Equal(t, "line 3: no colon", (&event.FieldError{Line: 3, Err: &syntaxError{msg: "no colon"}}).Error())

	l := event.ErrorList{{Line: 1, Err: &syntaxError{msg: "a"}}, {Line: 2, Err: &syntaxError{msg: "b", cause: ErrTooLarge}}}
	assert.Equal(t, "2 problems:\n\tline 1: a\n\tline 2: b: input too large", l.Error())
	assert.ErrorIs(t, l, ErrTooLarge)
	var fe *event.FieldError
	require.ErrorAs(t, l, &fe)
	assert.Equal(t, 1, fe.Line)
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := decodeEvents(failing{boom}, DecodeOptions{})
	require.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, ErrSyntax)
}

type failing struct{ err error }

func (f failing) Read([]byte) (int, error) { return 0, f.err }

func TestDecodeJSONProblemsNameOneLine(t *testing.T) {
	// A problem in the embedded JSON names the line of the property and the
	// JSON path, not a second line and offset of its own.
	_, err := decodeEvents(strings.NewReader(oneEvent("UID:"+testUID, `X-ACCORDLINE-EVENT:{"id":"x"\,"kind":"call"}`)), DecodeOptions{Strict: true})
	require.Error(t, err)
	for _, line := range strings.Split(err.Error(), "\n")[1:] {
		assert.Equal(t, 1, strings.Count(line, "line "), "%q", line)
		assert.NotContains(t, line, "offset", "%q", line)
	}
	assert.Contains(t, err.Error(), `line 6: X-ACCORDLINE-EVENT kind: "call": unknown kind "call"`)
}

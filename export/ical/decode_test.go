package ical

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
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
	evs, err := Decode(strings.NewReader(input), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, evs, 1)
	return evs[0]
}

// lines returns the line numbers of the problems of err, which must be an
// ErrorList.
func lines(t *testing.T, err error) []int {
	t.Helper()
	var l ErrorList
	require.ErrorAs(t, err, &l)
	var out []int
	for _, e := range l {
		out = append(out, e.Line)
	}
	return out
}

func TestDecodeUnfolding(t *testing.T) {
	ae := "\u00e4" // two bytes in UTF-8: 0xC3 0xA4
	tests := []struct {
		name, input, want string
	}{
		{"CRLF and space", oneEvent("UID:"+testUID, "SUMMARY:Kazakhstan joins\r\n  the Abraham Accords"), "Kazakhstan joins the Abraham Accords"},
		{"CRLF and tab", oneEvent("UID:"+testUID, "SUMMARY:Kazakhstan joins \r\n\tthe Accords"), "Kazakhstan joins the Accords"},
		{"only the first whitespace is removed", oneEvent("UID:"+testUID, "SUMMARY:a\r\n   b"), "a  b"},
		{"several folds", oneEvent("UID:"+testUID, "SUMMARY:ab\r\n cd\r\n ef\r\n gh"), "abcdefgh"},
		{"LF only", strings.ReplaceAll(oneEvent("UID:"+testUID, "SUMMARY:Phone\r\n  call"), "\r\n", "\n"), "Phone call"},
		{"mixed line ends", "BEGIN:VCALENDAR\nVERSION:2.0\r\nBEGIN:VEVENT\nUID:" + testUID + "\r\nSUMMARY:x\n y\r\nEND:VEVENT\nEND:VCALENDAR", "xy"},
		{"fold inside a UTF-8 character", oneEvent("UID:"+testUID, "SUMMARY:Gespr"+ae[:1]+"\r\n "+ae[1:]+"ch"), "Gespr" + ae + "ch"},
		{"fold inside a three-byte character", oneEvent("UID:"+testUID, "SUMMARY:\u201eBund\xe2\x80\r\n \x9c"), "\u201eBund\u201c"},
		{"fold inside the name", oneEvent("UID:"+testUID, "SUM\r\n MARY:folded name"), "folded name"},
		{"fold inside a parameter", oneEvent("UID:"+testUID, "SUMMARY;LANG\r\n UAGE=en:with parameter"), "with parameter"},
		{"fold before the value", oneEvent("UID:"+testUID, "SUMMARY:\r\n value"), "value"},
		{"byte order mark", "\xEF\xBB\xBF" + oneEvent("UID:"+testUID, "SUMMARY:bom"), "bom"},
		{"blank lines are skipped", oneEvent("UID:"+testUID, "SUMMARY:blank", "") + "\r\n\r\n", "blank"},
		{"no line end at the end", strings.TrimSuffix(oneEvent("UID:"+testUID, "SUMMARY:last"), "\r\n"), "last"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, decodeOne(t, tt.input).Title)
		})
	}
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

// parseOne parses one content line with the decoder.
func parseOne(t *testing.T, line string) (contentLine, ErrorList) {
	t.Helper()
	d := &decoder{opts: DecodeOptions{MaxBytes: 1 << 20, MaxLineBytes: 1 << 20}}
	d.lr = lineReader{br: bufioReader(line), max: 1 << 20, maxLine: 1 << 20}
	require.True(t, d.lr.next())
	p, ok := d.parseLine()
	require.Equal(t, ok, len(d.errs) == 0)
	return p, d.errs
}

func TestDecodeParams(t *testing.T) {
	tests := []struct {
		name, line string
		params     []lineParam
		value      string
	}{
		{"none", "SUMMARY:x", nil, "x"},
		{"simple", "DTSTART;VALUE=DATE:20251106", []lineParam{{"VALUE", []string{"DATE"}}}, "20251106"},
		{"names are case-insensitive", "dtstart;tzid=America/New_York:20251106T200000",
			[]lineParam{{"TZID", []string{"America/New_York"}}}, "20251106T200000"},
		{"quoted with ; : ,", `ORGANIZER;CN="Protocol Office; MFA: Astana, KZ":mailto:p@example.org`,
			[]lineParam{{"CN", []string{"Protocol Office; MFA: Astana, KZ"}}}, "mailto:p@example.org"},
		{"several parameters", `ATTENDEE;ROLE=CHAIR;CN="Tokayev":mailto:t@example.org`,
			[]lineParam{{"ROLE", []string{"CHAIR"}}, {"CN", []string{"Tokayev"}}}, "mailto:t@example.org"},
		{"several values", `ATTENDEE;MEMBER="mailto:a@x.org","mailto:b@x.org";DELEGATED-TO=x,y:mailto:c@x.org`,
			[]lineParam{{"MEMBER", []string{"mailto:a@x.org", "mailto:b@x.org"}}, {"DELEGATED-TO", []string{"x", "y"}}}, "mailto:c@x.org"},
		{"RFC 6868 escapes", `X-A;CN="^'The^' Office^nSecond line ^^ caret":v`,
			[]lineParam{{"CN", []string{"\"The\" Office\nSecond line ^ caret"}}}, "v"},
		{"RFC 6868 unknown escape kept", `X-A;CN=a^b^:v`, []lineParam{{"CN", []string{"a^b^"}}}, "v"},
		{"empty value", `X-A;CN=:v`, []lineParam{{"CN", []string{""}}}, "v"},
		{"empty quoted value", `X-A;CN="":v`, []lineParam{{"CN", []string{""}}}, "v"},
		{"colon in the value", `URL:https://example.org:8443/a;b`, nil, "https://example.org:8443/a;b"},
		{"empty property value", `DESCRIPTION:`, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := parseOne(t, tt.line)
			require.Empty(t, errs)
			assert.Equal(t, tt.params, p.params)
			assert.Equal(t, tt.value, p.value)
		})
	}
}

func TestDecodeParamErrors(t *testing.T) {
	for _, line := range []string{
		`X-A;CN="unterminated:v`,
		`X-A;CN=a"b:v`,
		`X-A;CN:v`,
		`X-A;=x:v`,
		`X-A;CN=a;CN=b:v`,
		`X-A;CN="a"b:v`,
		`X A:v`,
		`:v`,
		`X-A`,
	} {
		t.Run(line, func(t *testing.T) {
			_, errs := parseOne(t, line)
			require.Len(t, errs, 1)
			assert.Equal(t, 1, errs[0].Line)
			assert.ErrorIs(t, errs[0], ErrSyntax)
		})
	}
}

// America/New_York as Google Calendar writes it.
var newYork = []string{
	"BEGIN:VTIMEZONE",
	"TZID:America/New_York",
	"X-LIC-LOCATION:America/New_York",
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"TZNAME:EDT",
	"DTSTART:19700308T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"TZNAME:EST",
	"DTSTART:19701101T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// Eastern time as Outlook writes it: a Windows zone name, observances from
// 1601 and rules that do not match their DTSTART.
var outlookEastern = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Eastern Standard Time",
	"BEGIN:STANDARD",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// Central Europe as Outlook writes it: the last Sunday of the month.
var outlookCET = []string{
	"BEGIN:VTIMEZONE",
	"TZID:W. Europe Standard Time",
	"BEGIN:STANDARD",
	"DTSTART:16010101T030000",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:16010101T020000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// A zone as this package writes them, one observance per change, under a
// name the zone database does not know.
var listedZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Paris (listed)",
	"BEGIN:STANDARD",
	"DTSTART:20250101T000000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0100",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:20250330T020000",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"DTSTART:20251026T030000",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// An old-style rule: the Sunday among days 8 to 14 of March.
var monthDayZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:US-Eastern",
	"BEGIN:STANDARD",
	"DTSTART:19671029T020000",
	"RRULE:FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7;BYMONTH=11",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:19870405T020000",
	"RRULE:FREQ=YEARLY;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14;BYMONTH=3;UNTIL=20991231T070000Z",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"END:DAYLIGHT",
	"END:VTIMEZONE",
}

// Daylight saving time that ended in 2010, then a new fixed offset.
var endedZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Ended DST",
	"BEGIN:STANDARD",
	"DTSTART:19701101T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU;UNTIL=20101107T060000Z",
	"TZOFFSETFROM:-0400",
	"TZOFFSETTO:-0500",
	"END:STANDARD",
	"BEGIN:DAYLIGHT",
	"DTSTART:19700308T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;UNTIL=20100314T070000Z",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0400",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"DTSTART:20110101T000000",
	"TZOFFSETFROM:-0500",
	"TZOFFSETTO:-0300",
	"END:STANDARD",
	"END:VTIMEZONE",
}

func TestDecodeDates(t *testing.T) {
	tests := []struct {
		name string
		zone []string
		when []string
		want string
	}{
		{"all-day", nil, []string{"DTSTART;VALUE=DATE:20251106", "DTEND;VALUE=DATE:20251107"}, "2025-11-06"},
		{"all-day without DTEND", nil, []string{"DTSTART;VALUE=DATE:20251106"}, "2025-11-06"},
		{"all-day without VALUE=DATE", nil, []string{"DTSTART:20251106", "DTEND:20251107"}, "2025-11-06"},
		{"all-day, several days", nil, []string{"DTSTART;VALUE=DATE:20251105", "DTEND;VALUE=DATE:20251108"}, "2025-11-05/2025-11-07"},
		{"all-day over the year's end", nil, []string{"DTSTART;VALUE=DATE:20251231", "DTEND;VALUE=DATE:20260102"}, "2025-12-31/2026-01-01"},
		{"all-day with DURATION", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P2D"}, "2025-11-05/2025-11-06"},
		{"all-day with DURATION of a week", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P1W"}, "2025-11-05/2025-11-11"},
		{"all-day with DURATION of a day", nil, []string{"DTSTART;VALUE=DATE:20251105", "DURATION:P1D"}, "2025-11-05"},
		{"value names in lower case", nil, []string{"dtstart;value=date:20251106", "dtend;value=date:20251107"}, "2025-11-06"},
		{"UTC", nil, []string{"DTSTART:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"UTC with DTEND", nil, []string{"DTSTART:20251106T180000Z", "DTEND:20251106T193000Z"}, "2025-11-06T18:00:00Z/2025-11-06T19:30:00Z"},
		{"UTC with DURATION", nil, []string{"DTSTART:20251106T180000Z", "DURATION:PT1H30M"}, "2025-11-06T18:00:00Z/2025-11-06T19:30:00Z"},
		{"UTC with DURATION of days and time", nil, []string{"DTSTART:20251106T180000Z", "DURATION:P1DT1H1M1S"}, "2025-11-06T18:00:00Z/2025-11-07T19:01:01Z"},
		{"UTC with DTEND equal to DTSTART", nil, []string{"DTSTART:20251106T180000Z", "DTEND:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"VALUE=DATE-TIME", nil, []string{"DTSTART;VALUE=DATE-TIME:20251106T180000Z"}, "2025-11-06T18:00:00Z"},
		{"TZID with its VTIMEZONE, winter", newYork, []string{"DTSTART;TZID=America/New_York:20251106T200000"}, "2025-11-06T20:00:00-05:00[America/New_York]"},
		{"TZID with its VTIMEZONE, summer", newYork, []string{"DTSTART;TZID=America/New_York:20250701T100000"}, "2025-07-01T10:00:00-04:00[America/New_York]"},
		{"TZID interval", newYork, []string{"DTSTART;TZID=America/New_York:20251106T180000", "DTEND;TZID=America/New_York:20251106T235959"},
			"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]"},
		{"TZID of the zone database without VTIMEZONE", nil, []string{"DTSTART;TZID=Asia/Almaty:20251106T100000"}, "2025-11-06T10:00:00+05:00[Asia/Almaty]"},
		{"TZID quoted", newYork, []string{`DTSTART;TZID="America/New_York":20251106T200000`}, "2025-11-06T20:00:00-05:00[America/New_York]"},
		{"TZID in two zones", newYork, []string{"DTSTART;TZID=America/New_York:20251106T200000", "DTEND;TZID=Europe/Paris:20251107T030000"},
			"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07T03:00:00+01:00[Europe/Paris]"},
		{"TZID with DURATION over the change of offset", newYork, []string{"DTSTART;TZID=America/New_York:20251101T120000", "DURATION:P1DT1H"},
			"2025-11-01T12:00:00-04:00[America/New_York]/2025-11-02T13:00:00-05:00[America/New_York]"},
		{"Outlook zone name, winter", outlookEastern, []string{"DTSTART;TZID=Eastern Standard Time:20251106T200000", "DTEND;TZID=Eastern Standard Time:20251106T210000"},
			"2025-11-06T20:00:00-05:00/2025-11-06T21:00:00-05:00"},
		{"Outlook zone name, summer", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250701T100000`}, "2025-07-01T10:00:00-04:00"},
		{"Outlook zone name, day before the change", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250308T120000`}, "2025-03-08T12:00:00-05:00"},
		{"Outlook zone name, day of the change", outlookEastern, []string{`DTSTART;TZID="Eastern Standard Time":20250309T120000`}, "2025-03-09T12:00:00-04:00"},
		{"Outlook last Sunday, before", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20250329T120000`}, "2025-03-29T12:00:00+01:00"},
		{"Outlook last Sunday, after", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20250330T120000`}, "2025-03-30T12:00:00+02:00"},
		{"Outlook last Sunday, autumn", outlookCET, []string{`DTSTART;TZID=W. Europe Standard Time:20251026T120000`}, "2025-10-26T12:00:00+01:00"},
		{"listed observances, summer", listedZone, []string{"DTSTART;TZID=Paris (listed):20250601T120000"}, "2025-06-01T12:00:00+02:00"},
		{"listed observances, winter", listedZone, []string{"DTSTART;TZID=Paris (listed):20251201T120000"}, "2025-12-01T12:00:00+01:00"},
		{"listed observances, before the first", listedZone, []string{"DTSTART;TZID=Paris (listed):20240601T120000"}, "2024-06-01T12:00:00+01:00"},
		{"BYMONTHDAY rule, summer", monthDayZone, []string{"DTSTART;TZID=US-Eastern:20250701T100000"}, "2025-07-01T10:00:00-04:00"},
		{"BYMONTHDAY rule, winter", monthDayZone, []string{"DTSTART;TZID=US-Eastern:20250101T100000"}, "2025-01-01T10:00:00-05:00"},
		{"rule with UNTIL, in force", endedZone, []string{"DTSTART;TZID=Ended DST:20090701T120000"}, "2009-07-01T12:00:00-04:00"},
		{"rule with UNTIL, last onset", endedZone, []string{"DTSTART;TZID=Ended DST:20101201T120000"}, "2010-12-01T12:00:00-05:00"},
		{"after the rules ended", endedZone, []string{"DTSTART;TZID=Ended DST:20250701T120000"}, "2025-07-01T12:00:00-03:00"},
		{"floating", nil, []string{"DTSTART:20251106T200000"}, "2025-11-06T20:00:00"},
		{"floating with DTEND", nil, []string{"DTSTART:20251106T200000", "DTEND:20251106T220000"}, "2025-11-06T20:00:00/2025-11-06T22:00:00"},
		{"floating with DURATION", nil, []string{"DTSTART:20251106T200000", "DURATION:PT2H"}, "2025-11-06T20:00:00/2025-11-06T22:00:00"},
		{"no date", nil, nil, ""},
		{"X-ACCORDLINE-DATE wins", nil, []string{"DTSTART;VALUE=DATE:20251101", "DTEND;VALUE=DATE:20251201", "X-ACCORDLINE-DATE:2025-11~"}, "2025-11~"},
		{"X-ACCORDLINE-DATE interval", nil, []string{"DTSTART;VALUE=DATE:20251106", "X-ACCORDLINE-DATE:2025-11-06/.."}, "2025-11-06/.."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decodeOne(t, withZone(tt.zone, append([]string{"UID:" + testUID}, tt.when...)...))
			assert.Equal(t, tt.want, e.Date.String())
		})
	}
}

func TestDecodeZoneNames(t *testing.T) {
	// A TZID of the zone database carries its name, so that the date's
	// time is in that zone; an Outlook name gives the offset alone.
	e := decodeOne(t, withZone(newYork, "UID:"+testUID, "DTSTART;TZID=America/New_York:20251106T200000"))
	assert.Equal(t, "America/New_York", e.Date.Zone())
	at, ok := e.Date.Time()
	require.True(t, ok)
	assert.True(t, at.Equal(time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC)))

	e = decodeOne(t, withZone(outlookEastern, "UID:"+testUID, "DTSTART;TZID=Eastern Standard Time:20251106T200000"))
	assert.Equal(t, "", e.Date.Zone())
	at, ok = e.Date.Time()
	require.True(t, ok)
	assert.True(t, at.Equal(time.Date(2025, 11, 7, 1, 0, 0, 0, time.UTC)))
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
		{"no kind: the default", DecodeOptions{}, []string{"CATEGORIES:Meetings"}, event.BilateralMeeting, []string{"Meetings"}},
		{"no kind: the given default", DecodeOptions{DefaultKind: event.Statement}, nil, event.Statement, nil},
		{"several CATEGORIES", DecodeOptions{}, []string{"CATEGORIES:a,b", "CATEGORIES:Visit", "CATEGORIES:c"}, event.Visit, []string{"a", "b", "c"}},
		{"escaped comma in a tag", DecodeOptions{}, []string{`CATEGORIES:Washington\, D.C.,x`}, event.BilateralMeeting, []string{"Washington, D.C.", "x"}},
		{"empty categories dropped", DecodeOptions{}, []string{"CATEGORIES:a,,b,"}, event.BilateralMeeting, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := Decode(strings.NewReader(oneEvent(append([]string{"UID:" + testUID}, tt.props...)...)), tt.opts)
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
		{Type: event.RefersTo, Target: target},
		{Type: event.RefersTo, Target: target},
		{Type: event.RefersTo, Target: target},
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
	evs, err := Decode(strings.NewReader(ics(
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
		{"END of the wrong component", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", uid, "END:VCALENDAR", "END:VEVENT"), []int{2, 5}, nil},
		{"VEVENT inside VEVENT", oneEvent(uid, "BEGIN:VEVENT", "UID:x", "END:VEVENT"), []int{6}, nil},
		{"VEVENT outside VCALENDAR", ics("BEGIN:VEVENT", uid, "END:VEVENT"), []int{1, 1}, nil}, // and no VCALENDAR
		{"property outside VCALENDAR", ics("VERSION:2.0", "BEGIN:VCALENDAR", "END:VCALENDAR"), []int{1}, nil},
		{"VCALENDAR inside VCALENDAR", ics("BEGIN:VCALENDAR", "BEGIN:VCALENDAR", "END:VCALENDAR", "END:VCALENDAR"), []int{2}, nil},
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
		{"zone rule with COUNT", withZone([]string{"BEGIN:VTIMEZONE", "TZID:Odd", "BEGIN:STANDARD", "DTSTART:19700101T000000",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;COUNT=3", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE"},
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
		{"same UID in two VEVENTs", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", uid, "END:VEVENT", "BEGIN:VEVENT", uid, "END:VEVENT", "END:VCALENDAR"), []int{5}, nil},
		{"SUMMARY twice", oneEvent(uid, "SUMMARY:a", "SUMMARY:b"), []int{7}, nil},
		{"bad STATUS", oneEvent(uid, "STATUS:DONE"), []int{6}, nil},
		{"bad X-ACCORDLINE-STATUS", oneEvent(uid, "X-ACCORDLINE-STATUS:done"), []int{6}, event.ErrUnknown},
		{"bad X-ACCORDLINE-KIND", oneEvent(uid, "X-ACCORDLINE-KIND:call"), []int{6}, event.ErrUnknown},
		{"bad X-ACCORDLINE-DATE", oneEvent(uid, "X-ACCORDLINE-DATE:2025-02-30"), []int{6}, event.ErrDayOutOfRange},
		{"X-CAMEO-CODE disagrees", oneEvent(uid, "X-ACCORDLINE-KIND:phone-call", "X-CAMEO-CODE:057"), []int{7}, nil},
		{"X-PLOVER-TYPE disagrees", oneEvent(uid, "X-ACCORDLINE-KIND:phone-call", "X-PLOVER-TYPE:SUPPORT", "X-PLOVER-MODE:phone"), []int{7}, nil},
		{"bad X-ACCORDLINE-EVENT", oneEvent(uid, `X-ACCORDLINE-EVENT:{"id":1}`), []int{6}, jsondoc.ErrType},
		{"X-ACCORDLINE-EVENT of another ID", oneEvent(uid, `X-ACCORDLINE-EVENT:{"id":"7e1f5c0e-58a4-4f8e-9e0c-1c1c2f4c9b01"\,"kind":"visit"\,"status":"occurred"\,"title":"t"}`), []int{6}, nil},
		{"bad escape", oneEvent(uid, `SUMMARY:a\tb`), []int{6}, nil},
		{"backslash at the end", oneEvent(uid, `DESCRIPTION:a\`), []int{6}, nil},
		{"bad escape in CATEGORIES", oneEvent(uid, `CATEGORIES:a,b\`), []int{6}, nil},
		{"invalid UTF-8", oneEvent(uid, "SUMMARY:a\xffb"), []int{6}, nil},
		{"invalid UTF-8 on a continuation line", oneEvent(uid, "SUMMARY:abc", " d\xffe"), []int{7}, nil},
		{"control character", oneEvent(uid, "SUMMARY:a\x01b"), []int{6}, nil},
		{"bare CR", oneEvent(uid, "SUMMARY:a\rb"), []int{6}, nil},
		{"several problems, in order", oneEvent(uid, "GEO:x", "DTSTART:2025", "SUMMARY"), []int{6, 7, 8}, nil},
		{"problems in several events", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VEVENT", "UID:b", "STATUS:DONE", "END:VEVENT", "END:VCALENDAR"), []int{2, 6}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := Decode(strings.NewReader(tt.input), DecodeOptions{})
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
	_, err := Decode(strings.NewReader(input), DecodeOptions{MaxBytes: int64(len(input))})
	require.NoError(t, err, "exactly at the limit")

	_, err = Decode(strings.NewReader(input), DecodeOptions{MaxBytes: int64(len(input)) - 1})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{8}, lines(t, err)) // the last line's last byte is one too many

	_, err = Decode(strings.NewReader(input), DecodeOptions{MaxBytes: 40})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{3}, lines(t, err))

	// An endless stream is not read to its end.
	_, err = Decode(io.MultiReader(strings.NewReader("BEGIN:VCALENDAR\r\n"), endless{}), DecodeOptions{MaxBytes: 1 << 16})
	require.ErrorIs(t, err, ErrTooLarge)

	line := "SUMMARY:" + strings.Repeat("y", 92) // 100 bytes
	_, err = Decode(strings.NewReader(oneEvent("UID:"+testUID, line)), DecodeOptions{MaxLineBytes: 100})
	require.NoError(t, err, "exactly at the line limit")
	_, err = Decode(strings.NewReader(oneEvent("UID:"+testUID, line+"y")), DecodeOptions{MaxLineBytes: 100})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []int{6}, lines(t, err))

	// Folded, the line counts unfolded; the problem is where it starts,
	// and reading goes on after it.
	folded := "SUMMARY:" + strings.Repeat("y", 60) + "\r\n " + strings.Repeat("y", 60)
	_, err = Decode(strings.NewReader(oneEvent("UID:"+testUID, folded, "GEO:x")), DecodeOptions{MaxLineBytes: 100})
	assert.Equal(t, []int{6, 8}, lines(t, err))

	_, err = Decode(strings.NewReader(oneEvent("UID:"+testUID, "SUMMARY:"+strings.Repeat("z", 200<<10))), DecodeOptions{})
	require.NoError(t, err, "lines longer than the read buffer")

	_, err = Decode(strings.NewReader(""), DecodeOptions{DefaultKind: 200})
	require.Error(t, err)
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReader(strings.NewReader(s)) }

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "X-A:b\r\n"[i%7]
	}
	return len(p), nil
}

func TestDecodeLongLines(t *testing.T) {
	// Lines of many values are read in linear time.
	tags := strings.Repeat("a,", 300_000) + "Summit"
	e := decodeOne(t, oneEvent("UID:"+testUID, "CATEGORIES:"+tags))
	assert.Equal(t, event.Summit, e.Kind)
	assert.Len(t, e.Tags, 300_000)

	var params strings.Builder
	for i := range 60_000 {
		params.WriteString(";X-P")
		params.WriteString(strconv.Itoa(i))
		params.WriteString("=v")
	}
	decodeOne(t, oneEvent("UID:"+testUID, "X-A"+params.String()+":v"))
}

func TestDecodeManyZones(t *testing.T) {
	var ls []string
	ls = append(ls, "BEGIN:VCALENDAR")
	for i := range maxZoneLookups {
		zone := slices.Clone(listedZone)
		zone[1] = "TZID:Nowhere/Z" + strconv.Itoa(i)
		ls = append(ls, zone...)
		ls = append(ls, "BEGIN:VEVENT", "UID:"+strconv.Itoa(i), "DTSTART;TZID=Nowhere/Z"+strconv.Itoa(i)+":20250601T120000", "END:VEVENT")
	}
	ls = append(ls, listedZone...)
	ls = append(ls, "BEGIN:VEVENT", "UID:listed", "DTSTART;TZID=Paris (listed):20250601T120000", "END:VEVENT")
	n := len(ls) + 3
	ls = append(ls, "BEGIN:VEVENT", "UID:paris", "DTSTART;TZID=Europe/Paris:20250601T120000", "END:VEVENT", "END:VCALENDAR")

	_, err := Decode(strings.NewReader(ics(ls...)), DecodeOptions{})
	assert.Equal(t, []int{n}, lines(t, err))
	assert.ErrorContains(t, err, "beyond 100 distinct TZIDs")

	// Without the last event, every zone is read from its VTIMEZONE.
	ls = append(ls[:n-3], "END:VCALENDAR")
	evs, err := Decode(strings.NewReader(ics(ls...)), DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, evs, maxZoneLookups+1)
	for _, e := range evs {
		assert.Equal(t, "2025-06-01T12:00:00+02:00", e.Date.String())
	}
}

func TestDecodeTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for range 3000 {
		b.WriteString("no colon\r\n")
	}
	_, err := Decode(strings.NewReader(b.String()), DecodeOptions{})
	var l ErrorList
	require.ErrorAs(t, err, &l)
	assert.Len(t, l, maxDecodeErrors+1)
	assert.Contains(t, l[len(l)-1].Msg, "too many problems")
}

func TestDecodeFixtures(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Skip("fixtures not available:", err)
		}
		return b
	}
	evs, err := Decode(bytes.NewReader(read("good.ics")), DecodeOptions{})
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

	b := evs[1]
	assert.Equal(t, "Phone call with FM", b.Title)
	assert.Equal(t, event.BilateralMeeting, b.Kind)
	assert.Equal(t, event.Planned, b.Status)
	assert.Equal(t, "2025-03-03T10:00:00+01:00[Europe/Paris]/2025-03-03T10:30:00+01:00[Europe/Paris]", b.Date.String())

	// These break rules that do not keep the events from being read; they
	// read as good.ics does.
	for _, name := range []string{"broken_fold_utf8.ics", "broken_lf_only.ics", "broken_long_line.ics", "broken_publish_attendee.ics"} {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(bytes.NewReader(read(name)), DecodeOptions{})
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
			got, err := Decode(bytes.NewReader(read(tt.name)), DecodeOptions{})
			assert.Nil(t, got)
			assert.Equal(t, tt.lines, lines(t, err), "%v", err)
		})
	}
}

// seedTimeline is the timeline of the seed article.
func seedTimeline(t testing.TB) *timeline.Timeline {
	tl := timeline.New(seed.Title, "")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	require.NoError(t, tl.Add(seed.Events()...))
	return tl
}

// roundTrip encodes tl, decodes the result, and returns the events of tl
// that were written, and those read.
func roundTrip(t *testing.T, tl *timeline.Timeline, opts Options) (want []event.Event, got []event.Event) {
	t.Helper()
	opts.Now = func() time.Time { return time.Date(2025, 11, 7, 12, 0, 0, 0, time.UTC) }
	var buf bytes.Buffer
	rep, err := Encode(&buf, tl, opts)
	require.NoError(t, err)
	skipped := map[uuid.UUID]bool{}
	for _, n := range rep.Skipped {
		skipped[n.ID] = true
	}
	for e := range tl.All() {
		if !skipped[e.ID] {
			want = append(want, *e)
		}
	}
	require.Len(t, want, rep.Written)
	got, err = Decode(&buf, DecodeOptions{})
	require.NoError(t, err)
	require.Len(t, got, len(want))
	return want, got
}

func TestDecodeRoundTripLossless(t *testing.T) {
	for _, opts := range []Options{{Lossless: true}, {Lossless: true, Open: Span}} {
		want, got := roundTrip(t, seedTimeline(t), opts)
		for i := range want {
			assert.Equal(t, want[i], got[i], "event %d %q", i, want[i].Title)
		}
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	for _, opts := range []Options{{}, {Open: Span}, {Imprecise: Skip}} {
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
	require.NoError(t, tl.Add(events...))

	want, got := roundTrip(t, tl, Options{Lossless: true, Open: Span})
	for i := range want {
		if !assert.Equal(t, want[i], got[i]) {
			break
		}
	}
	want, got = roundTrip(t, tl, Options{Open: Span})
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
		"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]",
		"2025-11-06T20:00:00",
		"2025-11-06T20:00:00/2025-11-06T21:00:00",
	} {
		t.Run(s, func(t *testing.T) {
			d := event.MustParseDate(s)
			tl := timeline.New("dates", "")
			require.NoError(t, tl.AddActors(event.Actor{ID: "XX", Type: event.State, Name: "X", Country: "XX"}))
			require.NoError(t, tl.Add(event.Event{Kind: event.Statement, Title: "t", Status: event.Announced, Date: d,
				Participants: []event.Participation{{Actor: "XX", Role: event.Speaker}}}))
			var buf bytes.Buffer
			_, err := Encode(&buf, tl, Options{Now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }})
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
			evs, err := Decode(strings.NewReader(strings.Join(kept, "")), DecodeOptions{})
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
	e := &SyntaxError{Line: 12, Msg: "DTSTART", Err: event.ErrDayOutOfRange}
	assert.Equal(t, "line 12: DTSTART: day out of range", e.Error())
	assert.ErrorIs(t, e, ErrSyntax)
	assert.ErrorIs(t, e, event.ErrDayOutOfRange)
	assert.Equal(t, "line 3: no colon", (&SyntaxError{Line: 3, Msg: "no colon"}).Error())

	l := ErrorList{{Line: 1, Msg: "a"}, {Line: 2, Msg: "b", Err: ErrTooLarge}}
	assert.Equal(t, "2 problems:\n\tline 1: a\n\tline 2: b: input too large", l.Error())
	assert.ErrorIs(t, l, ErrTooLarge)
	var se *SyntaxError
	require.ErrorAs(t, l, &se)
	assert.Equal(t, 1, se.Line)
	assert.Equal(t, "no errors", ErrorList{}.Error())
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Decode(failing{boom}, DecodeOptions{})
	require.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, ErrSyntax)
}

type failing struct{ err error }

func (f failing) Read([]byte) (int, error) { return 0, f.err }

package ical

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/event"
)

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
		{"blank lines before a fold", oneEvent("UID:"+testUID, "SUMMARY\r\n\r\n :blank\n\n\t and fold"), "blank and fold"},
		{"no line end at the end", strings.TrimSuffix(oneEvent("UID:"+testUID, "SUMMARY:last"), "\r\n"), "last"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, decodeOne(t, tt.input).Title)
		})
	}
}

// parseOne parses one content line with the decoder.
func parseOne(t *testing.T, line string) (contentLine, event.ErrorList) {
	t.Helper()
	d := &decoder{opts: DecodeOptions{MaxBytes: 1 << 20, MaxLineBytes: 1 << 20, Strict: true}}
	d.lr = lineReader{br: bufioReader(line), max: 1 << 20, maxLine: 1 << 20}
	require.True(t, d.lr.next())
	p, ok := d.parseLine()
	require.Equal(t, ok, len(d.issues) == 0)
	var errs event.ErrorList
	for _, is := range d.issues {
		errs = append(errs, is.fieldError())
	}
	return p, errs
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReader(strings.NewReader(s)) }

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

func TestDecodeLongLines(t *testing.T) {
	// Lines of many values are read in linear time.
	var tags strings.Builder
	for i := range 300_000 {
		tags.WriteString("t" + strconv.Itoa(i) + ",")
	}
	tags.WriteString("Summit")
	e := decodeOne(t, oneEvent("UID:"+testUID, "CATEGORIES:"+tags.String()))
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

// decodeEvents reads input as Decode does, but returns the events as read,
// in the order of the input, before the timeline judges them.
func decodeEvents(r io.Reader, opts DecodeOptions) ([]event.Event, error) {
	d, err := parse(r, &opts)
	if err != nil {
		return nil, err
	}
	var out []event.Event
	for _, dr := range d.drafts {
		if dr.v.fatal() == nil && dr.skip == nil {
			out = append(out, dr.ev)
		}
	}
	return out, nil
}

package ical_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// fixedClock is the DTSTAMP of every calendar the tests write.
func fixedClock() time.Time { return time.Date(2025, 11, 7, 12, 0, 0, 0, time.UTC) }

// tester is what the helpers need of a *testing.T, a *testing.B and a
// *rapid.T alike.
type tester interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	FailNow()
}

// --- The calendars under test -------------------------------------------

const seedURL = "https://example.org/abraham-accords.ics"

func seedOptions() ical.Options {
	return ical.Options{Now: fixedClock, Refresh: 12 * time.Hour, URL: seedURL}
}

func seedTimeline(t tester) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(seed.Title, "Kazakhstan joins the Abraham Accords, 6 November 2025, as reported by All Israel (German edition).")
	require.NoError(t, tl.AddActors(seed.Actors()...))
	fuzztext.MustAdd(t, tl, seed.Events()...)
	return tl
}

// Texts of the stress timeline: long German and Arabic paragraphs, whose
// two-byte characters make folds fall inside characters, emoji of four
// bytes and ZWJ sequences, and the characters TEXT escaping is about.
const (
	german = "Die Außenminister der fünf zentralasiatischen Staaten trafen sich am Donnerstagabend im Weißen Haus; " +
		"über die Größe des Abkommens, die Öffnung der Märkte und die Süßwasserversorgung am Aralsee wurde lange gesprochen. " +
		"„Wir müssen gemeinsam stärker werden“, sagte der Gastgeber, während draußen die Straßenbahnen quietschten und " +
		"Bürgerinnen und Bürger vor dem Zaun auf Neuigkeiten warteten. Später äußerte sich die Delegation zu Fragen der Zölle, " +
		"der Größenordnung künftiger Investitionen und der Rückführung von Kulturgütern; man einigte sich, die Gespräche im " +
		"Frühjahr in Taschkent fortzusetzen, schloss aber nichts aus."
	arabic = "التقى وزراء خارجية دول آسيا الوسطى الخمس مساء الخميس في البيت الأبيض، وناقشوا حجم الاتفاقية وفتح الأسواق " +
		"وإمدادات المياه العذبة في بحر آرال. وقال المضيف: «يجب أن نصبح أقوى معاً»، بينما كان المواطنون ينتظرون الأخبار " +
		"أمام السياج. وفي وقت لاحق تحدث الوفد عن الرسوم الجمركية وحجم الاستثمارات المقبلة وإعادة الممتلكات الثقافية، " +
		"واتفقوا على مواصلة المحادثات في الربيع في طشقند؛ ولم يستبعدوا أي شيء."
	emoji    = "🤝🇰🇿🇮🇱😀👨‍👩‍👧"
	specials = `a\b;c,d:e "f"`
)

// A stressDate is one date form of the stress timeline and what Encode
// does with it under the default options.
type stressDate struct {
	form, edtf string
	outcome    string // "exact", "approx" or "skip"
	reason     string // of the report, under the default options
	// first and last day written as all-day under Open: Span, for open
	// dates.
	spanFrom, spanTo string
}

const (
	approxReason = "approximate or uncertain date: written as the days it covers"
	openSkip     = "open or unknown end: a calendar needs a day"
	openFirst    = "open or unknown end: written on its first possible day"
	openLast     = "open or unknown start: written on its last possible day"
)

func precisionReason(p string) string {
	return "date of " + p + " precision: written as the days it covers"
}

var stressDates = []stressDate{
	{form: "day", edtf: "2025-11-06", outcome: "exact"},
	{form: "days", edtf: "2025-11-05/2025-11-08", outcome: "exact"},
	{form: "New York, into DST", edtf: "2025-03-09T01:30:00-05:00[America/New_York]/2025-03-09T03:30:00-04:00[America/New_York]", outcome: "exact"},
	{form: "New York, out of DST", edtf: "2025-11-01T23:30:00-04:00[America/New_York]/2025-11-02T03:00:00-05:00[America/New_York]", outcome: "exact"},
	{form: "Berlin, out of DST", edtf: "2025-10-26T01:00:00+02:00[Europe/Berlin]/2025-10-26T04:00:00+01:00[Europe/Berlin]", outcome: "exact"},
	{form: "Berlin, next year", edtf: "2026-03-29T01:30:00+01:00[Europe/Berlin]", outcome: "exact"},
	{form: "Almaty, change of zone", edtf: "2024-02-29T22:00:00+06:00[Asia/Almaty]/2024-03-01T10:00:00+05:00[Asia/Almaty]", outcome: "exact"},
	{form: "UTC", edtf: "2025-11-06T20:00:00Z", outcome: "exact"},
	{form: "offset", edtf: "2025-11-06T20:00:00+03:30", outcome: "exact"},
	{form: "two zones", edtf: "2025-11-06T09:00:00+01:00[Europe/Berlin]/2025-11-06T18:00:00+05:00[Asia/Almaty]", outcome: "exact"},
	{form: "floating", edtf: "2025-11-06T20:00:00", outcome: "exact"},
	{form: "floating evening", edtf: "2025-11-06T18:00:00/2025-11-07T01:30:00", outcome: "exact"},
	{form: "month", edtf: "2025-11", outcome: "approx", reason: precisionReason("month")},
	{form: "season", edtf: "2025-23", outcome: "approx", reason: precisionReason("season")},
	{form: "year", edtf: "2025", outcome: "approx", reason: precisionReason("year")},
	{form: "decade", edtf: "201X", outcome: "approx", reason: precisionReason("decade")},
	{form: "century", edtf: "20XX", outcome: "approx", reason: precisionReason("century")},
	{form: "unspecified day", edtf: "2025-11-XX", outcome: "approx", reason: precisionReason("day")},
	{form: "unspecified month", edtf: "2025-XX", outcome: "approx", reason: precisionReason("month")},
	{form: "approximate", edtf: "2025-11-06~", outcome: "approx", reason: approxReason},
	{form: "uncertain", edtf: "2025-11-06?", outcome: "approx", reason: approxReason},
	{form: "approximate and uncertain", edtf: "2025-11-06%", outcome: "approx", reason: approxReason},
	{form: "approximate time", edtf: "2025-11-06T20:00:00-05:00[America/New_York]~", outcome: "approx", reason: approxReason},
	{form: "day to month", edtf: "2025-11-06/2025-12", outcome: "approx", reason: precisionReason("month")},
	{form: "time to day", edtf: "2025-11-06T20:00:00Z/2025-11-08", outcome: "approx", reason: precisionReason("day")},
	{form: "open end", edtf: "2025-11-07/..", outcome: "skip", reason: openSkip, spanFrom: "20251107", spanTo: "20251108"},
	{form: "unknown end", edtf: "2025-11-07/", outcome: "skip", reason: openSkip, spanFrom: "20251107", spanTo: "20251108"},
	{form: "open start", edtf: "../2025-11-06", outcome: "skip", reason: openSkip, spanFrom: "20251106", spanTo: "20251107"},
	{form: "unknown start", edtf: "/2025-11-06", outcome: "skip", reason: openSkip, spanFrom: "20251106", spanTo: "20251107"},
	{form: "no date", edtf: "", outcome: "skip", reason: "no date"},
	{form: "New York", edtf: "2025-11-06T20:00:00-05:00[America/New_York]", outcome: "exact"},
	{form: "month, open end", edtf: "2025-11/..", outcome: "skip", reason: openSkip, spanFrom: "20251101", spanTo: "20251102"},
}

func stressActors() []event.Actor {
	return []event.Actor{
		{ID: "QA", Type: event.State, Name: `Katarien "Nord"; Staat, a:b \ c 🇶🇦`, Country: "QA",
			Names: map[string]string{"de": `Katarien; "Nord"`, "ar": "قطريا"}, Aliases: []string{`Nord\Katarien`}},
		{ID: "QB", Type: event.State, Name: `دولة "الاختبار"؛ a:b \ c, Ost`, Country: "QB"},
		{ID: "p-one", Type: event.Person, Name: `Jürgen "Jupp" Schröder; Außenminister, a:b \ c 😀`, Country: "QA"},
	}
}

var stressInstrument = event.Instrument{ID: "stress-accord", Name: `Abkommen über "Stärke"; Teil 1, Art. 5:6 \ 7 🤝`,
	Names: map[string]string{"de": `Abkommen über "Stärke"`, "ar": "اتفاقية القوة"}}

// stressParticipants fills the roles kind k requires, with the two states
// first, and enough parties; a person with a capacity takes part in every
// event.
func stressParticipants(k event.Kind) []event.Participation {
	capacity := `Außenminister; "Chef", a:b \ c 🎩`
	states := []event.ActorID{"QA", "QB"}
	var ps []event.Participation
	add := func(a event.ActorID, r event.Role, capacity string) {
		if !slices.ContainsFunc(ps, func(p event.Participation) bool { return p.Actor == a && p.Role == r }) {
			ps = append(ps, event.Participation{Actor: a, Role: r, Capacity: capacity})
		}
	}
	for i, r := range k.RequiredRoles() {
		add(states[i%2], r, "")
	}
	distinct := func() int {
		var ids []event.ActorID
		for _, p := range ps {
			if !slices.Contains(ids, p.Actor) {
				ids = append(ids, p.Actor)
			}
		}
		return len(ids)
	}
	for i := 0; distinct() < k.MinParties(); i++ {
		add(states[i%2], event.Participant, "")
	}
	switch k {
	case event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit, event.UnofficialVisit, event.PrivateVisit:
		add("QB", event.Host, "")
	}
	add("p-one", event.Witness, capacity)
	return ps
}

// stressEvents returns one event for every date form, cycling through
// every kind and status, with every text field holding the characters
// TEXT escaping is about, and line breaks where the model allows them
// (descriptions, quotes and translations; the other fields are one line).
func stressEvents(t tester) []event.Event {
	t.Helper()
	kinds, statuses := event.Kinds(), event.Statuses()
	n := max(len(stressDates), len(kinds))
	events := make([]event.Event, n)
	for i := range events {
		sd := stressDates[i%len(stressDates)]
		var d event.Date
		if sd.edtf != "" {
			var err error
			d, err = event.ParseDate(sd.edtf)
			require.NoError(t, err)
		}
		k := kinds[i%len(kinds)]
		st := statuses[i%len(statuses)]
		switch {
		case d.IsZero():
			st = event.Planned
		case st == event.Occurred && !d.Bounded():
			st = event.Announced
		}
		title := fmt.Sprintf(`#%02d %s: %s %s`, i, sd.form, specials, emoji)
		switch i % 8 {
		case 0:
			title += " " + german
		case 4:
			title += " " + arabic
		}
		var desc string
		switch i % 4 {
		case 0:
			desc = german + "\r\n" + arabic + "\rbare CR before, LF after\n" + specials + " " + emoji
		case 1:
			desc = fmt.Sprintf("Beschreibung %d; \"Zitat\", a:b \\ c\r\nzweite Zeile\rdritte\nvierte \\n kein Umbruch", i)
		case 2:
			desc = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:injected"
		}
		dateText := fmt.Sprintf(`Datum %s; "wann", a:b \ c ⏰`, sd.form)
		if i%3 == 2 {
			dateText = ""
		}
		e := event.Event{
			Kind: k, Status: st, Title: title, Description: desc, Date: d, DateText: dateText,
			Titles:       map[string]string{"de": `Titel; "de", a:b \ c`, "ar": "عنوان"},
			Participants: stressParticipants(k),
			Instrument:   stressInstrument,
			Tags:         []string{`tag;eins`, `tag,zwei`, `tag\drei`, `tag:"vier"`, "emoji-" + emoji},
		}
		if i%4 != 3 {
			e.Place = event.Place{Name: `Weißes Haus "Ost"; Flügel, a:b \`, Venue: `East Room; "Saal", 1:2 \ 3`,
				City: `Washington, D.C.; "DC": \ 🏛`, Country: "US"}
			if i%2 == 0 {
				e.Place.Coordinates = &event.Coordinates{Lat: 38.8977, Lon: -77.0365}
			}
		}
		quotes := []event.Quote{{
			Text: "„Wir sind stark“; sagte er, a:b \\ c\r\nneue Zeile\rnach bare CR " + emoji, Lang: "de", Speaker: "p-one",
			Translation: "\"We are strong\"; he said,\na:b \\ c", TranslationLang: "en",
		}}
		if i%8 == 4 {
			quotes = append(quotes, event.Quote{Text: arabic + "\r\n" + arabic, Lang: "ar", Translation: german, TranslationLang: "de"})
		}
		srcTitle := `Bericht: "Gipfel"; Teil 2, a\b:c`
		if i%8 == 0 {
			srcTitle += " " + german
		}
		e.Sources = []event.Source{
			{Publisher: `Al-Ahram; "الأهرام", Kairo: \ 📰`, URL: fmt.Sprintf("https://example.org/news/%d?a=1;b=2,c=%%22x%%22", i),
				Title: srcTitle, Lang: "de", Published: event.OnDay(2025, time.November, 7), Quotes: quotes},
			{Publisher: `Der "Spiegel"; Hamburg, a:b \`, Lang: "de"},
		}
		e.EnsureID()
		if i > 0 {
			types := event.LinkTypes()
			e.Links = []event.Link{{Type: types[i%len(types)], Target: events[i-1].ID}}
		}
		events[i] = e
	}
	return events
}

func stressTimeline(t tester) *timeline.Timeline {
	t.Helper()
	tl := timeline.New(`Stress "Kalender"; Test, a:b \ c `+emoji,
		"Zeile 1\r\nZeile 2\rZeile 3\nEND:VCALENDAR\r\nBEGIN:VEVENT; "+specials)
	require.NoError(t, tl.AddActors(stressActors()...))
	fuzztext.MustAdd(t, tl, stressEvents(t)...)
	return tl
}

func stressOptions() ical.Options {
	return ical.Options{Now: fixedClock, Lossless: true, Refresh: 36 * time.Hour,
		URL: "https://example.org/stress.ics?a=1;b=2,c=%22x%22"}
}

// synthTimeline returns the synthetic timeline of a seed with 2000 events,
// built once per seed.
func synthTimeline(t tester, seed uint64) *timeline.Timeline {
	t.Helper()
	v, _ := synthCache.LoadOrStore(seed, sync.OnceValues(func() (*timeline.Timeline, error) {
		actors, events := synth.Generate(synth.Config{Seed: seed, Events: 2000})
		tl := timeline.New(fmt.Sprintf("Synthetic timeline %d", seed), "Generated by event/synth.")
		if err := tl.AddActors(actors...); err != nil {
			return nil, err
		}
		_, err := tl.Add(events...)
		return tl, err
	}))
	tl, err := v.(func() (*timeline.Timeline, error))()
	require.NoError(t, err)
	return tl
}

var synthCache sync.Map // seed → func() (*timeline.Timeline, error)

func encode(t tester, tl *timeline.Timeline, opts ical.Options) ([]byte, export.Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := ical.Encode(&buf, tl, &opts)
	require.NoError(t, err)
	return buf.Bytes(), rep
}

// --- An independent reader of the rules -----------------------------------

type prop struct {
	Name   string
	Params map[string][]string
	Value  string
	Line   int // physical line it starts on
}

type comp struct {
	Name  string
	Props []prop
	Subs  []*comp
}

func (c *comp) all(name string) []prop {
	var out []prop
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

func (c *comp) value(name string) string {
	if ps := c.all(name); len(ps) > 0 {
		return ps[0].Value
	}
	return ""
}

func (c *comp) text(name string) string {
	s, err := unescape(c.value(name))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return s
}

// binary returns the BINARY value of the named property, decoded: it must
// say ENCODING=BASE64 and VALUE=BINARY, and be base64 with padding.
func (c *comp) binary(name string) string {
	ps := c.all(name)
	if len(ps) == 0 {
		return ""
	}
	p := ps[0]
	if !slices.Equal(p.Params["ENCODING"], []string{"BASE64"}) || !slices.Equal(p.Params["VALUE"], []string{"BINARY"}) {
		return fmt.Sprintf("<%s without ENCODING=BASE64;VALUE=BINARY: %v>", name, p.Params)
	}
	b, err := base64.StdEncoding.Strict().DecodeString(p.Value)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

func (c *comp) subs(name string) []*comp {
	var out []*comp
	for _, s := range c.Subs {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

var (
	nameRE     = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	dateRE     = regexp.MustCompile(`^[0-9]{8}$`)
	dateTimeRE = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}Z?$`)
	stampRE    = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}Z$`)
	// dur-value of RFC 5545 3.3.6, strictly: an hour is followed by
	// minutes if by seconds.
	durationRE = regexp.MustCompile(`^P(?:[0-9]+W|[0-9]+D(?:` + durTime + `)?|` + durTime + `)$`)
	geoRE      = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?;-?[0-9]+(\.[0-9]+)?$`)
	offsetRE   = regexp.MustCompile(`^[+-][0-9]{4}([0-9]{2})?$`)
)

const durTime = `T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)`

// textProps are the properties of TEXT values, and whether each is a list.
var textProps = map[string]bool{
	"SUMMARY": false, "DESCRIPTION": false, "LOCATION": false, "CATEGORIES": true,
	"NAME": false, "X-WR-CALNAME": false, "TZNAME": false, "TZID": false, "PRODID": false,
	"X-ACCORDLINE-TITLE": false, "X-ACCORDLINE-DATE": false,
	"X-ACCORDLINE-KIND": false, "X-ACCORDLINE-STATUS": false, "COMMENT": false,
}

// singleProps may occur at most once in a VEVENT.
var singleProps = []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "DESCRIPTION",
	"LOCATION", "GEO", "STATUS", "URL", "ORGANIZER", "CLASS", "X-ACCORDLINE-EVENT", "X-ACCORDLINE-KIND",
	"X-ACCORDLINE-STATUS", "X-ACCORDLINE-DATE", "X-ACCORDLINE-TITLE"}

// unescape decodes a TEXT value, refusing unknown escapes and unescaped
// semicolons.
func unescape(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				return "", errors.New("backslash at the end")
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c", v[i])
			}
		case ';':
			return "", errors.New("unescaped semicolon")
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// checkText checks the escapes of a TEXT value: only \\ \; \, \n and \N,
// no unescaped semicolon, and no unescaped comma but between the items of
// a list.
func checkText(v string, list bool) error {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			if i+1 == len(v) || !strings.ContainsRune(`\\;,nN`, rune(v[i+1])) {
				return fmt.Errorf("bad escape at %d", i)
			}
			i++
		case ';':
			return errors.New("unescaped semicolon")
		case ',':
			if !list {
				return errors.New("unescaped comma")
			}
		}
	}
	return nil
}

// splitList splits a TEXT list at its unescaped commas and unescapes the
// items.
func splitList(v string) ([]string, error) {
	var out []string
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ',':
			s, err := unescape(v[start:i])
			if err != nil {
				return nil, err
			}
			out = append(out, s)
			start = i + 1
		}
	}
	s, err := unescape(v[start:])
	return append(out, s), err
}

func parseContentLine(s string, line int) (prop, error) {
	i := strings.IndexAny(s, ";:")
	if i <= 0 || !nameRE.MatchString(s[:i]) {
		return prop{}, fmt.Errorf("no property name")
	}
	p := prop{Name: strings.ToUpper(s[:i]), Params: map[string][]string{}, Line: line}
	for s[i] == ';' {
		i++
		j := strings.IndexByte(s[i:], '=')
		if j <= 0 || !nameRE.MatchString(s[i:i+j]) {
			return p, fmt.Errorf("bad parameter name")
		}
		name := strings.ToUpper(s[i : i+j])
		i += j + 1
		for {
			var v string
			if i < len(s) && s[i] == '"' {
				k := strings.IndexByte(s[i+1:], '"')
				if k < 0 {
					return p, fmt.Errorf("unterminated quoted parameter value")
				}
				v, i = s[i+1:i+1+k], i+k+2
			} else {
				k := strings.IndexAny(s[i:], ";:,\"")
				if k < 0 || s[i+k] == '"' {
					return p, fmt.Errorf("bad parameter value")
				}
				v, i = s[i:i+k], i+k
			}
			p.Params[name] = append(p.Params[name], v)
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
		if i >= len(s) {
			return p, fmt.Errorf("no value")
		}
	}
	if s[i] != ':' {
		return p, fmt.Errorf("no colon before the value")
	}
	p.Value = s[i+1:]
	return p, nil
}

// when is a DTSTART or DTEND.
type when struct {
	allDay, floating bool
	t                time.Time // the day, the instant, or the wall clock as UTC
}

func parseWhen(p prop) (when, error) {
	if v := p.Params["VALUE"]; len(v) == 1 && v[0] == "DATE" {
		if !dateRE.MatchString(p.Value) {
			return when{}, fmt.Errorf("%s %q is not a DATE", p.Name, p.Value)
		}
		d, err := time.Parse("20060102", p.Value)
		return when{allDay: true, t: d}, err
	}
	if !dateTimeRE.MatchString(p.Value) {
		return when{}, fmt.Errorf("%s %q is not a DATE-TIME", p.Name, p.Value)
	}
	wall, err := time.Parse("20060102T150405", strings.TrimSuffix(p.Value, "Z"))
	if err != nil {
		return when{}, err
	}
	tzid := p.Params["TZID"]
	switch {
	case strings.HasSuffix(p.Value, "Z"):
		return when{t: wall}, nil
	case len(tzid) == 1:
		loc, err := time.LoadLocation(tzid[0])
		if err != nil {
			return when{}, err
		}
		return when{t: resolveLocal(wall, loc)}, nil
	}
	return when{floating: true, t: wall}, nil
}

// resolveLocal returns the instant of a wall clock time in loc as RFC 5545
// 3.3.5 reads it: in the hour repeated when clocks go back, the first
// occurrence.
func resolveLocal(wall time.Time, loc *time.Location) time.Time {
	var best time.Time
	for _, probe := range []time.Duration{-26 * time.Hour, 0, 26 * time.Hour} {
		_, off := wall.Add(probe).In(loc).Zone()
		t := wall.Add(-time.Duration(off) * time.Second)
		if t.In(loc).Format("20060102T150405") == wall.Format("20060102T150405") && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if best.IsZero() { // in a gap
		best = time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc)
	}
	return best
}

// checkCalendar checks the bytes of a calendar against the rules of RFC
// 5545 and of this package's documentation, and returns the calendar and
// every problem found.
func checkCalendar(data []byte) (*comp, []string) {
	var probs []string
	bad := func(line int, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		bad(0, "output does not end in CRLF")
	}
	line := 1
	for i, c := range data {
		switch {
		case c == '\n' && (i == 0 || data[i-1] != '\r'):
			bad(line, "bare LF")
		case c == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			bad(line, "bare CR")
		case c == '\n':
			line++
		}
	}
	// Physical lines, unfolded into logical ones.
	phys := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var logical []string
	var starts []int
	for i, l := range phys {
		n := i + 1
		if len(l) > 75 {
			bad(n, "%d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			bad(n, "not valid UTF-8 (a fold inside a character?): %q", l)
		}
		for j := range len(l) {
			if c := l[j]; (c < 0x20 && c != '\t') || c == 0x7f {
				bad(n, "control character %q", c)
				break
			}
		}
		if l == "" {
			bad(n, "empty line")
			continue
		}
		if l[0] != ' ' && l[0] != '\t' {
			logical = append(logical, l)
			starts = append(starts, n)
			continue
		}
		if len(logical) == 0 {
			bad(n, "continuation without a line to continue")
			continue
		}
		if prev := phys[i-1]; len(prev) < 75-3 {
			bad(n-1, "folded after %d octets, before a fold was needed", len(prev))
		}
		if len(l) > 1 && !utf8.RuneStart(l[1]) {
			bad(n, "continuation starts inside a UTF-8 character")
		}
		logical[len(logical)-1] += l[1:]
	}
	// Components.
	root := &comp{}
	stack := []*comp{root}
	for k, l := range logical {
		p, err := parseContentLine(l, starts[k])
		if err != nil {
			bad(starts[k], "%v: %q", err, l)
			continue
		}
		top := stack[len(stack)-1]
		switch p.Name {
		case "BEGIN":
			c := &comp{Name: strings.ToUpper(p.Value)}
			top.Subs = append(top.Subs, c)
			stack = append(stack, c)
		case "END":
			if len(stack) == 1 || top.Name != strings.ToUpper(p.Value) {
				bad(p.Line, "END:%s closes %s", p.Value, top.Name)
				continue
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 1 {
				bad(p.Line, "property %s outside a component", p.Name)
				continue
			}
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 1 {
		bad(len(phys), "%s not closed", stack[len(stack)-1].Name)
	}
	if len(root.Subs) != 1 || root.Subs[0].Name != "VCALENDAR" {
		bad(0, "not exactly one VCALENDAR")
		return root, probs
	}
	cal := root.Subs[0]
	checkComponent(cal, bad)
	return cal, probs
}

func checkComponent(cal *comp, bad func(int, string, ...any)) {
	if v := cal.all("VERSION"); len(v) != 1 || v[0].Value != "2.0" {
		bad(0, "VERSION: %v", v)
	}
	if len(cal.all("PRODID")) != 1 {
		bad(0, "not one PRODID")
	}
	for _, p := range cal.all("REFRESH-INTERVAL") {
		if v := p.Params["VALUE"]; len(v) != 1 || v[0] != "DURATION" || !durationRE.MatchString(p.Value) {
			bad(p.Line, "REFRESH-INTERVAL %v %q is not a DURATION", p.Params, p.Value)
		}
	}
	publish := cal.value("METHOD") == "PUBLISH"
	zones := map[string]bool{}
	for _, sub := range cal.Subs {
		switch sub.Name {
		case "VTIMEZONE":
			id := sub.all("TZID")
			if len(id) != 1 {
				bad(0, "VTIMEZONE without one TZID")
				continue
			}
			name := sub.text("TZID")
			if zones[name] {
				bad(id[0].Line, "second VTIMEZONE %s", name)
			}
			zones[name] = true
			checkTimezone(sub, name, bad)
		case "VEVENT":
		default:
			bad(0, "unexpected component %s in VCALENDAR", sub.Name)
		}
	}
	uids := map[string]bool{}
	var each func(c *comp)
	each = func(c *comp) {
		for _, p := range c.Props {
			for name, vals := range p.Params {
				for _, v := range vals {
					if strings.Contains(v, `\`) {
						bad(p.Line, "parameter %s=%q holds a backslash", name, v)
					}
				}
			}
			if tz := p.Params["TZID"]; len(tz) > 0 {
				if !zones[tz[0]] {
					bad(p.Line, "TZID %q has no VTIMEZONE", tz[0])
				}
				if strings.HasSuffix(p.Value, "Z") {
					bad(p.Line, "TZID on a UTC value %q", p.Value)
				}
			}
			if list, ok := textProps[p.Name]; ok {
				if err := checkText(p.Value, list); err != nil {
					bad(p.Line, "%s: %v in %q", p.Name, err, p.Value)
				}
			}
			if p.Name == "ATTENDEE" {
				bad(p.Line, "ATTENDEE")
			}
		}
		for _, s := range c.Subs {
			each(s)
		}
	}
	each(cal)
	for _, ev := range cal.subs("VEVENT") {
		if len(ev.Subs) > 0 {
			bad(0, "VEVENT with components")
		}
		uid := ev.all("UID")
		if len(uid) != 1 {
			bad(0, "VEVENT with %d UIDs", len(uid))
			continue
		}
		line := uid[0].Line
		if uids[uid[0].Value] {
			bad(line, "UID %s twice", uid[0].Value)
		}
		uids[uid[0].Value] = true
		if st := ev.all("DTSTAMP"); len(st) != 1 || !stampRE.MatchString(st[0].Value) {
			bad(line, "DTSTAMP %v", st)
		}
		for _, name := range singleProps {
			if n := len(ev.all(name)); n > 1 {
				bad(line, "%d %s", n, name)
			}
		}
		if len(ev.all("SUMMARY")) != 1 {
			bad(line, "no SUMMARY")
		}
		if s := ev.value("STATUS"); s != "TENTATIVE" && s != "CONFIRMED" && s != "CANCELLED" {
			bad(line, "STATUS %q", s)
		}
		if g := ev.all("GEO"); len(g) == 1 && !geoRE.MatchString(g[0].Value) {
			bad(line, "GEO %q", g[0].Value)
		}
		if publish && len(ev.all("ORGANIZER")) != 1 {
			bad(line, "METHOD:PUBLISH and no ORGANIZER")
		}
		start := ev.all("DTSTART")
		if len(start) != 1 {
			bad(line, "%d DTSTART", len(start))
			continue
		}
		s, err := parseWhen(start[0])
		if err != nil {
			bad(start[0].Line, "%v", err)
			continue
		}
		for _, endProp := range ev.all("DTEND") {
			e, err := parseWhen(endProp)
			switch {
			case err != nil:
				bad(endProp.Line, "%v", err)
			case s.allDay != e.allDay || s.floating != e.floating:
				bad(endProp.Line, "DTSTART %q and DTEND %q of different types", start[0].Value, endProp.Value)
			case !e.t.After(s.t):
				bad(endProp.Line, "DTEND %q is not after DTSTART %q", endProp.Value, start[0].Value)
			}
		}
	}
}

// checkTimezone checks that every onset of the observances of a
// VTIMEZONE (DTSTART, and each RDATE) from its first observance on says
// what the zone database says: the offset from before the change, and
// the offset after it. An observance's DTSTART may lie before the first
// observance, which overrides it (the Ruby icalendar gem needs every
// observance to begin before the events); its RDATEs are checked.
func checkTimezone(tz *comp, name string, bad func(int, string, ...any)) {
	if len(tz.Subs) == 0 {
		bad(0, "VTIMEZONE %s without observances", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		bad(0, "VTIMEZONE %s: %v", name, err)
		return
	}
	localRE := regexp.MustCompile(`^[0-9]{8}T[0-9]{6}$`)
	var first time.Time
	for i, ob := range tz.Subs {
		if ob.Name != "STANDARD" && ob.Name != "DAYLIGHT" {
			bad(0, "%s in VTIMEZONE", ob.Name)
			continue
		}
		from, to := ob.value("TZOFFSETFROM"), ob.value("TZOFFSETTO")
		if !offsetRE.MatchString(from) || !offsetRE.MatchString(to) || !localRE.MatchString(ob.value("DTSTART")) {
			bad(0, "VTIMEZONE %s observance %q %q %q", name, ob.value("DTSTART"), from, to)
			continue
		}
		onsets := []string{ob.value("DTSTART")}
		for _, p := range ob.all("RDATE") {
			if !localRE.MatchString(p.Value) {
				bad(p.Line, "VTIMEZONE %s: RDATE %q", name, p.Value)
			}
			onsets = append(onsets, p.Value)
		}
		for j, onset := range onsets {
			wall, _ := time.Parse("20060102T150405", onset)
			at := wall.Add(-time.Duration(offsetSeconds(from)) * time.Second)
			if i == 0 && j == 0 {
				first = at
			}
			if at.Before(first) {
				continue // overridden by the first observance
			}
			if _, off := at.In(loc).Zone(); off != offsetSeconds(to) {
				bad(0, "VTIMEZONE %s: at %s the zone database has offset %d, the observance says %s", name, onset, off, to)
			}
			if _, off := at.Add(-time.Second).In(loc).Zone(); (i > 0 || j > 0) && off != offsetSeconds(from) {
				bad(0, "VTIMEZONE %s: before %s the zone database has offset %d, the observance says %s", name, onset, off, from)
			}
		}
	}
}

func offsetSeconds(s string) int {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	n := 0
	for _, part := range []string{s[1:3], s[3:5], (s + "00")[5:7]} {
		v := int(part[0]-'0')*10 + int(part[1]-'0')
		n = n*60 + v
	}
	return sign * n
}

// requireRules fails the test with every problem checkCalendar finds.
func requireRules(t tester, data []byte) *comp {
	t.Helper()
	cal, probs := checkCalendar(data)
	for i, p := range probs {
		if i == 20 {
			t.Errorf("... and %d more problems", len(probs)-20)
			break
		}
		t.Errorf("%s", p)
	}
	if len(probs) > 0 {
		t.FailNow()
	}
	return cal
}

func byUID(cal *comp) map[string]*comp {
	m := map[string]*comp{}
	for _, ev := range cal.subs("VEVENT") {
		m[ev.value("UID")] = ev
	}
	return m
}

// checkReport checks a calendar against its timeline and report: the
// events written are those not skipped, each once; the approximated ones
// say so; the notes name the events and their dates; and with Lossless
// every event carries its JSON.
func checkReport(t *testing.T, tl *timeline.Timeline, cal *comp, data []byte, rep export.Report, opts ical.Options) {
	t.Helper()
	events := cal.subs("VEVENT")
	assert.Equal(t, rep.Events, len(events), "VEVENTs and Report.Written")
	assert.Equal(t, rep.Events, bytes.Count(data, []byte("\r\nBEGIN:VEVENT\r\n")), "BEGIN:VEVENT lines")
	assert.Equal(t, rep.Events, bytes.Count(data, []byte("\r\nEND:VEVENT\r\n")), "END:VEVENT lines")
	assert.Equal(t, tl.Len(), rep.Events+len(rep.NotesOf(export.Skipped)), "Written+Skipped and the timeline")
	skipped, approx := map[uuid.UUID]export.Note{}, map[uuid.UUID]export.Note{}
	for _, n := range rep.NotesOf(export.Skipped) {
		skipped[n.ID] = n
	}
	for _, n := range rep.NotesOf(export.Approximated) {
		approx[n.ID] = n
	}
	uids := byUID(cal)
	var json []byte
	for e := range tl.All() {
		ev, written := uids[e.ID.String()]
		note, isSkipped := skipped[e.ID]
		if isSkipped == written {
			t.Errorf("event %s %q: written %v, skipped %v", e.ID, e.Title, written, isSkipped)
			continue
		}
		if n, ok := approx[e.ID]; ok {
			note = n
			if !written {
				t.Errorf("event %s approximated and not written", e.ID)
			}
			assert.Equal(t, e.Title, ev.text("X-ACCORDLINE-TITLE"), "X-ACCORDLINE-TITLE of an approximated event")
			assert.True(t, strings.HasPrefix(ev.text("SUMMARY"), e.Title+" ("), "SUMMARY of an approximated event: %q", ev.text("SUMMARY"))
		} else if written {
			assert.Empty(t, ev.all("X-ACCORDLINE-TITLE"), "X-ACCORDLINE-TITLE of an exact event")
			assert.Equal(t, e.Title, ev.text("SUMMARY"))
		}
		if note.ID != uuid.Nil {
			assert.Equal(t, e.Title, note.Title)
			assert.Equal(t, e.Date.String(), note.Date)
			assert.NotEmpty(t, note.Reason)
		}
		if written {
			assert.Equal(t, e.Date.String(), ev.text("X-ACCORDLINE-DATE"))
			if opts.Lossless {
				json = jsondoc.AppendEvent(json[:0], &e)
				if !assert.Equal(t, string(json), ev.binary("X-ACCORDLINE-EVENT"), "X-ACCORDLINE-EVENT of %s", e.ID) {
					return
				}
			} else {
				assert.Empty(t, ev.all("X-ACCORDLINE-EVENT"))
			}
		}
	}
}

// notes makes notes comparable without their IDs.
func notes(ns []export.Note) [][3]string {
	out := make([][3]string, len(ns))
	for i, n := range ns {
		out[i] = [3]string{n.Title, n.Date, n.Reason}
	}
	return out
}

// --- Golden files --------------------------------------------------------

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", name)
	if *fuzztext.Update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./export/ical -run Golden -update to create it")
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\r\n"), strings.Split(string(want), "\r\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("%s differs from the output at line %d:\n got: %q\nwant: %q\n(run with -update if the change is meant)", path, i+1, g[i], w[i])
		}
	}
	t.Fatalf("%s differs from the output: %d lines, want %d (run with -update if the change is meant)", path, len(g), len(w))
}

func TestGoldenSeed(t *testing.T) {
	tl := seedTimeline(t)
	data, rep := encode(t, tl, seedOptions())
	golden(t, "seed.ics", data)
	cal := requireRules(t, data)
	checkReport(t, tl, cal, data, rep, seedOptions())

	assert.Equal(t, 12, rep.Events)
	assert.Equal(t, [][3]string{
		{"Israel and Kazakhstan establish diplomatic relations", "1992", precisionReason("year")},
		{"Kazakh government source calls the accession a natural and logical step", "2025-11-06?", approxReason},
		{"Herzog to visit Kazakhstan", "2025-11-07/2026-05~", approxReason},
	}, notes(rep.NotesOf(export.Approximated)))
	assert.Equal(t, [][3]string{
		{"Signing ceremony for Kazakhstan's accession to the Abraham Accords", "2025-11-06/..", openSkip},
		{"Security agreement between Israel and Syria", "2025-11-07/..", openSkip},
		{"Al-Sharaa to visit Washington", "2025-11-07/..", openSkip},
	}, notes(rep.NotesOf(export.Skipped)))

	// The calendar's own properties.
	assert.Equal(t, seed.Title, cal.text("NAME"))
	assert.Equal(t, seed.Title, cal.text("X-WR-CALNAME"))
	assert.Equal(t, seedURL, cal.value("URL"))
	assert.Equal(t, "PT12H", cal.value("REFRESH-INTERVAL"))
	assert.Equal(t, ical.ProdID, cal.text("PRODID"))
	assert.Empty(t, cal.all("METHOD"))

	// Dates: the year as the days it covers, the uncertain day as its day,
	// the months to come to the end of May, the evening in New York.
	days := map[string][2]string{
		"Israel and Kazakhstan establish diplomatic relations":                    {"19920101", "19930101"},
		"Kazakh government source calls the accession a natural and logical step": {"20251106", "20251107"},
		"Herzog to visit Kazakhstan":                                              {"20251107", "20260601"},
		"Kazakhstan joins the Abraham Accords":                                    {"20251106", "20251107"},
	}
	for _, ev := range cal.subs("VEVENT") {
		title := ev.text("X-ACCORDLINE-TITLE")
		if title == "" {
			title = ev.text("SUMMARY")
		}
		if d, ok := days[title]; ok {
			assert.Equal(t, d, [2]string{ev.value("DTSTART"), ev.value("DTEND")}, title)
			assert.Equal(t, []string{"DATE"}, ev.all("DTSTART")[0].Params["VALUE"], title)
		}
		if title == "Dinner with the C5+1 leaders in the East Room" {
			assert.Equal(t, "20251106T180000", ev.value("DTSTART"))
			assert.Equal(t, "20251106T235959", ev.value("DTEND"))
			assert.Equal(t, []string{"America/New_York"}, ev.all("DTSTART")[0].Params["TZID"])
			assert.Equal(t, "38.897700;-77.036500", ev.value("GEO"))
			assert.Equal(t, "East Room, White House, Washington, D.C., US", ev.text("LOCATION"))
			assert.Equal(t, "CONFIRMED", ev.value("STATUS"))
		}
		if title == "Kazakhstan joins the Abraham Accords" {
			assert.Equal(t, "TENTATIVE", ev.value("STATUS"))
			assert.Equal(t, "057", ev.value("X-CAMEO-CODE"))
			assert.Equal(t, "SUPPORT", ev.value("X-PLOVER-TYPE"))
			assert.Equal(t, "treaty-accession", ev.value("X-ACCORDLINE-KIND"))
		}
	}
	assert.Equal(t, "Herzog to visit Kazakhstan (in the coming months)", byTitle(cal)["Herzog to visit Kazakhstan"].text("SUMMARY"))
}

// byTitle indexes VEVENTs by their event's title.
func byTitle(cal *comp) map[string]*comp {
	m := map[string]*comp{}
	for _, ev := range cal.subs("VEVENT") {
		title := ev.text("X-ACCORDLINE-TITLE")
		if title == "" {
			title = ev.text("SUMMARY")
		}
		m[title] = ev
	}
	return m
}

func TestGoldenStress(t *testing.T) {
	tl := stressTimeline(t)
	require.Equal(t, max(len(stressDates), len(event.Kinds())), tl.Len())
	data, rep := encode(t, tl, stressOptions())
	golden(t, "stress.ics", data)
	cal := requireRules(t, data)
	checkReport(t, tl, cal, data, rep, stressOptions())

	// The timeline covers what it claims to.
	kinds, statuses := map[event.Kind]bool{}, map[event.Status]bool{}
	for e := range tl.All() {
		kinds[e.Kind], statuses[e.Status] = true, true
	}
	assert.ElementsMatch(t, event.Kinds(), slices.Collect(maps.Keys(kinds)))
	assert.ElementsMatch(t, event.Statuses(), slices.Collect(maps.Keys(statuses)))

	// The report, event by event, in timeline order.
	var wantApprox, wantSkipped [][3]string
	for e := range tl.All() {
		sd := stressDateOf(t, &e)
		switch sd.outcome {
		case "approx":
			wantApprox = append(wantApprox, [3]string{e.Title, sd.edtf, sd.reason})
		case "skip":
			wantSkipped = append(wantSkipped, [3]string{e.Title, sd.edtf, sd.reason})
		}
	}
	assert.Equal(t, wantApprox, notes(rep.NotesOf(export.Approximated)))
	assert.Equal(t, wantSkipped, notes(rep.NotesOf(export.Skipped)))
	assert.Len(t, rep.NotesOf(export.Approximated), 13)
	assert.Len(t, rep.NotesOf(export.Skipped), 6)
	assert.Equal(t, 32-6, rep.Events)

	// Folds fell inside multi-byte characters and were moved before them.
	moved := 0
	for l := range strings.SplitSeq(string(data), "\r\n") {
		if len(l) >= 72 && len(l) < 75 {
			moved++
		}
	}
	assert.Greater(t, moved, 20, "folds moved off the middle of a character")

	// Every text survives the escaping.
	uids := byUID(cal)
	for e := range tl.All() {
		ev, ok := uids[e.ID.String()]
		if !ok {
			continue
		}
		desc := ev.text("DESCRIPTION")
		if e.Description != "" {
			assert.True(t, strings.HasPrefix(desc, textOf(e.Description)+"\n\n"), "DESCRIPTION of %q: %q", e.Title, desc)
		}
		wants := []string{
			e.Instrument.Name, e.Sources[0].Publisher, e.Sources[0].Title, e.Sources[0].URL, e.Sources[1].Publisher,
			textOf(e.Sources[0].Quotes[0].Text), textOf(e.Sources[0].Quotes[0].Translation), e.DateText,
		}
		for _, p := range e.Participants {
			a, ok := tl.Actor(p.Actor)
			require.True(t, ok)
			wants = append(wants, a.Name, p.Capacity)
		}
		for _, want := range wants {
			assert.Contains(t, desc, want, "DESCRIPTION of %q", e.Title)
		}
		cats, err := splitList(ev.value("CATEGORIES"))
		require.NoError(t, err)
		assert.Equal(t, append([]string{e.Kind.Name()}, e.Tags...), cats)
		if e.Place.Name != "" {
			assert.Equal(t, strings.Join([]string{e.Place.Venue, e.Place.Name, e.Place.City, e.Place.Country}, ", "), ev.text("LOCATION"))
		} else {
			assert.Empty(t, ev.all("LOCATION"))
		}
		assert.Equal(t, e.Sources[0].URL, ev.value("URL"))
		assert.Len(t, ev.all("RELATED-TO"), len(e.Links))
		if e.DateText == "" && e.Title != ev.text("SUMMARY") {
			assert.Equal(t, e.Title+" (date not exact: "+e.Date.String()+")", ev.text("SUMMARY"))
		}
	}
	// The injected lines in the description stayed text.
	assert.NotContains(t, data, []byte("\r\nUID:injected"))
	assert.NotContains(t, data, []byte("\r\nSUMMARY:injected"))
	assert.Equal(t, "Zeile 1\nZeile 2Zeile 3\nEND:VCALENDAR\nBEGIN:VEVENT; "+specials, cal.text("DESCRIPTION"))
	assert.Equal(t, "P1DT12H", cal.value("REFRESH-INTERVAL"))
	assert.Equal(t, stressOptions().URL, cal.value("URL"))

	// Dates.
	want := map[string][2]string{ // form → DTSTART, DTEND as written
		"day":                  {"20251106", "20251107"},
		"days":                 {"20251105", "20251109"},
		"New York, into DST":   {"20250309T013000", "20250309T033000"},
		"New York, out of DST": {"20251101T233000", "20251102T030000"},
		"Berlin, out of DST":   {"20251026T010000", "20251026T040000"},
		"Berlin, next year":    {"20260329T013000", ""},
		"Almaty, change of zone": {
			"20240229T220000", "20240301T100000"},
		"UTC":               {"20251106T200000Z", ""},
		"offset":            {"20251106T163000Z", ""},
		"two zones":         {"20251106T080000Z", "20251106T130000Z"},
		"floating":          {"20251106T200000", ""},
		"floating evening":  {"20251106T180000", "20251107T013000"},
		"month":             {"20251101", "20251201"},
		"season":            {"20250901", "20251201"},
		"year":              {"20250101", "20260101"},
		"decade":            {"20100101", "20200101"},
		"century":           {"20000101", "21000101"},
		"unspecified day":   {"20251101", "20251201"},
		"unspecified month": {"20250101", "20260101"},
		"approximate":       {"20251106", "20251107"},
		"approximate time":  {"20251106", "20251107"},
		"day to month":      {"20251106", "20260101"},
		"time to day":       {"20251106", "20251109"},
		"New York":          {"20251106T200000", ""},
	}
	zones := map[string]string{
		"New York, into DST": "America/New_York", "New York, out of DST": "America/New_York", "New York": "America/New_York",
		"Berlin, out of DST": "Europe/Berlin", "Berlin, next year": "Europe/Berlin", "Almaty, change of zone": "Asia/Almaty",
	}
	for e := range tl.All() {
		sd := stressDateOf(t, &e)
		w, ok := want[sd.form]
		if !ok {
			continue
		}
		ev := uids[e.ID.String()]
		require.NotNil(t, ev, sd.form)
		assert.Equal(t, w, [2]string{ev.value("DTSTART"), ev.value("DTEND")}, sd.form)
		var tzid []string
		if z := zones[sd.form]; z != "" {
			tzid = []string{z}
		}
		assert.Equal(t, tzid, ev.all("DTSTART")[0].Params["TZID"], sd.form)
		if len(w[1]) == 8 {
			assert.Equal(t, []string{"DATE"}, ev.all("DTEND")[0].Params["VALUE"], sd.form)
		}
	}
	var tzids []string
	for _, tz := range cal.subs("VTIMEZONE") {
		tzids = append(tzids, tz.text("TZID"))
	}
	assert.ElementsMatch(t, []string{"America/New_York", "Europe/Berlin", "Asia/Almaty"}, tzids)
}

// stressDateOf finds the date form of a stress event by its title.
func stressDateOf(t tester, e *event.Event) stressDate {
	t.Helper()
	var i int
	_, err := fmt.Sscanf(e.Title, "#%d", &i)
	require.NoError(t, err)
	return stressDates[i%len(stressDates)]
}

// textOf is a multi-line text as TEXT keeps it: CRLF as one line break, a
// bare CR dropped.
func textOf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "")
}

// TestPolicies: with Open: Span the open events are written on their first
// (or, for an open start, last) possible day; with Imprecise: Skip the
// coarse ones are left out, each with its reason.
func TestPolicies(t *testing.T) {
	t.Run("seed/open-span", func(t *testing.T) {
		tl := seedTimeline(t)
		opts := seedOptions()
		opts.Open = ical.DatePolicySpan
		data, rep := encode(t, tl, opts)
		cal := requireRules(t, data)
		checkReport(t, tl, cal, data, rep, opts)
		assert.Equal(t, 15, rep.Events)
		assert.Empty(t, rep.NotesOf(export.Skipped))
		byT := byTitle(cal)
		for title, day := range map[string][2]string{
			"Signing ceremony for Kazakhstan's accession to the Abraham Accords": {"20251106", "20251107"},
			"Al-Sharaa to visit Washington":                                      {"20251107", "20251108"},
			"Security agreement between Israel and Syria":                        {"20251107", "20251108"},
		} {
			ev := byT[title]
			require.NotNil(t, ev, title)
			assert.Equal(t, day, [2]string{ev.value("DTSTART"), ev.value("DTEND")}, title)
			assert.Contains(t, notes(rep.NotesOf(export.Approximated)), [3]string{title, ev.text("X-ACCORDLINE-DATE"), openFirst})
		}
		assert.Equal(t, "Signing ceremony for Kazakhstan's accession to the Abraham Accords (soon)",
			byT["Signing ceremony for Kazakhstan's accession to the Abraham Accords"].text("SUMMARY"))
	})
	t.Run("seed/imprecise-skip", func(t *testing.T) {
		tl := seedTimeline(t)
		opts := seedOptions()
		opts.Imprecise = ical.DatePolicySkip
		data, rep := encode(t, tl, opts)
		cal := requireRules(t, data)
		checkReport(t, tl, cal, data, rep, opts)
		assert.Equal(t, 9, rep.Events)
		assert.Empty(t, rep.NotesOf(export.Approximated))
		assert.Equal(t, [][3]string{
			{"Israel and Kazakhstan establish diplomatic relations", "1992", "date of year precision"},
			{"Kazakh government source calls the accession a natural and logical step", "2025-11-06?", "approximate or uncertain date"},
			{"Signing ceremony for Kazakhstan's accession to the Abraham Accords", "2025-11-06/..", openSkip},
			{"Herzog to visit Kazakhstan", "2025-11-07/2026-05~", "approximate or uncertain date"},
			{"Security agreement between Israel and Syria", "2025-11-07/..", openSkip},
			{"Al-Sharaa to visit Washington", "2025-11-07/..", openSkip},
		}, notes(rep.NotesOf(export.Skipped)))
	})
	t.Run("stress/open-span", func(t *testing.T) {
		tl := stressTimeline(t)
		opts := stressOptions()
		opts.Open = ical.DatePolicySpan
		data, rep := encode(t, tl, opts)
		cal := requireRules(t, data)
		checkReport(t, tl, cal, data, rep, opts)
		uids := byUID(cal)
		for e := range tl.All() {
			sd := stressDateOf(t, &e)
			if sd.spanFrom == "" {
				continue
			}
			ev := uids[e.ID.String()]
			require.NotNil(t, ev, sd.form)
			assert.Equal(t, [2]string{sd.spanFrom, sd.spanTo}, [2]string{ev.value("DTSTART"), ev.value("DTEND")}, sd.form)
			reason := openFirst
			if e.Date.StartBound() != event.BoundKnown {
				reason = openLast
			}
			assert.Contains(t, notes(rep.NotesOf(export.Approximated)), [3]string{e.Title, sd.edtf, reason})
		}
		assert.Equal(t, [][3]string{{stressTitle(t, tl, "no date"), "", "no date"}}, notes(rep.NotesOf(export.Skipped)))
	})
	t.Run("stress/imprecise-skip", func(t *testing.T) {
		tl := stressTimeline(t)
		opts := stressOptions()
		opts.Imprecise = ical.DatePolicySkip
		data, rep := encode(t, tl, opts)
		cal := requireRules(t, data)
		checkReport(t, tl, cal, data, rep, opts)
		assert.Empty(t, rep.NotesOf(export.Approximated))
		var want [][3]string
		for e := range tl.All() {
			sd := stressDateOf(t, &e)
			switch sd.outcome {
			case "approx":
				reason := "date of " + e.Date.Precision().String() + " precision"
				if e.Date.Qualifier() != 0 {
					reason = "approximate or uncertain date"
				}
				want = append(want, [3]string{e.Title, sd.edtf, reason})
			case "skip":
				want = append(want, [3]string{e.Title, sd.edtf, sd.reason})
			}
		}
		assert.Equal(t, want, notes(rep.NotesOf(export.Skipped)))
		assert.Equal(t, 32-13-6, rep.Events)
	})
}

func stressTitle(t tester, tl *timeline.Timeline, form string) string {
	for e := range tl.All() {
		if stressDateOf(t, &e).form == form {
			return e.Title
		}
	}
	t.Fatalf("no stress event of form %s", form)
	return ""
}

// --- Rules over every calendar --------------------------------------------

func TestRules(t *testing.T) {
	type calendar struct {
		name string
		tl   func(t *testing.T) *timeline.Timeline
		opts ical.Options
	}
	cals := []calendar{
		{"seed", func(t *testing.T) *timeline.Timeline { return seedTimeline(t) }, seedOptions()},
		{"stress", func(t *testing.T) *timeline.Timeline { return stressTimeline(t) }, stressOptions()},
	}
	for _, s := range []uint64{1, 2, 3} {
		for _, lossless := range []bool{false, true} {
			cals = append(cals, calendar{fmt.Sprintf("synth-%d/lossless=%v", s, lossless),
				func(t *testing.T) *timeline.Timeline { return synthTimeline(t, s) },
				ical.Options{Now: fixedClock, Lossless: lossless}})
		}
	}
	cals = append(cals, calendar{"synth-1/span-publish",
		func(t *testing.T) *timeline.Timeline { return synthTimeline(t, 1) },
		ical.Options{Now: fixedClock, Open: ical.DatePolicySpan, Method: "PUBLISH", Organizer: "mailto:desk@example.org"}})
	for _, c := range cals {
		t.Run(c.name, func(t *testing.T) {
			tl := c.tl(t)
			data, rep := encode(t, tl, c.opts)
			cal := requireRules(t, data)
			checkReport(t, tl, cal, data, rep, c.opts)
			assert.NotZero(t, rep.Events)
		})
	}
}

// TestRulesCatchBreakage makes sure the rule checker is not blind: it
// finds each kind of broken output.
func TestRulesCatchBreakage(t *testing.T) {
	good, _ := encode(t, seedTimeline(t), seedOptions())
	_, probs := checkCalendar(good)
	require.Empty(t, probs)
	for name, breakIt := range map[string]func(s string) string{
		"bare LF":    func(s string) string { return strings.Replace(s, "\r\n", "\n", 1) },
		"bare CR":    func(s string) string { return strings.Replace(s, "SEQUENCE:0", "SEQUENCE:0\rX", 1) },
		"long line":  func(s string) string { return strings.Replace(s, "\r\n ", "", 1) },
		"split char": func(s string) string { return strings.Replace(s, "ä", "\xc3\r\n \xa4", 1) },
		"early fold": func(s string) string { return strings.Replace(s, "SEQUENCE:0", "SEQ\r\n UENCE:0", 1) },
		"two UIDs":   func(s string) string { return strings.Replace(s, "SEQUENCE:0", "SEQUENCE:0\r\nUID:x", 1) },
		"local stamp": func(s string) string {
			return strings.Replace(s, "DTSTAMP:20251107T120000Z", "DTSTAMP:20251107T120000", 1)
		},
		"end at start": func(s string) string {
			return strings.Replace(s, "DTEND;VALUE=DATE:19930101", "DTEND;VALUE=DATE:19920101", 1)
		},
		"unknown TZID":  func(s string) string { return strings.Replace(s, "TZID=America/New_York", "TZID=Europe/Paris", 1) },
		"TZID on UTC":   func(s string) string { return strings.Replace(s, "20251106T180000\r\n", "20251106T180000Z\r\n", 1) },
		"backslash":     func(s string) string { return strings.Replace(s, "VALUE=DATE", `VALUE="DA\,TE"`, 1) },
		"raw semicolon": func(s string) string { return strings.Replace(s, "SUMMARY:", "SUMMARY:a;b ", 1) },
		"raw comma":     func(s string) string { return strings.Replace(s, "SUMMARY:", "SUMMARY:a,b ", 1) },
		"extra VEVENT": func(s string) string {
			return strings.Replace(s, "END:VCALENDAR", "BEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR", 1)
		},
		"VTIMEZONE wrong": func(s string) string { return strings.Replace(s, "TZOFFSETTO:-0400", "TZOFFSETTO:-0300", 1) },
		"bad duration":    func(s string) string { return strings.Replace(s, "DURATION:PT12H", "DURATION:PT", 1) },
		"bad DATE":        func(s string) string { return strings.Replace(s, "DATE:19920101", "DATE:-19920101", 1) },
	} {
		broken := breakIt(string(good))
		require.NotEqual(t, string(good), broken, name)
		if _, probs := checkCalendar([]byte(broken)); len(probs) == 0 {
			t.Errorf("%s: not found", name)
		}
	}
}

func TestEscaping(t *testing.T) {
	tl := oneEvent(t, func(e *event.Event) {
		e.Title = `a\b;c,d`
		e.Description = "x:y \"q\"\r\nnext\rafter CR\ttab"
		e.Tags = []string{"t,1", `t\2`, "t;3"}
		e.Place = event.Place{Name: `N;a,m\e`, City: "C:ity", Country: "DE"}
	})
	data, _ := encode(t, tl, ical.Options{Now: fixedClock})
	cal := requireRules(t, data)
	assert.Contains(t, string(data), "\r\nSUMMARY:a\\\\b\\;c\\,d\r\n")
	assert.Contains(t, string(data), "\r\nDESCRIPTION:x:y \"q\"\\nnextafter CR\ttab\\n\\n")
	assert.Contains(t, string(data), "\r\nCATEGORIES:Statement,t\\,1,t\\\\2,t\\;3\r\n")
	assert.Contains(t, string(data), "\r\nLOCATION:N\\;a\\,m\\\\e\\, C:ity\\, DE\r\n")
	ev := cal.subs("VEVENT")[0]
	assert.Equal(t, `a\b;c,d`, ev.text("SUMMARY"))
}

// oneEvent returns a timeline with one valid statement on a day, changed
// by f.
func oneEvent(t tester, f func(e *event.Event)) *timeline.Timeline {
	t.Helper()
	tl := timeline.New("One event", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"}))
	e := event.Event{Kind: event.Statement, Status: event.Occurred, Title: "Statement", Date: event.OnDay(2025, time.November, 6),
		Participants: []event.Participation{{Actor: "DE", Role: event.Speaker}}}
	if f != nil {
		f(&e)
	}
	fuzztext.MustAdd(t, tl, e)
	return tl
}

func TestInjection(t *testing.T) {
	const inject = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR"
	t.Run("event text", func(t *testing.T) {
		tl := oneEvent(t, func(e *event.Event) {
			e.Description = "before" + inject + "\nBEGIN:VEVENT\rBEGIN:VEVENT"
			e.Sources = []event.Source{{Publisher: "P", Quotes: []event.Quote{{Text: "q" + inject, Translation: "t" + inject}}}}
		})
		for _, lossless := range []bool{false, true} {
			data, rep := encode(t, tl, ical.Options{Now: fixedClock, Lossless: lossless})
			cal := requireRules(t, data)
			assert.Equal(t, 1, rep.Events)
			assert.Len(t, cal.subs("VEVENT"), 1)
			assert.Equal(t, 1, countLinesWithPrefix(data, "END:VEVENT"))
			assert.Equal(t, 1, countLinesWithPrefix(data, "BEGIN:VEVENT"))
			assert.Equal(t, 1, countLinesWithPrefix(data, "END:VCALENDAR"))
			assert.Zero(t, countLinesWithPrefix(data, "UID:evil"))
			assert.True(t, strings.HasPrefix(cal.subs("VEVENT")[0].text("DESCRIPTION"), "before"+textOf(inject)+"\nBEGIN:VEVENTBEGIN:VEVENT\n\n"))
		}
	})
	t.Run("title is one line", func(t *testing.T) {
		// The model keeps line breaks out of titles and the other one-line
		// fields, so they cannot reach the writer.
		tl := oneEvent(t, nil)
		for _, f := range []func(e *event.Event){
			func(e *event.Event) { e.Title = "t" + inject },
			func(e *event.Event) { e.DateText = "d" + inject },
			func(e *event.Event) { e.Place.Name = "p" + inject },
			func(e *event.Event) { e.Tags = []string{"x" + inject} },
			func(e *event.Event) { e.Title = "t\rx" },
		} {
			e := event.Event{Kind: event.Statement, Status: event.Occurred, Title: "T2", Date: event.OnDay(2025, time.November, 7),
				Participants: []event.Participation{{Actor: "DE", Role: event.Speaker}}}
			f(&e)
			_, err := tl.Add(e)
			assert.ErrorIs(t, err, event.ErrInvalidText)
		}
	})
	t.Run("calendar name and description", func(t *testing.T) {
		// The timeline refuses such text in SetTitle, but New keeps it, and
		// the writer must not be broken by it.
		tl := timeline.New("name"+inject, "desc"+inject+"\x00\x1b\x7f")
		require.NoError(t, tl.AddActors(event.Actor{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"}))
		for e := range oneEvent(t, nil).All() {
			fuzztext.MustAdd(t, tl, e)
		}
		// Options are input too: hostile ones are refused, with the field.
		for _, opts := range []ical.Options{
			{Now: fixedClock, Name: "opt" + inject},
			{Now: fixedClock, Description: "opt" + inject + "\x00X"},
		} {
			var buf bytes.Buffer
			_, err := ical.Encode(&buf, tl, &opts)
			require.ErrorIs(t, err, ical.ErrOptions)
			assert.Zero(t, buf.Len(), "nothing is written")
		}
		for _, opts := range []ical.Options{
			{Now: fixedClock},
			{Now: fixedClock, Name: "opt", Description: "two\nlines"},
		} {
			data, rep := encode(t, tl, opts)
			cal := requireRules(t, data)
			assert.Equal(t, 1, rep.Events)
			assert.Equal(t, 1, countLinesWithPrefix(data, "END:VEVENT"))
			assert.Equal(t, 1, countLinesWithPrefix(data, "BEGIN:VCALENDAR"))
			assert.Equal(t, 1, countLinesWithPrefix(data, "END:VCALENDAR"))
			assert.Len(t, cal.all("NAME"), 1)
			if opts.Name == "" {
				assert.Contains(t, cal.text("NAME"), textOf(inject))
			}
			assert.NotContains(t, cal.text("DESCRIPTION"), "\x00")
		}
	})
	t.Run("unsafe URIs", func(t *testing.T) {
		tl := oneEvent(t, nil)
		for _, opts := range []ical.Options{
			{URL: "https://example.org/x.ics\r\nBEGIN:VEVENT"},
			{URL: "https://example.org/x.ics\nX"},
			{URL: "https://example.org/x.ics\rX"},
			{URL: "https://example.org/\x00"},
			{URL: "https://example.org/\x7f"},
			{Method: "PUBLISH", Organizer: "mailto:a@example.org\r\nATTENDEE:mailto:b@example.org"},
			{Method: "PUBLISH", Organizer: "mailto:a@example.org\nX"},
		} {
			opts.Now = fixedClock
			var buf bytes.Buffer
			_, err := ical.Encode(&buf, tl, &opts)
			require.ErrorIs(t, err, ical.ErrOptions, "%+v", opts)
			assert.Zero(t, buf.Len(), "nothing is written")
			assert.NotContains(t, buf.String(), "BEGIN:VEVENT\r\nBEGIN", "%+v", opts)
			assert.NotContains(t, buf.String(), "\nATTENDEE", "%+v", opts)
			assert.NotContains(t, buf.String(), "\r\nX\r\n", "%+v", opts)
		}
	})
	t.Run("method", func(t *testing.T) {
		tl := oneEvent(t, nil)
		for _, opts := range []ical.Options{
			{Method: "REQUEST", Organizer: "mailto:a@example.org"},
			{Method: "publish", Organizer: "mailto:a@example.org"},
			{Method: "PUBLISH\r\nX-EVIL:1", Organizer: "mailto:a@example.org"},
			{Method: "PUBLISH"},
			{Method: "PUBLISH", Organizer: "https://example.org"},
		} {
			opts.Now = fixedClock
			var buf bytes.Buffer
			_, err := ical.Encode(&buf, tl, &opts)
			assert.Error(t, err, "%+v", opts)
			assert.NotContains(t, buf.String(), "X-EVIL")
		}
	})
}

func countLinesWithPrefix(data []byte, prefix string) int {
	n := 0
	for l := range strings.SplitSeq(string(data), "\r\n") {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

func TestPublish(t *testing.T) {
	for _, tl := range []*timeline.Timeline{seedTimeline(t), synthTimeline(t, 2)} {
		opts := ical.Options{Now: fixedClock, Method: "PUBLISH", Organizer: "mailto:desk@example.org"}
		data, rep := encode(t, tl, opts)
		cal := requireRules(t, data)
		checkReport(t, tl, cal, data, rep, opts)
		assert.Equal(t, "PUBLISH", cal.value("METHOD"))
		assert.Len(t, cal.all("METHOD"), 1)
		for _, ev := range cal.subs("VEVENT") {
			assert.Equal(t, []string{"mailto:desk@example.org"}, values(ev.all("ORGANIZER")))
			assert.Len(t, ev.all("SEQUENCE"), 1)
			assert.Len(t, ev.all("SUMMARY"), 1)
		}
		assert.NotContains(t, string(data), "ATTENDEE")
	}
	// Without METHOD there is no ORGANIZER.
	data, _ := encode(t, seedTimeline(t), seedOptions())
	assert.NotContains(t, string(data), "ORGANIZER")
}

func values(ps []prop) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Value
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, _ := encode(t, stressTimeline(t), stressOptions())
	b, _ := encode(t, stressTimeline(t), stressOptions())
	assert.True(t, bytes.Equal(a, b), "two encodings of the stress timeline differ")

	// The order events are added in does not matter.
	tl := timeline.New(stressTimeline(t).Title(), stressTimeline(t).Description())
	require.NoError(t, tl.AddActors(stressActors()...))
	events := stressEvents(t)
	slices.Reverse(events)
	for _, e := range events {
		fuzztext.MustAdd(t, tl, e)
	}
	c, _ := encode(t, tl, stressOptions())
	assert.True(t, bytes.Equal(a, c), "the stress timeline added backwards encodes differently")

	s1, _ := encode(t, synthTimeline(t, 3), ical.Options{Now: fixedClock, Lossless: true})
	actors, evs := synth.Generate(synth.Config{Seed: 3, Events: 2000})
	fresh := timeline.New(synthTimeline(t, 3).Title(), synthTimeline(t, 3).Description())
	require.NoError(t, fresh.AddActors(actors...))
	fuzztext.MustAdd(t, fresh, evs...)
	s2, _ := encode(t, fresh, ical.Options{Now: fixedClock, Lossless: true})
	assert.True(t, bytes.Equal(s1, s2), "two encodings of synth seed 3 differ")

	// The clock is the only time read.
	later := func() time.Time { return fixedClock().Add(time.Hour) }
	d, _ := encode(t, seedTimeline(t), ical.Options{Now: later})
	e, _ := encode(t, seedTimeline(t), ical.Options{Now: fixedClock})
	assert.Equal(t, strings.ReplaceAll(string(d), "DTSTAMP:20251107T130000Z", "DTSTAMP:20251107T120000Z"), string(e))
}

func TestTimezoneNewYork2025(t *testing.T) {
	tl := oneEvent(t, func(e *event.Event) {
		e.Date = event.MustParseDate("2025-07-04T12:00:00-04:00[America/New_York]")
	})
	data, _ := encode(t, tl, ical.Options{Now: fixedClock})
	cal := requireRules(t, data)
	tzs := cal.subs("VTIMEZONE")
	require.Len(t, tzs, 1)
	assert.Equal(t, "America/New_York", tzs[0].text("TZID"))
	type obs struct{ kind, start, from, to string }
	var got []obs
	for _, o := range tzs[0].Subs {
		got = append(got, obs{o.Name, o.value("DTSTART"), o.value("TZOFFSETFROM"), o.value("TZOFFSETTO")})
	}
	// The rules, from their onsets in the year before.
	assert.Contains(t, got, obs{"DAYLIGHT", "20240310T020000", "-0500", "-0400"})
	assert.Contains(t, got, obs{"STANDARD", "20241103T020000", "-0400", "-0500"})
	assert.Contains(t, tzs[0].Subs[1].value("RRULE")+tzs[0].Subs[2].value("RRULE"), "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU")
	// No other change of offset in 2025.
	changes := 0
	for _, o := range got {
		if o.from != o.to {
			changes++
		}
	}
	assert.Equal(t, 2, changes, "%v", got)
	ev := cal.subs("VEVENT")[0]
	assert.Equal(t, "20250704T120000", ev.value("DTSTART"))
	assert.Equal(t, []string{"America/New_York"}, ev.all("DTSTART")[0].Params["TZID"])
	assert.Empty(t, ev.all("DTEND"))
}

// Every timed DTSTART and DTEND names the instant of the event's date, read
// with the calendar's own VTIMEZONE rules (RFC 5545 3.3.5).
func TestInstants(t *testing.T) {
	for _, tl := range []*timeline.Timeline{seedTimeline(t), stressTimeline(t), synthTimeline(t, 1), synthTimeline(t, 2)} {
		data, _ := encode(t, tl, ical.Options{Now: fixedClock})
		cal := requireRules(t, data)
		uids := byUID(cal)
		n := 0
		for e := range tl.All() {
			ev := uids[e.ID.String()]
			d := e.Date
			if ev == nil || !d.Start().HasTime() || !d.End().HasTime() || d.Qualifier() != 0 || len(ev.all("X-ACCORDLINE-TITLE")) > 0 {
				continue
			}
			start, err := parseWhen(ev.all("DTSTART")[0])
			require.NoError(t, err)
			want, _ := d.Start().Time()
			if !d.Start().HasOffset() {
				assert.True(t, start.floating, "%s", d)
				assert.Equal(t, want, start.t, "%s", d)
				continue
			}
			if !start.t.Equal(want) && isRepeatedHour(want) {
				continue // TestRepeatedHour
			}
			assert.True(t, start.t.Equal(want), "%s: DTSTART %s is %s", d, ev.value("DTSTART"), start.t)
			if d.IsInterval() {
				end, err := parseWhen(ev.all("DTEND")[0])
				require.NoError(t, err)
				wantEnd, _ := d.End().Time()
				if !end.t.Equal(wantEnd) && isRepeatedHour(wantEnd) {
					continue
				}
				assert.True(t, end.t.Equal(wantEnd), "%s: DTEND %s is %s", d, ev.value("DTEND"), end.t)
			}
			n++
		}
		assert.NotZero(t, n)
	}
}

// isRepeatedHour reports whether t is in the second occurrence of a wall
// clock time, after clocks went back.
func isRepeatedHour(t time.Time) bool {
	_, off := t.Zone()
	_, before := t.Add(-3 * time.Hour).Zone()
	return before > off
}

func TestRefreshInterval(t *testing.T) {
	tl := oneEvent(t, nil)
	for d, want := range map[time.Duration]string{
		time.Second: "PT1S", 90 * time.Minute: "PT1H30M", 24 * time.Hour: "P1D", 36 * time.Hour: "P1DT12H",
		7 * 24 * time.Hour: "P7D", 25*time.Hour + time.Minute + time.Second: "P1DT1H1M1S", 0: "",
	} {
		data, _ := encode(t, tl, ical.Options{Now: fixedClock, Refresh: d})
		cal := requireRules(t, data)
		assert.Equal(t, want, cal.value("REFRESH-INTERVAL"), "%s", d)
	}
}

func TestWriteErrors(t *testing.T) {
	tl := synthTimeline(t, 1)
	full, _ := encode(t, tl, ical.Options{Now: fixedClock})
	for _, n := range []int{0, 10, 64 << 10, len(full) - 1} {
		w := &failingWriter{n: n}
		_, err := ical.Encode(w, tl, &ical.Options{Now: fixedClock})
		assert.ErrorIs(t, err, errWrite, "failing after %d bytes", n)
	}
	w := &failingWriter{n: len(full)}
	_, err := ical.Encode(w, tl, &ical.Options{Now: fixedClock})
	assert.NoError(t, err)
}

var errWrite = errors.New("disk full")

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestEmptyTimeline(t *testing.T) {
	tl := timeline.New("", "")
	data, rep := encode(t, tl, ical.Options{Now: fixedClock})
	cal := requireRules(t, data)
	assert.Equal(t, export.Report{}, rep)
	assert.Empty(t, cal.Subs)
	assert.Empty(t, cal.all("NAME"))
}

// --- Property test ---------------------------------------------------------

// acceptable keeps the runes of s that event.Validate accepts in a text
// field: no control characters but tab, and in multi-line fields CR and LF.
func acceptable(s string, multiline bool) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t', multiline && (r == '\n' || r == '\r'):
			return r
		case unicode.IsControl(r), r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}

func textGen(multiline bool) *rapid.Generator[string] {
	special := rapid.SampledFrom([]rune{'\\', ';', ',', ':', '"', '\r', '\n', '\t', ' ', '^', 'ä', 'ß', '€', '😀', 'ب',
		'\u2028', '\u0085', 0, 0x1b, 0x7f, 'n', 'N'})
	r := rapid.OneOf(special, special, rapid.Rune(), rapid.RuneFrom(nil, unicode.Latin, unicode.Arabic, unicode.Han))
	return rapid.Custom(func(t *rapid.T) string {
		return acceptable(string(rapid.SliceOfN(r, 0, 150).Draw(t, "runes")), multiline)
	})
}

func TestPropertyText(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(rt, "n")
		tl := timeline.New("property", "")
		require.NoError(rt, tl.AddActors(event.Actor{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"}))
		events := make([]event.Event, n)
		for i := range events {
			title := textGen(false).Draw(rt, "title")
			if strings.TrimSpace(title) == "" {
				title = "t" + title
			}
			events[i] = event.Event{
				ID:   uuid.NewSHA1(uuid.NameSpaceOID, []byte{byte(i)}),
				Kind: event.Statement, Status: event.Occurred, Title: title,
				Description:  textGen(true).Draw(rt, "description"),
				Date:         event.OnDay(2025, time.November, rapid.IntRange(1, 30).Draw(rt, "day")),
				Participants: []event.Participation{{Actor: "DE", Role: event.Speaker}},
			}
			require.NoError(rt, events[i].Validate(nil))
		}
		fuzztext.MustAdd(rt, tl, events...)
		require.Equal(rt, n, tl.Len())
		data, rep := encode(rt, tl, ical.Options{Now: fixedClock, Lossless: true})
		require.Equal(rt, n, bytes.Count(data, []byte("\r\nBEGIN:VEVENT\r\n")))
		require.Equal(rt, n, rep.Events)
		cal := requireRules(rt, data)
		uids := byUID(cal)
		for _, e := range events {
			ev := uids[e.ID.String()]
			require.NotNil(rt, ev)
			require.Equal(rt, e.Title, ev.text("SUMMARY"))
			want := ""
			if e.Description != "" {
				want = textOf(e.Description) + "\n\n"
			}
			require.True(rt, strings.HasPrefix(ev.text("DESCRIPTION"), want), "DESCRIPTION %q of %q", ev.text("DESCRIPTION"), e.Description)
		}
		// Back through the reader, exactly.
		back, rep, err := ical.Decode(bytes.NewReader(data), &ical.DecodeOptions{
			Actors: []event.Actor{{ID: "DE", Type: event.State, Name: "Germany", Country: "DE"}}})
		require.NoError(rt, err)
		require.Empty(rt, rep.Notes)
		require.Equal(rt, n, back.Len())
		byID := map[uuid.UUID]event.Event{}
		for e := range back.All() {
			byID[e.ID] = e
		}
		for _, e := range events {
			g, ok := byID[e.ID]
			require.True(rt, ok, "event %s not read back", e.ID)
			require.Equal(rt, e.Title, g.Title)
			require.Equal(rt, e.Description, g.Description)
		}
	})
}

// --- Regressions: bugs found while writing these tests, now fixed ---------

// In the hour repeated when clocks go back, a local time with TZID means
// its first occurrence (RFC 5545 3.3.5). An event in the second occurrence
// (01:30 EST on 2 November 2025 in New York, 06:30 UTC) must not be written
// as TZID=America/New_York:20251102T013000, which is 05:30 UTC.
func TestRepeatedHour(t *testing.T) {
	// Go's time.Date gives the first of the two instants in New York and
	// the second in Berlin: neither may decide what is written.
	for _, tt := range []struct {
		date   string
		utc    time.Time
		inZone bool
	}{
		{"2025-11-02T01:30:00-05:00[America/New_York]", time.Date(2025, 11, 2, 6, 30, 0, 0, time.UTC), false},
		{"2025-11-02T01:30:00-04:00[America/New_York]", time.Date(2025, 11, 2, 5, 30, 0, 0, time.UTC), true},
		{"2025-10-26T02:30:00+01:00[Europe/Berlin]", time.Date(2025, 10, 26, 1, 30, 0, 0, time.UTC), false},
		{"2025-10-26T02:30:00+02:00[Europe/Berlin]", time.Date(2025, 10, 26, 0, 30, 0, 0, time.UTC), true},
	} {
		tl := oneEvent(t, func(e *event.Event) { e.Date = event.MustParseDate(tt.date) })
		data, _ := encode(t, tl, ical.Options{Now: fixedClock})
		cal := requireRules(t, data)
		p := cal.subs("VEVENT")[0].all("DTSTART")[0]
		start, err := parseWhen(p)
		require.NoError(t, err)
		assert.Equal(t, tt.utc, start.t.UTC(), "%s: DTSTART %q", tt.date, p.Value)
		assert.Equal(t, tt.inZone, p.Params["TZID"] != nil, "%s: DTSTART %q in its zone", tt.date, p.Value)
	}
}

// DTEND must be later than DTSTART (RFC 5545 3.8.2.2); an interval of no
// length is an instant, written with DTSTART alone.
func TestZeroLengthInterval(t *testing.T) {
	for _, d := range []string{"2025-11-06T18:00:00Z/2025-11-06T18:00:00Z", "2025-11-06T18:00:00/2025-11-06T18:00:00",
		"2025-11-06T19:00:00+01:00[Europe/Berlin]/2025-11-06T18:00:00Z"} {
		tl := oneEvent(t, func(e *event.Event) { e.Date = event.MustParseDate(d) })
		data, _ := encode(t, tl, ical.Options{Now: fixedClock})
		_, probs := checkCalendar(data)
		assert.Empty(t, probs, d)
	}
}

// A DATE has four digits of year (RFC 5545 3.3.4): days before year 0 or
// after 9999 cannot be written, and must be reported rather than written
// as "-00440315" or "100000101".
func TestYearsOutsideDATE(t *testing.T) {
	for _, d := range []string{"-0044-03-15", "-0044", "9999-12-31", "9999", "-0044-03-15T12:00:00Z"} {
		tl := oneEvent(t, func(e *event.Event) { e.Date = event.MustParseDate(d) })
		data, rep := encode(t, tl, ical.Options{Now: fixedClock})
		_, probs := checkCalendar(data)
		assert.Empty(t, probs, "%s: report %+v", d, rep)
		assert.Equal(t, 1, rep.Events+len(rep.NotesOf(export.Skipped)))
	}
}

// REFRESH-INTERVAL must be a DURATION of RFC 5545 3.3.6: under a second it
// is written "PT", and an hour and a second without minutes "PT1H1S",
// which the grammar does not allow (dur-hour = 1*DIGIT "H" [dur-minute]).
func TestRefreshDuration(t *testing.T) {
	for _, d := range []time.Duration{500 * time.Millisecond, time.Hour + time.Second, 24*time.Hour + 5*time.Second} {
		data, _ := encode(t, oneEvent(t, nil), ical.Options{Now: fixedClock, Refresh: d})
		_, probs := checkCalendar(data)
		assert.Empty(t, probs, "%s", d)
	}
}

func TestLosslessTimelineRoundTrip(t *testing.T) {
	// A lossless calendar carries its actors too: Decode restores the
	// whole timeline without being told them, and notes nothing.
	tl := seedTimeline(t)
	var buf bytes.Buffer
	_, err := ical.Encode(&buf, tl, &ical.Options{Now: fixedClock, Lossless: true, Open: ical.DatePolicySpan})
	require.NoError(t, err)
	back, rep, err := ical.Decode(&buf, nil)
	require.NoError(t, err)
	assert.Empty(t, rep.Notes)
	assert.Equal(t, tl.Len(), rep.Events)
	assert.Equal(t, slices.Collect(tl.Actors()), slices.Collect(back.Actors()))
	assert.Equal(t, slices.Collect(tl.All()), slices.Collect(back.All()))

	// Without the payload, the reader says what it could not carry: the
	// accession needs its acceding party, which the calendar holds only
	// as text, so it is left out, and the events it keeps lack their
	// participants, instrument and sources.
	buf.Reset()
	_, err = ical.Encode(&buf, tl, &ical.Options{Now: fixedClock})
	require.NoError(t, err)
	back, rep, err = ical.Decode(&buf, &ical.DecodeOptions{Actors: slices.Collect(tl.Actors())})
	require.NoError(t, err)
	assert.Equal(t, back.Len(), rep.Events)
	var skipped, dropped int
	for _, n := range rep.Notes {
		switch n.Action {
		case export.Skipped:
			skipped++
			assert.Contains(t, n.Reason, "not a valid event", n.String())
		case export.Dropped:
			dropped++
			assert.Equal(t, "participants, instrument and sources", n.Field)
		}
	}
	assert.Equal(t, 12, skipped+rep.Events, "every written event is either read or noted as skipped")
	assert.Equal(t, rep.Events, dropped, "every event read notes what it lost")
	assert.Positive(t, skipped)
}

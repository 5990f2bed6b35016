package jsondoc_test

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	_ "time/tzdata"
	"unicode" // zone names resolve without a system zone database

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// Generators of valid timelines that exercise every form the format
// carries: every date form, language tag form, Unicode text and empty
// optional fields.

// textPieces are fragments of text that need care in JSON: non-ASCII
// letters in several scripts, emoji, characters JSON escapes, and the line
// separators JavaScript ends lines at.
var textPieces = []string{
	"Kasachstan", "Weißes Haus", "Straße", "Tokájew", "Ärger über Öl",
	"كازاخستان", "مرحبا بالعالم", "Казахстан", "哈薩克", "日本語", "Ελληνικά",
	"😀", "🇰🇿", "👩‍👩‍👧", "\"quoted\"", `back\slash`, `\"both\"`, `\u00e9 is not an escape`,
	"a/b", "<script>&amp;</script>", "tab\there", "line\u2028separator", "para\u2029separator",
	"\u00a0non-breaking", "zero\u200bwidth", "\ufeffBOM", "\uFFFD", "\U0010FFFD", "x",
}

// lineText generates non-blank text without line breaks, as titles and
// names must be.
func lineText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		parts := rapid.SliceOfN(rapid.SampledFrom(textPieces), 1, 3).Draw(t, "pieces")
		if rapid.IntRange(0, 3).Draw(t, "free") == 0 {
			// Any letters, digits, punctuation, symbols and spaces.
			free := rapid.StringOfN(rapid.RuneFrom(nil, letterTables...), 1, 12, -1).Draw(t, "runes")
			parts = append(parts, free)
		}
		return strings.Join(parts, " ")
	})
}

var letterTables = []*unicode.RangeTable{unicode.L, unicode.N, unicode.P, unicode.S, unicode.Zs, unicode.Mn}

// multilineText generates non-blank text that may span lines, as
// descriptions and quotes may.
func multilineText() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		lines := rapid.SliceOfN(lineText(), 1, 3).Draw(t, "lines")
		sep := rapid.SampledFrom([]string{"\n", "\r\n", "\n\n", "\t"}).Draw(t, "sep")
		return strings.Join(lines, sep)
	})
}

// optional returns g's value or, one time in three, the empty value.
func optional[V any](t *rapid.T, label string, g *rapid.Generator[V]) V {
	if rapid.IntRange(0, 2).Draw(t, label+"?") == 0 {
		var zero V
		return zero
	}
	return g.Draw(t, label)
}

// languageTags are tags of every form: language, language-region,
// language-script, language-script-region, and more.
var languageTags = []string{"de", "en", "en-US", "zh-Hant", "sr-Latn-RS", "ar", "fr-CA", "es-419", "de-CH-1901", "ru"}

func names() *rapid.Generator[map[string]string] {
	return rapid.MapOfN(rapid.SampledFrom(languageTags), lineText(), 0, 4)
}

// dateZones are zones with offsets of every shape: whole hours east and
// west, half and quarter hours, and summer time.
var dateZones = []string{"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Asia/Tokyo", "UTC"}

func year4(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// datePoint generates one EDTF date that is not an interval.
func datePoint(t *rapid.T, label string) string {
	y := rapid.IntRange(-9999, 9999).Draw(t, label+"year")
	if y == 0 && rapid.Bool().Draw(t, label+"zero") {
		y = 1
	}
	ys := year4(y)
	month := rapid.IntRange(1, 12).Draw(t, label+"month")
	var s string
	switch rapid.IntRange(0, 11).Draw(t, label+"form") {
	case 0: // year
		s = ys
	case 1: // Y-year, positive or negative
		n := rapid.IntRange(10000, 5_000_000).Draw(t, label+"long")
		if rapid.Bool().Draw(t, label+"neg") {
			n = -n
		}
		s = fmt.Sprintf("Y%d", n)
	case 2: // unspecified digits: 201X, 20XX, 2XXX
		k := rapid.IntRange(1, 3).Draw(t, label+"x")
		digits := fmt.Sprintf("%04d", rapid.IntRange(1, 9999).Draw(t, label+"xyear"))
		s = digits[:4-k] + strings.Repeat("X", k)
		if rapid.Bool().Draw(t, label+"xneg") && digits[:4-k] != strings.Repeat("0", 4-k) {
			s = "-" + s
		}
	case 3: // month
		s = fmt.Sprintf("%s-%02d", ys, month)
	case 4: // season
		s = fmt.Sprintf("%s-%d", ys, rapid.IntRange(21, 24).Draw(t, label+"season"))
	case 5: // unspecified month, or month and day
		s = ys + rapid.SampledFrom([]string{"-XX", "-XX-XX"}).Draw(t, label+"xx")
	case 6: // unspecified day
		s = fmt.Sprintf("%s-%02d-XX", ys, month)
	case 7, 8: // day
		s = fmt.Sprintf("%s-%02d-%02d", ys, month, rapid.IntRange(1, daysIn(y, month)).Draw(t, label+"day"))
	default: // day and time
		s = timedPoint(t, label, y, month)
	}
	return s + rapid.SampledFrom([]string{"", "", "?", "~", "%"}).Draw(t, label+"qual")
}

func daysIn(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// timedPoint generates a day with a time of day: local, in UTC, with an
// offset, or with an offset and the zone name that gives it.
func timedPoint(t *rapid.T, label string, y, month int) string {
	d := rapid.IntRange(1, daysIn(y, month)).Draw(t, label+"day")
	h := rapid.IntRange(0, 23).Draw(t, label+"hour")
	mi := rapid.IntRange(0, 59).Draw(t, label+"minute")
	sec := rapid.IntRange(0, 59).Draw(t, label+"second")
	clock := fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d", year4(y), month, d, h, mi, sec)
	switch rapid.IntRange(0, 4).Draw(t, label+"tz") {
	case 0:
		return clock
	case 1:
		return clock + "Z"
	case 2:
		return clock + fmt.Sprintf("%+03d", rapid.IntRange(-23, 23).Draw(t, label+"offh"))
	case 3:
		off := rapid.IntRange(-(23*60+59), 23*60+59).Draw(t, label+"off")
		sign := "+"
		if off < 0 {
			sign, off = "-", -off
		}
		return clock + fmt.Sprintf("%s%02d:%02d", sign, off/60, off%60)
	}
	// A zone name with the offset it has at that instant.
	name := rapid.SampledFrom(dateZones).Draw(t, label+"zone")
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	instant := time.Unix(rapid.Int64Range(0, 2_100_000_000).Draw(t, label+"instant"), 0).In(loc)
	return instant.Format("2006-01-02T15:04:05-07:00") + "[" + name + "]"
}

// dateText generates the text of a date of any form: one date, or an
// interval with known, open or unknown ends. It is "" only when allowed.
func dateText(t *rapid.T, label string, allowZero bool) string {
	if allowZero && rapid.IntRange(0, 5).Draw(t, label+"none") == 0 {
		return ""
	}
	start := datePoint(t, label+"start.")
	if rapid.IntRange(0, 2).Draw(t, label+"interval") != 0 {
		return start
	}
	switch rapid.IntRange(0, 4).Draw(t, label+"ends") {
	case 0:
		return start + "/.."
	case 1:
		return start + "/"
	case 2:
		return "../" + start
	case 3:
		return "/" + start
	}
	end := datePoint(t, label+"end.")
	for _, s := range []string{start + "/" + end, end + "/" + start} {
		if _, err := event.ParseDate(s); err == nil {
			return s
		}
	}
	// Ends that cannot be ordered, such as a local time and a time with
	// an offset on neighbouring days.
	return start + "/.."
}

func mustDate(t *rapid.T, s string) event.Date {
	if s == "" {
		return event.Date{}
	}
	d, err := event.ParseDate(s)
	if err != nil {
		t.Fatalf("generated date %q: %v", s, err)
	}
	return d
}

// visitKinds need a host or a place with a city or country.
var visitKinds = []event.Kind{event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit, event.UnofficialVisit, event.PrivateVisit}

// genTimeline generates a valid timeline.
func genTimeline(t *rapid.T) *timeline.Timeline {
	title := lineText().Draw(t, "title")
	if rapid.IntRange(0, 3).Draw(t, "anyTitle") == 0 {
		// The title of a timeline is any text: control characters too.
		title = strings.ToValidUTF8(rapid.String().Draw(t, "rawTitle"), "?")
	}
	description := optional(t, "description", multilineText())

	// At least three states, so that every kind finds the states it needs.
	codes := rapid.SliceOfNDistinct(rapid.StringMatching(`[A-Z]{2}`), 3, 5, func(s string) string { return s }).Draw(t, "states")
	var actors []event.Actor
	for i, c := range codes {
		actors = append(actors, event.Actor{
			ID: event.ActorID(c), Type: event.State, Name: lineText().Draw(t, fmt.Sprintf("state%d", i)),
			Names: names().Draw(t, "names"), Aliases: rapid.SliceOfN(lineText(), 0, 2).Draw(t, "aliases"),
			Country: c, Wikidata: optional(t, "wikidata", rapid.StringMatching(`Q[1-9][0-9]{0,6}`)),
		})
	}
	others := rapid.SliceOfNDistinct(rapid.StringMatching(`[a-z][a-z0-9]{0,8}(-[a-z0-9._:]{1,6}){0,2}`), 0, 4, func(s string) string { return s }).Draw(t, "others")
	for i, id := range others {
		typ := rapid.SampledFrom([]event.ActorType{event.Person, event.Organization, event.Body}).Draw(t, "type")
		actors = append(actors, event.Actor{
			ID: event.ActorID(id), Type: typ, Name: lineText().Draw(t, fmt.Sprintf("actor%d", i)),
			Names: names().Draw(t, "names"), Aliases: rapid.SliceOfN(lineText(), 0, 2).Draw(t, "aliases"),
			Country: optional(t, "country", rapid.SampledFrom(codes)),
		})
	}
	ids := make([]event.ActorID, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	for i := range actors {
		genHistory(t, &actors[i], ids)
	}

	n := rapid.IntRange(0, 8).Draw(t, "events")
	eventIDs := rapid.SliceOfNDistinct(rapid.Custom(func(t *rapid.T) uuid.UUID {
		var id uuid.UUID
		copy(id[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "uuid"))
		return id
	}), n, n, func(id uuid.UUID) uuid.UUID { return id }).Filter(func(ids []uuid.UUID) bool {
		return !slices.Contains(ids, uuid.Nil)
	}).Draw(t, "ids")
	var events []event.Event
	for i := range n {
		events = append(events, genEvent(t, eventIDs[i], codes, ids, eventIDs))
	}

	tl := timeline.New(title, description)
	if err := tl.AddActors(actors...); err != nil {
		t.Fatalf("generated actors: %v", err)
	}
	if _, err := tl.Add(events...); err != nil {
		t.Fatalf("generated events: %v", err)
	}
	return tl
}

// genHistory gives an actor a period, names through time, predecessors
// and offices. Offices have terms without known ends or none, so that no
// generated capacity contradicts them.
func genHistory(t *rapid.T, a *event.Actor, ids []event.ActorID) {
	a.Period = mustDate(t, dateText(t, "period", true))
	for i := range rapid.IntRange(0, 2).Draw(t, "history") {
		a.History = append(a.History, event.Name{Text: lineText().Draw(t, "historyText"),
			Lang:   optional(t, "historyLang", rapid.SampledFrom([]string{"de", "ru", "en-GB"})),
			Period: mustDate(t, dateText(t, fmt.Sprintf("historyPeriod%d", i), false))})
	}
	for _, id := range ids {
		if id != a.ID && rapid.IntRange(0, 5).Draw(t, "predecessor") == 0 {
			a.Predecessors = append(a.Predecessors, event.Succession{Actor: id,
				Kind: rapid.SampledFrom(event.SuccessionKinds()).Draw(t, "succession")})
		}
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "offices") {
		a.Offices = append(a.Offices, event.Office{Title: fmt.Sprintf("Office %d %s", i, lineText().Draw(t, "title")),
			Of:     rapid.SampledFrom(append([]event.ActorID{""}, ids...)).Draw(t, "of"),
			Period: rapid.SampledFrom([]event.Date{{}, event.MustParseDate("../.."), event.MustParseDate("1990-01-02/")}).Draw(t, "term")})
	}
}

// genEvent generates a valid event of any kind.
func genEvent(t *rapid.T, id uuid.UUID, states []string, actors []event.ActorID, eventIDs []uuid.UUID) event.Event {
	kind := rapid.SampledFrom(event.Kinds()).Draw(t, "kind")
	e := event.Event{ID: id, Kind: kind, Title: lineText().Draw(t, "title"), Titles: names().Draw(t, "titles")}
	e.Description = optional(t, "description", multilineText())
	e.DateText = optional(t, "dateText", lineText())
	e.Date = mustDate(t, dateText(t, "date", true))
	statuses := event.Statuses()
	if !e.Date.Bounded() {
		statuses = slices.DeleteFunc(statuses, func(s event.Status) bool { return s == event.Occurred })
	}
	e.Status = rapid.SampledFrom(statuses).Draw(t, "status")

	// The roles the kind requires, filled by distinct states, then others.
	has := func(a event.ActorID, r event.Role) bool {
		return slices.ContainsFunc(e.Participants, func(p event.Participation) bool { return p.Actor == a && p.Role == r })
	}
	for i, r := range kind.RequiredRoles() {
		e.Participants = append(e.Participants, event.Participation{Actor: event.ActorID(states[i]), Role: r,
			Capacity: optional(t, "capacity", lineText())})
	}
	for i := 0; len(e.Actors()) < kind.MinParties(); i++ {
		if a := event.ActorID(states[len(states)-1-i]); !has(a, event.Participant) {
			e.Participants = append(e.Participants, event.Participation{Actor: a, Role: event.Participant})
		}
	}
	for range rapid.IntRange(0, 3).Draw(t, "extra") {
		a := rapid.SampledFrom(actors).Draw(t, "actor")
		// A state where the kind wants one in a role; any role otherwise.
		r := rapid.SampledFrom([]event.Role{event.Witness, event.Participant, event.Subject, event.Depositary}).Draw(t, "role")
		if !has(a, r) {
			e.Participants = append(e.Participants, event.Participation{Actor: a, Role: r, Capacity: optional(t, "capacity", lineText())})
		}
	}
	e.Participants = rapid.Permutation(e.Participants).Draw(t, "order")

	if rapid.Bool().Draw(t, "place") || slices.Contains(visitKinds, kind) {
		e.Place = event.Place{
			Name: optional(t, "placeName", lineText()), Venue: optional(t, "venue", lineText()),
			City: optional(t, "city", lineText()), Country: rapid.SampledFrom(states).Draw(t, "placeCountry"),
		}
		if rapid.Bool().Draw(t, "coordinates") {
			e.Place.Coordinates = &event.Coordinates{
				Lat: rapid.Float64Range(-90, 90).Draw(t, "lat"),
				Lon: rapid.Float64Range(-180, 180).Draw(t, "lon"),
			}
		}
		if !slices.Contains(visitKinds, kind) && rapid.IntRange(0, 3).Draw(t, "countryless") == 0 {
			e.Place.Country = ""
		}
	}
	if kind.NeedsInstrument() || rapid.IntRange(0, 3).Draw(t, "instrument") == 0 {
		e.Instrument = event.Instrument{
			ID:    rapid.StringMatching(`[a-z][a-z0-9-]{0,20}`).Draw(t, "instrumentID"),
			Name:  lineText().Draw(t, "instrumentName"),
			Names: names().Draw(t, "instrumentNames"),
		}
	}
	for range rapid.IntRange(0, 2).Draw(t, "sources") {
		s := event.Source{
			Publisher: optional(t, "publisher", lineText()),
			URL:       optional(t, "url", rapid.StringMatching(`https?://[a-z]{1,10}\.example/[a-z0-9/?=&#-]{0,20}`)),
			Title:     optional(t, "sourceTitle", lineText()),
			Lang:      optional(t, "lang", rapid.SampledFrom(languageTags)),
			Published: mustDate(t, dateText(t, "published", true)),
		}
		for range rapid.IntRange(0, 2).Draw(t, "quotes") {
			q := event.Quote{
				Text:    multilineText().Draw(t, "text"),
				Lang:    optional(t, "quoteLang", rapid.SampledFrom(languageTags)),
				Speaker: optional(t, "speaker", rapid.SampledFrom(actors)),
			}
			if rapid.Bool().Draw(t, "translated") {
				q.Translation = multilineText().Draw(t, "translation")
				q.TranslationLang = optional(t, "translationLang", rapid.SampledFrom(languageTags))
			}
			s.Quotes = append(s.Quotes, q)
		}
		e.Sources = append(e.Sources, s)
	}
	e.Tags = rapid.SliceOfNDistinct(lineText(), 0, 3, func(s string) string { return s }).Draw(t, "tags")
	for _, target := range eventIDs {
		if target != id && rapid.IntRange(0, 3).Draw(t, "link") == 0 {
			e.Links = append(e.Links, event.Link{Type: rapid.SampledFrom(event.LinkTypes()).Draw(t, "linkType"), Target: target})
		}
	}
	e.Discriminator = optional(t, "discriminator", lineText())
	if rapid.IntRange(0, 3).Draw(t, "ordered") == 0 {
		e.Order = rapid.IntRange(1, 1_000_000_000).Draw(t, "order")
	}
	alternatives := 0
	if rapid.IntRange(0, 3).Draw(t, "withAlternatives") == 0 {
		alternatives = rapid.IntRange(1, 2).Draw(t, "alternatives")
	}
	for range alternatives {
		alt := event.Alternative{
			Field:  rapid.SampledFrom([]string{"title", "description", "place.name", "titles.de", "capacity"}).Draw(t, "altField"),
			Value:  lineText().Draw(t, "altValue"),
			Source: optional(t, "altSource", lineText()),
		}
		if alt.Field == "capacity" {
			if len(e.Participants) == 0 {
				continue
			}
			alt.Actor, alt.Role = e.Participants[0].Actor, e.Participants[0].Role
		}
		if !slices.Contains(e.Alternatives, alt) {
			e.Alternatives = append(e.Alternatives, alt)
		}
	}
	if err := e.Validate(nil); err != nil {
		t.Fatalf("generated event: %v", err)
	}
	return e
}

// decodeDocument decodes a document and fails the test on error.
func decodeDocument(t tb, b []byte) *timeline.Timeline {
	t.Helper()
	tl, _, err := jsondoc.Decode(bytes.NewReader(b), nil)
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, b)
	}
	return tl
}

// checkRoundTrip decodes every encoding of tl and expects tl back, and the
// same bytes when encoding it again.
func checkRoundTrip(t tb, tl *timeline.Timeline) {
	t.Helper()
	for _, indent := range []string{"", "  ", "\t"} {
		b := encodeDocument(t, tl, indent)
		back := decodeDocument(t, b)
		if !sameTimeline(tl, back) {
			requireSameTimeline(t, tl, back)
		}
		if again := encodeDocument(t, back, indent); !bytes.Equal(b, again) {
			t.Fatalf("indent %q: encoding the decoded timeline gives other bytes:\n%s\n%s", indent, b, again)
		}
	}
	b := encodeJSONLines(t, tl)
	back, _, err := jsondoc.DecodeLines(bytes.NewReader(b), nil)
	if err != nil {
		t.Fatalf("DecodeLines: %v\n%s", err, b)
	}
	if !sameTimeline(tl, back) {
		requireSameTimeline(t, tl, back)
	}
	if again := encodeJSONLines(t, back); !bytes.Equal(b, again) {
		t.Fatalf("JSON Lines: encoding the decoded timeline gives other bytes:\n%s\n%s", b, again)
	}
}

// TestRoundTripProperty: decode(encode(t)) is t, for documents compact and
// indented and for JSON Lines.
// The property also checks that the generator covers what it should: each
// of these forms appears in some generated document.
func TestRoundTripProperty(t *testing.T) {
	forms := map[string]*regexp.Regexp{
		"year":                 regexp.MustCompile(`"date":"\d{4}[?~%]?[/"]`),
		"negative year":        regexp.MustCompile(`"date":"-\d{4}`),
		"Y year":               regexp.MustCompile(`"date":"Y\d{5}`),
		"negative Y year":      regexp.MustCompile(`"date":"Y-\d{5}`),
		"month":                regexp.MustCompile(`"date":"-?\d{4}-(0\d|1[0-2])[?~%]?[/"]`),
		"season":               regexp.MustCompile(`"date":"-?\d{4}-2[1-4][?~%]?[/"]`),
		"unspecified digits":   regexp.MustCompile(`"date":"-?\d{1,3}X{1,3}[?~%]?[/"]`),
		"unspecified month":    regexp.MustCompile(`-XX[?~%]?[/"]`),
		"unspecified day":      regexp.MustCompile(`-\d\d-XX[?~%]?[/"]`),
		"day":                  regexp.MustCompile(`"date":"-?\d{4}-\d\d-\d\d[?~%]?[/"]`),
		"local time":           regexp.MustCompile(`T\d\d:\d\d:\d\d[?~%]?[/"]`),
		"UTC":                  regexp.MustCompile(`T\d\d:\d\d:\d\dZ`),
		"offset":               regexp.MustCompile(`T\d\d:\d\d:\d\d[+-]\d\d:\d\d[?~%]?[/"]`),
		"zone name":            regexp.MustCompile(`[+-]\d\d:\d\d\[[A-Za-z_]+/[A-Za-z_]+\]`),
		"uncertain":            regexp.MustCompile(`\?[/"]`),
		"approximate":          regexp.MustCompile(`~[/"]`),
		"both qualifiers":      regexp.MustCompile(`%[/"]`),
		"closed interval":      regexp.MustCompile(`"date":"[^"./]+/[^"./]+"`),
		"open end":             regexp.MustCompile(`"date":"[^"]+/\.\."`),
		"open start":           regexp.MustCompile(`"date":"\.\./`),
		"unknown end":          regexp.MustCompile(`"date":"[^"]+/"`),
		"unknown start":        regexp.MustCompile(`"date":"/`),
		"no date":              regexp.MustCompile(`"status":"(planned|announced|cancelled|postponed)","title":"(\\.|[^"\\])*",("titles":\{[^}]*\},)?("description":"(\\.|[^"\\])*",)?("dateText":"(\\.|[^"\\])*",)?"participants"`),
		"zh-Hant":              regexp.MustCompile(`"zh-Hant":`),
		"sr-Latn-RS":           regexp.MustCompile(`"sr-Latn-RS":`),
		"en-US":                regexp.MustCompile(`"en-US":`),
		"de":                   regexp.MustCompile(`"de":`),
		"escaped quote":        regexp.MustCompile(`\\"`),
		"escaped backslash":    regexp.MustCompile(`\\\\`),
		"newline":              regexp.MustCompile(`\\n`),
		"U+2028":               regexp.MustCompile(`\\u2028`),
		"control character":    regexp.MustCompile(`\\u00[01][0-9a-f]`),
		"Arabic":               regexp.MustCompile(`\p{Arabic}`),
		"emoji":                regexp.MustCompile(`😀`),
		"German":               regexp.MustCompile(`ß`),
		"coordinates":          regexp.MustCompile(`"coordinates":\{"lat":`),
		"quote with speaker":   regexp.MustCompile(`"speaker":"`),
		"link":                 regexp.MustCompile(`"links":\[\{"type":"`),
		"discriminator":        regexp.MustCompile(`"discriminator":"`),
		"order":                regexp.MustCompile(`"order":[1-9]`),
		"capacity alternative": regexp.MustCompile(`"alternatives":\[[^\]]*"field":"capacity","actor":"[^"]+","role":"`),
		"event without extras": regexp.MustCompile(`"participants":\[[^\]]*\]\}`),
	}
	seen := make(map[string]bool)
	// Some forms are rare: check again, up to a bound, until each was
	// generated, so that the coverage check below does not flake.
	for range 5 {
		rapid.Check(t, func(t *rapid.T) {
			tl := genTimeline(t)
			checkRoundTrip(t, tl)
			doc := encodeDocument(t, tl, "")
			for name, re := range forms {
				if !seen[name] && re.Match(doc) {
					seen[name] = true
				}
			}
		})
		if len(seen) == len(forms) {
			break
		}
	}
	for name := range forms {
		assert.True(t, seen[name], "no generated document has %s", name)
	}
}

// TestRoundTripLineReader reads the records of a generated stream one by
// one and expects the timeline's actors and events in order.
func TestRoundTripLineReader(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tl := genTimeline(t)
		lr := jsondoc.NewLineReader(bytes.NewReader(encodeJSONLines(t, tl)), nil)
		title, desc, err := lr.Header()
		if err != nil || title != tl.Title() || desc != tl.Description() {
			t.Fatalf("header: %q %q %v", title, desc, err)
		}
		parts := partsOf(tl)
		var got timelineParts
		for {
			rec, err := lr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			switch {
			case rec.Actor != nil && rec.Event == nil:
				got.Actors = append(got.Actors, *rec.Actor)
			case rec.Event != nil && rec.Actor == nil:
				got.Events = append(got.Events, *rec.Event)
			default:
				t.Fatalf("record with neither or both: %+v", rec)
			}
		}
		if _, err := lr.Next(); err != io.EOF {
			t.Fatalf("Next after the end: %v", err)
		}
		assert.Equal(t, len(parts.Actors), len(got.Actors))
		assert.Equal(t, len(parts.Events), len(got.Events))
		for i := range min(len(parts.Actors), len(got.Actors)) {
			// Records are as read: actors and events compare after the
			// canonical clone a timeline stores.
			assert.Equal(t, parts.Actors[i], got.Actors[i].Clone())
		}
		for i := range min(len(parts.Events), len(got.Events)) {
			assert.Equal(t, parts.Events[i], got.Events[i].Clone())
		}
	})
}

// TestRoundTripDates round trips one event for each date form, so that a
// failure names the form.
func TestRoundTripDates(t *testing.T) {
	dates := []string{
		"1992", "0000", "-0044", "Y170000", "Y-170000", "Y5000000", "2025-11", "2025-11-06",
		"2001-21", "2001-22", "2001-23", "2001-24", "201X", "20XX", "2XXX", "-20XX", "2025-XX", "2025-XX-XX", "2025-11-XX",
		"1985-04-12T23:20:30", "1985-04-12T23:20:30Z", "1985-04-12T23:20:30+05", "1985-04-12T23:20:30+00:00",
		"2025-11-06T20:00:00-05:00[America/New_York]", "1989-11-09T19:00:00+01:00[Europe/Berlin]",
		"2025-06-06T12:00:00+02:00[Europe/Berlin]", "2025-11-06T20:00:00+05:45[Asia/Kathmandu]",
		"2026-03~", "1984?", "2004-06-11%", "2025-11-06T20:00:00-05:00~",
		"2025-11-05/2025-11-07", "2025-11-06/..", "../2025-11-06", "2025-11-06/", "/2025-11-06", "2025-11-07/2026-05~", "../..", "/",
		"2025-11-06T18:00:00-05:00[America/New_York]/2025-11-06T23:59:59-05:00[America/New_York]", "1990?/2000~",
	}
	for _, s := range dates {
		t.Run(s, func(t *testing.T) {
			d, err := event.ParseDate(s)
			require.NoError(t, err)
			status := event.Occurred
			if !d.Bounded() {
				status = event.Planned
			}
			tl := timeline.New("Dates", "")
			require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ"}))
			fuzztext.MustAdd(t, tl, event.Event{Kind: event.Statement, Status: status, Title: "Statement", Date: d,
				Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}},
				Sources:      []event.Source{{Published: d}}})
			b := encodeDocument(t, tl, "")
			assert.Contains(t, string(b), `"date":"`+d.String()+`"`)
			assert.Contains(t, string(b), `"published":"`+d.String()+`"`)
			checkRoundTrip(t, tl)
		})
	}
}

// TestRoundTripText round trips text that needs escaping, and checks how it
// is escaped.
func TestRoundTripText(t *testing.T) {
	tl := timeline.New("Title with \"quotes\", \\ and \u0001\u001f\u007f control characters, \u2028 and \u2029",
		"Beschreibung\nmit Umlauten: äöü ß\r\nand Arabic: العربية\tand emoji 😀")
	require.NoError(t, tl.AddActors(event.Actor{ID: "KZ", Type: event.State, Name: "Kazakhstan", Country: "KZ",
		Names: map[string]string{"de": "Kasachstan", "ar": "كازاخستان", "zh-Hant": "哈薩克", "sr-Latn-RS": "Kazahstan", "en-US": "Kazakhstan"}}))
	fuzztext.MustAdd(t, tl, event.Event{Kind: event.Statement, Status: event.Announced, Title: `A "quoted" \ title  with  U+2028` + "\u2028",
		Description: "Line one\nline two\r\nline three", DateText: "tab\tseparated",
		Participants: []event.Participation{{Actor: "KZ", Role: event.Speaker}},
		Sources: []event.Source{{Quotes: []event.Quote{{Text: "„Zitat“\nzweite Zeile", Lang: "de",
			Translation: "\"Quote\"\nsecond line", TranslationLang: "en-US"}}}},
		Tags: []string{"C5+1", "</script>"}})
	b := encodeDocument(t, tl, "")
	for _, want := range []string{
		`"title":"Title with \"quotes\", \\ and \u0001\u001f` + "\u007f" + ` control characters, \u2028 and \u2029"`,
		`"description":"Beschreibung\nmit Umlauten: äöü ß\r\nand Arabic: العربية\tand emoji 😀"`,
		`"title":"A \"quoted\" \\ title  with  U+2028\u2028"`,
		`"text":"„Zitat“\nzweite Zeile"`,
		`"names":{"ar":"كازاخستان","de":"Kasachstan","en-US":"Kazakhstan","sr-Latn-RS":"Kazahstan","zh-Hant":"哈薩克"}`,
		`"tags":["C5+1","</script>"]`,
	} {
		assert.Contains(t, string(b), want)
	}
	assert.NotContains(t, string(b), "\u2028", "U+2028 is escaped")
	assert.NotContains(t, string(b), "\u2029", "U+2029 is escaped")
	checkRoundTrip(t, tl)
}

// TestRoundTripEmptyOptionalFields round trips an event with only what is
// required, and an actor with only what is required.
func TestRoundTripEmptyOptionalFields(t *testing.T) {
	tl := timeline.New("Minimal", "")
	require.NoError(t, tl.AddActors(event.Actor{ID: "o", Type: event.Organization, Name: "O"}))
	fuzztext.MustAdd(t, tl, event.Event{ID: uuid.MustParse("00000000-0000-4000-8000-000000000001"),
		Kind: event.Statement, Status: event.Planned, Title: "S",
		Participants: []event.Participation{{Actor: "o", Role: event.Speaker}},
		Sources:      []event.Source{{}}})
	assert.Equal(t, `{"format":"accordline/timeline","version":1,"title":"Minimal","actors":[{"id":"o","type":"organization","name":"O"}],`+
		`"events":[{"id":"00000000-0000-4000-8000-000000000001","kind":"statement","cameo":"010","status":"planned","title":"S",`+
		`"participants":[{"actor":"o","role":"speaker"}],"sources":[{}]}]}`+"\n", string(encodeDocument(t, tl, "")))
	assert.Equal(t, "{\n  \"format\": \"accordline/timeline\",\n  \"version\": 1,\n  \"title\": \"Minimal\",\n  \"actors\": [\n    {\n"+
		"      \"id\": \"o\",\n      \"type\": \"organization\",\n      \"name\": \"O\"\n    }\n  ],\n  \"events\": [\n    {\n"+
		"      \"id\": \"00000000-0000-4000-8000-000000000001\",\n      \"kind\": \"statement\",\n      \"cameo\": \"010\",\n"+
		"      \"status\": \"planned\",\n      \"title\": \"S\",\n      \"participants\": [\n        {\n          \"actor\": \"o\",\n"+
		"          \"role\": \"speaker\"\n        }\n      ],\n      \"sources\": [\n        {}\n      ]\n    }\n  ]\n}\n",
		string(encodeDocument(t, tl, "  ")))
	checkRoundTrip(t, tl)
}

// synthTimeline builds the synthetic timeline of a seed with n events.
func synthTimeline(t testing.TB, seed uint64, n int) *timeline.Timeline {
	t.Helper()
	actors, events := synth.Generate(synth.Config{Seed: seed, Events: n})
	tl := timeline.New(fmt.Sprintf("Synthetic timeline %d", seed), "Generated by synth")
	require.NoError(t, tl.AddActors(actors...))
	fuzztext.MustAdd(t, tl, events...)
	return tl
}

// TestRoundTripSynth round trips large synthetic timelines exactly: larger
// than the encoder's output buffer, with every kind and date form synth
// generates.
func TestRoundTripSynth(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, s := range seeds {
		t.Run(fmt.Sprint(s), func(t *testing.T) {
			t.Parallel()
			tl := synthTimeline(t, s, 3000)
			require.Equal(t, 3000, tl.Len())
			for _, indent := range []string{"", "  "} {
				b := encodeDocument(t, tl, indent)
				require.Greater(t, len(b), 1<<20, "large enough to be written in many pieces")
				back := decodeDocument(t, b)
				requireSameTimeline(t, tl, back)
				require.True(t, bytes.Equal(b, encodeDocument(t, back, indent)), "indent %q: re-encoded bytes differ", indent)
			}
			b := encodeJSONLines(t, tl)
			back, _, err := jsondoc.DecodeLines(bytes.NewReader(b), nil)
			require.NoError(t, err)
			requireSameTimeline(t, tl, back)
			require.True(t, bytes.Equal(b, encodeJSONLines(t, back)), "JSON Lines: re-encoded bytes differ")
		})
	}
}

// oneByteReader returns one byte per Read, to cross every buffer boundary.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

// TestRoundTripSmallReads decodes from readers that return one byte at a
// time: strings, escapes and numbers split across reads.
func TestRoundTripSmallReads(t *testing.T) {
	tl := goldenSeedTimeline(t)
	b := encodeDocument(t, tl, "  ")
	back, _, err := jsondoc.Decode(oneByteReader{bytes.NewReader(b)}, nil)
	require.NoError(t, err)
	requireSameTimeline(t, tl, back)

	lines := encodeJSONLines(t, tl)
	back, _, err = jsondoc.DecodeLines(oneByteReader{bytes.NewReader(lines)}, nil)
	require.NoError(t, err)
	requireSameTimeline(t, tl, back)

	// Readers that return data with io.EOF, half of what is asked, or an
	// error after data.
	for name, wrap := range map[string]func(io.Reader) io.Reader{
		"DataErrReader": iotest.DataErrReader, "HalfReader": iotest.HalfReader, "OneByteReader": iotest.OneByteReader,
	} {
		back, _, err = jsondoc.Decode(wrap(bytes.NewReader(b)), nil)
		require.NoError(t, err, name)
		requireSameTimeline(t, tl, back)
		back, _, err = jsondoc.DecodeLines(wrap(bytes.NewReader(lines)), nil)
		require.NoError(t, err, name)
		requireSameTimeline(t, tl, back)
	}
	_, _, err = jsondoc.Decode(iotest.TimeoutReader(bytes.NewReader(b)), nil)
	require.ErrorIs(t, err, iotest.ErrTimeout)
	_, _, err = jsondoc.DecodeLines(iotest.TimeoutReader(bytes.NewReader(lines)), nil)
	require.ErrorIs(t, err, iotest.ErrTimeout)

	// Escapes of every kind, split across reads.
	doc := `{"format":"accordline\/timeline","version":1.0,"title":"\"\\\/\b\f\n\r\t\u00e4\u00C4\ud83d\ude00\u2028"}`
	got, _, err := jsondoc.Decode(oneByteReader{strings.NewReader(doc)}, nil)
	require.NoError(t, err)
	assert.Equal(t, "\"\\/\b\f\n\r\täÄ😀\u2028", got.Title())
}

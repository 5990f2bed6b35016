package jsondoc

import (
	"slices"

	"strconv"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// The writers append JSON to byte slices by hand: the format is fixed, so
// there is nothing to reflect on, and the output is the same bytes for the
// same timeline, keys in a fixed order and maps sorted by key.

const hex = "0123456789abcdef"

// appendString appends s as a JSON string. Besides what JSON requires, it
// escapes U+2028 and U+2029, which end lines in JavaScript. Invalid UTF-8
// is written as U+FFFD, a byte at a time; validated events hold none.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start, i := 0, 0
	for i < len(s) {
		// Most text is plain ASCII, and most strings are short: eight
		// bytes at a time while none may need escaping, then up to eight
		// a byte at a time, by a table.
		for i+8 <= len(s) && !mayEscape(load64(s, i)) {
			i += 8
		}
		for end := min(i+8, len(s)); i < end && plainByte[s[i]]; {
			i++
		}
		if i == len(s) || plainByte[s[i]] {
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		n := runeLen(s, i)
		switch {
		case n == 0:
			b = append(b, s[start:i]...)
			b = append(b, "\ufffd"...)
			n = 1
		case c == 0xe2 && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&0xf])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendValidString appends s, which must be valid UTF-8, as
// appendString does, without checking that it is: only U+2028 and U+2029
// need escaping beyond ASCII, so that words of text in any script are
// skipped eight bytes at a time.
func appendValidString(b []byte, s string) []byte {
	b = append(b, '"')
	start, i := 0, 0
	for i < len(s) {
		for i+8 <= len(s) && !mayEscapeValid(load64(s, i)) {
			i += 8
		}
		if i+8 > len(s) && len(s) >= 8 && !mayEscapeValid(load64(s, len(s)-8)) {
			break // the last bytes, as the last eight
		}
		for end := min(i+8, len(s)); i < end && plainValid[s[i]]; {
			i++
		}
		if i == len(s) || plainValid[s[i]] {
			continue
		}
		c := s[i]
		if c != 0xe2 {
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&0xf])
			start = i + 3
		}
		i += 3
	}
	b = append(b, s[min(start, len(s)):]...)
	return append(b, '"')
}

// mayEscapeValid is mayEscape for valid UTF-8: it looks for the first
// byte of U+2028 and U+2029, not for every byte beyond ASCII.
func mayEscapeValid(w uint64) bool {
	q, bs, e := w^(ones*'"'), w^(ones*'\\'), w^(ones*0xe2)
	return ((w-ones*0x20)&^w|(q-ones)&^q|(bs-ones)&^bs|(e-ones)&^e)&highs != 0
}

// plainValid marks the bytes appendValidString copies as they are.
var plainValid = func() (t [256]bool) {
	for c := 0x20; c < len(t); c++ {
		t[c] = c != '"' && c != '\\' && c != 0xe2
	}
	return t
}()

// load64 returns the eight bytes of s from i as a little-endian word.
func load64(s string, i int) uint64 {
	// Sliced first, so that one bounds check covers the eight loads and
	// the compiler makes them one.
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// mayEscape reports whether one of the bytes of w is not a plainByte: a
// control character, a quote, a backslash or one beyond ASCII (the
// classic bit tricks for finding a byte test all eight at once).
func mayEscape(w uint64) bool {
	q, bs := w^(ones*'"'), w^(ones*'\\')
	return ((w-ones*0x20)&^w|(q-ones)&^q|(bs-ones)&^bs|w)&highs != 0
}

// plainByte marks the bytes appendString copies as they are: ASCII but
// the control characters, the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// runeLen returns the length of the character beyond ASCII that starts at
// s[i], or 0 when no valid UTF-8 does: it checks what
// utf8.DecodeRuneInString checks (no overlong forms, no surrogates,
// nothing beyond U+10FFFF), without decoding.
func runeLen(s string, i int) int {
	c := s[i]
	switch {
	case c < 0xc2:
	case c < 0xe0:
		if i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			return 2
		}
	case c < 0xf0:
		lo, hi := byte(0x80), byte(0xbf)
		switch c {
		case 0xe0:
			lo = 0xa0
		case 0xed:
			hi = 0x9f
		}
		if i+2 < len(s) && s[i+1] >= lo && s[i+1] <= hi && s[i+2]&0xc0 == 0x80 {
			return 3
		}
	case c < 0xf5:
		lo, hi := byte(0x80), byte(0xbf)
		switch c {
		case 0xf0:
			lo = 0x90
		case 0xf4:
			hi = 0x8f
		}
		if i+3 < len(s) && s[i+1] >= lo && s[i+1] <= hi && s[i+2]&0xc0 == 0x80 && s[i+3]&0xc0 == 0x80 {
			return 4
		}
	}
	return 0
}

// appendEscape appends the escape of the ASCII byte c: a control
// character, a quote or a backslash.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

// ones and highs are the byte-wise constants of the word-at-a-time scans.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// object appends the members of one JSON object, with or without
// indentation, and knows whether a comma is due.
type object struct {
	b     []byte
	st    style
	depth int
	n     int // members written
}

// A style is how the writers write: the indentation of each level, ""
// for compact output, and whether the text is known to be valid UTF-8,
// as a timeline's is, having been validated, and is then copied without
// checking it again.
type style struct {
	indent string
	valid  bool
}

func (o *object) open(b []byte, depth int, st style) {
	o.b, o.depth, o.st, o.n = append(b, '{'), depth, st, 0
}

// quote appends a string value.
func (o *object) quote(v string) {
	if o.st.valid {
		o.b = appendValidString(o.b, v)
	} else {
		o.b = appendString(o.b, v)
	}
}

// key begins the member k.
func (o *object) key(k string) {
	o.b = o.appendKey(o.b, k)
}

// appendKey appends the beginning of the member k to b, which is o.b:
// the writers of members hold o.b in a variable while they write, which
// they store once. Compact output, the common case, is small enough to
// be inlined.
func (o *object) appendKey(b []byte, k string) []byte {
	if o.st.indent != "" {
		return o.appendIndentedKey(b, k)
	}
	if o.n++; o.n > 1 {
		b = append(b, ',', '"')
	} else {
		b = append(b, '"')
	}
	b = append(b, k...)
	return append(b, '"', ':')
}

func (o *object) appendIndentedKey(b []byte, k string) []byte {
	if o.n > 0 {
		b = append(b, ',')
	}
	o.n++
	o.b = b
	o.newline(o.depth + 1)
	return append(append(append(o.b, '"'), k...), '"', ':', ' ')
}

func (o *object) newline(depth int) {
	if o.st.indent == "" {
		return
	}
	o.b = append(o.b, '\n')
	for range depth {
		o.b = append(o.b, o.st.indent...)
	}
}

func (o *object) close() []byte {
	if o.n > 0 {
		o.newline(o.depth)
	}
	return append(o.b, '}')
}

func (o *object) str(k, v string) {
	// key and quote in one: the calls cost 5% of an encode, a string
	// member being most of what a document holds.
	b := o.appendKey(o.b, k)
	if o.st.valid {
		o.b = appendValidString(b, v)
	} else {
		o.b = appendString(b, v)
	}
}

// opt writes a string member only when it is not empty.
func (o *object) opt(k, v string) {
	if v != "" {
		o.str(k, v)
	}
}

// date writes a date in its EDTF text form, which needs no escaping.
func (o *object) date(k string, d event.Date) {
	o.key(k)
	o.b = append(o.b, '"')
	o.b, _ = d.AppendText(o.b) // never fails
	o.b = append(o.b, '"')
}

// uuid writes a UUID in its canonical form.
func (o *object) uuid(k string, id uuid.UUID) {
	o.key(k)
	o.b = appendUUID(o.b, id)
}

func appendUUID(b []byte, id uuid.UUID) []byte {
	// Into an array, at constant places, so that no index is checked.
	var d [38]byte
	d[0], d[9], d[14], d[19], d[24], d[37] = '"', '-', '-', '-', '-', '"'
	hexPair(d[1:3], id[0])
	hexPair(d[3:5], id[1])
	hexPair(d[5:7], id[2])
	hexPair(d[7:9], id[3])
	hexPair(d[10:12], id[4])
	hexPair(d[12:14], id[5])
	hexPair(d[15:17], id[6])
	hexPair(d[17:19], id[7])
	hexPair(d[20:22], id[8])
	hexPair(d[22:24], id[9])
	for i := range 6 {
		hexPair(d[25+2*i:27+2*i], id[10+i])
	}
	return append(b, d[:]...)
}

// hexPair writes c as two lower-case hex digits into d.
func hexPair(d []byte, c byte) {
	_ = d[1]
	d[0], d[1] = hex[c>>4], hex[c&0xf]
}

// names writes a map of names keyed by language tag, sorted by tag.
func (o *object) names(k string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	o.key(k)
	var sub object
	sub.open(o.b, o.depth+1, o.st)
	var small [8]string
	tags := small[:0]
	for tag := range m {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	for _, tag := range tags {
		sub.str(tag, m[tag])
	}
	o.b = sub.close()
}

// beginArray starts the array member k of n elements; elem starts each
// element and endArray ends the array. Empty arrays are left out: callers
// check n first.
func (o *object) beginArray(k string) {
	o.key(k)
	o.b = append(o.b, '[')
}

// elem starts element i and returns the depth to write it at.
func (o *object) elem(i int) int {
	if i > 0 {
		o.b = append(o.b, ',')
	}
	o.newline(o.depth + 2)
	return o.depth + 2
}

// nextElem starts element i of the array member k, which it begins
// before the first, and returns the depth to write the element at; endElems
// ends the array of n elements, left out when n is 0. They write arrays
// whose length is not known in advance.
func (o *object) nextElem(k string, i int) int {
	if i == 0 {
		o.beginArray(k)
	}
	return o.elem(i)
}

func (o *object) endElems(n int) {
	if n > 0 {
		o.endArray()
	}
}

func (o *object) endArray() {
	o.newline(o.depth + 1)
	o.b = append(o.b, ']')
}

func (o *object) stringList(k string, s []string) {
	if len(s) == 0 {
		return
	}
	o.beginArray(k)
	for i, v := range s {
		o.elem(i)
		o.quote(v)
	}
	o.endArray()
}

// appendEvent appends the JSON object of an event, with its CAMEO code and
// PLOVER type and mode derived from its kind.
func appendEvent(b []byte, e *event.Event, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.uuid("id", e.ID)
	o.opt("discriminator", e.Discriminator)
	o.str("kind", e.Kind.String())
	o.opt("cameo", e.Kind.CAMEO())
	if typ, mode := e.Kind.PLOVER(); typ != "" {
		o.key("plover")
		var p object
		p.open(o.b, o.depth+1, st)
		p.str("type", typ)
		p.opt("mode", mode)
		o.b = p.close()
	}
	o.str("status", e.Status.String())
	o.str("title", e.Title)
	o.names("titles", e.Titles)
	o.opt("description", e.Description)
	if !e.Date.IsZero() {
		o.date("date", e.Date)
	}
	o.opt("dateText", e.DateText)
	if e.Order != 0 {
		o.key("order")
		o.b = strconv.AppendInt(o.b, int64(e.Order), 10)
	}
	if !e.Place.IsZero() {
		o.key("place")
		o.b = appendPlace(o.b, &e.Place, o.depth+1, st)
	}
	objects(&o, "participants", e.Participants, appendParticipant)
	if !e.Instrument.IsZero() {
		o.key("instrument")
		o.b = appendInstrument(o.b, &e.Instrument, o.depth+1, st)
	}
	objects(&o, "sources", e.Sources, appendSource)
	o.stringList("tags", e.Tags)
	objects(&o, "links", e.Links, appendLink)
	objects(&o, "alternatives", e.Alternatives, appendAlternative)
	return o.close()
}

func appendAlternative(b []byte, a *event.Alternative, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("field", a.Field)
	o.opt("actor", string(a.Actor))
	if a.Role != 0 {
		o.str("role", a.Role.String())
	}
	o.str("value", a.Value)
	o.opt("source", a.Source)
	return o.close()
}

// objects writes the array member k of the objects xs, each with
// appendX, at the depth of an element; an empty array is left out.
func objects[T any](o *object, k string, xs []T, appendX func(b []byte, x *T, depth int, st style) []byte) {
	if len(xs) == 0 {
		return
	}
	o.beginArray(k)
	for i := range xs {
		depth := o.elem(i) // before o.b is read: it appends to o.b
		o.b = appendX(o.b, &xs[i], depth, o.st)
	}
	o.endArray()
}

func appendParticipant(b []byte, p *event.Participation, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("actor", string(p.Actor))
	o.str("role", p.Role.String())
	o.opt("capacity", p.Capacity)
	return o.close()
}

func appendInstrument(b []byte, in *event.Instrument, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("id", in.ID)
	o.str("name", in.Name)
	o.names("names", in.Names)
	return o.close()
}

func appendLink(b []byte, l *event.Link, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("type", l.Type.String())
	o.uuid("target", l.Target)
	return o.close()
}

func appendPlace(b []byte, p *event.Place, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.opt("name", p.Name)
	o.opt("venue", p.Venue)
	o.opt("city", p.City)
	o.opt("country", p.Country)
	if c := p.Coordinates; c != nil {
		o.key("coordinates")
		var q object
		q.open(o.b, o.depth+1, st)
		q.key("lat")
		q.b = appendFloat(q.b, c.Lat)
		q.key("lon")
		q.b = appendFloat(q.b, c.Lon)
		o.b = q.close()
	}
	return o.close()
}

func appendSource(b []byte, s *event.Source, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.opt("publisher", s.Publisher)
	o.opt("url", s.URL)
	o.opt("title", s.Title)
	o.opt("lang", s.Lang)
	if !s.Published.IsZero() {
		o.date("published", s.Published)
	}
	objects(&o, "quotes", s.Quotes, appendQuote)
	return o.close()
}

func appendQuote(b []byte, q *event.Quote, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("text", q.Text)
	o.opt("lang", q.Lang)
	o.opt("speaker", string(q.Speaker))
	o.opt("translation", q.Translation)
	o.opt("translationLang", q.TranslationLang)
	return o.close()
}

func appendFloat(b []byte, f float64) []byte {
	return strconv.AppendFloat(b, f, 'g', -1, 64)
}

// appendActor appends the JSON object of an actor.
func appendActor(b []byte, a *event.Actor, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("id", string(a.ID))
	o.str("type", a.Type.String())
	o.str("name", a.Name)
	o.names("names", a.Names)
	o.stringList("aliases", a.Aliases)
	o.opt("country", a.Country)
	o.opt("wikidata", a.Wikidata)
	if !a.Period.IsZero() {
		o.date("period", a.Period)
	}
	objects(&o, "history", a.History, appendPeriodName)
	objects(&o, "predecessors", a.Predecessors, appendSuccession)
	objects(&o, "offices", a.Offices, appendOffice)
	return o.close()
}

func appendPeriodName(b []byte, n *event.Name, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("text", n.Text)
	o.opt("lang", n.Lang)
	if !n.Period.IsZero() {
		o.date("period", n.Period)
	}
	return o.close()
}

func appendSuccession(b []byte, s *event.Succession, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("actor", string(s.Actor))
	o.str("kind", s.Kind.String())
	return o.close()
}

func appendOffice(b []byte, f *event.Office, depth int, st style) []byte {
	var o object
	o.open(b, depth, st)
	o.str("title", f.Title)
	o.opt("of", string(f.Of))
	if !f.Period.IsZero() {
		o.date("period", f.Period)
	}
	return o.close()
}

package jsondoc

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// decoder turns JSON values into the model's values, reporting every
// problem at the path where it is found.
type decoder struct {
	*scanner
	// split is the least input left at a document's events for reading
	// them in two halves at once (split.go); 0 never. halves says it did.
	split  int64
	halves bool
	// words holds short strings read, so that a word that recurs is one
	// string: see intern.
	words *[internSlots]string
	// The lists being read, element by element: a list is copied out
	// once read, at its length.
	participants []event.Participation
	sources      []event.Source
	quotes       []event.Quote
	links        []event.Link
	alternatives []event.Alternative
	strs         []string
	periodNames  []event.Name
	successions  []event.Succession
	offices      []event.Office
}

// The intern table: the strings that recur are short, and looking one up
// must cost less than allocating it.
const (
	maxInternLen = 32
	internSlots  = 1 << 14
)

// intern returns b as a string, mostly the same string for the same bytes.
// The words of the vocabularies, actor IDs, languages, places, publishers
// and tags recur from event to event: interned, each is allocated about
// once, and reading a word of a vocabulary allocates nothing. The table is
// a cache of fixed size, each string in the slot its hash gives, where a
// string that hashes alike replaces it: looking up costs a hash and a
// comparison, and hostile input cannot grow it.
func (d *decoder) intern(b []byte) string {
	if len(b) > maxInternLen {
		return string(b)
	}
	// FNV-1a: these strings are short.
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	if d.words == nil {
		d.words = new([internSlots]string)
	}
	slot := &d.words[(h^h>>16)%internSlots]
	if *slot == string(b) {
		return *slot
	}
	*slot = string(b)
	return *slot
}

// here returns where the next value starts.
func (d *decoder) here() (int64, int) {
	d.ws()
	return d.offset(), d.line
}

// text reads a string into *dst.
func (d *decoder) text(dst *string) {
	if b, ok := d.strBytes(); ok {
		*dst = string(b)
	}
}

// short reads a string that is likely to recur into *dst (see intern).
func (d *decoder) short(dst *string) {
	if b, ok := d.strBytes(); ok {
		*dst = d.intern(b)
	}
}

// word reads a string and converts it with parse, reporting a problem when
// parse fails.
func word[T any](d *decoder, dst *T, parse func(string) (T, error)) {
	off, line := d.here()
	b, ok := d.strBytes()
	if !ok {
		return
	}
	s := d.intern(b)
	v, err := parse(s)
	if err != nil {
		var we *event.WordError
		if errors.As(err, &we) {
			err = wordError{we}
		}
		d.problem(off, line, s, err)
		return
	}
	*dst = v
}

// wordError says what its [*event.WordError] says, but cuts the word as
// every message cuts values ([event.QuoteValue]): it comes from the input,
// and may be long.
type wordError struct{ *event.WordError }

func (e wordError) Error() string {
	return "unknown " + e.Vocabulary + " " + event.QuoteValue(e.Word) + "; known: " + strings.Join(e.Known, ", ")
}

func (e wordError) Unwrap() error { return e.WordError }

func (d *decoder) date(dst *event.Date) {
	off, line := d.here()
	b, ok := d.strBytes()
	if !ok {
		return
	}
	s := string(b) // dates seldom recur
	v, err := event.ParseDate(s)
	if err != nil {
		var de *event.DateError
		if errors.As(err, &de) {
			err = de.Err // the path and value say the rest
		}
		d.problem(off, line, s, err)
		return
	}
	*dst = v
}

// errNotCanonical reports a UUID in a form other than the canonical one.
var errNotCanonical = errors.New("not a UUID in canonical form")

func (d *decoder) id(dst *uuid.UUID) {
	off, line := d.here()
	b, ok := d.strBytes()
	if !ok {
		return
	}
	if len(b) != 36 {
		d.problem(off, line, string(b), errNotCanonical)
		return
	}
	id, err := uuid.ParseBytes(b)
	if err != nil {
		d.problem(off, line, string(b), err)
		return
	}
	*dst = id
}

func (d *decoder) actorID(dst *event.ActorID) {
	if b, ok := d.strBytes(); ok {
		*dst = event.ActorID(d.intern(b))
	}
}

// names reads an object of names keyed by language tag; recurring
// interns the names as well as the tags (see intern).
func (d *decoder) names(dst *map[string]string, recurring bool) {
	if !d.object() {
		return
	}
	var m map[string]string
	for d.nextKey() {
		tag := d.intern(d.key())
		off, line := d.here()
		b, ok := d.strBytes()
		if !ok {
			continue
		}
		if m == nil {
			m = make(map[string]string, 1)
		}
		if _, dup := m[tag]; dup {
			d.problem(off, line, tag, fmt.Errorf("%w: %s", ErrDuplicateID, "language given twice"))
		}
		if recurring {
			m[tag] = d.intern(b)
		} else {
			m[tag] = string(b)
		}
	}
	if len(m) > 0 {
		*dst = m
	}
}

// strings reads a list of strings; recurring interns them (see intern).
func (d *decoder) strings(dst *[]string, recurring bool) {
	elem := (*decoder).str
	if recurring {
		elem = (*decoder).shortElem
	}
	list(d, dst, &d.strs, elem)
}

// shortElem reads a string that is likely to recur, for [list].
func (d *decoder) shortElem() (string, bool) {
	b, ok := d.strBytes()
	if !ok {
		return "", false
	}
	return d.intern(b), true
}

// list reads an array into *dst, each element with elem, which reports
// whether it read one. Every array of the format is read so: an element
// that is not of the element's type is reported and left out, and reading
// goes on with the next. elem returns the element rather than filling one
// through a pointer: passed to a function value, a pointer to a local
// would move the local to the heap, an allocation an element. The elements
// are gathered in *scratch, reused from list to list, and copied out at
// their number: one allocation a list.
func list[T any](d *decoder, dst *[]T, scratch *[]T, elem func(*decoder) (T, bool)) {
	if !d.array() {
		return
	}
	out := (*scratch)[:0]
	for d.nextElem() {
		if v, ok := elem(d); ok {
			out = append(out, v)
		}
	}
	*dst = nil
	if len(out) > 0 {
		*dst = slices.Clone(out)
	}
	clear(out) // what the scratch holds must not keep the values alive
	*scratch = out[:0]
}

// fields tracks the members of one object: which were seen, so that a
// duplicate is a problem.
type fields uint32

// once reports whether member bit is new, and reports a duplicate key
// otherwise.
func (d *decoder) once(f *fields, bit uint) bool {
	if *f&(1<<bit) != 0 {
		off, line := d.here()
		d.problem(off, line, string(d.key()), ErrDuplicateKey)
		d.skip()
		return false
	}
	*f |= 1 << bit
	return true
}

func (d *decoder) unknownKey() {
	off, line := d.here()
	k := string(d.key())
	d.skip()
	d.problem(off, line, k, ErrUnknownKey)
}

// problemAt reports a problem with the member key of the object just read.
func (d *decoder) problemAt(key string, off int64, line int, value string, err error) {
	if d.push(-2) {
		e := &d.stack[len(d.stack)-1]
		e.own = append(e.own[:0], key...)
		e.key = e.own
		d.problem(off, line, value, err)
		d.pop()
	}
}

// missing reports a required member that is not there, at the object
// that starts at off.
func (d *decoder) missing(off int64, line int, key string) {
	d.problem(off, line, "", fmt.Errorf("%w: %s", ErrMissing, "no "+strconv.Quote(key)))
}

// required reports, one by one, the keys that the object at off lacks: the
// members of bits 0, 1, … of seen.
func (d *decoder) required(seen fields, off int64, line int, keys ...string) {
	for bit, key := range keys {
		if seen&(1<<bit) == 0 {
			d.missing(off, line, key)
		}
	}
}

func (d *decoder) actor(a *event.Actor) {
	off, line := d.here()
	if !d.object() {
		return
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "id":
			if d.once(&seen, 0) {
				d.actorID(&a.ID)
			}
		case "type":
			if d.once(&seen, 1) {
				word(d, &a.Type, event.ParseActorType)
			}
		case "name":
			if d.once(&seen, 2) {
				d.text(&a.Name)
			}
		case "names":
			if d.once(&seen, 3) {
				d.names(&a.Names, false)
			}
		case "aliases":
			if d.once(&seen, 4) {
				d.strings(&a.Aliases, false)
			}
		case "country":
			if d.once(&seen, 5) {
				d.short(&a.Country)
			}
		case "wikidata":
			if d.once(&seen, 6) {
				d.text(&a.Wikidata)
			}
		case "period":
			if d.once(&seen, 7) {
				d.date(&a.Period)
			}
		case "history":
			if d.once(&seen, 8) {
				list(d, &a.History, &d.periodNames, (*decoder).periodName)
			}
		case "predecessors":
			if d.once(&seen, 9) {
				list(d, &a.Predecessors, &d.successions, (*decoder).succession)
			}
		case "offices":
			if d.once(&seen, 10) {
				list(d, &a.Offices, &d.offices, (*decoder).office)
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "id", "type", "name")
}

// periodName reads one element of an actor's "history" for [list].
func (d *decoder) periodName() (n event.Name, ok bool) {
	off, line := d.here()
	if !d.object() {
		return n, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "text":
			if d.once(&seen, 0) {
				d.text(&n.Text)
			}
		case "period":
			if d.once(&seen, 1) {
				d.date(&n.Period)
			}
		case "lang":
			if d.once(&seen, 2) {
				d.text(&n.Lang)
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "text", "period")
	return n, true
}

// succession reads one element of an actor's "predecessors" for [list].
func (d *decoder) succession() (s event.Succession, ok bool) {
	off, line := d.here()
	if !d.object() {
		return s, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "actor":
			if d.once(&seen, 0) {
				d.actorID(&s.Actor)
			}
		case "kind":
			if d.once(&seen, 1) {
				word(d, &s.Kind, event.ParseSuccessionKind)
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "actor", "kind")
	return s, true
}

// office reads one element of an actor's "offices" for [list].
func (d *decoder) office() (o event.Office, ok bool) {
	off, line := d.here()
	if !d.object() {
		return o, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "title":
			if d.once(&seen, 0) {
				d.text(&o.Title)
			}
		case "of":
			if d.once(&seen, 1) {
				d.actorID(&o.Of)
			}
		case "period":
			if d.once(&seen, 2) {
				d.date(&o.Period)
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "title")
	return o, true
}

// The members of an event object, by their bits in the fields seen. The
// required ones come first, for [decoder.required].
const (
	evID = iota
	evKind
	evStatus
	evTitle
	evCameo
	evPlover
	evTitles
	evDescription
	evDate
	evDateText
	evPlace
	evParticipants
	evInstrument
	evSources
	evTags
	evLinks
	evDiscriminator
	evOrder
	evAlternatives
)

// eventCodes are the interop codes of an event as given, and where: they
// can be checked against the kind only when the whole object is read (the
// kind may come after them). They are kept apart from the event so that
// reporting them does not move the event to the heap.
type eventCodes struct {
	cameo             string
	plover            [2]string // type and mode
	hasPlover         bool      // an object was read
	cameoAt, ploverAt position
}

// event reads an event in two phases: the members, in any order, and then
// the checks that need all of them.
func (d *decoder) event(e *event.Event) {
	off, line := d.here()
	if !d.object() {
		return
	}
	var seen fields
	var codes eventCodes
	for d.nextKey() {
		if !d.eventMember(e, &seen, &codes) {
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "id", "kind", "status", "title")
	d.checkCodes(e.Kind, seen, &codes)
}

// eventMember reads the member under the current key if it is one of an
// event's, and reports whether it was. The members are read in groups, a
// method each.
func (d *decoder) eventMember(e *event.Event, seen *fields, codes *eventCodes) bool {
	return d.eventIdentity(e, seen, codes) || d.eventText(e, seen) ||
		d.eventSetting(e, seen) || d.eventRecord(e, seen)
}

// eventIdentity reads the members that say which event this is and of what
// kind: its ID, kind and status, and the CAMEO and PLOVER codes, which it
// keeps aside, with where they are, for checkCodes.
func (d *decoder) eventIdentity(e *event.Event, seen *fields, c *eventCodes) bool {
	switch string(d.key()) {
	case "id":
		if d.once(seen, evID) {
			d.id(&e.ID)
		}
	case "kind":
		if d.once(seen, evKind) {
			word(d, &e.Kind, event.ParseKind)
		}
	case "status":
		if d.once(seen, evStatus) {
			word(d, &e.Status, event.ParseStatus)
		}
	case "discriminator":
		if d.once(seen, evDiscriminator) {
			d.text(&e.Discriminator)
		}
	case "cameo":
		if d.once(seen, evCameo) {
			c.cameoAt.off, c.cameoAt.line = d.here()
			d.short(&c.cameo)
		}
	case "plover":
		if d.once(seen, evPlover) {
			c.ploverAt.off, c.ploverAt.line = d.here()
			c.hasPlover = d.plover(&c.plover)
		}
	default:
		return false
	}
	return true
}

// eventText reads the members that are text for people: the titles, the
// description, and the date with the words the sources give it.
func (d *decoder) eventText(e *event.Event, seen *fields) bool {
	switch string(d.key()) {
	case "title":
		if d.once(seen, evTitle) {
			d.text(&e.Title)
		}
	case "titles":
		if d.once(seen, evTitles) {
			d.names(&e.Titles, false)
		}
	case "description":
		if d.once(seen, evDescription) {
			d.text(&e.Description)
		}
	case "date":
		if d.once(seen, evDate) {
			d.date(&e.Date)
		}
	case "dateText":
		if d.once(seen, evDateText) {
			d.text(&e.DateText)
		}
	case "order":
		if d.once(seen, evOrder) {
			d.count(&e.Order)
		}
	default:
		return false
	}
	return true
}

// eventSetting reads where the event took place, who took part, and under
// which instrument.
func (d *decoder) eventSetting(e *event.Event, seen *fields) bool {
	switch string(d.key()) {
	case "place":
		if d.once(seen, evPlace) {
			d.place(&e.Place)
		}
	case "participants":
		if d.once(seen, evParticipants) {
			list(d, &e.Participants, &d.participants, (*decoder).participant)
		}
	case "instrument":
		if d.once(seen, evInstrument) {
			d.instrument(&e.Instrument)
		}
	default:
		return false
	}
	return true
}

// eventRecord reads where the facts come from and how the event relates
// to others: the sources, tags and links, and the other reports' wordings.
func (d *decoder) eventRecord(e *event.Event, seen *fields) bool {
	switch string(d.key()) {
	case "sources":
		if d.once(seen, evSources) {
			list(d, &e.Sources, &d.sources, (*decoder).source)
		}
	case "tags":
		if d.once(seen, evTags) {
			d.strings(&e.Tags, true)
		}
	case "links":
		if d.once(seen, evLinks) {
			list(d, &e.Links, &d.links, (*decoder).link)
		}
	case "alternatives":
		if d.once(seen, evAlternatives) {
			list(d, &e.Alternatives, &d.alternatives, (*decoder).alternative)
		}
	default:
		return false
	}
	return true
}

// checkCodes reports interop codes that disagree with the kind k. An
// unknown kind is a problem of its own, with no codes to compare.
func (d *decoder) checkCodes(k event.Kind, seen fields, c *eventCodes) {
	if !k.IsKnown() {
		return
	}
	// The interop codes are derived from the kind; one that disagrees is
	// an error, never silently replaced.
	if seen&(1<<evCameo) != 0 && c.cameo != k.CAMEO() {
		d.problemAt("cameo", c.cameoAt.off, c.cameoAt.line, c.cameo,
			fmt.Errorf("%w: %s", ErrCodeMismatch, "a "+k.String()+" is CAMEO "+k.CAMEO()))
	}
	if c.hasPlover {
		typ, mode := k.PLOVER()
		if c.plover[0] != typ || c.plover[1] != mode || typ == "" {
			d.problemAt("plover", c.ploverAt.off, c.ploverAt.line, c.plover[0]+"/"+c.plover[1],
				fmt.Errorf("%w: %s", ErrCodeMismatch, "a "+k.String()+" is PLOVER "+typ+"/"+mode))
		}
	}
}

// plover reads the PLOVER type and mode into p, and reports whether the
// value was an object.
func (d *decoder) plover(p *[2]string) bool {
	off, line := d.here()
	if !d.object() {
		return false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "type":
			if d.once(&seen, 0) {
				d.short(&p[0])
			}
		case "mode":
			if d.once(&seen, 1) {
				d.short(&p[1])
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "type")
	return true
}

func (d *decoder) place(p *event.Place) {
	if !d.object() {
		return
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "name":
			if d.once(&seen, 0) {
				d.short(&p.Name)
			}
		case "venue":
			if d.once(&seen, 1) {
				d.short(&p.Venue)
			}
		case "city":
			if d.once(&seen, 2) {
				d.short(&p.City)
			}
		case "country":
			if d.once(&seen, 3) {
				d.short(&p.Country)
			}
		case "coordinates":
			if d.once(&seen, 4) {
				d.coordinates(&p.Coordinates)
			}
		default:
			d.unknownKey()
		}
	}
}

func (d *decoder) coordinates(dst **event.Coordinates) {
	off, line := d.here()
	if !d.object() {
		return
	}
	var c event.Coordinates
	var seen fields
	for d.nextKey() {
		var v *float64
		var bit uint
		switch string(d.key()) {
		case "lat":
			v, bit = &c.Lat, 0
		case "lon":
			v, bit = &c.Lon, 1
		default:
			d.unknownKey()
			continue
		}
		if d.once(&seen, bit) {
			if f, ok := d.number(); ok {
				*v = f
			}
		}
	}
	if seen != 3 {
		d.missing(off, line, "lat and lon")
		return
	}
	*dst = &c
}

// participant reads one element of "participants" for [list].
func (d *decoder) participant() (p event.Participation, ok bool) {
	off, line := d.here()
	if !d.object() {
		return p, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "actor":
			if d.once(&seen, 0) {
				d.actorID(&p.Actor)
			}
		case "role":
			if d.once(&seen, 1) {
				word(d, &p.Role, event.ParseRole)
			}
		case "capacity":
			if d.once(&seen, 2) {
				d.short(&p.Capacity)
			}
		default:
			d.unknownKey()
		}
	}
	if seen&3 != 3 {
		d.missing(off, line, "actor and role")
	}
	return p, true
}

func (d *decoder) instrument(in *event.Instrument) {
	off, line := d.here()
	if !d.object() {
		return
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "id":
			if d.once(&seen, 0) {
				d.short(&in.ID)
			}
		case "name":
			if d.once(&seen, 1) {
				d.short(&in.Name)
			}
		case "names":
			if d.once(&seen, 2) {
				d.names(&in.Names, true)
			}
		default:
			d.unknownKey()
		}
	}
	if seen&3 != 3 {
		d.missing(off, line, "id and name")
	}
}

// source reads one element of "sources" for [list].
func (d *decoder) source() (s event.Source, ok bool) {
	if !d.object() {
		return s, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "publisher":
			if d.once(&seen, 0) {
				d.short(&s.Publisher)
			}
		case "url":
			if d.once(&seen, 1) {
				d.text(&s.URL)
			}
		case "title":
			if d.once(&seen, 2) {
				d.text(&s.Title)
			}
		case "lang":
			if d.once(&seen, 3) {
				d.short(&s.Lang)
			}
		case "published":
			if d.once(&seen, 4) {
				d.date(&s.Published)
			}
		case "quotes":
			if d.once(&seen, 5) {
				list(d, &s.Quotes, &d.quotes, (*decoder).quote)
			}
		default:
			d.unknownKey()
		}
	}
	return s, true
}

// quote reads one element of "quotes" for [list].
func (d *decoder) quote() (q event.Quote, ok bool) {
	off, line := d.here()
	if !d.object() {
		return q, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "text":
			if d.once(&seen, 0) {
				d.text(&q.Text)
			}
		case "lang":
			if d.once(&seen, 1) {
				d.short(&q.Lang)
			}
		case "speaker":
			if d.once(&seen, 2) {
				d.actorID(&q.Speaker)
			}
		case "translation":
			if d.once(&seen, 3) {
				d.text(&q.Translation)
			}
		case "translationLang":
			if d.once(&seen, 4) {
				d.short(&q.TranslationLang)
			}
		default:
			d.unknownKey()
		}
	}
	d.required(seen, off, line, "text")
	return q, true
}

// link reads one element of "links" for [list].
func (d *decoder) link() (l event.Link, ok bool) {
	off, line := d.here()
	if !d.object() {
		return l, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "type":
			if d.once(&seen, 0) {
				word(d, &l.Type, event.ParseLinkType)
			}
		case "target":
			if d.once(&seen, 1) {
				d.id(&l.Target)
			}
		default:
			d.unknownKey()
		}
	}
	if seen&3 != 3 {
		d.missing(off, line, "type and target")
	}
	return l, true
}

// count reads a whole number from 0 to 1,000,000,000, such as an order.
func (d *decoder) count(dst *int) {
	off, line := d.here()
	f, ok := d.number()
	if !ok {
		return
	}
	if f != float64(int64(f)) || f < 0 || f > 1e9 {
		d.problem(off, line, strconv.FormatFloat(f, 'g', -1, 64), fmt.Errorf("%w: a whole number from 0 to 1000000000", ErrType))
		return
	}
	*dst = int(f)
}

// alternative reads one element of "alternatives" for [list].
func (d *decoder) alternative() (a event.Alternative, ok bool) {
	off, line := d.here()
	if !d.object() {
		return a, false
	}
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "field":
			if d.once(&seen, 0) {
				d.short(&a.Field)
			}
		case "value":
			if d.once(&seen, 1) {
				d.text(&a.Value)
			}
		case "actor":
			if d.once(&seen, 2) {
				d.actorID(&a.Actor)
			}
		case "role":
			if d.once(&seen, 3) {
				word(d, &a.Role, event.ParseRole)
			}
		case "source":
			if d.once(&seen, 4) {
				d.text(&a.Source)
			}
		default:
			d.unknownKey()
		}
	}
	if seen&3 != 3 {
		d.missing(off, line, "field and value")
	}
	return a, true
}

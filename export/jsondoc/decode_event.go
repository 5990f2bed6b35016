package jsondoc

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// decoder turns JSON values into the model's values, reporting every
// problem at the path where it is found.
type decoder struct {
	*scanner
}

// here returns where the next value starts.
func (d *decoder) here() (int64, int) {
	d.ws()
	return d.offset(), d.line
}

// text reads a string into *dst.
func (d *decoder) text(dst *string) {
	if s, ok := d.str(); ok {
		*dst = s
	}
}

// word reads a string and converts it with parse, reporting a problem when
// parse fails.
func word[T any](d *decoder, dst *T, parse func(string) (T, error)) {
	off, line := d.here()
	s, ok := d.str()
	if !ok {
		return
	}
	v, err := parse(s)
	if err != nil {
		d.problem(off, line, s, err)
		return
	}
	*dst = v
}

func (d *decoder) date(dst *event.Date) {
	word(d, dst, func(s string) (event.Date, error) {
		v, err := event.ParseDate(s)
		var de *event.DateError
		if errors.As(err, &de) {
			err = de.Err // the path and value say the rest
		}
		return v, err
	})
}

func (d *decoder) id(dst *uuid.UUID) {
	word(d, dst, func(s string) (uuid.UUID, error) {
		if len(s) != 36 {
			return uuid.Nil, errors.New("not a UUID in canonical form")
		}
		return uuid.Parse(s)
	})
}

func (d *decoder) actorID(dst *event.ActorID) {
	word(d, dst, func(s string) (event.ActorID, error) { return event.ActorID(s), nil })
}

// names reads an object of names keyed by language tag.
func (d *decoder) names(dst *map[string]string) {
	if !d.object() {
		return
	}
	m := make(map[string]string)
	for d.nextKey() {
		tag := string(d.key())
		off, line := d.here()
		s, ok := d.str()
		if !ok {
			continue
		}
		if _, dup := m[tag]; dup {
			d.problem(off, line, tag, fmt.Errorf("%w: %s", ErrDuplicateID, "language given twice"))
		}
		m[tag] = s
	}
	if len(m) > 0 {
		*dst = m
	}
}

func (d *decoder) strings(dst *[]string) {
	if !d.array() {
		return
	}
	var out []string
	for d.nextElem() {
		if s, ok := d.str(); ok {
			out = append(out, s)
		}
	}
	*dst = out
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
		d.stack[len(d.stack)-1].key = append(d.stack[len(d.stack)-1].key, key...)
		d.problem(off, line, value, err)
		d.pop()
	}
}

// missing reports a required member that is not there, at the object
// that starts at off.
func (d *decoder) missing(off int64, line int, key string) {
	d.problem(off, line, "", fmt.Errorf("%w: %s", ErrMissing, "no "+strconv.Quote(key)))
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
				d.names(&a.Names)
			}
		case "aliases":
			if d.once(&seen, 4) {
				d.strings(&a.Aliases)
			}
		case "country":
			if d.once(&seen, 5) {
				d.text(&a.Country)
			}
		case "wikidata":
			if d.once(&seen, 6) {
				d.text(&a.Wikidata)
			}
		default:
			d.unknownKey()
		}
	}
	for bit, key := range []string{"id", "type", "name"} {
		if seen&(1<<bit) == 0 {
			d.missing(off, line, key)
		}
	}
}

func (d *decoder) event(e *event.Event) {
	off, line := d.here()
	if !d.object() {
		return
	}
	var seen fields
	var cameo string
	var plover *[2]string
	var cameoAt, ploverAt [2]int64
	for d.nextKey() {
		switch string(d.key()) {
		case "id":
			if d.once(&seen, 0) {
				d.id(&e.ID)
			}
		case "kind":
			if d.once(&seen, 1) {
				word(d, &e.Kind, event.ParseKind)
			}
		case "status":
			if d.once(&seen, 2) {
				word(d, &e.Status, event.ParseStatus)
			}
		case "title":
			if d.once(&seen, 3) {
				d.text(&e.Title)
			}
		case "cameo":
			if d.once(&seen, 4) {
				o, l := d.here()
				cameoAt = [2]int64{o, int64(l)}
				d.text(&cameo)
			}
		case "plover":
			if d.once(&seen, 5) {
				o, l := d.here()
				ploverAt = [2]int64{o, int64(l)}
				plover = d.plover()
			}
		case "titles":
			if d.once(&seen, 6) {
				d.names(&e.Titles)
			}
		case "description":
			if d.once(&seen, 7) {
				d.text(&e.Description)
			}
		case "date":
			if d.once(&seen, 8) {
				d.date(&e.Date)
			}
		case "dateText":
			if d.once(&seen, 9) {
				d.text(&e.DateText)
			}
		case "place":
			if d.once(&seen, 10) {
				d.place(&e.Place)
			}
		case "participants":
			if d.once(&seen, 11) {
				d.participants(&e.Participants)
			}
		case "instrument":
			if d.once(&seen, 12) {
				d.instrument(&e.Instrument)
			}
		case "sources":
			if d.once(&seen, 13) {
				d.sources(&e.Sources)
			}
		case "tags":
			if d.once(&seen, 14) {
				d.strings(&e.Tags)
			}
		case "links":
			if d.once(&seen, 15) {
				d.links(&e.Links)
			}
		default:
			d.unknownKey()
		}
	}
	for bit, key := range []string{"id", "kind", "status", "title"} {
		if seen&(1<<bit) == 0 {
			d.missing(off, line, key)
		}
	}
	if !e.Kind.IsKnown() {
		return
	}
	// The interop codes are derived from the kind; one that disagrees is
	// an error, never silently replaced.
	if seen&(1<<4) != 0 && cameo != e.Kind.CAMEO() {
		d.problemAt("cameo", cameoAt[0], int(cameoAt[1]), cameo,
			fmt.Errorf("%w: %s", ErrCodeMismatch, "a "+e.Kind.String()+" is CAMEO "+e.Kind.CAMEO()))
	}
	if plover != nil {
		typ, mode := e.Kind.PLOVER()
		if plover[0] != typ || plover[1] != mode || typ == "" {
			d.problemAt("plover", ploverAt[0], int(ploverAt[1]), plover[0]+"/"+plover[1],
				fmt.Errorf("%w: %s", ErrCodeMismatch, "a "+e.Kind.String()+" is PLOVER "+typ+"/"+mode))
		}
	}
}

func (d *decoder) plover() *[2]string {
	off, line := d.here()
	if !d.object() {
		return nil
	}
	var p [2]string
	var seen fields
	for d.nextKey() {
		switch string(d.key()) {
		case "type":
			if d.once(&seen, 0) {
				d.text(&p[0])
			}
		case "mode":
			if d.once(&seen, 1) {
				d.text(&p[1])
			}
		default:
			d.unknownKey()
		}
	}
	if seen&1 == 0 {
		d.missing(off, line, "type")
	}
	return &p
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
				d.text(&p.Name)
			}
		case "venue":
			if d.once(&seen, 1) {
				d.text(&p.Venue)
			}
		case "city":
			if d.once(&seen, 2) {
				d.text(&p.City)
			}
		case "country":
			if d.once(&seen, 3) {
				d.text(&p.Country)
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

func (d *decoder) participants(dst *[]event.Participation) {
	if !d.array() {
		return
	}
	var out []event.Participation
	for d.nextElem() {
		off, line := d.here()
		if !d.object() {
			continue
		}
		var p event.Participation
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
					d.text(&p.Capacity)
				}
			default:
				d.unknownKey()
			}
		}
		if seen&3 != 3 {
			d.missing(off, line, "actor and role")
		}
		out = append(out, p)
	}
	*dst = out
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
				d.text(&in.ID)
			}
		case "name":
			if d.once(&seen, 1) {
				d.text(&in.Name)
			}
		case "names":
			if d.once(&seen, 2) {
				d.names(&in.Names)
			}
		default:
			d.unknownKey()
		}
	}
	if seen&3 != 3 {
		d.missing(off, line, "id and name")
	}
}

func (d *decoder) sources(dst *[]event.Source) {
	if !d.array() {
		return
	}
	var out []event.Source
	for d.nextElem() {
		if !d.object() {
			continue
		}
		var s event.Source
		var seen fields
		for d.nextKey() {
			switch string(d.key()) {
			case "publisher":
				if d.once(&seen, 0) {
					d.text(&s.Publisher)
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
					d.text(&s.Lang)
				}
			case "published":
				if d.once(&seen, 4) {
					d.date(&s.Published)
				}
			case "quotes":
				if d.once(&seen, 5) {
					d.quotes(&s.Quotes)
				}
			default:
				d.unknownKey()
			}
		}
		out = append(out, s)
	}
	*dst = out
}

func (d *decoder) quotes(dst *[]event.Quote) {
	if !d.array() {
		return
	}
	var out []event.Quote
	for d.nextElem() {
		off, line := d.here()
		if !d.object() {
			continue
		}
		var q event.Quote
		var seen fields
		for d.nextKey() {
			switch string(d.key()) {
			case "text":
				if d.once(&seen, 0) {
					d.text(&q.Text)
				}
			case "lang":
				if d.once(&seen, 1) {
					d.text(&q.Lang)
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
					d.text(&q.TranslationLang)
				}
			default:
				d.unknownKey()
			}
		}
		if seen&1 == 0 {
			d.missing(off, line, "text")
		}
		out = append(out, q)
	}
	*dst = out
}

func (d *decoder) links(dst *[]event.Link) {
	if !d.array() {
		return
	}
	var out []event.Link
	for d.nextElem() {
		off, line := d.here()
		if !d.object() {
			continue
		}
		var l event.Link
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
		out = append(out, l)
	}
	*dst = out
}

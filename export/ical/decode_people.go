package ical

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// createdActors are the actors Decode makes for the ORGANIZERs and
// ATTENDEEs that name no known actor, and for the calendars' publishers,
// by ID, in the order first met.
type createdActors struct {
	byID  map[event.ActorID]*createdActor
	order []event.ActorID
}

type createdActor struct {
	a      event.Actor
	line   int
	reason string
}

func (ca *createdActors) add(a event.Actor, line int, reason string) {
	if ca.byID == nil {
		ca.byID = make(map[event.ActorID]*createdActor)
	}
	if _, ok := ca.byID[a.ID]; !ok {
		ca.byID[a.ID] = &createdActor{a: a, line: line, reason: reason}
		ca.order = append(ca.order, a.ID)
	}
}

// directory returns the actors known before reading people: the caller's
// and the calendar's X-ACCORDLINE-ACTORs.
func (d *decoder) directory() *event.Directory {
	if d.dir == nil {
		d.dir = &event.Directory{}
		_ = d.dir.AddActors(d.opts.Actors...)
		for _, a := range d.actors {
			if _, ok := d.dir.Actor(a.ID); !ok {
				_ = d.dir.PutActor(a)
			}
		}
	}
	return d.dir
}

// people reads ORGANIZER and ATTENDEE as participants, gives an event
// without a kind one, and fills the roles its kind needs.
//
// ORGANIZER takes part as organizer; an ATTENDEE as host with ROLE=CHAIR,
// else as participant; one that declined (PARTSTAT=DECLINED), takes no
// part (ROLE=NON-PARTICIPANT) or is a room or resource (CUTYPE) is left
// out and noted. Each is the known actor whose name or alias is its CN
// or its address, or an actor made for it (see person). The events
// Encode wrote (with X-ACCORDLINE-KIND) have no ATTENDEE, and their
// ORGANIZER is the calendar's publisher, not a participant.
func (c *conv) people() {
	dr, e := c.dr, &c.dr.ev
	add := func(p *contentLine, role event.Role) {
		id := c.person(p)
		if id == "" {
			return
		}
		if slices.ContainsFunc(e.Participants, func(x event.Participation) bool { return x.Actor == id }) {
			return // the organizer among the attendees, or an attendee twice
		}
		dr.fields[fmt.Sprintf("participants[%d]", len(e.Participants))] = p
		e.Participants = append(e.Participants, event.Participation{Actor: id, Role: role})
	}
	if p := c.ls.one["ORGANIZER"]; p != nil && c.ls.one["X-ACCORDLINE-KIND"] == nil {
		add(p, event.Organizer)
	}
	for _, p := range c.ls.attendees {
		role, _ := p.param("ROLE")
		stat, _ := p.param("PARTSTAT")
		cutype, _ := p.param("CUTYPE")
		switch {
		case strings.EqualFold(role, "NON-PARTICIPANT"):
			c.note(p.line, p.name, export.Dropped, "ROLE=NON-PARTICIPANT: not a participant")
		case strings.EqualFold(stat, "DECLINED"):
			c.note(p.line, p.name, export.Dropped, "PARTSTAT=DECLINED: not a participant")
		case strings.EqualFold(cutype, "ROOM") || strings.EqualFold(cutype, "RESOURCE"):
			c.note(p.line, p.name, export.Dropped, "CUTYPE=%s: a room or resource, not an actor", strings.ToUpper(cutype))
		case strings.EqualFold(role, "CHAIR"):
			add(p, event.Host)
		default:
			add(p, event.Participant)
		}
	}
	dr.people = slices.Clone(e.Participants)
	if e.Kind == 0 {
		c.guessKind()
	}
	c.fillRoles()
}

// unnameKind reads the event again without the kind its category named,
// which the event cannot stand as: the category is a tag again, and the
// kind guessed from the people.
func (c *conv) unnameKind(why string) {
	dr, e := c.dr, &c.dr.ev
	kind := e.Kind
	e.Kind = 0
	e.Participants = slices.Clone(dr.people)
	if !slices.Contains(e.Tags, dr.kindTag) {
		e.Tags = append([]string{dr.kindTag}, e.Tags...)
		fields := map[string]*contentLine{}
		for k, p := range dr.fields {
			if i, ok := tagIndex(k); ok {
				k = fmt.Sprintf("tags[%d]", i+1)
			}
			fields[k] = p
		}
		fields["tags[0]"] = fields["kind"]
		dr.fields = fields
	}
	dr.notes = slices.DeleteFunc(dr.notes, func(n issue) bool { return n.field == "participants" })
	c.guessKind()
	dr.guessed = fmt.Sprintf("the category %s names the kind %s, which the event cannot be (%s); read as %s", event.QuoteValue(dr.kindTag), kind, why, dr.guessed)
	dr.kindTag = ""
	c.fillRoles()
}

// tagIndex returns i of a field path "tags[i]".
func tagIndex(path string) (int, bool) {
	var i int
	if _, err := fmt.Sscanf(path, "tags[%d]", &i); err != nil || path != fmt.Sprintf("tags[%d]", i) {
		return 0, false
	}
	return i, true
}

// guessKind gives an event whose input names no kind DefaultKind, or
// else a kind by the number of actors it names: an announcement (by its
// organizer, or the calendar's publisher) with none or one, a bilateral
// meeting with two, a summit with more.
func (c *conv) guessKind() {
	e := &c.dr.ev
	n := len(e.Actors())
	switch {
	case c.d.opts.DefaultKind != 0:
		e.Kind = c.d.opts.DefaultKind
		c.dr.guessed = e.Kind.String() + ", DecodeOptions.DefaultKind, as no X-ACCORDLINE-KIND or category names a kind"
		return
	case n <= 1:
		e.Kind = event.Announcement
	case n == 2:
		e.Kind = event.BilateralMeeting
	default:
		e.Kind = event.Summit
	}
	c.dr.guessed = fmt.Sprintf("%s, for an event that names %d %s, as no X-ACCORDLINE-KIND or category names a kind", e.Kind, n, plural(n, "actor", "actors"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// fillRoles gives each role the event's kind needs and no participant
// has to the organizer when there is one and it has no role the kind
// needs, else to the calendar's publisher; and adds the publisher as a
// participant when the kind needs more parties. Each is noted as guessed.
// What still falls short (a phone call needs two parties) is left to
// validation, which skips the event with the reason.
func (c *conv) fillRoles() {
	e := &c.dr.ev
	needed := map[event.Role]bool{}
	for _, r := range e.Kind.RequiredRoles() {
		needed[r] = true
	}
	taken := func(id event.ActorID) bool {
		return slices.ContainsFunc(e.Participants, func(p event.Participation) bool { return p.Actor == id && needed[p.Role] })
	}
	for _, r := range e.Kind.RequiredRoles() {
		if slices.ContainsFunc(e.Participants, func(p event.Participation) bool { return p.Role == r }) {
			continue
		}
		who, what := event.ActorID(""), ""
		if org := e.InRole(event.Organizer); len(org) > 0 && !taken(org[0]) {
			who, what = org[0], "the organizer"
		} else {
			who, what = c.publisher(), "the calendar's publisher"
		}
		e.Participants = append(e.Participants, event.Participation{Actor: who, Role: r})
		c.note(c.v.line, "participants", export.Guessed, "%s, %s, taken as the %s %s needs", what, who, strings.ToLower(r.Name()), withArticle(e.Kind.Name()))
	}
	if n := len(e.Actors()); n < e.Kind.MinParties() {
		pub := c.publisher()
		if !slices.Contains(e.Actors(), pub) {
			e.Participants = append(e.Participants, event.Participation{Actor: pub, Role: event.Participant})
			c.note(c.v.line, "participants", export.Guessed, "the calendar's publisher, %s, taken as a participant: %s needs %d parties", pub, withArticle(e.Kind.Name()), e.Kind.MinParties())
		}
	}
}

func withArticle(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// publisher returns the actor standing for the calendar's publisher:
// DecodeOptions.Publisher, else one made for the calendar, an event.Body
// named after it (NAME or X-WR-CALNAME, else "Calendar"), with the ID
// "calendar:" and the name in lower case, letters and digits, or a hash
// of it.
func (c *conv) publisher() event.ActorID {
	cal := c.cal
	if cal.pub != "" {
		return cal.pub
	}
	if c.d.opts.Publisher != "" {
		cal.pub = c.d.opts.Publisher
		return cal.pub
	}
	name, _ := cleanText(strings.TrimSpace(cal.name), false)
	if strings.TrimSpace(name) == "" {
		name = "Calendar"
	}
	id := event.ActorID("calendar:" + slug(name))
	cal.pub = id
	if _, known := c.d.directory().Actor(id); !known {
		c.d.created.add(event.Actor{ID: id, Type: event.Body, Name: name}, cal.line,
			"made for the calendar's publisher, who takes the roles its events need and name no one for")
	}
	return id
}

// slug returns s in lower case letters, digits and hyphens, for an
// actor ID; the hex of a hash of s where that leaves nothing.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range event.Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	if b.Len() == 0 {
		sum := sha1.Sum([]byte(s))
		return hex.EncodeToString(sum[:8])
	}
	return b.String()
}

// person returns the actor an ORGANIZER or ATTENDEE names: the known
// actor whose name or alias is its CN (common name) or its address, or
// else one made for it and noted as created. A made actor's ID is its
// email address in lower case with "@" written ":" ("jane.doe:example.org"),
// or its URI, with other characters an ID cannot hold written "-", and
// cut with a hash past 128 characters; without either, "cn:" and its name;
// its name is the CN, else the address; its type event.Person, or
// event.Body for CUTYPE=GROUP.
func (c *conv) person(p *contentLine) event.ActorID {
	cn, _ := p.param("CN")
	cn, _ = cleanText(strings.TrimSpace(cn), false)
	cn = strings.Trim(strings.TrimSpace(cn), `"'`)
	uri := strings.TrimSpace(p.value)
	addr := ""
	if len(uri) > 7 && strings.EqualFold(uri[:7], "mailto:") {
		addr = strings.ToLower(strings.TrimSpace(uri[7:]))
	}
	dir := c.d.directory()
	for _, name := range []string{cn, addr} {
		if name == "" || len(name) > 256 {
			continue
		}
		if ids := dir.ResolveActor(name); len(ids) == 1 {
			return ids[0]
		}
	}
	var id string
	switch {
	case addr != "":
		id = strings.ReplaceAll(addr, "@", ":")
	case uri != "" && !strings.EqualFold(uri, "mailto:"):
		id = uri
	case cn != "":
		id = "cn:" + slug(cn)
	default:
		c.note(p.line, p.name, export.Dropped, "names no one: neither CN nor an address")
		return ""
	}
	aid := actorID(id)
	if _, ok := dir.Actor(aid); ok {
		return aid
	}
	if _, ok := c.d.created.byID[aid]; ok {
		return aid
	}
	a := event.Actor{ID: aid, Type: event.Person, Name: cn}
	if cutype, _ := p.param("CUTYPE"); strings.EqualFold(cutype, "GROUP") {
		a.Type = event.Body
	}
	name := addr
	if name == "" {
		name, _ = cleanText(uri, false)
	}
	switch {
	case a.Name == "":
		a.Name = name
	case name != "" && !strings.EqualFold(name, a.Name):
		a.Aliases = []string{name}
	}
	if strings.TrimSpace(a.Name) == "" {
		a.Name = string(aid)
	}
	c.d.created.add(a, p.line, "made for the "+p.name+" "+event.QuoteValue(uri))
	return aid
}

// actorID makes s an actor ID: characters an ID cannot hold become "-",
// and past 128 characters it is cut and a hash of the whole added.
func actorID(s string) event.ActorID {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			b[i] = '-'
		}
	}
	if len(b) > 128 {
		sum := sha1.Sum([]byte(s))
		b = append(b[:128-17], '-')
		b = append(b, hex.EncodeToString(sum[:8])...)
	}
	return event.ActorID(b)
}

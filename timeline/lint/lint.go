// Package lint checks a timeline for what no single event's
// [event.Event.Validate] can see, because it needs other events, the
// actors' histories or today's date: links that run against time, statuses
// that time has overtaken, treaty actions out of order, actors acting
// outside their existence or offices, and likely duplicates.
//
// [Check] runs every check and returns the findings, each with a
// [Severity], the [Rule] it breaks, the event (or actor) and the path of
// the field concerned. Findings are advice about data that is valid: a
// timeline accepts it, and a linter tells what a historian should look
// at.
package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/timeline"
)

// A Severity says how sure a finding is to be an error. The zero Severity
// is unset.
type Severity uint8

// The severities, least first.
const (
	// Info: worth knowing, most likely fine (a predecessor that is not in
	// the timeline).
	Info Severity = iota + 1
	// Warning: likely an error, or a fact that needs a source (an actor
	// acting outside its known existence, a likely duplicate).
	Warning
	// Error: contradicts other data of the timeline (an event that
	// occurred after the as-of date, a capacity outside every known term).
	Error
)

var severityWords = [...]string{"", "info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string { return word(severityWords[:], int(s), "Severity") }

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// A Rule names what a finding is about. The zero Rule is unset.
type Rule uint8

// The rules [Check] checks.
const (
	// LinkTime: a link that runs against time — an announcement made
	// after what it announces was over, an event that follows from one
	// that began after it ended, a part on other dates than its whole.
	LinkTime Rule = iota + 1
	// LinkTarget: a link to an event that is not in the timeline.
	LinkTarget
	// StaleStatus: a planned event whose whole date lies before the as-of
	// date.
	StaleStatus
	// FutureOccurred: an event that occurred, dated wholly after the as-of
	// date.
	FutureOccurred
	// TreatyOrder: treaty actions of one party on one instrument out of
	// order: consent to be bound (ratification, acceptance, approval,
	// formal confirmation) before the party signed, or consent given again
	// (a second accession).
	TreatyOrder
	// OutsideExistence: an actor taking part, or quoted, at a date when it
	// did not exist ([event.Actor.Period]).
	OutsideExistence
	// OutsideOffice: a capacity naming an office of the actor outside
	// every known term of it ([event.Actor.HeldAt]).
	OutsideOffice
	// Duplicate: events of the same kind with the same actors in the same
	// roles, the date of one within the date of the other, but different
	// IDs: likely two reports of one.
	Duplicate
	// UnknownActor: an actor's predecessor or office naming an actor the
	// timeline does not have.
	UnknownActor
)

var ruleWords = [...]string{"", "link-time", "link-target", "stale-status", "future-occurred",
	"treaty-order", "outside-existence", "outside-office", "duplicate", "unknown-actor"}

// Rules returns every rule in declaration order.
func Rules() []Rule {
	out := make([]Rule, 0, len(ruleWords)-1)
	for i := 1; i < len(ruleWords); i++ {
		out = append(out, Rule(i))
	}
	return out
}

// String returns the kebab-case word for r: "link-time", "duplicate", ….
func (r Rule) String() string { return word(ruleWords[:], int(r), "Rule") }

// MarshalText implements [encoding.TextMarshaler].
func (r Rule) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

func word(words []string, i int, typ string) string {
	if i >= 0 && i < len(words) {
		return words[i]
	}
	return typ + "(" + strconv.Itoa(i) + ")"
}

// A Finding is one thing [Check] found.
type Finding struct {
	Rule     Rule
	Severity Severity
	// Event is the event the finding is about, and Title and Date its
	// title and date; Event is the nil UUID for a finding about an actor.
	Event uuid.UUID
	Title string
	Date  event.Date
	// Actor is the actor the finding is about, for the rules about actors.
	Actor event.ActorID
	// Path names the field, relative to the event or actor, as
	// [event.FieldError] does: "links[0].target", "status",
	// "participants[1].capacity", "predecessors[0].actor".
	Path string
	// Value is the offending value as text, if any.
	Value string
	// Other is the other event of a pair: the link's target, the
	// signature a ratification came before, the first report of a
	// duplicate. It is the nil UUID when there is none.
	Other uuid.UUID
	// Message says what is wrong in words.
	Message string
}

// String returns the finding on one line: `warning stale-status: "Herzog
// to visit Kazakhstan" (2025-11-07/2026-05~) status: "planned": …`.
func (f Finding) String() string {
	s := f.Severity.String() + " " + f.Rule.String() + ": "
	switch {
	case f.Event != uuid.Nil:
		s += strconv.Quote(f.Title)
		if !f.Date.IsZero() {
			s += " (" + f.Date.String() + ")"
		}
	case f.Actor != "":
		s += "actor " + string(f.Actor)
	}
	if f.Path != "" {
		s += " " + f.Path
	}
	s += ": "
	if f.Value != "" {
		s += event.QuoteValue(f.Value) + ": "
	}
	return s + f.Message
}

// Options tune [Check]. The zero Options checks everything that needs no
// date of today.
type Options struct {
	// AsOf is the date the timeline is read as of, usually today: planned
	// events wholly before its first day are stale, and events that
	// occurred wholly after its last day are errors. The zero Date leaves
	// these checks out, so that the findings of a timeline do not change
	// with the clock.
	AsOf event.Date
}

// Check runs every rule over the events and actors of tl and returns what
// it finds: findings about actors first, by actor ID, then those about
// events in timeline order, each event's by rule, path and message. A nil opts is
// the zero Options. The result is the same for the same timeline and
// options.
func Check(tl *timeline.Timeline, opts *Options) []Finding {
	if opts == nil {
		opts = &Options{}
	}
	c := newChecker(tl, opts)
	c.actors()
	c.links()
	c.statuses()
	c.treaties()
	c.participants()
	c.duplicates()
	slices.SortStableFunc(c.findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(c.pos[a.Event], c.pos[b.Event]),
			cmp.Compare(a.Actor, b.Actor),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message))
	})
	return c.findings
}

// checker holds what the rules share: the events in timeline order, by ID,
// and the actors.
type checker struct {
	tl       *timeline.Timeline
	opts     *Options
	events   []event.Event
	pos      map[uuid.UUID]int // position in timeline order, from 1; 0 for actors
	actorsBy map[event.ActorID]event.Actor
	findings []Finding
}

func newChecker(tl *timeline.Timeline, opts *Options) *checker {
	c := &checker{tl: tl, opts: opts, pos: map[uuid.UUID]int{}, actorsBy: map[event.ActorID]event.Actor{}}
	for e := range tl.All() {
		c.events = append(c.events, e)
		c.pos[e.ID] = len(c.events)
	}
	for a := range tl.Actors() {
		c.actorsBy[a.ID] = a
	}
	return c
}

// at reports a finding about an event.
func (c *checker) at(e *event.Event, r Rule, s Severity, path, value string, other uuid.UUID, format string, args ...any) {
	c.findings = append(c.findings, Finding{Rule: r, Severity: s, Event: e.ID, Title: e.Title, Date: e.Date,
		Path: path, Value: value, Other: other, Message: fmt.Sprintf(format, args...)})
}

// event returns the event with the given ID, if the timeline has it.
func (c *checker) event(id uuid.UUID) (*event.Event, bool) {
	if i, ok := c.pos[id]; ok {
		return &c.events[i-1], true
	}
	return nil, false
}

// describe names an event in a message: its title and date.
func describe(e *event.Event) string {
	if e.Date.IsZero() {
		return strconv.Quote(e.Title)
	}
	return strconv.Quote(e.Title) + " (" + e.Date.String() + ")"
}

package lint

import (
	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// actors checks what actors refer to: predecessors and the holders of
// offices should be actors of the timeline, though lineages and offices
// work without them.
func (c *checker) actors() {
	for a := range c.tl.Actors() {
		for i, p := range a.Predecessors {
			if _, ok := c.actorsBy[p.Actor]; !ok {
				c.actor(a.ID, UnknownActor, Info, "predecessors["+itoa(i)+"].actor", string(p.Actor),
					"a predecessor that is not in the timeline: lineages stop there")
			}
		}
		for i, o := range a.Offices {
			if _, ok := c.actorsBy[o.Of]; o.Of != "" && !ok {
				c.actor(a.ID, UnknownActor, Info, "offices["+itoa(i)+"].of", string(o.Of),
					"an office of an actor that is not in the timeline")
			}
		}
	}
}

func (c *checker) actor(id event.ActorID, r Rule, s Severity, path, value, msg string) {
	c.findings = append(c.findings, Finding{Rule: r, Severity: s, Actor: id, Title: c.actorsBy[id].Name,
		Path: path, Value: value, Message: msg})
}

// participants checks every actor an event names against the actor's
// history: it existed at the event's date, and a capacity that names one
// of its offices falls in a term of it.
func (c *checker) participants() {
	for i := range c.events {
		e := &c.events[i]
		if e.Date.IsZero() {
			continue
		}
		for j, p := range e.Participants {
			path := "participants[" + itoa(j) + "]"
			a, ok := c.actorsBy[p.Actor]
			if !ok {
				continue
			}
			c.existence(e, &a, path+".actor")
			if p.Capacity != "" && !a.HeldAt(p.Capacity, e.Date) {
				c.at(e, OutsideOffice, Error, path+".capacity", p.Capacity, uuid.Nil,
					"%s held it %s", a.Name, terms(a.TermsOf(p.Capacity)))
			}
		}
		for j, s := range e.Sources {
			for k, q := range s.Quotes {
				if a, ok := c.actorsBy[q.Speaker]; ok {
					c.existence(e, &a, "sources["+itoa(j)+"].quotes["+itoa(k)+"].speaker")
				}
			}
		}
	}
}

func (c *checker) existence(e *event.Event, a *event.Actor, path string) {
	if !a.ExistedAt(e.Date) {
		c.at(e, OutsideExistence, Warning, path, string(a.ID), uuid.Nil,
			"%s existed %s only", a.Name, a.Period)
	}
}

func terms(offices []event.Office) string {
	s := ""
	for i, o := range offices {
		if i > 0 {
			s += " and "
		}
		s += o.Period.String()
	}
	return s
}

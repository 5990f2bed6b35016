package lint

import (
	"github.com/accordline/accordline/event"
)

// links checks each link against the dates of the two events: an
// announcement is not made after what it announces was over, what follows
// from an event does not end before that event begins, and a part shares
// days with its whole.
func (c *checker) links() {
	for i := range c.events {
		e := &c.events[i]
		for j, l := range e.Links {
			path := "links[" + itoa(j) + "]"
			t, ok := c.event(l.Target)
			if !ok {
				c.at(e, LinkTarget, Warning, path+".target", l.Target.String(), l.Target,
					"%s an event that is not in the timeline", l.Type)
				continue
			}
			switch l.Type {
			case event.Announces:
				start, ok1 := e.Date.Earliest()
				end, ok2 := t.Date.Latest()
				if ok1 && ok2 && start > end {
					c.at(e, LinkTime, Warning, path, "", t.ID,
						"announces %s, which was over before the announcement", describe(t))
				}
			case event.Follows:
				end, ok1 := e.Date.Latest()
				start, ok2 := t.Date.Earliest()
				if ok1 && ok2 && end < start {
					c.at(e, LinkTime, Warning, path, "", t.ID,
						"follows from %s, which began after this event ended", describe(t))
				}
			case event.PartOf:
				if !e.Date.IsZero() && !t.Date.IsZero() && !e.Date.Overlaps(t.Date) {
					c.at(e, LinkTime, Warning, path, "", t.ID,
						"is part of %s, which falls on other days", describe(t))
				}
			}
		}
	}
}

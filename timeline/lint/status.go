package lint

import (
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// statuses checks statuses against the as-of date: a plan whose whole date
// has passed is stale, and an event cannot have occurred wholly after it.
func (c *checker) statuses() {
	first, ok1 := c.opts.AsOf.Earliest()
	last, ok2 := c.opts.AsOf.Latest()
	if !ok1 || !ok2 {
		return
	}
	for i := range c.events {
		e := &c.events[i]
		switch e.Status {
		case event.Planned:
			if end, ok := e.Date.Latest(); ok && end < first {
				c.at(e, StaleStatus, Warning, "status", e.Status.String(), uuid.Nil,
					"planned, but its whole date lies before %s: did it occur, was it cancelled or postponed?", c.opts.AsOf)
			}
		case event.Occurred:
			if start, ok := e.Date.Earliest(); ok && start > last {
				c.at(e, FutureOccurred, Error, "status", e.Status.String(), uuid.Nil,
					"occurred, but its whole date lies after %s", c.opts.AsOf)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

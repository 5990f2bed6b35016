package lint

import (
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// duplicates finds events of one kind with the same actors in the same
// roles, where the date of one lies within the date of the other: likely
// two reports of one event under different IDs, which [event.Merge] would
// have combined had they had one. Dates that only overlap (a trip's
// stops, one ending on the day the next begins) are not. Events that both
// state a discriminator declare themselves distinct and are left alone.
// Each later event of a pair is reported, with the earlier as Other.
func (c *checker) duplicates() {
	groups := map[string][]*event.Event{}
	var keys []string
	for i := range c.events {
		e := &c.events[i]
		if e.Date.IsZero() {
			continue
		}
		ids := make([]string, len(e.Participants))
		for j, p := range e.Participants {
			ids[j] = string(p.Actor) + "\x01" + p.Role.String()
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		k := e.Kind.String() + "\x00" + strings.Join(ids, "\x00")
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], e)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		// Events are in timeline order, earliest possible day first: a
		// sweep meets every overlapping pair.
		for i, a := range g {
			aEnd, bounded := a.Date.Latest()
			for _, b := range g[i+1:] {
				if start, ok := b.Date.Earliest(); bounded && ok && start > aEnd {
					break
				}
				if !a.Date.Within(b.Date) && !b.Date.Within(a.Date) || a.Discriminator != "" && b.Discriminator != "" {
					continue
				}
				c.at(b, Duplicate, Warning, "", "", a.ID,
					"likely the same %s as %s", strings.ToLower(a.Kind.Name()), describe(a))
			}
		}
	}
}

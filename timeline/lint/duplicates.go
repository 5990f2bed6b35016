package lint

import (
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// duplicates finds events of one kind with the same actors on overlapping
// dates: likely two reports of one event under different IDs, which
// [event.Merge] would have combined had they had one. Events that both
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
		actors := e.Actors()
		ids := make([]string, len(actors))
		for j, a := range actors {
			ids[j] = string(a)
		}
		slices.Sort(ids)
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
				if !a.Date.Overlaps(b.Date) || a.Discriminator != "" && b.Discriminator != "" {
					continue
				}
				c.at(b, Duplicate, Warning, "", "", a.ID,
					"likely the same %s as %s", strings.ToLower(a.Kind.Name()), describe(a))
			}
		}
	}
}

package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
	"github.com/accordline/accordline/timeline"
	"github.com/accordline/accordline/timeline/lint"
)

// visitKinds are the kinds of a visit, at every protocol level.
var visitKinds = []event.Kind{event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit,
	event.UnofficialVisit, event.PrivateVisit}

// store is where the answers come from: the timeline in memory, or the
// same timeline loaded into PostgreSQL. Each question is one query there;
// what is computed over its answer (groups, gaps, names of the time) is
// computed by the same code either way, so that the output is the same.
type store interface {
	// Len and NumActors count the events and actors stored.
	Len() (int, error)
	NumActors() (int, error)
	// Collect returns the events q selects, with their actors, as a
	// timeline in memory.
	Collect(q timeline.Query) (*timeline.Timeline, error)
	// Actors returns every actor, in ID order.
	Actors() ([]event.Actor, error)
}

// memory is a store in memory.
type memory struct{ tl *timeline.Timeline }

func (m memory) Len() (int, error)       { return m.tl.Len(), nil }
func (m memory) NumActors() (int, error) { return m.tl.NumActors(), nil }
func (m memory) Collect(q timeline.Query) (*timeline.Timeline, error) {
	return m.tl.Collect(q), nil
}
func (m memory) Actors() ([]event.Actor, error) { return slices.Collect(m.tl.Actors()), nil }

// answer prints the answers to a historian's questions, each counting
// what it says and naming each state as it was called at the time, and
// what the consistency checks found.
func answer(w io.Writer, r *result, s store) error {
	actors, err := s.Actors()
	if err != nil {
		return err
	}
	dir := timeline.New("actors", "")
	if err := dir.AddActors(actors...); err != nil {
		return err
	}
	names := present.NewNames(dir)

	us, kz := timeline.Involving("US"), timeline.Involving("KZ")
	bilateral, err := s.Collect(timeline.And(us, kz))
	if err != nil {
		return err
	}
	var contacts, others []event.Event
	for e := range bilateral.All() {
		if e.Kind.Category() == event.CategoryContact {
			contacts = append(contacts, e)
		} else {
			others = append(others, e)
		}
	}
	fmt.Fprintf(w, "\nContacts between the United States and Kazakhstan: %d\n", len(contacts))
	for _, e := range contacts {
		fmt.Fprintf(w, "  %-23s %s\n", e.Date, e.Title)
	}
	fmt.Fprintf(w, "  and %d events of their relations that are not contacts:\n", len(others))
	for _, e := range others {
		fmt.Fprintf(w, "  %-23s %s\n", e.Date, e.Title)
	}

	visits, err := s.Collect(visitsToUS)
	if err != nil {
		return err
	}
	if g := busiest(visits.Group(timeline.Query{}, timeline.GroupByYear)); g.Key != "" {
		fmt.Fprintf(w, "\nBusiest year of visits to the United States: %s, %d visits\n", g.Key, g.Len())
	}

	nineties, _ := event.Between(event.InYear(1990), event.InYear(1999))
	for _, k := range []event.Kind{event.RelationsEstablished, event.RelationsResumed} {
		sel, err := s.Collect(timeline.And(timeline.WithKind(k), timeline.Within(nineties)))
		if err != nil {
			return err
		}
		var ss []string
		for e := range sel.All() {
			for _, id := range e.InRole(event.Party) {
				if id != usID {
					ss = append(ss, fmt.Sprintf("%s (%s)", names.Name(id, e.Date), e.Date))
				}
			}
		}
		what := "established"
		if k == event.RelationsResumed {
			what = "resumed"
		}
		fmt.Fprintf(w, "\nRelations %s in the 1990s with %d states:\n  %s\n", what, len(ss), strings.Join(ss, ", "))
	}

	if gap, ok := longestVisitGap(visits, actors); ok {
		fmt.Fprintf(w, "\nLongest gap between visits from one country: %s, %d days, %s to %s\n  after:  %s\n  before: %s\n",
			names.Label(gap.state, gap.After.Date), gap.Days(), gap.From, gap.To, gap.After.Title, gap.Before.Title)
	}

	printFindings(w, r.findings)
	return nil
}

// visitsToUS selects the visits to the United States, at every protocol
// level.
var visitsToUS = timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))

// busiest returns the largest group, the earliest of equals.
func busiest(groups []timeline.Group) timeline.Group {
	var best timeline.Group
	for _, g := range groups {
		if g.Len() > best.Len() {
			best = g
		}
	}
	return best
}

type stateGap struct {
	timeline.Gap
	state event.ActorID
}

// longestVisitGap finds the longest gap between two visits to the United
// States from one country, over every state with visits.
func longestVisitGap(visits *timeline.Timeline, actors []event.Actor) (stateGap, bool) {
	codes := map[string]event.ActorID{}
	for _, a := range actors {
		if a.Type == event.State && a.ID != usID {
			if _, seen := codes[a.Country]; !seen {
				codes[a.Country] = a.ID
			}
		}
	}
	var best stateGap
	found := false
	for _, code := range slices.Sorted(maps.Keys(codes)) {
		g, ok := visits.LongestGap(timeline.WithCountry(code))
		if ok && (!found || g.Days() > best.Days()) {
			best, found = stateGap{g, codes[code]}, true
		}
	}
	return best, found
}

// printFindings prints what the consistency checks found, by rule and
// severity, with up to three findings each.
func printFindings(w io.Writer, fs []lint.Finding) {
	fmt.Fprintf(w, "\nConsistency checks as of %s: %d findings\n", dataAsOf, len(fs))
	type key struct {
		rule lint.Rule
		sev  lint.Severity
	}
	groups := map[key][]lint.Finding{}
	for _, f := range fs {
		k := key{f.Rule, f.Severity}
		groups[k] = append(groups[k], f)
	}
	keys := slices.SortedFunc(maps.Keys(groups), func(a, b key) int {
		return cmp.Or(cmp.Compare(b.sev, a.sev), cmp.Compare(a.rule, b.rule))
	})
	for _, k := range keys {
		g := groups[k]
		fmt.Fprintf(w, "  %4d × %s %s\n", len(g), k.sev, k.rule)
		for _, f := range g[:min(3, len(g))] {
			fmt.Fprintf(w, "         %s\n", f)
		}
	}
}

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

// answer prints the answers to a historian's questions, each counting
// what it says and naming each state as it was called at the time, and
// what the consistency checks found.
func answer(w io.Writer, r *result) {
	tl := r.tl
	names := present.NewNames(tl)

	var contacts, others []event.Event
	for e := range tl.Bilateral("US", "KZ") {
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

	visits := timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))
	if g := busiest(tl.Group(visits, timeline.GroupByYear)); g.Key != "" {
		fmt.Fprintf(w, "\nBusiest year of visits to the United States: %s, %d visits\n", g.Key, g.Len())
	}

	nineties, _ := event.Between(event.InYear(1990), event.InYear(1999))
	for _, k := range []event.Kind{event.RelationsEstablished, event.RelationsResumed} {
		var ss []string
		for e := range tl.Select(timeline.And(timeline.WithKind(k), timeline.Within(nineties))) {
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

	if gap, ok := longestVisitGap(tl); ok {
		fmt.Fprintf(w, "\nLongest gap between visits from one country: %s, %d days, %s to %s\n  after:  %s\n  before: %s\n",
			names.Label(gap.state, gap.After.Date), gap.Days(), gap.From, gap.To, gap.After.Title, gap.Before.Title)
	}

	printFindings(w, r.findings)
}

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
func longestVisitGap(tl *timeline.Timeline) (stateGap, bool) {
	visits := timeline.And(timeline.WithKind(visitKinds...), timeline.WithActorIn("US", event.Host))
	codes := map[string]event.ActorID{}
	for a := range tl.Actors() {
		if a.Type == event.State && a.ID != usID {
			if _, seen := codes[a.Country]; !seen {
				codes[a.Country] = a.ID
			}
		}
	}
	var best stateGap
	found := false
	for _, code := range slices.Sorted(maps.Keys(codes)) {
		g, ok := tl.LongestGap(timeline.And(visits, timeline.WithCountry(code)))
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

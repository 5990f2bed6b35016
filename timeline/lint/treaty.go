package lint

import (
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// treatyAct is one party's treaty action on one instrument.
type treatyAct struct {
	e    *event.Event
	path string // of the party's participation
}

// consentKinds express consent to be bound, which a party gives once.
var consentKinds = []event.Kind{event.TreatyRatification, event.TreatyAcceptance, event.TreatyApproval,
	event.TreatyFormalConfirmation, event.TreatyAccession, event.TreatySuccession}

// partyRole is the role of the party in a treaty action.
func partyRole(k event.Kind) event.Role {
	switch k {
	case event.TreatySignature:
		return event.Signatory
	case event.TreatyAccession:
		return event.AccedingParty
	}
	return event.Party
}

// treaties checks the treaty actions of each party on each instrument:
// ratification, acceptance, approval and formal confirmation do not come
// before the party's first signature, when it signed at all, and a party
// consents to be bound once. Cancelled actions do not count.
func (c *checker) treaties() {
	type key struct {
		instrument string
		party      event.ActorID
	}
	signatures := map[key][]treatyAct{}
	consents := map[key][]treatyAct{}
	var keys []key // in timeline order of the first consent
	for i := range c.events {
		e := &c.events[i]
		if e.Instrument.ID == "" || e.Status == event.Cancelled {
			continue
		}
		if e.Kind != event.TreatySignature && !slices.Contains(consentKinds, e.Kind) {
			continue
		}
		role := partyRole(e.Kind)
		for j, p := range e.Participants {
			if p.Role != role {
				continue
			}
			k := key{e.Instrument.ID, p.Actor}
			act := treatyAct{e, "participants[" + itoa(j) + "]"}
			if e.Kind == event.TreatySignature {
				signatures[k] = append(signatures[k], act)
				continue
			}
			if len(consents[k]) == 0 {
				keys = append(keys, k)
			}
			consents[k] = append(consents[k], act)
		}
	}
	for _, k := range keys {
		acts := consents[k]
		if sigs := signatures[k]; len(sigs) > 0 {
			first := sigs[0]
			for _, s := range sigs[1:] {
				if s.e.Date.Compare(first.e.Date) < 0 {
					first = s
				}
			}
			signed, ok := first.e.Date.Earliest()
			for _, a := range acts {
				if a.e.Kind == event.TreatyAccession || a.e.Kind == event.TreatySuccession {
					continue // they stand instead of a signature
				}
				if end, ok2 := a.e.Date.Latest(); ok && ok2 && end < signed {
					c.at(a.e, TreatyOrder, Warning, a.path, string(k.party), first.e.ID,
						"%s before the party signed: %s", strings.ToLower(a.e.Kind.Name()), describe(first.e))
				}
			}
		}
		for _, a := range acts[1:] {
			c.at(a.e, TreatyOrder, Warning, a.path, string(k.party), acts[0].e.ID,
				"consent to be bound given again (%s); the first: %s %s", strings.ToLower(a.e.Kind.Name()),
				strings.ToLower(acts[0].e.Kind.Name()), describe(acts[0].e))
		}
	}
}

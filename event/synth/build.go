package synth

import "github.com/accordline/accordline/event"

// build fills in the participants, title, place and instrument of e. Each
// kind, or family of kinds, has a builder of its own that casts the actors
// as diplomatic practice does; ensure then adds what a kind requires and
// its builder left out.
//
// The builders draw from g.r in a fixed order: changing the order of the
// draws, even where it seems not to matter, changes every later event of a
// Config.
func (g *gen) build(e *event.Event) {
	if b := builders[e.Kind]; b != nil {
		b(g, e)
		return
	}
	g.otherKind(e)
}

// builders are the builders by kind; a kind without one gets otherKind.
var builders = map[event.Kind]func(*gen, *event.Event){
	event.PhoneCall:                (*gen).phoneCall,
	event.Visit:                    (*gen).visit,
	event.StateVisit:               (*gen).visit,
	event.OfficialVisit:            (*gen).visit,
	event.WorkingVisit:             (*gen).visit,
	event.BilateralMeeting:         (*gen).bilateralMeeting,
	event.Summit:                   (*gen).summit,
	event.Dinner:                   (*gen).dinner,
	event.Negotiation:              (*gen).negotiation,
	event.Mediation:                (*gen).mediation,
	event.Announcement:             (*gen).statement,
	event.Statement:                (*gen).statement,
	event.TreatySignature:          (*gen).treatySignature,
	event.TreatyRatification:       (*gen).treatyAction,
	event.TreatyAcceptance:         (*gen).treatyAction,
	event.TreatyApproval:           (*gen).treatyAction,
	event.TreatyAccession:          (*gen).treatyAction,
	event.TreatySuccession:         (*gen).treatyAction,
	event.TreatyFormalConfirmation: (*gen).formalConfirmation,
	event.SigningCeremony:          (*gen).signingCeremony,
	event.AgreementConcluded:       (*gen).agreementConcluded,
	event.RelationsEstablished:     (*gen).relations,
	event.RelationsSevered:         (*gen).relations,
	event.Recognition:              (*gen).relations,
	event.EmbassyOpened:            (*gen).relations,
	event.EmbassyClosed:            (*gen).relations,
}

// phoneCall makes most calls one person calling another, some a call
// between equals, and a few a three-way call.
func (g *gen) phoneCall(e *event.Event) {
	a := g.person()
	sa := g.stateOf(a)
	sb := g.otherState(sa)
	b := g.personOrState(sb, 60)
	g.ctx = sa
	switch x := g.r.IntN(10); {
	case x < 7:
		g.add(a, event.Caller)
		g.add(b, event.Recipient)
	case x < 9:
		g.add(a, event.Participant)
		g.add(b, event.Participant)
	default:
		c := g.official(g.otherState(sa, sb))
		g.add(a, event.Caller)
		g.add(b, event.Participant)
		g.add(c, event.Participant)
		e.Title = cat(g.name(a), ", ", g.name(b), " and ", g.name(c), " speak by phone")
		g.titleDE(e, "Telefonat zwischen ", g.de(a), ", ", g.de(b), " und ", g.de(c))
	}
	if e.Title == "" {
		e.Title = cat(g.name(a), " and ", g.name(b), " speak by phone")
		g.titleDE(e, "Telefonat zwischen ", g.de(a), " und ", g.de(b))
	}
	if g.chance(80) {
		g.withInstrument(e)
	}
}

// visit sends a guest, sometimes with a delegation, to another state,
// whose leader or the state itself mostly hosts it. A state visit is paid
// by a leader.
func (g *gen) visit(e *event.Event) {
	var guest int
	if e.Kind == event.StateVisit {
		guest = g.leader(g.state())
	} else {
		guest = g.person()
	}
	sg := g.stateOf(guest)
	h := g.otherState(sg)
	g.add(guest, event.Guest)
	hosted := false
	if g.chance(800) {
		hosted = g.add(g.leader(h), event.Host)
	}
	if g.chance(300) {
		hosted = g.add(g.stateRef(h), event.Host) || hosted
	}
	for range g.r.IntN(3) {
		g.delegate(sg, event.Guest)
	}
	if !hosted || g.chance(900) {
		e.Place = g.place(h)
	}
	g.ctx = h
	country, countryDE := g.name(g.stateRef(h)), g.de(g.stateRef(h))
	switch e.Kind {
	case event.StateVisit:
		e.Title = cat("State visit of ", g.name(guest), " to ", country)
		g.titleDE(e, "Staatsbesuch von ", g.de(guest), " in ", countryDE)
	case event.OfficialVisit:
		e.Title = cat("Official visit of ", g.name(guest), " to ", country)
		g.titleDE(e, "Offizieller Besuch von ", g.de(guest), " in ", countryDE)
	case event.WorkingVisit:
		e.Title = cat(g.name(guest), " on a working visit to ", country)
		g.titleDE(e, "Arbeitsbesuch von ", g.de(guest), " in ", countryDE)
	default:
		e.Title = cat(g.name(guest), " visits ", country)
		g.titleDE(e, g.de(guest), " besucht ", countryDE)
	}
}

// bilateralMeeting meets a person with an official of another state, in
// one of their states or in a third.
func (g *gen) bilateralMeeting(e *event.Event) {
	a := g.person()
	sa := g.stateOf(a)
	sb := g.otherState(sa)
	b := g.official(sb)
	g.add(a, event.Participant)
	g.add(b, event.Participant)
	if g.chance(250) {
		g.delegate(sa, event.Participant)
	}
	switch x := g.r.IntN(10); {
	case x < 4:
		e.Place = g.place(sa)
	case x < 7:
		e.Place = g.place(sb)
	case x < 9:
		e.Place = g.place(g.otherState(sa, sb))
	}
	if g.ctx < 0 {
		g.ctx = sa
	}
	e.Title = cat(g.name(a), " meets ", g.name(b))
	g.titleDE(e, g.de(a), " trifft ", g.de(b))
}

// summit gathers three to five states in a host state, organized by an
// organization or by the host's leader.
func (g *gen) summit(e *event.Event) {
	h := g.state()
	var org int = -1
	if g.chance(500) {
		org = g.org()
		g.add(org, event.Organizer)
	} else {
		g.add(g.leader(h), event.Organizer)
	}
	g.add(g.stateRef(h), event.Host)
	g.fromStates(2+g.r.IntN(3), 400, event.Participant, h)
	if org < 0 && g.chance(300) {
		g.add(g.org(), event.Subject)
	}
	e.Place = g.place(h)
	if org >= 0 {
		e.Title = cat(g.name(org), " summit in ", e.Place.City)
		g.titleDE(e, "Gipfeltreffen der ", g.de(org), " in ", e.Place.City)
	} else {
		e.Title = cat("Summit in ", e.Place.City)
		g.titleDE(e, "Gipfeltreffen in ", e.Place.City)
	}
}

// dinner has a leader host guests of one to four other states.
func (g *gen) dinner(e *event.Event) {
	h := g.state()
	host := g.leader(h)
	g.add(host, event.Host)
	g.fromStates(1+g.r.IntN(4), 300, event.Guest, h)
	e.Place = g.place(h)
	if e.Place.Name == "" && g.chance(500) {
		e.Place.Name = placeNames[g.r.IntN(len(placeNames))]
	}
	e.Title = cat("Dinner hosted by ", g.name(host))
	g.titleDE(e, "Abendessen bei ", g.de(host))
}

// negotiation brings two states, sometimes three, to talks, some with a
// mediator, often in a third state.
func (g *gen) negotiation(e *event.Event) {
	a := g.personOrState(g.state(), 300)
	sa := g.stateOf(a)
	sb := g.otherState(sa)
	b := g.personOrState(sb, 300)
	g.add(a, event.Participant)
	g.add(b, event.Participant)
	if g.chance(200) {
		g.add(g.personOrState(g.otherState(sa, sb), 300), event.Participant)
	}
	if g.chance(150) {
		g.add(g.org(), event.Mediator)
	}
	if g.chance(600) {
		e.Place = g.place(g.otherState(sa, sb))
	}
	g.ctx = max(g.ctx, sa)
	na, nb := g.name(g.stateRef(sa)), g.name(g.stateRef(sb))
	e.Title = cat("Talks between ", na, " and ", nb)
	g.titleDE(e, "Gespräche zwischen ", g.de(g.stateRef(sa)), " und ", g.de(g.stateRef(sb)))
	if g.chance(200) {
		g.withInstrument(e)
	}
}

// mediation has a person, state or organization mediate between two
// states other than its own.
func (g *gen) mediation(e *event.Event) {
	var m int
	switch x := g.r.IntN(10); {
	case x < 5:
		m = g.person()
	case x < 8:
		m = g.stateRef(g.state())
	default:
		m = g.org()
	}
	sm := g.stateOf(m)
	sa := g.otherState(sm)
	sb := g.otherState(sm, sa)
	a, b := g.personOrState(sa, 400), g.personOrState(sb, 400)
	g.add(m, event.Mediator)
	g.add(a, event.Participant)
	g.add(b, event.Participant)
	if g.chance(600) {
		e.Place = g.place(max(sm, sa))
	}
	g.ctx = max(g.ctx, sa)
	e.Title = cat(g.name(m), " mediates between ", g.name(g.stateRef(sa)), " and ", g.name(g.stateRef(sb)))
	g.titleDE(e, g.de(m), " vermittelt zwischen ", g.de(g.stateRef(sa)), " und ", g.de(g.stateRef(sb)))
}

// statement builds announcements and statements alike: one speaker, and
// sometimes a state or an instrument they are about, which the title
// names.
func (g *gen) statement(e *event.Event) {
	a := g.speaker()
	role, verb := event.Announcer, " announces "
	if e.Kind == event.Statement {
		role, verb = event.Speaker, " comments on "
	}
	g.add(a, role)
	g.ctx = g.stateOf(a)
	subj := -1
	if g.chance(450) {
		subj = g.stateRef(g.otherState(g.ctx))
		g.add(subj, event.Subject)
	}
	if g.chance(300) {
		g.withInstrument(e)
	}
	switch {
	case !e.Instrument.IsZero() && e.Kind == event.Announcement:
		e.Title = cat(g.name(a), " announces progress on the ", e.Instrument.Name)
	case !e.Instrument.IsZero():
		e.Title = cat(g.name(a), " comments on the ", e.Instrument.Name)
	case subj >= 0 && e.Kind == event.Announcement:
		e.Title = cat(g.name(a), " announces talks with ", g.name(subj))
	case subj >= 0:
		e.Title = cat(g.name(a), " comments on relations with ", g.name(subj))
	default:
		e.Title = cat(g.name(a), verb, "regional security")
	}
	if e.Kind == event.Announcement {
		g.titleDE(e, "Ankündigung: ", g.de(a))
	} else {
		g.titleDE(e, "Erklärung: ", g.de(a))
	}
}

// treatySignature has one to three states sign an instrument; the first
// signatory gives the title, and its state the place and clock.
func (g *gen) treatySignature(e *event.Event) {
	in := g.withInstrument(e)
	var first int
	first, g.ctx = g.fromStates(1+g.r.IntN(3), 400, event.Signatory)
	if g.chance(150) {
		g.add(g.org(), event.Depositary)
	}
	if g.chance(100) {
		g.add(g.person(), event.Witness)
	}
	if g.chance(400) {
		e.Place = g.place(g.ctx)
	}
	e.Title = cat(g.name(first), " signs the ", in.Name)
	g.titleDE(e, g.de(first), " unterzeichnet: ", in.Names["de"])
}

// treatyAction builds the acts by which one state becomes bound by an
// instrument (ratification, acceptance, approval, accession, succession):
// they differ only in the words and, for accession, the role.
func (g *gen) treatyAction(e *event.Event) {
	in := g.withInstrument(e)
	s := g.state()
	g.ctx = s
	a := g.stateRef(s)
	role, verb, verbDE := event.Party, " ratifies the ", " ratifiziert: "
	switch e.Kind {
	case event.TreatyAcceptance:
		verb, verbDE = " accepts the ", " nimmt an: "
	case event.TreatyApproval:
		verb, verbDE = " approves the ", " genehmigt: "
	case event.TreatyAccession:
		role, verb, verbDE = event.AccedingParty, " joins the ", " tritt bei: "
	case event.TreatySuccession:
		verb, verbDE = " succeeds to the ", " tritt die Nachfolge an: "
	}
	g.add(a, role)
	if g.chance(300) {
		g.add(g.org(), event.Depositary)
	}
	if g.chance(150) {
		g.add(g.official(s), event.Signatory)
	}
	e.Title = cat(g.name(a), verb, in.Name)
	g.titleDE(e, g.de(a), verbDE, in.Names["de"])
}

// formalConfirmation is the organizations' ratification, so its party is
// an organization.
func (g *gen) formalConfirmation(e *event.Event) {
	in := g.withInstrument(e)
	o := g.org()
	g.add(o, event.Party)
	if g.chance(400) {
		if d := g.org(); d != o {
			g.add(d, event.Depositary)
		}
	}
	e.Title = cat(g.name(o), " formally confirms the ", in.Name)
	g.titleDE(e, g.de(o), " bestätigt förmlich: ", in.Names["de"])
}

// signingCeremony has a host state receive the signatories of other
// states.
func (g *gen) signingCeremony(e *event.Event) {
	in := g.withInstrument(e)
	h := g.state()
	if g.chance(700) {
		g.add(g.personOrState(h, 400), event.Host)
	}
	g.fromStates(1+g.r.IntN(3), 300, event.Signatory, h)
	if g.chance(200) {
		g.add(g.org(), event.Witness)
	}
	e.Place = g.place(h)
	e.Title = cat("Signing ceremony for the ", in.Name)
	g.titleDE(e, "Unterzeichnungszeremonie: ", in.Names["de"])
}

// agreementConcluded has two or three states, as parties, conclude an
// instrument.
func (g *gen) agreementConcluded(e *event.Event) {
	in := g.withInstrument(e)
	sa := g.state()
	sb := g.otherState(sa)
	g.ctx = sa
	g.add(g.stateRef(sa), event.Party)
	g.add(g.stateRef(sb), event.Party)
	if g.chance(200) {
		g.add(g.stateRef(g.otherState(sa, sb)), event.Party)
	}
	if g.chance(200) {
		g.add(g.person(), event.Mediator)
	}
	e.Title = cat(g.name(g.stateRef(sa)), " and ", g.name(g.stateRef(sb)), " conclude the ", in.Name)
	g.titleDE(e, g.de(g.stateRef(sa)), " und ", g.de(g.stateRef(sb)), " schließen: ", in.Names["de"])
}

// relations builds the acts between two states as such: establishing and
// severing relations, recognition, and opening and closing embassies.
func (g *gen) relations(e *event.Event) {
	sa := g.state()
	sb := g.otherState(sa)
	a, b := g.stateRef(sa), g.stateRef(sb)
	g.ctx = sa
	na, nb, da, db := g.name(a), g.name(b), g.de(a), g.de(b)
	switch e.Kind {
	case event.RelationsEstablished:
		g.add(a, event.Party)
		g.add(b, event.Party)
		if g.chance(300) {
			g.add(g.official(sa), event.Signatory)
			g.add(g.official(sb), event.Signatory)
		}
		e.Title = cat(na, " and ", nb, " establish diplomatic relations")
		g.titleDE(e, da, " und ", db, " nehmen diplomatische Beziehungen auf")
	case event.RelationsSevered:
		g.add(a, event.Party)
		g.add(b, event.Party)
		e.Title = cat(na, " and ", nb, " sever diplomatic relations")
		g.titleDE(e, da, " und ", db, " brechen die diplomatischen Beziehungen ab")
	case event.Recognition:
		g.add(a, event.Recognizer)
		g.add(b, event.Recognized)
		e.Title = cat(na, " recognizes ", nb)
		g.titleDE(e, da, " erkennt ", db, " an")
	case event.EmbassyOpened:
		g.add(a, event.SendingState)
		g.add(b, event.ReceivingState)
		e.Place = g.place(sb)
		e.Title = cat(na, " opens an embassy in ", nb)
		g.titleDE(e, da, " eröffnet eine Botschaft in ", db)
	case event.EmbassyClosed:
		g.add(a, event.SendingState)
		g.add(b, event.ReceivingState)
		e.Place = g.place(sb)
		e.Title = cat(na, " closes its embassy in ", nb)
		g.titleDE(e, da, " schließt seine Botschaft in ", db)
	}
	if g.chance(150) {
		e.Place = g.place(sa)
	}
}

// otherKind builds a kind this generator does not know: ensure fills in
// its required roles with states; give it a place, which also serves a
// destination rule.
func (g *gen) otherKind(e *event.Event) {
	s := g.state()
	g.add(g.stateRef(s), event.Participant)
	e.Place = g.place(s)
	e.Title = cat(e.Kind.Name(), ": ", g.name(g.stateRef(s)))
}

// The casting the builders share.

// fromStates adds n actors in role, each of a state of its own and of none
// of the states not: a person of the state, or the state itself one time in
// statePerMille. It returns the first actor and its state.
func (g *gen) fromStates(n, statePerMille int, role event.Role, not ...int) (first, firstState int) {
	var buf [8]int
	taken := append(buf[:0], not...)
	first, firstState = -1, -1
	for i := range n {
		s := g.otherState(taken...)
		taken = append(taken, s)
		a := g.personOrState(s, statePerMille)
		if i == 0 {
			first, firstState = a, s
		}
		g.add(a, role)
	}
	return first, firstState
}

// delegate adds another person of state s in role, one of its delegation;
// a state with a single person has no one to send.
func (g *gen) delegate(s int, role event.Role) {
	if ps := g.w.stateInfo[s].persons; len(ps) > 1 {
		g.add(int(ps[g.r.IntN(len(ps))]), role)
	}
}

// withInstrument gives e an instrument from the pool and returns it, for
// the titles that name it.
func (g *gen) withInstrument(e *event.Event) *event.Instrument {
	in := g.instrument()
	e.Instrument = *in
	return in
}

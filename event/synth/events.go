package synth

import (
	"crypto/sha1"
	"encoding/binary"
	"hash/fnv"
	"math/rand/v2"
	"slices"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// idSpace is the UUID namespace of generated event IDs.
var idSpace = uuid.NewSHA1(event.Namespace, []byte("synth"))

// kindWeights gives the share of each kind in thousandths, roughly. Kinds
// not listed (added to the event package later) get weight 5 and are built
// from their required roles alone; those of weight 0 are not generated.
func kindWeight(k event.Kind) int {
	switch k {
	case event.PhoneCall:
		return 250
	case event.BilateralMeeting:
		return 150
	case event.Visit:
		return 60
	case event.OfficialVisit, event.WorkingVisit:
		return 50
	case event.StateVisit:
		return 30
	case event.Statement:
		return 80
	case event.Announcement:
		return 50
	case event.Summit, event.Negotiation:
		return 40
	case event.Dinner:
		return 30
	case event.TreatySignature:
		return 25
	case event.TreatyRatification, event.AgreementConcluded:
		return 20
	case event.Mediation:
		return 15
	case event.TreatyAccession, event.SigningCeremony:
		return 12
	case event.TreatyAcceptance, event.RelationsEstablished:
		return 6
	case event.TreatyApproval, event.EmbassyOpened:
		return 5
	case event.Recognition:
		return 4
	case event.TreatySuccession, event.TreatyFormalConfirmation, event.RelationsSevered, event.EmbassyClosed:
		return 3
	case event.UnofficialVisit, event.PrivateVisit, event.RelationsResumed, event.RecognitionWithdrawn,
		event.EnvoyAppointed, event.CredentialsPresented:
		// Not generated, so that the data of a Config stays what it was
		// before these kinds were added: benchmarks compare across
		// versions on it.
		return 0
	}
	return 5
}

// kindRule is what the generator must satisfy for a kind, read once from
// the event package.
type kindRule struct {
	kind       event.Kind
	weight     int // cumulative
	roles      []event.Role
	parties    int
	instrument bool
	// Cumulative weights of the date forms, for events that occurred and
	// for the others.
	occurred, future [nForms]int
}

// A gen produces the events of one iteration. Its memory does not grow with
// the number of events: it keeps the last ringSize IDs for links.
type gen struct {
	w       *world
	r       *rand.Rand
	rules   []kindRule
	rule    *kindRule // of the event being built
	total   int
	idName  [40]byte // seed, config hash and counter, hashed into the ID
	n       uint64   // events generated
	ring    [ringSize]uuid.UUID
	parts   [maxParticipants]event.Participation
	refs    [maxParticipants]int32 // the ref of each participant
	np      int
	ctx     int // state whose place and clock the event uses; -1 for none
	anchorY int // the day the date is built around
	anchorM int
	anchorD int
	buf     []byte
	fixed   []fixedZone
}

const (
	ringSize        = 512
	maxParticipants = 6
)

func newGen(w *world) *gen {
	g := &gen{w: w, r: rand.New(rand.NewPCG(w.cfg.Seed, eventStream)), buf: make([]byte, 0, 128)}
	for _, k := range event.Kinds() {
		g.total += kindWeight(k)
		g.rules = append(g.rules, kindRule{kind: k, weight: g.total, roles: k.RequiredRoles(),
			parties: k.MinParties(), instrument: k.NeedsInstrument(),
			occurred: cumulate(formWeights(k, true)), future: cumulate(formWeights(k, false))})
	}
	copy(g.idName[:16], idSpace[:])
	binary.BigEndian.PutUint64(g.idName[16:], w.cfg.Seed)
	h := fnv.New64a()
	var b [32]byte
	binary.BigEndian.PutUint64(b[0:], uint64(w.cfg.States))
	binary.BigEndian.PutUint64(b[8:], uint64(w.cfg.Persons))
	binary.BigEndian.PutUint64(b[16:], uint64(w.cfg.Organizations))
	binary.BigEndian.PutUint64(b[24:], uint64(w.cfg.Instruments))
	h.Write(b[:])
	binary.BigEndian.PutUint64(g.idName[24:], h.Sum64())
	return g
}

// id returns the version 5 UUID, in the package's namespace, of the seed,
// the config and the number of the event: unique within a run, and the same
// in every run of the same Config.
func (g *gen) id() uuid.UUID {
	binary.BigEndian.PutUint64(g.idName[32:], g.n)
	sum := sha1.Sum(g.idName[:])
	var u uuid.UUID
	copy(u[:], sum[:16])
	u[6] = u[6]&0x0f | 0x50 // version 5, as uuid.NewSHA1 sets it
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u
}

func (g *gen) chance(perMille int) bool { return g.r.IntN(1000) < perMille }

func (g *gen) next() event.Event {
	r := g.r
	x := r.IntN(g.total)
	ri := 0
	for x >= g.rules[ri].weight {
		ri++
	}
	rule := &g.rules[ri]
	g.rule = rule
	e := event.Event{Kind: rule.kind, Status: g.status()}
	g.np, g.ctx = 0, -1
	g.build(&e)
	g.ensure(&e, rule)
	e.Participants = slices.Clone(g.parts[:g.np])
	e.Date, e.DateText = g.date(&e)
	e.Sources = g.sources(&e)
	if x := r.IntN(100); x < 55 {
		e.Tags = g.w.tagSets[r.IntN(len(g.w.tagSets))]
	}
	if g.chance(60) {
		e.Description = descriptions[r.IntN(len(descriptions))]
	}
	e.ID = g.id()
	e.EnsureID() // keeps the generated ID: it is not nil
	g.links(&e)
	g.ring[g.n%ringSize] = e.ID
	g.n++
	return e
}

func (g *gen) status() event.Status {
	switch x := g.r.IntN(1000); {
	case x < 840:
		return event.Occurred
	case x < 890:
		return event.Announced
	case x < 940:
		return event.Planned
	case x < 975:
		return event.Cancelled
	}
	return event.Postponed
}

// Actor pickers. They return indexes into w.refs.

// person returns a random person; states with many persons come up often.
func (g *gen) person() int { return g.w.persons.at(g.r.IntN(g.w.persons.n)) }

// state returns a random state, skewed like the persons' countries.
func (g *gen) state() int {
	if g.chance(300) {
		return g.r.IntN(g.w.states.n)
	}
	return int(g.w.refs[g.person()].state)
}

// stateRef returns the ref of state s.
func (g *gen) stateRef(s int) int { return g.w.states.at(s) }

// otherState returns a state that is none of the states in not.
func (g *gen) otherState(not ...int) int {
	for {
		s := g.state()
		if !slices.Contains(not, s) {
			return s
		}
		if g.chance(500) { // break skew-induced streaks
			s = g.r.IntN(g.w.states.n)
			if !slices.Contains(not, s) {
				return s
			}
		}
	}
}

// leader returns the leader of state s: a person when it has one, else the
// state itself.
func (g *gen) leader(s int) int {
	if ps := g.w.stateInfo[s].persons; len(ps) > 0 {
		return int(ps[0])
	}
	return g.stateRef(s)
}

// official returns a person of state s, often its leader, or the state.
func (g *gen) official(s int) int {
	ps := g.w.stateInfo[s].persons
	if len(ps) == 0 {
		return g.stateRef(s)
	}
	if g.chance(450) {
		return int(ps[0])
	}
	return int(ps[g.r.IntN(len(ps))])
}

// personOrState returns a person of s most of the time, and s itself
// otherwise.
func (g *gen) personOrState(s int, statePerMille int) int {
	if g.chance(statePerMille) {
		return g.stateRef(s)
	}
	return g.official(s)
}

func (g *gen) org() int { return g.w.orgs.at(g.r.IntN(g.w.orgs.n)) }

func (g *gen) body(s int) int { return int(g.w.stateInfo[s].mfa) }

// speaker returns an actor that makes statements: mostly a person, else a
// foreign ministry or an organization.
func (g *gen) speaker() int {
	switch x := g.r.IntN(100); {
	case x < 65:
		return g.person()
	case x < 90:
		return g.body(g.state())
	}
	return g.org()
}

func (g *gen) instrument() *event.Instrument {
	n := len(g.w.instruments)
	u := g.r.Float64()
	return &g.w.instruments[int(float64(n)*u*u)]
}

// stateOf returns the state of the actor a, or -1.
func (g *gen) stateOf(a int) int { return int(g.w.refs[a].state) }

// capacity returns the office a person holds in an event.
func (g *gen) capacity(a int) string {
	rf := &g.w.refs[a]
	if rf.typ != event.Person {
		return ""
	}
	si := &g.w.stateInfo[rf.state]
	switch x := g.r.IntN(100); {
	case x < 85:
		return si.offices[rf.office]
	case x < 93:
		return si.offices[g.r.IntN(len(si.offices))]
	}
	return ""
}

// add appends a participation unless the actor already has the role or
// the event is full, and reports whether it did.
func (g *gen) add(a int, role event.Role) bool {
	if g.np == maxParticipants {
		return false
	}
	id := g.w.refs[a].id
	for _, p := range g.parts[:g.np] {
		if p.Actor == id && p.Role == role {
			return false
		}
	}
	g.parts[g.np] = event.Participation{Actor: id, Role: role, Capacity: g.capacity(a)}
	g.refs[g.np] = int32(a)
	g.np++
	return true
}

// has reports whether actor a already takes part.
func (g *gen) has(a int) bool {
	return slices.Contains(g.refs[:g.np], int32(a))
}

// distinct returns the number of distinct actors taking part.
func (g *gen) distinct() int {
	n := 0
	for i := range g.np {
		if !slices.Contains(g.refs[:i], g.refs[i]) {
			n++
		}
	}
	return n
}

// ensure adds what the kind requires and the builder did not provide.
func (g *gen) ensure(e *event.Event, rule *kindRule) {
	for _, role := range rule.roles {
		found := false
		for _, p := range g.parts[:g.np] {
			found = found || p.Role == role
		}
		if !found {
			if g.np == maxParticipants {
				g.np-- // make room: required roles come first
			}
			g.add(g.freshState(), role)
		}
	}
	for g.distinct() < rule.parties && g.np < maxParticipants {
		g.add(g.freshState(), event.Participant)
	}
	if rule.instrument && e.Instrument.IsZero() {
		e.Instrument = *g.instrument()
	}
	if e.Title == "" {
		e.Title = e.Kind.Name()
	}
}

// freshState returns a state that does not take part yet.
func (g *gen) freshState() int {
	for {
		s := g.stateRef(g.r.IntN(g.w.states.n))
		if !g.has(s) {
			return s
		}
	}
}

// place returns a place in state s: a city, sometimes a building and its
// coordinates.
func (g *gen) place(s int) event.Place {
	g.ctx = s
	si := &g.w.stateInfo[s]
	c := &si.cities[0]
	if g.chance(300) {
		c = &si.cities[g.r.IntN(len(si.cities))]
	}
	p := event.Place{City: c.name, Country: string(g.w.refs[g.stateRef(s)].id)}
	if g.chance(300) {
		p.Coordinates = c.coords
	}
	if g.chance(200) {
		p.Name = placeNames[g.r.IntN(len(placeNames))]
		if g.chance(300) {
			p.Venue = venues[g.r.IntN(len(venues))]
		}
	}
	return p
}

func (g *gen) name(a int) string { return g.w.refs[a].name }
func (g *gen) de(a int) string   { return g.w.refs[a].de }

// titleDE sets the German title of e, for a share of events.
func (g *gen) titleDE(e *event.Event, parts ...string) {
	if g.chance(250) {
		e.Titles = map[string]string{"de": cat(parts...)}
	}
}

// cat concatenates strings with a single allocation.
func cat(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return string(b)
}

// sources returns one to three sources, in the languages of their
// publishers, some with quotes.
func (g *gen) sources(e *event.Event) []event.Source {
	r := g.r
	n := 1
	if g.chance(300) {
		n++
		if g.chance(300) {
			n++
		}
	}
	out := make([]event.Source, n)
	for i := range out {
		p := &publishers[r.IntN(len(publishers))]
		s := &out[i]
		s.Publisher, s.Lang = p.name, p.lang
		switch p.lang {
		case "en":
			s.Title = e.Title
		case "de":
			s.Title = e.Titles["de"]
		}
		b := append(g.buf[:0], "https://"...)
		b = append(b, p.host...)
		b = append(b, '/')
		b = append(b, p.section...)
		b = append(b, '/')
		b = appendInt(b, uint64(g.anchorY), 10)
		b = append(b, '/')
		b = appendInt(b, r.Uint64()>>24, 36)
		if g.chance(100) {
			b = append(b, "?lang="...)
			b = append(b, p.lang...)
		}
		s.URL = string(b)
		g.buf = b
		s.Published = g.published()
		if q := r.IntN(100); q >= 45 {
			k := 1
			if q >= 85 {
				k = 2
			}
			s.Quotes = make([]event.Quote, k)
			for j := range s.Quotes {
				s.Quotes[j] = g.quote(p.lang)
			}
		}
	}
	return out
}

func appendInt(b []byte, n uint64, base int) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = digits[n%uint64(base)]
		n /= uint64(base)
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// quotesByLang indexes quotes by language; it is only looked up, never
// iterated.
var quotesByLang = func() map[string][]int {
	m := make(map[string][]int)
	for i, q := range quotes {
		m[q.lang] = append(m[q.lang], i)
	}
	return m
}()

// quote returns a quote for a source in lang: mostly in that language,
// sometimes in another with its translation.
func (g *gen) quote(lang string) event.Quote {
	q := &quotes[g.r.IntN(len(quotes))]
	if same := quotesByLang[lang]; len(same) > 0 && g.chance(700) {
		q = &quotes[same[g.r.IntN(len(same))]]
	}
	out := event.Quote{Text: q.text}
	if q.lang != lang {
		out.Lang = q.lang
	}
	if q.translation != "" && g.chance(600) {
		out.Translation, out.TranslationLang = q.translation, "en"
	}
	if q.spoken && g.np > 0 && g.chance(700) {
		for i := range g.np {
			if g.w.refs[g.refs[i]].typ == event.Person {
				out.Speaker = g.parts[i].Actor
				break
			}
		}
	}
	return out
}

// links relates e to some of the recently generated events.
func (g *gen) links(e *event.Event) {
	if g.n == 0 || !g.chance(220) {
		return
	}
	k := 1
	if g.chance(200) {
		k = 2
	}
	window := min(g.n, ringSize)
	e.Links = make([]event.Link, 0, k)
	for range k {
		target := g.ring[(g.n-1-uint64(g.r.IntN(int(window))))%ringSize]
		t := g.linkType(e.Kind)
		l := event.Link{Type: t, Target: target}
		if !slices.Contains(e.Links, l) {
			e.Links = append(e.Links, l)
		}
	}
}

func (g *gen) linkType(k event.Kind) event.LinkType {
	x := g.r.IntN(10)
	switch k {
	case event.Announcement:
		if x < 6 {
			return event.Announces
		}
	case event.Dinner, event.Visit, event.StateVisit, event.OfficialVisit, event.WorkingVisit,
		event.BilateralMeeting, event.SigningCeremony:
		if x < 4 {
			return event.PartOf
		}
	case event.Statement:
		if x < 7 {
			return event.RefersTo
		}
	}
	if x < 5 {
		return event.Follows
	}
	return event.RefersTo
}

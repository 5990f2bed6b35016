package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
)

// Streams of the PCG generator: the actors and the events draw from
// independent streams of the same seed, so that the events do not change
// when the actor code draws one more number, and vice versa.
const (
	actorStream = 0x6163746f72730001 // "actors"
	eventStream = 0x6576656e74730001 // "events"
)

// A ref is an actor as the event generator sees it.
type ref struct {
	id     event.ActorID
	name   string // English
	de     string // German, or the English name
	typ    event.ActorType
	state  int32 // index of the actor's state; -1 for organizations
	office int8  // index into offices, for persons
}

type city struct {
	name   string
	coords *event.Coordinates // shared by every event in the city
}

type stateInfo struct {
	offices [len(offices)]string // capacities: "President of Lazanova"
	cities  []city               // the capital first
	loc     *time.Location
	persons []int32 // refs of the state's persons; its leader first
	mfa     int32   // ref of its foreign ministry
}

// A world holds the actors, instruments and other pools of one Config. It
// is built once per call of [Actors] or [Events] and only read afterwards.
type world struct {
	cfg    Config
	actors []event.Actor
	refs   []ref // in the order of actors
	// Ranges of refs by type.
	states, persons, orgs, bodies span
	stateInfo                     []stateInfo
	instruments                   []event.Instrument
	tagSets                       [][]string

	// Precomputed dates with unspecified digits and seasons, by year
	// index (year - firstYear).
	yearX   [years]event.Date
	monthX  [years][12]event.Date
	seasons [years][4]event.Date
	decades [7]event.Date // 195X … 201X
}

type span struct{ lo, n int }

func (s span) at(i int) int { return s.lo + i }

const (
	firstYear = 1946
	lastYear  = 2025
	years     = lastYear - firstYear + 1
)

func newWorld(cfg Config) *world {
	w := &world{cfg: cfg}
	r := rand.New(rand.NewPCG(cfg.Seed, actorStream))
	w.buildStates(r)
	w.buildPersons(r)
	w.buildOrganizations(r)
	w.buildBodies()
	w.buildInstruments(r)
	w.buildTagSets(r)
	w.buildDates()
	return w
}

func (w *world) add(a event.Actor, rf ref) int {
	w.actors = append(w.actors, a)
	w.refs = append(w.refs, rf)
	return len(w.refs) - 1
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	u := unicode.ToUpper(c)
	if u == c {
		return s
	}
	return string(u) + s[n:]
}

func (w *world) buildStates(r *rand.Rand) {
	n := w.cfg.States
	w.states = span{len(w.refs), n}
	w.stateInfo = make([]stateInfo, n)
	seen := make(map[string]bool, n)
	var used [26][26]bool
	for i := range n {
		var parts [4]syllable
		var en string
		for {
			k := 1 + r.IntN(2)
			if r.IntN(4) == 0 {
				k++
			}
			for j := range k {
				parts[j] = syllables[r.IntN(len(syllables))]
			}
			parts[k] = stateSuffixes[r.IntN(len(stateSuffixes))]
			var b strings.Builder
			for _, p := range parts[:k+1] {
				b.WriteString(p.en)
			}
			en = capitalize(b.String())
			if !seen[en] && len(en) >= 4 {
				seen[en] = true
				var de, fr, ru, ar strings.Builder
				for _, p := range parts[:k+1] {
					de.WriteString(p.de)
					fr.WriteString(p.fr)
					ru.WriteString(p.ru)
					ar.WriteString(p.ar)
				}
				w.addState(r, i, en, capitalize(de.String()), capitalize(fr.String()),
					capitalize(ru.String()), ar.String(), stateCode(en, &used))
				break
			}
		}
	}
}

// stateCode picks an unused two-letter code for a state named en: its first
// letter and a later one where possible, as ISO 3166 codes mostly are.
func stateCode(en string, used *[26][26]bool) string {
	lower := strings.ToLower(en)
	first := int(lower[0] - 'a')
	try := func(a, b int) (string, bool) {
		if used[a][b] {
			return "", false
		}
		used[a][b] = true
		return string([]byte{byte('A' + a), byte('A' + b)}), true
	}
	for j := 1; j < len(lower); j++ {
		if c := lower[j]; c >= 'a' && c <= 'z' {
			if s, ok := try(first, int(c-'a')); ok {
				return s
			}
		}
	}
	for b := range 26 {
		if s, ok := try(first, b); ok {
			return s
		}
	}
	for a := range 26 {
		for b := range 26 {
			if s, ok := try(a, b); ok {
				return s
			}
		}
	}
	panic("synth: out of state codes") // cannot happen: Config caps States
}

func (w *world) addState(r *rand.Rand, i int, en, de, fr, ru, ar, code string) {
	names := map[string]string{"de": de}
	if r.IntN(2) == 0 {
		names["fr"] = fr
	}
	if r.IntN(5) < 2 {
		names["ru"] = ru
	}
	if r.IntN(10) < 3 {
		names["ar"] = ar
	}
	var aliases []string
	switch r.IntN(10) {
	case 0, 1, 2:
		aliases = []string{"Republic of " + en, "Republik " + de}
	case 3:
		aliases = []string{"Kingdom of " + en, "Königreich " + de}
	case 4:
		aliases = []string{"Federation of " + en}
	}
	w.add(event.Actor{ID: event.ActorID(code), Type: event.State, Name: en, Names: names,
		Aliases: aliases, Country: code}, ref{id: event.ActorID(code), name: en, de: de, typ: event.State, state: int32(i)})

	si := &w.stateInfo[i]
	for j, o := range offices {
		si.offices[j] = o + en
	}
	z := zones[r.IntN(len(zones))]
	loc, err := time.LoadLocation(z.name)
	if err != nil {
		loc = time.UTC // the zone database is embedded; see the tzdata import
	}
	si.loc = loc
	lat := z.lat + (r.Float64()*2-1)*8
	lon := z.lon + (r.Float64()*2-1)*7
	nc := 2 + r.IntN(3)
	si.cities = make([]city, nc)
	for j := range nc {
		name := cityName(r)
		c := &event.Coordinates{
			Lat: round4(clamp(lat+(r.Float64()*2-1)*2, -89, 89)),
			Lon: round4(wrapLon(lon + (r.Float64()*2-1)*2)),
		}
		si.cities[j] = city{name: name, coords: c}
	}
}

func cityName(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(12) == 0 {
		b.WriteString("Port ")
	}
	k := 1 + r.IntN(2)
	start := b.Len()
	for range k {
		b.WriteString(syllables[r.IntN(len(syllables))].en)
	}
	b.WriteString(citySuffixes[r.IntN(len(citySuffixes))])
	s := b.String()
	return s[:start] + capitalize(s[start:])
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

func wrapLon(x float64) float64 {
	for x > 180 {
		x -= 360
	}
	for x < -180 {
		x += 360
	}
	return x
}

// buildPersons makes the persons: the first of each state is its leader,
// the others belong to states chosen with a heavy skew, so that a few states
// have hundreds of persons and many have a handful.
func (w *world) buildPersons(r *rand.Rand) {
	n := w.cfg.Persons
	w.persons = span{len(w.refs), n}
	taken := make(map[string]int, n)
	totalOffice := 0
	for _, x := range officeWeights {
		totalOffice += x
	}
	for i := range n {
		var s, office int
		if i < w.states.n {
			s = i
			office = r.IntN(2) // President or Prime Minister
		} else {
			s = int(float64(w.states.n) * math.Pow(r.Float64(), 2.5))
			x := r.IntN(totalOffice)
			for office = 0; x >= officeWeights[office]; office++ {
				x -= officeWeights[office]
			}
		}
		g := &givenNames[r.IntN(len(givenNames))]
		f := &familyNames[r.IntN(len(familyNames))]
		name := g.name + " " + f.name
		slug := g.slug + "-" + f.slug
		var initial byte
		if r.IntN(4) == 0 {
			initial = byte('A' + r.IntN(26))
			name = g.name + " " + string(initial) + ". " + f.name
			slug = g.slug + "-" + string(initial+'a'-'A') + "-" + f.slug
		}
		id := slug
		if k := taken[slug]; k > 0 {
			id = slug + "-" + strconv.Itoa(k+1)
		}
		taken[slug]++
		var names map[string]string
		de := name
		if f.de != "" {
			de = strings.Replace(name, f.name, f.de, 1)
			names = map[string]string{"de": de}
		}
		if g.ru != "" && f.ru != "" {
			if names == nil {
				names = make(map[string]string, 1)
			}
			names["ru"] = g.ru + " " + f.ru
		}
		aliases := []string{f.name}
		if f.de != "" {
			aliases = append(aliases, f.de)
		}
		if r.IntN(3) == 0 {
			first, _ := utf8.DecodeRuneInString(g.name)
			aliases = append(aliases, string(first)+". "+f.name)
		}
		si := &w.stateInfo[s]
		ri := w.add(event.Actor{ID: event.ActorID(id), Type: event.Person, Name: name, Names: names,
			Aliases: aliases, Country: string(w.refs[w.states.at(s)].id)},
			ref{id: event.ActorID(id), name: name, de: de, typ: event.Person, state: int32(s), office: int8(office)})
		si.persons = append(si.persons, int32(ri))
	}
}

func (w *world) buildOrganizations(r *rand.Rand) {
	n := w.cfg.Organizations
	w.orgs = span{len(w.refs), n}
	seen := make(map[string]bool, n)
	for i := range n {
		var t, s phrase
		var en string
		for tries := 0; ; tries++ {
			t, s = orgTypes[r.IntN(len(orgTypes))], orgScopes[r.IntN(len(orgScopes))]
			en = t.en + " " + s.en
			if tries > 50 {
				en += " " + strconv.Itoa(i+1)
			}
			if !seen[en] {
				seen[en] = true
				break
			}
		}
		de := t.de + " " + s.de
		if len(en) > len(t.en)+len(s.en)+1 {
			de += en[len(t.en)+len(s.en)+1:]
		}
		id := slugify(en)
		w.add(event.Actor{ID: event.ActorID(id), Type: event.Organization, Name: en,
			Names: map[string]string{"de": de}, Aliases: []string{acronym(en)}},
			ref{id: event.ActorID(id), name: en, de: de, typ: event.Organization, state: -1})
	}
}

// acronym returns the initials of the capitalized words of s: "UNS" for
// "Union of Northern States".
func acronym(s string) string {
	var b []byte
	for _, f := range strings.Fields(s) {
		if c := f[0]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// slugify returns the kebab-case form of the ASCII text s.
func slugify(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			b = append(b, c)
			dash = false
		default:
			dash = true
		}
	}
	return string(b)
}

// buildBodies gives every state its foreign ministry and every third state
// a government.
func (w *world) buildBodies() {
	w.bodies = span{len(w.refs), 0}
	for i := range w.states.n {
		st := w.refs[w.states.at(i)]
		code := string(st.id)
		lower := strings.ToLower(code)
		en, de := "Ministry of Foreign Affairs of "+st.name, "Außenministerium von "+st.de
		w.stateInfo[i].mfa = int32(w.add(event.Actor{ID: event.ActorID(lower + "-mfa"), Type: event.Body, Name: en,
			Names: map[string]string{"de": de}, Aliases: []string{"Foreign Ministry of " + st.name}, Country: code},
			ref{id: event.ActorID(lower + "-mfa"), name: en, de: de, typ: event.Body, state: int32(i)}))
		if i%3 == 0 {
			en, de := "Government of "+st.name, "Regierung von "+st.de
			w.add(event.Actor{ID: event.ActorID(lower + "-government"), Type: event.Body, Name: en,
				Names: map[string]string{"de": de}, Country: code},
				ref{id: event.ActorID(lower + "-government"), name: en, de: de, typ: event.Body, state: int32(i)})
		}
	}
	w.bodies.n = len(w.refs) - w.bodies.lo
}

func (w *world) buildInstruments(r *rand.Rand) {
	n := w.cfg.Instruments
	w.instruments = make([]event.Instrument, 0, n)
	seen := make(map[string]bool, n)
	for len(w.instruments) < n {
		var en, de string
		switch x := r.IntN(100); {
		case x < 50:
			t, s := treatyTypes[r.IntN(len(treatyTypes))], treatySubjects[r.IntN(len(treatySubjects))]
			en, de = t.en+" "+s.en, t.de+" "+s.de
		case x < 65:
			c := w.stateInfo[r.IntN(w.states.n)].cities[0].name
			en, de = "Treaty of "+c, "Vertrag von "+c
		case x < 75:
			c := w.stateInfo[r.IntN(w.states.n)].cities[0].name
			en, de = c+" Accords", c+"-Abkommen"
		default:
			a, b := r.IntN(w.states.n), r.IntN(w.states.n)
			if a == b {
				continue
			}
			sa, sb := w.refs[w.states.at(a)], w.refs[w.states.at(b)]
			t := bilateralTopics[r.IntN(len(bilateralTopics))]
			en = sa.name + "–" + sb.name + " " + t.en + " Agreement"
			de = t.de + " zwischen " + sa.de + " und " + sb.de
		}
		id := slugify(en)
		if seen[id] {
			if len(w.instruments)%7 != 0 { // mostly draw again; sometimes number it
				continue
			}
			k := 2
			for seen[id+"-"+strconv.Itoa(k)] {
				k++
			}
			id += "-" + strconv.Itoa(k)
			en += " (" + strconv.Itoa(k) + ")"
			de += " (" + strconv.Itoa(k) + ")"
		}
		seen[id] = true
		w.instruments = append(w.instruments, event.Instrument{ID: id, Name: en, Names: map[string]string{"de": de}})
	}
}

// buildTagSets makes the shared tag lists events draw from: one to three
// distinct tags each, clipped so that appending to one copies it.
func (w *world) buildTagSets(r *rand.Rand) {
	w.tagSets = make([][]string, 96)
	for i := range w.tagSets {
		k := 1 + r.IntN(3)
		if i < len(tagPool) {
			w.tagSets[i] = []string{tagPool[i]}
			continue
		}
		set := make([]string, 0, k)
		for len(set) < k {
			t := tagPool[r.IntN(len(tagPool))]
			dup := false
			for _, s := range set {
				dup = dup || s == t
			}
			if !dup {
				set = append(set, t)
			}
		}
		w.tagSets[i] = set[:len(set):len(set)]
	}
}

func (w *world) buildDates() {
	for yi := range years {
		y := firstYear + yi
		ys := strconv.Itoa(y)
		w.yearX[yi] = mustDate(ys + "-XX")
		for m := range 12 {
			w.monthX[yi][m] = mustDate(event.InMonth(y, time.Month(m+1)).String() + "-XX")
		}
		for s := range 4 {
			w.seasons[yi][s] = mustDate(ys + "-2" + strconv.Itoa(s+1))
		}
	}
	for i := range w.decades {
		w.decades[i] = mustDate(strconv.Itoa(195+i) + "X")
	}
}

func mustDate(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic("synth: " + err.Error())
	}
	return d
}

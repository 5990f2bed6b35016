package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
)

// The shapes of pocom (Principal Officers and Chiefs of Mission): missions
// to countries and to organizations with their chiefs, the principal
// positions of the Department with their holders, the people, and the
// concurrent appointments of chiefs resident elsewhere.
type (
	xmlCountryMission struct {
		Territory string     `xml:"territory-id"`
		Chiefs    []xmlChief `xml:"chiefs>chief"`
		Nominees  []xmlChief `xml:"other-nominees>chief"`
	}
	xmlOrgMission struct {
		ID       string     `xml:"id"`
		Singular string     `xml:"names>singular"`
		Chiefs   []xmlChief `xml:"chiefs>chief"`
		Others   []xmlChief `xml:"other-appointees>chief"`
	}
	xmlChief struct {
		ID           string   `xml:"id"`
		PersonID     string   `xml:"person-id"`
		RoleTitleID  string   `xml:"role-title-id"`
		Contemporary string   `xml:"contemporary-territory-id"`
		Appointed    xmlDated `xml:"appointed"`
		Arrived      xmlDated `xml:"arrived"`
		Started      xmlDated `xml:"started"`
		Ended        xmlDated `xml:"ended"`
		Note         xmlMixed `xml:"note"`
	}
	xmlDated struct {
		Date string   `xml:"date"`
		Note xmlMixed `xml:"note"`
	}
	xmlMixed struct {
		Inner string `xml:",innerxml"`
	}
	xmlPosition struct {
		ID         string         `xml:"id"`
		Singular   string         `xml:"names>singular"`
		Principals []xmlPrincipal `xml:"principals>principal"`
		Others     []xmlPrincipal `xml:"other-appointees>principal"`
	}
	xmlPrincipal struct {
		ID        string   `xml:"id"`
		PersonID  string   `xml:"person-id"`
		Appointed xmlDated `xml:"appointed"`
		Started   xmlDated `xml:"started"`
		Ended     xmlDated `xml:"ended"`
		Note      xmlMixed `xml:"note"`
	}
	xmlPerson struct {
		ID       string   `xml:"id"`
		Surname  string   `xml:"persName>surname"`
		Forename string   `xml:"persName>forename"`
		GenName  string   `xml:"persName>genName"`
		Altnames []string `xml:"persName>altname"`
		Birth    string   `xml:"birth"`
		Death    string   `xml:"death"`
	}
	xmlConcurrent struct {
		ID        string   `xml:"id"`
		PersonID  string   `xml:"person-id"`
		Locale    string   `xml:"resident-at>locale-id"`
		Territory string   `xml:"resident-at>contemporary-territory-id"`
		ChiefIDs  []string `xml:"chief-id"`
	}
)

func (m xmlMixed) text() string { return plain(m.Inner) }

// roleTitles are the titles of the role-title-ids of chiefs of mission to
// countries, as the Office's pages word them; the roles of missions to
// organizations take the mission's name.
var roleTitles = map[string]string{
	"ambassador-e-p": "Ambassador Extraordinary and Plenipotentiary",
	"envoy-extraordinary-minister-plenipotentiary":                "Envoy Extraordinary and Minister Plenipotentiary",
	"envoy-extraordinary-minister-plenipotentiary-consul-general": "Envoy Extraordinary and Minister Plenipotentiary/Consul General",
	"charge-daffaires-ad-interim":                                 "Chargé d'Affaires ad interim",
	"charge-daffaires":                                            "Chargé d'Affaires",
	"charge-daffaires-consul-general":                             "Chargé d'Affaires/Consul General",
	"charge-daffaires-pro-tem":                                    "Chargé d'Affaires pro tempore",
	"minister-resident":                                           "Minister Resident",
	"minister-resident-consul-general":                            "Minister Resident/Consul General",
	"minister-resident-and-extraordinary":                         "Minister Resident and Extraordinary",
	"minister-resident-foreign-service-officer":                   "Minister Resident/Foreign Service Officer",
	"minister-plenipotentiary":                                    "Minister Plenipotentiary",
	"minister":                                                    "Minister",
	"principal-officer":                                           "Principal Officer",
	"acting-principal-officer":                                    "Acting Principal Officer",
	"agent-consul-general":                                        "Agent/Consul General",
	"agent":                                                       "Agent",
	"consul-general":                                              "Consul General",
	"commissioner":                                                "Commissioner",
	"commissioner-consul-general":                                 "Commissioner/Consul General",
	"diplomatic-agent":                                            "Diplomatic Agent",
	"diplomatic-agent-consul-general":                             "Diplomatic Agent/Consul General",
	"personal-representative-of-the-president":                    "Personal Representative of the President",
	"representative":                                              "Representative",
	"director":                                                    "Director",
	"chief":                                                       "Chief of Mission",
}

// uncredentialed roles take charge of a mission without presenting
// credentials to the head of state: their start is not a presentation.
var uncredentialed = map[string]bool{"charge-daffaires-ad-interim": true, "charge-daffaires-pro-tem": true}

// organizations are the organizations of missions-orgs: the actor and its
// name. The Office for Arms Reduction Negotiations is a body of the United
// States.
var organizations = map[string]struct {
	id, name string
	body     bool
}{
	"representative-to-asean":  {"asean", "Association of Southeast Asian Nations", false},
	"representative-to-au":     {"african-union", "African Union", false},
	"representative-to-eu":     {"european-union", "European Union", false},
	"representative-to-iaea":   {"iaea", "International Atomic Energy Agency", false},
	"representative-to-icao":   {"icao", "International Civil Aviation Organization", false},
	"representative-to-nato":   {"nato", "North Atlantic Treaty Organization", false},
	"representative-to-oas":    {"oas", "Organization of American States", false},
	"representative-to-oecd":   {"oecd", "Organisation for Economic Co-operation and Development", false},
	"representative-to-osce":   {"osce", "Organization for Security and Co-operation in Europe", false},
	"representative-to-un":     {"united-nations", "United Nations", false},
	"representative-to-unafa":  {"un-food-agriculture", "United Nations Agencies for Food and Agriculture", false},
	"representative-to-unesco": {"unesco", "United Nations Educational, Scientific and Cultural Organization", false},
	"representative-to-unido":  {"unido", "United Nations Industrial Development Organization", false},
	"representative-to-usoarn": {"us-office-arms-reduction", "U.S. Office for Arms Reduction Negotiations", true},
	"representative-uneo":      {"un-geneva", "European Office of the United Nations", false},
	"representative-unvo":      {"un-vienna", "Vienna Office of the United Nations", false},
}

// people reads the people of pocom as they are needed.
type people struct {
	dir  string
	byID map[string]*xmlPerson
}

func (p *people) get(id string) (*xmlPerson, error) {
	if x, ok := p.byID[id]; ok {
		return x, nil
	}
	if id == "" || strings.ContainsAny(id, "/\\.") {
		return nil, fmt.Errorf("person id %q", id)
	}
	var x xmlPerson
	path := filepath.Join(p.dir, id[:1], id+".xml")
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("person %q is not in pocom/people", id)
	}
	if err := readXML(path, &x); err != nil {
		return nil, err
	}
	if p.byID == nil {
		p.byID = map[string]*xmlPerson{}
	}
	p.byID[id] = &x
	return &x, nil
}

// actor adds the person of pocom: named by forename, surname and
// generation ("Jr."), with the other forms of the name as aliases, and
// living from the year of birth to that of death.
func (p *people) actor(id string, actors *actorSet) (event.ActorID, error) {
	x, err := p.get(id)
	if err != nil {
		return "", err
	}
	name := cleanText(cleanText(x.Forename) + " " + cleanText(x.Surname))
	if g := cleanText(x.GenName); g != "" {
		name += ", " + g
	}
	if name == "" {
		return "", fmt.Errorf("person %q has no name", id)
	}
	a := event.Actor{ID: event.ActorID(id), Type: event.Person, Name: name, Country: "US"}
	for _, n := range x.Altnames {
		if n = cleanText(n); n != "" && n != name && !containsString(a.Aliases, n) {
			a.Aliases = append(a.Aliases, n)
		}
	}
	birth, death := strings.TrimSpace(x.Birth), strings.TrimSpace(x.Death)
	if birth != "" || death != "" {
		if p, err := event.ParseDate(birth + "/" + death); err == nil {
			a.Period = p
		}
	}
	return actors.put(a), nil
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// importPrincipals reads the principal officers of the Department of
// State (pocom/positions-principals) and gives each holder the office with
// its term: from the start (or else the appointment) to the end, an
// unknown end when there is none. Appointees who never served are
// reported.
func importPrincipals(dir string, actors *actorSet) (*setResult, error) {
	files, err := filepath.Glob(filepath.Join(dir, "positions-principals", "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no principal positions in %s", dir)
	}
	ppl := &people{dir: filepath.Join(dir, "people")}
	us := actors.unitedStates()
	r := &setResult{}
	for _, f := range files {
		var doc xmlPosition
		if err := readXML(f, &doc); err != nil {
			return nil, err
		}
		title := cleanText(doc.Singular)
		for i, list := range [][]xmlPrincipal{doc.Principals, doc.Others} {
			for _, p := range list {
				r.records++
				rec := problem{File: filepath.Base(f), Record: strings.TrimSpace(p.ID)}
				term, err := termOf(p.Appointed.Date, p.Started.Date, p.Ended.Date)
				if i == 1 && strings.TrimSpace(p.Started.Date) == "" {
					err = errors.New("appointee who did not serve: no term")
					rec.Detail = p.Note.text()
				}
				var id event.ActorID
				if err == nil {
					id, err = ppl.actor(strings.TrimSpace(p.PersonID), actors)
				}
				if err == nil && title == "" {
					err = errors.New("position without a name")
				}
				if err != nil {
					rec.Reason = err.Error()
					r.problems = append(r.problems, rec)
					continue
				}
				actors.put(event.Actor{ID: id, Type: event.Person, Name: actors.name(id),
					Offices: []event.Office{{Title: title, Of: us, Period: term}}})
			}
		}
	}
	return r, nil
}

// termOf is the term of an office: from its start, or its appointment, to
// its end, which is unknown when not given.
func termOf(appointed, started, ended string) (event.Date, error) {
	from := strings.TrimSpace(started)
	if from == "" {
		from = strings.TrimSpace(appointed)
	}
	to := strings.TrimSpace(ended)
	if from == "" && to == "" {
		return event.Date{}, errors.New("no dates")
	}
	return event.ParseDate(from + "/" + to)
}

// approximate matches the notes of a start that is not the day itself:
// "On or shortly before", "About", "Soon after".
var approximate = regexp.MustCompile(`(?i)^(on or (shortly before|shortly after|about|before|after)\b|about\b|soon after|probably)`)

// importChiefs reads the chiefs of mission of pocom/missions-countries and
// pocom/missions-orgs: the appointment of each as an event (EnvoyAppointed),
// the presentation of credentials as another (CredentialsPresented; a
// chargé d'affaires ad interim presents none), and the term as an office
// of the person. Nominees and appointees who never served keep their
// appointment when they had one, with the note that says why they did not
// serve.
func importChiefs(dir string, actors *actorSet) (*setResult, error) {
	countries, err := filepath.Glob(filepath.Join(dir, "missions-countries", "*.xml"))
	if err != nil {
		return nil, err
	}
	orgs, err := filepath.Glob(filepath.Join(dir, "missions-orgs", "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(countries) == 0 {
		return nil, fmt.Errorf("no missions in %s", dir)
	}
	resident, err := residences(dir)
	if err != nil {
		return nil, err
	}
	// The chiefs' events and offices name the receiving state as it was
	// called then, from the labels of the sets imported before.
	actors.finish()
	m := &missions{ppl: &people{dir: filepath.Join(dir, "people")}, actors: actors, resident: resident, r: &setResult{}}
	for _, f := range countries {
		var doc xmlCountryMission
		if err := readXML(f, &doc); err != nil {
			return nil, err
		}
		for i, list := range [][]xmlChief{doc.Chiefs, doc.Nominees} {
			for _, c := range list {
				slug := canonicalSlug(cmpOr(strings.TrimSpace(c.Contemporary), strings.TrimSpace(doc.Territory)))
				id, _ := actors.state(slug, pocomStates[slug], event.Date{})
				m.chief(filepath.Base(f), c, id, roleTitles[strings.TrimSpace(c.RoleTitleID)], i == 1)
			}
		}
	}
	for _, f := range orgs {
		var doc xmlOrgMission
		if err := readXML(f, &doc); err != nil {
			return nil, err
		}
		org, ok := organizations[strings.TrimSpace(doc.ID)]
		if !ok {
			return nil, fmt.Errorf("%s: unknown organization %q", f, doc.ID)
		}
		a := event.Actor{ID: event.ActorID(org.id), Type: event.Organization, Name: org.name}
		if org.body {
			a.Type, a.Country = event.Body, "US"
		}
		id := actors.put(a)
		for i, list := range [][]xmlChief{doc.Chiefs, doc.Others} {
			for _, c := range list {
				title := roleTitles[strings.TrimSpace(c.RoleTitleID)]
				if strings.TrimSpace(c.RoleTitleID) == strings.TrimSpace(doc.ID) {
					title = cleanText(doc.Singular)
				}
				m.chief(filepath.Base(f), c, id, title, i == 1)
			}
		}
	}
	return m.r, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// missions is the state of importing chiefs of mission.
type missions struct {
	ppl      *people
	actors   *actorSet
	resident map[string]string // chief id → "resident at" remark
	r        *setResult
	seen     map[string][]xmlChief // chief ids read, with their records
}

// pocomStates names the states that only pocom knows.
var pocomStates = map[string]string{"vietnam-south": "Republic of Vietnam"}

// chief maps one chief of mission to a receiving actor, which the events
// and the office name as it was called at the appointment or the start.
func (m *missions) chief(file string, c xmlChief, receiving event.ActorID, title string, nominee bool) {
	m.r.records++
	rec := problem{File: file, Record: strings.TrimSpace(c.ID)}
	// pocom repeats a few ids. A repeat of the same appointment (one
	// person, role and date of appointment: tr-2014-bass-01) is imported
	// into the events of the first; another appointment under the same
	// id (a chargé d'affaires and later the ambassador, bz-1983-barn-01)
	// gets events of its own, identified by the id and its occurrence.
	if m.seen == nil {
		m.seen = map[string][]xmlChief{}
	}
	eventID := rec.Record
	prev := m.seen[rec.Record]
	m.seen[rec.Record] = append(prev, c)
	for _, p := range prev {
		if sameAppointment(p, c) {
			m.r.merged++
			rec.Reason = "repeats the record of the same appointment under its id: imported into its events"
			m.r.notes = append(m.r.notes, rec)
			m.addOffice(c, receiving, title, nominee)
			return
		}
	}
	if len(prev) > 0 {
		eventID += "#" + strconv.Itoa(len(prev)+1)
		rec.Reason = "repeats the id of another appointment: its events are identified as " + eventID
		m.r.notes = append(m.r.notes, rec)
		rec.Reason = ""
	}
	fail := func(err error) {
		rec.Reason = err.Error()
		m.r.problems = append(m.r.problems, rec)
	}
	role := strings.TrimSpace(c.RoleTitleID)
	if title == "" {
		fail(fmt.Errorf("unknown role title %q", role))
		return
	}
	person, err := m.ppl.actor(strings.TrimSpace(c.PersonID), m.actors)
	if err != nil {
		fail(err)
		return
	}
	name := m.actors.name(person)
	at := event.Date{}
	for _, s := range []string{c.Started.Date, c.Appointed.Date, c.Arrived.Date, c.Ended.Date} {
		if d, err := event.ParseDate(strings.TrimSpace(s)); err == nil && strings.TrimSpace(s) != "" {
			at = d
			break
		}
	}
	ra, _ := m.actors.Actor(receiving)
	to := ra.NameAt(at)
	note := c.Note.text()
	if r := m.resident[rec.Record]; r != "" {
		note = strings.TrimSpace(note + " " + r)
	}
	us := m.actors.unitedStates()
	base := event.Event{
		Status: event.Occurred,
		Participants: []event.Participation{
			{Actor: person, Role: event.Envoy, Capacity: title},
			{Actor: us, Role: event.SendingState},
			{Actor: receiving, Role: event.ReceivingState},
		},
		Tags: []string{"historian:pocom"},
		Sources: []event.Source{{Publisher: publisher, Lang: "en",
			URL:   site + "/departmenthistory/people/" + strings.TrimSpace(c.PersonID),
			Title: "Principal Officers and Chiefs of Mission: " + name}},
	}
	if nominee {
		base.Tags = append(base.Tags, "pocom:did-not-serve")
	}
	var events []event.Event
	var problems []string
	add := func(kind event.Kind, which string, d xmlDated, qualify bool) {
		s := strings.TrimSpace(d.Date)
		if s == "" {
			return
		}
		date, err := event.ParseDate(s)
		if err != nil {
			problems = append(problems, which+": "+err.Error())
			return
		}
		dn := d.Note.text()
		if qualify && approximate.MatchString(dn) {
			date = date.Qualified(event.Approximate)
		}
		e := base.Clone()
		if kind == event.EnvoyAppointed {
			// Appointed, the envoy does not hold the office yet: the
			// term starts with the credentials.
			e.Participants[0].Capacity = ""
		}
		e.ID = recordID("pocom/chiefs", eventID+"/"+which)
		e.Kind, e.Date = kind, date
		e.Title = fmt.Sprintf("%s: %s, %s, to %s", kind.Name(), name, title, to)
		e.Description = strings.TrimSpace(strings.Join(nonEmpty(dn, note), "\n\n"))
		if err := e.Validate(m.actors); err != nil {
			problems = append(problems, which+": "+err.Error())
			return
		}
		events = append(events, e)
	}
	add(event.EnvoyAppointed, "appointed", c.Appointed, false)
	if !uncredentialed[role] {
		add(event.CredentialsPresented, "credentials", c.Started, true)
	}
	held, err := m.addOffice(c, receiving, title, nominee)
	if err != nil {
		problems = append(problems, "term: "+err.Error())
	}
	switch {
	case len(problems) > 0:
		fail(errors.New(strings.Join(problems, "; ")))
	case len(events) == 0 && !held && nominee:
		rec.Detail = note
		fail(errors.New("nominee who never served, without a dated appointment"))
	case len(events) == 0 && !held:
		fail(errors.New("no dates"))
	default:
		m.r.events = append(m.r.events, events...)
	}
}

// addOffice gives the chief the office of the mission for the term, when
// the chief served: it reports whether there was a term.
func (m *missions) addOffice(c xmlChief, receiving event.ActorID, title string, nominee bool) (bool, error) {
	if nominee {
		return false, nil
	}
	start := cmpOr(strings.TrimSpace(c.Started.Date), strings.TrimSpace(c.Arrived.Date))
	term, err := termOf(c.Appointed.Date, start, c.Ended.Date)
	if err != nil {
		if strings.TrimSpace(c.Appointed.Date+start+c.Ended.Date) == "" {
			return false, nil
		}
		return false, err
	}
	ra, _ := m.actors.Actor(receiving)
	office := title // a mission to an organization names it in its title
	if ra.Type == event.State {
		office += " to " + ra.NameAt(term)
	}
	person := event.ActorID(strings.TrimSpace(c.PersonID))
	m.actors.put(event.Actor{ID: person, Type: event.Person, Name: m.actors.name(person),
		Offices: []event.Office{{Title: office, Of: m.actors.unitedStates(), Period: term}}})
	return true, nil
}

// sameAppointment reports whether two records of pocom are one
// appointment: one person in one role, appointed on one day.
func sameAppointment(a, b xmlChief) bool {
	return strings.TrimSpace(a.PersonID) == strings.TrimSpace(b.PersonID) &&
		strings.TrimSpace(a.RoleTitleID) == strings.TrimSpace(b.RoleTitleID) &&
		strings.TrimSpace(a.Appointed.Date) == strings.TrimSpace(b.Appointed.Date)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// residences reads the concurrent appointments: the chiefs accredited to a
// state while resident in another, as a remark for their events.
func residences(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "concurrent-appointments", "*.xml"))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range files {
		var c xmlConcurrent
		if err := readXML(f, &c); err != nil {
			return nil, err
		}
		where := strings.TrimSpace(c.Territory)
		if where == "" {
			continue
		}
		for _, id := range c.ChiefIDs {
			out[strings.TrimSpace(id)] = "Resident at " + residenceName(c.Locale, where) + " (concurrent appointment " + strings.TrimSpace(c.ID) + ")."
		}
	}
	return out, nil
}

// residenceName words a locale id ("london_uk") and territory for a
// remark: "london, united-kingdom".
func residenceName(locale, territory string) string {
	city, _, _ := strings.Cut(strings.TrimSpace(locale), "_")
	city = strings.ReplaceAll(city, "-", " ")
	if city == "" {
		return territory
	}
	return city + ", " + territory
}

// importConcurrent accounts for the concurrent appointments: each names
// chiefs of mission whose events carry it as a remark ([residences]); one
// that names a chief pocom does not have is reported.
func importConcurrent(dir string, _ *actorSet) (*setResult, error) {
	known := map[string]bool{}
	for _, sub := range []string{"missions-countries", "missions-orgs"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.xml"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			var c struct {
				IDs []string `xml:"chiefs>chief>id"`
				N   []string `xml:"other-nominees>chief>id"`
				O   []string `xml:"other-appointees>chief>id"`
			}
			if err := readXML(f, &c); err != nil {
				return nil, err
			}
			for _, l := range [][]string{c.IDs, c.N, c.O} {
				for _, id := range l {
					known[strings.TrimSpace(id)] = true
				}
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "concurrent-appointments", "*.xml"))
	if err != nil {
		return nil, err
	}
	r := &setResult{}
	for _, f := range files {
		var c xmlConcurrent
		if err := readXML(f, &c); err != nil {
			return nil, err
		}
		r.records++
		rec := problem{File: filepath.Base(f), Record: strings.TrimSpace(c.ID)}
		var missing []string
		for _, id := range c.ChiefIDs {
			if !known[strings.TrimSpace(id)] {
				missing = append(missing, strings.TrimSpace(id))
			}
		}
		switch {
		case len(c.ChiefIDs) == 0:
			rec.Reason = "names no chief of mission"
		case strings.TrimSpace(c.Territory) == "":
			rec.Reason = "names no place of residence"
		case len(missing) > 0:
			rec.Reason = "names chiefs of mission pocom does not have: " + strings.Join(missing, ", ")
		}
		if rec.Reason != "" {
			r.problems = append(r.problems, rec)
		}
	}
	return r, nil
}

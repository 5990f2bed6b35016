package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
)

// teiArticle is the part of an rdcr TEI article the importer reads.
type teiArticle struct {
	Titles []struct {
		Type string `xml:"type,attr"`
		Text string `xml:",innerxml"`
	} `xml:"teiHeader>fileDesc>titleStmt>title"`
	Divs []teiDiv `xml:"text>body>div"`
}

type teiDiv struct {
	Type string   `xml:"type,attr"`
	Head teiHead  `xml:"head"`
	Ps   []teiMix `xml:"p"`
	Divs []teiDiv `xml:"div"`
}

type teiHead struct {
	Inner string    `xml:",innerxml"`
	Dates []teiDate `xml:"date"`
}

type teiDate struct {
	When string `xml:"when,attr"`
	From string `xml:"from,attr"`
	To   string `xml:"to,attr"`
	Text string `xml:",chardata"`
}

type teiMix struct {
	Inner string `xml:",innerxml"`
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plain strips the markup of mixed content.
func plain(inner string) string {
	s := tags.ReplaceAllString(inner, "")
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")
	return cleanText(r.Replace(s))
}

// importRDCR reads rdcr/articles/*.xml: each entry (div type="timeline")
// of an article on a country is a record. An entry may tell of several
// events ("Recognition and Establishment of Diplomatic Relations"), each of
// which becomes an event.
func importRDCR(dir string, actors *actorSet) (*setResult, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no rdcr articles in %s", dir)
	}
	r := &setResult{}
	for _, f := range files {
		var doc teiArticle
		if err := readXML(f, &doc); err != nil {
			return nil, err
		}
		slug := strings.TrimSuffix(filepath.Base(f), ".xml")
		title := slug
		for _, t := range doc.Titles {
			if t.Type == "short" {
				title = plain(t.Text)
			}
		}
		a := &article{slug: slug, title: title, state: actors.title(slug, title), actors: actors}
		n := 0
		var walk func(divs []teiDiv)
		walk = func(divs []teiDiv) {
			for _, d := range divs {
				if d.Type == "timeline" {
					n++
					r.records++
					rec := problem{File: filepath.Base(f), Record: strconv.Itoa(n)}
					evs, notes, err := a.entry(rec.Record, d)
					for _, e := range evs {
						if err == nil {
							err = e.Validate(actors)
						}
					}
					if err != nil {
						rec.Reason = err.Error()
						r.problems = append(r.problems, rec)
					} else {
						r.events = append(r.events, evs...)
						for _, note := range notes {
							rec.Reason = note
							r.notes = append(r.notes, rec)
						}
					}
				}
				walk(d.Divs)
			}
		}
		walk(doc.Divs)
	}
	return r, nil
}

// article is the state of reading one article: its state, and whether an
// earlier entry told of relations, so that "Establishment of Full
// Diplomatic Relations" after a severance is a resumption.
type article struct {
	slug, title string
	state       event.ActorID
	actors      *actorSet
	relations   bool
}

// entry maps one entry to its events, with remarks for the report.
func (a *article) entry(rec string, d teiDiv) ([]event.Event, []string, error) {
	head := plain(d.Head.Inner)
	if head == "" {
		return nil, nil, errors.New("entry without heading")
	}
	facts, skip := rdcrFacts(head, a.relations)
	if len(facts) == 0 {
		return nil, nil, errors.New(skip)
	}
	date, notes, err := rdcrDate(d.Head.Dates, head)
	if err != nil {
		return nil, nil, err
	}
	if strings.Contains(strings.ToLower(head), "recogntion") {
		notes = append(notes, `heading kept as the XML has it: "Recogntion" for "Recognition"`)
	}
	var ps []string
	for _, p := range d.Ps {
		ps = append(ps, plain(p.Inner))
	}
	state, _ := a.actors.state(a.slug, a.title, event.Date{})
	us := a.actors.unitedStates()
	var out []event.Event
	for i, f := range facts {
		id := recordID("countries/"+a.slug, rec)
		if i > 0 {
			id = recordID("countries/"+a.slug, rec+"/"+f.kind.String())
		}
		e := event.Event{
			ID:          id,
			Kind:        f.kind,
			Title:       fmt.Sprintf("%s: %s", a.title, strings.TrimSuffix(head, ".")),
			Description: strings.Join(ps, "\n\n"),
			Date:        date,
			Status:      event.Occurred,
			Tags:        append([]string{"historian:rdcr"}, f.tags...),
			Sources: []event.Source{{
				Publisher: publisher,
				URL:       site + "/countries/" + a.slug,
				Title:     "A Guide to the United States' History of Recognition, Diplomatic, and Consular Relations, by Country, since 1776: " + a.title,
				Lang:      "en",
			}},
		}
		if len(facts) > 1 {
			e.Title += " (" + strings.ToLower(f.kind.Name()) + ")"
		}
		actor, other := us, state // who acts (recognizes, sends), who is acted upon
		if f.foreign {
			actor, other = state, us
		}
		switch f.kind {
		case event.Recognition, event.RecognitionWithdrawn:
			e.Participants = []event.Participation{{Actor: actor, Role: event.Recognizer}, {Actor: other, Role: event.Recognized}}
			if f.mutual {
				e.Participants = append(e.Participants, event.Participation{Actor: other, Role: event.Recognizer}, event.Participation{Actor: actor, Role: event.Recognized})
			}
		case event.EmbassyOpened, event.EmbassyClosed:
			e.Participants = []event.Participation{{Actor: actor, Role: event.SendingState}, {Actor: other, Role: event.ReceivingState}}
		default:
			e.Participants = []event.Participation{{Actor: us, Role: event.Party}, {Actor: state, Role: event.Party}}
			a.relations = true
		}
		out = append(out, e)
	}
	return out, notes, nil
}

// An rdcrFact is one event an entry's heading tells of.
type rdcrFact struct {
	kind event.Kind
	tags []string
	// foreign says the state, not the United States, recognized or sent
	// the mission; mutual, that both recognized each other.
	foreign, mutual bool
}

var (
	rxNonRecognition = regexp.MustCompile(`non-recogni`)
	rxRecognition    = regexp.MustCompile(`recogni|recogntion`)
	rxForeignRecog   = regexp.MustCompile(`recogni\w*\s+(of\s+)?(the\s+)?(united states|u\.s\. independence|independence of the united states)|recognizes?\s+the\s+united states`)
	rxMutual         = regexp.MustCompile(`mutual|between the u\.s\. and`)
	rxSevered        = regexp.MustCompile(`sever|cessation of (diplomatic )?relations|relations\b.*\binterrupted|interruption of relations|termination of (diplomatic )?relations|relations ended|suspension of diplomatic relations|relations broken`)
	rxResumed        = regexp.MustCompile(`resum|re-?establish|restor|re-opening of diplomatic|normalized`)
	rxEstablished    = regexp.MustCompile(`establishment of (full |formal )?(diplomatic )?relations|diplomatic relations established`)
	rxLevel          = regexp.MustCompile(`ambassadorial relations|expansion of relations|relations altered|elevation of the u\.s\. representative`)
	rxMission        = regexp.MustCompile(`embassy|legation|liaison office|interests? section|\bmission\b|diplomatic presence|office of the u\.s\. representative`)
	rxMissionClosed  = regexp.MustCompile(`clos|suspen|evacuat|withdrawn|termination of|downgrad`)
	rxMissionOpened  = regexp.MustCompile(`establish|open|elevat|raised|upgrad|installation|resum|re-?establish`)
	rxMissionMoved   = regexp.MustCompile(`move|relocat|return|transferred`)
	rxForeignMission = regexp.MustCompile(`(in|to) (the )?(united states|u\.s\.)|in washington`)
	rxDemonym        = regexp.MustCompile(`\b([A-Z][a-zé]+(an|ian|ese|ish|ch|ic))\s+(?i:embassy|legation)`)
	rxEnvoy          = regexp.MustCompile(`ambassador|credentials|accredit|minister to|u\.s\. minister|special representative|representative .*appointed|appointment of|envoy`)
	rxConsular       = regexp.MustCompile(`consul`)
	rxTreaty         = regexp.MustCompile(`treaty|treaties|convention|agreement|accord\b|protocol|accession to`)
	rxVisit          = regexp.MustCompile(`reception of|\bvisit`)
	rxWar            = regexp.MustCompile(`\bwar\b|hostilities|invasion|coalition provisional`)
	rxStatehood      = regexp.MustCompile(`unification|\bjoins?\b|incorporation|dissolution|independen|proclamation|establishment of the (kingdom|republic|socialist|batavian|arab)|becomes|transfer of sovereignty|annex|formation|division of|under (french|ottoman|italian|spanish|russian)|control|coronation|revolution|government in|government-in|demise|entry of`)
)

// rdcrFacts reads the events a heading tells of, in the order of the
// model's kinds, or says why it tells of none. relationsBefore says an
// earlier entry of the article told of relations.
func rdcrFacts(head string, relationsBefore bool) (facts []rdcrFact, skip string) {
	h := strings.ToLower(head)
	if rxNonRecognition.MatchString(h) {
		return nil, "non-recognition: no event of the model"
	}
	if strings.HasPrefix(h, "no ") {
		return nil, "the guide states that there was no such relation or agreement"
	}
	if strings.Contains(h, "anniversary") {
		return nil, "an anniversary of an earlier event: no event of its own"
	}
	if rxRecognition.MatchString(h) {
		f := rdcrFact{kind: event.Recognition, foreign: rxForeignRecog.MatchString(h), mutual: rxMutual.MatchString(h)}
		if strings.Contains(h, "withdraw") {
			f.kind = event.RecognitionWithdrawn
		}
		if strings.Contains(h, "limited") {
			f.tags = append(f.tags, "limited")
		}
		facts = append(facts, f)
	}
	// Where a heading tells of two changes of relations ("Establishment
	// of Diplomatic Relations with PRC/Termination of Diplomatic Relations
	// with the Republic of China"), the first is the article's state's.
	sev, res, est := firstIndex(rxSevered, h), firstIndex(rxResumed, h), firstIndex(rxEstablished, h)
	if !strings.Contains(h, "relations") {
		res = -1
	}
	switch {
	case rxLevel.MatchString(h):
	case sev >= 0 && (res < 0 || sev < res) && (est < 0 || sev < est):
		f := rdcrFact{kind: event.RelationsSevered}
		switch {
		case strings.Contains(h, "by the united states") || strings.Contains(h, "united states severs"):
			f.tags = []string{"initiated-by:united-states"}
		case strings.Contains(h, "severed by "):
			f.tags = []string{"initiated-by:other-party"}
		}
		facts = append(facts, f)
	case res >= 0 && (est < 0 || res < est):
		facts = append(facts, rdcrFact{kind: event.RelationsResumed})
	case est >= 0:
		f := rdcrFact{kind: event.RelationsEstablished}
		if strings.Contains(h, "full") {
			f.tags = []string{"full-relations"}
			if relationsBefore {
				f.kind = event.RelationsResumed
			}
		}
		facts = append(facts, f)
	}
	if m := rxMission.FindStringIndex(h); m != nil {
		f := rdcrFact{foreign: rxForeignMission.MatchString(h) || rxDemonym.MatchString(head) && !strings.Contains(h, "american")}
		switch {
		case rxMissionClosed.MatchString(h):
			f.kind = event.EmbassyClosed
			if strings.Contains(h, "suspen") || strings.Contains(h, "evacuat") || strings.Contains(h, "withdrawn") {
				f.tags = append(f.tags, "suspended")
			}
		case rxMissionOpened.MatchString(h) && !(rxMissionMoved.MatchString(h) && !strings.Contains(h, "establish")):
			f.kind = event.EmbassyOpened
			switch {
			case strings.Contains(h, "elevat") || strings.Contains(h, "raised") || strings.Contains(h, "upgrad"):
				f.tags = append(f.tags, "raised-to-embassy")
			case rxResumed.MatchString(h) || strings.Contains(h, "reopen") || strings.Contains(h, "re-open"):
				f.tags = append(f.tags, "reopened")
			}
			if strings.Contains(h, "legation") && !strings.Contains(h, "embassy") {
				f.tags = append(f.tags, "legation")
			}
		}
		if f.kind != 0 {
			facts = append(facts, f)
		} else if len(facts) == 0 && rxMissionMoved.MatchString(h) {
			return nil, "a mission moved: the model has no kind for it"
		}
	}
	if len(facts) > 0 {
		return facts, ""
	}
	switch {
	case rxLevel.MatchString(h):
		return nil, "the level of relations changed (ambassadors, expansion): the model has no kind for it"
	case rxEnvoy.MatchString(h):
		return nil, "an envoy's appointment, accreditation or recall: the chiefs of mission come from pocom"
	case rxConsular.MatchString(h):
		return nil, "consular relations or posts: the model has no consular kinds"
	case rxTreaty.MatchString(h):
		return nil, "a treaty or agreement: the guide names the instrument, not a party's treaty action"
	case rxVisit.MatchString(h):
		return nil, "a visit or reception: the visits and travels data hold them"
	case rxWar.MatchString(h):
		return nil, "war, hostilities or occupation: the model has no kinds for them"
	case rxStatehood.MatchString(h):
		return nil, "a change of statehood, territory or government: kept as the actors' periods and succession, not as an event"
	}
	return nil, "a background heading (trade, people, places, other ties): no event of the model"
}

// firstIndex returns where re first matches s, or -1.
func firstIndex(re *regexp.Regexp, s string) int {
	if m := re.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

var (
	rxYears     = regexp.MustCompile(`\b(\d{4})(?:\s*[-–]\s*(\d{2,4}))?\b`)
	rxMonth     = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b`)
	rxYearAtEnd = regexp.MustCompile(`,\s*(?:(?i:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(\d{4})(?:\s*[-–]\s*(\d{2,4}))?\.?$`)
)

// rdcrDate reads the date of an entry: the first <date> of its heading
// (@when, @from/@to, or its text), or, without one, the year the heading
// ends with as plain text ("Establishment of Diplomatic Relations,
// 1992."). Where a date's attribute names another year than its text
// ("1933" for "1993"), the text is what the guide shows its readers: its
// date is used and the disagreement noted.
func rdcrDate(ds []teiDate, head string) (event.Date, []string, error) {
	if len(ds) == 0 {
		m := rxYearAtEnd.FindStringSubmatch(head)
		if m == nil {
			return event.Date{}, nil, errors.New("no date in heading")
		}
		d, err := textDate(head[strings.LastIndex(head, ",")+1:])
		if err != nil {
			return event.Date{}, nil, err
		}
		return d, []string{"date read from the heading's text, which has no <date>"}, nil
	}
	d := ds[0]
	text := cleanText(d.Text)
	var attr event.Date
	var err error
	switch {
	case d.When != "":
		attr, err = event.ParseDate(strings.TrimSpace(d.When))
	case d.From != "" || d.To != "":
		var from, to event.Date
		from, err = event.ParseDate(strings.TrimSpace(d.From))
		if err == nil {
			to, err = event.ParseDate(strings.TrimSpace(d.To))
		}
		if err == nil {
			attr, err = event.Between(from, to)
		}
	default:
		if text == "" {
			return event.Date{}, nil, errors.New("empty <date> in heading")
		}
		attr, err = textDate(text)
		return attr, nil, err
	}
	if err != nil {
		return event.Date{}, nil, err
	}
	fromText, terr := textDate(text)
	if terr != nil || sameYears(attr, fromText) {
		return attr, nil, nil
	}
	return fromText, []string{fmt.Sprintf("date attribute %s disagrees with its text %q: the text's %s is used", attr, text, fromText)}, nil
}

// textDate reads a date as the guide writes it: "1992", "December 2006",
// "1990-91", "1786-1796".
func textDate(text string) (event.Date, error) {
	text = cleanText(text)
	if m := rxMonth.FindStringSubmatch(text); m != nil {
		month := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(m[1][:3]))/3 + 1
		return event.ParseDate(fmt.Sprintf("%s-%02d", m[2], month))
	}
	m := rxYears.FindStringSubmatch(text)
	if m == nil {
		return event.Date{}, fmt.Errorf("date %q is not a year", text)
	}
	if m[2] == "" {
		return event.ParseDate(m[1])
	}
	end := m[2]
	if len(end) == 2 {
		end = m[1][:2] + end
	}
	return event.ParseDate(m[1] + "/" + end)
}

// sameYears reports whether two dates cover the same first and last years.
func sameYears(a, b event.Date) bool {
	a1, ok1 := a.Earliest()
	a2, ok2 := a.Latest()
	b1, ok3 := b.Earliest()
	b2, ok4 := b.Latest()
	return ok1 == ok3 && ok2 == ok4 && (!ok1 || a1.Year() == b1.Year()) && (!ok2 || a2.Year() == b2.Year())
}

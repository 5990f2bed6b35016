package main

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/accordline/accordline/event"
)

// finish gives every state its names through time, from the labels its
// records give it with the days on which they use them, and the facts of
// [knownStates]: the period the state existed, its predecessors, and the
// names whose dates the labels get wrong.
//
// Today's name is the article's short title where a record uses it too
// (or the part of it outside parentheses, "Samoa"; "South Korea" of
// "Republic of Korea (South Korea)"), and otherwise the label used last, so
// that an actor is called today what its latest records call it.
func (s *actorSet) finish() {
	for _, id := range s.order {
		a := s.byID[id]
		if a.Type != event.State {
			continue
		}
		uses := s.labels[id]
		title, aliases, period := splitTitle(s.titles[id])
		a.Name = canonicalName(title, aliases, uses, a.Name)
		for _, n := range append([]string{title}, aliases...) {
			if n != "" && n != a.Name && !slices.Contains(a.Aliases, n) {
				a.Aliases = append(a.Aliases, n)
			}
		}
		a.Aliases = slices.DeleteFunc(a.Aliases, func(n string) bool { return uses[n] != nil })
		a.History = historyOf(uses, a.Name)
		if !period.IsZero() && a.Period.IsZero() {
			a.Period = period
		}
		if f, ok := knownStates[string(id)]; ok {
			f.apply(a)
		}
	}
}

var titlePeriod = regexp.MustCompile(`^\((\d{4})-(\d{2})\)$`)

// splitTitle cleans an article title: "Benin (Dahomey)" is "Benin" with
// the alias "Dahomey", "Federal Government of Germany (1848-49)*" is
// "Federal Government of Germany" of 1848 to 1849; the asterisk that
// marks historical states goes.
func splitTitle(t string) (title string, aliases []string, period event.Date) {
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "*"))
	if t == "" {
		return "", nil, event.Date{}
	}
	open := strings.LastIndex(t, " (")
	if open < 0 || !strings.HasSuffix(t, ")") {
		return t, nil, event.Date{}
	}
	inner := t[open+1:]
	title = t[:open]
	if m := titlePeriod.FindStringSubmatch(inner); m != nil {
		p, err := event.ParseDate(m[1] + "/" + m[1][:2] + m[2])
		if err == nil {
			return title, nil, p
		}
	}
	return title, []string{strings.TrimSuffix(strings.TrimPrefix(inner, "("), ")")}, event.Date{}
}

// canonicalName chooses today's name: the title or one of its aliases when
// records use it, else the label used last (the most used of those last
// used on one day), else the title, else what the actor is called.
func canonicalName(title string, aliases []string, uses map[string]*labelUse, fallback string) string {
	for _, n := range append([]string{title}, aliases...) {
		if uses[n] != nil {
			return n
		}
	}
	best := ""
	for _, l := range slices.Sorted(maps.Keys(uses)) {
		u, b := uses[l], uses[best]
		if b == nil || u.last > b.last || u.last == b.last && u.n > b.n {
			best = l
		}
	}
	return cmp.Or(best, title, fallback)
}

// historyOf turns the labels into names with the periods of their use,
// earliest first. A state known by one label only needs no history.
func historyOf(uses map[string]*labelUse, name string) []event.Name {
	if len(uses) == 0 || len(uses) == 1 && uses[name] != nil {
		return nil
	}
	var out []event.Name
	for _, l := range slices.Sorted(maps.Keys(uses)) {
		u := uses[l]
		p := event.OnDay(u.first.Date())
		if u.last != u.first {
			p, _ = event.Between(p, event.OnDay(u.last.Date())) // first <= last
		}
		out = append(out, event.Name{Text: l, Period: p})
	}
	slices.SortStableFunc(out, func(a, b event.Name) int { return a.Period.Compare(b.Period) })
	return out
}

// stateFacts are what the records do not say about a state, from the
// Office's own articles ("Dissolution of the Soviet Union and Recognition
// of the Russian Federation, 1991") and the dates of independence and
// renaming they give.
type stateFacts struct {
	period       string // EDTF; "" when the slug spans several states (armenia: 1920 and 1991)
	predecessors []event.Succession
	// names have known periods; each replaces the span over which the
	// records use the same label, which can lag (trips of February 1992
	// to the "U.S.S.R.") or cover one record only ("Malaya" in 1960).
	names []event.Name
}

func (f stateFacts) apply(a *event.Actor) {
	if f.period != "" {
		a.Period = event.MustParseDate(f.period)
	}
	for _, p := range f.predecessors {
		if !slices.Contains(a.Predecessors, p) {
			a.Predecessors = append(a.Predecessors, p)
		}
	}
	for _, n := range f.names {
		a.History = slices.DeleteFunc(a.History, func(h event.Name) bool { return h.Text == n.Text && h.Lang == n.Lang })
		a.History = append(a.History, n)
		a.Aliases = slices.DeleteFunc(a.Aliases, func(s string) bool { return s == n.Text })
	}
	slices.SortStableFunc(a.History, func(x, y event.Name) int { return x.Period.Compare(y.Period) })
}

func name(text, period string) event.Name {
	return event.Name{Text: text, Period: event.MustParseDate(period)}
}

func preds(kind event.SuccessionKind, ids ...string) []event.Succession {
	out := make([]event.Succession, len(ids))
	for i, id := range ids {
		out[i] = event.Succession{Actor: event.ActorID(id), Kind: kind}
	}
	return out
}

// knownStates are the facts of [stateFacts] by slug.
var knownStates = map[string]stateFacts{
	// The slug "russia" is Russia before 1917, the Soviet Union in the
	// records of visits and travels ("U.S.S.R."), and the Russian
	// Federation; the Office's guide tells the Soviet Union apart, which
	// the Russian Federation continues.
	"russia": {predecessors: preds(event.Continuation, "soviet-union"),
		names: []event.Name{name("U.S.S.R.", "1922-12-30/1991-12-25"), name("Russia", "1991-12-26/..")}},
	"soviet-union": {period: "1922-12-30/1991-12-26"},
	// The other Soviet republics in the data whose slug is one state only
	// (the Armenian Republic of 1920 shares its slug with today's).
	"azerbaijan": {period: "1991-10-18/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"belarus": {period: "1991-08-25/..", predecessors: preds(event.Dissolution, "soviet-union"),
		names: []event.Name{name("Byelorussia", "../1991-09-18"), name("Belarus", "1991-09-19/..")}},
	"kazakhstan": {period: "1991-12-16/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"kyrgyzstan": {period: "1991-08-31/..", predecessors: preds(event.Dissolution, "soviet-union"),
		names: []event.Name{name("Kirghizia", "../1990-12-14"), name("Kyrgyzstan", "1990-12-15/..")}},
	"moldova":      {period: "1991-08-27/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"tajikistan":   {period: "1991-09-09/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"turkmenistan": {period: "1991-10-27/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"uzbekistan":   {period: "1991-08-31/..", predecessors: preds(event.Dissolution, "soviet-union")},
	"armenia":      {predecessors: preds(event.Dissolution, "soviet-union")},
	"georgia":      {predecessors: preds(event.Dissolution, "soviet-union")},
	"ukraine":      {predecessors: preds(event.Dissolution, "soviet-union")},

	"czechoslovakia": {period: "1918-10-28/1992-12-31"},
	"czechia":        {period: "1993-01-01/..", predecessors: preds(event.Dissolution, "czechoslovakia")},
	"slovakia":       {period: "1993-01-01/..", predecessors: preds(event.Dissolution, "czechoslovakia")},

	// Yugoslavia, in every slug, is one actor; its successors.
	"croatia":            {period: "1991-06-25/..", predecessors: preds(event.Dissolution, "kingdom-of-yugoslavia")},
	"slovenia":           {period: "1991-06-25/..", predecessors: preds(event.Dissolution, "kingdom-of-yugoslavia")},
	"bosnia-herzegovina": {period: "1992-03-03/..", predecessors: preds(event.Dissolution, "kingdom-of-yugoslavia")},
	"north-macedonia":    {period: "1991-09-08/..", predecessors: preds(event.Dissolution, "kingdom-of-yugoslavia")},
	"serbia":             {predecessors: preds(event.Dissolution, "kingdom-of-yugoslavia")},
	"montenegro":         {predecessors: preds(event.Secession, "serbia")},
	"kosovo":             {period: "2008-02-17/..", predecessors: preds(event.Secession, "serbia")},

	"south-sudan": {period: "2011-07-09/..", predecessors: preds(event.Secession, "sudan")},
	"eritrea":     {period: "1993-05-24/..", predecessors: preds(event.Secession, "ethiopia")},
	"bangladesh":  {period: "1971-03-26/..", predecessors: preds(event.Secession, "pakistan")},

	// Germany: the Federal Republic, which records call so until 2023,
	// united with the German Democratic Republic on 3 October 1990; the
	// German Empire of 1871 united the German states.
	"german-democratic-republic": {period: "1949-10-07/1990-10-02"},
	"germany": {predecessors: append(append(preds(event.Continuation, "north-german-confederation", "north-german-union"),
		preds(event.Unification, "german-democratic-republic", "baden", "bavaria", "hesse", "wurttemberg", "mecklenburg-schwerin",
			"mecklenburg-strelitz", "oldenburg", "schaumburg-lippe", "brunswick-luneburg", "hanseatic-republics")...),
		preds(event.Incorporation, "hanover", "nassau")...),
		names: []event.Name{name("Germany, Federal Republic of", "1949-05-23/1990-10-02")}},

	// Italy: the Kingdom of Sardinia became the Kingdom of Italy, which
	// took in the other Italian states; Sardinia had taken in Genoa.
	"italy": {predecessors: append(preds(event.Continuation, "piedmont-sardinia"),
		preds(event.Incorporation, "two-sicilies", "parma", "grand-duchy-tuscany", "papal-states")...)},
	"piedmont-sardinia": {predecessors: preds(event.Incorporation, "genoa")},

	"united-states": {predecessors: preds(event.Incorporation, "texas", "hawaii")},
	"texas":         {period: "1836-03-02/1845-12-29"},
	"hawaii":        {period: "../1898-08-12"},
	"japan":         {predecessors: preds(event.Incorporation, "lew-chew")},
	"south-africa":  {predecessors: preds(event.Incorporation, "orange-free-state")},
	"guatemala":     {predecessors: preds(event.Dissolution, "central-american-federation")},
	"honduras":      {predecessors: preds(event.Dissolution, "central-american-federation")},
	"el-salvador":   {predecessors: preds(event.Dissolution, "central-american-federation")},
	"nicaragua":     {predecessors: preds(event.Dissolution, "central-american-federation")},
	"costa-rica":    {predecessors: preds(event.Dissolution, "central-american-federation")},

	// Names whose records' spans mislead.
	"yemen": {names: []event.Name{name("Kingdom of Yemen", "1918-10-30/1962-09-25"),
		name("Yemen Arab Republic", "1962-09-26/1990-05-21"), name("Yemen", "1990-05-22/..")}},
	"malaysia":                  {names: []event.Name{name("Malaya", "1957-08-31/1963-09-15"), name("Malaysia", "1963-09-16/..")}},
	"congo-democratic-republic": {names: []event.Name{name("Zaire", "1971-10-27/1997-05-16")}},
	"china":                     {names: []event.Name{name("China, Republic of", "1912-01-01/1949-09-30")}},
	// pocom's State of Vietnam (to 1955) and Republic of Vietnam.
	"vietnam-south": {period: "1949-07-01/1975-04-30",
		names: []event.Name{name("State of Vietnam", "1949-07-01/1955-10-25"), name("Republic of Vietnam", "1955-10-26/1975-04-30")}},
	// The records' "taiwan" is the Republic of China on Taiwan, whose name
	// they give it too.
	"taiwan": {period: "1949-12-07/.."},
}

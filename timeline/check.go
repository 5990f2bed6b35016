package timeline

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/accordline/accordline/event"
)

// An UnknownNameError reports a name in a query that names nothing in the
// timeline, with the names that come closest to it.
type UnknownNameError struct {
	Name        string   // the name as given: "Marokko"
	Suggestions []string // "Morocco"; empty when nothing comes close
}

// Error returns `names nothing in the timeline; did you mean "Morocco"?`.
func (e *UnknownNameError) Error() string {
	msg := ErrUnknownName.Error()
	if len(e.Suggestions) > 0 {
		quoted := make([]string, len(e.Suggestions))
		for i, s := range e.Suggestions {
			quoted[i] = strconv.Quote(s)
		}
		msg += "; did you mean " + strings.Join(quoted, " or ") + "?"
	}
	return msg
}

// Unwrap returns [ErrUnknownName].
func (e *UnknownNameError) Unwrap() error { return ErrUnknownName }

// Check reports the names in q that name nothing in the timeline, which
// make q select nothing where it was meant to select something: a
// misspelt actor (WithActor("Marokko")), country, instrument
// (History("Abraham Accord") is WithInstrument), tag or publisher. The
// error is an [event.ErrorList] of problems whose paths name the query
// ("and[1].WithActor") and whose reasons are [*UnknownNameError]s with
// suggestions: `and[1].WithActor: "Marokko": names nothing in the
// timeline; did you mean "Morocco"?`. Check returns nil when every name
// is known.
//
// Check is separate from the queries so that they never pay for it.
func (t *Timeline) Check(q Query) error {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := checker{t: t, c: compiler{t: t, ix: t.view(), useIndex: true}}
	c.check(q, "")
	return c.errs.Err()
}

type checker struct {
	t    *Timeline
	c    compiler
	errs event.ErrorList
}

func (c *checker) check(q Query, path string) {
	name := queryNames[q.op]
	at := path + name
	if path != "" && name != "" {
		at = path + "." + name
	}
	switch q.op {
	case opActor, opActorRole, opInvolving:
		if len(c.t.actors.ResolveActor(q.text)) == 0 {
			c.unknown(at, q.text, c.t.actors.SuggestActors(q.text))
		}
	case opCountry, opCountryLineage:
		if len(c.c.countryActors(q.text)) == 0 {
			c.unknown(at, q.text, c.t.actors.SuggestActors(q.text))
		}
	case opInstrument:
		if len(c.c.instrumentIDs(q.text)) == 0 {
			names := c.c.ix.keys.instrumentName
			var suggestions []string
			for _, f := range event.Suggest(q.text, maps.Keys(names)) {
				if l := names[f]; len(l) > 0 && !slices.Contains(suggestions, l.first().ev.Instrument.Name) {
					suggestions = append(suggestions, l.first().ev.Instrument.Name)
				}
			}
			c.unknown(at, q.text, suggestions)
		}
	case opTag:
		if len(c.c.ix.keys.tag[event.Fold(q.text)]) == 0 {
			tags := c.c.ix.keys.tag
			c.unknown(at, q.text, displayed(event.Suggest(q.text, maps.Keys(tags)), tags, func(e *event.Event) []string { return e.Tags }))
		}
	case opPublisher:
		if len(c.c.ix.keys.publisher[event.Fold(q.text)]) == 0 {
			pubs := c.c.ix.keys.publisher
			c.unknown(at, q.text, displayed(event.Suggest(q.text, maps.Keys(pubs)), pubs, publishers))
		}
	case opAnd, opOr, opNot:
		for i, sub := range q.subs {
			c.check(sub, at+"["+strconv.Itoa(i)+"]")
		}
	}
}

func (c *checker) unknown(path, name string, suggestions []string) {
	c.errs = append(c.errs, &event.FieldError{Path: path, Value: name,
		Err: &UnknownNameError{Name: name, Suggestions: suggestions}})
}

// displayed turns folded keys of an index into text as the first event
// that has them writes it.
func displayed(folded []string, index postings[string], texts func(*event.Event) []string) []string {
	var out []string
	for _, f := range folded {
		l := index[f]
		if len(l) == 0 {
			continue
		}
		for _, s := range texts(&l.first().ev) {
			if event.Fold(s) == f && !slices.Contains(out, s) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func publishers(e *event.Event) []string {
	var out []string
	for _, s := range e.Sources {
		out = append(out, s.Publisher)
	}
	return out
}

// queryNames names the queries in the paths of Check.
var queryNames = map[queryOp]string{
	opKind: "WithKind", opStatus: "WithStatus", opActor: "WithActor", opActorRole: "WithActorIn",
	opCountry: "WithCountry", opInvolving: "Involving", opRole: "WithRole", opInstrument: "WithInstrument",
	opTag: "WithTag", opLang: "WithSourceLang", opPublisher: "WithPublisher", opText: "WithText",
	opWithin: "Within", opOverlaps: "Overlaps", opAnd: "And", opOr: "Or", opNot: "Not", opWhere: "Where",
	opCountryLineage: "WithCountryLineage",
}

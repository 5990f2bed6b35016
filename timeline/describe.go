package timeline

import (
	"slices"
	"strconv"

	"github.com/accordline/accordline/event"
)

// A QueryOp says what a [Query] selects by. [Query.Op] returns it, so that
// a program can translate a query for another store (package
// timeline/postgres translates queries to SQL) or print it.
type QueryOp uint8

// The operations of queries, each named for the function that makes it.
// The accessors of [Query] that apply to each are listed beside it.
const (
	OpAll        QueryOp = QueryOp(opAll)        // the zero Query: every event
	OpKind       QueryOp = QueryOp(opKind)       // WithKind, WithCategory: Kinds
	OpStatus     QueryOp = QueryOp(opStatus)     // WithStatus: Statuses
	OpActor      QueryOp = QueryOp(opActor)      // WithActor: Name
	OpActorIn    QueryOp = QueryOp(opActorRole)  // WithActorIn: Name, Role
	OpCountry    QueryOp = QueryOp(opCountry)    // WithCountry: Name
	OpInvolving  QueryOp = QueryOp(opInvolving)  // Involving: Name
	OpRole       QueryOp = QueryOp(opRole)       // WithRole: Role
	OpInstrument QueryOp = QueryOp(opInstrument) // WithInstrument: Name
	OpTag        QueryOp = QueryOp(opTag)        // WithTag: Name
	OpSourceLang QueryOp = QueryOp(opLang)       // WithSourceLang: Name, in lower case
	OpPublisher  QueryOp = QueryOp(opPublisher)  // WithPublisher: Name
	OpText       QueryOp = QueryOp(opText)       // WithText: Name, Words
	OpWithin     QueryOp = QueryOp(opWithin)     // Within: Period
	OpOverlaps   QueryOp = QueryOp(opOverlaps)   // Overlaps: Period
	OpAnd        QueryOp = QueryOp(opAnd)        // And: Subs
	OpOr         QueryOp = QueryOp(opOr)         // Or: Subs
	OpNot        QueryOp = QueryOp(opNot)        // Not: Subs, of one
	OpWhere      QueryOp = QueryOp(opWhere)      // Where: Func

	OpCountryLineage QueryOp = QueryOp(opCountryLineage) // WithCountryLineage: Name
)

// String returns the name of the function that makes such a query:
// "WithActor", "Within", "And"; "All" for the zero Query.
func (op QueryOp) String() string {
	if op == OpAll {
		return "All"
	}
	if name, ok := queryNames[queryOp(op)]; ok {
		return name
	}
	return "QueryOp(" + strconv.Itoa(int(op)) + ")"
}

// Op returns what q selects by. The other accessors return the arguments
// q was made with; each applies to the operations listed at [QueryOp] and
// returns the zero value for the others. They return copies: a query
// cannot be changed through them.
func (q Query) Op() QueryOp { return QueryOp(q.op) }

// Kinds returns the kinds of a [WithKind] or [WithCategory] query.
func (q Query) Kinds() []event.Kind { return slices.Clone(q.kinds) }

// Statuses returns the statuses of a [WithStatus] query.
func (q Query) Statuses() []event.Status { return slices.Clone(q.statuses) }

// Name returns the text a query was given: the actor's, state's or
// instrument's name or ID, the tag, the language tag (in lower case, as
// [WithSourceLang] compares it), the publisher, or the text of
// [WithText]. Names are resolved when the query runs, not here.
func (q Query) Name() string { return q.text }

// Role returns the role of a [WithActorIn] or [WithRole] query.
func (q Query) Role() event.Role { return q.role }

// Period returns the period of a [Within] or [Overlaps] query.
func (q Query) Period() event.Date { return q.period }

// Subs returns the queries that [And], [Or] or [Not] combine.
func (q Query) Subs() []Query { return slices.Clone(q.subs) }

// Func returns the function of a [Where] query, which no store but the
// program's memory can evaluate.
func (q Query) Func() func(*event.Event) bool { return q.fn }

// Words returns the words a [WithText] query looks for: its text folded
// ([event.Fold]) and split into words of letters and digits, as [Words]
// splits the texts of events. A text query selects the events whose Words
// hold every one of them; no words select every event.
func (q Query) Words() []string {
	if q.op != opText {
		return nil
	}
	return tokenize(q.text)
}

// Words returns the distinct words [WithText] finds e by, folded, in the
// order met: those of its title and titles in other languages, its
// description and date text, the other reports' wordings of these
// ([event.Alternative]), and its sources' titles, quotes and
// translations. A store that indexes events elsewhere keeps these words
// to answer text queries as a Timeline does. The order of the titles in
// other languages follows the map and may differ between calls.
func Words(e *event.Event) []string { return words(e) }

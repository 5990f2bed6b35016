package event

import (
	"errors"
	"strings"
)

// Sentinel errors of actors through time. They sit beside the types they
// concern so that the list of errors.go stays the model's common ones.
var (
	// ErrNotInOffice reports a participation whose capacity names an
	// office the actor is known to have held, but not at the event's date.
	ErrNotInOffice = errors.New("capacity not held at the event's date")
	// ErrSelfSuccession reports an actor named as its own predecessor.
	ErrSelfSuccession = errors.New("an actor cannot succeed itself")
)

// A Name is a name of an actor in one language, with the period in which
// it was in use: "Zaire" from 27 October 1971 to 17 May 1997. The names of
// [Actor.History] are what [Actor.NameAt] returns for the dates their
// periods hold, and they find the actor in a [Directory] like its other
// names.
type Name struct {
	Text string `json:"text"`
	// Lang is the BCP 47 tag of Text; empty means English, the language of
	// [Actor.Name].
	Lang string `json:"lang,omitempty"`
	// Period is when the name was in use. It is required in a history:
	// a name without a period belongs in Names or Aliases.
	Period Date `json:"period,omitzero"`
}

// english reports whether the name is in English, the language of the
// canonical name.
func (n *Name) english() bool { return n.Lang == "" || langIs(n.Lang, "en") }

// langIs reports whether tag is base or a regional form of it ("de-CH"
// for "de"), ignoring case.
func langIs(tag, base string) bool {
	if len(tag) < len(base) || !strings.EqualFold(tag[:len(base)], base) {
		return false
	}
	return len(tag) == len(base) || tag[len(base)] == '-'
}

// A SuccessionKind says how a state (or organization) came to succeed
// another. The zero SuccessionKind is unset, which [Actor.Validate]
// reports.
type SuccessionKind uint8

// The kinds of succession, in the terms of the law of state succession.
const (
	// Continuation: the actor continues the predecessor's international
	// personality under another name or in smaller borders: Russia the
	// Soviet Union, Serbia the State Union of Serbia and Montenegro.
	Continuation SuccessionKind = iota + 1
	// Dissolution: the predecessor ceased to exist and the actor is one of
	// the new states on its territory: the Czech Republic and Slovakia of
	// Czechoslovakia.
	Dissolution
	// Secession: the actor separated from the predecessor, which goes on:
	// Bangladesh from Pakistan, South Sudan from Sudan.
	Secession
	// Unification: the actor was formed by uniting the predecessor with
	// others, or continues as their union: the Republic of Yemen of the
	// two Yemens, Germany of the German Democratic Republic and the
	// Federal Republic.
	Unification
	// Incorporation: the predecessor became part of the actor, which goes
	// on as before: Texas and Hawaii of the United States.
	Incorporation
)

var successionKinds = vocabulary{"succession kind", []string{"", "continuation", "dissolution", "secession", "unification", "incorporation"}}

// SuccessionKinds returns every declared succession kind in declaration
// order.
func SuccessionKinds() []SuccessionKind {
	return []SuccessionKind{Continuation, Dissolution, Secession, Unification, Incorporation}
}

// ParseSuccessionKind returns the succession kind named by its word
// ("continuation"). An unknown word is a [*WordError] listing the known
// ones.
func ParseSuccessionKind(s string) (SuccessionKind, error) {
	i, err := successionKinds.parse(s)
	return SuccessionKind(i), err
}

// String returns the word for k: "continuation", "dissolution",
// "secession", "unification" or "incorporation".
func (k SuccessionKind) String() string { return successionKinds.word(int(k)) }

// IsKnown reports whether k is one of the declared succession kinds.
func (k SuccessionKind) IsKnown() bool { return successionKinds.known(int(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k SuccessionKind) MarshalText() ([]byte, error) { return successionKinds.marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *SuccessionKind) UnmarshalText(text []byte) error {
	v, err := ParseSuccessionKind(string(text))
	*k = v
	return err
}

// A Succession links an actor to another: in [Actor.Predecessors], the
// predecessor and how the actor succeeded it; from [Directory.Successors],
// the successor and how it succeeded. The date of a succession is the end
// of the predecessor's [Actor.Period] or the start of the successor's.
type Succession struct {
	Actor ActorID        `json:"actor"`
	Kind  SuccessionKind `json:"kind"`
}

// An Office is a post an actor held for a period: "Secretary of State" of
// the United States from 26 January 2021 to 20 January 2025, "Ambassador
// to Kazakhstan", "President of Kazakhstan".
type Office struct {
	// Title is the office as a participation's capacity words it, in
	// English: "Secretary of State", "President of Kazakhstan". A
	// capacity names the office when the two are equal after [Fold].
	Title string `json:"title"`
	// Of is the state, organization or body whose office it is, if known:
	// "US" for the Secretary of State and for an ambassador of the United
	// States, "KZ" for the President of Kazakhstan.
	Of ActorID `json:"of,omitempty"`
	// Period is the term; the zero Date means it is not known, and such an
	// office neither gives a capacity nor contradicts one.
	Period Date `json:"period,omitzero"`
}

// NameAt returns the English name of a at the date d, the date of an
// event: of the names of [Actor.History] in use on some day of d, the one
// that came into use last, and otherwise, or when d is the zero Date or
// has no known end, the canonical [Actor.Name]. The newest name wins
// because a new name supersedes an old one that sources kept using for a
// while, and because an event dated only as closely as "1991" belongs to
// whatever the actor had become by then: the Russian Federation, not the
// Soviet Union it continued.
//
// NameAt(event.Date{}) is the name of today.
func (a *Actor) NameAt(d Date) string {
	if n := a.historyAt(d, func(n *Name) bool { return n.english() }); n != nil {
		return n.Text
	}
	return a.Name
}

// NameInAt returns the name of a at the date d in the language tag: the
// name of [Actor.History] in that language (or the language without
// region) in use at d, as [Actor.NameAt] chooses; else, when the English
// name of the time differs from today's, that English name, since today's
// name in another language would be wrong for the time; else today's name
// in the language ([Actor.NameIn]).
func (a *Actor) NameInAt(tag string, d Date) string {
	base, _, _ := strings.Cut(tag, "-")
	if n := a.historyAt(d, func(n *Name) bool { return n.Lang != "" && (strings.EqualFold(n.Lang, tag) || langIs(n.Lang, base)) }); n != nil {
		return n.Text
	}
	if then := a.NameAt(d); then != a.Name {
		return then
	}
	return a.NameIn(tag)
}

// historyAt returns the name of the history that is current at d among
// those keep accepts, or nil.
func (a *Actor) historyAt(d Date, keep func(*Name) bool) *Name {
	if len(a.History) == 0 || d.start.bound != BoundKnown && d.EndBound() != BoundKnown {
		return nil
	}
	var best *Name
	for i := range a.History {
		n := &a.History[i]
		if !keep(n) || !n.Period.Overlaps(d) {
			continue
		}
		if best == nil || n.Period.first() > best.Period.first() {
			best = n
		}
	}
	return best
}

// ExistedAt reports whether a may have existed at some day of d: whether
// its [Actor.Period] is unknown (zero) or overlaps d. An event at a date d
// for which it reports false has the actor act outside its existence. The
// zero Date overlaps nothing, so ExistedAt(Date{}) is true only for an
// actor without a period.
func (a *Actor) ExistedAt(d Date) bool {
	return a.Period.IsZero() || d.IsZero() || a.Period.Overlaps(d)
}

// OfficesAt returns the offices a held throughout the date d, in the order
// of [Actor.Offices]: those whose term certainly covers d. Offices with an
// unknown term and the zero Date give none.
func (a *Actor) OfficesAt(d Date) []Office {
	var out []Office
	for _, o := range a.Offices {
		if !o.Period.IsZero() && d.Within(o.Period) {
			out = append(out, o)
		}
	}
	return out
}

// CapacityAt returns the capacity in which a acted at the date d when a
// participation does not say: the title of the first office held
// throughout d ([Actor.OfficesAt]), or "" when no term covers d.
func (a *Actor) CapacityAt(d Date) string {
	for _, o := range a.Offices {
		if !o.Period.IsZero() && d.Within(o.Period) {
			return o.Title
		}
	}
	return ""
}

// TermsOf returns the known terms of the office that capacity names, in
// the order of [Actor.Offices]: the offices whose title equals capacity
// after [Fold]. It returns none when a is not known to have held such an
// office.
func (a *Actor) TermsOf(capacity string) []Office {
	if len(a.Offices) == 0 || capacity == "" {
		return nil
	}
	c := Fold(capacity)
	var out []Office
	for _, o := range a.Offices {
		if Fold(o.Title) == c {
			out = append(out, o)
		}
	}
	return out
}

// HeldAt reports whether a may have held the office that capacity names
// at some day of d. It is false only when a is known to have held that
// office ([Actor.TermsOf]) and every known term lies wholly before or after
// d: the capacity contradicts the offices known. A capacity that names no
// known office, a term that is not known, and the zero Date contradict
// nothing.
func (a *Actor) HeldAt(capacity string, d Date) bool {
	terms := a.TermsOf(capacity)
	if len(terms) == 0 || d.IsZero() {
		return true
	}
	for _, o := range terms {
		if o.Period.IsZero() || o.Period.Overlaps(d) {
			return true
		}
	}
	return false
}

// Capacity returns the capacity of the participation p of e: the one p
// gives, or else the one derived from the offices its actor held at the
// event's date ([Actor.CapacityAt]), looked up in actors. It is "" when
// neither is known.
func (e *Event) Capacity(p Participation, actors ActorLookup) string {
	if p.Capacity != "" || actors == nil {
		return p.Capacity
	}
	if a, ok := actors.Actor(p.Actor); ok {
		return a.CapacityAt(e.Date)
	}
	return ""
}

// validateHistory checks the fields of an actor through time: its names
// with their periods, its predecessors and its offices.
func (a *Actor) validateHistory(l *ErrorList) {
	var seenName seenSet[Name]
	for i, n := range a.History {
		p := item("history", i, "")
		checkRequiredText(l, p.with(".text"), n.Text)
		checkLanguage(l, p.with(".lang"), n.Lang, false)
		if n.Period.IsZero() {
			l.add(p.with(".period"), "", ErrRequired)
		}
		if seenName.add(n) {
			l.add(p, n.Text, ErrDuplicate)
		}
	}
	var seenPred seenSet[ActorID]
	for i, s := range a.Predecessors {
		p := item("predecessors", i, "")
		switch {
		case s.Actor == "":
			l.add(p.with(".actor"), "", ErrRequired)
		case !s.Actor.Valid():
			l.add(p.with(".actor"), string(s.Actor), ErrInvalidID)
		case s.Actor == a.ID:
			l.add(p.with(".actor"), string(s.Actor), ErrSelfSuccession)
		case seenPred.add(s.Actor):
			l.add(p.with(".actor"), string(s.Actor), ErrDuplicate)
		}
		switch {
		case s.Kind == 0:
			l.add(p.with(".kind"), "", ErrRequired)
		case !s.Kind.IsKnown():
			l.add(p.with(".kind"), s.Kind.String(), ErrUnknown)
		}
	}
	var seenOffice seenSet[Office]
	for i, o := range a.Offices {
		p := item("offices", i, "")
		checkRequiredText(l, p.with(".title"), o.Title)
		if o.Of != "" && !o.Of.Valid() {
			l.add(p.with(".of"), string(o.Of), ErrInvalidID)
		}
		if seenOffice.add(o) {
			l.add(p, o.Title, ErrDuplicate)
		}
	}
}

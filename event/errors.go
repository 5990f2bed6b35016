package event

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentinel errors reported by parsing and validation. Use [errors.Is] to
// test for them; the errors actually returned carry the field path and the
// offending value around them.
var (
	ErrRequired        = errors.New("required")
	ErrUnknown         = errors.New("unknown value")
	ErrInvalidText     = errors.New("invalid text")
	ErrDuplicate       = errors.New("duplicate")
	ErrUnknownActor    = errors.New("unknown actor")
	ErrMissingRole     = errors.New("missing role")
	ErrTooFewParties   = errors.New("too few parties")
	ErrWrongActorType  = errors.New("wrong actor type")
	ErrNoDate          = errors.New("an event that occurred needs a known date")
	ErrSelfLink        = errors.New("event links to itself")
	ErrInvalidCountry  = errors.New("not an ISO 3166-1 alpha-2 code")
	ErrInvalidLanguage = errors.New("not a valid BCP 47 language tag")
	ErrInvalidURL      = errors.New("not an absolute http or https URL")
	ErrInvalidID       = errors.New("invalid identifier")
	ErrOutOfRange      = errors.New("out of range")
	ErrConflict        = errors.New("conflicting reports")
	// ErrTooManyProblems ends an ErrorList that a reader cut short: its
	// Value says how many problems were not reported.
	ErrTooManyProblems = errors.New("too many problems")
)

// A FieldError is one problem with one field of a value. Path names the
// field the way JSON would address it ("participants[2].actor"), Value is the
// offending value as text (empty when the field is missing), and Err says
// what is wrong; it is usually one of the sentinel errors of this package or
// of the package that reported it.
//
// Line and Offset locate the value in the text it was read from, when it was
// read from text: the line counted from 1 and the byte offset from 0. Line is
// 0 for values that were not read from text; Offset is 0 where the reader
// counts only lines, and is then left out of the message.
type FieldError struct {
	Path   string
	Value  string
	Err    error
	Line   int
	Offset int64
}

// MaxValueLen is how many bytes of a value [FieldError.Error] shows: a
// longer value is cut at a character boundary and its length given, so that
// a message stays readable however long the input.
const MaxValueLen = 64

// Error returns the problem as `line 3 (offset 51): events[0].date:
// "2025-02-30": day out of range`, leaving out the position when there is
// none, and the value when it is empty.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Offset > 0 {
			b.WriteString(" (offset ")
			b.WriteString(strconv.FormatInt(e.Offset, 10))
			b.WriteString(")")
		}
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString(QuoteValue(e.Value))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return strings.TrimSuffix(b.String(), ": ")
}

// QuoteValue quotes a value for an error message as [FieldError.Error]
// does: in Go syntax, cut to [MaxValueLen] bytes with its full length added
// when it is longer: "https://example.org/aaaa…"… (100000 bytes).
func QuoteValue(v string) string {
	if len(v) <= MaxValueLen {
		return strconv.Quote(v)
	}
	cut := MaxValueLen
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return strconv.Quote(v[:cut]) + "… (" + strconv.Itoa(len(v)) + " bytes)"
}

// Unwrap returns the reason, so that errors.Is(err, ErrUnknownActor) works.
func (e *FieldError) Unwrap() error { return e.Err }

// An ErrorList holds every problem found in a value, in the order found.
// Validation and the readers of every format return all problems at once
// rather than stopping at the first, as an ErrorList behind an error.
//
// Functions never return an ErrorList as such, only as an error (see
// [ErrorList.Err]), so that no empty list becomes a non-nil error.
type ErrorList []*FieldError

// Error returns the problems one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(l)))
	b.WriteString(" problems:")
	for _, e := range l {
		b.WriteString("\n\t")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the individual problems, so that [errors.Is] and
// [errors.As] look at each of them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns the list as an error, or nil when it is empty. Use it to
// return an ErrorList without creating a non-nil error interface holding an
// empty list.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Prefix returns a copy of the list whose paths start with prefix, so that a
// caller holding many values can name which one is wrong:
// ("events[3]" + ".date"). Paths that begin with an index are joined without
// a dot.
func (l ErrorList) Prefix(prefix string) ErrorList {
	out := make(ErrorList, len(l))
	for i, e := range l {
		c := *e
		c.Path = joinPath(prefix, e.Path)
		out[i] = &c
	}
	return out
}

func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case strings.HasPrefix(path, "["):
		return prefix + path
	}
	return prefix + "." + path
}

// add appends a problem; it keeps the validation code short.
func (l *ErrorList) add(p path, value string, err error) {
	*l = append(*l, &FieldError{Path: p.String(), Value: value, Err: err})
}

// A path names a field in an error message: a, a[i]c or a[i]b[j]c. It is
// formatted only when a problem is found, so that checking valid data
// builds no strings.
type path struct {
	a, b, c string
	i, j    int // -1 when absent
}

func field(name string) path { return path{a: name, i: -1, j: -1} }

func item(a string, i int, c string) path { return path{a: a, i: i, j: -1, c: c} }

func (p path) sub(b string, j int, c string) path {
	p.b, p.j, p.c = p.c+b, j, c
	return p
}

func (p path) with(c string) path {
	if p.j >= 0 {
		p.c = c
	} else {
		p.c += c
	}
	return p
}

func (p path) String() string {
	s := p.a
	if p.i >= 0 {
		s += "[" + strconv.Itoa(p.i) + "]"
	}
	if p.j >= 0 {
		s += p.b + "[" + strconv.Itoa(p.j) + "]"
	}
	return s + p.c
}

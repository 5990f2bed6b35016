package event

import (
	"errors"
	"strconv"
	"strings"
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
)

// A FieldError is one problem with one field of a value. Path names the
// field the way JSON would address it ("participants[2].actor"), Value is the
// offending value as text (empty when the field is missing), and Err says
// what is wrong; it is usually one of the package's sentinel errors.
type FieldError struct {
	Path  string
	Value string
	Err   error
}

// Error returns the problem as "path: "value": reason", leaving out the value
// when there is none.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	b.WriteString(": ")
	if e.Value != "" {
		b.WriteString(strconv.Quote(e.Value))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the reason, so that errors.Is(err, ErrUnknownActor) works.
func (e *FieldError) Unwrap() error { return e.Err }

// An ErrorList holds every problem found in a value, in the order found.
// Validation returns all problems at once rather than stopping at the first.
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

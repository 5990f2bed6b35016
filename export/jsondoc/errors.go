package jsondoc

import (
	"errors"
	"strconv"
	"strings"
)

// Reasons for which reading fails. The errors returned wrap them in an
// [*Error] that says where.
var (
	ErrSyntax        = errors.New("invalid JSON")
	ErrType          = errors.New("wrong type")
	ErrUnknownKey    = errors.New("unknown key")
	ErrDuplicateKey  = errors.New("key given twice")
	ErrMissing       = errors.New("missing")
	ErrFormat        = errors.New("not an Accordline document")
	ErrVersion       = errors.New("unsupported version")
	ErrDuplicateID   = errors.New("duplicate ID")
	ErrCodeMismatch  = errors.New("code disagrees with the kind")
	ErrTooLarge      = errors.New("input too large")
	ErrTooDeep       = errors.New("nested too deeply")
	ErrStringTooLong = errors.New("string too long")
	ErrTooMany       = errors.New("too many elements")
)

// An Error is one problem in the input: where it is, what was found there,
// and what is wrong with it.
type Error struct {
	Path   string // JSON path of the value: "events[3].date"
	Line   int    // line of the value, from 1
	Offset int64  // byte offset of the value, from 0
	Value  string // the offending value, if there is one
	Err    error  // the reason; errors.Is finds the sentinel errors of this package and of package event
}

// Error returns `line 12 (offset 345): events[3].date: "2025-02-30": day out
// of range`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(" (offset ")
	b.WriteString(strconv.FormatInt(e.Offset, 10))
	b.WriteString(")")
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	b.WriteString(": ")
	if e.Value != "" {
		v := e.Value
		if len(v) > 80 {
			v = v[:77] + "..."
		}
		b.WriteString(strconv.Quote(v))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// An ErrorList is every problem found in the input, in the order of the
// input.
type ErrorList []*Error

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

// Unwrap returns the problems for [errors.Is] and [errors.As].
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

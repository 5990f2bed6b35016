package jsondoc

import (
	"errors"
)

// Reasons for which reading fails. Readers return them in
// [*event.FieldError]s that say where (the JSON path, the line and byte
// offset), in an [event.ErrorList].
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

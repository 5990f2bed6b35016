package ical

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest content line RFC 5545 allows, in octets, without
// the CRLF.
const maxLine = 75

// ErrUnsafeValue reports a URI or parameter value with a control character
// (CR and LF among them), which could end the line and start a property
// or component it was not meant to be. Such values are refused, never
// cleaned up.
var ErrUnsafeValue = errors.New("control character in a URI or parameter value")

// lineWriter writes content lines: it gathers one line unfolded, then
// writes it folded at 75 octets, never inside a UTF-8 character, with CRLF.
type lineWriter struct {
	w    io.Writer
	line []byte // the line being built
	out  []byte // folded lines waiting to be written
	err  error
}

func (lw *lineWriter) flushIfFull() {
	if len(lw.out) >= 64<<10 {
		lw.flush()
	}
}

func (lw *lineWriter) flush() {
	if lw.err == nil && len(lw.out) > 0 {
		_, lw.err = lw.w.Write(lw.out)
	}
	lw.out = lw.out[:0]
}

// prop starts a property line.
func (lw *lineWriter) prop(name string) {
	lw.line = append(lw.line[:0], name...)
}

// param adds a parameter. Values are written as they are when they can
// be, in double quotes when they hold ";", ":" or ",", and with the
// RFC 6868 escapes for a double quote (^'), a line break (^n) and the
// caret (^^); never with backslashes, which parameters do not know.
func (lw *lineWriter) param(name, value string) error {
	for i := range len(value) {
		if c := value[i]; (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
			return fmt.Errorf("%w: parameter %s: %q", ErrUnsafeValue, name, value)
		}
	}
	lw.line = append(lw.line, ';')
	lw.line = append(lw.line, name...)
	lw.line = append(lw.line, '=')
	quote := strings.ContainsAny(value, ";:,\"\n^")
	if quote {
		lw.line = append(lw.line, '"')
	}
	for i := range len(value) {
		switch c := value[i]; c {
		case '^':
			lw.line = append(lw.line, '^', '^')
		case '\n':
			lw.line = append(lw.line, '^', 'n')
		case '"':
			lw.line = append(lw.line, '^', '\'')
		default:
			lw.line = append(lw.line, c)
		}
	}
	if quote {
		lw.line = append(lw.line, '"')
	}
	return nil
}

// raw ends the line with a value written as it is: dates, numbers and
// words that need no escaping.
func (lw *lineWriter) raw(value string) {
	lw.line = append(lw.line, ':')
	lw.line = append(lw.line, value...)
	lw.end()
}

// uri ends the line with a URI value, refusing control characters.
func (lw *lineWriter) uri(name, value string) error {
	for i := range len(value) {
		if c := value[i]; c < 0x20 || c == 0x7f {
			lw.line = lw.line[:0]
			return fmt.Errorf("%w: %s: %q", ErrUnsafeValue, name, value)
		}
	}
	lw.raw(value)
	return nil
}

// text ends the line with TEXT values, separated by commas: backslash,
// semicolon and comma escaped, line breaks as \n, other control characters
// but tab dropped.
func (lw *lineWriter) text(values ...string) {
	lw.line = append(lw.line, ':')
	for i, v := range values {
		if i > 0 {
			lw.line = append(lw.line, ',')
		}
		lw.line = appendText(lw.line, v)
	}
	lw.end()
}

// startText starts the value of a TEXT property written in parts with
// addText; end ends it.
func (lw *lineWriter) startText() { lw.line = append(lw.line, ':') }

// addText appends s to a TEXT value, escaped.
func (lw *lineWriter) addText(s string) { lw.line = appendText(lw.line, s) }

// addRaw appends bytes that need no escaping to a value.
func (lw *lineWriter) addRaw(s string) { lw.line = append(lw.line, s...) }

func appendText[S ~string | ~[]byte](b []byte, s S) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !textSpecial[c] {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		switch c {
		case '\\', ';', ',':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue // CRLF is one line break
			}
			// A bare CR is dropped, as are the other control characters.
		case 0xC2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				i++ // a C1 control character, U+0080 to U+009F: dropped
				start = i + 1
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, s[start:]...)
}

// textSpecial marks the bytes appendText does not copy as they are: the
// escaped ones and the control characters but tab.
var textSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t'
	}
	t[0x7f], t['\\'], t[';'], t[','], t[0xC2] = true, true, true, true, true
	return t
}()

// end writes the line folded.
func (lw *lineWriter) end() {
	// The line is valid UTF-8: validated events hold nothing else, and
	// Encode cleans the options' strings.
	line := lw.line
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		lw.out = append(lw.out, line[:cut]...)
		lw.out = append(lw.out, '\r', '\n', ' ')
		line = line[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	lw.out = append(lw.out, line...)
	lw.out = append(lw.out, '\r', '\n')
	lw.line = lw.line[:0]
	lw.flushIfFull()
}

// simple writes a whole line NAME:value with a raw value.
func (lw *lineWriter) simple(name, value string) {
	lw.prop(name)
	lw.raw(value)
}

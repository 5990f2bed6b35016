package ical

import (
	"errors"
	"fmt"
	"io"
	"slices"
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

// lineWriter writes content lines to w through a buffer of about 64 KiB:
// each line is built unfolded at the end of the buffer, out, then folded
// in place at 75 octets, never inside a UTF-8 character, and ended with
// CRLF. The lines are built where they end up, so that a line is copied
// at most once more, when it is folded. Without w, the lines stay in out.
type lineWriter struct {
	w    io.Writer
	err  error  // the first error of w
	line []byte // out, with the line being built after start
	out  []byte // the lines written and not yet flushed: line[:start]
	// start is where the line being built begins in line.
	start int
	// valid says that the text to come is a timeline's, which it
	// validated: without DEL and the C1 controls, which text is then not
	// searched for.
	valid bool
}

// bufSize is the size after which the buffer is written to w.
const bufSize = 64 << 10

// flush writes the buffer to w, and returns w's first error.
func (lw *lineWriter) flush() error {
	if lw.w != nil && len(lw.out) > 0 && lw.err == nil {
		_, lw.err = lw.w.Write(lw.out)
		lw.out, lw.line = lw.out[:0], lw.out[:0]
	}
	return lw.err
}

// prop starts a property line.
func (lw *lineWriter) prop(name string) {
	if lw.out == nil {
		lw.out = make([]byte, 0, bufSize+bufSize/4)
	}
	lw.start = len(lw.out)
	lw.line = append(lw.out, name...)
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
			lw.line = lw.out
			return fmt.Errorf("%w: %s: %q", ErrUnsafeValue, name, value)
		}
	}
	lw.line = append(lw.line, ':')
	lw.line = appendURI(lw.line, value)
	lw.end()
	return nil
}

// appendURI appends a URI, percent-encoding the bytes RFC 3986 does not
// allow in one (a space cannot occur: callers refuse control characters
// and validated URLs hold no space): "<", ">", double quote, braces,
// backslash, caret, backtick, "|" and every byte of a non-ASCII
// character. A URI so written means what it meant, and no reader can take
// any part of it for markup or for the end of the value.
func appendURI(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if uriByte[c] {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&0xf])
	}
	return b
}

// uriByte marks the bytes a URI may hold as they are (RFC 3986 2.2, 2.3
// and the percent sign of its escapes).
var uriByte = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%") {
		t[c] = true
	}
	return t
}()

// text ends the line with TEXT values, separated by commas: backslash,
// semicolon and comma escaped, line breaks as \n, other control characters
// but tab dropped.
func (lw *lineWriter) text(values ...string) {
	lw.line = append(lw.line, ':')
	for i, v := range values {
		if i > 0 {
			lw.line = append(lw.line, ',')
		}
		lw.line = appendText(lw.line, v, lw.valid)
	}
	lw.end()
}

// startText starts the value of a TEXT property written in parts with
// addText; end ends it.
func (lw *lineWriter) startText() { lw.line = append(lw.line, ':') }

// addText appends s to a TEXT value, escaped.
func (lw *lineWriter) addText(s string) { lw.line = appendText(lw.line, s, lw.valid) }

// addRaw appends bytes that need no escaping to a value.
func (lw *lineWriter) addRaw(s string) { lw.line = append(lw.line, s...) }

// appendText appends s escaped as a TEXT value: backslash, semicolon and
// comma escaped, line breaks as \n, other control characters but tab
// dropped. valid says that s holds no DEL and no C1 control, as validated
// text does not, so that there are fewer kinds of byte to look for.
func appendText(b []byte, s string, valid bool) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		// Eight bytes at a time while none of them may need escaping, as
		// in most text.
		if valid {
			for i+8 <= len(s) && !maySpecialValid(load64(s, i)) {
				i += 8
			}
		} else {
			for i+8 <= len(s) && !maySpecial(load64(s, i)) {
				i += 8
			}
		}
		if i == len(s) {
			break
		}
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

// load64 returns the eight bytes of s from i as a little-endian word.
func load64(s string, i int) uint64 {
	// Sliced first, so that one bounds check covers the eight loads and
	// the compiler makes them one.
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// maySpecial reports whether one of the bytes of x may be one textSpecial
// marks: one below 0x20 (a tab too), or a backslash, semicolon, comma,
// DEL or 0xC2, the first byte of the C1 controls. It may say so of other
// bytes, never miss one.
func maySpecial(x uint64) bool {
	a, b, c, d, e := x^(ones*'\\'), x^(ones*';'), x^(ones*','), x^(ones*0x7f), x^(ones*0xC2)
	return ((x-ones*0x20)&^x|(a-ones)&^a|(b-ones)&^b|(c-ones)&^c|(d-ones)&^d|(e-ones)&^e)&highs != 0
}

// maySpecialValid is maySpecial for validated text, which holds neither
// DEL nor a C1 control.
func maySpecialValid(x uint64) bool {
	a, b, c := x^(ones*'\\'), x^(ones*';'), x^(ones*',')
	return ((x-ones*0x20)&^x|(a-ones)&^a|(b-ones)&^b|(c-ones)&^c)&highs != 0
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

// end ends the line: folds it and adds the CRLF.
func (lw *lineWriter) end() {
	// The line is valid UTF-8: validated events hold nothing else, and
	// Encode cleans the options' strings.
	if len(lw.line)-lw.start > maxLine {
		lw.line = fold(lw.line, lw.start)
	}
	lw.out = append(lw.line, '\r', '\n')
	lw.line = lw.out
	if len(lw.out) >= bufSize {
		_ = lw.flush()
	}
}

// fold folds the line that starts at start in b, the last line of b: it
// inserts CRLF and a space before every 74 octets after the first 75,
// moving back to the start of a UTF-8 character. The cuts are found from
// the front, then the pieces moved from the back, each byte once.
func fold(b []byte, start int) []byte {
	line := b[start:]
	var cuts []int // offsets in line where continuation lines start
	var small [64]int
	cuts = small[:0]
	for pos, limit := 0, maxLine; len(line)-pos > limit; limit = maxLine - 1 {
		cut := pos + limit
		for cut > pos && !utf8.RuneStart(line[cut]) {
			cut--
		}
		cuts = append(cuts, cut)
		pos = cut
	}
	n := len(b)
	b = slices.Grow(b, 3*len(cuts))[:n+3*len(cuts)]
	line = b[start:]
	end := n - start // the end of the part not yet moved, in line
	for i := len(cuts) - 1; i >= 0; i-- {
		c := cuts[i]
		to := c + 3*(i+1)
		copy(line[to:], line[c:end])
		copy(line[to-3:], "\r\n ")
		end = c
	}
	return b
}

// simple writes a whole line NAME:value with a raw value.
func (lw *lineWriter) simple(name, value string) {
	lw.prop(name)
	lw.raw(value)
}

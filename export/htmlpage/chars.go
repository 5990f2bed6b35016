package htmlpage

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/accordline/accordline/export"
)

// A charWriter writes to w what it is written less the characters that
// XML 1.0 or HTML cannot carry, so that the SVG is well-formed XML and the
// page parses without error whatever the text: control characters other
// than tab, line feed and carriage return (C0, DEL and C1; XML 1.0 forbids
// C0, HTML calls all of them parse errors), surrogates and bytes that are
// not UTF-8, U+FFFE and U+FFFF (which XML 1.0 forbids), and the other
// noncharacters, U+FDD0 to U+FDEF and the last two code points of every
// plane (parse errors in HTML).
//
// It filters the whole output rather than each piece of text so that no
// text can miss it; the markup the templates write is plain ASCII, which
// passes. html/template writes NUL in text as U+FFFD before the filter
// sees it, as browsers show it.
type charWriter struct {
	w io.Writer
	// pending holds the first bytes of a character that the next Write
	// completes; what is left at the end is not UTF-8 and is dropped.
	pending []byte
	dropped int // characters or bytes dropped
}

// note adds to rep that characters were dropped, if any were.
func (c *charWriter) note(rep *export.Report) {
	if c.dropped+len(c.pending) > 0 {
		rep.Add(export.Note{Action: export.Dropped, Field: "text",
			Reason: strconv.Itoa(c.dropped+len(c.pending)) + " characters that XML 1.0 or HTML cannot carry"})
	}
}

func (c *charWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(c.pending) > 0 {
		p = append(c.pending, p...)
		c.pending = nil
	}
	start := 0 // of the bytes not yet written
	for i := 0; i < len(p); {
		b := p[i]
		if b >= 0x20 && b < 0x7F || b == '\t' || b == '\n' || b == '\r' {
			i++
			continue
		}
		size := 1
		if b >= utf8.RuneSelf {
			if !utf8.FullRune(p[i:]) {
				c.pending = append([]byte(nil), p[i:]...)
				p = p[:i]
				break
			}
			var r rune
			r, size = utf8.DecodeRune(p[i:])
			if allowed(r, size) {
				i += size
				continue
			}
		}
		if _, err := c.w.Write(p[start:i]); err != nil {
			return 0, err
		}
		c.dropped++
		i += size
		start = i
	}
	if _, err := c.w.Write(p[start:]); err != nil {
		return 0, err
	}
	return n, nil
}

// allowed reports whether XML 1.0 and HTML both carry r, decoded from size
// bytes that are not ASCII.
func allowed(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1: // not UTF-8, or a surrogate
		return false
	case r <= 0x9F: // C1 controls
		return false
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE: // noncharacters
		return false
	}
	return true
}

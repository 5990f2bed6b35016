package htmlpage

import (
	"strconv"
	"unicode/utf8"

	"github.com/accordline/accordline/export"
)

// allowed reports whether XML 1.0 and HTML both carry r, decoded from size
// bytes that are not ASCII. The writer drops what they cannot carry, so
// that the SVG is well-formed XML and the page parses without error
// whatever the text: control characters other than tab, line feed and
// carriage return (C0, DEL and C1; XML 1.0 forbids C0, HTML calls all of
// them parse errors), surrogates and bytes that are not UTF-8, U+FFFE and
// U+FFFF (which XML 1.0 forbids), and the other noncharacters, U+FDD0 to
// U+FDEF and the last two code points of every plane (parse errors in
// HTML). The ASCII ones are dropped by class (byteClass).
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

// noteDropped adds to rep that the writer dropped characters, if it did.
func (w *writer) noteDropped(rep *export.Report) {
	if w.dropped > 0 {
		rep.Add(export.Note{Action: export.Dropped, Field: "text",
			Reason: strconv.Itoa(w.dropped) + " characters that XML 1.0 or HTML cannot carry"})
	}
}

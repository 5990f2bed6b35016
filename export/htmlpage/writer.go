package htmlpage

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// A markup is markup that the package writes as it stands: tags with
// their constant attributes, and the style sheet. Only constants have this
// type: no code of the package converts a string to it
// (TestMarkupOnlyFromConstants checks), so text from a timeline reaches
// the output only through the escaping methods of [writer].
type markup string

// A webURL is an http or https URL with a host, the only kind the page
// links to; [webURLOf] makes it.
type webURL string

// webURLOf returns s as a webURL, and whether it is one. A timeline took
// the URLs of its sources only valid ([event.ValidURL]); what the page's
// safety rests on, the scheme (no javascript: link), is checked again
// here with the absence of spaces and control characters, at a fraction
// of the cost of parsing each URL, and [writer.url] percent-encodes
// whatever else a URL attribute cannot carry.
func webURLOf(s string) (webURL, bool) {
	for i := range len(s) {
		if s[i] <= ' ' || s[i] == 0x7f {
			return "", false
		}
	}
	for _, scheme := range [...]string{"https://", "http://"} {
		n := len(scheme)
		if len(s) > n && strings.EqualFold(s[:n], scheme) && !strings.ContainsRune("/?#", rune(s[n])) {
			return webURL(s), true
		}
	}
	return "", false
}

// A writer writes HTML or SVG. Its escaping is its guarantee: a writer
// has no method that writes a string as it is. Markup comes only from
// constants ([markup]); text goes through an escaping method for its
// context, element text or an attribute value in double quotes, which
// writes every character that could end the text or start markup or a
// character reference as a character reference, and drops the
// characters that XML 1.0 or HTML cannot carry (see [allowed]); links
// are [webURL] values, written percent-encoded.
//
// The escaping is that of html/template, which wrote the page before, so
// that the output stays the same bytes: &, <, >, ", ' and + become
// character references in both contexts.
//
// It collects what it writes and passes it on to out in large pieces,
// keeping the first error; after an error it writes nothing more.
type writer struct {
	out     io.Writer
	buf     []byte
	err     error
	dropped int // characters dropped
}

// flushAt is the size from which maybeFlush passes the buffer on.
const flushAt = 64 << 10

func newWriter(out io.Writer) *writer {
	return &writer{out: out, buf: make([]byte, 0, flushAt+flushAt/4)}
}

// maybeFlush passes what the writer holds on to out when it is much.
func (w *writer) maybeFlush() {
	if len(w.buf) >= flushAt {
		w.flush()
	}
}

// flush passes what the writer holds on to out, and returns the first
// error writing to out.
func (w *writer) flush() error {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.out.Write(w.buf)
	}
	w.buf = w.buf[:0]
	return w.err
}

// m writes markup.
func (w *writer) m(s markup) { w.buf = append(w.buf, s...) }

// text writes s as the text of an element: of an HTML element whose
// content is text (not <script> or <style>), or of an SVG (XML) element.
func (w *writer) text(s string) { w.escape(s) }

// attr writes s as the value of an attribute in double quotes, one whose
// value is not a URL, a script or a style: the markup around it writes
// the quotes.
func (w *writer) attr(s string) { w.escape(s) }

// inText writes s as the text of the element that open starts and
// close ends.
func (w *writer) inText(open markup, s string, close markup) {
	w.m(open)
	w.escape(s)
	w.m(close)
}

// int writes a number.
func (w *writer) int(i int) { w.buf = strconv.AppendInt(w.buf, int64(i), 10) }

// id writes the text form of a UUID, hexadecimal digits and hyphens,
// as uuid.UUID.String does.
func (w *writer) id(id uuid.UUID) {
	for i, b := range id {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			w.buf = append(w.buf, '-')
		}
		w.buf = append(w.buf, lowerHex[b>>4], lowerHex[b&15])
	}
}

// date writes d in EDTF, escaped as text is.
func (w *writer) date(d event.Date) {
	start := len(w.buf)
	b, err := d.AppendText(w.buf)
	if err != nil {
		w.buf = w.buf[:start]
		w.text(d.String())
		return
	}
	w.buf = b
	w.escapeFrom(start) // a time zone offset ("+05:00") has a byte to escape
}

// num writes a coordinate with one decimal.
func (w *writer) num(x float64) { w.buf = strconv.AppendFloat(w.buf, x, 'f', 1, 64) }

// url writes u as the value of a URL attribute in double quotes (href):
// percent-encoded where a URL may not carry a byte as it is, as
// html/template normalizes URLs (existing escapes stay), and escaped as
// attr escapes.
func (w *writer) url(u webURL) {
	b := w.buf
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case urlKeep[c]:
			b = append(b, c)
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '+':
			b = append(b, "&#43;"...)
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b = append(b, '%')
		default:
			b = append(b, '%', lowerHex[c>>4], lowerHex[c&15])
		}
	}
	w.buf = b
}

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// urlKeep holds the bytes that a URL attribute carries as they are: the
// unreserved and reserved characters of RFC 3986 but for ' ( ) and the
// two that attr escapes, & and +.
var urlKeep = func() (keep [256]bool) {
	for c := range 256 {
		keep[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	for _, c := range []byte("-._~!#$*,/:;=?@[]") {
		keep[c] = true
	}
	return keep
}()

// What escape does with a byte.
const (
	keep  = iota // writes it
	ref          // writes it as a character reference
	drop         // drops it: a control character
	multi        // decodes the character it starts, which is not ASCII
)

var byteClass = func() (class [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			class[c] = multi
		case c == '\t' || c == '\n' || c == '\r':
			class[c] = keep
		case c < 0x20 || c == 0x7F:
			class[c] = drop
		case c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '+':
			class[c] = ref
		}
	}
	return class
}()

// reference returns the character reference of a byte of class ref.
func reference(c byte) string {
	switch c {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	}
	return "&#43;"
}

// readable writes d as text, as present.Date renders it, escaped like any
// text but without making a string of it: the rendering, of digits and
// words, needs no escaping, which is checked rather than assumed.
func (w *writer) readable(d event.Date) {
	from := len(w.buf)
	w.buf = present.AppendDate(w.buf, d)
	w.escapeFrom(from)
}

// escapeFrom escapes what was appended to the buffer from offset from, in
// its place, when any of it is to be escaped or dropped: for writers that
// append text, mostly plain, without making a string of it first.
func (w *writer) escapeFrom(from int) {
	for i := from; i < len(w.buf); {
		switch byteClass[w.buf[i]] {
		case keep:
			i++
			continue
		case multi:
			if r, size := utf8.DecodeRune(w.buf[i:]); allowed(r, size) {
				i += size
				continue
			}
		}
		s := string(w.buf[from:])
		w.buf = w.buf[:from]
		w.escape(s)
		return
	}
}

// escape writes s with character references for the bytes of class ref,
// without the characters that XML 1.0 or HTML cannot carry.
func (w *writer) escape(s string) {
	b := w.buf
	start := 0 // of what is not yet written
	for i := 0; i < len(s); {
		c := s[i]
		switch byteClass[c] {
		case keep:
			i++
			continue
		case multi:
			r, size := utf8.DecodeRuneInString(s[i:])
			if allowed(r, size) {
				i += size
				continue
			}
			b = append(b, s[start:i]...)
			w.dropped++
			i += size
		case ref:
			b = append(b, s[start:i]...)
			b = append(b, reference(c)...)
			i++
		default: // drop
			b = append(b, s[start:i]...)
			w.dropped++
			i++
		}
		start = i
	}
	w.buf = append(b, s[start:]...)
}

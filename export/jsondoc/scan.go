package jsondoc

import (
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
)

// pathElem is one level of the JSON path of the value being read: a member
// of an object (key) or an element of an array (index).
type pathElem struct {
	// key is the key of the member being read: a view of the input, or of
	// own when it had escapes or spanned two chunks of input. It is never
	// appended to.
	key   []byte
	own   []byte // reused from one member to the next
	index int    // -1 in objects
}

// scanner reads JSON from a stream, value by value, keeping track of the
// path, line and offset of what it reads, and collecting problems.
//
// It never writes over input it has read: it reads each chunk into a
// buffer of its own and keeps it, so that keys and strings can be read as
// views of the input, without copying, and problems found after reading
// can be located in it (locate.go). Decode reads in chunks; the JSON Lines
// reader and DecodeEvent give the scanner the whole input at once.
type scanner struct {
	r      io.Reader
	buf    []byte
	pos    int
	off    int64 // input offset of buf[0]
	line   int
	eof    bool
	limits DecodeOptions
	// root names the value read, where a path would be empty: "document",
	// "header", "record", so that every problem says where it is.
	root string
	// kept holds the chunks of input read before buf.
	kept [][]byte
	// size is the offset where the input ends, when known, else 0: a
	// hint for the capacity of what is read, never a limit.
	size int64

	stack   []pathElem
	scratch []byte
	errs    event.ErrorList
	stopped bool
	// capped says where reading stopped for MaxErrors, so that the list
	// of problems can say it was cut.
	capped *event.FieldError
}

// chunk is how much input the scanner reads at once.
const chunk = 64 << 10

// newScanner returns a scanner of the stream r.
func newScanner(r io.Reader, limits DecodeOptions, root string) *scanner {
	return &scanner{r: r, line: 1, limits: limits.withDefaults(), root: root, size: sizeLeft(r)}
}

// sizeLeft returns how much r has left to read, when it tells, else 0: a
// reader of bytes or a string tells its length, a file its size, as
// os.ReadFile asks it. It is a hint, for sizing what is read and reading
// in parts at once, never a limit: a file may change meanwhile.
func sizeLeft(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case interface {
		Stat() (fs.FileInfo, error)
		io.Seeker
	}:
		fi, err := r.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0
		}
		if at, err := r.Seek(0, io.SeekCurrent); err == nil && at <= fi.Size() {
			return fi.Size() - at
		}
	}
	return 0
}

// newScannerOf returns a scanner of the whole input b, at offset off and on
// line line of a larger input.
func newScannerOf(b []byte, off int64, line int, limits DecodeOptions, root string) *scanner {
	return &scanner{buf: b, off: off, line: line, eof: true, limits: limits.withDefaults(), root: root, size: off + int64(len(b))}
}

// more makes at least one unread byte available, and reports whether it
// could.
func (s *scanner) more() bool {
	if s.pos < len(s.buf) {
		return true
	}
	if s.eof || s.stopped {
		return false
	}
	s.off += int64(len(s.buf))
	if len(s.buf) > 0 {
		s.kept = append(s.kept, s.buf)
	}
	s.buf, s.pos = make([]byte, chunk), 0
	n, err := s.r.Read(s.buf)
	for tries := 1; n == 0 && err == nil; tries++ {
		if tries == 100 { // as bufio gives up on a reader that returns nothing
			err = io.ErrNoProgress
			break
		}
		n, err = s.r.Read(s.buf)
	}
	s.buf = s.buf[:n]
	if s.off+int64(n) > s.limits.MaxBytes {
		s.fatal(fmt.Errorf("%w: more than %d bytes", ErrTooLarge, s.limits.MaxBytes))
		return false
	}
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		s.fatal(err)
		return false
	}
	return n > 0
}

func (s *scanner) offset() int64 { return s.off + int64(s.pos) }

// path formats the current JSON path, or names the root.
func (s *scanner) path() string {
	var b []byte
	for _, e := range s.stack {
		switch {
		case e.index >= 0:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(e.index), 10)
			b = append(b, ']')
		case len(e.key) > 0:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = appendKey(b, e.key)
		}
	}
	if len(b) == 0 {
		return s.root
	}
	return string(b)
}

// appendKey appends a key to a path: as it is, or, when it is longer than
// a message shows of a value, cut as values are cut ([event.QuoteValue]):
// at [event.MaxValueLen] bytes, on a character boundary, marked "…".
func appendKey[K []byte | string](b []byte, k K) []byte {
	if len(k) <= event.MaxValueLen {
		return append(b, k...)
	}
	cut := event.MaxValueLen
	for cut > 0 && !utf8.RuneStart(k[cut]) {
		cut--
	}
	return append(append(b, k[:cut]...), "…"...)
}

// problem records a problem with the value at the current path, which
// starts at offset off.
func (s *scanner) problem(off int64, line int, value string, err error) {
	if s.stopped {
		return
	}
	s.errs = append(s.errs, &event.FieldError{Path: s.path(), Line: line, Offset: off, Value: value, Err: err})
	if len(s.errs) >= s.limits.MaxErrors {
		s.stopped = true
		s.capped = &event.FieldError{Path: s.root, Line: line, Offset: off, Err: fmt.Errorf("%w: reading stopped here", event.ErrTooManyProblems)}
	}
}

// fatal records a problem that ends reading, where reading stopped.
func (s *scanner) fatal(err error) {
	s.stopAt(s.offset(), s.line, "", err)
}

// stopAt records a problem with the value at off that ends reading.
func (s *scanner) stopAt(off int64, line int, value string, err error) {
	if s.stopped {
		return
	}
	s.problem(off, line, value, err)
	s.stopped = true
}

// ws skips whitespace and returns the next byte, or 0 at the end.
func (s *scanner) ws() byte {
	// Compact JSON has no whitespace: the next byte is then the token.
	if s.pos < len(s.buf) && s.buf[s.pos] > ' ' {
		return s.buf[s.pos]
	}
	for {
		for s.pos < len(s.buf) {
			switch c := s.buf[s.pos]; c {
			case '\n':
				s.line++
				s.pos++
			case ' ', '\t', '\r':
				s.pos++
			default:
				return c
			}
		}
		if !s.more() {
			return 0
		}
	}
}

// expect consumes c after whitespace, or stops with a syntax error.
func (s *scanner) expect(c byte) bool {
	if s.ws() == c {
		s.pos++
		return true
	}
	s.syntax("expected " + strconv.QuoteRune(rune(c)))
	return false
}

func (s *scanner) syntax(what string) {
	if s.stopped {
		return
	}
	s.fatal(fmt.Errorf("%w: %s", ErrSyntax, what+", found "+s.found()))
}

// found describes what the input holds where reading stopped: a character,
// quoted, a byte order mark or a byte that is not UTF-8 named as such.
func (s *scanner) found() string {
	if !s.more() {
		return "end of input"
	}
	rest := s.buf[s.pos:]
	switch r, size := utf8.DecodeRune(rest); {
	case r == '\uFEFF':
		return "a byte order mark (U+FEFF): JSON text is UTF-8 without one"
	case r == utf8.RuneError && size <= 1 && len(rest) >= 2 && (rest[0] == 0xFE && rest[1] == 0xFF || rest[0] == 0xFF && rest[1] == 0xFE):
		return "a UTF-16 byte order mark: JSON text is UTF-8"
	case r == utf8.RuneError && size <= 1:
		return "byte 0x" + strconv.FormatUint(uint64(rest[0]), 16) + ", which is not UTF-8"
	default:
		return strconv.QuoteRune(r)
	}
}

// push and pop keep the path.
func (s *scanner) push(index int) bool {
	if len(s.stack) >= s.limits.MaxDepth {
		s.fatal(fmt.Errorf("%w: more than %d levels", ErrTooDeep, s.limits.MaxDepth))
		return false
	}
	if len(s.stack) < cap(s.stack) {
		s.stack = s.stack[:len(s.stack)+1]
		s.stack[len(s.stack)-1].key = nil
		s.stack[len(s.stack)-1].index = index
	} else {
		s.stack = append(s.stack, pathElem{index: index})
	}
	return true
}

func (s *scanner) pop() { s.stack = s.stack[:len(s.stack)-1] }

// key returns the key of the member being read.
func (s *scanner) key() []byte { return s.stack[len(s.stack)-1].key }

// object reads the members of an object: call it to start, then nextKey
// until it returns false. It reports a type problem and skips the value
// when it is not an object.
func (s *scanner) object() bool { return s.open('{', "an object") }

// nextKey reads the next key of the object being read, and the colon after
// it, or the end of the object.
func (s *scanner) nextKey() bool {
	e := &s.stack[len(s.stack)-1]
	c := s.ws()
	if len(e.key) > 0 || e.index == -2 { // not the first member
		switch c {
		case ',':
			s.pos++
			c = s.ws()
		case '}':
			s.pos++
			s.pop()
			return false
		default:
			s.syntax("expected ',' or '}'")
			return false
		}
	} else if c == '}' {
		s.pos++
		s.pop()
		return false
	}
	if c != '"' {
		s.syntax("expected a key")
		return false
	}
	e.key = nil // the old key must not name a problem in the new one
	if start := s.pos + 1; true {
		if end, ok := s.plain(start); ok {
			e.key, s.pos = s.buf[start:end:end], end+1
		} else {
			e.own, ok = s.readString(e.own[:0])
			e.key = e.own // even when reading failed, so that the path names what was read
			if !ok {
				return false
			}
		}
	}
	e.index = -2 // marks that a member was read, even with an empty key
	return s.expect(':')
}

// array reads the elements of an array: call it to start, then nextElem
// until it returns false.
func (s *scanner) array() bool { return s.open('[', "an array") }

// open starts reading a value that begins with c, '{' or '[': objects and
// arrays start alike, and a value of another type is reported, as want,
// and skipped.
func (s *scanner) open(c byte, want string) bool {
	switch s.ws() {
	case c:
		s.pos++
		return s.push(-1)
	case 0:
		s.syntax("expected a value")
		return false
	}
	s.wrongType(want)
	return false
}

func (s *scanner) nextElem() bool {
	e := &s.stack[len(s.stack)-1]
	c := s.ws()
	if e.index >= 0 {
		switch c {
		case ',':
			s.pos++
		case ']':
			s.pos++
			s.pop()
			return false
		default:
			s.syntax("expected ',' or ']'")
			return false
		}
	} else if c == ']' {
		s.pos++
		s.pop()
		return false
	}
	e.index++
	return !s.stopped
}

// wrongType reports a value of the wrong type and skips it.
func (s *scanner) wrongType(want string) {
	off, line := s.offset(), s.line
	v := s.skip()
	if !s.stopped {
		s.problem(off, line, v, fmt.Errorf("%w: %s", ErrType, "want "+want))
	}
}

// str reads a string value.
func (s *scanner) str() (string, bool) {
	b, ok := s.strBytes()
	return string(b), ok
}

// strBytes reads a string value, and returns its bytes, which are valid
// until the next string is read.
func (s *scanner) strBytes() ([]byte, bool) {
	switch s.ws() {
	case '"':
		return s.rawString()
	case 0:
		s.syntax("expected a value")
		return nil, false
	}
	s.wrongType("a string")
	return nil, false
}

// rawString reads a string at its opening quote, and returns its bytes: a
// view of the input where the string has no escapes, else the unescaped
// bytes in the scanner's scratch space. They are valid until the next
// string is read.
func (s *scanner) rawString() ([]byte, bool) {
	start := s.pos + 1
	if end, ok := s.plain(start); ok {
		s.pos = end + 1
		return s.buf[start:end:end], true
	}
	b, ok := s.readString(s.scratch[:0])
	s.scratch = b[:0]
	return b, ok
}

// plain reports whether the buffer holds, from start, the rest of a string
// that needs no unescaping nor copying: bytes that are neither quotes,
// backslashes nor control characters, within MaxString, valid UTF-8, up
// to a closing quote; and returns the index of the quote.
func (s *scanner) plain(start int) (int, bool) {
	end, ascii := plainRun(s.buf, start)
	ok := end < len(s.buf) && s.buf[end] == '"' && end-start <= s.limits.MaxString &&
		(ascii || utf8.Valid(s.buf[start:end]))
	return end, ok
}

// plainRun returns the index of the first quote, backslash or control
// character in b from i on, or len(b), and whether the bytes before it are
// all ASCII. It looks at eight bytes at a time, as appendString does.
func plainRun(b []byte, i int) (int, bool) {
	var seen uint64 // the bytes seen, or-ed: their high bits tell non-ASCII
	for i+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[i:])
		q, bs := w^(ones*'"'), w^(ones*'\\')
		if m := ((w-ones*0x20)&^w | (q-ones)&^q | (bs-ones)&^bs) & highs; m != 0 {
			// The lowest byte marked is the first that ends the run:
			// the tricks mark bytes wrongly only above one rightly
			// marked. The buffer runs on past the string, so this finds
			// the end of most strings without a byte at a time.
			k := bits.TrailingZeros64(m) / 8
			seen |= w & (1<<(8*k) - 1)
			return i + k, seen&highs == 0
		}
		seen |= w
		i += 8
	}
	for ; i < len(b); i++ {
		c := b[i]
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		seen |= uint64(c)
	}
	return i, seen&highs == 0
}

// readString reads a string, appending its unescaped bytes to b. The
// scanner is at the opening quote.
func (s *scanner) readString(b []byte) ([]byte, bool) {
	off, line, base := s.offset(), s.line, len(b)
	s.pos++
	for {
		if !s.more() {
			s.syntax("unterminated string")
			return b, false
		}
		// Copy the run of plain bytes at once.
		start := s.pos
		s.pos, _ = plainRun(s.buf, s.pos)
		b = append(b, s.buf[start:s.pos]...)
		if len(b)-base > s.limits.MaxString {
			// The value is what was read, one byte beyond the limit: the
			// message cuts it as every message cuts values.
			s.stopAt(off, line, string(b[base:base+s.limits.MaxString+1]),
				fmt.Errorf("%w: more than %d bytes", ErrStringTooLong, s.limits.MaxString))
			return b, false
		}
		if s.pos == len(s.buf) {
			continue
		}
		switch c := s.buf[s.pos]; {
		case c == '"':
			s.pos++
			if !utf8.Valid(b) {
				s.fatal(fmt.Errorf("%w: %s", ErrSyntax, "invalid UTF-8 in string"))
				return b, false
			}
			return b, true
		case c < 0x20:
			s.syntax("control character in string")
			return b, false
		}
		s.pos++ // the backslash
		var ok bool
		if b, ok = s.escape(b); !ok {
			return b, false
		}
	}
}

// escape reads one escape sequence after its backslash.
func (s *scanner) escape(b []byte) ([]byte, bool) {
	if !s.more() {
		s.syntax("unterminated escape")
		return b, false
	}
	c := s.buf[s.pos]
	s.pos++
	switch c {
	case '"', '\\', '/':
		return append(b, c), true
	case 'b':
		return append(b, '\b'), true
	case 'f':
		return append(b, '\f'), true
	case 'n':
		return append(b, '\n'), true
	case 'r':
		return append(b, '\r'), true
	case 't':
		return append(b, '\t'), true
	case 'u':
		r, ok := s.hex4()
		if !ok {
			return b, false
		}
		if utf16.IsSurrogate(r) {
			r2 := rune(-1)
			if s.more() && s.buf[s.pos] == '\\' {
				s.pos++
				if s.more() && s.buf[s.pos] == 'u' {
					s.pos++
					if r2, ok = s.hex4(); !ok {
						return b, false
					}
				}
			}
			if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
				s.fatal(fmt.Errorf("%w: %s", ErrSyntax, "unpaired surrogate in string"))
				return b, false
			}
		}
		return utf8.AppendRune(b, r), true
	}
	s.pos--
	s.syntax("invalid escape")
	return b, false
}

func (s *scanner) hex4() (rune, bool) {
	var r rune
	for range 4 {
		if !s.more() {
			s.syntax("unterminated escape")
			return 0, false
		}
		c := s.buf[s.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			s.syntax("invalid \\u escape")
			return 0, false
		}
		s.pos++
	}
	return r, true
}

// number reads a number value.
func (s *scanner) number() (float64, bool) {
	switch c := s.ws(); {
	case c == '-' || (c >= '0' && c <= '9'):
	case c == 0:
		s.syntax("expected a value")
		return 0, false
	default:
		s.wrongType("a number")
		return 0, false
	}
	off, line := s.offset(), s.line
	lit, ok := s.readNumber()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		s.problem(off, line, string(lit), fmt.Errorf("%w: %s", ErrType, "number out of range"))
		return 0, false
	}
	return f, true
}

// maxNumber is the length of the longest number read: a float64 needs
// far fewer digits.
const maxNumber = 64

// readNumber reads the literal of a number, checking the JSON grammar.
func (s *scanner) readNumber() ([]byte, bool) {
	off, line := s.offset(), s.line
	b := s.scratch[:0]
	next := func() byte {
		if s.more() {
			return s.buf[s.pos]
		}
		return 0
	}
	take := func() {
		b = append(b, s.buf[s.pos])
		s.pos++
	}
	digits := func() int {
		n := 0
		// Past maxNumber, reading stops: the number is too long anyway.
		for c := next(); c >= '0' && c <= '9' && len(b) <= maxNumber; c = next() {
			take()
			n++
		}
		return n
	}
	if next() == '-' {
		take()
	}
	switch c := next(); {
	case c == '0':
		take()
	case c >= '1' && c <= '9':
		digits()
	default:
		s.syntax("invalid number")
		return b, false
	}
	if next() == '.' {
		take()
		if digits() == 0 {
			s.syntax("invalid number")
			return b, false
		}
	}
	if c := next(); c == 'e' || c == 'E' {
		take()
		if c := next(); c == '+' || c == '-' {
			take()
		}
		if digits() == 0 {
			s.syntax("invalid number")
			return b, false
		}
	}
	if len(b) > maxNumber {
		s.stopAt(off, line, string(b), fmt.Errorf("%w: a number of more than %d characters", ErrStringTooLong, maxNumber))
		return b, false
	}
	s.scratch = b[:0]
	return b, true
}

// skip reads and discards one value of any type, and returns a short
// rendering of it for error messages.
func (s *scanner) skip() string {
	switch c := s.ws(); {
	case c == '"':
		b, _ := s.readString(s.scratch[:0])
		s.scratch = b[:0]
		return string(b)
	case c == '{':
		s.pos++
		if !s.push(-1) {
			return ""
		}
		for s.nextKey() {
			s.skip()
		}
		return "{…}"
	case c == '[':
		s.pos++
		if !s.push(-1) {
			return ""
		}
		for s.nextElem() {
			s.skip()
		}
		return "[…]"
	case c == '-' || (c >= '0' && c <= '9'):
		b, _ := s.readNumber()
		return string(b)
	case c == 't':
		s.literal("true")
		return "true"
	case c == 'f':
		s.literal("false")
		return "false"
	case c == 'n':
		s.literal("null")
		return "null"
	}
	s.syntax("expected a value")
	return ""
}

func (s *scanner) literal(lit string) {
	for i := range len(lit) {
		if !s.more() || s.buf[s.pos] != lit[i] {
			s.syntax("invalid literal")
			return
		}
		s.pos++
	}
}

// end checks that nothing but whitespace follows the value read.
func (s *scanner) end() {
	if s.ws() != 0 && !s.stopped {
		s.syntax("expected the end of input")
	}
}

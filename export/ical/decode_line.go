package ical

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/accordline/accordline/export"
)

// lineReader reads content lines: physical lines joined where the next
// one starts with a space or tab, with the line break and that one
// character removed. Lines may end in CRLF or LF alone.
type lineReader struct {
	br      *bufio.Reader
	max     int64 // bytes in the whole input
	maxLine int   // bytes in one unfolded line

	n     int64  // bytes consumed
	phys  int    // physical lines begun
	buf   []byte // the current content line, unfolded
	folds []int  // offsets in buf where continuation lines start
	start int    // physical line where buf starts

	tooLong  bool // the current line is longer than maxLine; buf is not kept
	tooLarge bool // the input is longer than max
	eof      bool
	bom      bool // the byte order mark has been looked for
	err      error
}

// next reads the next non-empty content line into buf. It returns false
// at the end of the input, and when reading must stop.
func (lr *lineReader) next() bool {
	if !lr.bom {
		lr.bom = true
		if b, _ := lr.br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			_, _ = lr.br.Discard(3)
			lr.n += 3
		}
	}
	for lr.running() {
		lr.buf, lr.folds, lr.tooLong = lr.buf[:0], lr.folds[:0], false
		if !lr.physical(false) {
			return false
		}
		lr.start = lr.phys
		for lr.running() {
			if n := lr.blankBeforeFold(); n > 0 {
				// Some producers leave blank lines between a line and its
				// continuation (python3-icalendar reads them so): skip them.
				_, _ = lr.br.Discard(n)
				lr.phys++
				if lr.n += int64(n); lr.n > lr.max {
					lr.tooLarge = true
					break
				}
				continue
			}
			b, err := lr.br.Peek(1)
			if err != nil || (b[0] != ' ' && b[0] != '\t') {
				break
			}
			_, _ = lr.br.Discard(1)
			lr.phys++
			if lr.n++; lr.n > lr.max {
				lr.tooLarge = true
				break
			}
			lr.folds = append(lr.folds, len(lr.buf))
			lr.physical(true)
		}
		if lr.tooLarge || lr.err != nil {
			return false
		}
		if len(lr.buf) == 0 && !lr.tooLong {
			continue // blank lines are skipped
		}
		return true
	}
	return false
}

// blankBeforeFold returns the length of the line break of a blank line
// that a continuation line follows, or 0 when the input does not go on so.
func (lr *lineReader) blankBeforeFold() int {
	b, _ := lr.br.Peek(3)
	switch {
	case len(b) >= 2 && b[0] == '\n' && (b[1] == ' ' || b[1] == '\t'):
		return 1
	case len(b) >= 3 && b[0] == '\r' && b[1] == '\n' && (b[2] == ' ' || b[2] == '\t'):
		return 2
	}
	return 0
}

func (lr *lineReader) running() bool { return !lr.eof && !lr.tooLarge && lr.err == nil }

// physical appends one physical line to buf, without its line break, and
// reports whether there was one. counted says the line was already
// counted, because its first character (a fold) was read.
func (lr *lineReader) physical(counted bool) bool {
	read := counted
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			if !read {
				read = true
				lr.phys++
			}
			if lr.n += int64(len(chunk)); lr.n > lr.max {
				lr.tooLarge = true
				return true
			}
			if !lr.tooLong {
				if len(lr.buf)+len(chunk) > lr.maxLine+2 { // +2: the CRLF
					// Too long: only the beginning is kept, for the name.
					lr.tooLong = true
					lr.buf = append(lr.buf, chunk[:min(len(chunk), max(0, 256-len(lr.buf)))]...)
				} else {
					lr.buf = append(lr.buf, chunk...)
				}
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			lr.eof = true
		default:
			lr.err = err
		}
		break
	}
	if !lr.tooLong {
		lr.buf = bytes.TrimSuffix(lr.buf, []byte("\n"))
		lr.buf = bytes.TrimSuffix(lr.buf, []byte("\r"))
		if len(lr.buf) > lr.maxLine {
			lr.tooLong = true
		}
	}
	return read
}

// name returns the property name the current line begins with, in upper
// case, or "": of a line too long, buf holds the beginning.
func (lr *lineReader) name() string {
	i := 0
	for i < len(lr.buf) && i < 256 && isNameChar(lr.buf[i]) {
		i++
	}
	if i == len(lr.buf) && i > 0 && !lr.tooLong {
		return "" // no ":" follows: not a name
	}
	return strings.ToUpper(string(lr.buf[:i]))
}

// lineOf returns the physical line of offset off in buf.
func (lr *lineReader) lineOf(off int) int {
	n := lr.start
	for _, f := range lr.folds {
		if off < f {
			break
		}
		n++
	}
	return n
}

// A contentLine is one property: NAME;PARAM=value:value.
type contentLine struct {
	name   string // upper case
	params []lineParam
	value  string
	line   int
}

type lineParam struct {
	name   string   // upper case
	values []string // RFC 6868 escapes decoded
}

// param returns the first value of the named parameter, and whether it
// is there.
func (p *contentLine) param(name string) (string, bool) {
	for _, q := range p.params {
		if q.name == name {
			if len(q.values) == 0 {
				return "", true
			}
			return q.values[0], true
		}
	}
	return "", false
}

// parseLine parses the current content line: name *(";" param) ":" value.
func (d *decoder) parseLine() (contentLine, bool) {
	lr := &d.lr
	if !d.checkChars() {
		return contentLine{}, false
	}
	s := string(lr.buf)
	p := contentLine{line: lr.start}
	i := 0
	for i < len(s) && isNameChar(s[i]) {
		i++
	}
	if i == 0 {
		d.problem(lr.start, "", s, nil, "content line does not start with a property name")
		return p, false
	}
	p.name = strings.ToUpper(s[:i])
	if !strings.Contains(s[i:], ":") {
		d.problem(lr.start, p.name, s, nil, "no \":\" in the content line")
		return p, false
	}
	i, ok := d.parseParams(&p, s, i)
	if !ok {
		return p, false
	}
	if i == len(s) || s[i] != ':' {
		d.problem(lr.lineOf(i), p.name, "", nil, "expected \":\" or \";\" after the name or a parameter")
		return p, false
	}
	p.value = s[i+1:]
	return p, true
}

// checkChars looks for invalid UTF-8 and control characters other than
// tab in the current line. In strict reading the first is a problem that
// loses the line; in lenient reading they are removed (invalid bytes
// replaced by U+FFFD), the line read without them, and noted.
func (d *decoder) checkChars() bool {
	lr := &d.lr
	b := lr.buf
	bad, what := -1, ""
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		bad, what = off, "invalid UTF-8"
	}
	for i, c := range b {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			if bad < 0 || i < bad {
				bad, what = i, fmt.Sprintf("control character %U", rune(c))
			}
			break
		}
	}
	if bad < 0 {
		return true
	}
	j := 0
	for j < len(b) && isNameChar(b[j]) {
		j++
	}
	name := strings.ToUpper(string(b[:j]))
	if d.opts.Strict {
		d.problem(lr.lineOf(bad), name, "", nil, "%s in a content line", what)
		return false
	}
	clean := bytes.ToValidUTF8(b, []byte("\uFFFD"))
	clean = bytes.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, clean)
	lr.buf = append(lr.buf[:0], clean...)
	d.add(issue{line: lr.lineOf(bad), field: name, msg: what + " removed from the content line", action: export.Dropped})
	return true
}

// parseParams parses the parameters of p in s from offset i, each after a
// ";", and returns the offset after the last.
func (d *decoder) parseParams(p *contentLine, s string, i int) (int, bool) {
	var seen map[string]bool // parameter names
	for i < len(s) && s[i] == ';' {
		i++
		j := i
		for i < len(s) && isNameChar(s[i]) {
			i++
		}
		if i == j || i == len(s) || s[i] != '=' {
			d.problem(d.lr.lineOf(i), p.name, "", nil, "parameter without a name or \"=\"")
			return i, false
		}
		q := lineParam{name: strings.ToUpper(s[j:i])}
		if seen[q.name] {
			d.problem(d.lr.lineOf(j), p.name+";"+q.name, "", nil, "parameter given twice")
			return i, false
		}
		if seen == nil {
			seen = make(map[string]bool)
		}
		seen[q.name] = true
		var ok bool
		if q.values, i, ok = d.paramValues(p.name, q.name, s, i+1); !ok { // +1: the '='
			return i, false
		}
		p.params = append(p.params, q)
	}
	return i, true
}

// paramValues parses the comma-separated values of parameter param of
// property prop in s from offset i, and returns the offset after the last.
func (d *decoder) paramValues(prop, param, s string, i int) ([]string, int, bool) {
	var values []string
	for {
		var v string
		if i < len(s) && s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				d.problem(d.lr.lineOf(i), prop+";"+param, "", nil, "unterminated quoted value")
				return nil, i, false
			}
			v = s[i+1 : i+1+end]
			i += end + 2
		} else {
			j := i
			for i < len(s) && s[i] != ';' && s[i] != ':' && s[i] != ',' {
				if s[i] == '"' {
					d.problem(d.lr.lineOf(i), prop+";"+param, "", nil, "double quote inside a value")
					return nil, i, false
				}
				i++
			}
			v = s[j:i]
		}
		values = append(values, decodeCaret(v))
		if i == len(s) || s[i] != ',' {
			return values, i, true
		}
		i++
	}
}

func isNameChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if !isNameChar(s[i]) {
			return false
		}
	}
	return true
}

// decodeCaret decodes the RFC 6868 escapes of a parameter value: ^n is a
// line break, ^' a double quote and ^^ a caret; a caret before anything
// else stays as it is.
func decodeCaret(s string) string {
	if !strings.Contains(s, "^") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '^' && i+1 < len(s) {
			switch s[i+1] {
			case 'n':
				b, i = append(b, '\n'), i+1
				continue
			case '\'':
				b, i = append(b, '"'), i+1
				continue
			case '^':
				b, i = append(b, '^'), i+1
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

package jsondoc

import (
	"strconv"
	"strings"
)

// Problems that validation finds after reading name a path ("events[3].
// participants[0].actor"), not a place in the input. The scanner finds the
// place again in the input it kept, walking the path from the start of the
// element: reading costs nothing more, and only problems cost a walk.

// input returns the bytes of the input from offset from to offset to, of
// those the scanner has: the ones it kept and those of its buffer.
func (s *scanner) input(from, to int64) []byte {
	at := s.off
	for _, c := range s.kept {
		at -= int64(len(c))
	}
	var out []byte
	for i := 0; i <= len(s.kept); i++ {
		c := s.buf
		if i < len(s.kept) {
			c = s.kept[i]
		}
		lo, hi := max(from, at), min(to, at+int64(len(c)))
		if lo < hi {
			if out == nil && lo == from && hi == to {
				return c[lo-at : hi-at]
			}
			out = append(out, c[lo-at:hi-at]...)
		}
		at += int64(len(c))
	}
	return out
}

// A located value is where a path leads in the input, and the path as
// messages give it, with its keys cut ([appendKey]): a key can be as long
// as the input.
type located struct {
	at   position
	path string
}

// locateAll returns, for each of paths, relative to the element at, which
// was read, where the value it names starts: where the path names nothing
// that the input holds (a member that is missing, a problem of the element
// as a whole), the innermost value it names that the input holds. It walks
// the element once, however many the paths: a path at a time would take
// time quadratic in the length of a list whose every element is a problem.
func (s *scanner) locateAll(at span, paths []string) []located {
	// wanted are the paths and every path that leads to one, inner
	// those that lead to one: the walk records where the first are and
	// goes into the values of the second only.
	wanted, inner := map[string]bool{"": true}, map[string]bool{}
	for _, p := range paths {
		wanted[p] = true
		for i := len(p) - 1; i > 0; i-- {
			if p[i] == '.' || p[i] == '[' {
				wanted[p[:i]], inner[p[:i]] = true, true
			}
		}
		if p != "" {
			inner[""] = true
		}
	}
	w := newScannerOf(s.input(at.start.off, at.end), at.start.off, at.start.line, s.limits, s.root)
	found := make(map[string]located, len(wanted))
	w.walkValue(nil, nil, wanted, inner, found)
	out := make([]located, len(paths))
	for i, p := range paths {
		// The longest prefix of p that the input holds, "" at least.
		prefix := p
		for {
			if l, ok := found[prefix]; ok {
				out[i] = l
				if rest := p[len(prefix):]; rest != "" {
					// What the input does not hold is named by
					// validation: members of the format, and keys it read.
					if rest[0] == '.' && l.path == "" {
						rest = rest[1:]
					}
					out[i].path = string(appendKey([]byte(l.path), rest))
				}
				break
			}
			cut := max(strings.LastIndexByte(prefix, '.'), strings.LastIndexByte(prefix, '['), 0)
			if prefix == "" {
				out[i] = located{at: at.start, path: p}
				break
			}
			prefix = prefix[:cut]
		}
	}
	return out
}

// walkValue walks the value at the scanner, whose path is path (cut: as
// messages give it), records where it starts when it is wanted, and walks
// the values in it when it leads to one that is.
func (s *scanner) walkValue(path, cut []byte, wanted, inner map[string]bool, found map[string]located) {
	c := s.ws()
	if wanted[string(path)] {
		found[string(path)] = located{position{s.offset(), s.line}, string(cut)}
	}
	if !inner[string(path)] || (c != '{' && c != '[') {
		s.skip()
		return
	}
	s.pos++
	if !s.push(-1) {
		return
	}
	if c == '[' {
		for s.nextElem() {
			i := int64(s.stack[len(s.stack)-1].index)
			s.walkValue(append(strconv.AppendInt(append(path, '['), i, 10), ']'), append(strconv.AppendInt(append(cut, '['), i, 10), ']'),
				wanted, inner, found)
		}
		return
	}
	for s.nextKey() {
		k := s.key()
		p, c := path, cut
		if len(p) > 0 {
			p, c = append(p, '.'), append(c, '.')
		}
		s.walkValue(append(p, k...), appendKey(c, k), wanted, inner, found)
	}
}

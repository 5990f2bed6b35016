package jsondoc

import "strconv"

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

// locateIn returns where the value that path names starts, path being
// relative to the element at, which was read: where the path names
// nothing that the input holds (a member that is missing, a problem of
// the element as a whole), the innermost value it names that the input
// holds. It returns the path too, with its keys cut as the scanner cuts
// them ([appendKey]): a key can be as long as the input.
func (s *scanner) locateIn(at span, path string) (position, string) {
	w := &scanner{buf: s.input(at.start.off, at.end), off: at.start.off, line: at.start.line, eof: true, limits: s.limits}
	return w.walk(path)
}

// walk follows path from the value at the scanner, and returns where the
// last value it finds starts, and the path.
func (s *scanner) walk(path string) (position, string) {
	s.ws()
	found := position{s.offset(), s.line}
	var walked []byte
	for path != "" && !s.stopped {
		var ok bool
		if path[0] == '[' {
			path, walked, ok = s.walkIndex(path, walked)
		} else {
			path, walked, ok = s.walkKey(path, walked)
		}
		if !ok {
			break
		}
		s.ws()
		found = position{s.offset(), s.line}
	}
	if path != "" {
		// What the input does not hold is named by validation: the
		// members of the format, and keys it read.
		if path[0] == '.' && len(walked) == 0 {
			path = path[1:]
		}
		walked = appendKey(walked, path)
	}
	return found, string(walked)
}

// walkIndex moves to the element that path starts with, "[i]", and returns
// the rest of the path and walked with the index, or reports that the
// input has no such element.
func (s *scanner) walkIndex(path string, walked []byte) (string, []byte, bool) {
	end := 1
	for end < len(path) && path[end] != ']' {
		end++
	}
	i, err := strconv.Atoi(path[1:min(end, len(path))])
	if err != nil || end == len(path) || s.ws() != '[' {
		return path, walked, false
	}
	s.pos++
	s.push(-1)
	for s.nextElem() {
		if s.stack[len(s.stack)-1].index == i {
			return path[end+1:], append(walked, path[:end+1]...), true
		}
		s.skip()
	}
	return path, walked, false
}

// walkKey moves to the member that path starts with, ".key" or "key", and
// returns the rest of the path and walked with the key, or reports that
// the input has no such member. Keys may hold dots and brackets (a
// language tag that is not one): the longest key that the path starts with
// wins.
func (s *scanner) walkKey(path string, walked []byte) (string, []byte, bool) {
	rest := path
	if rest[0] == '.' {
		rest = rest[1:]
	}
	if s.ws() != '{' {
		return path, walked, false
	}
	s.pos++
	s.push(-1)
	best, bestLen := position{}, -1
	for s.nextKey() {
		k := s.key()
		if len(k) > bestLen && len(k) <= len(rest) && string(k) == rest[:len(k)] &&
			(len(k) == len(rest) || rest[len(k)] == '.' || rest[len(k)] == '[') {
			s.ws()
			best, bestLen = position{s.offset(), s.line}, len(k)
		}
		s.skip()
	}
	if bestLen < 0 {
		return path, walked, false
	}
	s.pos, s.line, s.stack = int(best.off-s.off), best.line, s.stack[:0]
	if len(walked) > 0 {
		walked = append(walked, '.')
	}
	return rest[bestLen:], appendKey(walked, rest[:bestLen]), true
}

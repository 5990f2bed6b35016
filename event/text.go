package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkText reports text that no output format can carry faithfully:
// invalid UTF-8, control characters other than tab and line breaks, and
// noncharacters, which XML forbids (U+FFFE, U+FFFF) or which are reserved
// for a program's own use.
func checkText(l *ErrorList, path path, s string, multiline bool) {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && printableASCII(s[i:i+8]) {
			i += 8 // most text, eight bytes at a time
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && c != '\t' && !(multiline && (c == '\n' || c == '\r')) {
				l.add(path, s, ErrInvalidText)
				return
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			l.add(path, strings.ToValidUTF8(s, "\uFFFD"), ErrInvalidText)
			return
		}
		if unicode.IsControl(r) || isNoncharacter(r) {
			l.add(path, s, ErrInvalidText)
			return
		}
		i += size
	}
}

// printableASCII reports whether the eight bytes of w are all printable
// ASCII, U+0020 to U+007E, with the classic bit tricks that test eight
// bytes at once for one below 0x20, one equal to 0x7F, and one above.
func printableASCII(w string) bool {
	w = w[:8]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := x ^ ones*0x7f
	return ((x-ones*0x20)&^x|(del-ones)&^del|x)&highs == 0
}

// checkRequiredText is checkText for a field that must not be blank.
func checkRequiredText(l *ErrorList, path path, s string) {
	if strings.TrimSpace(s) == "" {
		l.add(path, s, ErrRequired)
		return
	}
	checkText(l, path, s, false)
}

func checkLanguage(l *ErrorList, path path, tag string, required bool) {
	switch {
	case tag == "" && !required:
	case tag == "":
		l.add(path, "", ErrRequired)
	case !ValidLanguage(tag):
		l.add(path, tag, ErrInvalidLanguage)
	}
}

// checkNames validates a map of names keyed by language tag.
func checkNames(l *ErrorList, p path, names map[string]string) {
	check := func(tag string) {
		if !ValidLanguage(tag) {
			l.add(p.with("."+tag), tag, ErrInvalidLanguage)
			return
		}
		if v := names[tag]; strings.TrimSpace(v) == "" || !ValidText(v, false) {
			checkRequiredText(l, p.with("."+tag), v)
		}
	}
	// Valid names need no sorting: only problems are reported in order.
	valid := true
	for tag, v := range names {
		if !ValidLanguage(tag) || strings.TrimSpace(v) == "" || !ValidText(v, false) {
			valid = false
			break
		}
	}
	if valid {
		return
	}
	for _, tag := range sortedKeys(names) {
		check(tag)
	}
}

// ValidText reports whether s is text every output format can carry
// faithfully, as the text fields of events and actors must be: valid UTF-8
// without control characters other than tab, and without line breaks
// unless multiline. Noncharacters such as U+FFFE are refused too.
func ValidText(s string, multiline bool) bool {
	var l ErrorList
	checkText(&l, path{}, s, multiline)
	return len(l) == 0
}

// isNoncharacter reports whether r is one of the 66 noncharacters of
// Unicode: U+FDD0 to U+FDEF, and the last two code points of every plane.
func isNoncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// special holds the characters [Escape] writes with a backslash.
const special = "\\`*_{}[]()#+-.!|<>~=&"

// plain marks the ASCII bytes Escape copies as they are, whatever comes
// before or after them: not special, not a control character, and none
// of ':', '.' and '@', which can make a link.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(special+":.@", rune(c))
	}
	return t
}()

// Escape returns s with every Markdown-special character backslash-escaped
// and line breaks and tabs turned into spaces, so that it reads as plain
// text wherever Markdown allows inline text. It also breaks the URLs,
// "www." addresses and e-mail addresses that GitHub would link, as the
// package doc says, without changing how the text renders.
func Escape(s string) string {
	return string(appendEscaped(make([]byte, 0, len(s)+len(s)/8), s))
}

// appendEscaped appends s to b as Escape returns it.
func appendEscaped(b []byte, s string) []byte {
	start := len(b)
	var prev rune // the rune before the one at i, 0 at the start
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if dropped(r, size) {
				return appendEscaped(b[:start], kept(s))
			}
			b = append(b, s[i:i+size]...)
			prev = r
			i += size
			continue
		}
		switch {
		case plain[c]:
			b = append(b, c)
		case c == '\r' || c == '\n' || c == '\t':
			b = append(b, ' ')
		case dropped(rune(c), 1):
			// What is dropped goes first, so that the text around it is
			// escaped as it will be read: "http:\x01//" must not become a
			// link. Text without any, as a timeline's, is read once.
			return appendEscaped(b[:start], kept(s))
		case c == ':' && strings.HasPrefix(s[i+1:], "//"):
			b = append(b, "&#58;"...)
		case c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b = append(b, "&#46;"...)
		case c == '@' && localPart(prev):
			b = append(b, "&#8288;@"...)
		case strings.IndexByte(special, c) >= 0:
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
		prev = rune(c)
		i++
	}
	return b
}

// dropped reports whether Escape drops the rune r of size bytes, which
// Markdown cannot carry: a control character other than a line break or a
// tab, or a byte of invalid UTF-8 (but not a U+FFFD of its own).
func dropped(r rune, size int) bool {
	return r != '\r' && r != '\n' && r != '\t' && unicode.IsControl(r) || r == utf8.RuneError && size == 1
}

// kept returns s without the runes Escape drops.
func kept(s string) string {
	var b []byte
	start := 0 // of what is kept and not yet copied to b
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !dropped(r, size) {
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		i += size
		start = i
	}
	return string(append(b, s[start:]...))
}

// localPart reports whether cmark-gfm's autolink extension would take r,
// before an '@', for the end of an e-mail address's local part (or of
// "mailto:" or "xmpp:").
func localPart(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".+-_:", r)
}

// appendLinkTarget appends s percent-encoding the characters that could
// end or break a Markdown link destination.
func appendLinkTarget(b []byte, s string) []byte {
	const upperHex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', ' ', '<', '>', '\\', '`', '"', '\'', '[', ']', '*', '_':
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}

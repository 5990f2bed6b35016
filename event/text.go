package event

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of a name used to match it regardless of case,
// accents and spacing: "Kasachstan", "KASACHSTAN" and " kasachstan " fold
// alike, as do "Tokajew" and "Tokájew", and "Weißes Haus" and "weisses haus".
// Only the folded forms of two names should be compared, never shown.
func Fold(s string) string {
	if folded, ok := foldASCII(s); ok {
		return folded
	}
	// Decompose, drop the combining marks (the accents), fold case, and
	// compose again.
	s = norm.NFD.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
	s = norm.NFC.String(cases.Fold().String(s))
	return strings.Join(strings.Fields(s), " ")
}

// foldASCII folds s when it is all ASCII, which most names and tags are,
// without allocating when s is already folded.
func foldASCII(s string) (string, bool) {
	clean := true
	prevSpace := true
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c >= 'A' && c <= 'Z':
			clean = false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			if prevSpace || c != ' ' {
				clean = false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	if clean && !prevSpace || s == "" {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := range len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}

// checkText reports text that no output format can carry faithfully:
// invalid UTF-8 and control characters other than tab and line breaks.
func checkText(l *ErrorList, path path, s string, multiline bool) {
	for i := 0; i < len(s); {
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
		if unicode.IsControl(r) {
			l.add(path, s, ErrInvalidText)
			return
		}
		i += size
	}
}

// checkRequiredText is checkText for a field that must not be blank.
func checkRequiredText(l *ErrorList, path path, s string) {
	if strings.TrimSpace(s) == "" {
		l.add(path, s, ErrRequired)
		return
	}
	checkText(l, path, s, false)
}

// ValidLanguage reports whether tag is a valid BCP 47 language tag such as
// "de", "en-US" or "zh-Hant": well-formed, with subtags that are registered
// ("zz" is well-formed but names no language).
func ValidLanguage(tag string) bool {
	if tag == "" || len(tag) > 64 || strings.ContainsAny(tag, "_ ") {
		return false
	}
	if v, ok := validTags.Load(tag); ok {
		return v.(bool)
	}
	_, err := language.Parse(tag)
	if validTagCount.Add(1) <= maxValidTags {
		validTags.Store(tag, err == nil)
	}
	return err == nil
}

// validTags memoizes ValidLanguage: parsing a tag is costly, and data uses
// few tags over and over. It holds facts about tags that never change, and
// at most maxValidTags of them, so that hostile input cannot grow it.
var (
	validTags     sync.Map // string → bool
	validTagCount atomic.Int64
)

const maxValidTags = 4096

// ValidCountry reports whether code has the form of an ISO 3166-1 alpha-2
// code: two upper-case ASCII letters. User-assigned codes such as "XK" are
// accepted; whether a code is assigned is not checked.
func ValidCountry(code string) bool {
	return len(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z'
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
		if v := names[tag]; strings.TrimSpace(v) == "" || !validText(v, false) {
			checkRequiredText(l, p.with("."+tag), v)
		}
	}
	if len(names) == 1 { // the common case needs no sorting
		for tag := range names {
			check(tag)
		}
		return
	}
	for _, tag := range sortedKeys(names) {
		check(tag)
	}
}

// validText reports whether checkText would find nothing wrong with s.
func validText(s string, multiline bool) bool {
	var l ErrorList
	checkText(&l, path{}, s, multiline)
	return len(l) == 0
}

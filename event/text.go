package event

import (
	"strings"
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
func checkText(l *ErrorList, path, s string, multiline bool) {
	if !utf8.ValidString(s) {
		l.add(path, strings.ToValidUTF8(s, "\uFFFD"), ErrInvalidText)
		return
	}
	for _, r := range s {
		if r == '\t' || (multiline && (r == '\n' || r == '\r')) {
			continue
		}
		if unicode.IsControl(r) {
			l.add(path, s, ErrInvalidText)
			return
		}
	}
}

// checkRequiredText is checkText for a field that must not be blank.
func checkRequiredText(l *ErrorList, path, s string) {
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
	if tag == "" || strings.ContainsAny(tag, "_ ") {
		return false
	}
	_, err := language.Parse(tag)
	return err == nil
}

// ValidCountry reports whether code has the form of an ISO 3166-1 alpha-2
// code: two upper-case ASCII letters. User-assigned codes such as "XK" are
// accepted; whether a code is assigned is not checked.
func ValidCountry(code string) bool {
	return len(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z'
}

func checkLanguage(l *ErrorList, path, tag string, required bool) {
	switch {
	case tag == "" && !required:
	case tag == "":
		l.add(path, "", ErrRequired)
	case !ValidLanguage(tag):
		l.add(path, tag, ErrInvalidLanguage)
	}
}

// checkNames validates a map of names keyed by language tag.
func checkNames(l *ErrorList, path string, names map[string]string) {
	for _, tag := range sortedKeys(names) {
		p := path + "." + tag
		if !ValidLanguage(tag) {
			l.add(p, tag, ErrInvalidLanguage)
			continue
		}
		checkRequiredText(l, p, names[tag])
	}
}

package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of a name used to match it regardless of case,
// accents and spacing: "Kasachstan", "KASACHSTAN" and " kasachstan " fold
// alike, as do "Tokajew" and "Tokájew", and "Weißes Haus" and "weisses haus".
// Only the folded forms of two names should be compared, never shown.
func Fold(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.Join(strings.Fields(out), " ")
}

// isFoldedASCII reports whether s is already in folded form, which saves the
// transformation for the common case of lower-case ASCII words.
func isFoldedASCII(s string) bool {
	prevSpace := true
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
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

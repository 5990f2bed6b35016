package event

import (
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// ValidURL reports whether s is an absolute http or https URL with a host,
// in valid UTF-8 and without spaces or control characters, as a source URL
// must be.
func ValidURL(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := range len(s) {
		if s[i] <= ' ' || s[i] == 0x7f {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
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

// validWikidata reports whether s has the form of a Wikidata item ID: "Q"
// and a number without leading zeros.
func validWikidata(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	return strings.Trim(s[1:], "0123456789") == ""
}

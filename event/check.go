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
func ValidURL(s string) bool { return plainWebURL(s) || parsedWebURL(s) }

// parsedWebURL is ValidURL by url.Parse.
func parsedWebURL(s string) bool {
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

// plainWebURL reports, without allocating, whether s has the plain form
// most source URLs have: "http://" or "https://", a host of ASCII letters,
// digits, dots and hyphens with an optional port, and then nothing or a
// path, query or fragment of printable ASCII without percent signs, which
// are all url.Parse could find fault with there. Each such string is a URL
// that ValidURL accepts (FuzzPlainWebURL checks it against url.Parse);
// others, which may still be valid, are left to url.Parse.
func plainWebURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	i := 0
	for i < len(rest) && hostByte[rest[i]] {
		i++
	}
	if i == 0 {
		return false
	}
	if i < len(rest) && rest[i] == ':' {
		for i++; i < len(rest) && '0' <= rest[i] && rest[i] <= '9'; i++ {
		}
	}
	if i < len(rest) && rest[i] != '/' && rest[i] != '?' && rest[i] != '#' {
		return false
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; c <= ' ' || c >= 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// hostByte marks the bytes of a plain host name.
var hostByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
	}
	return t
}()

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

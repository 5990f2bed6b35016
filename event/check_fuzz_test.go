package event

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var webURLCases = []struct {
	s           string
	plain, want bool
}{
	{"https://www.tagesschau.de/ausland/asien/kasachstan-abraham-abkommen-100.html", true, true},
	{"http://example.org", true, true},
	{"https://example.org:8443/a?b=c&d=e#f", true, true},
	{"https://example.org?q", true, true},
	{"https://example.org#top", true, true},
	{"https://example.org:/a", true, true},
	{"https://example.org/a%20b", false, true},             // escapes: url.Parse decides
	{"HTTPS://example.org/", false, true},                  // scheme in capitals
	{"https://user@example.org/", false, true},             // user info
	{"https://[::1]:8080/", false, true},                   // IPv6
	{"https://bücher.example/", false, true},               // not ASCII
	{"https://example.org/a%zz", false, false},             // bad escape
	{"https://example.org:80:80/", false, false},           // two ports
	{"https://", false, false},                             // no host
	{"https:///path", false, false},                        // no host
	{"https://exa mple.org/", false, false},                // space
	{"https://example.org/\x7f", false, false},             // control
	{"ftp://example.org/", false, false},                   // scheme
	{"https://example.org:8x/", false, false},              // port
	{"https://example.org/<script>\"'`{}|\\^", true, true}, // printable ASCII
}

func TestPlainWebURL(t *testing.T) {
	for _, c := range webURLCases {
		assert.Equal(t, c.plain, plainWebURL(c.s), "plainWebURL(%q)", c.s)
		assert.Equal(t, c.want, ValidURL(c.s), "ValidURL(%q)", c.s)
		assert.Equal(t, c.want, parsedWebURL(c.s), "parsedWebURL(%q)", c.s)
	}
}

// FuzzPlainWebURL checks that every URL the fast path takes is one that
// url.Parse accepts, with the same scheme and a host, and that ValidURL
// agrees with url.Parse on every string.
func FuzzPlainWebURL(f *testing.F) {
	for _, c := range webURLCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := parsedWebURL(s)
		if plainWebURL(s) && !want {
			t.Fatalf("plainWebURL(%q) = true; url.Parse refuses it", s)
		}
		if got := ValidURL(s); got != want {
			t.Fatalf("ValidURL(%q) = %v, url.Parse says %v", s, got, want)
		}
	})
}

package htmlpage

import (
	"bytes"
	"html/template"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEscapeDropsWhatXMLAndHTMLCannotCarry(t *testing.T) {
	for _, c := range []struct {
		in, want string
		dropped  int
	}{
		{"plain text\t\n\r", "plain text\t\n\r", 0},
		{`<b a="1" b='2'>&amp;+</b>`, "&lt;b a=&#34;1&#34; b=&#39;2&#39;&gt;&amp;amp;&#43;&lt;/b&gt;", 0},
		{"\x00\x01\x07\x0b\x0c\x1b\x1f\x7f", "", 8},
		{"c1 \u0080\u0085\u009f end", "c1  end", 3},
		{"ok \u00a0\ufffd\U0001f600 é", "ok \u00a0\ufffd\U0001f600 é", 0},
		{"non \ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffff char", "non  char", 6},
		{"next to \ufdcf\ufdf0\ufffc", "next to \ufdcf\ufdf0\ufffc", 0},
		{"bad \xff\xed\xa0\x80\xc3 utf-8", "bad  utf-8", 5},
		{"cut at the end \xe2\x82", "cut at the end ", 2},
		{"<\x00>", "&lt;&gt;", 1},
	} {
		w := newWriter(nil)
		w.text(c.in)
		assert.Equal(t, c.want, string(w.buf), "%q", c.in)
		assert.Equal(t, c.dropped, w.dropped, "%q", c.in)
		w = newWriter(nil)
		w.attr(c.in)
		assert.Equal(t, c.want, string(w.buf), "%q in an attribute", c.in)
	}
}

// TestEscapeAsTemplate: text escapes as html/template does in text and in
// attributes, so that the output stayed the same when the page left
// html/template, characters XML cannot carry apart.
func TestEscapeAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p>`))
	for _, s := range []string{"plain", `<script>alert(1)</script>"><img src=x onerror=alert(1)>`,
		"C5+1 & 'quotes' „Ein Bund der Stärke“", "\u2028 🇰🇿 اتفاقيات أبراهام", "&lt;b&gt; ]]>"} {
		var want bytes.Buffer
		require.NoError(t, tmpl.Execute(&want, s))
		w := newWriter(nil)
		w.m(`<p title="`)
		w.attr(s)
		w.m(`">`)
		w.text(s)
		w.m(`</p>`)
		assert.Equal(t, want.String(), string(w.buf))
	}
}

// TestURLAsTemplate: links are written as html/template wrote them, and
// only http and https URLs become links.
func TestURLAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	for _, s := range []string{"https://example.org/a?b=1&c=2+3#f", "https://example.org/?q=%3Cscript%3E",
		"http://example.org/(x)'y'", "https://example.org/ümlaut/[v6]/~a!$*,;:@",
		"HTTPS://EXAMPLE.ORG/A"} {
		u, ok := webURLOf(s)
		require.True(t, ok, s)
		var want bytes.Buffer
		require.NoError(t, tmpl.Execute(&want, s))
		w := newWriter(nil)
		w.m(`<a href="`)
		w.url(u)
		w.m(`">`)
		assert.Equal(t, want.String(), string(w.buf))
	}
	for _, s := range []string{"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x",
		"mailto:a@example.org", "/relative", "//example.org/x", "https://", "https://example.org/a b", "ftp://example.org/",
		"http:///x", "https://?q", "https://#f", "https:/example.org", "https://example.org/\x00", " https://example.org/"} {
		_, ok := webURLOf(s)
		assert.False(t, ok, s)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriterError(t *testing.T) {
	w := newWriter(failWriter{})
	w.text(strings.Repeat("x", flushAt))
	w.maybeFlush()
	assert.ErrorIs(t, w.err, os.ErrClosed)
	w.text("more")
	assert.ErrorIs(t, w.flush(), os.ErrClosed, "the first error stays")
	assert.Empty(t, w.buf, "nothing is kept after an error")
}

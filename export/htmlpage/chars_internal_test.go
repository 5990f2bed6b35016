package htmlpage

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCharWriter(t *testing.T) {
	for in, want := range map[string]string{
		"plain <b>text</b>\t\n\r":                               "plain <b>text</b>\t\n\r",
		"\x00\x01\x07\x0b\x0c\x1b\x1f\x7f":                      "",
		"c1 \u0080\u0085\u009f end":                             "c1  end",
		"ok \u00a0\ufffd\U0001f600 é":                           "ok \u00a0\ufffd\U0001f600 é",
		"non \ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffff char": "non  char",
		"next to \ufdcf\ufdf0\ufffc":                            "next to \ufdcf\ufdf0\ufffc",
		"bad \xff\xed\xa0\x80\xc3 utf-8":                        "bad  utf-8",
		"cut at the end \xe2\x82":                               "cut at the end ",
	} {
		// Whole, and byte by byte, so that characters are split across
		// writes.
		var whole, bytewise bytes.Buffer
		n, err := (&charWriter{w: &whole}).Write([]byte(in))
		require.NoError(t, err)
		assert.Equal(t, len(in), n)
		assert.Equal(t, want, whole.String(), "%q", in)
		cw := &charWriter{w: &bytewise}
		for i := range len(in) {
			n, err := cw.Write([]byte{in[i]})
			require.NoError(t, err)
			assert.Equal(t, 1, n)
		}
		assert.Equal(t, want, bytewise.String(), "%q byte by byte", in)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestCharWriterError(t *testing.T) {
	for _, in := range []string{"ascii", "drop \x07 here"} {
		n, err := (&charWriter{w: failWriter{}}).Write([]byte(in))
		assert.ErrorIs(t, err, os.ErrClosed)
		assert.Zero(t, n)
	}
}

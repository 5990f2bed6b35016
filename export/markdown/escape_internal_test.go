package markdown

import "testing"

// TestAppendEscapedKeepsWhatCameBefore: escaping starts again on the text
// without what it drops, and keeps what the buffer held before.
func TestAppendEscapedKeepsWhatCameBefore(t *testing.T) {
	for in, want := range map[string]string{
		"a\x01@b":     "kept a&#8288;@b",
		"http:\xff//": "kept http&#58;//",
		"a@b":         "kept a&#8288;@b",
		"\x7f":        "kept ",
	} {
		if got := string(appendEscaped([]byte("kept "), in)); got != want {
			t.Errorf("appendEscaped(%q, %+q) = %q, want %q", "kept ", in, got, want)
		}
	}
}

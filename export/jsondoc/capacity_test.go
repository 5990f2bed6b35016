package jsondoc

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/accordline/accordline/export/internal/fuzztext"
	"github.com/stretchr/testify/require"
)

func TestCapacity(t *testing.T) {
	const limit = 1_000_000
	at := func(size, off int64) *decoder {
		d := &decoder{scanner: newScannerOf(nil, 0, 1, DecodeOptions{}, "document")}
		d.size, d.off = size, off
		return d
	}
	for _, c := range []struct {
		name       string
		size, off  int64
		n          int
		read       int64
		want       int
		wantAtMost int
	}{
		{name: "empty", n: 0, want: 64},
		{name: "size unknown: doubles", size: 0, off: 6400, n: 64, read: 6400, want: 128},
		{name: "the rest alike", size: 1_006_400, off: 6400, n: 64, read: 6400, want: 64 + 1024 + 64 + 16},
		{name: "the rest as long as read", size: 12800, off: 6400, n: 64, read: 6400, want: 64 + 64 + 4 + 16},
		{name: "short, then a long one", size: 1 << 30, off: 640, n: 64, read: 640, wantAtMost: 64 + 16*64 + 64 + 16},
		{name: "at the end", size: 6400, off: 6400, n: 64, read: 6400, want: 128},
		{name: "no more than the limit", size: 1 << 40, off: 1 << 30, n: limit - 1, read: 1 << 30, want: limit},
	} {
		got := at(c.size, c.off).capacity(c.n, c.read, limit)
		if c.wantAtMost > 0 {
			assert.LessOrEqual(t, got, c.wantAtMost, c.name)
		} else {
			assert.Equal(t, c.want, got, c.name)
		}
		assert.Greater(t, got, c.n, c.name)
	}
}

// TestDecodeSizedAsUnsized checks that knowing the input's size changes
// nothing but the capacity of what is read.
func TestDecodeSizedAsUnsized(t *testing.T) {
	var doc bytes.Buffer
	_, err := Encode(&doc, fuzztext.Synthetic(t, 3, 3000), nil)
	require.NoError(t, err)
	data := doc.Bytes()
	sized, _, err := Decode(bytes.NewReader(data), nil)
	require.NoError(t, err)
	unsized, _, err := Decode(io.MultiReader(bytes.NewReader(data)), nil)
	require.NoError(t, err)
	var a, b bytes.Buffer
	_, err = Encode(&a, sized, nil)
	require.NoError(t, err)
	_, err = Encode(&b, unsized, nil)
	require.NoError(t, err)
	assert.Equal(t, a.String(), b.String())
	assert.Equal(t, 3000, sized.Len())
}

func TestSizeLeft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.json")
	require.NoError(t, os.WriteFile(path, []byte("0123456789"), 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, int64(10), sizeLeft(f))
	_, err = f.Seek(4, io.SeekStart)
	require.NoError(t, err)
	assert.Equal(t, int64(6), sizeLeft(f), "from where the file is read")
	assert.Equal(t, int64(3), sizeLeft(strings.NewReader("abc")))
	assert.Equal(t, int64(2), sizeLeft(bytes.NewBufferString("ab")))
	assert.Equal(t, int64(0), sizeLeft(io.MultiReader(strings.NewReader("abc"))), "a reader that does not tell")
}

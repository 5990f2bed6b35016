package jsondoc_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// fuzzLimits keep the fuzzers fast without changing what they can reach.
var fuzzLimits = &jsondoc.DecodeOptions{MaxBytes: 1 << 20, MaxEvents: 1000, MaxActors: 1000}

// brokenVariants returns b and broken forms of it: cut, with bytes
// changed, with escapes and values that the reader must reject or handle.
func brokenVariants(b []byte) [][]byte {
	s := string(b)
	out := [][]byte{b}
	add := func(s string) { out = append(out, []byte(s)) }
	add(s[:len(s)/2])
	add(s[:len(s)-2])
	add(s + "x")
	add(strings.Replace(s, `"version":1`, `"version":2`, 1))
	add(strings.Replace(s, `"version": 1`, `"version": 1.0`, 1))
	add(strings.Replace(s, `"phone-call"`, `"call"`, 1))
	add(strings.Replace(s, `"2025-11-06"`, `"2025-02-30"`, 1))
	add(strings.Replace(s, `"KZ"`, `"XX"`, 1))
	add(strings.Replace(s, `"041"`, `"042"`, 1))
	add(strings.Replace(s, `"occurred"`, `"planned"`, 1))
	add(strings.Replace(s, `Kasachstan`, `Kasach\u0073tan\ud83d\ude00\u2028`, 1))
	add(strings.Replace(s, `Kasachstan`, `Kasach\ud800stan`, 1))
	add(strings.Replace(s, `Kasachstan`, "Kasach\xffstan", 1))
	add(strings.Replace(s, `Kasachstan`, `Kasach\qstan`, 1))
	add(strings.Replace(s, `"title"`, `"title":"again","title"`, 1))
	add(strings.Replace(s, `3bdff996-5460-5eaa-b4f9-6a2f9c014e72`, `00000000-0000-0000-0000-000000000000`, 1))
	add(strings.Replace(s, `3bdff996-5460-5eaa-b4f9-6a2f9c014e72`, `3BDFF996-5460-5EAA-B4F9-6A2F9C014E72`, 1))
	add(strings.Replace(s, `38.8977`, `3.88977e1`, 1))
	add(strings.Replace(s, `38.8977`, `-0`, 1))
	add(strings.ReplaceAll(s, "\n", "\r\n"))
	return out
}

// goldenBytes reads the golden files, which seed the fuzzers.
func goldenBytes(f *testing.F, names ...string) [][]byte {
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(goldenDir, n))
		if err != nil {
			f.Fatalf("%v (run the tests with -update first)", err)
		}
		out = append(out, b)
	}
	return out
}

// checkDecoded checks what a decoder returned for any input: either a
// timeline and no error, or an ErrorList of well-formed problems and no
// timeline: each says where it is, by a path and by a line and offset that
// agree, in input order, in a message of readable length.
func checkDecoded(t *testing.T, in []byte, tl *timeline.Timeline, err error) {
	t.Helper()
	if err == nil {
		if tl == nil {
			t.Fatal("neither a timeline nor an error")
		}
		return
	}
	if tl != nil {
		t.Fatalf("a timeline and an error: %v", err)
	}
	var list event.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %T is no ErrorList: %v", err, err)
	}
	if len(list) == 0 {
		t.Fatal("empty ErrorList")
	}
	for i, e := range list {
		if e == nil || e.Err == nil {
			t.Fatalf("problem %d without a reason: %v", i, err)
		}
		if e.Path == "" {
			t.Fatalf("problem %d does not say where: %v", i, e)
		}
		if len(e.Error()) > 1000 {
			t.Fatalf("problem %d: a message of %d bytes: %.1000s", i, len(e.Error()), e)
		}
		if e.Offset < 0 || e.Offset > int64(len(in)) {
			t.Fatalf("problem %d: offset %d outside the input of %d bytes: %v", i, e.Offset, len(in), e)
		}
		if want := 1 + bytes.Count(in[:e.Offset], []byte("\n")); e.Line != want {
			t.Fatalf("problem %d: line %d, but offset %d is on line %d: %v", i, e.Line, e.Offset, want, e)
		}
		if i > 0 && list[i-1].Offset > e.Offset {
			t.Fatalf("problems out of order: %v", err)
		}
	}
}

// checkStable encodes an accepted timeline, decodes it again, and expects
// the same timeline, and the same bytes from a second encoding.
func checkStable(t *testing.T, tl *timeline.Timeline, encode func(*timeline.Timeline) []byte, decode func([]byte) (*timeline.Timeline, error)) {
	t.Helper()
	b := encode(tl)
	back, err := decode(b)
	if err != nil {
		t.Fatalf("the encoding of an accepted timeline fails to decode: %v\n%s", err, b)
	}
	if !sameTimeline(tl, back) {
		requireSameTimeline(t, tl, back)
	}
	if again := encode(back); !bytes.Equal(b, again) {
		t.Fatalf("a second encoding differs:\n%s\n%s", b, again)
	}
}

func FuzzDecode(f *testing.F) {
	for _, b := range goldenBytes(f, "seed.json", "seed.compact.json") {
		for _, v := range brokenVariants(b) {
			f.Add(v)
		}
	}
	f.Add([]byte(baseDoc))
	f.Add([]byte(`{"format":"accordline/timeline","version":1,"title":""}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Add([]byte(`{"format":"accordline/timeline","version":1e0,"title":"\u00e4","x":{"a":[1,-2.5e-3,true,false,null]}}`))
	encode, decode := codec(jsondoc.Encode, jsondoc.Decode)
	f.Fuzz(func(t *testing.T, in []byte) {
		tl, err := decode(in)
		checkDecoded(t, in, tl, err)
		if err == nil {
			checkStable(t, tl, encode, decode)
		}
	})
}

func FuzzLineReader(f *testing.F) {
	for _, b := range goldenBytes(f, "seed.jsonl") {
		for _, v := range brokenVariants(b) {
			f.Add(v)
		}
		lines := bytes.SplitAfter(b, []byte("\n"))
		f.Add(bytes.Join([][]byte{lines[0], lines[len(lines)-2], lines[1]}, nil)) // an actor after an event
		f.Add(bytes.Join([][]byte{lines[0], lines[len(lines)-2], lines[len(lines)-2]}, nil))
		f.Add(bytes.Join(lines[1:], nil)) // no header
	}
	f.Add([]byte("\n\n"))
	f.Add([]byte(`{"format":"accordline/lines","version":1,"title":"t"}` + "\n{}\n[]\n{\"actor\":1}\n"))
	encode, decode := codec(jsondoc.EncodeLines, jsondoc.DecodeLines)
	f.Fuzz(func(t *testing.T, in []byte) {
		// Record by record: every call ends, and a line gives a record or
		// an error, never both.
		lr := jsondoc.NewLineReader(bytes.NewReader(in), fuzzLimits)
		calls := bytes.Count(in, []byte("\n")) + 3
		var last string
		for i := 0; ; i++ {
			if i > calls {
				t.Fatalf("more than %d calls to Next", calls)
			}
			rec, err := lr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if rec.Actor != nil || rec.Event != nil {
					t.Fatalf("a record and an error: %v", err)
				}
				if err.Error() == last {
					break // an error that ends the stream comes again
				}
				last = err.Error()
				continue
			}
			if (rec.Actor == nil) == (rec.Event == nil) {
				t.Fatalf("a record with neither or both: %+v", rec)
			}
			if rec.Event != nil {
				if err := rec.Event.Validate(nil); err != nil {
					t.Fatalf("an invalid event: %v", err)
				}
			}
		}
		tl, err := decode(in)
		checkDecoded(t, in, tl, err)
		if err == nil {
			checkStable(t, tl, encode, decode)
		}
	})
}

// codec turns a writer and a reader of one form into the functions the
// fuzz targets check round trips with.
func codec(
	enc func(io.Writer, *timeline.Timeline, *jsondoc.Options) (export.Report, error),
	dec func(io.Reader, *jsondoc.DecodeOptions) (*timeline.Timeline, export.Report, error),
) (func(*timeline.Timeline) []byte, func([]byte) (*timeline.Timeline, error)) {
	encode := func(tl *timeline.Timeline) []byte {
		var b bytes.Buffer
		if err := errOf(enc(&b, tl, nil)); err != nil {
			panic(err)
		}
		return b.Bytes()
	}
	decode := func(b []byte) (*timeline.Timeline, error) {
		return dropReport(dec(bytes.NewReader(b), fuzzLimits))
	}
	return encode, decode
}

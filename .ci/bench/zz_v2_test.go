//go:build goexperiment.jsonv2

package bench_test

import (
	jsonv2 "encoding/json/v2"
	"os"
	"strconv"
	"testing"

	"github.com/accordline/accordline/ci/bench/plain"
)

func TestZZV2(t *testing.T) {
	reps, _ := strconv.Atoi(os.Getenv("REPS"))
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	d := jsonDataOf(t, 10000)
	for range reps {
		var doc plain.Doc
		if err := jsonv2.Unmarshal(d.bytes, &doc); err != nil {
			t.Fatal(err)
		}
	}
}

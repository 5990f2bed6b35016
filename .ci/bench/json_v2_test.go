//go:build goexperiment.jsonv2

package bench_test

import (
	jsonv2 "encoding/json/v2"
	"io"

	"github.com/accordline/accordline/ci/bench/plain"
)

// encoding/json/v2 exists only under GOEXPERIMENT=jsonv2. Under it,
// encoding/json itself runs on the v2 implementation: .ci/bench-ratios
// takes the encoding/json figures from a run without the experiment.
func init() {
	jsonPeers = append(jsonPeers, jsonPeer{
		name:   "json-v2",
		encode: func(w io.Writer, d *plain.Doc) error { return jsonv2.MarshalWrite(w, d) },
		decode: func(b []byte, d *plain.Doc) error { return jsonv2.Unmarshal(b, d) },
	})
}

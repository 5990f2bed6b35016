package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/accordline/accordline/export"
	"github.com/accordline/accordline/export/htmlpage"
	"github.com/accordline/accordline/export/ical"
	"github.com/accordline/accordline/export/jsondoc"
)

// BenchmarkPipeline imports every record of the data sets, builds the
// timeline, runs the consistency checks, and writes it as JSON, iCalendar
// and HTML: the whole pipeline on all ~22,000 records.
func BenchmarkPipeline(b *testing.B) {
	data := historianData(b)
	for b.Loop() {
		r, err := build(data)
		require.NoError(b, err, "build")
		require.NoError(b, errOf(jsondoc.Encode(io.Discard, r.tl, nil)), "JSON")
		_, err = ical.Encode(io.Discard, r.tl, &ical.Options{Now: func() time.Time { return fixedNow }})
		require.NoError(b, err, "iCalendar")
		_, err = htmlpage.Encode(io.Discard, r.tl, &htmlpage.Options{Lanes: htmlpage.LanesByState})
		require.NoError(b, err, "HTML")
	}
}

// BenchmarkReadXML only tokenizes every file the pipeline reads (pocom's
// people too) with encoding/xml: the peer that the pipeline's time is
// given as a ratio to.
func BenchmarkReadXML(b *testing.B) {
	data := historianData(b)
	var files []string
	for _, p := range []string{"visits/data/*.xml", "travels/*-travels/*.xml", "rdcr/articles/*.xml",
		"pocom/positions-principals/*.xml", "pocom/missions-*/*.xml", "pocom/concurrent-appointments/*.xml", "pocom/people/*/*.xml"} {
		m, err := filepath.Glob(filepath.Join(data, p))
		require.NoError(b, err)
		files = append(files, m...)
	}
	for b.Loop() {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			require.NoError(b, err)
			d := xml.NewDecoder(bytes.NewReader(raw))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// errOf returns the error of a writer, for tests that only check it.
func errOf(_ export.Report, err error) error { return err }

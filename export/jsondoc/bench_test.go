package jsondoc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/accordline/accordline/event/synth"
	"github.com/accordline/accordline/export/jsondoc"
	"github.com/accordline/accordline/timeline"
)

// The baseline of the benchmarks: the same data as plain structs of
// strings and numbers, which encoding/json handles by reflection alone.
type (
	plainDoc struct {
		Format      string       `json:"format"`
		Version     int          `json:"version"`
		Title       string       `json:"title"`
		Description string       `json:"description,omitempty"`
		Actors      []plainActor `json:"actors,omitempty"`
		Events      []plainEvent `json:"events,omitempty"`
	}
	plainActor struct {
		ID       string            `json:"id"`
		Type     string            `json:"type"`
		Name     string            `json:"name"`
		Names    map[string]string `json:"names,omitempty"`
		Aliases  []string          `json:"aliases,omitempty"`
		Country  string            `json:"country,omitempty"`
		Wikidata string            `json:"wikidata,omitempty"`
	}
	plainEvent struct {
		ID           string             `json:"id"`
		Kind         string             `json:"kind"`
		Cameo        string             `json:"cameo,omitempty"`
		Plover       *plainPlover       `json:"plover,omitempty"`
		Status       string             `json:"status"`
		Title        string             `json:"title"`
		Titles       map[string]string  `json:"titles,omitempty"`
		Description  string             `json:"description,omitempty"`
		Date         string             `json:"date,omitempty"`
		DateText     string             `json:"dateText,omitempty"`
		Place        *plainPlace        `json:"place,omitempty"`
		Participants []plainParticipant `json:"participants,omitempty"`
		Instrument   *plainInstrument   `json:"instrument,omitempty"`
		Sources      []plainSource      `json:"sources,omitempty"`
		Tags         []string           `json:"tags,omitempty"`
		Links        []plainLink        `json:"links,omitempty"`
	}
	plainPlover struct {
		Type string `json:"type"`
		Mode string `json:"mode,omitempty"`
	}
	plainPlace struct {
		Name        string            `json:"name,omitempty"`
		Venue       string            `json:"venue,omitempty"`
		City        string            `json:"city,omitempty"`
		Country     string            `json:"country,omitempty"`
		Coordinates *plainCoordinates `json:"coordinates,omitempty"`
	}
	plainCoordinates struct {
		Lat float64 `json:"lat"`
		Lon float64 `json:"lon"`
	}
	plainParticipant struct {
		Actor    string `json:"actor"`
		Role     string `json:"role"`
		Capacity string `json:"capacity,omitempty"`
	}
	plainInstrument struct {
		ID    string            `json:"id"`
		Name  string            `json:"name"`
		Names map[string]string `json:"names,omitempty"`
	}
	plainSource struct {
		Publisher string       `json:"publisher,omitempty"`
		URL       string       `json:"url,omitempty"`
		Title     string       `json:"title,omitempty"`
		Lang      string       `json:"lang,omitempty"`
		Published string       `json:"published,omitempty"`
		Quotes    []plainQuote `json:"quotes,omitempty"`
	}
	plainQuote struct {
		Text            string `json:"text"`
		Lang            string `json:"lang,omitempty"`
		Speaker         string `json:"speaker,omitempty"`
		Translation     string `json:"translation,omitempty"`
		TranslationLang string `json:"translationLang,omitempty"`
	}
	plainLink struct {
		Type   string `json:"type"`
		Target string `json:"target"`
	}
)

func plain(tl *timeline.Timeline) plainDoc {
	doc := plainDoc{Format: jsondoc.DocumentFormat, Version: jsondoc.Version, Title: tl.Title(), Description: tl.Description()}
	for a := range tl.Actors() {
		doc.Actors = append(doc.Actors, plainActor{string(a.ID), a.Type.String(), a.Name, a.Names, a.Aliases, a.Country, a.Wikidata})
	}
	for e := range tl.All() {
		p := plainEvent{ID: e.ID.String(), Kind: e.Kind.String(), Cameo: e.Kind.CAMEO(), Status: e.Status.String(),
			Title: e.Title, Titles: e.Titles, Description: e.Description, Date: e.Date.String(), DateText: e.DateText, Tags: e.Tags}
		if t, m := e.Kind.PLOVER(); t != "" {
			p.Plover = &plainPlover{t, m}
		}
		if !e.Place.IsZero() {
			p.Place = &plainPlace{Name: e.Place.Name, Venue: e.Place.Venue, City: e.Place.City, Country: e.Place.Country}
			if c := e.Place.Coordinates; c != nil {
				p.Place.Coordinates = &plainCoordinates{c.Lat, c.Lon}
			}
		}
		for _, q := range e.Participants {
			p.Participants = append(p.Participants, plainParticipant{string(q.Actor), q.Role.String(), q.Capacity})
		}
		if !e.Instrument.IsZero() {
			p.Instrument = &plainInstrument{e.Instrument.ID, e.Instrument.Name, e.Instrument.Names}
		}
		for _, s := range e.Sources {
			ps := plainSource{s.Publisher, s.URL, s.Title, s.Lang, s.Published.String(), nil}
			for _, q := range s.Quotes {
				ps.Quotes = append(ps.Quotes, plainQuote{q.Text, q.Lang, string(q.Speaker), q.Translation, q.TranslationLang})
			}
			p.Sources = append(p.Sources, ps)
		}
		for _, l := range e.Links {
			p.Links = append(p.Links, plainLink{l.Type.String(), l.Target.String()})
		}
		doc.Events = append(doc.Events, p)
	}
	return doc
}

func benchTimeline(b *testing.B, n int) *timeline.Timeline {
	b.Helper()
	actors, events := synth.Generate(synth.Config{Seed: 1, Events: n})
	tl := timeline.New("synthetic", "")
	if err := tl.AddActors(actors...); err != nil {
		b.Fatal(err)
	}
	if err := tl.Add(events...); err != nil {
		b.Fatal(err)
	}
	return tl
}

// BenchmarkEncode writes documents with this package and the same data
// with encoding/json, side by side.
func BenchmarkEncode(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		tl := benchTimeline(b, n)
		doc := plain(tl)
		var buf bytes.Buffer
		if err := jsondoc.NewEncoder(&buf).Encode(tl); err != nil {
			b.Fatal(err)
		}
		size := int64(buf.Len())
		b.Run(fmt.Sprintf("jsondoc/n=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				if err := jsondoc.NewEncoder(io.Discard).Encode(tl); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(testing.AllocsPerRun(1, func() { _ = jsondoc.NewEncoder(io.Discard).Encode(tl) }))/float64(n), "allocs/event")
		})
		b.Run(fmt.Sprintf("encoding-json/n=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				if err := json.NewEncoder(io.Discard).Encode(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode reads documents with this package, validating them into
// a timeline, and the same bytes with encoding/json into plain structs.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		var buf bytes.Buffer
		if err := jsondoc.NewEncoder(&buf).Encode(benchTimeline(b, n)); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("jsondoc/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := jsondoc.Decode(bytes.NewReader(data), jsondoc.Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding-json/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var doc plainDoc
				if err := json.Unmarshal(data, &doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLines streams a million events through a LineWriter and back
// through a LineReader, generated on the fly and never held together, and
// reports the peak heap.
func BenchmarkLines(b *testing.B) {
	const n = 1_000_000
	cfg := synth.Config{Seed: 1, Events: n}
	actors := synth.Actors(cfg)
	for b.Loop() {
		pr, pw := io.Pipe()
		go func() {
			lw := jsondoc.NewLineWriter(pw, "synthetic", "")
			for i := range actors {
				_ = lw.WriteActor(&actors[i])
			}
			for e := range synth.Events(cfg) {
				_ = lw.WriteEvent(&e)
			}
			pw.CloseWithError(lw.Flush())
		}()
		var peak uint64
		var ms runtime.MemStats
		lr := jsondoc.NewLineReader(pr, jsondoc.Limits{})
		events := 0
		for i := 0; ; i++ {
			rec, err := lr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Event != nil {
				events++
			}
			if i%50_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
		if events != n {
			b.Fatalf("read %d events, want %d", events, n)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}

package event_test

import (
	"testing"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/event/synth"
)

// BenchmarkAddActors adds the 5,500 actors of a synthetic world, with
// names in several languages and scripts, to an empty directory: what
// reading any timeline document with them costs before its events.
func BenchmarkAddActors(b *testing.B) {
	actors := synth.Actors(synth.Config{Seed: 1})
	b.ReportAllocs()
	for b.Loop() {
		var d event.Directory
		if err := d.AddActors(actors...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFold folds names that are not all ASCII, which take the paths
// past foldASCII.
func BenchmarkFold(b *testing.B) {
	names := []string{"Łukasz Wolkowa", "Außenministerium von Tüdanstan", "Қазақстан", "سالوسورا", "Chen U. Hernández"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range names {
			_ = event.Fold(s)
		}
	}
}

package parquet_test

import (
	"fmt"
	"log"
	"os"

	"github.com/accordline/accordline/event/seed"
	"github.com/accordline/accordline/export/parquet"
	"github.com/accordline/accordline/timeline"
)

// Write a timeline as four Parquet tables, then read them back.
func ExampleEncodeDir() {
	tl := timeline.New(seed.Title, "")
	if err := tl.AddActors(seed.Actors()...); err != nil {
		log.Fatal(err)
	}
	if _, err := tl.Add(seed.Events()...); err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "warehouse")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	rep, err := parquet.EncodeDir(dir, tl, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", rep.Events, "events")
	back, _, err := parquet.DecodeDir(dir, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("read", back.Len(), "events and", back.NumActors(), "actors")
	// Output:
	// wrote 15 events
	// read 15 events and 17 actors
}

package timeline

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

// rebuildRatio decides between inserting events one by one, which copies
// the lists each touches, and sorting everything anew: a batch larger than
// 1/rebuildRatio of the timeline is cheaper to sort.
const rebuildRatio = 8

// A Merged tells that an event given to [Timeline.Add] was another report
// of an event the timeline held, or of one given earlier in the same call,
// and was merged with it (see the package documentation).
type Merged struct {
	// Input is the index of the report among the events given to Add.
	Input int
	// ID is the event it was merged into.
	ID uuid.UUID
	// With is the index of the event given earlier in the same call that
	// it was merged with, or -1 when the event was in the timeline before.
	With int
	// Alternatives are the wordings that the merge kept as
	// [event.Alternative]s because the reports differ on them: a caller
	// who sees two titles here may have meant two events, and can tell
	// them apart with [event.Event.Discriminator].
	Alternatives []event.Alternative
}

// Add validates the events and adds them. Events without an ID get the one
// [event.Event.EnsureID] derives. An event whose ID is already present, in
// the timeline or earlier in the same call, is another report of that
// event and is merged with it by [event.Merge]; Add returns what it
// merged, in the order of the events given.
//
// Add is all or nothing: when any event is invalid, refers to an unknown
// actor, or conflicts with the report it merges with, no event is added,
// and the error, an [event.ErrorList], names every problem with paths like
// "events[3].date". Conflicts wrap an [*event.ConflictError].
func (t *Timeline) Add(events ...event.Event) ([]Merged, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	ix := t.index()

	var errs event.ErrorList
	var merges []Merged
	incoming := make(map[uuid.UUID]int, len(events)) // ID → position in batch
	inputs := make([]int, 0, len(events))            // position in batch → first input
	batch := make([]event.Event, 0, len(events))
	for i := range events {
		e := events[i].Clone()
		e.EnsureID()
		prefix := "events[" + strconv.Itoa(i) + "]"
		if err := e.Validate(&t.actors); err != nil {
			errs = append(errs, problems(err).Prefix(prefix)...)
			continue
		}
		j, dup := incoming[e.ID]
		var base *event.Event
		with := -1
		switch {
		case dup:
			base, with = &batch[j], inputs[j]
		case ix.byID[e.ID] != nil:
			base = &ix.byID[e.ID].ev
		}
		if base != nil {
			merged, err := event.Merge(*base, e)
			if err != nil {
				errs = append(errs, problems(err).Prefix(prefix)...)
				continue
			}
			merges = append(merges, Merged{Input: i, ID: e.ID, With: with,
				Alternatives: newAlternatives(base.Alternatives, merged.Alternatives)})
			e = merged
		}
		if dup {
			batch[j] = e
			continue
		}
		incoming[e.ID] = len(batch)
		inputs = append(inputs, i)
		batch = append(batch, e)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	t.store(batch)
	return merges, nil
}

// newAlternatives returns the alternatives in after that are not in
// before; both are sorted, as event.Merge leaves them.
func newAlternatives(before, after []event.Alternative) []event.Alternative {
	var out []event.Alternative
	for _, a := range after {
		if !slices.Contains(before, a) {
			out = append(out, a)
		}
	}
	return out
}

// store puts validated events into the index, replacing those with the same
// IDs. Callers hold t.mu.
func (t *Timeline) store(batch []event.Event) {
	ix := t.index()
	if len(ix.order) == 0 || len(batch) > len(ix.order)/rebuildRatio {
		entries := make(list, 0, len(ix.order)+len(batch))
		replaced := make(map[uuid.UUID]bool, len(batch))
		for i := range batch {
			replaced[batch[i].ID] = true
		}
		for _, en := range ix.order {
			if !replaced[en.ev.ID] {
				entries = append(entries, en)
			}
		}
		for _, e := range batch {
			t.seq++
			entries = append(entries, newEntrySeq(e, t.seq))
		}
		t.ix = build(entries)
		return
	}
	for _, e := range batch {
		if old := ix.byID[e.ID]; old != nil {
			ix.apply(old, opRemove)
		}
		t.seq++
		ix.apply(newEntrySeq(e, t.seq), opInsert)
	}
}

// Replace validates e and puts it in place of the event with the same ID,
// without merging. It fails with [ErrNotFound] when there is no such event.
func (t *Timeline) Replace(e event.Event) error {
	e = e.Clone()
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.view().byID[e.ID]; !ok || e.ID == uuid.Nil {
		return fmt.Errorf("%w: %s", ErrNotFound, e.ID)
	}
	if err := e.Validate(&t.actors); err != nil {
		return err
	}
	t.store([]event.Event{e})
	return nil
}

// Remove removes the events with the given IDs and returns how many were
// present.
func (t *Timeline) Remove(ids ...uuid.UUID) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	ix := t.index()
	n := 0
	for _, id := range ids {
		if en := ix.byID[id]; en != nil {
			ix.apply(en, opRemove)
			n++
		}
	}
	return n
}

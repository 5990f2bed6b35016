package timeline

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/google/uuid"

	"github.com/accordline/accordline/event"
)

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

	ids, invalid := t.validate(events)
	var errs event.ErrorList
	var merges []Merged
	incoming := make(map[uuid.UUID]int, len(events)) // ID → position in batch
	batch := make([]item, 0, len(events))
	for i := range events {
		prefix := "events[" + strconv.Itoa(i) + "]"
		if err := invalid[i]; err != nil {
			errs = append(errs, problems(err).Prefix(prefix)...)
			continue
		}
		id := ids[i]
		j, dup := incoming[id]
		var base *event.Event
		with := -1
		switch {
		case dup:
			b := *batch[j].ev // the caller's event may lack the ID
			b.ID = id
			base, with = &b, batch[j].input
		case ix.byID[id] != nil:
			base = &ix.byID[id].ev
		}
		if base == nil {
			incoming[id] = len(batch)
			batch = append(batch, item{ev: &events[i], id: id, input: i})
			continue
		}
		e := events[i]
		e.ID = id
		merged, err := event.Merge(*base, e)
		if err != nil {
			errs = append(errs, problems(err).Prefix(prefix)...)
			continue
		}
		merges = append(merges, Merged{Input: i, ID: id, With: with,
			Alternatives: newAlternatives(base.Alternatives, merged.Alternatives)})
		if dup {
			batch[j].ev = &merged
			continue
		}
		incoming[id] = len(batch)
		batch = append(batch, item{ev: &merged, id: id, input: i})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	t.store(batch)
	return merges, nil
}

// An item is an event to store, with its ID, which the event itself may
// lack: events given to Add are the caller's and stay unchanged.
type item struct {
	ev    *event.Event
	id    uuid.UUID
	input int // the index of its first report among the events given to Add
}

// parallelMin is the least number of events worth splitting work on
// between goroutines.
const parallelMin = 2048

// validate derives the IDs of events that lack one and validates each
// event, on as many goroutines as the machine runs for a large batch.
// Callers hold t.mu.
func (t *Timeline) validate(events []event.Event) ([]uuid.UUID, []error) {
	ids := make([]uuid.UUID, len(events))
	errs := make([]error, len(events))
	run := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			e := events[i]
			ids[i] = e.EnsureID()
			errs[i] = e.Validate(&t.actors)
		}
	}
	each(len(events), run)
	return ids, errs
}

// each calls run over consecutive parts of [0, n), in parallel when n is
// large, and returns when all are done.
func each(n int, run func(lo, hi int)) {
	parts := 1
	if n >= parallelMin {
		parts = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		if p == parts-1 {
			run(lo, hi)
		} else {
			wg.Go(func() { run(lo, hi) })
		}
	}
	wg.Wait()
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

// store puts validated events into the index in timeline order, as deep
// copies laid out in that order, replacing those with the same IDs.
// Callers hold t.mu.
func (t *Timeline) store(batch []item) {
	ix := t.index()
	keys := make([]sortKey, len(batch))
	each(len(batch), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			keys[i] = keyOf(batch[i].ev, batch[i].id)
		}
	})
	perm := sortKeys(keys, func(i int) *event.Event { return batch[i].ev })
	add := make([]*entry, len(perm))
	each(len(perm), func(lo, hi int) {
		p := newPacker(hi - lo)
		for i := lo; i < hi; i++ {
			it := &batch[perm[i]]
			add[i] = p.pack(it.ev, keys[perm[i]])
			add[i].ev.ID = it.id
		}
	})
	var del []*entry
	for i := range batch {
		if old := ix.byID[batch[i].id]; old != nil {
			del = append(del, old)
		}
	}
	sortEntries(del)
	ix.update(del, add)
}

// Replace validates e and puts it in place of the event with the same ID,
// without merging. It fails with [ErrNotFound] when there is no such event.
func (t *Timeline) Replace(e event.Event) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.view().byID[e.ID]; !ok || e.ID == uuid.Nil {
		return fmt.Errorf("%w: %s", ErrNotFound, e.ID)
	}
	if err := e.Validate(&t.actors); err != nil {
		return err
	}
	t.store([]item{{ev: &e, id: e.ID}})
	return nil
}

// Remove removes the events with the given IDs and returns how many were
// present.
func (t *Timeline) Remove(ids ...uuid.UUID) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	ix := t.index()
	var del []*entry
	for _, id := range ids {
		if en := ix.byID[id]; en != nil {
			del = append(del, en)
		}
	}
	sortEntries(del)
	del = slices.Compact(del)
	ix.update(del, nil)
	return len(del)
}

package export_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"

	"github.com/accordline/accordline/export"
)

func TestNoteString(t *testing.T) {
	id := uuid.MustParse("00000000-0000-4000-8000-000000000001")
	tests := []struct {
		note export.Note
		want string
	}{
		{export.Note{Action: export.Skipped, Title: "Herzog to visit Kazakhstan", Date: "2025-11-07/..", Reason: "open end: a calendar needs a day"},
			`skipped "Herzog to visit Kazakhstan" (2025-11-07/..): open end: a calendar needs a day`},
		{export.Note{Action: export.Dropped, Field: "participants", ID: id, Line: 12, Reason: "carried only as text"},
			"line 12: dropped participants of event 00000000-0000-4000-8000-000000000001: carried only as text"},
		{export.Note{Action: export.Dropped, Field: "timeline title", Reason: "characters the format cannot carry"},
			"dropped timeline title: characters the format cannot carry"},
		{export.Note{Action: export.Guessed, Field: "kind", Title: "Meeting"}, `guessed kind of "Meeting"`},
		{export.Note{Action: export.Approximated}, "approximated an event"},
		{export.Note{Action: 99}, "Action(99) an event"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.note.String())
	}
}

func TestReportCounts(t *testing.T) {
	var rep export.Report
	assert.Zero(t, rep.Count(export.Skipped))
	assert.Empty(t, rep.NotesOf(export.Skipped))
	rep.Add(export.Note{Action: export.Skipped, Title: "a"})
	rep.Add(export.Note{Action: export.Dropped, Title: "b"})
	rep.Add(export.Note{Action: export.Skipped, Title: "c"})
	assert.Equal(t, 2, rep.Count(export.Skipped))
	assert.Equal(t, []export.Note{{Action: export.Skipped, Title: "a"}, {Action: export.Skipped, Title: "c"}}, rep.NotesOf(export.Skipped))
	assert.Len(t, rep.Notes, 3, "NotesOf leaves the report as it was")
	for a, w := range map[export.Action]string{export.Approximated: "approximated", export.Skipped: "skipped",
		export.Dropped: "dropped", export.Guessed: "guessed", export.Created: "created"} {
		assert.Equal(t, w, a.String())
	}
}

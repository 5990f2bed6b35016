package event

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSuggest(t *testing.T) {
	names := []string{"Morocco", "Moldova", "Monaco", "Bahrain", "Abraham Accords", "Israel", "Kazakhstan", "UAE", "Oman", "Iran", "Iraq"}
	tests := []struct {
		name string
		want []string
	}{
		{"Marokko", []string{"Morocco"}},
		{"Abraham Accord", []string{"Abraham Accords"}},
		{"abraham-accords", []string{"Abraham Accords"}},
		{"Bahrein", []string{"Bahrain"}},
		{"Kazakstan", []string{"Kazakhstan"}},
		{"Kasachstan", []string{"Kazakhstan"}},
		{"ISRAEL", nil}, // found as it is: nothing to suggest
		{"Irak", []string{"Iran", "Iraq"}},
		{"Zzyzx", nil},
		{"", nil},
		{"Omn", []string{"Oman"}},
		{"Mnco", nil}, // two letters off in four: too far
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Suggest(tt.name, slices.Values(names)), tt.name)
	}
	// At most three, the closest first, then in order of the names.
	assert.Equal(t, []string{"Iran", "Iraq"}, Suggest("Iram", slices.Values(names)))
	assert.Equal(t, []string{"Bali", "Cali", "Dali"}, Suggest("Mali", slices.Values([]string{"Vali", "Dali", "Bali", "Malia", "Cali", "Gali"})))
}

func TestSuggestActors(t *testing.T) {
	d := testDirectory(t)
	assert.Equal(t, []string{"Kazakhstan"}, d.SuggestActors("Kazahkstan"))
	assert.Equal(t, []string{"Kazakhstan"}, d.SuggestActors("Kasachstn"), "names in other languages count")
	assert.Empty(t, d.SuggestActors("Kazakhstan"), "a name that is found needs no suggestion")
	assert.Empty(t, d.SuggestActors("Atlantis"))
}

package event

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// congo is the Democratic Republic of the Congo with the names it bore.
func congo() Actor {
	return Actor{ID: "CD", Type: State, Name: "Democratic Republic of the Congo", Country: "CD",
		Names:  map[string]string{"de": "Demokratische Republik Kongo", "fr": "République démocratique du Congo"},
		Period: MustParseDate("1960-06-30/.."),
		History: []Name{
			{Text: "Republic of the Congo (Léopoldville)", Period: MustParseDate("1960-06-30/1964-08-01")},
			{Text: "Zaire", Period: MustParseDate("1971-10-27/1997-05-16")},
			{Text: "Zaïre", Lang: "fr", Period: MustParseDate("1971-10-27/1997-05-16")},
			{Text: "Kongo-Léopoldville", Lang: "de", Period: MustParseDate("1960-06-30/1964-08-01")},
		},
	}
}

func TestActorNameAt(t *testing.T) {
	a := congo()
	tests := []struct{ date, want string }{
		{"", "Democratic Republic of the Congo"},
		{"1962", "Republic of the Congo (Léopoldville)"},
		{"1990-05-03", "Zaire"},
		{"1971-10-27", "Zaire"},
		{"1971-10-26", "Democratic Republic of the Congo"},
		{"1997-05-16", "Zaire"},
		{"1997-05-17", "Democratic Republic of the Congo"},
		{"1997-05-10/1997-05-20", "Zaire"}, // the newest name in use on some day of it
		{"../1980", "Zaire"},
		{"1964", "Republic of the Congo (Léopoldville)"},
		{"1960/1980", "Zaire"},
		{"../..", "Democratic Republic of the Congo"}, // no known day: today's
		{"1990/..", "Zaire"},
		{"2025-11-06", "Democratic Republic of the Congo"},
	}
	for _, tt := range tests {
		var d Date
		if tt.date != "" {
			d = MustParseDate(tt.date)
		}
		assert.Equal(t, tt.want, a.NameAt(d), tt.date)
	}
}

func TestActorNameAtNewestWins(t *testing.T) {
	// Sources kept the old name for a while after the new one came in.
	a := Actor{ID: "russia", Type: State, Name: "Russia", Country: "RU", History: []Name{
		{Text: "U.S.S.R.", Period: MustParseDate("1943-01-14/1992-02-16")},
		{Text: "Russia", Period: MustParseDate("1992-01-31/2019-06-29")},
	}}
	assert.Equal(t, "U.S.S.R.", a.NameAt(MustParseDate("1992-01-30")))
	assert.Equal(t, "Russia", a.NameAt(MustParseDate("1992-02-01")))
	assert.Equal(t, "Russia", a.NameAt(MustParseDate("1992")), "a year: the name it came to bear in it")
	assert.Equal(t, "U.S.S.R.", a.NameAt(MustParseDate("1991")))
	assert.Equal(t, "Russia", a.NameAt(MustParseDate("2024")))
}

func TestActorNameInAt(t *testing.T) {
	a := congo()
	assert.Equal(t, "Zaïre", a.NameInAt("fr", MustParseDate("1990")))
	assert.Equal(t, "Zaïre", a.NameInAt("fr-BE", MustParseDate("1990")))
	assert.Equal(t, "Zaire", a.NameInAt("de", MustParseDate("1990")), "no German name of the time: the English one")
	assert.Equal(t, "Kongo-Léopoldville", a.NameInAt("de-CH", MustParseDate("1963")))
	assert.Equal(t, "Demokratische Republik Kongo", a.NameInAt("de", MustParseDate("2020")))
	assert.Equal(t, "Demokratische Republik Kongo", a.NameInAt("de", Date{}))
	assert.Equal(t, "Democratic Republic of the Congo", a.NameInAt("ja", MustParseDate("2020")))
	assert.Equal(t, "Zaire", a.NameInAt("en-GB", MustParseDate("1990")))
}

func TestActorNameAtWithoutHistory(t *testing.T) {
	a := Actor{ID: "KZ", Type: State, Name: "Kazakhstan", Names: map[string]string{"de": "Kasachstan"}}
	assert.Equal(t, "Kazakhstan", a.NameAt(MustParseDate("1992")))
	assert.Equal(t, "Kasachstan", a.NameInAt("de", MustParseDate("1992")))
	var zero Actor
	assert.Equal(t, "", zero.NameAt(MustParseDate("1992")))
}

// blinken held two offices, one of them in two terms.
func blinken() Actor {
	return Actor{ID: "antony-blinken", Type: Person, Name: "Antony Blinken", Country: "US",
		Offices: []Office{
			{Title: "Deputy Secretary of State", Of: "US", Period: MustParseDate("2015-01-09/2017-01-20")},
			{Title: "Secretary of State", Of: "US", Period: MustParseDate("2021-01-26/2025-01-20")},
			{Title: "Special Envoy", Of: "US"}, // term not known
		}}
}

func TestActorOffices(t *testing.T) {
	a := blinken()
	assert.Equal(t, "Secretary of State", a.CapacityAt(MustParseDate("2023-02-27/2023-02-28")))
	assert.Equal(t, "Deputy Secretary of State", a.CapacityAt(MustParseDate("2016")))
	assert.Equal(t, "", a.CapacityAt(MustParseDate("2019")))
	assert.Equal(t, "", a.CapacityAt(MustParseDate("2025")), "2025 is not wholly in a term")
	assert.Equal(t, "", a.CapacityAt(Date{}))
	assert.Len(t, a.OfficesAt(MustParseDate("2024-06")), 1)

	assert.Len(t, a.TermsOf("secretary of state"), 1, "titles match after Fold")
	assert.Empty(t, a.TermsOf("President"))

	assert.True(t, a.HeldAt("Secretary of State", MustParseDate("2021")), "overlaps the term")
	assert.False(t, a.HeldAt("Secretary of State", MustParseDate("2019-05-01")))
	assert.True(t, a.HeldAt("President", MustParseDate("2019")), "an office not known contradicts nothing")
	assert.True(t, a.HeldAt("Special Envoy", MustParseDate("1900")), "a term not known contradicts nothing")
	assert.True(t, a.HeldAt("", MustParseDate("1900")))
	assert.True(t, a.HeldAt("Secretary of State", Date{}))
}

func TestEventCapacity(t *testing.T) {
	var d Directory
	require.NoError(t, d.AddActors(blinken()))
	e := Event{Date: MustParseDate("2023-02-28")}
	assert.Equal(t, "Secretary of State", e.Capacity(Participation{Actor: "antony-blinken", Role: Guest}, &d))
	assert.Equal(t, "Guest", e.Capacity(Participation{Actor: "antony-blinken", Role: Guest, Capacity: "Guest"}, &d))
	assert.Equal(t, "", e.Capacity(Participation{Actor: "nobody", Role: Guest}, &d))
	assert.Equal(t, "", e.Capacity(Participation{Actor: "antony-blinken", Role: Guest}, nil))
}

func TestValidateCapacityAgainstTerms(t *testing.T) {
	var d Directory
	require.NoError(t, d.AddActors(blinken(), Actor{ID: "KZ", Type: State, Name: "Kazakhstan", Country: "KZ"}))
	visit := func(date, capacity string) Event {
		return Event{Kind: Visit, Status: Occurred, Title: "Visit", Date: MustParseDate(date),
			Participants: []Participation{{Actor: "antony-blinken", Role: Guest, Capacity: capacity}, {Actor: "KZ", Role: Host}}}
	}
	e := visit("2023-02-28", "Secretary of State")
	assert.NoError(t, e.Validate(&d))
	e = visit("2023-02-28", "Tourist")
	assert.NoError(t, e.Validate(&d), "a capacity that names no known office")

	e = visit("2019-05-01", "Secretary of State")
	err := e.Validate(&d)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNotInOffice)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "participants[0].capacity", fe.Path)
	assert.Equal(t, "Secretary of State", fe.Value)
	assert.Contains(t, err.Error(), "Antony Blinken held it 2021-01-26/2025-01-20")

	assert.NoError(t, e.Validate(nil), "without a lookup offices are not checked")
	// Any lookup, not only a Directory.
	assert.ErrorIs(t, e.Validate(lookupFunc(d.Actor)), ErrNotInOffice)
}

type lookupFunc func(ActorID) (Actor, bool)

func (f lookupFunc) Actor(id ActorID) (Actor, bool) { return f(id) }

func TestActorValidateHistory(t *testing.T) {
	a := Actor{ID: "CS", Type: State, Name: "Czechoslovakia", Country: "CS",
		History: []Name{
			{Text: "", Period: MustParseDate("1918")},
			{Text: "Tschechoslowakei", Lang: "de_DE", Period: MustParseDate("1918")},
			{Text: "ČSSR"},
			{Text: "ČSSR"},
		},
		Predecessors: []Succession{{Actor: "CS", Kind: Continuation}, {Actor: "bad id"}, {Actor: "AT", Kind: SuccessionKind(9)},
			{Actor: "AT", Kind: Dissolution}},
		Offices: []Office{{Title: " "}, {Title: "T", Of: "bad id"}, {Title: "T", Of: "bad id"}},
	}
	err := a.Validate()
	require.Error(t, err)
	var l ErrorList
	require.ErrorAs(t, err, &l)
	type problem struct {
		path string
		err  error
	}
	var got []problem
	for _, fe := range l {
		got = append(got, problem{fe.Path, fe.Err})
	}
	assert.Equal(t, []problem{
		{"history[0].text", ErrRequired},
		{"history[1].lang", ErrInvalidLanguage},
		{"history[2].period", ErrRequired},
		{"history[3].period", ErrRequired},
		{"history[3]", ErrDuplicate},
		{"predecessors[0].actor", ErrSelfSuccession},
		{"predecessors[1].actor", ErrInvalidID},
		{"predecessors[1].kind", ErrRequired},
		{"predecessors[2].kind", ErrUnknown},
		{"predecessors[3].actor", ErrDuplicate},
		{"offices[0].title", ErrRequired},
		{"offices[1].of", ErrInvalidID},
		{"offices[2].of", ErrInvalidID},
		{"offices[2]", ErrDuplicate},
	}, got)
}

func TestSuccessionKindVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[SuccessionKind]{
		name: "succession kind", values: SuccessionKinds(),
		words: []string{"continuation", "dissolution", "secession", "unification", "incorporation"},
		parse: ParseSuccessionKind, outOfRange: SuccessionKind(200),
	})
}

// lineageDirectory holds the Soviet Union and Czechoslovakia with their
// successors.
func lineageDirectory(t *testing.T) *Directory {
	t.Helper()
	var d Directory
	require.NoError(t, d.AddActors(
		Actor{ID: "SU", Type: State, Name: "Soviet Union", Country: "SU", Aliases: []string{"U.S.S.R."},
			Period: MustParseDate("1922-12-30/1991-12-26")},
		Actor{ID: "RU", Type: State, Name: "Russia", Country: "RU", Period: MustParseDate("1991-12-25/.."),
			Predecessors: []Succession{{Actor: "SU", Kind: Continuation}}},
		Actor{ID: "KZ", Type: State, Name: "Kazakhstan", Country: "KZ", Period: MustParseDate("1991-12-16/.."),
			Predecessors: []Succession{{Actor: "SU", Kind: Dissolution}}},
		Actor{ID: "CS", Type: State, Name: "Czechoslovakia", Country: "CS", Period: MustParseDate("1918-10-28/1992-12-31"),
			Predecessors: []Succession{{Actor: "austria-hungary", Kind: Dissolution}}},
		Actor{ID: "CZ", Type: State, Name: "Czechia", Country: "CZ", Aliases: []string{"Czech Republic"},
			Predecessors: []Succession{{Actor: "CS", Kind: Dissolution}}},
		Actor{ID: "SK", Type: State, Name: "Slovakia", Country: "SK",
			Predecessors: []Succession{{Actor: "CS", Kind: Dissolution}}},
		Actor{ID: "YE", Type: State, Name: "Yemen", Country: "YE", Period: MustParseDate("1990-05-22/.."),
			Predecessors: []Succession{{Actor: "YE-N", Kind: Unification}, {Actor: "YE-S", Kind: Unification}}},
		Actor{ID: "YE-N", Type: State, Name: "Yemen Arab Republic", Country: "YA", Aliases: []string{"North Yemen", "Yemen"},
			Period: MustParseDate("1962-09-26/1990-05-21")},
		Actor{ID: "YE-S", Type: State, Name: "People's Democratic Republic of Yemen", Country: "YD", Aliases: []string{"South Yemen", "Yemen"},
			Period: MustParseDate("1967-11-30/1990-05-21")},
		congo(),
	))
	return &d
}

func TestDirectorySuccessors(t *testing.T) {
	d := lineageDirectory(t)
	assert.Equal(t, []Succession{{Actor: "KZ", Kind: Dissolution}, {Actor: "RU", Kind: Continuation}}, d.Successors("SU"))
	assert.Equal(t, []Succession{{Actor: "CZ", Kind: Dissolution}, {Actor: "SK", Kind: Dissolution}}, d.Successors("CS"))
	assert.Equal(t, []Succession{{Actor: "CS", Kind: Dissolution}}, d.Successors("austria-hungary"), "a predecessor not in the directory")
	assert.Empty(t, d.Successors("RU"))

	// Replacing and removing actors keeps the reverse index.
	ru, _ := d.Actor("RU")
	ru = ru.Clone()
	ru.Predecessors = nil
	require.NoError(t, d.PutActor(ru))
	assert.Equal(t, []Succession{{Actor: "KZ", Kind: Dissolution}}, d.Successors("SU"))
	assert.True(t, d.RemoveActor("KZ"))
	assert.Empty(t, d.Successors("SU"))

	s := d.Successors("CS")
	s[0].Actor = "XX"
	assert.Equal(t, ActorID("CZ"), d.Successors("CS")[0].Actor, "a copy")
}

func TestDirectoryLineage(t *testing.T) {
	d := lineageDirectory(t)
	assert.Equal(t, []ActorID{"RU", "SU"}, d.Lineage("RU"))
	assert.Equal(t, []ActorID{"CZ", "CS", "austria-hungary"}, d.Lineage("CZ"))
	assert.Equal(t, []ActorID{"YE", "YE-N", "YE-S"}, d.Lineage("YE"))
	assert.Equal(t, []ActorID{"nobody"}, d.Lineage("nobody"))

	// A cycle in the data ends the walk.
	var c Directory
	require.NoError(t, c.AddActors(
		Actor{ID: "A", Type: State, Name: "A", Country: "AA", Predecessors: []Succession{{Actor: "B", Kind: Continuation}}},
		Actor{ID: "B", Type: State, Name: "B", Country: "BB", Predecessors: []Succession{{Actor: "A", Kind: Continuation}}},
	))
	assert.Equal(t, []ActorID{"A", "B"}, c.Lineage("A"))
}

func TestDirectoryResolveActorAt(t *testing.T) {
	d := lineageDirectory(t)
	tests := []struct {
		name, date string
		want       []ActorID
	}{
		{"Zaire", "1990", []ActorID{"CD"}},
		{"zaïre", "1990-05-03", []ActorID{"CD"}},
		{"Zaire", "2010", nil},
		{"Zaire", "", []ActorID{"CD"}},
		{"Democratic Republic of the Congo", "1990", []ActorID{"CD"}},
		{"Yemen", "1985", []ActorID{"YE-N", "YE-S"}},
		{"Yemen", "1995", []ActorID{"YE"}},
		{"Yemen", "1990", []ActorID{"YE", "YE-N", "YE-S"}},
		{"Yemen", "", []ActorID{"YE", "YE-N", "YE-S"}},
		{"U.S.S.R.", "1980", []ActorID{"SU"}},
		{"Russia", "1980", nil},
		{"Russia", "1991-12/1992-01", []ActorID{"RU"}},
		{"Czech Republic", "1950", []ActorID{"CZ"}}, // no period: found at any date
		{"Atlantis", "1990", nil},
	}
	for _, tt := range tests {
		var at Date
		if tt.date != "" {
			at = MustParseDate(tt.date)
		}
		assert.Equal(t, tt.want, d.ResolveActorAt(tt.name, at), "%s in %s", tt.name, tt.date)
	}
}

// TestActorHistoryJSON checks that the new fields travel through
// encoding/json and that their zero values are left out.
func TestActorHistoryJSON(t *testing.T) {
	a := congo()
	a.Predecessors = []Succession{{Actor: "BE-CONGO", Kind: Secession}}
	a.Offices = []Office{{Title: "Chair of the African Union", Of: "AU", Period: MustParseDate("2009")}}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"history":[{"text":"Republic of the Congo (Léopoldville)","period":"1960-06-30/1964-08-01"}`)
	assert.Contains(t, string(b), `"predecessors":[{"actor":"BE-CONGO","kind":"secession"}]`)
	assert.Contains(t, string(b), `"offices":[{"title":"Chair of the African Union","of":"AU","period":"2009"}]`)
	var back Actor
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)

	b, err = json.Marshal(Actor{ID: "KZ", Type: State, Name: "Kazakhstan", Country: "KZ"})
	require.NoError(t, err)
	assert.Equal(t, `{"id":"KZ","type":"state","name":"Kazakhstan","country":"KZ"}`, string(b))
}

func TestActorCloneHistory(t *testing.T) {
	a := congo()
	a.Offices = []Office{{Title: "T"}}
	a.Predecessors = []Succession{{Actor: "X", Kind: Secession}}
	c := a.Clone()
	c.History[0].Text = "changed"
	c.Offices[0].Title = "changed"
	c.Predecessors[0].Actor = "Y"
	assert.Equal(t, "Republic of the Congo (Léopoldville)", a.History[0].Text)
	assert.Equal(t, "T", a.Offices[0].Title)
	assert.Equal(t, ActorID("X"), a.Predecessors[0].Actor)
	assert.Nil(t, Actor{History: []Name{}}.Clone().History)
}

func TestAllNamesIncludesHistory(t *testing.T) {
	a := congo()
	assert.Contains(t, a.AllNames(), "Zaire")
	var d Directory
	require.NoError(t, d.AddActors(a))
	assert.Equal(t, []ActorID{"CD"}, d.ResolveActor("zaire"))
	assert.Equal(t, []string{"Democratic Republic of the Congo"}, d.SuggestActors("Zair"))
}

// TestNameAtProperty checks NameAt against a model: of the names whose
// period meets the date, the one that started last, else the canonical
// name.
func TestNameAtProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := Actor{ID: "A", Type: State, Name: "Today", Country: "AA"}
		base := DayOf(1900, time.January, 1)
		mk := func(from, to Day) Date {
			if from == to {
				return OnDay(from.Date())
			}
			p, err := Between(OnDay(from.Date()), OnDay(to.Date()))
			require.NoError(t, err)
			return p
		}
		n := rapid.IntRange(0, 4).Draw(t, "names")
		type span struct{ from, to Day }
		spans := make([]span, n)
		for i := range n {
			from := base + Day(rapid.IntRange(0, 100).Draw(t, "from"))
			to := from + Day(rapid.IntRange(0, 50).Draw(t, "length"))
			spans[i] = span{from, to}
			a.History = append(a.History, Name{Text: string(rune('a' + i)), Period: mk(from, to)})
		}
		require.NoError(t, a.Validate())
		from := base + Day(rapid.IntRange(-5, 160).Draw(t, "day"))
		to := from + Day(rapid.IntRange(0, 20).Draw(t, "span"))
		want, start := "Today", Day(-1)
		for i, s := range spans {
			if s.from <= to && from <= s.to && s.from > start {
				want, start = string(rune('a'+i)), s.from
			}
		}
		assert.Equal(t, want, a.NameAt(mk(from, to)))
		assert.Equal(t, "Today", a.NameAt(Date{}))
	})
}

func TestErrorsOfHistoryAreSentinels(t *testing.T) {
	assert.False(t, errors.Is(ErrNotInOffice, ErrSelfSuccession))
}

package event

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemList asserts that err is a non-empty ErrorList and returns it.
func problemList(t *testing.T, err error) ErrorList {
	t.Helper()
	require.Error(t, err)
	var l ErrorList
	require.ErrorAs(t, err, &l, "the error is an ErrorList: %v", err)
	require.NotEmpty(t, l)
	return l
}

// wantProblem describes one expected FieldError.
type wantProblem struct {
	path, value string
	err         error
}

// assertProblems asserts that err holds exactly the wanted problems, in any
// order, each with its path, value and sentinel.
func assertProblems(t *testing.T, err error, want ...wantProblem) {
	t.Helper()
	if len(want) == 0 {
		require.NoError(t, err)
		return
	}
	l := problemList(t, err)
	got := make([]wantProblem, len(l))
	for i, fe := range l {
		got[i] = wantProblem{fe.Path, fe.Value, nil}
	}
	paths := make([]wantProblem, len(want))
	for i, w := range want {
		paths[i] = wantProblem{w.path, w.value, nil}
	}
	require.ElementsMatch(t, paths, got, "paths and values of %v", err)
	for _, w := range want {
		i := slices.IndexFunc(l, func(fe *FieldError) bool { return fe.Path == w.path && fe.Value == w.value })
		assert.ErrorIs(t, l[i], w.err, "%s", w.path)
	}
	for _, w := range want {
		assert.ErrorIs(t, err, w.err, "errors.Is sees %v through the list", w.err)
	}
}

func kazakhstan() Actor {
	return Actor{
		ID: "kazakhstan", Type: State, Name: "Kazakhstan", Country: "KZ",
		Names:    map[string]string{"de": "Kasachstan", "ru": "Казахстан", "kk": "Қазақстан"},
		Aliases:  []string{"Republic of Kazakhstan"},
		Wikidata: "Q232",
	}
}

func tokayev() Actor {
	return Actor{
		ID: "kassym-jomart-tokayev", Type: Person, Name: "Kassym-Jomart Tokayev", Country: "KZ",
		Names:   map[string]string{"de": "Qassym-Schomart Tokajew", "ru": "Касым-Жомарт Токаев"},
		Aliases: []string{"Tokayev", "Tokajew", "Tokaev"},
	}
}

func unitedStates() Actor {
	return Actor{
		ID: "US", Type: State, Name: "United States", Country: "US",
		Names:   map[string]string{"de": "Vereinigte Staaten"},
		Aliases: []string{"USA", "United States of America"},
	}
}

func trump() Actor {
	return Actor{
		ID: "donald-trump", Type: Person, Name: "Donald Trump", Country: "US",
		Aliases: []string{"Trump"},
	}
}

func whiteHouse() Actor {
	return Actor{
		ID: "white-house", Type: Body, Name: "White House", Country: "US",
		Names: map[string]string{"de": "Weißes Haus"},
	}
}

func israel() Actor {
	return Actor{ID: "israel", Type: State, Name: "Israel", Country: "IL", Wikidata: "Q801"}
}

func c5plus1() Actor {
	return Actor{ID: "c5-plus-1", Type: Organization, Name: "C5+1", Aliases: []string{"C5 plus 1"}}
}

// testDirectory returns a directory of the actors above.
func testDirectory(t *testing.T) *Directory {
	t.Helper()
	var d Directory
	for _, a := range []Actor{kazakhstan(), tokayev(), unitedStates(), trump(), whiteHouse(), israel(), c5plus1()} {
		require.NoError(t, d.AddActors(a), a.ID)
	}
	return &d
}

func TestActorIDValid(t *testing.T) {
	for _, id := range []ActorID{"KZ", "kassym-jomart-tokayev", "a", "wd:Q232", "un.security_council", ActorID(strings.Repeat("x", 128))} {
		assert.True(t, id.Valid(), "%q", id)
	}
	for _, id := range []ActorID{"", "kz tokayev", "tokájew", "a/b", "a,b", "a\x1fb", "#1", ActorID(strings.Repeat("x", 129))} {
		assert.False(t, id.Valid(), "%q", id)
	}
}

func TestActorValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(a *Actor)
		want   []wantProblem
	}{
		{"valid state", func(*Actor) {}, nil},
		{"valid person without wikidata", func(a *Actor) { *a = tokayev() }, nil},
		{"organization needs no country", func(a *Actor) { *a = c5plus1() }, nil},
		{"person needs no country", func(a *Actor) { *a = trump(); a.Country = "" }, nil},
		{"missing id", func(a *Actor) { a.ID = "" }, []wantProblem{{"id", "", ErrRequired}}},
		{"id with space", func(a *Actor) { a.ID = "kz tokayev" }, []wantProblem{{"id", "kz tokayev", ErrInvalidID}}},
		{"id with accent", func(a *Actor) { a.ID = "tokájew" }, []wantProblem{{"id", "tokájew", ErrInvalidID}}},
		{"missing type", func(a *Actor) { a.Type = 0 }, []wantProblem{{"type", "", ErrRequired}}},
		{"unknown type", func(a *Actor) { a.Type = 9 }, []wantProblem{{"type", "actor type(9)", ErrUnknown}}},
		{"missing name", func(a *Actor) { a.Name = "" }, []wantProblem{{"name", "", ErrRequired}}},
		{"blank name", func(a *Actor) { a.Name = " \t " }, []wantProblem{{"name", " \t ", ErrRequired}}},
		{"name with newline", func(a *Actor) { a.Name = "Kazakh\nstan" }, []wantProblem{{"name", "Kazakh\nstan", ErrInvalidText}}},
		{"state without country", func(a *Actor) { a.Country = "" }, []wantProblem{{"country", "", ErrRequired}}},
		{"lower-case country", func(a *Actor) { a.Country = "kz" }, []wantProblem{{"country", "kz", ErrInvalidCountry}}},
		{"alpha-3 country", func(a *Actor) { a.Country = "KAZ" }, []wantProblem{{"country", "KAZ", ErrInvalidCountry}}},
		{"bad country of a person", func(a *Actor) { *a = tokayev(); a.Country = "K" }, []wantProblem{{"country", "K", ErrInvalidCountry}}},
		{"underscore language tag", func(a *Actor) { a.Names["de_DE"] = "Kasachstan" }, []wantProblem{{"names.de_DE", "de_DE", ErrInvalidLanguage}}},
		{"malformed language tag", func(a *Actor) { a.Names["123"] = "Kasachstan" }, []wantProblem{{"names.123", "123", ErrInvalidLanguage}}},
		{"empty language tag", func(a *Actor) { a.Names[""] = "Kasachstan" }, []wantProblem{{"names.", "", ErrInvalidLanguage}}},
		{"blank name in a language", func(a *Actor) { a.Names["de"] = " " }, []wantProblem{{"names.de", " ", ErrRequired}}},
		{"blank alias", func(a *Actor) { a.Aliases = []string{"Qazaqstan", ""} }, []wantProblem{{"aliases[1]", "", ErrRequired}}},
		{"space alias", func(a *Actor) { a.Aliases = []string{"  "} }, []wantProblem{{"aliases[0]", "  ", ErrRequired}}},
		{"wikidata Q0", func(a *Actor) { a.Wikidata = "Q0" }, []wantProblem{{"wikidata", "Q0", ErrInvalidID}}},
		{"wikidata without Q", func(a *Actor) { a.Wikidata = "232" }, []wantProblem{{"wikidata", "232", ErrInvalidID}}},
		{"wikidata lower-case q", func(a *Actor) { a.Wikidata = "q232" }, []wantProblem{{"wikidata", "q232", ErrInvalidID}}},
		{"wikidata leading zero", func(a *Actor) { a.Wikidata = "Q0232" }, []wantProblem{{"wikidata", "Q0232", ErrInvalidID}}},
		{"wikidata letters", func(a *Actor) { a.Wikidata = "Q23a" }, []wantProblem{{"wikidata", "Q23a", ErrInvalidID}}},
		{"wikidata bare Q", func(a *Actor) { a.Wikidata = "Q" }, []wantProblem{{"wikidata", "Q", ErrInvalidID}}},
		{"many problems", func(a *Actor) {
			*a = Actor{Type: State, Names: map[string]string{"de": ""}, Aliases: []string{""}, Wikidata: "P31"}
		}, []wantProblem{
			{"id", "", ErrRequired},
			{"name", "", ErrRequired},
			{"names.de", "", ErrRequired},
			{"aliases[0]", "", ErrRequired},
			{"country", "", ErrRequired},
			{"wikidata", "P31", ErrInvalidID},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := kazakhstan()
			tt.modify(&a)
			err := a.Validate()
			assertProblems(t, err, tt.want...)
			if err != nil {
				var fe *FieldError
				assert.ErrorAs(t, err, &fe)
			}
		})
	}
}

func TestActorValidateNilForValid(t *testing.T) {
	a := kazakhstan()
	err := a.Validate()
	// A nil interface, not an interface holding an empty ErrorList.
	assert.True(t, err == nil)
}

func TestActorAllNames(t *testing.T) {
	a := Actor{
		Name:    "Kazakhstan",
		Names:   map[string]string{"ru": "Казахстан", "fr": "Kazakhstan", "de": "Kasachstan"},
		Aliases: []string{"Kasachstan", "Qazaqstan", "Qazaqstan"},
	}
	aliases := slices.Clone(a.Aliases)
	assert.Equal(t, []string{"Kazakhstan", "Kasachstan", "Казахстан", "Qazaqstan"}, a.AllNames(),
		"canonical name, names in tag order (de, fr, ru), aliases, without duplicates")
	assert.Equal(t, aliases, a.Aliases, "AllNames leaves the aliases alone")

	// The result is fresh each time.
	n := a.AllNames()
	n[0] = "changed"
	assert.Equal(t, "Kazakhstan", a.AllNames()[0])
	assert.Equal(t, "Kazakhstan", a.Name)

	only := Actor{Name: "Israel"}
	assert.Equal(t, []string{"Israel"}, only.AllNames())
}

func TestActorNameIn(t *testing.T) {
	a := Actor{Name: "Kazakhstan", Names: map[string]string{
		"de": "Kasachstan", "de-CH": "Kasachstan (CH)", "ru": "Казахстан", "zh-Hant": "哈薩克",
	}}
	tests := map[string]string{
		"de":         "Kasachstan",
		"de-CH":      "Kasachstan (CH)",
		"de-AT":      "Kasachstan",
		"de-1901":    "Kasachstan",
		"ru":         "Казахстан",
		"ru-KZ":      "Казахстан",
		"zh-Hant":    "哈薩克",
		"zh-Hant-TW": "Kazakhstan", // falls back to "zh", which is absent
		"fr":         "Kazakhstan",
		"fr-CA":      "Kazakhstan",
		"":           "Kazakhstan",
		"en":         "Kazakhstan",
	}
	for tag, want := range tests {
		assert.Equal(t, want, a.NameIn(tag), "NameIn(%q)", tag)
	}
	b := Actor{Name: "Kazakhstan", Names: map[string]string{"de": "Kasachstan"}}
	assert.Equal(t, "Kasachstan", b.NameIn("de-CH"))
	none := Actor{Name: "Israel"}
	assert.Equal(t, "Israel", none.NameIn("de-CH"), "nil Names")
}

func TestActorClone(t *testing.T) {
	a := kazakhstan()
	c := a.Clone()
	require.Equal(t, a, c)
	c.Names["de"] = "changed"
	c.Names["fr"] = "added"
	c.Aliases[0] = "changed"
	c.Aliases = append(c.Aliases, "added")
	c.Name = "changed"
	assert.Equal(t, kazakhstan(), a)

	var zero Actor
	assert.Equal(t, zero, zero.Clone())
}

func TestDirectoryZeroValue(t *testing.T) {
	var d Directory
	assert.Zero(t, d.NumActors())
	assert.Empty(t, d.ResolveActor("Kazakhstan"))
	_, ok := d.Actor("kazakhstan")
	assert.False(t, ok)
	assert.False(t, d.RemoveActor("kazakhstan"))
	for a := range d.Actors() {
		t.Errorf("empty directory yields %v", a.ID)
	}

	require.NoError(t, d.AddActors(kazakhstan()))
	assert.Equal(t, 1, d.NumActors())
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Kazakhstan"))

	var lookup ActorLookup = &d
	got, ok := lookup.Actor("kazakhstan")
	require.True(t, ok)
	assert.Equal(t, kazakhstan(), got)
}

func TestDirectoryAddInvalid(t *testing.T) {
	var d Directory
	a := kazakhstan()
	a.Country = "kz"
	err := d.AddActors(a)
	assertProblems(t, err, wantProblem{"actors[0].country", "kz", ErrInvalidCountry})
	assert.Zero(t, d.NumActors())
	assert.Empty(t, d.ResolveActor("Kazakhstan"))

	err = d.PutActor(Actor{})
	assert.ErrorIs(t, err, ErrRequired)
	assert.Zero(t, d.NumActors())
}

func TestDirectoryAddDuplicate(t *testing.T) {
	d := testDirectory(t)
	n := d.NumActors()
	other := israel()
	other.ID = "kazakhstan"
	err := d.AddActors(other)
	assertProblems(t, err, wantProblem{"actors[0].id", "kazakhstan", ErrDuplicate})
	assert.Equal(t, n, d.NumActors())
	assert.Equal(t, []ActorID{"israel"}, d.ResolveActor("Israel"), "the rejected actor is not indexed")
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Kasachstan"), "the first actor stays")
	got, _ := d.Actor("kazakhstan")
	assert.Equal(t, "Kazakhstan", got.Name)
}

func TestDirectoryStoresACopy(t *testing.T) {
	var d Directory
	a := kazakhstan()
	require.NoError(t, d.AddActors(a))
	a.Names["fr"] = "Kazakhstan (fr)"
	a.Names["de"] = "changed"
	a.Aliases[0] = "changed"
	got, ok := d.Actor("kazakhstan")
	require.True(t, ok)
	assert.Equal(t, kazakhstan(), got)
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Kasachstan"))
	assert.Empty(t, d.ResolveActor("changed"))
}

func TestDirectoryPutReplaces(t *testing.T) {
	d := testDirectory(t)
	n := d.NumActors()
	kz := kazakhstan()
	kz.Names = map[string]string{"kk": "Qazaqstan"}
	kz.Aliases = nil
	kz.Country = "QZ"
	require.NoError(t, d.PutActor(kz))
	assert.Equal(t, n, d.NumActors())

	got, _ := d.Actor("kazakhstan")
	assert.Equal(t, kz, got)
	assert.Empty(t, d.ResolveActor("Kasachstan"), "the old name no longer resolves")
	assert.Empty(t, d.ResolveActor("Казахстан"))
	assert.Empty(t, d.ResolveActor("Republic of Kazakhstan"))
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Qazaqstan"))
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Kazakhstan"), "the kept name still resolves")
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("QZ"))
	assert.Empty(t, d.ResolveActor("KZ"), "the old country code no longer resolves")

	// An invalid replacement leaves the old actor in place.
	bad := kazakhstan()
	bad.Name = ""
	require.Error(t, d.PutActor(bad))
	got, _ = d.Actor("kazakhstan")
	assert.Equal(t, kz, got)
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Qazaqstan"))

	// Put adds a new actor too.
	require.NoError(t, d.PutActor(Actor{ID: "uzbekistan", Type: State, Name: "Uzbekistan", Country: "UZ"}))
	assert.Equal(t, n+1, d.NumActors())
	assert.Equal(t, []ActorID{"uzbekistan"}, d.ResolveActor("uz"))
}

func TestDirectoryRemove(t *testing.T) {
	d := testDirectory(t)
	n := d.NumActors()
	require.True(t, d.RemoveActor("kassym-jomart-tokayev"))
	assert.Equal(t, n-1, d.NumActors())
	_, ok := d.Actor("kassym-jomart-tokayev")
	assert.False(t, ok)
	for _, name := range []string{"Tokajew", "Tokayev", "kassym-jomart-tokayev", "Kassym-Jomart Tokayev"} {
		assert.Empty(t, d.ResolveActor(name), name)
	}
	assert.False(t, d.RemoveActor("kassym-jomart-tokayev"), "second removal")
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("KZ"), "other actors are untouched")

	for a := range d.Actors() {
		assert.NotEqual(t, ActorID("kassym-jomart-tokayev"), a.ID)
	}
}

func TestDirectoryRemoveSharedName(t *testing.T) {
	var d Directory
	require.NoError(t, d.AddActors(Actor{ID: "us-georgia", Type: Body, Name: "Georgia", Country: "US"}))
	require.NoError(t, d.AddActors(Actor{ID: "georgia", Type: State, Name: "Georgia", Country: "GE", Names: map[string]string{"de": "Georgien"}}))
	require.NoError(t, d.AddActors(Actor{ID: "georgia-ga", Type: Body, Name: "State of Georgia", Country: "US", Aliases: []string{"GEORGIA"}}))
	assert.Equal(t, []ActorID{"georgia", "georgia-ga", "us-georgia"}, d.ResolveActor("georgia"),
		"an ambiguous name returns every ID, sorted")

	require.True(t, d.RemoveActor("georgia-ga"))
	assert.Equal(t, []ActorID{"georgia", "us-georgia"}, d.ResolveActor("Georgia"))
	require.True(t, d.RemoveActor("georgia"))
	assert.Equal(t, []ActorID{"us-georgia"}, d.ResolveActor("Georgia"))
	assert.Empty(t, d.ResolveActor("Georgien"))
	assert.Empty(t, d.ResolveActor("GE"))
}

func TestDirectoryResolve(t *testing.T) {
	d := testDirectory(t)
	tests := []struct {
		name string
		want []ActorID
	}{
		{"Kazakhstan", []ActorID{"kazakhstan"}},
		{"Kasachstan", []ActorID{"kazakhstan"}},
		{"kasachstan", []ActorID{"kazakhstan"}},
		{"KASACHSTAN", []ActorID{"kazakhstan"}},
		{"  Kasachstan ", []ActorID{"kazakhstan"}},
		{"Казахстан", []ActorID{"kazakhstan"}},
		{"КАЗАХСТАН", []ActorID{"kazakhstan"}},
		{"Қазақстан", []ActorID{"kazakhstan"}},
		{"republic  of kazakhstan", []ActorID{"kazakhstan"}},
		{"KZ", []ActorID{"kazakhstan"}}, // the state's country code, not its ID
		{"kz", []ActorID{"kazakhstan"}},
		{"kazakhstan", []ActorID{"kazakhstan"}}, // its ID
		{"KAZAKHSTAN", []ActorID{"kazakhstan"}},
		{"Tokajew", []ActorID{"kassym-jomart-tokayev"}},
		{"tokájew", []ActorID{"kassym-jomart-tokayev"}},
		{"TOKAYEV", []ActorID{"kassym-jomart-tokayev"}},
		{"Qassym-Schomart Tokajew", []ActorID{"kassym-jomart-tokayev"}},
		{"Касым-Жомарт Токаев", []ActorID{"kassym-jomart-tokayev"}},
		{"kassym-jomart-tokayev", []ActorID{"kassym-jomart-tokayev"}},
		{"Weißes Haus", []ActorID{"white-house"}},
		{"weisses haus", []ActorID{"white-house"}},
		{"WEISSES HAUS", []ActorID{"white-house"}},
		{"US", []ActorID{"US"}}, // the body and the person in the US are not found by "US"
		{"usa", []ActorID{"US"}},
		{"Vereinigte Staaten", []ActorID{"US"}},
		{"IL", []ActorID{"israel"}},
		{"c5+1", []ActorID{"c5-plus-1"}},
		{"Q232", nil}, // Wikidata IDs are not names
		{"Kazakh", nil},
		{"Tokajev", nil},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.ResolveActor(tt.name)
			if tt.want == nil {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

func TestDirectoryResolvePersonsNotByCountry(t *testing.T) {
	var d Directory
	require.NoError(t, d.AddActors(tokayev()))
	require.NoError(t, d.AddActors(Actor{ID: "kz-mfa", Type: Body, Name: "Ministry of Foreign Affairs of Kazakhstan", Country: "KZ"}))
	assert.Empty(t, d.ResolveActor("KZ"), "persons and bodies are not found by their country code")
	require.NoError(t, d.AddActors(kazakhstan()))
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("KZ"))
}

func TestDirectoryResolveAmbiguousSorted(t *testing.T) {
	var d Directory
	// Added out of order.
	require.NoError(t, d.AddActors(Actor{ID: "z-president", Type: Person, Name: "The President", Country: "US"}))
	require.NoError(t, d.AddActors(Actor{ID: "a-president", Type: Person, Name: "President", Country: "KZ", Aliases: []string{"the president"}}))
	require.NoError(t, d.AddActors(Actor{ID: "m-president", Type: Person, Name: "Präsident", Country: "DE", Aliases: []string{"The  President"}}))
	assert.Equal(t, []ActorID{"a-president", "m-president", "z-president"}, d.ResolveActor("the president"))
	assert.Equal(t, []ActorID{"m-president"}, d.ResolveActor("PRASIDENT"))
	assert.Equal(t, []ActorID{"a-president"}, d.ResolveActor("president"))
}

func TestDirectoryResolveReturnsCopy(t *testing.T) {
	d := testDirectory(t)
	got := d.ResolveActor("Kasachstan")
	require.Equal(t, []ActorID{"kazakhstan"}, got)
	got[0] = "changed"
	assert.Equal(t, []ActorID{"kazakhstan"}, d.ResolveActor("Kasachstan"))
}

func TestDirectoryActorExactID(t *testing.T) {
	d := testDirectory(t)
	a, ok := d.Actor("kassym-jomart-tokayev")
	require.True(t, ok)
	assert.Equal(t, tokayev(), a)
	_, ok = d.Actor("Tokajew")
	assert.False(t, ok, "Actor looks up IDs only, not names")
	_, ok = d.Actor("KZ")
	assert.False(t, ok)
}

func TestDirectoryAll(t *testing.T) {
	d := testDirectory(t)
	var ids []ActorID
	for a := range d.Actors() {
		got, ok := d.Actor(a.ID)
		require.True(t, ok)
		assert.Equal(t, got, a)
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []ActorID{"US", "c5-plus-1", "donald-trump", "israel", "kassym-jomart-tokayev", "kazakhstan", "white-house"}, ids)
	assert.Equal(t, d.NumActors(), len(ids))

	// Stopping early is allowed.
	var first []ActorID
	for a := range d.Actors() {
		first = append(first, a.ID)
		if len(first) == 2 {
			break
		}
	}
	assert.Equal(t, []ActorID{"US", "c5-plus-1"}, first)
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"kasachstan", "kasachstan"},
		{"Kasachstan", "kasachstan"},
		{"KASACHSTAN", "kasachstan"},
		{" kasachstan ", "kasachstan"},
		{"Weißes Haus", "weisses haus"},
		{"WEISSES  HAUS", "weisses haus"},
		{"Tokájew", "tokajew"},
		{"Toka\u0301jew", "tokajew"}, // decomposed accent
		{"Ελλάδα", "ελλαδα"},
		{"ΕΛΛΆΔΑ", "ελλαδα"},
		{"Казахстан", "казахстан"},
		{"Қазақстан", "қазақстан"}, // letters of their own, not accented letters
		{"Émile  Zola", "emile zola"},
		{"\tUnited\nStates\r\n", "united states"},
		{"a  b", "a b"},
		{" a", "a"},
		{"a ", "a"},
		{"kassym-jomart-tokayev", "kassym-jomart-tokayev"},
		{"C5+1", "c5+1"},
		{"Côte d’Ivoire", "cote d’ivoire"},
		{"Straße", "strasse"},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		assert.Equal(t, tt.want, got, "Fold(%q)", tt.in)
		assert.Equal(t, got, Fold(got), "Fold is idempotent on %q", tt.in)
	}
	assert.Equal(t, Fold("Weißes Haus"), Fold("weisses haus"))
	assert.Equal(t, Fold("Tokajew"), Fold("tokájew"))
	assert.NotEqual(t, Fold("Tokajew"), Fold("Tokayev"))
}

func TestFoldASCIIFastPath(t *testing.T) {
	for _, s := range []string{"kasachstan", "white house", "kassym-jomart-tokayev", "c5+1", "a"} {
		assert.Equal(t, s, Fold(s))
		allocs := testing.AllocsPerRun(100, func() { _ = Fold(s) })
		assert.Zero(t, allocs, "already folded ASCII %q needs no allocation", s)
	}
	// Strings that look folded but are not go the slow path and come out right.
	for in, want := range map[string]string{"a\tb": "a b", "a\x0bb": "a b", "A": "a", "a  b": "a b", " ": ""} {
		assert.Equal(t, want, Fold(in), "%q", in)
	}
}

func TestValidCountryAndLanguage(t *testing.T) {
	for _, c := range []string{"KZ", "US", "XK", "ZZ"} {
		assert.True(t, ValidCountry(c), c)
	}
	for _, c := range []string{"", "K", "kz", "Kz", "KAZ", "K1", "ÄÖ"} {
		assert.False(t, ValidCountry(c), c)
	}
	for _, tag := range []string{"de", "en-US", "zh-Hant", "de-CH-1901", "ru", "kk"} {
		assert.True(t, ValidLanguage(tag), tag)
	}
	for _, tag := range []string{"", "de_DE", "en US", "123", "x", "-de", "de-"} {
		assert.False(t, ValidLanguage(tag), tag)
	}
}

func TestErrorsAsThroughDirectory(t *testing.T) {
	var d Directory
	err := d.AddActors(Actor{ID: "x y", Type: State, Name: "X"})
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "actors[0].id", fe.Path)
	assert.ErrorIs(t, err, ErrInvalidID)
	assert.ErrorIs(t, err, ErrRequired, "the missing country is reported too")
}

package event

import (
	"slices"
	"strconv"
	"strings"
)

// A WordError reports a word that is not in one of the package's closed
// vocabularies ([Kind], [Role], [Status], [ActorType], [LinkType]). It lists
// the known words so that the user can correct the input.
type WordError struct {
	Vocabulary string   // "kind", "role", …
	Word       string   // the word given
	Known      []string // every accepted word, in declaration order
}

// Error returns `unknown kind "call"; known: treaty-signature, …`.
func (e *WordError) Error() string {
	return "unknown " + e.Vocabulary + " " + QuoteValue(e.Word) + "; known: " + strings.Join(e.Known, ", ")
}

// Unwrap returns [ErrUnknown].
func (e *WordError) Unwrap() error { return ErrUnknown }

// vocabulary is a closed list of kebab-case words indexed by a small integer
// type, where 0 means "not set" and is written as the empty word.
type vocabulary struct {
	name  string
	words []string // words[0] == ""
}

func (v *vocabulary) word(i int) string {
	if i >= 0 && i < len(v.words) {
		return v.words[i]
	}
	return v.name + "(" + strconv.Itoa(i) + ")"
}

func (v *vocabulary) known(i int) bool { return i > 0 && i < len(v.words) }

func (v *vocabulary) parse(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	if i := slices.Index(v.words, s); i > 0 {
		return i, nil
	}
	return 0, &WordError{Vocabulary: v.name, Word: s, Known: slices.Clone(v.words[1:])}
}

func (v *vocabulary) marshal(i int) ([]byte, error) {
	if i != 0 && !v.known(i) {
		return nil, &WordError{Vocabulary: v.name, Word: v.word(i), Known: slices.Clone(v.words[1:])}
	}
	return []byte(v.words[i]), nil
}

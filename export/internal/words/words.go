// Package words gives the enumerations of the format packages (a date
// policy, lanes, a grouping) their text forms, so that each can be a flag
// ([flag.TextVar]) and print as a word.
package words

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A List holds the words of an enumeration: the word of value i is
// List[i].
type List []string

// Format returns the word of value i, or typ(i) for a value without one.
func (l List) Format(typ string, i int) string {
	if i >= 0 && i < len(l) {
		return l[i]
	}
	return typ + "(" + strconv.Itoa(i) + ")"
}

// Parse returns the value of a word, or an error wrapping base that lists
// the known words.
func (l List) Parse(base error, what string, text []byte) (int, error) {
	i := slices.Index(l, string(text))
	if i < 0 {
		return 0, fmt.Errorf("%w: unknown %s %q; known: %s", base, what, text, strings.Join(l, ", "))
	}
	return i, nil
}

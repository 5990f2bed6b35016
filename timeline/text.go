package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
)

// eachText calls f with each text an event is searched by: its titles,
// description and date text with the other reports' wordings of them, and
// the titles and quotes of its sources with their translations.
func eachText(e *event.Event, f func(string)) {
	f(e.Title)
	for _, title := range e.Titles { // words are a set: map order does not matter
		f(title)
	}
	f(e.Description)
	f(e.DateText)
	for _, a := range e.Alternatives {
		switch a.Field {
		case "title", "description", "dateText":
			f(a.Value)
		default:
			if strings.HasPrefix(a.Field, "titles.") {
				f(a.Value)
			}
		}
	}
	for _, s := range e.Sources {
		f(s.Title)
		for _, q := range s.Quotes {
			f(q.Text)
			f(q.Translation)
		}
	}
}

// words returns the distinct folded words of the texts of an event, by
// folding each text whole: the definition that [tokenizer] follows faster.
func words(e *event.Event) []string {
	var out []string
	eachText(e, func(s string) {
		out = append(out, tokenize(s)...)
	})
	return dedupe(out)
}

// tokenize folds s and splits it into words of letters and digits.
func tokenize(s string) []string {
	return strings.FieldsFunc(event.Fold(s), notWordRune)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// pieces calls f with the pieces of s that hold its words: the runs of
// letters, digits and marks. Folding removes or composes marks but keeps
// letters and digits, and turns no other rune into one, so that every word
// of the folded text lies within one piece, and the words of s are those
// of its pieces, folded and split as [tokenize] does. Folding each distinct
// piece once, not each text, is what makes indexing fast: the same words
// recur across thousands of events. plain says the piece is lower-case
// ASCII letters and digits, and so a folded word already.
func pieces(s string, f func(piece string, plain bool)) {
	start := -1 // start of the piece being read
	plain := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiWord[c] {
			case notWord:
				if start >= 0 {
					f(s[start:i], plain)
					start = -1
				}
				i++
			case lowerWord:
				if start < 0 {
					start, plain = i, true
				}
				// The rest of a run of lower-case letters and digits,
				// most of any text, without the cases.
				for i++; i < len(s) && asciiWord[s[i]] == lowerWord; i++ {
				}
			default:
				if start < 0 {
					start = i
				}
				plain = false
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if start < 0 {
				start = i
			}
			plain = false
		case start >= 0:
			f(s[start:i], plain)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(s[start:], plain)
	}
}

// The kinds of ASCII bytes in words, for pieces.
const (
	notWord   = iota
	lowerWord // a lower-case letter or a digit, as folding leaves it
	upperWord
)

// asciiWord holds the kind of each ASCII byte; the others are not ASCII
// words.
var asciiWord = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = lowerWord
		case 'A' <= c && c <= 'Z':
			t[c] = upperWord
		}
	}
	return t
}()

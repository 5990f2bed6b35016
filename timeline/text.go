package timeline

import (
	"strings"
	"unicode"

	"github.com/accordline/accordline/event"
)

// textIndex maps the folded words of events' texts to the events that
// contain them.
type textIndex struct {
	words postings[string]
}

// words returns the distinct folded words of the text an event is searched
// by: its titles, description and date text with the other reports'
// wordings of them, and the titles and quotes of its sources with their
// translations.
func words(e *event.Event) []string {
	var out []string
	add := func(s string) {
		if s == "" {
			return
		}
		for _, w := range tokenize(s) {
			out = appendNew(out, w)
		}
	}
	add(e.Title)
	for _, title := range e.Titles { // words are a set: map order does not matter
		add(title)
	}
	add(e.Description)
	add(e.DateText)
	for _, a := range e.Alternatives {
		switch a.Field {
		case "title", "description", "dateText":
			add(a.Value)
		default:
			if strings.HasPrefix(a.Field, "titles.") {
				add(a.Value)
			}
		}
	}
	for _, s := range e.Sources {
		add(s.Title)
		for _, q := range s.Quotes {
			add(q.Text)
			add(q.Translation)
		}
	}
	return out
}

// tokenize folds s and splits it into words of letters and digits.
func tokenize(s string) []string {
	return strings.FieldsFunc(event.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func buildText(order list) *textIndex {
	ti := &textIndex{words: make(postings[string])}
	for _, en := range order {
		for _, w := range words(&en.ev) {
			ti.words[w] = append(ti.words[w], en)
		}
	}
	return ti
}

func (ti *textIndex) apply(en *entry, o op) {
	for _, w := range words(&en.ev) {
		putKey(ti.words, w, en, o)
	}
}

package markdown

import (
	"io"
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/present"
)

// A writer makes the report in a buffer, which it writes out when it has
// grown large, keeping the first error. Text reaches the buffer escaped,
// through esc, or as it stands, through raw, which only the package's
// own markup and checked link targets take.
type writer struct {
	w     io.Writer
	names *present.Names
	roles map[event.Role]string // the role names as written, lower case
	b     []byte
	err   error
}

// flushAt is the size at which the buffer is written out.
const flushAt = 32 << 10

func (r *writer) raw(s string) { r.b = append(r.b, s...) }
func (r *writer) esc(s string) { r.b = appendEscaped(r.b, s) }

// heading writes a heading of text, escaped already, after a blank line.
func (r *writer) heading(marks string, text []byte) {
	r.raw("\n")
	r.raw(marks)
	r.b = append(r.b, text...)
	r.raw("\n")
}

// flush writes out the buffer and returns the first error writing.
func (r *writer) flush() error {
	if r.err == nil && len(r.b) > 0 {
		_, r.err = r.w.Write(r.b)
	}
	r.b = r.b[:0]
	return r.err
}

// paragraphs writes s as paragraphs, each line prefixed by indent,
// escaped.
func (r *writer) paragraphs(indent, s string) {
	for i, line := range present.Paragraphs(s) {
		if i > 0 {
			r.raw("\n")
		}
		r.raw(indent)
		r.esc(line)
		r.raw("\n")
	}
}

// item writes a line "  - label: value", where value is what the function
// appends, or nothing when it appends nothing.
func (r *writer) item(label string, value func()) {
	start := len(r.b)
	r.raw("  - ")
	r.raw(label)
	r.raw(": ")
	at := len(r.b)
	value()
	if len(r.b) == at {
		r.b = r.b[:start]
		return
	}
	r.raw("\n")
}

// sep writes s before every element of a list but the first.
func (r *writer) sep(at int, s string) {
	if len(r.b) > at {
		r.raw(s)
	}
}

// event writes e as a bullet with its facts, description and quotes.
func (r *writer) event(e *event.Event) {
	// A blank inside the ** would leave them literal asterisks.
	r.raw("- **")
	r.esc(strings.TrimSpace(e.Title))
	r.raw("** — ")
	r.esc(e.Kind.Name())
	r.raw(", ")
	r.esc(e.Status.String())
	r.raw("\n")
	r.item("When", func() {
		date := e.DateText
		if date == "" {
			date = present.Date(e.Date)
		}
		r.esc(date)
		if edtf := e.Date.String(); date != "" && edtf != "" {
			r.raw(" (`")
			r.raw(edtf)
			r.raw("`)")
		}
	})
	r.item("Participants", func() {
		at := len(r.b)
		for _, p := range e.Participants {
			r.sep(at, "; ")
			r.esc(r.names.Label(p.Actor, e.Date))
			r.raw(" (")
			r.esc(r.roleName(p.Role))
			if p.Capacity != "" {
				r.raw(", ")
				r.esc(p.Capacity)
			}
			r.raw(")")
		}
	})
	r.item("Place", func() { r.esc(present.Place(e.Place)) })
	r.item("Instrument", func() { r.esc(e.Instrument.Name) })
	r.item("Tags", func() {
		for i, t := range e.Tags {
			if i > 0 {
				r.raw(", ")
			}
			r.esc(t)
		}
	})
	r.item("Sources", func() {
		at := len(r.b)
		for _, s := range e.Sources {
			before := len(r.b)
			r.sep(at, "; ")
			if !r.source(s) {
				r.b = r.b[:before] // a source without a name
			}
		}
	})
	if desc := strings.TrimSpace(e.Description); desc != "" {
		r.raw("\n")
		r.paragraphs("  ", desc)
	}
	for _, src := range e.Sources {
		for _, q := range src.Quotes {
			r.raw("\n")
			r.quote(e, src, q)
		}
	}
	if len(r.b) >= flushAt {
		r.flush()
	}
}

// roleName returns the name of a role as a participant's line gives it.
func (r *writer) roleName(role event.Role) string {
	if n, ok := r.roles[role]; ok {
		return n
	}
	if r.roles == nil {
		r.roles = make(map[event.Role]string)
	}
	n := strings.ToLower(role.Name())
	r.roles[role] = n
	return n
}

// quote writes q as a blockquote inside the event's bullet: the text with
// its language, the translation with its, and who said it.
func (r *writer) quote(e *event.Event, src event.Source, q event.Quote) {
	lang := q.Lang
	if lang == "" {
		lang = src.Lang
	}
	r.quoteLine(q.Text, lang)
	if q.Translation != "" {
		r.raw("  >\n")
		r.quoteLine(q.Translation, q.TranslationLang)
	}
	if q.Speaker == "" && src.Publisher == "" {
		return
	}
	r.raw("  >\n  > — ")
	if q.Speaker != "" {
		r.esc(r.names.Name(q.Speaker, e.Date))
		if src.Publisher != "" {
			r.raw(", ")
		}
	}
	r.esc(src.Publisher)
	r.raw("\n")
}

// quoteLine writes one line of a blockquote: text, after its language.
func (r *writer) quoteLine(text, lang string) {
	r.raw("  > ")
	if lang != "" {
		r.raw("*(")
		r.esc(lang)
		r.raw(")* ")
	}
	r.esc(strings.TrimSpace(text))
	r.raw("\n")
}

// source writes a source: a link if its URL is http or https, else its
// name as text. It reports whether it wrote anything.
func (r *writer) source(src event.Source) bool {
	at := len(r.b)
	label := present.SourceLabel(src)
	if !event.ValidURL(src.URL) {
		r.esc(label)
		return len(r.b) > at
	}
	r.raw("[")
	r.esc(label)
	r.raw("](")
	r.b = appendLinkTarget(r.b, src.URL)
	r.raw(")")
	return true
}

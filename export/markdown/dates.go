package markdown

import (
	"strings"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export/internal/when"
)

// heading renders a date heading: the readable date, and the date as the
// source words it in parentheses unless it is the same: "From 6 November
// 2025 (soon)", "1992 (since 1992)".
func heading(d event.Date, text string) string {
	r := when.Readable(d)
	switch {
	case r == "":
		return text
	case text == "" || strings.EqualFold(text, r):
		return r
	}
	return r + " (" + text + ")"
}

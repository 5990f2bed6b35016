package ical

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/accordline/accordline/event"
	"github.com/accordline/accordline/export"
)

// unescape decodes the TEXT value of p. In strict reading an invalid
// escape is a problem that loses the property; in lenient reading, as
// most readers do, a backslash before any other character stands for
// that character (\" is a double quote), and a backslash at the end for
// itself.
func (d *decoder) unescape(p *contentLine) (string, error) {
	s, err := unescapeText(p.value)
	if err == nil {
		return s, nil
	}
	if d.opts.Strict {
		d.add(issue{line: p.line, field: p.name, value: p.value, cause: err, action: export.Dropped})
		return "", err
	}
	return unescapeLenient(p.value), nil
}

// unescapeLenient decodes a TEXT value as lenient reading does.
func unescapeLenient(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b = append(b, c)
			continue
		}
		i++
		if s[i] == 'n' || s[i] == 'N' {
			b = append(b, '\n')
		} else {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// unescapeText decodes a TEXT value: \\ \; \, and \n or \N.
func unescapeText(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		if i+1 == len(s) {
			return "", errors.New(`backslash at the end of a TEXT value`)
		}
		i++
		switch s[i] {
		case '\\', ';', ',':
			b = append(b, s[i])
		case 'n', 'N':
			b = append(b, '\n')
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", fmt.Errorf(`invalid escape "\%c" in a TEXT value`, r)
		}
	}
	return string(b), nil
}

// payload returns the data of an X-ACCORDLINE-EVENT or -ACTOR property:
// BINARY in base64 with ENCODING=BASE64 (as Encode writes it), or the
// JSON as TEXT (as it wrote it before).
func payload(p *contentLine) ([]byte, error) {
	enc, ok := p.param("ENCODING")
	if !ok {
		s, err := unescapeText(p.value)
		return []byte(s), err
	}
	if !strings.EqualFold(enc, "BASE64") {
		return nil, fmt.Errorf("ENCODING=%s: only BASE64 is read", enc)
	}
	if v, ok := p.param("VALUE"); ok && !strings.EqualFold(v, "BINARY") {
		return nil, fmt.Errorf("ENCODING=BASE64 with VALUE=%s, not BINARY", v)
	}
	b, err := base64.StdEncoding.DecodeString(p.value)
	if err != nil {
		return nil, fmt.Errorf("not base64: %w", err)
	}
	return b, nil
}

// splitText splits a list of TEXT values at the commas that are not
// escaped, and decodes each; lenient decodes as unescapeLenient.
func splitText(s string, lenient bool) ([]string, error) {
	var out []string
	start := 0
	decode := func(part string) error {
		v, err := unescapeText(part)
		if err != nil {
			if !lenient {
				return err
			}
			v = unescapeLenient(part)
		}
		out = append(out, v)
		return nil
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			if err := decode(s[start:i]); err != nil {
				return nil, err
			}
			start = i + 1
		}
	}
	if err := decode(s[min(start, len(s)):]); err != nil {
		return nil, err
	}
	return out, nil
}

// A civil is a DATE or DATE-TIME value as written: its wall clock, held as
// UTC, and whether it has a time and a Z. A leap second (23:59:60, which
// RFC 5545 3.3.12 allows) is held as the second before it, and leap says
// so.
type civil struct {
	wall    time.Time
	hasTime bool
	utc     bool
	leap    bool
}

// parseDate parses a DATE: yyyymmdd.
func parseDate(s string) (civil, error) {
	if len(s) != 8 {
		return civil{}, errors.New("not a DATE (yyyymmdd)")
	}
	n, ok := allDigits(s)
	if !ok {
		return civil{}, errors.New("not a DATE (yyyymmdd)")
	}
	y := n[0]*1000 + n[1]*100 + n[2]*10 + n[3]
	m, dd := n[4]*10+n[5], n[6]*10+n[7]
	if m < 1 || m > 12 {
		return civil{}, errors.New("month out of range")
	}
	if dd < 1 || dd > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return civil{}, errors.New("day out of range")
	}
	return civil{wall: time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)}, nil
}

// parseDateTime parses a DATE-TIME: yyyymmddThhmmss, with an optional Z.
func parseDateTime(s string) (civil, error) {
	utc := strings.HasSuffix(s, "Z")
	body := strings.TrimSuffix(s, "Z")
	if len(body) != 15 || body[8] != 'T' {
		return civil{}, errors.New("not a DATE-TIME (yyyymmddThhmmss)")
	}
	c, err := parseDate(body[:8])
	if err != nil {
		return c, err
	}
	n, ok := allDigits(body[9:])
	if !ok {
		return civil{}, errors.New("not a DATE-TIME (yyyymmddThhmmss)")
	}
	h, m, sec := n[0]*10+n[1], n[2]*10+n[3], n[4]*10+n[5]
	if h > 23 || m > 59 || sec > 60 {
		return civil{}, errors.New("time of day out of range")
	}
	if sec == 60 {
		sec, c.leap = 59, true
	}
	c.wall = c.wall.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
	c.hasTime, c.utc = true, utc
	return c, nil
}

// A durationValue is a DURATION value: nominal days, then exact seconds.
type durationValue struct {
	days int
	secs int64
}

func parseDuration(s string) (durationValue, error) {
	bad := errors.New("not a DURATION (P1D, PT1H30M, P1W)")
	var du durationValue
	if strings.HasPrefix(s, "-") {
		return du, errors.New("negative DURATION")
	}
	s = strings.TrimPrefix(s, "+")
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return du, bad
	}
	s = s[1:]
	num := func() (int, bool) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		n, ok := smallAtoi(s[:i])
		s = s[i:]
		return n, ok && s != ""
	}
	if s[0] != 'T' {
		n, ok := num()
		if !ok {
			return du, bad
		}
		switch s[0] {
		case 'W':
			if len(s) != 1 || n > 1_000_000 {
				return du, bad
			}
			du.days = 7 * n
			return du, nil
		case 'D':
			if n > 10_000_000 {
				return du, bad
			}
			du.days = n
			s = s[1:]
		default:
			return du, bad
		}
		if s == "" {
			return du, nil
		}
	}
	if s[0] != 'T' || len(s) < 3 {
		return du, bad
	}
	s = s[1:]
	next := 0 // the units, in order: H, M, S, each at most once
	for s != "" {
		n, ok := num()
		if !ok {
			return du, bad
		}
		u := strings.IndexByte("HMS", s[0])
		if u < next {
			return du, bad
		}
		du.secs += int64(n) * [...]int64{3600, 60, 1}[u]
		next, s = u+1, s[1:]
	}
	if du.secs > 1<<32 {
		return du, errors.New("DURATION too long")
	}
	return du, nil
}

// parseUTCOffset parses a UTC-OFFSET: +hhmm or +hhmmss.
func parseUTCOffset(s string) (int, error) {
	if (len(s) != 5 && len(s) != 7) || (s[0] != '+' && s[0] != '-') {
		return 0, errors.New("not a UTC offset (+hhmm)")
	}
	n, ok := allDigits(s[1:])
	if !ok {
		return 0, errors.New("not a UTC offset (+hhmm)")
	}
	h, m, sec := n[0]*10+n[1], n[2]*10+n[3], 0
	if len(n) == 6 {
		sec = n[4]*10 + n[5]
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, errors.New("offset out of range")
	}
	off := h*3600 + m*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

// parseGeo parses GEO: latitude;longitude as FLOATs, in range.
func parseGeo(s string) (*event.Coordinates, error) {
	a, b, ok := strings.Cut(s, ";")
	if !ok {
		return nil, errors.New(`not "latitude;longitude"`)
	}
	lat, err1 := parseFloat(a)
	lon, err2 := parseFloat(b)
	switch {
	case err1 != nil || err2 != nil:
		return nil, errors.New(`not "latitude;longitude" in decimal degrees`)
	case lat < -90 || lat > 90:
		return nil, errors.New("latitude out of range")
	case lon < -180 || lon > 180:
		return nil, errors.New("longitude out of range")
	}
	return &event.Coordinates{Lat: lat, Lon: lon}, nil
}

// parseFloat parses a FLOAT: ["+" / "-"] 1*DIGIT ["." 1*DIGIT].
func parseFloat(s string) (float64, error) {
	t := strings.TrimLeft(s, "+-")
	if len(s)-len(t) > 1 || len(t) > 64 {
		return 0, strconv.ErrSyntax
	}
	whole, frac, dot := strings.Cut(t, ".")
	if _, ok := allDigits(whole); !ok || whole == "" {
		return 0, strconv.ErrSyntax
	}
	if _, ok := allDigits(frac); dot && (!ok || frac == "") {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(s, 64)
}

// allDigits returns the decimal digits of s, and whether s is all digits.
func allDigits(s string) ([]int, bool) {
	out := make([]int, len(s))
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		out[i] = int(s[i] - '0')
	}
	return out, true
}

// smallAtoi parses a non-negative decimal number of at most 9 digits.
func smallAtoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

package event

import (
	"strconv"
)

// String returns the EDTF text form of d, which [ParseDate] reads back to
// the same Date. Offsets are always written as "+hh:mm". The zero Date
// gives "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b, _ := d.AppendText(make([]byte, 0, 32))
	return string(b)
}

// AppendText appends the text form of d to b; it implements
// [encoding.TextAppender].
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	b = d.start.append(b)
	if d.interval {
		b = append(b, '/')
		b = d.end.append(b)
	}
	return b, nil
}

// MarshalText implements [encoding.TextMarshaler] with the EDTF text form.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseDate] accepts, and the empty text as the zero Date, so that every
// Date round trips through its text form.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (p *point) append(b []byte) []byte {
	switch p.bound {
	case BoundOpen:
		return append(b, ".."...)
	case BoundUnknown, BoundNone:
		return b
	}
	y := int64(p.year)
	if y > 9999 || y < -9999 {
		b = append(b, 'Y')
		b = strconv.AppendInt(b, y, 10)
	} else {
		if y < 0 {
			b = append(b, '-')
			y = -y
		}
		digits := [4]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
		for i := 4 - int(p.yearX); i < 4; i++ {
			digits[i] = 'X'
		}
		b = append(b, digits[:]...)
	}
	switch {
	case p.monthX:
		b = append(b, "-XX"...)
	case p.month != 0:
		b = append2(append(b, '-'), int(p.month))
	}
	switch {
	case p.dayX:
		b = append(b, "-XX"...)
	case p.day != 0:
		b = append2(append(b, '-'), int(p.day))
	}
	if p.timed {
		b = append2(append(b, 'T'), int(p.hour))
		b = append2(append(b, ':'), int(p.minute))
		b = append2(append(b, ':'), int(p.second))
		switch p.tz {
		case tzUTC:
			b = append(b, 'Z')
		case tzOffset:
			off := p.offset
			if off < 0 {
				b, off = append(b, '-'), -off
			} else {
				b = append(b, '+')
			}
			b = append2(b, int(off/3600))
			b = append2(append(b, ':'), int(off%3600/60))
		}
		if p.zone != "" {
			b = append(append(append(b, '['), p.zone...), ']')
		}
	}
	return append(b, p.qual.String()...)
}

func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

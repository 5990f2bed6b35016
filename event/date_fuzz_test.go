package event

import (
	"errors"
	"testing"
)

var dtFuzzSeeds = []string{
	// Valid.
	"1992", "0000", "-0044", "-9999", "Y170000", "Y-170000", "Y5000000", "Y-5000000",
	"2025-11", "2025-11-06", "2024-02-29", "2001-21", "2001-22", "2001-23", "2001-24",
	"201X", "20XX", "2XXX", "-201X", "2004-XX", "1985-04-XX", "1985-XX-XX",
	"2025-11-06T20:00:00", "2025-11-06T20:00:00Z", "2025-11-06T20:00:00+05",
	"2025-11-06T20:00:00+05:30", "2025-11-06T20:00:00+00", "2025-11-06T20:00:00-00:30",
	"2025-11-06T20:00:00-05:00[America/New_York]", "2025-11-02T01:30:00-05:00[America/New_York]",
	"2025-11-06T20:00:00+00:00[UTC]", "2025-11-06T20:00:00-05:00[Etc/GMT+5]",
	"1984?", "2004-06~", "2004-06-11%", "2025-11-06T20:00:00-05:00[America/New_York]~",
	"1964/2008", "2004-06/2006-08", "2004-02-01/2005", "2005/2006-02",
	"2025-11-06/..", "../1985", "/1985", "1985-04-12/", "1984-06-02?/",
	"../..", "/", "/..", "../", "Y10000-01-01T00:00:00Z/..", "2003-22/2003-23",
	"1984-06?/2004-08?", "2004-06~/2004-06-11%", "1952-23~/1953",
	"2025-11-06T20:00:00-05:00/2025-11-06T23:00:00-05:00",
	"2025-11-06T20:00:00-05:00[America/New_York]/2025-11-07T02:00:00+01:00[Europe/Paris]",
	// Invalid.
	"", "2025-02-30", "2025-13", "2025-11-06/2025-11-01", "2023-02-29", "2025-00", "2025-25",
	"1985-XX-12", "201X-05", "-0000", "-0XXX", "..", "...", "../...", "/.../", "2025-11-06T24:00:00",
	"2025-11-06T20:00:00-00:00", "2025-11-06T20:00:00-00", "2025-11-06T20:00:00-0000",
	"2016-05-02T16:54:59.042", "2016-05-02T24:00:00", "2016-05-02T16:54:59+0230", "19", "-04",
	"2025-11-06T20:00:00+24:00", "2025-07-06T20:00:00-05:00[America/New_York]",
	"2025-11-06T20:00:00-05:00[Mars/Base]", "2025-11-06T20:00:00[America/New_York]",
	"2025-11-06T20:00:00-05:00[America/New_York", "2025-11-06T20:00:00-05:00[]",
	"2025-11-06T20:00:00-05:00[../../etc/passwd]", "2025-11-06T20:00:00-05:00[/etc/localtime]",
	"2025-11-06T20:00:00+00:00[Local]", "20251106", "201x", "2025-11-06abc", "2025??", "2025?~",
	"Y2025", "Y", "Y-", "Y012345", "Y5000001", "Y170000002", "Y17000-01", "2025-21-01",
	"2025-11-06T20:00:00.5Z", "2025]/[2026", "[/]", "2025/2026/2027", "\x00", "2025\xff",
	"Y10000-01-01", "Y-12345-06-XX~", "2025-11-06T23:00:00-05:00/2025-11-07T01:00:00Z",
	// Ends on an earlier local day at a later instant: rejected.
	"2025-11-07T01:00:00+05:00/2025-11-06T23:00:00Z",
	// EDTF level 2: rejected.
	"[1667,1668,1670..1672]", "[..1760-12-03]", "{1960, 1961-12}", "{..1984}", "[/]", "{}",
	"2004?-06-11", "2004-06~-11", "?2004-06-~11", "2004-%06", "?-2004-06", "%2001", "2004?-%06",
	"2004-06-~01/2004-06-~20", "156X-12-25", "15XX-12-XX", "XXXX-12-XX", "1XXX-XX", "1984-1X",
	"-1X32-X1-X2", "XXXX", "Y17E7", "Y-17E7", "Y20E2", "1950S2", "Y171010000S3", "Y-3388E2S3",
	"-1859S5", "2001-25", "2001-41", "Y17E7-12-26", "2001-21^southernHemisphere",
}

// FuzzParseDate checks that ParseDate never panics, that what it accepts
// reads back from its text form, and that what it rejects is reported as a
// *DateError wrapping one of the package's reasons.
func FuzzParseDate(f *testing.F) {
	for _, s := range dtFuzzSeeds {
		f.Add(s)
	}
	for _, c := range dtValidCases() {
		f.Add(c.in)
	}
	reasons := []error{
		ErrEmptyDate, ErrDateSyntax, ErrYearOutOfRange, ErrMonthOutOfRange, ErrDayOutOfRange,
		ErrTimeOutOfRange, ErrOffsetRange, ErrUnknownZone, ErrZoneMismatch, ErrEndBeforeStart,
		ErrNegativeZero, ErrLevel2,
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) failed with %v but returned %q", s, err, d)
			}
			var de *DateError
			if !errors.As(err, &de) || de.Input != s {
				t.Fatalf("ParseDate(%q): error %v is not a *DateError with the input", s, err)
			}
			known := false
			for _, r := range reasons {
				known = known || de.Err == r
			}
			if !known {
				t.Fatalf("ParseDate(%q): unexpected reason %v", s, de.Err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) accepted the input but returned the zero Date", s)
		}
		text := d.String()
		back, err := ParseDate(text)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %q, which does not parse: %v", s, text, err)
		}
		if back != d {
			t.Fatalf("ParseDate(%q) = %q, which parses to a different Date", s, text)
		}
		if again := back.String(); again != text {
			t.Fatalf("ParseDate(%q) = %q, which formats as %q", s, text, again)
		}
		if d.first() > d.last() {
			t.Fatalf("ParseDate(%q): Earliest %s after Latest %s", s, d.first(), d.last())
		}
		// Only an interval with no known end ("../..") has no precision.
		noEnd := d.StartBound() != BoundKnown && d.EndBound() != BoundKnown
		if d.Compare(back) != 0 || (d.Precision() == PrecisionNone) != noEnd {
			t.Fatalf("ParseDate(%q): Compare with itself %d, Precision %v", s, d.Compare(back), d.Precision())
		}
		if len(text) > len(s)+6 {
			// Only "+hh" grows to "+hh:mm".
			t.Fatalf("ParseDate(%q): text form %q is much longer than the input", s, text)
		}
	})
}

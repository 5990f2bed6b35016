package event

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dtVector is one input of the public EDTF test suites, levels 0 to 2, with
// what ParseDate makes of it. The suites were read and their vectors
// rewritten as this table; src names those that list the input:
//
//	J  inukshuk/edtf.js, test/parser.js
//	P  ixc/python-edtf, edtf/parser/tests.py (EXAMPLES and BAD_EXAMPLES)
//	V  unt-libraries/edtf-validate, tests/test_valid_edtf.py, in its
//	   version for the 2019 specification (X, %, .., Y)
//	G  sfomuseum/go-edtf, level0/tests.go, level1/tests.go, level2/tests.go
//
// The suites check ranges and parse trees of their own; the table keeps
// what carries over: whether the input is valid, and at which level.
type dtVector struct {
	in    string
	src   string
	level int // lowest level at which a suite listing in takes it as valid; dtInvalid if none does

	// What ParseDate gives: err, or a Date whose String() is want ("" for
	// in itself), with these bounds, precision and qualifier.
	err        error
	want       string
	start, end Bound
	prec       Precision
	qual       Qualifier

	// note says why ParseDate departs from the suites: it rejects a level
	// 0 or 1 input, accepts a level 2 or invalid one, or rejects a level 2
	// input for another reason than ErrLevel2.
	note string
}

const dtInvalid = -1

func dtVectors() []dtVector {
	K, O, U := BoundKnown, BoundOpen, BoundUnknown
	UA := Uncertain | Approximate
	const (
		nYearRange  = "year beyond ±5,000,000, the days a Date can cover"
		nFraction   = "fractions of a second: a Date keeps whole seconds"
		n2400       = "24:00:00 is 00:00:00 of the next day; only the latter is accepted"
		nBasic      = "basic-format offset: EDTF requires the extended format"
		nCentury    = "a century or decade of ISO 8601 (\"19\", \"193\"), which EDTF leaves out"
		nXXXX       = "edtf.js level 1, but EDTF level 1 leaves one or two year digits unspecified (ParseDate three): a wholly unspecified year is level 2"
		nShortY     = "the Y prefix is only for years of more than four digits"
		nWords      = "a season in words, a go-edtf extension"
		nOffset     = "offsets up to ±23:59, as ISO 8601-1 allows; edtf.js keeps to -12:00 … +14:00"
		nL2Interval = "a level 2 interval, but its ends are level 1 dates, which any interval end may be"
		nSeasons    = "season intervals: edtf.js has them only at its non-standard level 3, edtf-validate at level 1"
		nReaches    = "only an end wholly before the start is an error, and this end reaches past the start"
		nYInterval  = "Y years may be interval ends like any other year"
		nTimes      = "times at interval ends, as ISO 8601-1 allows (an extension)"
		nQualSeason = "edtf-validate has it at level 2, but a qualified season is a level 1 qualified date, as in the specification's 1952-23~/1953"
		nMasked     = "python-edtf lists it at level 2 (the masked precision of the 2012 draft); it is level 1 unspecified digits"
	)
	return []dtVector{
		// Level 0.
		{in: "2016", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0409", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0023", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0007", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0000", src: "JPV", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "9999", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-0002", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-9999", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "2016-05", src: "J", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2016-01", src: "J", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2016-12", src: "J", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2016-05-01", src: "J", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2016-05-13", src: "J", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2016-05-29", src: "J", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2016-05-30", src: "J", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2016-05-31", src: "J", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2016-05-02T16:54:59", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59.042", src: "J", level: 0, err: ErrDateSyntax, note: nFraction},
		{in: "2016-05-02T24:00:00", src: "J", level: 0, err: ErrTimeOutOfRange, note: n2400},
		{in: "2016-05-02T16:54:59Z", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59.042Z", src: "J", level: 0, err: ErrDateSyntax, note: nFraction},
		{in: "2016-05-02T16:54:59+02:30", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+00:00", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+14:00", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+13:30", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+12:00", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+04:10", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59-00:15", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59-11:59", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59-12:00", src: "J", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59+0230", src: "J", level: 0, err: ErrDateSyntax, note: nBasic},
		{in: "2016-05-02T16:54:59+14", src: "J", level: 0, want: "2016-05-02T16:54:59+14:00", start: K, end: K, prec: PrecisionSecond},
		{in: "2016-05-02T16:54:59-12", src: "J", level: 0, want: "2016-05-02T16:54:59-12:00", start: K, end: K, prec: PrecisionSecond},
		{in: "19", src: "J", level: 0, err: ErrDateSyntax, note: nCentury},
		{in: "00", src: "J", level: 0, err: ErrDateSyntax, note: nCentury},
		{in: "-04", src: "J", level: 0, err: ErrDateSyntax, note: nCentury},
		{in: "1980/1994", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "1980-08/1994", src: "J", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "2004-02-01/2005", src: "GJPV", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "2004-06/2006-08", src: "GJPV", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2004-02-01/2005-02-08", src: "GJPV", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2001-02-03", src: "P", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "2008-12", src: "P", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2008", src: "P", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-0999", src: "P", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "2001-02-03T09:30:01", src: "P", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2004-01-01T10:10:10Z", src: "P", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2004-01-01T10:10:10+05:00", src: "P", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "1985-04-12T23:20:30", src: "GPV", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "1964/2008", src: "GPV", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "2004-02-01/2005-02", src: "GPV", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "2005/2006-02", src: "PV", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-2005/-1999-02", src: "P", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "1985-04-12", src: "GV", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "1985-04", src: "GV", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "1985", src: "GV", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "1985-04-12T23:20:30Z", src: "GV", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "1985-04-12T23:20:30-04", src: "GV", level: 0, want: "1985-04-12T23:20:30-04:00", start: K, end: K, prec: PrecisionSecond},
		{in: "1985-04-12T23:20:30+04:30", src: "GV", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2004-01-01T10:10:10+00:59", src: "V", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "0000/0000", src: "V", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0000-02/1111", src: "V", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0000-01/0000-01-03", src: "V", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "0000-01-13/0000-01-23", src: "V", level: 0, start: K, end: K, prec: PrecisionDay},
		{in: "1111-01-01/1111", src: "V", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "0000-01/0000", src: "V", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-0400", src: "G", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-1200-06", src: "G", level: 0, start: K, end: K, prec: PrecisionMonth},
		{in: "-1972-04-12T23:20:28", src: "G", level: 0, start: K, end: K, prec: PrecisionSecond},
		{in: "2005/2020-02", src: "G", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-0200/0200", src: "G", level: 0, start: K, end: K, prec: PrecisionYear},
		{in: "-1200-06/0200-05-02", src: "G", level: 0, start: K, end: K, prec: PrecisionMonth},

		// Level 1.
		{in: "2016?", src: "J", level: 1, start: K, end: K, prec: PrecisionYear, qual: Uncertain},
		{in: "2016~", src: "J", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "2016%", src: "J", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "2016-05?", src: "J", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Uncertain},
		{in: "2016-05~", src: "J", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Approximate},
		{in: "2016-05%", src: "J", level: 1, start: K, end: K, prec: PrecisionMonth, qual: UA},
		{in: "2016-05-03?", src: "J", level: 1, start: K, end: K, prec: PrecisionDay, qual: Uncertain},
		{in: "2016-05-03~", src: "J", level: 1, start: K, end: K, prec: PrecisionDay, qual: Approximate},
		{in: "2016-05-03%", src: "J", level: 1, start: K, end: K, prec: PrecisionDay, qual: UA},
		{in: "2016-05-XX", src: "J", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "2016-XX", src: "J", level: 1, start: K, end: K, prec: PrecisionMonth},
		{in: "XXXX", src: "J", level: 1, err: ErrLevel2, note: nXXXX},
		{in: "19XX", src: "JPV", level: 1, start: K, end: K, prec: PrecisionCentury},
		{in: "198X", src: "J", level: 1, start: K, end: K, prec: PrecisionDecade},
		{in: "XXXX-XX", src: "J", level: 1, err: ErrLevel2, note: nXXXX},
		{in: "XXXX-XX-XX", src: "J", level: 1, err: ErrLevel2, note: nXXXX},
		{in: "Y170002", src: "J", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "Y10000", src: "J", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "Y-170002", src: "J", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "Y-10000", src: "J", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "2001-21", src: "JPV", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2001-22", src: "J", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2001-23", src: "J", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2001-24", src: "J", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "1980?/1994~", src: "J", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "/", src: "J", level: 1, start: U, end: U, prec: PrecisionNone},
		{in: "../..", src: "JV", level: 1, start: O, end: O, prec: PrecisionNone},
		{in: "../2016", src: "J", level: 1, start: O, end: K, prec: PrecisionYear},
		{in: "2016-05/..", src: "J", level: 1, start: K, end: O, prec: PrecisionMonth},
		{in: "2004-06-01/..", src: "J", level: 1, start: K, end: O, prec: PrecisionDay},
		{in: "/2016-05", src: "J", level: 1, start: U, end: K, prec: PrecisionMonth},
		{in: "2016-05-31/..", src: "J", level: 1, start: K, end: O, prec: PrecisionDay},
		{in: "1984?", src: "GPV", level: 1, start: K, end: K, prec: PrecisionYear, qual: Uncertain},
		{in: "2004-06-11?", src: "P", level: 1, start: K, end: K, prec: PrecisionDay, qual: Uncertain},
		{in: "2004-06?", src: "P", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Uncertain},
		{in: "1984~", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "1984%", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "199X", src: "P", level: 1, start: K, end: K, prec: PrecisionDecade},
		{in: "1999-XX", src: "P", level: 1, start: K, end: K, prec: PrecisionMonth},
		{in: "1999-01-XX", src: "P", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "1999-XX-XX", src: "P", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "-0275~", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "-0001~", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "0000~", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "/2006", src: "P", level: 1, start: U, end: K, prec: PrecisionYear},
		{in: "2004-06-01/", src: "P", level: 1, start: K, end: U, prec: PrecisionDay},
		{in: "../2006", src: "P", level: 1, start: O, end: K, prec: PrecisionYear},
		{in: "2004-01-01/..", src: "P", level: 1, start: K, end: O, prec: PrecisionDay},
		{in: "1984~/2004-06", src: "PV", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "1984/2004-06~", src: "PV", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "1984?/2004%", src: "P", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "1984~/2004~", src: "PV", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "1984-06?/2004-08?", src: "PV", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Uncertain},
		{in: "1984-06-02?/2004-08-08~", src: "PV", level: 1, start: K, end: K, prec: PrecisionDay, qual: UA},
		{in: "1984-06-02?/", src: "PV", level: 1, start: K, end: U, prec: PrecisionDay, qual: Uncertain},
		{in: "Y170000002", src: "GPV", level: 1, err: ErrYearOutOfRange, note: nYearRange},
		{in: "Y-170000002", src: "PV", level: 1, err: ErrYearOutOfRange, note: nYearRange},
		{in: "2003-22", src: "P", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2000-23", src: "P", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2010-24", src: "P", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2004-06-11%", src: "GPV", level: 1, start: K, end: K, prec: PrecisionDay, qual: UA},
		{in: "-2004-23", src: "V", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "-2010", src: "V", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "2006%", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "2004-06~", src: "GV", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Approximate},
		{in: "-2004~", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "-2004-06?", src: "V", level: 1, start: K, end: K, prec: PrecisionMonth, qual: Uncertain},
		{in: "-2004-06-11%", src: "V", level: 1, start: K, end: K, prec: PrecisionDay, qual: UA},
		{in: "201X", src: "GV", level: 1, start: K, end: K, prec: PrecisionDecade},
		{in: "2004-XX", src: "GV", level: 1, start: K, end: K, prec: PrecisionMonth},
		{in: "1985-04-XX", src: "GV", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "1985-XX-XX", src: "GV", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "-20XX", src: "V", level: 1, start: K, end: K, prec: PrecisionCentury},
		{in: "-2004-XX", src: "V", level: 1, start: K, end: K, prec: PrecisionMonth},
		{in: "-1985-04-XX", src: "V", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "-1985-XX-XX", src: "V", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "-1985-04-12T23:20:30", src: "V", level: 1, start: K, end: K, prec: PrecisionSecond},
		{in: "-1985-04-12T23:20:30Z", src: "V", level: 1, start: K, end: K, prec: PrecisionSecond},
		{in: "-1985-04-12T23:20:30-04", src: "V", level: 1, want: "-1985-04-12T23:20:30-04:00", start: K, end: K, prec: PrecisionSecond},
		{in: "-1985-04-12T23:20:30+04:30", src: "V", level: 1, start: K, end: K, prec: PrecisionSecond},
		{in: "-2001-02-03", src: "V", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "-1000/-0999", src: "V", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "-2004-02-01/2005", src: "V", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "-1980-11-01/1989-11-30", src: "V", level: 1, start: K, end: K, prec: PrecisionDay},
		{in: "1923-21/1924", src: "V", level: 1, start: K, end: K, prec: PrecisionYear},
		{in: "2019-12/2020%", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "-1984?/2004%", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "1984?/2004-06~", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "2004-06~/2004-06-11%", src: "V", level: 1, start: K, end: K, prec: PrecisionMonth, qual: UA},
		{in: "2003/2004-06-11%", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: UA},
		{in: "1952-23~/1953", src: "V", level: 1, start: K, end: K, prec: PrecisionYear, qual: Approximate},
		{in: "-2004-06-01/", src: "V", level: 1, start: K, end: U, prec: PrecisionDay},
		{in: "1985-04-12/", src: "GV", level: 1, start: K, end: U, prec: PrecisionDay},
		{in: "1985-04/", src: "GV", level: 1, start: K, end: U, prec: PrecisionMonth},
		{in: "1985/", src: "GV", level: 1, start: K, end: U, prec: PrecisionYear},
		{in: "/1985-04-12", src: "GV", level: 1, start: U, end: K, prec: PrecisionDay},
		{in: "/1985-04", src: "GV", level: 1, start: U, end: K, prec: PrecisionMonth},
		{in: "/1985", src: "GV", level: 1, start: U, end: K, prec: PrecisionYear},
		{in: "2003-22/2004-22", src: "V", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2003-22/2003-22", src: "V", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "2003-22/2003-23", src: "V", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "1985-04-12/..", src: "GV", level: 1, start: K, end: O, prec: PrecisionDay},
		{in: "1985-04/..", src: "GV", level: 1, start: K, end: O, prec: PrecisionMonth},
		{in: "1985/..", src: "GV", level: 1, start: K, end: O, prec: PrecisionYear},
		{in: "../1985-04-12", src: "GV", level: 1, start: O, end: K, prec: PrecisionDay},
		{in: "../1985-04", src: "GV", level: 1, start: O, end: K, prec: PrecisionMonth},
		{in: "../1985", src: "GV", level: 1, start: O, end: K, prec: PrecisionYear},
		{in: "/..", src: "V", level: 1, start: U, end: O, prec: PrecisionNone},
		{in: "../", src: "V", level: 1, start: O, end: U, prec: PrecisionNone},
		{in: "-1985-04-12/..", src: "V", level: 1, start: K, end: O, prec: PrecisionDay},
		{in: "-1985-04/..", src: "V", level: 1, start: K, end: O, prec: PrecisionMonth},
		{in: "-1985/", src: "V", level: 1, start: K, end: U, prec: PrecisionYear},
		{in: "Y-17000002", src: "G", level: 1, err: ErrYearOutOfRange, note: nYearRange},
		{in: "Y1700", src: "G", level: 1, err: ErrDateSyntax, note: nShortY},
		{in: "Y-1200", src: "G", level: 1, err: ErrDateSyntax, note: nShortY},
		{in: "2001-01", src: "G", level: 1, start: K, end: K, prec: PrecisionMonth},
		{in: "2019-24", src: "G", level: 1, start: K, end: K, prec: PrecisionSeason},
		{in: "Spring, 2002", src: "G", level: 1, err: ErrDateSyntax, note: nWords},
		{in: "winter, 2002", src: "G", level: 1, err: ErrDateSyntax, note: nWords},
		{in: "20XX", src: "G", level: 1, start: K, end: K, prec: PrecisionCentury},
		{in: "-1985", src: "G", level: 1, start: K, end: K, prec: PrecisionYear},

		// Level 2: rejected with ErrLevel2, except where noted.
		{in: "?2001", src: "J", level: 2, err: ErrLevel2},
		{in: "2001~-09", src: "J", level: 2, err: ErrLevel2},
		{in: "2001-?09~-09", src: "J", level: 2, err: ErrLevel2},
		{in: "2004?-06-~11", src: "JPV", level: 2, err: ErrLevel2},
		{in: "156X-12-31", src: "J", level: 2, err: ErrLevel2},
		{in: "15XX-12-25", src: "GJPV", level: 2, err: ErrLevel2},
		{in: "15XX-12-XX", src: "JP", level: 2, err: ErrLevel2},
		{in: "15XX-01-3X", src: "J", level: 2, err: ErrLevel2},
		{in: "15XX-XX-25", src: "J", level: 2, err: ErrLevel2},
		{in: "1500-1X-25", src: "J", level: 2, err: ErrLevel2},
		{in: "15XX-0X-25", src: "J", level: 2, err: ErrLevel2},
		{in: "15XX-X2", src: "J", level: 2, err: ErrLevel2},
		{in: "1XXX-XX", src: "GJV", level: 2, err: ErrLevel2},
		{in: "1XXX-12", src: "GJV", level: 2, err: ErrLevel2},
		{in: "1XX3", src: "J", level: 2, err: ErrLevel2},
		{in: "Y17E7", src: "JP", level: 2, err: ErrLevel2},
		{in: "Y-17E7", src: "GJPV", level: 2, err: ErrLevel2},
		{in: "1950S2", src: "GJV", level: 2, err: ErrLevel2},
		{in: "Y17101000S3", src: "J", level: 2, err: ErrLevel2},
		{in: "Y-17101E3S3", src: "J", level: 2, err: ErrLevel2},
		{in: "2001-25", src: "JV", level: 2, err: ErrLevel2},
		{in: "2001-36", src: "J", level: 2, err: ErrLevel2},
		{in: "2001-39", src: "J", level: 2, err: ErrLevel2},
		{in: "193", src: "J", level: 2, err: ErrDateSyntax, note: nCentury},
		{in: "019", src: "J", level: 2, err: ErrDateSyntax, note: nCentury},
		{in: "-193", src: "J", level: 2, err: ErrDateSyntax, note: nCentury},
		{in: "197~", src: "J", level: 2, err: ErrDateSyntax, note: nCentury},
		{in: "19?", src: "J", level: 2, err: ErrDateSyntax, note: nCentury},
		{in: "2004-06-~01/2004-06-~20", src: "GJPV", level: 2, err: ErrLevel2},
		{in: "2004-06-XX/2004-07-03", src: "GJPV", level: 2, start: K, end: K, prec: PrecisionDay, note: nL2Interval},
		{in: "[1667,1668, 1670..1672]", src: "JV", level: 2, err: ErrLevel2},
		{in: "[..1760-12-03]", src: "GJPV", level: 2, err: ErrLevel2},
		{in: "[1760-12..]", src: "GJPV", level: 2, err: ErrLevel2},
		{in: "[1760..]", src: "J", level: 2, err: ErrLevel2},
		{in: "[1667, 1672-12]", src: "J", level: 2, err: ErrLevel2},
		{in: "{1667, 1670..1672}", src: "J", level: 2, err: ErrLevel2},
		{in: "{1960 ,  1961-12}", src: "J", level: 2, err: ErrLevel2},
		{in: "{1760..}", src: "J", level: 2, err: ErrLevel2},
		{in: "{..1760}", src: "J", level: 2, err: ErrLevel2},
		{in: "2004?-06-11", src: "GP", level: 2, err: ErrLevel2},
		{in: "2004-06~-11", src: "GP", level: 2, err: ErrLevel2},
		{in: "2004-06-~11", src: "P", level: 2, err: ErrLevel2},
		{in: "2004-%06", src: "PV", level: 2, err: ErrLevel2},
		{in: "2004-?06-?11", src: "PV", level: 2, err: ErrLevel2},
		{in: "?2004-%06", src: "P", level: 2, err: ErrLevel2},
		{in: "2004?-%06", src: "PV", level: 2, err: ErrLevel2},
		{in: "2004?-~06-~04", src: "P", level: 2, err: ErrLevel2},
		{in: "2011-~06-~04", src: "P", level: 2, err: ErrLevel2},
		{in: "156X-12-25", src: "GPV", level: 2, err: ErrLevel2},
		{in: "1560-XX-25", src: "PV", level: 2, err: ErrLevel2},
		{in: "XXXX-XX-23", src: "P", level: 2, err: ErrLevel2},
		{in: "[1667, 1668, 1670..1672]", src: "P", level: 2, err: ErrLevel2},
		{in: "[1760-01, 1760-02, 1760-12..]", src: "P", level: 2, err: ErrLevel2},
		{in: "[1667, 1760-12]", src: "P", level: 2, err: ErrLevel2},
		{in: "{1667,1668, 1670..1672}", src: "P", level: 2, err: ErrLevel2},
		{in: "{1960, 1961-12}", src: "P", level: 2, err: ErrLevel2},
		{in: "196X", src: "P", level: 2, start: K, end: K, prec: PrecisionDecade, note: nMasked},
		{in: "2001-29", src: "P", level: 2, err: ErrLevel2},
		{in: "2001-34", src: "GP", level: 2, err: ErrLevel2},
		{in: "Y17E8", src: "V", level: 2, err: ErrLevel2},
		{in: "Y171010000S3", src: "GV", level: 2, err: ErrLevel2},
		{in: "Y3388E2S3", src: "GV", level: 2, err: ErrLevel2},
		{in: "-1859S5", src: "V", level: 2, err: ErrLevel2},
		{in: "Y-171010000S2", src: "V", level: 2, err: ErrLevel2},
		{in: "Y-3388E2S3", src: "V", level: 2, err: ErrLevel2},
		{in: "2001-33", src: "V", level: 2, err: ErrLevel2},
		{in: "-2001-34", src: "V", level: 2, err: ErrLevel2},
		{in: "-2001-41", src: "V", level: 2, err: ErrLevel2},
		{in: "[-1667,1668,1670..1672]", src: "V", level: 2, err: ErrLevel2},
		{in: "[1760-01,-1760-02,1760-12..]", src: "V", level: 2, err: ErrLevel2},
		{in: "[-1740-02-12..-1200-01-29]", src: "V", level: 2, err: ErrLevel2},
		{in: "[-1890-05..-1200-01]", src: "V", level: 2, err: ErrLevel2},
		{in: "[-1667,1760-12]", src: "V", level: 2, err: ErrLevel2},
		{in: "[..1984]", src: "GV", level: 2, err: ErrLevel2},
		{in: "{-1667,1668,1670..1672}", src: "V", level: 2, err: ErrLevel2},
		{in: "{1960,-1961-12}", src: "V", level: 2, err: ErrLevel2},
		{in: "{-1640-06..-1200-01}", src: "V", level: 2, err: ErrLevel2},
		{in: "{-1740-02-12..-1200-01-29}", src: "V", level: 2, err: ErrLevel2},
		{in: "{..1984}", src: "GV", level: 2, err: ErrLevel2},
		{in: "{1760-12..}", src: "V", level: 2, err: ErrLevel2},
		{in: "%2001", src: "V", level: 2, err: ErrLevel2},
		{in: "?2004-06-04~", src: "V", level: 2, err: ErrLevel2},
		{in: "?2004-06%", src: "V", level: 2, err: ErrLevel2},
		{in: "2011-23~", src: "V", level: 2, start: K, end: K, prec: PrecisionSeason, qual: Approximate, note: nQualSeason},
		{in: "?-2004-06-04~", src: "V", level: 2, err: ErrLevel2},
		{in: "-2004-%06", src: "V", level: 2, err: ErrLevel2},
		{in: "-2004?-06-~11", src: "V", level: 2, err: ErrLevel2},
		{in: "?-2004-06%", src: "V", level: 2, err: ErrLevel2},
		{in: "-2004?-%06", src: "V", level: 2, err: ErrLevel2},
		{in: "?-2004-06", src: "V", level: 2, err: ErrLevel2},
		{in: "%-2011-06-13", src: "V", level: 2, err: ErrLevel2},
		{in: "-1X32-X1-X2", src: "V", level: 2, err: ErrLevel2},
		{in: "XXXX-12-XX", src: "V", level: 2, err: ErrLevel2},
		{in: "1984-1X", src: "GV", level: 2, err: ErrLevel2},
		{in: "20X0-10-02", src: "V", level: 2, err: ErrLevel2},
		{in: "1X99-01-XX", src: "V", level: 2, err: ErrLevel2},
		{in: "-156X-12-25", src: "V", level: 2, err: ErrLevel2},
		{in: "-15XX-12-25", src: "V", level: 2, err: ErrLevel2},
		{in: "-XXXX-12-XX", src: "V", level: 2, err: ErrLevel2},
		{in: "-1XXX-XX", src: "V", level: 2, err: ErrLevel2},
		{in: "-1XXX-12", src: "V", level: 2, err: ErrLevel2},
		{in: "-1984-1X", src: "V", level: 2, err: ErrLevel2},
		{in: "-2004-06-?01/2006-06-~20", src: "V", level: 2, err: ErrLevel2},
		{in: "-2005-06-%01/2006-06-~20", src: "V", level: 2, err: ErrLevel2},
		{in: "2019-12/%2020", src: "V", level: 2, err: ErrLevel2},
		{in: "1984?-06/2004-08?", src: "V", level: 2, err: ErrLevel2},
		{in: "-1984-?06-02/2004-08-08~", src: "V", level: 2, err: ErrLevel2},
		{in: "1984-?06-02/2004-06-11%", src: "V", level: 2, err: ErrLevel2},
		{in: "2019-~12/2020", src: "V", level: 2, err: ErrLevel2},
		{in: "2003-06-11%/2004-%06", src: "V", level: 2, err: ErrLevel2},
		{in: "2004-06~/2004-06-%11", src: "V", level: 2, err: ErrLevel2},
		{in: "1984?/2004~-06", src: "V", level: 2, err: ErrLevel2},
		{in: "?2004-06~-10/2004-06-%11", src: "V", level: 2, err: ErrLevel2},
		{in: "2003-06-25/2004-X1-03", src: "V", level: 2, err: ErrLevel2},
		{in: "20X3-06-25/2004-X1-03", src: "V", level: 2, err: ErrLevel2},
		{in: "XXXX-12-21/1890-09-2X", src: "V", level: 2, err: ErrLevel2},
		{in: "1984-11-2X/1999-01-01", src: "V", level: 2, err: ErrLevel2},
		{in: "1984-11-12/1984-11-XX", src: "V", level: 2, start: K, end: K, prec: PrecisionDay, note: nL2Interval},
		{in: "198X-11-XX/198X-11-30", src: "V", level: 2, err: ErrLevel2},
		{in: "2000-12-XX/2012", src: "V", level: 2, start: K, end: K, prec: PrecisionYear, note: nL2Interval},
		{in: "-2000-12-XX/2012", src: "V", level: 2, start: K, end: K, prec: PrecisionYear, note: nL2Interval},
		{in: "2000-XX/2012", src: "V", level: 2, start: K, end: K, prec: PrecisionYear, note: nL2Interval},
		{in: "2000-XX-XX/2012", src: "V", level: 2, start: K, end: K, prec: PrecisionYear, note: nL2Interval},
		{in: "-2000-XX-10/2012", src: "V", level: 2, err: ErrLevel2},
		{in: "2000/2000-XX-XX", src: "V", level: 2, start: K, end: K, prec: PrecisionYear, note: nL2Interval},
		{in: "198X/199X", src: "V", level: 2, start: K, end: K, prec: PrecisionDecade, note: nL2Interval},
		{in: "198X/1999", src: "V", level: 2, start: K, end: K, prec: PrecisionDecade, note: nL2Interval},
		{in: "1987/199X", src: "V", level: 2, start: K, end: K, prec: PrecisionDecade, note: nL2Interval},
		{in: "1919-XX-02/1919-XX-01", src: "V", level: 2, err: ErrLevel2},
		{in: "1919-0X-02/1919-01-03", src: "V", level: 2, err: ErrLevel2},
		{in: "1602-10-0X/1602-10-02", src: "V", level: 2, err: ErrLevel2},
		{in: "2016-02-28/2016-02-X9", src: "V", level: 2, err: ErrLevel2},
		{in: "1984-06-?02/2004-06-11%", src: "V", level: 2, err: ErrLevel2},
		{in: "Y10E7", src: "G", level: 2, err: ErrLevel2},
		{in: "Y20E2", src: "G", level: 2, err: ErrLevel2},
		{in: "Y-20E2S3", src: "G", level: 2, err: ErrLevel2},
		{in: "2019-28", src: "G", level: 2, err: ErrLevel2},
		{in: "[1760-01,1760-02,1760-12..]", src: "G", level: 2, err: ErrLevel2},
		{in: "[1667,1668,1670..1672]", src: "G", level: 2, err: ErrLevel2},
		{in: "[1667,1760-12]", src: "G", level: 2, err: ErrLevel2},
		{in: "{1667,1668,1670..1672}", src: "G", level: 2, err: ErrLevel2},
		{in: "{1960,1961-12}", src: "G", level: 2, err: ErrLevel2},
		{in: "?2004-06-~11", src: "G", level: 2, err: ErrLevel2},
		{in: "2004-%06-11", src: "G", level: 2, err: ErrLevel2},

		// Invalid at every level the suites test.
		{in: "-0000", src: "JV", level: dtInvalid, err: ErrDateSyntax},
		{in: "12345", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "2016-13", src: "J", level: dtInvalid, err: ErrMonthOutOfRange},
		{in: "2016-00", src: "J", level: dtInvalid, err: ErrMonthOutOfRange},
		{in: "2016-05-00", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-05-32", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-02-30", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-02-31", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-04-31", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-06-31", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-09-31", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-11-31", src: "J", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "2016-05-02T24:00:01", src: "J", level: dtInvalid, err: ErrTimeOutOfRange},
		{in: "2016-05-02T00:61:00", src: "J", level: dtInvalid, err: ErrTimeOutOfRange},
		{in: "2016-05-02T01:01:60", src: "J", level: dtInvalid, err: ErrTimeOutOfRange},
		{in: "2016-05-02T12:00:00-00:00", src: "J", level: dtInvalid, err: ErrNegativeZero},
		{in: "2016-05-02T12:00:00-12:01", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "2016-05-02T12:00:00-13:00", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "2016-05-02T12:00:00-14:00", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "2016-05-02T12:00:00+14:01", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "2016-05-02T12:00:00-0000", src: "J", level: dtInvalid, err: ErrNegativeZero},
		{in: "2016-05-02T12:00:00-00", src: "J", level: dtInvalid, err: ErrNegativeZero},
		{in: "2016-05-02T12:00:00-13", src: "J", level: dtInvalid, want: "2016-05-02T12:00:00-13:00", start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "2016-05-02T12:00:00+15", src: "J", level: dtInvalid, want: "2016-05-02T12:00:00+15:00", start: K, end: K, prec: PrecisionSecond, note: nOffset},
		{in: "-00", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "2016-13-XX", src: "J", level: dtInvalid, err: ErrMonthOutOfRange},
		{in: "Y9999", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y00001", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y-9999", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y-00001", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "156X-09-31", src: "J", level: dtInvalid, err: ErrLevel2},
		{in: "15XX-02-3X", src: "J", level: dtInvalid, err: ErrLevel2},
		{in: "15XX-2X-25", src: "J", level: dtInvalid, err: ErrLevel2},
		{in: "-000", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "[1999}", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "{1999]", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "[1999", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "{1999", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "2018-21/2018-23", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSeason, note: nSeasons},
		{in: "2018/2018-23", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionYear, note: nSeasons},
		{in: "2018-21/2017-01-01", src: "J", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "2012-21/2012-22", src: "J", level: dtInvalid, start: K, end: K, prec: PrecisionSeason, note: nSeasons},
		{in: "", src: "JPV", level: dtInvalid, err: ErrEmptyDate},
		{in: "-", src: "J", level: dtInvalid, err: ErrDateSyntax},
		{in: "not a edtf string", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y17E7-12-26", src: "P", level: dtInvalid, err: ErrLevel2},
		{in: "2016-13-08", src: "P", level: dtInvalid, err: ErrMonthOutOfRange},
		{in: "2016-02-39", src: "P", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "-0000-01-01", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-(06)?-11", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-06-(11)~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-(06)%", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-(06-11)?", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004?-06-(11)~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "(2004-(06)~)?", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "(2004)?-06-04~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "(2011)-06-04~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2011-(06-04)~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-06-(01)~/2004-06-(20)~", src: "P", level: dtInvalid, err: ErrDateSyntax},
		{in: "1863- 03-29", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: " 1863-03-29", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "1863-03 -29", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "1863-03-29 ", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "18 63-03-29", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "1960-06-31", src: "V", level: dtInvalid, err: ErrDayOutOfRange},
		{in: "20067890%", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y2006", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "Y20067890-14-10%", src: "V", level: dtInvalid, err: ErrYearOutOfRange},
		{in: "+2006%", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "NONE/", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2000/12-12", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-10-10T1:10:10", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-10-10T10:1:10", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2005-07-25T10:10:10Z/2006-01-01T10:10:10Z", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionSecond, note: nTimes},
		{in: "[1 760-01, 1760-02, 1760-12..]", src: "V", level: dtInvalid, err: ErrLevel2},
		{in: "[..176 0-12-03]", src: "V", level: dtInvalid, err: ErrLevel2},
		{in: "{-1667,1668, 1670..1672}", src: "V", level: dtInvalid, err: ErrLevel2},
		{in: "2001-21^southernHemisphere", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012/2013/1234/55BULBASAUR", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012///4444", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012\\2013", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-24/2012-21", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "2012-23/2012-22", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "0800/-0999", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "-1000/-2000", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "1000/-2000", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "0001/0000", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "0000-01-03/0000-01", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionMonth, note: nReaches},
		{in: "0000/-0001", src: "V", level: dtInvalid, err: ErrEndBeforeStart},
		{in: "0000-02/0000", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionYear, note: nReaches},
		{in: "Y-61000/-2000", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionYear, note: nYInterval},
		{in: "2004-06-11%/2004-%06", src: "V", level: dtInvalid, err: ErrLevel2},
		{in: "2004-06-11%/2004-06~", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionMonth, qual: UA, note: nReaches},
		{in: "2005-07-25T10:10:10Z/2006-01", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionMonth, note: nTimes},
		{in: "2005-07-25/2006-01-01T10:10:10Z", src: "V", level: dtInvalid, start: K, end: K, prec: PrecisionDay, note: nTimes},
		{in: "1985-04-12T23:20:30z", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "1985-04-12t23:20:30", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-10-10T10:10:1", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-10-10T10:50:10Z15", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2012-10-10T10:40:10Z00:62", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-01-01T10:10:10-05:60", src: "V", level: dtInvalid, err: ErrOffsetRange},
		{in: "2004-01-01T10:10:10+02:00:30", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "2004-01-01T10:10:1000:59", src: "V", level: dtInvalid, err: ErrDateSyntax},
		{in: "-1985-04-12T23:20:30+24", src: "V", level: dtInvalid, err: ErrOffsetRange},
		{in: "-1985-04-12T23:20:30Z12:00", src: "V", level: dtInvalid, err: ErrDateSyntax},
	}
}

// TestDateVectors runs the vectors of the public EDTF suites: what they
// take as valid at levels 0 and 1 parses, reads back from its text form and
// has the expected bounds, precision and qualifier; level 2 is rejected
// with ErrLevel2; what they take as invalid is rejected. Every departure
// from the suites carries a note.
func TestDateVectors(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range dtVectors() {
		require.False(t, seen[v.in], "%q is listed twice", v.in)
		seen[v.in] = true
		t.Run(v.in, func(t *testing.T) {
			require.NotEmpty(t, v.src)
			var departs bool
			switch v.level {
			case 0, 1:
				departs = v.err != nil
			case 2:
				departs = v.err != ErrLevel2
			case dtInvalid:
				departs = v.err == nil
			default:
				t.Fatalf("level %d", v.level)
			}
			assert.Equal(t, departs, v.note != "", "a note explains every departure from the suites, and only those")

			d, err := ParseDate(v.in)
			if v.err != nil {
				require.Error(t, err, "ParseDate(%q) = %q", v.in, d)
				assert.ErrorIs(t, err, v.err)
				var de *DateError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, v.err, de.Err, "the reason is the sentinel itself")
				assert.Equal(t, v.in, de.Input)
				assert.True(t, d == Date{})
				return
			}
			require.NoError(t, err)
			want := v.want
			if want == "" {
				want = v.in
			}
			assert.Equal(t, want, d.String(), "String")
			assert.Equal(t, v.start, d.StartBound(), "StartBound")
			assert.Equal(t, v.end, d.EndBound(), "EndBound")
			assert.Equal(t, v.prec, d.Precision(), "Precision")
			assert.Equal(t, v.qual, d.Qualifier(), "Qualifier")
			assert.False(t, d.IsZero())

			back, err := ParseDate(d.String())
			require.NoError(t, err, "the text form reads back")
			assert.True(t, back == d, "ParseDate(String()) == d")
			assert.Equal(t, 0, back.Compare(d))
			assert.Equal(t, want, back.String())

			interval := strings.Contains(v.in, "/")
			require.Equal(t, interval, d.IsInterval(), "IsInterval")
			if !interval {
				assert.True(t, d.Start() == d && d.End() == d)
				return
			}
			// Each end reads on its own; an open or unknown one is the
			// zero Date.
			st, et, _ := strings.Cut(want, "/")
			for _, end := range []struct {
				got   Date
				bound Bound
				text  string
			}{{d.Start(), d.StartBound(), st}, {d.End(), d.EndBound(), et}} {
				switch end.bound {
				case BoundKnown:
					assert.Equal(t, end.text, end.got.String())
					assert.True(t, MustParseDate(end.text) == end.got)
				case BoundOpen:
					assert.Equal(t, "..", end.text)
					assert.True(t, end.got == Date{})
				default:
					assert.Equal(t, "", end.text)
					assert.True(t, end.got == Date{})
				}
			}
		})
	}
}

// TestDateVectorsOrder sorts every accepted vector and checks that Compare
// orders them totally and consistently with ==, and that the intervals
// without a known end ("../..", "/") sort after those that start at the
// beginning of time and end at a known date, and before every date with a
// known start.
func TestDateVectorsOrder(t *testing.T) {
	var ds []Date
	for _, v := range dtVectors() {
		if v.err == nil {
			ds = append(ds, MustParseDate(v.in))
		}
	}
	slices.SortFunc(ds, Date.Compare)
	for i := range ds {
		for j := i; j < len(ds); j++ {
			c := ds[i].Compare(ds[j])
			assert.LessOrEqual(t, c, 0, "%q sorted before %q", ds[i], ds[j])
			assert.Equal(t, -c, ds[j].Compare(ds[i]), "%q, %q", ds[i], ds[j])
			assert.Equal(t, c == 0, ds[i] == ds[j], "%q, %q", ds[i], ds[j])
		}
	}
	var allTime int
	for _, a := range ds {
		if a.StartBound() == BoundKnown || a.EndBound() == BoundKnown {
			continue
		}
		allTime++
		for _, b := range ds {
			switch {
			case b.StartBound() == BoundKnown:
				assert.Equal(t, -1, a.Compare(b), "%q before %q", a, b)
			case b.EndBound() == BoundKnown:
				assert.Equal(t, +1, a.Compare(b), "%q after %q", a, b)
			}
		}
	}
	assert.Equal(t, 4, allTime, "../.., /, ../ and /..")
}

"""vobject-check: reads each iCalendar file with Debian's python3-vobject,
validates every component (vobject's behaviors check the properties each
component must and may have), and reads every VEVENT's DTSTART and DTEND
as datetimes, which resolves their TZIDs through the calendar's
VTIMEZONEs. Prints "OK   FILE (N VEVENTs)" or "FAIL FILE: reason".

Usage: /usr/bin/python3 vobject-check.py FILE.ics...
"""
import sys

import vobject


def check(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    events = 0
    for cal in vobject.readComponents(text, validate=True):
        cal.validate(raiseException=True, complainUnrecognized=False)
        for ev in cal.contents.get("vevent", []):
            ev.validate(raiseException=True)
            for name in ("dtstart", "dtend"):
                if name in ev.contents:
                    ev.contents[name][0].value  # parses, with its zone
            events += 1
    return events


def main(paths):
    failed = False
    for path in paths:
        try:
            n = check(path)
        except Exception as e:  # any failure of the reader is a failure
            print("FAIL %s: %s: %s" % (path, type(e).__name__, e))
            failed = True
            continue
        print("OK   %s (%d VEVENTs)" % (path, n))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

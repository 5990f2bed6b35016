/*
 * libical-check: reads each iCalendar file with libical's parser
 * (icalparser), checks the result with icalrestriction_check (the
 * RFC 5545/5546 rules of which properties each component may and must
 * have), and fails on any X-LIC-ERROR either adds. Prints, per file,
 * "OK   FILE (N VEVENTs)" or "FAIL FILE" and each error.
 *
 * Build: cc -o libical-check libical-check.c $(pkg-config --cflags --libs libical)
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path, size_t *n) {
	FILE *f = fopen(path, "rb");
	if (!f) return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap + 1);
	size_t r;
	while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	fclose(f);
	if (!buf) return NULL;
	buf[len] = 0;
	*n = len;
	return buf;
}

/* errors prints the X-LIC-ERROR properties of c and its components, and
 * returns how many there are. */
static int errors(icalcomponent *c, const char *path) {
	int n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		fprintf(stdout, "  %s: %s: %s\n", path, icalcomponent_kind_to_string(icalcomponent_isa(c)), icalproperty_get_xlicerror(p));
		n++;
	}
	for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
	     s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		n += errors(s, path);
	}
	return n;
}

int main(int argc, char **argv) {
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		char *data = slurp(argv[i], &len);
		if (!data) {
			printf("FAIL %s (cannot read)\n", argv[i]);
			failed = 1;
			continue;
		}
		icalcomponent *root = icalparser_parse_string(data);
		free(data);
		if (!root) {
			printf("FAIL %s (not parsed)\n", argv[i]);
			failed = 1;
			continue;
		}
		int events = 0, bad = 0;
		/* A stream of one VCALENDAR parses to it; of several, to an
		 * XROOT holding them. */
		icalcomponent *cal = icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT ? root
			: icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
		for (; cal; cal = cal == root ? NULL : icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
			if (!icalrestriction_check(cal)) bad++;
			events += icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
		}
		bad += errors(root, argv[i]);
		if (bad > 0) {
			printf("FAIL %s\n", argv[i]);
			failed = 1;
		} else {
			printf("OK   %s (%d VEVENTs)\n", argv[i], events);
		}
		icalcomponent_free(root);
	}
	return failed;
}

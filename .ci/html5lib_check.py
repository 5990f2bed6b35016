"""Checks HTML pages of export/htmlpage with html5lib, a parser that follows
the WHATWG HTML parsing algorithm (Debian's python3-html5lib), as browsers do.

Usage: html5lib_check.py MANIFEST

MANIFEST is a JSON file that TestHTML5Lib writes:

    {"pages": [{"file": "...", "baseline": "...", "texts": [["h5", "..."], ...]}]}

For every page it fails on:
- any parse error html5lib reports;
- any <script> element, any event-handler attribute (on...), any URL
  attribute whose value is a javascript:, vbscript: or data: URL;
- a text that is not the whole text of an element with the given tag:
  the hostile strings must arrive intact, each in its element's text;
- when the page has a baseline (the same timeline with every hostile string
  replaced by plain words, with the same lines), any difference between the
  two pages other than in text: elements, their order and nesting,
  attributes and their values, comments. So a hostile string can be nowhere
  but in the text of its elements.
"""

import json
import re
import sys

import html5lib

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "{http://www.w3.org/1999/xlink}href",
             "background", "poster", "cite", "data", "srcset"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)


def local(tag):
    """The local name of an element (html5lib names SVG elements
    {namespace}name)."""
    if not isinstance(tag, str):
        return "#comment"
    return tag.rsplit("}", 1)[-1].lower()


def text_of(el):
    return "".join(el.itertext())


def parse(path):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    with open(path, "rb") as f:
        doc = parser.parse(f, transport_encoding="utf-8")
    return parser, doc


def skeleton(doc):
    """The page without its text: each element or comment with its depth
    and attributes."""
    out = []

    def walk(el, depth):
        if isinstance(el.tag, str):
            out.append((depth, el.tag, tuple(sorted(el.attrib.items()))))
        else:
            out.append((depth, "#comment", el.text))
        for child in el:
            walk(child, depth + 1)

    walk(doc, 0)
    return out


def check(page):
    problems = []
    name = page["file"].rsplit("/", 1)[-1]
    parser, doc = parse(page["file"])
    for pos, code, data in parser.errors:
        problems.append("parse error %s at line %d, column %d %s" % (code, pos[0], pos[1], data or ""))
    for el in doc.iter():
        tag = local(el.tag)
        if tag == "script":
            problems.append("a <script> element: %r" % text_of(el)[:80])
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            a = local(attr) if attr.startswith("{") else attr.lower()
            if a.startswith("on"):
                problems.append("an event handler attribute %s=%r on <%s>" % (attr, value, tag))
            if a in URL_ATTRS or attr in URL_ATTRS:
                # Browsers ignore ASCII white space and controls in a URL's
                # scheme.
                squeezed = re.sub(r"[\x00-\x20\x7f]", "", value)
                if BAD_SCHEME.match(squeezed):
                    problems.append("a %s URL in %s on <%s>" % (squeezed.split(":", 1)[0], attr, tag))
    texts = {}
    for el in doc.iter():
        texts.setdefault(local(el.tag), set()).add(text_of(el))
    for tag, want in page.get("texts") or []:
        # The parser reads a carriage return, alone or before a line feed,
        # as a line feed.
        want = want.replace("\r\n", "\n").replace("\r", "\n")
        if want not in texts.get(tag, ()):
            problems.append("no <%s> has the whole text %r" % (tag, want))
    if page.get("baseline"):
        base_parser, base = parse(page["baseline"])
        got, exp = skeleton(doc), skeleton(base)
        for i, (g, e) in enumerate(zip(got, exp)):
            if g != e:
                problems.append("differs from its baseline at node %d: %r, baseline %r" % (i, g, e))
                break
        else:
            if len(got) != len(exp):
                problems.append("%d nodes, its baseline %d" % (len(got), len(exp)))
    for p in problems:
        print("html5lib-check: %s: %s" % (name, p))
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    bad = 0
    for page in manifest["pages"]:
        if check(page):
            bad += 1
    print("html5lib-check: %d pages parsed with html5lib %s, %d with problems"
          % (len(manifest["pages"]), html5lib.__version__, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

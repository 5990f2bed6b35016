package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleWords are the words of offices and ranks that open a visitor
// string: "Prime Minister", "Crown Prince", "President of the Council of
// Ministers", "Junta Member".
var titleWords = map[string]bool{
	"president": true, "prime": true, "minister": true, "ministers": true, "premier": true,
	"king": true, "queen": true, "crown": true, "prince": true, "princess": true, "emperor": true,
	"empress": true, "chancellor": true, "vice": true, "deputy": true, "first": true, "interim": true,
	"acting": true, "transitional": true, "provisional": true, "grand": true, "duke": true,
	"duchess": true, "sultan": true, "emir": true, "amir": true, "shah": true, "chairman": true,
	"chairwoman": true, "secretary": true, "general": true, "governor": true, "foreign": true,
	"head": true, "council": true, "federal": true, "supreme": true, "leader": true, "regent": true,
	"taoiseach": true, "chief": true, "executive": true, "state": true, "government": true,
	"presidium": true, "presidency": true, "co-prince": true, "captain": true, "captains": true,
	"presidential": true, "lady": true, "his": true, "her": true, "majesty": true, "highness": true,
	"royal": true, "pope": true, "cardinal": true, "archbishop": true, "field": true, "marshal": true,
	"mayor": true, "senator": true, "ambassador": true, "commander": true, "brigadier": true,
	"lieutenant": true, "junta": true, "member": true, "elect": true, "designate": true,
}

// officeWords are the title words that make an office on their own. After
// one of them, a rank that is part of a name ("Prime Minister Amir Abbas
// Hoveyda", "President Archbishop Makarios III", "Regent Prince Charles")
// starts the name, unless a connector joins it ("Premier and Prince
// Sihanouk").
var officeWords = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "regent": true,
	"chairman": true, "chairwoman": true, "taoiseach": true, "secretary": true, "governor": true,
	"leader": true, "pope": true, "mayor": true, "senator": true, "ambassador": true,
}

// rankWords are title words that are also borne as part of a name.
var rankWords = map[string]bool{
	"amir": true, "emir": true, "shah": true, "prince": true, "princess": true,
	"archbishop": true, "sultan": true,
}

// connectors may join title words: "President of the Government",
// "Premier & Prince".
var connectors = map[string]bool{"of": true, "the": true, "and": true, "&": true}

// A token is one word of a visitor string with where it starts and ends.
type token struct {
	text       string
	start, end int
}

// titleWord reports whether w is a title word, and the typo it has when it
// is one only after a correction: "Minster" and "Ministere" are within one
// edit of "minister". Hyphenated words are title words when every part is
// ("Minister-Prince", "Chancellor-elect").
func titleWord(w string) (ok bool, typo string) {
	w = strings.ToLower(strings.Trim(w, ",."))
	if titleWords[w] {
		return true, ""
	}
	if parts := strings.Split(w, "-"); len(parts) > 1 {
		for _, p := range parts {
			if !titleWords[p] {
				return false, ""
			}
		}
		return true, ""
	}
	if utf8.RuneCountInString(w) >= 6 {
		for t := range officeWords {
			if oneEdit(w, t) {
				return true, w + " for " + t
			}
		}
	}
	return false, ""
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// replaced byte.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// tokens splits s into words. A word that runs a title word into a
// capitalized name ("MinisterHaidar") is split and the typo noted; a
// hyphen followed by a space ("President- elect") joins its two words.
func tokens(s string, typos *[]string) []token {
	var out []token
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if i == j {
			break
		}
		w := s[i:j]
		if strings.HasSuffix(w, "-") && j+1 < len(s) {
			k := j + 1
			for k < len(s) && s[k] != ' ' {
				k++
			}
			if ok, _ := titleWord(s[j+1 : k]); ok {
				*typos = append(*typos, "a space after the hyphen of "+`"`+s[i:k]+`"`)
				out = append(out, token{s[i:j] + s[j+1:k], i, k})
				i = k
				continue
			}
		}
		if cut := runIn(w); cut > 0 {
			*typos = append(*typos, "no space between "+`"`+w[:cut]+`" and "`+w[cut:]+`"`)
			out = append(out, token{w[:cut], i, i + cut}, token{w[cut:], i + cut, j})
		} else {
			out = append(out, token{w, i, j})
		}
		i = j
	}
	return out
}

// runIn returns where a title word that a capitalized word follows
// without a space ends in w, or 0.
func runIn(w string) int {
	for cut := 1; cut < len(w); cut++ {
		r, _ := utf8.DecodeRuneInString(w[cut:])
		if unicode.IsUpper(r) && titleWords[strings.ToLower(w[:cut])] && officeWords[strings.ToLower(w[:cut])] {
			return cut
		}
	}
	return 0
}

// splitCapacity splits "Prime Minister Kyriakos Mitsotakis" into the
// capacity "Prime Minister" and the name "Kyriakos Mitsotakis". Leading
// title words are the capacity, joined by connectors ("President of the
// Council of Ministers", "Premier & Prince"); a rank that follows an
// office starts the name ("Prime Minister Amir Abbas Hoveyda"). Without a
// title word the capacity is empty; a string of title words only
// ("Premier") is all capacity. The capacity is the text as the XML has
// it: typos (a misspelt "Minster", a missing space) are kept there and
// returned to be reported.
func splitCapacity(s string) (capacity, name string, typos []string) {
	ts := tokens(s, &typos)
	n, office := 0, false // tokens of the capacity; whether it holds an office
	var pending []string
	for i := 0; i < len(ts); i++ {
		w := strings.ToLower(strings.Trim(ts[i].text, ",."))
		ok, typo := titleWord(ts[i].text)
		if ok {
			if rankWords[w] && office && n == i {
				break // a rank after an office, with no connector between: the name
			}
			n = i + 1
			office = office || officeWords[w] || typo != "" || strings.Contains(w, "-")
			if typo != "" {
				pending = append(pending, `"`+ts[i].text+`" (`+typo+")")
			}
			continue
		}
		if connectors[w] && i > 0 {
			j := i + 1
			for j < len(ts) && connectors[strings.ToLower(ts[j].text)] {
				j++
			}
			if j < len(ts) {
				if ok, _ := titleWord(ts[j].text); ok {
					continue
				}
			}
		}
		break
	}
	typos = append(typos, pending...)
	if n == 0 {
		return "", strings.TrimSpace(s), typos
	}
	if n == len(ts) {
		return strings.TrimSpace(s), "", typos
	}
	return strings.TrimSpace(s[ts[0].start:ts[n-1].end]), strings.TrimSpace(s[ts[n].start:]), typos
}

// splitVisitors splits "President Francesco Cossiga and Prime Minister
// Giulio Andreotti" into its visitors: at " and " or ", " where the next
// part opens with a title and both parts name someone.
func splitVisitors(s string) []string {
	var out []string
	rest := s
	for {
		cut := -1
		for _, sep := range []string{", ", " and "} {
			for off := 0; ; {
				i := strings.Index(rest[off:], sep)
				if i < 0 {
					break
				}
				i += off
				head, tail := rest[:i], rest[i+len(sep):]
				hc, hn, _ := splitCapacity(head)
				tc, tn, _ := splitCapacity(tail)
				if (hc != "" || len(out) > 0) && hn != "" && tc != "" && tn != "" {
					if cut < 0 || i < cut {
						cut = i
					}
					break
				}
				off = i + len(sep)
			}
		}
		if cut < 0 {
			return append(out, rest)
		}
		out = append(out, rest[:cut])
		rest = strings.TrimPrefix(strings.TrimPrefix(rest[cut:], ", "), " and ")
	}
}

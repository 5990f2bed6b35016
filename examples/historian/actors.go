package main

import (
	"hash/fnv"
	"strings"

	"github.com/accordline/accordline/event"
)

// usID is the actor ID of the United States, the host of every visit and
// the traveller's state in every trip.
const usID event.ActorID = "united-states"

// countryCodes maps the country slugs of history.state.gov (the id
// attributes of <from> and <country>, and the rdcr article file names) to
// ISO 3166-1 alpha-2 codes.
//
// The choice of codes for states without a current code:
//   - states that had an ISO 3166-1 code and lost it use that code (ISO
//     3166-3 keeps it reserved): SU Soviet Union, YU Yugoslavia (also the
//     Kingdom of Yugoslavia), CS Czechoslovakia, DD German Democratic
//     Republic, AN Netherlands Antilles;
//   - Kosovo uses XK, the user-assigned code in common use;
//   - the other historical states (the German and Italian states before
//     unification, Hawaii, Texas, the Central American Federation...) get
//     fixed user-assigned codes from XA–XZ (skipping XK) and then QM–QO,
//     written out below so that they never change with the data (QP for
//     the Republic of Vietnam, which only pocom names);
//   - any slug not in this table gets a deterministic user-assigned code
//     from QQ–QZ derived from an FNV hash of the slug ([codeFor]). Such
//     codes may collide; the actor ID, which is the slug, stays distinct.
var countryCodes = map[string]string{
	"afghanistan": "AF", "albania": "AL", "algeria": "DZ", "andorra": "AD", "angola": "AO",
	"antarctica": "AQ", "antigua-barbuda": "AG", "argentina": "AR", "armenia": "AM",
	"australia": "AU", "austria": "AT", "azerbaijan": "AZ", "bahamas": "BS", "bahrain": "BH",
	"bangladesh": "BD", "barbados": "BB", "belarus": "BY", "belgium": "BE", "belize": "BZ",
	"benin": "BJ", "bolivia": "BO", "bosnia-herzegovina": "BA", "botswana": "BW", "brazil": "BR",
	"brunei": "BN", "bulgaria": "BG", "burkina-faso": "BF", "burma": "MM", "burundi": "BI",
	"cambodia": "KH", "cameroon": "CM", "canada": "CA", "cape-verde": "CV", "cayman-islands": "KY",
	"central-african-republic": "CF", "chad": "TD", "chile": "CL", "china": "CN", "colombia": "CO",
	"comoros": "KM", "congo-democratic-republic": "CD", "congo-kinshasa": "CD", "congo-republic": "CG",
	"cook-islands": "CK", "costa-rica": "CR", "cote-divoire": "CI", "croatia": "HR", "cuba": "CU",
	"cyprus": "CY", "czech-republic": "CZ", "czechia": "CZ", "czechoslovakia": "CS", "denmark": "DK",
	"djibouti": "DJ", "dominica": "DM", "dominican-republic": "DO", "ecuador": "EC", "egypt": "EG",
	"el-salvador": "SV", "equatorial-guinea": "GQ", "eritrea": "ER", "estonia": "EE", "eswatini": "SZ",
	"swaziland": "SZ", "ethiopia": "ET", "fiji": "FJ", "finland": "FI", "france": "FR",
	"french-polynesia": "PF", "gabon": "GA", "gambia": "GM", "georgia": "GE",
	"german-democratic-republic": "DD", "germany": "DE", "ghana": "GH", "greece": "GR",
	"grenada": "GD", "guatemala": "GT", "guinea": "GN", "guinea-bissau": "GW", "guyana": "GY",
	"haiti": "HT", "holy-see": "VA", "honduras": "HN", "hungary": "HU", "iceland": "IS",
	"india": "IN", "indonesia": "ID", "iran": "IR", "iraq": "IQ", "ireland": "IE", "israel": "IL",
	"italy": "IT", "jamaica": "JM", "japan": "JP", "jordan": "JO", "kazakhstan": "KZ", "kenya": "KE",
	"kingdom-of-yugoslavia": "YU", "kiribati": "KI", "korea": "KR", "korea-north": "KP",
	"korea-south": "KR", "kosovo": "XK", "kuwait": "KW", "kyrgyzstan": "KG", "laos": "LA",
	"latvia": "LV", "lebanon": "LB", "lesotho": "LS", "liberia": "LR", "libya": "LY",
	"liechtenstein": "LI", "lithuania": "LT", "luxembourg": "LU", "macedonia": "MK",
	"north-macedonia": "MK", "madagascar": "MG", "malawi": "MW", "malaysia": "MY", "maldives": "MV",
	"mali": "ML", "malta": "MT", "marshall-islands": "MH", "mauritania": "MR", "mauritius": "MU",
	"mexico": "MX", "micronesia": "FM", "moldova": "MD", "monaco": "MC", "mongolia": "MN",
	"montenegro": "ME", "morocco": "MA", "mozambique": "MZ", "namibia": "NA", "nauru": "NR",
	"nepal": "NP", "netherlands": "NL", "netherlands-antilles": "AN", "new-caledonia": "NC",
	"new-zealand": "NZ", "nicaragua": "NI", "niger": "NE", "nigeria": "NG", "niue": "NU",
	"norway": "NO", "oman": "OM", "pakistan": "PK", "palau": "PW", "palestinian-authority": "PS",
	"west-bank": "PS", "panama": "PA", "papua-new-guinea": "PG", "paraguay": "PY", "peru": "PE",
	"philippines": "PH", "poland": "PL", "portugal": "PT", "qatar": "QA", "romania": "RO",
	"russia": "RU", "soviet-union": "SU", "rwanda": "RW", "saint-kitts-nevis": "KN",
	"saint-lucia": "LC", "saint-vincent-grenadines": "VC", "samoa": "WS", "somoa": "WS",
	"san-marino": "SM", "sao-tome-and-principe": "ST", "saudi-arabia": "SA", "senegal": "SN",
	"serbia": "RS", "seychelles": "SC", "sierra-leone": "SL", "singapore": "SG", "slovakia": "SK",
	"slovenia": "SI", "solomon-islands": "SB", "somalia": "SO", "south-africa": "ZA",
	"south-sudan": "SS", "spain": "ES", "sri-lanka": "LK", "sudan": "SD", "suriname": "SR",
	"sweden": "SE", "switzerland": "CH", "syria": "SY", "taiwan": "TW", "tajikistan": "TJ",
	"tanzania": "TZ", "thailand": "TH", "timor-leste": "TL", "togo": "TG", "tonga": "TO",
	"trinidad-and-tobago": "TT", "tunisia": "TN", "turkey": "TR", "turkiye": "TR",
	"turkmenistan": "TM", "tuvalu": "TV", "uganda": "UG", "ukraine": "UA",
	"united-arab-emirates": "AE", "united-kingdom": "GB", "united-states": "US", "uruguay": "UY",
	"uzbekistan": "UZ", "vanuatu": "VU", "venezuela": "VE", "vietnam": "VN", "yemen": "YE",
	"yugoslavia": "YU", "zambia": "ZM", "zimbabwe": "ZW",

	// Historical states without any ISO code: fixed user-assigned codes.
	"austrian-empire": "XA", "baden": "XB", "bavaria": "XC", "brunswick-luneburg": "XD",
	"central-american-federation": "XE", "congo-free-state": "XF", "federal-government-germany": "XG",
	"genoa": "XH", "grand-duchy-tuscany": "XI", "hanover": "XJ", "hanseatic-republics": "XL",
	"hawaii": "XM", "hesse": "XN", "lew-chew": "XO", "mecklenburg-schwerin": "XP",
	"mecklenburg-strelitz": "XQ", "nassau": "XR", "north-german-confederation": "XS",
	"north-german-union": "XT", "oldenburg": "XU", "orange-free-state": "XV", "papal-states": "XW",
	"parma": "XX", "piedmont-sardinia": "XY", "schaumburg-lippe": "XZ", "texas": "QM",
	"two-sicilies": "QN", "wurttemberg": "QO", "vietnam-south": "QP",
}

// slugAliases folds slugs that name the same state under an older or a
// misspelt slug into one actor: the slug is the identity, names change.
// The pocom data names some states by slugs of its own, some with the year
// the state ended ("czechoslovakia-1993"); Yugoslavia, whose history the
// Office tells in one article ("Kingdom of Serbia/Yugoslavia"), is one
// actor under every slug.
var slugAliases = map[string]string{
	"czech-republic": "czechia",
	"turkey":         "turkiye",
	"macedonia":      "north-macedonia",
	"swaziland":      "eswatini",
	"somoa":          "samoa",
	"congo-kinshasa": "congo-democratic-republic",
	"yugoslavia":     "kingdom-of-yugoslavia",

	"czechoslovakia-1993":                           "czechoslovakia",
	"congo-brazzaville":                             "congo-republic",
	"socialist-federal-republic-of-yugoslavia-1992": "kingdom-of-yugoslavia",
	"yugoslavia-1946":                               "kingdom-of-yugoslavia",
	"saint-vincent-and-grenadines":                  "saint-vincent-grenadines",
	"antigua-and-barbuda":                           "antigua-barbuda",
	"saint-kitts-and-nevis":                         "saint-kitts-nevis",
	"micronesia-federated-states-of":                "micronesia",
	"kingdom-of-two-sicilies-1861":                  "two-sicilies",
	"joseon-dynasty-1910":                           "korea",
	"albania-1946":                                  "albania",
	"south-vietnam-1975":                            "vietnam-south",
	"state-of-vietnam-1955":                         "vietnam-south",
}

// notStates are destinations that are places rather than states: events
// there get a place with the country code but no host actor.
var notStates = map[string]bool{"antarctica": true}

// canonicalSlug returns the slug under which a state is kept.
func canonicalSlug(slug string) string {
	slug = strings.ToLower(strings.TrimSpace(slug))
	if c, ok := slugAliases[slug]; ok {
		return c
	}
	return slug
}

// codeFor returns the country code of a slug and whether the table knows
// it; unknown slugs get a deterministic user-assigned code in QQ–QZ.
func codeFor(slug string) (string, bool) {
	if c, ok := countryCodes[slug]; ok {
		return c, true
	}
	h := fnv.New32a()
	h.Write([]byte(slug))
	return "Q" + string(rune('Q'+h.Sum32()%10)), false
}

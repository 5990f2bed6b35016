package synth

// The fixed pools the generator draws from. Every string in them is shared
// by all the actors and events that use it.

// A syllable of a made-up state name in the forms it takes in English,
// German, French, Russian and Arabic names.
type syllable struct{ en, de, fr, ru, ar string }

var syllables = [...]syllable{
	{"bar", "bar", "bar", "бар", "بار"},
	{"ca", "ka", "ca", "ка", "كا"},
	{"dor", "dor", "dor", "дор", "دور"},
	{"el", "el", "él", "эль", "إيل"},
	{"fa", "fa", "fa", "фа", "فا"},
	{"gan", "gan", "gan", "ган", "غان"},
	{"ha", "ha", "ha", "ха", "ها"},
	{"is", "is", "is", "ис", "يس"},
	{"kar", "kar", "kar", "кар", "كار"},
	{"la", "la", "la", "ла", "لا"},
	{"mae", "mä", "maé", "мэ", "مي"},
	{"mon", "mon", "mon", "мон", "مون"},
	{"na", "na", "na", "на", "نا"},
	{"nor", "nor", "nor", "нор", "نور"},
	{"oe", "ö", "oé", "э", "و"},
	{"pa", "pa", "pa", "па", "با"},
	{"quin", "kin", "quin", "кин", "كين"},
	{"ra", "ra", "ra", "ра", "را"},
	{"sal", "sal", "sal", "сал", "سال"},
	{"ta", "ta", "ta", "та", "تا"},
	{"tue", "tü", "tué", "тю", "تو"},
	{"val", "wal", "val", "вал", "فال"},
	{"ver", "wer", "vèr", "вер", "فير"},
	{"zan", "san", "zan", "зан", "زان"},
	{"bel", "bel", "bél", "бел", "بيل"},
	{"cor", "kor", "cor", "кор", "كور"},
	{"dan", "dan", "dan", "дан", "دان"},
	{"ur", "ur", "ur", "ур", "أور"},
	{"os", "os", "os", "ос", "وس"},
	{"li", "li", "li", "ли", "لي"},
	{"mir", "mir", "mir", "мир", "مير"},
	{"sen", "sen", "sen", "сен", "سين"},
	{"tar", "tar", "tar", "тар", "تار"},
	{"vo", "wo", "vo", "во", "فو"},
	{"ri", "ri", "ri", "ри", "ري"},
	{"ae", "ä", "aé", "э", "اي"},
}

// stateSuffixes end state names.
var stateSuffixes = [...]syllable{
	{"ia", "ien", "ie", "ия", "يا"},
	{"stan", "stan", "stan", "стан", "ستان"},
	{"land", "land", "lande", "ландия", "لاند"},
	{"a", "a", "a", "а", "ا"},
	{"ora", "ora", "ore", "ора", "ورا"},
	{"ova", "owa", "ova", "ова", "وفا"},
	{"en", "en", "ène", "ен", "ين"},
	{"ar", "ar", "ar", "ар", "ار"},
	{"ica", "ika", "ique", "ика", "يكا"},
}

// citySuffixes end city names; cities have English names only.
var citySuffixes = [...]string{"", "grad", "burg", "ville", "port", "abad", "polis", "holm", "sk", "haven", "", ""}

// A zone is an IANA time zone and the longitude its states lie around.
type zone struct {
	name string
	lon  float64
	lat  float64
}

var zones = [...]zone{
	{"America/Los_Angeles", -118, 36},
	{"America/New_York", -74, 40},
	{"America/Sao_Paulo", -46, -20},
	{"Europe/London", 0, 53},
	{"Europe/Paris", 2, 47},
	{"Europe/Berlin", 13, 51},
	{"Africa/Cairo", 31, 28},
	{"Europe/Moscow", 37, 56},
	{"Asia/Tehran", 51, 33},
	{"Asia/Almaty", 77, 46},
	{"Asia/Kolkata", 77, 22},
	{"Asia/Kathmandu", 85, 28},
	{"Asia/Shanghai", 116, 32},
	{"Asia/Tokyo", 139, 36},
	{"Australia/Sydney", 151, -32},
	{"Pacific/Auckland", 174, -40},
	{"Africa/Lagos", 4, 8},
	{"Africa/Nairobi", 37, -1},
}

// offices are the capacities persons act in, completed with a state name.
var offices = [...]string{
	"President of ",
	"Prime Minister of ",
	"Foreign Minister of ",
	"Minister of Defence of ",
	"Minister of Trade of ",
	"Ambassador of ",
	"Special Envoy of ",
	"Deputy Foreign Minister of ",
}

// officeWeights skews the offices of persons who are not a state's leader.
var officeWeights = [len(offices)]int{0, 4, 10, 6, 6, 30, 8, 12}

// A given name with its ASCII form for IDs and, where common, its Russian
// spelling.
type givenName struct{ name, slug, ru string }

var givenNames = [...]givenName{
	{"Anna", "anna", "Анна"}, {"José", "jose", ""}, {"Jürgen", "juergen", "Юрген"},
	{"Søren", "soeren", ""}, {"Łukasz", "lukasz", ""}, {"Zoë", "zoe", ""},
	{"Mehmet", "mehmet", ""}, {"Ahmed", "ahmed", ""}, {"Fatima", "fatima", ""},
	{"Olga", "olga", "Ольга"}, {"Ivan", "ivan", "Иван"}, {"Sergei", "sergei", "Сергей"},
	{"Maria", "maria", "Мария"}, {"Hiroshi", "hiroshi", ""}, {"Mei", "mei", ""},
	{"Kwame", "kwame", ""}, {"Amara", "amara", ""}, {"Lars", "lars", ""},
	{"Ingrid", "ingrid", ""}, {"François", "francois", "Франсуа"}, {"Hélène", "helene", "Элен"},
	{"Dmitri", "dmitri", "Дмитрий"}, {"Nursultan", "nursultan", "Нурсултан"},
	{"Aigerim", "aigerim", "Айгерим"}, {"Kassym", "kassym", "Касым"}, {"Ravi", "ravi", ""},
	{"Priya", "priya", ""}, {"Chen", "chen", ""}, {"Omar", "omar", ""},
	{"Layla", "layla", ""}, {"Youssef", "youssef", ""}, {"Nadia", "nadia", "Надя"},
	{"Pierre", "pierre", "Пьер"}, {"Elena", "elena", "Елена"}, {"Giorgos", "giorgos", ""},
	{"Carlos", "carlos", "Карлос"}, {"Lucía", "lucia", ""}, {"Thabo", "thabo", ""},
	{"Ngozi", "ngozi", ""}, {"Sakura", "sakura", ""}, {"Min-jun", "min-jun", ""},
	{"Ji-woo", "ji-woo", ""}, {"Ólafur", "olafur", ""}, {"Björn", "bjoern", ""},
	{"Małgorzata", "malgorzata", ""}, {"Tomáš", "tomas", ""}, {"Zeynep", "zeynep", ""},
	{"Ayşe", "ayse", ""}, {"Dilnoza", "dilnoza", "Дильноза"}, {"Rustam", "rustam", "Рустам"},
	{"Emeka", "emeka", ""}, {"Isabel", "isabel", ""}, {"Mateus", "mateus", ""},
	{"Aroha", "aroha", ""}, {"Sven", "sven", ""}, {"Katarzyna", "katarzyna", ""},
	{"Nikolai", "nikolai", "Николай"}, {"Anwar", "anwar", ""}, {"Salma", "salma", ""},
	{"Tariq", "tariq", ""}, {"Helga", "helga", ""}, {"Wolfgang", "wolfgang", ""},
	{"Aleksandr", "aleksandr", "Александр"}, {"Gulnara", "gulnara", "Гульнара"},
}

// A family name with its ASCII form for IDs, its German transliteration
// where it differs ("Tokajew") and its Russian spelling where common.
type familyName struct{ name, slug, de, ru string }

var familyNames = [...]familyName{
	{"Müller", "mueller", "", ""}, {"García", "garcia", "", ""}, {"Nováková", "novakova", "", ""},
	{"Tokayev", "tokayev", "Tokajew", "Токаев"}, {"Ivanov", "ivanov", "Iwanow", "Иванов"},
	{"Petrova", "petrova", "Petrowa", "Петрова"}, {"Smirnov", "smirnov", "Smirnow", "Смирнов"},
	{"Kuznetsov", "kuznetsov", "Kusnezow", "Кузнецов"}, {"Volkova", "volkova", "Wolkowa", "Волкова"},
	{"Abdullayev", "abdullayev", "Abdullajew", "Абдуллаев"}, {"Karimova", "karimova", "Karimowa", "Каримова"},
	{"Sokolov", "sokolov", "Sokolow", "Соколов"}, {"al-Hashimi", "al-hashimi", "al-Haschimi", ""},
	{"Haddad", "haddad", "", ""}, {"Mansour", "mansour", "Mansur", ""}, {"Khalil", "khalil", "Chalil", ""},
	{"Yılmaz", "yilmaz", "", ""}, {"Öztürk", "oeztuerk", "", ""}, {"Schröder", "schroeder", "", ""},
	{"Weiß", "weiss", "", ""}, {"Dubois", "dubois", "", ""}, {"Lefèvre", "lefevre", "", ""},
	{"Moreau", "moreau", "", ""}, {"Rossi", "rossi", "", ""}, {"Bianchi", "bianchi", "", ""},
	{"Silva", "silva", "", ""}, {"Santos", "santos", "", ""}, {"Pereira", "pereira", "", ""},
	{"Fernández", "fernandez", "", ""}, {"López", "lopez", "", ""}, {"Kowalski", "kowalski", "", ""},
	{"Wiśniewska", "wisniewska", "", ""}, {"Dvořák", "dvorak", "", ""}, {"Horváth", "horvath", "", ""},
	{"Nagy", "nagy", "", ""}, {"Popescu", "popescu", "", ""}, {"Georgiou", "georgiou", "", ""},
	{"Papadopoulos", "papadopoulos", "", ""}, {"Jensen", "jensen", "", ""}, {"Hansen", "hansen", "", ""},
	{"Johansson", "johansson", "", ""}, {"Virtanen", "virtanen", "", ""}, {"Tanaka", "tanaka", "", ""},
	{"Suzuki", "suzuki", "", ""}, {"Watanabe", "watanabe", "", ""}, {"Kim", "kim", "", ""},
	{"Park", "park", "", ""}, {"Wang", "wang", "", ""}, {"Zhang", "zhang", "", ""},
	{"Nguyen", "nguyen", "", ""}, {"Sharma", "sharma", "Scharma", ""}, {"Patel", "patel", "", ""},
	{"Okafor", "okafor", "", ""}, {"Mensah", "mensah", "", ""}, {"Diallo", "diallo", "", ""},
	{"Dlamini", "dlamini", "", ""}, {"Smith", "smith", "", ""}, {"Johnson", "johnson", "", ""},
	{"Williams", "williams", "", ""}, {"O'Connor", "oconnor", "", ""}, {"Murphy", "murphy", "", ""},
	{"Hernández", "hernandez", "", ""}, {"Castillo", "castillo", "", ""}, {"Rahimi", "rahimi", "", ""},
	{"Hosseini", "hosseini", "", ""}, {"Cohen", "cohen", "", ""}, {"Levi", "levi", "", ""},
	{"Mizrahi", "mizrahi", "", ""}, {"Novak", "novak", "Nowak", ""}, {"Horvat", "horvat", "", ""},
	{"Babić", "babic", "", ""}, {"Jovanović", "jovanovic", "", "Йованович"},
	{"Shevchenko", "shevchenko", "Schewtschenko", "Шевченко"}, {"Bondarenko", "bondarenko", "", "Бондаренко"},
	{"Aliyev", "aliyev", "Alijew", "Алиев"}, {"Mammadova", "mammadova", "Mammadowa", "Мамедова"},
	{"Tursunov", "tursunov", "Tursunow", "Турсунов"}, {"Rakhimov", "rakhimov", "Rachimow", "Рахимов"},
	{"Beridze", "beridze", "", ""}, {"Hakobyan", "hakobyan", "Hakobjan", ""}, {"Nakamura", "nakamura", "", ""},
	{"Eriksen", "eriksen", "", ""}, {"Achterberg", "achterberg", "", ""}, {"Costa", "costa", "", ""},
}

// A phrase with its German translation.
type phrase struct{ en, de string }

var orgTypes = [...]phrase{
	{"Union", "Union"}, {"Council", "Rat"}, {"Organization", "Organisation"},
	{"Community", "Gemeinschaft"}, {"Forum", "Forum"}, {"League", "Liga"},
	{"Conference", "Konferenz"}, {"Alliance", "Allianz"}, {"Commission", "Kommission"},
	{"Bank", "Bank"},
}

var orgScopes = [...]phrase{
	{"of Northern States", "der nördlichen Staaten"},
	{"for Maritime Cooperation", "für maritime Zusammenarbeit"},
	{"of the Southern Seas", "der Südmeere"},
	{"for Security and Cooperation", "für Sicherheit und Zusammenarbeit"},
	{"of Mountain Nations", "der Bergvölker"},
	{"for Economic Development", "für wirtschaftliche Entwicklung"},
	{"of the Eastern Steppe", "der östlichen Steppe"},
	{"for Trade and Development", "für Handel und Entwicklung"},
	{"of Island States", "der Inselstaaten"},
	{"for Nuclear Safety", "für nukleare Sicherheit"},
	{"of the River Basin", "des Flussbeckens"},
	{"for Peace and Reconciliation", "für Frieden und Versöhnung"},
}

var treatyTypes = [...]phrase{
	{"Convention", "Übereinkommen"}, {"Treaty", "Vertrag"}, {"Agreement", "Abkommen"},
	{"Protocol", "Protokoll"}, {"Memorandum of Understanding", "Absichtserklärung"},
	{"Charter", "Charta"}, {"Framework Agreement", "Rahmenabkommen"},
}

var treatySubjects = [...]phrase{
	{"on Maritime Boundaries", "über Seegrenzen"},
	{"on the Prohibition of Chemical Weapons", "über das Verbot chemischer Waffen"},
	{"on Mutual Legal Assistance", "über gegenseitige Rechtshilfe"},
	{"on Cultural Cooperation", "über kulturelle Zusammenarbeit"},
	{"on the Avoidance of Double Taxation", "zur Vermeidung der Doppelbesteuerung"},
	{"on Transboundary Waters", "über grenzüberschreitende Gewässer"},
	{"on Nuclear Safety", "über nukleare Sicherheit"},
	{"on Civil Aviation", "über die Zivilluftfahrt"},
	{"on Investment Protection", "über den Investitionsschutz"},
	{"on Climate Change", "über Klimaänderungen"},
	{"on the Rights of Migrant Workers", "über die Rechte der Wanderarbeitnehmer"},
	{"on Scientific and Technical Cooperation", "über wissenschaftlich-technische Zusammenarbeit"},
	{"on Extradition", "über Auslieferung"},
	{"on Visa Exemption", "über die Befreiung von der Visumpflicht"},
	{"on Fisheries", "über die Fischerei"},
	{"on Space Cooperation", "über die Zusammenarbeit im Weltraum"},
	{"on Arms Control", "über Rüstungskontrolle"},
	{"on Free Trade", "über Freihandel"},
}

// bilateralTopics name agreements between two states: the English word
// before "Agreement" and the German compound.
var bilateralTopics = [...]phrase{
	{"Trade", "Handelsabkommen"}, {"Security", "Sicherheitsabkommen"}, {"Border", "Grenzabkommen"},
	{"Friendship", "Freundschaftsabkommen"}, {"Energy", "Energieabkommen"}, {"Water-Sharing", "Wasserabkommen"},
}

// A publisher of sources: its name, language, host name and URL section.
type publisher struct{ name, lang, host, section string }

var publishers = [...]publisher{
	{"The Meridian Times", "en", "meridian-times.example", "world"},
	{"Global Affairs Wire", "en", "gaw.example", "diplomacy"},
	{"Diplomatic Courier Weekly", "en", "dcw.example", "news"},
	{"The Harbour Chronicle", "en", "harbour-chronicle.example", "politics"},
	{"Nordstädter Allgemeine", "de", "nordstaedter.example", "politik"},
	{"Der Außenpolitische Dienst", "de", "aussenpolitik-dienst.example", "meldungen"},
	{"Rundschau für Völkerverständigung", "de", "voelker-rundschau.example", "ausland"},
	{"Le Courrier diplomatique", "fr", "courrier-diplo.example", "monde"},
	{"La Gazette des Nations", "fr", "gazette-nations.example", "international"},
	{"Вестник дипломатии", "ru", "vestnik-diplo.example", "politika"},
	{"Международное обозрение", "ru", "mezhdunarodnoe.example", "mir"},
	{"الدبلوماسية اليوم", "ar", "diplomacy-today.example", "akhbar"},
	{"صحيفة الشرق الدولية", "ar", "alsharq-intl.example", "siyasa"},
	{"El Observador Internacional", "es", "observador-intl.example", "mundo"},
	{"Crónica Diplomática", "es", "cronica-diplomatica.example", "internacional"},
	{"國際外交日報", "zh-Hant", "guoji-waijiao.example", "guoji"},
	{"遠東時報", "zh-Hant", "yuandong.example", "news"},
}

// A quote: text in its language, with an English translation where the text
// is not English, and whether it reads as someone's words.
type quote struct {
	text, lang, translation string
	spoken                  bool
}

var quotes = [...]quote{
	{"Wir haben heute ein großartiges Gespräch über die Zusammenarbeit unserer Länder geführt.", "de",
		"Today we had a great conversation about the cooperation of our countries.", true},
	{"Die Beziehungen zwischen unseren Staaten sind so stark wie nie zuvor 🤝", "de",
		"Relations between our states are stronger than ever 🤝", true},
	{"Ein historischer Tag für unsere beiden Völker – herzlichen Glückwunsch! 🎉", "de",
		"A historic day for our two peoples – congratulations! 🎉", true},
	{"Über die Einzelheiten wurde Stillschweigen vereinbart.", "de",
		"The parties agreed not to disclose the details.", false},
	{"نحن ملتزمون بتعزيز التعاون الإقليمي والسلام الدائم.", "ar",
		"We are committed to strengthening regional cooperation and lasting peace.", true},
	{"هذه خطوة تاريخية نحو السلام 🕊️", "ar", "This is a historic step towards peace 🕊️", true},
	{"Мы договорились продолжить переговоры в ближайшие месяцы.", "ru",
		"We agreed to continue the negotiations in the coming months.", true},
	{"Это важный шаг для укрепления безопасности в регионе.", "ru",
		"This is an important step for strengthening security in the region.", true},
	{"Nous saluons cette étape décisive pour la coopération régionale.", "fr",
		"We welcome this decisive step for regional cooperation.", true},
	{"Les deux délégations ont exprimé leur volonté d'approfondir le dialogue.", "fr",
		"Both delegations expressed their will to deepen the dialogue.", false},
	{"Es un día histórico para nuestros pueblos.", "es", "It is a historic day for our peoples.", true},
	{"我們期待與各方加強對話與合作。", "zh-Hant", "We look forward to strengthening dialogue and cooperation with all parties.", true},
	{"A great call with my friend — many topics discussed! 👍", "en", "", true},
	{"We will soon announce a signing ceremony to make it official.", "en", "", true},
	{"The talks were frank, constructive and forward-looking.", "en", "", false},
	{"The ministers agreed on a joint statement.\nA follow-up meeting is expected within weeks.", "en", "", false},
}

// descriptions are occasional longer texts; some span lines.
var descriptions = [...]string{
	"The leaders discussed bilateral trade, energy and regional security.",
	"The sides reviewed progress on earlier agreements and agreed on next steps.\nA joint communiqué was issued afterwards.",
	"Die Gespräche fanden in freundlicher und konstruktiver Atmosphäre statt.",
	"Talks focused on the humanitarian situation, visa facilitation and cultural exchange.",
	"Les discussions ont porté sur la sécurité régionale et le commerce.",
}

var tagPool = [...]string{
	"bilateral", "multilateral", "security", "trade", "energy", "climate", "nuclear",
	"human-rights", "migration", "arms-control", "maritime", "sanctions", "humanitarian",
	"cultural-exchange", "C5+1", "G20", "Ostpolitik", "détente",
}

var placeNames = [...]string{
	"Presidential Palace", "Ministry of Foreign Affairs", "State Guest House",
	"Palace of Nations", "Congress Hall", "Government House", "Parliament Building",
}

var venues = [...]string{"East Room", "Hall of Mirrors", "Great Hall", "Blue Salon", "Library"}

// Date phrases, by the kind of date they describe.
var (
	dayTexts   = [...]string{"earlier that day", "on Thursday", "on Monday morning", "last week", "yesterday"}
	timeTexts  = [...]string{"that evening", "Thursday evening", "in the morning", "at noon", "late at night"}
	roughTexts = [...]string{"earlier this month", "in the spring", "around that time", "in the early years", "at some point that year"}
	openTexts  = [...]string{"soon", "in the near future", "upcoming", "in the coming months", "at a later date"}
	zeroTexts  = [...]string{"date not yet set", "date to be announced", "postponed indefinitely"}
)

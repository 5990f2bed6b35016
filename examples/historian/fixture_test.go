package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The fixtures hold, in the shapes of the data, one or more records of
// every case the importers distinguish.

const visitsXML = `<?xml version="1.0" encoding="UTF-8"?>
<visits>
    <visit>
        <id>2991</id>
        <start-date>2020-01-07</start-date>
        <end-date>2020-01-07</end-date>
        <visitor>Prime Minister Kyriakos Mitsotakis</visitor>
        <from id="greece">Greece</from>
        <description>Official Working Visit.</description>
    </visit>
    <visit>
        <id>2992</id>
        <start-date>2020-02-05</start-date>
        <end-date>2020-02-07</end-date>
        <visitor>President Andrzej Duda and Prime Minister Donald Tusk</visitor>
        <from id="poland">Poland</from>
        <description>State Visit.</description>
    </visit>
    <visit>
        <id>2993</id>
        <start-date>2020-03-05</start-date>
        <end-date>2020-03-01</end-date>
        <visitor>King Abdullah II</visitor>
        <from id="jordan">Jordan</from>
        <description>Private visit.</description>
    </visit>
    <visit>
        <id>2994</id>
        <start-date>2020-04-01</start-date>
        <end-date>2020-04-01</end-date>
        <visitor>President Kassym-Jomart Tokayev</visitor>
        <from id="">Kazakhstan</from>
        <description/>
    </visit>
    <visit>
        <id>2995</id>
        <start-date>2020</start-date>
        <end-date>2020</end-date>
        <visitor>President X</visitor>
        <from id="kazakhstan">Kazakhstan</from>
        <description/>
    </visit>
    <visit>
        <id>2996</id>
        <start-date>2023-09-21</start-date>
        <end-date>2023-09-21</end-date>
        <visitor>President Kassym-Jomart Tokayev</visitor>
        <from id="kazakhstan">Kazakhstan</from>
        <description>Attended the UN General Assembly.</description>
    </visit>
    <visit>
        <id>331</id>
        <start-date>1978-11-14</start-date>
        <end-date>1978-11-14</end-date>
        <visitor>Crown Prince Sidi Mohammed</visitor>
        <from id="morocco">Morocco</from>
        <description>Private visit. Delivered a message to President Carter postponing a state visit by King Hassan II.</description>
    </visit>
    <visit>
        <id>2161</id>
        <start-date>1937-07-17</start-date>
        <end-date>1937-07-30</end-date>
        <visitor>Premier &amp; Prince Sihanouk</visitor>
        <from id="cambodia">Cambodia</from>
        <description>Unofficial visit. In U.S. July 17–30; visited New York City.</description>
    </visit>
    <visit>
        <id>2168</id>
        <start-date>1937-03-04</start-date>
        <end-date>1937-03-05</end-date>
        <visitor>Prime Minster Mackenzie King</visitor>
        <from id="canada">Canada</from>
        <description>Informal visit to Washington.</description>
    </visit>
    <visit>
        <id>1800</id>
        <start-date>1985-05-01</start-date>
        <end-date>1985-05-02</end-date>
        <visitor>Foreign Minister Andrei Gromyko</visitor>
        <from id="russia">U.S.S.R.</from>
        <description>Official visit.</description>
    </visit>
    <visit>
        <id>1801</id>
        <start-date>2002-05-01</start-date>
        <end-date>2002-05-02</end-date>
        <visitor>President Vladimir Putin</visitor>
        <from id="russia">Russia</from>
        <description>Working visit.</description>
    </visit>
</visits>`

const tripsXML = `<?xml version="1.0" encoding="UTF-8"?>
<trips>
    <trip role="secretary" who="blinken-antony-j">
        <id>5001</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-02-27</start-date>
        <end-date>2023-02-28</end-date>
        <country id="kazakhstan">Kazakhstan</country>
        <locale>Astana</locale>
        <remarks>Met with President Tokayev.</remarks>
    </trip>
    <trip role="secretary" who="blinken-antony-j">
        <id>5002</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-03-01</start-date>
        <end-date>2023-03-01</end-date>
        <country id="">Nowhere</country>
        <locale/>
        <remarks>-</remarks>
    </trip>
    <trip role="secretary" who="blinken-antony-j">
        <id>5003</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-09-19</start-date>
        <end-date>2023-09-19</end-date>
        <country id="kazakhstan">Kazakhstan</country>
        <locale>Astana</locale>
        <remarks>Accompanied President Biden on a State visit.</remarks>
    </trip>
    <trip role="secretary" who="blinken-antony-j">
        <id>5004</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2023-06-01</start-date>
        <end-date>2023-06-01</end-date>
        <country id="france">France</country>
        <locale>Paris</locale>
        <remarks>Accompanied President Biden to a State visit.</remarks>
    </trip>
</trips>`

const presidentTripsXML = `<?xml version="1.0" encoding="UTF-8"?>
<trips>
    <trip role="president" who="biden-joseph-r">
        <id>4001</id>
        <role>president</role>
        <name>Joseph R. Biden</name>
        <start-date>2023-09-18</start-date>
        <end-date>2023-09-20</end-date>
        <country id="kazakhstan">Kazakhstan</country>
        <locale>Astana</locale>
        <remarks>State visit.</remarks>
    </trip>
</trips>`

const articleXML = `<TEI xmlns="http://www.tei-c.org/ns/1.0">
    <teiHeader><fileDesc><titleStmt><title type="short">Kazakhstan</title></titleStmt></fileDesc></teiHeader>
    <text><body>
        <div type="section" xml:id="recognition"><head>Recognition</head>
            <div type="timeline"><head>U.S. Recognition of Kazakhstan, <date when="1991-12-25">1991</date>.</head><p>Recognized.</p></div>
        </div>
        <div type="section"><head>Diplomatic Relations</head>
            <div type="timeline"><head>Establishment of Diplomatic Relations, <date when="1991-12-25">1991</date>.</head><p>Established.</p></div>
            <div type="timeline"><head>Establishment of the American Embassy in Alma-Ata, <date>1992</date>.</head><p>Opened.</p></div>
            <div type="timeline"><head>Treaty of Commerce, <date>1993</date>.</head></div>
            <div type="timeline"><head>Diplomatic Relations Severed.</head></div>
            <div type="timeline"><head>Diplomatic Relations Severed by Kazakhstan, <date when="1994">1994</date>.</head></div>
            <div type="timeline"><head>Establishment of Full Diplomatic Relations, 1995.</head></div>
            <div type="timeline"><head>Recognition and Establishment of Diplomatic Relations and the Kazakh Embassy in the United States, <date when="1919">1996</date>.</head></div>
        </div>
    </body></text>
</TEI>`

const swedenXML = `<TEI xmlns="http://www.tei-c.org/ns/1.0">
    <teiHeader><fileDesc><titleStmt><title type="short">Sweden</title></titleStmt></fileDesc></teiHeader>
    <text><body>
        <div type="timeline"><head>Swedish Recognition of the United States, <date when="1783">1783</date>.</head></div>
        <div type="timeline"><head>Mutual Recognition, <date when="1784">1784</date>.</head></div>
        <div type="timeline"><head>Recognition of Independent Sweden Withdrawn by the United States, <date from="1920" to="1921">1920-21</date>.</head></div>
    </body></text>
</TEI>`

const pocomSecretaryXML = `<?xml version="1.0" encoding="UTF-8"?>
<principal-position>
    <id>secretary</id>
    <names><singular>Secretary of State</singular><plural>Secretaries of State</plural></names>
    <principals>
        <principal>
            <id>secr-2021-blin</id>
            <person-id>blinken-antony-j</person-id>
            <role-title-id>secretary</role-title-id>
            <appointed><date>2021-01-26</date><note/></appointed>
            <started><date>2021-01-26</date><note/></started>
            <ended><date>2025-01-20</date><note/></ended>
            <note/>
        </principal>
        <principal>
            <id>secr-1999-none</id>
            <person-id>nobody-at-all</person-id>
            <role-title-id>secretary</role-title-id>
            <appointed><date>1999-01-01</date><note/></appointed>
            <started><date/><note/></started>
            <ended><date/><note/></ended>
            <note/>
        </principal>
    </principals>
    <other-appointees>
        <principal>
            <id>secr--nomi</id>
            <person-id>blinken-antony-j</person-id>
            <role-title-id>secretary</role-title-id>
            <appointed><date/><note/></appointed>
            <started><date/><note/></started>
            <ended><date/><note/></ended>
            <note>Nomination withdrawn.</note>
        </principal>
    </other-appointees>
</principal-position>`

const pocomKazakhstanXML = `<?xml version="1.0" encoding="UTF-8"?>
<country-mission>
    <territory-id>kazakhstan</territory-id>
    <chiefs>
        <chief>
            <id>kz-1992-cour-01</id>
            <person-id>courtney-william-harrison</person-id>
            <role-title-id>ambassador-e-p</role-title-id>
            <contemporary-territory-id>kazakhstan</contemporary-territory-id>
            <appointed><date>1992-08-11</date><note/></appointed>
            <arrived><date/><note/></arrived>
            <started><date>1992-09-15</date><note>On or shortly before</note></started>
            <ended><date>1995-07-01</date><note>Left post on</note></ended>
            <note/>
        </chief>
        <chief>
            <id>kz-1995-char-01</id>
            <person-id>courtney-william-harrison</person-id>
            <role-title-id>charge-daffaires-ad-interim</role-title-id>
            <contemporary-territory-id>kazakhstan</contemporary-territory-id>
            <appointed><date/><note/></appointed>
            <arrived><date/><note/></arrived>
            <started><date>1995-07-01</date><note/></started>
            <ended><date>1995-10-18</date><note/></ended>
            <note/>
        </chief>
        <chief>
            <id>kz-1999-xxxx-01</id>
            <person-id>courtney-william-harrison</person-id>
            <role-title-id>grand-vizier</role-title-id>
            <contemporary-territory-id>kazakhstan</contemporary-territory-id>
            <appointed><date>1999-01-01</date><note/></appointed>
            <arrived><date/><note/></arrived>
            <started><date/><note/></started>
            <ended><date/><note/></ended>
            <note/>
        </chief>
    </chiefs>
    <other-nominees>
        <chief>
            <id>kz-2000-none-01</id>
            <person-id>courtney-william-harrison</person-id>
            <role-title-id>ambassador-e-p</role-title-id>
            <contemporary-territory-id>kazakhstan</contemporary-territory-id>
            <appointed><date/><note/></appointed>
            <arrived><date/><note/></arrived>
            <started><date/><note/></started>
            <ended><date/><note/></ended>
            <note>Nomination not acted upon by the Senate.</note>
        </chief>
    </other-nominees>
</country-mission>`

const pocomUNXML = `<?xml version="1.0" encoding="UTF-8"?>
<org-mission>
    <id>representative-to-un</id>
    <category>international-organization</category>
    <names><singular>Representative of the U.S.A. to the
        United Nations</singular><plural>Representatives</plural></names>
    <chiefs>
        <chief>
            <id>un-2021-blin</id>
            <person-id>blinken-antony-j</person-id>
            <role-title-id>representative-to-un</role-title-id>
            <appointed><date>2019-03</date><note/></appointed>
            <arrived><date/><note/></arrived>
            <started><date/><note/></started>
            <ended><date/><note/></ended>
            <note/>
        </chief>
    </chiefs>
    <other-appointees/>
</org-mission>`

const pocomConcurrentXML = `<?xml version="1.0" encoding="UTF-8"?>
<concurrent-appointments>
    <id>1992-cour-01</id>
    <person-id>courtney-william-harrison</person-id>
    <resident-at><locale-id>almaty_kz</locale-id><contemporary-territory-id>kazakhstan</contemporary-territory-id></resident-at>
    <chief-id>kz-1992-cour-01</chief-id>
</concurrent-appointments>`

const pocomConcurrentBadXML = `<?xml version="1.0" encoding="UTF-8"?>
<concurrent-appointments>
    <id>1993-bad-01</id>
    <person-id>courtney-william-harrison</person-id>
    <resident-at><locale-id>almaty_kz</locale-id><contemporary-territory-id>kazakhstan</contemporary-territory-id></resident-at>
    <chief-id>kz-1993-none-01</chief-id>
</concurrent-appointments>`

const blinkenXML = `<person><id>blinken-antony-j</id><persName><surname>Blinken</surname><forename>Antony John</forename></persName><birth>1962</birth><death/></person>`

const courtneyXML = `<person><id>courtney-william-harrison</id><persName><surname>Courtney</surname><forename>William Harrison</forename><altname>William H. Courtney</altname></persName><birth>1944</birth><death/></person>`

// fixture writes the fixtures in the layout of the data directory.
func fixture(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"visits/data/2020.xml":                           visitsXML,
		"travels/secretary-travels/blinken-antony-j.xml": tripsXML,
		"travels/president-travels/biden-joseph-r.xml":   presidentTripsXML,
		"rdcr/articles/kazakhstan.xml":                   articleXML,
		"rdcr/articles/sweden.xml":                       swedenXML,
		"pocom/positions-principals/secretary.xml":       pocomSecretaryXML,
		"pocom/missions-countries/kazakhstan.xml":        pocomKazakhstanXML,
		"pocom/missions-orgs/representative-to-un.xml":   pocomUNXML,
		"pocom/concurrent-appointments/1992-cour-01.xml": pocomConcurrentXML,
		"pocom/concurrent-appointments/1993-bad-01.xml":  pocomConcurrentBadXML,
		"pocom/people/b/blinken-antony-j.xml":            blinkenXML,
		"pocom/people/c/courtney-william-harrison.xml":   courtneyXML,
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	return dir
}

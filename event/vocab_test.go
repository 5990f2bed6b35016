package event

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kebabCase = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// vocabValue is what every closed vocabulary type of the package offers.
type vocabValue interface {
	comparable
	fmt.Stringer
	encoding.TextMarshaler
	IsKnown() bool
}

// vocabCase describes one closed vocabulary for checkVocabulary.
type vocabCase[T vocabValue] struct {
	name       string // the Vocabulary field of its WordError
	values     []T    // every declared value, in declaration order
	words      []string
	parse      func(string) (T, error)
	outOfRange T
}

// checkVocabulary runs the checks common to all closed vocabularies. PT is
// the pointer type that implements encoding.TextUnmarshaler.
func checkVocabulary[T vocabValue, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, vc vocabCase[T]) {
	t.Helper()
	var zero T
	require.Len(t, vc.values, len(vc.words), "test table out of date")

	t.Run("words", func(t *testing.T) {
		seen := map[string]bool{}
		for i, v := range vc.values {
			w := v.String()
			assert.Equal(t, vc.words[i], w, "value %d", i)
			assert.Regexp(t, kebabCase, w)
			assert.False(t, seen[w], "duplicate word %q", w)
			seen[w] = true
			assert.True(t, v.IsKnown(), w)
			assert.NotEqual(t, zero, v, "declared values are not the zero value")
		}
	})

	t.Run("round trip", func(t *testing.T) {
		for _, v := range vc.values {
			text, err := v.MarshalText()
			require.NoError(t, err, v.String())
			assert.Equal(t, v.String(), string(text))

			var got T
			require.NoError(t, PT(&got).UnmarshalText(text))
			assert.Equal(t, v, got)

			parsed, err := vc.parse(v.String())
			require.NoError(t, err)
			assert.Equal(t, v, parsed)

			// JSON goes through the text form.
			j, err := json.Marshal(v)
			require.NoError(t, err)
			assert.JSONEq(t, `"`+v.String()+`"`, string(j))
			var fromJSON T
			require.NoError(t, json.Unmarshal(j, PT(&fromJSON)))
			assert.Equal(t, v, fromJSON)
		}
	})

	t.Run("zero value", func(t *testing.T) {
		assert.False(t, zero.IsKnown())
		assert.Equal(t, "", zero.String())
		text, err := zero.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, "", string(text))

		v := vc.values[0]
		require.NoError(t, PT(&v).UnmarshalText([]byte("")))
		assert.Equal(t, zero, v, `"" unmarshals to the zero value`)

		parsed, err := vc.parse("")
		require.NoError(t, err)
		assert.Equal(t, zero, parsed)
	})

	t.Run("unknown word", func(t *testing.T) {
		for _, word := range []string{"no-such-word", strings.ToUpper(vc.words[0]), " " + vc.words[0], vc.words[0] + "s"} {
			_, err := vc.parse(word)
			require.Error(t, err, "%q", word)
			assert.ErrorIs(t, err, ErrUnknown)
			var we *WordError
			require.ErrorAs(t, err, &we)
			assert.Equal(t, vc.name, we.Vocabulary)
			assert.Equal(t, word, we.Word)
			assert.Equal(t, vc.words, we.Known)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "unknown "+vc.name+` "`+word+`"`), msg)
			for _, w := range vc.words {
				assert.Contains(t, msg, w)
			}
			assert.Contains(t, msg, strings.Join(vc.words, ", "))

			var v T
			err = PT(&v).UnmarshalText([]byte(word))
			assert.ErrorIs(t, err, ErrUnknown)
			assert.ErrorAs(t, err, &we)

			err = json.Unmarshal([]byte(`"`+word+`"`), PT(&v))
			assert.ErrorIs(t, err, ErrUnknown, "JSON decoding reports the WordError")
		}
	})

	t.Run("known words are a copy", func(t *testing.T) {
		_, err := vc.parse("bogus")
		var we *WordError
		require.ErrorAs(t, err, &we)
		we.Known[0] = "changed"
		_, err = vc.parse("bogus")
		require.ErrorAs(t, err, &we)
		assert.Equal(t, vc.words[0], we.Known[0])
		v, err := vc.parse(vc.words[0])
		require.NoError(t, err)
		assert.Equal(t, vc.values[0], v)
	})

	t.Run("out of range", func(t *testing.T) {
		v := vc.outOfRange
		assert.False(t, v.IsKnown())
		assert.NotEmpty(t, v.String())
		assert.NotContains(t, vc.words, v.String())
		_, err := v.MarshalText()
		require.Error(t, err)
		assert.ErrorIs(t, err, ErrUnknown)
		var we *WordError
		require.ErrorAs(t, err, &we)
		assert.Equal(t, vc.name, we.Vocabulary)
		assert.Equal(t, vc.words, we.Known)

		_, err = json.Marshal(v)
		assert.Error(t, err)
	})
}

var kindWordList = []string{
	"treaty-signature", "treaty-ratification", "treaty-acceptance", "treaty-approval",
	"treaty-accession", "treaty-succession", "treaty-formal-confirmation",
	"signing-ceremony", "agreement-concluded",
	"phone-call", "visit", "state-visit", "official-visit", "working-visit",
	"bilateral-meeting", "summit", "dinner", "negotiation", "mediation",
	"announcement", "statement",
	"relations-established", "recognition", "relations-severed",
	"embassy-opened", "embassy-closed",
	"unofficial-visit", "private-visit",
	"relations-resumed", "recognition-withdrawn", "envoy-appointed", "credentials-presented",
}

var roleWordList = []string{
	"host", "guest", "caller", "recipient", "participant", "organizer",
	"signatory", "acceding-party", "party", "depositary", "witness",
	"announcer", "speaker", "mediator", "subject", "recognizer", "recognized",
	"sending-state", "receiving-state", "envoy",
}

func TestKindVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[Kind]{
		name: "kind", values: Kinds(), words: kindWordList,
		parse: ParseKind, outOfRange: Kind(200),
	})
	assert.Equal(t, TreatySignature, Kinds()[0])
	assert.Equal(t, CredentialsPresented, Kinds()[len(Kinds())-1])
	assert.False(t, (CredentialsPresented + 1).IsKnown())
	assert.Equal(t, Kind(26), EmbassyClosed, "kinds added later do not renumber the others")
	assert.Equal(t, "kind(200)", Kind(200).String())
}

func TestRoleVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[Role]{
		name: "role", values: Roles(), words: roleWordList,
		parse: ParseRole, outOfRange: Role(200),
	})
	assert.Equal(t, Host, Roles()[0])
	assert.Equal(t, Envoy, Roles()[len(Roles())-1])
	assert.False(t, (Envoy + 1).IsKnown())
}

func TestStatusVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[Status]{
		name:   "status",
		values: []Status{Planned, Announced, Occurred, Cancelled, Postponed},
		words:  []string{"planned", "announced", "occurred", "cancelled", "postponed"},
		parse:  ParseStatus, outOfRange: Status(200),
	})
	assert.False(t, (Postponed + 1).IsKnown())
}

func TestActorTypeVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[ActorType]{
		name:   "actor type",
		values: []ActorType{State, Person, Organization, Body},
		words:  []string{"state", "person", "organization", "body"},
		parse:  ParseActorType, outOfRange: ActorType(200),
	})
	assert.False(t, (Body + 1).IsKnown())
}

func TestLinkTypeVocabulary(t *testing.T) {
	checkVocabulary(t, vocabCase[LinkType]{
		name:   "link type",
		values: []LinkType{Announces, Follows, PartOf, RefersTo},
		words:  []string{"announces", "follows", "part-of", "refers-to"},
		parse:  ParseLinkType, outOfRange: LinkType(200),
	})
	assert.False(t, (RefersTo + 1).IsKnown())
}

func TestLinkTypeInverse(t *testing.T) {
	tests := map[LinkType]string{
		Announces: "announced-by",
		Follows:   "followed-by",
		PartOf:    "includes",
		RefersTo:  "referred-to-by",
	}
	seen := map[string]bool{}
	for lt, want := range tests {
		assert.Equal(t, want, lt.Inverse(), lt.String())
		assert.Regexp(t, kebabCase, lt.Inverse())
		assert.NotEqual(t, lt.String(), lt.Inverse())
		assert.False(t, seen[want])
		seen[want] = true
		_, err := ParseLinkType(lt.Inverse())
		assert.ErrorIs(t, err, ErrUnknown, "inverse words are not link types")
	}
	assert.Equal(t, "", LinkType(0).Inverse())
	assert.Equal(t, LinkType(9).String(), LinkType(9).Inverse())
}

func TestKindAndRoleNames(t *testing.T) {
	names := map[string]Kind{}
	for _, k := range Kinds() {
		n := k.Name()
		assert.NotEmpty(t, n, k.String())
		assert.NotEqual(t, k.String(), n, "Name is a display name, not the word")
		assert.Equal(t, strings.TrimSpace(n), n)
		if other, dup := names[n]; dup {
			t.Errorf("kinds %s and %s share the name %q", other, k, n)
		}
		names[n] = k
	}
	roleNames := map[string]Role{}
	for _, r := range Roles() {
		n := r.Name()
		assert.NotEmpty(t, n, r.String())
		if other, dup := roleNames[n]; dup {
			t.Errorf("roles %s and %s share the name %q", other, r, n)
		}
		roleNames[n] = r
	}

	assert.Equal(t, "Accession", TreatyAccession.Name())
	assert.Equal(t, "Phone call", PhoneCall.Name())
	assert.Equal(t, "Acceding party", AccedingParty.Name())
	assert.Equal(t, "Recognizing party", Recognizer.Name())

	assert.Equal(t, "", Kind(0).Name())
	assert.Equal(t, "kind(200)", Kind(200).Name())
	assert.Equal(t, "", Role(0).Name())
	assert.Equal(t, "role(99)", Role(99).Name())
}

func TestKindCategory(t *testing.T) {
	want := map[Category][]Kind{
		CategoryTreaty: {TreatySignature, TreatyRatification, TreatyAcceptance, TreatyApproval,
			TreatyAccession, TreatySuccession, TreatyFormalConfirmation, SigningCeremony, AgreementConcluded},
		CategoryContact: {PhoneCall, Visit, StateVisit, OfficialVisit, WorkingVisit,
			BilateralMeeting, Summit, Dinner, Negotiation, Mediation, UnofficialVisit, PrivateVisit},
		CategoryCommunication: {Announcement, Statement},
		CategoryRelations: {RelationsEstablished, Recognition, RelationsSevered, EmbassyOpened, EmbassyClosed,
			RelationsResumed, RecognitionWithdrawn, EnvoyAppointed, CredentialsPresented},
	}
	total := 0
	for c, ks := range want {
		for _, k := range ks {
			assert.Equal(t, c, k.Category(), k.String())
		}
		total += len(ks)
	}
	assert.Equal(t, len(Kinds()), total, "every kind is in the table")

	assert.Equal(t, "treaty", CategoryTreaty.String())
	assert.Equal(t, "contact", CategoryContact.String())
	assert.Equal(t, "communication", CategoryCommunication.String())
	assert.Equal(t, "relations", CategoryRelations.String())
	assert.Equal(t, "", Category(0).String())
	assert.Equal(t, "Category(9)", Category(9).String())
	assert.Equal(t, Category(0), Kind(0).Category())
	assert.Equal(t, Category(0), Kind(200).Category())
}

// TestKindCodes pins the CAMEO and PLOVER codes of every kind, following
// the CAMEO code list and the CAMEO2PLOVER mapping.
func TestKindCodes(t *testing.T) {
	tests := []struct {
		kind         Kind
		cameo, host  string
		plover, mode string
	}{
		{TreatySignature, "057", "", "SUPPORT", ""},
		{TreatyRatification, "057", "", "SUPPORT", ""},
		{TreatyAcceptance, "057", "", "SUPPORT", ""},
		{TreatyApproval, "057", "", "SUPPORT", ""},
		{TreatyAccession, "057", "", "SUPPORT", ""},
		{TreatySuccession, "057", "", "SUPPORT", ""},
		{TreatyFormalConfirmation, "057", "", "SUPPORT", ""},
		{SigningCeremony, "057", "", "SUPPORT", ""},
		{AgreementConcluded, "057", "", "SUPPORT", ""},

		{PhoneCall, "041", "", "CONSULT", "phone"},
		{Visit, "042", "043", "CONSULT", "visit"},
		{StateVisit, "042", "043", "CONSULT", "visit"},
		{OfficialVisit, "042", "043", "CONSULT", "visit"},
		{WorkingVisit, "042", "043", "CONSULT", "visit"},
		{BilateralMeeting, "040", "", "CONSULT", ""},
		{Summit, "040", "", "CONSULT", "multilateral"},
		{Negotiation, "046", "", "CONSULT", ""},
		{Mediation, "045", "", "CONSULT", ""},

		{Announcement, "010", "", "", ""},
		{Statement, "010", "", "", ""},

		{RelationsEstablished, "050", "", "SUPPORT", ""},
		{Recognition, "054", "", "SUPPORT", ""},
		{RelationsSevered, "161", "", "SANCTION", "withdraw"},
		{EmbassyOpened, "050", "", "SUPPORT", ""},
		{EmbassyClosed, "161", "", "SANCTION", "withdraw"},

		{UnofficialVisit, "042", "043", "CONSULT", "visit"},
		{PrivateVisit, "042", "043", "CONSULT", "visit"},
		{RelationsResumed, "050", "", "SUPPORT", ""},
		{RecognitionWithdrawn, "161", "", "SANCTION", "withdraw"},
		{EnvoyAppointed, "050", "", "SUPPORT", ""},
		{CredentialsPresented, "050", "", "SUPPORT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			assert.Equal(t, tt.cameo, tt.kind.CAMEO())
			assert.Equal(t, tt.host, tt.kind.HostCAMEO())
			typ, mode := tt.kind.PLOVER()
			assert.Equal(t, tt.plover, typ)
			assert.Equal(t, tt.mode, mode)
		})
	}

	// The zero and unknown kinds have no codes.
	for _, k := range []Kind{0, 200} {
		assert.Empty(t, k.CAMEO())
		assert.Empty(t, k.HostCAMEO())
		typ, mode := k.PLOVER()
		assert.Empty(t, typ)
		assert.Empty(t, mode)
	}
}

// TestKindCodesConsistent checks every kind, including any added later,
// against the general rules of the two ontologies.
func TestKindCodesConsistent(t *testing.T) {
	cameo := regexp.MustCompile(`^[0-2][0-9]{2}$`)
	ploverTypes := []string{
		"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN",
		"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
	}
	modes := map[string][]string{
		"CONSULT":  {"", "visit", "third-party", "multilateral", "phone"},
		"SANCTION": {"", "withdraw", "discontinue", "expel"},
	}
	for _, k := range Kinds() {
		c := k.CAMEO()
		assert.Regexp(t, cameo, c, "%s: three digits with the leading zero", k)
		if h := k.HostCAMEO(); h != "" {
			assert.Regexp(t, cameo, h, k.String())
			assert.NotEqual(t, c, h, k.String())
		}
		typ, mode := k.PLOVER()
		if strings.HasPrefix(c, "01") || strings.HasPrefix(c, "02") {
			assert.Empty(t, typ, "%s: PLOVER drops CAMEO 01 and 02", k)
			assert.Empty(t, mode, k.String())
			continue
		}
		assert.Contains(t, ploverTypes, typ, k.String())
		if mode != "" {
			assert.Contains(t, modes[typ], mode, "%s: mode %q of %s", k, mode, typ)
		}
		switch {
		case strings.HasPrefix(c, "04"):
			assert.Equal(t, "CONSULT", typ, k.String())
		case strings.HasPrefix(c, "05"):
			assert.Equal(t, "SUPPORT", typ, k.String())
		case c == "161":
			assert.Equal(t, "SANCTION", typ, k.String())
			assert.Equal(t, "withdraw", mode, k.String())
		}
		switch c {
		case "041":
			assert.Equal(t, "phone", mode, k.String())
		case "042":
			assert.Equal(t, "visit", mode, k.String())
			assert.Equal(t, "043", k.HostCAMEO(), "%s: a visit is linked to 043 Host a visit", k)
		case "044":
			assert.Equal(t, "third-party", mode, k.String())
		}
	}
}

func TestKindRules(t *testing.T) {
	tests := []struct {
		kind       Kind
		roles      []Role
		parties    int
		instrument bool
	}{
		{TreatySignature, []Role{Signatory}, 1, true},
		{TreatyRatification, []Role{Party}, 1, true},
		{TreatyAccession, []Role{AccedingParty}, 1, true},
		{TreatySuccession, []Role{Party}, 1, true},
		{AgreementConcluded, []Role{Party}, 2, true},
		{PhoneCall, nil, 2, false},
		{Visit, []Role{Guest}, 1, false},
		{StateVisit, []Role{Guest}, 1, false},
		{BilateralMeeting, nil, 2, false},
		{Summit, nil, 2, false},
		{Dinner, []Role{Host}, 1, false},
		{Negotiation, nil, 2, false},
		{Mediation, []Role{Mediator}, 2, false},
		{Announcement, []Role{Announcer}, 1, false},
		{Statement, []Role{Speaker}, 1, false},
		{RelationsEstablished, []Role{Party}, 2, false},
		{Recognition, []Role{Recognizer, Recognized}, 2, false},
		{RelationsSevered, []Role{Party}, 2, false},
		{EmbassyOpened, []Role{SendingState, ReceivingState}, 2, false},
		{EmbassyClosed, []Role{SendingState, ReceivingState}, 2, false},
		{UnofficialVisit, []Role{Guest}, 1, false},
		{PrivateVisit, []Role{Guest}, 1, false},
		{RelationsResumed, []Role{Party}, 2, false},
		{RecognitionWithdrawn, []Role{Recognizer, Recognized}, 2, false},
		{EnvoyAppointed, []Role{Envoy, SendingState, ReceivingState}, 2, false},
		{CredentialsPresented, []Role{Envoy, SendingState, ReceivingState}, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.kind.String(), func(t *testing.T) {
			assert.ElementsMatch(t, tt.roles, tt.kind.RequiredRoles())
			assert.Equal(t, tt.parties, tt.kind.MinParties())
			assert.Equal(t, tt.instrument, tt.kind.NeedsInstrument())
		})
	}

	for _, k := range Kinds() {
		for _, r := range k.RequiredRoles() {
			assert.True(t, r.IsKnown(), "%s requires unknown role %d", k, r)
		}
		assert.Equal(t, k.Category() == CategoryTreaty, k.NeedsInstrument(),
			"%s: exactly the treaty actions name an instrument", k)
		assert.GreaterOrEqual(t, k.MinParties(), 0)
	}

	assert.True(t, SigningCeremony.NeedsInstrument())

	// Unknown kinds have no rules.
	assert.Empty(t, Kind(0).RequiredRoles())
	assert.Zero(t, Kind(200).MinParties())
	assert.False(t, Kind(200).NeedsInstrument())
}

func TestKindRequiredRolesIsACopy(t *testing.T) {
	r := Recognition.RequiredRoles()
	require.Equal(t, []Role{Recognizer, Recognized}, r)
	r[0] = Host
	assert.Equal(t, []Role{Recognizer, Recognized}, Recognition.RequiredRoles())
}

func TestWordErrorMessage(t *testing.T) {
	_, err := ParseStatus("happened")
	require.EqualError(t, err, `unknown status "happened"; known: planned, announced, occurred, cancelled, postponed`)
	assert.True(t, errors.Is(err, ErrUnknown))

	_, err = ParseActorType("country")
	require.EqualError(t, err, `unknown actor type "country"; known: state, person, organization, body`)
}

package event

import "slices"

// A Kind says what sort of diplomatic event an event is. The kinds form a
// closed vocabulary: each knows its display name, the roles it requires,
// and its codes in the CAMEO and PLOVER event ontologies, so that exports
// can carry them. The zero Kind is unset, which [Event.Validate] reports.
//
// The treaty actions follow the UN Treaty Collection's distinctions under
// the Vienna Convention on the Law of Treaties: signature, ratification,
// acceptance, approval, accession, succession and formal confirmation.
type Kind uint8

// The kinds of diplomatic event, grouped by [Category].
const (
	// Treaty actions.
	TreatySignature          Kind = iota + 1 // a state signs a treaty
	TreatyRatification                       // a state ratifies: consent to be bound, by its head of state
	TreatyAcceptance                         // same effect as ratification, without the head of state
	TreatyApproval                           // same effect as ratification, without the head of state
	TreatyAccession                          // a state joins a treaty already negotiated and signed by others
	TreatySuccession                         // a new state takes over the treaty obligations of its predecessor
	TreatyFormalConfirmation                 // ratification by an international organization
	SigningCeremony                          // a ceremony at which an instrument is signed
	AgreementConcluded                       // an agreement is reached between parties

	// Contacts: calls, visits and meetings.
	PhoneCall        // a call between leaders or officials
	Visit            // a visit whose protocol level is not stated
	StateVisit       // a visit by a head of state at the highest protocol level
	OfficialVisit    // an official visit
	WorkingVisit     // a working visit
	BilateralMeeting // a meeting of two sides
	Summit           // a summit or conference of several sides
	Dinner           // a dinner or reception
	Negotiation      // negotiations or talks
	Mediation        // one side mediates between others

	// Communication.
	Announcement // a public announcement of an event or decision
	Statement    // a statement, comment or position

	// Diplomatic relations.
	RelationsEstablished // diplomatic relations are established
	Recognition          // a state or government is recognized
	RelationsSevered     // diplomatic relations are broken off
	EmbassyOpened        // an embassy is opened
	EmbassyClosed        // an embassy is closed

	// Kinds added later follow, so that the numbers of the others stay.

	// Contacts, continued: the protocol levels below an official visit.
	UnofficialVisit // a visit the host receives without official character
	PrivateVisit    // a visit on the visitor's own business, which may include meetings

	// Diplomatic relations, continued.
	RelationsResumed     // relations that were broken off or suspended are resumed
	RecognitionWithdrawn // a state withdraws its recognition of another state or government
	EnvoyAppointed       // a state appoints an ambassador or other chief of mission
	CredentialsPresented // an envoy presents credentials and takes charge of the mission
)

// A Category groups kinds for display and summaries.
type Category uint8

// The categories of [Kind].
const (
	CategoryTreaty        Category = iota + 1 // treaty actions and agreements
	CategoryContact                           // calls, visits, meetings
	CategoryCommunication                     // announcements and statements
	CategoryRelations                         // establishing, recognizing and breaking relations
)

var categoryWords = [...]string{"", "treaty", "contact", "communication", "relations"}

// String returns the word for c: "treaty", "contact", "communication" or
// "relations".
func (c Category) String() string {
	if int(c) < len(categoryWords) {
		return categoryWords[c]
	}
	return "Category(" + itoa(int64(c)) + ")"
}

type kindInfo struct {
	word, name  string
	category    Category
	cameo       string // CAMEO event code, three digits with the leading zero
	cameoHost   string // the linked CAMEO code from the host's side, if any
	plover      string // PLOVER event type; "" where PLOVER does not code it
	ploverMode  string // PLOVER mode, if any
	roles       []Role // each must be filled at least once
	parties     int    // minimum number of distinct actors
	instrument  bool   // the event must name its instrument
	stateRole   Role   // this role must be filled by a state
	destination bool   // a host or a place with a country is required
}

var kinds = [...]kindInfo{
	{},
	{word: "treaty-signature", name: "Treaty signature", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Signatory}, parties: 1, instrument: true},
	{word: "treaty-ratification", name: "Ratification", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 1, instrument: true},
	{word: "treaty-acceptance", name: "Acceptance", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 1, instrument: true},
	{word: "treaty-approval", name: "Approval", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 1, instrument: true},
	{word: "treaty-accession", name: "Accession", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{AccedingParty}, parties: 1, instrument: true, stateRole: AccedingParty},
	{word: "treaty-succession", name: "Succession", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 1, instrument: true, stateRole: Party},
	{word: "treaty-formal-confirmation", name: "Formal confirmation", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 1, instrument: true},
	{word: "signing-ceremony", name: "Signing ceremony", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", instrument: true},
	{word: "agreement-concluded", name: "Agreement concluded", category: CategoryTreaty, cameo: "057", plover: "SUPPORT", roles: []Role{Party}, parties: 2, instrument: true},

	{word: "phone-call", name: "Phone call", category: CategoryContact, cameo: "041", plover: "CONSULT", ploverMode: "phone", parties: 2},
	{word: "visit", name: "Visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},
	{word: "state-visit", name: "State visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},
	{word: "official-visit", name: "Official visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},
	{word: "working-visit", name: "Working visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},
	{word: "bilateral-meeting", name: "Bilateral meeting", category: CategoryContact, cameo: "040", plover: "CONSULT", parties: 2},
	{word: "summit", name: "Summit or conference", category: CategoryContact, cameo: "040", plover: "CONSULT", ploverMode: "multilateral", parties: 2},
	{word: "dinner", name: "Dinner or reception", category: CategoryContact, cameo: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Host}, parties: 1},
	{word: "negotiation", name: "Negotiation or talks", category: CategoryContact, cameo: "046", plover: "CONSULT", parties: 2},
	{word: "mediation", name: "Mediation", category: CategoryContact, cameo: "045", plover: "CONSULT", roles: []Role{Mediator}, parties: 2},

	{word: "announcement", name: "Announcement", category: CategoryCommunication, cameo: "010", roles: []Role{Announcer}, parties: 1},
	{word: "statement", name: "Statement", category: CategoryCommunication, cameo: "010", roles: []Role{Speaker}, parties: 1},

	{word: "relations-established", name: "Diplomatic relations established", category: CategoryRelations, cameo: "050", plover: "SUPPORT", roles: []Role{Party}, parties: 2},
	{word: "recognition", name: "Recognition", category: CategoryRelations, cameo: "054", plover: "SUPPORT", roles: []Role{Recognizer, Recognized}, parties: 2},
	{word: "relations-severed", name: "Diplomatic relations severed", category: CategoryRelations, cameo: "161", plover: "SANCTION", ploverMode: "withdraw", roles: []Role{Party}, parties: 2},
	{word: "embassy-opened", name: "Embassy opened", category: CategoryRelations, cameo: "050", plover: "SUPPORT", roles: []Role{SendingState, ReceivingState}, parties: 2},
	{word: "embassy-closed", name: "Embassy closed", category: CategoryRelations, cameo: "161", plover: "SANCTION", ploverMode: "withdraw", roles: []Role{SendingState, ReceivingState}, parties: 2},

	{word: "unofficial-visit", name: "Unofficial visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},
	{word: "private-visit", name: "Private visit", category: CategoryContact, cameo: "042", cameoHost: "043", plover: "CONSULT", ploverMode: "visit", roles: []Role{Guest}, parties: 1, destination: true},

	// PLOVER's SUPPORT covers resuming diplomatic cooperation; withdrawing
	// recognition reduces relations (CAMEO 161, SANCTION/withdraw). CAMEO
	// has no codes of its own for envoys: their appointment and
	// accreditation are diplomatic cooperation not specified further
	// (050), SUPPORT in PLOVER, whose diplomatic context names ambassadors.
	{word: "relations-resumed", name: "Diplomatic relations resumed", category: CategoryRelations, cameo: "050", plover: "SUPPORT", roles: []Role{Party}, parties: 2},
	{word: "recognition-withdrawn", name: "Recognition withdrawn", category: CategoryRelations, cameo: "161", plover: "SANCTION", ploverMode: "withdraw", roles: []Role{Recognizer, Recognized}, parties: 2},
	{word: "envoy-appointed", name: "Envoy appointed", category: CategoryRelations, cameo: "050", plover: "SUPPORT", roles: []Role{Envoy, SendingState, ReceivingState}, parties: 2},
	{word: "credentials-presented", name: "Credentials presented", category: CategoryRelations, cameo: "050", plover: "SUPPORT", roles: []Role{Envoy, SendingState, ReceivingState}, parties: 2},
}

var kindWords = func() vocabulary {
	v := vocabulary{name: "kind", words: make([]string, len(kinds))}
	for i, k := range kinds {
		v.words[i] = k.word
	}
	return v
}()

func (k Kind) info() *kindInfo {
	if k.IsKnown() {
		return &kinds[k]
	}
	return &kinds[0]
}

// ParseKind returns the kind named by its word ("phone-call"). An unknown
// word is a [*WordError] listing the known ones.
func ParseKind(s string) (Kind, error) {
	i, err := kindWords.parse(s)
	return Kind(i), err
}

// Kinds returns every declared kind in declaration order.
func Kinds() []Kind {
	out := make([]Kind, 0, len(kinds)-1)
	for i := 1; i < len(kinds); i++ {
		out = append(out, Kind(i))
	}
	return out
}

// IsKnown reports whether k is one of the declared kinds.
func (k Kind) IsKnown() bool { return k > 0 && int(k) < len(kinds) }

// String returns the stable kebab-case word for k ("treaty-accession").
func (k Kind) String() string { return kindWords.word(int(k)) }

// Name returns the English display name of k ("Accession").
func (k Kind) Name() string {
	if !k.IsKnown() {
		return k.String()
	}
	return kinds[k].name
}

// Category returns the group k belongs to.
func (k Kind) Category() Category { return k.info().category }

// RequiredRoles returns the roles that an event of kind k must fill at least
// once each.
func (k Kind) RequiredRoles() []Role { return slices.Clone(k.info().roles) }

// MinParties returns the least number of distinct actors an event of kind k
// must have: two for a phone call, for example.
func (k Kind) MinParties() int { return k.info().parties }

// NeedsInstrument reports whether an event of kind k must name the
// instrument it concerns, as treaty actions and signing ceremonies must.
func (k Kind) NeedsInstrument() bool { return k.info().instrument }

// CAMEO returns the three-digit CAMEO event code of k with its leading zero
// ("041" for a phone call), as GDELT writes it. For visits it is the
// visitor's code, 042 "Make a visit"; see [Kind.HostCAMEO].
func (k Kind) CAMEO() string { return k.info().cameo }

// HostCAMEO returns the CAMEO code of the linked event seen from the host's
// side ("043" "Host a visit" for visits), or "" when the kind has none.
func (k Kind) HostCAMEO() string { return k.info().cameoHost }

// PLOVER returns the PLOVER event type and mode of k ("CONSULT", "phone").
// Both are empty for announcements and statements, which PLOVER does not
// code (it drops CAMEO's 01 root), and the mode is empty where PLOVER
// defines none.
func (k Kind) PLOVER() (eventType, mode string) {
	i := k.info()
	return i.plover, i.ploverMode
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return kindWords.marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown word is a
// [*WordError].
func (k *Kind) UnmarshalText(text []byte) error {
	v, err := ParseKind(string(text))
	*k = v
	return err
}

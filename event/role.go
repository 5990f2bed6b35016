package event

// A Role is the part an actor plays in an event. The zero Role is unset.
type Role uint8

// The roles an actor can play.
const (
	Host           Role = iota + 1 // receives a visit or gives a meeting, dinner or ceremony
	Guest                          // makes a visit or attends as invitee
	Caller                         // places a phone call
	Recipient                      // receives a phone call or a message
	Participant                    // takes part on an equal footing (talks, summits, calls)
	Organizer                      // convenes a summit or conference
	Signatory                      // signs an instrument
	AccedingParty                  // accedes to an instrument
	Party                          // ratifies, accepts, approves or succeeds to an instrument; a side of relations or an agreement
	Depositary                     // keeps the instrument and receives ratifications and accessions
	Witness                        // witnesses a signature or ceremony
	Announcer                      // makes an announcement
	Speaker                        // makes a statement
	Mediator                       // mediates between other parties
	Subject                        // what an announcement or statement is about
	Recognizer                     // grants recognition
	Recognized                     // is recognized
	SendingState                   // opens or closes its embassy; appoints or accredits an envoy
	ReceivingState                 // hosts the embassy; receives the envoy (a state or an organization)
	Envoy                          // the ambassador or other chief of mission appointed or accredited
)

var roles = vocabulary{"role", []string{"",
	"host", "guest", "caller", "recipient", "participant", "organizer",
	"signatory", "acceding-party", "party", "depositary", "witness",
	"announcer", "speaker", "mediator", "subject", "recognizer", "recognized",
	"sending-state", "receiving-state", "envoy",
}}

var roleNames = [...]string{"",
	"Host", "Guest", "Caller", "Recipient", "Participant", "Organizer",
	"Signatory", "Acceding party", "Party", "Depositary", "Witness",
	"Announcer", "Speaker", "Mediator", "Subject", "Recognizing party", "Recognized party",
	"Sending state", "Receiving state", "Envoy",
}

// ParseRole returns the role named by its word ("acceding-party"). An
// unknown word is a [*WordError] listing the known ones.
func ParseRole(s string) (Role, error) {
	i, err := roles.parse(s)
	return Role(i), err
}

// String returns the kebab-case word for r ("acceding-party").
func (r Role) String() string { return roles.word(int(r)) }

// Name returns the English display name of r ("Acceding party").
func (r Role) Name() string {
	if r.IsKnown() {
		return roleNames[r]
	}
	return r.String()
}

// IsKnown reports whether r is one of the declared roles.
func (r Role) IsKnown() bool { return roles.known(int(r)) }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return roles.marshal(int(r)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Role) UnmarshalText(text []byte) error {
	v, err := ParseRole(string(text))
	*r = v
	return err
}

// Roles returns every declared role in declaration order.
func Roles() []Role {
	out := make([]Role, 0, len(roles.words)-1)
	for i := 1; i < len(roles.words); i++ {
		out = append(out, Role(i))
	}
	return out
}

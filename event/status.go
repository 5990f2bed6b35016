package event

// A Status says where an event stands: whether it has taken place.
// The zero Status is unset, which [Event.Validate] reports.
type Status uint8

// The statuses of an event.
const (
	Planned   Status = iota + 1 // intended, but not yet announced to take place
	Announced                   // publicly announced to take place
	Occurred                    // has taken place
	Cancelled                   // will not take place
	Postponed                   // moved to a later, possibly unknown, date
)

var statuses = vocabulary{"status", []string{"", "planned", "announced", "occurred", "cancelled", "postponed"}}

// Statuses returns every declared status in declaration order.
func Statuses() []Status {
	return []Status{Planned, Announced, Occurred, Cancelled, Postponed}
}

// ParseStatus returns the status named by its word ("occurred"). An unknown
// word is a [*WordError] listing the known ones.
func ParseStatus(s string) (Status, error) {
	i, err := statuses.parse(s)
	return Status(i), err
}

// String returns the word for s: "planned", "announced", "occurred",
// "cancelled" or "postponed".
func (s Status) String() string { return statuses.word(int(s)) }

// IsKnown reports whether s is one of the declared statuses.
func (s Status) IsKnown() bool { return statuses.known(int(s)) }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) { return statuses.marshal(int(s)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(text []byte) error {
	v, err := ParseStatus(string(text))
	*s = v
	return err
}

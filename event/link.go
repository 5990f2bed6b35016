package event

import "github.com/google/uuid"

// A Link relates an event to another: this event Type the Target.
type Link struct {
	Type   LinkType  `json:"type"`
	Target uuid.UUID `json:"target"`
}

// A LinkType says how two events relate. The zero LinkType is unset.
type LinkType uint8

// The ways an event can relate to another.
const (
	Announces LinkType = iota + 1 // this event announces the target
	Follows                       // this event follows from the target
	PartOf                        // this event is part of the target (a dinner of a summit)
	RefersTo                      // this event refers to the target
)

var linkTypes = vocabulary{"link type", []string{"", "announces", "follows", "part-of", "refers-to"}}

var linkInverses = [...]string{"", "announced-by", "followed-by", "includes", "referred-to-by"}

// LinkTypes returns every declared link type in declaration order.
func LinkTypes() []LinkType { return []LinkType{Announces, Follows, PartOf, RefersTo} }

// ParseLinkType returns the link type named by its word ("part-of").
func ParseLinkType(s string) (LinkType, error) {
	i, err := linkTypes.parse(s)
	return LinkType(i), err
}

// String returns the word for t: "announces", "follows", "part-of" or
// "refers-to".
func (t LinkType) String() string { return linkTypes.word(int(t)) }

// Inverse returns the word for the link seen from its target:
// "announced-by", "followed-by", "includes" or "referred-to-by".
func (t LinkType) Inverse() string {
	if t.IsKnown() {
		return linkInverses[t]
	}
	return t.String()
}

// IsKnown reports whether t is one of the declared link types.
func (t LinkType) IsKnown() bool { return linkTypes.known(int(t)) }

// MarshalText implements [encoding.TextMarshaler].
func (t LinkType) MarshalText() ([]byte, error) { return linkTypes.marshal(int(t)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *LinkType) UnmarshalText(text []byte) error {
	v, err := ParseLinkType(string(text))
	*t = v
	return err
}

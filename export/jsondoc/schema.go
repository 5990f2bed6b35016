package jsondoc

import (
	"bytes"
	_ "embed"
)

// The $id URIs of the JSON Schemas. The record schema refers to the
// definitions of actors and events in the document schema by
// DocumentSchemaID, so a validator needs both schemas loaded under these
// URIs. The trailing number is the format [Version].
const (
	DocumentSchemaID = "https://accordline.github.io/schema/timeline-1.schema.json"
	RecordSchemaID   = "https://accordline.github.io/schema/lines-1.schema.json"
)

var (
	//go:embed schema/document.schema.json
	documentSchema []byte

	//go:embed schema/record.schema.json
	recordSchema []byte
)

// DocumentSchema returns the JSON Schema (draft 2020-12) of a timeline
// document, with $id [DocumentSchemaID]. Its $defs define the actor and
// event objects, their parts, the closed vocabularies of kinds, statuses,
// roles, actor types and link types, and the syntax of EDTF dates, IDs,
// language tags and country codes; its properties carry descriptions that
// document the format.
//
// The schema checks the form of a document. Reading checks more: that
// events refer to actors of the document, that IDs are unique, the rules
// of each kind (required roles, parties, instrument), that language tags
// are registered and that dates exist.
//
// Each call returns a new copy.
func DocumentSchema() []byte { return bytes.Clone(documentSchema) }

// RecordSchema returns the JSON Schema (draft 2020-12) of one record, one
// line, of a JSON Lines stream, with $id [RecordSchemaID]: the header
// {"format": "accordline/lines", "version": 1, "title": …}, an
// {"actor": {…}} or an {"event": {…}}. It refers to the actor and event
// definitions of [DocumentSchema] by [DocumentSchemaID], so validators must
// be given both.
//
// Each call returns a new copy.
func RecordSchema() []byte { return bytes.Clone(recordSchema) }

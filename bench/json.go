package bench

import (
	"encoding/json"

	"github.com/frictionhq/friction/transcript"
)

func marshalLine(t *transcript.Transcript) ([]byte, error) { return json.Marshal(t) }

package nlp_test

import (
	"fmt"

	"github.com/frictionhq/friction/nlp"
	"github.com/frictionhq/friction/transcript"
)

func Example() {
	a, err := nlp.Default()
	if err != nil {
		panic(err)
	}
	t := &transcript.Transcript{
		ID:      "ch-1",
		Channel: transcript.Chat,
		Agents:  []transcript.Party{{ID: "a-17", Name: "Priya"}},
		Turns: []transcript.Turn{
			{Speaker: transcript.Customer, Text: "my charging case won't charge anymore"},
			{Speaker: transcript.Agent, Name: "Priya", Text: "I'll send you a new one today."},
		},
		Survey: &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, ScaleMax: 5, Comment: "Priya was a star"},
	}
	an := a.Analyze(t)
	for _, d := range an.Defects() {
		fmt.Printf("%s: %s (%s)\n", d.Component, d.Symptom, d.Signature)
		fmt.Printf("  %q [%s]\n", d.Evidence[0].Text, d.Evidence[0].Rule)
	}
	fmt.Println(an.Explanation)
	// Output:
	// charging case: does not charge (charging case|does not charge)
	//   "my charging case won't charge anymore" [defect.neg-function]
	// CSAT 5/5 credited to the agent ('Priya was a star'); underlying defect: charging case does not charge
}

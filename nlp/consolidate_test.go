package nlp

import (
	"strings"
	"testing"

	"github.com/frictionhq/friction/transcript"
)

// signatures returns the signatures of the product defects found in a
// transcript where the customer says each text in turn.
func signatures(t *testing.T, a *Analyzer, texts ...string) []string {
	t.Helper()
	var out []string
	for _, f := range a.Analyze(customer(transcript.Chat, texts...)).Defects() {
		out = append(out, f.Signature)
	}
	return out
}

func TestSymptomClasses(t *testing.T) {
	a := analyzer(t)
	tests := []struct{ in, want string }{
		// Paraphrases of one failure.
		{"the lid leaks", "lid|leaks"},
		{"water dribbles out of the lid", "lid|leaks"},
		{"the lid is spitting water out", "lid|leaks"},
		{"the app bombs out", "app|crashes"},
		{"the app keeps crashing", "app|crashes"},
		{"the screen went dark", "screen|goes blank"},
		{"the screen goes blank", "screen|goes blank"},
		{"nothing shows on the screen anymore", "screen|goes blank"},
		{"the base smells of burning", "base|overheats"},
		{"the base started smoking", "base|overheats"},
		{"the sole is coming away", "sole|comes loose"},
		{"the sole is peeling off", "sole|comes loose"},
		// Near misses stay apart.
		{"the lid is cracked", "lid|is cracked"},
		{"I tap the screen and nothing happens", "screen|does not respond"},
		{"the case won't charge", "case|does not charge"},
		{"the battery drains overnight", "battery|drains quickly"},
		// A generic stop says that the part failed, not how.
		{"the case won't turn on", "case|does not work"},
		{"the screen shuts off", "screen|does not work"},
	}
	for _, tt := range tests {
		if got := signatures(t, a, tt.in); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: got %q, want [%q]", tt.in, got, tt.want)
		}
	}
}

func TestComponentIsAPart(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		texts []string
		want  string
	}{
		// The product itself is no component: named after a brand, bought, "about my X".
		{[]string{"My Pulse earbuds won't charge."}, "|does not charge"},
		{[]string{"I bought the kettle in May.", "The kettle leaks."}, "|leaks"},
		{[]string{"hi it's about my kettle", "the kettle leaks everywhere"}, "|leaks"},
		{[]string{"I got my earbuds last week.", "The earbuds won't charge."}, "|does not charge"},
		// A part of it is, with the modifier that tells it apart.
		{[]string{"I got my earbuds last week.", "The left earbud keeps cutting out."}, "left earbud|disconnects"},
		{[]string{"I bought the kettle in May.", "The lid is cracked."}, "lid|is cracked"},
		// A brand name inside a part's name is dropped.
		{[]string{"My Aster kettle arrived last week.", "The lid is cracked."}, "lid|is cracked"},
		{[]string{"My Aster kettle leaks."}, "|leaks"},
		// Position words alone name no part.
		{[]string{"the front goes blank"}, "|goes blank"},
		{[]string{"the bottom is coming away"}, "|comes loose"},
		// Words that are no part at all are dropped.
		{[]string{"it crashed twice on Thursday"}, "|crashes"},
	}
	for _, tt := range tests {
		if got := signatures(t, a, tt.texts...); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: got %q, want [%q]", tt.texts, got, tt.want)
		}
	}
}

func TestOneRootCausePerTranscript(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		texts []string
		want  []string
	}{
		// The product failing and its part failing are one cause; the part wins.
		{[]string{"My Pulse earbuds won't charge.", "The case is completely dead."}, []string{"case|does not charge"}},
		// A vague report yields to the specific one.
		{[]string{"The kettle isn't working properly.", "Water leaks out round the lid."}, []string{"lid|leaks"}},
		// A misheard part is the same part.
		{[]string{"the cace won't charge", "the case is dead"}, []string{"cace|does not charge"}},
		// Parts blamed in turn for one fault are one report: the first
		// specific symptom said wins.
		{[]string{"The ice maker leaks.", "There's water under the freezer drawer."}, []string{"ice maker|leaks"}},
		// Two failures told in one contact are still one friction point:
		// a contact is nearly always about one fault, and the second
		// report is most often an effect or a retelling of the first.
		{[]string{"The lid is cracked.", "Also the base smells of burning."}, []string{"lid|is cracked"}},
	}
	for _, tt := range tests {
		if got := signatures(t, a, tt.texts...); strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%q: got %q, want %q", tt.texts, got, tt.want)
		}
	}
}

func TestAgentConfirmationNamesTheFault(t *testing.T) {
	a := analyzer(t)
	tr := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "My robot vacuum isn't working properly."},
		{Speaker: transcript.Agent, Text: "Thanks. The main brush is seizing, we've seen that on some units."},
	}}
	ds := a.Analyze(tr).Defects()
	if len(ds) != 1 || ds[0].Signature != "main brush|is stuck" {
		t.Errorf("got %+v, want one defect main brush|is stuck", ds)
	}
}

// TestSignatureClassByPart: one phrase names different failures on different
// parts, and different phrases one failure.
func TestSignatureClassByPart(t *testing.T) {
	a := analyzer(t)
	tests := []struct{ in, want string }{
		// A sync failure, whatever side is named and however it is said.
		{"my watch won't sync", "|does not sync"},
		{"the sync failed again", "|does not sync"},
		{"it is stuck on syncing", "|does not sync"},
		// "cuts out": a moving part stops, a connection drops.
		{"the grinder cuts out", "grinder|is stuck"},
		{"the motor cuts out halfway", "motor|is stuck"},
		{"the grinder stalls", "grinder|is stuck"},
		{"the grinder won't grind", "grinder|is stuck"},
		{"the grinder jams", "grinder|is stuck"},
		{"the left earbud cuts out", "left earbud|disconnects"},
		{"the wifi keeps cutting out", "|disconnects"},
		{"the signal keeps dropping", "|disconnects"},
		{"the bluetooth doesn't work", "|disconnects"},
		// A brake that fails to stop is not a brake that squeals.
		{"the brakes won't stop the scooter", "brake|does not stop"},
		{"the brake doesn't slow down", "brake|does not stop"},
		{"the brakes squeal", "brake|makes noise"},
		{"my brakes don't work", "brake|does not work"},
		// Charge that goes has drained; a battery that falls out has not.
		{"the battery just disappears", "battery|drains quickly"},
		{"the charge vanishes", "battery|drains quickly"},
		{"battery life has fallen off a cliff", "battery|drains quickly"},
		{"the battery keeps falling out", "battery|comes loose"},
		// Past forms the tagger takes for nouns; failures named as nouns.
		{"the app froze", "app|freezes"},
		{"playback froze again", "playback|freezes"},
		{"the flicker on my screen is giving me headaches", "screen|flickers"},
		{"stick drift on a controller i bought last month", "controller|drifts"},
		// Screens: blank, unresponsive and flickering stay apart.
		{"the screen goes blank", "screen|goes blank"},
		{"I tap the screen and nothing happens", "screen|does not respond"},
		{"the screen flickers", "screen|flickers"},
	}
	for _, tt := range tests {
		if got := signatures(t, a, tt.in); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: got %q, want [%q]", tt.in, got, tt.want)
		}
	}
}

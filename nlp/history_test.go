package nlp

import (
	"slices"
	"strings"
	"testing"

	"github.com/frictionhq/friction/transcript"
)

// A reply whose own words state no fault but point at the history it quotes
// reports the fault of that history; a reply that does not point at it, or
// that states its own fault, does not borrow it.
func TestQuotedHistory(t *testing.T) {
	a := analyzer(t)
	quote := "\n\nIvan\n\nOn Mon, Aug 10, 2026 at 9:41 AM Support <help@example.com> wrote:\n> Hello Ivan,\n> Sorry your lock keeps crashing and showing E07 after a week.\n> Kind regards, Bianca"
	for _, tc := range []struct {
		own  string
		want bool
	}{
		{"Still happening, see below. The new one does exactly the same thing.", true},
		{"Thanks, that's all sorted now.", false},
		{"Can I add gift wrapping to my order?", false},
	} {
		tr := customer(transcript.Email, tc.own+quote)
		an := a.Analyze(tr)
		if got := an.HasDefect(); got != tc.want {
			t.Errorf("%q: defect %v, want %v (%+v)", tc.own, got, tc.want, an.FrictionPoints)
		}
		checkEvidence(t, tr, an)
	}
	// Forwarded from a member of the household.
	tr := customer(transcript.Email, "Hi, forwarding this from my husband.\n\nFiona\n\n---------- Forwarded message ---------\nFrom: Conor\nDate: Sat, 15 Aug 2026 at 22:10\nSubject: noise\n\nthe scooter keeps making a horrible squeaking noise every time I brake.\n\nC")
	an := a.Analyze(tr)
	if !an.HasDefect() {
		t.Errorf("forwarded report: no defect")
	}
	checkEvidence(t, tr, an)
	// Forwarded as an "Original Message" under the forwarder's signature.
	tr = customer(transcript.Email, "Hello,\n\nPlease see the note below from one of our leaders.\n\nRegards,\nKen\n\n-------- Original Message --------\nSubject: stoves\nFrom: Priya\n\nKen, the new stoves light fine, then the flame drops to nothing and they go out.\n\nPriya")
	if an := a.Analyze(tr); !an.HasDefect() {
		t.Errorf("original message forwarded: no defect")
	}
}

func TestNormalizeQuoted(t *testing.T) {
	body := "See below.\n\nOn Mon, 1 Jan 2026 at 10:00, Support <s@example.com> wrote:\n> the case keeps dying\n> Best wishes,\n> Olu\n> Example Ltd, 12 Canal Street"
	var got []string
	for _, tk := range NormalizeQuoted(body, transcript.Email) {
		got = append(got, tk.Text)
	}
	want := "see below . the case keeps dying"
	if g := joinTexts(got); g != want {
		t.Errorf("NormalizeQuoted = %q, want %q", g, want)
	}
	if g := len(Normalize(body, transcript.Email)); g != 3 {
		t.Errorf("Normalize kept %d tokens of the quote", g)
	}
}

func joinTexts(ts []string) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += " "
		}
		s += t
	}
	return s
}

// "why" takes a recurring failure as given: a report, not a question.
func TestWhyRecurring(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"I wanted to know why it keeps losing connection", true},
		{"I want to know why the light is blinking green", false},
	} {
		if got := a.Analyze(customer(transcript.Chat, tc.text)).HasDefect(); got != tc.want {
			t.Errorf("%q: defect %v, want %v", tc.text, got, tc.want)
		}
	}
}

// Of two survey statements from the same word, the longer one decides the
// driver; with no fault stated, brakes that fail are a safety hazard.
func TestDriverLongestAndBrakes(t *testing.T) {
	a := analyzer(t)
	tr := customer(transcript.Chat, "hi")
	tr.Survey = &transcript.SurveyResponse{Type: transcript.CES, Score: 6, ScaleMax: 7, Comment: "pretty easy fix over the phone"}
	if d := a.Analyze(tr).SurveyAttribution.Driver; d != DriverResolution {
		t.Errorf("driver %s, want resolution", d)
	}
	an := a.Analyze(customer(transcript.Email, "It glides straight through red lights, because the rear brake does precisely nothing."))
	if !an.HasSafety() {
		t.Errorf("brake failure: no safety (%+v)", an.FrictionPoints)
	}
}

// In a poor score the wait for a remedy is what is scored; in a good one,
// a quick remedy is.
func TestDriverDelay(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		score   float64
		comment string
		want    Driver
	}{
		{2, "The replacement took three weeks to arrive.", DriverProcess},
		{2, "still no refund 10 days after they got it back", DriverProcess},
		{1, "45 minute hold is not acceptable", DriverProcess},
		{2, "Why is a fire hazard being sold to people", DriverProduct},
		{5, "easy fix, took 2 mins", DriverResolution},
	} {
		tr := customer(transcript.Chat, "hi")
		tr.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: tc.score, ScaleMax: 5, Comment: tc.comment}
		if d := a.Analyze(tr).SurveyAttribution.Driver; d != tc.want {
			t.Errorf("%q (%v/5): driver %s, want %s", tc.comment, tc.score, d, tc.want)
		}
	}
}

// Who a comment credits when it names the agent: a remedy by name in a good
// score is the agent's; kind words before a "but" and a defect after it, in a
// poor score, are not.
func TestDriverNamedAgent(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		score   float64
		comment string
		want    Driver
	}{
		{5, "My label printer printed a white stripe. Lucia sent a new one the same day and it prints clean now.", DriverAgent},
		{3, "Kofi was nice but the fan is still loud", DriverResolution},
		{3, "Esme was helpful but two dryers sparking in a busy salon is not OK", DriverProduct},
		{5, "The lady on the phone was lovely and booked an engineer. Just hope he can fix it.", DriverAgent},
		{2, "Dangerous. A plate came off mid rep.", DriverProduct},
		{2, "still not cleaning after the 3rd reset. I'm scooping it myself", DriverResolution},
		{1, "Rigid, unhelpful returns policy.", DriverProcess},
		{5, "Mo on the phone was amazing. The box had melted but he had a new one out to us in 2 days.", DriverAgent},
		{3, "Kofi was nice but the whistling's still there", DriverResolution},
		{3, "Controller packed up after a week, screen just went blank. Replacement came quick to be fair.", DriverProduct},
		{4, "Thanks, part on its way", DriverResolution},
	} {
		tr := customer(transcript.Chat, "hi")
		tr.Agents = []transcript.Party{{ID: "a1", Name: "Lucia"}, {ID: "a2", Name: "Kofi"}, {ID: "a3", Name: "Esme"}, {ID: "a4", Name: "Mo"}}
		tr.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: tc.score, ScaleMax: 5, Comment: tc.comment}
		if d := a.Analyze(tr).SurveyAttribution.Driver; d != tc.want {
			t.Errorf("%q (%v/5): driver %s, want %s", tc.comment, tc.score, d, tc.want)
		}
	}
}

// A poor score whose comment names no reason, on a contact about a defect,
// is about the product; on a contact with no defect it stays unexplained.
func TestDriverDefaultsToTheDefect(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		turn, comment string
		want          Driver
	}{
		{"the chuck slips every time I drill into brick", "Drill's a toy.", DriverProduct},
		{"the chuck slips every time I drill into brick", "", DriverNone},
		{"how do I change the chuck on this drill?", "Drill's a toy.", DriverNone},
	} {
		tr := customer(transcript.Chat, tc.turn)
		tr.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: 2, ScaleMax: 5, Comment: tc.comment}
		sa := a.Analyze(tr).SurveyAttribution
		if sa.Driver != tc.want {
			t.Errorf("%q then %q: driver %s, want %s", tc.turn, tc.comment, sa.Driver, tc.want)
		}
		if sa.Driver == DriverProduct && (len(sa.Evidence) == 0 || !strings.Contains(sa.Evidence[0].Text, "chuck slips")) {
			t.Errorf("%q: evidence %+v, want the defect quoted", tc.comment, sa.Evidence)
		}
	}
}

// "Can't believe it came off" asserts that it did.
func TestDisbeliefIsNoDenial(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Still can't quite believe one of the springs came off mid-bounce.", true},
		{"I couldn't believe the handle snapped.", true},
		{"The handle hasn't snapped, it's fine.", false},
	} {
		if got := a.Analyze(customer(transcript.Chat, tc.text)).HasDefect(); got != tc.want {
			t.Errorf("%q: defect %v, want %v", tc.text, got, tc.want)
		}
	}
}

// A smoke alarm is a product, not smoke: its chirping is a fault, but no
// hazard.
func TestSmokeAlarmIsNoSmoke(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		text           string
		defect, safety bool
	}{
		{"my Vigil smoke alarm keeps chirping every night even with a new battery", true, false},
		{"the smoke detector in the hall keeps beeping for no reason", true, false},
		{"there was smoke coming out of the vents on sunday", true, true},
	} {
		an := a.Analyze(customer(transcript.Chat, tc.text))
		if an.HasDefect() != tc.defect || an.HasSafety() != tc.safety {
			t.Errorf("%q: defect %v safety %v, want %v %v", tc.text, an.HasDefect(), an.HasSafety(), tc.defect, tc.safety)
		}
	}
}

// A fault told two ways in one transcript keeps the other way as also said,
// for clustering.
func TestAlsoSaid(t *testing.T) {
	a := analyzer(t)
	tr := customer(transcript.Chat, "my shop vac keeps dying on me. I replaced the filter and it still cut out after about 6 mins.")
	fps := a.Analyze(tr).Defects()
	if len(fps) != 1 {
		t.Fatalf("defects %+v, want one", fps)
	}
	if fp := fps[0]; !slices.Contains(fp.AlsoSaid, "disconnects") && !slices.Contains(fp.AlsoSaid, "drains quickly") {
		t.Errorf("symptom %q, also said %q: want the other way it was told", fp.Symptom, fp.AlsoSaid)
	}
}

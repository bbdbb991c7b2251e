package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/frictionhq/friction/transcript"
)

func analyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// customer builds a transcript where the customer says each text in turn, with
// the agent answering in between.
func customer(ch transcript.Channel, texts ...string) *transcript.Transcript {
	t := &transcript.Transcript{ID: "t", Channel: ch, Agents: []transcript.Party{{ID: "a-1", Name: "Priya"}}}
	for i, s := range texts {
		if i > 0 {
			t.Turns = append(t.Turns, transcript.Turn{Speaker: transcript.Agent, Name: "Priya", Text: "I see."})
		}
		t.Turns = append(t.Turns, transcript.Turn{Speaker: transcript.Customer, Text: s})
	}
	return t
}

// checkEvidence fails when an evidence span is not exactly the turn text it names.
func checkEvidence(t *testing.T, tr *transcript.Transcript, a *Analysis) {
	t.Helper()
	var all []Evidence
	for _, f := range a.FrictionPoints {
		all = append(all, f.Evidence...)
	}
	for _, p := range a.Praise {
		all = append(all, p.Evidence...)
	}
	if a.SurveyAttribution != nil {
		all = append(all, a.SurveyAttribution.Evidence...)
	}
	if a.Resolution != nil {
		all = append(all, a.Resolution.Evidence...)
	}
	all = append(all, a.Signals.ChurnEvidence...)
	all = append(all, a.Signals.EffortEvidence...)
	for _, e := range all {
		var text string
		if e.Turn == SurveyTurn {
			text = tr.Survey.Comment
		} else {
			text = tr.Turns[e.Turn].Text
		}
		rs := []rune(text)
		if e.Start < 0 || e.End > len(rs) || e.Start > e.End {
			t.Fatalf("evidence %+v out of range of %q", e, text)
		}
		if got := string(rs[e.Start:e.End]); got != e.Text {
			t.Errorf("evidence text %q, but the turn has %q at [%d,%d)", e.Text, got, e.Start, e.End)
		}
		if e.Rule == "" {
			t.Errorf("evidence %+v has no rule", e)
		}
	}
}

func TestDefectPhenomena(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		name string
		ch   transcript.Channel
		text string
		want bool
	}{
		// plain reports and paraphrases
		{"wont-verb", transcript.Chat, "The charging case won't charge anymore.", true},
		{"stopped", transcript.Chat, "my headphones stopped working after a week", true},
		{"keeps", transcript.Chat, "the app keeps crashing when I open playlists", true},
		{"state", transcript.Chat, "The lid is cracked.", true},
		{"failure-noun", transcript.Chat, "There's a crack in the lid.", true},
		{"error-code", transcript.Chat, "The display shows error E4 every time.", true},
		{"battery-paraphrase", transcript.Chat, "they die after like ten minutes", true},
		{"new-product-line", transcript.Chat, "The zipper on my new tent keeps splitting open.", true},
		// negation
		{"negation-itself", transcript.Chat, "There's no problem with the kettle itself.", false},
		{"negation-nothing-wrong", transcript.Chat, "There's nothing wrong with the earbuds, they're great.", false},
		{"negation-never", transcript.Chat, "I've never had an issue with them.", false},
		{"negation-isnt", transcript.Chat, "The lid isn't cracked, it's fine.", false},
		// questions and hypotheticals
		{"question", transcript.Chat, "Is the lid cracked?", false},
		{"howto", transcript.Chat, "How do I stop it syncing my photos?", false},
		{"in-case", transcript.Chat, "Can I buy insurance in case it breaks?", false},
		{"if-ever", transcript.Chat, "If the battery ever dies, can I get it swapped?", false},
		{"say", transcript.Chat, "Say one of them stopped connecting, would you replace it?", false},
		{"rhetorical-why", transcript.Chat, "Why does the case not charge? It's been plugged in all night.", true},
		// tense
		{"fixed-past", transcript.Chat, "It was broken but the update fixed it.", false},
		{"used-to", transcript.Chat, "The left one used to cut out but since the update it's been fine.", false},
		{"still-broken", transcript.Chat, "The update was supposed to fix it but it still won't charge.", true},
		// speech to text
		{"stt", transcript.Call, "yeah so um the the case it it won't charge anymore you know and i've tried three cables", true},
		{"stt-negation", transcript.Call, "no no the buds work fine it's not a problem with them at all", false},
		// chat abbreviations and emoji
		{"chat-abbrev", transcript.Chat, "pls help my earbuds dont charge 😡", true},
		{"chat-idk", transcript.Chat, "idk how to pair them w my laptop thx", false},
		// person subject
		{"person-subject", transcript.Chat, "I didn't charge it overnight, sorry.", false},
		{"hung-up", transcript.Chat, "The agent was rude and hung up on me.", false},
		// someone else's product, hearsay, a past habit
		{"friend", transcript.Chat, "My friend's one broke after a month, is that common?", false},
		{"neighbour-said", transcript.Chat, "my neighbour said hers leaks, I'm thinking of buying one", false},
		{"friend-told-me-mine", transcript.Chat, "My friend noticed my case is cracked.", true},
		{"used-to-old", transcript.Email, "My old dryer (not from you) used to get so hot it burned my hand.", false},
		{"used-to-now", transcript.Chat, "the battery used to last all day but now it's dead by lunch", true},
		// denied complement, fault that stopped
		{"not-that", transcript.Chat, "not that it's broken or anything, I just want a second charger", false},
		{"it-stopped", transcript.Chat, "it was leaking for a while but after I tightened the cap it stopped.", false},
		{"stopped-working", transcript.Chat, "it was flickering and then it stopped working.", true},
		// descriptions that look like conditions
		{"what-happens-is", transcript.Chat, "what happens is it just shuts off after five minutes", true},
		{"habitual-if", transcript.Chat, "if I press start it just beeps and does nothing", true},
		{"if-would", transcript.Chat, "if I drop it would it crack", false},
		// symptom paraphrases of products we do not sell
		{"noise", transcript.Chat, "it has started making a horrible squeaking noise every time I brake", true},
		{"slips", transcript.Chat, "my treadmill belt keeps slipping when I run fast", true},
		{"eats-batteries", transcript.Email, "My door lock eats the batteries, every six days I put new ones in.", true},
		{"code-no-error-word", transcript.Chat, "lock keeps saying E07", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := customer(tc.ch, tc.text)
			an := a.Analyze(tr)
			if got := an.HasDefect(); got != tc.want {
				t.Errorf("%q: defect %v, want %v (%+v)", tc.text, got, tc.want, an.FrictionPoints)
			}
			checkEvidence(t, tr, an)
		})
	}
}

func TestSpeaker(t *testing.T) {
	a := analyzer(t)
	probe := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "How do I pair my earbuds with my laptop?"},
		{Speaker: transcript.Agent, Text: "Is the case charging okay? Is the lid cracked at all?"},
		{Speaker: transcript.Customer, Text: "Yes, the case charges fine."},
	}}
	if an := a.Analyze(probe); an.HasDefect() {
		t.Errorf("an agent's diagnostic question became a defect: %+v", an.FrictionPoints)
	}
	affirmed := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "hi it makes a sound, kind of annoying"},
		{Speaker: transcript.Agent, Text: "Sorry about that! Is the screen flickering on and off?"},
		{Speaker: transcript.Customer, Text: "yes that"},
	}}
	if an := a.Analyze(affirmed); !an.HasDefect() || an.Defects()[0].StatedBy != StatedByAgentConfirmed {
		t.Errorf("a diagnostic question the customer answers yes to should state the defect: %+v", an.FrictionPoints)
	}
	denied := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "I'd like to return it."},
		{Speaker: transcript.Agent, Text: "Is it leaking or damaged in any way?"},
		{Speaker: transcript.Customer, Text: "No, nothing like that, I changed my mind."},
	}}
	if an := a.Analyze(denied); an.HasDefect() {
		t.Errorf("a diagnostic question answered no became a defect: %+v", an.FrictionPoints)
	}
	confirmed := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "Something's not right with my earbuds."},
		{Speaker: transcript.Agent, Text: "Yes, that's a known issue with the case: it won't charge."},
	}}
	an := a.Analyze(confirmed)
	if !an.HasDefect() {
		t.Fatal("the agent's confirmation found no defect")
	}
	found := false
	for _, f := range an.Defects() {
		for _, e := range f.Evidence {
			if e.Rule == "confirm.known-issue" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the confirmation is not in the evidence: %+v", an.Defects())
	}
	bot := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
		{Speaker: transcript.Bot, Text: "Is your device broken? Does it keep crashing?"},
		{Speaker: transcript.System, Text: "Agent Marco joined the chat"},
		{Speaker: transcript.Customer, Text: "I want to change my address."},
	}}
	if an := a.Analyze(bot); an.HasDefect() {
		t.Errorf("a bot line became a defect: %+v", an.FrictionPoints)
	}
}

func TestWorkaroundIsDefectEvidence(t *testing.T) {
	a := analyzer(t)
	tr := &transcript.Transcript{ID: "t", Channel: transcript.Call, Turns: []transcript.Turn{
		{Speaker: transcript.Customer, Text: "the earbuds are playing up and it's really annoying"},
		{Speaker: transcript.Agent, Text: "hold the button on the case for ten seconds until it flashes, that resets it and should get it working again"},
	}}
	an := a.Analyze(tr)
	if an.Resolution == nil || an.Resolution.Kind != Workaround {
		t.Fatalf("resolution %+v, want workaround", an.Resolution)
	}
	if !an.HasDefect() {
		t.Fatal("no defect")
	}
	checkEvidence(t, tr, an)
}

// TestReplacementIsDefectEvidence: a unit the agent replaces was faulty,
// unless the customer's trouble was a delivery or the promise a condition.
func TestReplacementIsDefectEvidence(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		name     string
		customer string
		agent    string
		want     bool
	}{
		{"vague report", "every label comes out with a thin white stripe through the middle", "part of the print head has given up. I'll send you a replacement unit today", true},
		{"swap", "my records sound seasick, sort of woozy up and down", "okay then i'll swap it for a new one", true},
		{"lost parcel", "tracking says it was delivered but nothing came", "I'll send a replacement out today", false},
		{"on a condition", "how long does the charger take to fill up", "if it ever feels more than warm just unplug it and call us and we'll replace it", false},
		{"a new link", "I can't log in to my account", "I've sent you a new reset link", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := &transcript.Transcript{ID: "t", Channel: transcript.Chat, Turns: []transcript.Turn{
				{Speaker: transcript.Customer, Text: tc.customer},
				{Speaker: transcript.Agent, Text: tc.agent},
			}}
			an := a.Analyze(tr)
			if an.HasDefect() != tc.want {
				t.Fatalf("defect %v, want %v: %+v", an.HasDefect(), tc.want, an.FrictionPoints)
			}
			checkEvidence(t, tr, an)
		})
	}
}

func TestSignatureFoldsParaphrases(t *testing.T) {
	a := analyzer(t)
	sig := func(text string) string {
		an := a.Analyze(customer(transcript.Chat, text))
		ds := an.Defects()
		if len(ds) == 0 {
			t.Fatalf("%q: no defect", text)
		}
		return ds[0].Signature
	}
	same := [][]string{
		{"they won't hold a charge", "they die after ten minutes", "the battery drains overnight"},
		{"the case won't charge", "the case stopped charging", "the case isn't taking a charge"},
		{"it won't turn on", "it won't power up", "it's completely dead"},
	}
	for _, group := range same {
		want := sig(group[0])
		for _, text := range group[1:] {
			if got := sig(text); got != want {
				t.Errorf("%q: signature %q, want %q (as %q)", text, got, want, group[0])
			}
		}
	}
	if x, y := sig("the lid cracked"), sig("the lid seal leaks"); x == y {
		t.Errorf("near misses share a signature: %q", x)
	}
}

func TestSafety(t *testing.T) {
	a := analyzer(t)
	an := a.Analyze(customer(transcript.Chat, "The base sparked and there was a burning smell."))
	if !an.HasSafety() || !an.HasDefect() {
		t.Fatalf("no safety defect: %+v", an.FrictionPoints)
	}
	got := strings.Join(an.Defects()[0].Safety, ",")
	if !strings.Contains(got, "sparks") || !strings.Contains(got, "burning") {
		t.Errorf("safety %q, want sparks and burning", got)
	}
	if an := a.Analyze(customer(transcript.Chat, "No sparks or burning smell, it just won't boil.")); an.HasSafety() {
		t.Errorf("negated safety reported: %+v", an.FrictionPoints)
	}
}

func TestMaskedAndDriver(t *testing.T) {
	a := analyzer(t)
	tr := customer(transcript.Chat, "my earbuds won't charge anymore", "thank you so much, you've been so helpful")
	tr.Survey = &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, ScaleMax: 5, Comment: "Priya was a star!"}
	an := a.Analyze(tr)
	if !an.Masked {
		t.Fatal("not masked")
	}
	sa := an.SurveyAttribution
	if sa.Driver != DriverAgent || !sa.Positive || sa.NormalizedScore != 1 {
		t.Errorf("attribution %+v", sa)
	}
	if !strings.HasPrefix(an.Explanation, "CSAT 5/5 credited to the agent ('Priya was a star')") || !strings.Contains(an.Explanation, "does not charge") {
		t.Errorf("explanation %q", an.Explanation)
	}
	if !an.AgentPraised() || an.Praise[0].AgentName != "Priya" {
		t.Errorf("praise %+v", an.Praise)
	}
	checkEvidence(t, tr, an)

	for _, tc := range []struct {
		typ     transcript.SurveyType
		score   float64
		comment string
		driver  Driver
		masked  bool
	}{
		{transcript.NPS, 9, "Refund came through in two days, happy.", DriverResolution, true},
		{transcript.NPS, 8, "Refund came through in two days, happy.", DriverResolution, true}, // 0.8 normalised
		{transcript.NPS, 7, "Refund came through in two days, happy.", DriverResolution, false},
		{transcript.CSAT, 2, "The returns process is a nightmare.", DriverProcess, false},
		{transcript.CSAT, 1, "Poor quality product.", DriverProduct, false},
		{transcript.CSAT, 4, "", DriverNone, true},
		{transcript.CSAT, 4, "ok", DriverNone, true},
	} {
		tr := customer(transcript.Chat, "the lid is cracked")
		tr.Survey = &transcript.SurveyResponse{Type: tc.typ, Score: tc.score, Comment: tc.comment}
		an := a.Analyze(tr)
		if an.SurveyAttribution.Driver != tc.driver || an.Masked != tc.masked {
			t.Errorf("%s %v %q: driver %s masked %v, want %s %v", tc.typ, tc.score, tc.comment, an.SurveyAttribution.Driver, an.Masked, tc.driver, tc.masked)
		}
	}
}

func TestFrictionCategories(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		text string
		want Category
	}{
		{"my account got hacked", Account},
		{"I can't log in to my account", Account},
		{"I've been charged twice for the same order", Billing},
		{"my parcel still hasn't arrived", Shipping},
		{"the website keeps crashing at checkout", WebsiteApp},
		{"they refused my return because it's out of warranty", Policy},
	} {
		an := a.Analyze(customer(transcript.Chat, tc.text))
		found := false
		for _, f := range an.FrictionPoints {
			if f.Category == tc.want {
				found = true
			}
		}
		if !found || an.HasDefect() {
			t.Errorf("%q: frictions %+v, want %s and no defect", tc.text, an.FrictionPoints, tc.want)
		}
	}
	if an := a.Analyze(customer(transcript.Chat, "how do I change my plan?")); len(an.FrictionPoints) != 0 {
		t.Errorf("a how-to question became friction: %+v", an.FrictionPoints)
	}
}

func TestSignals(t *testing.T) {
	a := analyzer(t)
	tr := customer(transcript.Call, "this is the third time i'm calling about this, i was on hold for forty minutes",
		"if this isn't sorted i'm switching to another brand")
	tr.Turns = append([]transcript.Turn{{Speaker: transcript.System, Text: "Call transferred to tier 2"}}, tr.Turns...)
	an := a.Analyze(tr)
	sg := an.Signals
	if !sg.ChurnRisk || !sg.RepeatContact || !sg.LongHold || sg.Transfers != 1 {
		t.Errorf("signals %+v", sg)
	}
	if sg.StartSentiment == nil || sg.EndSentiment == nil {
		t.Error("no sentiment")
	}
	checkEvidence(t, tr, an)
	if an := a.Analyze(customer(transcript.Chat, "I love it, thanks so much 😍")); an.Signals.StartSentiment.Label != "positive" {
		t.Errorf("sentiment %+v, want positive", an.Signals.StartSentiment)
	}
}

func TestEmailNormalisation(t *testing.T) {
	a := analyzer(t)
	body := "Hi,\n\nThe lid on my kettle is cracked.\n\nKind regards,\nDana\n\nSent from my iPhone\n\nOn Mon, 14 Sep 2026 at 10:02, Orla Care <care@orla.example> wrote:\n> Is the seal leaking at all? Do you have sparks or smoke?\n> Thanks, Priya\n\nThis email and any attachments are confidential and intended solely for the addressee."
	tr := &transcript.Transcript{ID: "e", Channel: transcript.Email, Turns: []transcript.Turn{{Speaker: transcript.Customer, Text: body}}}
	an := a.Analyze(tr)
	if !an.HasDefect() || an.HasSafety() {
		t.Fatalf("frictions %+v: want the cracked lid and nothing from the quoted reply", an.FrictionPoints)
	}
	for _, f := range an.FrictionPoints {
		for _, e := range f.Evidence {
			if strings.Contains(e.Text, "leak") || strings.Contains(e.Text, "spark") {
				t.Errorf("evidence from the quoted reply: %+v", e)
			}
		}
	}
	checkEvidence(t, tr, an)
	toks := Normalize(body, transcript.Email)
	for _, tk := range toks {
		switch tk.Text {
		case "dana", "iphone", "wrote", "confidential", "seal":
			t.Errorf("token %q from a signature, quote or footer survived", tk.Text)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"it won't charge", "it will not charge"},
		{"um it it doesnt work you know", "it does not work"},
		{"pls help u r the best thx", "please help you are the best thanks"},
		{"@SpotifyCares app keeps crashing https://t.co/x 😡", "app keeps crashing 😡"},
		{"ur a star", "you are a star"},
		{"I’m fine", "i am fine"},
	} {
		toks := Normalize(tc.in, transcript.Chat)
		var ws []string
		rs := []rune(tc.in)
		for _, tk := range toks {
			ws = append(ws, tk.Text)
			if tk.Start < 0 || tk.End > len(rs) || tk.Start >= tk.End {
				t.Fatalf("%q: token %+v out of range", tc.in, tk)
			}
		}
		if got := strings.Join(ws, " "); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"it won't charge", "Hi,\n\nbroken.\n\nThanks,\nDana\n> quoted\nOn Mon wrote:", "😡😡 pls fix u r",
		"um uh it it", "\xff\xfe bad utf8 'n't", ":) :-( <3", "a\u0301\u200d\ufe0f", "e-04 0x8007 3.5 1,000",
	} {
		f.Add(s)
	}
	a, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, ch := range transcript.Channels {
			toks := append(Normalize(s, ch), NormalizeQuoted(s, ch)...)
			for _, tk := range toks {
				if tk.Start < 0 || tk.End > n || tk.Start > tk.End {
					t.Fatalf("token %+v out of range of %d runes", tk, n)
				}
				if !utf8.ValidString(tk.Text) {
					t.Fatalf("token %q is not valid UTF-8", tk.Text)
				}
			}
		}
		tr := &transcript.Transcript{ID: "f", Channel: transcript.Call, Turns: []transcript.Turn{
			{Speaker: transcript.Customer, Text: s}, {Speaker: transcript.Agent, Text: s}, {Speaker: transcript.Customer, Text: s}},
			Survey: &transcript.SurveyResponse{Type: transcript.CSAT, Score: 5, Comment: s}}
		an := a.Analyze(tr)
		checkEvidence(t, tr, an)
		tr.Channel = transcript.Email
		checkEvidence(t, tr, a.Analyze(tr))
	})
}

package gen

import (
	"github.com/frictionhq/friction/transcript"
)

// surveyPlan is the survey a customer answers after a contact.
type surveyPlan struct {
	typ      transcript.SurveyType
	driver   string
	positive int // 1 positive, 0 neutral, -1 negative
	comment  bool
}

var surveyRate = map[transcript.Channel]float64{
	transcript.Call: 0.45, transcript.Chat: 0.5, transcript.Email: 0.35, transcript.Survey: 0.85,
}

type drive struct {
	driver string
	pol    int
}

// planSurvey decides whether there is a survey, what drove its score, and which way.
func (g *generator) planSurvey(c *contact) {
	if !g.r.chance(surveyRate[c.ch]) {
		return
	}
	var opts []choice[drive]
	switch {
	case c.rude:
		opts = []choice[drive]{{drive{DriverAgent, -1}, 1}}
	case c.kind == kindDefect && c.good():
		opts = []choice[drive]{{drive{DriverAgent, 1}, 50}, {drive{DriverResolution, 1}, 22}, {drive{DriverProduct, -1}, 14}, {drive{DriverProcess, -1}, 8}, {drive{DriverNone, 1}, 6}}
	case c.kind == kindDefect && c.res == ResolutionEscalated:
		opts = []choice[drive]{{drive{DriverAgent, 1}, 25}, {drive{DriverProduct, -1}, 35}, {drive{DriverProcess, -1}, 15}, {drive{DriverResolution, -1}, 10}, {drive{DriverNone, 0}, 15}}
	case c.kind == kindDefect:
		opts = []choice[drive]{{drive{DriverProduct, -1}, 35}, {drive{DriverResolution, -1}, 20}, {drive{DriverProcess, -1}, 20}, {drive{DriverAgent, 1}, 12}, {drive{DriverNone, -1}, 8}}
	case c.kind == kindFriction && c.good():
		opts = []choice[drive]{{drive{DriverAgent, 1}, 45}, {drive{DriverResolution, 1}, 30}, {drive{DriverProcess, -1}, 10}, {drive{DriverNone, 1}, 15}}
	case c.kind == kindFriction:
		opts = []choice[drive]{{drive{DriverProcess, -1}, 40}, {drive{DriverResolution, -1}, 25}, {drive{DriverAgent, 1}, 15}, {drive{DriverNone, -1}, 20}}
	default:
		opts = []choice[drive]{{drive{DriverAgent, 1}, 50}, {drive{DriverProduct, 1}, 20}, {drive{DriverNone, 1}, 20}, {drive{DriverProcess, 1}, 10}}
	}
	d := pickW(g.r, opts)
	if c.ch == transcript.Survey && d.driver == DriverAgent && c.kind != kindDefect && !g.r.chance(0.5) {
		d = drive{DriverProduct, 1}
	}
	if c.ch == transcript.Survey && d.driver == DriverNone {
		// feedback with no conversation is about what it says
		switch c.kind {
		case kindDefect:
			d = drive{DriverProduct, pick(g.r, []int{-1, -1, 0})}
		case kindFriction:
			d = drive{DriverProcess, pick(g.r, []int{-1, -1, 0})}
		case kindOther:
			if !c.praiseCo { // praise of the brand as a whole says nothing about a driver
				d = drive{DriverProduct, 1}
			}
		default:
			d = drive{DriverProduct, 1}
		}
	}
	sp := &surveyPlan{driver: d.driver, positive: d.pol, comment: g.r.chance(0.75)}
	if d.driver == DriverNone {
		sp.comment = g.r.chance(0.3)
	}
	if c.ch == transcript.Survey {
		sp.comment = true // the comment is the whole contact
	}
	sp.typ = pickW(g.r, []choice[transcript.SurveyType]{{transcript.CSAT, 60}, {transcript.NPS, 25}, {transcript.CES, 15}})
	c.survey = sp
}

// score draws a score of the planned polarity.
func (g *generator) score(sp *surveyPlan) (score, max float64) {
	var pos, neu, neg []float64
	switch sp.typ {
	case transcript.NPS:
		max, pos, neu, neg = 10, []float64{10, 10, 9, 9, 8}, []float64{6, 7, 7}, []float64{0, 1, 2, 3, 4, 5}
	case transcript.CES:
		max, pos, neu, neg = 7, []float64{7, 7, 6}, []float64{4, 5}, []float64{1, 2, 3}
	default:
		max, pos, neu, neg = 5, []float64{5, 5, 5, 4}, []float64{3}, []float64{1, 1, 2}
	}
	switch sp.positive {
	case 1:
		return pick(g.r, pos), max
	case 0:
		return pick(g.r, neu), max
	}
	return pick(g.r, neg), max
}

// Survey comment banks, by driver and polarity.
var (
	commentAgentPos = []string{
		"{agent} was a star!", "{agent} was brilliant, so patient with me.", "Thank you {agent}, you were great.",
		"{agent} sorted everything in five minutes.", "The agent was lovely.", "Really friendly and helpful agent.",
		"{agent} went above and beyond.", "Great service from {agent}, really listened.", "{agent} was fantastic.",
		"The person I spoke to was so kind.", "{agent} was amazing, give them a raise.", "Very helpful, {agent} knew exactly what to do.",
	}
	// praise of the agent that claims nothing about the outcome
	commentAgentPosKind = []string{
		"{agent} was lovely, even if the problem isn't fixed.", "The agent was kind and patient.", "{agent} was really nice about it.",
		"Can't fault {agent}, very polite.", "The person I spoke to was so kind.", "{agent} did their best, lovely person.",
	}
	commentAgentNeg = []string{
		"{agent} was rude.", "The agent clearly didn't care.", "{agent} talked over me the whole time.",
		"Felt like I was talking to a script.", "Was made to feel like I was lying.", "Dismissive and unhelpful agent.",
		"{agent} couldn't have been less interested.",
	}
	commentAgentNegHold = []string{
		"{agent} kept me on hold for ages and then didn't even help.",
		"Put on hold three times by {agent}, and rude with it.",
	}
	commentResolutionPos = map[string][]string{
		ResolutionRefund:      {"Refund came through in two days, happy.", "Got my money back with no fuss.", "Quick refund, thank you."},
		ResolutionReplacement: {"Replacement arrived really quickly.", "They just sent a new one, couldn't ask for more.", "New one came the next day, great."},
		ResolutionRepair:      {"Repair booked in straight away.", "Engineer came out quickly, all fixed."},
		ResolutionWorkaround:  {"Got it working again, thanks.", "The fix worked."},
		ResolutionInfo:        {"Got the answer I needed.", "Sorted quickly.", "Problem solved first time."},
	}
	commentResolutionNeg = []string{
		"Nothing was actually fixed.", "Still not sorted.", "No solution offered.",
		"I'm no better off than before I got in touch.",
	}
	commentProductNeg = []string{
		"Poor quality product.", "Expected better for the price.", "The {display} just isn't well made.", "Not impressed with the build quality.",
		"Really disappointed with the product.",
	}
	commentProductPos = []string{
		"Love the {display}!", "Great product.", "Really happy with {prod}.", "Brilliant product, works perfectly.",
	}
	commentProcessNeg = []string{
		"The returns process is a nightmare.", "Why do I have to print a label, I don't own a printer.",
		"Your website is impossible to navigate.", "Too many hoops just to get a refund.",
		"Horrible process, needed photos and receipts and serial numbers.",
	}
	commentProcessPos = []string{"Quick and simple.", "Easy process.", "Really straightforward."}
	commentNone       = []string{"ok", "n/a", "Fine.", "-", "no comment", "It was alright.", "Average."}
)

package gen

import (
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// line is one sentence or short run of sentences in the channel-neutral conversation.
// Rounds group lines into exchanges: in an email thread each round becomes one customer
// message and one agent reply.
type line struct {
	sp     transcript.Speaker
	text   string
	round  int
	spoken bool   // only said aloud or typed live (acknowledgements); emails drop it
	extra  bool   // colour a hurried chat often leaves out (purchase story, asides)
	tag    string // "resolve" marks the agent's resolution, where a call may put a hold
}

// writer builds the channel-neutral conversation of a contact and records the label as
// it writes.
type writer struct {
	g     *generator
	c     *contact
	lines []line
	round int
	used  map[string]bool // phrasings already used in this contact
}

func (w *writer) add(sp transcript.Speaker, rc *rootCause, tmpl string) {
	w.lines = append(w.lines, line{sp: sp, text: sentence(w.g.fill(w.c, rc, tmpl)), round: w.round})
}

func (w *writer) cust(tmpl string)  { w.add(transcript.Customer, nil, tmpl) }
func (w *writer) agent(tmpl string) { w.add(transcript.Agent, nil, tmpl) }
func (w *writer) spoken(sp transcript.Speaker, tmpl string) {
	w.add(sp, nil, tmpl)
	w.lines[len(w.lines)-1].spoken = true
}
func (w *writer) next() { w.round++ }

// optional marks the last line as colour that a chat may leave out.
func (w *writer) optional() { w.lines[len(w.lines)-1].extra = true }

// fresh picks a template from xs not used yet in this contact, when there is one.
func (w *writer) fresh(xs []string) string {
	for range 10 {
		s := pick(w.g.r, xs)
		if !w.used[s] {
			w.used[s] = true
			return s
		}
	}
	return pick(w.g.r, xs)
}

// report has the customer describe defect d in one of its phrasings.
func (w *writer) report(d defectPlan, prefix string) {
	t := w.fresh(d.rc.reports)
	text := w.g.fill(w.c, d.rc, t)
	if prefix == "" {
		prefix = pickW(w.g.r, reportHedges)
	}
	prefix = strings.TrimSpace(prefix)
	switch {
	case strings.HasSuffix(prefix, ".") || strings.HasSuffix(prefix, "?") || strings.HasSuffix(prefix, "!"):
		text = prefix + " " + capFirst(text)
	case prefix != "":
		text = prefix + " " + lower(text)
	}
	w.lines = append(w.lines, line{sp: transcript.Customer, text: sentence(text), round: w.round})
	w.c.markDefect(d)
}

func (w *writer) build() []line {
	w.used = map[string]bool{}
	switch w.c.kind {
	case kindDefect:
		w.defect()
	case kindFriction:
		w.friction()
	case kindHowTo:
		w.howTo()
	default:
		w.other()
	}
	return w.lines
}

func (w *writer) effortLine() {
	if w.c.effort == "" || w.c.effortDone {
		return
	}
	w.c.effortDone = true
	w.cust(pick(w.g.r, effortLines[w.c.effort]))
	w.c.markFriction(FrictionEffort)
}

func (w *writer) otherOK() {
	if o := w.c.otherOK; o != nil {
		frame := pick(w.g.r, []string{"To be fair, {x}.", "I will say, {x}.", "Funnily enough, {x}.", "{x}, so I know you can make good stuff."})
		w.framed(transcript.Customer, frame, pick(w.g.r, o.fine))
		w.c.markDecoy(DecoyOtherProductOK)
		w.c.markPraise(PraiseProduct) // praise of another product is still product praise
	}
}

// framed writes frame with its "{x}" replaced by inner, which is already filled.
func (w *writer) framed(sp transcript.Speaker, frame, inner string) {
	x := lower(inner)
	if strings.HasPrefix(frame, "{x}") {
		x = inner
	}
	text := strings.Replace(frame, "{x}", x, 1)
	w.lines = append(w.lines, line{sp: sp, text: sentence(w.g.fill(w.c, nil, text)), round: w.round})
}

func (w *writer) empathy(general bool) {
	switch {
	case w.c.rude:
		w.agent(pick(w.g.r, agentEmpathyCurt))
	case general:
		w.agent(pick(w.g.r, agentEmpathyGeneral))
	default:
		w.agent(pick(w.g.r, agentEmpathy))
	}
}

func (w *writer) defect() {
	g, c := w.g, w.c
	d0 := c.defects[0]
	if c.followUp {
		opens, ok := followUpOpeners[c.prevRes]
		if !ok {
			opens = followUpOpeners[""]
		}
		w.cust(pick(g.r, opens))
	}
	if c.effort == "repeat" || c.effort == "hold" || g.r.chance(0.5) {
		w.effortLine()
	}
	if !c.followUp && g.r.chance(0.6) {
		w.cust(pick(g.r, c.prod.context))
		w.optional()
	}
	if d0.statedBy == StatedByCustomer {
		w.report(d0, "")
		if g.r.chance(0.45) {
			w.cust(pick(g.r, defectElaborations))
			w.optional()
		}
	} else {
		w.cust(pick(g.r, c.prod.vague))
	}
	if g.r.chance(0.5) {
		w.otherOK()
		c.otherOK = nil
	}
	if c.frustrated && (!c.good() || g.r.chance(0.5)) {
		w.cust(pick(g.r, frustrationLines))
		c.frustrated = false
	}

	w.empathy(false)
	lead := pick(g.r, []string{"", "Basically, ", "Like I said, ", "It's just that ", "Honestly, ", "So yeah, "})
	switch {
	case c.probe != nil:
		w.add(transcript.Agent, c.probe, c.probe.probe.q)
	case d0.statedBy == StatedByAgent:
		w.agent("{Can you tell me exactly what it's doing?|What's it doing, exactly?|What happens when you use it?}")
	default:
		p := pick(g.r, agentOpenProbes)
		w.agent(p.q)
		lead = g.fill(c, nil, p.a)
	}
	w.next()

	if c.probe != nil {
		w.add(transcript.Customer, c.probe, c.probe.probe.a)
		c.markDecoy(DecoyAgentQuestion)
	}
	switch {
	case d0.statedBy == StatedByCustomer:
		w.report(d0, lead)
	default:
		w.cust(pick(g.r, []string{
			"I don't really know how to describe it, it's just not right.",
			"I'm not very technical, it just doesn't work like it used to.",
			"It's hard to explain. It just isn't doing what it should.",
		}))
	}
	if len(c.defects) > 1 {
		w.report(c.defects[1], pick(g.r, []string{"And while I've got you, ", "Oh, and also ", "Also, "}))
	}
	if rc := c.fixedPast; rc != nil {
		frame := pick(g.r, []string{"{x}, so it's not that.", "{x}. This is something different.", "Just so you know, {x}."})
		w.framed(transcript.Customer, frame, g.fill(c, rc, pick(g.r, rc.fixedPast)))
		c.markDecoy(DecoyFixedPast)
	}
	w.otherOK()
	w.effortLine()

	if d0.statedBy == StatedByAgent {
		w.add(transcript.Agent, d0.rc, pick(g.r, d0.rc.confirms))
		c.markDefect(d0)
		w.spoken(transcript.Customer, "{Oh, right.|Okay, that makes sense.|Right, yeah.|Oh, I see.}")
	} else if !c.rude {
		w.agent(pick(g.r, agentDetailsThanks))
		w.optional()
	}
	if len(c.prod.checks) > 0 && !d0.rc.physical && !c.safety() && g.r.chance(0.45) {
		// a live check together, before the remedy: said in a call or chat only
		w.spoken(transcript.Agent, "{Can we try something quickly together?|Let's try a quick check first.|Okay, before anything else, can you do something for me?} "+pick(g.r, c.prod.checks))
		w.spoken(transcript.Customer, "{Okay, hang on.|One sec.|Right, give me a minute.|Okay, doing it now.} {Right, done that.|Okay.|Done.} {Nope, still the same.|No, nothing's changed.|No, it's doing exactly the same thing.|Hmm, no. Same as before.}")
		w.spoken(transcript.Agent, "{Okay, thanks for trying that.|Right, that tells me it's not a settings thing.|Okay, I thought that might be the case.}")
	}
	if c.rude {
		w.agent(pick(g.r, rudeAgentLines))
		w.next() // in an email thread the complaint is a reply to the rude message
		w.cust(pick(g.r, rudeCustomerReplies))
	}
	w.resolution(d0.rc)
	w.next()
	w.reaction()
}

// resolution is the agent's remedy for a defect contact.
func (w *writer) resolution(rc *rootCause) {
	g, c := w.g, w.c
	if c.safety() {
		w.agent(pick(g.r, safetyWarnings))
	}
	start := len(w.lines)
	switch {
	case c.policy:
		p := pick(g.r, policyRefusals)
		c.policyReply = p.a
		w.agent(p.q)
		c.markFriction(FrictionPolicy)
	case c.res == ResolutionWorkaround:
		w.add(transcript.Agent, rc, "{There's a fix for this|We've seen this before, so try this|Okay, can you try something for me}: "+pick(g.r, rc.workarounds)+".")
	case c.res == ResolutionEscalated && c.safety():
		w.agent(pick(g.r, escalateSafety))
	default:
		w.agent(pick(g.r, resolutionLines[c.res]))
	}
	w.lines[start].tag = "resolve"
}

// reaction is the customer's response to the outcome, with the praise, churn and
// hypothetical questions planned for the contact.
func (w *writer) reaction() {
	g, c := w.g, w.c
	switch {
	case c.kind == kindHowTo || c.kind == kindOther:
		// the customer has already said thanks for the answer
	case c.churn && c.good():
		w.cust(pick(g.r, custAcceptGrudging))
	case c.policy:
		w.cust(c.policyReply)
	case c.res == ResolutionWorkaround:
		w.cust(pick(g.r, custAcceptWorkaround))
	case c.res == ResolutionEscalated:
		w.cust(pick(g.r, custAcceptEscalated))
	case c.good():
		w.cust(pick(g.r, custAcceptGood))
	default:
		w.cust(pick(g.r, custAcceptBad))
	}
	if x := c.extra; x != nil {
		w.cust("{Also|Oh, and|While I'm here}, " + lower(g.fill(c, nil, pick(g.r, x.says))))
		c.markFriction(x.cat)
		w.agent("{I'll look into that as well.|Let me note that too, I'll sort it.|I've added a note about that.}")
	}
	w.effortLine()
	if c.praiseProd {
		if len(c.defects) > 0 {
			w.cust(pick(g.r, productPraiseFrames))
		} else {
			w.cust(pick(g.r, productPraiseAside))
		}
		c.markPraise(PraiseProduct)
	}
	if c.praiseProc {
		w.cust(pick(g.r, processPraiseLines))
		c.markPraise(PraiseProcess)
	}
	if c.praiseAgent {
		w.cust(pick(g.r, agentPraiseLines))
		c.markPraise(PraiseAgent)
	}
	if c.praiseCo {
		w.cust(pick(g.r, companyPraiseLines))
		c.markPraise(PraiseCompany)
	}
	if c.churn {
		w.cust(pick(g.r, churnLines))
		c.lab.Churn = true
	} else if c.frustrated && !c.good() {
		w.cust(pick(g.r, frustrationLines))
	}
	if c.hypo != nil {
		w.next()
		w.cust(withLead(g, []string{"", "One more thing. ", "Just out of interest, "}, c.hypo.q))
		c.markDecoy(DecoyHypothetical)
		w.agent(c.hypo.a)
	}
	if c.res == ResolutionRefund || c.res == ResolutionReplacement {
		w.agent("{You'll get an email confirming all of that shortly.|You'll get a separate confirmation with all the details.|That's all done on my side now.}")
		w.optional()
	}
	w.lines[len(w.lines)-1].round = w.round
	w.c.lab.Resolution = c.res
}

func (w *writer) friction() {
	g, c := w.g, w.c
	f := c.friction
	if c.effort == "repeat" || c.effort == "hold" {
		w.effortLine()
	}
	w.cust(pick(g.r, f.says))
	c.markFriction(f.cat)
	if c.frustrated && g.r.chance(0.5) {
		w.cust(pick(g.r, frustrationLines))
		c.frustrated = false
	}
	if c.negation {
		neg := pick(g.r, c.prod.negations)
		w.cust(neg + " {It's just the {topic}.|It's the {topic} I'm not happy with.|}")
		c.markDecoy(DecoyNegation)
		if praises(neg) {
			c.markPraise(PraiseProduct)
		}
	}
	w.otherOK()
	w.empathy(true)
	w.agent("{Can you tell me a bit more?|When did this happen?|Can you give me a few more details?|Could you tell me a bit more so I can check?}")
	w.next()
	w.cust(pick(g.r, f.details))
	if x := c.extra; x != nil {
		w.cust("{And|On top of that,} " + lower(g.fill(c, nil, pick(g.r, x.says))))
		c.markFriction(x.cat)
		c.extra = nil
	}
	w.effortLine()
	w.agent(pick(g.r, f.findings))
	if c.rude {
		w.agent(pick(g.r, rudeAgentLines))
		w.next() // in an email thread the complaint is a reply to the rude message
		w.cust(pick(g.r, rudeCustomerReplies))
	}
	start := len(w.lines)
	for _, l := range c.fix.lines {
		w.agent(l)
	}
	w.lines[start].tag = "resolve"
	w.next()
	w.reaction()
}

func (w *writer) howTo() {
	g, c := w.g, w.c
	if g.r.chance(0.4) {
		w.cust(pick(g.r, c.prod.context))
		w.optional()
	}
	if rc := c.fixedPast; rc != nil {
		w.add(transcript.Customer, rc, pick(g.r, rc.fixedPast))
		c.markDecoy(DecoyFixedPast)
	}
	w.cust(withLead(g, []string{"", "Quick question. ", "I was wondering, ", "This is probably a silly question, but "}, c.howTo.q))
	c.markDecoy(DecoyHowTo)
	w.otherOK()
	if c.probe != nil {
		w.add(transcript.Agent, c.probe, withLead(g, []string{"Sure. Just so I know, ", "Before I answer, ", "Quick check first. "}, c.probe.probe.q))
		w.next()
		w.add(transcript.Customer, c.probe, c.probe.probe.a)
		c.markDecoy(DecoyAgentQuestion)
	}
	w.agent(c.howTo.a)
	w.lines[len(w.lines)-1].tag = "resolve"
	w.next()
	w.cust("{Oh, that's easy, thanks.|Perfect, I'll try that.|Ah, I didn't know that. Great.|Brilliant, thank you.}")
	w.reaction()
}

var otherQuestions = []qa{
	{q: "How long is the warranty on {prod}?", a: "It's two years from delivery, and you don't need to register anything."},
	{q: "Can I change the delivery address on my order?", a: "Yes, it hasn't shipped yet, so I've updated the address for you."},
	{q: "Do you do {prod} in any other colours?", a: "At the moment there's white, black and sage green."},
	{q: "Is there a student discount?", a: "Yes, there's 10% off with a verified student account."},
	{q: "When is the new model coming out?", a: "We haven't announced a date yet, but you can sign up for updates on the website."},
	{q: "Can I add gift wrapping to my order?", a: "Yes, I've added it, there's no charge this month."},
}

func (w *writer) other() {
	g, c := w.g, w.c
	if c.praiseProd && g.r.chance(0.6) {
		w.cust("{I just wanted to say how happy I am with {prod}, {praise}.|I'm not getting in touch with a problem for once! I love {prod}, {praise}.|Just a quick one to say I love {prod}, {praise}.}")
		c.markPraise(PraiseProduct)
		c.praiseProd = false
		w.agent("{Oh, that's so nice to hear!|Aw, thank you, I'll pass that on to the team.|That's lovely, thanks for letting us know.}")
		w.next()
	}
	q := pick(g.r, otherQuestions)
	w.cust(withLead(g, []string{"", "While I'm here, ", "Also, "}, q.q))
	w.otherOK()
	w.agent(q.a)
	w.lines[len(w.lines)-1].tag = "resolve"
	w.next()
	w.cust("{Great, thanks.|Perfect.|Okay, good to know.}")
	w.reaction()
}

// withLead puts one of leads before text, lower-casing text after a comma.
func withLead(g *generator, leads []string, text string) string {
	l := pick(g.r, leads)
	if strings.HasSuffix(l, ", ") {
		return l + lower(text)
	}
	return l + text
}

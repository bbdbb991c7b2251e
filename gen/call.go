package gen

import (
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// callRec records a call as a speech-to-text engine would: every turn lower case, with
// fillers and misheard words, and an offset from the start of the call.
type callRec struct {
	g      *generator
	c      *contact
	t      *transcript.Transcript
	st     sttStyle
	ms     int64
	agent  *agent
	turnsN int
}

func (r *callRec) say(sp transcript.Speaker, text string) {
	g := r.g
	if sp != transcript.System {
		text = g.speak(text, r.st, sp == transcript.Customer)
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	// speech-to-text output knows roles, not names: the agents are in t.Agents
	r.t.Turns = append(r.t.Turns, transcript.Turn{Speaker: sp, Text: text, OffsetMS: r.ms})
	words := len(strings.Fields(text))
	r.ms += int64(words)*int64(330+g.r.intn(120)) + int64(300+g.r.intn(1500))
}

// customerTurn says a customer's run of lines, sometimes cut in two by the engine at a
// pause, with the agent's acknowledgement in between.
func (r *callRec) customerTurn(text string) {
	g := r.g
	words := strings.Fields(text)
	if len(words) <= 14 || !g.r.chance(0.35) {
		r.say(transcript.Customer, text)
		return
	}
	var a, b string
	if sents := splitSentences(text); len(sents) > 1 && g.r.chance(0.7) {
		k := 1 + g.r.intn(len(sents)-1)
		a, b = strings.Join(sents[:k], ""), strings.Join(sents[k:], "")
	} else {
		cut := len(words)/3 + g.r.intn(len(words)/3)
		a, b = strings.Join(words[:cut], " "), strings.Join(words[cut:], " ")
	}
	r.say(transcript.Customer, a)
	if g.r.chance(0.3) {
		r.say(transcript.Agent, pick(g.r, backchannels))
	}
	r.say(transcript.Customer, b)
}

func (g *generator) renderCall(c *contact, t *transcript.Transcript, lines []line) {
	r := &callRec{g: g, c: c, t: t, st: g.newSTTStyle(), agent: c.agent}
	t.Queue = queueFor(c)
	t.Agents = []transcript.Party{{ID: c.agent.id, Name: c.agent.name}}
	t.Metadata = orderMetadata(c)

	if c.effort == "transfer" {
		first := pickAgentOther(g, c.agent)
		t.Agents = append([]transcript.Party{{ID: first.id, Name: first.name}}, t.Agents...)
		r.agent = first
		r.say(transcript.Agent, g.fill(c, nil, "{Thanks for calling Orla, this is "+first.name+".|Orla customer care, "+first.name+" speaking.} How can I help?"))
		r.say(transcript.Customer, g.fill(c, nil, "{Hi, |}I'm calling about {prod}."))
		r.say(transcript.Agent, "Ah, you'll need a different team for that, let me transfer you.")
		r.say(transcript.System, "[call transferred to "+t.Queue+"]")
		r.ms += int64(30+g.r.intn(240)) * 1000
		r.agent = c.agent
		t.Metadata["transfers"] = "1"
	}
	r.say(transcript.Agent, g.fill(c, nil, pick(g.r, callGreetings)))
	// the customer's first turn: an opener, sometimes the whole first round
	first := ""
	rest := lines
	if g.r.chance(0.45) {
		var head []string
		for len(rest) > 0 && rest[0].sp == transcript.Customer && rest[0].round == 0 {
			head = append(head, rest[0].text)
			rest = rest[1:]
		}
		first = strings.Join(head, " ")
	}
	r.customerTurn(join(" ", g.fill(c, nil, callOpener(g, c)), first))
	verified := g.verify(r)
	if first == "" {
		verified += " " + g.fill(c, nil, "{So what can I do for you?|So how can I help today?|What seems to be the problem?|Okay, so tell me what's going on.}")
	}
	r.say(transcript.Agent, verified)
	if g.r.chance(0.25) {
		st := pick(g.r, smallTalk)
		r.say(transcript.Customer, st.q)
		r.say(transcript.Agent, st.a)
	}
	held := false
	for i := 0; i < len(rest); {
		j := i
		var texts []string
		for j < len(rest) && rest[j].sp == rest[i].sp {
			if rest[j].tag == "resolve" && !held && j > i {
				break
			}
			texts = append(texts, rest[j].text)
			j++
		}
		if rest[i].tag == "resolve" && !held {
			held = true
			if g.r.chance(0.45) {
				r.say(transcript.Agent, pick(g.r, holdAsk))
				r.say(transcript.Customer, pick(g.r, custOK))
				if g.r.chance(0.5) {
					r.say(transcript.System, "[hold]")
				}
				r.ms += int64(40+g.r.intn(400)) * 1000
				r.say(transcript.Agent, pick(g.r, holdBack))
			}
		}
		if rest[i].sp == transcript.Customer {
			r.customerTurn(strings.Join(texts, " "))
		} else {
			r.say(rest[i].sp, strings.Join(texts, " "))
		}
		i = j
	}
	if n := len(t.Turns); n > 0 && t.Turns[n-1].Speaker == transcript.Agent && g.r.chance(0.7) {
		last := &t.Turns[n-1]
		last.Text += " " + g.speak(pick(g.r, agentAnythingElse), r.st, false)
	} else {
		r.say(transcript.Agent, pick(g.r, agentAnythingElse))
	}
	r.say(transcript.Customer, pick(g.r, custNothingElse))
	r.say(transcript.Agent, g.fill(c, nil, "{Thanks for calling Orla|Thank you for calling|Thanks {first}}, {have a lovely day|have a great rest of your day|take care}."))
	r.say(transcript.Customer, pick(g.r, []string{"Bye.", "Thanks, bye.", "Cheers, bye.", "Bye bye.", "You too, bye."}))
	t.DurationSeconds = int(r.ms/1000) + g.r.intn(5)
}

var callGreetings = []string{
	"Thank you for calling Orla, you're speaking with {agent}, how can I help you today?",
	"Hi, you're through to {agent} at Orla customer care. How can I help?",
	"Good {morning|afternoon}, Orla support, this is {agent}. What can I do for you?",
	"Thanks for calling Orla, my name's {agent}. Who am I speaking with?",
}

var callOpeners = []string{
	"Hi, yeah, I'm calling about {about}.",
	"Hello, hi. It's about {about}.",
	"Hi there. Yeah, so, it's about {about}.",
	"Oh hi, yes, I'm calling because of {about}.",
	"Hi, I'm hoping you can help me.",
	"Hiya. Um, I need some help with {about}.",
}

// topicRefs is how a caller names what a friction contact is about.
var topicRefs = map[string][]string{
	"delivery": {"my order", "a delivery"}, "order": {"my order", "the order I got"},
	"packaging": {"my delivery", "a parcel"}, "payment": {"a payment", "my bank statement"},
	"refund": {"a refund", "a return"}, "price": {"a charge", "the price I paid"},
	"account": {"my account", "logging in"}, "website": {"your website", "placing an order"},
	"return": {"sending something back", "a return"},
}

func callOpener(g *generator, c *contact) string {
	about := "{prod}"
	if c.kind == kindFriction {
		about = pick(g.r, topicRefs[c.friction.topic])
	} else if c.kind == kindOther {
		about = "{{prod}|my order}"
	}
	return strings.Replace(pick(g.r, callOpeners), "{about}", about, 1)
}

// verify is the identity check at the start of a call. It returns the agent's
// confirmation, for the caller to say.
func (g *generator) verify(r *callRec) string {
	c := r.c
	ws := []float64{3, 1, 3}
	if !hasOrder(c) {
		ws[0] = 0
	}
	switch g.r.weighted(ws) {
	case 0:
		r.say(transcript.Agent, "{Before we start, |Sure, }can I take your full name and the order number, please?")
		r.say(transcript.Customer, g.fill(c, nil, "{Yeah, |}it's "+c.cust.name()+", and the order number is {order}."))
	case 1:
		r.say(transcript.Agent, "Can I get the phone number on the account, please?")
		r.say(transcript.Customer, "It's "+c.cust.phone+".")
		r.say(transcript.Agent, "And can you confirm your name for me?")
		r.say(transcript.Customer, c.cust.name()+".")
	default:
		r.say(transcript.Agent, "Can I take the email address on your account?")
		r.say(transcript.Customer, g.fill(c, nil, "{Sure, |Yeah, }it's "+c.cust.email+"."))
	}
	return g.fill(c, nil, verifiedLine(c))
}

func verifiedLine(c *contact) string {
	if !hasOrder(c) {
		return "{Thanks {first}, I've found your account.|Lovely, thank you {first}, I've got your account up.}"
	}
	return "{Thanks {first}, I can see your order for the {display} here.|Lovely, thanks {first}. I've got the order for the {display} up.|Perfect, thank you. I can see the {display} on your account.}"
}

func pickAgentOther(g *generator, a *agent) *agent {
	for {
		if b := pick(g.r, agents); b != a {
			return b
		}
	}
}

// queueFor routes a contact to a queue.
func queueFor(c *contact) string {
	switch c.kind {
	case kindDefect:
		if c.res == ResolutionRefund || c.res == ResolutionReplacement {
			return "returns"
		}
		return c.prod.queue
	case kindFriction:
		switch c.friction.cat {
		case FrictionBilling:
			return "billing"
		case FrictionPolicy:
			return "returns"
		}
		return "general"
	case kindHowTo:
		return "tech-support"
	}
	return "general"
}

// hasOrder reports whether the contact is about an order (an app has none).
func hasOrder(c *contact) bool {
	return c.prod != homeApp && !(c.kind == kindFriction && !c.friction.withProd)
}

// orderMetadata is the metadata the contact-centre system attaches: the sku and order.
func orderMetadata(c *contact) map[string]string {
	m := map[string]string{}
	if c.kind == kindFriction && !c.friction.withProd {
		return m
	}
	if c.prod != homeApp {
		m["order_id"] = c.order
	}
	m["sku"] = c.sku
	return m
}

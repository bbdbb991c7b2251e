package gen

import (
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// chatRec builds a web chat: a bot triage, the agent joining, short customer messages.
type chatRec struct {
	g  *generator
	c  *contact
	t  *transcript.Transcript
	st chatStyle
	ms int64
}

func (r *chatRec) msg(sp transcript.Speaker, text string, gapS int) {
	if strings.TrimSpace(text) == "" {
		return
	}
	turn := transcript.Turn{Speaker: sp, Text: text, OffsetMS: r.ms}
	switch sp {
	case transcript.Agent:
		turn.Name = r.c.agent.name
	}
	r.t.Turns = append(r.t.Turns, turn)
	r.ms += int64(gapS)*1000 + int64(r.g.r.intn(20000))
}

// customer types a run of lines, as one message or several.
func (r *chatRec) customer(texts []string) {
	g := r.g
	var sents []string
	for _, t := range texts {
		sents = append(sents, splitSentences(t)...)
	}
	var msgs []string
	cur := ""
	for _, s := range sents {
		s = strings.TrimSpace(s)
		if cur != "" && g.r.chance(0.35) {
			msgs = append(msgs, cur)
			cur = ""
		}
		cur = join(" ", cur, s)
	}
	msgs = append(msgs, cur)
	for _, m := range msgs {
		r.msg(transcript.Customer, g.chatify(m, r.st), 10+len(m)/4)
	}
}

func (r *chatRec) agent(text string) {
	if r.g.r.chance(0.12) && !r.c.rude {
		text += " " + pick(r.g.r, []string{"🙂", "🙏", "😊"})
	}
	r.msg(transcript.Agent, text, 15+len(text)/5)
}

func (g *generator) renderChat(c *contact, t *transcript.Transcript, lines []line) {
	r := &chatRec{g: g, c: c, t: t, st: g.newChatStyle(c.cust)}
	t.Queue = queueFor(c)
	t.Agents = []transcript.Party{{ID: c.agent.id, Name: c.agent.name}}
	t.Metadata = orderMetadata(c)
	t.Metadata["entry_point"] = pick(g.r, []string{"website", "website", "help-centre", "orla-home-app"})

	r.msg(transcript.Bot, pick(g.r, botGreetings), 8)
	r.customer([]string{g.fill(c, nil, chatTopic(c))})
	if g.r.chance(0.2) && c.kind != kindOther {
		r.msg(transcript.Bot, g.fill(c, nil, "{Here's an article that might help: Troubleshooting your {display}.|These steps fix most problems: Help Centre > {display} > Common questions.} Did that answer your question?"), 20)
		r.customer([]string{pick(g.r, []string{"No.", "No, I need a person.", "Agent please.", "No, I already tried that.", "Speak to a human please."})})
	}
	if hasOrder(c) && g.r.chance(0.25) {
		r.msg(transcript.Bot, "Thanks! To speed things up, what's your order number?", 6)
		if g.r.chance(0.8) {
			r.customer([]string{c.order})
		} else {
			r.customer([]string{"I don't have it on me, sorry."})
		}
	}
	r.msg(transcript.Bot, g.fill(c, nil, "{Connecting you to one of the team now.|Connecting you to an agent, the wait is about {n} minutes.}"), 60+g.r.intn(400))
	r.msg(transcript.System, pick(g.r, []string{"Agent " + c.agent.name + " joined the chat", c.agent.name + " has joined the conversation"}), 5)
	r.agent(g.fill(c, nil, "{Hi {first}!|Hello {first}!|Hi there!} {I'm {agent}|This is {agent}|You're chatting with {agent}}{ from Orla|}. {How can I help today?|I've read what you told our assistant.|Thanks for waiting.|}"))

	var kept []line
	for _, l := range lines {
		if !l.extra || g.r.chance(0.35) {
			kept = append(kept, l)
		}
	}
	lines = kept
	for i := 0; i < len(lines); {
		j := i
		var texts []string
		for j < len(lines) && lines[j].sp == lines[i].sp {
			texts = append(texts, lines[j].text)
			j++
		}
		if lines[i].sp == transcript.Customer {
			r.customer(texts)
		} else {
			if g.r.chance(0.6) {
				r.agent(strings.Join(texts, " "))
			} else {
				for _, tx := range texts {
					r.agent(tx)
				}
			}
		}
		i = j
	}
	if g.r.chance(0.5) {
		r.agent(pick(g.r, agentAnythingElse))
		r.customer([]string{pick(g.r, []string{"No, that's all, thanks.", "No thanks.", "That's everything, thank you.", "Nope, all good.", "No, that's it."})})
	}
	r.agent(g.fill(c, nil, "{Thanks for chatting with Orla, have a great day!|Take care, {first}!|Thanks {first}, have a lovely evening.}"))
	if g.r.chance(0.6) {
		r.msg(transcript.System, pick(g.r, []string{c.agent.name + " left the chat", "Chat ended by customer", "Chat closed"}), 1)
	}
	t.DurationSeconds = int(r.ms / 1000)
}

var botGreetings = []string{
	"Hi! I'm Orla's virtual assistant. What can I help with? Order status, Returns, Technical help or Something else.",
	"Hello 👋 Tell me in a few words what you need help with.",
	"Welcome to Orla support. How can I help? (Order status / Returns / Technical help / Other)",
}

// chatTopic is what the customer types to the bot first.
func chatTopic(c *contact) string {
	switch c.kind {
	case kindDefect:
		return "{Technical help|{prod} not working|Problem with {prod}|{prod} issue|Returns|Agent please|Faulty {display}}"
	case kindFriction:
		switch c.friction.cat {
		case FrictionShipping:
			return "{Order status|Where is my order|Delivery problem|Agent}"
		case FrictionBilling:
			return "{Refund|Billing|Payment problem|Speak to someone about a charge}"
		case FrictionAccount:
			return "{Can't log in|Account|Password reset|Login problem}"
		case FrictionWebsiteApp:
			return "{Website not working|Checkout problem|Something else}"
		}
		return "{Returns|Return an item|Something else}"
	case kindHowTo:
		return "{Technical help|Question about {prod}|How do I|Something else}"
	}
	return "{Something else|Question|Agent please}"
}

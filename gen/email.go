package gen

import (
	"fmt"
	"strings"
	"time"

	"github.com/frictionhq/friction/transcript"
)

const supportAddress = "support@orla.example"

// message is one email in a thread.
type message struct {
	sp    transcript.Speaker
	at    time.Time
	fresh string // what the sender wrote, with greeting and signature
	text  string // fresh plus the quoted earlier message
}

func (g *generator) renderEmail(c *contact, t *transcript.Transcript, lines []line) {
	t.Queue = queueFor(c)
	t.Agents = []transcript.Party{{ID: c.agent.id, Name: c.agent.name}}
	t.Metadata = orderMetadata(c)
	t.Subject = g.fill(c, nil, pick(g.r, emailSubjects(c)))
	caseRef := fmt.Sprintf("ORL-%06d", g.r.between(100000, 999999))
	t.Metadata["case_ref"] = caseRef
	client := pick(g.r, []string{"gmail", "gmail", "iphone", "outlook"})
	agentQuotes := g.r.chance(0.5)                    // the helpdesk quotes the customer's message
	custQuotes := c.cust.business || g.r.chance(0.45) // the customer's client quotes ours
	if c.cust.business {
		client = "outlook"
	}

	rounds := emailRounds(lines)
	var msgs []message
	at := c.at
	for _, rd := range rounds {
		if len(rd.cust) > 0 {
			if len(msgs) > 0 {
				at = at.Add(time.Duration(1+g.r.intn(40)) * time.Hour).Add(time.Duration(g.r.intn(60)) * time.Minute)
			}
			fresh := g.customerEmail(c, rd.cust, len(msgs) == 0)
			msgs = append(msgs, message{sp: transcript.Customer, at: at, fresh: fresh})
		}
		if len(rd.agent) > 0 {
			at = at.Add(time.Duration(2+g.r.intn(26)) * time.Hour).Add(time.Duration(g.r.intn(60)) * time.Minute)
			fresh := g.agentEmail(c, rd.agent, len(msgs) <= 1, caseRef)
			msgs = append(msgs, message{sp: transcript.Agent, at: at, fresh: fresh})
		}
	}
	for i := range msgs {
		m := &msgs[i]
		m.text = m.fresh
		if i > 0 && (m.sp == transcript.Agent && agentQuotes || m.sp == transcript.Customer && custQuotes) {
			prev := msgs[i-1]
			quoted := prev.fresh
			if g.r.chance(0.12) {
				quoted = prev.text // the whole thread so far
			}
			if m.sp == transcript.Agent {
				m.text += "\n\n" + g.quoteGmail(prev.at, c.cust.name(), c.cust.email, quoted)
			} else {
				m.text += "\n\n" + g.quoteAs(client, prev.at, t.Subject, c, quoted)
			}
		}
		turn := transcript.Turn{Speaker: m.sp, Text: m.text, OffsetMS: m.at.Sub(c.at).Milliseconds()}
		if m.sp == transcript.Agent {
			turn.Name = c.agent.name
		} else {
			turn.Name = c.cust.name()
		}
		t.Turns = append(t.Turns, turn)
	}
}

// emailRound is what each side writes in one exchange of an email thread.
type emailRound struct{ cust, agent []string }

// emailRounds groups the conversation into exchanges, dropping lines only said live.
// When the agent's first reply asks nothing, the customer had nothing to answer, so
// the second round (unless it is the last) folds into the first.
func emailRounds(lines []line) []emailRound {
	var rounds []emailRound
	for _, l := range lines {
		for len(rounds) <= l.round {
			rounds = append(rounds, emailRound{})
		}
		if l.spoken {
			continue
		}
		rd := &rounds[l.round]
		if l.sp == transcript.Customer {
			rd.cust = append(rd.cust, l.text)
		} else {
			rd.agent = append(rd.agent, l.text)
		}
	}
	if len(rounds) > 2 && !strings.Contains(strings.Join(rounds[0].agent, " "), "?") {
		rounds[0].cust = append(rounds[0].cust, rounds[1].cust...)
		rounds[0].agent = append(rounds[0].agent, rounds[1].agent...)
		rounds = append(rounds[:1], rounds[2:]...)
	}
	return rounds
}

func emailSubjects(c *contact) []string {
	switch c.kind {
	case kindDefect:
		return []string{"{display} not working", "Faulty {display}", "Problem with my order {order}", "Complaint", "Help please", "Issue with {prod}", "{display} - order {order}", "Re: Your Orla order {order}"}
	case kindFriction:
		switch c.friction.cat {
		case FrictionShipping:
			return []string{"Where is my order?", "Order {order} not arrived", "Delivery problem", "Re: Your Orla order {order} has shipped"}
		case FrictionBilling:
			return []string{"Refund", "Charged twice!!", "Billing query", "Payment for order {order}"}
		case FrictionAccount:
			return []string{"Can't log in", "Account locked", "Password reset not working"}
		case FrictionWebsiteApp:
			return []string{"Website problem", "Checkout not working", "Can't place an order"}
		}
		return []string{"Return request", "Returning my order {order}", "Returns policy"}
	}
	return []string{"Question", "Quick question about {prod}", "Enquiry", "{display}"}
}

func (g *generator) customerEmail(c *contact, body []string, first bool) string {
	var greeting string
	if first {
		greeting = pick(g.r, []string{"Hi,", "Hello,", "Dear Orla team,", "To whom it may concern,", "Hi there,", "Hi, I hope you're well.", ""})
	} else {
		greeting = pick(g.r, []string{"Hi " + c.agent.name + ",", "Hello again,", "Thanks " + c.agent.name + ",", "Hi,", ""})
	}
	if first && c.kind != kindOther && g.r.chance(0.5) && hasOrder(c) {
		body = append(body, g.fill(c, nil, "{My order number is {order}.|The order number is {order}.|Order ref: {order}.}"))
	}
	closing := pick(g.r, []string{"Thanks,", "Regards,", "Kind regards,", "Cheers,", "Thank you,", "Best,", "Many thanks,"})
	name := c.cust.first
	if g.r.chance(0.4) {
		name = c.cust.name()
	}
	parts := []string{greeting, paragraphs(g, body), closing + "\n" + name}
	switch {
	case c.cust.business:
		parts = append(parts, c.cust.name()+"\n"+c.cust.title+" | "+companyOf(c.cust.email)+"\nT: "+c.cust.phone, c.cust.footer)
	case c.cust.device != "" && g.r.chance(0.6):
		parts = append(parts, "Sent from my "+c.cust.device)
	case g.r.chance(0.15):
		parts = append(parts, "Get Outlook for Android")
	}
	return join("\n\n", parts...)
}

func (g *generator) agentEmail(c *contact, body []string, first bool, caseRef string) string {
	intro := "{Thanks for getting back to me.|Thanks for your reply.|Thank you for the update.|}"
	if first {
		intro = "{Thank you for contacting Orla Customer Care.|Thanks for getting in touch, and I hope you're well.|Thank you for your email.}"
	}
	parts := []string{
		g.fill(c, nil, "{Hi|Dear|Hello} {first},"),
		g.fill(c, nil, intro),
		paragraphs(g, body),
		g.fill(c, nil, "{Kind regards|Best wishes|Many thanks|Warm regards},\n{agent}\nOrla Customer Care"),
		"Case reference: " + caseRef,
	}
	if g.r.chance(0.3) {
		parts = append(parts, "Orla Ltd, 12 Canal Street, Manchester M1 3HE. Please keep the case reference in the subject line when you reply.")
	}
	return join("\n\n", parts...)
}

// paragraphs joins lines into one to three paragraphs.
func paragraphs(g *generator, lines []string) string {
	var paras []string
	cur := ""
	for i, l := range lines {
		cur = join(" ", cur, l)
		if i < len(lines)-1 && len(paras) < 2 && g.r.chance(0.4) {
			paras = append(paras, cur)
			cur = ""
		}
	}
	return join("\n\n", append(paras, cur)...)
}

func (g *generator) quoteGmail(at time.Time, name, addr, text string) string {
	head := fmt.Sprintf("On %s at %s, %s <%s> wrote:", at.Format("Mon, 2 Jan 2006"), at.Format("15:04"), name, addr)
	return head + "\n" + quoteLines(text)
}

// quoteAs quotes the previous message the way the customer's mail client does.
func (g *generator) quoteAs(client string, at time.Time, subject string, c *contact, text string) string {
	switch client {
	case "iphone":
		return fmt.Sprintf("On %s, at %s, Orla Customer Care <%s> wrote:\n\n%s", at.Format("2 Jan 2006"), at.Format("15:04"), supportAddress, quoteLines(text))
	case "outlook":
		return fmt.Sprintf("________________________________\nFrom: Orla Customer Care <%s>\nSent: %s\nTo: %s <%s>\nSubject: RE: %s\n\n%s",
			supportAddress, at.Format("Monday, January 2, 2006 3:04 PM"), c.cust.name(), c.cust.email, subject, text)
	}
	return g.quoteGmail(at, "Orla Customer Care", supportAddress, text)
}

func quoteLines(text string) string {
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		if l == "" || strings.HasPrefix(l, ">") {
			ls[i] = ">" + l
		} else {
			ls[i] = "> " + l
		}
	}
	return strings.Join(ls, "\n")
}

func companyOf(email string) string {
	d := email[strings.IndexByte(email, '@')+1:]
	d = strings.TrimSuffix(d, ".example")
	words := strings.Split(strings.ReplaceAll(d, "-", " "), " ")
	for i, w := range words {
		words[i] = capFirst(w)
	}
	return strings.Join(words, " ")
}

var legalFooters = []string{
	"CONFIDENTIALITY NOTICE: This message and any attachments are confidential and meant only for the named recipient. If it reached you by mistake, please tell the sender and delete it. The company accepts no liability for viruses or for changes made to this message after it was sent.",
	"This email is private and may be legally privileged. If you are not the intended recipient you must not copy, forward or rely on it; please let us know and delete it. Views expressed are the sender's own and not necessarily those of the company.",
	"Please consider the environment before printing this email. This message is intended only for the addressee and may contain confidential information.",
}

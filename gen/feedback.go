package gen

import (
	"strings"

	"github.com/frictionhq/friction/transcript"
)

// attachSurvey adds the post-contact survey of a call, chat or email.
func (g *generator) attachSurvey(c *contact, t *transcript.Transcript) {
	sp := c.survey
	if sp == nil {
		return
	}
	score, max := g.score(sp)
	comment := ""
	if sp.comment {
		comment = g.styleComment(g.surveyComment(c, sp))
	}
	t.Survey = &transcript.SurveyResponse{Type: sp.typ, Score: score, ScaleMax: max, Comment: comment}
	c.lab.Driver = sp.driver
	if comment == "" {
		c.lab.Driver = DriverNone
	}
}

// surveyComment writes a comment about what drove the score, recording any praise.
func (g *generator) surveyComment(c *contact, sp *surveyPlan) string {
	var s string
	switch {
	case sp.driver == DriverAgent && sp.positive > 0:
		if c.good() {
			s = pick(g.r, commentAgentPos)
		} else {
			s = pick(g.r, commentAgentPosKind)
		}
		c.markPraise(PraiseAgent)
		if len(c.defects) > 0 && g.r.chance(0.25) {
			s = join(" ", s, g.fill(c, nil, "{Shame about {prod} though.|Still annoyed about {prod}, but that's not on them.|Just wish {prod} had worked in the first place.}"))
		}
	case sp.driver == DriverAgent && g.r.chance(0.25):
		s = pick(g.r, commentAgentNegHold)
		c.markFriction(FrictionEffort)
	case sp.driver == DriverAgent:
		s = pick(g.r, commentAgentNeg)
	case sp.driver == DriverResolution && sp.positive > 0:
		opts, ok := commentResolutionPos[c.res]
		if !ok {
			opts = commentResolutionPos[ResolutionInfo]
		}
		s = pick(g.r, opts)
	case sp.driver == DriverResolution:
		s = pick(g.r, commentResolutionNeg)
		if c.res == ResolutionEscalated && g.r.chance(0.5) {
			s = "They say it's escalated but who knows."
		}
	case sp.driver == DriverProduct && sp.positive > 0:
		s = pick(g.r, commentProductPos)
		c.markPraise(PraiseProduct)
	case sp.driver == DriverProduct:
		s = pick(g.r, commentProductNeg)
		if len(c.defects) > 0 && c.defects[0].statedBy == StatedByCustomer && g.r.chance(0.5) {
			d := c.defects[0]
			s = join(" ", pick(g.r, []string{"", "Rubbish.", "Poor quality.", "Not good enough."}), capFirst(g.fill(c, d.rc, pick(g.r, d.rc.reports))))
		}
	case sp.driver == DriverProcess && sp.positive > 0:
		s = pick(g.r, commentProcessPos)
		c.markPraise(PraiseProcess)
	case sp.driver == DriverProcess:
		s = pick(g.r, commentProcessNeg)
	default:
		s = pick(g.r, commentNone)
	}
	return g.fill(c, nil, s)
}

// styleComment makes some comments look typed in a hurry.
func (g *generator) styleComment(s string) string {
	if g.r.chance(0.3) {
		s = strings.TrimSuffix(strings.ToLower(s), ".")
	}
	return s
}

// renderSurveyOnly writes a feedback-only contact: a post-contact, kiosk or web survey
// whose comment is the customer's only turn. The survey holds the score alone, so the
// comment is not there twice.
func (g *generator) renderSurveyOnly(c *contact, t *transcript.Transcript) {
	src := pick(g.r, []string{"kiosk", "post_contact", "web_feedback", "post_purchase"})
	var parts []string
	switch c.kind {
	case kindDefect:
		d := c.defects[0]
		report := g.fill(c, d.rc, pick(g.r, d.rc.reports))
		if g.r.chance(0.75) {
			frame := pick(g.r, []string{"{display}: {x}", "Bought {prod} {age} ago and {x}", "Re {prod}. {X}", "{X} ({display})", "{prod} - {x}", "The {short} I bought from you... {x}"})
			report = g.fill(c, nil, strings.Replace(strings.Replace(frame, "{x}", lower(report), 1), "{X}", capFirst(report), 1))
		}
		parts = append(parts, capFirst(report))
		c.markDefect(d)
		if g.r.chance(0.3) {
			parts = append(parts, sentence(g.fill(c, nil, pick(g.r, defectElaborations))))
		}
	case kindFriction:
		parts = append(parts, sentence(g.fill(c, nil, pick(g.r, c.friction.says))))
		c.markFriction(c.friction.cat)
		if c.negation {
			neg := pick(g.r, c.prod.negations)
			parts = append(parts, g.fill(c, nil, neg))
			c.markDecoy(DecoyNegation)
			if praises(neg) {
				c.markPraise(PraiseProduct)
			}
		}
	case kindHowTo:
		if rc := pick(g.r, causesOf(c.prod)); len(rc.fixedPast) > 0 && g.r.chance(0.6) {
			parts = append(parts, join(" ", sentence(g.fill(c, rc, pick(g.r, rc.fixedPast))), g.fill(c, nil, "{All good now.|Happy now.|No complaints.}")))
			c.markDecoy(DecoyFixedPast)
		} else {
			parts = append(parts, capFirst(g.fill(c, nil, "{Love {prod}, {praise}.|{display}: {praise}.|Really pleased with {prod}, {praise}.}")))
			c.markPraise(PraiseProduct)
		}
	default:
		switch {
		case c.praiseCo:
			parts = append(parts, pick(g.r, companyPraiseLines))
			c.markPraise(PraiseCompany)
		}
	}
	if sp := c.survey; sp != nil && (len(parts) == 0 || sp.driver == DriverAgent || sp.driver == DriverResolution || g.r.chance(0.4)) {
		parts = append(parts, g.surveyComment(c, sp))
		if sp.driver == DriverAgent {
			src = "post_contact"
			t.Agents = []transcript.Party{{ID: c.agent.id, Name: c.agent.name}}
		}
		if sp.driver == DriverResolution {
			if sp.positive > 0 {
				c.lab.Resolution = c.res
			} else {
				c.lab.Resolution = ResolutionUnresolved
			}
		}
	}
	if c.kind == kindDefect && c.survey != nil && c.survey.positive < 0 && g.r.chance(0.25) {
		parts = append(parts, pick(g.r, churnLines))
		c.lab.Churn = true
	}
	if len(parts) == 0 {
		parts = append(parts, pick(g.r, commentNone))
	}
	text := g.styleComment(strings.Join(parts, " "))
	t.Turns = []transcript.Turn{{Speaker: transcript.Customer, Text: text}}
	t.Metadata = map[string]string{"source": src}
	if c.kind == kindDefect || c.kind == kindHowTo {
		t.Metadata["sku"] = c.sku
	}
	if sp := c.survey; sp != nil {
		score, max := g.score(sp)
		// the comment is the turn; it is not repeated in the survey
		t.Survey = &transcript.SurveyResponse{Type: sp.typ, Score: score, ScaleMax: max}
		c.lab.Driver = sp.driver
	}
}

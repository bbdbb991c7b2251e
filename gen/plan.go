package gen

import (
	"slices"
	"time"

	"github.com/frictionhq/friction/transcript"
)

var channelMix = []choice[transcript.Channel]{
	{transcript.Call, 33}, {transcript.Chat, 27}, {transcript.Email, 18}, {transcript.Survey, 22},
}

var kindMix = map[transcript.Channel][]choice[kind]{
	transcript.Call:   {{kindDefect, 52}, {kindFriction, 26}, {kindHowTo, 14}, {kindOther, 8}},
	transcript.Chat:   {{kindDefect, 45}, {kindFriction, 30}, {kindHowTo, 18}, {kindOther, 7}},
	transcript.Email:  {{kindDefect, 50}, {kindFriction, 35}, {kindHowTo, 8}, {kindOther, 7}},
	transcript.Survey: {{kindDefect, 45}, {kindFriction, 18}, {kindHowTo, 10}, {kindOther, 27}},
}

var productMix = []choice[*product]{
	{earbuds, 25}, {kettle, 20}, {vacuum, 18}, {thermostat, 17}, {homeApp, 10}, {shoes, 10},
}

var frictionMix = []choice[string]{
	{FrictionShipping, 32}, {FrictionBilling, 26}, {FrictionAccount, 14}, {FrictionWebsiteApp, 16}, {FrictionPolicy, 12},
}

// skeleton is what is decided about a contact before the contacts are put in time order.
type skeleton struct {
	at   time.Time
	ch   transcript.Channel
	kind kind
	rc   *rootCause
	prod *product
}

// skeletons draws n contacts. A defect contact draws its root cause and week together,
// so each root cause follows its trend; other contacts are spread evenly.
func (g *generator) skeletons() []skeleton {
	weeks := g.cfg.Weeks
	var cells []float64 // rc x week
	for _, rc := range rootCauses {
		for w := range weeks {
			cells = append(cells, rc.weight*rc.trend.weight(w, weeks))
		}
	}
	out := make([]skeleton, g.cfg.N)
	for i := range out {
		s := skeleton{ch: pickW(g.r, channelMix)}
		s.kind = pickW(g.r, kindMix[s.ch])
		week := g.r.intn(weeks)
		if s.kind == kindDefect {
			cell := g.r.weighted(cells)
			s.rc, week = rootCauses[cell/weeks], cell%weeks
			s.prod = s.rc.prod
		} else {
			s.prod = pickW(g.r, productMix)
		}
		s.at = g.timeIn(week, s.ch)
		out[i] = s
	}
	slices.SortStableFunc(out, func(a, b skeleton) int { return a.at.Compare(b.at) })
	return out
}

var dayWeights = map[time.Weekday]float64{
	time.Monday: 1.3, time.Tuesday: 1.15, time.Wednesday: 1, time.Thursday: 1, time.Friday: 0.95,
	time.Saturday: 0.55, time.Sunday: 0.4,
}

// hour weights in UTC, 0-23: contacts from US and UK customers, busiest late morning
// UK time to early afternoon US time.
var hourWeights = []float64{
	0.4, 0.3, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.7, 1, 1.1, 1.1,
	1, 1.1, 1.4, 1.6, 1.6, 1.5, 1.4, 1.3, 1.1, 0.9, 0.7, 0.5,
}

func (g *generator) timeIn(week int, ch transcript.Channel) time.Time {
	first := g.cfg.Start.AddDate(0, 0, 7*week)
	ws := make([]float64, 7)
	for d := range ws {
		ws[d] = dayWeights[first.AddDate(0, 0, d).Weekday()]
	}
	day := first.AddDate(0, 0, g.r.weighted(ws))
	hours := hourWeights
	if ch == transcript.Email {
		hours = []float64{0.5, 0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.1, 1.1, 1, 1, 1, 0.9, 0.8, 0.6}
	}
	return day.Add(time.Duration(g.r.weighted(hours))*time.Hour +
		time.Duration(g.r.intn(3600))*time.Second)
}

// chooseCustomer returns a new or returning customer. A returning customer with an
// earlier defect often comes back about the same one.
func (g *generator) chooseCustomer(c *contact, s skeleton) {
	if len(g.customers) == 0 || !g.r.chance(0.3) {
		c.cust = g.newCustomer()
		return
	}
	// prefer recent customers: repeat contacts cluster in time
	n := len(g.customers)
	i := n - 1 - g.r.intn(min(n, 60))
	if g.r.chance(0.3) {
		i = g.r.intn(n)
	}
	c.cust = g.customers[i]
	if c.cust.lastRC != nil && c.ch != transcript.Survey && g.r.chance(0.55) {
		c.kind = kindDefect
		c.prod = c.cust.lastRC.prod
		c.defects = []defectPlan{{rc: c.cust.lastRC, statedBy: StatedByCustomer}}
		c.followUp = true
		c.prevRes = c.cust.lastRes
		c.repeatOf = c.cust.lastRCID
	}
}

// plan decides everything about one contact.
func (g *generator) plan(s skeleton) *contact {
	c := &contact{ch: s.ch, at: s.at, kind: s.kind, prod: s.prod}
	g.chooseCustomer(c, s)
	if c.kind == kindDefect && len(c.defects) == 0 {
		c.defects = []defectPlan{{rc: s.rc, statedBy: StatedByCustomer}}
	}
	c.agent = pick(g.r, agents)
	c.order = g.orderID()
	c.sku = pick(g.r, c.prod.skus)
	c.rude = c.ch != transcript.Survey && g.r.chance(map[bool]float64{true: 0.3, false: 0.03}[c.agent.curt])

	switch c.kind {
	case kindDefect:
		g.planDefect(c)
	case kindFriction:
		g.planFriction(c)
	case kindHowTo:
		g.planHowTo(c)
	default:
		c.res = ResolutionInfo
		c.praiseCo = g.r.chance(0.4)
		c.praiseProd = !c.praiseCo || g.r.chance(0.3)
		g.maybeOtherOK(c, 0.15)
	}
	if c.rude {
		c.praiseAgent = false
	}
	if c.ch == transcript.Survey {
		c.rude = false
	}
	g.planSurvey(c)
	return c
}

func (g *generator) planDefect(c *contact) {
	rc := c.defects[0].rc
	if !c.followUp && c.ch != transcript.Survey && g.r.chance(0.15) {
		c.defects[0].statedBy = StatedByAgent
	}
	if g.r.chance(0.08) {
		var others []*rootCause
		for _, o := range causesOf(c.prod) {
			if o != rc && o.key != rc.nearMiss {
				others = append(others, o)
			}
		}
		if len(others) > 0 {
			c.defects = append(c.defects, defectPlan{rc: pick(g.r, others), statedBy: StatedByCustomer})
		}
	}
	res := rc.resolutions
	if res == nil {
		res = defaultResolutions
	}
	c.res = pickW(g.r, res)
	if c.res == ResolutionWorkaround && len(rc.workarounds) == 0 {
		c.res = ResolutionReplacement
	}
	for c.followUp && c.prevRes == ResolutionWorkaround && c.res == ResolutionWorkaround {
		c.res = pickW(g.r, res) // the workaround did not last
	}
	c.policy = c.res == ResolutionUnresolved && !rc.safety && g.r.chance(0.5)
	switch {
	case c.followUp && g.r.chance(0.6):
		c.effort = "repeat"
	case g.r.chance(0.1):
		c.effort = pick(g.r, []string{"transfer", "hold", "explain", "emails"})
	}
	if g.r.chance(0.07) {
		c.extra = pick(g.r, append(frictionsOf(FrictionShipping)[:1], frictionsOf(FrictionBilling)[:2]...))
	}
	var asks []string // faults the agent can ask about without contradicting this contact
	for _, k := range rc.askAbout {
		if !c.hasDefect(k) {
			asks = append(asks, k)
		}
	}
	if len(asks) > 0 && g.r.chance(0.3) {
		c.probe = causeByKey(pick(g.r, asks))
	}
	g.maybeFixedPast(c, 0.1)
	g.maybeOtherOK(c, 0.12)
	g.maybeHypo(c, 0.1)

	good := c.res != ResolutionEscalated && c.res != ResolutionUnresolved
	switch {
	case good:
		c.praiseAgent = g.r.chance(0.45)
	case c.res == ResolutionEscalated:
		c.praiseAgent = g.r.chance(0.25)
	default:
		c.praiseAgent = g.r.chance(0.1)
	}
	c.praiseProd = !rc.safety && g.r.chance(0.08)
	c.praiseCo = g.r.chance(0.04)
	c.praiseProc = good && c.res == ResolutionRefund && g.r.chance(0.08)
	p := 0.03
	switch c.res {
	case ResolutionUnresolved:
		p = 0.45
	case ResolutionEscalated:
		p = 0.15
	}
	if c.followUp {
		p += 0.25
	}
	if c.rude {
		p += 0.35
	}
	if rc.safety {
		p += 0.15
	}
	c.churn = g.r.chance(p)
	c.frustrated = !c.churn && g.r.chance(0.3)
	if c.churn {
		c.praiseProc, c.praiseProd, c.praiseCo = false, false, false
	}
}

func (g *generator) planFriction(c *contact) {
	cat := pickW(g.r, frictionMix)
	items := frictionsOf(cat)
	ws := make([]float64, len(items))
	for i, it := range items {
		ws[i] = it.weight
	}
	c.friction = items[g.r.weighted(ws)]
	fixes := c.friction.fixes
	c.fix = pickW(g.r, fixes)
	c.res = c.fix.res
	if g.r.chance(0.2) {
		c.effort = pick(g.r, []string{"repeat", "transfer", "hold", "explain", "emails"})
	}
	if cat == FrictionShipping && g.r.chance(0.1) {
		c.extra = frictionsOf(FrictionBilling)[0]
	}
	c.negation = c.friction.withProd && g.r.chance(0.35)
	g.maybeOtherOK(c, 0.08)
	g.maybeHypo(c, 0.05)
	c.praiseAgent = c.fix.good && g.r.chance(0.35)
	c.praiseCo = g.r.chance(0.04)
	c.churn = g.r.chance(map[bool]float64{true: 0.03, false: 0.3}[c.fix.good] + map[bool]float64{true: 0.3, false: 0}[c.rude])
	c.frustrated = !c.churn && g.r.chance(0.3)
}

func (g *generator) planHowTo(c *contact) {
	q := pick(g.r, c.prod.howTo)
	c.howTo = &q
	c.res = ResolutionInfo
	g.maybeHypo(c, 0.3)
	g.maybeFixedPast(c, 0.15)
	g.maybeOtherOK(c, 0.1)
	if causes := causesOf(c.prod); g.r.chance(0.1) && len(causes) > 0 {
		c.probe = pick(g.r, causes)
	}
	c.praiseAgent = !c.rude && g.r.chance(0.3)
	c.praiseProd = g.r.chance(0.12)
}

func (g *generator) maybeFixedPast(c *contact, p float64) {
	if !g.r.chance(p) {
		return
	}
	var cands []*rootCause
	for _, rc := range causesOf(c.prod) {
		if len(rc.fixedPast) > 0 && !c.hasDefect(rc.key) {
			cands = append(cands, rc)
		}
	}
	if len(cands) > 0 {
		c.fixedPast = pick(g.r, cands)
	}
}

func (g *generator) maybeOtherOK(c *contact, p float64) {
	if g.r.chance(p) {
		for range 5 {
			if o := pick(g.r, products); o != c.prod && o != homeApp {
				c.otherOK = o
				return
			}
		}
	}
}

func (g *generator) maybeHypo(c *contact, p float64) {
	if !g.r.chance(p) {
		return
	}
	var cands []qa
	for _, q := range c.prod.hypo {
		if q.about == "" || (len(c.defects) == 0) || !c.hasDefect(q.about) && q.about != "*" {
			cands = append(cands, q)
		}
	}
	if len(cands) > 0 {
		q := pick(g.r, cands)
		c.hypo = &q
	}
}

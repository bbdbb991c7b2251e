package gen

import (
	"fmt"
	"strings"
)

// slot fills one "{name}" in a template, for the contact c and the root cause rc
// being talked about (nil when none). An unknown name is a bug in a phrase bank, and
// TestTemplatesExpand catches it.
func (g *generator) slot(c *contact, rc *rootCause, name string) string {
	p := c.prod
	switch name {
	case "prod":
		return pick(g.r, p.refs)
	case "display":
		return p.display
	case "unit":
		return p.unit
	case "short":
		return p.short
	case "yours":
		return pick(g.r, []string{"your " + p.short, "the " + p.display})
	case "comp":
		if rc == nil {
			return "it"
		}
		return pick(g.r, rc.compRefs)
	case "dur":
		if c.onset == "" {
			c.onset = pick(g.r, onsets)
		}
		return c.onset
	case "age":
		if c.age == "" {
			c.age = pick(g.r, ages)
		}
		return c.age
	case "agent":
		return c.agent.name
	case "first":
		return c.cust.first
	case "order":
		return c.order
	case "email":
		return c.cust.email
	case "day":
		return pick(g.r, weekdays)
	case "price":
		if p.price == "" {
			return "the full amount"
		}
		return p.price
	case "last4":
		return fmt.Sprintf("%04d", g.r.intn(10000))
	case "n":
		return pick(g.r, []string{"two", "three", "four"})
	case "hipct":
		return pick(g.r, []string{"a hundred", "ninety", "eighty"})
	case "lopct":
		return pick(g.r, []string{"zero", "five", "ten"})
	case "yes":
		return pick(g.r, []string{"Yeah", "Yes", "Yep", "Yeah, yeah"})
	case "no":
		return pick(g.r, []string{"No", "Nope", "No, no", "Not at all"})
	case "fine":
		return pick(g.r, []string{"fine", "okay actually", "good"})
	case "it":
		return pronoun(p, "it", "them")
	case "its":
		return pronoun(p, "it's", "they're")
	case "is":
		return pronoun(p, "is", "are")
	case "praise":
		return pick(g.r, p.praise)
	case "topic":
		if c.friction != nil {
			return c.friction.topic
		}
		return "order"
	}
	panic("gen: unknown template slot {" + name + "}")
}

func pronoun(p *product, one, many string) string {
	if p.plural {
		return many
	}
	return one
}

// fill expands a template for contact c about root cause rc.
func (g *generator) fill(c *contact, rc *rootCause, tmpl string) string {
	return g.r.expand(tmpl, func(name string) string { return g.slot(c, rc, name) })
}

// lower makes the first letter of s lower case, for joining a sentence after a comma.
func lower(s string) string {
	if s == "" || strings.HasPrefix(s, "I ") || strings.HasPrefix(s, "I'") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

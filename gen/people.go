package gen

import (
	"fmt"
	"strings"
)

// agent is a contact-centre agent. curt agents are more often rude.
type agent struct {
	id, name string
	curt     bool
}

var agents = []*agent{
	{id: "a-03", name: "Priya"}, {id: "a-05", name: "Marco"}, {id: "a-08", name: "Aisha"},
	{id: "a-11", name: "Tom"}, {id: "a-12", name: "Keisha"}, {id: "a-14", name: "Luis"},
	{id: "a-17", name: "Mei"}, {id: "a-19", name: "Jonas", curt: true}, {id: "a-21", name: "Fatima"},
	{id: "a-22", name: "Sam"}, {id: "a-25", name: "Olu"}, {id: "a-27", name: "Grace"},
	{id: "a-30", name: "Ravi"}, {id: "a-31", name: "Beth", curt: true}, {id: "a-34", name: "Diego"},
	{id: "a-36", name: "Hannah"},
}

// customer is a person who may contact the company several times, on any channel.
type customer struct {
	id          string
	first, last string
	email       string
	phone       string // a fictional 555-01xx number
	device      string // for "Sent from my ..." lines; "" for none
	business    bool   // writes from a work address with a legal footer
	title       string // job title in a business signature
	footer      string // legal footer of a business address
	lowerChat   bool   // types in lower case in chat

	lastRC   *rootCause // the defect of the last defect contact, if any
	lastRes  string     // how that contact ended
	lastRCID string     // id of that contact
}

func (c *customer) name() string { return c.first + " " + c.last }

var firstNames = []string{
	"Dana", "James", "Sofia", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Lucas",
	"Chloe", "Mateo", "Zara", "Owen", "Leah", "Aarav", "Nina", "Caleb", "Ruth", "Jamal",
	"Elena", "Ben", "Harriet", "Kwame", "Isla", "Tariq", "Megan", "Hugo", "Wendy", "Arjun",
	"Lucy", "Pedro", "Niamh", "Connor", "Yuki", "Gareth", "Amara", "Felix", "Brenda", "Omar",
	"Tess", "Victor", "Rosa", "Dylan", "Ingrid", "Malik", "Paula", "Simon", "Hana", "Reggie",
}

var lastNames = []string{
	"Ruiz", "Okafor", "Patel", "Nguyen", "Kowalski", "Murphy", "Schmidt", "Haddad", "Lindqvist", "Moreau",
	"Bennett", "Tanaka", "Osei", "Fraser", "Delgado", "Khan", "Whitaker", "Rossi", "Adeyemi", "Byrne",
	"Castillo", "Novak", "Hughes", "Mensah", "Sato", "Brennan", "Ali", "Fischer", "Costa", "Reid",
	"Douglas", "Yilmaz", "Park", "Evans", "Nakamura", "Silva", "Doyle", "Hart", "Mbeki", "Quinn",
}

var devices = []string{"iPhone", "iPhone", "iPhone", "Samsung Galaxy", "iPad", "Android phone", ""}

// newCustomer makes the n-th customer of the corpus.
func (g *generator) newCustomer() *customer {
	n := len(g.customers) + 1
	c := &customer{
		id:    fmt.Sprintf("c-%04d", 1000+n),
		first: pick(g.r, firstNames),
		last:  pick(g.r, lastNames),
		phone: fmt.Sprintf("(%d) 555-01%02d", pick(g.r, []int{312, 415, 646, 512, 206, 303, 617, 404}), g.r.intn(100)),
	}
	domain := pick(g.r, []string{"example.com", "example.net", "example.org", "mail.example.com"})
	c.business = g.r.chance(0.12)
	if c.business {
		domain = pick(g.r, []string{"harbourlegal.example", "northfield-eng.example", "bramblecare.example", "citrine-media.example"})
		c.title = pick(g.r, []string{"Operations Manager", "Office Administrator", "Senior Associate", "Project Engineer"})
		c.footer = pick(g.r, legalFooters)
	}
	c.email = strings.ToLower(pick(g.r, []string{
		c.first + "." + c.last, c.first + c.last[:1], c.first[:1] + c.last, c.first + fmt.Sprint(g.r.between(10, 99)),
	})) + "@" + domain
	c.device = pick(g.r, devices)
	c.lowerChat = g.r.chance(0.6)
	g.customers = append(g.customers, c)
	return c
}

package gen

// frictionItem is one kind of non-defect friction: the customer's complaint, a detail
// they add when asked, what the agent finds, and the ways the contact can end.
type frictionItem struct {
	cat      string
	topic    string   // the thing it is about, used after a negation: "it's just the {topic}"
	says     []string // the complaint
	details  []string // a detail the customer adds
	findings []string // what the agent finds when looking
	fixes    []choice[fix]
	withProd bool // a product is part of the story (so "nothing wrong with the kettle itself" fits)
	weight   float64
}

// fix is one way a friction contact ends, with the agent's words.
type fix struct {
	res   string
	lines []string
	good  bool // the customer is satisfied
}

var frictionItems = []*frictionItem{
	{
		cat: FrictionShipping, topic: "delivery", withProd: true, weight: 1.2,
		says: []string{
			"my order was supposed to arrive on {day} and it still hasn't come.",
			"I ordered {prod} over a week ago and it's still not here.",
			"the tracking hasn't moved in six days.",
			"my parcel has been sitting at the depot for five days now.",
			"the delivery was meant to be next day and it's been a week.",
		},
		details:  []string{"The order number is {order}.", "I paid extra for next day delivery as well.", "I needed it for the weekend, it was a present."},
		findings: []string{"I can see it's been held at the courier's depot since {day}.", "It looks like the parcel missed its connection at the hub."},
		fixes: []choice[fix]{
			{fix{ResolutionInfo, []string{"I've chased the courier and it's out for delivery tomorrow before 6pm."}, true}, 4},
			{fix{ResolutionRefund, []string{"I've refunded your delivery charge for the delay, and it's due with you tomorrow."}, true}, 2},
			{fix{ResolutionReplacement, []string{"I'm sending a new one out today by express, and the stuck parcel will come back to us."}, true}, 2},
			{fix{ResolutionEscalated, []string{"I've opened an investigation with the courier, and they'll update you within 48 hours."}, false}, 1},
		},
	},
	{
		cat: FrictionShipping, topic: "delivery", withProd: true, weight: 0.8,
		says: []string{
			"the tracking says it was delivered but nothing came.",
			"it says it was left in a safe place but there's nothing here.",
			"apparently it was handed to a neighbour, but none of my neighbours have it.",
		},
		details:  []string{"I've checked with the neighbours and the bins.", "It's order {order}.", "I was in all day as well."},
		findings: []string{"The courier has it marked as delivered at 2:14pm, but there's no photo.", "I can see the delivery scan but no signature."},
		fixes: []choice[fix]{
			{fix{ResolutionReplacement, []string{"I'll send a replacement out today, and we'll deal with the courier."}, true}, 3},
			{fix{ResolutionRefund, []string{"I'll refund the order in full, and if it turns up you can just send it back."}, true}, 2},
			{fix{ResolutionEscalated, []string{"I need to open a claim with the courier first, and they take up to five working days."}, false}, 2},
		},
	},
	{
		cat: FrictionShipping, topic: "order", withProd: true, weight: 0.7,
		says: []string{
			"you've sent me the wrong thing. I ordered {prod} and got something completely different.",
			"the box had the wrong colour in it, I ordered the white one.",
			"I ordered one size and you sent another, the label on the box is right but the item isn't.",
		},
		details:  []string{"The order number is {order}.", "It's still in the packaging, I haven't opened it properly."},
		findings: []string{"I can see the warehouse picked the wrong item, sorry about that."},
		fixes: []choice[fix]{
			{fix{ResolutionReplacement, []string{"I'll send the right one today, and I'm emailing you a free returns label for the wrong one."}, true}, 4},
			{fix{ResolutionRefund, []string{"That colour is out of stock now, so I've refunded you in full."}, false}, 1},
		},
	},
	{
		cat: FrictionShipping, topic: "packaging", withProd: true, weight: 0.5,
		says: []string{
			"the box turned up crushed and soaking wet.",
			"the parcel was ripped open when it arrived.",
			"the outer box was completely smashed in when the driver left it.",
		},
		details:  []string{"I took photos of the box.", "The driver just threw it over the gate."},
		findings: []string{"I've added your photos to the order notes."},
		fixes: []choice[fix]{
			{fix{ResolutionInfo, []string{"Thanks for letting us know, I've reported the driver to the courier."}, true}, 3},
			{fix{ResolutionRefund, []string{"I've refunded the delivery charge as an apology."}, true}, 2},
		},
	},
	{
		cat: FrictionBilling, topic: "payment", withProd: true, weight: 1.0,
		says: []string{
			"I've been charged twice for the same order.",
			"there are two payments of {price} on my card for one order.",
			"my bank statement shows the same charge from you twice.",
		},
		details:  []string{"It's the card ending {last4}.", "It's order {order}.", "Both came out on the same day."},
		findings: []string{"I can see a duplicate payment on the order, that's our mistake."},
		fixes: []choice[fix]{
			{fix{ResolutionRefund, []string{"I've refunded the duplicate payment, you'll see it in three to five working days."}, true}, 4},
			{fix{ResolutionEscalated, []string{"I've passed it to our payments team, they'll reverse it within 48 hours."}, false}, 1},
		},
	},
	{
		cat: FrictionBilling, topic: "refund", withProd: true, weight: 1.0,
		says: []string{
			"the refund I was promised still hasn't come through.",
			"I sent {prod} back weeks ago and I still haven't had my money back.",
			"I'm still waiting for my refund, it's been nearly three weeks.",
		},
		details:  []string{"I dropped the return off on {day}.", "I've got the return receipt here.", "It was the card ending {last4}."},
		findings: []string{"I can see the return arrived at our warehouse last week.", "The return was received but the refund wasn't triggered."},
		fixes: []choice[fix]{
			{fix{ResolutionRefund, []string{"I've processed the refund now, sorry for the delay. It'll show in three to five working days."}, true}, 4},
			{fix{ResolutionInfo, []string{"The refund was issued on {day}, and banks can take up to ten days to show it."}, false}, 2},
			{fix{ResolutionEscalated, []string{"I've raised it with our finance team as urgent."}, false}, 1},
		},
	},
	{
		cat: FrictionBilling, topic: "price", withProd: true, weight: 0.6,
		says: []string{
			"I was charged full price but it was in the sale on your website.",
			"my discount code wasn't applied at the checkout.",
			"I was charged more than the price on the product page.",
		},
		details:  []string{"The code was WELCOME15.", "It was showing $20 off when I ordered."},
		findings: []string{"I can see the discount didn't apply to the order."},
		fixes: []choice[fix]{
			{fix{ResolutionRefund, []string{"I've refunded the difference back to your card."}, true}, 3},
			{fix{ResolutionUnresolved, []string{"I'm afraid that code had expired the day before, so I can't apply it."}, false}, 1},
		},
	},
	{
		cat: FrictionAccount, topic: "account", weight: 1.0,
		says: []string{
			"I'm locked out of my account.",
			"it says my account is locked after too many attempts.",
			"I can't log in to my Orla account at all, it says my password is wrong and I know it isn't.",
		},
		details:  []string{"My email is {email}.", "I only changed the password last month."},
		findings: []string{"I can see the account was locked after five failed attempts."},
		fixes: []choice[fix]{
			{fix{ResolutionInfo, []string{"I've unlocked the account and sent a password reset link to your email."}, true}, 4},
			{fix{ResolutionEscalated, []string{"I need our security team to verify the account first, and they'll email you today."}, false}, 1},
		},
	},
	{
		cat: FrictionAccount, topic: "account", weight: 0.8,
		says: []string{
			"the password reset email never arrives.",
			"I've asked for the reset link three times and nothing comes through.",
			"the login code never comes through by text.",
			"I can't change the email on my account, it says it's already in use.",
		},
		details:  []string{"I've checked the spam folder.", "My email is {email}."},
		findings: []string{"The account had an old email address on it, that's why."},
		fixes: []choice[fix]{
			{fix{ResolutionInfo, []string{"I've updated the email on your account and sent a fresh link, it should be there now."}, true}, 4},
			{fix{ResolutionEscalated, []string{"I've passed this to our accounts team, they'll sort it within a day."}, false}, 1},
		},
	},
	{
		cat: FrictionWebsiteApp, topic: "website", weight: 1.0,
		says: []string{
			"the checkout page keeps erroring when I try to pay.",
			"your website crashes at the payment step.",
			"I can't add anything to my basket on your website.",
			"the order tracking page on your site just spins forever.",
			"the website logs me out every time I go to the checkout.",
			"the promo code box on the website just gives an error.",
		},
		details:  []string{"I've tried on my phone and my laptop.", "I've tried Chrome and Safari.", "It says something went wrong, try again later."},
		findings: []string{"We've had a few reports about the checkout today."},
		fixes: []choice[fix]{
			{fix{ResolutionInfo, []string{"I can put the order through for you from here, and I'll apply the same price."}, true}, 3},
			{fix{ResolutionEscalated, []string{"I've reported it to our web team and they're working on it."}, false}, 2},
			{fix{ResolutionUnresolved, []string{"I'm afraid I can't take payments over this channel, so you'll need to try again later."}, false}, 1},
		},
	},
	{
		cat: FrictionPolicy, topic: "return", withProd: true, weight: 0.7,
		says: []string{
			"I want to return {prod}, I just don't get on with {it}, but it's been about five weeks.",
			"I'd like to send {prod} back, I've changed my mind, but the website says I'm too late.",
			"your website says I have to pay for return postage, and I don't think that's fair.",
		},
		details:  []string{"It's barely been used.", "It's still in the box."},
		findings: []string{"I can see the order was delivered 36 days ago."},
		fixes: []choice[fix]{
			{fix{ResolutionUnresolved, []string{"I'm sorry, our return window is 30 days for a change of mind, so I can't accept it back."}, false}, 3},
			{fix{ResolutionEscalated, []string{"It's outside the policy, but I'll ask my manager if we can make an exception."}, false}, 1},
			{fix{ResolutionRefund, []string{"It's just outside the window, but as a one-off I'll accept the return and refund you."}, true}, 1},
		},
	},
}

// frictionsOf returns the friction items of a category.
func frictionsOf(cat string) []*frictionItem {
	var out []*frictionItem
	for _, f := range frictionItems {
		if f.cat == cat {
			out = append(out, f)
		}
	}
	return out
}

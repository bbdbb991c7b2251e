package gen

var shoes = &product{
	key: "running shoes", display: "Stride running shoes", short: "shoes", unit: "pair of Stride running shoes", skus: []string{"RS-2-9", "RS-2-10", "RS-2-8", "RS-2-11", "RS-2-7"},
	plural: true, price: "$139", queue: "returns",
	refs: []string{"the running shoes", "my running shoes", "the Strides", "my trainers", "the shoes", "my new runners"},
	context: []string{
		"I bought {prod} {age} ago{ for marathon training| for parkrun| on your website|}.",
		"I've had {prod} for {age}{ and I've only done about fifty miles in them|}.",
		"I ordered {prod} {age} ago{ in a size ten| in the blue|}.",
	},
	vague: []string{
		"{prod} are falling apart.",
		"I'm not happy with {prod}, they haven't lasted.",
		"there's a problem with {prod}.",
	},
	howTo: []qa{
		{"Can I put {prod} in the washing machine?", "We'd recommend a hand wash with warm water and a soft brush. Take the insoles out and let them air dry away from radiators.", ""},
		{"Do {prod} come up big or small? I'm between sizes.", "They run true to size, but if you're between sizes or have wide feet go half a size up.", ""},
		{"How many miles should {prod} last?", "Most runners get 400 to 500 miles out of them, depending on the surface and your gait.", ""},
	},
	hypo: []qa{
		{"If the sole starts to come away, is that covered?", "Yes, sole separation within six months is covered as a manufacturing fault.", "shoes/"},
		{"What if they don't fit, can I swap the size?", "Yes, exchanges are free within 30 days if they're unworn outside.", ""},
	},
	fine: []string{
		"my Stride shoes have been brilliant",
		"the running shoes are the comfiest I've had",
	},
	negations: []string{
		"The shoes themselves are fine.",
		"Nothing wrong with the shoes, I love them.",
	},
	praise: []string{
		"they're so comfy",
		"the best running shoes I've owned",
	},
}

var shoeCauses = []*rootCause{
	{
		key: "shoes/sole-separating", physical: true, prod: shoes, component: "sole", symptom: "separating from upper",
		trend: flat, weight: 0.85,
		askAbout: []string{},
		compRefs: []string{"the sole", "the bottom", "the sole", "the rubber on the bottom"},
		reports: []string{
			"{comp} is coming away from the shoe.",
			"{comp} is peeling off at the toe.",
			"{comp} is separating from the top part after about fifty miles.",
			"there's a gap opening up between {comp} and the rest of the shoe.",
			"the glue has gone and {comp} is flapping when I run.",
			"the front of {comp} has come unstuck on both shoes.",
			"{comp} is detaching near the heel.",
			"{comp}'s half hanging off the left one.",
			"they've delaminated, {comp} is lifting along the side.",
			"{comp} has come unglued {dur} and I can get my fingers in the gap.",
		},
		confirms: []string{
			"Thanks for the photos. The sole has separated from the upper along the side, so the bond has failed. That's a manufacturing fault with the glue on that batch.",
			"Looking at the pictures, that's sole separation, which shouldn't happen at that mileage. It's a defect, not wear.",
		},
		probe: qa{"Any sign of the sole lifting or coming away?", "{no}, the soles are fine.", ""},
		fixedPast: []string{
			"the sole had started lifting on my last pair but the replacement pair has been perfect",
		},
		resolutions: []choice[string]{{ResolutionRefund, 35}, {ResolutionReplacement, 40}, {ResolutionUnresolved, 15}, {ResolutionEscalated, 10}},
	},
}

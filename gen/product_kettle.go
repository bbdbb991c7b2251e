package gen

var kettle = &product{
	key: "kettle", display: "Aster kettle", short: "kettle", unit: "Aster kettle", skus: []string{"KT-17", "KT-17G"},
	price: "$69.99", queue: "returns",
	refs: []string{"the kettle", "my kettle", "the Aster kettle", "the new kettle", "my Aster", "the glass kettle"},
	context: []string{
		"I bought {prod} {age} ago{ for the new flat| to replace my old one| on your website|}.",
		"We've had {prod} for {age}{ and we use it loads|}.",
		"I ordered {prod} {age} ago{, the white one| with the matching toaster|}.",
	},
	vague: []string{
		"there's something wrong with {prod}.",
		"{prod} isn't right.",
		"I'm not happy with {prod}, it's not working like it should.",
		"{prod} has been acting funny.",
	},
	howTo: []qa{
		{"How often should I descale {prod}? We're in a hard water area.", "In a hard water area about once a month. Half fill it with equal parts water and white vinegar, boil, leave it an hour, then rinse and boil twice with fresh water.", ""},
		{"Can I set {prod} to keep the water warm?", "Yes, press and hold the temperature button for two seconds and it keeps the water at the set temperature for thirty minutes.", ""},
		{"What's the minimum amount of water I can boil in {prod}?", "The minimum is one cup, about 250 millilitres, it's the first line inside.", ""},
		{"How do I change the temperature to 80 degrees for green tea?", "Tap the temperature button until the 80 light is on, then press start. It remembers your last setting.", ""},
		{"Is the filter in the spout removable for cleaning?", "Yes, it lifts straight out from inside. Rinse it under the tap and push it back down until it clicks.", ""},
	},
	hypo: []qa{
		{"If the lid ever cracks, can I buy just a new lid rather than a whole kettle?", "Yes, lids are sold separately through support for $15.", "kettle/lid-cracked"},
		{"What happens in case it breaks after the warranty runs out?", "After warranty we can't replace it free, but we do offer 30% off a new one.", "*"},
		{"If the seal ever starts leaking, is that something I can replace myself?", "Yes, the seal is a push-fit part and we can post you one.", "kettle/lid-seal-leak"},
	},
	fine: []string{
		"my Aster kettle has been brilliant",
		"the kettle I got from you is lovely, no complaints at all",
		"I've got your kettle too and it's been perfect for two years",
		"our Orla kettle works a treat",
	},
	negations: []string{
		"There's no problem with the kettle itself.",
		"The kettle's fine, nothing wrong with it at all.",
		"It's not the kettle, the kettle works perfectly.",
		"Nothing wrong with the kettle itself.",
	},
	praise: []string{
		"the kettle looks gorgeous in the kitchen",
		"it boils really fast, I love it",
		"it's such a nice kettle",
	},
	checks: []string{
		"Can you unplug the base at the wall, wait thirty seconds and plug it back in?",
		"Can you check the base is sitting flat and the kettle clicks fully down onto it?",
	},
}

var kettleCauses = []*rootCause{
	{
		key: "kettle/lid-cracked", physical: true, prod: kettle, component: "lid", symptom: "cracked",
		trend: flat, weight: 1.0, nearMiss: "kettle/lid-seal-leak",
		askAbout: []string{"kettle/lid-seal-leak", "kettle/base-burning"},
		compRefs: []string{"the lid", "the top", "the lid", "the flip top", "the top bit", "the lid on it"},
		reports: []string{
			"{comp} has cracked.",
			"there's a crack right across {comp}.",
			"there's a hairline crack near the hinge on the lid.",
			"{comp} has split down the middle.",
			"{comp} snapped at the hinge when I opened it, and I was just opening it normally.",
			"a piece of {comp} broke off near the button.",
			"I noticed a crack in the plastic on {comp}.",
			"{comp}'s cracked, and I didn't drop it or anything.",
			"{comp} has a split in it now, you can see right through it.",
			"the plastic on {comp} has cracked in two places {dur}.",
			"{comp} is breaking. First a little crack, now it's spreading towards the hinge.",
			"the hinge part of {comp} has cracked so it doesn't sit right anymore.",
		},
		confirms: []string{
			"Thanks for the photo you sent over. I can see a crack running from the hinge across the lid, so the lid itself has cracked. That's a known issue with the plastic on that batch.",
			"Looking at your photo, that's the lid cracking at the hinge, we've had a few of those. It's a manufacturing fault, not wear and tear.",
		},
		probe: qa{"Is there any crack or damage to the lid itself?", "{no}, the lid's fine, no cracks.", ""},
		fixedPast: []string{
			"the lid had cracked on my first one but the replacement you sent has been fine",
		},
		resolutions: []choice[string]{{ResolutionReplacement, 45}, {ResolutionRefund, 30}, {ResolutionEscalated, 10}, {ResolutionUnresolved, 15}},
	},
	{
		key: "kettle/lid-seal-leak", physical: true, prod: kettle, component: "lid seal", symptom: "leaks",
		trend: emerging, weight: 1.0, nearMiss: "kettle/lid-cracked",
		askAbout: []string{"kettle/lid-cracked", "kettle/base-burning"},
		compRefs: []string{"the seal", "the rubber seal", "the seal round the lid", "the gasket", "the rubber ring in the lid", "the seal on the lid"},
		reports: []string{
			"water spits out around the lid when it boils.",
			"{comp} leaks.",
			"steam and hot water come out round the top edge when it's boiling.",
			"there's a puddle on the counter every time I boil it, and it's coming from under the lid.",
			"{comp} has come loose and it leaks.",
			"it dribbles out from {comp} when I pour.",
			"{comp} doesn't seal anymore so water sprays out the top.",
			"boiling water bubbles out from the rim of the lid.",
			"when I pour, the water leaks out round the lid instead of coming out of the spout.",
			"it leaks from the top. I think it's {comp}, it's not sitting flat.",
			"it's spitting hot water out of the lid every time it gets to the boil, {dur}.",
			"{comp} has gone wavy and now water escapes from the lid when it boils.",
		},
		confirms: []string{
			"From the photo of the lid, the seal has shrunk away from the rim, so it'll leak round the lid when it boils. It's a fault with the part on some of the newer kettles.",
			"The serial number puts your kettle in the batch with the faulty lid seal, which leaks at the boil. That's on us, not you.",
		},
		probe: qa{"Is it leaking at all, anywhere around the lid?", "{no}, no leaks, it stays dry.", ""},
		workarounds: []string{
			"pop the seal out, rinse it, and push it back in with the lip facing down, and don't fill past the max line. That stops the leak on most of them until we can get a new seal to you",
		},
		fixedPast: []string{
			"the lid was leaking a bit at first but once I pushed the seal back in properly it's been fine",
		},
	},
	{
		key: "kettle/base-burning", prod: kettle, component: "power base", symptom: "overheats with burning smell",
		safety: true, trend: emerging, weight: 0.7,
		askAbout: []string{"kettle/lid-cracked", "kettle/lid-seal-leak"},
		compRefs: []string{"the base", "the power base", "the stand", "the bit it sits on", "the base plate", "the plug"},
		reports: []string{
			"there's a burning smell coming from {comp}.",
			"I saw a spark when I put the kettle back on {comp}.",
			"{comp} gets really hot and smells like melting plastic.",
			"there are scorch marks on {comp}, right under where the kettle sits.",
			"it smelled like something was burning and a bit of smoke came out from underneath.",
			"{comp} and the plug got so hot I couldn't touch them.",
			"it made a crackling noise and then there was a burnt smell from {comp}.",
			"{comp} has gone brown and discoloured, like it's been burning.",
			"it tripped the fuse and {comp} was smoking.",
			"there was a flash and a pop from {comp} when I switched it on.",
			"{comp} is way too hot after boiling and there's a smell of burning electrics.",
		},
		confirms: []string{
			"Looking at the photo, those brown marks on the power base mean the connector is overheating. Please don't use it again, that's a safety fault.",
			"That serial number is in a batch where the power base can overheat and scorch. Please stop using it, it's a safety issue and I'm logging it with our safety team.",
		},
		probe:       qa{"Have you noticed any burning smell or heat from the base at all?", "{no}, nothing like that, the base is fine.", ""},
		resolutions: []choice[string]{{ResolutionRefund, 45}, {ResolutionReplacement, 35}, {ResolutionEscalated, 20}},
	},
}

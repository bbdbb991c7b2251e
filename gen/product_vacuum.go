package gen

var vacuum = &product{
	key: "robot vacuum", display: "Roam robot vacuum", short: "robot", unit: "Roam robot vacuum", skus: []string{"RV-500", "RV-500X"},
	price: "$399", queue: "tech-support",
	refs: []string{"the robot vacuum", "the robot", "my Roam", "the vacuum", "the robot hoover", "the Roam"},
	context: []string{
		"I bought {prod} {age} ago{ because of the dog hair| for the downstairs|}.",
		"We've had {prod} for {age}{, and it was great at first|}.",
		"I got {prod} {age} ago{ in the Black Friday deal| from your website|}.",
	},
	vague: []string{
		"{prod} isn't cleaning properly anymore.",
		"something's wrong with {prod}, it's not doing its job.",
		"{prod} keeps stopping and I don't know what's going on.",
		"{prod} is not working right.",
	},
	howTo: []qa{
		{"How do I set up a no-go zone so {prod} stays out of the kid's room?", "In the app open the map, tap Zones, then draw a box over the room and save it as a no-go zone.", ""},
		{"Can I schedule {prod} to run while I'm at work?", "Yes, in the app go to Schedule, pick the days and a start time, and it'll leave the dock on its own.", ""},
		{"How often should I change the filter?", "Every two to three months, or monthly with pets. There's a reminder you can switch on in the app.", ""},
		{"Can it do more than one floor?", "Yes, it can save up to four maps. Carry it upstairs, start a mapping run, and it'll recognise which floor it's on after that.", ""},
		{"How do I empty the bin without making a mess?", "Press the tab on top, lift the bin out, and open the flap over the bin bag. Tapping it on the side of the bag helps with hair.", ""},
	},
	hypo: []qa{
		{"If the battery gets weak in a couple of years, can I buy a new one?", "Yes, replacement batteries are available and they just clip in under the cover.", "vacuum/battery-overheating"},
		{"What would happen if it ever fell down the stairs, is that covered?", "Accidental damage isn't covered by the warranty, but the cliff sensors should stop that happening.", ""},
		{"In case the brush ever wears out, do you sell spares?", "We do, a spare brush set is on the accessories page.", "vacuum/brush-jam"},
	},
	fine: []string{
		"my robot vacuum from you is brilliant",
		"the Roam has been great, it does the whole flat every day",
		"we love the robot hoover, it's been flawless",
	},
	negations: []string{
		"The robot itself is fine, no problems with it.",
		"There's nothing wrong with the vacuum, it's working great.",
		"It's not the robot, the robot's perfect.",
	},
	praise: []string{
		"the robot is honestly life changing with two dogs",
		"it cleans really well",
		"I love the map feature",
	},
	checks: []string{
		"Can you hold the power button for ten seconds until it restarts?",
		"Can you open the app and tell me what error it shows in the history?",
		"Can you lift it up and check the wheels turn freely?",
	},
}

var vacuumCauses = []*rootCause{
	{
		key: "vacuum/brush-jam", prod: vacuum, component: "main brush", symptom: "stops spinning",
		trend: flat, weight: 1.1,
		askAbout: []string{"vacuum/battery-overheating"},
		compRefs: []string{"the brush", "the main brush", "the roller", "the brush roll", "the spinny bit underneath", "the roller brush"},
		reports: []string{
			"{comp} stops spinning after a few minutes.",
			"{comp} underneath keeps jamming.",
			"it makes a grinding noise and then says brush error.",
			"{comp} doesn't turn anymore, even after I cleaned all the hair off it.",
			"it just drives around without picking anything up, because {comp} is stuck.",
			"{comp} gets stuck and it shows error two.",
			"{comp} won't spin.",
			"it keeps stopping with the brush blocked message but there's nothing in there.",
			"{comp} seizes up about ten minutes into a clean.",
			"it beeps, says check the main brush, and {comp} is just not moving.",
			"{comp} jams {dur}, every single run.",
			"I hear it struggling and then {comp} stops dead and it gives up.",
		},
		confirms: []string{
			"The error log shows brush motor stalls on every run, so the main brush is jamming. That's a fault with the brush motor, not anything you're doing.",
			"The robot's history shows error two, brush stuck, on nearly every clean, so the main brush is seizing. We've seen that with the gearbox on some units.",
		},
		probe: qa{"Is the main brush still spinning okay?", "{yes}, the brush spins fine.", ""},
		workarounds: []string{
			"take the brush out, pull off the end cap, clear the hair wrapped round the bearing, then run brush calibration from the settings. That usually stops the jamming",
			"lower the suction to standard for now. The jam is triggered by the motor on max power, and a firmware fix is coming next month",
		},
		fixedPast: []string{
			"the brush kept jamming last month but after I cleaned the bearing it's been spinning fine",
		},
		resolutions: []choice[string]{{ResolutionRepair, 20}, {ResolutionReplacement, 25}, {ResolutionWorkaround, 25}, {ResolutionRefund, 10}, {ResolutionEscalated, 10}, {ResolutionUnresolved, 10}},
	},
	{
		key: "vacuum/battery-overheating", prod: vacuum, component: "battery", symptom: "overheats",
		safety: true, trend: emerging, weight: 0.6,
		askAbout: []string{"vacuum/brush-jam"},
		compRefs: []string{"the battery", "the battery bit", "the underneath", "the battery compartment"},
		reports: []string{
			"the robot gets really hot underneath while it's charging.",
			"there was smoke coming out of the vacuum while it was on the dock.",
			"{comp} is too hot to touch after it charges.",
			"I smelled burning plastic and it turned out to be the robot.",
			"{comp} looks swollen, the cover underneath is bulging out.",
			"it shut itself down with an overheating warning and the underside was scorching.",
			"it started smoking in the middle of the living room.",
			"{comp} got so hot it actually warped the plastic.",
			"it's giving off a hot electrical smell after every clean.",
			"the dock and the robot were both boiling hot and there was a burning smell.",
			"there's a fizzing sound from {comp} when it's charging and it gets hot.",
		},
		confirms: []string{
			"From the temperature readings the robot sent, the battery is overheating while it charges. Please unplug the dock and keep it away from anything flammable, that's a safety fault.",
			"The robot has logged three overheating shutdowns this week, so the battery is overheating. That's a safety issue and I'm flagging it to our safety team right now.",
		},
		probe:       qa{"Any heat or smell from the robot when it's charging?", "{no}, it stays cool, nothing like that.", ""},
		resolutions: []choice[string]{{ResolutionRefund, 40}, {ResolutionReplacement, 35}, {ResolutionEscalated, 25}},
	},
}

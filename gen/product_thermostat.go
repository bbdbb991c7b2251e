package gen

var thermostat = &product{
	key: "thermostat", display: "Therma smart thermostat", short: "thermostat", unit: "Therma thermostat", skus: []string{"TH-300"},
	price: "$179", queue: "tech-support",
	refs: []string{"the thermostat", "my thermostat", "the Therma", "the smart thermostat", "the thing on the wall", "the heating controller"},
	context: []string{
		"We had {prod} installed {age} ago{ by your installer| ourselves|}.",
		"I've got {prod}, I bought it {age} ago{ when we moved in|}.",
		"So {prod} went in {age} ago{, replacing the old dial one|}.",
	},
	vague: []string{
		"{prod} is playing up.",
		"something's not right with {prod}.",
		"{prod} isn't working like it should.",
		"I'm having problems with {prod}.",
	},
	howTo: []qa{
		{"How do I set a different temperature for weekends?", "In the app go to Schedule, tap Saturday, set your times and temperatures, then copy them to Sunday.", ""},
		{"Can {prod} turn the heating down when we're all out?", "Yes, switch on Away Assist in the app and it uses your phones' locations to drop the temperature when the house is empty.", ""},
		{"How do I let my partner control {prod} from their phone?", "In the app go to Home settings, then People, and invite them by email. They'll get full control once they accept.", ""},
		{"Does {prod} work with the hot water as well?", "If your boiler has a separate hot water control, yes. Tap Hot water in the app to set its own schedule.", ""},
		{"What does the little leaf symbol mean?", "The leaf means you're at an energy saving temperature. It's just for information.", ""},
	},
	hypo: []qa{
		{"What would happen if the screen ever stopped working, could I still control it from the app?", "Yes, the app keeps working even if the display doesn't.", "thermostat/"},
		{"If the wifi goes down, does the heating still follow the schedule?", "Yes, the schedule is stored on the thermostat, so it carries on without wifi.", ""},
		{"In case it breaks in winter, how fast can you get someone out?", "We aim to have an engineer with you within 48 hours for heating faults.", "*"},
	},
	fine: []string{
		"my thermostat from you has been perfect",
		"the Therma has been great, the heating bills are down",
		"I've got your thermostat and it's been spot on",
	},
	negations: []string{
		"The thermostat itself is fine.",
		"There's nothing wrong with the thermostat, it works perfectly.",
		"It's not the thermostat, that's working great.",
	},
	praise: []string{
		"the thermostat has cut our heating bill",
		"it's a lovely bit of kit",
		"I love being able to turn the heating on from bed",
	},
	checks: []string{
		"Can you pull it gently off the wall plate, wait ten seconds and click it back on?",
		"Can you check it's on the latest software in the app under Device, then About?",
	},
}

var thermostatCauses = []*rootCause{
	{
		key: "thermostat/screen-blank", prod: thermostat, component: "display", symptom: "goes blank",
		trend: flat, weight: 1.0, nearMiss: "thermostat/touch-unresponsive",
		askAbout: []string{},
		compRefs: []string{"the screen", "the display", "the front", "the screen on it"},
		reports: []string{
			"{comp} goes blank.",
			"{comp} just turns off and stays black.",
			"{comp} is dark, nothing on it, but the heating still seems to come on.",
			"{comp} keeps going blank a few times a day.",
			"it's just a black screen now.",
			"{comp} has gone completely dead, I can't even see the temperature.",
			"{comp} flickers and then switches off.",
			"nothing shows on {comp} anymore.",
			"{comp} blanks out and only comes back if I pull it off the wall plate.",
			"you walk up to it and there's nothing on {comp}, totally black.",
			"{comp} went dark {dur} and hasn't come back.",
		},
		confirms: []string{
			"The thermostat is still online and reporting temperatures, but the display backlight is off, so the screen is going blank. That's a display fault.",
			"The diagnostics show the display switching off several times a day while it keeps heating, so the screen is going blank. That's a display fault we've seen on some units.",
		},
		probe: qa{"Does the screen ever go blank or switch off?", "{no}, the screen's on, it's lit up fine.", ""},
		workarounds: []string{
			"pull it off the wall plate for thirty seconds and click it back on. That reboots the display, and you can turn off screen dimming in the app so it stays on",
		},
		fixedPast: []string{
			"the screen went blank a couple of times last month but the update fixed that",
		},
		resolutions: []choice[string]{{ResolutionRepair, 20}, {ResolutionReplacement, 30}, {ResolutionWorkaround, 20}, {ResolutionRefund, 10}, {ResolutionEscalated, 10}, {ResolutionUnresolved, 10}},
	},
	{
		key: "thermostat/touch-unresponsive", prod: thermostat, component: "touchscreen", symptom: "unresponsive to touch",
		trend: emerging, weight: 0.9, nearMiss: "thermostat/screen-blank",
		askAbout: []string{"thermostat/screen-blank"},
		compRefs: []string{"the screen", "the touchscreen", "the touch screen", "the display", "the front"},
		reports: []string{
			"{comp} doesn't respond when I touch it.",
			"I can see the temperature but tapping does nothing.",
			"{comp} ignores my taps.",
			"I have to press five or six times before it registers anything.",
			"{comp} is on but it's frozen, touching it does nothing.",
			"I can't change the temperature on {comp} because it won't react to my finger.",
			"the touch buttons on the front have stopped working.",
			"swiping on {comp} doesn't do anything, only the app works now.",
			"it's lit up fine, it just won't take any input.",
			"{comp} is unresponsive. I press and press and nothing.",
			"{comp} stopped reacting to touch {dur}.",
		},
		confirms: []string{
			"The thermostat's logs show no touch input at all even though the display is on, so the touchscreen isn't responding. That's a hardware fault with the touch layer.",
			"The log shows the screen on but not a single touch registered in three days, so the touchscreen has stopped responding. That's the touch panel failing, we know about it on some units.",
		},
		probe: qa{"And does the screen respond when you tap it?", "{yes}, touch works fine, it's not that.", ""},
		workarounds: []string{
			"use the app to change the temperature for now, and try a touch recalibration: hold your finger on the top edge for ten seconds until it beeps",
		},
		fixedPast: []string{
			"the screen stopped responding for a day last month but the restart fixed it and it's been fine",
		},
		resolutions: []choice[string]{{ResolutionRepair, 20}, {ResolutionReplacement, 30}, {ResolutionWorkaround, 20}, {ResolutionRefund, 10}, {ResolutionEscalated, 10}, {ResolutionUnresolved, 10}},
	},
}

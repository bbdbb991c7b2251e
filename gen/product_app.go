package gen

// homeApp is the Orla Home app that controls the thermostat, the robot vacuum and the
// earbuds. A fault in the app itself (crashing) is a product defect; a problem with
// the shop website or checkout is website_app friction, and a login problem is account
// friction.
var homeApp = &product{
	key: "home app", display: "Orla Home app", short: "app", unit: "copy of the app", skus: []string{"APP-IOS", "APP-ANDROID"},
	plural: false, price: "", queue: "tech-support",
	refs: []string{"the app", "the Orla app", "the Home app", "your app", "the Orla Home app"},
	context: []string{
		"I use {prod} for the thermostat and the robot{ every day|}.",
		"I've been using {prod} for {age} to run the heating.",
		"So I've got {prod} on my phone{, an iPhone 15| on a Pixel| on a Samsung|}.",
	},
	vague: []string{
		"{prod} isn't working.",
		"I can't get {prod} to work at all.",
		"{prod} is broken for me.",
		"{prod} has stopped working properly.",
	},
	howTo: []qa{
		{"How do I add a second home in {prod}? We've got a holiday cottage.", "Tap your home name at the top, then Add home, and set up the devices there. You can switch between homes from the same menu.", ""},
		{"Can I get {prod} to send me a notification when the robot finishes?", "Yes, go to Settings, Notifications, and switch on Clean finished.", ""},
		{"Is there a widget for {prod} so I don't have to open it every time?", "Yes, long press your home screen, add a widget, and pick Orla. You can put the thermostat and the robot on it.", ""},
		{"How do I turn on dark mode in {prod}?", "It follows your phone setting, so if your phone is in dark mode the app will be too.", ""},
	},
	hypo: []qa{
		{"If the app crashes halfway through an update, will my schedules be lost?", "No, schedules live on the devices and in your account, so nothing's lost.", "app/"},
		{"What happens if your servers go down, can I still use the thermostat?", "Yes, the thermostat works locally and keeps its schedule without the app.", ""},
	},
	fine: []string{
		"the app has always been really good",
		"I use the Orla app every day and it's great",
	},
	negations: []string{
		"The app's fine, it's not that.",
		"There's nothing wrong with the app itself.",
	},
	praise: []string{
		"the app is really easy to use",
		"I love the app, it's so simple",
	},
	checks: []string{
		"Can you force close the app, then open it again while I watch the logs?",
		"Can you check which version of the app you've got in the store?",
		"Can you try logging out and back in for me?",
	},
}

var appCauses = []*rootCause{
	{
		key: "app/crash-on-launch", prod: homeApp, component: "app", symptom: "crashes on launch",
		trend: spike, weight: 1.0,
		askAbout: []string{},
		compRefs: []string{"the app", "the Orla app", "the Home app"},
		reports: []string{
			"{comp} crashes as soon as I open it.",
			"{comp} closes itself on the loading screen.",
			"every time I open {comp} it shuts down straight away.",
			"since the last update {comp} won't even open, it just flashes up and closes.",
			"{comp} keeps crashing before I can get to the thermostat.",
			"I tap on {comp} and it kicks me straight back to my home screen.",
			"{comp} freezes on the logo and then dies.",
			"{comp} just quits the second it loads.",
			"I can't use {comp} at all, it crashes on startup.",
			"{comp} opens for like half a second and then it's gone.",
			"{comp} has been crashing {dur}, every single time I launch it.",
			"I get the white screen with the logo and then it bombs out.",
		},
		confirms: []string{
			"I can see you're on version 5.2, which is the release that crashes on launch on some phones, so the app is crashing when it opens. The team is working on a fix.",
			"I can see a crash report from your phone each time you open it, so the app is crashing on startup. That's a bug on our side.",
		},
		probe: qa{"Is the app crashing or closing on you at all?", "{no}, the app opens fine.", ""},
		workarounds: []string{
			"delete the app, restart your phone, and reinstall it. That clears the bad cache the update left behind and it opens again for most people",
			"go into your phone's settings, find Orla Home, clear the storage and cache, then log back in",
		},
		fixedPast: []string{
			"the app was crashing a couple of weeks ago but the update fixed it",
			"it kept closing on me last month, but that's sorted since the new version",
		},
		resolutions: []choice[string]{{ResolutionWorkaround, 50}, {ResolutionEscalated, 30}, {ResolutionUnresolved, 20}},
	},
}

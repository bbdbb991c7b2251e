package gen

// Phrase banks for the parts of a conversation that are not about the problem: the
// small talk, identity checks, holds and goodbyes the defect statement is hidden in.
// Lines are written as neutral written English; the channel renderers turn them into
// speech-to-text, chat or email text.

var onsets = []string{
	"after about a week", "a few days ago", "since last weekend", "out of nowhere on Tuesday",
	"pretty much from day one", "over the last couple of weeks", "since the weekend",
	"after only a month", "in the last few days", "since the start of the month", "last Thursday",
}

var ages = []string{
	"a month", "about six weeks", "three weeks", "two months", "a couple of months",
	"nearly three months", "five weeks", "about a fortnight", "just over a month", "four months",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// reportHedges go before a defect statement that has no other lead-in.
var reportHedges = []choice[string]{
	{"", 12}, {"I think ", 1}, {"It seems like ", 1}, {"For some reason ", 1}, {"The problem is ", 1},
	{"What's happening is ", 1}, {"Basically, ", 1}, {"Long story short, ", 0.5}, {"So, ", 1},
}

// customer elaborations after a defect statement
var defectElaborations = []string{
	"I've only had {it} {age}.",
	"It started {dur}.",
	"I haven't dropped {it} or anything.",
	"I use {it} every day so it's a real pain.",
	"I've tried turning {it} off and on again.",
	"I've looked on your website and tried what it says.",
	"It's not like I've been rough with {it} either.",
	"{its} not even that old.",
	"I checked the FAQ but nothing in there helped.",
	"My partner noticed it first, actually.",
}

var agentEmpathy = []string{
	"I'm sorry to hear that.",
	"Oh no, that's really frustrating, I'm sorry.",
	"I'm sorry about that, let's get it sorted for you.",
	"Thanks for explaining, and sorry you've had that.",
	"Ah, that's not what you want at all. I'm sorry.",
	"I completely understand, that must be annoying.",
	"Sorry to hear {yours} {is} giving you trouble.",
}

var agentEmpathyGeneral = []string{
	"I'm sorry about that.",
	"Oh no, sorry to hear that.",
	"I'm sorry for the trouble, let me take a look.",
	"Sorry about this, let's get it sorted.",
	"Ah, I'm sorry. Let me see what's going on.",
}

var agentEmpathyCurt = []string{"Okay.", "Right.", "Okay, one moment.", "Fine."}

// agentOpenProbes are the agent's first questions, each with how the customer's
// answer starts before they describe the fault again.
var agentOpenProbes = []qa{
	{"Can you tell me a bit more about what's happening?", "{Basically, |So, |Well, |}", ""},
	{"When did you first notice it?", "{It started {dur}.|{dur}, I think.|Not long after I got {it}.} ", ""},
	{"And is it happening every time, or just now and again?", "{Pretty much every time.|Every single time.|Most days now.} ", ""},
	{"Have you tried a reset at all?", "{Yes, I've reset {it} twice and it made no difference.|Yeah, I did the reset from the website, no change.|I have, yes, it didn't help.} ", ""},
	{"Can you walk me through what happens?", "{So, |Okay, so |}", ""},
}

var agentDetailsThanks = []string{
	"Thanks, that's really helpful.",
	"Okay, thanks for that.",
	"Got it, thank you.",
	"Right, that makes sense.",
}

var agentAnythingElse = []string{
	"Is there anything else I can help you with today?",
	"Anything else I can do for you?",
	"Was there anything else?",
	"Is there anything else you need from me?",
}

var custNothingElse = []string{
	"No, that's everything, thanks.",
	"No, that's it.",
	"Nope, that's all.",
	"That's all, thank you.",
	"No, I think that's it.",
}

// resolution lines said by the agent, by resolution
var resolutionLines = map[string][]string{
	ResolutionRefund: {
		"I've gone ahead and put through a full refund of {price} to your original payment method. It should show in three to five working days.",
		"I'm going to refund you in full, and you don't need to send {it} back.",
		"I've issued a refund for {yours}. You'll get a confirmation email in the next few minutes.",
		"I've processed a refund to the card you paid with, it usually lands within five working days.",
	},
	ResolutionReplacement: {
		"I've set up a replacement for you. It'll ship today and should be with you in two to three days.",
		"I'm sending you a brand new {unit} free of charge, and there's a prepaid label in the box for the old one.",
		"I've arranged a replacement, and I've upgraded the delivery to next day.",
		"I'll get a new one sent out to you, you should have it by {day}.",
	},
	ResolutionRepair: {
		"I've booked {it} in for a repair at our service centre. A courier will collect {it} on {day}.",
		"I can get an engineer out to you on {day} to fix it at home, free of charge.",
		"I've raised a repair order. Pop {it} in the box, the courier collects {day}, and it comes back within a week.",
	},
	ResolutionEscalated: {
		"I'm going to escalate this to our product team so they can look into it properly. Someone will contact you within 48 hours.",
		"I've raised this with our second line support team, and they'll email you by {day}.",
		"I'm passing this to my team leader, who can authorise more than I can. They'll call you back tomorrow.",
	},
	ResolutionUnresolved: {
		"I'm afraid there isn't anything more I can do from here today.",
		"Unfortunately I'm not able to offer anything else on this one.",
		"I'm sorry, I've tried everything I can on my side.",
	},
}

var safetyWarnings = []string{
	"First, please stop using it and unplug it straight away.",
	"Before anything else, please don't use it again, and keep it unplugged.",
	"For your safety, please unplug it and don't use it until this is sorted.",
}

var escalateSafety = []string{
	"I'm escalating this to our product safety team as a priority, and they'll contact you within 24 hours.",
	"I've logged this with our safety team and they'll be in touch today about collecting it.",
}

// policyRefusals are the agent refusing on policy grounds (q) and the customer's
// pushback (a).
var policyRefusals = []qa{
	{"I've checked, and {it} {is} just outside the warranty period, so I can't offer a free replacement.", "{That's ridiculous, it's only just out of warranty.|So because it's a couple of weeks over, that's it? That's really poor.}", ""},
	{"Unfortunately, as {its} past the return window, I'm not able to take {it} back.", "{I can't believe you won't take it back, it's clearly a fault.|That policy makes no sense, it shouldn't break this quickly in the first place.}", ""},
	{"Our policy is that we need proof of purchase for warranty claims, and I can't find the order on our system.", "{I've got the confirmation email, I'm not making it up.|So I have to dig out a receipt to prove you sold me a faulty product?}", ""},
	{"The warranty doesn't cover it if it's been bought from a third-party seller, I'm afraid.", "{It was an official Orla listing, how was I supposed to know?|That's not what it said when I bought it.}", ""},
}

var custAcceptGood = []string{
	"Oh brilliant, thank you.",
	"Perfect, that works for me.",
	"Great, that's all I wanted really.",
	"Okay, that's fine.",
	"Lovely, thanks.",
	"Oh, that's great news.",
}

var custAcceptWorkaround = []string{
	"Hang on, let me try that now. Okay, that seems to have done something.",
	"Okay, I'll give that a go tonight.",
	"Right, I'll try that and see.",
	"Okay, that's worked for now, but I shouldn't have to do that.",
}

var custAcceptEscalated = []string{
	"Okay, I'll wait to hear from them then.",
	"Fine, as long as someone actually calls me back.",
	"Okay. Please make sure they do get in touch.",
}

var custAcceptBad = []string{
	"So I'm just stuck with it then?",
	"That's not good enough, to be honest.",
	"Right. So nothing can be done.",
	"I'm not happy about that at all.",
	"Well, that's disappointing.",
}

// explicit praise of the agent, said to the agent
var agentPraiseLines = []string{
	"Thanks so much {agent}, you've been super helpful.",
	"You're a star, honestly.",
	"{agent}, you've been brilliant, thank you.",
	"Honestly you've been so patient with me, thank you.",
	"Thank you, you've been really lovely about all this.",
	"Wow, that was quick, you're a legend.",
	"You've been amazing, I'll say so in the survey.",
	"That's the best customer service I've had in ages, thank you {agent}.",
	"I really appreciate how helpful you've been, {agent}.",
}

var companyPraiseLines = []string{
	"You lot have always been good to me.",
	"This is why I keep buying from Orla.",
	"Your customer service has always been great.",
	"Orla have always looked after me, to be fair.",
}

var processPraiseLines = []string{
	"That was a really easy return, thanks.",
	"I love that I didn't have to send it back first.",
	"That was so much easier than I expected.",
}

// productPraiseFrames praise the product in a contact about one of its faults;
// productPraiseAside in any other contact.
var productPraiseFrames = []string{
	"I do love {prod} otherwise, {praise}.",
	"Which is a shame, because {praise}.",
	"Apart from that, {praise}.",
}

var productPraiseAside = []string{
	"By the way, {praise}.",
	"Honestly, {praise}.",
	"I have to say, {praise}.",
}

var custAcceptGrudging = []string{
	"Fine, I suppose.",
	"Okay. I'm still not happy about it though.",
	"Okay, but honestly this has really put me off.",
	"Right. Well, that's something.",
}

var churnLines = []string{
	"If this isn't sorted I'm going to cancel my order and go elsewhere.",
	"I'm switching to another brand after this.",
	"Honestly, I'll never buy from you again.",
	"I'm done with Orla, I'm sending everything back.",
	"I'm going to cancel my Home Plus subscription.",
	"I'll be taking my business elsewhere.",
	"That's the last thing I buy from you.",
	"I'm going to get a different brand, this has been a nightmare.",
}

var frustrationLines = []string{
	"This is really annoying, to be honest.",
	"I'm a bit fed up with it, if I'm honest.",
	"It's frustrating, because I really wanted to like {it}.",
	"Not ideal, but okay.",
	"I'm not going to cancel or anything, I just want it working.",
	"It's just a hassle I could do without.",
}

var effortLines = map[string][]string{
	"repeat": {
		"This is the third time I've contacted you about this.",
		"I've already been in touch about this twice.",
		"I called last week about exactly the same thing.",
		"This is my second time chasing this.",
	},
	"transfer": {
		"I've been passed around three different departments already.",
		"That's the third time I've been transferred today.",
		"I've been transferred twice already, I just want someone to sort it.",
	},
	"hold": {
		"I was on hold for forty minutes before anyone answered.",
		"I've been waiting ages to get through to someone.",
		"I've been in the queue for over half an hour.",
	},
	"explain": {
		"I've already explained all of this to the last person.",
		"I had to go through the whole thing again with the bot first.",
		"Nobody seems to read the notes, I keep repeating myself.",
	},
	"emails": {
		"I've sent three emails and nobody has replied.",
		"This is my fourth email about this.",
	},
}

var followUpOpeners = map[string][]string{
	ResolutionReplacement: {
		"The replacement you sent has the same problem.",
		"I got the replacement, and it's doing exactly the same thing.",
	},
	ResolutionWorkaround: {
		"I tried the fix the last person gave me, and it's back to doing it again.",
		"The reset worked for about a day and now it's happening again.",
	},
	ResolutionEscalated: {
		"I was told someone would call me back about this, and nobody has.",
		"I'm chasing the escalation from last time, I haven't heard anything.",
	},
	"": {
		"I was in touch about this before and it's still not fixed.",
		"I'm contacting you again about the same problem.",
	},
}

var smallTalk = []qa{
	{"Sorry, my dog is going mad at the door.", "No worries at all, take your time.", ""},
	{"Sorry, I'm just in the car, you're on speaker.", "That's fine, I can hear you okay.", ""},
	{"Sorry, it's been one of those days.", "Oh, I know the feeling.", ""},
	{"Sorry if it's noisy, the kids are home.", "Don't worry, I can hear you fine.", ""},
}

var holdAsk = []string{
	"Let me just pop you on hold for a moment while I check that.",
	"Bear with me, I'll need to put you on a quick hold.",
	"Can I place you on a brief hold while I look into this?",
	"Give me two minutes, I'm just going to check with my team.",
}

var holdBack = []string{
	"Thanks for holding.",
	"Thank you for waiting, sorry about that.",
	"Thanks for bearing with me.",
	"Sorry for the wait.",
}

var custOK = []string{"Sure.", "Okay.", "Yep, no problem.", "That's fine.", "Okay, thanks."}

var backchannels = []string{"Mhm.", "Okay.", "Right.", "Yeah.", "I see.", "Uh huh."}

var rudeAgentLines = []string{
	"As I said, that's the process.",
	"I've already explained that.",
	"I heard you the first time.",
	"Okay, well, it's the same for everyone.",
	"You'll need to be patient.",
}

var rudeCustomerReplies = []string{
	"You're not really listening to me.",
	"There's no need to be like that.",
	"Can I speak to someone else, please?",
	"Wow, okay. That's really unhelpful.",
}

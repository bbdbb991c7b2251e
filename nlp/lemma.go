package nlp

import "strings"

// irregular maps irregular verb forms to their lemma.
var irregular = map[string]string{
	"am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "'s": "be",
	"has": "have", "had": "have", "having": "have", "does": "do", "did": "do", "done": "do", "doing": "do",
	"broke": "break", "broken": "break", "went": "go", "gone": "go", "goes": "go", "came": "come",
	"got": "get", "gotten": "get", "ran": "run", "stuck": "stick", "fell": "fall", "fallen": "fall",
	"caught": "catch", "burnt": "burn", "shook": "shake", "shaken": "shake", "froze": "freeze",
	"frozen": "freeze", "tore": "tear", "torn": "tear", "wore": "wear", "worn": "wear", "lost": "lose",
	"split": "split", "quit": "quit", "began": "begin", "begun": "begin", "drove": "drive",
	"driven": "drive", "shut": "shut", "blew": "blow", "blown": "blow", "bent": "bend", "spun": "spin",
	"made": "make", "said": "say", "told": "tell", "sent": "send", "bought": "buy", "brought": "bring",
	"thought": "think", "felt": "feel", "kept": "keep", "left": "leave", "meant": "mean", "paid": "pay",
	"saw": "see", "seen": "see", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"knew": "know", "known": "know", "found": "find", "heard": "hear", "held": "hold", "wrote": "write",
	"written": "write", "spoke": "speak", "spoken": "speak", "stood": "stand", "understood": "understand",
	"hung": "hang", "cut": "cut", "put": "put", "set": "set", "hit": "hit", "let": "let", "hurt": "hurt",
	"leapt": "leap", "slid": "slide", "swore": "swear", "threw": "throw", "thrown": "throw", "woke": "wake",
	"lit": "light", "dealt": "deal", "won": "win", "sold": "sell", "built": "build", "spent": "spend",
	"ate": "eat", "eaten": "eat", "drank": "drink", "rang": "ring", "rung": "ring", "sank": "sink",
	"became": "become", "forgot": "forget", "forgotten": "forget", "chose": "choose", "chosen": "choose",
	"rode": "ride", "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow", "wound": "wind",
	"dying": "die", "died": "die", "dies": "die", "lying": "lie", "tied": "tie",
	"charging": "charge", "charged": "charge", "charges": "charge",
}

// irregularNouns maps irregular plurals to their singular.
var irregularNouns = map[string]string{
	"children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth", "people": "person",
	"mice": "mouse", "knives": "knife", "lives": "life", "wives": "wife", "halves": "half", "shelves": "shelf",
	"leaves": "leaf", "series": "series", "glasses": "glasses", "headphones": "headphone", "earbuds": "earbud",
	"pants": "pants", "trousers": "trousers", "scissors": "scissors", "news": "news", "status": "status",
	"bus": "bus", "lens": "lens", "gas": "gas", "this": "this", "its": "its", "yes": "yes", "us": "us",
	"always": "always", "was": "was", "has": "has", "is": "is", "does": "does", "less": "less",
	"bless": "bless", "mess": "mess", "address": "address", "process": "process", "access": "access",
	"business": "business", "minus": "minus", "plus": "plus", "virus": "virus", "bonus": "bonus",
	"thanks": "thanks", "sometimes": "sometimes", "perhaps": "perhaps", "across": "across",
	"boxes": "box", "watches": "watch", "switches": "switch", "batches": "batch", "brushes": "brush",
	"buses": "bus", "fixes": "fix", "glitches": "glitch", "issues": "issue",
}

// Lemma returns the dictionary form of a lower-case word with Penn tag tag: "cracked"
// gives "crack", "batteries" "battery", "won't" (as "will") stays "will".
func Lemma(word, tag string) string {
	if tag == "POS" {
		return word // the possessive "'s" of "the juicer's auger" is no "is"
	}
	if l, ok := irregular[word]; ok && (tag == "" || tag[0] == 'V' || tag == "MD" || l == "be" || l == "have" || l == "do") {
		return l
	}
	switch {
	case strings.HasPrefix(tag, "NNS"), tag == "NNPS":
		return nounLemma(word)
	case tag == "VBZ":
		return verbLemmaS(word)
	case tag == "VBD", tag == "VBN", tag == "VBG":
		return verbLemma(word)
	case tag == "" || tag == "JJ" || tag == "NN":
		// Tags are unreliable on lower-case speech; "charging" tagged NN still
		// lemmatises as a verb form only when it is one.
		return word
	}
	return word
}

// VerbLemma returns the verb lemma of word whatever its tag: "charging" gives "charge".
func VerbLemma(word string) string {
	if l, ok := irregular[word]; ok {
		return l
	}
	if strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") {
		return verbLemmaS(word)
	}
	return verbLemma(word)
}

func nounLemma(w string) string {
	if l, ok := irregularNouns[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

func verbLemmaS(w string) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
		return w[:n-2]
	case strings.HasSuffix(w, "zes"): // "freezes" -> "freeze"; "buzzes" is handled above
		return w[:n-1]
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// keepE lists stems that keep a final e before -ed/-ing ("charge" -> "charging").
func restoreE(stem string) string {
	n := len(stem)
	if n < 2 {
		return stem
	}
	last := stem[n-1]
	prev := stem[n-2]
	// doubled consonant: "stopped" -> "stop", "plugged" -> "plug"
	if n >= 3 && last == prev && !strings.ContainsRune("aeioulsz", rune(last)) {
		return stem[:n-1]
	}
	if strings.HasSuffix(stem, "ell") && n > 5 { // "cancelled", "travelled"
		return stem[:n-1]
	}
	// consonant + (v|c|g|z|s) endings that need an e: "charg" -> "charge",
	// "overheat" stays; "leak" stays; "freez" -> "freeze"; "stat" -> "state".
	switch {
	case strings.HasSuffix(stem, "rg"), strings.HasSuffix(stem, "ng") && n > 5 && !strings.HasSuffix(stem, "ing"),
		strings.HasSuffix(stem, "dg"), strings.HasSuffix(stem, "rc"), strings.HasSuffix(stem, "nc"),
		strings.HasSuffix(stem, "iz"), strings.HasSuffix(stem, "yz"), strings.HasSuffix(stem, "eez"),
		strings.HasSuffix(stem, "ov"), strings.HasSuffix(stem, "iv"), strings.HasSuffix(stem, "ev"),
		strings.HasSuffix(stem, "av"), strings.HasSuffix(stem, "rv"), strings.HasSuffix(stem, "lv"),
		strings.HasSuffix(stem, "uc"), strings.HasSuffix(stem, "ag") && n > 4, strings.HasSuffix(stem, "ul") && n > 4,
		strings.HasSuffix(stem, "bl"), strings.HasSuffix(stem, "pl"), strings.HasSuffix(stem, "tl"), strings.HasSuffix(stem, "kl"),
		strings.HasSuffix(stem, "gl"), strings.HasSuffix(stem, "dl"), strings.HasSuffix(stem, "zl"), strings.HasSuffix(stem, "cl"),
		strings.HasSuffix(stem, "ur") && n > 3, strings.HasSuffix(stem, "ir") && n > 4 && !strings.HasSuffix(stem, "air"),
		strings.HasSuffix(stem, "as") && n > 3, strings.HasSuffix(stem, "us") && n > 3 && !strings.HasSuffix(stem, "ous"),
		strings.HasSuffix(stem, "ys"), strings.HasSuffix(stem, "ps") && n > 4, strings.HasSuffix(stem, "rs") && n > 4:
		return stem + "e"
	}
	// single vowel + consonant at the end of a short stem: "us" -> "use",
	// "los" -> "lose", "mak" -> "make", "tak" -> "take", "smok" -> "smoke".
	vowels := "aeiou"
	if n >= 2 && n <= 5 && strings.IndexByte(vowels, prev) >= 0 && strings.IndexByte(vowels, last) < 0 && last != 'w' && last != 'x' && last != 'y' {
		v := 0
		for i := 0; i < n; i++ {
			if strings.IndexByte(vowels, stem[i]) >= 0 {
				v++
			}
		}
		if v == 1 && !(n >= 3 && strings.IndexByte(vowels, stem[n-3]) >= 0) && !eStemExceptions[stem] {
			return stem + "e"
		}
	}
	return stem
}

// eStemExceptions are short stems that do not take an e back.
var eStemExceptions = map[string]bool{
	"open": true, "lock": true, "crack": true, "start": true, "work": true, "turn": true, "burn": true,
	"heat": true, "leak": true, "drip": true, "spin": true, "stop": true, "fit": true, "plug": true,
	"pair": true, "sync": true, "load": true, "boot": true, "play": true, "stay": true, "show": true,
	"help": true, "want": true, "need": true, "call": true, "wait": true, "ask": true, "tell": true,
	"try": true, "fix": true, "post": true, "send": true, "pick": true, "click": true, "tap": true,
	"hold": true, "sort": true, "melt": true, "spark": true, "beep": true, "flash": true, "log": true,
	"sign": true, "miss": true, "pass": true, "print": true, "scan": true, "drop": true, "dim": true,
	"ship": true, "get": true, "put": true, "let": true, "set": true, "cut": true, "hit": true,
	"pay": true, "rip": true, "tip": true, "chip": true, "snap": true, "peel": true, "dent": true,
	"rust": true, "jam": true, "lag": true, "bug": true, "cancel": true, "suck": true, "pump": true,
	"warp": true, "crash": true, "freez": false, "hang": true, "bend": true, "fray": true, "fail": true,
	"end": true, "go": true, "add": true, "skip": true, "mist": true, "film": true, "limp": true,
	"act": true, "feel": true, "look": true, "seem": true, "sound": true, "smell": true, "cool": true,
	"boil": true, "heal": true, "seal": true, "hiss": true, "buzz": true, "rattl": false, "clog": true,
	"mould": true, "mold": true, "stain": true, "fad": false, "split": true, "shut": true, "fall": true,
	"keep": true, "mean": true, "read": true, "lift": true, "list": true, "last": true,
}

func verbLemma(w string) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ied") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "eed") && n <= 5: // need, feed, seed
		return w
	case strings.HasSuffix(w, "ed") && n > 3:
		return restoreE(w[:n-2])
	case strings.HasSuffix(w, "ying") && n > 5:
		return w[:n-3]
	case strings.HasSuffix(w, "ing") && n > 4:
		return restoreE(w[:n-3])
	}
	return w
}

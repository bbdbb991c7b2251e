package nlp

import "testing"

func TestVerbLemma(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"charging", "charge"}, {"charged", "charge"}, {"stopped", "stop"}, {"cracked", "crack"},
		{"leaking", "leak"}, {"crashing", "crash"}, {"freezing", "freeze"}, {"overheating", "overheat"},
		{"smoking", "smoke"}, {"working", "work"}, {"turned", "turn"}, {"dies", "die"}, {"died", "die"},
		{"drains", "drain"}, {"plugged", "plug"}, {"melted", "melt"}, {"sparking", "spark"},
		{"disconnects", "disconnect"}, {"broken", "break"}, {"tried", "try"}, {"using", "use"},
		{"losing", "lose"}, {"making", "make"}, {"closing", "close"}, {"pairing", "pair"}, {"opening", "open"},
		{"burning", "burn"}, {"rattling", "rattle"}, {"loading", "load"}, {"peeling", "peel"},
		{"heating", "heat"}, {"boiling", "boil"}, {"needed", "need"}, {"saved", "save"}, {"moving", "move"},
		{"stuttering", "stutter"}, {"flickering", "flicker"}, {"fading", "fade"}, {"cancelled", "cancel"},
		{"freezes", "freeze"}, {"buzzes", "buzz"}, {"fizzes", "fizz"}, {"sizes", "size"},
	} {
		if got := VerbLemma(tc.in); got != tc.want {
			t.Errorf("VerbLemma(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNounLemma(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"batteries", "battery"}, {"cables", "cable"}, {"boxes", "box"}, {"earbuds", "earbud"},
		{"glasses", "glasses"}, {"issues", "issue"}, {"lids", "lid"}, {"switches", "switch"},
	} {
		if got := Lemma(tc.in, "NNS"); got != tc.want {
			t.Errorf("Lemma(%q, NNS) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLemmaByTag(t *testing.T) {
	for _, tc := range []struct{ word, tag, want string }{
		{"'s", "VBZ", "be"}, // "it's broken"
		{"'s", "POS", "'s"}, // "the juicer's auger": a possessive, not "is"
		{"froze", "VBD", "freeze"},
		{"left", "JJ", "left"}, // "the left earbud"
	} {
		if got := Lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

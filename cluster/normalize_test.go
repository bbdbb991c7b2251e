package cluster

import "testing"

func TestFeatures(t *testing.T) {
	tests := []struct {
		product, component, symptom, signature string
		want                                   string
		vague                                  bool
	}{
		{"EarBuds", "Charging Case", "does not charge", "", "earbuds|cas charg|charg not", false},
		{"earbuds", "the charging case", "won't charge", "", "earbuds|cas charg|charg not", false},
		{"earbuds", "case", "isn't charging anymore", "", "earbuds|cas|charg not", false},
		{"earbuds", "case", "stopped charging", "", "earbuds|cas|charg not", false},
		{"earbuds", "battery", "dies after ten minutes", "", "earbuds|battery|die", false},
		{"earbuds", "battery", "drains overnight", "", "earbuds|battery|drain", false},
		{"earbuds", "batteries", "drain in 2 hours", "", "earbuds|battery|drain", false},
		{"earbuds", "", "", "left earbud|keeps cutting out", "earbuds|earbud left|cut out", false},
		{"", "", "", "kettle|lid seal|leaks", "kettle|lid seal|leak", false},
		{"kettle", "kettle", "leaking", "", "kettle||leak", false},
		{"kettle", "lid", "lid's cracked", "", "kettle|lid|crack", false},
		{"vacuum", "main brush", "stops spinning", "", "vacuum|brush main|not spin", false},
		{"vacuum", "main brush", "won't spin", "", "vacuum|brush main|not spin", false},
		{"earbuds", "case", "stopped working", "", "earbuds|cas|not work", true},
		{"earbuds", "", "is broken", "", "earbuds||break", true},
		{"app", "app", "crashes on launch", "", "app||crash launch on", false},
		{"", "", "", "", "||", true},
		{"EB-200", "", "", "charging-case/does-not-charge", "eb|cas charg|charg not", false},
		{"", "", "", "product/drains-quickly", "||drain", false},
	}
	for _, tt := range tests {
		f := newFeatures(tt.product, tt.component, tt.symptom, tt.signature, &Options{})
		if f.key != tt.want || f.vague != tt.vague {
			t.Errorf("features(%q, %q, %q, %q) = %q vague %v, want %q vague %v",
				tt.product, tt.component, tt.symptom, tt.signature, f.key, f.vague, tt.want, tt.vague)
		}
		if g := featuresFromKey(f.key); g.key != f.key || g.vague != f.vague || !equal(g.comp, f.comp) || !equal(g.symp, f.symp) {
			t.Errorf("featuresFromKey(%q) = %+v, want %+v", f.key, g, f)
		}
	}
}

func TestFeaturesOptions(t *testing.T) {
	o := &Options{
		Fold: func(w string) string {
			switch w {
			case "dies", "died":
				return "drains"
			case "disconnects":
				return "drops connection"
			case "um":
				return ""
			}
			return w
		},
		Product: func(raw string) string {
			if raw == "EB-200" || raw == "EB-210" {
				return "earbuds"
			}
			return raw
		},
	}
	tests := []struct{ product, component, symptom, want string }{
		{"EB-210", "battery", "um dies after an hour", "earbuds|battery|drain"},
		{"EB-200", "left earbud", "disconnects", "earbuds|earbud left|connection drop"},
		{"KT-17", "lid", "cracked", "kt-17|lid|crack"},
	}
	for _, tt := range tests {
		if got := newFeatures(tt.product, tt.component, tt.symptom, "", o).key; got != tt.want {
			t.Errorf("features(%q, %q, %q) = %q, want %q", tt.product, tt.component, tt.symptom, got, tt.want)
		}
	}
}

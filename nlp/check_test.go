package nlp

import "testing"

func TestDefaultPackExamples(t *testing.T) {
	p, err := DefaultRulePack()
	if err != nil {
		t.Fatal(err)
	}
	if p.Version == "" {
		t.Error("the default pack has no version")
	}
	for _, f := range p.Check() {
		t.Error(f)
	}
}

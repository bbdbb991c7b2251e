package config

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	c, err := Parse("f.yaml", []byte("data: /var/lib/friction\nsilent_ratio: 25\nredaction:\n  emails: false\nlog:\n  level: debug\ndrain_timeout: 5s\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/var/lib/friction" || c.SilentRatio != 25 || On(c.Redaction.Emails) || !On(c.Redaction.Cards) ||
		c.Log.Level != "debug" || c.Log.Format != "text" || c.DrainTimeout != 5*time.Second || c.GRPCAddr != "127.0.0.1:7400" {
		t.Errorf("got %+v", c)
	}
	if c, err := Parse("empty.yaml", nil); err != nil || c.SilentRatio != 30 {
		t.Errorf("empty file: %+v, %v; want the defaults", c, err)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"data: x\nsilent_ratoi: 3\n", `f.yaml:2: unknown key "silent_ratoi"`},
		{"data: x\nsilent_ratio: lots\n", "f.yaml:2: "},
		{"data: x\nsilent_ratio: -1\n", "f.yaml:2: silent_ratio: -1 is not a ratio"},
		{"log:\n  level: loud\n", `f.yaml:2: log.level: "loud" is not debug`},
		{"redaction:\n  cards: maybe\n", "f.yaml:2: "},
		{"data: [oops\n", "f.yaml:"},
	}
	for _, tt := range tests {
		_, err := Parse("f.yaml", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error starting %q", tt.in, err, tt.want)
		}
	}
}

// Package config reads frictiond's YAML configuration file. Loading is strict:
// unknown keys and bad values are errors that name the file and line, so a typo
// never silently falls back to a default.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Config is frictiond's configuration. Command-line flags override it.
type Config struct {
	DataDir  string `yaml:"data"`
	GRPCAddr string `yaml:"grpc_addr"`
	HTTPAddr string `yaml:"http_addr"`
	// LoadDemo is a native JSONL file ingested at start.
	LoadDemo string `yaml:"load_demo"`
	// Rules is a rule pack file that replaces the embedded one.
	Rules string `yaml:"rules"`
	// SilentRatio is the number of silent customers assumed per customer who made
	// contact about a defect (the affected-customer estimate).
	SilentRatio float64   `yaml:"silent_ratio"`
	Redaction   Redaction `yaml:"redaction"`
	Log         Log       `yaml:"log"`
	// DrainTimeout bounds a graceful stop.
	DrainTimeout time.Duration `yaml:"drain_timeout"`
}

// Redaction turns each kind of PII redaction on or off; all are on by default.
type Redaction struct {
	Cards  *bool `yaml:"cards"`
	SSNs   *bool `yaml:"ssns"`
	Emails *bool `yaml:"emails"`
	Phones *bool `yaml:"phones"`
}

// Log configures structured logging.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// Default returns the configuration used when no file is given.
func Default() Config {
	return Config{
		DataDir:      "./friction-data",
		GRPCAddr:     "127.0.0.1:7400",
		HTTPAddr:     "127.0.0.1:7401",
		SilentRatio:  30,
		Log:          Log{Level: "info", Format: "text"},
		DrainTimeout: 15 * time.Second,
	}
}

// Error is a problem in a configuration file, with where it is.
type Error struct {
	Path  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Load reads the file at path over the defaults.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	return Parse(path, data)
}

// Parse reads a configuration from data (named path in errors) over the defaults.
func Parse(path string, data []byte) (Config, error) {
	c := Default()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, yamlError(path, err)
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	if err := c.Validate(); err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			ce.Path = path
			ce.Line = lineOf(&root, ce.Field)
		}
		return Config{}, err
	}
	return c, nil
}

// Validate checks values a YAML type check cannot.
func (c *Config) Validate() error {
	switch {
	case c.DataDir == "":
		return &Error{Field: "data", Msg: "must not be empty"}
	case c.GRPCAddr == "":
		return &Error{Field: "grpc_addr", Msg: "must not be empty"}
	case c.SilentRatio <= 0 || c.SilentRatio > 10000:
		return &Error{Field: "silent_ratio", Msg: fmt.Sprintf("%g is not a ratio between 0 and 10000", c.SilentRatio)}
	case c.DrainTimeout < 0:
		return &Error{Field: "drain_timeout", Msg: "must not be negative"}
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		return &Error{Field: "log.level", Msg: fmt.Sprintf("%q is not debug, info, warn or error", c.Log.Level)}
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return &Error{Field: "log.format", Msg: fmt.Sprintf("%q is not text or json", c.Log.Format)}
	}
	return nil
}

// On reports whether a redaction switch is on; unset means on.
func On(b *bool) bool { return b == nil || *b }

// yamlError turns a yaml.v3 error ("yaml: line 3: field foo not found in type
// config.Config") into an Error with the line.
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	if strings.Contains(msg, "not found in type") {
		field := strings.TrimPrefix(strings.Fields(msg)[1], "")
		msg = fmt.Sprintf("unknown key %q", field)
	}
	return &Error{Path: path, Line: line, Msg: msg}
}

// lineOf finds the line of a dotted key ("log.level") in a YAML document.
func lineOf(root *yaml.Node, field string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, part := range strings.Split(field, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				line = n.Content[i].Line
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return line
}

package nlp

import (
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed rules/default.yaml
var defaultPack []byte

// DefaultPackName names the embedded rule pack in errors.
const DefaultPackName = "rules/default.yaml"

// RuleError is a problem in a rule pack, at a place in its file.
type RuleError struct {
	Path  string `json:"path"`
	Line  int    `json:"line"`
	Col   int    `json:"col"`
	Field string `json:"field,omitempty"`
	Msg   string `json:"msg"`
}

func (e *RuleError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// RuleErrors is every problem found while loading a pack.
type RuleErrors []*RuleError

func (es RuleErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Kind is what a rule finds.
type Kind string

// The rule kinds.
const (
	KindDefect     Kind = "defect"     // a failure predicate: a product defect unless its subject belongs to another category
	KindSafety     Kind = "safety"     // a safety hazard (burning, sparks ...), itself a defect
	KindConfirm    Kind = "confirm"    // the agent confirms a known fault
	KindWorkaround Kind = "workaround" // the agent gives a fix for a fault: evidence of a defect
	KindRemedy     Kind = "remedy"     // the agent replaces or repairs the product: evidence of a defect the customer complained of
	KindFriction   Kind = "friction"   // non-defect friction of a category
	KindPraise     Kind = "praise"     // praise of a target
	KindChurn      Kind = "churn"      // the customer says they will leave
	KindEffort     Kind = "effort"     // repeat contact, transfers, long holds
	KindResolution Kind = "resolution" // how the agent resolved the contact
	KindDriver     Kind = "driver"     // what a survey comment credits or blames
)

var kinds = map[Kind]bool{KindDefect: true, KindSafety: true, KindConfirm: true, KindWorkaround: true, KindRemedy: true,
	KindFriction: true, KindPraise: true, KindChurn: true, KindEffort: true, KindResolution: true, KindDriver: true}

// Rule is one rule of a pack.
type Rule struct {
	ID          string
	Kind        Kind
	Description string
	// Speaker is whose words the rule reads: customer, agent or any. Driver rules
	// read the survey comment.
	Speaker   string
	Patterns  []string
	Symptom   string // defect and safety: the symptom, with {capture} placeholders
	Component string // defect: the component when the text names none ("battery")
	Category  Category
	Safety    string
	Target    PraiseTarget
	Driver    Driver
	Resol     ResolutionKind
	Signal    string // effort: repeat, transfer, hold or other
	Polarity  int    // driver: +1, -1 or 0 for either
	// ThingSubject: the predicate needs a thing as its subject, not I, we or
	// you ("I did not charge it" is not a failure).
	ThingSubject bool
	Examples     Examples
	Line         int

	order    int // position in the pack
	compiled []*pattern
}

// Examples are texts a rule must and must not fire on.
type Examples struct {
	Match   []string
	NoMatch []string
}

// RulePack is a loaded, compiled rule pack.
type RulePack struct {
	Name     string
	Version  string
	Lexicons map[string]*lexicon
	Folds    map[string]string // symptom and component words to their canonical form
	// Classes maps a folded symptom to its symptom class, the coarser form a
	// signature carries: paraphrases of one failure that a customer cannot tell
	// apart ("smokes", "smells of burning" → "overheats"). A symptom in no class
	// is its own class.
	Classes map[string]string
	Rules   []*Rule

	byKind map[Kind][]*Rule
	// index maps a word to the patterns a match can start with it; free are
	// the patterns that can start anywhere.
	index map[string][]patRef
	free  []patRef
}

// patRef is one pattern of one rule.
type patRef struct {
	rule *Rule
	pat  *pattern
}

// buildIndex indexes the patterns by the words they can start with.
func (p *RulePack) buildIndex() {
	p.index = map[string][]patRef{}
	for _, r := range p.Rules {
		for _, pat := range r.compiled {
			ref := patRef{r, pat}
			if pat.first == nil {
				p.free = append(p.free, ref)
				continue
			}
			for w := range pat.first {
				p.index[w] = append(p.index[w], ref)
			}
		}
	}
}

// Required lexicons: the analyzer's context logic reads them by name.
var requiredLexicons = []string{"negation", "hypothetical", "resolved", "positive", "negative",
	"component_stop", "cat_account", "cat_billing", "cat_shipping", "cat_website_app", "cat_policy"}

// DefaultRulePack parses the embedded pack.
func DefaultRulePack() (*RulePack, error) { return ParseRulePack(DefaultPackName, defaultPack) }

// LoadRulePack reads and compiles a pack from a file.
func LoadRulePack(path string) (*RulePack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, RuleErrors{{Path: path, Msg: err.Error()}}
	}
	return ParseRulePack(path, data)
}

// ParseRulePack parses and compiles a pack. Errors are RuleErrors, each with the
// file, line and column of the problem.
func ParseRulePack(name string, data []byte) (*RulePack, error) {
	d := &decoder{path: name}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		msg := err.Error()
		// yaml.v3 says "yaml: line N: ..."
		if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
			if i := strings.IndexByte(rest, ':'); i > 0 {
				if n, err := strconv.Atoi(rest[:i]); err == nil {
					line, msg = n, strings.TrimSpace(rest[i+1:])
				}
			}
		}
		return nil, RuleErrors{{Path: name, Line: line, Col: 1, Msg: msg}}
	}
	if len(root.Content) == 0 {
		return nil, RuleErrors{{Path: name, Line: 1, Col: 1, Msg: "empty rule pack"}}
	}
	p := d.pack(root.Content[0])
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	p.buildIndex()
	return p, nil
}

type decoder struct {
	path string
	errs RuleErrors
}

func (d *decoder) errf(n *yaml.Node, field, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.errs = append(d.errs, &RuleError{Path: d.path, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// fields walks a mapping, rejecting unknown and duplicate keys.
func (d *decoder) fields(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		d.errf(n, where, "want a mapping, got %s", kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ok := false
		for _, f := range known {
			if f == k.Value {
				ok = true
			}
		}
		field := k.Value
		if where != "" {
			field = where + "." + k.Value
		}
		if !ok {
			d.errf(k, field, "unknown key (known: %s)", strings.Join(known, ", "))
			continue
		}
		if seen[k.Value] {
			d.errf(k, field, "duplicate key")
			continue
		}
		seen[k.Value] = true
		fn(k.Value, k, v)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

func (d *decoder) str(n *yaml.Node, field string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errf(n, field, "want a string, got %s", kindName(n))
		return ""
	}
	return n.Value
}

func (d *decoder) strs(n *yaml.Node, field string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		d.errf(n, field, "want a list of strings, got %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := d.str(c, fmt.Sprintf("%s[%d]", field, i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) pack(n *yaml.Node) *RulePack {
	p := &RulePack{Name: d.path, Lexicons: map[string]*lexicon{}, Folds: map[string]string{}, Classes: map[string]string{}, byKind: map[Kind][]*Rule{}}
	var rulesNode *yaml.Node
	var versionSeen bool
	d.fields(n, "", []string{"version", "description", "lexicons", "folds", "classes", "rules"}, func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			p.Version = d.str(v, "version")
			versionSeen = true
		case "description":
			d.str(v, "description")
		case "lexicons":
			if v.Kind != yaml.MappingNode {
				d.errf(v, "lexicons", "want a mapping of name to words, got %s", kindName(v))
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				name := v.Content[i].Value
				if _, dup := p.Lexicons[name]; dup {
					d.errf(v.Content[i], "lexicons."+name, "duplicate lexicon")
					continue
				}
				words := d.strs(v.Content[i+1], "lexicons."+name)
				if len(words) == 0 {
					d.errf(v.Content[i+1], "lexicons."+name, "empty lexicon")
				}
				p.Lexicons[name] = newLexicon(words)
			}
		case "folds":
			if v.Kind != yaml.MappingNode {
				d.errf(v, "folds", "want a mapping of canonical form to its variants, got %s", kindName(v))
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				canon := v.Content[i].Value
				for _, w := range d.strs(v.Content[i+1], "folds."+canon) {
					if prev, dup := p.Folds[w]; dup && prev != canon {
						d.errf(v.Content[i+1], "folds."+canon, "%q already folds to %q", w, prev)
					}
					p.Folds[w] = canon
				}
			}
		case "classes":
			if v.Kind != yaml.MappingNode {
				d.errf(v, "classes", "want a mapping of symptom class to its symptoms, got %s", kindName(v))
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				class := v.Content[i].Value
				for _, w := range d.strs(v.Content[i+1], "classes."+class) {
					if prev, dup := p.Classes[w]; dup && prev != class {
						d.errf(v.Content[i+1], "classes."+class, "%q is already in class %q", w, prev)
					}
					if f, ok := p.Folds[w]; ok && f != w {
						d.errf(v.Content[i+1], "classes."+class, "%q folds to %q: list the folded form", w, f)
					}
					p.Classes[w] = class
				}
			}
		case "rules":
			rulesNode = v
		}
	})
	if !versionSeen {
		d.errf(n, "version", "missing: a pack needs a version")
	} else if strings.TrimSpace(p.Version) == "" {
		d.errf(n, "version", "empty")
	}
	for _, name := range requiredLexicons {
		if _, ok := p.Lexicons[name]; !ok {
			d.errf(n, "lexicons."+name, "missing: the analyzer needs this lexicon")
		}
	}
	if rulesNode == nil {
		d.errf(n, "rules", "missing")
		return p
	}
	if rulesNode.Kind != yaml.SequenceNode {
		d.errf(rulesNode, "rules", "want a list of rules, got %s", kindName(rulesNode))
		return p
	}
	ids := map[string]int{}
	for i, rn := range rulesNode.Content {
		r := d.rule(rn, i, p)
		if r == nil {
			continue
		}
		if prev, dup := ids[r.ID]; dup {
			d.errf(rn, fmt.Sprintf("rules[%d].id", i), "duplicate id %q (first at line %d)", r.ID, prev)
			continue
		}
		ids[r.ID] = rn.Line
		r.order = len(p.Rules)
		p.Rules = append(p.Rules, r)
		p.byKind[r.Kind] = append(p.byKind[r.Kind], r)
	}
	return p
}

var ruleKeys = []string{"id", "kind", "description", "speaker", "patterns", "symptom", "component", "category",
	"safety", "target", "driver", "resolution", "signal", "polarity", "thing_subject", "examples"}

func (d *decoder) rule(n *yaml.Node, i int, p *RulePack) *Rule {
	r := &Rule{Line: n.Line}
	where := fmt.Sprintf("rules[%d]", i)
	var patNodes []*yaml.Node
	var patField string
	errsBefore := len(d.errs)
	got := map[string]*yaml.Node{}
	d.fields(n, where, ruleKeys, func(key string, k, v *yaml.Node) {
		f := where + "." + key
		got[key] = k
		switch key {
		case "id":
			r.ID = d.str(v, f)
		case "kind":
			r.Kind = Kind(d.str(v, f))
			if r.Kind != "" && !kinds[r.Kind] {
				d.errf(v, f, "unknown kind %q", r.Kind)
			}
		case "description":
			r.Description = d.str(v, f)
		case "speaker":
			r.Speaker = d.str(v, f)
			if r.Speaker != "customer" && r.Speaker != "agent" && r.Speaker != "any" {
				d.errf(v, f, "unknown speaker %q (customer, agent or any)", r.Speaker)
			}
		case "patterns":
			patField = f
			if v.Kind == yaml.SequenceNode {
				patNodes = v.Content
			} else {
				patNodes = []*yaml.Node{v}
			}
		case "symptom":
			r.Symptom = d.str(v, f)
		case "component":
			r.Component = d.str(v, f)
		case "category":
			r.Category = Category(d.str(v, f))
			if !validCategory(r.Category) {
				d.errf(v, f, "unknown category %q", r.Category)
			}
		case "safety":
			r.Safety = d.str(v, f)
		case "target":
			r.Target = PraiseTarget(d.str(v, f))
			switch r.Target {
			case PraiseAgent, PraiseProduct, PraiseCompany, PraiseProcess:
			default:
				d.errf(v, f, "unknown target %q", r.Target)
			}
		case "driver":
			r.Driver = Driver(d.str(v, f))
			switch r.Driver {
			case DriverAgent, DriverResolution, DriverProduct, DriverProcess, DriverNone:
			default:
				d.errf(v, f, "unknown driver %q", r.Driver)
			}
		case "resolution":
			r.Resol = ResolutionKind(d.str(v, f))
			switch r.Resol {
			case Refund, Replacement, Repair, Workaround, Escalated, Unresolved, Info:
			default:
				d.errf(v, f, "unknown resolution %q", r.Resol)
			}
		case "signal":
			r.Signal = d.str(v, f)
			switch r.Signal {
			case "repeat", "transfer", "hold", "other":
			default:
				d.errf(v, f, "unknown signal %q (repeat, transfer, hold, other)", r.Signal)
			}
		case "polarity":
			switch d.str(v, f) {
			case "positive":
				r.Polarity = 1
			case "negative":
				r.Polarity = -1
			case "any":
			default:
				d.errf(v, f, "unknown polarity %q (positive, negative, any)", v.Value)
			}
		case "thing_subject":
			switch d.str(v, f) {
			case "true":
				r.ThingSubject = true
			case "false":
			default:
				d.errf(v, f, "want true or false")
			}
		case "examples":
			d.fields(v, f, []string{"match", "no_match"}, func(key string, k, v *yaml.Node) {
				if key == "match" {
					r.Examples.Match = d.strs(v, f+".match")
				} else {
					r.Examples.NoMatch = d.strs(v, f+".no_match")
				}
			})
		}
	})
	if n.Kind != yaml.MappingNode {
		return nil
	}
	need := func(key string) {
		if got[key] == nil {
			d.errf(n, where+"."+key, "missing")
		}
	}
	need("id")
	need("kind")
	need("patterns")
	need("examples")
	if r.ID != "" {
		where = r.ID
	}
	// Fields each kind needs.
	switch r.Kind {
	case KindFriction:
		need("category")
	case KindSafety:
		need("safety")
	case KindPraise:
		need("target")
	case KindDriver:
		need("driver")
	case KindResolution:
		need("resolution")
	case KindEffort:
		need("signal")
	}
	if r.Speaker == "" {
		switch r.Kind {
		case KindConfirm, KindWorkaround, KindRemedy, KindResolution:
			r.Speaker = "agent"
		case KindDriver:
			r.Speaker = "survey"
		default:
			r.Speaker = "customer"
		}
	}
	if got["examples"] != nil && len(r.Examples.Match) == 0 {
		d.errf(got["examples"], where+".examples.match", "a rule needs at least one example it matches")
	}
	for j, pn := range patNodes {
		src := d.str(pn, fmt.Sprintf("%s[%d]", patField, j))
		if src == "" {
			continue
		}
		pat, err := compilePattern(src, p)
		if err != nil {
			d.errf(pn, fmt.Sprintf("%s[%d]", patField, j), "%v", err)
			continue
		}
		r.Patterns = append(r.Patterns, src)
		r.compiled = append(r.compiled, pat)
	}
	if len(d.errs) > errsBefore {
		return nil
	}
	return r
}

func validCategory(c Category) bool {
	for _, x := range Categories {
		if x == c {
			return true
		}
	}
	return false
}

// RulesOf returns the pack's rules of a kind, in file order.
func (p *RulePack) RulesOf(k Kind) []*Rule { return p.byKind[k] }

// Rule returns the rule with an id, or nil.
func (p *RulePack) Rule(id string) *Rule {
	for _, r := range p.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// class returns the symptom class of a folded symptom.
func (p *RulePack) class(symptom string) string {
	if c, ok := p.Classes[symptom]; ok {
		return c
	}
	return symptom
}

// fold returns the canonical form of a phrase, or the phrase.
func (p *RulePack) fold(s string) string {
	if f, ok := p.Folds[s]; ok {
		return f
	}
	return s
}

// ---------------------------------------------------------------- lexicons

// lexicon is a set of words and multi-word phrases.
type lexicon struct {
	words  map[string]bool
	phrase map[string][][]string // by first word
}

func newLexicon(entries []string) *lexicon {
	l := &lexicon{words: map[string]bool{}, phrase: map[string][][]string{}}
	for _, e := range entries {
		f := strings.Fields(strings.ToLower(e))
		switch len(f) {
		case 0:
		case 1:
			l.words[f[0]] = true
		default:
			l.phrase[f[0]] = append(l.phrase[f[0]], f)
		}
	}
	for _, ps := range l.phrase {
		sort.Slice(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
	}
	return l
}

// has reports whether a single word is in the lexicon.
func (l *lexicon) has(w string) bool { return l.words[w] }

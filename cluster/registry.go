package cluster

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Registry remembers which cluster id each normalised signature belongs to, so a
// root cause keeps its id as mentions arrive, across restarts (save Bytes, load with
// LoadRegistry) and across re-analysis. It is safe for concurrent use.
type Registry struct {
	mu      sync.Mutex
	keys    map[string]string // normalised signature → id
	ids     map[string]*entry
	anchors map[string][]string // transcript id → ids; built on demand
	leaders *leaderIndex        // founders of live ids, for Assign; built on demand
	lids    []string            // leader → id
	// products keys mentions by product as the last Run learnt it, for
	// Assign; nil before a Run or when that run had no product terms.
	products *productResolver
	// cuts are the last run's products cut by their reports' words, with
	// the marker words of each side (see split.go), for Assign.
	cuts map[string]map[string][]string
}

func (r *Registry) setProducts(p *productResolver) {
	r.mu.Lock()
	r.products = p
	r.mu.Unlock()
}

func (r *Registry) setCuts(cuts map[string]map[string][]string) {
	r.mu.Lock()
	r.cuts = cuts
	r.mu.Unlock()
}

// side returns the product a mention of a product the last run cut belongs
// to: the side whose marker words it uses most (the first such side in key
// order on a tie).
func (r *Registry) side(product string, m *Mention) string {
	sides := r.cuts[product]
	best, bestN := product, -1
	for _, k := range sortedKeys(sides) {
		n := 0
		for _, w := range sides[k] {
			if _, ok := slices.BinarySearch(m.Words, w); ok {
				n++
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	return best
}

type entry struct {
	// Key is the founding normalised signature.
	Key       string    `json:"key"`
	FirstSeen time.Time `json:"first_seen"`
	// Size is the cluster's mention count at the last clustering.
	Size int `json:"size"`
	// MergedInto names the cluster that absorbed this one.
	MergedInto string   `json:"merged_into,omitempty"`
	Anchors    []string `json:"anchors,omitempty"`
}

// registryVersion is the version of the serialised form.
const registryVersion = 1

type registryJSON struct {
	Version  int               `json:"version"`
	Keys     map[string]string `json:"keys"`
	Clusters map[string]*entry `json:"clusters"`
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{keys: map[string]string{}, ids: map[string]*entry{}}
}

// LoadRegistry reads what Bytes wrote. Unknown fields, another version and
// dangling ids are errors.
func LoadRegistry(b []byte) (*Registry, error) {
	var j registryJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, fmt.Errorf("cluster registry: %w", err)
	}
	if j.Version != registryVersion {
		return nil, fmt.Errorf("cluster registry: version %d, want %d", j.Version, registryVersion)
	}
	r := NewRegistry()
	for id, e := range j.Clusters {
		if e == nil || e.Key == "" {
			return nil, fmt.Errorf("cluster registry: cluster %q has no key", id)
		}
		r.ids[id] = e
	}
	for id, e := range r.ids {
		if e.MergedInto != "" && r.ids[e.MergedInto] == nil {
			return nil, fmt.Errorf("cluster registry: cluster %q merged into unknown %q", id, e.MergedInto)
		}
	}
	for k, id := range j.Keys {
		if r.ids[id] == nil {
			return nil, fmt.Errorf("cluster registry: signature %q maps to unknown cluster %q", k, id)
		}
		r.keys[k] = id
	}
	return r, nil
}

// Bytes serialises the registry as JSON, the same bytes for the same content.
func (r *Registry) Bytes() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return json.Marshal(registryJSON{Version: registryVersion, Keys: r.keys, Clusters: r.ids})
}

// Len returns the number of ids the registry knows, merged ones included.
func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.ids)
}

// Resolve follows merges: the id that now stands for id. An unknown id is returned
// as it is.
func (r *Registry) Resolve(id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.resolve(id)
}

func (r *Registry) resolve(id string) string {
	for range 64 {
		e := r.ids[id]
		if e == nil || e.MergedInto == "" {
			return id
		}
		id = e.MergedInto
	}
	return id
}

// Assign returns the cluster id for one new mention without re-clustering, as a
// transcript is ingested: the id its normalised signature is registered under, else
// the id of the best-matching founding signature by the similarity rule, else a new
// id, registered at once. The next Run may move the mention; ids stay valid
// through Resolve.
func (r *Registry) Assign(m Mention, o Options) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	product := m.Product
	if r.products != nil && (m.Noun != "" || len(m.Terms) > 0) {
		product = r.products.key(&m)
	}
	if np := normProduct(product, &o); r.cuts[np] != nil {
		product = r.side(np, &m)
	}
	f := newFeatures(product, m.Component, m.Symptom, m.Signature, &o)
	f.support, f.count = 1, 1
	if id, ok := r.keys[f.key]; ok {
		return r.resolve(id)
	}
	if r.leaders == nil {
		r.leaders = newLeaderIndex(o.minorRatio())
		r.lids = r.lids[:0]
		live := make([]string, 0, len(r.ids))
		for id, e := range r.ids {
			if e.MergedInto == "" {
				live = append(live, id)
			}
		}
		slices.Sort(live)
		for _, id := range live {
			f := featuresFromKey(r.ids[id].Key)
			f.support = r.ids[id].Size // a cluster's size stands for its part's support
			r.leaders.add(f, r.ids[id].Size)
			r.lids = append(r.lids, id)
		}
	}
	if l, ok := r.leaders.best(f); ok {
		id := r.lids[l]
		r.keys[f.key] = id
		return id
	}
	id := r.freshID(f.key, nil)
	e := &entry{Key: f.key, FirstSeen: m.At.UTC(), Size: 1}
	if m.TranscriptID != "" {
		e.Anchors = []string{m.TranscriptID}
	}
	r.ids[id] = e
	r.keys[f.key] = id
	r.leaders.add(f, 1)
	r.lids = append(r.lids, id)
	return id
}

// claim is what a clustering run knows about one new cluster when choosing its id.
type claim struct {
	leaderKey string
	keys      []string
	size      int
	firstSeen time.Time
	anchors   []string
}

// older reports whether cluster a was seen before cluster b.
func (r *Registry) older(a, b string) bool {
	ea, eb := r.ids[a], r.ids[b]
	if c := ea.FirstSeen.Compare(eb.FirstSeen); c != 0 {
		return c < 0
	}
	return a < b
}

// assign chooses ids for claims, ordered largest first, and records them. Each
// cluster takes, in turn: the oldest unclaimed id its signatures are registered
// under (so merging keeps the older id and a split leaves it with the larger part);
// else the id whose anchors most of its transcripts are (re-analysis changed the
// signatures); else an id hashed from its founding signature.
func (r *Registry) assign(claims []claim) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	present := map[string]bool{}
	for _, c := range claims {
		for _, k := range c.keys {
			if id, ok := r.keys[k]; ok {
				present[r.resolve(id)] = true
			}
		}
	}
	claimed := map[string]bool{}
	ids := make([]string, len(claims))
	for i, c := range claims {
		best := ""
		for _, k := range c.keys {
			id, ok := r.keys[k]
			if !ok {
				continue
			}
			id = r.resolve(id)
			if !claimed[id] && (best == "" || r.older(id, best)) {
				best = id
			}
		}
		if best == "" && len(c.anchors) > 0 {
			best = r.byAnchors(c.anchors, claimed, present)
		}
		if best == "" {
			best = r.freshID(c.leaderKey, claimed)
		}
		claimed[best] = true
		ids[i] = best
	}
	for i, c := range claims {
		id := ids[i]
		for _, k := range c.keys {
			if old, ok := r.keys[k]; ok {
				if old = r.resolve(old); old != id && !claimed[old] {
					r.ids[old].MergedInto = id
				}
			}
			r.keys[k] = id
		}
		e := r.ids[id]
		if e == nil {
			e = &entry{Key: c.leaderKey, FirstSeen: c.firstSeen.UTC()}
			r.ids[id] = e
		}
		if !c.firstSeen.IsZero() && (e.FirstSeen.IsZero() || c.firstSeen.Before(e.FirstSeen)) {
			e.FirstSeen = c.firstSeen.UTC()
		}
		e.Size = c.size
		e.MergedInto = ""
		e.Anchors = mergeAnchors(e.Anchors, c.anchors)
	}
	r.anchors, r.leaders = nil, nil
	return ids
}

// orphanAnchors maps the anchor transcripts of live ids that no cluster of the last
// run claimed to those ids.
func (r *Registry) orphanAnchors(claimed []string) map[string][]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	live := make(map[string]bool, len(claimed))
	for _, id := range claimed {
		live[id] = true
	}
	out := map[string][]string{}
	for id, e := range r.ids {
		if e.MergedInto != "" || live[id] {
			continue
		}
		for _, a := range e.Anchors {
			out[a] = append(out[a], id)
		}
	}
	return out
}

// adoptOrphans records each orphaned id as merged into the cluster that holds most
// of its anchor transcripts now: its signatures changed (re-analysis, a new
// lexicon) and the root cause lives on under another id.
func (r *Registry) adoptOrphans(votes map[string]map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for orphan, vs := range votes {
		best := ""
		for id, v := range vs {
			if best == "" || v > vs[best] || v == vs[best] && r.older(id, best) {
				best = id
			}
		}
		if best != "" && best != orphan {
			r.ids[orphan].MergedInto = best
		}
	}
	r.anchors, r.leaders = nil, nil
}

// byAnchors votes among ids that no signature of this run claims.
func (r *Registry) byAnchors(anchors []string, claimed, present map[string]bool) string {
	if r.anchors == nil {
		r.anchors = map[string][]string{}
		for id, e := range r.ids {
			for _, a := range e.Anchors {
				r.anchors[a] = append(r.anchors[a], id)
			}
		}
	}
	votes := map[string]int{}
	for _, a := range anchors {
		for _, id := range r.anchors[a] {
			if id = r.resolve(id); !claimed[id] && !present[id] {
				votes[id]++
			}
		}
	}
	best := ""
	for id, v := range votes {
		if best == "" || v > votes[best] || v == votes[best] && r.older(id, best) {
			best = id
		}
	}
	return best
}

// freshID hashes the founding signature: "dc-" and 6 hex digits, more when that id
// is taken by another signature.
func (r *Registry) freshID(key string, claimed map[string]bool) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	for n := 6; n < len(h); n += 2 {
		id := "dc-" + h[:n]
		if claimed[id] {
			continue
		}
		if e, ok := r.ids[id]; !ok || e.Key == key {
			return id
		}
	}
	return "dc-" + h
}

// mergeAnchors keeps the anchorCount transcript ids with the smallest hashes.
func mergeAnchors(a, b []string) []string {
	all := slices.Concat(a, b)
	slices.SortFunc(all, func(x, y string) int { return cmp.Or(cmp.Compare(hashString(x), hashString(y)), cmp.Compare(x, y)) })
	all = slices.Compact(all)
	if len(all) > anchorCount {
		all = all[:anchorCount]
	}
	return all
}

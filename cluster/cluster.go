package cluster

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"
	"sync"
)

// Cluster is one root cause: the mentions whose signatures the similarity rule joined.
type Cluster struct {
	// ID is stable: see the package comment.
	ID string
	// Key is the normalised signature that founded the cluster ("earbuds|case charg|charg not").
	Key string
	// Label is readable: "earbuds · charging case does not charge".
	Label     string
	Product   string
	Component string
	Symptom   string
	// Terms are the component and symptom phrases customers used, most frequent first.
	Terms []string
	// Mentions counts every mention in the cluster, whatever its time.
	Mentions int
	// Signatures counts the distinct normalised signatures joined.
	Signatures int
	// Safety holds the safety kinds of its mentions, sorted; non-empty marks a safety cluster.
	Safety []string

	members []int32 // indices into Result's mentions, by time
}

// Result is a clustering of one slice of mentions.
type Result struct {
	// Clusters, largest first (ties by ID).
	Clusters []*Cluster

	ms     []Mention
	assign []int32 // mention → index in Clusters
	byID   map[string]*Cluster
	reg    *Registry

	mentionIndexOnce sync.Once
	mentionIndex     map[string]int32 // mention id → index in ms
}

// ClusterOf returns the cluster id of the mention with the given id.
func (r *Result) ClusterOf(id string) (string, bool) {
	r.mentionIndexOnce.Do(func() {
		r.mentionIndex = make(map[string]int32, len(r.ms))
		for i := range r.ms {
			r.mentionIndex[mentionID(&r.ms[i], i)] = int32(i)
		}
	})
	i, ok := r.mentionIndex[id]
	if !ok {
		return "", false
	}
	return r.ID(int(i)), true
}

// ID returns the cluster id of mention i.
func (r *Result) ID(i int) string { return r.Clusters[r.assign[i]].ID }

// Of returns the cluster of mention i.
func (r *Result) Of(i int) *Cluster { return r.Clusters[r.assign[i]] }

// Lookup returns the cluster with the given id, following the registry when the id
// was merged into another cluster.
func (r *Result) Lookup(id string) (*Cluster, bool) {
	if c, ok := r.byID[id]; ok {
		return c, true
	}
	if r.reg != nil {
		c, ok := r.byID[r.reg.Resolve(id)]
		return c, ok
	}
	return nil, false
}

// Assignments maps mention ids (Mention.ID, or "TranscriptID#index" when it is
// empty) to cluster ids, for evaluation.
func (r *Result) Assignments() map[string]string {
	out := make(map[string]string, len(r.ms))
	for i := range r.ms {
		out[mentionID(&r.ms[i], i)] = r.ID(i)
	}
	return out
}

func mentionID(m *Mention, i int) string {
	if m.ID != "" {
		return m.ID
	}
	return m.TranscriptID + "#" + itoa(i)
}

type rawKey struct{ product, component, symptom, signature string }

type rawSig struct {
	key   rawKey
	group int32
	count int
}

type group struct {
	f      *features
	size   int
	raws   []int32
	leader int32 // index in the leader index
}

// Run groups mentions into root causes. Mentions with the same normalised
// signature form a group (one hash-map pass); groups then join the cluster of the
// best-matching founding signature within their blocks (see the package comment).
// Ids come from reg, which is updated so that the same root causes keep them; reg
// may be nil, and then ids are derived from the founding signatures alone. ms is
// kept by the Result and must not be modified while the Result is in use.
func Run(ms []Mention, reg *Registry, o Options) *Result {
	if reg == nil {
		reg = NewRegistry()
	}
	pr := newProductResolver(ms, &o)
	reg.setProducts(pr)
	products := make([]string, len(ms))
	for i := range ms {
		products[i] = ms[i].Product
		if pr != nil {
			products[i] = pr.key(&ms[i])
		}
	}
	if pr != nil {
		pr.byWords(ms, products)
	}
	reg.setCuts(splitProducts(ms, products, &o))
	p := partition(ms, products, pr, &o)
	groups, raws, mg, founder := p.groups, p.raws, p.mg, p.founder

	// 4. Clusters, largest first.
	cs := make([]*Cluster, len(founder))
	for l, gi := range founder {
		cs[l] = &Cluster{Key: groups[gi].f.key}
	}
	for _, g := range groups {
		cs[g.leader].Mentions += g.size
		cs[g.leader].Signatures++
	}
	perm := make([]int32, len(cs))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		return cmp.Or(cmp.Compare(cs[b].Mentions, cs[a].Mentions), strings.Compare(cs[a].Key, cs[b].Key))
	})
	rank := make([]int32, len(cs))
	sorted := make([]*Cluster, len(cs))
	for r, l := range perm {
		rank[l] = int32(r)
		sorted[r] = cs[l]
	}
	res := &Result{Clusters: sorted, ms: ms, assign: make([]int32, len(ms)), reg: reg}
	for i, r := range mg {
		res.assign[i] = rank[groups[raws[r].group].leader]
	}
	res.members()
	res.describe(groups, raws, founder, rank)

	// 5. Ids.
	claims := make([]claim, len(sorted))
	for _, g := range groups {
		c := &claims[rank[g.leader]]
		c.keys = append(c.keys, g.f.key)
	}
	res.anchorsAndFirstSeen(claims)
	for i, c := range sorted {
		claims[i].leaderKey = c.Key
		claims[i].size = c.Mentions
	}
	ids := reg.assign(claims)
	res.byID = make(map[string]*Cluster, len(sorted))
	for i, c := range sorted {
		c.ID = ids[i]
		res.byID[c.ID] = c
	}
	if orphans := reg.orphanAnchors(ids); len(orphans) > 0 {
		votes := map[string]map[string]int{}
		for i := range ms {
			for _, o := range orphans[ms[i].TranscriptID] {
				if votes[o] == nil {
					votes[o] = map[string]int{}
				}
				votes[o][res.ID(i)]++
			}
		}
		reg.adoptOrphans(votes)
	}
	return res
}

// partitioned is the outcome of the similarity passes: mentions in raw
// signatures, raw signatures in groups, groups in clusters (group.leader,
// founder per cluster).
type partitioned struct {
	groups  []*group
	raws    []rawSig
	mg      []int32 // mention → raw signature
	founder []int32 // cluster → founding group
}

// partition runs the similarity rule's passes (see the package comment) over
// mentions keyed by products.
func partition(ms []Mention, products []string, pr *productResolver, o *Options) *partitioned {
	// 1. Exact groups.
	rawIdx := make(map[rawKey]int32)
	var raws []rawSig
	var groups []*group
	byFeat := make(map[string]int32)
	mg := make([]int32, len(ms)) // mention → raw signature
	keys := make([]rawKey, len(ms))
	feats := make(map[rawKey]*features)
	for i := range ms {
		m := &ms[i]
		product := products[i]
		k := rawKey{product, m.Component, m.Symptom, m.Signature}
		keys[i] = k
		if _, ok := feats[k]; !ok {
			feats[k] = newFeatures(product, m.Component, m.Symptom, m.Signature, o)
		}
	}
	productNames(feats, pr)
	for i := range ms {
		k := keys[i]
		r, ok := rawIdx[k]
		if !ok {
			f := feats[k]
			g, ok := byFeat[f.key]
			if !ok {
				g = int32(len(groups))
				byFeat[f.key] = g
				groups = append(groups, &group{f: f})
			}
			r = int32(len(raws))
			rawIdx[k] = r
			raws = append(raws, rawSig{key: k, group: g})
			groups[g].raws = append(groups[g].raws, r)
		}
		raws[r].count++
		mg[i] = r
	}
	for _, r := range raws {
		groups[r.group].size += r.count
	}
	support := map[string]int{}
	for _, g := range groups {
		support[g.f.product+"|"+strings.Join(g.f.comp, " ")] += g.size
	}
	for _, g := range groups {
		g.f.support = support[g.f.product+"|"+strings.Join(g.f.comp, " ")]
		g.f.count = g.size
	}

	// 2. Founders: specific signatures first, then the rest; each pass largest first.
	order := make([]int32, len(groups))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ga, gb := groups[a], groups[b]
		if sa, sb := ga.f.specific(), gb.f.specific(); sa != sb {
			if sa {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(gb.size, ga.size), strings.Compare(ga.f.key, gb.f.key))
	})
	leaders := newLeaderIndex(o.minorRatio())
	var founder []int32 // leader → group
	for _, gi := range order {
		g := groups[gi]
		if l, ok := leaders.best(g.f); ok {
			g.leader = l
			leaders.grow(l, g.size)
			continue
		}
		g.leader = leaders.add(g.f, g.size)
		founder = append(founder, gi)
	}

	// 3. Within each product, small clusters join the larger one they are most
	// like, then clusters regroup by symptom class into causes.
	leaderOf := func(i int) int32 { return groups[raws[mg[i]].group].leader }
	founder = regroup(groups, founder, consolidate(groups, leaders, together(ms, leaderOf)))
	if !o.NoCauses {
		feat := func(l int32) *features { return groups[founder[l]].f }
		terms := make([]map[string]int, len(founder))
		for i := range ms {
			if len(ms[i].Terms) == 0 {
				continue
			}
			l := leaderOf(i)
			if terms[l] == nil {
				terms[l] = map[string]int{}
			}
			for _, t := range ms[i].Terms {
				terms[l][t]++
			}
		}
		// What each cluster's transcripts also said of their fault, by
		// symptom class as the causes pass keys classes.
		also := make([]map[string]int, len(founder))
		classKey := map[string]string{}
		for i := range ms {
			for _, c := range ms[i].AlsoSaid {
				k, ok := classKey[c]
				if !ok {
					k = strings.Join(sortedSet(tokens(c, true, o)), " ")
					classKey[c] = k
				}
				l := leaderOf(i)
				if also[l] == nil {
					also[l] = map[string]int{}
				}
				also[l][k]++
			}
		}
		founder = regroup(groups, founder, mergeCauses(groups, len(founder), feat, together(ms, leaderOf), terms, also))
	}

	return &partitioned{groups: groups, raws: raws, mg: mg, founder: founder}
}

// together marks the pairs of clusters holding mentions of one transcript:
// its friction points are distinct causes by construction, so such clusters
// never join. Mentions of a transcript are given to Run together.
func together(ms []Mention, leaderOf func(i int) int32) map[[2]int32]bool {
	out := map[[2]int32]bool{}
	for i := 1; i < len(ms); i++ {
		if id := ms[i].TranscriptID; id != "" && id == ms[i-1].TranscriptID {
			for j := i - 1; j >= 0 && ms[j].TranscriptID == id; j-- {
				a, b := leaderOf(i), leaderOf(j)
				out[[2]int32{a, b}], out[[2]int32{b, a}] = true, true
			}
		}
	}
	return out
}

// regroup applies a pass's joins: each group moves to the cluster its
// cluster joined (root, per cluster), the founders of joined clusters drop
// out, and clusters are renumbered.
func regroup(groups []*group, founder []int32, root []int32) []int32 {
	renum := make([]int32, len(founder))
	var kept []int32
	for l := range founder {
		if root[l] == int32(l) {
			renum[l] = int32(len(kept))
			kept = append(kept, founder[l])
		}
	}
	for _, g := range groups {
		g.leader = renum[root[g.leader]]
	}
	return kept
}

// productNames drops the component of vague reports that name the product,
// not a part: a word the run learnt stands for the report's product (a
// product name, often misheard or lower-cased: "the therma isn't working")
// and that no report of that product names as a part failing in a specific
// way. The report is then one on the product as a whole.
func productNames(feats map[rawKey]*features, pr *productResolver) {
	if pr == nil {
		return
	}
	part := map[string]bool{} // product + "\x00" + component token
	for _, f := range feats {
		if f.specific() {
			for _, t := range f.comp {
				part[f.product+"\x00"+t] = true
			}
		}
	}
	names := pr.productWords()
	for k, f := range feats {
		if !f.vague || len(f.comp) != 1 || f.product == "" || part[f.product+"\x00"+f.comp[0]] || names[f.comp[0]] != baseProduct(f.product) {
			continue
		}
		g := *f
		g.comp, g.head = nil, ""
		g.key = g.product + "||" + strings.Join(g.symp, " ")
		feats[k] = &g
	}
}

// members fills each cluster's member list, ordered by time then transcript id.
func (r *Result) members() {
	all := make([]int32, len(r.ms))
	start := make([]int, len(r.Clusters)+1)
	for _, c := range r.assign {
		start[c+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	next := slices.Clone(start[:len(r.Clusters)])
	for i, c := range r.assign {
		all[next[c]] = int32(i)
		next[c]++
	}
	for ci, c := range r.Clusters {
		c.members = all[start[ci]:start[ci+1]:start[ci+1]]
		slices.SortFunc(c.members, func(a, b int32) int {
			ma, mb := &r.ms[a], &r.ms[b]
			return cmp.Or(ma.At.Compare(mb.At), strings.Compare(ma.TranscriptID, mb.TranscriptID), cmp.Compare(a, b))
		})
	}
}

// asWritten returns the product key as the metadata of its mentions (members
// holds them) writes it most ("RockstarSupport" for "rockstarsupport"). A SKU
// family ("tt" for TT-3) reads as the product's name where the mentions give
// one ("Spindle turntable"), else as the noun customers use of it twice or
// more, else as the SKU. Any other key reads as itself.
func (r *Result) asWritten(members []int32, key string) string {
	key = baseProduct(key)
	seen := map[string]int{}
	names, nouns, skus := map[string]int{}, map[string]int{}, map[string]int{}
	for _, i := range members {
		m := &r.ms[i]
		p := strings.TrimSpace(m.Product)
		if p != key && strings.EqualFold(p, key) {
			seen[p]++
		}
		switch {
		case p == "":
		case isSKU(p):
			if SKUFamily(p) == key {
				skus[p]++
			}
			continue
		default:
			names[p]++
		}
		if n := normNoun(m.Noun); n != "" {
			nouns[n]++
		}
	}
	if p, n := topCount(seen); n > 0 {
		return p
	}
	if len(skus) == 0 {
		return key
	}
	if p, n := topCount(names); n > 0 {
		return p
	}
	if p, n := topCount(nouns); n >= 2 {
		return p
	}
	p, _ := topCount(skus)
	return p
}

// describe sets the readable fields: product, component and symptom from the most
// frequent raw form of the founding signature, terms from every raw form, safety.
func (r *Result) describe(groups []*group, raws []rawSig, founder []int32, rank []int32) {
	type tally map[string]int
	// comps and symps count what the cluster's reports say most: the specific
	// symptom most named, and the part two or more of them name most; a
	// founder's one-off words ("the exam", "the download") do not name a
	// cause of many reports.
	products, terms := make([]tally, len(r.Clusters)), make([]tally, len(r.Clusters))
	comps, symps := make([]tally, len(r.Clusters)), make([]tally, len(r.Clusters))
	for i := range products {
		products[i], terms[i], comps[i], symps[i] = tally{}, tally{}, tally{}, tally{}
	}
	for _, g := range groups {
		ci := rank[g.leader]
		for _, ri := range g.raws {
			raw := raws[ri]
			comp, symp := raw.key.component, raw.key.symptom
			if comp == "" && symp == "" {
				_, comp, symp = splitSignature(raw.key.signature)
			}
			if p := strings.TrimSpace(raw.key.product); p != "" {
				products[ci][p] += raw.count
			}
			if c := phrase(comp); c != "" {
				terms[ci][c] += raw.count
				comps[ci][c] += raw.count
			}
			if s := phrase(symp); s != "" {
				terms[ci][s] += raw.count
				if !vagueSymptom(s) {
					symps[ci][s] += raw.count
				}
			}
		}
	}
	for l, gi := range founder {
		ci := rank[l]
		c := r.Clusters[ci]
		var best rawSig
		for _, ri := range groups[gi].raws {
			if raws[ri].count > best.count || raws[ri].count == best.count && lessRaw(raws[ri].key, best.key) {
				best = raws[ri]
			}
		}
		c.Component, c.Symptom = phrase(best.key.component), phrase(best.key.symptom)
		if c.Component == "" && c.Symptom == "" {
			_, comp, symp := splitSignature(best.key.signature)
			c.Component, c.Symptom = phrase(comp), phrase(symp)
		}
		if len(c.members) < 3 {
			continue
		}
		if s, n := topCount(symps[ci]); n > 0 {
			c.Symptom = s
		}
		c.Component = ""
		if p, n := topCount(comps[ci]); n >= 2 {
			c.Component = p
		}
	}
	// One product reads alike in all its clusters.
	byKey := map[string][]int32{}
	for ci, c := range r.Clusters {
		k := first(top(products[ci], 1))
		byKey[k] = append(byKey[k], c.members...)
	}
	written := map[string]string{}
	for k, members := range byKey {
		written[k] = r.asWritten(members, k)
	}
	for ci, c := range r.Clusters {
		c.Product = written[first(top(products[ci], 1))]
		c.Terms = top(terms[ci], 10)
		parts := []string{}
		if c.Product != "" {
			parts = append(parts, c.Product)
		}
		if cs := strings.TrimSpace(c.Component + " " + c.Symptom); cs != "" {
			parts = append(parts, cs)
		}
		c.Label = strings.Join(parts, " · ")
	}
	kinds := make([]map[string]bool, len(r.Clusters))
	for i := range r.ms {
		for _, k := range r.ms[i].Safety {
			ci := r.assign[i]
			if kinds[ci] == nil {
				kinds[ci] = map[string]bool{}
			}
			kinds[ci][k] = true
		}
	}
	for ci, ks := range kinds {
		for k := range ks {
			r.Clusters[ci].Safety = append(r.Clusters[ci].Safety, k)
		}
		slices.Sort(r.Clusters[ci].Safety)
	}
}

// lessRaw orders raw forms for the label: shorter first, then alphabetical.
func lessRaw(a, b rawKey) bool {
	la, lb := len(a.component)+len(a.symptom)+len(a.signature), len(b.component)+len(b.symptom)+len(b.signature)
	return cmp.Or(cmp.Compare(la, lb), strings.Compare(a.component, b.component), strings.Compare(a.symptom, b.symptom),
		strings.Compare(a.signature, b.signature), strings.Compare(a.product, b.product)) < 0
}

// phrase lower-cases and collapses spaces: "Charging  Case" → "charging case".
func phrase(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// vagueSymptom reports whether a symptom names no way of failing: "faulty",
// "does not work properly".
func vagueSymptom(s string) bool {
	for _, w := range strings.Fields(s) {
		if w = stem(w); !stopWords[w] && !vagueWords[w] && w != "not" && w != "doe" && w != "does" {
			return false
		}
	}
	return true
}

// top returns up to n keys of t, most frequent first, ties alphabetical.
func top(t map[string]int, n int) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(t[b], t[a]), strings.Compare(a, b)) })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// anchorCount is how many transcript ids a cluster keeps in the registry, so it can
// be recognised after re-analysis changes its signatures.
const anchorCount = 8

// anchorsAndFirstSeen fills each claim's first-seen time and anchors: the
// transcript ids with the smallest hashes (a bottom-k sketch, independent of the
// order mentions arrive in).
func (r *Result) anchorsAndFirstSeen(claims []claim) {
	for ci, c := range r.Clusters {
		cl := &claims[ci]
		if len(c.members) > 0 {
			cl.firstSeen = r.ms[c.members[0]].At
		}
		type h struct {
			h  uint64
			id string
		}
		var best []h
		for _, mi := range c.members {
			id := r.ms[mi].TranscriptID
			if id == "" {
				continue
			}
			x := hashString(id)
			if len(best) == anchorCount && x >= best[anchorCount-1].h {
				continue
			}
			i, found := slices.BinarySearchFunc(best, x, func(e h, t uint64) int { return cmp.Compare(e.h, t) })
			if found && best[i].id == id {
				continue
			}
			best = slices.Insert(best, i, h{x, id})
			if len(best) > anchorCount {
				best = best[:anchorCount]
			}
		}
		for _, b := range best {
			cl.anchors = append(cl.anchors, b.id)
		}
	}
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for ; i > 0; i /= 10 {
		n--
		b[n] = byte('0' + i%10)
	}
	return string(b[n:])
}

// Package cluster groups product-defect mentions into root causes ("earbuds ·
// charging case does not charge"), gives each root cause an id that stays the
// same as data arrives, and computes the statistics the API, the CLI and the
// digests show for a time window. It has no gRPC, index or store dependencies:
// the engine converts analyses to Mentions, keeps the Registry's bytes in its
// store, and converts Stats to the API's DefectCluster.
//
// # Signatures
//
// Package nlp folds what customers said into a component ("charging case") and a
// symptom ("does not charge") through the rule pack's lexicons, and a canonical
// signature. A signature of the form "component|symptom" or
// "product|component|symptom" is read as such; otherwise Mention.Component and
// Mention.Symptom are used, and only when both are empty nlp's
// "charging-case/does-not-charge" signature. Both are normalised into token sets: lower-cased;
// negations ("won't", "doesn't", "no", "stopped ...", "fails to ...") become
// "not", though a final "stop" stays ("does not stop"); articles, auxiliaries, degree and time words, numbers and durations are
// dropped ("dies after ten minutes" is "dies"); Options.Fold applies a lexicon;
// inflections are stemmed ("charging", "charges" → "charg"). Words of the
// component are removed from the symptom, and a component that is the product
// itself ("the kettle leaks") counts as no component. Products pass through
// Options.Product (a SKU to its product line), by default SKUFamily ("EB-200" and
// "EB-210" are both "eb"), and are lower-cased.
//
// # Product keys
//
// When mentions carry Noun (what the transcript calls the product: "washing
// machine") or Terms (the customer's nouns and brand words), Run first learns,
// within the run, which product line each term stands for: mentions whose
// Product is a SKU (or, with no SKU in the run, any Product) are anchors, and
// every term and noun seen with an anchor votes for it. A mention with no SKU
// takes the anchor its terms point to (terms seen twice or more, at least 75%
// with one anchor; the noun counts double; a product name's words count too;
// the words of an anchor's name before its head, kinds a shop's products
// share like "cat" of "cat feeder", count for none),
// else its product name, else its noun, else none. A product name or noun that
// spells a SKU family of the run is an anchor of that family too, and its words
// vote as brand words (counting double, and from a single mention): a word of
// it is the family ("smart TV" for TV-55Q7), else the initials of its last two
// or three words are ("Vantor G15 gaming laptop" for GL-415, "e-reader" for
// ER-6), else those of two or three other consecutive words ("LiftMate 900
// garage door opener" for GD-900), with camel-case words split ("SkyHop" for
// SH-12); only a unique match counts. A product name that spells no family
// takes the family of a name that does and shares its first word (the brand)
// or its last (the kind), written apart or together ("Kibblekeep" and "auto
// feeder" for "Kibblekeep cat feeder", CF-4); one that still has none is keyed
// like its noun. So a product
// line is one key whether a transcript gives its SKU, its marketing name or
// only its noun. An anchor is keyed, and
// labelled, by the noun used of it most (twice or more, and more than of any
// other anchor), so "FR-580" and a SKU-less "my fridge" share a key. A mention
// left with no product joins a cluster only when its best match is in one
// product. An anchor is named by a noun used of it once when no other
// anchor uses that noun and the noun's head is a word of its mentions more
// than of any other anchor's, and a mention with no product and no noun of its
// own takes the anchor one of its terms names ("shredder"), or its noun's
// head does ("chomp 8 shredder"). Last, a mention still without a product, or
// with one no other transcript has (a misheard name, a nickname), takes the
// product whose mentions use its words, when one clearly does: each term
// scores the share of that product's mentions using it, times the share of
// its uses in that product, times its inverse document frequency (byWords);
// a SKU family or a named anchor counts as a product however few its
// mentions. The Registry keeps the last run's
// product key for Assign.
//
// # Products cut by their reports' words
//
// Then, when mentions carry Words (the engine gives each the words of its
// transcript), each product's mentions are cut in two by those words
// (split.go): spherical two-means on tf-idf vectors, weighted within the
// product and over the run. The cut is kept only when each side has a marker:
// a word that some report's component or symptom uses, that at most a fifth
// of the run's transcripts use, found in at least half of that side's reports
// (and three or more) and in at most 15% of the other's. Each side holds at
// least five reports and is tried again, to a depth of three. Words of
// names, greetings and channel habits split one fault as well as two, but
// they name no part or symptom; a part one side names and the other almost
// never does is a second fault ("blade", "motor" against "dock", "charger"
// when customers of one mower only say it "keeps giving up"). A side is a
// product of its own for every later pass and keyed by its marker words, so
// it reads the same from run to run; labels show the product's name. Assign
// gives a new report the side whose markers its words use most.
//
// # Similarity rule
//
// First, mentions with the same product, component tokens and symptom tokens form
// a group, in one hash-map pass. Then groups are visited largest first, specific
// ones (product, component and a specific symptom all present) before the rest;
// each joins the cluster of the best-matching founding group found so far, or
// founds a new cluster. A group only meets founders that share a block with it
// (same product and a component token, or same product and the same symptom), so
// the work grows with the number of groups times the founders per block, not with
// the square of the mentions. Group g matches founder f when their products are
// equal or one is missing, and, best first:
//
//  1. exact: the same component and symptom tokens;
//  2. specific: the components are compatible, one's tokens containing the
//     other's ("case" and "charging case", "lid" and "lid seal"; not "left earbud"
//     and "right earbud"), and so are the symptoms: one's tokens contain the
//     other's, both negated or neither, and the smaller still names a specific
//     failure ("drains" and "drains battery"; not "leaks" and "cracks", not
//     "charges" and "does not charge");
//  3. vague: g's symptom names no specific failure ("stopped working", "is
//     broken") and the components are compatible: the vague report joins the
//     specific cause of that part, unless it says the part stopped working
//     and f is a noise the part makes ("the brake doesn't work" is not "the
//     brake squeals");
//  4. no component: g has none and exactly f's specific symptom;
//  5. minor part: the same product, exactly the same specific symptom, the
//     components are not variants of one part (the same head noun: "left
//     earbud", "right earbud"), and g's component is named (with any symptom)
//     at least Options.MinorRatio (2) times less often in that product than
//     f's, or named with this symptom in more than half of its mentions: a
//     part failing the same way as another is taken as another name for it
//     ("the little box doesn't charge" beside "the charging case doesn't
//     charge"; "the plug", "the stand" and "the power base" smelling of
//     burning). A part named often in its own right ("the base", with other
//     symptoms too) keeps its own cluster;
//  6. product: g is vague, names no component, and matches nothing else; the
//     product's largest specific cluster holds at least two thirds of its
//     specific mentions (and 3 or more), and is no noise when g says the
//     product stopped working: "it stopped working" joins the cause the
//     product mostly has.
//
// A vague report whose one-word component is a word the run learnt stands
// for its product (as for product keys: a product name, often misheard or
// lower-cased, "the therma isn't working"), and that no report of that
// product names as a part failing in a specific way, counts as a report on
// the product as a whole. Registry.Assign does not apply this rule.
//
// A founder that is itself vague or has no component only takes exact matches.
// Package nlp classes symptoms before they get here ("dribbles", "spits" and
// "leaks" are all "leaks"), and a generic stop ("does not power on", "shuts
// off") arrives as the vague "does not work".
// Ties go to the largest founder, then the earliest. Comparing with founders
// only, never with members, keeps clusters from chaining ("lid cracks" – "lid
// seal cracks" – "lid seal leaks"). So near-misses stay apart: "lid cracks" and
// "lid seal leaks" differ in symptom; "charging case does not charge" and
// "battery does not hold a charge" differ in component. Paraphrases that share no
// words ("won't hold a charge", "dies after ten minutes") meet only if the lexicons
// fold them to one symptom, in nlp or through Options.Fold.
//
// # Within a product
//
// The rule above keeps clusters apart unless their signatures nearly agree,
// so one cause told in a product's own words leaves small clusters behind.
// A second pass (consolidate.go) works product by product, so it stays linear
// in the number of clusters. A cluster is small when it has at most 2
// mentions or less than a tenth of its product's; the others never merge,
// so near-misses that each have a sizeable cluster ("door seal leaks", "door
// does not unlock") stay apart. Small clusters, largest first, join the
// product's largest cluster that has, in order of preference: one of their
// specific symptoms (a part other than the cluster's only under the
// minor-part rule's conditions: Options.MinorRatio not negative and the part
// not named mostly with other failures); the head noun of their part (a
// vague report only: "the remote is faulty" joins the cause of the remote);
// or a third of their stemmed component and symptom words (Jaccard). Each
// level is tried for every small cluster before the next, and a cluster
// joined answers to its new part names afterwards. Small clusters left over
// then join each other the same way, or, a one-mention cluster with nothing
// like it, the product's dominant cause: its largest cluster, holding at
// least 60% of the product's mentions and 3 or more ("the cable came loose"
// on a laptop whose reports are mostly a cracked hinge). No join ever puts
// together: a part stopped working and a noise it makes; the same part (a
// shared head noun) failing in clearly different ways (both symptoms
// specific, sharing no word, or one negated and the other not: "lid cracked",
// "lid leaks"; "charges slowly", "does not charge"); variants of one part
// ("left earbud", "right earbud"); opposite faults ("runs fast", "runs
// slow"; "stays open", "stays shut": a symptom word whose opposite the other
// has); nor two mentions of one transcript (its
// friction points are distinct causes by construction; mentions of a
// transcript are given to Run together). Product-less mentions join a
// product only through their terms (above) or the first pass.
//
// # Causes within a product
//
// A last pass (causes.go; Options.NoCauses turns it off) regroups each
// product's clusters by symptom class, as package nlp and the rule pack's
// classes fold it: customers blame different parts for one fault ("water
// under the freezer drawer", "the ice maker drips") far more often than one
// product has two faults that fail the same way. A cluster's class is the
// specific class most of its mentions name, reports that a part stopped
// working ("won't turn on") counting as one class. Clusters of one class join,
// whatever part they blame, unless two parts are each reported failing that
// way bigCause (10) times or more. A class is a cause of its own when it
// holds minCause (3) mentions and a sixth of the product's, or bigCause:
// near-miss pairs ("lid cracks", "lid seal leaks") each reported that often
// stay apart, while one or two odd reports say little. Two causes are one
// when customers said both classes of their fault (Mention.AlsoSaid: "it
// keeps dying", "it still cuts out") in two transcripts or more, half as
// many as the smaller cause has and a quarter as many as the larger, unless
// the faults are opposite: customers of a near-miss pair say one fault, or
// deny the other, and a large cause a few of whose customers had a second
// fault does not swallow it. Every other cluster
// joins the cause that shares a part with it, else the one whose
// transcripts used its words most (Mention.Terms: a company's phone-key app
// and its car's charge port), else the product's largest cause, never a
// report that a part stopped working with a noise it makes, nor an opposite
// fault;
// with no cause standing out, the product's largest cluster is its cause.
// Clusters holding mentions of one transcript never join; nlp gives a
// transcript one product-defect friction point, so this only keeps apart
// reports on two products.
//
// # Stable ids
//
// An id is "dc-" and 6 hex digits of the SHA-256 of the founding group's
// normalised signature (more digits if that id is taken by another signature). The
// Registry maps every normalised signature it has seen to its cluster's id and
// keeps, per id, its founding signature, first-seen time, size, the id it was
// merged into, and 8 anchor transcripts (those with the smallest hashes of their
// ids: a bottom-k sketch). Each Run visits the new clusters largest first; each
// takes the oldest (first seen) unclaimed id among those its signatures are
// registered under, so a cluster whose founder changes keeps its id, a merge keeps
// the older id and records the other as merged into it (Resolve follows it), and a
// split leaves the id with the larger part. A cluster with no registered
// signature (re-analysis under new rules changed them all) takes the id whose
// anchors it holds most of, among ids no signature of this run claims; else the
// hash of its founder; and an id left with none of its signatures is recorded as
// merged into the cluster that now holds most of its anchors. Everything depends
// on sets and counts, not on the order mentions arrive in; the registry is
// serialised with Bytes and read back with LoadRegistry. Give Run every mention
// (filter by time in Stats, not before Run): ids it does not see are left alone,
// but the merge bookkeeping assumes a full run. Registry.Assign gives a single new mention its id at ingest time
// without re-clustering.
//
// # Labels
//
// A cluster of three or more reports reads as what most of them say: the
// specific symptom most named, and the part two or more name most (none when
// no part is named twice), so a founder's one-off words do not name a cause. A
// product keyed by a SKU family reads as a product name its reports give
// ("Spindle turntable" for TT-3), else as the noun used of it twice or more,
// else as the SKU, alike in all its clusters.
//
// # Statistics
//
// Result.Stats and Result.StatsOf count distinct transcripts and customers in a
// window [Start, End), weekly counts (weeks start Monday 00:00 UTC), growth
// against the previous window of the same length with an exact Poisson rate test
// for emerging clusters (PoissonTest), channel mix, masked share, average survey
// score, affected customers (distinct customers × the silent-customer ratio, 30 by
// default, with the assumption in words) and examples with their evidence, masked
// and recent first. SortStats and Page order and page them. PairwiseScores and
// AdjustedRandIndex score a clustering against labels; Synthetic and BenchScaling
// serve the benchmarks.
package cluster

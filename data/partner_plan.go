package data

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
)

// PartnerInput is what PlanPartners pairs: the week's residents, groups
// locked by a manager, and who was partnered recently.
type PartnerInput struct {
	Week      Date
	Residents []string       // resident IDs to pair (locked groups' members excluded)
	Locked    []PartnerGroup // kept as they are
	// Recent maps a pair (pairKey) to how many weeks ago they were last
	// partners (1: last week).
	Recent map[[2]string]int
	// Avoid are pairs never to make (a mentor and their mentee).
	Avoid map[[2]string]bool
	// NoRepeatWeeks: nobody gets a partner they had within this many weeks,
	// where the house's numbers allow.
	NoRepeatWeeks int
}

// pairKey orders a pair's IDs so (a, b) and (b, a) are one key.
func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Costs of a pairing: a mentor-mentee pair is worse than any repeat, and a
// more recent repeat worse than an older one.
const costAvoid = 1 << 20

func (in PartnerInput) cost(a, b string) int {
	k := pairKey(a, b)
	c := 0
	if in.Avoid[k] {
		c += costAvoid
	}
	if ago, ok := in.Recent[k]; ok && ago <= in.NoRepeatWeeks {
		c += 1000 * (in.NoRepeatWeeks - ago + 1)
	}
	return c
}

// PlanPartners pairs the residents for a week: pairs, and one group of
// three when the count is odd. It is deterministic: the same input gives
// the same groups. Locked groups come first, as they are.
func PlanPartners(in PartnerInput) []PartnerGroup {
	ids := slices.Clone(in.Residents)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	rng := rand.New(rand.NewPCG(weekSeed(in.Week, ids), 0x9e3779b97f4a7c15))
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	groups := slices.Clone(in.Locked)
	if len(ids) < 2 {
		if len(ids) == 1 {
			groups = joinSingle(in, groups, ids[0])
		}
		return groups
	}
	pairs, odd := greedyPairs(in, ids)
	improvePairs(in, pairs)
	var out []PartnerGroup
	for _, p := range pairs {
		out = append(out, PartnerGroup{Members: []string{p[0], p[1]}})
	}
	if odd != "" {
		out = joinSingle(in, out, odd)
	}
	return append(groups, out...)
}

// weekSeed mixes the week and the residents into the shuffle's seed, so
// each week's pairing differs but regenerating gives the same one.
func weekSeed(week Date, ids []string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(dateKey(week)))
	for _, id := range ids {
		h.Write([]byte(id))
	}
	return h.Sum64()
}

// greedyPairs pairs each resident, in shuffled order, with the cheapest
// partner left; with an odd count the last one is returned alone.
func greedyPairs(in PartnerInput, ids []string) ([][2]string, string) {
	used := make([]bool, len(ids))
	var pairs [][2]string
	for i := range ids {
		if used[i] {
			continue
		}
		best := -1
		for j := i + 1; j < len(ids); j++ {
			if !used[j] && (best < 0 || in.cost(ids[i], ids[j]) < in.cost(ids[i], ids[best])) {
				best = j
			}
		}
		if best < 0 {
			return pairs, ids[i]
		}
		used[i], used[best] = true, true
		pairs = append(pairs, [2]string{ids[i], ids[best]})
	}
	return pairs, ""
}

// improvePairs swaps partners between two pairs while that lowers the
// total cost, until no swap does.
func improvePairs(in PartnerInput, pairs [][2]string) {
	for range 50 {
		better := false
		for i := range pairs {
			for j := i + 1; j < len(pairs); j++ {
				better = swapIfBetter(in, &pairs[i], &pairs[j]) || better
			}
		}
		if !better {
			return
		}
	}
}

func swapIfBetter(in PartnerInput, p, q *[2]string) bool {
	a, b, c, d := p[0], p[1], q[0], q[1]
	now := in.cost(a, b) + in.cost(c, d)
	if now == 0 {
		return false
	}
	if in.cost(a, c)+in.cost(b, d) < now {
		*p, *q = [2]string{a, c}, [2]string{b, d}
		return true
	}
	if in.cost(a, d)+in.cost(b, c) < now {
		*p, *q = [2]string{a, d}, [2]string{b, c}
		return true
	}
	return false
}

// joinSingle adds a lone resident to the unlocked pair where they cost the
// least, making it a three; with no pair to join they stay a group of one.
func joinSingle(in PartnerInput, groups []PartnerGroup, id string) []PartnerGroup {
	best, bestCost := -1, 0
	for i, g := range groups {
		if g.Locked || len(g.Members) != 2 {
			continue
		}
		c := in.cost(id, g.Members[0]) + in.cost(id, g.Members[1])
		if best < 0 || c < bestCost {
			best, bestCost = i, c
		}
	}
	if best < 0 {
		return append(groups, PartnerGroup{Members: []string{id}})
	}
	groups[best].Members = append(slices.Clone(groups[best].Members), id)
	return groups
}

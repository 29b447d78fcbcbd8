package data

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// Fairness of the rotation, as properties over generated houses: 3 to 40
// residents coming and going, 5 to 30 chores, overnight passes, and twelve
// weeks of rosters made one after the other, each week's history being the
// weeks before it.

const (
	simWeeks  = 12
	simWindow = 8
)

// simHouse is a generated house and the rosters the rotation made for it.
type simHouse struct {
	start   Date // the first simulated week
	members []RosterMember
	chores  []Chore
	weeks   [][]Assignment // weeks[w] is week w's roster
}

func (h *simHouse) week(w int) Date { return h.start.AddDays(7 * w) }

func simID(r *rand.Rand) string { return fmt.Sprintf("%016x", r.Uint64()) }

// genHouse makes a random house from a seed.
func genHouse(seed int64) *simHouse {
	r := rand.New(rand.NewSource(seed))
	h := &simHouse{start: NewDate(2024, 1, 1).AddDays(7 * r.Intn(100))}
	h.chores = genChores(r)
	h.members = genMembers(r, h.start)
	return h
}

func genChores(r *rand.Rand) []Chore {
	n := 5 + r.Intn(26)
	out := make([]Chore, n)
	for i := range out {
		c := Chore{ID: simID(r), Name: fmt.Sprintf("Chore %d", i+1), Effort: 1 + r.Intn(5),
			Frequency: Weekly, Weekday: time.Weekday(r.Intn(7)), People: 1, Active: true}
		if r.Intn(10) < 3 {
			c.Frequency, c.Weekday = Daily, 0
		}
		switch x := r.Intn(20); {
		case x == 0:
			c.People = 3
		case x < 5:
			c.People = 2
		}
		if r.Intn(15) == 0 {
			c.Active = false
		}
		out[i] = c
	}
	return out
}

// genMembers makes 3 to 40 residents at the start, then turnover: people
// move out and in on random days, never fewer than three in the house.
// Some take overnight passes; newcomers are excused their first week when
// the house says so.
func genMembers(r *rand.Rand, start Date) []RosterMember {
	excuseNew := r.Intn(2) == 0
	var ms []RosterMember
	add := func(in Date) {
		m := RosterMember{ID: simID(r), Present: []Span{{From: in}}}
		if excuseNew {
			m.Off = append(m.Off, Span{From: in, To: in.WeekStart(time.Monday).AddDays(6)})
		}
		ms = append(ms, m)
	}
	for range 3 + r.Intn(38) {
		add(start.AddDays(-r.Intn(400) - 1))
	}
	turnover := r.Intn(4) // 0: a stable house, 3: a lot of coming and going
	for w := range simWeeks {
		for range r.Intn(turnover + 1) {
			moveOutOne(r, ms, start.AddDays(7*w+r.Intn(7)))
		}
		for range r.Intn(turnover + 1) {
			add(start.AddDays(7*w + r.Intn(7)))
		}
	}
	addPasses(r, ms, start)
	return ms
}

// moveOutOne ends the stay of a random resident on day d, unless that
// would leave fewer than three in the house.
func moveOutOne(r *rand.Rand, ms []RosterMember, d Date) {
	var here []int
	for i, m := range ms {
		if m.Present[0].To.IsZero() && m.Present[0].From.Compare(d) < 0 {
			here = append(here, i)
		}
	}
	if len(here) <= 3 {
		return
	}
	i := here[r.Intn(len(here))]
	ms[i].Present[0].To = d.AddDays(-1)
}

func addPasses(r *rand.Rand, ms []RosterMember, start Date) {
	for i := range ms {
		if r.Intn(4) != 0 {
			continue
		}
		for range 1 + r.Intn(3) {
			from := start.AddDays(r.Intn(7 * simWeeks))
			ms[i].Off = append(ms[i].Off, Span{From: from, To: from.AddDays(r.Intn(3))})
		}
	}
}

// run makes the twelve weekly rosters in turn.
func (h *simHouse) run() {
	h.weeks = nil
	var hist []Assignment
	for w := range simWeeks {
		plan := PlanRoster(RosterInput{Week: h.week(w), Members: h.members, Chores: h.chores, History: hist, Window: simWindow})
		h.weeks = append(h.weeks, plan)
		hist = append(hist, plan...)
	}
}

func (h *simHouse) pmax() int {
	m := 0
	for _, c := range h.chores {
		if c.Active {
			m = max(m, c.Effort)
		}
	}
	return m
}

func simCases(t *testing.T) int {
	if testing.Short() {
		return 60
	}
	return 400
}

func TestRotationFairnessProperties(t *testing.T) {
	for seed := range int64(simCases(t)) {
		h := genHouse(seed)
		h.run()
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			checkEffortSpread(t, h)
			checkCoverage(t, h)
			checkNoAvoidableRepeats(t, h)
		})
	}
}

// checkEffortSpread: among residents available every day of an 8-week
// window, total effort over the window differs by at most the heaviest
// chore's effort.
func checkEffortSpread(t *testing.T, h *simHouse) {
	t.Helper()
	for end := simWindow - 1; end < simWeeks; end++ {
		first := end - simWindow + 1
		loads := map[string]int{}
		for _, m := range h.members {
			if availableThrough(m, h.week(first), h.week(end).AddDays(6)) {
				loads[m.ID] = 0
			}
		}
		for w := first; w <= end; w++ {
			for _, a := range h.weeks[w] {
				if _, ok := loads[a.ResidentID]; ok {
					loads[a.ResidentID] += a.Credit()
				}
			}
		}
		if lo, hi := spread(loads); len(loads) > 1 && hi-lo > h.pmax() {
			t.Errorf("weeks %d-%d: effort of %d full-time residents ranges %d..%d, more than %d apart", first, end, len(loads), lo, hi, h.pmax())
		}
	}
}

func availableThrough(m RosterMember, from, to Date) bool {
	for d := from; d.Compare(to) <= 0; d = d.AddDays(1) {
		if !m.Available(d) {
			return false
		}
	}
	return true
}

func spread(loads map[string]int) (lo, hi int) {
	first := true
	for _, l := range loads {
		if first || l < lo {
			lo = l
		}
		if first || l > hi {
			hi = l
		}
		first = false
	}
	return lo, hi
}

// checkCoverage: every active chore gets, each day it is due, as many
// people as it needs, or everyone available if fewer are; nobody holds two
// seats of a chore on a day, and nobody works on a day they are away.
func checkCoverage(t *testing.T, h *simHouse) {
	t.Helper()
	for w, plan := range h.weeks {
		got := map[string]int{} // chore|day -> covered seats
		seen := map[string]bool{}
		for _, a := range plan {
			if !a.Covered() {
				continue
			}
			k := a.ChoreID + "|" + a.Day.String()
			got[k]++
			if seen[k+"|"+a.ResidentID] {
				t.Errorf("week %d: %s holds two seats of %s", w, a.ResidentID, k)
			}
			seen[k+"|"+a.ResidentID] = true
			if !memberByID(h.members, a.ResidentID).Available(a.Day) {
				t.Errorf("week %d: %s given %s on a day away", w, a.ResidentID, k)
			}
		}
		for _, c := range h.chores {
			for day := range 7 {
				d := h.week(w).AddDays(day)
				if !c.Active || !c.DueOn(d) {
					continue
				}
				want := min(c.People, countAvailable(h.members, d))
				if n := got[c.ID+"|"+d.String()]; n != want {
					t.Errorf("week %d: %s on %s has %d people, want %d", w, c.Name, d, n, want)
				}
			}
		}
	}
}

func memberByID(ms []RosterMember, id string) RosterMember {
	for _, m := range ms {
		if m.ID == id {
			return m
		}
	}
	return RosterMember{}
}

func countAvailable(ms []RosterMember, d Date) int {
	n := 0
	for _, m := range ms {
		if m.Available(d) {
			n++
		}
	}
	return n
}

// checkNoAvoidableRepeats: whenever a resident has a chore they had the
// week before, no other seat of the same effort could be traded for it
// (both available on the other's day, neither already on that chore that
// day) so that neither ends up repeating. Such a trade leaves every
// resident's effort unchanged, so the repeat was avoidable without
// upsetting the balance.
func checkNoAvoidableRepeats(t *testing.T, h *simHouse) {
	t.Helper()
	for w := 1; w < simWeeks; w++ {
		had := choresByResident(h.weeks[w-1])
		plan := h.weeks[w]
		holds := map[string]bool{}
		for _, a := range plan {
			holds[a.ResidentID+"|"+a.ChoreID+"|"+a.Day.String()] = true
		}
		for _, a := range plan {
			if !a.Covered() || !had[a.ResidentID][a.ChoreID] {
				continue
			}
			for _, b := range plan {
				if tradeable(h, had, holds, a, b) {
					t.Errorf("week %d: %s repeats %s on %s; trading with %s's %s on %s would avoid it",
						w, a.ResidentID, a.Chore, a.Day, b.ResidentID, b.Chore, b.Day)
				}
			}
		}
	}
}

func tradeable(h *simHouse, had map[string]map[string]bool, holds map[string]bool, a, b Assignment) bool {
	if !b.Covered() || a.ResidentID == b.ResidentID || a.Effort != b.Effort || a.ChoreID == b.ChoreID {
		return false
	}
	ma, mb := memberByID(h.members, a.ResidentID), memberByID(h.members, b.ResidentID)
	return !had[b.ResidentID][a.ChoreID] && !had[a.ResidentID][b.ChoreID] &&
		mb.Available(a.Day) && ma.Available(b.Day) &&
		!holds[b.ResidentID+"|"+a.ChoreID+"|"+a.Day.String()] &&
		!holds[a.ResidentID+"|"+b.ChoreID+"|"+b.Day.String()]
}

func choresByResident(plan []Assignment) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, a := range plan {
		if !a.Covered() || a.Excused != "" {
			continue
		}
		if out[a.ResidentID] == nil {
			out[a.ResidentID] = map[string]bool{}
		}
		out[a.ResidentID][a.ChoreID] = true
	}
	return out
}

// TestRotationDeterministic: the same house, with its residents, chores,
// spans and history handed over in a shuffled order, gets the same rosters.
func TestRotationDeterministic(t *testing.T) {
	for seed := range int64(simCases(t) / 4) {
		h := genHouse(seed)
		h.run()
		r := rand.New(rand.NewSource(seed + 1000))
		var hist []Assignment
		for w := range simWeeks {
			in := RosterInput{Week: h.week(w), Members: shuffled(r, h.members), Chores: shuffled(r, h.chores),
				History: shuffled(r, hist), Window: simWindow}
			got := PlanRoster(in)
			if !reflect.DeepEqual(got, h.weeks[w]) {
				t.Fatalf("seed %d week %d: a shuffled input gave a different roster", seed, w)
			}
			hist = append(hist, got...)
		}
	}
}

func shuffled[T any](r *rand.Rand, xs []T) []T {
	out := append([]T(nil), xs...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// TestRotationSmallHouse: four residents, four weekly chores of equal
// effort. Each week everyone gets one, and nobody keeps the same chore two
// weeks running.
func TestRotationSmallHouse(t *testing.T) {
	start := NewDate(2025, 1, 6)
	var members []RosterMember
	for _, id := range []string{"ana", "ben", "cat", "dev"} {
		members = append(members, RosterMember{ID: id, Present: []Span{{From: start.AddDays(-30)}}})
	}
	var chores []Chore
	for i, name := range []string{"Kitchen", "Bathroom", "Vacuum", "Yard"} {
		chores = append(chores, Chore{ID: fmt.Sprintf("c%d", i), Name: name, Effort: 2, Frequency: Weekly,
			Weekday: time.Weekday(i + 1), People: 1, Active: true})
	}
	var hist []Assignment
	last := map[string]string{}
	done := map[string][]string{}
	for w := range 8 {
		plan := PlanRoster(RosterInput{Week: start.AddDays(7 * w), Members: members, Chores: chores, History: hist})
		got := map[string]string{}
		for _, a := range plan {
			if got[a.ResidentID] != "" {
				t.Fatalf("week %d: %s has two chores", w, a.ResidentID)
			}
			if last[a.ResidentID] == a.Chore {
				t.Fatalf("week %d: %s has %s again", w, a.ResidentID, a.Chore)
			}
			got[a.ResidentID] = a.Chore
		}
		t.Logf("week %d: ana %-8s ben %-8s cat %-8s dev %-8s", w, got["ana"], got["ben"], got["cat"], got["dev"])
		for id, c := range got {
			done[id] = append(done[id], c)
		}
		last = got
		hist = append(hist, plan...)
	}
	for id, cs := range done {
		for w := 0; w+4 <= len(cs); w += 4 {
			if seen := uniq(cs[w : w+4]); seen != 4 {
				t.Errorf("%s did %d different chores in weeks %d-%d, want all 4", id, seen, w, w+3)
			}
		}
	}
}

func uniq(xs []string) int {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

// TestRotationNewcomerGetsAFairShare: a resident who joins a settled house
// gets about a week's share of what the others do, not every chore nobody
// else wanted.
func TestRotationNewcomerGetsAFairShare(t *testing.T) {
	for seed := range int64(20) {
		h := genHouse(seed)
		h.run()
		week := h.week(simWeeks)
		members := append(append([]RosterMember(nil), h.members...), RosterMember{ID: "newcomer", Present: []Span{{From: week}}})
		var hist []Assignment
		for _, w := range h.weeks {
			hist = append(hist, w...)
		}
		plan := PlanRoster(RosterInput{Week: week, Members: members, Chores: h.chores, History: hist, Window: simWindow})
		share := weeklyShare(members, append(hist, plan...), week.AddDays(-7*(simWindow-1)), week.AddDays(6))
		got := 0
		for _, a := range plan {
			if a.ResidentID == "newcomer" {
				got += a.Credit()
			}
		}
		if got > share+h.pmax() {
			t.Errorf("seed %d: newcomer got effort %d; a full-time resident's week is %d", seed, got, share)
		}
	}
}

// weeklyShare is the average weekly effort of residents available every
// day from from to to.
func weeklyShare(ms []RosterMember, hist []Assignment, from, to Date) int {
	full := map[string]bool{}
	for _, m := range ms {
		full[m.ID] = availableThrough(m, from, to)
	}
	total, n := 0, 0
	for _, a := range hist {
		if full[a.ResidentID] && !a.Day.Before(from) && !a.Day.After(to) {
			total += a.Credit()
		}
	}
	for _, ok := range full {
		if ok {
			n++
		}
	}
	weeks := (to.DaysSince(from) + 1) / 7
	if n == 0 {
		return 0
	}
	return total / (n * weeks)
}

package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ChoreTally counts chores in a week, for the coordinator's report: one
// resident's (CoordinatorReport.Tally) or the house's (Total). The screen
// and the paper both show these counts; neither counts on its own.
//
// The rule: a chore counts once, under the first that applies: excused;
// done (ticked at the kiosk or verified by a manager, so a verified chore
// is done, and counted again in Verified); missed; not ticked.
type ChoreTally struct {
	ResidentID string
	Name       string
	Assigned   int // all their assignments
	Done       int // ticked or verified
	Verified   int
	Missed     int
	Excused    int
	NotTicked  int // neither ticked, verified, missed nor excused
}

// CoordinatorReport is the chore coordinator's report to the house
// meeting: who did which chore in the week reported on, done or missed,
// and next week's list. Managers' notes on missed chores are left out.
type CoordinatorReport struct {
	Week     Date         // the week reported on (usually the one just ending)
	Chores   []RosterCell // its assignments, by day then chore
	Tally    []ChoreTally // per resident, by name
	NextWeek Date
	Next     []RosterCell // next week's roster; empty until it is made
}

// CoordinatorReport builds the coordinator's report for the week
// containing week and the week after it.
func (s *Store) CoordinatorReport(week Date) (CoordinatorReport, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return CoordinatorReport{}, err
	}
	next, err := s.readWeek(v.week.AddDays(7))
	if err != nil {
		return CoordinatorReport{}, err
	}
	rep := CoordinatorReport{Week: v.week, NextWeek: next.week}
	for _, a := range v.items {
		a.Note = ""
		rep.Chores = append(rep.Chores, v.cell(a))
	}
	for _, a := range next.items {
		a.Note = ""
		rep.Next = append(rep.Next, next.cell(a))
	}
	rep.Tally = TallyChores(rep.Chores)
	return rep, nil
}

// TallyChores counts each resident's chores among cells, one ChoreTally
// per resident, by name. Seats nobody had are not counted.
func TallyChores(cells []RosterCell) []ChoreTally {
	byID := map[string]*ChoreTally{}
	var out []*ChoreTally
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		t := byID[c.ResidentID]
		if t == nil {
			t = &ChoreTally{ResidentID: c.ResidentID, Name: c.Name}
			byID[c.ResidentID] = t
			out = append(out, t)
		}
		t.count(c.Assignment)
	}
	slices.SortFunc(out, func(a, b *ChoreTally) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.ResidentID, b.ResidentID))
	})
	res := make([]ChoreTally, len(out))
	for i, t := range out {
		res[i] = *t
	}
	return res
}

func (t *ChoreTally) count(a Assignment) {
	t.Assigned++
	switch {
	case a.Excused != "":
		t.Excused++
	case a.Status == ChoreVerified:
		t.Done++
		t.Verified++
	case a.Status == ChoreDone:
		t.Done++
	case a.Status == ChoreMissed:
		t.Missed++
	default:
		t.NotTicked++
	}
}

// CoordinatorReportText is the coordinator's report as text for the
// minutes of a house meeting held on meetingDate. It reports on the last
// week that has ended by that day (a Sunday meeting reports on the week
// ending that Sunday, a Wednesday meeting on the week before) and lists
// the week after it. Its method value is a ChoreReportFunc:
// MeetingStart{ChoreReport: st.CoordinatorReportText}. It is empty when
// neither week has a roster.
func (s *Store) CoordinatorReportText(meetingDate Date) (string, error) {
	week, err := s.weekOf(meetingDate)
	if err != nil {
		return "", err
	}
	if week.AddDays(6).After(meetingDate) {
		week = week.AddDays(-7)
	}
	rep, err := s.CoordinatorReport(week)
	if err != nil {
		return "", err
	}
	if len(rep.Chores) == 0 && len(rep.Next) == 0 {
		return "", nil // no roster for either week: nothing to report
	}
	return rep.Text(), nil
}

// Text writes the report as plain lines: a summary of the week, who did
// which chore (✓ done, ✗ missed, – not ticked), and next week's list.
func (rep CoordinatorReport) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Week of %s: %s.\n", rep.Week.Pretty(), rep.summary())
	past := choresByPerson(rep.Chores, func(a Assignment) string {
		switch {
		case a.Excused != "":
			return " (excused)"
		case a.Status == ChoreDone || a.Status == ChoreVerified:
			return " ✓"
		case a.Status == ChoreMissed:
			return " ✗"
		}
		return " –"
	})
	for _, line := range past {
		b.WriteString(line + "\n")
	}
	if len(rep.Next) == 0 {
		fmt.Fprintf(&b, "Week of %s: the roster is not made yet.\n", rep.NextWeek.Pretty())
		return b.String()
	}
	next := choresByPerson(rep.Next, func(Assignment) string { return "" })
	if len(next) == 0 { // a roster with every seat empty: no heading over nothing
		fmt.Fprintf(&b, "Week of %s: nobody is on the roster yet; nobody was free.\n", rep.NextWeek.Pretty())
		return b.String()
	}
	fmt.Fprintf(&b, "Next week, from %s:\n", rep.NextWeek.Pretty())
	for _, line := range next {
		b.WriteString(line + "\n")
	}
	return b.String()
}

func (rep CoordinatorReport) summary() string {
	switch {
	case len(rep.Tally) == 0 && len(rep.Chores) > 0:
		return "a roster was made, but nobody was free for any of its chores"
	case len(rep.Tally) == 0:
		return "no chore roster was made"
	}
	return rep.Total().Summary()
}

// Total adds up the residents' tallies: the house's week.
func (rep CoordinatorReport) Total() ChoreTally { return SumTallies(rep.Tally) }

// SumTallies adds residents' tallies together.
func SumTallies(ts []ChoreTally) ChoreTally {
	var t ChoreTally
	for _, x := range ts {
		t.Assigned += x.Assigned
		t.Done += x.Done
		t.Verified += x.Verified
		t.Missed += x.Missed
		t.Excused += x.Excused
		t.NotTicked += x.NotTicked
	}
	return t
}

// Summary says the tally in words: "18 of 25 chores done (3 verified by a
// manager), 1 missed, 2 excused, 4 not ticked".
func (t ChoreTally) Summary() string {
	return fmt.Sprintf("%d of %d chores done (%d verified by a manager), %d missed, %d excused, %d not ticked",
		t.Done, t.Assigned, t.Verified, t.Missed, t.Excused, t.NotTicked)
}

// choresByPerson writes one line per resident, by name: "Ana Núñez:
// Dishes Mon ✓, Thu ✗; Yard Sat ✓", each day followed by mark.
func choresByPerson(cells []RosterCell, mark func(Assignment) string) []string {
	type group struct {
		name   string
		chores []string
		days   map[string][]string
	}
	groups := map[string]*group{}
	var order []*group
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		g := groups[c.ResidentID]
		if g == nil {
			g = &group{name: c.Name, days: map[string][]string{}}
			groups[c.ResidentID] = g
			order = append(order, g)
		}
		if _, ok := g.days[c.Chore]; !ok {
			g.chores = append(g.chores, c.Chore)
		}
		g.days[c.Chore] = append(g.days[c.Chore], c.Day.Weekday().String()[:3]+mark(c.Assignment))
	}
	slices.SortStableFunc(order, func(a, b *group) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) })
	lines := make([]string, len(order))
	for i, g := range order {
		parts := make([]string, len(g.chores))
		for k, ch := range g.chores {
			parts[k] = ch + " " + strings.Join(g.days[ch], ", ")
		}
		lines[i] = g.name + ": " + strings.Join(parts, "; ")
	}
	return lines
}

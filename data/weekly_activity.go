package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// WeekMilestones are the sobriety milestones of the residents living in
// the house at the week's end: this week's and next week's.
type WeekMilestones struct {
	ThisWeek, NextWeek []WeekMilestone
}

// WeekMilestone is one resident's milestone.
type WeekMilestone struct {
	Name      string
	Milestone Milestone
}

func gatherMilestones(_ *Store, c *weekCtx, rep *WeeklyReport) error {
	present := c.presentOn(c.to)
	rep.Milestones.ThisWeek = c.milestonesOf(present, c.from, c.to)
	rep.Milestones.NextWeek = c.milestonesOf(present, c.to.AddDays(1), c.to.AddDays(7))
	return nil
}

func (c *weekCtx) milestonesOf(rs []Resident, from, to Date) []WeekMilestone {
	var out []WeekMilestone
	for _, r := range rs {
		if r.Sobriety.IsZero() {
			continue
		}
		for _, m := range MilestonesBetween(r.Sobriety, from, to) {
			out = append(out, WeekMilestone{Name: c.nameOf(r), Milestone: m})
		}
	}
	sortBy(out, func(m WeekMilestone) string { return m.Milestone.Date.String() })
	return out
}

// WeekMeeting is a house business meeting held in the week, as the report
// prints it. On the house copy the reasons given for excused absences are
// left out.
type WeekMeeting struct {
	Meeting
}

func gatherMeetings(s *Store, c *weekCtx, rep *WeeklyReport) error {
	ms, err := s.Meetings(c.from, c.to)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if !m.Kind.Business() || m.Status == MeetingStatusScheduled {
			continue
		}
		m = m.clone()
		if !c.manager() {
			for i := range m.Roll {
				m.Roll[i].Reason = ""
			}
		}
		rep.Meetings = append(rep.Meetings, WeekMeeting{m})
	}
	open, err := s.OpenActionItems()
	if err != nil {
		return err
	}
	for _, it := range open {
		if it.MeetingDate.Before(c.from) {
			rep.OpenItems = append(rep.OpenItems, it)
		}
	}
	return nil
}

// WeekChores is the chore coordinator's tally of the week and next week's
// roster, with managers' notes left out.
type WeekChores struct {
	Tally    []ChoreTally // per resident, by name
	Made     bool         // a roster was made for the week (its seats may all be empty)
	NextWeek Date
	Next     []RosterCell // next week's assignments; empty until the roster is made
}

// gatherChores is the report's one use of the chore tally.
func gatherChores(s *Store, c *weekCtx, rep *WeeklyReport) error {
	cr, err := s.CoordinatorReport(c.from)
	if err != nil {
		return err
	}
	rep.Chores = WeekChores{Tally: cr.Tally, Made: len(cr.Chores) > 0, NextWeek: cr.NextWeek, Next: cr.Next}
	for i, t := range rep.Chores.Tally {
		rep.Chores.Tally[i].Name = c.name(t.ResidentID)
	}
	slices.SortStableFunc(rep.Chores.Tally, func(x, y ChoreTally) int { return c.rank[x.ResidentID] - c.rank[y.ResidentID] })
	for i, cell := range rep.Chores.Next {
		if cell.Covered() {
			rep.Chores.Next[i].Name = c.name(cell.ResidentID)
		}
	}
	return nil
}

// WeekSignOuts sums up the week's sign-out sheet per resident: nothing of
// where anyone went.
type WeekSignOuts struct {
	Lines                                 []SignOutLine // residents with any outing or pass, by name
	Outings, BackLate, PastCurfew, Passes int           // totals
	StillOut                              int           // outings not signed back in by the week's end
}

// SignOutLine is one resident's week at the door.
type SignOutLine struct {
	Name       string
	Outings    int
	BackLate   int // signed in after the time they expected to be back
	PastCurfew int // out during curfew hours without a pass
	Passes     int // overnight passes overlapping the week
}

func gatherSignOuts(s *Store, c *weekCtx, rep *WeeklyReport) error {
	lines := map[string]*SignOutLine{}
	line := func(id string) *SignOutLine {
		if lines[id] == nil {
			lines[id] = &SignOutLine{Name: c.name(id)}
		}
		return lines[id]
	}
	a, b := c.dayBounds(c.from, c.to)
	var w WeekSignOuts
	err := readWeekRange(s, pfxSign, a, b, func(e SignEntry) {
		if !e.Current() {
			return
		}
		l := line(e.ResidentID)
		l.Outings++
		w.Outings++
		if !e.In.IsZero() && !e.ExpectedBack.IsZero() && e.In.After(e.ExpectedBack.Add(time.Minute)) {
			l.BackLate++
			w.BackLate++
		}
		if e.Late {
			l.PastCurfew++
			w.PastCurfew++
		}
		if e.In.IsZero() || !e.In.Before(b) {
			w.StillOut++
		}
	})
	if err != nil {
		return fmt.Errorf("read sign-outs: %w", err)
	}
	if err := c.countPasses(s, line, &w); err != nil {
		return err
	}
	ids := make([]string, 0, len(lines))
	for id := range lines {
		ids = append(ids, id)
	}
	c.sortIDs(ids)
	for _, id := range ids {
		w.Lines = append(w.Lines, *lines[id])
	}
	rep.SignOuts = w
	return nil
}

// countPasses counts the overnight passes of the residents present in the
// week, read through each resident's own pass keys.
func (c *weekCtx) countPasses(s *Store, line func(string) *SignOutLine, w *WeekSignOuts) error {
	for _, r := range c.presentInWeek() {
		ps, err := s.Passes(r.ID, c.from, c.to)
		if err != nil {
			return err
		}
		if len(ps) > 0 {
			line(r.ID).Passes += len(ps)
			w.Passes += len(ps)
		}
	}
	return nil
}

// presentInWeek lists residents living in the house on any day of the week.
func (c *weekCtx) presentInWeek() []Resident {
	var out []Resident
	for _, r := range c.residents {
		for d := c.from; !d.After(c.to); d = d.AddDays(1) {
			if _, ok := stayOn(r, d); ok {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// gatherOutside counts each resident's outside meetings in the week against
// their phase's requirement, from one read of the week's meetings.
func gatherOutside(s *Store, c *weekCtx, rep *WeeklyReport) error {
	present := c.presentOn(c.to)
	weeks := map[string]*OutsideMeetingWeek{}
	out := make([]OutsideMeetingWeek, len(present))
	for i, r := range present {
		out[i] = newMeetingWeek(c.house, r, c.from)
		out[i].Name = c.nameOf(r)
		weeks[r.ID] = &out[i]
	}
	a, b := c.dayBounds(c.from, c.to)
	err := readWeekRange(s, pfxOutsideMtg, a, b, func(m OutsideMeeting) {
		if w, ok := weeks[m.ResidentID]; ok {
			w.add(m)
		}
	})
	if err != nil {
		return fmt.Errorf("read outside meetings: %w", err)
	}
	rep.Outside = out
	return nil
}

// ResidentNote is a resident's private note (manager copy, when ticked).
type ResidentNote struct {
	Name string
	Note string
}

// ResidentContact is a resident's phone numbers (manager copy, when ticked).
type ResidentContact struct {
	Name      string
	Phone     string
	Sponsor   Contact
	Emergency Contact
}

// gatherSensitive adds the parts the manager ticked, for the residents
// living in the house at the week's end. The house copy gets none.
func gatherSensitive(_ *Store, c *weekCtx, rep *WeeklyReport) error {
	if !c.manager() {
		return nil
	}
	for _, r := range c.presentOn(c.to) {
		if c.q.Sensitive.Notes && strings.TrimSpace(r.Notes) != "" {
			rep.Notes = append(rep.Notes, ResidentNote{Name: c.nameOf(r), Note: strings.TrimSpace(r.Notes)})
		}
		if c.q.Sensitive.Contacts {
			rep.Contacts = append(rep.Contacts, ResidentContact{Name: c.nameOf(r), Phone: r.Phone, Sponsor: r.Sponsor, Emergency: r.Emergency})
		}
	}
	return nil
}

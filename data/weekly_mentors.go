package data

// WeekMentors is the weekly report's mentors section: who mentored whom
// in the week, check-ins against each phase's target, and who was still
// waiting for a mentor. What was said at a check-in is never recorded, so
// never printed; follow-up requests go on the manager copy only.
type WeekMentors struct {
	Pairs   []WeekPair
	Met     int          // pairs that met their target
	Waiting []WeekWaiter // longest waiting first
}

// WeekPair is one pairing's week.
type WeekPair struct {
	Mentee, Mentor string
	CheckIns       int
	Target         int
	Met            bool
	FollowUp       bool // manager copy: a check-in asked the manager to check in
}

// WeekWaiter is a resident whose phase should have a mentor and had none.
type WeekWaiter struct {
	Name string
	Days int  // in the house
	Late bool // past the house's days for finding a mentor
}

func gatherMentors(s *Store, c *weekCtx, rep *WeeklyReport) error {
	sum, err := s.MentorWeek(c.from)
	if err != nil {
		return err
	}
	var m WeekMentors
	for _, p := range sum.Pairs {
		wp := WeekPair{Mentee: c.nameOf(p.Mentee), Mentor: c.nameOf(p.Mentor),
			CheckIns: p.ThisWeek, Target: p.Target, Met: p.Met()}
		if rep.Manager() {
			wp.FollowUp = p.FollowUp
		}
		if wp.Met {
			m.Met++
		}
		m.Pairs = append(m.Pairs, wp)
	}
	for _, n := range sum.Unmatched {
		m.Waiting = append(m.Waiting, WeekWaiter{Name: c.nameOf(n.Resident), Days: n.DaysInHouse, Late: n.Late})
	}
	rep.Mentors = m
	return nil
}

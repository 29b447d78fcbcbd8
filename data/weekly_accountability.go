package data

// WeekAccountability is the weekly report's accountability section. The
// house copy holds counts and celebrations only (AccountabilityWeek leaves
// the rest empty); the manager copy adds each resident's row, phase moves
// with their reasons and open follow-ups, and, only when the manager ticks
// "Incidents and tests" for that print, incident details and test results.
type WeekAccountability struct {
	AccountabilitySection
	// Names are residents' full names by ID, for the manager copy's
	// incidents, follow-ups and tests; empty on the house copy.
	Names map[string]string
}

// Name is a resident's full name by ID ("a resident" when unknown).
func (w WeekAccountability) Name(id string) string {
	if n, ok := w.Names[id]; ok {
		return n
	}
	return "a resident"
}

func gatherAccountability(s *Store, c *weekCtx, rep *WeeklyReport) error {
	by := c.q.By
	if by.Kind == "" {
		by = System
	}
	opt := AccountabilityOptions{Mentors: s.Mentors()}
	if rep.Manager() {
		opt.ManagerCopy, opt.IncludeSensitive = true, rep.Sensitive.Incidents
	}
	sec, err := s.AccountabilityWeek(by, c.from, opt)
	if err != nil {
		return err
	}
	rep.Accountability = WeekAccountability{AccountabilitySection: sec}
	if rep.Manager() {
		rep.Accountability.Names = map[string]string{}
		for _, r := range c.residents {
			rep.Accountability.Names[r.ID] = c.nameOf(r)
		}
	}
	return nil
}

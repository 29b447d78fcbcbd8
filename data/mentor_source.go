package data

// Mentors tells the accountability code about the house's mentors: the
// check-ins each mentee had in a house week, and the week's pairs (never
// made accountability partners). It reads each week once and remembers it,
// so a roster of 40 residents over 8 weeks reads 8 weeks, not 320.
func (s *Store) Mentors() MentorSource {
	return &houseMentors{s: s, weeks: map[Date]MentorWeekSummary{}}
}

type houseMentors struct {
	s     *Store
	weeks map[Date]MentorWeekSummary
}

func (m *houseMentors) week(start Date) (MentorWeekSummary, error) {
	if w, ok := m.weeks[start]; ok {
		return w, nil
	}
	w, err := m.s.MentorWeek(start)
	if err != nil {
		return MentorWeekSummary{}, err
	}
	m.weeks[start] = w
	return w, nil
}

// CheckinsInWeek counts a mentee's check-ins with their mentor in the house
// week starting week.
func (m *houseMentors) CheckinsInWeek(residentID string, week Date) (int, error) {
	w, err := m.week(week)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range w.Pairs {
		if p.Mentee.ID == residentID {
			n += p.ThisWeek
		}
	}
	return n, nil
}

// MentorPairs are the week's mentee-mentor pairs, as resident IDs.
func (m *houseMentors) MentorPairs(week Date) ([][2]string, error) {
	w, err := m.week(week)
	if err != nil {
		return nil, err
	}
	out := make([][2]string, 0, len(w.Pairs))
	for _, p := range w.Pairs {
		out = append(out, [2]string{p.Mentee.ID, p.Mentor.ID})
	}
	return out, nil
}

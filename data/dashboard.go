package data

// Occupancy summary and this week's milestones, for the dashboard.

// HouseCount is how full the house is.
type HouseCount struct {
	Filled, Beds int
}

// Count returns beds filled over beds.
func (s *Store) Count() (HouseCount, error) {
	h, err := s.House()
	if err != nil {
		return HouseCount{}, err
	}
	occ, err := s.Occupancy()
	if err != nil {
		return HouseCount{}, err
	}
	return HouseCount{Filled: len(occ), Beds: len(h.Beds)}, nil
}

// Week returns the first and last day of the house week containing d.
func (h House) Week(d Date) (Date, Date) {
	start := d.WeekStart(h.WeekStart)
	return start, start.AddDays(6)
}

// Celebration is a resident's milestone falling in a given span.
type Celebration struct {
	Resident  Resident
	Milestone Milestone
}

// MilestonesIn lists active residents' milestones falling within [from, to],
// by date.
func (s *Store) MilestonesIn(from, to Date) ([]Celebration, error) {
	rs, err := s.ActiveResidents()
	if err != nil {
		return nil, err
	}
	var out []Celebration
	for _, r := range rs {
		if r.Sobriety.IsZero() {
			continue
		}
		for _, m := range MilestonesBetween(r.Sobriety, from, to) {
			out = append(out, Celebration{r, m})
		}
	}
	sortBy(out, func(c Celebration) string { return c.Milestone.Date.String() })
	return out, nil
}

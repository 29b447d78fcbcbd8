package data

// DefaultReportWeek is the week a report opens on, in the app and in
// `porchlight report` without --week: this week once it has ended, else
// the last week that has. A week counts as ended on its last day: the
// report is printed that evening for the house meeting of the week after,
// and a report of a week still under way would be missing days.
func (h House) DefaultReportWeek(today Date) Date {
	from, to := h.Week(today)
	if !today.Before(to) {
		return from
	}
	return from.AddDays(-7)
}

// DefaultReportWeek is the house's default report week today.
func (s *Store) DefaultReportWeek() (Date, error) {
	h, err := s.House()
	if err != nil {
		return Date{}, err
	}
	return h.DefaultReportWeek(s.Today()), nil
}

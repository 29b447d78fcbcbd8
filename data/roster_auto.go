package data

import (
	"errors"
	"fmt"
)

// EnsureRosters makes the rosters a house should always have: this week's
// and next week's, so the kiosk shows this week's chores and the house
// meeting can read out next week's list. It runs when the app opens and
// once a day; a week that already has a roster is left alone (managers
// regenerate on demand). A house with no residents or no chores yet is
// not an error: there is simply nothing to roster.
func (s *Store) EnsureRosters(today Date) error {
	this, err := s.weekOf(today)
	if err != nil {
		return err
	}
	for _, week := range []Date{this, this.AddDays(7)} {
		r, err := s.Roster(week)
		if err != nil {
			return err
		}
		if len(r.Assignments) > 0 {
			continue
		}
		_, err = s.GenerateRoster(System, week)
		var few *TooFewResidentsError
		switch {
		case errors.Is(err, ErrNoResidents), errors.Is(err, ErrNoChores), errors.As(err, &few):
			return nil // a manager sees why on the Chores screen
		case err != nil:
			return fmt.Errorf("make the roster for the week of %s: %w", week.Pretty(), err)
		}
	}
	return nil
}

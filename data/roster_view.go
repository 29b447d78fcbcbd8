package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// RosterCell is an assignment with its resident's names.
type RosterCell struct {
	Assignment
	Name  string // the resident's full name ("María José Núñez" or preferred), "" when uncovered
	Short string // "Majo N.", for the chart on the fridge and the kiosk
}

// RosterRow is one chore's line of the chart: its assignments day by day.
type RosterRow struct {
	Chore Chore
	Days  [7][]RosterCell // Days[0] is the week's first day; seats in order
}

// MyChore is an assignment as the kiosk shows it to its resident.
type MyChore struct {
	Assignment
	Area      string
	Checklist []string
}

// weekView reads a week's assignments with the chores and residents they
// name, in one transaction.
type weekView struct {
	week      Date
	items     []Assignment
	chores    map[string]Chore
	residents map[string]Resident
}

func (s *Store) readWeek(day Date) (*weekView, error) {
	week, err := s.weekOf(day)
	if err != nil {
		return nil, err
	}
	v := &weekView{week: week, chores: map[string]Chore{}, residents: map[string]Resident{}}
	err = s.read(func(txn *badger.Txn) error {
		if v.items, err = readRosterRange(txn, week, week.AddDays(1)); err != nil {
			return err
		}
		if err := scanJSON(txn, pfxChore, func(c Chore) error { v.chores[c.ID] = c; return nil }); err != nil {
			return err
		}
		// only the residents the week's assignments name, not everyone ever
		for _, a := range v.items {
			if _, ok := v.residents[a.ResidentID]; ok || a.ResidentID == "" {
				continue
			}
			var r Resident
			switch err := getJSON(txn, pfxRes+a.ResidentID, &r); {
			case errors.Is(err, ErrNotFound):
				continue
			case err != nil:
				return err
			}
			v.residents[r.ID] = r
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the chore roster: %w", err)
	}
	return v, nil
}

func (v *weekView) cell(a Assignment) RosterCell {
	c := RosterCell{Assignment: a}
	if r, ok := v.residents[a.ResidentID]; ok {
		c.Name, c.Short = r.Display(), r.Short()
	}
	return c
}

// chore returns the chore an assignment names, or one rebuilt from the
// assignment when the chore has been deleted.
func (v *weekView) chore(a Assignment) Chore {
	if c, ok := v.chores[a.ChoreID]; ok {
		return c
	}
	return Chore{ID: a.ChoreID, Name: a.Chore, Effort: a.Effort, Frequency: Weekly, Weekday: a.Day.Weekday(), People: 1}
}

// MyChores lists a resident's assignments in the week containing week, by
// day, with what "done" means for each: the kiosk's "my chores this week".
// It holds nothing about other residents.
func (s *Store) MyChores(residentID string, week Date) ([]MyChore, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return nil, err
	}
	var out []MyChore
	for _, a := range v.items {
		if a.ResidentID == residentID {
			c := v.chore(a)
			out = append(out, MyChore{Assignment: a, Area: c.Area, Checklist: c.Checklist})
		}
	}
	return out, nil
}

// MissedChores lists a resident's assignments marked missed in the week
// containing week, for the accountability views and the weekly report.
func (s *Store) MissedChores(residentID string, week Date) ([]Assignment, error) {
	r, err := s.Roster(week)
	if err != nil {
		return nil, err
	}
	var out []Assignment
	for _, a := range r.Assignments {
		if a.ResidentID == residentID && a.Status == ChoreMissed {
			out = append(out, a)
		}
	}
	return out, nil
}

// RosterGrid lays out the week containing week for the chore chart: one
// row per chore, daily chores first, then weekly ones in the order of
// their day, each by name.
func (s *Store) RosterGrid(week Date) ([]RosterRow, error) {
	v, err := s.readWeek(week)
	if err != nil {
		return nil, err
	}
	return v.grid(), nil
}

// RosterGridOf is RosterGrid over plain inputs: a week's assignments, and
// the chores and residents they name.
func RosterGridOf(week Date, assignments []Assignment, chores []Chore, residents []Resident) []RosterRow {
	v := &weekView{week: week, items: assignments, chores: map[string]Chore{}, residents: map[string]Resident{}}
	for _, c := range chores {
		v.chores[c.ID] = c
	}
	for _, r := range residents {
		v.residents[r.ID] = r
	}
	return v.grid()
}

func (v *weekView) grid() []RosterRow {
	rows := map[string]*RosterRow{}
	var order []*RosterRow
	items := slices.Clone(v.items)
	slices.SortFunc(items, func(a, b Assignment) int { return strings.Compare(a.ID, b.ID) })
	for _, a := range items {
		row := rows[a.ChoreID]
		if row == nil {
			row = &RosterRow{Chore: v.chore(a)}
			rows[a.ChoreID] = row
			order = append(order, row)
		}
		if d := a.DayIndex(); d >= 0 && d < 7 {
			row.Days[d] = append(row.Days[d], v.cell(a))
		}
	}
	first := v.week.Weekday()
	slices.SortStableFunc(order, func(a, b *RosterRow) int {
		return cmp.Or(cmp.Compare(chartRank(a.Chore, first), chartRank(b.Chore, first)),
			cmp.Compare(strings.ToLower(a.Chore.Name), strings.ToLower(b.Chore.Name)),
			strings.Compare(a.Chore.ID, b.Chore.ID))
	})
	out := make([]RosterRow, len(order))
	for i, r := range order {
		out[i] = *r
	}
	return out
}

// chartRank puts daily chores first, then weekly ones by their day's
// place in the week.
func chartRank(c Chore, first time.Weekday) int {
	if c.Frequency == Daily {
		return -1
	}
	return (int(c.Weekday) - int(first) + 7) % 7
}

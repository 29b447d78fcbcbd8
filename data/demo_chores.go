package data

import (
	"fmt"
	"time"
)

// demoChoreList is a typical house's chore list.
func demoChoreList() []Chore {
	weekly := func(name, area string, effort int, day time.Weekday, people int, list ...string) Chore {
		return Chore{Name: name, Area: area, Effort: effort, Frequency: Weekly, Weekday: day, People: people, Active: true, Checklist: list}
	}
	daily := func(name, area string, effort, people int, list ...string) Chore {
		return Chore{Name: name, Area: area, Effort: effort, Frequency: Daily, People: people, Active: true, Checklist: list}
	}
	return []Chore{
		daily("Kitchen after dinner", "Kitchen", 3, 1, "Counters and stove wiped", "Sink empty", "Floor swept"),
		daily("Dishes", "Kitchen", 2, 1, "Dishwasher run and emptied", "Drying rack cleared"),
		weekly("Trash and recycling", "Outside", 1, time.Tuesday, 1, "Bins to the curb Monday night", "Bins back in"),
		weekly("Upstairs bathroom", "Upstairs", 4, time.Saturday, 1, "Toilet, sink, shower scrubbed", "Mirror", "Floor mopped", "Towels changed"),
		weekly("Downstairs bathroom", "Ground floor", 4, time.Wednesday, 1, "Toilet, sink, shower scrubbed", "Mirror", "Floor mopped"),
		weekly("Vacuum common rooms", "Ground floor", 2, time.Monday, 1, "Living room", "Hall and stairs"),
		weekly("Mop kitchen floor", "Kitchen", 2, time.Thursday, 1),
		weekly("Laundry room", "Basement", 2, time.Friday, 1, "Lint traps", "Machines wiped", "Floor swept"),
		weekly("Yard and porch", "Outside", 3, time.Sunday, 2, "Porch swept", "Cigarette butts picked up", "Lawn or snow as needed"),
		weekly("Fridge clean-out", "Kitchen", 3, time.Sunday, 1, "Out-of-date food thrown out", "Shelves wiped"),
		weekly("Living room tidy", "Ground floor", 1, time.Friday, 1, "Cushions, blankets, remotes", "Dust surfaces"),
		weekly("Windows and doors", "Whole house", 3, time.Saturday, 2, "Glass on front and back doors", "Ground-floor windows inside"),
	}
}

// seedDemoChores fills the demo house's chore list, makes last week's
// roster (checked, with one chore missed) and this week's (a few ticked at
// the kiosk already).
func seedDemoChores(st *Store) error {
	for _, c := range demoChoreList() {
		if _, err := st.AddChore(System, c); err != nil {
			return fmt.Errorf("add demo chore %s: %w", c.Name, err)
		}
	}
	today := st.Today()
	if err := seedDemoLastWeek(st, today.AddDays(-7)); err != nil {
		return err
	}
	r, err := st.GenerateRoster(System, today)
	if err != nil {
		return fmt.Errorf("make demo roster: %w", err)
	}
	return tickDemoChores(st, r, today, 4)
}

// seedDemoLastWeek makes last week's roster with every chore verified but
// one missed and two ticked and not yet checked.
func seedDemoLastWeek(st *Store, day Date) error {
	r, err := st.GenerateRoster(System, day)
	if err != nil {
		return fmt.Errorf("make demo roster for last week: %w", err)
	}
	n := 0
	for _, a := range r.Assignments {
		if !a.Covered() {
			continue
		}
		n++
		switch {
		case n == 5:
			err = st.MarkChoreMissed(System, a.ID, "Not done by bedtime; talked it over at the house meeting")
		case n%7 == 3:
			err = st.MarkChoreDone(Actor{Kind: ActorResident, ID: a.ResidentID}, a.ID)
		default:
			err = st.VerifyChore(System, a.ID)
		}
		if err != nil {
			return fmt.Errorf("mark demo chore %s: %w", a.Label(), err)
		}
	}
	return nil
}

// tickDemoChores ticks up to n of this week's chores due by today, as
// their residents would at the kiosk.
func tickDemoChores(st *Store, r Roster, today Date, n int) error {
	for _, a := range r.Assignments {
		if n == 0 {
			break
		}
		if !a.Open() || a.Day.After(today) {
			continue
		}
		res, err := st.Resident(a.ResidentID)
		if err != nil {
			return err
		}
		if err := st.MarkChoreDone(Actor{Kind: ActorResident, ID: res.ID, Name: res.Short()}, a.ID); err != nil {
			return fmt.Errorf("tick demo chore %s: %w", a.Label(), err)
		}
		n--
	}
	return nil
}

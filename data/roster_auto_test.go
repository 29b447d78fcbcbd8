package data

import (
	"testing"
	"time"
)

func TestEnsureRostersMakesThisAndNextWeekOnce(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC) // a Wednesday
	st := emptyHouseAt(t, now, "Room 1: A, B, C")
	today := st.Today()

	// Nothing to roster yet: no residents, no chores. Not an error.
	if err := st.EnsureRosters(today); err != nil {
		t.Fatalf("empty house: %v", err)
	}
	house, _ := st.House()
	for i, n := range []string{"Ana", "Ben", "Cy"} {
		if _, err := st.AddResident(System, Resident{First: n, Last: "X", BedID: house.Beds[i].ID, MoveIn: today.AddDays(-30)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AddChore(System, Chore{Name: "Dishes", Effort: 2, Frequency: Daily, People: 1, Active: true}); err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureRosters(today); err != nil {
		t.Fatal(err)
	}
	this, next := today.WeekStart(time.Monday), today.WeekStart(time.Monday).AddDays(7)
	for _, w := range []Date{this, next} {
		r, err := st.Roster(w)
		if err != nil || len(r.Assignments) != 7 {
			t.Fatalf("week of %s: %d assignments, %v", w, len(r.Assignments), err)
		}
	}
	// A second call leaves the rosters (and a manager's edits) alone.
	r, _ := st.Roster(this)
	if err := st.LockAssignment(System, r.Assignments[0].ID, true); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Audit(time.Time{}, 1000)
	if err := st.EnsureRosters(today); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Audit(time.Time{}, 1000)
	if len(after) != len(before) {
		t.Errorf("second EnsureRosters wrote %d audit entries", len(after)-len(before))
	}
}

package data

import (
	"testing"
	"time"
)

func TestWeekAccountGathersWhatCountsAgainstTheWeek(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC) // a Wednesday
	st := demoAt(t, now)
	rs, err := st.ActiveResidents()
	if err != nil {
		t.Fatal(err)
	}
	today := st.Today()
	// Miss one of someone's chores this week.
	r, err := st.Roster(today)
	if err != nil || len(r.Assignments) == 0 {
		t.Fatalf("demo roster: %d, %v", len(r.Assignments), err)
	}
	missed := r.Assignments[0]
	if err := st.MarkChoreMissed(System, missed.ID, "not done"); err != nil {
		t.Fatal(err)
	}
	var late, chores, absent int
	for _, res := range rs {
		w, err := st.WeekAccount(res.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if w.From != NewDate(2025, 3, 10) || w.To != NewDate(2025, 3, 16) {
			t.Fatalf("week %s to %s", w.From, w.To)
		}
		late += len(w.LateSignIns)
		chores += len(w.MissedChores)
		if res.ID == missed.ResidentID && len(w.MissedChores) != 1 {
			t.Errorf("%s: missed chores %d, want 1", res.Short(), len(w.MissedChores))
		}
		if w.OutsideMeetings.Need == 0 {
			t.Errorf("%s (%s): no outside-meeting requirement", res.Short(), res.Phase)
		}
		lastWeek, err := st.WeekAccount(res.ID, today.AddDays(-7))
		if err != nil {
			t.Fatal(err)
		}
		absent += len(lastWeek.Unexcused)
	}
	if late != 1 || chores != 1 || absent != 1 {
		t.Errorf("late %d, missed chores %d, unexcused last week %d; want 1, 1, 1", late, chores, absent)
	}
}

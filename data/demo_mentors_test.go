package data

import (
	"testing"
	"time"
)

func TestSeedDemoMentors(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC) // a Wednesday
	st := demoAt(t, now)
	active, err := st.ActiveMentorships()
	if err != nil || len(active) != 7 {
		t.Fatalf("active pairings = %d, %v", len(active), err)
	}
	none, _ := st.NoMentorYet()
	if len(none) != 2 || none[0].Resident.Preferred != "George" || none[1].Resident.Preferred != "Pepe" {
		t.Errorf("no mentor yet = %+v", none)
	}
	over, _ := st.OverdueMentorships(st.Today())
	if len(over) != 1 || over[0].Mentee.First != "Aoife" || over[0].DaysSince != 9 {
		t.Errorf("overdue = %+v", over)
	}
	total := 0
	for _, m := range active {
		cs, _ := st.CheckIns(m.ID)
		total += len(cs)
	}
	if total < 40 {
		t.Errorf("check-ins = %d, want a few weeks' worth", total)
	}
	if list, _ := st.PeerPhoneList(); len(list) != 6 {
		t.Errorf("peer phone list = %+v", list)
	}
	// The kiosk view of a demo mentee names the mentor kindly.
	for _, m := range active {
		k, err := st.MyMentor(m.MenteeID, st.Today())
		if err != nil || !k.HasMentor || k.MentorName == "" {
			t.Errorf("my mentor = %+v, %v", k, err)
		}
	}
}

package data

import (
	"testing"
	"time"
)

func TestSeedDemoMeetings(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC) // a Wednesday
	st := demoAt(t, now)                                 // CreateDemo runs seedDemoMeetings
	if scheds, _ := st.MeetingSchedules(); len(scheds) != 2 {
		t.Errorf("schedules = %+v", scheds)
	}
	if next, ok, _ := st.NextMeeting(now); !ok || next.Date != NewDate(2025, 3, 12) || next.Kind != MeetingPeerSupport {
		t.Errorf("next meeting = %+v", next)
	}
	ms, err := st.RecentMeetings(st.Today(), 5)
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings = %+v, %v", ms, err)
	}
	m := ms[0]
	if m.Date != NewDate(2025, 3, 9) || m.Status != MeetingStatusMinutesTaken || len(m.Motions) != 1 ||
		m.Motions[0].Outcome != OutcomePassed || m.Present() < 9 {
		t.Errorf("last week's meeting: %s %s, motions %+v, %d present", m.Date, m.Status, m.Motions, m.Present())
	}
	if open, _ := st.OpenActionItems(); len(open) != 2 {
		t.Errorf("open action items = %+v", open)
	}
	if officers, _ := st.OfficersOn(st.Today()); len(officers) != 3 {
		t.Errorf("officers = %+v", officers)
	}
	if absent, err := st.UnexcusedAbsencesIn(m.Date, m.Date); err != nil || len(absent) != 1 {
		t.Errorf("unexcused absences = %+v, %v", absent, err)
	}
}

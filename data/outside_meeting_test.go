package data

import (
	"errors"
	"testing"
	"time"
)

func TestOutsideMeetingsWeek(t *testing.T) {
	ny := ktLoc(t, "America/New_York")
	// Sunday 9 March 2025, 22:00, the day the clocks go forward; the house
	// week runs Monday 3 to Sunday 9.
	e := ktNew(t, time.Date(2025, time.March, 9, 22, 0, 0, 0, ny), nil)
	p1 := e.resident("Olena", "Kovalenko", "Phase 1")
	p2 := e.resident("Aoife", "Ní Bhriain", "Phase 2")
	log := func(r Resident, name string, at time.Time, verifier string) {
		t.Helper()
		_, err := e.st.LogOutsideMeeting(e.mgr, OutsideMeeting{ResidentID: r.ID, Pathway: "NA", Name: name, At: at, Verifier: verifier})
		if err != nil {
			t.Fatal(err)
		}
	}
	log(p1, "Sunday Serenity", e.at(2025, 3, 2, 23, 30), "")    // last week
	log(p1, "Monday Early Bird", e.at(2025, 3, 3, 0, 0), "Lou") // first minute of the week
	log(p1, "Just for Today", e.at(2025, 3, 5, 19, 0), "")
	log(p1, "Sunday Serenity", e.at(2025, 3, 9, 21, 30), "Kim") // last evening of the week, EDT
	log(p2, "Step Study", e.at(2025, 3, 6, 19, 0), "")

	w, err := e.st.MeetingsInWeek(p1.ID, NewDate(2025, 3, 3))
	if err != nil {
		t.Fatal(err)
	}
	if w.Have != 3 || w.Need != 5 || w.Met() || len(w.Meetings) != 3 {
		t.Fatalf("phase 1 week = %d of %d, want 3 of 5", w.Have, w.Need)
	}
	if w.Meetings[0].Verifier != "Lou" || !w.Meetings[0].Verified() || w.Meetings[1].Verified() {
		t.Errorf("verifiers = %+v", w.Meetings)
	}
	report, err := e.st.OutsideMeetingsReport(NewDate(2025, 3, 3))
	if err != nil || len(report) != 2 {
		t.Fatalf("report = %+v, %v", report, err)
	}
	if report[0].ResidentID != p2.ID || report[0].Have != 1 || report[0].Need != 3 || report[1].Have != 3 {
		t.Errorf("report = %+v", report)
	}
}

func TestLogOutsideMeetingValidation(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 20, 0, 0, 0, time.UTC), nil)
	r := e.resident("Jamal", "Washington", "Phase 1")
	other := e.resident("Thanh", "Nguyễn", "Phase 1")
	me := KioskActor(r)
	ok := OutsideMeeting{ResidentID: r.ID, Pathway: "CA", Name: "Hope Group", At: e.at(2025, 6, 12, 18, 0)}
	bad := ok
	bad.Pathway, bad.Name = "Book club", " "
	_, err := e.st.LogOutsideMeeting(me, bad)
	ktFieldErr(t, err, FieldPathway)
	ktFieldErr(t, err, FieldMeetingName)
	bad = ok
	bad.At = e.at(2025, 6, 13, 19, 0)
	_, err = e.st.LogOutsideMeeting(me, bad)
	ktFieldErr(t, err, FieldMeetingAt)
	bad.At = e.at(2025, 6, 1, 19, 0)
	_, err = e.st.LogOutsideMeeting(me, bad)
	ktFieldErr(t, err, FieldMeetingAt)
	if _, err := e.st.LogOutsideMeeting(e.mgr, bad); err != nil {
		t.Errorf("a manager adding an older meeting: %v", err)
	}
	bad = ok
	bad.ResidentID = other.ID
	if _, err := e.st.LogOutsideMeeting(me, bad); !errors.Is(err, ErrNotYours) {
		t.Errorf("logging for someone else: %v", err)
	}
	if _, err := e.st.LogOutsideMeeting(me, ok); err != nil {
		t.Fatal(err)
	}
	_, err = e.st.LogOutsideMeeting(me, ok)
	ktFieldErr(t, err, FieldMeetingName) // a double tap
	if a := e.audits("outside-meeting.log"); len(a) != 2 || a[1].Subject != "Jamal W." {
		t.Errorf("audits = %+v", a)
	}
}

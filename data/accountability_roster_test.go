package data

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestAccountabilityRosterWeek builds the week of Monday 2 June 2025 for
// three residents through the house's own records (outside meetings, a
// house meeting's roll, the chore roster, the sign-out log, partners and
// their kiosk taps, a fake mentor source) and checks each cell against
// figures worked out by hand.
func TestAccountabilityRosterWeek(t *testing.T) {
	e := ktNew(t, time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC), nil)
	st := e.st
	h, _ := st.House()
	p1, _ := h.PhaseNamed("Phase 1") // 5 outside meetings a week
	p1.MentorCheckins = 2
	if _, err := st.SavePhase(e.mgr, p1); err != nil {
		t.Fatal(err)
	}
	a := e.resident("Majo", "Núñez", "Phase 1")
	b := e.resident("Thanh", "Nguyễn", "Phase 1")
	c := e.resident("Paweł", "Kowalczyk", "Phase 1")
	week := NewDate(2025, 6, 2)

	// Partners: the three together; Majo taps on 5 days, Thanh on 2.
	if _, err := st.SetPartners(e.mgr, week, []PartnerGroup{{Members: []string{a.ID, b.ID, c.ID}}}); err != nil {
		t.Fatal(err)
	}
	for d := range 5 {
		e.clk.set(week.AddDays(d).At(18, 0, time.UTC))
		if _, err := st.CheckInWithPartner(KioskActor(a), a.ID); err != nil {
			t.Fatal(err)
		}
		if d < 2 {
			if _, err := st.CheckInWithPartner(KioskActor(b), b.ID); err != nil {
				t.Fatal(err)
			}
		}
	}

	// A house meeting on Wednesday: Majo present, Thanh excused, Paweł absent.
	e.clk.set(week.AddDays(2).At(18, 0, time.UTC))
	m, err := st.StartMeeting(e.mgr, MeetingStart{Kind: MeetingHouse, Date: week.AddDays(2), Start: ClockTime{Hour: 19}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Roll {
		switch m.Roll[i].ResidentID {
		case a.ID:
			m.Roll[i].Status = AttendPresent
		case b.ID:
			m.Roll[i].Status, m.Roll[i].Reason = AttendExcused, "work shift"
		case c.ID:
			m.Roll[i].Status = AttendAbsent
		}
	}
	if _, err := st.UpdateMeeting(e.mgr, m, ""); err != nil {
		t.Fatal(err)
	}

	// Chores: one daily chore. Majo does all hers; Thanh misses one; Paweł
	// leaves his open.
	if _, err := st.AddChore(e.mgr, Chore{Name: "Kitchen", Effort: 2, Frequency: Daily, People: 1, Active: true}); err != nil {
		t.Fatal(err)
	}
	e.clk.set(week.At(8, 0, time.UTC))
	ro, err := st.GenerateRoster(e.mgr, week)
	if err != nil {
		t.Fatal(err)
	}
	e.clk.set(week.AddDays(7).At(9, 0, time.UTC))
	count := map[string]int{}
	missed := false
	for _, as := range ro.Assignments {
		count[as.ResidentID]++
		switch {
		case as.ResidentID == a.ID, as.ResidentID == b.ID && missed:
			if err := st.MarkChoreDone(e.mgr, as.ID); err != nil {
				t.Fatal(err)
			}
		case as.ResidentID == b.ID:
			if err := st.MarkChoreMissed(e.mgr, as.ID, "forgot"); err != nil {
				t.Fatal(err)
			}
			missed = true
		}
	}

	// Outside meetings: Majo 5, Thanh 3, Paweł none.
	logMeetings(t, st, a, week, 5-2)
	logMeetings(t, st, a, week.AddDays(1), 2)
	logMeetings(t, st, b, week, 3)

	// Curfew: Thanh twice late.
	lateNight(t, st, b, week.AddDays(1))
	lateNight(t, st, b, week.AddDays(3))

	// Now Thursday of the following week.
	e.clk.set(time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC))
	mentors := fakeMentors{checkins: map[string]map[Date]int{a.ID: {week: 2}, b.ID: {week: 1}}}
	roster, err := st.AccountabilityRoster(week.AddDays(3), mentors)
	if err != nil {
		t.Fatal(err)
	}
	if roster.From != week || roster.Running || len(roster.Rows) != 3 {
		t.Fatalf("roster = %v..%v running %v rows %d", roster.From, roster.To, roster.Running, len(roster.Rows))
	}
	rows := map[string]AccountabilityRow{}
	for _, r := range roster.Rows {
		rows[r.ResidentID] = r
	}
	cells := func(r AccountabilityRow) string {
		var out []string
		for _, c := range r.Commitments() {
			out = append(out, c.Text)
		}
		return strings.Join(out, " | ") + " => " + string(r.Status)
	}
	want := map[string]string{
		a.ID: "5 of 5 | present | " + strconv.Itoa(count[a.ID]) + " of " + strconv.Itoa(count[a.ID]) + " done | on time | 2 of 2 | 5 of 5 days => on track",
		b.ID: "3 of 5 | excused | " + strconv.Itoa(count[b.ID]-1) + " of " + strconv.Itoa(count[b.ID]) + " done, 1 missed | 2 late | 1 of 2 | 2 of 5 days => check in with them",
		c.ID: "0 of 5 | absent | 0 of " + strconv.Itoa(count[c.ID]) + " done | on time | 0 of 2 | 0 of 5 days => check in with them",
	}
	for id, w := range want {
		if got := cells(rows[id]); got != w {
			t.Errorf("%s:\n got %s\nwant %s", rows[id].Name, got, w)
		}
	}
	if m, of := rows[a.ID].Score(); m != 6 || of != 6 {
		t.Errorf("Majo's score %d of %d, want 6 of 6", m, of)
	}
	// Thanh: the excused house meeting; Paweł: on time. An open chore in a
	// past week is not met.
	if m, of := roster.Share(); m != 6+1+1 || of != 18 {
		t.Errorf("house share %d of %d, want 8 of 18", m, of)
	}

	// The running week: nothing logged yet is "still open", not a concern.
	now, err := st.AccountabilityRoster(st.Today(), mentors)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range now.Rows {
		if r.Status != OnTrack || !r.Meetings.Open {
			t.Errorf("running week: %s %s, meetings open %v", r.Name, r.Status, r.Meetings.Open)
		}
	}

	per, house, err := st.AccountabilityTrends(st.Today(), 8, mentors)
	if err != nil {
		t.Fatal(err)
	}
	if len(house) != 8 || house[6].Week != week || house[6].Met != 8 || house[6].Of != 18 {
		t.Errorf("house trend = %+v", house)
	}
	// Before 2 June only curfew (met), outside meetings and mentor
	// check-ins were asked of them.
	if s := per[a.ID]; len(s) != 8 || s[6].Met != 6 || s[0].Met != 1 || s[0].Of != 3 {
		t.Errorf("Majo's sparkline = %+v", s)
	}
}

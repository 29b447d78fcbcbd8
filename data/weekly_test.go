package data

import (
	"strings"
	"testing"
	"time"
)

// weeklyNow is a Monday morning: the demo's last house meeting, last
// night's late return and last week's roster all fall in the week of
// Mon 23 – Sun 29 Nov 2026.
var weeklyNow = time.Date(2026, 11, 30, 8, 0, 0, 0, time.Local)

// weeklyDemo is the demo house with one resident who moved out in the
// report's week for a reason the house copy must not print, and a private
// note.
func weeklyDemo(t testing.TB) *Store {
	st := demoAt(t.(*testing.T), weeklyNow)
	addWeekMoveOut(t, st)
	return st
}

func addWeekMoveOut(t testing.TB, st *Store) {
	t.Helper()
	h, _ := st.House()
	occ, _ := st.Occupancy()
	var bed string
	for _, b := range h.Beds {
		if occ[b.ID] == "" {
			bed = b.ID
			break
		}
	}
	r, err := st.AddResident(System, Resident{First: "Ignacio", Last: "Ferreira", BedID: bed,
		MoveIn: NewDate(2026, 10, 1), Sobriety: NewDate(2026, 9, 1), Phone: "555-0177",
		Notes: "Talked about his brother's court date"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MoveOut(System, r.ID, NewDate(2026, 11, 26), "Returned to use"); err != nil {
		t.Fatal(err)
	}
	rs, _ := st.ActiveResidents()
	for _, x := range rs {
		if x.Last == "Brooks" {
			x.Notes = "Asked for help finding an evening job"
			if _, err := st.UpdateResident(System, x); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestWeeklyReportHouseCopy(t *testing.T) {
	st := weeklyDemo(t)
	rep, err := st.WeeklyReport(WeeklyQuery{Week: NewDate(2026, 11, 25), Copy: CopyHouse, Sensitive: SensitiveParts{Notes: true, Contacts: true}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.From != NewDate(2026, 11, 23) || rep.To != NewDate(2026, 11, 29) {
		t.Fatalf("week = %s – %s, want 2026-11-23 – 2026-11-29", rep.From, rep.To)
	}
	c := rep.Census
	if c.Beds != 14 || c.Filled != 12 || len(c.Free) != 2 || len(c.Residents) != 12 {
		t.Errorf("census = %d of %d beds, free %v, %d residents; want 12 of 14, 2 free", c.Filled, c.Beds, c.Free, len(c.Residents))
	}
	if len(c.MoveOuts) != 1 || c.MoveOuts[0].Name != "Ignacio Ferreira" || c.MoveOuts[0].Reason != HouseReasonMovedOn {
		t.Errorf("move-outs = %+v, want Ignacio Ferreira, %q", c.MoveOuts, HouseReasonMovedOn)
	}
	if len(c.Reasons) != 0 {
		t.Errorf("house copy counts move-outs by reason: %+v", c.Reasons)
	}
	if len(c.MoveIns) != 1 || c.MoveIns[0].Name != "Pepe Peña" || c.MoveIns[0].Date != NewDate(2026, 11, 29) {
		t.Errorf("move-ins = %+v, want Pepe Peña (the house copy's name) on Sunday (the demo's 1-day resident)", c.MoveIns)
	}
	if len(rep.Notes) != 0 || len(rep.Contacts) != 0 || rep.Sensitive.Any() {
		t.Errorf("house copy holds sensitive parts: notes %v, contacts %v", rep.Notes, rep.Contacts)
	}
	if len(rep.Meetings) != 1 || len(rep.Meetings[0].Motions) != 1 || len(rep.Meetings[0].ActionItems) != 2 {
		t.Fatalf("meetings = %+v, want last Sunday's with 1 motion, 2 action items", rep.Meetings)
	}
	for _, a := range rep.Meetings[0].Roll {
		if a.Reason != "" {
			t.Errorf("house copy keeps the excuse of %s: %q", a.Name, a.Reason)
		}
	}
	if rep.President.Name != "Jamal Washington" {
		t.Errorf("president = %+v", rep.President)
	}
}

func TestWeeklyReportManagerCopy(t *testing.T) {
	st := weeklyDemo(t)
	q := WeeklyQuery{Week: NewDate(2026, 11, 29), Copy: CopyManager}
	rep, err := st.WeeklyReport(q)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Notes) != 0 || len(rep.Contacts) != 0 {
		t.Errorf("unticked sensitive parts printed: %v %v", rep.Notes, rep.Contacts)
	}
	if mo := rep.Census.MoveOuts; len(mo) != 1 || mo[0].Reason != "Returned to use" {
		t.Errorf("manager move-outs = %+v", mo)
	}
	if rs := rep.Census.Reasons; len(rs) != 1 || rs[0] != (ReasonCount{"Returned to use", 1}) {
		t.Errorf("reasons = %+v", rs)
	}
	excused := false
	for _, a := range rep.Meetings[0].Roll {
		excused = excused || a.Reason == "Working a late shift"
	}
	if !excused {
		t.Error("manager copy lost the excuse reason")
	}
	q.Sensitive = SensitiveParts{Notes: true, Contacts: true}
	if rep, err = st.WeeklyReport(q); err != nil {
		t.Fatal(err)
	}
	if len(rep.Notes) != 1 || rep.Notes[0].Name != "Darnell Brooks" || !strings.Contains(rep.Notes[0].Note, "evening job") {
		t.Errorf("notes = %+v, want Darnell Brooks's (the moved-out resident's left out)", rep.Notes)
	}
	if len(rep.Contacts) != 12 || rep.Contacts[0].Phone == "" {
		t.Errorf("contacts = %+v", rep.Contacts)
	}
}

func TestWeeklyReportActivity(t *testing.T) {
	st := weeklyDemo(t)
	rep, err := st.WeeklyReport(WeeklyQuery{Week: NewDate(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.SignOuts; s.Outings != 1 || s.PastCurfew != 1 || len(s.Lines) != 1 {
		t.Errorf("sign-outs = %+v, want the one late return of Sunday night", s)
	}
	if len(rep.Chores.Tally) == 0 {
		t.Fatal("no chore tally for the demo's last week")
	}
	missed := 0
	for _, tl := range rep.Chores.Tally {
		missed += tl.Missed
		if strings.HasSuffix(tl.Name, ".") {
			t.Errorf("tally uses a short name: %q", tl.Name)
		}
	}
	if missed != 1 {
		t.Errorf("missed chores = %d, want the demo's 1", missed)
	}
	have := 0
	for _, w := range rep.Outside {
		have += w.Have
	}
	// The demo's kiosk logs 2 this week (a third is next week's) and its
	// accountability history logs more for the resident ready to move up.
	if len(rep.Outside) != 12 || have < 2 {
		t.Errorf("outside meetings: %d residents, %d meetings; want 12 and at least 2", len(rep.Outside), have)
	}
	if n := len(rep.Census.Occupancy); n != OccupancyWeeks {
		t.Fatalf("%d occupancy points", n)
	}
	last := rep.Census.Occupancy[OccupancyWeeks-1]
	if last.Week != rep.From || last.Filled != 12 {
		t.Errorf("last occupancy point = %+v", last)
	}
	// Eleven weeks back only the residents who had moved in by then count.
	if first := rep.Census.Occupancy[0]; first.Filled >= 12 || first.Filled == 0 {
		t.Errorf("first occupancy point = %+v, want fewer than now", first)
	}
	if rep.Census.AvgDaysSober <= 0 || rep.Census.AvgDaysStay <= 0 {
		t.Errorf("averages = %v, %v", rep.Census.AvgDaysSober, rep.Census.AvgDaysStay)
	}
}

func TestWeeklyReportMilestones(t *testing.T) {
	st := weeklyDemo(t)
	rep, err := st.WeeklyReport(WeeklyQuery{Week: NewDate(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	// The demo's sobriety dates count back from its creation (30 Nov):
	// Majo's 92 days make 90 days on 28 Nov; Thanh's 29 make 30 days on 1 Dec.
	found := func(ms []WeekMilestone, name, what string) bool {
		for _, m := range ms {
			if m.Name == name && m.Milestone.Name == what {
				return true
			}
		}
		return false
	}
	if !found(rep.Milestones.ThisWeek, "Majo Núñez", "90 days") {
		t.Errorf("this week = %+v", rep.Milestones.ThisWeek)
	}
	if !found(rep.Milestones.NextWeek, "Thanh Nguyễn", "30 days") {
		t.Errorf("next week = %+v", rep.Milestones.NextWeek)
	}
}

func TestWeeklyReportEmptyWeek(t *testing.T) {
	st := emptyHouseAt(t, weeklyNow, "Room 1: A, B")
	rep, err := st.WeeklyReport(WeeklyQuery{Week: NewDate(2026, 11, 24), Copy: CopyManager})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Census.Filled != 0 || len(rep.Census.Free) != 2 || len(rep.Meetings) != 0 || len(rep.Chores.Tally) != 0 {
		t.Errorf("empty week = %+v", rep)
	}
	if _, err := st.WeeklyReport(WeeklyQuery{}); err == nil {
		t.Error("a report with no week was accepted")
	}
}

func TestParseReportCopy(t *testing.T) {
	for in, want := range map[string]ReportCopy{"house": CopyHouse, " Manager ": CopyManager} {
		if got, err := ParseReportCopy(in); err != nil || got != want {
			t.Errorf("ParseReportCopy(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseReportCopy("board"); err == nil {
		t.Error("ParseReportCopy accepted board")
	}
}

// The mentors section carries the week's pairings against target and who
// is waiting; follow-up requests only on the manager copy.
func TestWeeklyReportMentors(t *testing.T) {
	st := weeklyDemo(t)
	house, err := st.WeeklyReport(WeeklyQuery{Week: st.Today(), Copy: CopyHouse})
	if err != nil {
		t.Fatal(err)
	}
	m := house.Mentors
	if len(m.Pairs) == 0 || len(m.Waiting) == 0 {
		t.Fatalf("the demo week has pairings and residents waiting: %+v", m)
	}
	for _, p := range m.Pairs {
		if p.Mentee == "" || p.Mentor == "" || p.Target <= 0 {
			t.Errorf("pair %+v", p)
		}
		if p.FollowUp {
			t.Errorf("the house copy carries a follow-up flag: %+v", p)
		}
	}
	if m.Met > len(m.Pairs) {
		t.Errorf("met %d of %d", m.Met, len(m.Pairs))
	}
}

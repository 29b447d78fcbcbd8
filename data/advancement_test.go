package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeMentors is a MentorSource from fixed figures.
type fakeMentors struct {
	checkins map[string]map[Date]int // resident -> week -> count
	pairs    [][2]string
}

func (f fakeMentors) CheckinsInWeek(id string, week Date) (int, error) {
	return f.checkins[id][week], nil
}
func (f fakeMentors) MentorPairs(Date) ([][2]string, error) { return f.pairs, nil }

// acctNow is Thursday 12 June 2025 noon; house weeks start on Monday, so
// the last complete weeks start 2 Jun, 26 May, 19 May and 12 May.
var acctNow = time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC)

// addResidentAt admits a resident with the given move-in and sobriety days ago.
func addResidentAt(t testing.TB, st *Store, first, last, phase string, inDays, soberDays int) Resident {
	t.Helper()
	h, _ := st.House()
	occ, _ := st.Occupancy()
	bed := ""
	for _, b := range h.Beds {
		if occ[b.ID] == "" {
			bed = b.ID
			break
		}
	}
	today := st.Today()
	r, err := st.AddResident(System, Resident{First: first, Last: last, Phase: phase, BedID: bed,
		MoveIn: today.AddDays(-inDays), Sobriety: today.AddDays(-soberDays)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func logMeetings(t testing.TB, st *Store, r Resident, day Date, n int) {
	t.Helper()
	for i := range n {
		_, err := st.LogOutsideMeeting(System, OutsideMeeting{ResidentID: r.ID, Pathway: "AA",
			Name: "Noon Group", At: day.At(12+i, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func lateNight(t testing.TB, st *Store, r Resident, night Date) {
	t.Helper()
	if _, err := st.AddMissedEntry(System, r.ID, DestWork, "", night.At(20, 0, time.UTC), night.At(23, 30, time.UTC), "forgot the kiosk"); err != nil {
		t.Fatal(err)
	}
}

func setPhase1Criteria(t testing.TB, st *Store) {
	t.Helper()
	h, _ := st.House()
	p, _ := h.PhaseNamed("Phase 1")
	p.OutsideMeetings, p.MentorCheckins = 2, 1
	p.Criteria = Criteria{DaysInPhase: 30, DaysSober: 60, MeetingsWeeksMet: 3, MeetingsWeeks: 4,
		MaxStrikes: 1, StrikeWeeks: 4, MentorWeeks: 2, Other: []string{"Has a sponsor"}}
	if _, err := st.SavePhase(System, p); err != nil {
		t.Fatal(err)
	}
}

func TestAdvancementAtBoundaries(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B, C")
	setPhase1Criteria(t, st)
	ready := addResidentAt(t, st, "Majo", "Núñez", "Phase 1", 30, 60)
	short := addResidentAt(t, st, "Thanh", "Nguyễn", "Phase 1", 29, 59)
	for _, w := range []Date{NewDate(2025, 6, 2), NewDate(2025, 5, 26), NewDate(2025, 5, 19)} {
		logMeetings(t, st, ready, w.AddDays(1), 2)
		logMeetings(t, st, short, w.AddDays(1), 1)
	}
	logMeetings(t, st, ready, NewDate(2025, 5, 13), 1)
	lateNight(t, st, ready, NewDate(2025, 6, 3))
	mentors := fakeMentors{checkins: map[string]map[Date]int{ready.ID: {NewDate(2025, 6, 2): 1, NewDate(2025, 5, 26): 2}}}

	a, err := st.Advancement(ready.ID, st.Today(), mentors)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"days in Phase 1: 30 (30 needed)",
		"days sober: 60 (60 needed)",
		"outside meetings: 3 of the last 4 weeks met (3 needed)",
		"things to work on: 1 in the last 4 weeks (at most 1)",
		"mentor check-ins: 2 of the last 2 weeks met (1 a week)",
		"Has a sponsor: not yet ticked",
	}
	checkCriteria(t, a, want, []bool{true, true, true, true, true, false})
	if a.Ready() || a.Next != "Phase 2" {
		t.Errorf("ready %v next %q before the tick", a.Ready(), a.Next)
	}
	if err := st.TickCriterion(System, ready.ID, "Has a sponsor", true); err != nil {
		t.Fatal(err)
	}
	if err := st.TickCriterion(System, ready.ID, "Knows the Steps", true); err == nil {
		t.Error("ticked a criterion the phase does not have")
	}
	a, _ = st.Advancement(ready.ID, st.Today(), mentors)
	if !a.Ready() {
		t.Errorf("not ready with every criterion met: %+v", a.Criteria)
	}
	// One more late night tips things to work on past the limit.
	lateNight(t, st, ready, NewDate(2025, 5, 20))
	a, _ = st.Advancement(ready.ID, st.Today(), mentors)
	if a.Criteria[3].Met || a.Criteria[3].Text != "things to work on: 2 in the last 4 weeks (at most 1)" {
		t.Errorf("after a second late night: %+v", a.Criteria[3])
	}

	b, err := st.Advancement(short.ID, st.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkCriteria(t, b, []string{
		"days in Phase 1: 29 (30 needed)",
		"days sober: 59 (60 needed)",
		"outside meetings: 0 of the last 4 weeks met (3 needed)",
		"things to work on: 0 in the last 4 weeks (at most 1)",
		"mentor check-ins: 0 of the last 2 weeks met (1 a week)",
		"Has a sponsor: not yet ticked",
	}, []bool{false, false, false, true, false, false})
}

func checkCriteria(t *testing.T, a Advancement, texts []string, met []bool) {
	t.Helper()
	if len(a.Criteria) != len(texts) {
		t.Fatalf("criteria = %+v, want %d", a.Criteria, len(texts))
	}
	for i, c := range a.Criteria {
		if c.Text != texts[i] || c.Met != met[i] {
			t.Errorf("criterion %d = %q met %v, want %q met %v", i, c.Text, c.Met, texts[i], met[i])
		}
	}
}

func TestMovePhaseKeepsHistory(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B")
	r := addResidentAt(t, st, "Paweł", "Kowalczyk", "Phase 1", 50, 80)
	today := st.Today()
	var v ValidationError
	_, err := st.MovePhase(System, r.ID, "Phase 2", " ", today)
	if !errors.As(err, &v) || v.For(FieldMoveReason) == "" {
		t.Errorf("move without a reason: %v", err)
	}
	if _, err := st.MovePhase(System, r.ID, "Phase 2", "ready", today.AddDays(1)); !errors.As(err, &v) || v.For(FieldMoveOn) == "" {
		t.Errorf("move dated tomorrow: %v", err)
	}
	if _, err := st.MovePhase(KioskActor(r), r.ID, "Phase 2", "ready", today); !errors.Is(err, ErrManagerOnly) {
		t.Errorf("resident moved themselves: %v", err)
	}
	up, err := st.MovePhase(System, r.ID, "Phase 2", "Met every criterion", today.AddDays(-2))
	if err != nil {
		t.Fatal(err)
	}
	if !up.Up || up.Celebrate != today.AddDays(-2) {
		t.Errorf("move up = %+v, want up with a celebration date", up)
	}
	down, err := st.MovePhase(System, r.ID, "Phase 1", "Asked for more structure", today)
	if err != nil {
		t.Fatal(err)
	}
	if down.Up || !down.Celebrate.IsZero() {
		t.Errorf("move down = %+v", down)
	}
	// The resident form changing the phase is kept in the history too.
	r, _ = st.Resident(r.ID)
	r.Phase = "Phase 3"
	if _, err := st.UpdateResident(System, r); err != nil {
		t.Fatal(err)
	}
	hist, _ := st.PhaseHistory(r.ID)
	if len(hist) != 3 || hist[0].To != "Phase 2" || hist[1].To != "Phase 1" || hist[2].To != "Phase 3" {
		t.Fatalf("history = %+v", hist)
	}
	week, err := st.PhaseChangesIn(NewDate(2025, 6, 9), NewDate(2025, 6, 15))
	if err != nil || len(week) != 3 {
		t.Fatalf("phase changes this week = %d (%v), want 3", len(week), err)
	}
	if got, _ := st.PhaseSince(r); got != today {
		t.Errorf("in phase since %v, want today", got)
	}
	m, err := st.StartMeeting(System, MeetingStart{Kind: MeetingHouse, Date: today, Start: ClockTime{Hour: 19}})
	if err != nil {
		t.Fatal(err)
	}
	agenda := m.Sections.Milestones
	if !strings.Contains(agenda, "Paweł K.: moved up to Phase 2 on "+today.AddDays(-2).Pretty()) || strings.Contains(agenda, "Phase 1") {
		t.Errorf("agenda milestones = %q, want the move up and not the move down", agenda)
	}
	if a := auditActions(t, st); !strings.Contains(a, "resident.phase") {
		t.Errorf("no audit entry for the move: %s", a)
	}
}

func auditActions(t *testing.T, st *Store) string {
	t.Helper()
	es, err := st.Audit(time.Time{}, 500)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Action)
	}
	return strings.Join(out, " ")
}

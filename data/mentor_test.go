package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// mtNew is a house of twelve beds in four rooms with its clock at start.
func mtNew(t *testing.T, start time.Time) *ktEnv {
	t.Helper()
	return ktNew(t, start, func(h *House) {
		beds, err := ParseBeds("Room 1: A, B, C\nRoom 2: A, B, C\nRoom 3: A, B, C\nRoom 4: A, B, C")
		if err != nil {
			t.Fatal(err)
		}
		h.Beds = beds
	})
}

// mtAdd adds r in the next free bed (or the bed given by label, e.g.
// "Room 1 – Bed B"), filling in move-in and sobriety when unset.
func mtAdd(e *ktEnv, r Resident, bed string) Resident {
	e.t.Helper()
	h, err := e.st.House()
	if err != nil {
		e.t.Fatal(err)
	}
	occ, err := e.st.Occupancy()
	if err != nil {
		e.t.Fatal(err)
	}
	for _, b := range h.Beds {
		if _, taken := occ[b.ID]; !taken && (bed == "" || b.Label() == bed) {
			r.BedID = b.ID
			break
		}
	}
	today := e.st.Today()
	if r.MoveIn.IsZero() {
		r.MoveIn = today.AddDays(-100)
	}
	if r.Sobriety.IsZero() {
		r.Sobriety = today.AddDays(-400)
	}
	out, err := e.st.AddResident(e.mgr, r)
	if err != nil {
		e.t.Fatalf("add %s: %v", r.First, err)
	}
	return out
}

// mtMentor is a resident who meets the default criteria.
func mtMentor(e *ktEnv, first string, pathways, langs []string, bed string) Resident {
	e.t.Helper()
	return mtAdd(e, Resident{First: first, Last: "Mentor", Phase: "Phase 3", MentorWilling: true,
		Pathways: pathways, Languages: langs}, bed)
}

// mtNewcomer is a Phase 1 resident who moved in days ago.
func mtNewcomer(e *ktEnv, first string, days int) Resident {
	e.t.Helper()
	today := e.st.Today()
	return mtAdd(e, Resident{First: first, Last: "Newcomer", Phase: "Phase 1",
		MoveIn: today.AddDays(-days), Sobriety: today.AddDays(-days - 5)}, "")
}

func mtAssign(e *ktEnv, mentee, mentor Resident, start Date) Mentorship {
	e.t.Helper()
	m, err := e.st.AssignMentor(e.mgr, mentee.ID, mentor.ID, start)
	if err != nil {
		e.t.Fatalf("assign %s to %s: %v", mentor.First, mentee.First, err)
	}
	return m
}

func mtFieldErr(t *testing.T, err error, field, want string) {
	t.Helper()
	var v ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("error = %v, want a ValidationError at %q", err, field)
	}
	if msg := v.For(field); msg == "" || !strings.Contains(msg, want) {
		t.Fatalf("%s: message %q, want one containing %q (all: %v)", field, msg, want, v)
	}
}

func TestMentorRulesDefaultsAndValidation(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	r, err := e.st.MentorRules()
	if err != nil {
		t.Fatal(err)
	}
	if r.Capacity != 2 || r.MinPhase != "Phase 2" || r.Target("Phase 1") != 3 || r.Target("Phase 2") != 2 ||
		r.Target("Phase 3") != 1 || r.MinDaysSober != 90 || !r.RequireWilling {
		t.Fatalf("defaults = %+v", r)
	}
	if r.ExpectedGap("Phase 1") != 3 || r.ExpectedGap("Phase 2") != 4 || r.ExpectedGap("Phase 3") != 7 {
		t.Errorf("gaps = %d %d %d", r.ExpectedGap("Phase 1"), r.ExpectedGap("Phase 2"), r.ExpectedGap("Phase 3"))
	}
	if !r.NeedsMentor("Phase 1") || !r.NeedsMentor("Phase 2") || r.NeedsMentor("Phase 3") {
		t.Errorf("mentee phases = %v", r.MenteePhases)
	}

	bad := r
	bad.Capacity, bad.MinPhase, bad.MinDaysSober = 0, "Phase 9", -1
	bad.CheckinsPerWeek = map[string]int{"Phase 1": 30}
	_, err = e.st.SaveMentorRules(e.mgr, bad)
	mtFieldErr(t, err, FieldCapacity, "1 to 10")
	mtFieldErr(t, err, FieldMinPhase, "house's phases")
	mtFieldErr(t, err, FieldMinDaysSober, "0 to 3650")
	mtFieldErr(t, err, FieldCheckinsPerWeek, "0 to 14")
	if again, _ := e.st.MentorRules(); again.Capacity != 2 {
		t.Fatalf("refused rules were saved: %+v", again)
	}

	good := r
	good.Capacity, good.MinDaysSober, good.Note = 3, 180, "  Meets the mentee   weekly.\n\n Keeps what is said private. "
	if _, err := e.st.SaveMentorRules(e.mgr, good); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.MentorRules(); got.Capacity != 3 || got.MinDaysSober != 180 ||
		got.Note != "Meets the mentee weekly.\n\nKeeps what is said private." {
		t.Fatalf("saved rules = %+v", got)
	}
	someone := mtNewcomer(e, "Thanh", 3)
	if _, err := e.st.SaveMentorRules(KioskActor(someone), good); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("kiosk saving rules: %v", err)
	}
	entries, _ := e.st.Audit(time.Time{}, 10)
	if !slices.ContainsFunc(entries, func(a AuditEntry) bool { return a.Action == "mentor.rules" && a.By.Name == "Morgan Lee" }) {
		t.Errorf("no audit entry for the rules: %+v", entries)
	}
}

func TestCheckMentorReasons(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	ok := mtMentor(e, "Jamal", []string{"NA"}, nil, "")
	newbie := mtNewcomer(e, "George", 10)
	c, err := e.st.CheckMentor(ok.ID)
	if err != nil || !c.Meets || len(c.WhyNot) != 0 || c.Room() != "0 of 2" {
		t.Fatalf("check = %+v, %v", c, err)
	}
	c, _ = e.st.CheckMentor(newbie.ID)
	want := []string{
		"Has not said they are willing to mentor",
		"Sober 15 days; the house asks for 90 days",
		"In Phase 1; the house asks for Phase 2 or later",
		"In the house 10 days; the house asks for 4 weeks",
	}
	if c.Meets || !slices.Equal(c.WhyNot, want) {
		t.Fatalf("why not = %q", c.WhyNot)
	}
	all, _ := e.st.MentorChecks()
	if len(all) != 2 {
		t.Fatalf("checks = %+v", all)
	}
}

func TestAssignMentorRefusals(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	mentor := mtMentor(e, "Jamal", nil, nil, "")
	a, b, c := mtNewcomer(e, "Ana", 20), mtNewcomer(e, "Ben", 20), mtNewcomer(e, "Cleo", 20)
	gone := mtMentor(e, "Kenji", nil, nil, "")
	if err := e.st.MoveOut(e.mgr, gone.ID, today, "Completed program"); err != nil {
		t.Fatal(err)
	}

	_, err := e.st.AssignMentor(e.mgr, a.ID, a.ID, today)
	mtFieldErr(t, err, FieldMentor, "cannot mentor themself")
	_, err = e.st.AssignMentor(e.mgr, a.ID, gone.ID, today)
	mtFieldErr(t, err, FieldMentor, "has moved out")
	_, err = e.st.AssignMentor(e.mgr, a.ID, mentor.ID, today.AddDays(1))
	mtFieldErr(t, err, FieldMentorStart, "future")
	_, err = e.st.AssignMentor(e.mgr, a.ID, mentor.ID, today.AddDays(-21))
	mtFieldErr(t, err, FieldMentorStart, "before Ana N. moved in")
	if _, err := e.st.AssignMentor(KioskActor(mentor), a.ID, mentor.ID, today); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("kiosk assigning: %v", err)
	}

	mtAssign(e, a, mentor, today.AddDays(-5))
	_, err = e.st.AssignMentor(e.mgr, a.ID, mentor.ID, today)
	mtFieldErr(t, err, FieldMentee, "already has a mentor")
	mtAssign(e, b, mentor, today)
	_, err = e.st.AssignMentor(e.mgr, c.ID, mentor.ID, today)
	mtFieldErr(t, err, FieldMentor, "already has 2 of 2 mentees")

	// A rule not met warns (kept on the pairing) but does not block.
	m := mtAssign(e, c, a, today)
	if len(m.RulesNotMet) == 0 || m.RulesNotMet[0] != "Has not said they are willing to mentor" {
		t.Fatalf("rules not met = %q", m.RulesNotMet)
	}

	active, _ := e.st.ActiveMentorships()
	if len(active) != 3 {
		t.Fatalf("active = %d, want 3 (refusals saved nothing)", len(active))
	}
	entries, _ := e.st.Audit(time.Time{}, 50)
	if !slices.ContainsFunc(entries, func(a AuditEntry) bool {
		return a.Action == "mentor.assign" && a.Subject == "Cleo N." && a.By.Name == "Morgan Lee"
	}) {
		t.Errorf("no audit entry for Cleo's pairing: %+v", entries)
	}
}

func TestChangeAndEndMentorship(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	first, second := mtMentor(e, "Jamal", nil, nil, ""), mtMentor(e, "Björn", nil, nil, "")
	full := mtMentor(e, "Zoë", nil, nil, "")
	a := mtNewcomer(e, "Ana", 30)
	mtAssign(e, mtNewcomer(e, "X", 30), full, today.AddDays(-3))
	mtAssign(e, mtNewcomer(e, "Y", 30), full, today.AddDays(-3))
	old := mtAssign(e, a, first, today.AddDays(-20))

	// Changing to a full mentor is refused, and the old pairing stays.
	_, err := e.st.ChangeMentor(e.mgr, a.ID, full.ID, MentorshipEnd{Date: today, Reason: EndRematchMentee})
	mtFieldErr(t, err, FieldMentor, "2 of 2")
	if cur, ok, _ := e.st.CurrentMentor(a.ID); !ok || cur.ID != old.ID {
		t.Fatalf("old pairing lost after a refused change: %+v", cur)
	}
	_, err = e.st.ChangeMentor(e.mgr, a.ID, second.ID, MentorshipEnd{Date: today, Reason: "Because"})
	mtFieldErr(t, err, FieldEndReason, "choose why")

	nu, err := e.st.ChangeMentor(e.mgr, a.ID, second.ID, MentorshipEnd{Date: today, Reason: EndRematchMentee})
	if err != nil {
		t.Fatal(err)
	}
	was, _ := e.st.Mentorship(old.ID)
	if was.Active() || was.End != today || was.EndReason != EndRematchMentee || was.EndedWell {
		t.Fatalf("old pairing = %+v", was)
	}
	if cur, ok, _ := e.st.CurrentMentor(a.ID); !ok || cur.ID != nu.ID || cur.MentorID != second.ID {
		t.Fatalf("current = %+v", cur)
	}

	_, err = e.st.EndMentorship(e.mgr, nu.ID, MentorshipEnd{Date: today.AddDays(-1), Reason: EndOther})
	mtFieldErr(t, err, FieldMentorEnd, "before the pairing started")
	_, err = e.st.EndMentorship(e.mgr, nu.ID, MentorshipEnd{Date: today.AddDays(1), Reason: EndOther})
	mtFieldErr(t, err, FieldMentorEnd, "future")
	ended, err := e.st.EndMentorship(e.mgr, nu.ID, MentorshipEnd{Date: today, Reason: EndOther, Well: true})
	if err != nil || ended.Active() || !ended.EndedWell {
		t.Fatalf("end = %+v, %v", ended, err)
	}
	_, err = e.st.EndMentorship(e.mgr, nu.ID, MentorshipEnd{Date: today, Reason: EndOther})
	mtFieldErr(t, err, FieldMentorEnd, "already ended")

	hist, _ := e.st.MentorshipHistory(a.ID)
	if len(hist) != 2 || hist[0].ID != nu.ID || hist[1].ID != old.ID {
		t.Fatalf("history = %+v", hist)
	}
	mentees, _ := e.st.Mentees(full.ID)
	if len(mentees) != 2 {
		t.Errorf("full mentor's mentees = %d", len(mentees))
	}
}

func TestMoveOutEndsPairingsInItsTransaction(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	mentor := mtMentor(e, "Jamal", nil, nil, "")
	a, b := mtNewcomer(e, "Ana", 20), mtNewcomer(e, "Ben", 20)
	other := mtMentor(e, "Björn", nil, nil, "")
	c := mtNewcomer(e, "Cleo", 20)
	ma, mb := mtAssign(e, a, mentor, today.AddDays(-10)), mtAssign(e, b, mentor, today.AddDays(-10))
	mc := mtAssign(e, c, other, today.AddDays(-10))

	// A refused move-out (a future date) leaves the pairings running.
	if err := e.st.MoveOut(e.mgr, mentor.ID, today.AddDays(2), "Completed program"); err == nil {
		t.Fatal("future move-out accepted")
	}
	if act, _ := e.st.ActiveMentorships(); len(act) != 3 {
		t.Fatalf("pairings after a refused move-out = %d", len(act))
	}
	if err := e.st.MoveOut(e.mgr, mentor.ID, today.AddDays(-1), "Completed program"); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{ma.ID, mb.ID} {
		m, _ := e.st.Mentorship(id)
		if m.Active() || m.End != today.AddDays(-1) || m.EndReason != EndMentorMovedOut || !m.EndedWell ||
			m.EndedBy.Name != "Morgan Lee" {
			t.Fatalf("pairing after mentor moved out = %+v", m)
		}
	}
	if err := e.st.MoveOut(e.mgr, c.ID, today, "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	if m, _ := e.st.Mentorship(mc.ID); m.EndReason != EndMenteeMovedOut || m.Active() {
		t.Fatalf("pairing after mentee moved out = %+v", m)
	}
	if act, _ := e.st.ActiveMentorships(); len(act) != 0 {
		t.Fatalf("pairings still running: %+v", act)
	}
	none, err := e.st.NoMentorYet()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range none {
		names = append(names, n.Resident.First)
	}
	if !slices.Equal(names, []string{"Ana", "Ben"}) || none[0].DaysInHouse != 20 || !none[0].Late {
		t.Fatalf("no mentor yet = %+v", none)
	}
	after, _ := e.st.Audit(time.Time{}, 50)
	var ends int
	for _, a := range after {
		if a.Action == "mentor.end" {
			ends++
		}
	}
	if ends != 3 {
		t.Errorf("audit entries for ended pairings = %d", ends)
	}
}

func TestSuggestMentorsRanking(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	eng, esp := []string{"English"}, []string{"Spanish", "English"}
	mentee := mtAdd(e, Resident{First: "Pepe", Last: "Peña", Phase: "Phase 1", Pathways: []string{"NA"},
		Languages: esp, MoveIn: today.AddDays(-3), Sobriety: today.AddDays(-5)}, "Room 1 – Bed A")
	path := mtMentor(e, "Path", []string{"NA", "CA"}, eng, "Room 2 – Bed A")
	mtMentor(e, "Lang", []string{"AA"}, esp, "Room 2 – Bed B")
	mtMentor(e, "Plain", []string{"AA"}, eng, "Room 2 – Bed C")
	mtMentor(e, "Roomy", []string{"AA"}, eng, "Room 1 – Bed B")
	mtAdd(e, Resident{First: "Unwilling", Last: "Mentor", Phase: "Phase 3",
		Pathways: []string{"NA"}, Languages: esp}, "Room 3 – Bed A")
	full := mtMentor(e, "Full", []string{"NA"}, esp, "Room 3 – Bed B")
	mtAssign(e, mtNewcomer(e, "X", 30), full, today)
	mtAssign(e, mtNewcomer(e, "Y", 30), full, today)

	got, err := e.st.SuggestMentors(mentee.ID)
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string]int{}
	byName := map[string]Suggestion{}
	for i, s := range got {
		pos[s.Mentor.First], byName[s.Mentor.First] = i, s
		if s.Mentor.ID == mentee.ID {
			t.Fatal("the mentee is suggested as their own mentor")
		}
	}
	order := []string{"Path", "Lang", "Plain", "Roomy", "Unwilling", "Full"}
	for i := 1; i < len(order); i++ {
		if pos[order[i-1]] >= pos[order[i]] {
			t.Errorf("%s (%d) ranked after %s (%d): %+v", order[i-1], pos[order[i-1]], order[i], pos[order[i]], got)
		}
	}
	if pos["Full"] != len(got)-1 || byName["Full"].Blocked != "No room (2 of 2)" {
		t.Errorf("full mentor = %+v at %d", byName["Full"], pos["Full"])
	}
	wantReasons := map[string][]string{
		"Path":  {"Shares a pathway: NA", "Speaks English", "Has room (0 of 2)", "1 year sober", "Not in the same room"},
		"Lang":  {"Speaks Spanish", "Has room (0 of 2)", "1 year sober", "Not in the same room"},
		"Roomy": {"Speaks English", "Has room (0 of 2)", "1 year sober"},
	}
	for name, want := range wantReasons {
		if !slices.Equal(byName[name].Reasons, want) {
			t.Errorf("%s reasons = %q, want %q", name, byName[name].Reasons, want)
		}
	}
	if !slices.Contains(byName["Roomy"].Cautions, "Shares a room with them") {
		t.Errorf("Roomy cautions = %q", byName["Roomy"].Cautions)
	}
	if c := byName["Unwilling"]; c.Check.Meets || !slices.Contains(c.Cautions, "Has not said they are willing to mentor") {
		t.Errorf("Unwilling = %+v", c)
	}

	// Room: one mentee already lowers a mentor below an equal one with none.
	mtAssign(e, mtNewcomer(e, "Z", 30), path, today)
	got, _ = e.st.SuggestMentors(mentee.ID)
	for _, s := range got {
		if s.Mentor.ID == path.ID && !slices.Contains(s.Reasons, "Has room (1 of 2)") {
			t.Errorf("path reasons after a mentee = %q", s.Reasons)
		}
	}
}

// A mentor is never offered their own mentor's place: AssignMentor refuses
// the pair, so the suggestion says why and comes last.
func TestSuggestMentorsBlocksTheirOwnMentee(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	mentor := mtMentor(e, "Senior", []string{"AA"}, []string{"English"}, "Room 2 – Bed A")
	mentee := mtMentor(e, "Junior", []string{"AA"}, []string{"English"}, "Room 2 – Bed B")
	mtAssign(e, mentee, mentor, today)
	mtMentor(e, "Other", []string{"NA"}, []string{"English"}, "Room 2 – Bed C")
	got, err := e.st.SuggestMentors(mentor.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if last.Mentor.ID != mentee.ID || last.Blocked != "Is "+mentor.Short()+"'s mentee" {
		t.Fatalf("own mentee suggested as %+v; all: %+v", last, got)
	}
	if _, err := e.st.AssignMentor(System, mentor.ID, got[0].Mentor.ID, today); err != nil {
		t.Fatalf("the first suggestion is refused: %v", err)
	}
}

func TestSuggestMentorsHistoryAndGender(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	rules, _ := e.st.MentorRules()
	rules.PreferSameGender = true
	if _, err := e.st.SaveMentorRules(e.mgr, rules); err != nil {
		t.Fatal(err)
	}
	mentee := mtAdd(e, Resident{First: "Ana", Last: "Newcomer", Phase: "Phase 1", Gender: "Woman",
		MoveIn: today.AddDays(-40), Sobriety: today.AddDays(-41)}, "Room 4 – Bed A")
	early := mtAdd(e, Resident{First: "Early", Last: "Mentor", Phase: "Phase 3", MentorWilling: true, Gender: "Woman"}, "")
	well := mtAdd(e, Resident{First: "Well", Last: "Mentor", Phase: "Phase 3", MentorWilling: true, Gender: "Woman"}, "")
	man := mtAdd(e, Resident{First: "Man", Last: "Mentor", Phase: "Phase 3", MentorWilling: true, Gender: "Man"}, "")
	mtAssign(e, mentee, early, today.AddDays(-30))
	if _, err := e.st.ChangeMentor(e.mgr, mentee.ID, well.ID, MentorshipEnd{Date: today.AddDays(-20), Reason: EndRematchMentee}); err != nil {
		t.Fatal(err)
	}
	cur, _, _ := e.st.CurrentMentor(mentee.ID)
	if _, err := e.st.EndMentorship(e.mgr, cur.ID, MentorshipEnd{Date: today.AddDays(-2), Reason: EndOther, Well: true}); err != nil {
		t.Fatal(err)
	}
	got, _ := e.st.SuggestMentors(mentee.ID)
	if len(got) != 3 || got[0].Mentor.ID != well.ID || got[1].Mentor.ID != early.ID || got[2].Mentor.ID != man.ID {
		t.Fatalf("order = %v %v %v", got[0].Mentor.First, got[1].Mentor.First, got[2].Mentor.First)
	}
	if !slices.Contains(got[0].Reasons, "Mentored them before, and it ended well") ||
		!slices.Contains(got[0].Reasons, "Same gender (house preference)") {
		t.Errorf("well reasons = %q", got[0].Reasons)
	}
	if !slices.Contains(got[1].Cautions, "Mentored them before; it ended early") {
		t.Errorf("early cautions = %q", got[1].Cautions)
	}
	if !slices.Contains(got[2].Reasons, "Has not mentored them before") ||
		!slices.Contains(got[2].Cautions, "Not the same gender; the house prefers the same") {
		t.Errorf("man = %q / %q", got[2].Reasons, got[2].Cautions)
	}
}

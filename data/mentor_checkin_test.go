package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func mtCheckIn(e *ktEnv, by Actor, m Mentorship, d Date) CheckIn {
	e.t.Helper()
	c, err := e.st.LogCheckIn(by, CheckIn{MentorshipID: m.ID, Date: d, Kind: InPerson, Minutes: 30,
		Support: []string{SupportListening}})
	if err != nil {
		e.t.Fatalf("check-in on %s: %v", d, err)
	}
	return c
}

func TestCheckInValidation(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	mentor, a, b := mtMentor(e, "Jamal", nil, nil, ""), mtNewcomer(e, "Ana", 30), mtNewcomer(e, "Ben", 30)
	m := mtAssign(e, a, mentor, today.AddDays(-20))
	ok := CheckIn{MentorshipID: m.ID, Date: today, Kind: ByPhone, Minutes: 20, Support: []string{SupportProgram}}

	try := func(by Actor, edit func(*CheckIn)) error {
		c := ok
		edit(&c)
		_, err := e.st.LogCheckIn(by, c)
		return err
	}
	err := try(e.mgr, func(c *CheckIn) { c.Date = today.AddDays(1) })
	mtFieldErr(t, err, FieldCheckInDate, "has not come yet")
	err = try(e.mgr, func(c *CheckIn) { c.Date = today.AddDays(-21) })
	mtFieldErr(t, err, FieldCheckInDate, "before the pairing started")
	err = try(e.mgr, func(c *CheckIn) { c.Minutes, c.Kind, c.Support = -1, "Carrier pigeon", []string{"Gossip"} })
	mtFieldErr(t, err, FieldMinutes, "0 to 600")
	mtFieldErr(t, err, FieldCheckInKind, "choose how")
	mtFieldErr(t, err, FieldSupport, "choose from")
	err = try(e.mgr, func(c *CheckIn) { c.Minutes = 601 })
	mtFieldErr(t, err, FieldMinutes, "0 to 600")

	mentee := KioskActor(a)
	err = try(mentee, func(c *CheckIn) { c.Note = "private words" })
	mtFieldErr(t, err, FieldPrivateNote, "house manager")
	err = try(mentee, func(c *CheckIn) { c.Date = today.AddDays(-8) })
	mtFieldErr(t, err, FieldCheckInDate, "older than 7 days")
	if err := try(KioskActor(b), func(*CheckIn) {}); !errors.Is(err, ErrNotYours) {
		t.Fatalf("someone else's pairing at the kiosk: %v", err)
	}
	if got, _ := e.st.CheckIns(m.ID); len(got) != 0 {
		t.Fatalf("refused check-ins were saved: %+v", got)
	}

	// The mentee and the mentor may each log one at the kiosk; a double tap
	// is refused.
	if err := try(mentee, func(*CheckIn) {}); err != nil {
		t.Fatal(err)
	}
	err = try(mentee, func(*CheckIn) {})
	mtFieldErr(t, err, FieldCheckInDate, "already logged")
	if err := try(KioskActor(mentor), func(c *CheckIn) { c.Date = today.AddDays(-1) }); err != nil {
		t.Fatal(err)
	}
	// A manager may add an older one, with a private note.
	if err := try(e.mgr, func(c *CheckIn) { c.Date, c.Note, c.FollowUp = today.AddDays(-15), "Manager only", true }); err != nil {
		t.Fatal(err)
	}
	got, _ := e.st.CheckIns(m.ID)
	if len(got) != 3 || got[0].Date != today || got[2].Note != "Manager only" || got[0].LoggedBy.Kind != ActorResident {
		t.Fatalf("check-ins = %+v", got)
	}

	// Once the pairing has ended: no kiosk check-ins, and none after its end.
	if _, err := e.st.EndMentorship(e.mgr, m.ID, MentorshipEnd{Date: today.AddDays(-2), Reason: EndOther}); err != nil {
		t.Fatal(err)
	}
	err = try(e.mgr, func(c *CheckIn) { c.Date = today.AddDays(-1) })
	mtFieldErr(t, err, FieldCheckInDate, "had ended")
	err = try(mentee, func(c *CheckIn) { c.Date = today.AddDays(-3) })
	mtFieldErr(t, err, FieldPairing, "has ended")

	if err := e.st.RemoveCheckIn(mentee, got[0].ID); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("kiosk removing a check-in: %v", err)
	}
	if err := e.st.RemoveCheckIn(e.mgr, got[0].ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := e.st.CheckIns(m.ID); len(left) != 2 {
		t.Fatalf("after remove = %d", len(left))
	}
}

// Overdue at the boundaries: the day a pairing becomes overdue, across a
// week start and the spring DST change (Sunday 9 March 2025 in New York).
func TestOverdueBoundaries(t *testing.T) {
	ny := ktLoc(t, "America/New_York")
	e := mtNew(t, time.Date(2025, 3, 3, 20, 0, 0, 0, ny)) // Monday 3 March, evening
	mentor := mtMentor(e, "Jamal", nil, nil, "")
	other := mtMentor(e, "Björn", nil, nil, "")
	weekly := mtAdd(e, Resident{First: "Wes", Last: "Weekly", Phase: "Phase 3"}, "") // 1 a week: gap 7
	often := mtNewcomer(e, "Ola", 30)                                                // Phase 1, 3 a week: gap 3
	mw := mtAssign(e, weekly, mentor, NewDate(2025, 2, 20))
	mo := mtAssign(e, often, other, NewDate(2025, 2, 20))
	mtCheckIn(e, e.mgr, mw, NewDate(2025, 3, 3))

	e.clk.set(time.Date(2025, 3, 8, 23, 30, 0, 0, ny)) // Saturday 8 March, late
	mtCheckIn(e, e.mgr, mo, NewDate(2025, 3, 8))

	status := func(clock time.Time) map[string]PairStatus {
		t.Helper()
		e.clk.set(clock)
		ps, err := e.st.MentorStatus(e.st.Today())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]PairStatus{}
		for _, p := range ps {
			out[p.Mentee.First] = p
		}
		return out
	}
	cases := []struct {
		clock           time.Time
		weekly, often   bool // overdue
		weeklyN, oftenN int  // check-ins this week
		weeklyD, oftenD int  // days since
	}{
		// Sunday 9 March, after the clocks went forward: same week.
		{time.Date(2025, 3, 9, 12, 0, 0, 0, ny), false, false, 1, 1, 6, 1},
		// Monday 10 March, 00:30: a new week; 7 days is not yet overdue.
		{time.Date(2025, 3, 10, 0, 30, 0, 0, ny), false, false, 0, 0, 7, 2},
		// Tuesday 11 March: 3 days since Saturday is the gap, still fine.
		{time.Date(2025, 3, 11, 23, 59, 0, 0, ny), true, false, 0, 0, 8, 3},
		// Wednesday 12 March, just after midnight: the often pairing is overdue.
		{time.Date(2025, 3, 12, 0, 1, 0, 0, ny), true, true, 0, 0, 9, 4},
	}
	for _, c := range cases {
		got := status(c.clock)
		w, o := got["Wes"], got["Ola"]
		if w.Overdue != c.weekly || o.Overdue != c.often || w.ThisWeek != c.weeklyN || o.ThisWeek != c.oftenN ||
			w.DaysSince != c.weeklyD || o.DaysSince != c.oftenD {
			t.Errorf("%s: weekly %v/%d/%d, often %v/%d/%d; want %v/%d/%d, %v/%d/%d", c.clock.Format(time.RFC1123),
				w.Overdue, w.ThisWeek, w.DaysSince, o.Overdue, o.ThisWeek, o.DaysSince,
				c.weekly, c.weeklyN, c.weeklyD, c.often, c.oftenN, c.oftenD)
		}
	}
	over, _ := e.st.OverdueMentorships(e.st.Today())
	if len(over) != 2 || over[0].Mentee.First != "Wes" {
		t.Errorf("overdue = %+v", over)
	}
	// With no check-in at all, the gap counts from the start.
	fresh := mtNewcomer(e, "Fay", 10)
	mtAssign(e, fresh, mentor, e.st.Today().AddDays(-3))
	if got := status(e.clk.now()); got["Fay"].Overdue || got["Fay"].HasCheckIn || got["Fay"].DaysSince != 3 {
		t.Errorf("fresh pairing = %+v", got["Fay"])
	}
	if got := status(e.clk.now().Add(24 * time.Hour)); !got["Fay"].Overdue {
		t.Errorf("fresh pairing a day later = %+v", got["Fay"])
	}
}

func TestMentorWeekForTheReport(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 18, 9, 0, 0, 0, time.UTC)) // Wednesday
	last := NewDate(2025, 6, 9)                                 // last week's Monday
	mentor, other := mtMentor(e, "Jamal", nil, nil, ""), mtMentor(e, "Björn", nil, nil, "")
	a, b := mtNewcomer(e, "Ana", 40), mtNewcomer(e, "Ben", 40)
	c := mtAdd(e, Resident{First: "Cleo", Last: "Later", Phase: "Phase 2", MoveIn: NewDate(2025, 5, 1)}, "")
	mtNewcomer(e, "Dee", 2) // moved in after last week: not listed for it
	ma := mtAssign(e, a, mentor, NewDate(2025, 6, 1))
	mb := mtAssign(e, b, other, NewDate(2025, 6, 1))
	for _, d := range []int{9, 11, 13} {
		mtCheckIn(e, e.mgr, ma, NewDate(2025, 6, d)) // 3 of 3
	}
	mtCheckIn(e, e.mgr, mb, NewDate(2025, 6, 10)) // 1 of 3
	mtCheckIn(e, e.mgr, mb, NewDate(2025, 6, 17)) // this week, not last
	// Ben's pairing ends this week: it still shows for last week.
	if _, err := e.st.EndMentorship(e.mgr, mb.ID, MentorshipEnd{Date: NewDate(2025, 6, 17), Reason: EndRematchMentor}); err != nil {
		t.Fatal(err)
	}
	// Cleo got a mentor on Friday last week: part of the week.
	mc := mtAssign(e, c, other, NewDate(2025, 6, 13))

	w, err := e.st.MentorWeek(last)
	if err != nil {
		t.Fatal(err)
	}
	if w.AsOf != NewDate(2025, 6, 15) || len(w.Pairs) != 3 || w.MetCount() != 1 {
		t.Fatalf("week = %+v", w)
	}
	got := map[string]PairStatus{}
	for _, p := range w.Pairs {
		got[p.Mentee.First] = p
	}
	if p := got["Ana"]; p.ThisWeek != 3 || p.Target != 3 || !p.Met() {
		t.Errorf("Ana = %d of %d", p.ThisWeek, p.Target)
	}
	if p := got["Ben"]; p.ThisWeek != 1 || p.Target != 3 || p.Met() || p.LastCheckIn != NewDate(2025, 6, 10) {
		t.Errorf("Ben = %d of %d, last %s", p.ThisWeek, p.Target, p.LastCheckIn)
	}
	// Phase 2 expects 2 a week; three days of seven round up to 1.
	if p := got["Cleo"]; p.Mentorship.ID != mc.ID || p.Target != 1 || p.Met() {
		t.Errorf("Cleo = %d of %d", p.ThisWeek, p.Target)
	}
	// At last week's end Ben had a mentor; Dee had not moved in. This week
	// Ben has none.
	if len(w.Unmatched) != 0 {
		t.Errorf("unmatched last week = %+v", w.Unmatched)
	}
	now, _ := e.st.NoMentorYet()
	if len(now) != 2 || now[0].Resident.First != "Ben" || now[1].Resident.First != "Dee" || now[1].Late {
		t.Errorf("no mentor now = %+v", now)
	}
}

func TestKioskMyMentorShowsOnlyOwn(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	today := e.st.Today()
	ana := mtAdd(e, Resident{First: "Ana", Last: "Ruiz", Preferred: "Anita", Phase: "Phase 3", MentorWilling: true}, "")
	thanh := mtNewcomer(e, "Thanh", 30)
	olena := mtNewcomer(e, "Olena", 30)
	loner := mtNewcomer(e, "Pepe", 2)
	mt := mtAssign(e, thanh, ana, today.AddDays(-20))
	mo := mtAssign(e, olena, ana, today.AddDays(-20))
	if _, err := e.st.LogCheckIn(e.mgr, CheckIn{MentorshipID: mo.ID, Date: today.AddDays(-1), Kind: ByPhone,
		Note: "Secretive manager note", FollowUp: true}); err != nil {
		t.Fatal(err)
	}
	mtCheckIn(e, e.mgr, mt, today.AddDays(-3))
	// The mentee logs one at the kiosk with their PIN's actor.
	mtCheckIn(e, KioskActor(thanh), mt, today)

	k, err := e.st.MyMentor(thanh.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if !k.HasMentor || k.MentorName != "Anita R." || k.MentorshipID != mt.ID || k.ThisWeek != 2 || k.Target != 3 ||
		k.LastCheckInWords(today) != "last check-in today" || len(k.Mentees) != 0 {
		t.Fatalf("Thanh's mentor = %+v", k)
	}
	shown := fmt.Sprintf("%+v", k)
	for _, hidden := range []string{"Olena", "Secretive", "Ruiz"} {
		if strings.Contains(shown, hidden) {
			t.Errorf("kiosk view of Thanh shows %q: %s", hidden, shown)
		}
	}
	k, _ = e.st.MyMentor(ana.ID, today)
	if k.HasMentor || len(k.Mentees) != 2 {
		t.Fatalf("Ana's view = %+v", k)
	}
	words := map[string]string{}
	for _, m := range k.Mentees {
		words[m.FirstName] = m.LastCheckInWords(today)
	}
	if words["Thanh"] != "last check-in today" || words["Olena"] != "last check-in yesterday" {
		t.Errorf("mentees = %v", words)
	}
	if shown := fmt.Sprintf("%+v", k); strings.Contains(shown, "Secretive") || strings.Contains(shown, "Newcomer") {
		t.Errorf("mentor's kiosk view shows more than first names: %s", shown)
	}
	k, _ = e.st.MyMentor(loner.ID, today)
	if k.HasMentor || k.LastCheckInWords(today) != "no check-in yet" {
		t.Errorf("loner = %+v", k)
	}
	if AgoWords(today.AddDays(-3), today) != "3 days ago" {
		t.Error(AgoWords(today.AddDays(-3), today))
	}

	board, err := e.st.MentorBoard(today)
	if err != nil || len(board) != 4 {
		t.Fatalf("board = %+v, %v", board, err)
	}
	for _, row := range board {
		switch row.Resident.ID {
		case ana.ID:
			if row.Mentees != 2 || row.Pair != nil || row.NoMentor != nil {
				t.Errorf("Ana's row = %+v", row)
			}
		case loner.ID:
			if row.Pair != nil || row.NoMentor == nil || row.NoMentor.DaysInHouse != 2 {
				t.Errorf("Pepe's row = %+v", row)
			}
		case olena.ID:
			if row.Pair == nil || !row.Pair.FollowUp {
				t.Errorf("Olena's row = %+v", row)
			}
		}
	}
}

func TestPeerPhoneListOnlyOptedIn(t *testing.T) {
	e := mtNew(t, time.Date(2025, 6, 12, 10, 0, 0, 0, time.UTC))
	mtAdd(e, Resident{First: "María José", Last: "Núñez", Preferred: "Majo", Phone: "555-0110",
		Pathways: []string{"AA"}, PeerPhoneList: true}, "")
	mtAdd(e, Resident{First: "Jamal", Last: "Washington", Phone: "555-0111"}, "")
	mtAdd(e, Resident{First: "Thanh", Last: "Nguyễn", PeerPhoneList: true}, "") // no phone
	list, err := e.st.PeerPhoneList()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Name != "Majo N." || list[0].Phone != "555-0110" || list[0].Pathways[0] != "AA" {
		t.Fatalf("list = %+v", list)
	}
}

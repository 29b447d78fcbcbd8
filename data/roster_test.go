package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Store-level tests of the roster: generation, manager edits, the kiosk
// tick, handing on, and bad input that must change nothing.

var (
	thisWeek = NewDate(2025, 3, 3)  // Monday; "today" is Wednesday 5 March
	nextWeek = NewDate(2025, 3, 10) // all of it still ahead
)

// rosterHouse is a house of six with three chores: a daily one, a weekly
// one needing two people and a light weekly one.
func rosterHouse(t *testing.T) (*choreHouse, []Chore) {
	t.Helper()
	h := newChoreHouse(t, "Ana Núñez", "Thanh Nguyễn", "Siobhán O'Brien", "Paweł Kowalczyk", "Олена Коваленко", "Γιώργος Παπαδόπουλος")
	chores := []Chore{
		h.addChore(t, Chore{Name: "Dishes", Area: "Kitchen", Effort: 2, Frequency: Daily, People: 1, Checklist: []string{"Sink empty"}}),
		h.addChore(t, Chore{Name: "Yard", Effort: 3, Frequency: Weekly, Weekday: time.Saturday, People: 2}),
		h.addChore(t, Chore{Name: "Trash", Effort: 1, Frequency: Weekly, Weekday: time.Tuesday, People: 1}),
	}
	return h, chores
}

// state is what bad input must leave unchanged: the roster of two weeks
// and the number of audit entries.
type state struct {
	this, next Roster
	audits     int
}

func snapshot(t *testing.T, st *Store) state {
	t.Helper()
	var s state
	var err error
	if s.this, err = st.Roster(thisWeek); err != nil {
		t.Fatal(err)
	}
	if s.next, err = st.Roster(nextWeek); err != nil {
		t.Fatal(err)
	}
	audits, err := st.Audit(time.Time{}, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	s.audits = len(audits)
	return s
}

// refused checks that err is an error whose message holds want, and that
// nothing changed since before.
func refused(t *testing.T, st *Store, before state, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want an error saying %q", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q does not say %q", err, want)
	}
	if after := snapshot(t, st); !reflect.DeepEqual(before, after) {
		t.Fatalf("refused change (%v) changed the store", err)
	}
}

func generate(t *testing.T, h *choreHouse, week Date) Roster {
	t.Helper()
	r, err := h.st.GenerateRoster(h.manager, week)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGenerateRosterStore(t *testing.T) {
	h, chores := rosterHouse(t)
	r := generate(t, h, nextWeek.AddDays(3)) // any day of the week will do
	if r.Week != nextWeek {
		t.Fatalf("week %v, want %v", r.Week, nextWeek)
	}
	if n := len(r.Assignments); n != 7+2+1 {
		t.Fatalf("%d assignments, want 10", n)
	}
	if u := r.Uncovered(); len(u) != 0 {
		t.Fatalf("uncovered: %v", u)
	}
	yard := 0
	for _, a := range r.Assignments {
		if a.ChoreID == chores[1].ID {
			yard++
			if a.Day.Weekday() != time.Saturday {
				t.Errorf("yard on %v", a.Day)
			}
		}
	}
	if yard != 2 {
		t.Errorf("yard has %d people, want 2", yard)
	}
	stored, err := h.st.Roster(nextWeek)
	if err != nil || !reflect.DeepEqual(stored.Assignments, r.Assignments) {
		t.Fatalf("stored roster differs: %v", err)
	}
	again := generate(t, h, nextWeek)
	if !reflect.DeepEqual(again.Assignments, r.Assignments) {
		t.Fatal("regenerating with the same inputs gave a different roster")
	}
}

func TestGenerateRosterBadInput(t *testing.T) {
	t.Run("no residents", func(t *testing.T) {
		h := newChoreHouse(t)
		h.addChore(t, Chore{Name: "Dishes", Effort: 2, Frequency: Daily, People: 1})
		before := snapshot(t, h.st)
		_, err := h.st.GenerateRoster(h.manager, nextWeek)
		if !errors.Is(err, ErrNoResidents) {
			t.Fatalf("got %v", err)
		}
		refused(t, h.st, before, err, "no residents live in the house")
	})
	t.Run("no chores", func(t *testing.T) {
		h := newChoreHouse(t, "Ana Núñez")
		before := snapshot(t, h.st)
		_, err := h.st.GenerateRoster(h.manager, nextWeek)
		refused(t, h.st, before, err, "no active chores")
	})
	t.Run("more people needed than residents", func(t *testing.T) {
		h, _ := rosterHouse(t)
		generate(t, h, nextWeek)
		h.addChore(t, Chore{Name: "Move furniture", Effort: 5, Frequency: Weekly, Weekday: time.Sunday, People: 6})
		if err := h.st.MoveOut(h.manager, h.residents[0].ID, h.st.Today(), "Completed program"); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, h.st)
		_, err := h.st.GenerateRoster(h.manager, nextWeek)
		var tf *TooFewResidentsError
		if !errors.As(err, &tf) || tf.People != 6 || tf.Residents != 5 {
			t.Fatalf("got %v", err)
		}
		refused(t, h.st, before, err, "Move furniture needs 6 people but only 5 residents live in the house")
	})
}

// twoOf returns two assignments of next week held by different residents,
// on different chores.
func twoOf(t *testing.T, r Roster) (Assignment, Assignment) {
	t.Helper()
	for _, a := range r.Assignments {
		for _, b := range r.Assignments {
			if a.ResidentID != b.ResidentID && a.ChoreID != b.ChoreID {
				return a, b
			}
		}
	}
	t.Fatal("no two assignments to swap")
	return Assignment{}, Assignment{}
}

func mustGet(t *testing.T, st *Store, id string) Assignment {
	t.Helper()
	a, err := st.Assignment(id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// auditFor returns the audit entry with the given action. (The test clock
// stands still, so entries cannot be told apart by time.)
func auditFor(t *testing.T, st *Store, action string) AuditEntry {
	t.Helper()
	es, err := st.Audit(time.Time{}, 1<<20)
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	for _, e := range es {
		if e.Action == action {
			return e
		}
	}
	t.Fatalf("no audit entry %s", action)
	return AuditEntry{}
}

func TestSwap(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, nextWeek)
	a, b := twoOf(t, r)
	if err := h.st.SwapChores(h.manager, a.ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if mustGet(t, h.st, a.ID).ResidentID != b.ResidentID || mustGet(t, h.st, b.ID).ResidentID != a.ResidentID {
		t.Fatal("residents not swapped")
	}
	if e := auditFor(t, h.st, "roster.swap"); e.By.Name != "Sam Rivera" || !strings.Contains(e.Subject, a.Chore) {
		t.Fatalf("audit entry %+v", e)
	}
	before := snapshot(t, h.st)
	refused(t, h.st, before, h.st.SwapChores(h.manager, a.ID, a.ID), "two different chores")
	refused(t, h.st, before, h.st.SwapChores(Actor{Kind: ActorResident, ID: a.ResidentID}, a.ID, b.ID), "only a house manager")
	refused(t, h.st, before, h.st.SwapChores(h.manager, a.ID, "20250310.0.nope.00"), "not found")
}

func TestSwapWithMovedOutResident(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, nextWeek)
	a, b := twoOf(t, r)
	gone := b.ResidentID
	// Moving out hands their open chores on (Store.MoveOut calls
	// HandOnChores), so no open chore is left in a moved-out name ...
	if err := h.st.MoveOut(h.manager, gone, h.st.Today(), "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	after, err := h.st.Roster(nextWeek)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range after.Assignments {
		if x.ResidentID == gone && x.Open() {
			t.Fatalf("open chore %s still with the moved-out resident", x.Label())
		}
	}
	// ... and reassigning one back to them is refused with a clear message.
	r2, _ := h.st.Resident(gone)
	before := snapshot(t, h.st)
	refused(t, h.st, before, h.st.ReassignChore(h.manager, a.ID, gone), r2.Short()+" has moved out")
}

func TestReassign(t *testing.T) {
	h, chores := rosterHouse(t)
	r := generate(t, h, nextWeek)
	var yard []Assignment
	for _, a := range r.Assignments {
		if a.ChoreID == chores[1].ID {
			yard = append(yard, a)
		}
	}
	before := snapshot(t, h.st)
	refused(t, h.st, before, h.st.ReassignChore(h.manager, yard[0].ID, yard[1].ResidentID), "already has Yard")
	refused(t, h.st, before, h.st.ReassignChore(h.manager, yard[0].ID, "no-such-resident"), "choose a resident who lives in the house")
	refused(t, h.st, before, h.st.ReassignChore(h.manager, yard[0].ID, yard[0].ResidentID), "already has Yard")

	other := residentNotIn(h.residents, yard[0].ResidentID, yard[1].ResidentID)
	if err := h.st.ReassignChore(h.manager, yard[0].ID, other); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, h.st, yard[0].ID); got.ResidentID != other {
		t.Fatalf("reassigned to %s, want %s", got.ResidentID, other)
	}
	if err := h.st.MoveOut(h.manager, yard[1].ResidentID, h.st.Today(), "Completed program"); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, h.st)
	refused(t, h.st, before, h.st.ReassignChore(h.manager, yard[0].ID, yard[1].ResidentID), "has moved out")
}

func residentNotIn(rs []Resident, ids ...string) string {
	for _, r := range rs {
		if !contains(ids, r.ID) {
			return r.ID
		}
	}
	return ""
}

func TestLockKeepsAssignmentOnRegeneration(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, nextWeek)
	a := r.Assignments[0]
	other := residentNotIn(h.residents, a.ResidentID)
	for _, o := range r.Assignments {
		if o.ChoreID == a.ChoreID && o.Day == a.Day && o.ID != a.ID {
			other = residentNotIn(h.residents, a.ResidentID, o.ResidentID)
		}
	}
	if err := h.st.ReassignChore(h.manager, a.ID, other); err != nil {
		t.Fatal(err)
	}
	if err := h.st.LockAssignment(h.manager, a.ID, true); err != nil {
		t.Fatal(err)
	}
	again := generate(t, h, nextWeek)
	if got := findAssignment(again, a.ID); got.ResidentID != other || !got.Locked {
		t.Fatalf("locked assignment not kept: %+v", got)
	}
	if err := h.st.LockAssignment(h.manager, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, h.st, a.ID); got.Locked {
		t.Fatal("still locked")
	}
}

func findAssignment(r Roster, id string) Assignment {
	for _, a := range r.Assignments {
		if a.ID == id {
			return a
		}
	}
	return Assignment{}
}

func TestExcuse(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, nextWeek)
	a := r.Assignments[0]
	before := snapshot(t, h.st)
	err := h.st.ExcuseChore(h.manager, a.ID, "   ")
	fieldMsg(t, err, FieldExcuseReason)
	refused(t, h.st, before, err, "say why")
	if err := h.st.ExcuseChore(h.manager, a.ID, "Doctor's appointment"); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, h.st, a.ID)
	if got.Excused != "Doctor's appointment" || got.Open() || got.Credit() != a.Effort {
		t.Fatalf("excused assignment: %+v", got)
	}
	again := generate(t, h, nextWeek)
	if findAssignment(again, a.ID).Excused == "" {
		t.Fatal("regeneration dropped the excuse")
	}
	h.advance(t, a.Day)
	before = snapshot(t, h.st)
	refused(t, h.st, before, h.st.MarkChoreDone(Actor{Kind: ActorResident, ID: a.ResidentID}, a.ID), "excused")
	refused(t, h.st, before, h.st.MarkChoreMissed(h.manager, a.ID, "not done"), "excused")
}

// advance moves the store's clock to midday on d.
func (h *choreHouse) advance(t *testing.T, d Date) {
	t.Helper()
	*h.now = d.At(12, 0, time.Local)
}

func TestDoneVerifyMissed(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, nextWeek)
	a, b := twoOf(t, r)
	owner := Actor{Kind: ActorResident, ID: a.ResidentID, Name: "owner"}
	before := snapshot(t, h.st)
	refused(t, h.st, before, h.st.MarkChoreDone(owner, a.ID), "tick it off on the day")
	h.advance(t, nextWeek.AddDays(6))
	before = snapshot(t, h.st)
	refused(t, h.st, before, h.st.MarkChoreDone(owner, b.ID), ErrNotYours.Error())
	refused(t, h.st, before, h.st.VerifyChore(owner, a.ID), "only a house manager")

	if err := h.st.MarkChoreDone(owner, a.ID); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, h.st, a.ID)
	if got.Status != ChoreDone || got.DoneAt.IsZero() {
		t.Fatalf("after tick: %+v", got)
	}
	if e := auditFor(t, h.st, "roster.done"); e.By.Kind != ActorResident {
		t.Fatalf("audit entry %+v", e)
	}
	before = snapshot(t, h.st)
	if err := h.st.MarkChoreDone(owner, a.ID); err != nil || !reflect.DeepEqual(before, snapshot(t, h.st)) {
		t.Fatalf("a second tick changed something: %v", err)
	}
	if err := h.st.VerifyChore(h.manager, a.ID); err != nil {
		t.Fatal(err)
	}
	if mustGet(t, h.st, a.ID).Status != ChoreVerified {
		t.Fatal("not verified")
	}

	before = snapshot(t, h.st)
	err := h.st.MarkChoreMissed(h.manager, b.ID, "")
	fieldMsg(t, err, FieldMissedNote)
	refused(t, h.st, before, err, "say briefly")
	if err := h.st.MarkChoreMissed(h.manager, b.ID, "Left dirty"); err != nil {
		t.Fatal(err)
	}
	missed, err := h.st.MissedChores(b.ResidentID, nextWeek.AddDays(2))
	if err != nil || len(missed) != 1 || missed[0].ID != b.ID || missed[0].Note != "Left dirty" || missed[0].Credit() != 0 {
		t.Fatalf("missed chores: %+v, %v", missed, err)
	}
	before = snapshot(t, h.st)
	refused(t, h.st, before, h.st.MarkChoreDone(Actor{Kind: ActorResident, ID: b.ResidentID}, b.ID), "marked missed")
	refused(t, h.st, before, h.st.SwapChores(h.manager, a.ID, b.ID), "already done")

	if err := h.st.ReopenChore(h.manager, b.ID); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, h.st, b.ID); !got.Open() || got.Note != "" {
		t.Fatalf("after reopen: %+v", got)
	}
}

func TestHandOnChoresOnMoveOut(t *testing.T) {
	h, _ := rosterHouse(t)
	generate(t, h, thisWeek)
	generate(t, h, nextWeek)
	leaver := h.residents[2]
	today := h.st.Today()

	mine := func(week Date) []MyChore {
		cs, err := h.st.MyChores(leaver.ID, week)
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	var earlier int
	for _, c := range mine(thisWeek) {
		if c.Day.Before(today) {
			earlier++
		}
	}
	if err := h.st.MoveOut(h.manager, leaver.ID, today, "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	if err := h.st.HandOnChores(h.manager, leaver.ID, today); err != nil {
		t.Fatal(err)
	}
	left := mine(thisWeek)
	if len(left) != earlier {
		t.Fatalf("%d chores left this week, want the %d before today", len(left), earlier)
	}
	if n := len(mine(nextWeek)); n != 0 {
		t.Fatalf("%d chores left next week", n)
	}
	for _, w := range []Date{thisWeek, nextWeek} {
		r, _ := h.st.Roster(w)
		if u := r.Uncovered(); len(u) != 0 {
			t.Fatalf("handed-on chores left uncovered: %v", u)
		}
		checkNoDoubleSeats(t, r)
	}
	if e := auditFor(t, h.st, "roster.hand-on"); e.Subject != leaver.Short() {
		t.Fatalf("audit entry %+v", e)
	}
}

func checkNoDoubleSeats(t *testing.T, r Roster) {
	t.Helper()
	seen := map[string]bool{}
	for _, a := range r.Assignments {
		k := a.ChoreID + a.Day.String() + a.ResidentID
		if a.Covered() && seen[k] {
			t.Fatalf("%s holds two seats of %s", a.ResidentID, a.Label())
		}
		seen[k] = true
	}
}

func TestRosterOvernightPass(t *testing.T) {
	h, _ := rosterHouse(t)
	loc := time.Local
	// Friday 18:00 to Sunday 17:00: Saturday and Sunday are excused.
	friday := nextWeek.AddDays(4)
	p1, err := h.st.AddPass(h.manager, h.residents[1].ID, friday.At(18, 0, loc), friday.AddDays(2).At(17, 0, loc), "Family", "")
	if err != nil {
		t.Fatal(err)
	}
	if span, ok := PassChoreDays(p1); !ok || span != (Span{From: friday.AddDays(1), To: friday.AddDays(2)}) {
		t.Fatalf("pass chore days %v %v", span, ok)
	}
	r := generate(t, h, nextWeek)
	for _, a := range r.Assignments {
		if a.ResidentID == p1.ResidentID && a.Day.After(friday) {
			t.Fatalf("given %s while on a pass", a.Label())
		}
	}
	// A pass added after the roster was made hands on those days.
	p2, err := h.st.AddPass(h.manager, h.residents[0].ID, nextWeek.At(9, 0, loc), nextWeek.AddDays(1).At(20, 0, loc), "Retreat", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.st.HandOnPass(h.manager, p2); err != nil {
		t.Fatal(err)
	}
	cs, _ := h.st.MyChores(p2.ResidentID, nextWeek)
	for _, c := range cs {
		if !c.Day.After(nextWeek.AddDays(1)) {
			t.Fatalf("still has %s during the pass", c.Label())
		}
	}
	r, _ = h.st.Roster(nextWeek)
	if u := r.Uncovered(); len(u) != 0 {
		t.Fatalf("uncovered after the pass: %v", u)
	}
	checkNoDoubleSeats(t, r)
}

func TestNewResidentExcusedTheirFirstWeek(t *testing.T) {
	h, _ := rosterHouse(t)
	house, _ := h.st.House()
	newbie := h.addResident(t, "Jamal Washington", house.Beds[10].ID, nextWeek.AddDays(2))
	r := generate(t, h, nextWeek)
	for _, a := range r.Assignments {
		if a.ResidentID == newbie.ID {
			t.Fatalf("new resident given %s in their first week", a.Label())
		}
	}
	cs := DefaultChoreSettings()
	cs.ExcuseNewResidents = false
	if err := h.st.SaveChoreSettings(h.manager, cs); err != nil {
		t.Fatal(err)
	}
	r = generate(t, h, nextWeek)
	got := 0
	for _, a := range r.Assignments {
		if a.ResidentID == newbie.ID {
			got++
			if a.Day.Before(newbie.MoveIn) {
				t.Fatalf("given %s before moving in", a.Label())
			}
		}
	}
	if got == 0 {
		t.Fatal("with the setting off, the new resident got no chores")
	}
}

func TestMyChoresAndGrid(t *testing.T) {
	h, chores := rosterHouse(t)
	generate(t, h, nextWeek)
	for _, res := range h.residents {
		cs, err := h.st.MyChores(res.ID, nextWeek)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.ResidentID != res.ID {
				t.Fatalf("%s sees another resident's chore", res.Short())
			}
			if c.ChoreID == chores[0].ID && len(c.Checklist) != 1 {
				t.Fatalf("checklist missing: %+v", c)
			}
		}
	}
	rows, err := h.st.RosterGrid(nextWeek)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, row := range rows {
		names = append(names, row.Chore.Name)
	}
	if strings.Join(names, ",") != "Dishes,Trash,Yard" {
		t.Fatalf("chart rows %v, want daily first then by day", names)
	}
	if sat := rows[2].Days[5]; len(sat) != 2 || sat[0].Short == "" {
		t.Fatalf("yard on Saturday: %+v", sat)
	}
}

func TestCoordinatorReport(t *testing.T) {
	h, _ := rosterHouse(t)
	r := generate(t, h, thisWeek)
	h.advance(t, thisWeek.AddDays(6))
	covered := r.Assignments
	if err := h.st.VerifyChore(h.manager, covered[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := h.st.MarkChoreMissed(h.manager, covered[1].ID, "private note"); err != nil {
		t.Fatal(err)
	}
	if err := h.st.ExcuseChore(h.manager, covered[2].ID, "sick"); err != nil {
		t.Fatal(err)
	}
	rep, err := h.st.CoordinatorReport(thisWeek.AddDays(4))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Week != thisWeek || rep.NextWeek != nextWeek || len(rep.Next) != 0 || len(rep.Chores) != len(r.Assignments) {
		t.Fatalf("report: week %v next %v, %d next, %d chores", rep.Week, rep.NextWeek, len(rep.Next), len(rep.Chores))
	}
	sum := rep.Total()
	if sum.Assigned != len(r.Assignments) || sum.Done != 1 || sum.Verified != 1 || sum.Missed != 1 || sum.Excused != 1 || sum.NotTicked != sum.Assigned-3 {
		t.Fatalf("tally %+v", sum)
	}
	for _, c := range rep.Chores {
		if c.Note != "" {
			t.Fatal("a manager's note is in the coordinator's report")
		}
	}
	generate(t, h, nextWeek)
	if rep, _ = h.st.CoordinatorReport(thisWeek); len(rep.Next) == 0 || rep.Next[0].Name == "" {
		t.Fatal("next week's list missing")
	}

	text, err := h.st.CoordinatorReportText(thisWeek.AddDays(6)) // a Sunday meeting
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("coordinator's report:\n%s", text)
	missedBy, _ := h.st.Resident(covered[1].ResidentID)
	for _, want := range []string{"Week of Mon 3 Mar 2025: 1 of", "chores done (1 verified by a manager), 1 missed, 1 excused", "Next week, from Mon 10 Mar 2025:",
		missedBy.Display() + ": ", " ✗", "private note"} {
		if strings.Contains(text, want) != (want != "private note") {
			t.Errorf("report text and %q", want)
		}
	}
	if text, _ := h.st.CoordinatorReportText(nextWeek.AddDays(2)); !strings.HasPrefix(text, "Week of Mon 3 Mar 2025") {
		t.Errorf("a Wednesday meeting reports on %q, want the week before", text)
	}
}

func TestSeedDemoChores(t *testing.T) {
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if cs, _ := st.Chores(); len(cs) == 0 { // not yet wired into CreateDemo
		if err := seedDemoChores(st); err != nil {
			t.Fatal(err)
		}
	}
	cs, _ := st.Chores()
	if len(cs) < 10 {
		t.Fatalf("%d demo chores", len(cs))
	}
	rep, err := st.CoordinatorReport(st.Today().AddDays(-7))
	if err != nil || len(rep.Chores) == 0 || len(rep.Next) == 0 {
		t.Fatalf("demo report: %d last week, %d this week, %v", len(rep.Chores), len(rep.Next), err)
	}
	missed := 0
	for _, tl := range rep.Tally {
		missed += tl.Missed
	}
	if missed != 1 {
		t.Fatalf("%d missed last week, want 1", missed)
	}
}

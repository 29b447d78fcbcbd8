package data

import (
	"errors"
	"testing"
)

// openFrom counts the resident's open assignments on or after day in the
// two test weeks.
func openFrom(t *testing.T, st *Store, residentID string, day Date) int {
	t.Helper()
	n := 0
	for _, w := range []Date{thisWeek, nextWeek} {
		r, err := st.Roster(w)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range r.Assignments {
			if a.ResidentID == residentID && a.Open() && !a.Day.Before(day) {
				n++
			}
		}
	}
	return n
}

// A move-out and the hand-on of the leaver's chores are one transaction:
// when the hand-on fails, the move-out is not kept either, so at no point
// does a moved-out resident hold a chore.
func TestMoveOutIsAtomicWithHandOn(t *testing.T) {
	h, _ := rosterHouse(t)
	generate(t, h, thisWeek)
	generate(t, h, nextWeek)
	leaver := h.residents[2]
	today := h.st.Today()
	if openFrom(t, h.st, leaver.ID, today) == 0 {
		t.Fatal("the leaver has no open chores to hand on; the test shows nothing")
	}

	before := snapshot(t, h.st)
	h.st.handOnFault = errors.New("disk full")
	err := h.st.MoveOut(h.manager, leaver.ID, today, "Moved on voluntarily")
	refused(t, h.st, before, err, "disk full")
	r, err := h.st.Resident(leaver.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Active() || r.BedID != leaver.BedID || len(r.Stays) != len(leaver.Stays) {
		t.Fatalf("the move-out was kept without its hand-on: %+v", r)
	}

	h.st.handOnFault = nil
	if err := h.st.MoveOut(h.manager, leaver.ID, today, "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	if n := openFrom(t, h.st, leaver.ID, today); n != 0 {
		t.Fatalf("moved-out resident still holds %d open chores", n)
	}
	for _, action := range []string{"resident.move-out", "roster.hand-on"} {
		if e := auditFor(t, h.st, action); e.Subject != leaver.Short() {
			t.Fatalf("audit entry for %s: %+v", action, e)
		}
	}
}

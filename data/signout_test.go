package data

import (
	"errors"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// June 2025: Thursday 12, Friday 13, Saturday 14, Sunday 15. Curfews:
// weeknight (Sunday to Thursday nights) 22:00, weekend 23:59.
func TestLateAroundMidnight(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, ktLoc(t, "America/Chicago")), nil)
	r := e.resident("Siobhán", "O'Brien", "Phase 1")
	cases := []struct {
		name    string
		out, in time.Time
		late    bool
		curfew  time.Time
	}{
		{"weeknight, in before curfew", e.at(2025, 6, 12, 20, 0), e.at(2025, 6, 12, 21, 59), false, e.at(2025, 6, 12, 22, 0)},
		{"weeknight, in after curfew", e.at(2025, 6, 12, 20, 0), e.at(2025, 6, 12, 22, 1), true, e.at(2025, 6, 12, 22, 0)},
		{"Friday, in 23:30", e.at(2025, 6, 13, 21, 0), e.at(2025, 6, 13, 23, 30), false, e.at(2025, 6, 13, 23, 59)},
		{"Friday, in 00:30 Saturday", e.at(2025, 6, 13, 21, 0), e.at(2025, 6, 14, 0, 30), true, e.at(2025, 6, 13, 23, 59)},
		{"Saturday, in 23:58", e.at(2025, 6, 14, 20, 0), e.at(2025, 6, 14, 23, 58), false, e.at(2025, 6, 14, 23, 59)},
		{"Sunday is a weeknight", e.at(2025, 6, 15, 20, 0), e.at(2025, 6, 15, 22, 30), true, e.at(2025, 6, 15, 22, 0)},
		{"out 01:00 Saturday belongs to Friday night", e.at(2025, 6, 14, 1, 0), e.at(2025, 6, 14, 3, 0), true, e.at(2025, 6, 13, 23, 59)},
		{"out 04:30 is still curfew hours", e.at(2025, 6, 14, 4, 30), e.at(2025, 6, 14, 13, 0), true, e.at(2025, 6, 13, 23, 59)},
		{"out 06:00 is a new day", e.at(2025, 6, 14, 6, 0), e.at(2025, 6, 14, 14, 0), false, e.at(2025, 6, 14, 23, 59)},
		{"away two nights without a pass", e.at(2025, 6, 13, 14, 0), e.at(2025, 6, 15, 12, 0), true, e.at(2025, 6, 13, 23, 59)},
	}
	for _, c := range cases {
		got := e.outAndIn(r, c.out, c.in)
		if got.Late != c.late || got.OnTime() == c.late {
			t.Errorf("%s: late = %v, want %v", c.name, got.Late, c.late)
		}
		if !got.Curfew.Equal(c.curfew) || !got.ExpectedBack.Equal(c.curfew) {
			t.Errorf("%s: curfew %v expected back %v, want %v", c.name, got.Curfew, got.ExpectedBack, c.curfew)
		}
	}
}

func TestPhaseCurfew(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), func(h *House) {
		h.PhaseCurfews = map[string]PhaseCurfew{"Phase 3": {Weeknight: ClockTime{23, 0}, Weekend: ClockTime{1, 0}}}
	})
	p1 := e.resident("Darnell", "Brooks", "Phase 1")
	p3 := e.resident("Björn", "Åkesson", "Phase 3")
	if got := e.outAndIn(p1, e.at(2025, 6, 12, 20, 0), e.at(2025, 6, 12, 22, 30)); !got.Late {
		t.Error("phase 1 in at 22:30 on a weeknight should be late")
	}
	if got := e.outAndIn(p3, e.at(2025, 6, 12, 20, 0), e.at(2025, 6, 12, 22, 30)); got.Late {
		t.Error("phase 3 in at 22:30 on a weeknight should be on time (curfew 23:00)")
	}
	// Phase 3's weekend curfew is 01:00, after midnight: Friday night ends at 01:00 Saturday.
	if got := e.outAndIn(p3, e.at(2025, 6, 13, 21, 0), e.at(2025, 6, 14, 0, 45)); got.Late {
		t.Error("phase 3 in at 00:45 Saturday should be on time")
	}
	got := e.outAndIn(p3, e.at(2025, 6, 13, 21, 0), e.at(2025, 6, 14, 1, 15))
	if !got.Late || !got.Curfew.Equal(e.at(2025, 6, 14, 1, 0)) {
		t.Errorf("phase 3 in at 01:15 Saturday: late %v curfew %v; want late, curfew 01:00 Saturday", got.Late, got.Curfew)
	}
}

// TestCurfewAcrossDaylightSaving uses New York's 2025 changes: Sunday 9
// March (02:00 -> 03:00, a 23-hour day) and Sunday 2 November (02:00 ->
// 01:00, a 25-hour day). A curfew computed as "midnight plus so many hours"
// would be an hour off on those days.
func TestCurfewAcrossDaylightSaving(t *testing.T) {
	ny := ktLoc(t, "America/New_York")
	e := ktNew(t, time.Date(2025, time.March, 1, 12, 0, 0, 0, ny), func(h *House) {
		h.PhaseCurfews = map[string]PhaseCurfew{"Phase 3": {Weeknight: ClockTime{22, 0}, Weekend: ClockTime{2, 30}}}
	})
	r := e.resident("Zoë", "Lefèvre", "Phase 1")
	p3 := e.resident("Aoife", "Ní Bhriain", "Phase 3")
	cases := []struct {
		name    string
		who     Resident
		out, in time.Time
		late    bool
	}{
		{"spring Saturday, in 23:30", r, e.at(2025, 3, 8, 21, 0), e.at(2025, 3, 8, 23, 30), false},
		{"spring Saturday, in 00:30 Sunday", r, e.at(2025, 3, 8, 21, 0), e.at(2025, 3, 9, 0, 30), true},
		{"spring Sunday 23-hour day, in 21:59", r, e.at(2025, 3, 9, 20, 0), e.at(2025, 3, 9, 21, 59), false},
		{"spring Sunday 23-hour day, in 22:01", r, e.at(2025, 3, 9, 20, 0), e.at(2025, 3, 9, 22, 1), true},
		{"spring, out 04:30 EDT is Saturday night", r, e.at(2025, 3, 9, 4, 30), e.at(2025, 3, 9, 9, 0), true},
		{"spring, out 05:30 EDT is a new day", r, e.at(2025, 3, 9, 5, 30), e.at(2025, 3, 9, 12, 0), false},
		{"fall Saturday, in 23:30 EDT", r, e.at(2025, 11, 1, 21, 0), e.at(2025, 11, 1, 23, 30), false},
		{"fall Saturday, in 00:30 Sunday", r, e.at(2025, 11, 1, 21, 0), e.at(2025, 11, 2, 0, 30), true},
		{"fall Sunday 25-hour day, in 21:59 EST", r, e.at(2025, 11, 2, 20, 0), e.at(2025, 11, 2, 21, 59), false},
		{"fall Sunday 25-hour day, in 22:01 EST", r, e.at(2025, 11, 2, 20, 0), e.at(2025, 11, 2, 22, 1), true},
		// 02:30 curfew on the night the clocks go back: 02:20 EST is on
		// time, though a curfew counted as 2.5 hours after midnight would
		// fall at 01:30 EST and make it late...
		{"fall, curfew 02:30, in 02:20 EST", p3, e.at(2025, 11, 1, 21, 0), e.at(2025, 11, 2, 2, 20), false},
		{"fall, curfew 02:30, in 02:40 EST", p3, e.at(2025, 11, 1, 21, 0), e.at(2025, 11, 2, 2, 40), true},
		// ...and the window ends at 05:00 EST, not 05:00 EDT.
		{"fall, out 04:30 EST is Saturday night", r, e.at(2025, 11, 2, 4, 30), e.at(2025, 11, 2, 9, 0), true},
		{"fall, out 05:10 EST is a new day", r, e.at(2025, 11, 2, 5, 10), e.at(2025, 11, 2, 9, 0), false},
	}
	for _, c := range cases {
		got := e.outAndIn(c.who, c.out, c.in)
		if got.Late != c.late {
			t.Errorf("%s: late = %v, want %v (curfew %v)", c.name, got.Late, c.late, got.Curfew)
		}
	}
	h, _ := e.st.House()
	if got, want := h.CurfewAt("Phase 1", NewDate(2025, 11, 2), ny), time.Date(2025, 11, 2, 22, 0, 0, 0, ny); !got.Equal(want) {
		t.Errorf("curfew on 2 Nov = %v, want %v", got, want)
	}
	if got := h.CurfewAt("Phase 1", NewDate(2025, 3, 9), ny); got.Hour() != 22 || got.Sub(time.Date(2025, 3, 9, 0, 0, 0, 0, ny)) != 21*time.Hour {
		t.Errorf("curfew on 9 Mar = %v, want 22:00 EDT (21 h after midnight)", got)
	}
}

func TestOutNowPastCurfewAcrossDaylightSaving(t *testing.T) {
	ny := ktLoc(t, "America/New_York")
	e := ktNew(t, time.Date(2025, time.November, 2, 20, 0, 0, 0, ny), nil)
	r := e.resident("Olena", "Kovalenko", "Phase 1")
	if _, err := e.st.SignOut(KioskActor(r), r.ID, DestFamily, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   time.Time
		past bool
	}{{e.at(2025, 11, 2, 21, 30), false}, {e.at(2025, 11, 2, 22, 30), true}, {e.at(2025, 11, 3, 9, 0), true}} {
		e.clk.set(c.at)
		out, err := e.st.OutNow()
		if err != nil || len(out) != 1 {
			t.Fatalf("out now = %+v, %v", out, err)
		}
		if out[0].PastCurfew != c.past {
			t.Errorf("at %v: past curfew = %v, want %v", c.at, out[0].PastCurfew, c.past)
		}
	}
}

func TestOvernightPass(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Jamal", "Washington", "Phase 3")
	other := e.resident("Γιώργος", "Παπαδόπουλος", "Phase 1")
	if _, err := e.st.AddPass(KioskActor(r), r.ID, e.at(2025, 6, 13, 18, 0), e.at(2025, 6, 15, 12, 0), "Mum's", "me"); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("a resident adding a pass: %v, want ErrManagerOnly", err)
	}
	_, err := e.st.AddPass(e.mgr, r.ID, e.at(2025, 6, 13, 18, 0), e.at(2025, 6, 15, 12, 0), "Mother's house", "")
	if err != nil {
		t.Fatal(err)
	}
	// Out past curfew, on the dashboard, at 02:00 Saturday.
	for _, who := range []Resident{r, other} {
		e.clk.set(e.at(2025, 6, 13, 17, 0))
		if _, err := e.st.SignOut(e.mgr, who.ID, DestFamily, "", time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	e.clk.set(e.at(2025, 6, 14, 2, 0))
	out, err := e.st.OutNow()
	if err != nil || len(out) != 2 {
		t.Fatalf("out now = %+v, %v", out, err)
	}
	for _, o := range out {
		if onPass := o.ResidentID == r.ID; o.PastCurfew == onPass || o.OnPass != onPass {
			t.Errorf("%s: past curfew %v, on pass %v", o.Name, o.PastCurfew, o.OnPass)
		}
	}
	// Back Sunday 13:00: the pass ended at noon, but noon is not curfew hours.
	e.clk.set(e.at(2025, 6, 15, 13, 0))
	if got, err := e.st.SignIn(e.mgr, r.ID); err != nil || got.Late {
		t.Errorf("sign-in after a two-night pass: late %v, %v", got.Late, err)
	}
	if got, err := e.st.SignIn(e.mgr, other.ID); err != nil || !got.Late {
		t.Errorf("sign-in without a pass: late %v, %v", got.Late, err)
	}
	// A pass that covers only part of the night does not excuse the rest.
	if _, err := e.st.AddPass(e.mgr, other.ID, e.at(2025, 6, 20, 23, 0), e.at(2025, 6, 21, 2, 0), "Concert", "Morgan Lee"); err != nil {
		t.Fatal(err)
	}
	if got := e.outAndIn(other, e.at(2025, 6, 20, 21, 0), e.at(2025, 6, 21, 1, 30)); got.Late {
		t.Error("in at 01:30 inside the pass should be on time")
	}
	if got := e.outAndIn(other, e.at(2025, 6, 20, 21, 0), e.at(2025, 6, 21, 3, 0)); !got.Late {
		t.Error("in at 03:00 after a pass ending 02:00 should be late")
	}
}

func TestPassValidation(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Thanh", "Nguyễn", "Phase 1")
	from := e.at(2025, 6, 13, 18, 0)
	_, err := e.st.AddPass(e.mgr, r.ID, from, from.Add(-time.Hour), "", "")
	ktFieldErr(t, err, FieldPassTo)
	ktFieldErr(t, err, FieldPassWhere)
	_, err = e.st.AddPass(e.mgr, r.ID, from, from.Add(40*24*time.Hour), "Away", "")
	ktFieldErr(t, err, FieldPassTo)
	p, err := e.st.AddPass(e.mgr, r.ID, from, from.Add(24*time.Hour), "Away", "")
	if err != nil || p.ApprovedBy != "Morgan Lee" {
		t.Fatalf("pass = %+v, %v; want approved by the manager", p, err)
	}
	if ps, err := e.st.Passes(r.ID, NewDate(2025, 6, 14), NewDate(2025, 6, 14)); err != nil || len(ps) != 1 {
		t.Fatalf("passes = %+v, %v", ps, err)
	}
	if err := e.st.CancelPass(e.mgr, r.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if ps, _ := e.st.Passes(r.ID, NewDate(2025, 6, 1), NewDate(2025, 6, 30)); len(ps) != 0 {
		t.Fatalf("cancelled pass still listed: %+v", ps)
	}
}

func TestSignOutValidation(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Aoife", "Ní Bhriain", "Phase 1")
	other := e.resident("Pepe", "Peña", "Phase 1")
	me := KioskActor(r)
	_, err := e.st.SignOut(me, r.ID, "space", "", time.Time{})
	ktFieldErr(t, err, FieldDestination)
	_, err = e.st.SignOut(me, r.ID, DestOther, "  ", time.Time{})
	ktFieldErr(t, err, FieldWhere)
	_, err = e.st.SignOut(me, r.ID, DestOther, strings.Repeat("x", maxWhere+1), time.Time{})
	ktFieldErr(t, err, FieldWhere)
	_, err = e.st.SignOut(me, r.ID, DestWork, "", e.clk.now().Add(-time.Minute))
	ktFieldErr(t, err, FieldExpectedBack)
	if _, err := e.st.SignOut(me, other.ID, DestWork, "", time.Time{}); !errors.Is(err, ErrNotYours) {
		t.Errorf("signing out someone else at the kiosk: %v, want ErrNotYours", err)
	}
	if _, err := e.st.SignIn(me, r.ID); !errors.Is(err, ErrNotOut) {
		t.Errorf("sign in while in: %v, want ErrNotOut", err)
	}
	got, err := e.st.SignOut(me, r.ID, DestOther, "  Library   downtown ", e.at(2025, 6, 12, 17, 0))
	if err != nil || got.Where != "Library downtown" || !got.ExpectedBack.Equal(e.at(2025, 6, 12, 17, 0)) {
		t.Fatalf("sign out = %+v, %v", got, err)
	}
	if _, err := e.st.SignOut(me, r.ID, DestWork, "", time.Time{}); !errors.Is(err, ErrAlreadyOut) {
		t.Errorf("sign out twice: %v, want ErrAlreadyOut", err)
	}
	if got := e.audits("kiosk.sign-out"); len(got) != 1 || got[0].Subject != "Aoife N." || got[0].By.Kind != ActorResident {
		t.Errorf("sign-out audit = %+v", got)
	}
}

func TestCorrectionKeepsOriginal(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Majo", "Núñez", "Phase 1")
	orig := e.outAndIn(r, e.at(2025, 6, 12, 19, 0), e.at(2025, 6, 12, 22, 40))
	if !orig.Late {
		t.Fatal("setup: the original should be late")
	}
	e.clk.set(e.at(2025, 6, 13, 9, 0))
	if _, err := e.st.CorrectEntry(KioskActor(r), orig.ID, orig.Out, e.at(2025, 6, 12, 21, 50), "x"); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("a resident correcting: %v, want ErrManagerOnly", err)
	}
	_, err := e.st.CorrectEntry(e.mgr, orig.ID, orig.Out, e.at(2025, 6, 12, 21, 50), " ")
	ktFieldErr(t, err, FieldReason)
	_, err = e.st.CorrectEntry(e.mgr, orig.ID, orig.Out, e.at(2025, 6, 13, 10, 0), "typo")
	ktFieldErr(t, err, FieldSignedIn)

	reason := "was at the door at 21:50; tablet was frozen"
	fixed, err := e.st.CorrectEntry(e.mgr, orig.ID, orig.Out, e.at(2025, 6, 12, 21, 50), reason)
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Late || fixed.Corrects != orig.ID || fixed.Reason != reason || fixed.ID == orig.ID {
		t.Errorf("correction = %+v", fixed)
	}
	versions, err := e.st.SignEntryVersions(fixed.ID)
	if err != nil || len(versions) != 2 {
		t.Fatalf("versions = %+v, %v", versions, err)
	}
	kept := versions[0]
	if kept.ID != orig.ID || !kept.In.Equal(orig.In) || !kept.Late || kept.SupersededBy != fixed.ID {
		t.Errorf("original not kept as it was: %+v", kept)
	}
	if again, _ := e.st.SignEntryVersions(orig.ID); len(again) != 2 {
		t.Errorf("versions from the original's ID = %d, want 2", len(again))
	}
	log, err := e.st.SignLog(NewDate(2025, 6, 12), NewDate(2025, 6, 12), "")
	if err != nil || len(log) != 1 || log[0].ID != fixed.ID {
		t.Errorf("log shows %+v, %v; want only the corrected version", log, err)
	}
	if _, err := e.st.CorrectEntry(e.mgr, orig.ID, orig.Out, orig.In, "again"); err == nil {
		t.Error("correcting a superseded version should fail")
	}
	audits := e.audits("signlog.correct")
	if len(audits) != 1 || audits[0].By.ID != e.mgrID || !strings.Contains(audits[0].Subject, reason) ||
		!strings.HasPrefix(audits[0].Subject, "Majo N.") {
		t.Errorf("correction audit = %+v", audits)
	}
}

func TestAddMissedEntry(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 14, 9, 0, 0, 0, time.UTC), nil)
	r := e.resident("Paweł", "Kowalczyk", "Phase 2")
	got, err := e.st.AddMissedEntry(e.mgr, r.ID, DestFamily, "", e.at(2025, 6, 13, 19, 0), e.at(2025, 6, 14, 0, 20), "forgot to sign out")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Missed || !got.Late || got.Reason != "forgot to sign out" {
		t.Errorf("missed entry = %+v; want missed, late (Friday curfew 23:59)", got)
	}
	if _, err := e.st.AddMissedEntry(e.mgr, r.ID, DestWork, "", e.at(2025, 6, 14, 7, 0), time.Time{}, "left before the kiosk was on"); err != nil {
		t.Fatal(err)
	}
	if out, _ := e.st.IsOut(r.ID); !out {
		t.Error("a missed entry with no sign-in should leave the resident out")
	}
	_, err = e.st.AddMissedEntry(e.mgr, r.ID, DestWork, "", e.at(2025, 6, 14, 8, 0), time.Time{}, "again")
	if !errors.Is(err, ErrAlreadyOut) {
		t.Errorf("second open entry: %v, want ErrAlreadyOut", err)
	}
	a := e.audits("signlog.add-missed")
	if len(a) != 2 || !strings.Contains(a[0].Subject+a[1].Subject, "Paweł K.: forgot to sign out") {
		t.Errorf("missed-entry audits = %+v", a)
	}
}

// TestOutNowIndexConsistency drives random sign-outs, sign-ins and
// corrections and checks the out-now index against a model after each.
func TestOutNowIndexConsistency(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 2, 6, 0, 0, 0, time.UTC), nil)
	var rs []Resident
	for _, n := range []string{"Ana", "Ben", "Cleo", "Dev", "Eli"} {
		rs = append(rs, e.resident(n, "Test", "Phase 1"))
	}
	rng := rand.New(rand.NewSource(7))
	model := map[string]string{} // resident ID -> open entry ID
	for step := 0; step < 200; step++ {
		e.clk.add(time.Duration(1+rng.Intn(90)) * time.Minute)
		r := rs[rng.Intn(len(rs))]
		ktRandomStep(t, e, rng, r, model)
		ktCheckOutNow(t, e, model)
	}
}

func ktRandomStep(t *testing.T, e *ktEnv, rng *rand.Rand, r Resident, model map[string]string) {
	t.Helper()
	open, isOut := model[r.ID]
	switch {
	case isOut && rng.Intn(5) == 0: // a manager fixes the open entry's sign-out time
		got, err := e.st.CorrectEntry(e.mgr, open, e.clk.now().Add(-time.Minute), time.Time{}, "wrong time")
		if err != nil {
			t.Fatal(err)
		}
		model[r.ID] = got.ID
	case isOut:
		if _, err := e.st.SignIn(KioskActor(r), r.ID); err != nil {
			t.Fatal(err)
		}
		delete(model, r.ID)
	default:
		got, err := e.st.SignOut(KioskActor(r), r.ID, DestErrand, "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		model[r.ID] = got.ID
	}
}

func ktCheckOutNow(t *testing.T, e *ktEnv, model map[string]string) {
	t.Helper()
	out, err := e.st.OutNow()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range out {
		got[o.ResidentID] = o.EntryID
	}
	raw := map[string]string{}
	err = e.st.read(func(txn *badger.Txn) error {
		return scanKeyJSON(txn, pfxOutNow, func(k string, id string) error {
			raw[strings.TrimPrefix(k, pfxOutNow)] = id
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !ktSameMap(got, model) || !ktSameMap(raw, model) {
		t.Fatalf("out now = %v, index = %v, want %v", got, raw, model)
	}
	for id, entry := range model {
		se, err := e.st.SignEntry(entry)
		if err != nil || !se.IsOut() || !se.Current() || se.ResidentID != id {
			t.Fatalf("open entry %s = %+v, %v", entry, se, err)
		}
	}
}

func ktSameMap(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSignLogWindow(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 1, 8, 0, 0, 0, ktLoc(t, "America/New_York")), nil)
	a := e.resident("Ana", "Alpha", "Phase 1")
	b := e.resident("Ben", "Beta", "Phase 1")
	for d := 1; d <= 20; d++ {
		e.outAndIn(a, e.at(2025, 6, d, 9, 0), e.at(2025, 6, d, 10, 0))
		e.outAndIn(b, e.at(2025, 6, d, 23, 30), e.at(2025, 6, d, 23, 45))
	}
	week, err := e.st.SignLog(NewDate(2025, 6, 9), NewDate(2025, 6, 15), "")
	if err != nil || len(week) != 14 {
		t.Fatalf("week log has %d entries, %v; want 14", len(week), err)
	}
	if !sort.SliceIsSorted(week, func(i, j int) bool { return week[i].Out.Before(week[j].Out) }) {
		t.Error("log is not in time order")
	}
	mine, err := e.st.SignLog(NewDate(2025, 6, 9), NewDate(2025, 6, 15), b.ID)
	if err != nil || len(mine) != 7 {
		t.Fatalf("one resident's week has %d entries, %v; want 7", len(mine), err)
	}
	for _, x := range mine {
		if x.ResidentID != b.ID {
			t.Fatalf("another resident's entry in the filtered log: %+v", x)
		}
	}
	if day, _ := e.st.SignLog(NewDate(2025, 6, 15), NewDate(2025, 6, 15), ""); len(day) != 2 {
		t.Errorf("one day's log has %d entries, want 2", len(day))
	}
}

package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

func TestValidatePIN(t *testing.T) {
	for _, pin := range []string{"2580", "0110", "73915", "204862", "1357"} {
		if err := ValidatePIN(pin); err != nil {
			t.Errorf("ValidatePIN(%q) = %v, want ok", pin, err)
		}
	}
	for _, pin := range []string{"", "123", "1234567", "12a4", "１２３４", " 2580", "0000", "111111", "1234", "123456", "9876", "7890", "3210"} {
		if err := ValidatePIN(pin); err == nil {
			t.Errorf("ValidatePIN(%q) accepted", pin)
		}
	}
}

func TestSetAndCheckPIN(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Thanh", "Nguyễn", "Phase 1")
	other := e.resident("Jamal", "Washington", "Phase 1")
	if err := e.st.CheckPIN(r.ID, "2580"); !errors.Is(err, ErrNoPIN) {
		t.Fatalf("check without a PIN: %v, want ErrNoPIN", err)
	}
	if err := e.st.SetPIN(KioskActor(r), r.ID, "2580"); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("a resident setting a PIN: %v, want ErrManagerOnly", err)
	}
	ktFieldErr(t, e.st.SetPIN(e.mgr, r.ID, "25a0"), FieldPIN)
	ktFieldErr(t, e.st.SetPIN(e.mgr, r.ID, "258"), FieldPIN)
	if has, _ := e.st.HasPIN(r.ID); has {
		t.Fatal("a refused PIN was stored")
	}
	if err := e.st.SetPIN(e.mgr, r.ID, "2580"); err != nil {
		t.Fatal(err)
	}
	if has, err := e.st.HasPIN(r.ID); !has || err != nil {
		t.Fatalf("HasPIN = %v, %v", has, err)
	}
	if has, _ := e.st.HasPIN(other.ID); has {
		t.Fatal("HasPIN for a resident without one")
	}
	if err := e.st.CheckPIN(r.ID, "2580"); err != nil {
		t.Fatalf("right PIN: %v", err)
	}
	var wrong *WrongPINError
	if err := e.st.CheckPIN(r.ID, "2581"); !errors.As(err, &wrong) || wrong.TriesLeft != 4 || !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("wrong PIN: %v, want 4 tries left", err)
	}
	if err := e.st.CheckPIN(r.ID, "2580"); err != nil {
		t.Fatalf("right PIN after a wrong one: %v", err)
	}
	if st, _ := e.st.PINStatus(r.ID); st.Failures != 0 {
		t.Errorf("a right PIN should reset the count, have %d", st.Failures)
	}
}

// TestPINLockout: five wrong PINs lock for 5 minutes, the next lockout
// lasts 10, then 20; the counters survive a restart; a right PIN resets
// the doubling; a manager can clear a lockout.
func TestPINLockout(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Siobhán", "O'Brien", "Phase 1")
	if err := e.st.SetPIN(e.mgr, r.ID, "4826"); err != nil {
		t.Fatal(err)
	}
	for i, want := range []time.Duration{5 * time.Minute, 10 * time.Minute, 20 * time.Minute} {
		until := ktLockOut(t, e, r, i == 1)
		if got := until.Sub(e.clk.now()); got != want {
			t.Fatalf("lockout %d lasts %v, want %v", i+1, got, want)
		}
		e.clk.add(want - time.Second)
		if err := e.st.CheckPIN(r.ID, "4826"); !errors.Is(err, ErrPINLocked) {
			t.Fatalf("right PIN while locked: %v, want ErrPINLocked", err)
		}
		e.clk.add(time.Second)
	}
	if err := e.st.CheckPIN(r.ID, "4826"); err != nil {
		t.Fatalf("right PIN after the lockout: %v", err)
	}
	if until := ktLockOut(t, e, r, false); until.Sub(e.clk.now()) != 5*time.Minute {
		t.Fatalf("after a right PIN the next lockout should be 5 minutes again, is %v", until.Sub(e.clk.now()))
	}
	if err := e.st.ClearLockout(KioskActor(r), r.ID); !errors.Is(err, ErrManagerOnly) {
		t.Fatalf("a resident clearing a lockout: %v", err)
	}
	if err := e.st.ClearLockout(e.mgr, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.st.CheckPIN(r.ID, "4826"); err != nil {
		t.Fatalf("right PIN after a manager cleared the lockout: %v", err)
	}
	failed := e.audits("kiosk.pin-failed")
	if len(failed) != 4*PINMaxTries {
		t.Errorf("%d wrong PINs audited, want %d", len(failed), 4*PINMaxTries)
	}
	for _, a := range failed {
		if a.Subject != "Siobhán O." || strings.Contains(a.Subject, "0000") {
			t.Fatalf("wrong-PIN audit = %+v", a)
		}
	}
	if n := len(e.audits("kiosk.pin-locked")); n != 4 {
		t.Errorf("%d lockouts audited, want 4", n)
	}
}

// ktLockOut types wrong PINs until the pad locks and returns when it
// unlocks. With restart set it reopens the store half way.
func ktLockOut(t *testing.T, e *ktEnv, r Resident, restart bool) time.Time {
	t.Helper()
	for i := 1; i <= PINMaxTries; i++ {
		if restart && i == 3 {
			e.reopen()
		}
		err := e.st.CheckPIN(r.ID, "0000")
		var locked *PINLockedError
		switch {
		case i < PINMaxTries && !errors.Is(err, ErrWrongPIN):
			t.Fatalf("wrong PIN %d: %v, want ErrWrongPIN", i, err)
		case i == PINMaxTries && errors.As(err, &locked):
			if tile := ktTile(t, e, r.ID); !tile.LockedUntil.Equal(locked.Until) {
				t.Fatalf("tile locked until %v, error says %v", tile.LockedUntil, locked.Until)
			}
			return locked.Until
		case i == PINMaxTries:
			t.Fatalf("wrong PIN %d: %v, want *PINLockedError", i, err)
		}
	}
	return time.Time{}
}

func ktTile(t *testing.T, e *ktEnv, id string) KioskTile {
	t.Helper()
	tiles, err := e.st.KioskTiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, tile := range tiles {
		if tile.ResidentID == id {
			return tile
		}
	}
	t.Fatalf("no tile for %s", id)
	return KioskTile{}
}

// TestPINNotStoredInPlainText reads the raw PIN records: no field holds the
// PIN, the same PIN gives different records for two residents and on a
// reset, and neither the audit log nor the record mentions it.
func TestPINNotStoredInPlainText(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	a := e.resident("Björn", "Åkesson", "Phase 3")
	b := e.resident("Zoë", "Lefèvre", "Phase 2")
	const pin = "739154"
	for _, r := range []Resident{a, b} {
		if err := e.st.SetPIN(e.mgr, r.ID, pin); err != nil {
			t.Fatal(err)
		}
	}
	recA, rawA := ktRawPIN(t, e, a.ID)
	recB, _ := ktRawPIN(t, e, b.ID)
	ktNoPINInJSON(t, rawA, pin)
	if len(recA.MAC) != 32 || bytes.Equal(recA.MAC, recB.MAC) || bytes.Equal(recA.Salt, recB.Salt) {
		t.Errorf("two residents with one PIN share a record: %x / %x", recA.MAC, recB.MAC)
	}
	if err := e.st.SetPIN(e.mgr, a.ID, pin); err != nil {
		t.Fatal(err)
	}
	if again, _ := ktRawPIN(t, e, a.ID); bytes.Equal(again.MAC, recA.MAC) {
		t.Error("resetting the same PIN should give a new salt and MAC")
	}
	all, _ := e.st.Audit(time.Time{}, 1000)
	for _, x := range all {
		if strings.Contains(x.Subject, pin) || strings.Contains(x.Action, pin) {
			t.Errorf("audit entry mentions the PIN: %+v", x)
		}
	}
}

func ktRawPIN(t *testing.T, e *ktEnv, id string) (pinRecord, []byte) {
	t.Helper()
	var raw []byte
	err := e.st.read(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(pfxPIN + id))
		if err != nil {
			return err
		}
		raw, err = item.ValueCopy(nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var rec pinRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatal(err)
	}
	return rec, raw
}

// ktNoPINInJSON fails if any value in the record equals or contains the
// PIN, or any byte field decodes to it.
func ktNoPINInJSON(t *testing.T, raw []byte, pin string) {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		s, ok := v.(string)
		if !ok {
			continue
		}
		if strings.Contains(s, pin) {
			t.Errorf("field %q holds the PIN: %q", k, s)
		}
		var b []byte
		if json.Unmarshal([]byte(`"`+s+`"`), &b) == nil && bytes.Contains(b, []byte(pin)) {
			t.Errorf("field %q holds the PIN in its bytes", k)
		}
	}
}

func TestChangePIN(t *testing.T) {
	e := ktNew(t, time.Date(2025, time.June, 12, 12, 0, 0, 0, time.UTC), nil)
	r := e.resident("Darnell", "Brooks", "Phase 1")
	other := e.resident("Pepe", "Peña", "Phase 1")
	me := KioskActor(r)
	if err := e.st.SetPIN(e.mgr, r.ID, "4826"); err != nil {
		t.Fatal(err)
	}
	if err := e.st.ChangePIN(KioskActor(other), r.ID, "4826", "5937", "5937"); !errors.Is(err, ErrNotYours) {
		t.Fatalf("changing someone else's PIN: %v", err)
	}
	ktFieldErr(t, e.st.ChangePIN(me, r.ID, "4826", "5937", "5938"), FieldPINAgain)
	ktFieldErr(t, e.st.ChangePIN(me, r.ID, "4826", "1111", "1111"), FieldNewPIN)
	ktFieldErr(t, e.st.ChangePIN(me, r.ID, "4826", "4826", "4826"), FieldNewPIN)
	if err := e.st.ChangePIN(me, r.ID, "0001", "5937", "5937"); !errors.Is(err, ErrWrongPIN) {
		t.Fatalf("wrong current PIN: %v, want ErrWrongPIN", err)
	}
	if err := e.st.ChangePIN(me, r.ID, "4826", "5937", "5937"); err != nil {
		t.Fatal(err)
	}
	if err := e.st.CheckPIN(r.ID, "4826"); !errors.Is(err, ErrWrongPIN) {
		t.Errorf("old PIN still works: %v", err)
	}
	if err := e.st.CheckPIN(r.ID, "5937"); err != nil {
		t.Errorf("new PIN: %v", err)
	}
	if a := e.audits("kiosk.pin-change"); len(a) != 1 || a[0].By.Kind != ActorResident {
		t.Errorf("PIN change audit = %+v", a)
	}
}

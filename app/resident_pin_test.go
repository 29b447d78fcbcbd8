package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"porchlight/data"
)

// openPINCard opens resident i's record as a manager and returns its PIN card.
func (fx *kioskFixture) openPINCard(t *testing.T, i int) *residentPINCard {
	t.Helper()
	ms, _ := fx.u.store.Managers()
	fx.u.manager = ms[0]
	fx.u.showShell()
	fx.u.setContent(fx.u.residentsView())
	fx.u.screens.residentPIN = nil
	fx.u.screens.residents.openForm(fx.rs[i])
	c := fx.u.screens.residentPIN
	if c == nil {
		t.Fatal("no PIN card on the resident's record")
	}
	return c
}

func TestPINCardSetTypedTwiceWithErrorsAtTheField(t *testing.T) {
	fx := newKioskFixture(t)
	c := fx.openPINCard(t, 2) // Paweł has no PIN
	if !strings.Contains(c.status.Text, "No PIN yet") || c.save.Text != "Set PIN" {
		t.Fatalf("status = %q, button %q", c.status.Text, c.save.Text)
	}
	test.Type(c.pin, "4826")
	test.Type(c.again, "4827")
	test.Tap(c.save)
	if !strings.Contains(c.errorFor(fieldPINRepeat), "do not match") {
		t.Fatalf("mismatch: %q", c.errorFor(fieldPINRepeat))
	}
	c.pin.SetText("1111")
	c.again.SetText("1111")
	test.Tap(c.save)
	if !strings.Contains(c.errorFor(data.FieldPIN), "too easy") {
		t.Fatalf("easy PIN: %q", c.errorFor(data.FieldPIN))
	}
	c.pin.SetText("48a6")
	c.again.SetText("48a6")
	test.Tap(c.save)
	if !strings.Contains(c.errorFor(data.FieldPIN), "digits only") {
		t.Fatalf("letters: %q", c.errorFor(data.FieldPIN))
	}
	if ok, _ := fx.u.store.HasPIN(fx.rs[2].ID); ok {
		t.Fatal("a bad PIN was saved")
	}
	c.pin.SetText("4826")
	c.again.SetText("4826")
	test.Tap(c.save)
	if c.hasErrors() || !c.done.Visible() || !strings.Contains(c.status.Text, "PIN set") || c.pin.Text != "" {
		t.Fatalf("after a good PIN: status %q, errors %v", c.status.Text, c.hasErrors())
	}
	if err := fx.u.store.CheckPIN(fx.rs[2].ID, "4826"); err != nil {
		t.Fatalf("the PIN set by the manager does not work: %v", err)
	}
}

func TestPINCardShowsLockAndClearsIt(t *testing.T) {
	fx := newKioskFixture(t)
	id := fx.rs[0].ID
	for i := 0; i < data.PINMaxTries; i++ {
		_ = fx.u.store.CheckPIN(id, "9731")
	}
	c := fx.openPINCard(t, 0)
	if !strings.Contains(c.status.Text, "Locked until 14:05") || !c.unlock.Visible() {
		t.Fatalf("locked: status %q, Clear lockout shown %v", c.status.Text, c.unlock.Visible())
	}
	test.Tap(c.unlock)
	if strings.Contains(c.status.Text, "Locked") || c.unlock.Visible() {
		t.Fatalf("after Clear lockout: %q", c.status.Text)
	}
	if err := fx.u.store.CheckPIN(id, kioskPINs[0]); err != nil {
		t.Fatalf("PIN after Clear lockout: %v", err)
	}
}

func TestPINCardOnlyForSavedActiveResidents(t *testing.T) {
	fx := newKioskFixture(t)
	ms, _ := fx.u.store.Managers()
	fx.u.manager = ms[0]
	fx.u.residentsView()
	fx.u.screens.residents.openForm(data.Resident{})
	if fx.u.screens.residentPIN != nil {
		t.Fatal("a new resident's form has a PIN card")
	}
}

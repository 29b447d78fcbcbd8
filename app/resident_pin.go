package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// fieldPINRepeat is the manager form's second PIN field.
const fieldPINRepeat = "PIN again"

// residentPINCard is the kiosk PIN part of a saved resident's record: is
// a PIN set, is the pad locked after wrong PINs; set or reset the PIN
// (typed twice) and clear a lockout. The PIN itself is never shown.
type residentPINCard struct {
	*form
	u      *UI
	r      data.Resident
	status *widget.Label
	done   *widget.Label
	pin    *widget.Entry
	again  *widget.Entry
	save   *widget.Button
	unlock *widget.Button
}

// pinCard is the PIN card for a saved, active resident; nothing otherwise.
func (f *residentForm) pinCard() fyne.CanvasObject {
	if f.r.ID == "" || !f.r.Active() {
		return container.NewVBox()
	}
	c := &residentPINCard{form: newForm(), u: f.u, r: f.r}
	f.u.screens.residentPIN = c
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.done = widget.NewLabel("")
	c.done.Importance = widget.SuccessImportance
	c.done.Hide()
	c.pin = newPassword("4 to 6 digits")
	c.again = newPassword("The same digits again")
	c.add(data.FieldPIN, c.pin)
	c.add(fieldPINRepeat, c.again)
	submitOnEnter(c.submit, c.pin, c.again)
	c.save = widget.NewButtonWithIcon("Set PIN", theme.ConfirmIcon(), c.submit)
	c.unlock = widget.NewButtonWithIcon("Clear lockout", theme.ViewRefreshIcon(), c.clearLockout)
	c.unlock.Importance = widget.WarningImportance
	c.refresh()
	hint := widget.NewLabel("The resident types this PIN at the kiosk. Porchlight keeps only a keyed hash of it, never the PIN; the resident can change it at the kiosk.")
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(c.status, hint, c.Form, c.general, c.done, container.NewHBox(c.save, c.unlock))
	return widget.NewCard("Kiosk PIN", "", body)
}

// refresh shows whether a PIN is set and whether it is locked.
func (c *residentPINCard) refresh() {
	st, err := c.u.store.PINStatus(c.r.ID)
	c.status.Importance = widget.MediumImportance
	c.unlock.Hide()
	switch {
	case err != nil:
		c.status.SetText("The PIN could not be read: " + err.Error())
		c.status.Importance = widget.DangerImportance
	case !st.Set:
		c.status.SetText(fmt.Sprintf("No PIN yet: %s cannot use the kiosk until you set one.", c.r.FirstName()))
		c.status.Importance = widget.WarningImportance
		c.save.SetText("Set PIN")
	case !st.LockedUntil.IsZero():
		c.status.SetText(fmt.Sprintf("Locked until %s after too many wrong PINs. PIN set %s.",
			whenText(st.LockedUntil, c.u.store.Now()), data.DateOf(st.SetAt).Pretty()))
		c.status.Importance = widget.DangerImportance
		c.unlock.Show()
		c.save.SetText("Reset PIN")
	default:
		text := fmt.Sprintf("PIN set %s.", data.DateOf(st.SetAt).Pretty())
		if st.Failures > 0 {
			text += fmt.Sprintf(" %d wrong PIN(s) in a row since the last right one.", st.Failures)
			c.unlock.Show()
		}
		c.status.SetText(text)
		c.save.SetText("Reset PIN")
	}
	c.status.Refresh()
}

// submit sets the PIN when both fields agree.
func (c *residentPINCard) submit() {
	c.done.Hide()
	var err error
	switch {
	case c.pin.Text == "":
		err = data.ValidationError{{Field: data.FieldPIN, Msg: "type the new PIN"}}
	case c.again.Text != c.pin.Text:
		err = data.ValidationError{{Field: fieldPINRepeat, Msg: "the two PINs do not match"}}
	default:
		err = c.u.store.SetPIN(c.u.actor(), c.r.ID, c.pin.Text)
	}
	if c.show(err) {
		c.again.SetText("")
		return
	}
	c.pin.SetText("")
	c.again.SetText("")
	c.done.SetText(fmt.Sprintf("PIN saved. Tell %s their new PIN in person.", c.r.FirstName()))
	c.done.Show()
	c.refresh()
}

// clearLockout unlocks the resident's PIN pad and forgets the wrong tries.
func (c *residentPINCard) clearLockout() {
	c.done.Hide()
	if c.show(c.u.store.ClearLockout(c.u.actor(), c.r.ID)) {
		return
	}
	c.done.SetText("Lockout cleared: the kiosk takes their PIN again.")
	c.done.Show()
	c.refresh()
}

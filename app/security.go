package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// securitySettings is Settings → Security: a new recovery key when the
// printed one is lost or may have been seen.
func (u *UI) securitySettings() fyne.CanvasObject {
	about := widget.NewLabel("The recovery key opens the house's records when every manager passcode is lost. " +
		"If the printed key is lost, or someone may have seen it, issue a new one: the old key stops working at once, " +
		"and the new one is shown once, to print.")
	about.Wrapping = fyne.TextWrapWord
	issue := widget.NewButtonWithIcon("Issue a new recovery key…", theme.ViewRefreshIcon(), u.newRecoveryKey)
	return container.NewVBox(about, container.NewHBox(issue))
}

// newRecoveryKey asks, replaces the recovery key's slot and shows the new
// key once.
func (u *UI) newRecoveryKey() {
	msg := "The recovery key printed at setup (or last time) will stop working. You will see the new key once, to print and store safely."
	u.confirmAction("Issue a new recovery key", msg, "Issue a new key", func() {
		key, err := u.store.NewRecoveryKey(u.actor())
		if err != nil {
			u.showProblem("No new recovery key", err)
			return
		}
		house := "Porchlight"
		if h, err := u.store.House(); err == nil {
			house = h.Name
		}
		u.showRecoveryKeyThen(house, key, u.showShell)
	})
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// accountabilityCard is the resident record's phase and advancement, with
// the way to their incidents and test log (managers only; the record is
// never reachable from the kiosk).
func (f *residentForm) accountabilityCard() fyne.CanvasObject {
	if f.r.ID == "" {
		return container.NewVBox()
	}
	p := f.u.newAdvancementPanel(f.r.ID, f.phaseMoved)
	incidents := widget.NewButtonWithIcon("Incidents…", theme.WarningIcon(), func() { f.u.showResidentIncidents(f.r) })
	tests := widget.NewButtonWithIcon("Test log…", theme.DocumentIcon(), func() { f.u.showTestLog(f.r) })
	note := widget.NewLabel("Incidents and tests are for managers only. Opening the test log is written to the audit log.")
	note.Wrapping = fyne.TextWrapWord
	private := widget.NewCard("Incidents and tests", "", container.NewVBox(note, container.NewHBox(incidents, tests)))
	return container.NewVBox(p.box, private)
}

// phaseMoved shows the new phase in the form's phase field, keeping any
// typing not yet saved.
func (f *residentForm) phaseMoved(c data.PhaseChange) {
	clean := fieldValues(f.Form) == f.typed
	f.r.Phase = c.To
	f.phase.SetSelected(c.To)
	if clean {
		f.typed = fieldValues(f.Form)
	}
}

package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// A resident's drug and alcohol test log: managers only, never the kiosk.
// Opening it writes an audit entry (who looked, when), and the screen says
// so, like a records room's sign-out sheet. (Not called drug_test.go: Go
// would take that for a test file.)

// testLogNotice is said on the log itself.
const testLogNotice = "Managers only. Opening this log was written to the audit log (who looked, when). It never shows at the kiosk or on paper unless a manager ticks it for a print."

// showTestLog opens a resident's test log in a dialog.
func (u *UI) showTestLog(r data.Resident) {
	log, err := u.store.DrugTests(u.actor(), r.ID)
	if err != nil {
		u.showProblem("Could not open the test log", err)
		return
	}
	var d dialog.Dialog
	reopen := func() { d.Hide(); u.showTestLog(r) }
	note := widget.NewLabel(testLogNotice)
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.WarningImportance
	add := widget.NewButtonWithIcon("Record a test…", theme.ContentAddIcon(), func() { u.recordTestDialog(r, reopen) })
	rx := widget.NewButton("Prescriptions…", func() { u.prescriptionsDialog(r, log.Prescriptions, reopen) })
	body := container.NewVBox(note, widget.NewLabel(prescriptionText(log.Prescriptions)), container.NewHBox(add, rx))
	if len(log.Tests) == 0 {
		body.Add(widget.NewLabel("No tests recorded."))
	}
	for i := len(log.Tests) - 1; i >= 0; i-- {
		body.Add(testLine(log.Tests[i], log.Prescriptions))
	}
	d = dialog.NewCustom("Test log · "+r.Display(), "Close", container.NewVScroll(body), u.win)
	u.showModal(d, fyne.NewSize(680, 460))
}

// testLine is "Tue 24 Nov 2026 · urine · observed by Sam Rivera · negative".
func testLine(t data.DrugTest, rx []data.Prescription) fyne.CanvasObject {
	s := fmt.Sprintf("%s · %s · observed by %s · %s", t.Date.Pretty(), t.Kind, t.ObservedBy, t.Reading(rx))
	if t.Notes != "" {
		s += "\n" + t.Notes
	}
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// prescriptionText names the medications recorded, so an expected positive
// reads "as prescribed".
func prescriptionText(rx []data.Prescription) string {
	if len(rx) == 0 {
		return "No prescribed medications recorded."
	}
	var parts []string
	for _, p := range rx {
		parts = append(parts, p.Medication+" (shows as "+strings.Join(p.Shows, ", ")+")")
	}
	return "Prescribed: " + strings.Join(parts, "; ")
}

// recordTestDialog adds a test to the log.
func (u *UI) recordTestDialog(r data.Resident, done func()) {
	f := newForm()
	date := newEntry("YYYY-MM-DD")
	date.SetText(u.store.Today().String())
	kinds := make([]string, len(data.TestKinds))
	for i, k := range data.TestKinds {
		kinds[i] = string(k)
	}
	kind := widget.NewSelect(kinds, nil)
	observed := newEntry("Who watched the sample taken")
	observed.SetText(u.manager.Name)
	results := make([]string, len(data.TestResults))
	for i, x := range data.TestResults {
		results[i] = string(x)
	}
	result := widget.NewSelect(results, nil)
	subs := newEntry("e.g. buprenorphine, alcohol")
	reason := newEntry("e.g. at work all day")
	notes := newArea("", 2)
	f.addHint(data.FieldTestDate, "YYYY-MM-DD", date)
	f.add(data.FieldTestKind, kind)
	f.add(data.FieldObservedBy, observed)
	f.add(data.FieldTestResult, result)
	f.addHint(data.FieldSubstances, "When positive: what it showed, separated by commas", subs)
	f.addHint(data.FieldNotDoneReason, "When not done: why", reason)
	f.add(data.FieldTestNotes, notes)
	var d *formDialog
	d = u.newFormDialog("Record a test for "+r.Short(), "Record", testLogNotice, f, func() {
		var v data.ValidationError
		day := parseDateField(&v, data.FieldTestDate, strings.TrimSpace(date.Text), true)
		if f.show(v.Err()) {
			return
		}
		_, err := u.store.RecordTest(u.actor(), data.DrugTest{ResidentID: r.ID, Date: day, Kind: data.TestKind(kind.Selected),
			ObservedBy: observed.Text, Result: data.TestResult(result.Selected), Substances: splitComma(subs.Text),
			Reason: reason.Text, Notes: notes.Text})
		if f.show(err) {
			return
		}
		d.close()
		done()
	})
	submitOnEnter(d.submit, date, observed, subs, reason)
	d.first = date
	d.open(560)
}

// prescriptionsDialog edits the medications, one a line:
// "Suboxone: buprenorphine, naloxone".
func (u *UI) prescriptionsDialog(r data.Resident, rx []data.Prescription, done func()) {
	f := newForm()
	lines := newArea("Suboxone: buprenorphine", 4)
	var cur []string
	for _, p := range rx {
		cur = append(cur, p.Medication+": "+strings.Join(p.Shows, ", "))
	}
	lines.SetText(strings.Join(cur, "\n"))
	f.addHint(data.FieldMedication, "One a line: the medication, a colon, then what it shows as on a test", lines)
	var d *formDialog
	d = u.newFormDialog("Prescriptions · "+r.Short(), "Save", "A positive for a prescribed medication reads \"as prescribed\" in the log.", f, func() {
		var out []data.Prescription
		for _, l := range strings.Split(lines.Text, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			med, shows, _ := strings.Cut(l, ":")
			out = append(out, data.Prescription{Medication: med, Shows: splitComma(shows)})
		}
		if f.show(u.store.SetPrescriptions(u.actor(), r.ID, out)) {
			return
		}
		d.close()
		done()
	})
	d.first = lines
	d.open(520)
}

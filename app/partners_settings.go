package app

import (
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// Partner settings: how the house pairs accountability partners. The
// planner reads them when the week is generated; a week already made
// keeps its pairs until it is generated again.

// Field names of the settings the data layer does not validate.
const (
	partnerFieldPair     = "Pair residents each week"
	partnerFieldLeaveOut = "Leave out"
)

// openPartnerSettings edits the house's partner settings.
func (t *partnersTab) openPartnerSettings() {
	u := t.u
	ps, err := u.store.PartnerSettings()
	if err != nil {
		u.showProblem("The partner settings could not be read", err)
		return
	}
	f := newForm()
	pair := widget.NewCheck("Each week, residents are paired to check in with each other daily", nil)
	pair.SetChecked(!ps.Disabled)
	f.add(partnerFieldPair, pair)
	repeat := newEntry("4")
	repeat.SetText(strconv.Itoa(ps.NoRepeatWeeks))
	f.addHint(data.FieldNoRepeatWeeks, "Nobody gets the same partner again for this many weeks, where it can be avoided (0 to 26).", repeat)
	days := newEntry("5")
	days.SetText(strconv.Itoa(ps.DaysNeeded))
	f.addHint(data.FieldDaysNeeded, "Days a week with a check-in that count as the commitment met (1 to 7).", days)
	pass := widget.NewCheck("Residents on an overnight pass most of the week", nil)
	pass.SetChecked(ps.LeaveOutPass)
	newcomer := widget.NewCheck("Residents who moved in that week", nil)
	newcomer.SetChecked(ps.LeaveOutNew)
	f.add(partnerFieldLeaveOut, container.NewVBox(pass, newcomer))
	var d *formDialog
	d = u.newFormDialog("Partner settings", "Save", "Generating a week follows these; weeks already made keep their pairs until generated again.", f, func() {
		var v data.ValidationError
		next := ps
		next.Disabled = !pair.Checked
		next.LeaveOutPass, next.LeaveOutNew = pass.Checked, newcomer.Checked
		next.NoRepeatWeeks = wholeNumber(&v, data.FieldNoRepeatWeeks, repeat.Text)
		next.DaysNeeded = wholeNumber(&v, data.FieldDaysNeeded, days.Text)
		if len(v) > 0 {
			f.show(v)
			return
		}
		if err := u.store.SavePartnerSettings(u.actor(), next); f.show(err) {
			return
		}
		d.close()
		t.reload()
		t.status.SetText("Partner settings saved. " + t.status.Text)
	})
	d.open(560)
}

// wholeNumber reads a whole number typed in a field, noting in v when it
// is not one.
func wholeNumber(v *data.ValidationError, field, text string) int {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: "type a whole number, e.g. 4"})
	}
	return n
}

// printSheet prints the week's partners for the house's board, by the
// names the house uses, with a box a day to tick.
func (t *partnersTab) printSheet() {
	u := t.u
	h, err := u.store.House()
	if err != nil {
		u.showProblem("Could not read the house", err)
		return
	}
	from, to := h.Week(t.nav.day)
	names := u.residentShortNames()
	opts := report.PartnerSheetOptions{House: h.Name, From: from, To: to}
	for _, g := range t.week.Groups {
		var group []string
		for _, id := range g.Members {
			group = append(group, names[id])
		}
		opts.Groups = append(opts.Groups, group)
	}
	for _, l := range t.week.LeftOut {
		opts.NotPaired = append(opts.NotPaired, names[l.ResidentID])
	}
	intro := "This week's partners for the house's board, with a box a day to tick. " +
		"It names who is not paired but never why."
	u.askPaper("Print partner sheet", intro, "Partner sheet", &t.paper,
		func(path string) { t.status.SetText("Partner sheet saved to " + path + ".") },
		func(size report.PageSize) (string, error) {
			opts.Size, opts.Printed = size, u.store.Now()
			return writePrintPDF("partners-"+from.String()+".pdf", func(w io.Writer) error { return report.PartnerSheet(w, opts) })
		})
}

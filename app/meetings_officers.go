package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Officers, for peer-run houses: who holds which office for which term.
// A term over six months or a second term in a row is allowed after a
// warning.

type officersTab struct {
	p     *meetingsPage
	all   []data.Officer
	table *widget.Table
	fit   *fitTable
	add   *widget.Button
	empty *widget.Label
	form  *officerForm // the dialog last opened, for tests
}

var officerColumns = []struct {
	title string
	width float32
	text  func(data.Officer, data.Date) string
}{
	{"Office", 170, func(o data.Officer, _ data.Date) string { return o.Office.Label() }},
	{"Officer", 230, func(o data.Officer, _ data.Date) string { return o.Person.Name }},
	{"Term start", 140, func(o data.Officer, _ data.Date) string { return o.TermStart.Pretty() }},
	{"Term end", 140, func(o data.Officer, _ data.Date) string { return o.TermEnd.Pretty() }},
	{"", 130, func(o data.Officer, today data.Date) string {
		switch {
		case o.InOffice(today):
			return "In office"
		case o.TermStart.After(today):
			return "Coming term"
		}
		return "Past term"
	}},
}

func newOfficersTab(p *meetingsPage) *officersTab {
	t := &officersTab{p: p}
	t.table = widget.NewTable(
		func() (int, int) { return len(t.all), len(officerColumns) },
		newFitCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(t.all) && id.Col < len(officerColumns) {
				t.fit.setFitCell(o, id.Col, officerColumns[id.Col].text(t.all[id.Row], p.u.store.Today()), widget.MediumImportance)
			}
		},
	)
	cols := make([]fitColumn, len(officerColumns))
	for i, c := range officerColumns {
		// the office and the officer's name wrap in a narrow window
		cols[i] = fitColumn{title: c.title, min: min(c.width, 110), wrap: i <= 1}
	}
	t.fit = newFitTable(t.table, cols, func() int { return len(t.all) }, func(row, col int) string {
		return officerColumns[col].text(t.all[row], p.u.store.Today())
	})
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.all) {
			t.edit(t.all[id.Row])
		}
	}
	t.add = widget.NewButtonWithIcon("Add officer", theme.ContentAddIcon(), func() {
		today := p.u.store.Today()
		t.edit(data.Officer{Office: data.OfficePresident, TermStart: today, TermEnd: today.AddMonths(data.MaxOfficerTermMonths).AddDays(-1)})
	})
	t.add.Importance = widget.HighImportance
	t.empty = quietLabel("No officers recorded. Peer-run houses elect a president, secretary, treasurer, comptroller and chore coordinator for terms of up to six months; other houses can leave this empty.")
	return t
}

func (t *officersTab) view() fyne.CanvasObject {
	hint := widget.NewLabel("Optional, for peer-run houses. Officers in office on a meeting's day give their reports at house business meetings.")
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, t.add, nil, hint)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(container.New(t.fit, t.table), container.NewVBox(t.empty)))
}

func (t *officersTab) reload() {
	os, err := t.p.u.store.Officers()
	if err != nil {
		t.p.showError(err)
		return
	}
	t.all = os
	showIfEmpty(t.empty, len(os) == 0)
	t.table.Hidden = len(os) == 0 // its header would show under the message
	t.fit.refit()
}

// officerForm adds or edits one term in one office.
type officerForm struct {
	*formDialog
	t          *officersTab
	o          data.Officer
	who        personChoice
	office     *widget.Select
	person     *widget.Select
	start, end *entry
}

func (t *officersTab) edit(o data.Officer) {
	f := newForm()
	of := &officerForm{t: t, o: o, who: t.p.u.residentChoice(o.Person)}
	var offices []string
	for _, x := range data.Offices {
		offices = append(offices, x.Label())
	}
	of.office = widget.NewSelect(offices, nil)
	for i, x := range data.Offices {
		if x == o.Office {
			of.office.SetSelectedIndex(i)
		}
	}
	of.person = widget.NewSelect(of.who.names, nil)
	of.person.PlaceHolder = "Who holds the office"
	of.who.selectPerson(of.person, o.Person)
	of.start, of.end = newEntry("YYYY-MM-DD"), newEntry("YYYY-MM-DD")
	of.start.SetText(o.TermStart.String())
	of.end.SetText(o.TermEnd.String())
	f.add(data.FieldOffice, of.office)
	f.add(data.FieldOfficer, of.person)
	f.add(data.FieldTermStart, of.start)
	f.addHint(data.FieldTermEnd, fmt.Sprintf("The last day of the term; terms are usually %d months at most", data.MaxOfficerTermMonths), of.end)
	title := "Add an officer"
	var extra []fyne.CanvasObject
	if o.ID != "" {
		title = o.Office.Label() + ": " + o.Person.Name
		extra = append(extra, widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), of.confirmRemove))
	}
	of.formDialog = t.p.u.newFormDialog(title, "Save", "", f, of.submit, extra...)
	submitOnEnter(of.submit, &of.start.Entry, &of.end.Entry)
	t.form = of
	of.first = of.start
	of.open(540)
}

func (of *officerForm) values() (data.Officer, data.ValidationError) {
	var v data.ValidationError
	o := of.o
	o.Office = ""
	if i := of.office.SelectedIndex(); i >= 0 {
		o.Office = data.Offices[i]
	}
	o.Person = of.who.selected(of.person)
	o.TermStart = parseDateField(&v, data.FieldTermStart, strings.TrimSpace(of.start.Text), true)
	o.TermEnd = parseDateField(&v, data.FieldTermEnd, strings.TrimSpace(of.end.Text), true)
	return o, v
}

// submit warns about a long term or a second term in a row, then saves.
func (of *officerForm) submit() {
	o, v := of.values()
	if of.show(v.Err()) {
		return
	}
	var warnings []data.FieldError
	if o.Office != "" && !o.Person.IsZero() && !o.TermEnd.Before(o.TermStart) {
		warnings = data.OfficerWarnings(o, of.t.all)
	}
	if len(warnings) == 0 {
		of.save(o)
		return
	}
	var lines []string
	for _, w := range warnings {
		lines = append(lines, "• "+sentence(w.Msg)+".")
	}
	msg := strings.Join(lines, "\n") + "\n\nOxford House keeps terms to six months and rotates offices. Save anyway?"
	of.u.confirm("Check this term", msg, "Save anyway", "Go back", func(ok bool) {
		if ok {
			of.save(o)
		}
	})
}

func (of *officerForm) save(o data.Officer) {
	_, _, err := of.u.store.SaveOfficer(of.u.actor(), o)
	if of.show(err) {
		return
	}
	of.close()
	of.t.reload()
}

func (of *officerForm) confirmRemove() {
	msg := fmt.Sprintf("Remove %s's term as %s (%s to %s)? Use this for a term entered by mistake; past minutes keep the name.",
		of.o.Person.Name, strings.ToLower(of.o.Office.Label()), of.o.TermStart.Pretty(), of.o.TermEnd.Pretty())
	of.u.confirm("Remove officer", msg, "Remove", "Keep it", func(ok bool) {
		if !ok {
			return
		}
		if err := of.u.store.RemoveOfficer(of.u.actor(), of.o.ID); of.show(err) {
			return
		}
		of.close()
		of.t.reload()
	})
}

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

// Incidents and corrective agreements: managers only. The tab lists them
// (open ones, or those of a recent span); a row opens the details, where
// a manager edits or resolves it. The roster only ever says "1 open
// agreement"; the kiosk never reads these records.

const incidentsNotice = "Managers only. Details never reach the kiosk; the weekly report leaves them off unless a manager ticks \"Incidents and tests\" for that print."

const (
	showOpen       = "Open"
	showLast30     = "Last 30 days"
	showLast12Mths = "Last 12 months"
)

type incidentsTab struct {
	u     *UI
	show  *widget.Select
	table *widget.Table
	fit   *fitTable
	count *widget.Label
	list  []data.Incident
	names map[string]string
}

// incidentColumns are the list's columns; names and follow-up dates wrap
// rather than end in "…" (what happened shows only when a row is opened).
var incidentColumns = []fitColumn{
	{title: "Date", min: 130}, {title: "Resident", min: 150, wrap: true}, {title: "About", min: 110},
	{title: "Agreed actions", min: 130}, {title: "Follow up by", min: 150, wrap: true}, {title: "", min: 90},
}

func newIncidentsTab(u *UI) *incidentsTab {
	t := &incidentsTab{u: u, count: widget.NewLabel("")}
	t.show = widget.NewSelect([]string{showOpen, showLast30, showLast12Mths}, func(string) { t.reload() })
	t.table = widget.NewTable(
		func() (int, int) { return len(t.list), len(incidentColumns) },
		newFitCell,
		t.updateCell,
	)
	t.fit = newFitTable(t.table, incidentColumns, func() int { return len(t.list) }, func(row, col int) string {
		text, _ := t.cell(t.list[row], col)
		return text
	})
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.list) {
			u.showIncident(t.list[id.Row], t.reload)
		}
	}
	t.show.SetSelected(showOpen)
	return t
}

func (t *incidentsTab) view() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add incident…", theme.ContentAddIcon(), func() { t.u.incidentDialog(data.Incident{}, t.reload) })
	add.Importance = widget.HighImportance
	note := widget.NewLabel(incidentsNotice)
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(note, container.NewHBox(widget.NewLabel("Show"), t.show, add))
	return container.NewBorder(top, t.count, nil, nil, container.New(t.fit, t.table))
}

func (t *incidentsTab) reload() {
	if t.table == nil {
		return // the select fires while the tab is built
	}
	list, err := t.u.incidentsShown(t.show.Selected)
	if err != nil {
		t.count.SetText("The incidents could not be read: " + err.Error())
		return
	}
	t.list, t.names = list, t.u.residentNames()
	t.count.SetText(fmt.Sprintf("%d shown", len(list)))
	t.fit.refit()
	t.table.Refresh()
}

// incidentsShown reads the open incidents or those of a span, newest first.
func (u *UI) incidentsShown(which string) ([]data.Incident, error) {
	today := u.store.Today()
	var list []data.Incident
	var err error
	switch which {
	case showOpen:
		fus, err := u.store.OpenFollowUps(today)
		if err != nil {
			return nil, err
		}
		for _, fu := range fus {
			i, err := u.store.Incident(u.actor(), fu.IncidentID)
			if err != nil {
				return nil, err
			}
			list = append(list, i)
		}
		return list, nil
	case showLast30:
		list, err = u.store.IncidentsIn(u.actor(), today.AddDays(-30), today)
	default:
		list, err = u.store.IncidentsIn(u.actor(), today.AddDays(-365), today)
	}
	for a, b := 0, len(list)-1; a < b; a, b = a+1, b-1 {
		list[a], list[b] = list[b], list[a]
	}
	return list, err
}

// residentNames are everyone's full names by ID (moved-out residents too).
func (u *UI) residentNames() map[string]string {
	out := map[string]string{}
	rs, _ := u.store.Residents()
	for _, r := range rs {
		out[r.ID] = r.Display()
	}
	return out
}

func (t *incidentsTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(t.list) {
		return
	}
	text, imp := t.cell(t.list[id.Row], id.Col)
	t.fit.setFitCell(o, id.Col, text, imp)
}

// cell is what an incident's column says, and its colour.
func (t *incidentsTab) cell(i data.Incident, col int) (string, widget.Importance) {
	today := t.u.store.Today()
	switch col {
	case 0:
		return i.Date.Pretty(), widget.MediumImportance
	case 1:
		return t.names[i.ResidentID], widget.MediumImportance
	case 2:
		return string(i.Kind), widget.MediumImportance
	case 3:
		return map[bool]string{true: "agreed", false: "none"}[i.Agreement != ""], widget.MediumImportance
	case 4:
		if !i.Resolved && !i.FollowUp.IsZero() && i.FollowUp.Before(today) {
			return followUpText(i.FollowUp, today), widget.WarningImportance
		}
		return followUpText(i.FollowUp, today), widget.MediumImportance
	}
	return map[bool]string{true: "resolved", false: "open"}[i.Resolved], widget.MediumImportance
}

// followUpText is "Fri 4 Dec 2026", "Fri 4 Dec 2026 (past)" or "no date set".
func followUpText(d, today data.Date) string {
	if d.IsZero() {
		return "no date set"
	}
	if d.Before(today) {
		return d.Pretty() + " (past)"
	}
	return d.Pretty()
}

// showIncident shows an incident's details with Edit and Resolve.
func (u *UI) showIncident(i data.Incident, changed func()) {
	names := u.residentNames()
	lines := []string{
		"Resident: " + names[i.ResidentID],
		"Date: " + i.Date.Pretty(),
		"About: " + string(i.Kind),
		"What happened: " + i.What,
		"Agreed actions: " + orText(i.Agreement, "none recorded"),
		"Follow up by: " + followUpText(i.FollowUp, u.store.Today()),
	}
	if i.Resolved {
		lines = append(lines, "Resolved on "+i.ResolvedOn.Pretty()+": "+orText(i.ResolvedNote, "no note"))
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("Managers only.")
	note.Importance = widget.LowImportance
	var d dialog.Dialog
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { d.Hide(); u.incidentDialog(i, changed) })
	resolve := widget.NewButtonWithIcon("Resolve…", theme.ConfirmIcon(), func() { d.Hide(); u.resolveDialog(i, changed) })
	if i.Resolved {
		resolve.Hide()
	}
	d = dialog.NewCustom("Incident", "Close", container.NewVBox(note, l, container.NewHBox(edit, resolve)), u.win)
	u.showModal(d, fyne.NewSize(560, 0))
}

func orText(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}

// incidentDialog adds (empty ID) or edits an incident.
func (u *UI) incidentDialog(i data.Incident, changed func()) {
	f := newForm()
	who := u.residentChoice()
	person := widget.NewSelect(who.names, nil)
	if i.ResidentID != "" {
		who.selectPerson(person, data.PersonRef{ResidentID: i.ResidentID})
		if person.SelectedIndex() < 0 {
			who.add(data.PersonRef{ResidentID: i.ResidentID, Name: u.residentNames()[i.ResidentID]})
			person.Options = who.names
			who.selectPerson(person, data.PersonRef{ResidentID: i.ResidentID})
		}
		person.Disable() // an incident stays with its resident
	}
	date := newEntry("YYYY-MM-DD")
	date.SetText(u.store.Today().String())
	if !i.Date.IsZero() {
		date.SetText(i.Date.String())
	}
	kinds := make([]string, len(data.IncidentKinds))
	for n, k := range data.IncidentKinds {
		kinds[n] = string(k)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(i.Kind))
	what := newArea("What happened, plainly and kindly", 3)
	what.SetText(i.What)
	agreed := newArea("e.g. call the house before curfew if running late", 3)
	agreed.SetText(i.Agreement)
	follow := newEntry("YYYY-MM-DD")
	follow.SetText(i.FollowUp.String())
	f.add(data.FieldIncidentPerson, person)
	f.addHint(data.FieldIncidentDate, "YYYY-MM-DD", date)
	f.add(data.FieldIncidentKind, kind)
	f.add(data.FieldIncidentWhat, what)
	f.addHint(data.FieldAgreement, "What was agreed with them; it stays open until resolved", agreed)
	f.addHint(data.FieldFollowUp, "YYYY-MM-DD; shows on the dashboard", follow)
	title, ok := "Add an incident", "Add"
	if i.ID != "" {
		title, ok = "Edit the incident", "Save"
	}
	var d *formDialog
	d = u.newFormDialog(title, ok, incidentsNotice, f, func() {
		var v data.ValidationError
		n := i
		n.Date = parseDateField(&v, data.FieldIncidentDate, strings.TrimSpace(date.Text), true)
		n.FollowUp = parseDateField(&v, data.FieldFollowUp, strings.TrimSpace(follow.Text), false)
		if f.show(v.Err()) {
			return
		}
		if i.ID == "" {
			n.ResidentID = who.selected(person).ResidentID
		}
		n.Kind, n.What, n.Agreement = data.IncidentKind(kind.Selected), what.Text, agreed.Text
		if _, err := u.store.SaveIncident(u.actor(), n); f.show(err) {
			return
		}
		d.close()
		changed()
	})
	submitOnEnter(d.submit, date, follow)
	d.first = date
	d.open(600)
}

// resolveDialog marks an incident resolved, with how.
func (u *UI) resolveDialog(i data.Incident, changed func()) {
	f := newForm()
	on := newEntry("YYYY-MM-DD")
	on.SetText(u.store.Today().String())
	note := newArea("e.g. checked in on Friday; calling ahead since", 3)
	f.addHint("Resolved on", "YYYY-MM-DD", on)
	f.add(data.FieldResolvedNote, note)
	var d *formDialog
	d = u.newFormDialog("Resolve the incident", "Resolve", "", f, func() {
		var v data.ValidationError
		day := parseDateField(&v, "Resolved on", strings.TrimSpace(on.Text), true)
		if f.show(v.Err()) {
			return
		}
		if _, err := u.store.ResolveIncident(u.actor(), i.ID, day, note.Text); f.show(err) {
			return
		}
		d.close()
		changed()
	})
	submitOnEnter(d.submit, on)
	d.first = note
	d.open(520)
}

// showResidentIncidents lists one resident's incidents (from their record).
func (u *UI) showResidentIncidents(r data.Resident) {
	list, err := u.store.Incidents(u.actor(), r.ID)
	if err != nil {
		u.showProblem("Could not read the incidents", err)
		return
	}
	var d dialog.Dialog
	reopen := func() { d.Hide(); u.showResidentIncidents(r) }
	add := widget.NewButtonWithIcon("Add incident…", theme.ContentAddIcon(), func() {
		u.incidentDialog(data.Incident{ResidentID: r.ID}, reopen)
	})
	body := container.NewVBox(widget.NewLabel(incidentsNotice), container.NewHBox(add))
	body.Objects[0].(*widget.Label).Wrapping = fyne.TextWrapWord
	if len(list) == 0 {
		body.Add(widget.NewLabel("No incidents recorded."))
	}
	for n := len(list) - 1; n >= 0; n-- {
		i := list[n]
		state := map[bool]string{true: "resolved", false: "open"}[i.Resolved]
		b := widget.NewButton(fmt.Sprintf("%s · %s · %s", i.Date.Pretty(), i.Kind, state), func() { d.Hide(); u.showIncident(i, func() {}) })
		b.Alignment = widget.ButtonAlignLeading
		body.Add(b)
	}
	d = dialog.NewCustom("Incidents · "+r.Display(), "Close", container.NewVScroll(body), u.win)
	u.showModal(d, fyne.NewSize(560, 360))
}

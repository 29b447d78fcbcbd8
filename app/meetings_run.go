package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// meetingEditor runs one meeting and keeps its minutes: chair and
// secretary, roll call, the agenda, old business, motions and action
// items. Changes are kept in a working copy until Save (adding a motion or
// an action item saves at once). Accepted minutes open read-only; changing
// them asks for a reason first.
type meetingEditor struct {
	p        *meetingsPage
	u        *UI
	m        data.Meeting // the working copy
	settings data.MeetingSettings
	people   personChoice // for chair and secretary
	editing  bool         // accepted minutes being changed, with reason
	reason   string
	dirty    bool

	title, status, saved *widget.Label
	banner               *widget.Label // errors that belong to no one field
	back                 *widget.Button
	saveBtn, beginBtn    *widget.Button
	finishBtn, acceptBtn *widget.Button
	changeBtn, printBtn  *widget.Button
	tabs                 *container.AppTabs

	// roll call
	top              *form
	chair, secretary *widget.Select
	adjourned        *entry
	markAll          *widget.Button
	rollCount        *widget.Label
	rollList         *widget.List
	rollErrs         map[string]string // by resident name
	rollRows         map[int]*rollRow  // rows on show, by roll index
	rollBaseH        float32
	rollErrH         float32

	// agenda
	agenda    *form
	areas     []*entry
	sections  map[string]*entry // the agenda's sections by field name
	choreText *entry
	choreBtn  *widget.Button

	// old business
	carriedList *widget.List
	oldNotes    *entry

	// motions and action items
	addMotion, acceptMotion  *widget.Button
	motionList               *widget.List
	motionsEmpty, itemsEmpty *widget.Label
	motion                   *motionForm // the motion dialog last opened
	addItem                  *widget.Button
	itemList                 *widget.List
	item                     *actionItemForm // the action item dialog last opened
	reasonForm               *formDialog     // the reason dialog last opened
}

// Field names of the meeting screen the data layer does not name.
const (
	fieldChair     = "Chair"
	fieldSecretary = "Secretary"
	fieldAdjourned = "Adjourned at"
	fieldRollCall  = "Roll call" // FinishMinutes' field for unmarked residents
)

// openMeeting shows a meeting's minutes in place of the tabs.
func (p *meetingsPage) openMeeting(id string) {
	m, err := p.u.store.Meeting(id)
	if err != nil {
		p.showError(err)
		return
	}
	settings, err := p.u.store.MeetingSettings()
	if err != nil {
		p.showError(err)
		return
	}
	e := &meetingEditor{p: p, u: p.u, m: m, settings: settings, rollErrs: map[string]string{}, rollRows: map[int]*rollRow{}}
	e.people = p.u.residentChoice(m.Chair, m.Secretary)
	p.u.screens.meeting = e
	p.u.beforeLeave = func() bool { return !e.dirty || e.save() }
	p.stack.Objects = []fyne.CanvasObject{e.build()}
	p.stack.Refresh()
	e.refresh()
	p.u.onEscape(e.leave)
}

func (e *meetingEditor) build() fyne.CanvasObject {
	e.back = widget.NewButtonWithIcon("Back to meetings", theme.NavigateBackIcon(), e.leave)
	e.title = heading("")
	e.status = widget.NewLabel("")
	e.saved = widget.NewLabel("")
	e.banner = errorLabel()
	e.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { e.save() })
	e.saveBtn.Importance = widget.HighImportance
	e.beginBtn = widget.NewButtonWithIcon("Begin the meeting", theme.MediaPlayIcon(), e.begin)
	e.finishBtn = widget.NewButtonWithIcon("Finish minutes", theme.ConfirmIcon(), e.finish)
	e.acceptBtn = widget.NewButtonWithIcon("Accept minutes", theme.ConfirmIcon(), e.accept)
	e.changeBtn = widget.NewButtonWithIcon("Change minutes…", theme.DocumentCreateIcon(), e.askReason)
	e.printBtn = widget.NewButtonWithIcon("Print minutes…", theme.DocumentPrintIcon(), e.print)

	e.tabs = container.NewAppTabs(container.NewTabItem("Roll call", e.rollTab()))
	e.tabs.Append(container.NewTabItem("Agenda", e.agendaTab()))
	if e.m.Kind == data.MeetingHouse || len(e.m.Sections.OldBusiness.Carried) > 0 {
		e.tabs.Append(container.NewTabItem("Old business", e.oldBusinessTab()))
	}
	e.tabs.Append(container.NewTabItem("Motions", e.motionsTab()))
	e.tabs.Append(container.NewTabItem("Action items", e.itemsTab()))

	actions := container.NewHBox(e.saveBtn, e.beginBtn, e.finishBtn, e.acceptBtn, e.changeBtn, e.printBtn, e.saved)
	top := container.NewVBox(container.NewBorder(nil, nil, e.back, nil, e.title), e.status, actions, e.banner)
	return container.NewBorder(top, nil, nil, nil, e.tabs)
}

// readOnly reports whether the minutes are accepted and not being changed.
func (e *meetingEditor) readOnly() bool { return e.m.Accepted() && !e.editing }

// changed notes an unsaved change.
func (e *meetingEditor) changed() {
	if e.dirty {
		return
	}
	e.dirty = true
	e.saved.SetText("Unsaved changes")
}

// refresh shows the working copy's state: title, status, buttons, lists.
func (e *meetingEditor) refresh() {
	m := e.m
	e.title.SetText(m.Label())
	line := fmt.Sprintf("%s · opened %s", m.Date.Pretty(), m.Start)
	if m.Title != "" && m.Title != m.Kind.Label() {
		line = m.Kind.Label() + " · " + line
	}
	if m.Place != "" {
		line += " · " + m.Place
	}
	line += " · minutes " + statusText(m)
	e.status.SetText(line)
	show := func(b *widget.Button, on bool) {
		if on {
			b.Show()
		} else {
			b.Hide()
		}
	}
	today := e.u.store.Today()
	show(e.beginBtn, m.Status == data.MeetingStatusScheduled && m.Date == today)
	show(e.finishBtn, m.Status == data.MeetingStatusInProgress)
	show(e.acceptBtn, m.Status == data.MeetingStatusMinutesTaken)
	show(e.changeBtn, e.readOnly())
	show(e.saveBtn, !e.readOnly())
	e.setEnabled(!e.readOnly())
	e.refreshRoll()
	showIfEmpty(e.motionsEmpty, len(m.Motions) == 0)
	showIfEmpty(e.itemsEmpty, len(m.ActionItems) == 0)
	e.motionList.Refresh()
	e.itemList.Refresh()
	if e.carriedList != nil {
		e.carriedList.Refresh()
	}
	e.tabs.Items[len(e.tabs.Items)-2].Text = fmt.Sprintf("Motions (%d)", len(m.Motions))
	e.tabs.Items[len(e.tabs.Items)-1].Text = fmt.Sprintf("Action items (%d)", len(m.ActionItems))
	e.tabs.Refresh()
}

// statusText is "in progress", "accepted on Sun 9 Mar 2025 (changed twice since)".
func statusText(m data.Meeting) string {
	switch m.Status {
	case data.MeetingStatusScheduled:
		return "not begun: the agenda is being prepared"
	case data.MeetingStatusInProgress:
		return "being taken: the meeting is in progress"
	case data.MeetingStatusMinutesTaken:
		return "taken, waiting to be accepted"
	}
	s := "accepted on " + m.AcceptedOn.Pretty()
	if n := len(m.Amendments); n > 0 {
		s += fmt.Sprintf(" (changed %d× since)", n)
	}
	return s
}

// setEnabled turns every editing control on or off.
func (e *meetingEditor) setEnabled(on bool) {
	ws := []fyne.Disableable{e.chair, e.secretary, e.adjourned, e.markAll, e.addMotion, e.addItem, e.choreBtn}
	if e.acceptMotion != nil {
		ws = append(ws, e.acceptMotion)
	}
	for _, a := range e.areas {
		ws = append(ws, a)
	}
	if e.oldNotes != nil {
		ws = append(ws, e.oldNotes)
	}
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// --- agenda ------------------------------------------------------------------

// Agenda field names (as the minutes name the sections).
const (
	fieldReading     = "Reading"
	fieldLastMinutes = "Last meeting's minutes"
	fieldChoreReport = "Chore coordinator's report"
	fieldMilestones  = "Milestones to celebrate"
	fieldNewBusiness = "New business"
	fieldNotes       = "Notes"
)

func (e *meetingEditor) agendaTab() fyne.CanvasObject {
	e.agenda = newForm()
	e.sections = map[string]*entry{}
	s := &e.m.Sections
	business := e.m.Kind.Business()
	e.addArea(fieldReading, "e.g. the Traditions, or the group's reading", 2, s.Reading, func(t string) { e.m.Sections.Reading = t })
	if business {
		e.agenda.add(fieldLastMinutes, e.lastMinutesBox())
		for i, r := range s.OfficerReports {
			name := r.Office.Label()
			if r.Name != "" {
				name += " (" + r.Name + ")"
			}
			e.addArea(name, "The officer's report", 2, r.Text, func(t string) { e.m.Sections.OfficerReports[i].Text = t })
		}
	}
	if e.m.Kind == data.MeetingHouse {
		e.choreText = e.addArea(fieldChoreReport, "Who did which chore, and next week's list", 4, s.ChoreReport, func(t string) { e.m.Sections.ChoreReport = t })
	}
	e.choreBtn = widget.NewButtonWithIcon("Fill in from the chore roster", theme.ViewRefreshIcon(), e.refillChores)
	if e.choreText == nil {
		e.choreBtn.Hide()
	} else {
		e.agenda.add("", container.NewHBox(e.choreBtn))
	}
	e.addArea(fieldMilestones, "Sobriety milestones this week, one a line", 2, s.Milestones, func(t string) { e.m.Sections.Milestones = t })
	if business {
		e.addArea(fieldNewBusiness, "What the house brings up this week", 4, s.NewBusiness, func(t string) { e.m.Sections.NewBusiness = t })
	}
	notes := "Anything else"
	if !business {
		notes = "The meeting's notes"
	}
	e.addArea(fieldNotes, notes, 4, s.Notes, func(t string) { e.m.Sections.Notes = t })
	return container.NewVScroll(container.NewVBox(e.agenda.Form, e.agenda.general))
}

// addArea adds a multi-line section to the agenda form, tall enough for
// its text (up to eight lines; longer text scrolls).
func (e *meetingEditor) addArea(name, placeholder string, rows int, text string, set func(string)) *entry {
	a := newArea(placeholder, max(rows, min(strings.Count(text, "\n")+1, 8)))
	a.SetText(text)
	a.OnChanged = func(t string) { set(t); e.changed() }
	e.agenda.add(name, a)
	e.areas = append(e.areas, a)
	e.sections[name] = a
	return a
}

// lastMinutesBox says whose minutes this meeting accepts, with a note.
func (e *meetingEditor) lastMinutesBox() fyne.CanvasObject {
	last := e.m.Sections.LastMinutes
	text := "This is the first meeting of its kind: no earlier minutes to accept."
	if last.MeetingID != "" {
		text = fmt.Sprintf("Minutes of meeting #%d (%s), accepted by a motion of the kind \"%s\".", last.Number, last.Date.Pretty(), data.MotionAcceptMinutes.Label())
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	note := newArea("Corrections read out, if any", 1)
	note.SetText(last.Note)
	note.OnChanged = func(t string) { e.m.Sections.LastMinutes.Note = t; e.changed() }
	e.areas = append(e.areas, note)
	box := container.NewVBox(l, note)
	if last.MeetingID != "" {
		e.acceptMotion = widget.NewButtonWithIcon("Motion to accept them…", theme.ContentAddIcon(), func() {
			e.openMotion(-1, data.Motion{Type: data.MotionAcceptMinutes,
				Text: fmt.Sprintf("Accept the minutes of meeting #%d of %s.", last.Number, last.Date.Pretty())})
		})
		box.Add(container.NewHBox(e.acceptMotion))
	}
	return box
}

// refillChores fills the chore coordinator's report from the roster again.
func (e *meetingEditor) refillChores() {
	text, err := e.u.choreReportFor(e.m.Date)
	if err != nil {
		e.p.showError(err)
		return
	}
	if strings.TrimSpace(text) == "" {
		e.u.showInfo("Chore roster", "There is no chore roster to report from yet.")
		return
	}
	e.choreText.SetText(text)
}

// --- old business -------------------------------------------------------------

func (e *meetingEditor) oldBusinessTab() fyne.CanvasObject {
	e.carriedList = widget.NewList(
		func() int { return len(e.m.Sections.OldBusiness.Carried) },
		func() fyne.CanvasObject {
			done := widget.NewCheck("Taken up", nil)
			l1 := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("")
			l2.Truncation = fyne.TextTruncateEllipsis
			note := newEntry("Note")
			return container.NewBorder(nil, nil, done, container.NewCenter(container.NewGridWrap(fyne.NewSize(240, note.MinSize().Height), note)),
				container.NewVBox(l1, l2))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(e.m.Sections.OldBusiness.Carried) {
				return
			}
			c := e.m.Sections.OldBusiness.Carried[i]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			what, detail := carriedLines(c)
			lines.Objects[0].(*widget.Label).SetText(what)
			lines.Objects[1].(*widget.Label).SetText(detail)
			done := row.Objects[1].(*widget.Check)
			note := row.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*entry)
			done.OnChanged = nil
			done.SetChecked(c.Done)
			done.Text = "Done"
			if c.Kind == data.CarriedTabledMotion {
				done.Text = "Taken up"
			}
			done.Refresh()
			done.OnChanged = func(b bool) { e.m.Sections.OldBusiness.Carried[i].Done = b; e.changed() }
			note.OnChanged = nil
			note.SetText(c.Note)
			note.OnChanged = func(t string) { e.m.Sections.OldBusiness.Carried[i].Note = t; e.changed() }
			if e.readOnly() {
				done.Disable()
				note.Disable()
			} else {
				done.Enable()
				note.Enable()
			}
		},
	)
	e.carriedList.OnSelected = func(widget.ListItemID) { e.carriedList.UnselectAll() }
	e.oldNotes = newArea("Other old business", 3)
	e.oldNotes.SetText(e.m.Sections.OldBusiness.Notes)
	e.oldNotes.OnChanged = func(t string) { e.m.Sections.OldBusiness.Notes = t; e.changed() }
	empty := widget.NewLabel("Nothing carried: every earlier action item is done and no motion was tabled.")
	showIfEmpty(empty, len(e.m.Sections.OldBusiness.Carried) == 0)
	hint := widget.NewLabel("Open action items and tabled motions of earlier meetings. Tick what is done; saving closes them where they came from.")
	hint.Wrapping = fyne.TextWrapWord
	bottom := container.NewVBox(widget.NewLabelWithStyle("Other old business", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), e.oldNotes)
	return container.NewBorder(hint, bottom, nil, nil, container.NewStack(e.carriedList, container.NewVBox(empty)))
}

// carriedLines are an item's text and where it came from: "Buy the
// vacuum cleaner", "Action item of #3 (Sun 2 Mar 2025) · Paweł Kowalczyk · due Sun 9 Mar 2025".
func carriedLines(c data.CarriedItem) (string, string) {
	parts := []string{fmt.Sprintf("Action item of #%d (%s)", c.FromNumber, c.FromDate.Pretty())}
	if c.Kind == data.CarriedTabledMotion {
		parts[0] = fmt.Sprintf("Tabled motion of #%d (%s)", c.FromNumber, c.FromDate.Pretty())
		if c.Owner.Name != "" {
			parts = append(parts, "moved by "+c.Owner.Name)
		}
	} else if c.Owner.Name != "" {
		parts = append(parts, c.Owner.Name)
	}
	if !c.Due.IsZero() {
		parts = append(parts, "due "+c.Due.Pretty())
	}
	return c.Text, strings.Join(parts, " · ")
}

// --- saving and status -----------------------------------------------------------

// toSave is the working copy as it is saved: the adjourned time read, and
// reasons kept only for excused absences.
func (e *meetingEditor) toSave() (data.Meeting, data.ValidationError) {
	var v data.ValidationError
	m := e.m
	m.Roll = append([]data.Attendance(nil), e.m.Roll...)
	for i := range m.Roll {
		if m.Roll[i].Status != data.AttendExcused {
			m.Roll[i].Reason = ""
		}
	}
	m.Adjourned = nil
	if t := strings.TrimSpace(e.adjourned.Text); t != "" {
		c := parseClockField(&v, fieldAdjourned, t)
		m.Adjourned = &c
	}
	return m, v
}

// save writes the working copy. It returns false, with the messages by
// their fields, when the store refused it.
func (e *meetingEditor) save() bool {
	if e.readOnly() {
		return true
	}
	m, v := e.toSave()
	if len(v) > 0 {
		e.showErrors(v)
		return false
	}
	saved, err := e.u.store.UpdateMeeting(e.u.actor(), m, e.reason)
	if err != nil {
		var ve data.ValidationError
		if errors.As(err, &ve) && ve.For(data.FieldReasonEdit) != "" {
			e.editing = false
			e.askReason()
		}
		e.showErrors(err)
		return false
	}
	e.showErrors(nil)
	e.m = saved
	e.dirty = false
	e.saved.SetText("Saved at " + e.u.store.Now().Format("15:04"))
	if e.editing { // one reason, one change: the next needs its own
		e.editing, e.reason = false, ""
		e.saved.SetText("Change saved with its reason at " + e.u.store.Now().Format("15:04"))
	}
	e.refresh()
	return true
}

// showErrors puts each message by its field: roll-call lines, chair and
// secretary, and the rest in the banner.
func (e *meetingEditor) showErrors(err error) {
	e.top.clear()
	e.rollErrs = map[string]string{}
	e.banner.SetText("")
	e.banner.Hide()
	if err == nil {
		e.refreshRoll()
		return
	}
	var v data.ValidationError
	if !errors.As(err, &v) {
		v = data.ValidationError{{Msg: err.Error()}}
	}
	var rest []string
	names := map[string]bool{}
	for _, a := range e.m.Roll {
		names[a.Name] = true
	}
	rollTab := false
	for _, fe := range v {
		name, isRoll := strings.CutPrefix(fe.Field, data.RollField(""))
		switch {
		case isRoll && names[name]:
			if e.rollErrs[name] == "" {
				e.rollErrs[name] = fe.Msg
			}
			rollTab = true
		case fe.Field == fieldChair || fe.Field == fieldSecretary || fe.Field == fieldAdjourned:
			e.top.setError(fe.Field, fe.Msg)
			rollTab = true
		case fe.Field == fieldRollCall:
			e.top.setError("", fe.Msg)
			rollTab = true
		case fe.Field == data.FieldReasonEdit:
			// asked again in the reason dialog
		case fe.Field == "":
			rest = append(rest, sentence(fe.Msg))
		default:
			rest = append(rest, fe.Field+": "+fe.Msg)
		}
	}
	if len(rest) > 0 {
		e.banner.SetText("Not saved. " + strings.Join(rest, "\n"))
		e.banner.Show()
	} else if rollTab || len(e.rollErrs) > 0 {
		e.banner.SetText("Not saved: see the roll call.")
		e.banner.Show()
	}
	if rollTab {
		e.tabs.SelectIndex(0)
	}
	e.refreshRoll()
}

// begin opens a meeting prepared ahead, on its day.
func (e *meetingEditor) begin() {
	if e.dirty && !e.save() {
		return
	}
	m, err := e.u.store.BeginMeeting(e.u.actor(), e.m.ID)
	if err != nil {
		e.showErrors(err)
		return
	}
	e.m = m
	e.refresh()
}

// finish saves and marks the minutes taken; every resident must be marked.
func (e *meetingEditor) finish() {
	if !e.save() {
		return
	}
	m, err := e.u.store.FinishMinutes(e.u.actor(), e.m.ID)
	if err != nil {
		e.showErrors(err)
		return
	}
	e.m = m
	e.saved.SetText("Minutes finished")
	e.refresh()
}

// accept accepts finished minutes directly, after asking.
func (e *meetingEditor) accept() {
	msg := "Accept these minutes as the record of the meeting? After that, changing them needs a reason, which is kept."
	if e.m.Kind == data.MeetingHouse {
		msg = "House business meetings usually accept their minutes by a motion at the next meeting. Accept these minutes now instead? After that, changing them needs a reason, which is kept."
	}
	e.u.confirm("Accept minutes", msg, "Accept", "Not yet", func(ok bool) {
		if !ok || (e.dirty && !e.save()) {
			return
		}
		m, err := e.u.store.AcceptMinutes(e.u.actor(), e.m.ID)
		if err != nil {
			e.showErrors(err)
			return
		}
		e.m = m
		e.saved.SetText("Minutes accepted")
		e.refresh()
	})
}

// askReason asks why accepted minutes are being changed; with a reason,
// the minutes become editable and the reason goes with the next save.
func (e *meetingEditor) askReason() {
	f := newForm()
	reason := newArea("e.g. Corrected the vote count on motion 2, as read out at meeting #13", 2)
	reason.SetText(e.reason)
	f.add(data.FieldReasonEdit, reason)
	intro := fmt.Sprintf("The minutes of %s were accepted on %s. Changes are allowed, and the reason is kept with the minutes and in the audit log.",
		e.m.Label(), e.m.AcceptedOn.Pretty())
	var d *formDialog
	d = e.u.newFormDialog("Change accepted minutes", "Change the minutes", intro, f, func() {
		if strings.TrimSpace(reason.Text) == "" {
			d.show(data.ValidationError{{Field: data.FieldReasonEdit, Msg: "give the reason for changing accepted minutes"}})
			return
		}
		e.reason, e.editing = reason.Text, true
		d.close()
		e.saved.SetText("Changing accepted minutes: save when done")
		e.refresh()
	})
	d.first = reason
	e.reasonForm = d
	d.open(520)
}

// leave goes back to the tabs, asking first about unsaved changes.
func (e *meetingEditor) leave() {
	if !e.dirty {
		e.close()
		return
	}
	var d *dialog.CustomDialog
	saveBtn := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		d.Hide()
		if e.save() {
			e.close()
		}
	})
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon("Discard changes", theme.DeleteIcon(), func() { d.Hide(); e.close() })
	stay := widget.NewButton("Keep editing", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes", widget.NewLabel("Save the changes to "+e.m.Label()+" before leaving?"), e.u.win)
	d.SetButtons([]fyne.CanvasObject{discard, stay, saveBtn})
	e.u.showModal(d, fyne.Size{})
}

func (e *meetingEditor) close() {
	e.p.reload()
	e.p.showTabs()
}

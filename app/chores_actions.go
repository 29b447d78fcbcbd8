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

// A manager's edits to one day of a chore: swap, reassign, lock, excuse,
// verify, mark missed, reopen. Every edit is audited by the data layer.

// ---- one day of a chore ------------------------------------------------------

// assignmentDialog shows a chore's assignments on one day with what a
// manager can do to each.
type assignmentDialog struct {
	t     *rosterTab
	dlg   *dialog.CustomDialog
	seats []*seatActions
}

// seatActions are the buttons for one assignment.
type seatActions struct {
	cell                                         data.RosterCell
	swap, reassign, lock, excuse, verify, missed *widget.Button
	reopen                                       *widget.Button
}

func (t *rosterTab) newAssignmentDialog(ch data.Chore, cells []data.RosterCell) *assignmentDialog {
	d := &assignmentDialog{t: t}
	body := container.NewVBox()
	about := choreDetail(ch)
	if len(ch.Checklist) > 0 {
		about += "\nDone means: " + strings.Join(ch.Checklist, "; ")
	}
	l := widget.NewLabel(about)
	l.Wrapping = fyne.TextWrapWord
	body.Add(l)
	for _, c := range cells {
		s := d.seat(c)
		d.seats = append(d.seats, s)
		name := "Nobody was free for this one"
		if c.Covered() {
			name = c.Name
		}
		buttons := container.NewGridWithColumns(4, s.swap, s.reassign, s.lock, s.excuse, s.verify, s.missed, s.reopen)
		body.Add(widget.NewCard(name, seatStatus(c, t.today), buttons))
	}
	title := ch.Name + " · " + cells[0].Day.Pretty()
	d.dlg = dialog.NewCustom(title, "Close", body, t.p.u.win)
	t.p.u.showModal(d.dlg, fyne.NewSize(640, 0))
	return d
}

// seatStatus says where an assignment stands, for the manager.
func seatStatus(c data.RosterCell, today data.Date) string {
	var s string
	switch {
	case !c.Covered():
		s = "Assign someone to it."
	case c.Excused != "":
		s = "Excused: " + c.Excused
	case c.Status == data.ChoreVerified:
		s = "Done, verified by a manager"
	case c.Status == data.ChoreDone:
		s = "Ticked done at the kiosk"
		if !c.DoneAt.IsZero() {
			s += ", " + c.DoneAt.Local().Format("Mon 2 Jan 15:04")
		}
		s += "; not verified yet"
	case c.Status == data.ChoreMissed:
		s = "Missed"
		if c.Note != "" {
			s += ": " + c.Note
		}
	case c.Day.After(today):
		s = "To do on " + c.Day.Weekday().String()
	case c.Day == today:
		s = "To do today"
	default:
		s = "Not ticked done"
	}
	if c.Locked {
		s += " · Locked: regenerating keeps it"
	}
	return s
}

// seat makes the buttons for one assignment, each enabled only when the
// data layer would allow it.
func (d *assignmentDialog) seat(c data.RosterCell) *seatActions {
	t := d.t
	u := t.p.u
	a := c.Assignment
	s := &seatActions{cell: c}
	open := a.Status == data.ChoreAssigned
	judged := a.Covered() && a.Excused == "" && !a.Day.After(t.today)
	s.swap = widget.NewButtonWithIcon("Swap…", theme.ViewRefreshIcon(), func() { d.close(); t.openSwap(c) })
	s.reassign = widget.NewButtonWithIcon("Reassign…", theme.AccountIcon(), func() { d.close(); t.openReassign(c) })
	if !a.Covered() {
		s.reassign.SetText("Assign…")
		s.reassign.Importance = widget.HighImportance
	}
	s.lock = widget.NewButtonWithIcon("Lock", choreLockIcon, func() {
		d.close()
		t.do(u.store.LockAssignment(u.actor(), a.ID, true), "Could not lock it", "Locked "+rosterLabel(c)+": regenerating the week keeps it.")
	})
	if a.Locked {
		s.lock.SetText("Unlock")
		s.lock.OnTapped = func() {
			d.close()
			t.do(u.store.LockAssignment(u.actor(), a.ID, false), "Could not unlock it", "Unlocked "+rosterLabel(c)+".")
		}
	}
	s.excuse = widget.NewButtonWithIcon("Excuse…", theme.ContentRemoveIcon(), func() { d.close(); t.openExcuse(c) })
	s.verify = widget.NewButtonWithIcon("Verify", theme.ConfirmIcon(), func() {
		d.close()
		t.do(u.store.VerifyChore(u.actor(), a.ID), "Could not verify it", "Verified "+rosterLabel(c)+".")
	})
	s.missed = widget.NewButtonWithIcon("Missed…", theme.CancelIcon(), func() { d.close(); t.openMissed(c) })
	s.reopen = widget.NewButtonWithIcon("Reopen", theme.ContentUndoIcon(), func() {
		d.close()
		t.do(u.store.ReopenChore(u.actor(), a.ID), "Could not reopen it", "Reopened "+rosterLabel(c)+": it is to do again.")
	})
	choreEnable(s.swap, a.Covered() && a.Excused == "" && open)
	choreEnable(s.reassign, open)
	choreEnable(s.lock, a.Covered())
	choreEnable(s.excuse, a.Covered() && a.Excused == "" && a.Status != data.ChoreDone && a.Status != data.ChoreVerified)
	choreEnable(s.verify, judged && a.Status != data.ChoreVerified)
	choreEnable(s.missed, judged && a.Status != data.ChoreMissed)
	choreEnable(s.reopen, !open)
	return s
}

func choreEnable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (d *assignmentDialog) close() { d.dlg.Hide() }

// rosterLabel names an assignment in messages: "Dishes, Tue 11 Mar (Ana N.)".
func rosterLabel(c data.RosterCell) string {
	s := c.Chore + ", " + c.Day.Weekday().String()[:3] + " " + fmt.Sprint(c.Day.Day) + " " + c.Day.Month.String()[:3]
	if c.Covered() {
		s += " (" + c.Short + ")"
	}
	return s
}

// do reloads the grid and reports the result of an edit made at once.
func (t *rosterTab) do(err error, failTitle, done string) {
	if err != nil {
		t.p.u.showProblem(failTitle, err)
		return
	}
	t.reload()
	t.setStatus(done)
}

// ---- swap -------------------------------------------------------------------

// swapDialog picks another assignment of the week to trade residents with.
type swapDialog struct {
	t      *rosterTab
	from   data.RosterCell
	all    []data.RosterCell
	shown  []data.RosterCell
	chosen int // index in shown, -1 when none
	search *entry
	list   *widget.List
	errMsg *widget.Label
	ok     *widget.Button
	dlg    *dialog.CustomDialog
}

func (t *rosterTab) openSwap(from data.RosterCell) {
	s := &swapDialog{t: t, from: from, chosen: -1}
	t.swap = s
	for _, c := range t.cells {
		if c.Covered() && c.Excused == "" && c.Status == data.ChoreAssigned && c.ResidentID != from.ResidentID {
			s.all = append(s.all, c)
		}
	}
	s.search = newEntry("Type a name, chore or day to narrow the list")
	s.search.OnChanged = func(string) { s.filter() }
	s.search.OnSubmitted = func(string) {
		if len(s.shown) == 1 {
			s.chosen = 0
		}
		s.submit()
	}
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.text(s.shown[i])) },
	)
	s.list.OnSelected = func(i widget.ListItemID) { s.chosen = i; s.ok.Enable() }
	s.list.OnUnselected = func(widget.ListItemID) { s.chosen = -1 }
	s.errMsg = errorLabel()
	s.ok = widget.NewButtonWithIcon("Swap", theme.ConfirmIcon(), s.submit)
	s.ok.Importance = widget.HighImportance
	s.ok.Disable()
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { s.dlg.Hide() })
	intro := widget.NewLabel(fmt.Sprintf("%s has %s (effort %d). Choose whose chore to trade it for: they take each other's.",
		from.Name, rosterLabelNoName(from), from.Effort))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro, s.search)
	body := container.NewBorder(top, s.errMsg, nil, nil, container.NewGridWrap(fyne.NewSize(560, 300), s.list))
	s.dlg = dialog.NewCustomWithoutButtons("Swap "+from.Chore, body, t.p.u.win)
	s.dlg.SetButtons([]fyne.CanvasObject{cancel, s.ok})
	s.filter()
	t.p.u.showModal(s.dlg, fyne.Size{})
	t.p.u.win.Canvas().Focus(s.search)
}

func (s *swapDialog) text(c data.RosterCell) string {
	t := fmt.Sprintf("%s %d · %s (effort %d) · %s", c.Day.Weekday().String()[:3], c.Day.Day, c.Chore, c.Effort, c.Name)
	if !s.t.active[c.ResidentID] {
		t += " (moved out)"
	}
	return t
}

func (s *swapDialog) filter() {
	s.shown = s.shown[:0]
	for _, c := range s.all {
		if matches(s.search.Text, s.text(c), c.Day.Weekday().String()) {
			s.shown = append(s.shown, c)
		}
	}
	s.chosen = -1
	s.list.UnselectAll()
	s.list.Refresh()
	s.ok.Disable()
	if len(s.all) == 0 {
		s.errMsg.SetText("Nobody else has a chore this week that is still to do, so there is nothing to swap with. Use Reassign instead.")
		s.errMsg.Show()
	}
}

// submit swaps, or says why not and keeps the dialog open.
func (s *swapDialog) submit() {
	if s.chosen < 0 || s.chosen >= len(s.shown) {
		s.errMsg.SetText("Choose the chore to swap with from the list.")
		s.errMsg.Show()
		return
	}
	other := s.shown[s.chosen]
	u := s.t.p.u
	if err := u.store.SwapChores(u.actor(), s.from.ID, other.ID); err != nil {
		s.errMsg.SetText(problemText(err))
		s.errMsg.Show()
		return
	}
	s.dlg.Hide()
	s.t.reload()
	s.t.setStatus(fmt.Sprintf("Swapped: %s now has %s; %s has %s.",
		s.from.Short, rosterLabelNoName(other), other.Short, rosterLabelNoName(s.from)))
}

func rosterLabelNoName(c data.RosterCell) string {
	c.ResidentID = ""
	return rosterLabel(c)
}

// ---- reassign, excuse, mark missed ----------------------------------------

// choreFieldResident is the reassign form's field.
const choreFieldResident = "Resident"

func (t *rosterTab) openReassign(c data.RosterCell) {
	u := t.p.u
	rs, err := u.store.ActiveResidents()
	if err != nil {
		u.showProblem("Could not list residents", err)
		return
	}
	load := map[string]int{}
	for _, x := range t.cells {
		load[x.ResidentID]++
	}
	var ids, names, shorts []string
	for _, r := range rs {
		if r.ID == c.ResidentID {
			continue
		}
		ids = append(ids, r.ID)
		shorts = append(shorts, r.Short())
		names = append(names, fmt.Sprintf("%s · %d this week", r.Display(), load[r.ID]))
	}
	f := newForm()
	who := widget.NewSelect(names, nil)
	who.PlaceHolder = "Choose a resident"
	f.addHint(choreFieldResident, "The number is how many chores each has this week.", who)
	intro := "Give " + rosterLabel(c) + " to another resident."
	if c.Excused != "" {
		intro += " The excuse belongs to " + c.Short + " and is cleared."
	}
	var d *formDialog
	d = u.newFormDialog("Reassign "+c.Chore, "Reassign", intro, f, func() {
		i := who.SelectedIndex()
		if i < 0 {
			f.show(data.ValidationError{{Field: choreFieldResident, Msg: "choose who should do it"}})
			return
		}
		if err := u.store.ReassignChore(u.actor(), c.ID, ids[i]); f.show(err) {
			return
		}
		d.close()
		t.reload()
		t.setStatus(fmt.Sprintf("%s now has %s.", shorts[i], rosterLabelNoName(c)))
	})
	d.open(520)
}

func (t *rosterTab) openExcuse(c data.RosterCell) {
	u := t.p.u
	f := newForm()
	reason := newEntry("e.g. Doctor's appointment, at work late")
	f.add(data.FieldExcuseReason, reason)
	var d *formDialog
	submit := func() {
		if err := u.store.ExcuseChore(u.actor(), c.ID, reason.Text); f.show(err) {
			return
		}
		d.close()
		t.reload()
		t.setStatus(fmt.Sprintf("Excused %s: %s.", rosterLabel(c), strings.TrimSpace(reason.Text)))
	}
	d = u.newFormDialog("Excuse "+c.Short, "Excuse",
		"An excused chore is not held against them. To have someone else do it, use Reassign instead.", f, submit)
	submitOnEnter(submit, &reason.Entry)
	d.first = reason
	d.open(520)
}

func (t *rosterTab) openMissed(c data.RosterCell) {
	u := t.p.u
	f := newForm()
	note := newEntry("e.g. Not done by bedtime")
	f.addHint(data.FieldMissedNote, "For managers; the coordinator's report and the chart do not print it.", note)
	var d *formDialog
	submit := func() {
		if err := u.store.MarkChoreMissed(u.actor(), c.ID, note.Text); f.show(err) {
			return
		}
		d.close()
		t.reload()
		t.setStatus(fmt.Sprintf("Marked missed: %s.", rosterLabel(c)))
	}
	d = u.newFormDialog("Mark missed", "Mark missed",
		"A missed chore counts against "+c.Short+"'s week and earns no credit in the rotation.", f, submit)
	submitOnEnter(submit, &note.Entry)
	d.first = note
	d.open(520)
}

package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// settingsView holds the house settings, manager accounts and audit log.
func (u *UI) settingsView() fyne.CanvasObject {
	tabs := container.NewAppTabs(
		container.NewTabItem("House", u.houseSettings()),
		container.NewTabItem("Phases", u.phaseSettings()),
		container.NewTabItem("Managers", u.managerSettings()),
		container.NewTabItem("Security", u.securitySettings()),
		container.NewTabItem("Backups", u.backupSettings()),
		container.NewTabItem("Audit log", u.auditLog()),
	)
	return container.NewBorder(heading("Settings"), nil, nil, nil, tabs)
}

// houseSettings edits the house: name, beds, curfews, week. Phases have
// their own tab (phases.go).
func (u *UI) houseSettings() fyne.CanvasObject {
	h, err := u.store.House()
	if err != nil {
		return errorCard("House", err)
	}
	f := newForm()
	name, address := newEntry(""), newEntry("")
	beds := newArea("", 4)
	beds.SetMinRowsVisible(5)
	weeknight, weekend := newEntry("22:00"), newEntry("23:59")
	week := widget.NewSelect(weekdayNames, nil)
	idle := newEntry("10")
	name.SetText(h.Name)
	address.SetText(h.Address)
	beds.SetText(data.FormatBeds(h.Beds))
	weeknight.SetText(h.CurfewWeeknight.String())
	weekend.SetText(h.CurfewWeekend.String())
	week.SetSelected(h.WeekStart.String())
	idle.SetText(strconv.Itoa(h.IdleMinutes))
	f.add("House name", name)
	f.add("Address", address)
	f.addHint("Rooms and beds", "One room per line: \"Room 2: A, B\". Beds with residents in them cannot be removed.", beds)
	f.addHint("Weeknight curfew", "Sunday to Thursday nights, 24-hour time", weeknight)
	f.addHint("Weekend curfew", "Friday and Saturday nights", weekend)
	f.add("Week starts on", week)
	f.addHint("Idle minutes", "An unattended manager screen locks after this many minutes", idle)
	saved := widget.NewLabel("")
	save := func() {
		saved.SetText("")
		var v data.ValidationError
		n := h
		n.Name, n.Address = name.Text, address.Text
		b, err := data.ParseBeds(beds.Text)
		if err != nil {
			v = append(v, data.FieldError{Field: "Rooms and beds", Msg: err.Error()})
		}
		n.Beds = b
		n.CurfewWeeknight = parseClockField(&v, "Weeknight curfew", weeknight.Text)
		n.CurfewWeekend = parseClockField(&v, "Weekend curfew", weekend.Text)
		n.WeekStart = weekdayByName(week.Selected)
		n.Phases = nil // phases are records edited on their own tab; nil leaves them be
		mins, err := strconv.Atoi(strings.TrimSpace(idle.Text))
		if err != nil {
			v = append(v, data.FieldError{Field: "Idle minutes", Msg: "enter a whole number of minutes"})
		}
		n.IdleMinutes = mins
		if err := v.Err(); err != nil {
			f.show(err)
			return
		}
		if f.show(u.store.SaveHouse(u.actor(), n)) {
			return
		}
		h, _ = u.store.House()
		saved.SetText("Saved.")
	}
	submitOnEnter(save, name, address, weeknight, weekend, idle)
	btn := widget.NewButtonWithIcon("Save house settings", theme.DocumentSaveIcon(), save)
	btn.Importance = widget.HighImportance
	return container.NewVScroll(container.NewVBox(f.Form, f.general, container.NewHBox(btn, saved)))
}

// managerSettings lists managers; add, remove, change own passcode.
func (u *UI) managerSettings() fyne.CanvasObject {
	var ms []data.Manager
	list := widget.NewList(
		func() int { return len(ms) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewButton("Reset passcode", nil), widget.NewButton("Remove", nil)), widget.NewLabel(""))
		},
		nil,
	)
	reload := func() {
		var err error
		if ms, err = u.store.Managers(); err != nil {
			u.showProblem("That did not work", err)
		}
		list.Refresh()
	}
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		m := ms[i]
		c := o.(*fyne.Container)
		label := m.Name
		if m.ID == u.manager.ID {
			label += " (you)"
		}
		c.Objects[0].(*widget.Label).SetText(label)
		btns := c.Objects[1].(*fyne.Container).Objects
		reset, remove := btns[0].(*widget.Button), btns[1].(*widget.Button)
		reset.OnTapped = func() { u.resetPasscode(m) }
		reset.Hidden = u.manager.ID != "" // only a recovery-key session resets without the old passcode
		remove.OnTapped = func() { u.removeManager(m, reload) }
	}
	reload()
	add := widget.NewButtonWithIcon("Add manager", theme.ContentAddIcon(), func() { u.addManager(reload) })
	change := widget.NewButton("Change my passcode", u.changePasscode)
	if u.manager.ID == "" {
		change.Disable()
	}
	note := widget.NewLabel("Each manager has their own passcode and key slot. Changing one passcode changes only that slot.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(note, container.NewHBox(add, change)), nil, nil, nil, list)
}

// passcodeDialog collects fields in a form dialog and retries on error
// without losing what was typed.
func (u *UI) passcodeDialog(title, confirm string, f *form, entries []fyne.CanvasObject, apply func() error) {
	var d *formDialog
	d = u.newFormDialog(title, confirm, "", f, func() {
		if !f.show(apply()) {
			d.close()
		}
	})
	submitOnEnter(d.submit, entries...)
	if len(entries) > 0 {
		d.first, _ = entries[0].(fyne.Focusable)
	}
	d.open(480)
}

func (u *UI) addManager(reload func()) {
	f := newForm()
	name, pass, again := newEntry("Their name"), newPassword("At least 8 characters"), newPassword("Type it again")
	f.add("Manager name", name)
	f.add("Passcode", pass)
	f.add("Passcode again", again)
	u.passcodeDialog("Add a manager", "Add", f, []fyne.CanvasObject{name, pass, again}, func() error {
		_, err := u.store.AddManager(u.actor(), data.NewManager{Name: name.Text, Passcode: pass.Text, Confirm: again.Text})
		if err == nil {
			reload()
		}
		return err
	})
}

func (u *UI) changePasscode() {
	f := newForm()
	cur, pass, again := newPassword(""), newPassword("At least 8 characters"), newPassword("Type it again")
	f.add("Current passcode", cur)
	f.add("Passcode", pass)
	f.add("Passcode again", again)
	u.passcodeDialog("Change my passcode", "Change", f, []fyne.CanvasObject{cur, pass, again}, func() error {
		err := u.store.ChangePasscode(u.actor(), u.manager.ID, cur.Text, pass.Text, again.Text)
		if err == nil {
			u.showInfo("Passcode changed", "Use the new passcode from now on.")
		}
		return err
	})
}

func (u *UI) resetPasscode(m data.Manager) {
	f := newForm()
	pass, again := newPassword("At least 8 characters"), newPassword("Type it again")
	f.add("Passcode", pass)
	f.add("Passcode again", again)
	u.passcodeDialog("New passcode for "+m.Name, "Set passcode", f, []fyne.CanvasObject{pass, again}, func() error {
		err := u.store.ResetPasscode(u.actor(), m.ID, pass.Text, again.Text)
		if err == nil {
			u.showInfo("Passcode set", m.Name+" can log in with the new passcode.")
		}
		return err
	})
}

func (u *UI) removeManager(m data.Manager, reload func()) {
	msg := fmt.Sprintf("Remove %s? They will no longer be able to log in. The records they made stay.", m.Name)
	u.confirm("Remove manager", msg, "Remove", "Keep", func(ok bool) {
		if !ok {
			return
		}
		if err := u.store.RemoveManager(u.actor(), m.ID); err != nil {
			u.showProblem("That did not work", err)
			return
		}
		reload()
	})
}

// auditLog shows who changed what and when, newest first, a page at a time.
func (u *UI) auditLog() fyne.CanvasObject {
	const page = 200
	var entries []data.AuditEntry
	table := widget.NewTable(
		func() (int, int) { return len(entries), 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			e := entries[id.Row]
			o.(*widget.Label).SetText([]string{e.At.Local().Format("2006-01-02 15:04"), e.By.String(), auditText(e.Action), e.Subject}[id.Col])
		},
	)
	titles, widths := []string{"When", "Who", "Change", "Record"}, []float32{150, 200, 180, 260}
	labelHeader(table, len(titles), func(i int) (string, float32) { return titles[i], widths[i] })
	more := widget.NewButton("Load older entries", nil)
	var next data.AuditCursor
	load := func() {
		es, cur, err := u.store.AuditPage(next, page)
		if err != nil {
			u.showProblem("That did not work", err)
			return
		}
		entries, next = append(entries, es...), cur
		if next == nil {
			more.Disable()
		}
		table.Refresh()
	}
	more.OnTapped = load
	load()
	note := widget.NewLabel("Every change names who made it. Notes, phone numbers and other details are never copied here.")
	return container.NewBorder(note, container.NewHBox(more), nil, nil, table)
}

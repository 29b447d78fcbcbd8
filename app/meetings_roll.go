package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The roll call of a meeting: who was present, late, excused or absent.

// rollRow is one resident's line of the roll call.
type rollRow struct {
	box    *fyne.Container
	name   *widget.Label
	radio  *widget.RadioGroup
	reason *entry
	err    *widget.Label
}

func (e *meetingEditor) rollTab() fyne.CanvasObject {
	e.top = newForm()
	e.chair = widget.NewSelect(e.people.names, nil)
	e.secretary = widget.NewSelect(e.people.names, nil)
	e.chair.PlaceHolder, e.secretary.PlaceHolder = "Who chairs", "Who takes the minutes"
	e.people.selectPerson(e.chair, e.m.Chair)
	e.people.selectPerson(e.secretary, e.m.Secretary)
	e.chair.OnChanged = func(string) {
		e.m.Chair = e.people.selected(e.chair)
		e.changed()
	}
	e.secretary.OnChanged = func(string) {
		e.m.Secretary = e.people.selected(e.secretary)
		e.changed()
	}
	e.adjourned = newEntry("HH:MM")
	if e.m.Adjourned != nil {
		e.adjourned.SetText(e.m.Adjourned.String())
	}
	e.adjourned.OnChanged = func(string) { e.changed() }
	e.adjourned.OnSubmitted = func(string) { e.save() }
	adjourned := container.NewVBox(labeledField(e.top, fieldAdjourned, e.adjourned), columnWidth(140))
	people := container.NewBorder(nil, nil, nil, adjourned, container.NewGridWithColumns(2,
		labeledField(e.top, fieldChair, e.chair),
		labeledField(e.top, fieldSecretary, e.secretary)))

	e.markAll = widget.NewButtonWithIcon("Mark all present", theme.ConfirmIcon(), e.markAllPresent)
	e.rollCount = widget.NewLabel("")
	e.rollList = widget.NewList(
		func() int { return len(e.m.Roll) },
		func() fyne.CanvasObject { return newRollRow().box },
		e.updateRollRow,
	)
	e.rollList.OnSelected = func(widget.ListItemID) { e.rollList.UnselectAll() }
	tmpl := newRollRow()
	e.rollBaseH = tmpl.box.MinSize().Height
	tmpl.err.SetText("x")
	tmpl.err.Show()
	e.rollErrH = tmpl.box.MinSize().Height - e.rollBaseH
	head := container.NewVBox(people, e.top.general, container.NewBorder(nil, nil, e.markAll, nil, e.rollCount))
	return container.NewBorder(head, nil, nil, nil, e.rollList)
}

// labeledField lays out a field with its name above and its error below, and
// registers the error line with f (for fields side by side).
func labeledField(f *form, name string, w fyne.CanvasObject) fyne.CanvasObject {
	e := errorLabel()
	f.errs[name] = e
	l := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(l, w, e)
}

// columnWidth is an empty object that holds a column open to width w.
func columnWidth(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

func newRollRow() *rollRow {
	r := &rollRow{name: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	var labels []string
	for _, st := range data.AttendanceStatuses {
		labels = append(labels, st.Label())
	}
	r.radio = widget.NewRadioGroup(labels, nil)
	r.radio.Horizontal = true
	r.radio.Required = true
	r.reason = newEntry("Reason for the excused absence")
	r.err = errorLabel()
	name := container.NewGridWrap(fyne.NewSize(220, r.name.MinSize().Height), r.name)
	reason := container.NewGridWrap(fyne.NewSize(280, r.reason.MinSize().Height), r.reason)
	r.box = container.NewVBox(container.NewHBox(name, r.radio, reason), r.err)
	return r
}

func (e *meetingEditor) rowOf(o fyne.CanvasObject) *rollRow {
	box := o.(*fyne.Container)
	line := box.Objects[0].(*fyne.Container)
	return &rollRow{
		box:    box,
		name:   line.Objects[0].(*fyne.Container).Objects[0].(*widget.Label),
		radio:  line.Objects[1].(*widget.RadioGroup),
		reason: line.Objects[2].(*fyne.Container).Objects[0].(*entry),
		err:    box.Objects[1].(*widget.Label),
	}
}

func (e *meetingEditor) updateRollRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(e.m.Roll) {
		return
	}
	for k, r := range e.rollRows {
		if r.box == o {
			delete(e.rollRows, k)
		}
	}
	r := e.rowOf(o)
	e.rollRows[i] = r
	a := e.m.Roll[i]
	r.name.SetText(a.Name)
	r.radio.OnChanged = nil
	if a.Status == data.AttendUnmarked {
		r.radio.SetSelected("")
	} else {
		r.radio.SetSelected(a.Status.Label())
	}
	r.radio.OnChanged = func(label string) { e.mark(i, statusByLabel(label)) }
	r.reason.OnChanged = nil
	r.reason.SetText(a.Reason)
	r.reason.OnChanged = func(s string) {
		if i < len(e.m.Roll) {
			e.m.Roll[i].Reason = s
			e.changed()
		}
	}
	r.reason.OnSubmitted = func(string) { e.save() }
	if a.Status == data.AttendExcused {
		r.reason.Show()
	} else {
		r.reason.Hide()
	}
	if msg := e.rollErrs[a.Name]; msg != "" {
		r.err.SetText(sentence(msg))
		r.err.Show()
	} else {
		r.err.SetText("")
		r.err.Hide()
	}
	if e.readOnly() {
		r.radio.Disable()
		r.reason.Disable()
	} else {
		r.radio.Enable()
		r.reason.Enable()
	}
}

func statusByLabel(label string) data.AttendanceStatus {
	for _, st := range data.AttendanceStatuses {
		if st.Label() == label {
			return st
		}
	}
	return data.AttendUnmarked
}

// mark sets a resident's mark on the roll.
func (e *meetingEditor) mark(i int, st data.AttendanceStatus) {
	if i >= len(e.m.Roll) || e.m.Roll[i].Status == st {
		return
	}
	e.m.Roll[i].Status = st
	delete(e.rollErrs, e.m.Roll[i].Name)
	e.changed()
	e.refreshRoll()
	if r := e.rollRows[i]; st == data.AttendExcused && r != nil {
		e.u.win.Canvas().Focus(r.reason)
	}
}

// markAllPresent marks everyone not yet marked present.
func (e *meetingEditor) markAllPresent() {
	n := 0
	for i := range e.m.Roll {
		if e.m.Roll[i].Status == data.AttendUnmarked {
			e.m.Roll[i].Status = data.AttendPresent
			delete(e.rollErrs, e.m.Roll[i].Name)
			n++
		}
	}
	if n > 0 {
		e.changed()
	}
	e.refreshRoll()
}

// refreshRoll redraws the roll and its counts.
func (e *meetingEditor) refreshRoll() {
	counts := map[data.AttendanceStatus]int{}
	for _, a := range e.m.Roll {
		counts[a.Status]++
	}
	e.rollCount.SetText(fmt.Sprintf("%d at the meeting (%d present, %d late) · %d excused · %d absent · %d not marked",
		e.m.Present(), counts[data.AttendPresent], counts[data.AttendLate], counts[data.AttendExcused], counts[data.AttendAbsent], counts[data.AttendUnmarked]))
	for i, a := range e.m.Roll {
		h := e.rollBaseH
		if e.rollErrs[a.Name] != "" {
			h += e.rollErrH
		}
		e.rollList.SetItemHeight(i, h)
	}
	e.rollList.Refresh()
}

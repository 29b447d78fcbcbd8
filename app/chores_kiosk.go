package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The kiosk's "my chores this week": a resident's own chores, with what
// "done" means, and a big Done button for those due by today. It reads
// Store.MyChores, which holds nothing about any other resident, and shows
// no one else's name (not even a partner on a two-person chore).

// myChoresPanel is one resident's chores at the kiosk.
type myChoresPanel struct {
	u     *UI
	r     data.Resident
	done  func(msg string)
	today data.Date
	items []data.MyChore
	list  *widget.List
	week  *widget.Label
	msg   *widget.Label // why a tick did not work
	empty *widget.Label
	// Done buttons on show, by assignment ID (for tests)
	buttons map[string]*widget.Button
	fit     *myChoresFit
}

// kioskChoresPanel is the resident's own chores this week, for their page
// at the kiosk. Tapping Done ticks a chore (as the resident, at the kiosk)
// and then calls done("Marked done: <chore>").
func (u *UI) kioskChoresPanel(r data.Resident, done func(msg string)) fyne.CanvasObject {
	p := &myChoresPanel{u: u, r: r, done: done, buttons: map[string]*widget.Button{}}
	u.screens.myChores = p
	p.week = widget.NewLabel("")
	p.msg = errorLabel()
	p.msg.SizeName = theme.SizeNameSubHeadingText
	p.empty = widget.NewLabel("You have no chores this week.")
	p.empty.SizeName = theme.SizeNameSubHeadingText
	p.empty.Alignment = fyne.TextAlignCenter
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject { return newMyChoreRow(p) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.items) {
				o.(*myChoreRow).set(p.items[i])
			}
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) { p.list.Unselect(i) }
	p.fit = &myChoresFit{p: p}
	p.reload()
	title := heading("My chores this week")
	top := container.NewVBox(title, p.week, p.msg)
	list := container.New(p.fit, p.list)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(list, container.NewVBox(p.empty)))
}

// myChoresFit lays the list out and sizes each row to its checklist, in
// the theme the list is shown in (the kiosk's bigger one, say) and at its
// width, measured again whenever either changes.
type myChoresFit struct {
	p     *myChoresPanel
	th    fyne.Theme
	width float32
}

func (l *myChoresFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if th := l.p.list.Theme(); th != l.th || size.Width != l.width {
		l.th, l.width = th, size.Width
		l.sizeRows()
	}
}

func (l *myChoresFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// sizeRows measures a row for each chore, laid out as the list shows it.
func (l *myChoresFit) sizeRows() {
	if l.th == nil || l.width <= 0 {
		return
	}
	sample := newMyChoreRow(l.p)
	sample.sample = true
	holder := container.NewThemeOverride(sample, l.th)
	for i, it := range l.p.items {
		sample.set(it)
		holder.Resize(fyne.NewSize(l.width, 2000)) // lets the checklist wrap at the list's width
		l.p.list.SetItemHeight(i, sample.MinSize().Height)
	}
}

// reload reads the resident's chores and sizes each row to its checklist.
func (p *myChoresPanel) reload() {
	st := p.u.store
	p.today = st.Today()
	items, err := st.MyChores(p.r.ID, p.today)
	if err != nil {
		p.msg.SetText("Your chores could not be read. Please tell the house manager.")
		p.msg.Show()
		items = nil
	}
	p.items = items
	if h, err := st.House(); err == nil {
		from, to := h.Week(p.today)
		p.week.SetText(fmt.Sprintf("%s to %s", from.Pretty(), to.Pretty()))
	}
	p.empty.Hidden = len(items) > 0
	p.empty.Refresh()
	p.fit.sizeRows()
	p.list.Refresh()
}

// tick marks a chore done as the resident, then tells the kiosk.
func (p *myChoresPanel) tick(it data.MyChore) {
	if err := p.u.store.MarkChoreDone(data.KioskActor(p.r), it.ID); err != nil {
		p.msg.SetText(problemText(err))
		p.msg.Show()
		return
	}
	p.msg.SetText("")
	p.msg.Hide()
	p.reload()
	if p.done != nil {
		p.done("Marked done: " + it.Chore)
	}
}

// myChoreRow is one chore at the kiosk: what and when on the left, the
// Done button or where it stands on the right.
type myChoreRow struct {
	widget.BaseWidget
	p         *myChoresPanel
	sample    bool // only measured, never on show
	item      data.MyChore
	title     *widget.Label
	when      *widget.Label
	checklist *widget.Label
	button    *widget.Button
	doneBox   *fyne.Container
	stateIcon *widget.Icon
	state     *widget.Label
	stateBox  *fyne.Container
}

func newMyChoreRow(p *myChoresPanel) *myChoreRow {
	r := &myChoreRow{p: p}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.SizeName = theme.SizeNameHeadingText
	r.when = widget.NewLabel("")
	r.when.SizeName = theme.SizeNameSubHeadingText
	r.checklist = widget.NewLabel("")
	r.checklist.Wrapping = fyne.TextWrapWord
	r.button = widget.NewButton("", func() { r.p.tick(r.item) })
	r.button.Importance = widget.HighImportance
	label := canvas.NewText("Done", theme.Color(theme.ColorNameForegroundOnPrimary))
	label.TextSize = 30
	label.TextStyle.Bold = true
	r.doneBox = container.NewGridWrap(p.u.kioskSize(210, kioskTouch), container.NewStack(r.button, container.NewCenter(label)))
	r.stateIcon = widget.NewIcon(theme.ConfirmIcon())
	r.state = widget.NewLabel("")
	r.state.SizeName = theme.SizeNameSubHeadingText
	r.state.Wrapping = fyne.TextWrapWord
	r.stateBox = container.NewGridWrap(p.u.kioskSize(210, kioskTouch), container.NewBorder(nil, nil, r.stateIcon, nil, r.state))
	r.ExtendBaseWidget(r)
	return r
}

func (r *myChoreRow) CreateRenderer() fyne.WidgetRenderer {
	info := container.NewVBox(r.title, r.when, r.checklist)
	right := container.NewVBox(container.NewStack(r.doneBox, r.stateBox))
	return widget.NewSimpleRenderer(container.NewPadded(container.NewBorder(nil, nil, nil, right, info)))
}

// set shows one chore.
func (r *myChoreRow) set(it data.MyChore) {
	if old := r.item.ID; old != "" && r.p.buttons[old] == r.button {
		delete(r.p.buttons, old)
	}
	r.item = it
	r.title.SetText(it.Chore)
	when := myChoreDay(it.Day, r.p.today)
	if it.Area != "" {
		when += " · " + it.Area
	}
	r.when.SetText(when)
	if len(it.Checklist) > 0 {
		r.checklist.SetText("• " + strings.Join(it.Checklist, "\n• "))
		r.checklist.Show()
	} else {
		r.checklist.SetText("")
		r.checklist.Hide()
	}
	if it.Open() && !it.Day.After(r.p.today) {
		r.doneBox.Show()
		r.stateBox.Hide()
		if !r.sample {
			r.p.buttons[it.ID] = r.button
		}
		return
	}
	r.doneBox.Hide()
	r.stateBox.Show()
	icon, text, imp := myChoreState(it)
	r.stateIcon.SetResource(icon)
	r.state.Importance = imp
	r.state.SetText(text)
}

// myChoreDay is "Today", "Yesterday", "Tomorrow" or "Thursday 13 March".
func myChoreDay(d, today data.Date) string {
	switch d.DaysSince(today) {
	case 0:
		return "Today"
	case -1:
		return "Yesterday"
	case 1:
		return "Tomorrow"
	}
	return fmt.Sprintf("%s %d %s", d.Weekday(), d.Day, d.Month)
}

// myChoreState is how a chore that cannot be ticked now is shown.
func myChoreState(it data.MyChore) (fyne.Resource, string, widget.Importance) {
	switch {
	case it.Excused != "":
		return theme.NewDisabledResource(theme.ContentRemoveIcon()), "Excused", widget.LowImportance
	case it.Status == data.ChoreVerified:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), "Done and checked", widget.SuccessImportance
	case it.Status == data.ChoreDone:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), "Done", widget.SuccessImportance
	case it.Status == data.ChoreMissed:
		return theme.NewErrorThemedResource(theme.CancelIcon()), "Missed: see the house manager", widget.DangerImportance
	}
	return theme.CalendarIcon(), "Tick it on the day", widget.LowImportance
}

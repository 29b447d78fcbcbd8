package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Chores section (manager mode): the week's roster, the chore list,
// the chore coordinator's report and the rotation's settings. The kiosk's
// "my chores this week" is in chores_kiosk.go.

// choresPage is the Chores section: four tabs, or a chore's form in their
// place.
type choresPage struct {
	u        *UI
	stack    *fyne.Container
	tabs     *container.AppTabs
	roster   *rosterTab
	list     *choreListTab
	report   *choreReportTab
	settings *choreSettingsTab
	form     *choreForm      // the chore form on show, if any
	formFrom int             // the tab the form was opened from
	paper    report.PageSize // the paper last chosen for printing
}

// Tab order of the Chores section.
const (
	choreTabRoster = iota
	choreTabList
	choreTabReport
	choreTabSettings
)

func (u *UI) choresView() fyne.CanvasObject {
	p := &choresPage{u: u, stack: container.NewStack(), paper: defaultPaper()}
	u.screens.chores = p
	p.roster = newRosterTab(p)
	p.list = newChoreListTab(p)
	p.report = newChoreReportTab(p)
	p.settings = newChoreSettingsTab(p)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Week roster", theme.GridIcon(), p.roster.view()),
		container.NewTabItemWithIcon("Chore list", theme.ListIcon(), p.list.view()),
		container.NewTabItemWithIcon("Coordinator's report", theme.DocumentIcon(), p.report.view()),
		container.NewTabItemWithIcon("Rotation settings", theme.SettingsIcon(), p.settings.view()),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.tabShown() }
	p.showTabs()
	return p.stack
}

// showTabs shows the tabs (again, after a chore's form).
func (p *choresPage) showTabs() {
	p.form = nil
	p.u.screens.choreForm = nil
	p.stack.Objects = []fyne.CanvasObject{container.NewBorder(heading("Chores"), nil, nil, nil, p.tabs)}
	p.stack.Refresh()
	p.tabShown()
}

// tabShown reloads the selected tab, since another tab may have changed
// what it shows, and gives it the keyboard.
func (p *choresPage) tabShown() {
	p.u.onEscape(nil)
	switch p.tabs.SelectedIndex() {
	case choreTabRoster:
		p.roster.reload()
	case choreTabList:
		p.list.reload()
	case choreTabReport:
		p.report.reload()
	case choreTabSettings:
		p.settings.reload()
		p.u.win.Canvas().Focus(p.settings.window)
	}
}

// selectTab shows one of the tabs.
func (p *choresPage) selectTab(i int) {
	p.showTabs()
	p.tabs.SelectIndex(i)
}

// openForm shows a chore's form in place of the tabs; a new chore when
// c.ID is empty.
func (p *choresPage) openForm(c data.Chore) {
	if p.form == nil {
		p.formFrom = p.tabs.SelectedIndex()
	}
	f := newChoreForm(p, c)
	p.form = f
	p.u.screens.choreForm = f
	p.stack.Objects = []fyne.CanvasObject{f.view()}
	p.stack.Refresh()
	p.u.onEscape(f.cancel)
	p.u.win.Canvas().Focus(f.name)
}

// ---- the chore list ---------------------------------------------------------

// choreColumn is a column of the chore list: names, areas and schedules
// wrap rather than end in "…".
type choreColumn struct {
	fitColumn
	text func(data.Chore) string
}

var choreColumns = []choreColumn{
	{fitColumn{title: "Chore", min: 200, wrap: true}, func(c data.Chore) string { return c.Name }},
	{fitColumn{title: "Area", min: 120, wrap: true}, func(c data.Chore) string { return c.Area }},
	{fitColumn{title: "Effort", min: 100}, choreEffortText},
	{fitColumn{title: "Schedule", min: 120, wrap: true}, func(c data.Chore) string { return c.Schedule() }},
	{fitColumn{title: "People", min: 70}, func(c data.Chore) string { return strconv.Itoa(c.People) }},
	{fitColumn{title: "Active", min: 130}, func(c data.Chore) string {
		if c.Active {
			return "Yes"
		}
		return "No: not rostered"
	}},
}

// choreListTab lists the house's chores; selecting one opens its form.
type choreListTab struct {
	p      *choresPage
	chores []data.Chore
	table  *widget.Table
	fit    *fitTable
	count  *widget.Label
	add    *widget.Button
	empty  *widget.Label
}

func newChoreListTab(p *choresPage) *choreListTab {
	t := &choreListTab{p: p, count: widget.NewLabel("")}
	t.add = widget.NewButtonWithIcon("Add chore", theme.ContentAddIcon(), func() {
		p.openForm(data.Chore{Active: true, People: 1, Frequency: data.Weekly, Weekday: -1})
	})
	t.add.Importance = widget.HighImportance
	t.empty = widget.NewLabel("No chores yet. Add the jobs the house shares: kitchen, bathrooms, trash, yard…")
	t.empty.Wrapping = fyne.TextWrapWord
	t.table = widget.NewTable(
		func() (int, int) { return len(t.chores), len(choreColumns) },
		newFitCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(t.chores) || id.Col >= len(choreColumns) {
				return
			}
			c := t.chores[id.Row]
			imp := widget.MediumImportance
			if !c.Active {
				imp = widget.LowImportance
			}
			t.fit.setFitCell(o, id.Col, choreColumns[id.Col].text(c), imp)
		},
	)
	cols := make([]fitColumn, len(choreColumns))
	for i, c := range choreColumns {
		cols[i] = c.fitColumn
	}
	t.fit = newFitTable(t.table, cols, func() int { return len(t.chores) }, func(row, col int) string {
		return choreColumns[col].text(t.chores[row])
	})
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.chores) {
			p.openForm(t.chores[id.Row])
		}
	}
	return t
}

func (t *choreListTab) view() fyne.CanvasObject {
	hint := widget.NewLabel("Select a chore to change it. Effort is from 1 (light) to 5 (heavy), counted each time the chore is done.")
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, nil, t.add, hint)
	return container.NewBorder(top, t.count, nil, nil, container.NewStack(container.New(t.fit, t.table), container.NewVBox(t.empty)))
}

func (t *choreListTab) reload() {
	cs, err := t.p.u.store.Chores()
	if err != nil {
		t.p.u.showProblem("Could not read the chore list", err)
		return
	}
	t.chores = cs
	active := 0
	for _, c := range cs {
		if c.Active {
			active++
		}
	}
	t.count.SetText(fmt.Sprintf("%s, %d active", countNoun(len(cs), "chore"), active))
	t.empty.Hidden = len(cs) > 0
	t.empty.Refresh()
	t.table.Hidden = len(cs) == 0 // its header would show under the message
	t.fit.refit()
	t.table.Refresh()
}

// ---- the chore form ---------------------------------------------------------

// choreEffortOptions are the effort choices; choice i is effort i+1.
var choreEffortOptions = []string{"1 · light", "2", "3 · medium", "4", "5 · heavy"}

// choreEffortText is a chore's effort as the form's select shows it.
func choreEffortText(c data.Chore) string {
	if c.Effort < data.MinEffort || c.Effort > data.MaxEffort {
		return strconv.Itoa(c.Effort)
	}
	return choreEffortOptions[c.Effort-1]
}

// Frequency choices.
const (
	choreDaily  = "Daily"
	choreWeekly = "Once a week"
)

// choreForm adds or changes one chore.
type choreForm struct {
	*form
	p         *choresPage
	c         data.Chore
	days      []time.Weekday // the day select's options, in the house's week order
	name      *entry
	area      *entry
	checklist *entry
	effort    *widget.Select
	often     *widget.RadioGroup
	day       *widget.Select
	people    *entry
	active    *widget.Check
	save      *widget.Button
	del       *widget.Button
}

func newChoreForm(p *choresPage, c data.Chore) *choreForm {
	f := &choreForm{form: newForm(), p: p, c: c}
	first := time.Monday
	if h, err := p.u.store.House(); err == nil {
		first = h.WeekStart
	}
	var dayNames []string
	for i := range 7 {
		d := time.Weekday((int(first) + i) % 7)
		f.days = append(f.days, d)
		dayNames = append(dayNames, d.String())
	}
	f.name = newEntry("e.g. Kitchen after dinner")
	f.area = newEntry("e.g. Ground floor (optional)")
	f.checklist = newArea("What \"done\" means, one item a line:\nCounters wiped\nFloor swept", 4)
	f.effort = widget.NewSelect(choreEffortOptions, nil)
	f.effort.PlaceHolder = "Choose 1 (light) to 5 (heavy)"
	f.day = widget.NewSelect(dayNames, nil)
	f.day.PlaceHolder = "Choose the day"
	f.often = widget.NewRadioGroup([]string{choreDaily, choreWeekly}, func(s string) {
		if s == choreDaily {
			f.day.Disable()
		} else {
			f.day.Enable()
		}
	})
	f.often.Horizontal = true
	f.people = newEntry("1")
	f.active = widget.NewCheck("Put it on the roster", nil)

	f.add(data.FieldChoreName, f.name)
	f.add("Area", f.area)
	f.addHint(data.FieldChecklist, "Shown at the kiosk, so residents know when it is done.", f.checklist)
	f.addHint(data.FieldEffort, "Balanced over the weeks, so heavy chores go round fairly.", f.effort)
	f.add(data.FieldFrequency, f.often)
	f.addHint(data.FieldWeekday, "For a chore done once a week.", f.day)
	f.addHint(data.FieldPeople, "How many residents do it together.", f.people)
	f.add("Active", f.active)
	f.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), f.confirmDelete)
	f.del.Importance = widget.DangerImportance
	submitOnEnter(f.submit, &f.name.Entry, &f.area.Entry, &f.people.Entry)
	f.fill()
	return f
}

func (f *choreForm) fill() {
	c := f.c
	f.name.SetText(c.Name)
	f.area.SetText(c.Area)
	f.checklist.SetText(strings.Join(c.Checklist, "\n"))
	if c.Effort >= data.MinEffort && c.Effort <= data.MaxEffort {
		f.effort.SetSelectedIndex(c.Effort - 1)
	}
	switch c.Frequency {
	case data.Daily:
		f.often.SetSelected(choreDaily)
	case data.Weekly:
		f.often.SetSelected(choreWeekly)
	}
	if c.Frequency == data.Weekly {
		for i, d := range f.days {
			if d == c.Weekday {
				f.day.SetSelectedIndex(i)
			}
		}
	}
	if c.People > 0 {
		f.people.SetText(strconv.Itoa(c.People))
	}
	f.active.SetChecked(c.Active)
}

// values reads the form; a people count that is not a number comes back
// as a field error.
func (f *choreForm) values() (data.Chore, data.ValidationError) {
	var v data.ValidationError
	c := f.c
	c.Name, c.Area = f.name.Text, f.area.Text
	c.Checklist = strings.Split(f.checklist.Text, "\n")
	c.Effort = f.effort.SelectedIndex() + 1 // 0 when none is chosen
	switch f.often.Selected {
	case choreDaily:
		c.Frequency = data.Daily
	case choreWeekly:
		c.Frequency = data.Weekly
	default:
		c.Frequency = ""
	}
	c.Weekday = -1
	if i := f.day.SelectedIndex(); i >= 0 && i < len(f.days) {
		c.Weekday = f.days[i]
	}
	n, err := strconv.Atoi(strings.TrimSpace(f.people.Text))
	if err != nil {
		v = append(v, data.FieldError{Field: data.FieldPeople, Msg: "enter how many people it needs as a number, e.g. 1 or 2"})
	}
	c.People = n
	c.Active = f.active.Checked
	return c, v
}

// submit saves the chore, or shows what is wrong by each field and keeps
// everything typed.
func (f *choreForm) submit() {
	c, v := f.values()
	if f.show(v.Err()) {
		return
	}
	var err error
	if c.ID == "" {
		c, err = f.p.u.store.AddChore(f.p.u.actor(), c)
	} else {
		c, err = f.p.u.store.UpdateChore(f.p.u.actor(), c)
	}
	if f.show(err) {
		return
	}
	f.p.back(fmt.Sprintf("Saved %s.", c.Name))
}

func (f *choreForm) cancel() { f.p.back("") }

// back shows the tab the form was opened from, with a message.
func (p *choresPage) back(msg string) {
	p.showTabs()
	if p.tabs.SelectedIndex() != p.formFrom {
		p.tabs.SelectIndex(p.formFrom)
	}
	if msg == "" {
		return
	}
	switch p.formFrom {
	case choreTabRoster:
		p.roster.setStatus(msg + " Regenerate a week for the change to reach its roster.")
	default:
		p.list.count.SetText(msg + " " + p.list.count.Text)
	}
}

func (f *choreForm) confirmDelete() {
	msg := fmt.Sprintf("Delete %s from the chore list? Rosters already made keep it until you regenerate their week. "+
		"To stop rostering it but keep it on the list, untick Active instead.", f.c.Name)
	f.p.u.confirmAction("Delete chore", msg, "Delete", func() {
		if err := f.p.u.store.DeleteChore(f.p.u.actor(), f.c.ID); err != nil {
			f.show(err)
			return
		}
		f.p.back(fmt.Sprintf("Deleted %s.", f.c.Name))
	})
}

func (f *choreForm) view() fyne.CanvasObject {
	title := "New chore"
	if f.c.ID != "" {
		title = f.c.Name
	}
	back := widget.NewButtonWithIcon("Back to chores", theme.NavigateBackIcon(), f.cancel)
	actions := container.NewHBox(f.save, widget.NewButton("Cancel", f.cancel))
	if f.c.ID != "" {
		actions.Add(f.del)
	}
	note := widget.NewLabel("Enter saves, Escape goes back. Rosters already made keep a chore's name and effort as they were.")
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(back), heading(title))
	body := container.NewVBox(f.Form, f.general, actions, note)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(body))
}

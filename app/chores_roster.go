package app

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The week roster tab: a week picker, "Generate roster", and the week as a
// grid of chores by day. Selecting a day of a chore offers the manager's
// edits for each resident on it.

// Grid sizes.
const (
	rosterChoreWidth = 170
	rosterDayWidth   = 88 // a name that does not fit takes two lines
)

// rosterTab shows one week's roster.
type rosterTab struct {
	p      *choresPage
	house  data.House
	today  data.Date
	week   data.Date // the first day of the week shown
	rows   []data.RosterRow
	cells  []data.RosterCell // every assignment of the week, by day then chore
	active map[string]bool   // residents living in the house
	// dayWidth is the width of a day's column now
	dayWidth float32

	weekLabel  *widget.Label
	prev, this *widget.Button
	next       *widget.Button
	generate   *widget.Button
	print      *widget.Button
	root       *fyne.Container // the whole tab
	top        *fyne.Container // the week, its buttons and the banner
	banner     *fyne.Container // next week's roster is not made yet
	makeNext   *widget.Button
	table      *widget.Table
	empty      *widget.Label
	status     *widget.Label

	// the dialogs open now
	cell    *assignmentDialog
	swap    *swapDialog
	problem string // the last message of a failed roster generation
}

func newRosterTab(p *choresPage) *rosterTab {
	t := &rosterTab{p: p, active: map[string]bool{}, dayWidth: rosterDayWidth}
	t.house, _ = p.u.store.House()
	t.today = p.u.store.Today()
	t.week = t.today.WeekStart(t.house.WeekStart)
	t.weekLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.weekLabel.SizeName = theme.SizeNameSubHeadingText
	t.prev = widget.NewButtonWithIcon("Previous week", theme.NavigateBackIcon(), func() { t.showWeek(t.week.AddDays(-7)) })
	t.this = widget.NewButton("This week", func() { t.showWeek(t.today) })
	t.next = widget.NewButtonWithIcon("Next week", theme.NavigateNextIcon(), func() { t.showWeek(t.week.AddDays(7)) })
	t.next.IconPlacement = widget.ButtonIconTrailingText
	t.generate = widget.NewButtonWithIcon("Generate roster", theme.ViewRefreshIcon(), t.askGenerate)
	t.generate.Importance = widget.HighImportance
	t.print = widget.NewButtonWithIcon("Print chore chart…", theme.DocumentPrintIcon(), t.askPrint)
	t.makeNext = widget.NewButtonWithIcon("Make next week's roster", theme.ViewRefreshIcon(), func() {
		t.showWeek(t.today.AddDays(7))
		t.generateNow()
	})
	note := widget.NewLabel("Next week's roster is not made yet.")
	note.Importance = widget.WarningImportance
	t.banner = container.NewHBox(note, t.makeNext)
	t.empty = widget.NewLabel("")
	t.empty.Wrapping = fyne.TextWrapWord
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	t.table = t.newTable()
	return t
}

func (t *rosterTab) view() fyne.CanvasObject {
	picker := container.NewHBox(t.prev, t.this, t.next)
	t.top = container.NewVBox(
		t.weekLabel,
		container.NewBorder(nil, nil, picker, container.NewHBox(t.generate, t.print)),
		t.banner,
	)
	bottom := container.NewVBox(rosterLegend(), t.status)
	grid := container.New(&rosterFit{t: t}, t.table)
	t.root = container.NewBorder(t.top, bottom, nil, nil, container.NewStack(grid, container.NewPadded(container.NewVBox(t.empty))))
	return t.root
}

// rosterFit lays the grid out with its day columns sharing the width the
// chore column leaves, so the whole week shows without scrolling sideways
// on a desk screen, and stays readable (scrolling) on a narrow one.
type rosterFit struct {
	t     *rosterTab
	width float32
}

func (l *rosterFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		// The table puts a padding-wide separator after each column.
		day := float32(math.Floor(float64(size.Width-rosterChoreWidth-8*theme.Padding()-2) / 7))
		day = max(day, rosterDayWidth)
		for i := 1; i < 8; i++ {
			l.t.table.SetColumnWidth(i, day)
		}
		l.t.dayWidth = day
		l.t.sizeRows() // a name that no longer fits on one line takes two
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *rosterFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// showWeek moves to the week containing d.
func (t *rosterTab) showWeek(d data.Date) {
	t.week = d.WeekStart(t.house.WeekStart)
	t.status.SetText("")
	t.reload()
}

// reload reads the week shown and what the buttons depend on.
func (t *rosterTab) reload() {
	st := t.p.u.store
	t.house, _ = st.House()
	t.today = st.Today()
	t.week = t.week.WeekStart(t.house.WeekStart)
	rows, err := st.RosterGrid(t.week)
	if err != nil {
		t.p.u.showProblem("Could not read the roster", err)
		return
	}
	t.rows = rows
	t.cells = t.cells[:0]
	for _, r := range rows {
		for _, day := range r.Days {
			t.cells = append(t.cells, day...)
		}
	}
	slices.SortStableFunc(t.cells, func(a, b data.RosterCell) int { return strings.Compare(a.ID, b.ID) })
	clear(t.active)
	if rs, err := st.ActiveResidents(); err == nil {
		for _, r := range rs {
			t.active[r.ID] = true
		}
	}
	t.weekLabel.SetText(rosterWeekText(t.week, t.today.WeekStart(t.house.WeekStart)))
	t.showBanner()
	t.showButtons()
	t.sizeRows()
	t.table.Refresh()
}

// rosterWeekText is "Mon 10 Mar – Sun 16 Mar 2025 · this week".
func rosterWeekText(week, thisWeek data.Date) string {
	end := week.AddDays(6)
	from := week.Pretty()
	if week.Year == end.Year {
		from = strings.TrimSuffix(from, fmt.Sprintf(" %d", week.Year))
	}
	s := from + " – " + end.Pretty()
	switch n := week.DaysSince(thisWeek) / 7; {
	case n == 0:
		s += " · this week"
	case n == 1:
		s += " · next week"
	case n == -1:
		s += " · last week"
	case n > 1:
		s += fmt.Sprintf(" · in %d weeks", n)
	default:
		s += fmt.Sprintf(" · %d weeks ago", -n)
	}
	return s
}

func (t *rosterTab) showBanner() {
	nextWeek := t.today.WeekStart(t.house.WeekStart).AddDays(7)
	made := true
	if t.week != nextWeek {
		if r, err := t.p.u.store.Roster(nextWeek); err == nil {
			made = len(r.Assignments) > 0
		}
	}
	if made {
		t.banner.Hide()
	} else {
		t.banner.Show()
	}
	if t.root != nil {
		t.root.Refresh() // lays the tab out again, with or without the banner's room
	}
}

func (t *rosterTab) showButtons() {
	past := t.week.AddDays(6).Before(t.today)
	switch {
	case len(t.cells) == 0 && past:
		t.empty.SetText("No roster was made for this week.")
	case len(t.cells) == 0:
		t.empty.SetText("No roster for this week yet. Generate roster gives every active resident a fair share of the active chores.")
	default:
		t.empty.SetText("")
	}
	t.empty.Hidden = len(t.cells) > 0
	t.empty.Refresh()
	t.table.Hidden = len(t.cells) == 0
	t.generate.SetText("Generate roster")
	if len(t.cells) > 0 {
		t.generate.SetText("Regenerate roster…")
	}
	// Regenerating keeps every day already past, so a past week's roster
	// cannot change.
	if past && len(t.cells) > 0 {
		t.generate.Disable()
	} else {
		t.generate.Enable()
	}
	if len(t.cells) == 0 {
		t.print.Disable()
	} else {
		t.print.Enable()
	}
}

// ---- the grid ---------------------------------------------------------------

func (t *rosterTab) newTable() *widget.Table {
	tb := widget.NewTable(
		func() (int, int) { return len(t.rows), 8 },
		func() fyne.CanvasObject { return newRosterCell() },
		t.updateCell,
	)
	tb.ShowHeaderRow = true
	tb.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col <= 0 {
			l.SetText("Chore")
			return
		}
		day := t.week.AddDays(id.Col - 1)
		l.Importance = widget.MediumImportance
		if day == t.today {
			l.Importance = widget.HighImportance // today, as its cells are shaded
		}
		l.SetText(rosterDayHeader(day, t.withMonth()))
	}
	tb.SetColumnWidth(0, rosterChoreWidth)
	for i := 1; i < 8; i++ {
		tb.SetColumnWidth(i, rosterDayWidth)
	}
	tb.OnSelected = func(id widget.TableCellID) {
		tb.UnselectAll()
		t.open(id.Row, id.Col)
	}
	return tb
}

// rosterDayHeader is "Mon 10 Mar", or "Mon 10" when the columns are too
// narrow for the month (the week above the grid names it).
func rosterDayHeader(day data.Date, month bool) string {
	s := day.Weekday().String()[:3] + " " + fmt.Sprint(day.Day)
	if month {
		s += " " + day.Month.String()[:3]
	}
	return s
}

// withMonth reports whether every day's header fits with its month.
func (t *rosterTab) withMonth() bool {
	for i := range 7 {
		s := rosterDayHeader(t.week.AddDays(i), true)
		if fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+2*theme.InnerPadding() > t.dayWidth {
			return false
		}
	}
	return true
}

// sizeRows makes each row tall enough for its most crowded day, a name
// too long for one line taking two.
func (t *rosterTab) sizeRows() {
	for i, r := range t.rows {
		n := 1
		for _, d := range r.Days {
			lines := 0
			for _, c := range d {
				lines += len(seatLines(c, t.dayWidth))
			}
			n = max(n, lines)
		}
		h := rosterChoreH()
		if len(choreNameLines(r.Chore.Name)) > 1 {
			h += rosterLineH()
		}
		t.table.SetRowHeight(i, max(h, float32(n)*rosterLineH()+2*rosterPad()))
	}
}

func (t *rosterTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*rosterCell)
	if id.Row < 0 || id.Row >= len(t.rows) {
		return
	}
	row := t.rows[id.Row]
	if id.Col == 0 {
		c.showChore(row.Chore)
		return
	}
	c.showSeats(row.Days[id.Col-1], t.week.AddDays(id.Col-1), t.today)
}

// open acts on a selected cell: the chore's form for the chore column,
// the day's assignments otherwise.
func (t *rosterTab) open(row, col int) {
	if row < 0 || row >= len(t.rows) {
		return
	}
	r := t.rows[row]
	if col == 0 {
		if c, err := t.p.u.store.Chore(r.Chore.ID); err == nil {
			t.p.openForm(c)
		} else {
			t.status.SetText(r.Chore.Name + " is no longer on the chore list.")
		}
		return
	}
	if col < 1 || col > 7 {
		return
	}
	cells := r.Days[col-1]
	if len(cells) == 0 {
		t.status.SetText(fmt.Sprintf("%s is not due on %s.", r.Chore.Name, t.week.AddDays(col-1).Weekday()))
		return
	}
	t.cell = t.newAssignmentDialog(r.Chore, cells)
}

// setStatus reports what the last action did, under the grid.
func (t *rosterTab) setStatus(msg string) { t.status.SetText(msg) }

// ---- generating -------------------------------------------------------------

// askGenerate makes the week's roster; remaking one asks first.
func (t *rosterTab) askGenerate() {
	if len(t.cells) == 0 {
		t.generateNow()
		return
	}
	msg := fmt.Sprintf("Regenerate the roster for the week of %s?\n\n"+
		"Locked, excused, done, verified and missed chores are kept as they are, and so is every day already past. "+
		"Every other chore is shared out afresh.", t.week.Pretty())
	t.p.u.confirmAction("Regenerate the roster", msg, "Regenerate", t.generateNow)
}

// generateNow makes the roster of the week shown.
func (t *rosterTab) generateNow() {
	r, err := t.p.u.store.GenerateRoster(t.p.u.actor(), t.week)
	if err != nil {
		t.generateFailed(err)
		return
	}
	t.problem = ""
	t.reload()
	covered := len(r.Assignments) - len(r.Uncovered())
	msg := fmt.Sprintf("Roster made for the week of %s: %s assigned.", r.Week.Pretty(), countNoun(covered, "chore"))
	if n := len(r.Uncovered()); n > 0 {
		msg += fmt.Sprintf(" Nobody was free for %d of them (marked Nobody free): select one to assign someone.", n)
		msg += t.newcomersNote()
	}
	t.setStatus(msg)
}

// newcomersNote says why slots are empty when the residents who moved in
// this week are left off it by the house's rule, and how to change that.
func (t *rosterTab) newcomersNote() string {
	st := t.p.u.store
	cs, err := st.ChoreSettings()
	if err != nil || !cs.ExcuseNewResidents {
		return ""
	}
	rs, err := st.ActiveResidents()
	if err != nil {
		return ""
	}
	end := t.week.AddDays(6)
	newcomers := 0
	for _, r := range rs {
		if !r.MoveIn.Before(t.week) && !r.MoveIn.After(end) {
			newcomers++
		}
	}
	switch {
	case newcomers == 0:
		return ""
	case newcomers == len(rs):
		return " Everyone moved in this week, and the house's rule leaves new residents off their first week: " +
			"untick it under Rotation settings to give them chores now, then regenerate."
	}
	return fmt.Sprintf(" %s moved in this week and %s left off it by the house's rule (Rotation settings).",
		countNoun(newcomers, "resident"), map[bool]string{true: "is", false: "are"}[newcomers == 1])
}

// generateFailed explains why no roster could be made, and offers the way
// to fix it.
func (t *rosterTab) generateFailed(err error) {
	u := t.p.u
	var few *data.TooFewResidentsError
	switch {
	case errors.Is(err, data.ErrNoResidents):
		t.problem = "Nobody lives in the house yet, so there is nobody to give chores to. Add residents on the Residents screen, then generate the roster."
		u.showProblem("No residents", errors.New(t.problem))
	case errors.Is(err, data.ErrNoChores):
		t.problem = "There are no active chores to share out. Add chores to the chore list (or tick Active on some), then generate the roster."
		u.confirmAction("No chores", t.problem, "Open the chore list", func() { t.p.selectTab(choreTabList) })
	case errors.As(err, &few):
		t.problem = problemText(few)
		cs, _ := u.store.Chores()
		i := slices.IndexFunc(cs, func(c data.Chore) bool { return c.Name == few.Chore })
		if i < 0 {
			u.showProblem("Too few residents", few)
			return
		}
		u.confirmAction("Too few residents", t.problem, "Change "+few.Chore, func() { t.p.openForm(cs[i]) })
	default:
		t.problem = problemText(err)
		u.showProblem("Could not make the roster", err)
	}
}

package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Mentors section (manager mode): every active resident with their
// house mentor and this week's check-ins ("Pairs"), and the house's
// written criteria for mentors ("Rules"). Choosing a mentor is in
// mentors_assign.go, the pairing's other actions in mentors_actions.go,
// the kiosk's "Your mentor" in kiosk_mentor.go.

// mentorsPage is the Mentors section.
type mentorsPage struct {
	u     *UI
	tabs  *container.AppTabs
	pairs *mentorPairsTab
	rules *mentorRulesTab
	paper report.PageSize // the paper last chosen for printing
}

// Tab order of the Mentors section.
const (
	mentorTabPairs = iota
	mentorTabRules
)

func (u *UI) mentorsView() fyne.CanvasObject {
	p := &mentorsPage{u: u, paper: defaultPaper()}
	u.screens.mentors = p
	p.pairs = newMentorPairsTab(p)
	p.rules = newMentorRulesTab(p)
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Pairs", theme.AccountIcon(), p.pairs.view()),
		container.NewTabItemWithIcon("Rules", theme.SettingsIcon(), p.rules.view()),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.tabShown() }
	p.tabShown()
	return container.NewBorder(heading("Mentors"), nil, nil, nil, p.tabs)
}

// tabShown reloads the selected tab: another tab may have changed it.
func (p *mentorsPage) tabShown() {
	p.u.onEscape(nil)
	switch p.tabs.SelectedIndex() {
	case mentorTabPairs:
		p.pairs.reload()
	case mentorTabRules:
		p.rules.reload()
	}
}

// ---- the pairs ----------------------------------------------------------

// mentorColumn is a column of the pairs table.
type mentorColumn struct {
	fitColumn
	text func(r data.MentorBoardRow, today data.Date) string
}

var mentorColumns = []mentorColumn{
	{fitColumn{title: "Resident", min: 130, wrap: true}, func(r data.MentorBoardRow, _ data.Date) string {
		return listName(r.Resident)
	}},
	{fitColumn{title: "Mentor", min: 90, wrap: true}, func(r data.MentorBoardRow, _ data.Date) string {
		if r.Pair == nil {
			return "—"
		}
		return r.Pair.Mentor.Short()
	}},
	{fitColumn{title: "This week", min: 70}, func(r data.MentorBoardRow, _ data.Date) string {
		if r.Pair == nil {
			return ""
		}
		return fmt.Sprintf("%d of %d", r.Pair.ThisWeek, r.Pair.Target)
	}},
	{fitColumn{title: "Last check-in", min: 100, wrap: true}, func(r data.MentorBoardRow, today data.Date) string {
		if r.Pair == nil {
			return ""
		}
		if !r.Pair.HasCheckIn {
			return "None yet"
		}
		return sentence(data.AgoWords(r.Pair.LastCheckIn, today))
	}},
	{fitColumn{title: "Needs attention", min: 160, wrap: true, bold: true}, func(r data.MentorBoardRow, _ data.Date) string { return mentorFlags(r) }},
	{fitColumn{title: "Mentees", min: 60}, func(r data.MentorBoardRow, _ data.Date) string {
		if r.Mentees == 0 {
			return ""
		}
		return fmt.Sprint(r.Mentees)
	}},
}

// mentorFlags says what needs the manager on a row, in words.
func mentorFlags(r data.MentorBoardRow) string {
	switch {
	case r.NoMentor != nil && r.NoMentor.Late:
		return fmt.Sprintf("No mentor yet · %s in the house · past the house's time", plural(r.NoMentor.DaysInHouse, "day"))
	case r.NoMentor != nil:
		return fmt.Sprintf("No mentor yet · %s in the house", plural(r.NoMentor.DaysInHouse, "day"))
	case r.Pair == nil:
		return ""
	}
	var s string
	if r.Pair.Overdue {
		s = fmt.Sprintf("Overdue · %s without a check-in", plural(r.Pair.DaysSince, "day"))
	}
	if r.Pair.FollowUp {
		if s != "" {
			s += " · "
		}
		s += "Follow-up: would like you to check in"
	}
	return s
}

// mentorFlagImportance makes the flags stand out: red for overdue and
// late, orange for a follow-up or a resident still waiting.
func mentorFlagImportance(r data.MentorBoardRow) widget.Importance {
	switch {
	case r.NoMentor != nil && r.NoMentor.Late, r.Pair != nil && r.Pair.Overdue:
		return widget.DangerImportance
	case r.NoMentor != nil, r.Pair != nil && r.Pair.FollowUp:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// plural is "1 day", "3 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// mentorPairsTab is the board of every active resident and their mentor.
type mentorPairsTab struct {
	p       *mentorsPage
	rows    []data.MentorBoardRow
	today   data.Date
	sel     int // the selected row, or -1
	table   *widget.Table
	fit     *fitTable
	summary *widget.Label
	chosen  *widget.Label
	status  *widget.Label
	empty   *widget.Label

	choose, end, checkIn, history *widget.Button
}

func newMentorPairsTab(p *mentorsPage) *mentorPairsTab {
	t := &mentorPairsTab{p: p, sel: -1, summary: widget.NewLabel(""), chosen: widget.NewLabel(""), status: widget.NewLabel("")}
	t.status.Importance = widget.SuccessImportance
	t.status.Wrapping = fyne.TextWrapWord
	t.empty = widget.NewLabel("No residents in the house yet.")
	t.table = widget.NewTable(
		func() (int, int) { return len(t.rows), len(mentorColumns) },
		newFitCell,
		t.updateCell,
	)
	cols := make([]fitColumn, len(mentorColumns))
	for i, c := range mentorColumns {
		cols[i] = c.fitColumn
	}
	t.fit = newFitTable(t.table, cols, func() int { return len(t.rows) }, func(row, col int) string {
		return mentorColumns[col].text(t.rows[row], t.today)
	})
	t.table.OnSelected = func(id widget.TableCellID) { t.selectRow(id.Row) }
	t.choose = widget.NewButtonWithIcon("Choose a mentor…", theme.ContentAddIcon(), t.chooseMentor)
	t.choose.Importance = widget.HighImportance
	t.end = widget.NewButtonWithIcon("End pairing…", theme.CancelIcon(), t.endPairing)
	t.checkIn = widget.NewButtonWithIcon("Log a check-in…", theme.ConfirmIcon(), t.logCheckIn)
	t.history = widget.NewButtonWithIcon("History", theme.HistoryIcon(), t.showHistory)
	return t
}

func (t *mentorPairsTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(t.rows) || id.Col >= len(mentorColumns) {
		return
	}
	r := t.rows[id.Row]
	imp, style := widget.MediumImportance, fyne.TextStyle{}
	if mentorColumns[id.Col].title == "Needs attention" {
		imp = mentorFlagImportance(r)
		style.Bold = imp == widget.DangerImportance
	}
	t.fit.setFitCellStyle(o, id.Col, mentorColumns[id.Col].text(r, t.today), imp, style)
}

func (t *mentorPairsTab) view() fyne.CanvasObject {
	hint := widget.NewLabel("Select a resident, then choose their mentor, log a check-in or see their history. " +
		"A check-in notes when and how, never what was said.")
	hint.Wrapping = fyne.TextWrapWord
	actions := container.NewHBox(t.choose, t.end, t.checkIn, t.history)
	bottom := container.NewVBox(t.status, container.NewBorder(nil, nil, t.chosen, actions), t.summary)
	return container.NewBorder(hint, bottom, nil, nil, container.NewStack(container.New(t.fit, t.table), container.NewVBox(t.empty)))
}

func (t *mentorPairsTab) reload() {
	st := t.p.u.store
	t.today = st.Today()
	rows, err := st.MentorBoard(t.today)
	if err != nil {
		t.p.u.showProblem("Could not read the mentors", err)
		return
	}
	keep := ""
	if t.sel >= 0 && t.sel < len(t.rows) {
		keep = t.rows[t.sel].Resident.ID
	}
	t.rows, t.sel = rows, -1
	for i, r := range rows {
		if r.Resident.ID == keep {
			t.sel = i
		}
	}
	t.summary.SetText(mentorSummary(rows))
	t.empty.Hidden = len(rows) > 0
	t.empty.Refresh()
	t.table.Hidden = len(rows) == 0 // its header would show under the message
	t.fit.refit()
	t.showSelection()
}

// mentorSummary is "5 pairs · 1 overdue · 2 waiting for a mentor".
func mentorSummary(rows []data.MentorBoardRow) string {
	var pairs, overdue, waiting, followUp int
	for _, r := range rows {
		if r.Pair != nil {
			pairs++
			if r.Pair.Overdue {
				overdue++
			}
			if r.Pair.FollowUp {
				followUp++
			}
		}
		if r.NoMentor != nil {
			waiting++
		}
	}
	return fmt.Sprintf("%s · %d overdue · %d asked for a follow-up · %d waiting for a mentor", countNoun(pairs, "pair"), overdue, followUp, waiting)
}

// selectRow chooses the resident the buttons act on.
func (t *mentorPairsTab) selectRow(i int) {
	if i < 0 || i >= len(t.rows) {
		return
	}
	t.sel = i
	t.status.SetText("")
	t.showSelection()
}

// showSelection names the selected resident and sets the buttons.
func (t *mentorPairsTab) showSelection() {
	r, ok := t.selected()
	if !ok {
		t.chosen.SetText("Select a resident above.")
		for _, b := range []*widget.Button{t.choose, t.end, t.checkIn, t.history} {
			b.Disable()
		}
		return
	}
	t.chosen.SetText(r.Resident.Short() + ":")
	t.choose.SetText("Choose a mentor…")
	if r.Pair != nil {
		t.choose.SetText("Change mentor…")
	}
	t.choose.Enable()
	t.history.Enable()
	if r.Pair != nil {
		t.end.Enable()
		t.checkIn.Enable()
	} else {
		t.end.Disable()
		t.checkIn.Disable()
	}
}

func (t *mentorPairsTab) selected() (data.MentorBoardRow, bool) {
	if t.sel < 0 || t.sel >= len(t.rows) {
		return data.MentorBoardRow{}, false
	}
	return t.rows[t.sel], true
}

// done reloads the board after a change and says what happened.
func (t *mentorPairsTab) done(msg string) {
	t.reload()
	t.status.SetText(msg)
}

func (t *mentorPairsTab) chooseMentor() {
	if r, ok := t.selected(); ok {
		t.p.u.openAssignMentor(r.Resident, t.done)
	}
}

func (t *mentorPairsTab) endPairing() {
	if r, ok := t.selected(); ok && r.Pair != nil {
		t.p.u.openEndPairing(*r.Pair, t.done)
	}
}

func (t *mentorPairsTab) logCheckIn() {
	if r, ok := t.selected(); ok && r.Pair != nil {
		t.p.u.openManagerCheckIn(*r.Pair, t.done)
	}
}

func (t *mentorPairsTab) showHistory() {
	if r, ok := t.selected(); ok {
		t.p.u.showMentorHistory(r.Resident)
	}
}

// ---- the dashboard --------------------------------------------------------

// mentorsCard lists the pairings overdue for a check-in and the residents
// waiting for a mentor past the house's days; each line opens the Mentors
// section.
func (u *UI) mentorsCard() fyne.CanvasObject {
	today := u.store.Today()
	overdue, err := u.store.OverdueMentorships(today)
	if err != nil {
		return errorCard("Mentors", err)
	}
	waiting, err := u.store.NoMentorYet()
	if err != nil {
		return errorCard("Mentors", err)
	}
	var lines []string
	for _, p := range overdue {
		lines = append(lines, fmt.Sprintf("%s and %s: %s without a check-in", p.Mentee.Short(), p.Mentor.Short(), plural(p.DaysSince, "day")))
	}
	late := 0
	for _, n := range waiting {
		if n.Late {
			late++
			lines = append(lines, fmt.Sprintf("%s: no mentor yet · %s in the house", n.Resident.Short(), plural(n.DaysInHouse, "day")))
		}
	}
	sub := fmt.Sprintf("%d overdue · %d waiting too long for a mentor", len(overdue), late)
	if len(lines) == 0 {
		return widget.NewCard("Mentors", "Every pairing is on track", widget.NewLabel("No pairing is overdue and nobody is waiting too long for a mentor."))
	}
	box := container.NewVBox()
	const most = 6
	for i, line := range lines {
		if i == most {
			box.Add(widget.NewLabel(fmt.Sprintf("and %d more in Mentors", len(lines)-most)))
			break
		}
		b := widget.NewButtonWithIcon(line, theme.NavigateNextIcon(), func() { u.goToSection("Mentors") })
		b.Alignment = widget.ButtonAlignLeading
		b.IconPlacement = widget.ButtonIconTrailingText
		box.Add(b)
	}
	return widget.NewCard("Mentors", sub, box)
}

package app

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The coordinator's report for the house meeting, printing (the chore
// chart and the report), the rotation's settings, and the dashboard card.

// ---- the coordinator's report -------------------------------------------------

// choreReportTab shows the chore coordinator's report: who did which chore
// in the week reported on, done or missed, and the next week's list.
type choreReportTab struct {
	p        *choresPage
	week     data.Date // the week reported on
	rep      data.CoordinatorReport
	past     []choreReportRow
	next     []choreReportRow
	title    *widget.Label
	summary  *widget.Label
	open     *widget.Label // seats nobody was free for
	nextHead *widget.Label
	pastTbl  *widget.Table
	nextTbl  *widget.Table
	pastFit  *fitTable
	nextFit  *fitTable
	prev     *widget.Button
	latest   *widget.Button
	later    *widget.Button
	print    *widget.Button
}

// choreReportRow is one resident's line of the report.
type choreReportRow struct {
	name   string
	chores string
	counts []string // done, missed, excused, not ticked (the past week only)
}

// The report's columns: names and chores wrap, never cut.
var (
	choreReportPastCols = []fitColumn{{title: "Resident", min: 140, wrap: true}, {title: "Chores and days", min: 200, wrap: true},
		{title: "Done", min: 50}, {title: "Missed", min: 60}, {title: "Excused", min: 60}, {title: "Not ticked", min: 80}}
	choreReportNextCols = []fitColumn{{title: "Resident", min: 140, wrap: true}, {title: "Chores and days", min: 200, wrap: true}}
)

func newChoreReportTab(p *choresPage) *choreReportTab {
	t := &choreReportTab{p: p}
	t.week = t.meetingWeek()
	t.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.open = widget.NewLabel("")
	t.open.Wrapping = fyne.TextWrapWord
	t.open.Importance = widget.WarningImportance
	t.nextHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.nextHead.Wrapping = fyne.TextWrapWord
	t.pastTbl, t.pastFit = newChoreReportTable(&t.past, choreReportPastCols)
	t.nextTbl, t.nextFit = newChoreReportTable(&t.next, choreReportNextCols)
	t.prev = widget.NewButtonWithIcon("Earlier week", theme.NavigateBackIcon(), func() { t.week = t.week.AddDays(-7); t.reload() })
	t.latest = widget.NewButton("Last full week", func() { t.week = t.meetingWeek(); t.reload() })
	t.later = widget.NewButtonWithIcon("Later week", theme.NavigateNextIcon(), func() { t.week = t.week.AddDays(7); t.reload() })
	t.later.IconPlacement = widget.ButtonIconTrailingText
	t.print = widget.NewButtonWithIcon("Print report…", theme.DocumentPrintIcon(), t.askPrint)
	return t
}

// meetingWeek is the week a house meeting held today reports on: the
// week that has ended by today (this week, on its last day).
func (t *choreReportTab) meetingWeek() data.Date {
	h, _ := t.p.u.store.House()
	today := t.p.u.store.Today()
	week := today.WeekStart(h.WeekStart)
	if week.AddDays(6).After(today) {
		week = week.AddDays(-7)
	}
	return week
}

func (t *choreReportTab) view() fyne.CanvasObject {
	picker := container.NewBorder(nil, nil, container.NewHBox(t.prev, t.latest, t.later), t.print)
	pastBox := container.NewBorder(container.NewVBox(t.title, t.summary), t.open, nil, nil, container.New(t.pastFit, t.pastTbl))
	nextBox := container.NewBorder(t.nextHead, nil, nil, nil, container.New(t.nextFit, t.nextTbl))
	split := container.NewVSplit(pastBox, nextBox)
	split.Offset = 0.58
	return container.NewBorder(picker, nil, nil, nil, split)
}

func newChoreReportTable(rows *[]choreReportRow, cols []fitColumn) (*widget.Table, *fitTable) {
	var fit *fitTable
	t := widget.NewTable(
		func() (int, int) { return len(*rows), len(cols) },
		newFitCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(*rows) {
				fit.setFitCell(o, id.Col, (*rows)[id.Row].cell(id.Col), widget.MediumImportance)
			}
		},
	)
	fit = newFitTable(t, cols, func() int { return len(*rows) }, func(row, col int) string { return (*rows)[row].cell(col) })
	t.OnSelected = func(widget.TableCellID) { t.UnselectAll() }
	return t, fit
}

// cell is the text of column col: name, chores, then the counts.
func (r choreReportRow) cell(col int) string {
	switch col {
	case 0:
		return r.name
	case 1:
		return r.chores
	}
	if k := col - 2; k >= 0 && k < len(r.counts) {
		return r.counts[k]
	}
	return ""
}

func (t *choreReportTab) reload() {
	rep, err := t.p.u.store.CoordinatorReport(t.week)
	if err != nil {
		t.p.u.showProblem("Could not make the coordinator's report", err)
		return
	}
	t.rep = rep
	t.week = rep.Week
	t.title.SetText("Chores in the week of " + rep.Week.Pretty())
	t.summary.SetText(choreSummary(rep))
	t.open.SetText("")
	if s := choreUncovered(rep.Chores); s != "" {
		t.open.SetText("Nobody was free for: " + s + ".")
	}
	t.open.Hidden = t.open.Text == ""
	t.nextHead.SetText("Next week's list, from " + rep.NextWeek.Pretty())
	if len(rep.Next) == 0 {
		t.nextHead.SetText("Next week, from " + rep.NextWeek.Pretty() + ": the roster is not made yet (Week roster tab, Generate roster).")
	}

	byRes := choreDaysByResident(rep.Chores, choreDoneWord)
	t.past = t.past[:0]
	for _, tl := range rep.Tally {
		t.past = append(t.past, choreReportRow{
			name: tl.Name, chores: byRes[tl.ResidentID],
			counts: []string{strconv.Itoa(tl.Done), strconv.Itoa(tl.Missed), strconv.Itoa(tl.Excused), strconv.Itoa(tl.NotTicked)},
		})
	}
	nextBy := choreDaysByResident(rep.Next, func(data.RosterCell) string { return "" })
	t.next = t.next[:0]
	seen := map[string]bool{}
	for _, c := range rep.Next {
		if c.Covered() && !seen[c.ResidentID] {
			seen[c.ResidentID] = true
			t.next = append(t.next, choreReportRow{name: c.Name, chores: nextBy[c.ResidentID]})
		}
	}
	order := data.NameOrder()
	slices.SortStableFunc(t.next, func(a, b choreReportRow) int { return order(a.name, b.name) })
	t.pastFit.refit()
	t.nextFit.refit()
	if len(rep.Chores) == 0 && len(rep.Next) == 0 {
		t.print.Disable()
	} else {
		t.print.Enable()
	}
}

// choreSummary is the week's tally in words (data.ChoreTally.Summary), as on paper.
func choreSummary(rep data.CoordinatorReport) string {
	switch {
	case len(rep.Tally) == 0 && len(rep.Chores) > 0:
		return "A roster was made, but nobody was free for any of its chores (see below)."
	case len(rep.Tally) == 0:
		return "No chore roster was made for this week."
	}
	return rep.Total().Summary() + "."
}

// choreDoneWord marks a day of the past week in the report.
func choreDoneWord(c data.RosterCell) string {
	switch {
	case c.Excused != "":
		return "excused"
	case c.Status == data.ChoreDone || c.Status == data.ChoreVerified:
		return "done"
	case c.Status == data.ChoreMissed:
		return "MISSED"
	}
	return "not ticked"
}

// choreDaysByResident writes each resident's chores as "Dishes: Mon done,
// Thu MISSED · Yard: Sat done", chores in the order met.
func choreDaysByResident(cells []data.RosterCell, mark func(data.RosterCell) string) map[string]string {
	type chore struct {
		name string
		days []string
	}
	per := map[string][]*chore{}
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		var ch *chore
		for _, x := range per[c.ResidentID] {
			if x.name == c.Chore {
				ch = x
			}
		}
		if ch == nil {
			ch = &chore{name: c.Chore}
			per[c.ResidentID] = append(per[c.ResidentID], ch)
		}
		ch.days = append(ch.days, strings.TrimSpace(c.Day.Weekday().String()[:3]+" "+mark(c)))
	}
	out := map[string]string{}
	for id, list := range per {
		parts := make([]string, len(list))
		for i, ch := range list {
			parts[i] = ch.name + ": " + strings.Join(ch.days, ", ")
		}
		out[id] = strings.Join(parts, " · ")
	}
	return out
}

// choreUncovered lists the seats nobody was free for: "Yard Sat, Dishes Sun".
func choreUncovered(cells []data.RosterCell) string {
	var out []string
	for _, c := range cells {
		if !c.Covered() {
			out = append(out, c.Chore+" "+c.Day.Weekday().String()[:3])
		}
	}
	return strings.Join(out, ", ")
}

// ---- printing ---------------------------------------------------------------

// Paper choices as the print dialogs show them.
const choreFieldNames = "Names"

// askPrint asks for the paper and the names, then writes and opens the
// chore chart of the week shown.
func (t *rosterTab) askPrint() {
	u := t.p.u
	f := newForm()
	paper := paperChoice(t.p.paper)
	full := widget.NewCheck("Full names (the chart on the fridge shows \"Ana N.\")", nil)
	f.add(fieldPaper, paper)
	f.add(choreFieldNames, full)
	var d *formDialog
	d = u.newFormDialog("Print chore chart", "Save and open",
		"The chart of the week of "+t.week.Pretty()+" opens in the system's PDF viewer, to print from there.", f, func() {
			size := paperOf(paper)
			path, err := t.writeChart(size, full.Checked)
			if f.show(err) {
				return
			}
			t.p.paper = size
			d.close()
			t.setStatus("Chore chart saved to " + path + ". Delete it once printed: it names residents.")
			u.openPDF("Chore chart", path)
		})
	d.open(560)
}

// writeChart writes the chore chart of the week shown and returns its path.
func (t *rosterTab) writeChart(size report.PageSize, fullNames bool) (string, error) {
	st := t.p.u.store
	rows, err := st.RosterGrid(t.week)
	if err != nil {
		return "", err
	}
	h, err := st.House()
	if err != nil {
		return "", err
	}
	return writePrintPDF("chore-chart-"+t.week.String()+".pdf", func(f io.Writer) error {
		return report.ChoreChart(f, report.ChoreChartOptions{
			House: h.Name, Week: t.week, Rows: rows, Size: size, FullNames: fullNames, Printed: st.Now(),
		})
	})
}

// askPrint writes and opens the coordinator's report as a PDF.
func (t *choreReportTab) askPrint() {
	u := t.p.u
	f := newForm()
	paper := paperChoice(t.p.paper)
	f.add(fieldPaper, paper)
	var d *formDialog
	d = u.newFormDialog("Print coordinator's report", "Save and open",
		"For the house meeting: the week of "+t.rep.Week.Pretty()+" and next week's list. Managers' notes are not printed.", f, func() {
			size := paperOf(paper)
			path, err := t.writeReport(size)
			if f.show(err) {
				return
			}
			t.p.paper = size
			d.close()
			u.openPDF("Coordinator's report", path)
		})
	d.open(560)
}

func (t *choreReportTab) writeReport(size report.PageSize) (string, error) {
	st := t.p.u.store
	h, err := st.House()
	if err != nil {
		return "", err
	}
	return writePrintPDF("chore-report-"+t.rep.Week.String()+".pdf", func(f io.Writer) error {
		return report.ChoreCoordinatorPDF(f, h.Name, t.rep, size, st.Now())
	})
}

// ---- the rotation's settings ---------------------------------------------------

// choreSettingsTab edits the house's ChoreSettings.
type choreSettingsTab struct {
	*form
	p         *choresPage
	newcomers *widget.Check
	passes    *widget.Check
	window    *entry
	save      *widget.Button
	saved     *widget.Label
}

func newChoreSettingsTab(p *choresPage) *choreSettingsTab {
	t := &choreSettingsTab{form: newForm(), p: p}
	t.newcomers = widget.NewCheck("Leave residents off the roster for the rest of the week they move in", nil)
	t.passes = widget.NewCheck("Leave residents off the roster on the days an overnight pass covers", nil)
	t.window = newEntry(strconv.Itoa(data.DefaultWindowWeeks))
	t.add("New residents", t.newcomers)
	t.add("Overnight passes", t.passes)
	t.addHint(data.FieldWindowWeeks, fmt.Sprintf("1 to %d weeks. Effort is balanced over this many weeks, this one included, not just this week.", data.MaxWindowWeeks), t.window)
	t.save = widget.NewButtonWithIcon("Save settings", theme.DocumentSaveIcon(), t.submit)
	t.save.Importance = widget.HighImportance
	t.saved = widget.NewLabel("")
	t.saved.Importance = widget.SuccessImportance
	submitOnEnter(t.submit, &t.window.Entry)
	return t
}

func (t *choreSettingsTab) view() fyne.CanvasObject {
	how := widget.NewLabel("How the rotation decides: each seat of each chore goes to someone available that day, " +
		"heaviest chores first. It prefers someone whose effort over the last weeks stays within one chore of the lightest load in the house, " +
		"then someone who did not have that chore last week, then the lightest load. Missed chores earn no credit, so that share comes back; " +
		"excused ones count as done. The same house and history always give the same roster.")
	how.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(t.Form, t.general, container.NewHBox(t.save, t.saved), widget.NewSeparator(), how))
}

func (t *choreSettingsTab) reload() {
	t.clear()
	t.saved.SetText("")
	cs, err := t.p.u.store.ChoreSettings()
	if err != nil {
		t.show(err)
		return
	}
	t.newcomers.SetChecked(cs.ExcuseNewResidents)
	t.passes.SetChecked(cs.ExcuseOvernightPass)
	t.window.SetText(strconv.Itoa(cs.Window()))
}

func (t *choreSettingsTab) submit() {
	t.saved.SetText("")
	n, err := strconv.Atoi(strings.TrimSpace(t.window.Text))
	if err != nil {
		t.show(data.ValidationError{{Field: data.FieldWindowWeeks, Msg: fmt.Sprintf("enter a number of weeks from 1 to %d", data.MaxWindowWeeks)}})
		return
	}
	cs := data.ChoreSettings{ExcuseNewResidents: t.newcomers.Checked, ExcuseOvernightPass: t.passes.Checked, WindowWeeks: n}
	if t.show(t.p.u.store.SaveChoreSettings(t.p.u.actor(), cs)) {
		return
	}
	t.saved.SetText("Saved. The next roster you generate follows them.")
}

// ---- the dashboard card ------------------------------------------------------

// choresCard shows this week's chores done, missed and to do, and whether
// next week's roster is made.
func (u *UI) choresCard() fyne.CanvasObject {
	h, err := u.store.House()
	if err != nil {
		return errorCard("Chores this week", err)
	}
	today := u.store.Today()
	from, to := h.Week(today)
	r, err := u.store.Roster(today)
	if err != nil {
		return errorCard("Chores this week", err)
	}
	sub := fmt.Sprintf("%s to %s", from.Pretty(), to.Pretty())
	var done, missed, excused, due, later, nobody int
	for _, a := range r.Assignments {
		switch {
		case !a.Covered():
			nobody++
		case a.Excused != "":
			excused++
		case a.Status == data.ChoreDone || a.Status == data.ChoreVerified:
			done++
		case a.Status == data.ChoreMissed:
			missed++
		case a.Day.After(today):
			later++
		default:
			due++
		}
	}
	var lines []string
	if len(r.Assignments) == 0 {
		lines = append(lines, "No roster for this week yet: make it in Chores.")
	} else {
		lines = append(lines, fmt.Sprintf("%d missed · %d excused · %d due and not ticked · %d later this week", missed, excused, due, later))
		if nobody > 0 {
			lines = append(lines, fmt.Sprintf("%d with nobody assigned", nobody))
		}
	}
	if next, err := u.store.Roster(from.AddDays(7)); err == nil && len(next.Assignments) == 0 {
		lines = append(lines, "Next week's roster is not made yet.")
	}
	big := widget.NewLabelWithStyle(fmt.Sprintf("%d of %d done", done, len(r.Assignments)-nobody), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	big.SizeName = theme.SizeNameHeadingText
	d := widget.NewLabel(strings.Join(lines, "\n"))
	d.Wrapping = fyne.TextWrapWord
	return widget.NewCard("Chores this week", sub, container.NewVBox(big, d))
}

package app

// The manager's Sign-outs section: who is out now (past curfew stands
// out), the sign-in log by day or week and by resident with missed
// entries and corrections (the original kept, every version shown),
// overnight passes, and outside meetings per resident against the
// house's weekly rule. The dashboard's "Out now" card is here too.

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

const (
	logByDay    = "Day"
	logByWeek   = "Week"
	everyoneOpt = "Everyone"
)

// signoutsPage is the Sign-outs section.
type signoutsPage struct {
	u         *UI
	house     data.House
	tabs      *container.AppTabs
	residents []data.Resident // everyone, by name, for the resident choices
	names     map[string]string

	// who is out now
	outs     []data.Outing
	outList  *widget.List
	outFit   *fitList
	outEmpty *widget.Label

	// the sign-in log
	logMode   *widget.Select
	logWho    *widget.Select
	logDay    data.Date
	logRange  *widget.Label
	logCount  *widget.Label
	entries   []data.SignEntry
	logTable  *widget.Table
	logFit    *fitTable
	logSel    int
	correct   *widget.Button
	versions  *widget.Button
	addMissed *widget.Button

	// overnight passes
	passWho    *widget.Select
	passes     []data.Pass
	passList   *widget.List
	passFit    *fitList
	passSel    int
	cancelPass *widget.Button
	passEmpty  *widget.Label

	// outside meetings
	mtgStart  data.Date
	mtgRange  *widget.Label
	weeks     []data.OutsideMeetingWeek
	mtgTable  *widget.Table
	mtgCols   *fitTable
	mtgSel    int
	mtgDetail *widget.List
	mtgFit    *fitList
	mtgTitle  *widget.Label
}

func (u *UI) signoutsView() fyne.CanvasObject {
	p := &signoutsPage{u: u, logSel: -1, passSel: -1, mtgSel: -1, names: map[string]string{}}
	u.screens.signouts = p
	p.house, _ = u.store.House()
	if rs, err := u.store.Residents(); err == nil {
		p.residents = rs
		order := data.NameOrder()
		sortResidents(p.residents, order)
		for _, r := range rs {
			p.names[r.ID] = r.Display()
		}
	}
	today := u.store.Today()
	p.logDay = today
	p.mtgStart, _ = p.house.Week(today)
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Who is out", p.outTab()),
		container.NewTabItem("Sign-in log", p.logTab()),
		container.NewTabItem("Overnight passes", p.passTab()),
		container.NewTabItem("Outside meetings", p.meetingsTab()),
	)
	return container.NewBorder(heading("Sign-outs"), nil, nil, nil, p.tabs)
}

// sortResidents sorts by display name in the house's collation.
func sortResidents(rs []data.Resident, order func(a, b string) int) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && order(rs[j].Display(), rs[j-1].Display()) < 0; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// name is a resident's full display name, for managers.
func (p *signoutsPage) name(id, fallback string) string {
	if n, ok := p.names[id]; ok {
		return n
	}
	return fallback
}

// residentOptions lists residents for a choice: active ones, or everyone
// who ever lived here when all is set.
func (p *signoutsPage) residentOptions(all bool) ([]string, []string) {
	var labels, ids []string
	for _, r := range p.residents {
		if !all && !r.Active() {
			continue
		}
		l := r.Display()
		if !r.Active() {
			l += " (moved out)"
		}
		labels, ids = append(labels, l), append(ids, r.ID)
	}
	return labels, ids
}

// --- who is out now ----------------------------------------------------

func (p *signoutsPage) outTab() fyne.CanvasObject {
	p.outFit = newFitList(func() int { return len(p.outs) },
		func(i int) string { return p.outingLine(p.outs[i]) },
		func(i int) widget.Importance { return outingImportance(p.outs[i]) })
	p.outList = p.outFit.list
	p.outList.OnSelected = func(i widget.ListItemID) { p.outList.Unselect(i) }
	p.outEmpty = widget.NewLabel("Everyone is in.")
	refresh := widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), p.reloadOut)
	p.reloadOut()
	top := container.NewHBox(widget.NewLabel("Residents signed out now, longest out first. Past curfew without a pass is in red."), layout.NewSpacer(), refresh)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(container.New(p.outFit, p.outList), container.NewVBox(p.outEmpty)))
}

func (p *signoutsPage) reloadOut() {
	outs, err := p.u.store.OutNow()
	if err != nil {
		p.u.showProblem("That did not work", err)
	}
	p.outs = outs
	p.outEmpty.Hidden = len(outs) > 0
	p.outEmpty.Refresh()
	p.outFit.refit()
}

// outingLine is "Jamal W. · Work (Harbor Diner) · out since 11:02 · back by 16:00".
func (p *signoutsPage) outingLine(o data.Outing) string {
	return outingText(p.name(o.ResidentID, o.Name), o, p.u.store.Now())
}

func outingText(name string, o data.Outing, now time.Time) string {
	s := fmt.Sprintf("%s · %s · out since %s · back by %s", name, destText(o.Kind, o.Where), whenText(o.Since, now), whenText(o.ExpectedBack, now))
	switch {
	case o.OnPass:
		s += " · on an overnight pass"
	case o.PastCurfew:
		s += " · PAST CURFEW (" + o.Curfew.Format("15:04") + ")"
	case o.Overdue:
		s += " · overdue"
	}
	return s
}

func outingImportance(o data.Outing) widget.Importance {
	switch {
	case o.PastCurfew && !o.OnPass:
		return widget.DangerImportance
	case o.Overdue && !o.OnPass:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// outNowCard is the dashboard's "Out now": who is out, past curfew first
// in red.
func (u *UI) outNowCard() fyne.CanvasObject {
	outs, err := u.store.OutNow()
	if err != nil {
		return errorCard("Out now", err)
	}
	past := 0
	for _, o := range outs {
		if o.PastCurfew && !o.OnPass {
			past++
		}
	}
	sub := fmt.Sprintf("%d signed out", len(outs))
	if past > 0 {
		sub += fmt.Sprintf(" · %d past curfew", past)
	}
	if len(outs) == 0 {
		return widget.NewCard("Out now", "Everyone is in", widget.NewLabel("Nobody is signed out."))
	}
	// past curfew first, then longest out
	sorted := make([]data.Outing, 0, len(outs))
	for _, pastFirst := range []bool{true, false} {
		for _, o := range outs {
			if (o.PastCurfew && !o.OnPass) == pastFirst {
				sorted = append(sorted, o)
			}
		}
	}
	now := u.store.Now()
	// two lines an outing, the key facts first, so nothing is cut off
	// in the card's half of the dashboard: who, back by when, and curfew;
	// then where and since when
	list := widget.NewList(
		func() int { return len(sorted) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Wrapping = fyne.TextWrapWord
			detail := widget.NewLabel("")
			detail.Wrapping = fyne.TextWrapWord
			return container.NewVBox(head, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			head, detail := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			head.Importance = outingImportance(sorted[i])
			head.SetText(outingHead(sorted[i], now))
			detail.SetText(fmt.Sprintf("%s · out since %s", destText(sorted[i].Kind, sorted[i].Where), whenText(sorted[i].Since, now)))
		},
	)
	list.OnSelected = func(i widget.ListItemID) { list.Unselect(i) }
	least := canvas.NewRectangle(color.Transparent)
	least.SetMinSize(fyne.NewSize(300, 180))
	return widget.NewCard("Out now", sub, container.NewStack(least, list))
}

// outingHead is an outing's key facts: "Paweł K. · back by 13:45 · PAST
// CURFEW (22:00)".
func outingHead(o data.Outing, now time.Time) string {
	s := o.Name + " · back by " + whenText(o.ExpectedBack, now)
	switch {
	case o.OnPass:
		s += " · on an overnight pass"
	case o.PastCurfew:
		s += " · PAST CURFEW (" + o.Curfew.Format("15:04") + ")"
	case o.Overdue:
		s += " · overdue"
	}
	return s
}

// --- the sign-in log ---------------------------------------------------

// logColumn is a column of the sign-in log: the words a manager reads
// wrap rather than being cut, and every column is as wide as its text
// allows (fitTable).
type logColumn struct {
	fitColumn
	text func(p *signoutsPage, e data.SignEntry) string
}

var logColumns = []logColumn{
	{fitColumn{title: "Date", min: 90}, func(_ *signoutsPage, e data.SignEntry) string { return e.Out.Format("Mon 2 Jan") }},
	{fitColumn{title: "Resident", min: 120, wrap: true}, func(p *signoutsPage, e data.SignEntry) string { return p.name(e.ResidentID, "") }},
	{fitColumn{title: "Where to", min: 140, wrap: true}, func(_ *signoutsPage, e data.SignEntry) string { return destText(e.Kind, e.Where) }},
	{fitColumn{title: "Out", min: 56}, func(_ *signoutsPage, e data.SignEntry) string { return e.Out.Format("15:04") }},
	{fitColumn{title: "Expected back", min: 80}, func(_ *signoutsPage, e data.SignEntry) string { return sameDayTime(e.ExpectedBack, e.Out) }},
	{fitColumn{title: "In", min: 56}, func(_ *signoutsPage, e data.SignEntry) string {
		if e.In.IsZero() {
			return "—"
		}
		return sameDayTime(e.In, e.Out)
	}},
	{fitColumn{title: "Status", min: 100, wrap: true}, func(_ *signoutsPage, e data.SignEntry) string { return entryStatus(e) }},
}

// sameDayTime is "15:04", or "Tue 00:30" when t is not on ref's day.
func sameDayTime(t, ref time.Time) string {
	if data.DateOf(t) == data.DateOf(ref) {
		return t.Format("15:04")
	}
	return t.Format("Mon 15:04")
}

// entryStatus is "Out now", "On time" or "Late", and how it was written.
func entryStatus(e data.SignEntry) string {
	s := "On time"
	switch {
	case e.IsOut():
		s = "Out now"
	case e.Late:
		s = "Late"
	}
	if e.Missed {
		s += " · added by a manager"
	}
	if e.Corrects != "" {
		s += " · corrected"
	}
	return s
}

func (p *signoutsPage) logTab() fyne.CanvasObject {
	p.logMode = widget.NewSelect([]string{logByDay, logByWeek}, func(string) { p.reloadLog() })
	labels, _ := p.residentOptions(true)
	p.logWho = widget.NewSelect(append([]string{everyoneOpt}, labels...), func(string) { p.reloadLog() })
	p.logRange = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.logCount = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.moveLog(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.moveLog(1) })
	today := widget.NewButton("Today", func() { p.logDay = p.u.store.Today(); p.reloadLog() })
	p.logTable = widget.NewTable(
		func() (int, int) { return len(p.entries), len(logColumns) },
		newFitCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(p.entries) {
				return
			}
			e := p.entries[id.Row]
			imp := widget.MediumImportance
			if id.Col == len(logColumns)-1 {
				imp = entryImportance(e)
			}
			p.logFit.setFitCell(o, id.Col, logColumns[id.Col].text(p, e), imp)
		},
	)
	cols := make([]fitColumn, len(logColumns))
	for i, c := range logColumns {
		cols[i] = c.fitColumn
	}
	p.logFit = newFitTable(p.logTable, cols, func() int { return len(p.entries) }, func(row, col int) string {
		return logColumns[col].text(p, p.entries[row])
	})
	p.logTable.OnSelected = func(id widget.TableCellID) { p.selectEntry(id.Row) }
	p.logTable.OnUnselected = func(widget.TableCellID) { p.selectEntry(-1) }
	p.addMissed = widget.NewButtonWithIcon("Add a missed entry…", theme.ContentAddIcon(), p.openMissed)
	p.correct = widget.NewButtonWithIcon("Correct…", theme.DocumentCreateIcon(), func() {
		if e, ok := p.selectedEntry(); ok {
			p.openCorrect(e)
		}
	})
	p.versions = widget.NewButtonWithIcon("Versions…", theme.HistoryIcon(), func() {
		if e, ok := p.selectedEntry(); ok {
			p.openVersions(e)
		}
	})
	p.logMode.SetSelected(logByDay)
	p.logWho.SetSelected(everyoneOpt)
	p.reloadLog()
	filters := container.NewHBox(p.logMode, prev, p.logRange, next, today, widget.NewLabel("Resident"), p.logWho)
	actions := container.NewHBox(p.addMissed, p.correct, p.versions, layout.NewSpacer(), p.logCount)
	hint := widget.NewLabel("Select a line to correct it. A correction keeps the original; Versions shows each one with its reason.")
	return container.NewBorder(container.NewVBox(filters, actions), hint, nil, nil, container.New(p.logFit, p.logTable))
}

func entryImportance(e data.SignEntry) widget.Importance {
	switch {
	case e.IsOut():
		return widget.WarningImportance
	case e.Late:
		return widget.DangerImportance
	}
	return widget.SuccessImportance
}

// logSpan is the days the log shows: the day, or its house week.
func (p *signoutsPage) logSpan() (data.Date, data.Date) {
	if p.logMode.Selected == logByWeek {
		return p.house.Week(p.logDay)
	}
	return p.logDay, p.logDay
}

func (p *signoutsPage) moveLog(step int) {
	days := 1
	if p.logMode.Selected == logByWeek {
		days = 7
	}
	p.logDay = p.logDay.AddDays(step * days)
	p.reloadLog()
}

// logResident is the resident chosen in the log's filter ("" for everyone).
func (p *signoutsPage) logResident() string {
	_, ids := p.residentOptions(true)
	if i := p.logWho.SelectedIndex() - 1; i >= 0 && i < len(ids) {
		return ids[i]
	}
	return ""
}

func (p *signoutsPage) reloadLog() {
	if p.logTable == nil || p.logMode.Selected == "" {
		return
	}
	from, to := p.logSpan()
	if from == to {
		p.logRange.SetText(from.Pretty())
	} else {
		p.logRange.SetText(from.Pretty() + " to " + to.Pretty())
	}
	entries, err := p.u.store.SignLog(from, to, p.logResident())
	if err != nil {
		p.u.showProblem("That did not work", err)
	}
	p.entries = entries
	p.logCount.SetText(countText(len(entries), "entry", "entries"))
	p.logTable.UnselectAll()
	p.selectEntry(-1)
	p.logFit.refit()
}

func (p *signoutsPage) selectEntry(row int) {
	p.logSel = row
	if row >= 0 && row < len(p.entries) {
		p.correct.Enable()
		p.versions.Enable()
		return
	}
	p.logSel = -1
	p.correct.Disable()
	p.versions.Disable()
}

func (p *signoutsPage) selectedEntry() (data.SignEntry, bool) {
	if p.logSel < 0 || p.logSel >= len(p.entries) {
		return data.SignEntry{}, false
	}
	return p.entries[p.logSel], true
}

// --- overnight passes --------------------------------------------------

// passWindow is how far back and ahead the passes list looks.
const (
	passDaysBack  = 14
	passDaysAhead = 62
)

func (p *signoutsPage) passTab() fyne.CanvasObject {
	labels, _ := p.residentOptions(false)
	p.passWho = widget.NewSelect(append([]string{everyoneOpt}, labels...), func(string) { p.reloadPasses() })
	p.passFit = newFitList(func() int { return len(p.passes) }, func(i int) string { return p.passLine(p.passes[i]) }, nil)
	p.passList = p.passFit.list
	p.passList.OnSelected = func(i widget.ListItemID) {
		p.passSel = i
		p.cancelPass.Enable()
	}
	p.passList.OnUnselected = func(widget.ListItemID) {
		p.passSel = -1
		p.cancelPass.Disable()
	}
	p.passEmpty = widget.NewLabel("No overnight passes in these weeks.")
	add := widget.NewButtonWithIcon("Add a pass…", theme.ContentAddIcon(), p.openPass)
	add.Importance = widget.HighImportance
	p.cancelPass = widget.NewButtonWithIcon("Cancel pass…", theme.DeleteIcon(), p.confirmCancelPass)
	p.passWho.SetSelected(everyoneOpt)
	top := container.NewVBox(
		widget.NewLabel(fmt.Sprintf("Passes from %d days ago to %d days ahead. Within a pass, curfew does not apply: no lateness, no \"past curfew\".", passDaysBack, passDaysAhead)),
		container.NewHBox(widget.NewLabel("Resident"), p.passWho, add, p.cancelPass))
	return container.NewBorder(top, nil, nil, nil, container.NewStack(container.New(p.passFit, p.passList), container.NewVBox(p.passEmpty)))
}

func (p *signoutsPage) reloadPasses() {
	if p.passList == nil {
		return
	}
	today := p.u.store.Today()
	from, to := today.AddDays(-passDaysBack), today.AddDays(passDaysAhead)
	_, ids := p.residentOptions(false)
	if i := p.passWho.SelectedIndex() - 1; i >= 0 && i < len(ids) {
		ids = ids[i : i+1]
	}
	var all []data.Pass
	for _, id := range ids {
		ps, err := p.u.store.Passes(id, from, to)
		if err != nil {
			p.u.showProblem("That did not work", err)
			break
		}
		all = append(all, ps...)
	}
	sortPasses(all)
	p.passes = all
	p.passList.UnselectAll()
	p.passSel = -1
	p.cancelPass.Disable()
	p.passEmpty.Hidden = len(all) > 0
	p.passEmpty.Refresh()
	p.passFit.refit()
}

func sortPasses(ps []data.Pass) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].From.Before(ps[j-1].From); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// passLine is "María N. · Fri 14 Mar 17:00 to Sun 16 Mar 20:00 · at her sister's · approved by Sam Rivera · now".
func (p *signoutsPage) passLine(ps data.Pass) string {
	now := p.u.store.Now()
	when := "upcoming"
	switch {
	case ps.Covers(now):
		when = "in effect now"
	case !ps.To.After(now):
		when = "ended"
	}
	return fmt.Sprintf("%s · %s to %s · %s · approved by %s · %s", p.name(ps.ResidentID, ""),
		ps.From.Format("Mon 2 Jan 15:04"), ps.To.Format("Mon 2 Jan 15:04"), ps.Where, ps.ApprovedBy, when)
}

func (p *signoutsPage) confirmCancelPass() {
	if p.passSel < 0 || p.passSel >= len(p.passes) {
		return
	}
	ps := p.passes[p.passSel]
	msg := "Cancel this pass? Use it for a pass entered by mistake.\n\n" + p.passLine(ps)
	p.u.confirm("Cancel pass", msg, "Cancel the pass", "Keep it", func(ok bool) {
		if !ok {
			return
		}
		if err := p.u.store.CancelPass(p.u.actor(), ps.ResidentID, ps.ID); err != nil {
			p.u.showProblem("That did not work", err)
		}
		p.reloadPasses()
		p.reloadOut()
	})
}

// --- outside meetings --------------------------------------------------

func (p *signoutsPage) meetingsTab() fyne.CanvasObject {
	p.mtgRange = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.mtgStart = p.mtgStart.AddDays(-7); p.reloadMeetings() })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.mtgStart = p.mtgStart.AddDays(7); p.reloadMeetings() })
	this := widget.NewButton("This week", func() { p.mtgStart, _ = p.house.Week(p.u.store.Today()); p.reloadMeetings() })
	cols := []fitColumn{{title: "Resident", min: 140, wrap: true}, {title: "Phase", min: 90, wrap: true},
		{title: "Meetings", min: 90}, {title: "This week", min: 110, wrap: true}, {title: "Verified", min: 90}}
	p.mtgTable = widget.NewTable(
		func() (int, int) { return len(p.weeks), len(cols) },
		newFitCell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(p.weeks) {
				text, imp := p.meetingCell(p.weeks[id.Row], id.Col)
				p.mtgCols.setFitCell(o, id.Col, text, imp)
			}
		},
	)
	p.mtgCols = newFitTable(p.mtgTable, cols, func() int { return len(p.weeks) }, func(row, col int) string {
		text, _ := p.meetingCell(p.weeks[row], col)
		return text
	})
	p.mtgTable.OnSelected = func(id widget.TableCellID) { p.showMeetingsOf(id.Row) }
	p.mtgTitle = widget.NewLabelWithStyle("Select a resident to see their meetings and who verified them.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.mtgFit = newFitList(func() int { return len(p.detailMeetings()) }, func(i int) string { return p.meetingDetail(p.detailMeetings()[i]) }, nil)
	p.mtgDetail = p.mtgFit.list
	p.mtgDetail.OnSelected = func(i widget.ListItemID) { p.mtgDetail.Unselect(i) }
	p.reloadMeetings()
	top := container.NewVBox(
		container.NewHBox(prev, p.mtgRange, next, this),
		widget.NewLabel("Outside meetings logged at the kiosk or by a manager, against what each phase needs a week."))
	split := container.NewVSplit(container.New(p.mtgCols, p.mtgTable), container.NewBorder(p.mtgTitle, nil, nil, nil, container.New(p.mtgFit, p.mtgDetail)))
	split.Offset = 0.62
	return container.NewBorder(top, nil, nil, nil, split)
}

func (p *signoutsPage) reloadMeetings() {
	end := p.mtgStart.AddDays(6)
	p.mtgRange.SetText(p.mtgStart.Pretty() + " to " + end.Pretty())
	weeks, err := p.u.store.OutsideMeetingsReport(p.mtgStart)
	if err != nil {
		p.u.showProblem("That did not work", err)
	}
	p.weeks = weeks
	p.mtgSel = -1
	p.mtgTable.UnselectAll()
	p.mtgCols.refit()
	p.showMeetingsOf(-1)
}

func (p *signoutsPage) meetingCell(w data.OutsideMeetingWeek, col int) (string, widget.Importance) {
	switch col {
	case 0:
		return p.name(w.ResidentID, w.Name), widget.MediumImportance
	case 1:
		return w.Phase, widget.MediumImportance
	case 2:
		if w.Need == 0 {
			return fmt.Sprint(w.Have), widget.MediumImportance
		}
		return fmt.Sprintf("%d of %d", w.Have, w.Need), widget.MediumImportance
	case 3:
		switch {
		case w.Need == 0:
			return "no rule for phase", widget.LowImportance
		case w.Met():
			return "met", widget.SuccessImportance
		}
		return fmt.Sprintf("%d short", w.Need-w.Have), widget.WarningImportance
	case 4:
		v := 0
		for _, m := range w.Meetings {
			if m.Verified() {
				v++
			}
		}
		if len(w.Meetings) == 0 {
			return "—", widget.MediumImportance
		}
		return fmt.Sprintf("%d of %d", v, len(w.Meetings)), widget.MediumImportance
	}
	return "", widget.MediumImportance
}

func (p *signoutsPage) showMeetingsOf(row int) {
	p.mtgSel = row
	if row < 0 || row >= len(p.weeks) {
		p.mtgSel = -1
		p.mtgTitle.SetText("Select a resident to see their meetings and who verified them.")
	} else {
		w := p.weeks[row]
		p.mtgTitle.SetText(fmt.Sprintf("%s: %s this week", p.name(w.ResidentID, w.Name), countNoun(w.Have, "outside meeting")))
	}
	p.mtgFit.refit()
}

func (p *signoutsPage) detailMeetings() []data.OutsideMeeting {
	if p.mtgSel < 0 || p.mtgSel >= len(p.weeks) {
		return nil
	}
	return p.weeks[p.mtgSel].Meetings
}

// meetingDetail is one meeting for a manager, with its verification.
func (p *signoutsPage) meetingDetail(m data.OutsideMeeting) string {
	s := fmt.Sprintf("%s · %s · %s", m.At.Format("Mon 2 Jan 15:04"), m.Pathway, m.Name)
	if m.Verified() {
		s += " · verified by " + m.Verifier
	} else {
		s += " · not verified"
	}
	if m.LoggedBy.Kind == data.ActorResident {
		s += " · logged at the kiosk"
	} else if m.LoggedBy.Name != "" {
		s += " · logged by " + m.LoggedBy.Name
	}
	return s
}

// --- shared parsing ----------------------------------------------------

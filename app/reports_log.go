package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The list of reports printed and saved, newest first: the house's record
// of what left it on paper. Reports are not kept; any of them can be made
// again from the store.

// reportLogShown is how many lines the list shows.
const reportLogShown = 200

// reportLog is the list and what it shows.
type reportLog struct {
	u     *UI
	lines []data.ReportPrint
	names map[string]string // resident ID -> short name, for letters
	list  *widget.List
	empty *widget.Label
}

func (u *UI) newReportLog() *reportLog {
	l := &reportLog{u: u, names: map[string]string{}}
	l.empty = widget.NewLabel("No report has been printed or saved yet.")
	l.list = widget.NewList(func() int { return len(l.lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.lineText(l.lines[i])) })
	l.reload()
	return l
}

// view is the "Printed and saved" tab.
func (l *reportLog) view() fyne.CanvasObject {
	intro := widget.NewLabel("Every report printed or saved here, newest first. Reports are not kept: " +
		"print any week again from the Weekly report tab and it reads the same.")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(heading("Printed and saved"), intro), nil, nil, nil,
		container.NewStack(l.list, container.NewVBox(l.empty)))
}

// reload reads the log again.
func (l *reportLog) reload() {
	lines, err := l.u.store.ReportPrints(reportLogShown)
	if err != nil {
		l.empty.SetText(problemText(err))
		l.empty.Show()
		return
	}
	l.lines = lines
	if rs, err := l.u.store.Residents(); err == nil {
		for _, r := range rs {
			l.names[r.ID] = r.Short()
		}
	}
	if len(lines) == 0 {
		l.empty.Show()
	} else {
		l.empty.Hide()
	}
	l.list.Refresh()
}

// add logs a print and shows it; a failure to log is shown, the print
// itself has happened.
func (l *reportLog) add(p data.ReportPrint) {
	if _, err := l.u.store.LogReportPrint(l.u.actor(), p); err != nil {
		l.u.showProblem("The print was not added to the list", err)
		return
	}
	l.reload()
}

// lineText is "30 Nov 2026, 08:02 · Weekly report, Mon 23 – Sun 29 Nov
// 2026, house copy · printed on Office · A4 · Sam Rivera".
func (l *reportLog) lineText(p data.ReportPrint) string {
	var what string
	switch p.Kind {
	case data.ReportWeekly:
		from := p.Week
		what = "Weekly report, " + report.WeekLabel(from, from.AddDays(6)) + ", " + strings.ToLower(p.Copy.String())
		if p.Sensitive.Notes {
			what += " with private notes"
		}
		if p.Sensitive.Contacts {
			what += " with contacts"
		}
	case data.ReportLetter:
		what = "Progress letter for " + l.names[p.ResidentID]
		if p.Recipient != "" {
			what += ", to " + p.Recipient
		}
	}
	how := "saved as PDF"
	if p.How == data.ReportPrinted {
		how = "printed on " + p.Printer
	}
	return fmt.Sprintf("%s · %s · %s · %s · %s", p.At.Format("2 Jan 2006, 15:04"), what, how, p.Paper, p.By.Name)
}

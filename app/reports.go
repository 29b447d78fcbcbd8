package app

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// The Reports section: the weekly house report, the product's headline
// paper. A manager picks the week and the copy, sees what the report will
// say in a few lines, and saves it as a PDF to print. The sensitive parts
// of the manager copy are ticked for one print and unticked after it.

// Choices of the Reports section, as the person reads them.
const (
	reportHouseCopy   = "House copy, for the board and the house meeting"
	reportManagerCopy = "Manager copy, for the owner or a certifying body"
	reportNotes       = "Residents' private notes"
	reportContacts    = "Phone numbers, sponsors and emergency contacts"
)

// reportsPage is the section on show.
type reportsPage struct {
	u        *UI
	log      *reportLog // the list of reports printed and saved
	week     data.Date  // the first day of the week shown
	weekText *widget.Label
	copyPick *widget.RadioGroup
	notes    *widget.Check
	contacts *widget.Check
	paper    *widget.RadioGroup
	summary  *widget.Label
	status   *widget.Label
	save     *widget.Button
	print    *widget.Button
}

// reportsView is the Reports section: the weekly report, the progress
// letter, and the list of reports printed and saved.
func (u *UI) reportsView() fyne.CanvasObject {
	log := u.newReportLog()
	weekly := u.weeklyReportView(log)
	return container.NewAppTabs(
		container.NewTabItem("Weekly report", weekly),
		container.NewTabItem("Letter", u.letterView(log)),
		container.NewTabItem("Printed and saved", log.view()),
	)
}

// weeklyReportView is the weekly report's tab.
func (u *UI) weeklyReportView(log *reportLog) fyne.CanvasObject {
	p := &reportsPage{u: u, log: log}
	h, err := u.store.House()
	if err != nil {
		return errorCard("Reports", err)
	}
	p.week = h.DefaultReportWeek(u.store.Today())
	p.weekText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("Week before", theme.NavigateBackIcon(), func() { p.setWeek(p.week.AddDays(-7)) })
	next := widget.NewButtonWithIcon("Week after", theme.NavigateNextIcon(), func() { p.setWeek(p.week.AddDays(7)) })
	next.IconPlacement = widget.ButtonIconTrailingText
	latest := widget.NewButton("Latest ended week", func() { p.setWeek(h.DefaultReportWeek(u.store.Today())) })

	p.copyPick = widget.NewRadioGroup([]string{reportHouseCopy, reportManagerCopy}, func(string) { p.refresh() })
	p.copyPick.Required = true
	p.copyPick.SetSelected(reportHouseCopy)
	p.notes = widget.NewCheck(reportNotes, func(bool) { p.refresh() })
	p.contacts = widget.NewCheck(reportContacts, func(bool) { p.refresh() })
	p.paper = paperChoice(defaultPaper())
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.print = widget.NewButtonWithIcon("Print", theme.DocumentPrintIcon(), p.printDialog)
	p.print.Importance = widget.HighImportance
	p.save = widget.NewButtonWithIcon("Save and open PDF", theme.DocumentSaveIcon(), p.saveAndOpen)

	sensitive := widget.NewCard("Also print, this once", "Off the report unless ticked; unticked again after printing",
		container.NewVBox(p.notes, p.contacts))
	f := widget.NewForm(
		widget.NewFormItem("Week", container.NewHBox(prev, p.weekText, next, latest)),
		widget.NewFormItem("Copy", p.copyPick),
		widget.NewFormItem("Paper", p.paper),
	)
	body := container.NewVBox(f, sensitive, widget.NewCard("What it will say", "", p.summary),
		container.NewHBox(widget.NewButtonWithIcon("Preview", theme.VisibilityIcon(), p.showPreview), p.print, p.save), p.status)
	p.setWeek(p.week)
	return container.NewBorder(heading("Weekly house report"), nil, nil, nil, container.NewVScroll(body))
}

func (p *reportsPage) setWeek(d data.Date) {
	p.week = d
	p.weekText.SetText(report.WeekLabel(d, d.AddDays(6)))
	p.refresh()
}

// options are the choices on screen.
func (p *reportsPage) options() report.WeeklyOptions {
	o := report.WeeklyOptions{Week: p.week, Copy: data.CopyHouse, Paper: paperOf(p.paper),
		PreparedBy: p.u.actor().Name, Printed: p.u.store.Now()}
	if p.copyPick.Selected == reportManagerCopy {
		o.Copy = data.CopyManager
		o.Sensitive = data.SensitiveParts{Notes: p.notes.Checked, Contacts: p.contacts.Checked}
	}
	return o
}

// refresh shows what the report will hold: the sensitive ticks only on
// the manager copy, and a few lines of the week.
func (p *reportsPage) refresh() {
	if p.summary == nil {
		return // still being built
	}
	if p.copyPick.Selected == reportManagerCopy {
		p.notes.Enable()
		p.contacts.Enable()
	} else {
		p.notes.SetChecked(false)
		p.contacts.SetChecked(false)
		p.notes.Disable()
		p.contacts.Disable()
	}
	rep, err := p.u.store.WeeklyReport(p.options().Query())
	if err != nil {
		p.summary.SetText(problemText(err))
		return
	}
	p.summary.SetText(reportSummary(rep))
}

// reportSummary is the week in a few lines, as the report's sections say it.
func reportSummary(rep data.WeeklyReport) string {
	c := rep.Census
	meeting := "No house meeting this week."
	if n := len(rep.Meetings); n > 0 {
		meeting = fmt.Sprintf("House meeting on %s.", rep.Meetings[n-1].Date.Pretty())
	}
	lines := []string{
		fmt.Sprintf("%d of %d beds filled · %d moved in · %d moved out.", c.Filled, c.Beds, len(c.MoveIns), len(c.MoveOuts)),
		fmt.Sprintf("%s this week, %d next week.", countNoun(len(rep.Milestones.ThisWeek), "milestone"), len(rep.Milestones.NextWeek)),
		meeting,
		"Chores: " + data.SumTallies(rep.Chores.Tally).Summary() + ".",
		fmt.Sprintf("Peer mentors: %d of %d pairings met their check-ins; %d waiting for a mentor.",
			rep.Mentors.Met, len(rep.Mentors.Pairs), len(rep.Mentors.Waiting)),
	}
	if rep.Manager() {
		lines = append(lines, "Manager copy: move-out reasons are included.")
		if rep.Sensitive.Notes {
			lines = append(lines, "Private notes are included in this print.")
		}
		if rep.Sensitive.Contacts {
			lines = append(lines, "Phone numbers and contacts are included in this print.")
		}
	}
	out := ""
	for _, l := range lines {
		out += l + "\n"
	}
	return out[:len(out)-1]
}

// saveAndOpen writes the report to the private print folder, logs it and
// opens it; the sensitive ticks go back off.
func (p *reportsPage) saveAndOpen() {
	o := p.options()
	path, err := writePrintPDF(p.fileName(o), func(w io.Writer) error { return report.Weekly(w, p.u.store, o) })
	if err != nil {
		p.u.showProblem("The report could not be saved", err)
		return
	}
	p.printed(o, data.ReportSaved, "")
	p.status.SetText("Saved to " + path + ". It names residents: delete it once printed.")
	p.u.openPDF("Weekly report", path)
}

// fileName is "weekly-report-2026-11-23-house.pdf".
func (p *reportsPage) fileName(o report.WeeklyOptions) string {
	return fmt.Sprintf("weekly-report-%s-%s.pdf", p.week, map[data.ReportCopy]string{data.CopyHouse: "house", data.CopyManager: "manager"}[o.Copy])
}

// printed logs a print or save of the report and unticks the sensitive
// parts, which are ticked for one print only.
func (p *reportsPage) printed(o report.WeeklyOptions, how data.ReportHow, printer string) {
	p.log.add(data.ReportPrint{Kind: data.ReportWeekly, Week: p.week, Copy: o.Copy, Sensitive: o.Sensitive,
		How: how, Printer: printer, Paper: paperName(o.Paper)})
	p.notes.SetChecked(false)
	p.contacts.SetChecked(false)
}

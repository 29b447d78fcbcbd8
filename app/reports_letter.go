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

// Reports → Letter: a resident's progress letter for a court, a probation
// officer or an employer. The resident's consent is ticked first (it is
// required, and unticked after each letter); days sober are included only
// when the resident agreed to that too.

// Words of the letter tab.
const (
	letterConsentText = "The resident has agreed, in writing, to this letter being given to the person it is addressed to"
	letterSoberText   = "Include days sober (only if the resident agreed to that too)"
)

// letterPage is the Letter tab.
type letterPage struct {
	u         *UI
	log       *reportLog
	residents []data.Resident
	pick      *widget.Select
	consent   *widget.Check
	sober     *widget.Check
	to        *entry
	paper     *widget.RadioGroup
	f         *form
	status    *widget.Label
}

func (u *UI) letterView(log *reportLog) fyne.CanvasObject {
	p := &letterPage{u: u, log: log}
	rs, err := u.store.Residents()
	if err != nil {
		return errorCard("Letter", err)
	}
	var names []string
	for _, r := range rs {
		if r.Active() || len(r.Stays) > 0 {
			p.residents = append(p.residents, r)
			names = append(names, letterName(r))
		}
	}
	p.pick = widget.NewSelect(names, nil)
	p.pick.PlaceHolder = "Choose a resident"
	p.consent = widget.NewCheck(letterConsentText, nil)
	p.sober = widget.NewCheck(letterSoberText, nil)
	p.to = newEntry("e.g. Officer Dana Kim, County Probation (leave empty for \"To whom it may concern\")")
	p.paper = paperChoice(defaultPaper())
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.f = newForm()
	p.f.add(data.FieldLetterResident, p.pick)
	p.f.add(data.FieldLetterConsent, p.consent)
	p.f.add(data.FieldLetterRecipient, p.to)
	p.f.add("Days sober", p.sober)
	p.f.add(fieldPaper, p.paper)
	printBtn := widget.NewButtonWithIcon("Print", theme.DocumentPrintIcon(), p.printLetter)
	printBtn.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon("Save and open PDF", theme.DocumentSaveIcon(), p.saveLetter)
	intro := widget.NewLabel("One page for a court, a probation officer or an employer: the dates the resident has lived here, " +
		"house meetings attended, outside meetings logged and phase, signed by you. Nothing else from their record is printed.")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, p.f.Form, p.f.general, container.NewHBox(printBtn, save), p.status)
	return container.NewBorder(heading("Resident progress letter"), nil, nil, nil, container.NewVScroll(body))
}

// letterName is the resident's full name, marked when they have moved on.
func letterName(r data.Resident) string {
	if r.Active() {
		return r.Display()
	}
	return r.Display() + " (moved on)"
}

// query is the letter asked for on screen; it is checked by the store.
func (p *letterPage) query() data.LetterQuery {
	q := data.LetterQuery{Consent: p.consent.Checked, IncludeSober: p.sober.Checked, Recipient: p.to.Text}
	if i := p.pick.SelectedIndex(); i >= 0 {
		q.ResidentID = p.residents[i].ID
	}
	return q
}

// check gathers the letter to show the fields' messages before any PDF
// is written.
func (p *letterPage) check() (data.LetterQuery, bool) {
	q := p.query()
	_, err := p.u.store.ProgressLetter(q)
	return q, !p.f.show(err)
}

func (p *letterPage) options() report.LetterOptions {
	return report.LetterOptions{Paper: paperOf(p.paper), Manager: p.u.actor().Name, Printed: p.u.store.Now()}
}

func (p *letterPage) write(q data.LetterQuery) func(io.Writer) error {
	o := p.options()
	return func(w io.Writer) error { return report.ProgressLetter(w, p.u.store, q, o) }
}

func (p *letterPage) fileName(q data.LetterQuery) string {
	return fmt.Sprintf("progress-letter-%s.pdf", q.ResidentID)
}

// saveLetter writes the letter privately and opens it.
func (p *letterPage) saveLetter() {
	q, ok := p.check()
	if !ok {
		return
	}
	path, err := writePrintPDF(p.fileName(q), p.write(q))
	if err != nil {
		p.f.show(err)
		return
	}
	p.done(q, data.ReportSaved, "")
	p.status.SetText("Saved to " + path + ". It is about a resident: delete it once printed.")
	p.u.openPDF("Letter", path)
}

// printLetter sends the letter to a printer.
func (p *letterPage) printLetter() {
	q, ok := p.check()
	if !ok {
		return
	}
	p.u.printReport(printJob{what: "letter", file: p.fileName(q), title: "Porchlight letter", paper: paperOf(p.paper),
		write: p.write(q), save: p.saveLetter,
		done: func(printer, id string) {
			p.done(q, data.ReportPrinted, printer)
			p.status.SetText(sentToText(printer, id))
		}})
}

// done logs the letter and unticks the consent: each letter needs it anew.
func (p *letterPage) done(q data.LetterQuery, how data.ReportHow, printer string) {
	p.log.add(data.ReportPrint{Kind: data.ReportLetter, ResidentID: q.ResidentID, Recipient: q.Recipient,
		How: how, Printer: printer, Paper: paperName(paperOf(p.paper))})
	p.consent.SetChecked(false)
	p.sober.SetChecked(false)
}

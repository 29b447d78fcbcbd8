package app

import (
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// Printing a report through CUPS: the printers come from lpstat, the
// default first; the PDF is written to the private print folder, handed to
// lp, and deleted as soon as CUPS has its copy. Where CUPS or a printer is
// missing the person is told so plainly and offered Save and open instead.

const fieldPrinter = "Printer"

// printJob is one report to print.
type printJob struct {
	what  string                // "weekly report", for titles and messages
	file  string                // the PDF's name in the print folder
	title string                // the job's name on the print queue: no resident names
	paper report.PageSize       // the paper chosen on the page
	write func(io.Writer) error // makes the PDF
	save  func()                // Save and open, offered when printing cannot start
	done  func(printer, job string)
}

// printReport asks for the printer and prints job on it.
func (u *UI) printReport(job printJob) {
	printers, err := report.Printers()
	if err != nil {
		u.confirm("Cannot print from this computer", sentence(err.Error())+
			". Save the "+job.what+" as a PDF and print it from the PDF viewer instead?", "Save and open PDF", "Close",
			func(ok bool) {
				if ok {
					job.save()
				}
			})
		return
	}
	names := make([]string, len(printers))
	for i, p := range printers {
		names[i] = printerLabel(p)
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	f := newForm()
	f.add(fieldPrinter, pick)
	var d *formDialog
	d = u.newFormDialog("Print the "+job.what, "Print",
		fmt.Sprintf("On %s paper. Collect it from the printer straight away: it names residents.", paperName(job.paper)), f, func() {
			p := printers[pick.SelectedIndex()]
			id, err := sendToPrinter(p.Name, job)
			if err != nil {
				f.setError(fieldPrinter, problemText(err))
				return
			}
			d.close()
			job.done(p.Name, id)
		})
	d.open(480)
}

// printerLabel is "Office_Laser (default)", or "... (paused)".
func printerLabel(p report.Printer) string {
	s := p.Name
	if p.Default {
		s += " (default)"
	}
	if !p.Enabled {
		s += " (paused)"
	}
	return s
}

// sendToPrinter writes the PDF privately, hands it to lp and deletes it:
// once lp returns, CUPS holds its own copy.
func sendToPrinter(printer string, job printJob) (string, error) {
	path, err := writePrintPDF(job.file, job.write)
	if err != nil {
		return "", err
	}
	defer os.Remove(path)
	pj, err := report.PrintFile(printer, path, job.title, job.paper)
	if err != nil {
		return "", err
	}
	return pj.ID, nil
}

// sentToText is what the page says after a print: "Sent to PDF (job PDF-3).".
func sentToText(printer, id string) string {
	s := "Sent to " + printer
	if id != "" {
		s += " (job " + id + ")"
	}
	return s + ". Collect it from the printer: it names residents."
}

// paperName is the paper as the log keeps it.
func paperName(p report.PageSize) string {
	if p == report.Letter {
		return paperLetter
	}
	return paperA4
}

// printDialog prints the weekly report as chosen on the page.
func (p *reportsPage) printDialog() {
	o := p.options()
	p.u.printReport(printJob{
		what: "weekly report", file: p.fileName(o), paper: o.Paper,
		title: "Porchlight weekly report " + p.week.String() + " " + strings.ToLower(o.Copy.String()),
		write: func(w io.Writer) error { return report.Weekly(w, p.u.store, o) },
		save:  p.saveAndOpen,
		done: func(printer, id string) {
			p.printed(o, data.ReportPrinted, printer)
			p.status.SetText(sentToText(printer, id))
		},
	})
}

package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// Printing the minutes, and the chore coordinator's report that fills a
// house meeting's agenda.

// Paper size choices as the print dialog shows them.
const fieldSaveTo = "Save to"

// minutesFileName is "minutes-2025-03-09-house-12.pdf".
func minutesFileName(m data.Meeting) string {
	return fmt.Sprintf("minutes-%s-%s-%d.pdf", m.Date, m.Kind, m.Number)
}

// print saves the meeting (if changed), then asks for the paper size and
// where to save the PDF, writes it and opens it in the system viewer.
func (e *meetingEditor) print() {
	if e.dirty && !e.save() {
		return
	}
	f := newForm()
	paper := paperChoice(e.p.paper)
	path := newEntry("Where to save the PDF")
	if dir, err := printDir(); err == nil {
		path.SetText(filepath.Join(dir, minutesFileName(e.m)))
	}
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() { e.choosePath(path) })
	f.add(fieldPaper, paper)
	f.addHint(fieldSaveTo, "The minutes name residents: keep the file private and delete it once printed.", container.NewBorder(nil, nil, nil, choose, path))
	var d *formDialog
	d = e.u.newFormDialog("Print minutes", "Save and open", "The PDF opens in the system viewer, to print from there.", f, func() {
		size := paperOf(paper)
		p := strings.TrimSpace(path.Text)
		if p == "" {
			d.show(data.ValidationError{{Field: fieldSaveTo, Msg: "choose where to save the PDF"}})
			return
		}
		if err := e.writeMinutes(p, size); err != nil {
			d.show(data.ValidationError{{Field: fieldSaveTo, Msg: err.Error()}})
			return
		}
		e.p.paper = size
		d.close()
		e.saved.SetText("Minutes saved to " + p)
		e.u.openPDF("Minutes", p)
	})
	submitOnEnter(d.submit, &path.Entry)
	d.first = path
	d.open(640)
}

// choosePath asks where to save with the file dialog.
func (e *meetingEditor) choosePath(path *entry) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		_ = w.Close()
		path.SetText(w.URI().Path())
	}, e.u.win)
	fd.SetFileName(filepath.Base(path.Text))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path.Text))); err == nil {
		fd.SetLocation(dir)
	}
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	fd.Resize(fyne.NewSize(800, 560))
	fd.Show()
}

// writeMinutes writes the stored minutes to path, readable by this user only.
func (e *meetingEditor) writeMinutes(path string, size report.PageSize) error {
	m, err := e.u.store.Meeting(e.m.ID)
	if err != nil {
		return err
	}
	h, err := e.u.store.House()
	if err != nil {
		return err
	}
	if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
		path += ".pdf"
	}
	return writePrivatePDF(path, func(w io.Writer) error { return report.Minutes(w, m, h, size) })
}

// choreReportFor is the chore coordinator's report for a house meeting on
// d, from the chore roster (data's CoordinatorReportText): the last week
// ended by d, who did which chore, and next week's list. Empty when
// neither week has a roster.
func (u *UI) choreReportFor(d data.Date) (string, error) {
	return u.store.CoordinatorReportText(d)
}

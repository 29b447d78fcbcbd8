package app

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
)

// Printing: every paper the house prints (chore chart, coordinator's
// report, minutes) is written as a PDF readable by this user only and
// opened in the system's PDF viewer, to print from there.

// Paper choices as the print dialogs show them.
const (
	paperA4     = "A4"
	paperLetter = "US Letter"
	fieldPaper  = "Paper"
)

// defaultPaper is US Letter where the locale uses it, A4 elsewhere.
func defaultPaper() report.PageSize { return report.DefaultPageSize() }

// paperChoice is the paper radio, set to current.
func paperChoice(current report.PageSize) *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{paperA4, paperLetter}, nil)
	r.Horizontal, r.Required = true, true
	r.SetSelected(paperA4)
	if current == report.Letter {
		r.SetSelected(paperLetter)
	}
	return r
}

// paperOf reads the paper radio.
func paperOf(r *widget.RadioGroup) report.PageSize {
	if r.Selected == paperLetter {
		return report.Letter
	}
	return report.A4
}

// printDir is a folder only this user can read: printed papers name
// residents, and unlike the store a PDF is not encrypted.
func printDir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("porchlight-print-%d", os.Getuid()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot make a folder for the PDF: %w", err)
	}
	return dir, os.Chmod(dir, 0o700)
}

// writePrivatePDF writes a PDF to path, readable by this user only.
func writePrivatePDF(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write the PDF there: %w", err)
	}
	if err := write(f); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// writePrintPDF writes a PDF named name into the print folder and returns
// its path.
func writePrintPDF(name string, write func(io.Writer) error) (string, error) {
	dir, err := printDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	return path, writePrivatePDF(path, write)
}

// openPDF opens a written PDF in the system's viewer, or says where it is.
func (u *UI) openPDF(what, path string) {
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: path}); err != nil {
		u.showInfo(what+" saved",
			fmt.Sprintf("The %s was saved to %s, but no PDF viewer could open it (%v). Open the file from there to print it, and delete it afterwards.",
				strings.ToLower(what), path, err))
	}
}

// askPaper asks which paper (starting from *paper, which keeps the choice),
// then writes the PDF, opens it in the viewer and tells saved where it is.
func (u *UI) askPaper(title, intro, what string, paper *report.PageSize, saved func(path string), write func(report.PageSize) (string, error)) {
	f := newForm()
	choice := paperChoice(*paper)
	f.add(fieldPaper, choice)
	var d *formDialog
	d = u.newFormDialog(title, "Save and open", intro, f, func() {
		size := paperOf(choice)
		path, err := write(size)
		if f.show(err) {
			return
		}
		*paper = size
		d.close()
		saved(path)
		u.openPDF(what, path)
	})
	d.open(560)
}

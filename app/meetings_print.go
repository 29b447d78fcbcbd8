package app

import (
	"fmt"
	"net/url"
	"os"
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
const (
	paperA4     = "A4"
	paperLetter = "US Letter"
	fieldPaper  = "Paper"
	fieldSaveTo = "Save to"
)

// defaultPaper is US Letter where the locale uses it, A4 elsewhere.
func defaultPaper() report.PageSize {
	for _, k := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		for _, c := range []string{"_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE"} {
			if strings.Contains(v, c) {
				return report.Letter
			}
		}
		return report.A4
	}
	return report.A4
}

// printDir is a folder only this user can read, for printed minutes (they
// hold residents' names; the store itself is encrypted, a PDF is not).
func printDir() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("porchlight-print-%d", os.Getuid()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o700)
}

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
	paper := widget.NewRadioGroup([]string{paperA4, paperLetter}, nil)
	paper.Horizontal, paper.Required = true, true
	paper.SetSelected(paperA4)
	if e.p.paper == report.Letter {
		paper.SetSelected(paperLetter)
	}
	path := newMeetEntry("Where to save the PDF")
	if dir, err := printDir(); err == nil {
		path.SetText(filepath.Join(dir, minutesFileName(e.m)))
	}
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() { e.choosePath(path) })
	f.add(fieldPaper, paper)
	f.addHint(fieldSaveTo, "The minutes name residents: keep the file private and delete it once printed.", container.NewBorder(nil, nil, nil, choose, path))
	var d *dialogForm
	d = e.u.newDialogForm("Print minutes", "Save and open", "The PDF opens in the system viewer, to print from there.", f, func() {
		size := report.A4
		if paper.Selected == paperLetter {
			size = report.Letter
		}
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
		if err := e.u.app.OpenURL(&url.URL{Scheme: "file", Path: p}); err != nil {
			dialog.ShowInformation("Minutes saved", "The minutes were saved to "+p+" but could not be opened: "+err.Error(), e.u.win)
		}
	})
	submitOnEnter(d.submit, &path.Entry)
	d.first = path
	d.open(640)
}

// choosePath asks where to save with the file dialog.
func (e *meetingEditor) choosePath(path *meetEntry) {
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
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write there: %w", err)
	}
	if err := report.Minutes(f, m, h, size); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// choreReportFor is the chore coordinator's report for a house meeting on
// d, from the chore roster: how each resident did in the house week just
// ending (the week holding the day before the meeting), and next week's
// list. Empty when no roster was made for either week.
func (u *UI) choreReportFor(d data.Date) (string, error) {
	rep, err := u.store.CoordinatorReport(d.AddDays(-1))
	if err != nil {
		return "", err
	}
	if len(rep.Chores) == 0 && len(rep.Next) == 0 {
		return "", nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Week of %s:\n", rep.Week.Pretty())
	if len(rep.Tally) == 0 {
		b.WriteString("No chore roster was made for this week.\n")
	}
	for _, t := range rep.Tally {
		line := fmt.Sprintf("%s: %d of %d done", t.Name, t.Done, t.Assigned-t.Excused)
		for _, x := range []struct {
			n    int
			what string
		}{{t.Missed, "missed"}, {t.Excused, "excused"}, {t.NotTicked, "not ticked"}} {
			if x.n > 0 {
				line += fmt.Sprintf(", %d %s", x.n, x.what)
			}
		}
		b.WriteString(line + "\n")
	}
	if open := uncoveredChores(rep.Chores); open != "" {
		b.WriteString("Nobody was free for: " + open + "\n")
	}
	fmt.Fprintf(&b, "Next week, from %s:\n", rep.NextWeek.Pretty())
	if len(rep.Next) == 0 {
		b.WriteString("The roster has not been made yet.\n")
	}
	for _, line := range choresByResident(rep.Next) {
		b.WriteString(line + "\n")
	}
	if open := uncoveredChores(rep.Next); open != "" {
		b.WriteString("Still to cover: " + open + "\n")
	}
	return strings.TrimSpace(b.String()), nil
}

// choresByResident is "Majo Núñez: Kitchen (Mon, Thu); Yard (Sat)", one
// line per resident in the order met.
func choresByResident(cells []data.RosterCell) []string {
	type chore struct {
		name string
		days []string
	}
	var order []string
	names := map[string]string{}
	per := map[string][]*chore{}
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		if _, ok := per[c.ResidentID]; !ok {
			order = append(order, c.ResidentID)
			names[c.ResidentID] = c.Name
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
		ch.days = append(ch.days, c.Day.Weekday().String()[:3])
	}
	var out []string
	for _, id := range order {
		var parts []string
		for _, ch := range per[id] {
			parts = append(parts, ch.name+" ("+strings.Join(ch.days, ", ")+")")
		}
		out = append(out, names[id]+": "+strings.Join(parts, "; "))
	}
	return out
}

// uncoveredChores lists the seats nobody was free for: "Yard, Sat".
func uncoveredChores(cells []data.RosterCell) string {
	var open []string
	for _, c := range cells {
		if !c.Covered() {
			open = append(open, c.Chore+", "+c.Day.Weekday().String()[:3])
		}
	}
	return strings.Join(open, "; ")
}

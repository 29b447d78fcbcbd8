package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Residents → Export: the records a house may want in a spreadsheet, as
// CSV (UTF-8 with a BOM, formula-safe cells; data.Table.WriteCSV, as
// `porchlight export` writes). The file is not encrypted, and the dialog
// says so before anything is written.

// exportKinds are what can be exported, as the person reads them.
var exportKinds = []struct {
	label, file string
	table       func(st *data.Store) (data.Table, error)
}{
	{"Residents (no private notes)", "residents", func(st *data.Store) (data.Table, error) { return st.ExportResidents() }},
	{"Sign-outs", "signouts", func(st *data.Store) (data.Table, error) { return st.ExportSignOuts(data.Date{}, data.Date{}) }},
	{"Chore history", "chores", func(st *data.Store) (data.Table, error) { return st.ExportChores(data.Date{}, data.Date{}) }},
	{"Meeting attendance", "meetings", func(st *data.Store) (data.Table, error) {
		return st.ExportAttendance(data.Date{}, data.Date{})
	}},
}

const fieldExport = "Export"

// openExport asks what to export, then where.
func (p *residentsPage) openExport() {
	u := p.u
	f := newForm()
	var labels []string
	for _, k := range exportKinds {
		labels = append(labels, k.label)
	}
	what := widget.NewSelect(labels, nil)
	what.SetSelectedIndex(0)
	f.add(fieldExport, what)
	var d *formDialog
	d = u.newFormDialog("Export to a spreadsheet", "Choose where…",
		"The CSV file opens in Excel or LibreOffice. It is not encrypted: keep it somewhere private and delete it when done.", f,
		func() {
			i := what.SelectedIndex()
			if i < 0 {
				f.show(data.ValidationError{{Field: fieldExport, Msg: "choose what to export"}})
				return
			}
			d.close()
			p.saveExport(i)
		})
	d.open(520)
}

// saveExport asks for the file and writes it.
func (p *residentsPage) saveExport(kind int) {
	u, k := p.u, exportKinds[kind]
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showProblem("Nothing was exported", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		n, err := writeExport(u.store, kind, w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.showProblem("Nothing was exported", err)
			return
		}
		p.count.SetText(fmt.Sprintf("Exported %s to %s. The file is not encrypted.", countNoun(n, "row"), w.URI().Path()))
	}, u.win)
	fd.SetFileName("porchlight-" + k.file + "-" + u.store.Today().String() + ".csv")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	u.showModal(fd, fyne.NewSize(760, 520))
}

// writeExport writes one kind of export as CSV and counts its rows.
func writeExport(st *data.Store, kind int, w interface{ Write([]byte) (int, error) }) (int, error) {
	t, err := exportKinds[kind].table(st)
	if err != nil {
		return 0, err
	}
	return len(t.Rows), t.WriteCSV(w)
}

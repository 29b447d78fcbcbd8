package app

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Residents → Import: the spreadsheet a house already keeps, read into
// residents. Choose the file; check which column is which (the guesses come
// from the header names); read the first rows as they will be saved and
// every problem by line and column; then import all or nothing, or skip
// the bad rows. The data package does the reading and checking
// (data/import*.go), as `porchlight import residents` does.

// Date orders as the person chooses them.
const (
	importDatesAsk   = "Ask me when a date could be either (03/04/2026)"
	importDayFirst   = "Day first (15/03/2026)"
	importMonthFirst = "Month first (03/15/2026)"
	importNotUsed    = "(not used)"
	importPreviewMax = 12
)

// residentImport is the import page.
type residentImport struct {
	p        *residentsPage
	name     string // the file's name, for the screen
	raw      []byte
	imp      *data.ResidentImport
	mapping  []*widget.Select
	order    *widget.Select
	skipBad  *widget.Check
	summary  *widget.Label
	problems *widget.Label
	preview  *widget.Table
	doImport *widget.Button
	box      *fyne.Container
}

// chooseImportFile asks for the spreadsheet, saved as CSV.
func (p *residentsPage) chooseImportFile() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.u.showProblem("The file could not be opened", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		raw, err := io.ReadAll(io.LimitReader(r, data.MaxImportBytes+1))
		if err != nil {
			p.u.showProblem("The file could not be read", err)
			return
		}
		p.openImport(r.URI().Name(), raw)
	}, p.u.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv"}))
	p.u.showModal(fd, fyne.NewSize(760, 520))
}

// openImport shows the import page for a file's contents.
func (p *residentsPage) openImport(name string, raw []byte) *residentImport {
	ri := &residentImport{p: p, name: name, raw: raw}
	ri.summary = widget.NewLabel("")
	ri.summary.Wrapping = fyne.TextWrapWord
	ri.problems = errorLabel()
	ri.order = widget.NewSelect([]string{importDatesAsk, importDayFirst, importMonthFirst}, func(string) { ri.check() })
	ri.order.SetSelected(importDatesAsk)
	ri.skipBad = widget.NewCheck("Skip the rows with problems and import the rest", func(bool) { ri.updateButton() })
	ri.doImport = widget.NewButtonWithIcon("Import", theme.DownloadIcon(), ri.save)
	ri.doImport.Importance = widget.HighImportance
	ri.preview = ri.newPreview()
	ri.box = container.NewVBox()
	ri.check()
	back := widget.NewButtonWithIcon("Back to list", theme.NavigateBackIcon(), p.showList)
	top := container.NewVBox(container.NewHBox(back), heading("Import residents from "+name), ri.summary)
	previewCard := widget.NewCard("The first rows, as they will be saved", "",
		container.NewGridWrap(fyne.NewSize(900, 260), ri.preview))
	body := container.NewVBox(
		widget.NewCard("Which column is which", "Guessed from the header row; change any that are wrong.", ri.box),
		widget.NewForm(widget.NewFormItem("Dates", ri.order)),
		previewCard, ri.problems, ri.skipBad,
		container.NewHBox(ri.doImport, widget.NewButton("Cancel", p.showList)))
	p.stack.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, container.NewVScroll(body))}
	p.stack.Refresh()
	p.u.onEscape(p.showList)
	return ri
}

// check reads the file again with the mapping and date order on screen.
func (ri *residentImport) check() {
	if ri.summary == nil || ri.box == nil {
		return // still being built
	}
	ctx, err := ri.p.u.store.ImportContext(ri.dateOrder())
	if err == nil {
		ctx.Mapping = ri.chosenMapping()
		ri.imp, err = data.ParseResidentsCSV(bytes.NewReader(ri.raw), ctx)
	}
	if err != nil {
		ri.imp = nil
		ri.summary.SetText(sentence(err.Error()))
		ri.updateButton()
		return
	}
	if len(ri.mapping) != len(ri.imp.Header) {
		ri.buildMapping()
	}
	ri.summary.SetText(fmt.Sprintf("%s, %s: %s can be imported; %s with problems.", ri.imp.Encoding,
		countNoun(len(ri.imp.Rows)+ri.imp.BadRows, "row"), countNoun(len(ri.imp.Rows), "resident"), countNoun(ri.imp.BadRows, "row")))
	var lines []string
	for _, pr := range ri.imp.Problems {
		lines = append(lines, sentence(pr.Error()))
	}
	for _, w := range ri.imp.Warnings {
		lines = append(lines, "Note: "+w.Error())
	}
	ri.problems.SetText(strings.Join(lines, "\n"))
	ri.problems.Hidden = len(lines) == 0
	ri.problems.Refresh()
	ri.preview.Refresh()
	ri.updateButton()
}

// buildMapping makes one choice per column of the file, set to the guess.
func (ri *residentImport) buildMapping() {
	options := []string{importNotUsed}
	for _, f := range importFields() {
		options = append(options, string(f))
	}
	ri.mapping = nil
	form := widget.NewForm()
	for i, h := range ri.imp.Header {
		sel := widget.NewSelect(options, nil)
		if f := ri.imp.Mapping[i]; f != data.ImportIgnore {
			sel.SetSelected(string(f))
		} else {
			sel.SetSelected(importNotUsed)
		}
		sel.OnChanged = func(string) { ri.check() }
		ri.mapping = append(ri.mapping, sel)
		label := strings.TrimSpace(h)
		if label == "" {
			label = fmt.Sprintf("Column %d", i+1)
		}
		form.AppendItem(widget.NewFormItem(label, sel))
	}
	ri.box.Objects = []fyne.CanvasObject{form}
	ri.box.Refresh()
}

// importFields are the fields a column can fill, in the form's order.
func importFields() []data.ImportField {
	return []data.ImportField{data.ImportFirst, data.ImportLast, data.ImportFullName, data.ImportPreferred,
		data.ImportBed, data.ImportRoom, data.ImportBedOnly, data.ImportMoveIn, data.ImportSobriety, data.ImportPhase,
		data.ImportPathways, data.ImportPhone, data.ImportEmergency, data.ImportEmergPhone, data.ImportEmergRel,
		data.ImportHomeGroup, data.ImportSponsor, data.ImportSponsorTel, data.ImportLanguages, data.ImportNotes,
		data.ImportStatus}
}

func (ri *residentImport) chosenMapping() []data.ImportField {
	if len(ri.mapping) == 0 {
		return nil // first reading: guess from the header
	}
	out := make([]data.ImportField, len(ri.mapping))
	for i, s := range ri.mapping {
		if s.Selected != importNotUsed {
			out[i] = data.ImportField(s.Selected)
		}
	}
	return out
}

func (ri *residentImport) dateOrder() data.DateOrder {
	switch ri.order.Selected {
	case importDayFirst:
		return data.DayFirst
	case importMonthFirst:
		return data.MonthFirst
	}
	return data.DateOrderUnknown
}

// updateButton says what Import will do, and allows it only when it can.
func (ri *residentImport) updateButton() {
	switch {
	case ri.imp == nil || len(ri.imp.Rows) == 0:
		ri.doImport.SetText("Import")
		ri.doImport.Disable()
	case len(ri.imp.Problems) > 0 && !ri.skipBad.Checked:
		ri.doImport.SetText("Fix the problems, or skip those rows")
		ri.doImport.Disable()
	default:
		ri.doImport.SetText("Import " + countNoun(len(ri.imp.Rows), "resident"))
		ri.doImport.Enable()
	}
}

// save imports the rows in one audited transaction and goes back to the
// list, which then shows them.
func (ri *residentImport) save() {
	n, err := ri.p.u.store.ImportResidents(ri.p.u.actor(), ri.imp, ri.skipBad.Checked)
	if err != nil {
		ri.p.u.showProblem("Nothing was imported", err)
		return
	}
	ri.p.reload()
	ri.p.showList()
	ri.p.count.SetText(fmt.Sprintf("Imported %s from %s. %s", countNoun(n, "resident"), ri.name, ri.p.count.Text))
}

// newPreview is the table of the first rows as they will be saved.
func (ri *residentImport) newPreview() *widget.Table {
	cols := []struct {
		title string
		width float32
		text  func(r data.Resident) string
	}{
		{"Line", 50, nil},
		{"Name", 230, func(r data.Resident) string { return r.Display() }},
		{"Bed", 150, func(r data.Resident) string { return ri.bedLabel(r.BedID) }},
		{"Moved in", 110, func(r data.Resident) string { return r.MoveIn.String() }},
		{"Sober since", 110, func(r data.Resident) string { return r.Sobriety.String() }},
		{"Phase", 90, func(r data.Resident) string { return r.Phase }},
		{"Pathways", 160, func(r data.Resident) string { return strings.Join(r.Pathways, ", ") }},
	}
	t := widget.NewTable(
		func() (int, int) {
			if ri.imp == nil {
				return 0, len(cols)
			}
			return min(len(ri.imp.Rows), importPreviewMax), len(cols)
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			row := ri.imp.Rows[id.Row]
			text := fmt.Sprint(row.Line)
			if f := cols[id.Col].text; f != nil {
				text = f(row.Resident)
			}
			o.(*widget.Label).SetText(text)
		},
	)
	labelHeader(t, len(cols), func(i int) (string, float32) { return cols[i].title, cols[i].width })
	return t
}

func (ri *residentImport) bedLabel(id string) string {
	h, err := ri.p.u.store.House()
	if err != nil {
		return ""
	}
	b, _ := h.Bed(id)
	return b.Label()
}

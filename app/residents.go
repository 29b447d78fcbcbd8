package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// residentRow is one line of the residents table, computed once per load.
type residentRow struct {
	r         data.Resident
	bed       string
	days      int
	milestone data.Milestone
}

// residentColumn is a sortable column of the residents table.
type residentColumn struct {
	title string
	width float32
	text  func(residentRow) string
	less  func(a, b residentRow) int
}

func residentColumns() []residentColumn {
	order := data.NameOrder()
	byText := func(f func(residentRow) string) func(a, b residentRow) int {
		return func(a, b residentRow) int { return order(f(a), f(b)) }
	}
	name := func(x residentRow) string { return listName(x.r) }
	bed := func(x residentRow) string { return x.bed }
	phase := func(x residentRow) string { return x.r.Phase }
	next := func(x residentRow) string {
		if x.r.Sobriety.IsZero() || !x.r.Active() {
			return ""
		}
		return x.milestone.Name + " · " + x.milestone.Date.Pretty()
	}
	status := func(x residentRow) string { return string(x.r.Status) }
	return []residentColumn{
		{"Name", 230, name, byText(name)},
		{"Room and bed", 150, bed, byText(bed)},
		{"Phase", 90, phase, byText(phase)},
		{"Days sober", 100, func(x residentRow) string { return daysText(x) }, func(a, b residentRow) int { return cmp.Compare(a.days, b.days) }},
		{"Next milestone", 210, next, func(a, b residentRow) int {
			return strings.Compare(a.milestone.Date.String(), b.milestone.Date.String())
		}},
		{"Moved in", 110, func(x residentRow) string { return x.r.MoveIn.String() }, func(a, b residentRow) int { return strings.Compare(a.r.MoveIn.String(), b.r.MoveIn.String()) }},
		{"Status", 100, status, byText(status)},
	}
}

func daysText(x residentRow) string {
	if x.r.Sobriety.IsZero() {
		return "—"
	}
	return fmt.Sprint(x.days)
}

// residentsPage lists residents with search-as-you-type and sortable
// columns; opening one shows its form in the same place.
type residentsPage struct {
	u       *UI
	stack   *fyne.Container
	search  *entry
	show    *widget.Select
	table   *widget.Table
	count   *widget.Label
	cols    []residentColumn
	all     []residentRow
	rows    []residentRow
	sortCol int
	sortRev bool
	// loadedAll: all holds everyone who ever lived here, not only the house.
	loadedAll bool
}

const (
	showActive   = "Living here"
	showMovedOut = "Moved out"
	showAll      = "Everyone"
)

func (u *UI) residentsView() fyne.CanvasObject {
	p := &residentsPage{u: u, cols: residentColumns(), stack: container.NewStack()}
	u.screens.residents = p
	p.search = newEntry("Search by name, bed, phase…")
	p.search.OnChanged = func(string) { p.filter() }
	p.show = widget.NewSelect([]string{showActive, showMovedOut, showAll}, func(string) { p.showChanged() })
	p.count = widget.NewLabel("")
	p.table = p.newTable()
	p.show.SetSelected(showActive)
	p.reload()
	p.showList()
	return p.stack
}

func (p *residentsPage) showList() {
	add := widget.NewButtonWithIcon("Add resident", theme.ContentAddIcon(), func() { p.openForm(data.Resident{}) })
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), p.chooseImportFile)
	exp := widget.NewButtonWithIcon("Export…", theme.UploadIcon(), p.openExport)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(p.show, imp, exp, add), p.search)
	p.stack.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(heading("Residents"), top), p.count, nil, nil, p.table)}
	p.stack.Refresh()
	p.u.onEscape(func() { p.search.SetText("") })
	p.u.win.Canvas().Focus(p.search)
}

func (p *residentsPage) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(p.rows), len(p.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(p.cols[id.Col].text(p.rows[id.Row]))
			o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
		},
	)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(p.headerText(id.Col))
		col := id.Col
		b.OnTapped = func() { p.sortBy(col) }
	}
	for i, c := range p.cols {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.openForm(p.rows[id.Row].r)
		}
	}
	return t
}

func (p *residentsPage) headerText(col int) string {
	if col < 0 || col >= len(p.cols) {
		return ""
	}
	t := p.cols[col].title
	if col == p.sortCol {
		if p.sortRev {
			return t + " ▼"
		}
		return t + " ▲"
	}
	return t
}

// sortBy sorts by a column; the same column again reverses the order.
func (p *residentsPage) sortBy(col int) {
	if col == p.sortCol {
		p.sortRev = !p.sortRev
	} else {
		p.sortCol, p.sortRev = col, false
	}
	p.filter()
}

// showChanged reads everyone who ever lived here the first time the list
// is asked for moved-out residents; "Living here" reads only the house.
func (p *residentsPage) showChanged() {
	if p.show.Selected != showActive && !p.loadedAll {
		p.reload()
		return
	}
	p.filter()
}

// reload reads residents from the store and works out each row once: the
// residents living here, or everyone ever when the list shows the moved
// out (over ten years that is hundreds of records).
func (p *residentsPage) reload() {
	read := p.u.store.ActiveResidents
	if p.show.Selected != showActive {
		read = p.u.store.Residents
	}
	rs, err := read()
	p.loadedAll = p.show.Selected != showActive
	if err != nil {
		p.u.showProblem("That did not work", err)
		return
	}
	h, _ := p.u.store.House()
	today := p.u.store.Today()
	p.all = p.all[:0]
	for _, r := range rs {
		bed, _ := h.Bed(r.BedID)
		p.all = append(p.all, residentRow{r: r, bed: bed.Label(), days: data.DaysSober(r.Sobriety, today), milestone: data.NextMilestone(r.Sobriety, today)})
	}
	p.filter()
}

// filter applies the search text, the status choice and the sort.
func (p *residentsPage) filter() {
	q := p.search.Text
	p.rows = p.rows[:0]
	for _, x := range p.all {
		if !p.wanted(x, q) {
			continue
		}
		p.rows = append(p.rows, x)
	}
	less := p.cols[p.sortCol].less
	slices.SortStableFunc(p.rows, func(a, b residentRow) int {
		if p.sortRev {
			return less(b, a)
		}
		return less(a, b)
	})
	p.count.SetText(fmt.Sprintf("%d shown", len(p.rows)))
	p.fitNames()
	p.table.Refresh()
}

// fitNames widens the name column to the longest name shown, up to
// maxNameWidth; a longer name ends in "…" and opens whole on a tap.
func (p *residentsPage) fitNames() {
	w := p.cols[0].width
	for _, x := range p.rows {
		w = max(w, fyne.MeasureText(listName(x.r), theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding()+4)
	}
	p.table.SetColumnWidth(0, min(w, maxNameWidth))
}

// maxNameWidth is as wide as the name column grows.
const maxNameWidth = 380

func (p *residentsPage) wanted(x residentRow, q string) bool {
	switch p.show.Selected {
	case showActive:
		if !x.r.Active() {
			return false
		}
	case showMovedOut:
		if x.r.Active() {
			return false
		}
	}
	return matches(q, x.r.First, x.r.Last, x.r.Preferred, x.bed, x.r.Phase)
}

// openForm shows a resident's form in place of the list.
func (p *residentsPage) openForm(r data.Resident) {
	f := newResidentForm(p.u, r, func(changed bool) {
		if changed {
			p.reload()
		}
		p.showList()
	})
	p.u.screens.residentForm = f
	p.stack.Objects = []fyne.CanvasObject{f.view()}
	p.stack.Refresh()
	p.u.onEscape(f.cancel)
	p.u.win.Canvas().Focus(f.first)
}

package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"porchlight/data"
)

// ChoreChartOptions is what the chore chart prints.
type ChoreChartOptions struct {
	House string
	Week  data.Date        // the week's first day
	Rows  []data.RosterRow // one per chore, in print order (Store.RosterGrid)
	Size  PageSize
	// FullNames prints residents' full names; by default the chart, which
	// hangs on the fridge, shows "María N.".
	FullNames bool
	Printed   time.Time // the print date in the footer; now if zero
	Notice    string    // the footer notice; DefaultNotice if empty
}

// ChoreChart writes the week's chore chart: landscape, one row per chore
// and one column per day, each day's residents with a tick box. A house of
// sixteen with fifteen chores fits one page; a bigger chart continues on
// further pages with the day header repeated. The rows are printed as
// given, so a manager's order (Store.RosterGrid: daily chores first) holds.
func ChoreChart(w io.Writer, opts ChoreChartOptions) error {
	d, err := New(Options{
		Title: "Chore chart", Subtitle: chartWeekLabel(opts.Week), House: opts.House,
		Size: opts.Size, Landscape: true, Printed: opts.Printed, Notice: opts.Notice,
	})
	if err != nil {
		return err
	}
	newChart(d, opts).draw()
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: chore chart: %w", err)
	}
	return d.Write(w)
}

// chartWeekLabel is "Week of Monday 10 March 2025".
func chartWeekLabel(week data.Date) string {
	return "Week of " + week.Weekday().String() + " " + strconv.Itoa(week.Day) + " " +
		week.Month.String() + " " + strconv.Itoa(week.Year)
}

// Colours of the chart.
var (
	chartInk     = [3]int{33, 37, 41}
	chartMuted   = [3]int{95, 99, 104}
	chartGrid    = [3]int{150, 155, 162}
	chartHead    = [3]int{226, 229, 234}
	chartStripe  = [3]int{246, 247, 249}
	chartNotDue  = [3]int{228, 231, 235}
	chartWhite   = [3]int{255, 255, 255}
	chartMissedC = [3]int{150, 40, 40}
)

// chartScale holds the sizes of one fitting of the chart; the chart is
// drawn at the largest scale that fits a page, down to minChartScale.
type chartScale struct {
	namePt, smallPt float64 // points
	lineH, smallH   float64 // millimetres per line
	pad, box, gap   float64 // cell padding, tick box side, box-to-name gap
}

const minChartScale = 0.78

func scaled(f float64) chartScale {
	return chartScale{
		namePt: 10 * f, smallPt: 7.5 * f,
		lineH: 4.9 * f, smallH: 3.6 * f,
		pad: 1.5 * f, box: 3.4 * f, gap: 1.3 * f,
	}
}

// chart draws one chore chart into a Doc.
type chart struct {
	d      *Doc
	pdf    *gofpdf.Fpdf
	opts   ChoreChartOptions
	s      chartScale
	choreW float64 // the chore column
	dayW   float64 // each day column
}

func newChart(d *Doc, opts ChoreChartOptions) *chart {
	c := &chart{d: d, pdf: d.PDF(), opts: opts}
	c.choreW = min(max(d.Width()*0.2, 45), 62)
	if opts.FullNames {
		c.choreW = max(d.Width()*0.15, 40) // the names take the room
	}
	c.dayW = (d.Width() - c.choreW) / 7
	c.s = c.fitScale()
	return c
}

// fitScale returns the largest scale at which the header, every row and
// the legend fit below the title. A chart too big for one page even at
// the smallest scale is set at full size over several pages.
func (c *chart) fitScale() chartScale {
	room := c.d.Bottom() - c.pdf.GetY()
	for f := 1.0; f >= minChartScale; f -= 0.02 {
		c.s = scaled(f)
		if c.headerH()+c.rowsH()+c.legendH() <= room {
			return c.s
		}
	}
	return scaled(1)
}

func (c *chart) rowsH() float64 {
	h := 0.0
	for _, r := range c.opts.Rows {
		h += c.rowH(r)
	}
	return h
}

func (c *chart) headerH() float64 { return c.s.lineH + 2*c.s.pad }
func (c *chart) legendH() float64 { return c.s.lineH + 1.5 }

// rowH is a row's height: the chore's name and schedule, or the most
// names on one day, whichever is taller.
func (c *chart) rowH(r data.RosterRow) float64 {
	lines := 1
	for _, cells := range r.Days {
		n := 0
		for _, cell := range cells {
			n += c.entryLines(cell)
		}
		lines = max(lines, n)
	}
	names := float64(lines) * c.s.lineH
	chore := float64(len(c.choreLines(r.Chore)))*c.s.lineH + c.s.smallH
	return max(names, chore) + 2*c.s.pad
}

// choreLines wraps the chore's name into the chore column, at most two lines.
func (c *chart) choreLines(ch data.Chore) []string {
	c.setFont("B", c.s.namePt)
	lines := c.pdf.SplitText(clean(ch.Name), c.choreW-2*c.s.pad)
	switch {
	case len(lines) == 0:
		return []string{""}
	case len(lines) > 2:
		return []string{lines[0], c.d.fit(strings.Join(lines[1:], " "), c.choreW-2*c.s.pad)}
	}
	return lines
}

func (c *chart) draw() {
	c.header()
	for i, r := range c.opts.Rows {
		if c.pdf.GetY()+c.rowH(r) > c.d.Bottom() {
			c.d.NewPage()
			c.header()
		}
		c.row(r, i%2 == 1)
	}
	c.legend()
}

// header draws the day names across the top of the grid.
func (c *chart) header() {
	x, y, h := c.d.Left(), c.pdf.GetY(), c.headerH()
	c.box(x, y, c.choreW, h, chartHead)
	c.setFont("B", c.s.namePt)
	c.text(x+c.s.pad, y+c.s.pad, c.choreW-2*c.s.pad, c.s.lineH, "Chore", "L")
	for i := range 7 {
		day := c.opts.Week.AddDays(i)
		dx := x + c.choreW + float64(i)*c.dayW
		c.box(dx, y, c.dayW, h, chartHead)
		label := day.Weekday().String()[:3] + " " + strconv.Itoa(day.Day) + " " + day.Month.String()[:3]
		c.text(dx, y+c.s.pad, c.dayW, c.s.lineH, label, "C")
	}
	c.pdf.SetXY(x, y+h)
}

// row draws one chore: its name and schedule, then each day's names.
func (c *chart) row(r data.RosterRow, striped bool) {
	x, y, h := c.d.Left(), c.pdf.GetY(), c.rowH(r)
	fill := chartWhite
	if striped {
		fill = chartStripe
	}
	c.box(x, y, c.choreW, h, fill)
	c.choreCell(r.Chore, x, y)
	for i, cells := range r.Days {
		dx := x + c.choreW + float64(i)*c.dayW
		if len(cells) == 0 {
			c.box(dx, y, c.dayW, h, chartNotDue)
			continue
		}
		c.box(dx, y, c.dayW, h, fill)
		ly := y + c.s.pad
		for _, cell := range cells {
			c.entry(cell, dx, ly)
			ly += float64(c.entryLines(cell)) * c.s.lineH
		}
	}
	c.pdf.SetXY(x, y+h)
}

func (c *chart) choreCell(ch data.Chore, x, y float64) {
	w := c.choreW - 2*c.s.pad
	ty := y + c.s.pad
	c.setFont("B", c.s.namePt)
	for _, line := range c.choreLines(ch) {
		c.text(x+c.s.pad, ty, w, c.s.lineH, line, "L")
		ty += c.s.lineH
	}
	c.setFont("", c.s.smallPt)
	c.color(chartMuted)
	c.text(x+c.s.pad, ty, w, c.s.smallH, c.d.fit(choreDetail(ch), w), "L")
	c.color(chartInk)
}

// choreDetail is the small line under a chore: "Daily · Kitchen".
func choreDetail(ch data.Chore) string {
	parts := []string{ch.Schedule()}
	if ch.Area != "" {
		parts = append(parts, ch.Area)
	}
	if ch.People > 1 {
		parts = append(parts, strconv.Itoa(ch.People)+" people")
	}
	return strings.Join(parts, " · ")
}

// entry draws one resident's turn in a day cell: a tick box (ticked when
// done, crossed when missed) and the name, struck through when excused.
func (c *chart) entry(cell data.RosterCell, x, y float64) {
	bx, by := x+c.s.pad, y+(c.s.lineH-c.s.box)/2
	nameX := bx + c.s.box + c.s.gap
	w := x + c.dayW - c.s.pad - nameX
	name := c.nameOf(cell)
	switch {
	case !cell.Covered():
		c.setFont("", c.s.smallPt)
		c.color(chartMuted)
		c.text(bx, y, c.dayW-2*c.s.pad, c.s.lineH, "nobody free", "L")
		c.color(chartInk)
	case cell.Excused != "":
		c.name(name, nameX, y, w, chartMuted, true)
	case cell.Status == data.ChoreMissed:
		c.crossBox(bx, by)
		c.name(name, nameX, y, w, chartMissedC, false)
	default:
		c.d.Checkbox(bx, by, c.s.box, cell.Status == data.ChoreDone || cell.Status == data.ChoreVerified)
		c.name(name, nameX, y, w, chartInk, false)
	}
}

// nameWidth is the room a name has in a day cell.
func (c *chart) nameWidth() float64 {
	return c.dayW - 2*c.s.pad - c.s.box - c.s.gap
}

// entryLines is how many lines a cell's name takes: a full name that does
// not fit on one line even shrunk goes on two (given names, then family
// name) before anything is cut.
func (c *chart) entryLines(cell data.RosterCell) int {
	if !c.opts.FullNames || !cell.Covered() {
		return 1
	}
	if _, ok := c.twoLines(c.nameOf(cell)); ok {
		return 2
	}
	return 1
}

// twoLines splits a full name over two lines when it does not fit on one
// at the size names are set.
func (c *chart) twoLines(s string) ([2]string, bool) {
	c.setFont("", c.s.namePt)
	if c.pdf.GetStringWidth(s)+2*c.pdf.GetCellMargin() <= c.nameWidth() {
		return [2]string{}, false
	}
	// break after a space or a hyphen, where the longer line is shortest
	var parts []string
	for _, w := range strings.Fields(s) {
		for {
			i := strings.Index(w, "-")
			if i < 0 || i == len(w)-1 {
				parts = append(parts, w)
				break
			}
			parts = append(parts, w[:i+1])
			w = w[i+1:]
		}
	}
	if len(parts) < 2 {
		return [2]string{}, false
	}
	join := func(ps []string) string {
		out := ""
		for i, p := range ps {
			if i > 0 && !strings.HasSuffix(out, "-") {
				out += " "
			}
			out += p
		}
		return out
	}
	best, bestW := [2]string{}, -1.0
	for cut := 1; cut < len(parts); cut++ {
		a, b := join(parts[:cut]), join(parts[cut:])
		w := max(c.pdf.GetStringWidth(a), c.pdf.GetStringWidth(b))
		if bestW < 0 || w < bestW {
			best, bestW = [2]string{a, b}, w
		}
	}
	return best, true
}

// name sets a resident's name in width w: a full name too long for one
// line goes on two; then the lines are shrunk a little, together, if they
// are long; cut with an ellipsis only if still too long; struck through if
// asked.
func (c *chart) name(s string, x, y, w float64, col [3]int, struck bool) {
	lines := []string{s}
	if two, ok := c.twoLinesIfFull(s); ok {
		lines = two[:]
	}
	widest := func() float64 {
		m := 0.0
		for _, l := range lines {
			m = max(m, c.pdf.GetStringWidth(l))
		}
		return m
	}
	pt := c.s.namePt
	c.setFont("", pt)
	for widest()+2*c.pdf.GetCellMargin() > w && pt > c.s.namePt*0.75 {
		pt -= 0.25
		c.setFont("", pt)
	}
	c.color(col)
	for i, l := range lines {
		l = c.d.fit(l, w)
		ly := y + float64(i)*c.s.lineH
		c.text(x, ly, w, c.s.lineH, l, "L")
		if struck {
			sx := x + c.pdf.GetCellMargin()
			c.pdf.SetDrawColor(col[0], col[1], col[2])
			c.pdf.SetLineWidth(0.3)
			c.pdf.Line(sx, ly+c.s.lineH/2, sx+c.pdf.GetStringWidth(l), ly+c.s.lineH/2)
		}
	}
	c.color(chartInk)
}

// twoLinesIfFull is twoLines for full names only.
func (c *chart) twoLinesIfFull(s string) ([2]string, bool) {
	if !c.opts.FullNames {
		return [2]string{}, false
	}
	return c.twoLines(s)
}

// crossBox draws the box of a missed chore, crossed in red.
func (c *chart) crossBox(x, y float64) {
	c.d.Checkbox(x, y, c.s.box, false)
	k, size := 0.22*c.s.box, c.s.box
	c.pdf.SetDrawColor(chartMissedC[0], chartMissedC[1], chartMissedC[2])
	c.pdf.SetLineWidth(0.4)
	c.pdf.Line(x+k, y+k, x+size-k, y+size-k)
	c.pdf.Line(x+k, y+size-k, x+size-k, y+k)
}

func (c *chart) nameOf(cell data.RosterCell) string {
	if c.opts.FullNames && cell.Name != "" {
		return clean(cell.Name)
	}
	return clean(cell.Short)
}

// legend explains the marks under the grid.
func (c *chart) legend() {
	y := c.pdf.GetY() + 1.5
	if y+c.s.lineH > c.d.Bottom() {
		return
	}
	x := c.d.Left()
	by := y + (c.s.lineH-c.s.box)/2
	item := func(label string) {
		x += c.s.box + c.s.gap
		x = c.legendText(label, x, y) + 4
	}
	c.d.Checkbox(x, by, c.s.box, false)
	item("to do: tick it when done, here or at the kiosk")
	c.d.Checkbox(x, by, c.s.box, true)
	item("done")
	c.crossBox(x, by)
	item("missed")
	x = c.legendText("Name", x, y)
	c.setFont("", c.s.smallPt)
	c.pdf.SetDrawColor(chartMuted[0], chartMuted[1], chartMuted[2])
	c.pdf.Line(x-c.pdf.GetStringWidth("Name")-c.pdf.GetCellMargin(), y+c.s.lineH/2, x-c.pdf.GetCellMargin(), y+c.s.lineH/2)
	x = c.legendText("excused", x, y) + 4
	c.box(x, by, c.s.box*1.6, c.s.box, chartNotDue)
	x += c.s.box*1.6 + c.s.gap
	c.legendText("not due that day", x, y)
	c.pdf.SetXY(c.d.Left(), y+c.s.lineH)
}

// legendText sets a small muted label at x and returns where it ends.
func (c *chart) legendText(s string, x, y float64) float64 {
	c.setFont("", c.s.smallPt)
	c.color(chartMuted)
	w := c.pdf.GetStringWidth(s) + 2*c.pdf.GetCellMargin()
	c.text(x, y, w, c.s.lineH, s, "L")
	c.color(chartInk)
	return x + w
}

// ---- drawing helpers -------------------------------------------------------

func (c *chart) setFont(style string, pt float64) { c.pdf.SetFont(FontFamily, style, pt) }

func (c *chart) color(rgb [3]int) { c.pdf.SetTextColor(rgb[0], rgb[1], rgb[2]) }

// box draws a cell's filled rectangle with a thin grid line.
func (c *chart) box(x, y, w, h float64, fill [3]int) {
	c.pdf.SetDrawColor(chartGrid[0], chartGrid[1], chartGrid[2])
	c.pdf.SetFillColor(fill[0], fill[1], fill[2])
	c.pdf.SetLineWidth(0.2)
	c.pdf.Rect(x, y, w, h, "FD")
}

// text sets one line at (x, y) without moving to a new line.
func (c *chart) text(x, y, w, h float64, s, align string) {
	c.pdf.SetXY(x, y)
	c.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// ---- the chore coordinator's report -----------------------------------------

// ChoreCoordinatorPDF writes the chore coordinator's report on its own
// (see Doc.ChoreCoordinator), for the house meeting.
func ChoreCoordinatorPDF(w io.Writer, house string, rep data.CoordinatorReport, size PageSize, printed time.Time) error {
	d, err := New(Options{Title: "Chore coordinator's report", Subtitle: chartWeekLabel(rep.Week), House: house, Size: size, Printed: printed})
	if err != nil {
		return err
	}
	d.ChoreCoordinator(rep)
	if err := d.Err(); err != nil {
		return fmt.Errorf("report: chore coordinator's report: %w", err)
	}
	return d.Write(w)
}

// ChoreCoordinator adds the chore coordinator's report to a document (the
// weekly house report, or ChoreCoordinatorPDF): who did which chore in the
// week reported on, done or missed, and next week's list, resident by
// resident. Managers' notes are not in the report.
func (d *Doc) ChoreCoordinator(rep data.CoordinatorReport) {
	d.Heading("Chores: " + chartWeekLabel(rep.Week))
	switch {
	case len(rep.Tally) == 0 && len(rep.Chores) > 0:
		d.Paragraph("A roster was made, but nobody was free for any of its chores.")
	case len(rep.Tally) == 0:
		d.Paragraph("No chore roster was made for this week.")
	default:
		d.Paragraph(rep.Total().Summary() + ".")
		d.Table(pastChoresTable(rep))
		d.Paragraph("✓ done   ✗ missed   – not ticked   (excused) excused")
	}
	if open := uncovered(rep.Chores); open != "" {
		d.Paragraph("Nobody was free for: " + open + ".")
	}
	d.Subheading("Next week: " + chartWeekLabel(rep.NextWeek))
	if len(rep.Next) == 0 {
		d.Paragraph("Next week's roster has not been made yet.")
		return
	}
	if t := nextChoresTable(rep.Next); len(t.Rows) > 0 {
		d.Table(t)
	} else {
		d.Paragraph("Nobody is on next week's roster: nobody was free.")
	}
	if open := uncovered(rep.Next); open != "" {
		d.Paragraph("Still to cover: " + open + ".")
	}
}

func pastChoresTable(rep data.CoordinatorReport) Table {
	t := Table{Columns: []Column{
		{Title: "Resident", Width: 2.2}, {Title: "Chores and days", Width: 4.6},
		{Title: "Done", Width: 0.8, Align: "C"}, {Title: "Missed", Width: 1, Align: "C"},
		{Title: "Excused", Width: 1.1, Align: "C"}, {Title: "Not ticked", Width: 1, Align: "C"},
	}}
	byRes := groupCells(rep.Chores, pastMark)
	for _, tl := range rep.Tally {
		t.Rows = append(t.Rows, []string{
			tl.Name, byRes[tl.ResidentID], strconv.Itoa(tl.Done), strconv.Itoa(tl.Missed),
			strconv.Itoa(tl.Excused), strconv.Itoa(tl.NotTicked),
		})
	}
	return t
}

func nextChoresTable(cells []data.RosterCell) Table {
	t := Table{Columns: []Column{{Title: "Resident", Width: 2.2}, {Title: "Chores and days", Width: 8.4}}}
	byRes := groupCells(cells, func(data.RosterCell) string { return "" })
	var names []data.RosterCell
	seen := map[string]bool{}
	for _, c := range cells {
		if c.Covered() && !seen[c.ResidentID] {
			seen[c.ResidentID] = true
			names = append(names, c)
		}
	}
	sortCells(names)
	for _, c := range names {
		t.Rows = append(t.Rows, []string{c.Name, byRes[c.ResidentID]})
	}
	return t
}

// groupCells writes each resident's chores as "Dishes Mon ✓, Thu ✗; Yard
// Sat –", chores in the order met, marking each day with mark.
func groupCells(cells []data.RosterCell, mark func(data.RosterCell) string) map[string]string {
	type chore struct {
		name string
		days []string
	}
	perRes := map[string][]*chore{}
	for _, c := range cells {
		if !c.Covered() {
			continue
		}
		list := perRes[c.ResidentID]
		var ch *chore
		for _, x := range list {
			if x.name == c.Chore {
				ch = x
			}
		}
		if ch == nil {
			ch = &chore{name: c.Chore}
			perRes[c.ResidentID] = append(list, ch)
		}
		// a day and its mark stay on one line
		ch.days = append(ch.days, strings.TrimSpace(c.Day.Weekday().String()[:3]+string(nbsp)+mark(c)))
	}
	out := map[string]string{}
	for id, list := range perRes {
		parts := make([]string, len(list))
		for i, ch := range list {
			parts[i] = ch.name + " " + strings.Join(ch.days, ", ")
		}
		out[id] = strings.Join(parts, "; ")
	}
	return out
}

func pastMark(c data.RosterCell) string {
	switch {
	case c.Excused != "":
		return "(excused)"
	case c.Status == data.ChoreDone || c.Status == data.ChoreVerified:
		return "✓"
	case c.Status == data.ChoreMissed:
		return "✗"
	}
	return "–"
}

// uncovered lists the seats nobody had: "Yard Sat, Dishes Sun".
func uncovered(cells []data.RosterCell) string {
	var out []string
	for _, c := range cells {
		if !c.Covered() {
			out = append(out, c.Chore+" "+c.Day.Weekday().String()[:3])
		}
	}
	return strings.Join(out, ", ")
}

func sortCells(cs []data.RosterCell) {
	slices.SortStableFunc(cs, func(a, b data.RosterCell) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}

package report

import "strings"

// Column is one column of a Table.
type Column struct {
	Title string
	Width float64 // relative weight; 0 counts as 1
	Align string  // "L" (default), "C" or "R"
}

// Table is a grid of text. Rows break across pages, never inside a row,
// and the header row is repeated on every page the table reaches.
//
// A row may have fewer cells than there are columns; the rest are blank.
// A cell whose text is CheckboxEmpty ("[ ]") prints as an empty tick box,
// CheckboxTicked ("[x]") as a ticked one.
type Table struct {
	Columns []Column
	Rows    [][]string
}

// Cell values that print as tick boxes.
const (
	CheckboxEmpty  = "[ ]"
	CheckboxTicked = "[x]"
)

// Sizes of tables, in points and millimetres.
const (
	tableFontPt  = 9.0
	tableLineH   = 4.3
	tablePadY    = 1.3
	tableLineW   = 0.2
	checkboxSize = 3.6
)

// tableLayout is a table's columns measured for the page.
type tableLayout struct {
	widths []float64
	aligns []string
	head   []cellLines
	headH  float64
}

// cellLines is the wrapped text of one cell, or a tick box.
type cellLines struct {
	lines []string
	box   boxKind
}

type boxKind int

const (
	noBox boxKind = iota
	emptyBox
	tickedBox
)

// Table sets t across the page width.
func (d *Doc) Table(t Table) {
	if len(t.Columns) == 0 {
		d.pdf.SetErrorf("report: table has no columns")
		return
	}
	lay := d.layoutTable(t.Columns)
	d.EnsureSpace(lay.headH + rowHeight(d.rowCells(lay, firstRow(t))))
	d.tableHeader(lay)
	n := len(t.Rows)
	for i, row := range t.Rows {
		if len(row) > len(t.Columns) {
			d.pdf.SetErrorf("report: table row %d has %d cells for %d columns", i+1, len(row), len(t.Columns))
			return
		}
		cells := d.rowCells(lay, row)
		if i == n-2 && i > 0 && len(t.Rows[n-1]) <= len(t.Columns) {
			// no widow: when the last row would go alone onto the next
			// page, the last two go together
			h, last := rowHeight(cells), rowHeight(d.rowCells(lay, t.Rows[n-1]))
			if room := d.Remaining(); h <= room && h+last > room {
				d.NewPage()
				d.tableHeader(lay)
			}
		}
		d.tableRow(lay, cells, i%2 == 1)
	}
	d.Space(blockGap + 1)
}

func firstRow(t Table) []string {
	if len(t.Rows) == 0 {
		return nil
	}
	return t.Rows[0]
}

// layoutTable turns relative widths into millimetres and measures the
// header row.
func (d *Doc) layoutTable(cols []Column) tableLayout {
	total := 0.0
	for _, c := range cols {
		total += weight(c)
	}
	lay := tableLayout{}
	for _, c := range cols {
		lay.widths = append(lay.widths, d.Width()*weight(c)/total)
		lay.aligns = append(lay.aligns, alignOf(c.Align))
	}
	d.font("B", tableFontPt)
	for i, c := range cols {
		lay.head = append(lay.head, cellLines{lines: d.wrap(clean(c.Title), lay.widths[i])})
	}
	lay.headH = rowHeight(lay.head)
	return lay
}

func weight(c Column) float64 {
	if c.Width <= 0 {
		return 1
	}
	return c.Width
}

func alignOf(a string) string {
	switch strings.ToUpper(strings.TrimSpace(a)) {
	case "C", "CENTER", "CENTRE":
		return "C"
	case "R", "RIGHT":
		return "R"
	}
	return "L"
}

// rowCells wraps the text of each cell of a row to its column.
func (d *Doc) rowCells(lay tableLayout, row []string) []cellLines {
	d.font("", tableFontPt)
	cells := make([]cellLines, len(lay.widths))
	for i := range cells {
		text := ""
		if i < len(row) {
			text = row[i]
		}
		cells[i] = d.cellFor(text, lay.widths[i])
	}
	return cells
}

func (d *Doc) cellFor(text string, w float64) cellLines {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case CheckboxEmpty, "[]":
		return cellLines{box: emptyBox}
	case CheckboxTicked, "[✓]", "[✔]":
		return cellLines{box: tickedBox}
	}
	return cellLines{lines: d.wrap(clean(text), w)}
}

func rowHeight(cells []cellLines) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n)*tableLineH + 2*tablePadY
}

// tableRow sets one row, first starting a page (and repeating the header)
// if the row does not fit on this one. A row taller than a whole page is
// cut to fit, its last line ending in an ellipsis.
func (d *Doc) tableRow(lay tableLayout, cells []cellLines, striped bool) {
	h := rowHeight(cells)
	if d.Remaining() < h {
		d.NewPage()
		d.tableHeader(lay)
		if room := d.Remaining(); room < h {
			cells = truncateCells(cells, int((room-2*tablePadY)/tableLineH))
			h = rowHeight(cells)
		}
	}
	d.font("", tableFontPt)
	d.textColor(colText)
	fill := colStripe
	if !striped {
		fill = rgb{255, 255, 255}
	}
	d.drawRow(lay, cells, h, fill)
}

func truncateCells(cells []cellLines, maxLines int) []cellLines {
	maxLines = max(maxLines, 1)
	out := make([]cellLines, len(cells))
	for i, c := range cells {
		out[i] = c
		if len(c.lines) > maxLines {
			lines := append([]string(nil), c.lines[:maxLines]...)
			lines[maxLines-1] += " …"
			out[i].lines = lines
		}
	}
	return out
}

// tableHeader sets the header row in bold on a grey ground.
func (d *Doc) tableHeader(lay tableLayout) {
	d.font("B", tableFontPt)
	d.textColor(colText)
	d.drawRow(lay, lay.head, lay.headH, colHeadBg)
}

// drawRow draws the cells of one row at the cursor and moves below it.
func (d *Doc) drawRow(lay tableLayout, cells []cellLines, h float64, fill rgb) {
	x, y := marginX, d.pdf.GetY()
	d.fillColor(fill)
	for i, c := range cells {
		w := lay.widths[i]
		d.drawColor(colGrid)
		d.pdf.SetLineWidth(tableLineW)
		d.pdf.Rect(x, y, w, h, "FD")
		d.drawCell(c, x, y+tablePadY, w, lay.aligns[i])
		x += w
	}
	d.pdf.SetXY(marginX, y+h)
}

func (d *Doc) drawCell(c cellLines, x, y, w float64, align string) {
	if c.box != noBox {
		d.Checkbox(boxX(x, w, align, d.pdf.GetCellMargin()), y+(tableLineH-checkboxSize)/2, checkboxSize, c.box == tickedBox)
		return
	}
	for k, line := range c.lines {
		d.pdf.SetXY(x, y+float64(k)*tableLineH)
		d.pdf.CellFormat(w, tableLineH, line, "", 0, align, false, 0, "")
	}
}

func boxX(x, w float64, align string, margin float64) float64 {
	switch align {
	case "C":
		return x + (w-checkboxSize)/2
	case "R":
		return x + w - margin - checkboxSize
	}
	return x + margin
}

// Checkbox draws a tick box of side size millimetres with its top left
// corner at (x, y): empty, or with a tick when ticked. It does not move
// the cursor.
func (d *Doc) Checkbox(x, y, size float64, ticked bool) {
	d.drawColor(colText)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Rect(x, y, size, size, "D")
	if !ticked {
		return
	}
	d.pdf.SetLineWidth(0.45)
	d.pdf.SetLineCapStyle("round")
	d.pdf.SetLineJoinStyle("round")
	d.pdf.MoveTo(x+size*0.2, y+size*0.55)
	d.pdf.LineTo(x+size*0.42, y+size*0.78)
	d.pdf.LineTo(x+size*0.82, y+size*0.22)
	d.pdf.DrawPath("D")
	d.pdf.SetLineCapStyle("butt")
	d.pdf.SetLineJoinStyle("miter")
}

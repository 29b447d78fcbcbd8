package report

// Sizes of the text blocks, in points and millimetres.
const (
	headingPt     = 14.0
	headingLineH  = 7.0
	subheadingPt  = 11.5
	subheadLineH  = 6.0
	keepWithNext  = 18.0 // room a heading needs below it to stay on a page
	blockGap      = 2.5
	keyValueGapMM = 4.0
)

// atTop reports whether the cursor is at the top of the page's content.
func (d *Doc) atTop() bool { return d.pdf.GetY() <= d.Top()+0.01 }

// Heading starts a section: bold, large, with a rule under it. It moves to
// a new page rather than stand alone at the bottom of one.
func (d *Doc) Heading(text string) {
	d.font("B", headingPt)
	lines := d.wrap(clean(text), d.Width())
	d.EnsureSpace(float64(len(lines))*headingLineH + keepWithNext)
	if !d.atTop() {
		d.Space(4)
	}
	d.textColor(colText)
	d.lines(lines, headingLineH, "L")
	y := d.pdf.GetY() + 0.8
	d.rule(y)
	d.pdf.SetY(y + blockGap)
}

// Subheading starts a part of a section: bold, a little larger than text.
func (d *Doc) Subheading(text string) {
	d.font("B", subheadingPt)
	lines := d.wrap(clean(text), d.Width())
	d.EnsureSpace(float64(len(lines))*subheadLineH + keepWithNext)
	if !d.atTop() {
		d.Space(2)
	}
	d.textColor(colText)
	d.lines(lines, subheadLineH, "L")
	d.Space(1)
}

// Paragraph sets text wrapped to the page width; "\n" starts a new line.
// Long paragraphs continue on the next page.
func (d *Doc) Paragraph(text string) {
	d.font("", bodyFontPt)
	d.textColor(colText)
	d.lines(d.wrap(clean(text), d.Width()), bodyLineH, "L")
	d.Space(blockGap)
}

// lines sets already wrapped lines one under the other at the left margin,
// breaking the page between lines when needed.
func (d *Doc) lines(lines []string, lineH float64, align string) {
	for _, line := range lines {
		d.EnsureSpace(lineH)
		d.pdf.SetX(marginX)
		d.pdf.CellFormat(d.Width(), lineH, line, "", 1, align, false, 0, "")
	}
}

// KeyValues sets pairs as two columns, the keys in bold: "Residents: 8".
// Long values wrap under themselves; one pair never splits across pages.
func (d *Doc) KeyValues(pairs [][2]string) {
	keyW := d.keyWidth(pairs)
	valW := d.Width() - keyW
	for _, kv := range pairs {
		d.font("B", bodyFontPt)
		keys := d.wrap(clean(kv[0]), keyW)
		d.font("", bodyFontPt)
		vals := d.wrap(clean(kv[1]), valW)
		d.EnsureSpace(float64(max(len(keys), len(vals))) * bodyLineH)
		d.keyValue(keys, vals, keyW, valW)
	}
	d.Space(blockGap)
}

// keyWidth is the width of the widest key plus a gap, at most 40% of the page.
func (d *Doc) keyWidth(pairs [][2]string) float64 {
	d.font("B", bodyFontPt)
	widest := 0.0
	for _, kv := range pairs {
		widest = max(widest, d.pdf.GetStringWidth(clean(kv[0])))
	}
	return min(widest+2*d.pdf.GetCellMargin()+keyValueGapMM, d.Width()*0.4)
}

func (d *Doc) keyValue(keys, vals []string, keyW, valW float64) {
	y := d.pdf.GetY()
	d.textColor(colText)
	d.font("B", bodyFontPt)
	for i, line := range keys {
		d.pdf.SetXY(marginX, y+float64(i)*bodyLineH)
		d.pdf.CellFormat(keyW, bodyLineH, line, "", 0, "L", false, 0, "")
	}
	d.font("", bodyFontPt)
	for i, line := range vals {
		d.pdf.SetXY(marginX+keyW, y+float64(i)*bodyLineH)
		d.pdf.CellFormat(valW, bodyLineH, line, "", 0, "L", false, 0, "")
	}
	d.pdf.SetXY(marginX, y+float64(max(len(keys), len(vals)))*bodyLineH)
}

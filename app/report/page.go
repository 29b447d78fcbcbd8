package report

import (
	"strconv"
	"strings"
	"unicode"
)

// noticeStyle is the font style of the footer notice.
const noticeStyle = "B"

// rgb is a colour for text, lines and fills.
type rgb struct{ r, g, b int }

var (
	colText   = rgb{33, 37, 41}
	colMuted  = rgb{95, 99, 104}
	colRule   = rgb{170, 174, 180}
	colHeadBg = rgb{226, 229, 234}
	colStripe = rgb{245, 246, 248}
	colGrid   = rgb{190, 194, 200}
)

func (d *Doc) font(style string, pt float64) {
	d.pdf.SetFont(FontFamily, style, pt)
}

func (d *Doc) textColor(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *Doc) drawColor(c rgb) { d.pdf.SetDrawColor(c.r, c.g, c.b) }
func (d *Doc) fillColor(c rgb) { d.pdf.SetFillColor(c.r, c.g, c.b) }

// setupPages wraps the notice, reserves room for the footer and installs
// the header and footer drawn on every page.
func (d *Doc) setupPages() {
	d.font(noticeStyle, noticeFontPt)
	d.notice = d.wrap(clean(d.opts.Notice), d.Width())
	footerH := float64(len(d.notice))*footerLineH + footerPageH + 2
	d.pdf.SetAutoPageBreak(true, footerBottom+footerH+footerGap)
	d.pdf.SetHeaderFuncMode(d.header, true)
	d.pdf.SetFooterFunc(d.footer)
}

// header draws the running header on pages after the first; page 1 has
// the title block instead.
func (d *Doc) header() {
	if d.pdf.PageNo() == 1 {
		return
	}
	w := d.Width()
	d.pdf.SetXY(marginX, headerY)
	d.font("B", 9)
	d.textColor(colText)
	title := clean(d.opts.Title)
	if d.opts.Subtitle != "" {
		title += " — " + clean(d.opts.Subtitle)
	}
	d.pdf.CellFormat(w*0.7, 5, d.fit(title, w*0.7), "", 0, "L", false, 0, "")
	d.font("", 9)
	d.textColor(colMuted)
	d.pdf.CellFormat(w*0.3, 5, d.fit(clean(d.opts.House), w*0.3), "", 0, "R", false, 0, "")
	ruleY := headerY + 6.5
	if b := clean(d.opts.Byline); b != "" {
		d.pdf.SetXY(marginX, headerY+5)
		d.font("", footerFontPt)
		d.pdf.CellFormat(w, bylineH, d.fit(b, w), "", 0, "L", false, 0, "")
		ruleY += bylineH
	}
	d.rule(ruleY)
}

// footer draws the rule, the notice, the page number, the house and the
// print date.
//
// The page count is gofpdf's alias, replaced when the PDF is written. Two
// gofpdf quirks shape this: the text is measured with the alias in it, so
// the alias ends left-aligned text, where its final width does not matter;
// and with UTF-8 fonts a digit is embedded only if some text used it, which
// the last page's own "Page N" guarantees, so the page number and the count
// must stay in the same font and style.
func (d *Doc) footer() {
	_, pageH := d.pdf.GetPageSize()
	w := d.Width()
	y := pageH - footerBottom - footerPageH - float64(len(d.notice))*footerLineH - 2
	d.rule(y)
	y += 1.2
	d.font(noticeStyle, noticeFontPt)
	d.textColor(colMuted)
	for _, line := range d.notice {
		d.pdf.SetXY(marginX, y)
		d.pdf.CellFormat(w, footerLineH, line, "", 0, "L", false, 0, "")
		y += footerLineH
	}
	d.pdf.SetXY(marginX, y+0.8)
	d.font("", footerFontPt)
	d.textColor(colText)
	page := "Page " + strconv.Itoa(d.pdf.PageNo()) + " of " + pageAlias
	d.pdf.CellFormat(w*0.35, footerPageH, page, "", 0, "L", false, 0, "")
	d.textColor(colMuted)
	d.pdf.CellFormat(w*0.65, footerPageH, d.fit(d.stamp(), w*0.65), "", 0, "R", false, 0, "")
}

// stamp is the house and print date line of the footer.
func (d *Doc) stamp() string {
	s := "Printed " + d.opts.Printed.Format("2 Jan 2006, 15:04")
	if h := clean(d.opts.House); h != "" {
		s = h + " · " + s
	}
	return s
}

// titleBlock draws the title, subtitle and house of page 1.
func (d *Doc) titleBlock() {
	w := d.Width()
	d.pdf.SetXY(marginX, headerY+1)
	d.font("B", titleFontPt)
	d.textColor(colText)
	for _, line := range d.wrap(clean(d.opts.Title), w) {
		d.pdf.CellFormat(w, 9, line, "", 1, "L", false, 0, "")
	}
	d.font("", subtitleFontPt)
	d.textColor(colMuted)
	for _, line := range d.wrap(d.subtitleLine(), w) {
		d.pdf.CellFormat(w, 6, line, "", 1, "L", false, 0, "")
	}
	if b := clean(d.opts.Byline); b != "" {
		d.font("", bodyFontPt)
		for _, line := range d.wrap(b, w) {
			d.pdf.CellFormat(w, 5, line, "", 1, "L", false, 0, "")
		}
	}
	y := d.pdf.GetY() + 2
	d.rule(y)
	d.pdf.SetXY(marginX, y+3)
	d.textColor(colText)
}

func (d *Doc) subtitleLine() string {
	var parts []string
	for _, s := range []string{d.opts.Subtitle, d.opts.House} {
		if s = clean(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// rule draws a thin line across the usable width at y.
func (d *Doc) rule(y float64) {
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(marginX, y, marginX+d.Width(), y)
}

// wrap splits text into lines no wider than w at the current font. An
// empty text is one empty line.
func (d *Doc) wrap(text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var split []string
		if strings.ContainsRune(para, nbsp) {
			split = d.wrapKeeping(para, w)
		} else {
			split = d.pdf.SplitText(para, w)
		}
		if len(split) == 0 {
			split = []string{""}
		}
		lines = append(lines, split...)
	}
	return lines
}

// nbsp joins words that a line must not part: "Sun\u00a0✓".
const nbsp = '\u00a0'

// wrapKeeping wraps para at its plain spaces only, so words joined by a
// no-break space stay on one line (gofpdf's SplitText breaks at any
// space). A run too long for a line is broken as SplitText would.
func (d *Doc) wrapKeeping(para string, w float64) []string {
	limit := w - 2*d.pdf.GetCellMargin()
	var lines []string
	line := ""
	for _, word := range strings.Split(para, " ") {
		next := word
		if line != "" {
			next = line + " " + word
		}
		switch {
		case d.pdf.GetStringWidth(next) <= limit:
			line = next
		case line != "" && d.pdf.GetStringWidth(word) <= limit:
			lines = append(lines, line)
			line = word
		default:
			if line != "" {
				lines = append(lines, line)
			}
			parts := d.pdf.SplitText(strings.ReplaceAll(word, string(nbsp), " "), w)
			if len(parts) == 0 {
				parts = []string{""}
			}
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	return append(lines, line)
}

// fit shortens s with an ellipsis until it fits in w at the current font.
func (d *Doc) fit(s string, w float64) string {
	limit := w - 2*d.pdf.GetCellMargin()
	if d.pdf.GetStringWidth(s) <= limit {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.pdf.GetStringWidth(string(r)+"…") > limit {
		r = r[:len(r)-1]
	}
	return strings.TrimRightFunc(string(r), unicode.IsSpace) + "…"
}

// clean makes text safe for gofpdf's UTF-8 fonts: its width tables stop at
// U+FFFF and index past their end on anything above, so such runes (emoji)
// become U+FFFD; tabs become spaces, carriage returns and other control
// characters go, new lines stay.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r > 0xFFFF:
			return '\uFFFD'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"porchlight/data"
)

// weeklyCensus is section 2: beds, who lives here, who came and went, the
// averages and the occupancy chart.
func (d *Doc) weeklyCensus(rep data.WeeklyReport) {
	c := rep.Census
	d.blockHeading("Census")
	pairs := [][2]string{
		{"Beds filled", fmt.Sprintf("%d of %d (%s)", c.Filled, c.Beds, percent(c.Filled, c.Beds))},
		{"Free beds", freeBeds(c.Free)},
		{"Moved in this week", strconv.Itoa(len(c.MoveIns))},
		{"Moved out this week", movedOutLine(rep)},
		{"Average days sober", days(c.AvgDaysSober)},
		{"Average length of stay", days(c.AvgDaysStay)},
	}
	d.KeyValues(pairs)
	d.occupancyChart(c.Occupancy)
	d.censusMoves(rep)
	d.censusResidents(c.Residents)
}

func percent(n, of int) string {
	if of == 0 {
		return "no beds"
	}
	return strconv.Itoa(int(math.Round(100*float64(n)/float64(of)))) + "%"
}

func freeBeds(free []string) string {
	if len(free) == 0 {
		return "None: the house is full"
	}
	return strconv.Itoa(len(free)) + ": " + strings.Join(free, ", ")
}

func days(avg float64) string {
	n := int(math.Round(avg))
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// movedOutLine counts the week's move-outs, by reason on the manager copy.
func movedOutLine(rep data.WeeklyReport) string {
	n := strconv.Itoa(len(rep.Census.MoveOuts))
	if !rep.Manager() || len(rep.Census.Reasons) == 0 {
		return n
	}
	var parts []string
	for _, r := range rep.Census.Reasons {
		parts = append(parts, fmt.Sprintf("%s: %d", r.Reason, r.Count))
	}
	return n + " (" + strings.Join(parts, "; ") + ")"
}

func (d *Doc) censusMoves(rep data.WeeklyReport) {
	c := rep.Census
	if len(c.MoveIns)+len(c.MoveOuts) == 0 {
		return
	}
	d.Subheading("Moves this week")
	t := Table{Columns: []Column{{Title: "Date", Width: 1.4}, {Title: "Resident", Width: 2.6},
		{Title: "Bed", Width: 1.6}, {Title: "Move", Width: 2.4}}}
	for _, m := range c.MoveIns {
		t.Rows = append(t.Rows, []string{m.Date.Pretty(), m.Name, m.Bed, "Moved in"})
	}
	for _, m := range c.MoveOuts {
		t.Rows = append(t.Rows, []string{m.Date.Pretty(), m.Name, m.Bed, "Moved out: " + m.Reason})
	}
	d.Table(t)
}

func (d *Doc) censusResidents(rs []data.CensusLine) {
	d.Subheading("Living in the house at the end of the week")
	if len(rs) == 0 {
		d.Paragraph("Nobody lived in the house at the end of the week.")
		return
	}
	t := Table{Columns: []Column{{Title: "Resident", Width: 3}, {Title: "Bed", Width: 1.8},
		{Title: "Phase", Width: 1.2}, {Title: "Moved in", Width: 1.5}}}
	for _, r := range rs {
		t.Rows = append(t.Rows, []string{r.Name, r.Bed, orDash(r.Phase), r.MoveIn.Pretty()})
	}
	d.Table(t)
}

// Sizes of the occupancy chart, in millimetres.
const (
	chartH        = 34.0 // the plot area
	chartAxisW    = 9.0  // room for the bed counts on the left
	chartLabelH   = 8.0  // room for the week labels below
	chartTitleH   = 6.0
	chartHeadroom = 6.0  // above the plot, for the count over a full week's bar
	chartBarFill  = 0.62 // share of each slot the bar fills
)

var (
	colBar     = rgb{74, 111, 165}
	colBarThis = rgb{33, 64, 110}
)

// occupancyChart draws beds filled at the end of each week as bars, with
// the house's beds as a dashed line and this week's bar darker.
func (d *Doc) occupancyChart(pts []data.WeekOccupancy) {
	if len(pts) == 0 {
		return
	}
	d.EnsureSpace(chartTitleH + chartHeadroom + chartH + chartLabelH + 4)
	d.font("B", bodyFontPt)
	d.textColor(colText)
	d.pdf.SetX(marginX)
	d.pdf.CellFormat(d.Width(), chartTitleH, fmt.Sprintf("Beds filled at the end of each week, last %d weeks", len(pts)), "", 1, "L", false, 0, "")
	top := d.pdf.GetY() + chartHeadroom
	d.chartPlot(pts, top)
	d.pdf.SetXY(marginX, top+chartH+chartLabelH)
	d.Space(blockGap)
}

// chartScaleMax is the top of the chart's scale: the most beds in any week.
func chartScaleMax(pts []data.WeekOccupancy) int {
	most := 1
	for _, p := range pts {
		most = max(most, p.Beds, p.Filled)
	}
	return most
}

func (d *Doc) chartPlot(pts []data.WeekOccupancy, top float64) {
	left := marginX + chartAxisW
	w := d.Width() - chartAxisW
	scale := chartScaleMax(pts)
	y := func(n int) float64 { return top + chartH - chartH*float64(n)/float64(scale) }
	d.chartAxis(left, w, top, scale, y)
	slot := w / float64(len(pts))
	for i, p := range pts {
		x := left + float64(i)*slot + slot*(1-chartBarFill)/2
		bw := slot * chartBarFill
		fill := colBar
		if i == len(pts)-1 {
			fill = colBarThis
		}
		d.fillColor(fill)
		if p.Filled > 0 {
			d.pdf.Rect(x, y(p.Filled), bw, top+chartH-y(p.Filled), "F")
		}
		d.font("", 7.5)
		d.textColor(colText)
		d.pdf.SetXY(x-1, y(p.Filled)-4)
		d.pdf.CellFormat(bw+2, 4, strconv.Itoa(p.Filled), "", 0, "C", false, 0, "")
		d.textColor(colMuted)
		d.pdf.SetXY(left+float64(i)*slot, top+chartH+1)
		d.pdf.CellFormat(slot, 4, shortDate(p.Week), "", 0, "C", false, 0, "")
	}
}

// chartAxis draws the baseline, the scale's ends and the beds line.
func (d *Doc) chartAxis(left, w, top float64, scale int, y func(int) float64) {
	d.drawColor(colRule)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(left, top+chartH, left+w, top+chartH)
	d.pdf.SetDashPattern([]float64{1.2, 1}, 0)
	d.pdf.Line(left, y(scale), left+w, y(scale))
	d.pdf.SetDashPattern(nil, 0)
	d.font("", 7.5)
	d.textColor(colMuted)
	for _, n := range []int{0, scale} {
		d.pdf.SetXY(marginX, y(n)-2)
		d.pdf.CellFormat(chartAxisW-1, 4, strconv.Itoa(n), "", 0, "R", false, 0, "")
	}
}

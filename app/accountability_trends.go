package app

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The roster's trends: each resident's last eight weeks as a sparkline of
// the share of commitments met (with the share in words beside it), and
// the house's share over twelve weeks as a small bar chart. Both read
// Store.AccountabilityTrends: one roster a week, so the cost follows the
// weeks shown, not the years of history.

const (
	sparkWeeks = 8
	houseWeeks = 12
)

// trendShare is "62 %" of the weeks that counted, or "" when none did.
func trendShare(ws []data.WeekShare) (string, bool) {
	met, of := 0, 0
	for _, w := range ws {
		met, of = met+w.Met, of+w.Of
	}
	if of == 0 {
		return "", false
	}
	return fmt.Sprintf("%d %%", int(math.Round(100*float64(met)/float64(of)))), true
}

// barChart draws weekly shares as bars, oldest on the left; a week that
// counted nothing (the resident did not live here) is a faint tick. With
// labels it writes each week's percentage above its bar and its date
// below.
type barChart struct {
	widget.BaseWidget
	shares     []data.WeekShare
	slots      int // weeks it has room for, shown or not
	bar, gap   float32
	height     float32
	withLabels bool
}

func newBarChart(slots int, bar, gap, height float32, withLabels bool) *barChart {
	c := &barChart{slots: slots, bar: bar, gap: gap, height: height, withLabels: withLabels}
	c.ExtendBaseWidget(c)
	return c
}

// set shows these weeks.
func (c *barChart) set(shares []data.WeekShare) {
	c.shares = shares
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c}
	r.rebuild()
	return r
}

type barChartRenderer struct {
	c           *barChart
	bars        []*canvas.Rectangle
	pcts, weeks []*canvas.Text
	objs        []fyne.CanvasObject
}

// labelSize is the chart's small text.
func (r *barChartRenderer) labelSize() float32 {
	return theme.SizeForWidget(theme.SizeNameCaptionText, r.c)
}

func (r *barChartRenderer) rebuild() {
	n := len(r.c.shares)
	r.bars, r.pcts, r.weeks, r.objs = r.bars[:0], r.pcts[:0], r.weeks[:0], r.objs[:0]
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for i := range n {
		w := r.c.shares[i]
		b := canvas.NewRectangle(th.Color(theme.ColorNamePrimary, v))
		if w.Of == 0 {
			b.FillColor = th.Color(theme.ColorNameDisabled, v)
		}
		r.bars = append(r.bars, b)
		r.objs = append(r.objs, b)
		if !r.c.withLabels {
			continue
		}
		pct := ""
		if w.Of > 0 {
			pct = fmt.Sprintf("%d%%", int(math.Round(100*w.Fraction())))
		}
		p := canvas.NewText(pct, th.Color(theme.ColorNameForeground, v))
		p.TextSize, p.Alignment = r.labelSize(), fyne.TextAlignCenter
		d := canvas.NewText(fmt.Sprintf("%d %s", w.Week.Day, w.Week.Month.String()[:3]), th.Color(theme.ColorNameForeground, v))
		d.TextSize, d.Alignment = r.labelSize(), fyne.TextAlignCenter
		r.pcts, r.weeks = append(r.pcts, p), append(r.weeks, d)
		r.objs = append(r.objs, p, d)
	}
}

// slot is the width each week takes.
func (r *barChartRenderer) slot() float32 {
	if r.c.withLabels {
		return max(r.c.bar+r.c.gap, fyne.MeasureText("30 Nov", r.labelSize(), fyne.TextStyle{}).Width+r.c.gap)
	}
	return r.c.bar + r.c.gap
}

func (r *barChartRenderer) MinSize() fyne.Size {
	h := r.c.height
	if r.c.withLabels {
		h += 2 * (r.labelSize() + 4)
	}
	return fyne.NewSize(float32(r.c.slots)*r.slot(), h)
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	top, plot := float32(0), size.Height
	if r.c.withLabels {
		lh := r.labelSize() + 4
		top, plot = lh, size.Height-2*lh
	}
	slot := r.slot()
	for i, b := range r.bars {
		h := float32(2) // a tick for a week with nothing counted
		if w := r.c.shares[i]; w.Of > 0 {
			h = max(2, float32(w.Fraction())*plot)
		}
		x := float32(i)*slot + (slot-r.c.bar)/2
		b.Resize(fyne.NewSize(r.c.bar, h))
		b.Move(fyne.NewPos(x, top+plot-h))
		if r.c.withLabels {
			r.pcts[i].Resize(fyne.NewSize(slot, top))
			r.pcts[i].Move(fyne.NewPos(float32(i)*slot, top+plot-h-top))
			r.weeks[i].Resize(fyne.NewSize(slot, top))
			r.weeks[i].Move(fyne.NewPos(float32(i)*slot, top+plot+2))
		}
	}
}

func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barChartRenderer) Destroy()                     {}

// trendCell is a roster cell: words, or (in the trend column) the
// resident's sparkline with its share in words beside it.
type trendCell struct {
	label *widget.Label
	spark *barChart
	share *widget.Label
	trend fyne.CanvasObject
	root  *fyne.Container
}

func newTrendCell() *trendCell {
	c := &trendCell{label: widget.NewLabel(""), spark: newBarChart(sparkWeeks, 6, 3, 22, false), share: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.trend = container.NewHBox(container.NewCenter(c.spark), c.share)
	c.root = container.NewStack(c.label, c.trend)
	return c
}

// showTrend shows a resident's weeks: "62 % met", or "new" when none of
// the weeks counted yet.
func (c *trendCell) showTrend(ws []data.WeekShare) {
	c.label.Hide()
	c.trend.Show()
	c.spark.set(ws)
	if pct, ok := trendShare(ws); ok {
		c.share.SetText(pct + " met")
	} else {
		c.share.SetText("new")
	}
}

// showLabel shows words.
func (c *trendCell) showLabel() *widget.Label {
	c.trend.Hide()
	c.label.Show()
	return c.label
}

// lastWeeks is the last n of a resident's weeks.
func lastWeeks(ws []data.WeekShare, n int) []data.WeekShare {
	if len(ws) > n {
		return ws[len(ws)-n:]
	}
	return ws
}

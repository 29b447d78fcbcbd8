package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tables whose text is never cut: each column is as wide as its widest
// text, the columns of words (places, statuses, chores) share what room
// is left and wrap when the whole does not fit, and each row is as tall as
// its most wrapped cell.

// fitColumn is a column of a fitted table.
type fitColumn struct {
	title string
	min   float32 // never narrower than this
	wrap  bool    // its text wraps; it gives up width when room is short
	bold  bool    // some of its text is bold: measured as bold
}

// fitTable sizes a table's columns and rows to its text and its width.
// Lay the table out with it (container.New(f, table)) and call refit when
// the rows change.
type fitTable struct {
	widthWatch
	table  *widget.Table
	cols   []fitColumn
	rows   func() int
	text   func(row, col int) string
	widths []float32 // the columns' widths now
	rowsH  []float32 // the rows' heights now
	probe  *widget.Label
}

func newFitTable(t *widget.Table, cols []fitColumn, rows func() int, text func(row, col int) string) *fitTable {
	f := &fitTable{table: t, cols: cols, rows: rows, text: text, probe: widget.NewLabel("")}
	f.onWidth = f.refit
	labelHeader(t, len(cols), func(i int) (string, float32) { return cols[i].title, cols[i].min })
	f.widths = make([]float32, len(cols))
	for i, c := range cols {
		f.widths[i] = c.min
	}
	return f
}

// newFitCell is a cell for a fitted table.
func newFitCell() fyne.CanvasObject { return widget.NewLabel("") }

// setFitCell shows text in a cell of column col, wrapping where the
// column wraps.
func (f *fitTable) setFitCell(o fyne.CanvasObject, col int, text string, imp widget.Importance) {
	f.setFitCellStyle(o, col, text, imp, fyne.TextStyle{})
}

// setFitCellStyle is setFitCell in a style: bold only in a column
// marked bold.
func (f *fitTable) setFitCellStyle(o fyne.CanvasObject, col int, text string, imp widget.Importance, style fyne.TextStyle) {
	l := o.(*widget.Label)
	l.TextStyle = style
	l.Wrapping = fyne.TextWrapOff
	if col >= 0 && col < len(f.cols) && f.cols[col].wrap {
		l.Wrapping = fyne.TextWrapWord
	}
	l.Importance = imp
	l.Text = text
	l.Refresh()
}

// widthWatch is a stack layout that tells onWidth when the width it lays
// out changes: fitTable and fitList measure their rows again then.
type widthWatch struct {
	width   float32 // the width last laid out
	onWidth func()
}

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != w.width {
		w.width = size.Width
		w.onWidth()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// refit measures the rows again: after a reload, or a new width.
func (f *fitTable) refit() {
	n := f.rows()
	pad := 2*theme.InnerPadding() + 2
	natural := make([]float32, len(f.cols))
	for c, col := range f.cols {
		natural[c] = max(col.min, fyne.MeasureText(col.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width+pad)
		for r := range n {
			natural[c] = max(natural[c], fyne.MeasureText(f.text(r, c), theme.TextSize(), fyne.TextStyle{Bold: col.bold}).Width+pad)
		}
	}
	f.widths = fitWidths(f.cols, natural, f.width-float32(len(f.cols))*theme.Padding())
	for c, w := range f.widths {
		f.table.SetColumnWidth(c, w)
	}
	line := f.height("X", 0)
	f.rowsH = f.rowsH[:0]
	for r := range n {
		h := line
		for c, col := range f.cols {
			if col.wrap && natural[c] > f.widths[c] {
				f.probe.TextStyle.Bold = col.bold
				h = max(h, f.height(f.text(r, c), f.widths[c]))
			}
		}
		f.rowsH = append(f.rowsH, h)
		f.table.SetRowHeight(r, h)
	}
	f.table.Refresh()
}

// height is the height of text in a label of width w wrapping its words
// (one line when w is 0), measured by Fyne's own label.
func (f *fitTable) height(text string, w float32) float32 {
	f.probe.Wrapping = fyne.TextWrapOff
	if w > 0 {
		f.probe.Wrapping = fyne.TextWrapWord
	}
	f.probe.Text = text
	f.probe.Refresh()
	if w > 0 {
		f.probe.Resize(fyne.NewSize(w, f.probe.MinSize().Height))
	}
	return f.probe.MinSize().Height
}

// fitWidths gives each column its natural width when they all fit in
// room, sharing what is left among the wrapping columns; otherwise the
// wrapping columns shrink (the widest first, none below its minimum) until
// they fit.
func fitWidths(cols []fitColumn, natural []float32, room float32) []float32 {
	out := append([]float32(nil), natural...)
	var fixed, flex float32
	nflex := 0
	for i, c := range cols {
		if c.wrap {
			flex += natural[i]
			nflex++
		} else {
			fixed += natural[i]
		}
	}
	if nflex == 0 {
		return out
	}
	if fixed+flex <= room {
		extra := (room - fixed - flex) / float32(nflex)
		for i, c := range cols {
			if c.wrap {
				out[i] += extra
			}
		}
		return out
	}
	// Find the cap that makes the wrapping columns fit: each takes
	// min(natural, cap), and never less than its minimum.
	share := func(limit float32) float32 {
		var sum float32
		for i, c := range cols {
			if c.wrap {
				sum += max(c.min, min(natural[i], limit))
			}
		}
		return sum
	}
	lo, hi := float32(0), float32(0)
	for i, c := range cols {
		if c.wrap {
			hi = max(hi, natural[i])
		}
	}
	for range 30 {
		mid := (lo + hi) / 2
		if fixed+share(mid) <= room {
			lo = mid
		} else {
			hi = mid
		}
	}
	for i, c := range cols {
		if c.wrap {
			out[i] = float32(int(max(c.min, min(natural[i], lo))))
		}
	}
	return out
}

// fitList is a list of one wrapped label a row, each row as tall as its
// text needs at the list's width. Lay the list out with it
// (container.New(f, list)) and call refit when the rows change.
type fitList struct {
	widthWatch
	list  *widget.List
	rows  func() int
	text  func(row int) string
	probe *widget.Label
}

func newFitList(rows func() int, text func(row int) string, imp func(row int) widget.Importance) *fitList {
	f := &fitList{rows: rows, text: text, probe: widget.NewLabel("")}
	f.onWidth = f.refit
	f.probe.Wrapping = fyne.TextWrapWord
	f.list = widget.NewList(rows,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= rows() {
				return
			}
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if imp != nil {
				l.Importance = imp(i)
			}
			l.SetText(text(i))
		})
	return f
}

// refit measures the rows again: after a reload, or a new width.
func (f *fitList) refit() {
	w := f.width // a row is as wide as the list; its scroll bar overlays it
	for i := range f.rows() {
		h := float32(0)
		if w > 0 {
			f.probe.Text = f.text(i)
			f.probe.Refresh()
			f.probe.Resize(fyne.NewSize(w, f.probe.MinSize().Height))
			h = f.probe.MinSize().Height
		}
		f.list.SetItemHeight(i, h)
	}
	f.list.Refresh()
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// scrollIntoView moves a vertical scroll the least needed for o, which is
// somewhere inside it, to be wholly in view (its top, if taller than the
// view).
func scrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(o) == nil || d.CanvasForObject(s) == nil {
		return // not on screen yet
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y + s.Offset.Y
	bottom := top + o.Size().Height
	view := s.Size().Height
	y := s.Offset.Y
	switch {
	case top < y:
		y = top
	case bottom > y+view:
		y = min(top, bottom-view)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(0, y)))
}

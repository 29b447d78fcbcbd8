package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The kiosk's tiles fill the space they have: on a 1024×600 touch screen
// and on a 1920×1080 monitor every tile of a house of up to 16 residents is
// on screen, scaled down before anything scrolls, centred, and never smaller
// than a comfortable touch target. A bigger house scrolls once tiles reach
// that smallest size.

const (
	tileGap      = 8
	tileMinW     = 150
	tileMinH     = 72 // well above the 48 px touch target
	tileMaxW     = 340
	tileMaxH     = 170
	tileAspectWH = 250.0 / 136.0 // the shape tiles keep while they fit
)

// tileGrid lays tiles out in as many columns as makes them biggest.
type tileGrid struct {
	width float32 // the width laid out last, so MinSize knows when to scroll
}

// plan chooses the columns and tile size for n tiles in size.
func (g *tileGrid) plan(n int, size fyne.Size) (cols int, tile fyne.Size) {
	best, bestEmpty := float32(-1), 0
	for c := 1; c <= n; c++ {
		rows := (n + c - 1) / c
		w := (size.Width - float32(c-1)*tileGap) / float32(c)
		h := (size.Height - float32(rows-1)*tileGap) / float32(rows)
		w, h = min(w, tileMaxW), min(h, tileMaxH)
		if w < tileMinW {
			break
		}
		// a tile keeps its shape: the scale is what the tighter side
		// allows; on a tie, the fewest empty places, then the most columns
		scale := float32(math.Floor(float64(min(w/tileAspectWH, h))))
		empty := rows*c - n
		if scale > best || (scale == best && empty <= bestEmpty) {
			best, bestEmpty, cols = scale, empty, c
			tile = fyne.NewSize(max(min(w, scale*tileAspectWH*1.25), tileMinW), max(h, tileMinH))
		}
	}
	if cols == 0 { // too narrow for even one column at the least width
		return 1, fyne.NewSize(max(size.Width, 1), tileMinH)
	}
	return cols, tile
}

func (g *tileGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	n := len(objs)
	if n == 0 {
		return
	}
	cols, tile := g.plan(n, size)
	rows := (n + cols - 1) / cols
	blockW := float32(cols)*tile.Width + float32(cols-1)*tileGap
	blockH := float32(rows)*tile.Height + float32(rows-1)*tileGap
	x0 := max(0, (size.Width-blockW)/2)
	y0 := max(0, (size.Height-blockH)/2)
	for i, o := range objs {
		r, c := i/cols, i%cols
		o.Move(fyne.NewPos(x0+float32(c)*(tile.Width+tileGap), y0+float32(r)*(tile.Height+tileGap)))
		o.Resize(tile)
	}
}

// MinSize is the height the tiles need at their smallest in the width laid
// out last: more than the screen holds only when the house is so big that
// the grid must scroll.
func (g *tileGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := len(objs)
	if n == 0 || g.width <= 0 {
		return fyne.NewSize(tileMinW, tileMinH)
	}
	cols := max(1, int(math.Floor(float64((g.width+tileGap)/(tileMinW+tileGap)))))
	rows := (n + cols - 1) / cols
	return fyne.NewSize(tileMinW, float32(rows)*tileMinH+float32(rows-1)*tileGap)
}

// newTileGrid is the scrolling box that holds the tiles.
func newTileGrid() (*fyne.Container, *container.Scroll) {
	box := container.New(&tileGrid{})
	return box, container.NewVScroll(box)
}

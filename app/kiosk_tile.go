package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// kioskTile is one resident's tile: their kiosk name and In or Out, with
// a colour and an icon for Out. Tapping it opens the PIN pad.
type kioskTile struct {
	widget.BaseWidget
	k     *kioskScreen
	t     data.KioskTile
	bg    *canvas.Rectangle
	name  *widget.Label
	state *widget.Label
	icon  *widget.Icon
}

func newKioskTile(k *kioskScreen) *kioskTile {
	t := &kioskTile{k: k}
	t.bg = canvas.NewRectangle(color.Transparent)
	t.bg.StrokeWidth = 2
	t.name = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.name.SizeName = theme.SizeNameSubHeadingText
	t.name.Truncation = fyne.TextTruncateEllipsis
	t.state = widget.NewLabel("")
	t.icon = widget.NewIcon(theme.HomeIcon())
	t.ExtendBaseWidget(t)
	return t
}

func (t *kioskTile) CreateRenderer() fyne.WidgetRenderer {
	state := container.NewCenter(container.NewHBox(t.icon, t.state))
	body := container.NewGridWithRows(2, t.name, state)
	return &kioskTileRenderer{t: t, WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(t.bg, container.NewPadded(body)))}
}

// kioskTileRenderer keeps the simple renderer and recolours on refresh.
type kioskTileRenderer struct {
	fyne.WidgetRenderer
	t *kioskTile
}

// MinSize is the least a tile may be; the grid gives every tile one size.
func (r *kioskTileRenderer) MinSize() fyne.Size { return fyne.NewSize(tileMinW, tileMinH) }

func (r *kioskTileRenderer) Refresh() {
	r.t.paint()
	r.WidgetRenderer.Refresh()
}

// set shows one tile.
func (t *kioskTile) set(kt data.KioskTile) {
	if t.t == kt && t.k.tileViews[kt.ResidentID] == t {
		return // unchanged: no refresh, no new text to measure
	}
	if old := t.t.ResidentID; old != "" && t.k.tileViews[old] == t {
		delete(t.k.tileViews, old)
	}
	t.t = kt
	t.k.tileViews[kt.ResidentID] = t
	t.name.SetText(kt.Name)
	if kt.Out {
		t.state.SetText("Out")
		t.state.Importance = widget.WarningImportance
		t.icon.SetResource(theme.NewWarningThemedResource(theme.LogoutIcon()))
	} else {
		t.state.SetText("In")
		t.state.Importance = widget.SuccessImportance
		t.icon.SetResource(theme.NewSuccessThemedResource(theme.HomeIcon()))
	}
	t.state.Refresh()
	t.Refresh()
}

// paint colours the tile: a warm tint for Out, a plain card for In.
func (t *kioskTile) paint() {
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	t.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	if t.t.Out {
		t.bg.FillColor = withAlpha(th.Color(theme.ColorNameWarning, v), 0x40)
		t.bg.StrokeColor = th.Color(theme.ColorNameWarning, v)
	} else {
		t.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
		t.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}
	t.bg.Refresh()
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// Tapped opens the PIN pad for this resident.
func (t *kioskTile) Tapped(*fyne.PointEvent) {
	if t.t.ResidentID != "" {
		t.k.openTile(t.t)
	}
}

// Cursor shows a pointing hand over a tile.
func (t *kioskTile) Cursor() desktop.Cursor { return desktop.PointerCursor }

package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// kioskTheme is the app's theme with everything made bigger, for a touch
// screen by the door that people read from a step away: larger text,
// icons and padding. The kiosk's screens sit inside a ThemeOverride with it.
type kioskTheme struct {
	fyne.Theme
	text float32 // body text size; headings scale with it
}

func newKioskTheme(a fyne.App, text float32) fyne.Theme {
	base := theme.DefaultTheme()
	if a != nil && a.Settings().Theme() != nil {
		base = a.Settings().Theme()
	}
	return &kioskTheme{Theme: base, text: text}
}

func (t *kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return t.text
	case theme.SizeNameSubHeadingText:
		return t.text * 1.3
	case theme.SizeNameHeadingText:
		return t.text * 1.75
	case theme.SizeNameCaptionText:
		return t.text * 0.8
	case theme.SizeNameInlineIcon:
		return t.text * 1.2
	case theme.SizeNamePadding:
		return 6
	case theme.SizeNameInnerPadding:
		return 14
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 10
	}
	return t.Theme.Size(n)
}

func (t *kioskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}

// Sizes of the kiosk's touch targets: nothing a finger must hit is
// smaller than kioskTouch high.
const (
	kioskTouch      float32 = 88
	kioskTextSize   float32 = 22
	kioskButtonText float32 = 28
)

// kioskScale shrinks the kiosk's sizes on a short screen, so a 1024×600
// touch screen shows every page whole: 1 from 800 px high, down to 0.62.
func (u *UI) kioskScale() float32 {
	h := u.win.Canvas().Size().Height
	if h <= 0 {
		return 1
	}
	return min(1, max(0.62, h/800))
}

// kioskSize is a design size (made for an 800 px high screen) scaled to
// the screen the kiosk is on.
func (u *UI) kioskSize(w, h float32) fyne.Size {
	s := u.kioskScale()
	return fyne.NewSize(w*s, h*s)
}

// kioskThemeAt is the kiosk theme with text of the given design size,
// scaled; one theme per size, shared by every button and page.
func (u *UI) kioskThemeAt(text float32) fyne.Theme {
	size := float32(math.Round(float64(text * max(u.kioskScale(), 0.78))))
	if th, ok := u.kioskThemes[size]; ok {
		return th
	}
	if u.kioskThemes == nil {
		u.kioskThemes = map[float32]fyne.Theme{}
	}
	th := newKioskTheme(u.app, size)
	u.kioskThemes[size] = th
	return th
}

// kioskButton is a big button for the kiosk: a label in large type and a
// touch target at least kioskTouch high and width wide (scaled to the
// screen). It returns the button (to tap in tests) and the object to lay
// out.
func (u *UI) kioskButton(label string, icon fyne.Resource, width float32, tapped func()) (*widget.Button, fyne.CanvasObject) {
	return u.kioskKey(label, icon, u.kioskSize(width, kioskTouch), tapped)
}

// kioskKey is kioskButton of any size (already scaled).
func (u *UI) kioskKey(label string, icon fyne.Resource, size fyne.Size, tapped func()) (*widget.Button, fyne.CanvasObject) {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	big := container.NewThemeOverride(b, u.kioskThemeAt(kioskButtonText))
	return b, container.NewGridWrap(size, big)
}

// kioskGap is empty space h high.
func kioskGap(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// kioskTall makes o at least h high (a touch target).
func kioskTall(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return container.NewStack(r, o)
}

// kioskLabel is wrapping text of the given theme size name.
func kioskLabel(text string, size fyne.ThemeSizeName) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

// kioskHeading is a bold heading-size label.
func kioskHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// kioskWidth lays out one object at a fixed width and its own height.
type kioskWidth float32

func (w kioskWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w kioskWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// kioskFixedWidth shows o w wide.
func kioskFixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(kioskWidth(w), o)
}

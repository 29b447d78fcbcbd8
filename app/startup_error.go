package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupError explains, in a small window, why Porchlight cannot
// start (already open, not a Porchlight folder) and quits when closed.
// People start the app from a menu, where nothing printed is ever seen.
func ShowStartupError(a fyne.App, err error) fyne.Window {
	w := a.NewWindow("Porchlight")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	ok := widget.NewButton("Close", w.Close)
	ok.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(heading("Porchlight cannot start"), container.NewHBox(ok), nil, nil, msg)))
	w.Resize(fyne.NewSize(480, 200))
	w.SetMaster()
	w.CenterOnScreen()
	return w
}

package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// OpenFolder opens a store folder; main passes the one it uses itself.
type OpenFolder func(dir string) (*data.Vault, error)

// ShowStartupError explains, in a small window, why Porchlight cannot
// start (already open, not a Porchlight folder, damaged files: the message
// names the file) and quits when closed. People start the app from a menu,
// where nothing printed is ever seen. With open set it also offers "Open
// another folder": a folder dialog, then the app starts on that folder, or
// this window says why it cannot.
func ShowStartupError(a fyne.App, err error, open OpenFolder, opts Options) fyne.Window {
	w := a.NewWindow("Porchlight")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	title := "Porchlight cannot start"
	if errors.Is(err, data.ErrDamaged) {
		title = "The house records are damaged"
	}
	closeBtn := widget.NewButton("Close", w.Close)
	buttons := container.NewHBox(closeBtn)
	if open != nil {
		another := widget.NewButton("Open another folder", func() {
			d := dialog.NewFolderOpen(func(uri fyne.ListableURI, derr error) {
				if derr != nil || uri == nil {
					return
				}
				if u, rerr := reopen(a, uri.Path(), open, opts); rerr != nil {
					msg.SetText(rerr.Error())
				} else {
					u.Window().Show()
					w.Close()
				}
			}, w)
			d.Resize(fyne.NewSize(700, 500))
			d.Show()
		})
		another.Importance = widget.HighImportance
		buttons.Add(another)
	} else {
		closeBtn.Importance = widget.HighImportance
	}
	w.SetContent(container.NewPadded(container.NewBorder(heading(title), buttons, nil, nil, msg)))
	w.Resize(fyne.NewSize(520, 220))
	w.CenterOnScreen()
	return w
}

// reopen starts the app on another folder.
func reopen(a fyne.App, dir string, open OpenFolder, opts Options) (*UI, error) {
	v, err := open(dir)
	if err != nil {
		return nil, err
	}
	u := New(a, v, opts)
	u.Start()
	return u, nil
}

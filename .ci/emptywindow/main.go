// Command emptywindow is the baseline for the app's memory: an empty Fyne
// window of the kiosk's size (.ci/measure-history).
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Empty")
	w.SetContent(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}

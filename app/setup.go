package app

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
	"porchlight/data"
)

// weekdays in the order the setup screen offers them.
var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func weekdayByName(name string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if d.String() == name {
			return d
		}
	}
	return time.Monday
}

// setupForm is the first-start screen: the house and its first manager.
type setupForm struct {
	*form
	name, address      *entry
	beds               *entry
	weeknight, weekend *entry
	weekStart          *widget.Select
	manager            *entry
	passcode, repeat   *widget.Entry
	create             *widget.Button
}

func newSetupForm(onCreate func()) *setupForm {
	def := data.DefaultHouse()
	f := &setupForm{
		form:      newForm(),
		name:      newEntry("e.g. Maple Street House"),
		address:   newEntry("Street, town"),
		beds:      newArea("", 4),
		weeknight: newEntry("22:00"),
		weekend:   newEntry("23:59"),
		weekStart: widget.NewSelect(weekdayNames, nil),
		manager:   newEntry("Your name"),
		passcode:  newPassword(fmt.Sprintf("At least %d characters", data.MinPasscode)),
		repeat:    newPassword("Type it again"),
	}
	f.beds.SetText("Room 1: A, B\nRoom 2: A, B")
	f.beds.SetMinRowsVisible(4)
	f.weeknight.SetText(def.CurfewWeeknight.String())
	f.weekend.SetText(def.CurfewWeekend.String())
	f.weekStart.SetSelected(def.WeekStart.String())
	f.add("House name", f.name)
	f.add("Address", f.address)
	f.addHint("Rooms and beds", "One room per line: \"Room 2: A, B\" makes Room 2 – Bed A and Room 2 – Bed B.", f.beds)
	f.addHint("Weeknight curfew", "Sunday to Thursday nights, 24-hour time", f.weeknight)
	f.addHint("Weekend curfew", "Friday and Saturday nights", f.weekend)
	f.add("Week starts on", f.weekStart)
	f.add("Manager name", f.manager)
	f.add("Passcode", f.passcode)
	f.add("Passcode again", f.repeat)
	f.create = widget.NewButton("Create house", onCreate)
	f.create.Importance = widget.HighImportance
	submitOnEnter(onCreate, f.name, f.address, f.weeknight, f.weekend, f.manager, f.passcode, f.repeat)
	return f
}

// values reads the form into a house and a manager, collecting field errors.
func (f *setupForm) values() (data.House, data.NewManager, data.ValidationError) {
	var v data.ValidationError
	h := data.DefaultHouse()
	h.Name, h.Address = f.name.Text, f.address.Text
	beds, err := data.ParseBeds(f.beds.Text)
	if err != nil {
		v = append(v, data.FieldError{Field: "Rooms and beds", Msg: err.Error()})
	}
	h.Beds = beds
	h.CurfewWeeknight = parseClockField(&v, "Weeknight curfew", f.weeknight.Text)
	h.CurfewWeekend = parseClockField(&v, "Weekend curfew", f.weekend.Text)
	h.WeekStart = weekdayByName(f.weekStart.Selected)
	m := data.NewManager{Name: f.manager.Text, Passcode: f.passcode.Text, Confirm: f.repeat.Text}
	return h, m, v
}

func parseClockField(v *data.ValidationError, field, text string) data.ClockTime {
	c, err := data.ParseClock(text)
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: err.Error()})
	}
	return c
}

func (u *UI) showSetup() {
	var f *setupForm
	f = newSetupForm(func() { u.createHouse(f) })
	u.screens.setup = f
	intro := widget.NewLabel("Welcome. Set up the house and its first manager. Everything stays on this computer, encrypted; nothing goes to the internet.")
	intro.Wrapping = fyne.TextWrapWord
	restore := widget.NewButtonWithIcon("Restore a house from a backup…", theme.HistoryIcon(), u.chooseBackup)
	body := container.NewVBox(heading("Set up Porchlight"), intro, f.Form, f.general, container.NewHBox(f.create),
		widget.NewSeparator(), widget.NewLabel("Moving to a new computer? Restore the house from its backup instead."), container.NewHBox(restore))
	u.setContent(container.NewVScroll(container.NewPadded(body)))
	u.onEscape(nil)
	u.win.Canvas().Focus(f.name)
}

// createHouse validates the form, creates the encrypted store and shows the
// recovery key. On any error the form keeps what was typed.
func (u *UI) createHouse(f *setupForm) {
	h, m, v := f.values()
	if len(v) > 0 {
		v = append(v, data.ValidateSetup(h, m)...)
		f.show(v)
		return
	}
	st, key, err := u.vault.Create(h, m)
	if f.show(err) {
		return
	}
	u.store = st
	u.dailyWork()
	u.manager = st.Session()
	u.showRecoveryKey(h.Name, key)
}

// showRecoveryKey shows the recovery key once, with a way to print it.
func (u *UI) showRecoveryKey(house, key string) { u.showRecoveryKeyThen(house, key, u.showShell) }

// showRecoveryKeyThen shows a recovery key once, with a way to print it,
// and goes on with then once the manager says it is stored.
func (u *UI) showRecoveryKeyThen(house, key string, then func()) {
	keyText := widget.NewLabelWithStyle(key, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	keyText.SizeName = theme.SizeNameHeadingText
	warn := widget.NewLabel("This recovery key is the only way into the house's records if every manager passcode is lost. " +
		"It is shown once. Print it or write it down now, and keep it somewhere safe and private, away from this computer.")
	warn.Wrapping = fyne.TextWrapWord
	paper := paperChoice(defaultPaper())
	saved := widget.NewLabel("")
	saved.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon("Save as PDF and open it to print", theme.DocumentPrintIcon(), func() {
		path, err := writePrintPDF("porchlight-recovery-key.pdf", func(w io.Writer) error {
			return report.RecoveryKey(w, house, key, time.Now(), paperOf(paper))
		})
		if err != nil {
			u.showProblem("The recovery key could not be saved", err)
			return
		}
		saved.SetText("Saved to " + path + " (only you can read it). Print it, then delete the file from this computer.")
		u.openPDF("Recovery key", path)
	})
	done := widget.NewButton("I have stored the key safely — continue", func() {
		u.confirm("Recovery key stored?", "You will not see this key again. Continue?", "Continue", "Show it again", func(ok bool) {
			if ok {
				then()
			}
		})
	})
	done.Importance = widget.HighImportance
	body := container.NewVBox(heading("Your recovery key"), warn, widget.NewCard("", "", keyText),
		container.NewHBox(save, widget.NewLabel("Paper"), paper), saved, widget.NewSeparator(), done)
	u.setContent(container.NewPadded(body))
}

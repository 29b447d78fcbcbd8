package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// weekCard shows what counts against a resident's house week (late
// sign-ins, missed chores, unexcused absences from required meetings)
// beside their outside meetings against the phase's requirement. Managers
// only: the resident's record is never reachable from the kiosk.
func (f *residentForm) weekCard() fyne.CanvasObject {
	if f.r.ID == "" || !f.r.Active() {
		return widget.NewLabel("")
	}
	w, err := f.u.store.WeekAccount(f.r.ID, f.u.store.Today())
	if err != nil {
		return errorCard("This week", err)
	}
	l := widget.NewLabel(weekAccountText(w))
	l.Wrapping = fyne.TextWrapWord
	sub := fmt.Sprintf("%s to %s", w.From.Pretty(), w.To.Pretty())
	return widget.NewCard("This week", sub, l)
}

// weekAccountText is the card's text, a line per kind.
func weekAccountText(w data.WeekAccount) string {
	var lines []string
	om := w.OutsideMeetings
	met := "not met yet"
	if om.Met() {
		met = "met"
	}
	lines = append(lines, fmt.Sprintf("Outside meetings: %d of %d (%s)", om.Have, om.Need, met))
	lines = append(lines, countLine("late sign-in", len(w.LateSignIns), func(i int) string {
		return w.LateSignIns[i].In.Local().Format("Mon 15:04")
	}))
	lines = append(lines, countLine("missed chore", len(w.MissedChores), func(i int) string {
		a := w.MissedChores[i]
		return a.Chore + " " + a.Day.Pretty()
	}))
	lines = append(lines, countLine("unexcused absence", len(w.Unexcused), func(i int) string {
		return w.Unexcused[i].MeetingLabel
	}))
	return strings.Join(lines, "\n")
}

// countLine is "2 late sign-ins: Fri 23:40, Sat 00:15" or "No late sign-ins".
func countLine(what string, n int, item func(int) string) string {
	if n == 0 {
		return "No " + what + "s"
	}
	var items []string
	for i := 0; i < n; i++ {
		items = append(items, item(i))
	}
	plural := what
	if n > 1 {
		plural += "s"
	}
	return fmt.Sprintf("%d %s: %s", n, plural, strings.Join(items, "; "))
}

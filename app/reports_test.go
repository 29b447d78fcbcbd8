package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// The Reports section shows what the week's report will say, offers the
// private parts only on the manager copy, saves the PDF privately, and
// unticks the private parts after the print.
func TestReportsSectionChoosesCopyAndWeek(t *testing.T) {
	fx := newKioskFixture(t)
	fx.u.manager = fx.u.store.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Reports")
	summary := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.Contains(l.Text, "beds filled") })
	if !strings.Contains(summary.Text, "3 of 4 beds filled") {
		t.Errorf("summary: %q", summary.Text)
	}
	notes := findWidget[*widget.Check](t, fx.u, func(c *widget.Check) bool { return c.Text == reportNotes })
	if !notes.Disabled() {
		t.Fatal("private notes can be ticked on the house copy")
	}
	copyPick := findWidget[*widget.RadioGroup](t, fx.u, func(r *widget.RadioGroup) bool { return r.Selected == reportHouseCopy })
	copyPick.SetSelected(reportManagerCopy)
	if notes.Disabled() {
		t.Fatal("private notes cannot be ticked on the manager copy")
	}
	test.Tap(notes)
	if !strings.Contains(summary.Text, "Private notes are included") {
		t.Errorf("the summary does not say the notes are included: %q", summary.Text)
	}
	week := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.Contains(l.Text, " – ") })
	before := week.Text
	test.Tap(findButton(t, fx.u, "Week before"))
	if week.Text == before {
		t.Errorf("Week before left the week at %q", week.Text)
	}
	test.Tap(findButton(t, fx.u, "Latest ended week"))
	if week.Text != "Mon 3 – Sun 9 Mar 2025" { // the fixture's today is Tuesday 11 March 2025
		t.Errorf("the latest ended week is %q", week.Text)
	}

	test.Tap(findButton(t, fx.u, "Save and open PDF"))
	status := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Saved to ") })
	path := strings.TrimSuffix(strings.TrimPrefix(status.Text, "Saved to "), ". It names residents: delete it once printed.")
	t.Cleanup(func() { os.Remove(path) })
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the saved report %s: %v %v, want a private file", path, st, err)
	}
	if notes.Checked {
		t.Error("the private notes are still ticked after the print")
	}
	selectTab(t, fx.u, "Printed and saved")
	if !hasListLine(fx.u, "Weekly report, Mon 3 – Sun 9 Mar 2025, manager copy with private notes · saved as PDF · ") {
		t.Error("the save is not in the list of reports printed and saved")
	}
	selectTab(t, fx.u, "Weekly report")
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "Manager copy") {
			t.Errorf("the PDF: %v %.200s", err, out)
		}
	}
}

// hasListLine reports whether a list on screen shows a line holding text.
func hasListLine(u *UI, text string) bool {
	found := false
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			for i := 0; i < l.Length(); i++ {
				item := l.CreateItem()
				l.UpdateItem(i, item)
				if lb, ok := item.(*widget.Label); ok && strings.Contains(lb.Text, text) {
					found = true
				}
			}
		}
	})
	return found
}

// findWidget finds the first widget of type W on the window that ok likes.
func findWidget[W fyne.CanvasObject](t *testing.T, u *UI, ok func(W) bool) W {
	t.Helper()
	var found W
	var got bool
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if w, is := o.(W); is && !got && ok(w) {
			found, got = w, true
		}
	})
	if !got {
		t.Fatalf("no such %T on screen", found)
	}
	return found
}

// The preview shows what the chosen copy will print: the house copy never
// a private note, the manager copy the notes only when ticked.
func TestReportPreviewFollowsTheCopy(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	r := fx.rs[0]
	r.Notes = "PRIVATE preview note"
	if _, err := st.UpdateResident(fx.u.actor(), r); err != nil {
		t.Fatal(err)
	}
	house, err := st.WeeklyReport(data.WeeklyQuery{Week: st.Today(), Copy: data.CopyHouse, Sensitive: data.SensitiveParts{Notes: true}})
	if err != nil {
		t.Fatal(err)
	}
	text := reportPreview(house)
	for _, want := range []string{"## Census", "## Chores", "## Peer mentors", "## Accountability", "Beds filled: 3 of 4"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if strings.Contains(text, "PRIVATE") {
		t.Fatal("the house copy's preview shows a private note")
	}
	mgr, err := st.WeeklyReport(data.WeeklyQuery{Week: st.Today(), Copy: data.CopyManager, Sensitive: data.SensitiveParts{Notes: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reportPreview(mgr), "PRIVATE preview note") {
		t.Fatal("the manager copy's preview with notes ticked lacks the note")
	}
	fx.u.manager = st.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Reports")
	test.Tap(findButton(t, fx.u, "Preview"))
	if !dialogOpen(fx.u) {
		t.Fatal("Preview opened nothing")
	}
}

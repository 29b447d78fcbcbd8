package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The letter needs the resident's consent, shown at the field; with it the
// letter is saved, logged, and the consent unticked for the next letter.
func TestLetterNeedsConsent(t *testing.T) {
	fx := newKioskFixture(t)
	fx.u.manager = fx.u.store.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Reports")
	selectTab(t, fx.u, "Letter")
	pick := findWidget[*widget.Select](t, fx.u, func(s *widget.Select) bool { return s.PlaceHolder == "Choose a resident" })
	pick.SetSelected("Thanh Nguyễn")
	test.Tap(findButton(t, fx.u, "Save and open PDF"))
	msg := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.Contains(l.Text, "must agree") })
	if !msg.Visible() {
		t.Fatal("the consent's message is hidden")
	}
	if hasText(fx.u, "Saved to ") {
		t.Fatal("a letter was saved without consent")
	}
	consent := findWidget[*widget.Check](t, fx.u, func(c *widget.Check) bool { return c.Text == letterConsentText })
	test.Tap(consent)
	test.Type(findWidget[*entry](t, fx.u, func(*entry) bool { return true }), "County Probation")
	test.Tap(findButton(t, fx.u, "Save and open PDF"))
	status := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Saved to ") })
	path := strings.TrimSuffix(strings.TrimPrefix(status.Text, "Saved to "), ". It is about a resident: delete it once printed.")
	t.Cleanup(func() { os.Remove(path) })
	if consent.Checked {
		t.Error("the consent stays ticked for the next letter")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if text := strings.Join(strings.Fields(string(out)), " "); err != nil || !strings.Contains(text, "Thanh Nguyễn") ||
			!strings.Contains(text, "County Probation") || strings.Contains(text, "Days sober") {
			t.Errorf("the letter: %v %.400s", err, text)
		}
	}
	selectTab(t, fx.u, "Printed and saved")
	if !hasListLine(fx.u, "Progress letter for Thanh N., to County Probation · saved as PDF") {
		t.Error("the letter is not in the list")
	}
}

package app

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/app/report"
)

// Where CUPS is missing, Print says so plainly and offers Save and open,
// which saves the report.
func TestReportsPrintWithoutCUPSOffersSave(t *testing.T) {
	fx := newKioskFixture(t)
	fx.u.manager = fx.u.store.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Reports")
	t.Setenv("PATH", t.TempDir()) // no lp, no lpstat
	test.Tap(findButton(t, fx.u, "Print"))
	if msg := overlayText(fx.u); !strings.Contains(msg, "This computer has no CUPS print system") ||
		!strings.Contains(msg, "Save the weekly report as a PDF") {
		t.Fatalf("the message without CUPS: %q", msg)
	}
	test.Tap(findButton(t, fx.u, "Save and open PDF"))
	status := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Saved to ") })
	path := strings.TrimSuffix(strings.TrimPrefix(status.Text, "Saved to "), ". It names residents: delete it once printed.")
	t.Cleanup(func() { os.Remove(path) })
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the report was not saved: %v", err)
	}
}

// With CUPS and a printer (the cups-pdf printer of .ci/run), Print lists
// the printers with the default first, sends the job, says where it went,
// deletes its own copy of the PDF and logs the print.
func TestReportsPrintSendsTheJob(t *testing.T) {
	if _, err := exec.LookPath("lp"); err != nil {
		t.Skip("CUPS is not installed")
	}
	printers, err := report.Printers()
	if err != nil {
		t.Skipf("CUPS cannot print here: %v", err)
	}
	fx := newKioskFixture(t)
	fx.u.manager = fx.u.store.Session()
	fx.u.showShell()
	meetingSection(t, fx.u, "Reports")
	test.Tap(findButton(t, fx.u, "Print"))
	pick := findOverlay[*widget.Select](t, fx.u)
	if pick.Selected != printerLabel(printers[0]) || !strings.Contains(pick.Selected, "(default)") && printers[0].Default {
		t.Errorf("the printer offered first: %q, want %q", pick.Selected, printerLabel(printers[0]))
	}
	test.Tap(findButton(t, fx.u, "Print")) // the dialog's button, on top
	status := findWidget[*widget.Label](t, fx.u, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Sent to ") })
	if !strings.Contains(status.Text, "Sent to "+printers[0].Name+" (job ") {
		t.Errorf("status: %q", status.Text)
	}
	dir, _ := printDir()
	if _, err := os.Stat(dir + "/weekly-report-2025-03-03-house.pdf"); !os.IsNotExist(err) {
		t.Errorf("the printed PDF was left in the print folder: %v", err)
	}
	selectTab(t, fx.u, "Printed and saved")
	if !hasListLine(fx.u, "Weekly report, Mon 3 – Sun 9 Mar 2025, house copy · printed on "+printers[0].Name) {
		t.Error("the print is not in the list")
	}
}

// overlayText is the text of the labels in the dialog on top.
func overlayText(u *UI) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// findOverlay finds the first widget of type W in the dialog on top.
func findOverlay[W fyne.CanvasObject](t *testing.T, u *UI) W {
	t.Helper()
	var found W
	var got bool
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		walk(top, func(o fyne.CanvasObject) {
			if w, is := o.(W); is && !got {
				found, got = w, true
			}
		})
	}
	if !got {
		t.Fatalf("no %T in the dialog on top", found)
	}
	return found
}

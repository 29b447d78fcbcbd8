package app

import (
	"fmt"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// cutLabels lists the labels under root whose text does not fit the room
// they are given: a line wider than the label, or wrapped lines taller.
func cutLabels(root fyne.CanvasObject) []string {
	var cut []string
	walk(root, func(o fyne.CanvasObject) {
		l, ok := o.(*widget.Label)
		if !ok || !l.Visible() || l.Text == "" || l.Size().Width == 0 {
			return
		}
		size := l.Size()
		switch {
		case l.Truncation != fyne.TextTruncateOff:
			if fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding() > size.Width+0.5 {
				cut = append(cut, l.Text)
			}
		case l.Wrapping == fyne.TextWrapOff:
			if fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding() > size.Width+0.5 {
				cut = append(cut, l.Text)
			}
		default:
			if l.MinSize().Height > size.Height+0.5 {
				cut = append(cut, l.Text)
			}
		}
	})
	return cut
}

// savePNG writes what the window shows, to look at: set PORCHLIGHT_SHOTS.
func savePNG(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("PORCHLIGHT_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(dir + "/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// The sign-in log's places and statuses wrap in a narrow window instead
// of ending in "…", and a wide window gives them their room on one line.
func TestSignoutsLogWrapsInsteadOfCutting(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	where := "Noon SMART group at the Community Center on Elm Street"
	for i, r := range fx.rs {
		if _, err := st.SignOut(data.KioskActor(r), r.ID, data.DestMeeting, where, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			*fx.clk = fx.clk.Add(time.Hour)
			if _, err := st.SignIn(data.KioskActor(r), r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := fx.signouts(t)
	p.tabs.SelectIndex(1)
	for _, size := range []fyne.Size{{Width: 760, Height: 600}, {Width: 1400, Height: 720}} {
		fx.u.win.Resize(size)
		if len(p.entries) != len(fx.rs) {
			t.Fatalf("%d entries in the log, want %d", len(p.entries), len(fx.rs))
		}
		if cut := cutLabels(p.logTable); len(cut) > 0 {
			t.Errorf("at %v the log cuts %q", size, cut)
		}
		seen := strings.Join(textsIn(p.logTable), "\n")
		if !strings.Contains(seen, "Meeting ("+where+")") {
			t.Errorf("at %v the log does not show the whole place: %q", size, seen)
		}
		savePNG(t, fx.u.win, fmt.Sprintf("signin-log-%.0f.png", size.Width))
	}
	// wide: one line a row
	line := p.logFit.height("X", 0)
	for r, got := range p.logFit.rowsH {
		if got > line+0.5 {
			t.Errorf("row %d is %v tall in a wide window, one line is %v", r, got, line)
		}
	}
}

package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// findButton finds a button by the text a person reads on it, on the
// window or in the dialog on top.
func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	look := func(root fyne.CanvasObject) {
		walk(root, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil && b.Visible() {
				found = b
			}
		})
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		look(top)
	}
	if found == nil {
		look(u.win.Content())
	}
	if found == nil {
		t.Fatalf("no %q button on screen", text)
	}
	return found
}

// selectTab picks a tab by its title in the section on show.
func selectTab(t *testing.T, u *UI, title string) {
	t.Helper()
	var done bool
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && !done {
			for i, it := range tabs.Items {
				if it.Text == title {
					tabs.SelectIndex(i)
					done = true
				}
			}
		}
	})
	if !done {
		t.Fatalf("no %q tab", title)
	}
}

// overlayTexts is every text shown in dialogs and pop-ups.
func overlayTexts(u *UI) []string {
	var out []string
	for _, o := range u.win.Canvas().Overlays().List() {
		if !o.Visible() {
			continue
		}
		walk(o, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.Label:
				out = append(out, w.Text)
			case *widget.Button:
				out = append(out, w.Text)
			}
		})
	}
	return out
}

// Every manager dialog left open is gone after an idle log-out, and its
// buttons, if somebody still held on to them, change nothing.
func TestIdleLogOutClosesEveryManagerDialog(t *testing.T) {
	opens := map[string]func(u *UI){
		"Add manager":        func(u *UI) { test.Tap(findButton(t, u, "Add manager")) },
		"Change my passcode": func(u *UI) { test.Tap(findButton(t, u, "Change my passcode")) },
		"Remove":             func(u *UI) { test.Tap(findButton(t, u, "Remove")) },
	}
	for name, open := range opens {
		t.Run(name, func(t *testing.T) {
			u := newTestUI(t)
			setUpHouse(t, u)
			const pass2 = "second manager pass"
			if _, err := u.store.AddManager(u.actor(), data.NewManager{Name: "Theo Marsh", Passcode: pass2, Confirm: pass2}); err != nil {
				t.Fatal(err)
			}
			u.showShell()
			meetingSection(t, u, "Settings")
			selectTab(t, u, "Managers")
			open(u)
			top := u.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatalf("%s: no dialog opened", name)
			}
			var stale []*widget.Button
			walk(top, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.OnTapped != nil {
					stale = append(stale, b)
				}
			})
			var entries []*widget.Entry
			walk(top, func(o fyne.CanvasObject) {
				if e, ok := o.(*widget.Entry); ok {
					entries = append(entries, e)
				}
			})

			u.idle.last.Store(time.Now().Add(-11 * time.Minute).UnixNano())
			u.checkIdle()

			if u.inShell || u.manager.ID != "" || u.store.Session().ID != "" {
				t.Fatal("still logged in after the idle minutes")
			}
			if n := len(u.win.Canvas().Overlays().List()); n != 0 {
				t.Fatalf("%d dialogs still on the kiosk: %q", n, overlayTexts(u))
			}
			// Someone at the door types into the old fields and taps every
			// old button: nothing changes.
			for _, e := range entries {
				e.SetText("let me in please")
			}
			for _, b := range stale {
				b.OnTapped()
			}
			for _, b := range stale {
				if b.OnTapped != nil {
					b.OnTapped()
				}
			}
			ms, err := u.store.Managers()
			if err != nil || len(ms) != 2 {
				t.Fatalf("managers after the stale dialog = %d, %v; want the 2 there were", len(ms), err)
			}
			if _, err := u.vault.Unlock(ms[0].ID, "let me in please"); err == nil {
				t.Fatal("a passcode typed into the stale dialog opens the store")
			}
			for _, s := range overlayTexts(u) {
				if strings.Contains(s, "manager") || strings.Contains(s, "passcode") {
					t.Fatalf("a manager dialog is on the kiosk: %q", s)
				}
			}
		})
	}
}

// Settings → Security issues a new recovery key: the old one stops
// working, the new one opens the store, and it is shown once.
func TestNewRecoveryKeyFromSettings(t *testing.T) {
	u := newTestUI(t)
	u.Start()
	f := currentSetupForm(t, u)
	test.Type(f.name, "Cedar House")
	f.beds.SetText("Room 1: A, B")
	test.Type(f.manager, "Ana Núñez")
	test.Type(f.passcode, "long enough")
	test.Type(f.repeat, "long enough")
	test.Tap(f.create)
	var oldKey string
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			oldKey = l.Text
		}
	})
	if oldKey == "" {
		t.Fatal("no recovery key shown at setup")
	}
	u.showShell()
	meetingSection(t, u, "Settings")
	selectTab(t, u, "Security")
	test.Tap(findButton(t, u, "Issue a new recovery key…"))
	test.Tap(findButton(t, u, "Issue a new key"))
	var newKey string
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			newKey = l.Text
		}
	})
	if newKey == "" || newKey == oldKey {
		t.Fatalf("new key %q (old %q)", newKey, oldKey)
	}
	u.store.Close()
	u.store = nil
	if _, err := u.vault.UnlockRecovery(oldKey); err == nil {
		t.Fatal("the old recovery key still opens the store")
	}
	st, err := u.vault.UnlockRecovery(newKey)
	if err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
	st.Close()
}

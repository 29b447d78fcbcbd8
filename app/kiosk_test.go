package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

func init() {
	// Tests drive the kiosk step by step: no ticking clock, no
	// confirmation that goes away by itself while a test looks at it.
	kioskTick = time.Hour
	kioskConfirmFor = time.Hour
}

// kioskFixture is a house with three residents on a fixed clock.
type kioskFixture struct {
	u   *UI
	clk *time.Time
	rs  []data.Resident // Majo (PIN 2580), Thanh (PIN 1357), Paweł (no PIN)
}

var kioskPINs = []string{"2580", "1357", ""}

// newKioskFixture opens a house at 14:00 on Tuesday 11 March 2025 (a
// weeknight: curfew 22:00) and shows the kiosk.
func newKioskFixture(t testing.TB) *kioskFixture {
	t.Helper()
	clk := time.Date(2025, 3, 11, 14, 0, 0, 0, time.Local)
	fx := &kioskFixture{clk: &clk}
	a := test.NewApp()
	t.Cleanup(a.Quit)
	v, err := data.OpenVault(t.TempDir(), fastKDF, data.WithClock(func() time.Time { return *fx.clk }))
	if err != nil {
		t.Fatal(err)
	}
	h := data.DefaultHouse()
	h.Name = "Cedar House"
	if h.Beds, err = data.ParseBeds("Room 1: A, B\nRoom 2: A, B"); err != nil {
		t.Fatal(err)
	}
	st, _, err := v.Create(h, data.NewManager{Name: "Ana Núñez", Passcode: "long enough", Confirm: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	fx.u = New(a, v, Options{})
	t.Cleanup(fx.u.Close)
	fx.u.store = st
	h, _ = st.House()
	today := st.Today()
	people := []data.Resident{
		{First: "María José", Last: "Núñez", Preferred: "Majo", Phase: "Phase 1", Phone: "555-0110", Sobriety: today.AddDays(-100)},
		{First: "Thanh", Last: "Nguyễn", Phase: "Phase 2", Phone: "555-0111", Sobriety: today.AddDays(-20)},
		{First: "Paweł", Last: "Kowalczyk", Phase: "Phase 1", Phone: "555-0112"},
	}
	for i, p := range people {
		p.BedID, p.MoveIn = h.Beds[i].ID, today.AddDays(-30)
		p.Notes = "PRIVATE NOTE about " + p.First
		r, err := st.AddResident(data.System, p)
		if err != nil {
			t.Fatal(err)
		}
		if kioskPINs[i] != "" {
			if err := st.SetPIN(data.System, r.ID, kioskPINs[i]); err != nil {
				t.Fatal(err)
			}
		}
		fx.rs = append(fx.rs, r)
	}
	fx.u.showKiosk()
	return fx
}

func (fx *kioskFixture) kiosk(t testing.TB) *kioskScreen {
	t.Helper()
	k := fx.u.screens.kiosk
	if k == nil || fx.u.win.Content() != k.root {
		t.Fatal("the kiosk is not on show")
	}
	return k
}

// tile returns the tile on show for resident i.
func (fx *kioskFixture) tile(t testing.TB, i int) *kioskTile {
	t.Helper()
	k := fx.kiosk(t)
	if k.shown != kioskGridPage {
		t.Fatalf("the grid is not on show (page %q)", k.shown)
	}
	tile := k.tileViews[fx.rs[i].ID]
	if tile == nil {
		t.Fatalf("no tile for %s", fx.rs[i].Short())
	}
	return tile
}

// typePIN taps the digits on the pad, then OK.
func typePIN(t *testing.T, k *kioskScreen, pin string) {
	t.Helper()
	if k.pad == nil {
		t.Fatalf("no PIN pad on show (page %q)", k.shown)
	}
	p := k.pad
	for _, d := range pin {
		test.Tap(p.keys[string(d)])
	}
	test.Tap(p.keys["ok"])
}

// openResident taps resident i's tile and types their PIN.
func (fx *kioskFixture) openResident(t *testing.T, i int) *kioskResident {
	t.Helper()
	test.Tap(fx.tile(t, i))
	k := fx.kiosk(t)
	typePIN(t, k, kioskPINs[i])
	if k.shown != kioskResidentPage || k.res == nil || k.res.r.ID != fx.rs[i].ID {
		t.Fatalf("resident page not shown after the right PIN (page %q, pad message %q)", k.shown, padMessage(k))
	}
	return k.res
}

func padMessage(k *kioskScreen) string {
	if k.pad == nil {
		return ""
	}
	return k.pad.msg.Text
}

// screenTexts lists every text in the window: labels, buttons, entries,
// cards, rich text and canvas text.
func screenTexts(u *UI) []string {
	var out []string
	roots := append([]fyne.CanvasObject{u.win.Content()}, u.win.Canvas().Overlays().List()...)
	for _, root := range roots {
		out = append(out, textsIn(root)...)
	}
	return out
}

// textsIn is every text a person can read in o and below it.
func textsIn(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text, w.PlaceHolder)
		case *widget.Card:
			out = append(out, w.Title, w.Subtitle)
		case *widget.RichText:
			out = append(out, w.String())
		case *widget.Select:
			out = append(out, w.Selected)
		case *canvas.Text:
			out = append(out, w.Text)
		}
	})
	return out
}

// assertKioskSafe checks that the window shows the kiosk and nothing a
// resident may not see: no manager screen, no notes, no phone numbers, no
// last names, and (away from the grid) no other resident's name.
func (fx *kioskFixture) assertKioskSafe(t *testing.T, step string, self int) {
	t.Helper()
	u := fx.u
	if u.manager.ID != "" || u.inShell {
		t.Fatalf("%s: a manager is logged in at the kiosk", step)
	}
	if k := u.screens.kiosk; k == nil || u.win.Content() != k.root {
		t.Fatalf("%s: the kiosk is not on show", step)
	}
	texts := screenTexts(u)
	all := strings.Join(texts, "\n")
	for _, title := range []string{"Dashboard", "Residents", "Settings", "Sign-outs", "Meetings", "Chores", "Log out", "Sign-in log", "Overnight passes"} {
		for _, s := range texts {
			if s == title {
				t.Errorf("%s: the kiosk shows the manager section %q", step, title)
			}
		}
	}
	for i, r := range fx.rs {
		for _, secret := range []string{r.Notes, r.Phone, r.Last, r.First + " " + r.Last} {
			if secret != "" && strings.Contains(all, secret) {
				t.Errorf("%s: the kiosk shows %q", step, secret)
			}
		}
		if self >= 0 && i != self && strings.Contains(all, r.FirstName()) {
			t.Errorf("%s: %s's page shows another resident, %s", step, fx.rs[self].Short(), r.Short())
		}
	}
	if strings.Contains(all, "PRIVATE") {
		t.Errorf("%s: private notes on the kiosk", step)
	}
}

func TestKioskTapTileTypePINSignOutTileTurnsOut(t *testing.T) {
	fx := newKioskFixture(t)
	fx.assertKioskSafe(t, "grid", -1)
	if got := fx.tile(t, 0).state.Text; got != "In" {
		t.Fatalf("tile before = %q, want In", got)
	}
	kr := fx.openResident(t, 0)
	k := kr.k
	fx.assertKioskSafe(t, "resident page", 0)
	if kr.signOutBtn == nil || kr.signInBtn != nil {
		t.Fatal("a resident who is in should get Sign out, not Sign in")
	}

	test.Tap(kr.signOutBtn)
	so := kr.so
	fx.assertKioskSafe(t, "sign-out form", 0)
	if so.back.Text != "22:00" {
		t.Errorf("expected back defaults to %q, want tonight's curfew 22:00", so.back.Text)
	}
	test.Tap(so.dests[data.DestOther])
	test.Tap(so.submit)
	if got := so.errorFor(data.FieldWhere); got == "" {
		t.Fatal("Other with no words: no message at the field")
	}
	if out, _ := fx.u.store.IsOut(fx.rs[0].ID); out {
		t.Fatal("signed out despite the error")
	}
	test.Tap(so.dests[data.DestWork])
	test.Type(so.where, "Harbor Diner")
	test.Tap(so.submit)
	if k.shown != kioskConfirmPage || k.confirm.title.Text != "Signed out" {
		t.Fatalf("no confirmation (page %q, errors %q)", k.shown, so.errorFor(data.FieldExpectedBack))
	}
	if !strings.Contains(k.confirm.detail.Text, "22:00") {
		t.Errorf("confirmation = %q, want the time back", k.confirm.detail.Text)
	}
	fx.assertKioskSafe(t, "confirmation", 0)
	test.Tap(k.confirm.done)
	if got := fx.tile(t, 0).state.Text; got != "Out" {
		t.Fatalf("tile after sign-out = %q, want Out", got)
	}
	if out, _ := fx.u.store.IsOut(fx.rs[0].ID); !out {
		t.Fatal("the store does not have the sign-out")
	}

	// Back at 21:30, by keyboard this time: digits, then Enter.
	*fx.clk = fx.clk.Add(7*time.Hour + 30*time.Minute)
	test.Tap(fx.tile(t, 0))
	test.TypeOnCanvas(fx.u.win.Canvas(), kioskPINs[0])
	fx.u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if k.shown != kioskResidentPage {
		t.Fatalf("keyboard PIN did not open the page (%q)", padMessage(k))
	}
	if k.res.signInBtn == nil {
		t.Fatal("a resident who is out should get Sign in")
	}
	if !strings.Contains(k.res.status.Text, "Work (Harbor Diner)") {
		t.Errorf("status = %q", k.res.status.Text)
	}
	test.Tap(k.res.signInBtn)
	if k.confirm == nil || k.confirm.title.Text != "Signed in: on time" {
		t.Fatalf("sign-in confirmation = %v", k.confirm)
	}
	test.Tap(k.confirm.done)
	if got := fx.tile(t, 0).state.Text; got != "In" {
		t.Fatalf("tile after sign-in = %q, want In", got)
	}
}

func TestKioskSignInAfterCurfewSaysLate(t *testing.T) {
	fx := newKioskFixture(t)
	if _, err := fx.u.store.SignOut(data.KioskActor(fx.rs[1]), fx.rs[1].ID, data.DestFamily, "", time.Time{}); err != nil {
		t.Fatal(err)
	}
	*fx.clk = fx.clk.Add(9*time.Hour + 10*time.Minute) // 23:10, curfew 22:00
	kr := fx.openResident(t, 1)
	test.Tap(kr.signInBtn)
	k := kr.k
	if k.confirm == nil || k.confirm.title.Text != "Signed in: late" {
		t.Fatalf("confirmation = %+v", k.confirm)
	}
	if !strings.Contains(k.confirm.detail.Text, "23:10") || !strings.Contains(k.confirm.detail.Text, "22:00") {
		t.Errorf("detail = %q", k.confirm.detail.Text)
	}
}

func TestKioskWrongPINFiveTimesLocks(t *testing.T) {
	fx := newKioskFixture(t)
	k := fx.kiosk(t)
	test.Tap(fx.tile(t, 0))
	for i := 1; i < data.PINMaxTries; i++ {
		typePIN(t, k, "9731")
		want := fmt.Sprintf("%d tries left", data.PINMaxTries-i)
		if i == data.PINMaxTries-1 {
			want = "one more wrong PIN"
		}
		if k.shown != kioskPINPage || !strings.Contains(k.pad.msg.Text, want) {
			t.Fatalf("wrong PIN %d: page %q, message %q, want %q", i, k.shown, padMessage(k), want)
		}
		fx.assertKioskSafe(t, "PIN pad", -1)
	}
	typePIN(t, k, "9731")
	if k.shown != kioskConfirmPage || k.confirm.title.Text != "PIN pad locked" {
		t.Fatalf("fifth wrong PIN: page %q", k.shown)
	}
	until := fx.clk.Add(data.PINFirstLockout).Format("15:04")
	if !strings.Contains(k.confirm.detail.Text, "Try again after "+until) {
		t.Fatalf("lock message = %q, want the time %s", k.confirm.detail.Text, until)
	}
	test.Tap(k.confirm.done)

	// Locked: the tile says so without a pad, even for the right PIN.
	test.Tap(fx.tile(t, 0))
	if k.shown != kioskConfirmPage || !strings.Contains(k.confirm.detail.Text, "Try again after") {
		t.Fatalf("tile of a locked resident: page %q", k.shown)
	}
	if err := fx.u.store.CheckPIN(fx.rs[0].ID, kioskPINs[0]); err == nil {
		t.Fatal("the right PIN works while locked")
	}
	// Another resident is not affected.
	test.Tap(k.confirm.done)
	fx.openResident(t, 1)
}

func TestKioskResidentWithoutPINIsSentToTheManager(t *testing.T) {
	fx := newKioskFixture(t)
	k := fx.kiosk(t)
	test.Tap(fx.tile(t, 2))
	if k.shown != kioskConfirmPage || !strings.Contains(k.confirm.detail.Text, "See the house manager to set your PIN") {
		t.Fatalf("no-PIN tile: page %q", k.shown)
	}
}

func TestKioskPadAcceptsFourToSixDigits(t *testing.T) {
	fx := newKioskFixture(t)
	k := fx.kiosk(t)
	test.Tap(fx.tile(t, 0))
	p := k.pad
	typePIN(t, k, "258")
	if !strings.Contains(p.msg.Text, "4 to 6 digits") {
		t.Fatalf("three digits: %q", p.msg.Text)
	}
	for _, d := range "1234567" {
		test.Tap(p.keys[string(d)])
	}
	if p.digits != "123456" {
		t.Fatalf("digits = %q, want at most six", p.digits)
	}
	test.Tap(p.keys["back"])
	test.Tap(p.keys["clear"])
	if p.digits != "" {
		t.Fatalf("after Clear: %q", p.digits)
	}
	test.Tap(p.keys["cancel"])
	if k.shown != kioskGridPage {
		t.Fatalf("Cancel: page %q", k.shown)
	}
	if st, _ := fx.u.store.PINStatus(fx.rs[0].ID); st.Failures != 0 {
		t.Errorf("failures = %d; a too-short PIN must not be checked", st.Failures)
	}
}

func TestKioskNeverExposesManagerScreens(t *testing.T) {
	fx := newKioskFixture(t)
	fx.assertKioskSafe(t, "grid", -1)
	kr := fx.openResident(t, 0)
	k := kr.k
	fx.assertKioskSafe(t, "resident page", 0)
	steps := []struct {
		name string
		open func()
	}{
		{"sign-out form", func() { test.Tap(kr.signOutBtn) }},
		{"meeting form", func() { test.Tap(kr.meetingBtn) }},
		{"my week", func() { test.Tap(kr.weekBtn) }},
		{"change PIN", func() { test.Tap(kr.pinBtn) }},
	}
	for _, s := range steps {
		kr.showHome()
		s.open()
		fx.assertKioskSafe(t, s.name, 0)
		if k.shown == kioskGridPage {
			t.Errorf("%s: fell back to the grid", s.name)
		}
	}
	// Escape from a resident's page goes to the grid, not anywhere else.
	kr.showHome()
	fx.u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if k.shown != kioskGridPage || k.res != nil {
		t.Fatalf("Escape: page %q", k.shown)
	}
	fx.assertKioskSafe(t, "grid after Escape", -1)
	// The sections of the shell are not reachable from any kiosk object:
	// a resident cannot even tap their way to the log-in without a passcode.
	test.Tap(k.manager)
	if fx.u.inShell || fx.u.manager.ID != "" {
		t.Fatal("the Manager button opened manager screens without a passcode")
	}
	if !hasText(fx.u, "Back to kiosk") {
		t.Fatal("the manager log-in has no way back to the kiosk")
	}
}

func TestKioskManagerLogInReachesShellAndLogOutReturns(t *testing.T) {
	fx := newKioskFixture(t)
	u := fx.u
	k := fx.kiosk(t)
	test.Tap(k.manager)
	s := u.screens.unlock
	if s == nil || u.win.Content() == k.root {
		t.Fatal("Manager did not open the log-in")
	}
	test.Type(s.passcode, "not the passcode")
	test.Tap(s.button)
	waitFor(t, func() bool { return s.message.Visible() })
	if u.inShell || u.manager.ID != "" {
		t.Fatal("a wrong passcode reached the shell")
	}
	test.Type(s.passcode, "long enough")
	test.Tap(s.button)
	waitFor(t, func() bool { return u.inShell })
	if u.manager.Name != "Ana Núñez" || !hasText(u, "Log out") || !hasText(u, "Sign-outs") {
		t.Fatalf("shell not shown for the manager: %q", u.manager.Name)
	}
	var logout *widget.Button
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Log out" {
			logout = b
		}
	})
	test.Tap(logout)
	fx.assertKioskSafe(t, "after Log out", -1)
	if u.screens.kiosk == k {
		t.Error("Log out should show a fresh kiosk")
	}

	// Back to kiosk from the log-in, and the log-in's own idle return.
	k = fx.kiosk(t)
	test.Tap(k.manager)
	k.u.idle.last.Store(time.Now().Add(-2 * time.Minute).UnixNano())
	k.checkIdle()
	fx.assertKioskSafe(t, "log-in left idle", -1)
	k = fx.kiosk(t)
	test.Tap(k.manager)
	var back *widget.Button
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Back to kiosk" {
			back = b
		}
	})
	test.Tap(back)
	fx.assertKioskSafe(t, "Back to kiosk", -1)
}

func TestKioskIdleResidentPageReturnsToGrid(t *testing.T) {
	fx := newKioskFixture(t)
	kr := fx.openResident(t, 0)
	k := kr.k
	test.Tap(kr.meetingBtn)
	k.checkIdle()
	if k.shown != kioskActionPage {
		t.Fatalf("went back while in use: %q", k.shown)
	}
	h, _ := fx.u.store.House()
	fx.u.idle.last.Store(time.Now().Add(-h.KioskIdle() - time.Second).UnixNano())
	k.checkIdle()
	if k.shown != kioskGridPage || k.res != nil {
		t.Fatalf("after %v idle: page %q", h.KioskIdle(), k.shown)
	}
	fx.assertKioskSafe(t, "after idle", -1)
}

func TestKioskLogOutsideMeeting(t *testing.T) {
	fx := newKioskFixture(t)
	kr := fx.openResident(t, 0)
	k := kr.k
	test.Tap(kr.meetingBtn)
	m := kr.mtg
	if !strings.Contains(m.count.Text, "0 of 5") {
		t.Errorf("count = %q, want 0 of 5 (Phase 1)", m.count.Text)
	}
	test.Tap(m.paths["AA"])
	test.Tap(m.submit)
	if m.errorFor(data.FieldMeetingName) == "" {
		t.Fatal("no name: no message at the field")
	}
	test.Type(m.name, "Tuesday Night Step Study")
	m.at.SetText("25:00")
	test.Tap(m.submit)
	if m.errorFor(data.FieldMeetingAt) == "" {
		t.Fatal("bad time: no message at the field")
	}
	m.at.SetText("12:30")
	test.Type(m.verifier, "Linda K.")
	test.Tap(m.submit)
	if k.shown != kioskConfirmPage || !strings.Contains(k.confirm.detail.Text, "1 of 5") {
		t.Fatalf("confirmation: page %q, %v", k.shown, screenTexts(fx.u))
	}
	w, _ := fx.u.store.MeetingsInWeek(fx.rs[0].ID, fx.u.store.Today().AddDays(-1)) // week from Monday
	if w.Have != 1 || w.Meetings[0].Verifier != "Linda K." || w.Meetings[0].LoggedBy.Kind != data.ActorResident {
		t.Fatalf("stored = %+v", w)
	}
}

func TestKioskMyWeek(t *testing.T) {
	fx := newKioskFixture(t)
	st := fx.u.store
	r := fx.rs[0]
	if _, err := st.SignOut(data.KioskActor(r), r.ID, data.DestWork, "Harbor Diner", time.Time{}); err != nil {
		t.Fatal(err)
	}
	*fx.clk = fx.clk.Add(2 * time.Hour)
	if _, err := st.SignIn(data.KioskActor(r), r.ID); err != nil {
		t.Fatal(err)
	}
	// Thanh's outing must not show on Majo's week.
	if _, err := st.SignOut(data.KioskActor(fx.rs[1]), fx.rs[1].ID, data.DestErrand, "Pharmacy", time.Time{}); err != nil {
		t.Fatal(err)
	}
	kr := fx.openResident(t, 0)
	lists := kr.showWeek()
	fx.assertKioskSafe(t, "my week", 0)
	if lists.signOuts.Length() != 1 || lists.meetings.Length() != 0 {
		t.Fatalf("sign-outs %d, meetings %d", lists.signOuts.Length(), lists.meetings.Length())
	}
	if !hasText(fx.u, "100 days sober") || !hasText(fx.u, "Outside meetings: 0 of 5") {
		t.Errorf("my week texts: %q", screenTexts(fx.u))
	}
	if hasText(fx.u, "Pharmacy") {
		t.Error("another resident's outing on my week")
	}
}

func TestKioskChangePIN(t *testing.T) {
	fx := newKioskFixture(t)
	kr := fx.openResident(t, 0)
	k := kr.k
	test.Tap(kr.pinBtn)
	typePIN(t, k, "1111") // wrong current PIN
	if !strings.Contains(k.pad.msg.Text, "tries left") {
		t.Fatalf("wrong current PIN: %q", padMessage(k))
	}
	typePIN(t, k, kioskPINs[0])
	typePIN(t, k, "1234") // a run
	if !strings.Contains(k.pad.msg.Text, "too easy") {
		t.Fatalf("easy PIN: %q", padMessage(k))
	}
	typePIN(t, k, "4826")
	typePIN(t, k, "4827") // does not match
	if k.shown != kioskPINPage || !strings.Contains(k.pad.msg.Text, "do not match") {
		t.Fatalf("mismatch: page %q, %q", k.shown, padMessage(k))
	}
	typePIN(t, k, "4826")
	typePIN(t, k, "4826")
	if k.confirm == nil || k.confirm.title.Text != "PIN changed" {
		t.Fatalf("no confirmation: page %q, %q", k.shown, padMessage(k))
	}
	if err := fx.u.store.CheckPIN(fx.rs[0].ID, "4826"); err != nil {
		t.Fatalf("new PIN: %v", err)
	}
}

func TestKioskModeIsFullScreenUntilAManagerLogsIn(t *testing.T) {
	fx := newKioskFixture(t)
	u := fx.u
	u.opts.Kiosk = true
	u.showKiosk()
	if !u.win.FullScreen() {
		t.Fatal("--kiosk: the kiosk is not full screen")
	}
	k := fx.kiosk(t)
	fx.openResident(t, 0)
	if !u.win.FullScreen() {
		t.Fatal("a resident's page left full screen")
	}
	k.showGrid()
	test.Tap(k.manager)
	s := u.screens.unlock
	test.Type(s.passcode, "long enough")
	test.Tap(s.button)
	waitFor(t, func() bool { return u.inShell })
	if u.win.FullScreen() {
		t.Error("a logged-in manager should be able to reach the desktop")
	}
	u.logOut()
	if !u.win.FullScreen() {
		t.Error("Log out should go back to the full-screen kiosk")
	}
}

func TestKioskBackTime(t *testing.T) {
	now := time.Date(2025, 3, 11, 20, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		in, want string
	}{
		{"22:30", "2025-03-11 22:30"},
		{"20:00", "2025-03-11 20:00"},
		{"00:30", "2025-03-12 00:30"}, // after midnight
		{"7:00", "2025-03-12 07:00"},  // overnight shift, 11 hours
		{"13:00", ""},                 // already past, not within 12 hours
		{"25:00", ""},
	} {
		got, err := kioskBackTime(c.in, now)
		if c.want == "" {
			if err == nil {
				t.Errorf("%s: accepted as %v", c.in, got)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02 15:04") != c.want {
			t.Errorf("%s = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
}

func TestKioskSignOutWithOwnExpectedBack(t *testing.T) {
	fx := newKioskFixture(t)
	kr := fx.openResident(t, 1)
	test.Tap(kr.signOutBtn)
	so := kr.so
	test.Tap(so.dests[data.DestAppointment])
	so.back.SetText("13:00")
	test.Tap(so.submit)
	if so.errorFor(data.FieldExpectedBack) == "" {
		t.Fatal("a time already past was accepted")
	}
	so.back.SetText("16:45")
	test.Tap(so.submit)
	outs, _ := fx.u.store.OutNow()
	if len(outs) != 1 || outs[0].ExpectedBack.Format("15:04") != "16:45" {
		t.Fatalf("out now = %+v", outs)
	}
}

// Before an unattended resident's page closes, the kiosk asks "Still
// there?" with time to answer; one tap keeps the page open.
func TestKioskWarnsBeforeThePageCloses(t *testing.T) {
	fx := newKioskFixture(t)
	kr := fx.openResident(t, 0)
	k := kr.k
	h, _ := fx.u.store.House()
	idleFor := func(d time.Duration) {
		fx.u.idle.last.Store(time.Now().Add(-d).UnixNano())
		k.checkIdle()
	}
	idleFor(h.KioskIdle() - kioskWarnBefore - time.Second)
	if k.stillBar.Visible() {
		t.Fatal("the warning shows long before the page closes")
	}
	idleFor(h.KioskIdle() - 11*time.Second)
	if !k.stillBar.Visible() || !strings.Contains(k.stillText.Text, "Still there?") {
		t.Fatalf("no warning 11 s before the page closes: %q", k.stillText.Text)
	}
	if k.shown != kioskResidentPage {
		t.Fatalf("the page closed while warning: %q", k.shown)
	}
	test.Tap(k.stillBtn)
	k.checkIdle()
	if k.stillBar.Visible() || k.shown != kioskResidentPage {
		t.Fatal("tapping I'm still here did not keep the page open")
	}
	idleFor(h.KioskIdle() + time.Second)
	if k.shown != kioskGridPage || k.stillBar.Visible() {
		t.Fatalf("an unattended page did not go back to the grid (page %q)", k.shown)
	}
	fx.assertKioskSafe(t, "after the timeout", -1)
}

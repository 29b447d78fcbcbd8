package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

var fastKDF = data.WithKDF(data.KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1})

// newTestUI opens a vault in a temp dir and builds the UI on a test app.
func newTestUI(t *testing.T) *UI {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	v, err := data.OpenVault(t.TempDir(), fastKDF)
	if err != nil {
		t.Fatalf("open vault: %v", err)
	}
	u := New(a, v, Options{})
	t.Cleanup(u.Close)
	return u
}

// setUpHouse runs the setup screen with good input.
func setUpHouse(t *testing.T, u *UI) {
	t.Helper()
	u.Start()
	f := currentSetupForm(t, u)
	test.Type(f.name, "Cedar House")
	f.beds.SetText("Room 1: A, B\nRoom 2: A")
	test.Type(f.manager, "Ana Núñez")
	test.Type(f.passcode, "long enough")
	test.Type(f.repeat, "long enough")
	test.Tap(f.create)
	if u.store == nil {
		t.Fatalf("house not created; errors: %q", f.general.Text)
	}
}

// currentSetupForm returns the setup screen on show.
func currentSetupForm(t *testing.T, u *UI) *setupForm {
	t.Helper()
	if u.screens.setup == nil {
		t.Fatal("setup screen not shown")
	}
	return u.screens.setup
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, fn)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walk(child, fn)
		}
	}
}

// hasText reports whether a label or button showing text is on screen.
func hasText(u *UI, text string) bool {
	found := false
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(w.Text, text)
		case *widget.Button:
			found = found || strings.Contains(w.Text, text)
		}
	})
	return found
}

func TestSetupRejectsBadInputAndKeepsIt(t *testing.T) {
	u := newTestUI(t)
	u.Start()
	f := currentSetupForm(t, u)
	test.Type(f.name, "Cedar House")
	test.Type(f.manager, "Ana")
	test.Type(f.passcode, "short")
	test.Type(f.repeat, "short")
	f.weeknight.SetText("25:99")
	test.Tap(f.create)
	if u.store != nil {
		t.Fatal("store created despite bad input")
	}
	if got := f.errorFor("Weeknight curfew"); got == "" {
		t.Error("no error under the weeknight curfew")
	}
	if got := f.errorFor("Passcode"); !strings.Contains(got, "8 characters") {
		t.Errorf("passcode error = %q", got)
	}
	if f.name.Text != "Cedar House" {
		t.Error("typed house name lost")
	}
	if !u.vault.IsNew() {
		t.Error("keyring written despite bad input")
	}
}

func TestSetupCreatesHouseAndShowsRecoveryKey(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	if !hasText(u, "Your recovery key") && !hasText(u, "recovery key") {
		t.Fatal("recovery key screen not shown")
	}
	h, err := u.store.House()
	if err != nil || h.Name != "Cedar House" || len(h.Beds) != 3 {
		t.Fatalf("house = %+v, %v", h, err)
	}
	if u.manager.Name != "Ana Núñez" {
		t.Errorf("manager = %q", u.manager.Name)
	}
}

func TestUnlockWrongThenRightPasscode(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	dir := u.vault.Dir()
	u.Close()

	a := test.NewApp()
	defer a.Quit()
	v, err := data.OpenVault(dir, fastKDF)
	if err != nil {
		t.Fatal(err)
	}
	u = New(a, v, Options{})
	defer u.Close()
	u.Start()
	s := u.screens.unlock
	test.Type(s.passcode, "wrong passcode")
	test.Tap(s.button)
	waitFor(t, func() bool { return s.message.Visible() })
	if u.store != nil || !strings.Contains(s.message.Text, "not right") {
		t.Fatalf("wrong passcode: store=%v message=%q", u.store != nil, s.message.Text)
	}
	test.Type(s.passcode, "long enough")
	test.Tap(s.button)
	waitFor(t, func() bool { k := u.screens.kiosk; return k != nil && k.shown == kioskGridPage })
	// Unlocked, the app rests on the kiosk with nobody logged in; a
	// manager logs in from there for the manager screens.
	k := u.screens.kiosk
	if k == nil || u.win.Content() != k.root || u.manager.ID != "" || hasText(u, "Log out") {
		t.Fatalf("after unlock: kiosk shown %v, manager %q", k != nil, u.manager.Name)
	}
	test.Tap(k.manager)
	s = u.screens.unlock
	test.Type(s.passcode, "long enough")
	test.Tap(s.button)
	waitFor(t, func() bool { return u.inShell })
	if u.manager.Name != "Ana Núñez" {
		t.Errorf("logged in as %q", u.manager.Name)
	}
	if !hasText(u, "Log out") {
		t.Error("manager shell not shown after the manager log-in")
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestAddResidentBadDateThenGood(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.residentsView()
	page := u.screens.residents
	page.openForm(data.Resident{})
	f := u.screens.residentForm
	test.Type(f.first, "Thanh")
	test.Type(f.last, "Nguyễn")
	f.bed.SetSelectedIndex(0)
	f.sobriety.SetText("2999-01-01")
	test.Tap(f.save)
	if got := f.errorFor(data.FieldSobriety); !strings.Contains(got, "future") {
		t.Fatalf("sobriety error = %q", got)
	}
	f.sobriety.SetText("2024-02-30")
	test.Tap(f.save)
	if got := f.errorFor(data.FieldSobriety); got == "" {
		t.Fatal("impossible date accepted")
	}
	if rs, _ := u.store.Residents(); len(rs) != 0 {
		t.Fatalf("saved %d residents despite errors", len(rs))
	}
	if f.first.Text != "Thanh" {
		t.Error("typed name lost after an error")
	}

	f.sobriety.SetText("2024-02-29")
	test.Tap(f.save)
	rs, _ := u.store.Residents()
	if len(rs) != 1 || rs[0].Last != "Nguyễn" {
		t.Fatalf("residents = %+v", rs)
	}
	if len(page.rows) != 1 || page.rows[0].r.Last != "Nguyễn" {
		t.Fatalf("list rows = %d", len(page.rows))
	}
}

func TestResidentSearchAndSort(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	for i, n := range [][2]string{{"Zoë", "Lefèvre"}, {"Paweł", "Kowalczyk"}, {"Siobhán", "O'Brien"}} {
		_, err := u.store.AddResident(data.System, data.Resident{First: n[0], Last: n[1], BedID: h.Beds[i].ID, MoveIn: today, Sobriety: today.AddDays(-10 * (i + 1))})
		if err != nil {
			t.Fatal(err)
		}
	}
	u.showShell()
	u.residentsView()
	p := u.screens.residents
	if len(p.rows) != 3 || p.rows[0].r.Last != "Kowalczyk" {
		t.Fatalf("default sort by name: first = %q", p.rows[0].r.Last)
	}
	p.sortBy(3) // days sober
	if p.rows[0].r.Last != "Lefèvre" {
		t.Errorf("sorted by days sober: first = %q", p.rows[0].r.Last)
	}
	p.sortBy(3)
	if p.rows[0].r.Last != "O'Brien" {
		t.Errorf("reverse sort: first = %q", p.rows[0].r.Last)
	}
	test.Type(p.search, "kow")
	if len(p.rows) != 1 || p.rows[0].r.First != "Paweł" {
		t.Errorf("search kow: %d rows", len(p.rows))
	}
}

// The list opens on the residents living here, and reads the moved out
// only when asked for them.
func TestResidentListShowsMovedOutWhenAsked(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	for i, n := range [][2]string{{"Zoë", "Lefèvre"}, {"Kenji", "Watanabe"}} {
		r, err := u.store.AddResident(data.System, data.Resident{First: n[0], Last: n[1], BedID: h.Beds[i].ID, MoveIn: today.AddDays(-30)})
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := u.store.MoveOut(data.System, r.ID, today.AddDays(-2), "Completed program"); err != nil {
				t.Fatal(err)
			}
		}
	}
	u.showShell()
	u.residentsView()
	p := u.screens.residents
	names := func() (out []string) {
		for _, r := range p.rows {
			out = append(out, r.r.First)
		}
		return out
	}
	if got := fmt.Sprint(names()); got != "[Zoë]" || p.count.Text != "1 shown" || p.loadedAll {
		t.Fatalf("living here: %s, %q, everyone read: %v", got, p.count.Text, p.loadedAll)
	}
	p.show.SetSelected("Moved out")
	if got := fmt.Sprint(names()); got != "[Kenji]" || p.count.Text != "1 shown" {
		t.Fatalf("moved out: %s, %q", got, p.count.Text)
	}
	p.show.SetSelected("Everyone")
	if got := fmt.Sprint(names()); got != "[Zoë Kenji]" && got != "[Kenji Zoë]" {
		t.Fatalf("everyone: %s", got)
	}
	p.show.SetSelected("Living here")
	if got := fmt.Sprint(names()); got != "[Zoë]" {
		t.Fatalf("living here again: %s", got)
	}
}

func TestBedTakenShowsAtField(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	today := u.store.Today()
	if _, err := u.store.AddResident(data.System, data.Resident{First: "A", Last: "B", BedID: h.Beds[0].ID, MoveIn: today}); err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.residentsView()
	u.screens.residents.openForm(data.Resident{})
	f := u.screens.residentForm
	test.Type(f.first, "Jamal")
	test.Type(f.last, "Washington")
	f.bed.SetSelectedIndex(0)
	test.Tap(f.save)
	if got := f.errorFor(data.FieldBed); !strings.Contains(got, "taken") {
		t.Fatalf("bed error = %q", got)
	}
}

func TestIdleManagerIsLoggedOut(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	if !u.inShell {
		t.Fatal("shell not shown")
	}
	u.checkIdle()
	if u.manager.ID == "" {
		t.Fatal("logged out while active")
	}
	u.idle.last.Store(time.Now().Add(-11 * time.Minute).UnixNano())
	u.checkIdle()
	if u.manager.ID != "" || u.inShell {
		t.Fatal("still logged in after 11 idle minutes (house default 10)")
	}
	if k := u.screens.kiosk; k == nil || u.win.Content() != k.root {
		t.Fatal("an idle manager should leave the kiosk on show")
	}
}

func TestEscapeInAFocusedFieldCancelsTheForm(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.win.SetContent(u.residentsView()) // on screen, so the field finds its canvas
	p := u.screens.residents
	p.openForm(data.Resident{})
	f := u.screens.residentForm
	u.win.Canvas().Focus(f.first)
	test.Type(f.first, "Half-typed")
	f.first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// Half a new resident is typed: Escape asks before throwing it away,
	// and "Keep editing" (or Escape again) keeps every letter.
	if !slices.Contains(textsIn(u.win.Canvas().Overlays().Top()), "Discard what you typed?") {
		t.Fatal("Escape on a half-typed resident did not ask before discarding")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.screens.residentForm != f || f.first.Text != "Half-typed" || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Keep editing lost the form or what was typed")
	}
	f.first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	test.Tap(findButton(t, u, "Discard"))
	if !hasText(u, "Add resident") {
		t.Fatal("Escape in the first-name field did not go back to the list")
	}
	if rs, _ := u.store.Residents(); len(rs) != 0 {
		t.Fatal("Escape saved a resident")
	}
}

func TestResidentRecordShowsTheWeeksAccount(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	r, err := u.store.AddResident(data.System, data.Resident{First: "Paweł", Last: "Kowalczyk", Phase: "Phase 1", BedID: h.Beds[0].ID, MoveIn: u.store.Today().AddDays(-20)})
	if err != nil {
		t.Fatal(err)
	}
	u.showShell()
	u.win.SetContent(u.residentsView())
	u.screens.residents.openForm(r)
	if !hasText(u, "Outside meetings: 0 of 5") || !hasText(u, "No missed chores") {
		t.Fatal("this week's account not on the resident's record")
	}
}

// A failed save scrolls the form back to the first field with a message,
// and Tab into a field below the fold scrolls it into view.
func TestResidentFormScrollsToTheFieldThatNeedsFixing(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.win.SetContent(u.residentsView())
	u.win.Resize(fyne.NewSize(900, 420))
	u.screens.residents.openForm(data.Resident{})
	f := u.screens.residentForm
	if f.scroll.Content.MinSize().Height <= f.scroll.Size().Height {
		t.Fatalf("the form fits (%v in %v); the test needs it to scroll", f.scroll.Content.MinSize(), f.scroll.Size())
	}
	u.win.Canvas().Focus(f.notes)
	if f.scroll.Offset.Y == 0 {
		t.Fatal("focusing the notes at the bottom did not scroll them into view")
	}
	test.Tap(f.save)
	if f.errorFor(data.FieldFirst) == "" {
		t.Fatal("saving an empty resident showed no message at First name")
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(f.first).Y - d.AbsolutePositionForObject(f.scroll).Y
	if y < 0 || y+f.first.Size().Height > f.scroll.Size().Height {
		t.Fatalf("after the failed save First name is at %v in a view %v high, out of sight", y, f.scroll.Size().Height)
	}
}

// Search folds case and accents both ways: "lukasz" finds Łukasz, "nunez"
// Núñez, "soren" Søren, "wrob" Wróbel.
func TestResidentSearchFoldsAccents(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	for i, p := range []data.Resident{{First: "Łukasz", Last: "Wróbel"}, {First: "Søren", Last: "Núñez"}, {First: "Ana", Last: "Lopez"}} {
		p.BedID, p.MoveIn = h.Beds[i].ID, u.store.Today()
		if _, err := u.store.AddResident(u.actor(), p); err != nil {
			t.Fatal(err)
		}
	}
	u.showShell()
	u.win.SetContent(u.residentsView())
	p := u.screens.residents
	for q, want := range map[string]string{"lukasz": "Łukasz", "soren": "Søren", "nunez": "Núñez", "wrob": "Wróbel", "NÚÑEZ": "Núñez"} {
		p.search.SetText(q)
		if len(p.rows) != 1 || !strings.Contains(p.rows[0].r.First+" "+p.rows[0].r.Last, want) {
			t.Errorf("search %q: %d rows, want %s", q, len(p.rows), want)
		}
	}
}

// A new resident starts in the house's first phase.
func TestNewResidentStartsInTheFirstPhase(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.win.SetContent(u.residentsView())
	u.screens.residents.openForm(data.Resident{})
	h, _ := u.store.House()
	if got := field[*widget.Select](t, u, data.FieldPhase).Selected; len(h.Phases) == 0 || got != h.Phases[0] {
		t.Fatalf("phase of a new resident = %q, want %v[0]", got, h.Phases)
	}
}

// A new resident's kiosk PIN can be set on the form that adds them; a
// mistyped one is refused at its field before anything is saved.
func TestNewResidentWithKioskPIN(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.win.SetContent(u.residentsView())
	u.screens.residents.openForm(data.Resident{})
	typeIn(t, u, data.FieldFirst, "Ana")
	typeIn(t, u, data.FieldLast, "Lopez")
	field[*widget.Select](t, u, data.FieldBed).SetSelectedIndex(0)
	field[*widget.Entry](t, u, fieldNewPIN).SetText("2580")
	field[*widget.Entry](t, u, fieldNewPINAgain).SetText("2581")
	test.Tap(findButton(t, u, "Save"))
	if msg := messageAt(t, u, fieldNewPINAgain); msg == "" {
		t.Fatal("mismatched PINs were not refused at the field")
	}
	if rs, _ := u.store.Residents(); len(rs) != 0 {
		t.Fatal("a resident was saved with a mistyped PIN")
	}
	field[*widget.Entry](t, u, fieldNewPINAgain).SetText("2580")
	test.Tap(findButton(t, u, "Save"))
	rs, _ := u.store.Residents()
	if len(rs) != 1 {
		t.Fatalf("%d residents saved", len(rs))
	}
	if err := u.store.CheckPIN(rs[0].ID, "2580"); err != nil {
		t.Fatalf("the PIN typed on the new-resident form: %v", err)
	}
}

// The audit log shows changes in words, not codes.
func TestAuditLogInWords(t *testing.T) {
	for code, want := range map[string]string{"kiosk.pin-ok": "Kiosk PIN accepted", "resident.move-out": "Moved out",
		"backup.verify": "Backup verify"} {
		if got := auditText(code); got != want {
			t.Errorf("%s reads %q, want %q", code, got, want)
		}
	}
}

// hintAt is the help text shown under the field labelled label.
func hintAt(t *testing.T, u *UI, label string) *widget.Label {
	t.Helper()
	var hint *widget.Label
	walk(formItem(t, u, label).Widget, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" && l.Importance != widget.DangerImportance && hint == nil {
			hint = l
		}
	})
	if hint == nil {
		t.Fatalf("no hint under %q", label)
	}
	return hint
}

// The curfew hints are as readable as the form's own text: the text
// colour and size, not Fyne's small placeholder grey, at setup and in
// Settings.
func TestCurfewHintIsReadable(t *testing.T) {
	u := newTestUI(t)
	u.Start()
	check := func(where string) {
		for label, want := range map[string]string{"Weeknight curfew": "Sunday to Thursday nights", "Weekend curfew": "Friday and Saturday nights"} {
			if item := formItem(t, u, label); item.HintText != "" {
				t.Errorf("%s: %q uses Fyne's faint HintText", where, label)
			}
			h := hintAt(t, u, label)
			if !strings.Contains(h.Text, want) || h.Importance != widget.MediumImportance || h.SizeName != "" && h.SizeName != theme.SizeNameText {
				t.Errorf("%s: hint under %q = %q (importance %v, size %q)", where, label, h.Text, h.Importance, h.SizeName)
			}
			if h.Wrapping != fyne.TextWrapWord {
				t.Errorf("%s: the hint under %q does not wrap", where, label)
			}
		}
	}
	check("setup")
	f := currentSetupForm(t, u)
	test.Type(f.name, "Cedar House")
	test.Type(f.manager, "Ana Núñez")
	test.Type(f.passcode, "long enough")
	test.Type(f.repeat, "long enough")
	test.Tap(f.create)
	if u.store == nil {
		t.Fatal("house not created")
	}
	u.showShell()
	u.setContent(u.houseSettings())
	check("settings")
}

// Manager lists name residents by their legal names, the preferred one in
// quotes (DESIGN.md, Names), last name first.
func TestListNameKeepsTheLegalFirstName(t *testing.T) {
	for _, c := range []struct {
		r    data.Resident
		want string
	}{
		{data.Resident{First: "María José", Last: "Núñez", Preferred: "Majo"}, `Núñez, María José "Majo"`},
		{data.Resident{First: "Đặng", Last: "Thị Hương", Preferred: "Hương"}, `Thị Hương, Đặng "Hương"`},
		{data.Resident{First: "Thanh", Last: "Nguyễn", Preferred: "Thanh"}, "Nguyễn, Thanh"},
		{data.Resident{First: "Zoë", Last: "Lefèvre"}, "Lefèvre, Zoë"},
	} {
		if got := listName(c.r); got != c.want {
			t.Errorf("listName(%+v) = %q, want %q", c.r, got, c.want)
		}
	}
}

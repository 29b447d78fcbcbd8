package app

// The kiosk by the door is the app's resting state: after unlock, after a
// manager logs out, and after a manager's screen is left idle. It shows the
// house, the date, a live clock, tonight's curfew and one big tile per
// active resident (name and in/out, nothing else). A resident taps their
// tile, types their PIN and gets their own page; nothing on any kiosk page
// shows another resident's details. The only way from the kiosk to a
// manager screen is the manager log-in, which asks for a passcode.
//
// Everything the kiosk shows lives in one window content (k.root); its
// pages (grid, PIN pad, a resident's page, a confirmation) swap inside it.
// A ticker updates the clock and sends an unattended page back to the
// grid; it stops when the kiosk is no longer on show.

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Timings of the kiosk; tests shorten or lengthen them.
var (
	kioskTick       = time.Second     // clock and idle check
	kioskConfirmFor = 5 * time.Second // a confirmation stays this long
)

// kioskPage names the page the kiosk shows.
type kioskPage string

const (
	kioskGridPage     kioskPage = "grid"
	kioskPINPage      kioskPage = "pin"
	kioskResidentPage kioskPage = "resident"
	kioskActionPage   kioskPage = "action" // sign out, meeting, my week
	kioskConfirmPage  kioskPage = "confirm"
	kioskLoginPage    kioskPage = "login" // the manager log-in, opened from the kiosk
)

// kioskScreen is the kiosk while it is on show.
type kioskScreen struct {
	u        *UI
	house    data.House
	root     fyne.CanvasObject // the window's content while the kiosk shows
	override *container.ThemeOverride
	login    fyne.CanvasObject // the manager log-in opened from the kiosk
	page     *fyne.Container
	shown    kioskPage
	gen      int // counts page changes, so a stale timer does nothing

	title, date, clock, curfew *widget.Label
	manager                    *widget.Button

	// the "Still there?" bar shown before an unattended page closes
	stillBar  *fyne.Container
	stillText *widget.Label
	stillBtn  *widget.Button
	stillKey  fyne.CanvasObject

	tiles     []data.KioskTile
	tileBox   *fyne.Container // the tiles, laid out by tileGrid
	tileCache []*kioskTile    // tile widgets kept for reuse
	gridView  fyne.CanvasObject
	tileViews map[string]*kioskTile // the tiles on show, by resident ID

	pad      *pinPad                         // the PIN pad on show
	padCache *pinPad                         // the pad, built once
	kept     map[fyne.CanvasObject]*keptPage // pages built once, in their theme
	current  *keptPage                       // the kept page on show, if it is one
	res      *kioskResident                  // the resident whose page is open
	confirm  *kioskConfirm                   // the confirmation on show

	// pagesSinceRelease counts pages shown in a new theme scope since the
	// font faces were last let go (kiosk_fonts.go).
	pagesSinceRelease int

	stop    chan struct{}
	stopped bool
}

// kioskConfirm is a confirmation on show (for tests).
type kioskConfirm struct {
	title, detail *widget.Label
	done          *widget.Button
}

// showKiosk shows the kiosk grid. Nobody is logged in while it shows.
func (u *UI) showKiosk() {
	if u.store == nil {
		u.showUnlock()
		return
	}
	if old := u.screens.kiosk; old != nil {
		old.halt()
	}
	u.closeOverlays()
	u.manager = data.Manager{}
	u.store.EndSession()
	k := &kioskScreen{u: u, stop: make(chan struct{}), tileViews: map[string]*kioskTile{}, kept: map[fyne.CanvasObject]*keptPage{}}
	u.screens.kiosk = k
	k.house, _ = u.store.House()
	k.page = container.NewStack()
	k.override = container.NewThemeOverride(k.layout(), u.kioskThemeAt(kioskTextSize))
	u.setContent(k.override)
	k.root = u.win.Content()
	u.win.Canvas().SetOnTypedRune(k.typedRune)
	u.setScreenKeys(k.typedKey)
	if u.opts.Kiosk {
		u.win.SetFullScreen(true)
		u.win.SetCloseIntercept(k.openManagerLogin)
	}
	k.updateClock()
	k.showGrid()
	go k.run()
}

// leaveKiosk ends kiosk mode's full screen once a manager has logged in.
func (u *UI) leaveKiosk() {
	if k := u.screens.kiosk; k != nil {
		k.halt()
		u.releaseFonts() // the kiosk's theme scopes are done with
	}
	if u.opts.Kiosk {
		u.win.SetCloseIntercept(nil)
		u.win.SetFullScreen(false)
	}
}

func (k *kioskScreen) layout() fyne.CanvasObject {
	k.title = widget.NewLabelWithStyle(k.house.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	k.title.SizeName = theme.SizeNameSubHeadingText
	k.title.Truncation = fyne.TextTruncateEllipsis
	k.date = widget.NewLabel("")
	k.curfew = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	k.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	k.clock.SizeName = theme.SizeNameHeadingText
	k.manager = widget.NewButtonWithIcon("Manager", theme.AccountIcon(), k.openManagerLogin)
	k.manager.Importance = widget.LowImportance
	// one line, so a short touch screen keeps its height for the page
	facts := container.NewHBox(container.NewCenter(k.date), container.NewCenter(k.curfew))
	right := container.NewHBox(facts, k.clock, container.NewCenter(k.manager))
	top := container.NewVBox(container.NewBorder(nil, nil, nil, right, k.title))
	if k.u.opts.Demo {
		demo := widget.NewLabel("Demo house · a resident's PIN is the last 4 digits of their phone (0110 to 0121) · " +
			"Manager: Sam Rivera, passcode \"porchlight\"")
		demo.Importance = widget.WarningImportance
		demo.Wrapping = fyne.TextWrapWord
		demo.SizeName = theme.SizeNameCaptionText
		top.Add(demo)
	}
	top.Add(widget.NewSeparator())
	k.stillText = kioskLabel("", theme.SizeNameSubHeadingText)
	k.stillBtn, k.stillKey = k.u.kioskButton("I'm still here", theme.ConfirmIcon(), 300, k.stayHere)
	k.stillBtn.Importance = widget.HighImportance
	// the bar lies over the page's foot, so showing it never pushes a
	// page that fills a small screen off the bottom
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bar := container.NewBorder(widget.NewSeparator(), nil, nil, k.stillKey, k.stillText)
	k.stillBar = container.NewVBox(layout.NewSpacer(), container.NewStack(bg, container.NewPadded(bar)))
	k.stillBar.Hide()
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, container.NewStack(k.page, k.stillBar)))
}

// run ticks the clock until the kiosk goes away.
func (k *kioskScreen) run() {
	t := time.NewTicker(kioskTick)
	defer t.Stop()
	for {
		select {
		case <-k.stop:
			return
		case <-t.C:
			fyne.Do(k.tick)
		}
	}
}

// halt stops the ticker. Call on the UI goroutine.
func (k *kioskScreen) halt() {
	if !k.stopped {
		k.stopped = true
		close(k.stop)
	}
}

func (k *kioskScreen) tick() {
	if k.stopped {
		return
	}
	switch cur := k.u.win.Content(); {
	case k.u.store == nil || k.u.manager.ID != "" || k.u.inShell:
		k.halt()
	case cur == k.root:
		k.updateClock()
		k.checkIdle()
		k.releaseFontsWhenIdle()
	case k.login != nil && cur == k.login:
		k.checkIdle()
	default:
		k.halt()
	}
}

// checkIdle sends a resident's page back to the grid when nobody has
// touched it for the house's kiosk idle time (30 seconds unless set), and
// the manager log-in opened from the kiosk back to the kiosk after twice
// that.
func (k *kioskScreen) checkIdle() {
	limit := k.house.KioskIdle()
	idle := k.u.idle.idleFor()
	switch {
	case k.shown == kioskLoginPage:
		if k.u.manager.ID == "" && k.u.win.Content() == k.login && idle >= 2*limit {
			k.u.showKiosk()
		}
	case k.shown != kioskGridPage && idle >= limit:
		k.hideStillThere()
		k.showGrid()
	case k.shown != kioskGridPage && idle >= limit-kioskWarnBefore:
		k.showStillThere(limit - idle)
	default:
		k.hideStillThere()
	}
}

// kioskWarnBefore is how long before an unattended page goes back to the
// grid the kiosk asks "Still there?": time enough to read it and tap.
const kioskWarnBefore = 12 * time.Second

// showStillThere warns that the page is about to close, with one big tap
// to stay (an accessible timeout: the person can extend it).
func (k *kioskScreen) showStillThere(left time.Duration) {
	secs := int((left + time.Second - 1) / time.Second)
	k.stillText.SetText(fmt.Sprintf("Still there? This page closes in %d seconds.", secs))
	if !k.stillBar.Visible() {
		k.stillBar.Show()
		k.stillBar.Refresh() // a container's Show does not redraw it
	}
}

func (k *kioskScreen) hideStillThere() {
	if k.stillBar != nil && k.stillBar.Visible() {
		k.stillBar.Hide()
		canvas.Refresh(k.page)
	}
}

// stayHere is the tap on "I'm still here".
func (k *kioskScreen) stayHere() {
	k.touch()
	k.hideStillThere()
}

// touch counts a tap or key on the kiosk as activity.
func (k *kioskScreen) touch() { k.u.touch() }

// updateClock shows the date, the time and tonight's curfew.
func (k *kioskScreen) updateClock() {
	now := k.u.store.Now()
	if t := now.Format("15:04"); k.clock.Text != t { // redraw once a minute
		k.clock.SetText(t)
		k.date.SetText(now.Format("Monday 2 January"))
		c := k.house.CurfewFor("", data.NightOf(now))
		k.curfew.SetText("Curfew tonight " + c.String())
	}
}

// setPage swaps the page on show.
func (k *kioskScreen) setPage(p kioskPage, o fyne.CanvasObject) {
	k.gen++
	k.shown = p
	k.touch()
	if p != kioskPINPage {
		k.pad = nil
	}
	if p != kioskConfirmPage {
		k.confirm = nil
	}
	k.showPageObject(o)
	k.u.win.Canvas().Unfocus()
}

// keptPage is a page built once (the grid, the PIN pad) in its theme
// wrapper, and when it was last taken off screen.
type keptPage struct {
	w   *container.ThemeOverride
	off time.Time
}

// showPageObject puts a page on screen in the kiosk's big theme. The grid
// and the PIN pad are built once and keep their wrapper: showing them
// again lays them out without refreshing every label in them, which is
// what made each tap allocate megabytes. After a while off screen Fyne
// drops their renderers (and with them the theme), so then they are
// refreshed once.
func (k *kioskScreen) showPageObject(o fyne.CanvasObject) {
	if th := k.u.kioskThemeAt(kioskTextSize); th != k.override.Theme {
		// the window changed size (full screen on a small screen): the
		// kiosk's text follows, and the kept pages are built anew
		k.override.Theme = th
		k.override.Refresh()
		clear(k.kept)
		k.current = nil
	}
	if cur := k.current; cur != nil {
		cur.off = time.Now()
	}
	k.current = nil
	kept, ok := k.kept[o]
	switch {
	case ok:
		k.current = kept
		stale := time.Since(kept.off) > 20*time.Second
		k.page.Objects = []fyne.CanvasObject{kept.w}
		k.page.Layout.Layout(k.page.Objects, k.page.Size())
		if stale {
			kept.w.Refresh()
		}
		canvas.Refresh(k.page)
	case o == k.gridView || (k.padCache != nil && o == k.padCache.view):
		kept = &keptPage{w: container.NewThemeOverride(o, k.override.Theme)}
		k.kept[o], k.current = kept, kept
		k.page.Objects = []fyne.CanvasObject{kept.w}
		k.page.Refresh()
	default:
		k.page.Objects = []fyne.CanvasObject{container.NewThemeOverride(o, k.override.Theme)}
		k.pagesSinceRelease++
		k.page.Refresh()
	}
}

// showGrid shows the residents' tiles and forgets whoever was at the kiosk.
func (k *kioskScreen) showGrid() {
	k.res = nil
	tiles, err := k.u.store.KioskTiles()
	if err != nil {
		tiles = nil
	}
	k.tiles = tiles
	if k.tileBox == nil {
		var scroll *container.Scroll
		k.tileBox, scroll = newTileGrid()
		prompt := kioskLabel("Tap your name to sign out or in.", theme.SizeNameText)
		k.gridView = container.NewBorder(prompt, nil, nil, nil, scroll)
	}
	k.fillTiles()
	view := k.gridView
	switch {
	case err != nil:
		view = k.problem("The list of residents could not be read. Please tell the house manager.", err)
	case len(tiles) == 0:
		view = container.NewCenter(kioskLabel("No residents yet. A manager adds them after logging in.", theme.SizeNameSubHeadingText))
	}
	k.setPage(kioskGridPage, view)
}

// fillTiles shows one tile per resident, reusing the tile widgets.
func (k *kioskScreen) fillTiles() {
	for len(k.tileCache) < len(k.tiles) {
		k.tileCache = append(k.tileCache, newKioskTile(k))
	}
	objs := make([]fyne.CanvasObject, len(k.tiles))
	for i, t := range k.tiles {
		k.tileCache[i].set(t)
		objs[i] = k.tileCache[i]
	}
	k.tileBox.Objects = objs
	k.tileBox.Refresh()
}

// problem is a page explaining that something went wrong.
func (k *kioskScreen) problem(msg string, err error) fyne.CanvasObject {
	l := kioskLabel(msg, theme.SizeNameSubHeadingText)
	l.Importance = widget.DangerImportance
	detail := widget.NewLabel(err.Error())
	detail.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, detail)
}

// openTile starts a resident's turn at the kiosk: the PIN pad, or why not.
func (k *kioskScreen) openTile(t data.KioskTile) {
	k.touch()
	now := k.u.store.Now()
	switch {
	case !t.HasPIN:
		k.showConfirm("See the house manager", t.Name+", you have no kiosk PIN yet. See the house manager to set your PIN.", widget.WarningImportance)
	case t.Locked(now):
		k.showConfirm("PIN pad locked", lockedText(t.LockedUntil), widget.DangerImportance)
	default:
		k.showPad(t.Name, "Type your PIN", func(pin string) { k.checkPIN(t, pin) }, k.showGrid)
	}
}

func lockedText(until time.Time) string {
	return fmt.Sprintf("Too many wrong PINs. Try again after %s, or ask the house manager.", until.Format("15:04"))
}

// checkPIN opens the resident's page for the right PIN.
func (k *kioskScreen) checkPIN(t data.KioskTile, pin string) {
	err := k.u.store.CheckPIN(t.ResidentID, pin)
	var wrong *data.WrongPINError
	var locked *data.PINLockedError
	switch {
	case err == nil:
		k.openResident(t.ResidentID)
	case errors.Is(err, data.ErrNoPIN):
		k.showConfirm("See the house manager", "You have no kiosk PIN yet. See the house manager to set your PIN.", widget.WarningImportance)
	case errors.As(err, &wrong):
		k.pad.fail(sentence(wrong.Error()) + ".")
	case errors.As(err, &locked):
		k.showConfirm("PIN pad locked", lockedText(locked.Until), widget.DangerImportance)
	default:
		k.pad.fail("Your PIN could not be checked. Please tell the house manager. (" + err.Error() + ")")
	}
}

// showConfirm shows a result in large text, then returns to the grid
// after kioskConfirmFor (or when Done is tapped).
func (k *kioskScreen) showConfirm(title, detail string, imp widget.Importance) {
	icon := theme.ConfirmIcon()
	switch imp {
	case widget.WarningImportance:
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
	case widget.DangerImportance:
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
	case widget.SuccessImportance:
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	}
	c := &kioskConfirm{title: kioskHeading(title), detail: kioskLabel(detail, theme.SizeNameSubHeadingText)}
	c.title.Importance = imp
	c.title.Alignment = fyne.TextAlignCenter
	c.detail.Alignment = fyne.TextAlignCenter
	var done fyne.CanvasObject
	c.done, done = k.u.kioskButton("Done", theme.NavigateBackIcon(), 260, k.showGrid)
	img := widget.NewIcon(icon)
	box := container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSize(96, 96), img)),
		c.title, c.detail, kioskGap(16), container.NewCenter(done))
	k.setPage(kioskConfirmPage, container.NewCenter(container.NewGridWrap(fyne.NewSize(820, box.MinSize().Height+80), box)))
	k.confirm = c
	gen := k.gen
	time.AfterFunc(kioskConfirmFor, func() {
		fyne.Do(func() {
			if !k.stopped && k.gen == gen && k.shown == kioskConfirmPage {
				k.showGrid()
			}
		})
	})
}

// openManagerLogin shows the manager log-in. A passcode leads to the
// manager screens; Back to kiosk (or a minute untouched) returns here.
func (k *kioskScreen) openManagerLogin() {
	k.touch()
	k.u.showUnlock()
	k.login = k.u.win.Content()
	k.shown = kioskLoginPage
	k.gen++
	if s := k.u.screens.unlock; s != nil {
		s.passcode.OnChanged = func(string) { k.touch() }
	}
}

// typedRune feeds digits typed on a keyboard to the PIN pad.
func (k *kioskScreen) typedRune(r rune) {
	if k.u.win.Content() != k.root || k.pad == nil {
		return
	}
	if r >= '0' && r <= '9' {
		k.pad.press(string(r))
	}
}

// typedKey handles Backspace, Delete, Enter and Escape on the kiosk.
func (k *kioskScreen) typedKey(ev *fyne.KeyEvent) {
	if k.u.win.Content() != k.root {
		return
	}
	k.touch()
	if k.pad != nil {
		switch ev.Name {
		case fyne.KeyBackspace:
			k.pad.back()
		case fyne.KeyDelete:
			k.pad.clear()
		case fyne.KeyReturn, fyne.KeyEnter:
			k.pad.ok()
		case fyne.KeyEscape:
			k.pad.cancel()
		}
		return
	}
	if ev.Name == fyne.KeyEscape && k.shown != kioskGridPage {
		k.showGrid()
	}
}

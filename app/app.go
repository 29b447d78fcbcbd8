// Package app is Porchlight's desktop UI. It builds every window from a
// fyne.App handed in by main, so tests can hand in test.NewApp().
package app

import (
	"time"

	"fyne.io/fyne/v2"

	"porchlight/data"
)

// Options are what main learned from its flags.
type Options struct {
	Version string
	Demo    bool // a throwaway demo house: say so on screen
	Kiosk   bool // start full screen on the kiosk
	// Timing, when set, is told how long start-up steps took (main sets
	// it when PORCHLIGHT_TIMING is in the environment; README, "Ten years").
	Timing func(what string, took time.Duration)
}

// UI is the running app: one window whose content changes as people set
// up, unlock, and move between screens.
type UI struct {
	app     fyne.App
	win     fyne.Window
	vault   *data.Vault
	store   *data.Store  // nil until unlocked
	manager data.Manager // who is at the desk; zero when nobody is logged in
	opts    Options
	screens screens // the screens on show, for keyboard handling and tests
	idle    idleClock
	keys    keyStack // the window's keyboard: the screen, then its dialogs
	// kioskThemes are the kiosk's themes by text size, made once each
	kioskThemes map[float32]fyne.Theme
	lastDaily   data.Date // the day dailyWork last ran
	// beforeLeave, when set by a screen holding unsaved work, saves it
	// before the shell moves to another section or logs out; it returns
	// false when the work could not be saved (its messages are on screen).
	beforeLeave func() bool
	inShell     bool // a manager screen is on show
	// session counts log-outs; a dialog opened in one session does
	// nothing when answered in a later one.
	session int
	backups *backupRunner // the background backups (backups.go)
}

// screens remembers the screen objects currently shown.
type screens struct {
	setup        *setupForm
	unlock       *unlockScreen
	residents    *residentsPage
	residentForm *residentForm
	meetings     *meetingsPage  // the Meetings section
	meeting      *meetingEditor // the meeting open in it, if any
	meetingRules *meetingRules  // its Rules tab
	chores       *choresPage    // the Chores section
	choreForm    *choreForm     // the chore form open in it, if any
	myChores     *myChoresPanel // the kiosk's "my chores this week"

	kiosk       *kioskScreen     // the kiosk, the resting state
	signouts    *signoutsPage    // the Sign-outs section
	residentPIN *residentPINCard // the PIN card of the resident form

	shell        *shell              // the manager window's navigation
	mentors      *mentorsPage        // the Mentors section
	mentorAssign *assignMentorDialog // the choose-a-mentor dialog on show
	kioskCheckIn *kioskCheckInForm   // the kiosk's check-in page on show
}

// New builds the UI around a vault. Call Start to show the first screen.
func New(a fyne.App, v *data.Vault, opts Options) *UI {
	u := &UI{app: a, vault: v, opts: opts}
	u.win = a.NewWindow("Porchlight")
	u.win.Resize(fyne.NewSize(1100, 720))
	u.win.SetMaster()
	u.win.SetOnClosed(u.Close)
	u.installKeys()
	u.watchIdle(5 * time.Second)
	return u
}

// Window is the app's main window.
func (u *UI) Window() fyne.Window { return u.win }

// Start shows setup for a new house, the unlock screen otherwise.
// Main calls Start and then Window().ShowAndRun().
func (u *UI) Start() {
	defer u.showVaultNotice()
	if u.vault.IsNew() {
		u.showSetup()
		return
	}
	u.showUnlock()
}

// showVaultNotice tells the person what was mended while the folder
// opened (a keyring copy restored, an unfinished setup cleared).
func (u *UI) showVaultNotice() {
	if n := u.vault.Notice(); n != "" {
		u.showInfo("Porchlight", n)
	}
}

// StartUnlocked is Start for a store main has already opened (the demo):
// it goes straight to the kiosk, the resting state; a manager logs in
// from there.
func (u *UI) StartUnlocked(st *data.Store) {
	u.store = st
	u.dailyWork()
	u.showKiosk()
}

// Close closes the store and releases the folder. Safe to call twice.
func (u *UI) Close() {
	if u.store != nil {
		_ = u.store.Close()
		u.store = nil
	}
	_ = u.vault.Close()
}

// actor is who the current change is made by.
func (u *UI) actor() data.Actor {
	if u.manager.ID == "" {
		return data.System
	}
	return data.ByManager(u.manager)
}

// setContent swaps the window's content. Every screen counts mouse
// movement over its background as activity.
func (u *UI) setContent(c fyne.CanvasObject) {
	u.inShell = false
	u.touch()
	u.setScreenKeys(nil)
	u.win.Canvas().SetOnTypedRune(nil)
	u.win.SetContent(newActivityArea(c, u.touch))
}

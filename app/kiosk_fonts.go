package app

import (
	"runtime/debug"
	"time"
)

// Fyne keeps the font faces it loads for each theme scope, and every
// ThemeOverride made or refreshed is a new scope. The kiosk's pages and
// big buttons sit in ThemeOverrides, so each resident's page loaded the
// fonts again (Fyne's 4 MB emoji font among them) and kept them: the demo
// kiosk grew from 185 MB to 450 MB over ten residents' pages. Setting the
// app's theme again is Fyne's one public way to let those faces go; the
// kiosk does it once the grid has stood untouched for a while after
// residents' pages were shown, so nobody waits for it. Measured with the
// real binary: the Go heap went from 276 MB to 81 MB at the release.
// The lasting fix is fewer scopes: the kiosk theme as the app's theme
// while the kiosk shows, instead of ThemeOverrides per page and button.

// kioskFontRelease is how long the grid stands untouched first.
const kioskFontRelease = 20 * time.Second

// releaseFontsWhenIdle lets the font faces of closed pages go.
func (k *kioskScreen) releaseFontsWhenIdle() {
	if k.pagesSinceRelease == 0 || k.shown != kioskGridPage || k.u.idle.idleFor() < kioskFontRelease {
		return
	}
	k.pagesSinceRelease = 0
	k.u.releaseFonts()
}

// releaseFonts sets the app's theme again, so Fyne drops every font face
// it holds and loads again only those of what is on screen: when the
// kiosk grid stands idle, and when a manager leaves the kiosk for the
// shell (whose screens share one scope).
func (u *UI) releaseFonts() {
	s := u.app.Settings()
	s.SetTheme(s.Theme())
	// Once the window has been drawn again with fresh faces, the old ones
	// are garbage; give their memory back to the system rather than keep it.
	time.AfterFunc(5*time.Second, debug.FreeOSMemory)
}

package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// After residents' pages, the grid standing untouched lets the font faces
// of the closed pages go (by setting the app's theme again, which makes
// Fyne drop them); a page on show, or a grid just touched, never does.
func TestKioskLetsFontsGoWhenTheGridIsIdle(t *testing.T) {
	fx := newKioskFixture(t)
	k := fx.kiosk(t)
	themeSet := 0
	fx.u.app.Settings().AddListener(func(fyne.Settings) { themeSet++ })
	idleFor := func(d time.Duration) { fx.u.idle.last.Store(time.Now().Add(-d).UnixNano()) }

	fx.openResident(t, 0)
	if k.pagesSinceRelease == 0 {
		t.Fatal("a resident's page was not counted")
	}
	idleFor(time.Minute)
	k.releaseFontsWhenIdle()
	if themeSet != 0 {
		t.Fatal("fonts let go while a resident's page was on show")
	}
	k.showGrid()
	idleFor(kioskFontRelease / 2)
	k.releaseFontsWhenIdle()
	if themeSet != 0 {
		t.Fatal("fonts let go before the grid stood untouched long enough")
	}
	idleFor(kioskFontRelease + time.Second)
	k.tick()
	if themeSet != 1 || k.pagesSinceRelease != 0 {
		t.Fatalf("theme set %d times, %d pages still counted", themeSet, k.pagesSinceRelease)
	}
	k.tick()
	if themeSet != 1 {
		t.Fatal("fonts let go again with no page shown since")
	}
}

package app

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Auto-logoff: a manager screen left alone for the house's idle minutes
// goes back to the resting screen, so the next person at the shared desk
// does not find a manager logged in.
//
// Fyne has no global input hook, so activity is what Porchlight sees:
// the mouse moving over the window's background, taps and typing handled
// on its background, and moving between sections. A manager typing
// without touching the mouse for the whole idle time is logged off too.

// idleClock remembers the last activity as Unix nanoseconds.
type idleClock struct{ last atomic.Int64 }

func (c *idleClock) touch()                 { c.last.Store(time.Now().UnixNano()) }
func (c *idleClock) idleFor() time.Duration { return time.Since(time.Unix(0, c.last.Load())) }
func (u *UI) touch()                        { u.idle.touch() }
func (u *UI) idleLimit() time.Duration {
	if u.store == nil {
		return 0
	}
	h, err := u.store.House()
	if err != nil || h.IdleMinutes <= 0 {
		return 10 * time.Minute
	}
	return time.Duration(h.IdleMinutes) * time.Minute
}

// watchIdle checks every few seconds whether a logged-in manager has gone
// idle, and logs them out on the UI goroutine. It runs for the app's life.
func (u *UI) watchIdle(every time.Duration) {
	u.idle.touch()
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for range t.C {
			fyne.Do(func() {
				u.checkIdle()
				u.dailyWork()
				u.backupTick()
			})
		}
	}()
}

func (u *UI) checkIdle() {
	if u.manager.ID == "" && !u.inShell {
		return
	}
	if limit := u.idleLimit(); limit > 0 && u.idle.idleFor() >= limit {
		u.logOut()
	}
}

// activityArea wraps a screen and counts mouse movement and taps on its
// background as activity.
type activityArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	touch   func()
}

func newActivityArea(content fyne.CanvasObject, touch func()) *activityArea {
	a := &activityArea{content: content, touch: touch}
	a.ExtendBaseWidget(a)
	return a
}

func (a *activityArea) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

func (a *activityArea) MouseIn(*desktop.MouseEvent)    { a.touch() }
func (a *activityArea) MouseMoved(*desktop.MouseEvent) { a.touch() }
func (a *activityArea) MouseOut()                      {}
func (a *activityArea) Tapped(*fyne.PointEvent)        { a.touch() }

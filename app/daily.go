package app

import (
	"runtime/debug"

	"fyne.io/fyne/v2"
)

// dailyWork is what the house needs done once a day while the app runs:
// this week's and next week's chore rosters made if they are missing, and
// in the background the store's housekeeping and a check of every record
// (a large store is not checked at open: it would keep the kiosk waiting).
// It runs when the store opens and whenever the date changes.
func (u *UI) dailyWork() {
	if u.store == nil {
		return
	}
	today := u.store.Today()
	if today == u.lastDaily {
		return
	}
	u.lastDaily = today
	if err := u.store.EnsureRosters(today); err != nil {
		u.showProblem("That did not work", err)
	}
	st := u.store
	go func() {
		_ = st.Housekeeping() // disk space only: a failure waits for tomorrow
		if !st.VerifyDue() {
			return
		}
		err := st.VerifyRecords()
		// Checking ten years reads every table once (about 0.8 GB
		// allocated in passing); give it back now, not over minutes.
		debug.FreeOSMemory()
		if err != nil {
			fyne.Do(func() { u.showProblem("The house records are damaged", err) })
		}
	}()
}

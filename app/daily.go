package app

// dailyWork is what the house needs done once a day while the app runs:
// this week's and next week's chore rosters made if they are missing, and
// the store's housekeeping in the background.
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
	go func() { _ = st.Housekeeping() }() // disk space only: a failure waits for tomorrow
}

package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// unlockScreen asks for a manager and passcode, or the recovery key. It
// unlocks the store on first start; later (after Log out) it only checks
// the passcode, since the store stays open.
type unlockScreen struct {
	u        *UI
	who      *widget.Select
	passcode *widget.Entry
	recovery *entry
	useKey   *widget.Check
	message  *widget.Label
	button   *widget.Button
	logins   []data.Login
}

func (u *UI) showUnlock() {
	s := &unlockScreen{u: u, logins: u.vault.Logins()}
	u.screens.unlock = s
	var names []string
	for _, l := range s.logins {
		names = append(names, l.Name)
	}
	s.who = widget.NewSelect(names, nil)
	if len(names) > 0 {
		s.who.SetSelectedIndex(0)
	}
	s.passcode = newPassword("Passcode")
	s.recovery = newEntry("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
	s.recovery.Hide()
	s.useKey = widget.NewCheck("Use the recovery key instead", s.toggleKey)
	s.message = errorLabel()
	s.button = widget.NewButton("Unlock", s.submit)
	s.button.Importance = widget.HighImportance
	submitOnEnter(s.submit, s.passcode, s.recovery)
	u.setContent(s.layout())
	u.onEscape(func() { s.passcode.SetText(""); s.recovery.SetText("") })
	u.win.Canvas().Focus(s.passcode)
}

func (s *unlockScreen) layout() fyne.CanvasObject {
	title := "Unlock Porchlight"
	if s.u.store != nil {
		title = "Manager log in"
		if h, err := s.u.store.House(); err == nil {
			title = h.Name + " — manager log in"
		}
	}
	box := container.NewVBox(heading(title),
		widget.NewForm(widget.NewFormItem("Manager", s.who), widget.NewFormItem("Passcode", s.passcode)),
		s.recovery, s.useKey, s.message, s.button)
	if s.u.store != nil { // a manager log-in from the kiosk: the way back
		s.useKey.Hide()
		box.Add(widget.NewButtonWithIcon("Back to kiosk", theme.NavigateBackIcon(), s.u.showKiosk))
	} else {
		box.Add(widget.NewButtonWithIcon("Restore from a backup…", theme.HistoryIcon(), s.u.chooseBackup))
	}
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 400), box))
}

func (s *unlockScreen) toggleKey(on bool) {
	if on {
		s.recovery.Show()
		s.passcode.Disable()
		s.who.Disable()
		s.u.win.Canvas().Focus(s.recovery)
		return
	}
	s.recovery.Hide()
	s.passcode.Enable()
	s.who.Enable()
	s.u.win.Canvas().Focus(s.passcode)
}

// submit tries the passcode or key off the UI thread (argon2id takes a
// moment) and comes back with the result.
func (s *unlockScreen) submit() {
	s.message.Hide()
	login, ok := s.selected()
	useKey := s.useKey.Checked
	if !ok && !useKey {
		s.fail(errors.New("choose who you are"))
		return
	}
	pass, key := s.passcode.Text, s.recovery.Text
	s.button.Disable()
	s.button.SetText("Unlocking…")
	began := time.Now()
	go func() {
		st, err := s.try(login, pass, key, useKey)
		fyne.Do(func() {
			s.done(login, st, err, useKey)
			if t := s.u.opts.Timing; t != nil && err == nil {
				fyne.Do(func() { t("passcode entered to the next screen shown (argon2id included)", time.Since(began)) })
			}
		})
	}()
}

func (s *unlockScreen) selected() (data.Login, bool) {
	i := s.who.SelectedIndex()
	if i < 0 || i >= len(s.logins) {
		return data.Login{}, false
	}
	return s.logins[i], true
}

// try unlocks (first time) or checks the passcode (store already open).
func (s *unlockScreen) try(login data.Login, pass, key string, useKey bool) (*data.Store, error) {
	v := s.u.vault
	switch {
	case s.u.store != nil && useKey:
		return nil, errors.New("the recovery key is for when every passcode is lost; log in with a passcode")
	case s.u.store != nil:
		return s.u.store, v.CheckPasscode(login.ID, pass)
	case useKey:
		return v.UnlockRecovery(key)
	default:
		return v.Unlock(login.ID, pass)
	}
}

func (s *unlockScreen) done(login data.Login, st *data.Store, err error, useKey bool) {
	s.button.Enable()
	s.button.SetText("Unlock")
	if err != nil {
		s.fail(err)
		return
	}
	fromKiosk := s.u.store != nil // the store was open: a manager log-in
	s.u.store = st
	s.u.dailyWork()
	s.u.manager = data.Manager{}
	if !useKey {
		m, err := st.Manager(login.ID)
		if err != nil {
			s.fail(err)
			return
		}
		s.u.manager = m
		st.SetSession(m)
	}
	if !fromKiosk && !useKey {
		s.u.showKiosk() // unlocked: the kiosk is the resting state
		return
	}
	s.u.leaveKiosk()
	s.u.showShell()
	if useKey {
		s.u.showInfo("Opened with the recovery key",
			"Set a new passcode for a manager now: Settings → Managers → Reset passcode.")
	}
}

func (s *unlockScreen) fail(err error) {
	var soon *data.TooSoonError
	switch {
	case errors.Is(err, data.ErrWrongPasscode) && s.useKey.Checked:
		s.message.SetText("That recovery key is not right. Check each group of four against the paper.")
	case errors.Is(err, data.ErrWrongPasscode):
		s.message.SetText("That passcode is not right. Check Caps Lock and try again.")
	case errors.As(err, &soon):
		s.message.SetText(soon.Error())
	default:
		s.message.SetText(err.Error())
	}
	s.message.Show()
	s.passcode.SetText("")
	s.u.win.Canvas().Focus(s.passcode)
}

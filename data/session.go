package data

import "errors"

// Who may change the keys of the house right now. The store is open all
// day for the kiosk, but only a manager who has just typed a passcode (or
// someone holding the recovery key) may add or remove managers or change
// passcodes. The UI ends the session when a manager logs out or goes idle;
// these checks make sure no dialog or callback left behind can act after.

type sessionKind int

const (
	sessionNone     sessionKind = iota // the kiosk: nobody privileged
	sessionManager                     // a manager logged in with a passcode
	sessionRecovery                    // opened with the recovery key
)

// ErrNoSession refuses a change of managers or passcodes with nobody
// logged in.
var ErrNoSession = errors.New("a manager must be logged in to change managers or passcodes; log in and try again")

// Session is the manager logged in now, or the zero Manager when nobody is
// (the kiosk) or the recovery key was used.
func (s *Store) Session() Manager { return s.manager }

// SetSession records which manager is now at the desk (after a manager logs
// in from the kiosk without reopening the store).
func (s *Store) SetSession(m Manager) { s.manager, s.session = m, sessionManager }

// EndSession forgets the manager at the desk: back to the kiosk.
func (s *Store) EndSession() { s.manager, s.session = Manager{}, sessionNone }

// RecoverySession reports whether the store was opened with the recovery
// key and no manager has logged in since.
func (s *Store) RecoverySession() bool { return s.session == sessionRecovery }

// requireSession refuses key changes unless a manager (or the recovery
// key) is at the desk, and refuses a manager acting under another's name.
func (s *Store) requireSession(by Actor) error {
	switch s.session {
	case sessionNone:
		return ErrNoSession
	case sessionManager:
		if by.Kind != ActorManager || by.ID != s.manager.ID {
			return ErrNoSession
		}
	}
	return nil
}

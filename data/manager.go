package data

import (
	"errors"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Manager is a house manager, assistant or owner with a login of their own.
type Manager struct {
	V       int       `json:"v"`
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

// NewManager is what the forms collect for a new manager.
type NewManager struct {
	Name     string
	Passcode string
	Confirm  string // the passcode typed a second time
}

// MinPasscode is the shortest passcode accepted.
const MinPasscode = 8

func (n NewManager) validate() ValidationError {
	var v ValidationError
	if strings.TrimSpace(n.Name) == "" {
		v.add("Manager name", "enter the manager's name")
	}
	v = append(v, validatePasscode(n.Passcode, n.Confirm)...)
	return v
}

func validatePasscode(pass, confirm string) ValidationError {
	var v ValidationError
	switch {
	case len([]rune(pass)) < MinPasscode:
		v.add("Passcode", fmt.Sprintf("use at least %d characters", MinPasscode))
	case isCommonPasscode(pass):
		v.add("Passcode", "that passcode is one of the first ones anyone would guess; choose a phrase of your own")
	case pass != confirm:
		v.add("Passcode again", "the two passcodes do not match")
	}
	return v
}

// ValidateSetup checks the setup screen's house and first manager together.
func ValidateSetup(h House, m NewManager) ValidationError {
	v := h.validate()
	return append(v, m.validate()...)
}

// initHouse writes a new store's first records.
func (s *Store) initHouse(h House, m Manager) error {
	h.V, m.V = schemaVersion, schemaVersion
	h.Beds = keepBedIDs(nil, h.Beds)
	return s.write(ByManager(m), "house.setup", h.Name, func(txn *badger.Txn) error {
		if err := putJSON(txn, keyVersion, schemaVersion); err != nil {
			return err
		}
		for _, p := range phasesFromHouse(h) {
			if err := putJSON(txn, pfxPhase+p.ID, p); err != nil {
				return err
			}
		}
		if err := writeHouse(txn, h); err != nil {
			return err
		}
		return putJSON(txn, pfxManager+m.ID, m)
	})
}

// Managers lists the manager accounts by name.
func (s *Store) Managers() ([]Manager, error) {
	var out []Manager
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxManager, func(m Manager) error { out = append(out, m); return nil })
	})
	sortBy(out, func(m Manager) string { return strings.ToLower(m.Name) })
	return out, err
}

// Manager returns one manager account.
func (s *Store) Manager(id string) (Manager, error) {
	var m Manager
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxManager+id, &m) })
	if err != nil {
		return Manager{}, fmt.Errorf("read manager: %w", err)
	}
	return m, nil
}

// AddManager creates a manager account and its key slot.
func (s *Store) AddManager(by Actor, n NewManager) (Manager, error) {
	if err := s.requireSession(by); err != nil {
		return Manager{}, err
	}
	if v := n.validate(); len(v) > 0 {
		return Manager{}, v
	}
	m := Manager{V: schemaVersion, ID: newID(), Name: strings.TrimSpace(n.Name), Created: s.now()}
	sl, err := sealSlot(m.ID, slotManager, m.Name, n.Passcode, s.dataKey, s.vault.kdf)
	if err != nil {
		return Manager{}, err
	}
	err = s.write(by, "manager.add", m.Name, func(txn *badger.Txn) error {
		return putJSON(txn, pfxManager+m.ID, m)
	})
	if err != nil {
		return Manager{}, err
	}
	s.vault.ring.put(sl)
	if err := s.vault.ring.write(s.vault.dir); err != nil {
		s.vault.ring.remove(m.ID)
		_ = s.write(System, "manager.remove", m.Name, func(txn *badger.Txn) error {
			return txn.Delete([]byte(pfxManager + m.ID))
		})
		return Manager{}, err
	}
	return m, nil
}

// ErrLastManager refuses to remove the only manager.
var ErrLastManager = errors.New("this is the only manager; add another manager before removing this one")

// RemoveManager deletes a manager's account and key slot. The last manager
// cannot be removed.
func (s *Store) RemoveManager(by Actor, id string) error {
	if err := s.requireSession(by); err != nil {
		return err
	}
	ms, err := s.Managers()
	if err != nil {
		return err
	}
	if len(ms) <= 1 {
		return ErrLastManager
	}
	m, err := s.Manager(id)
	if err != nil {
		return err
	}
	old := s.vault.ring.Slots
	s.vault.ring.Slots = append([]slot(nil), old...)
	s.vault.ring.remove(id)
	if err := s.vault.ring.write(s.vault.dir); err != nil {
		s.vault.ring.Slots = old
		return err
	}
	return s.write(by, "manager.remove", m.Name, func(txn *badger.Txn) error {
		return txn.Delete([]byte(pfxManager + id))
	})
}

// ChangePasscode checks a manager's current passcode and rewrites their
// slot under the new one. Only that slot changes.
func (s *Store) ChangePasscode(by Actor, id, current, next, confirm string) error {
	if err := s.requireSession(by); err != nil {
		return err
	}
	_, sl := s.vault.ring.find(id)
	if sl == nil {
		return errors.New("that manager is not on this computer")
	}
	if _, err := sl.open(current); err != nil {
		return ValidationError{{"Current passcode", "that is not your current passcode"}}
	}
	if v := validatePasscode(next, confirm); len(v) > 0 {
		return v
	}
	return s.resealManager(by, id, next)
}

// ResetPasscode sets a manager's passcode without the old one; used after a
// recovery-key unlock.
func (s *Store) ResetPasscode(by Actor, id, next, confirm string) error {
	if err := s.requireSession(by); err != nil {
		return err
	}
	if v := validatePasscode(next, confirm); len(v) > 0 {
		return v
	}
	return s.resealManager(by, id, next)
}

func (s *Store) resealManager(by Actor, id, passcode string) error {
	m, err := s.Manager(id)
	if err != nil {
		return err
	}
	sl, err := sealSlot(m.ID, slotManager, m.Name, passcode, s.dataKey, s.vault.kdf)
	if err != nil {
		return err
	}
	_, prev := s.vault.ring.find(id)
	var keep slot
	if prev != nil {
		keep = *prev
	}
	s.vault.ring.put(sl)
	if err := s.vault.ring.write(s.vault.dir); err != nil {
		if prev != nil {
			s.vault.ring.put(keep)
		}
		return err
	}
	return s.write(by, "manager.passcode", m.Name, func(*badger.Txn) error { return nil })
}

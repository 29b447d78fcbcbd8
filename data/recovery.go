package data

import badger "github.com/dgraph-io/badger/v4"

// NewRecoveryKey issues a new recovery key, for when the printed one is
// lost: the recovery slot is sealed again under the new key, so the old key
// no longer opens anything. The new key is returned once, to be printed,
// and never stored. Like every key change it needs a manager at the desk
// (or the recovery key just used).
func (s *Store) NewRecoveryKey(by Actor) (string, error) {
	if err := s.requireSession(by); err != nil {
		return "", err
	}
	key := newRecoveryKey()
	sl, err := sealSlot("recovery", slotRecovery, "Recovery key", key, s.dataKey, s.vault.kdf)
	if err != nil {
		return "", err
	}
	ring := s.vault.ring
	_, prev := ring.find("recovery")
	var keep slot
	if prev != nil {
		keep = *prev
	}
	ring.put(sl)
	if err := ring.write(s.vault.dir); err != nil {
		if prev != nil {
			ring.put(keep)
		} else {
			ring.remove("recovery")
		}
		return "", err
	}
	err = s.write(by, "keyring.recovery", "new recovery key", func(*badger.Txn) error { return nil })
	if err != nil {
		return "", err
	}
	return key, nil
}

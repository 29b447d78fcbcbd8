package data

import (
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// schemaVersion is the version of the records this code writes. Every
// record carries the version it was written with (field "v"), and the store
// keeps the version of its layout under meta/version.
const schemaVersion = 4

// migrations[n] upgrades a store from version n to n+1, in one transaction.
// Add a function here when the layout changes; never edit an old one.
var migrations = map[int]func(txn *badger.Txn) error{
	1: migratePhases,
	2: migrateActiveIndex,
	3: migrateLeftIndex,
}

// migrate brings the store's layout up to schemaVersion on open.
func (s *Store) migrate() error {
	var have int
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, keyVersion, &have) })
	if errors.Is(err, ErrNotFound) {
		return nil // a new store: initHouse writes the version
	}
	if err != nil {
		return fmt.Errorf("read store version: %w", err)
	}
	if have > schemaVersion {
		return fmt.Errorf("these records were written by a newer Porchlight (version %d); update Porchlight to open them", have)
	}
	for v := have; v < schemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return fmt.Errorf("no migration from store version %d", v)
		}
		err := s.write(System, "store.migrate", fmt.Sprintf("version %d to %d", v, v+1), func(txn *badger.Txn) error {
			if err := step(txn); err != nil {
				return err
			}
			return putJSON(txn, keyVersion, v+1)
		})
		if err != nil {
			return fmt.Errorf("migrate store to version %d: %w", v+1, err)
		}
	}
	return nil
}

// SchemaVersion reports the store's layout version.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, keyVersion, &v) })
	return v, err
}

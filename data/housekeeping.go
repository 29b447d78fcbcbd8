package data

import (
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"
)

// Housekeeping gives back the disk space of records that were replaced or
// deleted: Badger keeps old versions in its value-log files until a value-
// log GC rewrites them. It runs once a day in the background (the app
// starts it with the day's other work); a GC round only rewrites a file
// when at least half of it is stale, and Badger runs it beside ordinary
// reads and writes, so a kiosk action never waits for it.
func (s *Store) Housekeeping() error {
	s.bg.Lock() // Close waits for a round in progress
	defer s.bg.Unlock()
	if s.closed {
		return nil
	}
	for range 10 { // each round rewrites at most one file
		err := s.db.RunValueLogGC(0.5)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("housekeeping: %w", err)
		}
	}
	return nil
}

// VerifyRecords checks every table's checksums and reads every record
// once, as a store small enough is checked at every open (open.go). The app
// runs it in the background after opening and once a day, beside ordinary
// reads and writes; damage comes back as a DamageError naming the file.
func (s *Store) VerifyRecords() error {
	s.bg.Lock() // Close waits for a check in progress
	defer s.bg.Unlock()
	if s.closed {
		return nil
	}
	return verifyDB(s.db)
}

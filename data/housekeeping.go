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
// once, as a store small enough is checked at every open (open.go), and
// notes the day it passed. Badger also checks each block's checksum when
// it reads it (badgerOptions), so damage is never read as records in
// between; this check finds it in blocks nobody has read lately. Damage
// comes back as a DamageError naming the file.
func (s *Store) VerifyRecords() error {
	s.bg.Lock() // Close waits for a check in progress
	defer s.bg.Unlock()
	if s.closed {
		return nil
	}
	if err := verifyDB(s.db); err != nil {
		return err
	}
	today := s.Today()
	return s.db.Update(func(txn *badger.Txn) error { return putJSON(txn, keyVerified, today) })
}

// keyVerified holds the day VerifyRecords last passed.
const keyVerified = "meta/verified"

// VerifyDue reports whether the records have not been checked in full
// today: the app runs VerifyRecords once a day, in the background.
func (s *Store) VerifyDue() bool {
	var last Date
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, keyVerified, &last) })
	return err != nil || last.Before(s.Today())
}

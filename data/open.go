package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Opening the store, in order:
//
//  1. check the files without the key (fsck.go), so Badger never "repairs"
//     a damaged folder by deleting tables;
//  2. refuse when the disk is nearly full (diskspace.go);
//  3. verify every table's checksums, with compactions off so no Badger
//     goroutine reads a damaged block first, and any panic is recovered
//     into an error here;
//  4. open for use, once more if a kill during the last open left an empty
//     log file behind;
//  5. leave a marker that is removed by a clean Close, so the next start
//     knows whether the last one crashed.

// openMarker is present while the store is open. Found at start, it means
// the last run did not close the store.
const openMarker = "store.open"

// verifyAlwaysBelow: stores whose tables are smaller than this are
// verified at every open; larger ones at open only after a crash, and
// otherwise in the background once the app is open and every day after
// (Store.VerifyRecords). Checking costs about 9 ms a megabyte here; a
// 40-bed house writes about 9 MB a year, so ten years checked at every open
// kept the kiosk waiting 0.9 s (go test ./data -bench HistoryOpen).
const verifyAlwaysBelow = 24 << 20

func openStore(v *Vault, key []byte) (*Store, error) {
	dir := filepath.Join(v.dir, "db")
	crashed := v.crashed()
	if err := checkDB(v.dir, crashed); err != nil {
		return nil, err
	}
	if err := v.checkSpace(); err != nil {
		return nil, err
	}
	if crashed || tablesSize(dir) < v.verifyBelow {
		if err := verifyAtOpen(dir, key); err != nil {
			return nil, err
		}
	}
	db, err := openBadger(badgerOptions(dir, key).WithSyncWrites(!v.bulk))
	if err != nil {
		return nil, err
	}
	if err := v.markOpen(); err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, vault: v, dataKey: key, now: v.now}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openBadger opens the database, turning a panic into an error and the
// key errors into ErrCannotDecrypt. A kill while Badger creates a log file
// can leave it empty; the first open then fails and clears it, and a second
// open works, so that one case is tried twice.
func openBadger(opts badger.Options) (*badger.DB, error) {
	empty := emptyLogs(opts.Dir)
	db, err := tryOpen(opts)
	if err != nil && len(empty) > 0 && !errors.Is(err, ErrCannotDecrypt) {
		db, err = tryOpen(opts)
	}
	return db, err
}

func tryOpen(opts badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damaged("db", fmt.Sprintf("could not be opened (%v)", firstLine(r)))
		}
	}()
	db, err = badger.Open(opts)
	if err != nil {
		if strings.Contains(err.Error(), "Encryption key mismatch") ||
			strings.Contains(err.Error(), "Invalid datakey id") {
			return nil, ErrCannotDecrypt
		}
		if e := diskFullError(err); e == ErrDiskFull {
			return nil, e
		}
		return nil, fmt.Errorf("open house records: %w", err)
	}
	return db, nil
}

// emptyLogs lists the zero-length memtable and value-log files in dir.
func emptyLogs(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".mem") && !strings.HasSuffix(n, ".vlog") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() == 0 {
			out = append(out, n)
		}
	}
	return out
}

func tablesSize(dir string) int64 {
	entries, _ := os.ReadDir(dir)
	var n int64
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sst") {
			if info, err := e.Info(); err == nil {
				n += info.Size()
			}
		}
	}
	return n
}

// verifyAtOpen opens the database with compactions off, checks it and
// closes it again.
func verifyAtOpen(dir string, key []byte) error {
	if _, err := os.Stat(filepath.Join(dir, badger.ManifestFilename)); err != nil {
		return nil // a new store: nothing to verify
	}
	db, err := openBadger(badgerOptions(dir, key).WithNumCompactors(0))
	if err != nil {
		return err
	}
	verr := verifyDB(db)
	if err := db.Close(); err != nil && verr == nil {
		verr = fmt.Errorf("close house records after checking them: %w", err)
	}
	return verr
}

// verifyDB checks every table block's checksum and reads every record's
// value once. Badger's own check dereferences nil on some damaged blocks
// (table.VerifyChecksum reports b.offset of the block it failed to read),
// and reading a damaged block can index out of range; both panic in this
// goroutine, where they are recovered into a DamageError.
func verifyDB(db *badger.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged("db", fmt.Sprintf("has a table that does not match its checksum (%v)", firstLine(r)))
		}
	}()
	if err := db.VerifyChecksum(); err != nil {
		return damaged(tableFile(err), "does not match its checksum")
	}
	return db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := it.Item().Value(func([]byte) error { return nil }); err != nil {
				return damaged("db", "has a record that cannot be read")
			}
		}
		return nil
	})
}

// tableFile picks the table's file name out of Badger's message.
func tableFile(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ".sst"); i >= 6 {
		return "db/" + msg[i-6:i+4]
	}
	return "db"
}

func firstLine(r any) string {
	s := fmt.Sprint(r)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

// VerifyChecksums checks every table of the open store against its
// checksums and reads every record once; it reports damage as a
// DamageError rather than panicking. It runs at open when the last close
// was not clean; `porchlight verify` runs it on demand.
func (s *Store) VerifyChecksums() error {
	return verifyDB(s.db)
}

func (v *Vault) crashed() bool {
	_, err := os.Stat(filepath.Join(v.dir, openMarker))
	return err == nil
}

func (v *Vault) markOpen() error {
	f, err := os.Create(filepath.Join(v.dir, openMarker))
	if err != nil {
		return fmt.Errorf("mark the store open: %w", diskFullError(err))
	}
	f.Close()
	syncDir(v.dir)
	return nil
}

func (v *Vault) markClosed() {
	_ = os.Remove(filepath.Join(v.dir, openMarker))
	syncDir(v.dir)
}

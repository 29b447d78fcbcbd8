package data

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	mrand "math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Store is the house's records: an encrypted Badger database opened with the
// data key from a keyring slot. All reads and writes of the domain go
// through it. Reads and writes are safe for concurrent use; the session and
// keyring changes (managers, passcodes) belong to the UI goroutine.
type Store struct {
	db      *badger.DB
	vault   *Vault
	dataKey []byte
	manager Manager     // who is at the desk; zero at the kiosk and after a recovery-key unlock
	session sessionKind // whether anyone may change managers and keys now
	now     func() time.Time
	houses  houseCache // the house settings last read (house_cache.go)
	// handOnFault, when a test sets it, makes handing chores on fail with
	// it after the moves are written, to show nothing half done is kept.
	handOnFault error
	// bg keeps Close from closing the database under background work
	// (housekeeping); closed tells that work not to start.
	bg     sync.Mutex
	closed bool
}

// ErrCannotDecrypt means the keyring opened but the database did not accept
// the key: the keyring belongs to another store, or the files are damaged.
var ErrCannotDecrypt = errors.New("the house records cannot be decrypted with this key (the keyring does not match the database, or the files are damaged)")

// ErrNotFound means the record asked for does not exist.
var ErrNotFound = errors.New("not found")

// badgerOptions sizes Badger for one small desktop rather than a server:
// the defaults are 5 x 64 MB memtables, a 256 MB block cache and 1 GB
// value-log files. Writes are synced, so a confirmed kiosk sign-in survives
// a power cut. Every block read from disk has its checksum checked, so a
// damaged table is an error, never records read wrong.
func badgerOptions(dir string, key []byte) badger.Options {
	return badger.DefaultOptions(dir).
		WithSyncWrites(true).
		WithEncryptionKey(key).
		WithIndexCacheSize(8 << 20).
		WithBlockCacheSize(8 << 20).
		WithMemTableSize(4 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithBaseTableSize(1 << 20).
		WithValueLogFileSize(16 << 20).
		WithValueThreshold(64 << 10).
		WithNumCompactors(2).
		WithChecksumVerificationMode(options.OnBlockRead).
		WithLogger(quietLogger{})
}

// Close flushes and closes the database and records that it was closed
// cleanly. The vault's lock stays held.
func (s *Store) Close() error {
	s.bg.Lock()
	s.closed = true
	s.bg.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close house records: %w", err)
	}
	s.vault.markClosed()
	return nil
}

// Now is the store's clock (the real time, except in tests).
func (s *Store) Now() time.Time { return s.now() }

// Today is the house's local date.
func (s *Store) Today() Date { return DateOf(s.now()) }

// Vault returns the vault the store was opened from.
func (s *Store) Vault() *Vault { return s.vault }

// --- keys and encoding --------------------------------------------------

// Keys are prefix-ordered so a screen's work grows with what it shows:
//
//	meta/version               store schema version
//	house                      the house settings
//	mgr/<id>                   manager accounts
//	res/<id>                   residents
//	bed/<bedID>                -> resident ID occupying the bed (index)
//	audit/<unix-nanos BE><id>  audit log, oldest first
const (
	keyVersion = "meta/version"
	keyHouse   = "house"
	pfxManager = "mgr/"
	pfxRes     = "res/"
	pfxBed     = "bed/"
	pfxAudit   = "audit/"
)

func newID() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

func getJSON(txn *badger.Txn, key string, v any) error {
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", keyKind(key), err)
	}
	return item.Value(func(b []byte) error {
		if err := json.Unmarshal(b, v); err != nil {
			return fmt.Errorf("decode %s: %w", keyKind(key), err)
		}
		return nil
	})
}

func putJSON(txn *badger.Txn, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		var me *json.MarshalerError
		if errors.As(err, &me) { // a Date or ClockTime that does not exist
			return fmt.Errorf("not saved: %w", me.Err)
		}
		return fmt.Errorf("encode %s: %w", keyKind(key), err)
	}
	if err := txn.Set([]byte(key), b); err != nil {
		return fmt.Errorf("write %s: %w", keyKind(key), err)
	}
	return nil
}

// keyKind names a key's kind for error messages without its ID.
func keyKind(key string) string {
	if i := strings.IndexByte(key, '/'); i > 0 {
		return key[:i]
	}
	return key
}

// scanJSON decodes every record under prefix, in key order.
func scanJSON[T any](txn *badger.Txn, prefix string, fn func(T) error) error {
	return scanKeyJSON(txn, prefix, func(_ string, v T) error { return fn(v) })
}

// scanKeyJSON is scanJSON with each record's key.
func scanKeyJSON[T any](txn *badger.Txn, prefix string, fn func(string, T) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var v T
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &v) }); err != nil {
			// One damaged record must not stop a whole list (the residents,
			// the meetings) from loading: it is left out, and said so
			// without its contents; porchlight verify names its key.
			log.Printf("porchlight: left out a %s record that could not be read (run porchlight verify)", keyKind(prefix))
			continue
		}
		if err := fn(string(it.Item().Key()), v); err != nil {
			return err
		}
	}
	return nil
}

// --- writes ------------------------------------------------------------

// write runs fn in a read-write transaction and appends an audit entry
// naming who did what, committed together: a change without its audit
// entry, or an entry without its change, cannot happen.
//
// A nearly full disk refuses the write before it starts (ErrDiskFull). Two
// writes to the same record at once conflict; the later one is run again a
// few times before ErrConflict reaches the person, so fn must not change
// anything outside the transaction.
func (s *Store) write(by Actor, action, subject string, fn func(txn *badger.Txn) error) error {
	return s.update(func(txn *badger.Txn) error {
		if err := fn(txn); err != nil {
			return err
		}
		return s.appendAudit(txn, by, action, subject)
	})
}

// writeNamed is write for a change whose subject is known only once its
// transaction has read the records: fn returns the subject for the audit
// entry, or "" when it changed nothing (then no entry is added).
func (s *Store) writeNamed(by Actor, action string, fn func(txn *badger.Txn) (string, error)) error {
	return s.update(func(txn *badger.Txn) error {
		subject, err := fn(txn)
		if err != nil || subject == "" {
			return err
		}
		return s.appendAudit(txn, by, action, subject)
	})
}

// update runs one read-write transaction for write and writeNamed.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	if err := s.vault.checkSpace(); err != nil {
		return err
	}
	for try := 0; ; try++ {
		err := s.db.Update(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return diskFullError(err)
		}
		if try == writeRetries {
			return ErrConflict
		}
		// Back off a little longer each time, by a random amount, so two
		// writers that met do not meet again.
		time.Sleep(time.Duration(try+1)*2*time.Millisecond + time.Duration(mrand.IntN(3000))*time.Microsecond)
	}
}

// writeRetries is how many times a conflicting write is run again.
const writeRetries = 6

// ErrConflict means a write kept meeting another write to the same record.
var ErrConflict = errors.New("someone else was changing the same record at that moment; try again")

func (s *Store) read(fn func(txn *badger.Txn) error) error {
	return s.db.View(fn)
}

// quietLogger keeps Badger's chatter (compactions, value-log GC) out of the
// console; warnings and errors still show. Badger never logs record values.
type quietLogger struct{}

func (quietLogger) Errorf(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "store error: "+strings.TrimSuffix(f, "\n")+"\n", a...)
}
func (quietLogger) Warningf(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "store warning: "+strings.TrimSuffix(f, "\n")+"\n", a...)
}
func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}

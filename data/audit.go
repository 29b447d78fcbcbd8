package data

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// ActorKind says what kind of someone made a change.
type ActorKind string

// The makers of changes.
const (
	ActorManager  ActorKind = "manager"
	ActorResident ActorKind = "resident" // at the kiosk
	ActorSystem   ActorKind = "system"   // the app itself, or a recovery-key session
)

// Actor names who made a write. Every write method takes one.
type Actor struct {
	Kind ActorKind `json:"kind"`
	ID   string    `json:"id,omitempty"`
	Name string    `json:"name,omitempty"`
}

// System is the app itself acting (migrations, scheduled work, recovery).
var System = Actor{Kind: ActorSystem, Name: "Porchlight"}

// ByManager is the actor for a manager's change.
func ByManager(m Manager) Actor { return Actor{Kind: ActorManager, ID: m.ID, Name: m.Name} }

// String names the actor for the audit log.
func (a Actor) String() string {
	switch a.Kind {
	case ActorResident:
		return "resident " + a.Name + " (kiosk)"
	case ActorSystem:
		if a.Name != "" {
			return a.Name
		}
		return "system"
	}
	return a.Name
}

// AuditEntry records one change: who, when, what kind of change and to
// which record. It never holds the changed values themselves (no notes,
// phone numbers or test results), only a short label of the subject.
type AuditEntry struct {
	At      time.Time `json:"at"`
	By      Actor     `json:"by"`
	Action  string    `json:"action"`  // e.g. "resident.add"
	Subject string    `json:"subject"` // e.g. "María N." or a bed name
	cursor  []byte    // the entry's key, for AuditPage
}

func (s *Store) appendAudit(txn *badger.Txn, by Actor, action, subject string) error {
	e := AuditEntry{At: s.now(), By: by, Action: action, Subject: subject}
	key := make([]byte, 0, len(pfxAudit)+8+16)
	key = append(key, pfxAudit...)
	key = binary.BigEndian.AppendUint64(key, uint64(e.At.UnixNano()))
	key = append(key, newID()...)
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode audit entry: %w", err)
	}
	if err := txn.Set(key, b); err != nil {
		return fmt.Errorf("write audit entry: %w", err)
	}
	return nil
}

// Audit returns up to limit entries, newest first, from before `before`
// (zero time: from now). Pass the oldest returned entry's At to page back.
func (s *Store) Audit(before time.Time, limit int) ([]AuditEntry, error) {
	var out []AuditEntry
	seek := append([]byte(pfxAudit), 0xff)
	if !before.IsZero() {
		seek = binary.BigEndian.AppendUint64([]byte(pfxAudit), uint64(before.UnixNano()))
	}
	err := s.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxAudit), Reverse: true, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Seek(seek); it.Valid() && len(out) < limit; it.Next() {
			var e AuditEntry
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &e) }); err != nil {
				return fmt.Errorf("decode audit entry: %w", err)
			}
			if !before.IsZero() && !e.At.Before(before) {
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// AuditCursor marks where a page of the audit log ended.
type AuditCursor []byte

// AuditPage returns up to limit entries, newest first, starting after
// cursor (nil: from the newest), and the cursor for the next page (nil
// when there are no more). Unlike paging by time, entries written in the
// same instant are never skipped.
func (s *Store) AuditPage(cursor AuditCursor, limit int) ([]AuditEntry, AuditCursor, error) {
	var out []AuditEntry
	var next AuditCursor
	err := s.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxAudit), Reverse: true, PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		seek := append([]byte(pfxAudit), 0xff)
		if cursor != nil {
			seek = cursor
		}
		for it.Seek(seek); it.Valid(); it.Next() {
			key := it.Item().KeyCopy(nil)
			if cursor != nil && string(key) >= string(cursor) {
				continue // the cursor's own entry was on the last page
			}
			if len(out) == limit {
				next = AuditCursor(out[len(out)-1].cursor)
				return nil
			}
			var e AuditEntry
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &e) }); err != nil {
				return fmt.Errorf("decode audit entry: %w", err)
			}
			e.cursor = key
			out = append(out, e)
		}
		return nil
	})
	return out, next, err
}

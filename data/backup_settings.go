package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Backup settings and the record of the last backup in each folder live in
// the store:
//
//	backupcfg                 BackupSettings
//	backuplast/<folder hash>  BackupRecord, the last backup tried there
const (
	keyBackupSettings = "backupcfg"
	pfxBackupLast     = "backuplast/"
)

// Retention is how many backups are kept: the newest of each of the last
// Daily days, Weekly weeks and Monthly months that have one.
type Retention struct {
	Daily   int `json:"daily"`
	Weekly  int `json:"weekly"`
	Monthly int `json:"monthly"`
}

// BackupSettings are where and when the automatic backups go.
type BackupSettings struct {
	V       int       `json:"v"`
	Folders []string  `json:"folders"`
	At      ClockTime `json:"at"` // the nightly time
	Keep    Retention `json:"keep"`
}

// DefaultBackupSettings: no folder yet, 03:00, 7 daily, 4 weekly, 12 monthly.
func DefaultBackupSettings() BackupSettings {
	return BackupSettings{V: schemaVersion, At: ClockTime{3, 0}, Keep: Retention{Daily: 7, Weekly: 4, Monthly: 12}}
}

// BackupRecord is the outcome of the last backup tried in one folder.
type BackupRecord struct {
	V        int       `json:"v"`
	Folder   string    `json:"folder"`
	At       time.Time `json:"at"`
	File     string    `json:"file,omitempty"`
	Size     int64     `json:"size,omitempty"`
	Records  int       `json:"records,omitempty"`
	Verified bool      `json:"verified"`
	Problem  string    `json:"problem,omitempty"`
	// LastGood is when the last verified backup in this folder was made
	// (the same as At when this one was good).
	LastGood     time.Time `json:"last_good"`
	LastGoodFile string    `json:"last_good_file,omitempty"`
	LastGoodSize int64     `json:"last_good_size,omitempty"`
}

// Good reports whether this backup was written and checked.
func (r BackupRecord) Good() bool { return r.Verified && r.Problem == "" }

func (b BackupSettings) validate() ValidationError {
	var v ValidationError
	seen := map[string]bool{}
	for _, f := range b.Folders {
		switch {
		case strings.TrimSpace(f) == "":
			v.add("Folders", "a folder has no path")
		case !filepath.IsAbs(f):
			v.add("Folders", f+" is not a full path")
		case seen[filepath.Clean(f)]:
			v.add("Folders", f+" is listed twice")
		}
		seen[filepath.Clean(f)] = true
	}
	if b.At.Hour < 0 || b.At.Hour > 23 || b.At.Min < 0 || b.At.Min > 59 {
		v.add("Time", "use 24-hour HH:MM, e.g. 03:00")
	}
	check := func(field string, n, most int) {
		if n < 0 || n > most {
			v.add(field, fmt.Sprintf("use a number from 0 to %d", most))
		}
	}
	check("Daily", b.Keep.Daily, 366)
	check("Weekly", b.Keep.Weekly, 520)
	check("Monthly", b.Keep.Monthly, 1200)
	if b.Keep.Daily+b.Keep.Weekly+b.Keep.Monthly == 0 {
		v.add("Daily", "keep at least one backup")
	}
	return v
}

// BackupSettings returns the house's backup settings (the defaults until
// saved).
func (s *Store) BackupSettings() (BackupSettings, error) {
	b := DefaultBackupSettings()
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, keyBackupSettings, &b) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return b, fmt.Errorf("read backup settings: %w", err)
	}
	return b, nil
}

// SaveBackupSettings checks and saves the backup settings.
func (s *Store) SaveBackupSettings(by Actor, b BackupSettings) error {
	for i, f := range b.Folders {
		b.Folders[i] = filepath.Clean(strings.TrimSpace(f))
	}
	if v := b.validate(); len(v) > 0 {
		return v
	}
	b.V = schemaVersion
	err := s.write(by, "backup.settings", "backup settings", func(txn *badger.Txn) error {
		return putJSON(txn, keyBackupSettings, b)
	})
	if err != nil {
		return fmt.Errorf("save backup settings: %w", err)
	}
	return nil
}

func (s *Store) backupRetention() (Retention, error) {
	b, err := s.BackupSettings()
	return b.Keep, err
}

func backupLastKey(folder string) string {
	h := sha256.Sum256([]byte(filepath.Clean(folder)))
	return pfxBackupLast + hex.EncodeToString(h[:8])
}

// recordBackup keeps the outcome of a backup for its folder, carrying the
// last good one forward when this one failed.
func (s *Store) recordBackup(by Actor, r BackupRecord) error {
	action := "backup.done"
	if !r.Good() {
		action = "backup.failed"
	}
	return s.write(by, action, r.Folder, func(txn *badger.Txn) error {
		var prev BackupRecord
		if err := getJSON(txn, backupLastKey(r.Folder), &prev); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if r.Good() {
			r.LastGood, r.LastGoodFile, r.LastGoodSize = r.At, r.File, r.Size
		} else {
			r.LastGood, r.LastGoodFile, r.LastGoodSize = prev.LastGood, prev.LastGoodFile, prev.LastGoodSize
		}
		return putJSON(txn, backupLastKey(r.Folder), r)
	})
}

// LastBackups returns the last backup tried in each folder, by folder.
func (s *Store) LastBackups() (map[string]BackupRecord, error) {
	out := map[string]BackupRecord{}
	err := s.read(func(txn *badger.Txn) error {
		return scanJSON(txn, pfxBackupLast, func(r BackupRecord) error { out[filepath.Clean(r.Folder)] = r; return nil })
	})
	if err != nil {
		return nil, fmt.Errorf("read the backup records: %w", err)
	}
	return out, nil
}

// LastBackupAttempt is when a backup was last tried in any folder.
func LastBackupAttempt(recs map[string]BackupRecord) time.Time {
	var t time.Time
	for _, r := range recs {
		if r.At.After(t) {
			t = r.At
		}
	}
	return t
}

// ChangedSince reports whether anything but a backup was written after t
// (the audit log's newest entries), so logging out after changes can
// start a backup and logging out after only looking does not.
func (s *Store) ChangedSince(t time.Time) (bool, error) {
	changed := false
	err := s.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pfxAudit), Reverse: true, PrefetchValues: false})
		defer it.Close()
		it.Seek(append([]byte(pfxAudit), 0xff))
		for n := 0; it.Valid() && n < 64; it.Next() {
			n++
			var e AuditEntry
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &e) }); err != nil {
				return err
			}
			if !e.At.After(t) {
				return nil
			}
			if !strings.HasPrefix(e.Action, "backup.") {
				changed = true
				return nil
			}
		}
		return nil
	})
	return changed, err
}

// --- schedule -------------------------------------------------------------

// lastSlot is the most recent nightly backup time at or before now, in
// now's time zone. On the night clocks go forward a time that does not
// exist (02:30) falls an hour later; on the night they go back, the first
// of the two 01:30s counts.
func lastSlot(now time.Time, at ClockTime) time.Time {
	y, m, d := now.Date()
	t := time.Date(y, m, d, at.Hour, at.Min, 0, 0, now.Location())
	if t.After(now) {
		t = time.Date(y, m, d-1, at.Hour, at.Min, 0, 0, now.Location())
	}
	return t
}

// BackupDue reports whether the automatic backup should run now: there is
// a folder, and the last nightly time at or before now came after the last
// attempt. A computer that was off at 03:00 backs up when Porchlight next
// runs; a failed attempt waits for the next night (the dashboard warns).
func BackupDue(now, lastAttempt time.Time, set BackupSettings) bool {
	if len(set.Folders) == 0 {
		return false
	}
	return lastSlot(now, set.At).After(lastAttempt)
}

// NextBackupAt is the next nightly time after now.
func NextBackupAt(now time.Time, set BackupSettings) time.Time {
	y, m, d := now.Date()
	t := time.Date(y, m, d, set.At.Hour, set.At.Min, 0, 0, now.Location())
	if !t.After(now) {
		t = time.Date(y, m, d+1, set.At.Hour, set.At.Min, 0, 0, now.Location())
	}
	return t
}

// BackupStaleAfter is how old the last good backup may get before the
// dashboard warns.
const BackupStaleAfter = 48 * time.Hour

// BackupWarnings are the dashboard's lines about backups: no folder set, a
// folder missing, or a folder whose last good backup is older than two
// days. folderThere reports whether a folder can be reached now.
func BackupWarnings(now time.Time, set BackupSettings, recs map[string]BackupRecord, folderThere func(string) bool) []string {
	if len(set.Folders) == 0 {
		return []string{"Backups are not set up: choose a backup folder in Settings → Backups."}
	}
	var out []string
	folders := slices.Clone(set.Folders)
	slices.Sort(folders)
	for _, f := range folders {
		r := recs[filepath.Clean(f)]
		switch {
		case !folderThere(f):
			out = append(out, "The backup folder "+f+" is not there (is the USB stick plugged in?).")
		case r.LastGood.IsZero():
			out = append(out, "No good backup in "+f+" yet.")
		case now.Sub(r.LastGood) > BackupStaleAfter:
			out = append(out, fmt.Sprintf("The last good backup in %s is from %s (%d days ago).",
				f, r.LastGood.Format("Mon 2 Jan 15:04"), int(now.Sub(r.LastGood).Hours()/24)))
		}
	}
	return out
}

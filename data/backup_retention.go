package data

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Retention: of this house's backups in a folder, keep the newest of each
// of the last Keep.Daily days, Keep.Weekly ISO weeks and Keep.Monthly
// months that have a backup (as restic's --keep-daily/weekly/monthly do).
// Only files named like this house's backups, and starting with the
// backup magic, are ever removed; other houses' backups and anything
// else in the folder are left alone.

// RetainBackups returns which of the backup times to keep (true) under
// keep, times in any order. Buckets are read in each time's own zone.
func RetainBackups(times []time.Time, keep Retention) []bool {
	idx := make([]int, len(times))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return times[b].Compare(times[a]) }) // newest first
	out := make([]bool, len(times))
	rules := []struct {
		n      int
		bucket func(time.Time) string
	}{
		{keep.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{keep.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{keep.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, r := range rules {
		last, kept := "", 0
		for _, i := range idx {
			if kept >= r.n {
				break
			}
			if b := r.bucket(times[i]); b != last {
				out[i], last = true, b
				kept++
			}
		}
	}
	return out
}

// ownBackup is one of this house's backup files found in a folder.
type ownBackup struct {
	path string
	at   time.Time
}

// listBackups finds this house's backups in folder by name, with the time
// in each name read in loc.
func listBackups(folder, storeID string, loc *time.Location) []ownBackup {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil
	}
	prefix := "porchlight-" + storeID + "-"
	var out []ownBackup
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, backupExt) {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(n, prefix), backupExt)
		if len(stamp) > 15 {
			stamp = stamp[:15] // "-2" for a second backup in the same second
		}
		t, err := time.ParseInLocation("20060102-150405", stamp, loc)
		if err != nil {
			continue
		}
		out = append(out, ownBackup{filepath.Join(folder, n), t})
	}
	return out
}

// pruneBackups removes this house's backups in folder that the retention
// rules do not keep, and temporary files left by a backup interrupted
// more than a day ago. It returns the names removed; a file it cannot
// remove stays (the next backup tries again).
func pruneBackups(folder, storeID string, keep Retention, loc *time.Location) []string {
	files := listBackups(folder, storeID, loc)
	times := make([]time.Time, len(files))
	for i, f := range files {
		times[i] = f.at
	}
	var removed []string
	for i, k := range RetainBackups(times, keep) {
		if k || !startsWithMagic(files[i].path) {
			continue
		}
		if os.Remove(files[i].path) == nil {
			removed = append(removed, filepath.Base(files[i].path))
		}
	}
	removeStaleTemps(folder, storeID)
	syncDir(folder)
	return removed
}

func removeStaleTemps(folder, storeID string) {
	entries, _ := os.ReadDir(folder)
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".porchlight-"+storeID+"-") || !strings.HasSuffix(n, ".tmp") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
			_ = os.Remove(filepath.Join(folder, n))
		}
	}
}

func startsWithMagic(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, len(backupMagic))
	_, err = io.ReadFull(f, b)
	return err == nil && string(b) == backupMagic
}

// --- sealing older backups again -------------------------------------------

// slotsDigest identifies a set of key slots.
func slotsDigest(slots []slot) string {
	h := sha256.New()
	for _, s := range slots {
		fmt.Fprintf(h, "%s/%s/%x/%x;", s.ID, s.Label, s.Salt, s.Wrapped)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// resealBackups gives this house's other backups in folder the keyring's
// current slots, so a manager added since (or a new recovery key) opens
// them, and a manager removed since no longer does. Only files whose
// sealed header opens with this store's data key are touched; each is
// rewritten to a temporary file and renamed, so a crash leaves the old
// file or the new one. It returns how many were rewritten.
func resealBackups(folder string, ring *keyring, dataKey []byte, skip string) int {
	n := 0
	for _, b := range listBackups(folder, ring.StoreID, time.Local) {
		if b.path == skip {
			continue
		}
		if ok, _ := resealBackup(b.path, ring, dataKey); ok {
			n++
		}
	}
	return n
}

func resealBackup(path string, ring *keyring, dataKey []byte) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h, _, err := readBackupHeader(f)
	if err != nil || h.StoreID != ring.StoreID || slotsDigest(h.Slots) == slotsDigest(ring.Slots) {
		return false, err
	}
	aead, err := fileCipher(dataKey, h.Salt)
	if err != nil {
		return false, err
	}
	if _, err := h.openInfo(aead); err != nil {
		return false, err // not sealed with this house's key: leave it
	}
	h.Slots, h.SlotsSealed = ring.Slots, time.Now()
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".porchlight-"+ring.StoreID+"-*.tmp")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, io.NewSectionReader(f, 0, h.BodyEnd))
	if err == nil {
		err = writeTrailer(tmp, &h)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, err
	}
	return true, nil
}

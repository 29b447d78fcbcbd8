package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Restoring: open a backup file, unlock it with a manager's passcode or the
// recovery key (against the slots in its header), then restore it into an
// empty or new folder, never over a store. The restored folder gets the
// same house ID and data key, and a keyring with the backup's slots for
// the managers whose accounts are in it; then it is opened and checked
// from end to end like `porchlight verify`.

// BackupFile is a backup file opened for restoring.
type BackupFile struct {
	path string
	hdr  backupHeader
	size int64
}

// BackupKey is a backup file unlocked: the data key, kept out of reach.
type BackupKey struct{ key []byte }

// OpenBackupFile reads a backup file's header. A damaged or cut-off file
// is refused with ErrBackupDamaged.
func OpenBackupFile(path string) (*BackupFile, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no backup file at %s", path)
		}
		return nil, fmt.Errorf("open the backup file: %w", err)
	}
	defer f.Close()
	h, size, err := readBackupHeader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return &BackupFile{path: path, hdr: h, size: size}, nil
}

// Path is the file's path.
func (b *BackupFile) Path() string { return b.path }

// Size is the file's size in bytes.
func (b *BackupFile) Size() int64 { return b.size }

// Created is when the backup was made.
func (b *BackupFile) Created() time.Time { return b.hdr.Created }

// Logins lists the managers whose passcodes open this file (the slots it
// was last sealed with).
func (b *BackupFile) Logins() []Login {
	var out []Login
	for _, s := range b.hdr.Slots {
		if s.Kind == slotManager {
			out = append(out, Login{ID: s.ID, Name: s.Label})
		}
	}
	return out
}

// Unlock opens the file with a manager's passcode.
func (b *BackupFile) Unlock(managerID, passcode string) (BackupKey, error) {
	for i := range b.hdr.Slots {
		if s := &b.hdr.Slots[i]; s.ID == managerID && s.Kind == slotManager {
			return b.openSlot(s, passcode)
		}
	}
	return BackupKey{}, errors.New("that manager cannot open this backup")
}

// UnlockRecovery opens the file with the recovery key.
func (b *BackupFile) UnlockRecovery(key string) (BackupKey, error) {
	for i := range b.hdr.Slots {
		if s := &b.hdr.Slots[i]; s.Kind == slotRecovery {
			return b.openSlot(s, NormalizeRecoveryKey(key))
		}
	}
	return BackupKey{}, errors.New("this backup has no recovery key slot")
}

func (b *BackupFile) openSlot(s *slot, secret string) (BackupKey, error) {
	key, err := s.open(secret)
	if err != nil {
		return BackupKey{}, err
	}
	return BackupKey{key: key}, nil
}

// Info reads what the backup holds from its header (the records are
// checked by Check and RestoreBackup).
func (b *BackupFile) Info(k BackupKey) (BackupInfo, error) {
	aead, err := fileCipher(k.key, b.hdr.Salt)
	if err != nil {
		return BackupInfo{}, err
	}
	return b.hdr.openInfo(aead)
}

// Check reads every record of the file: seals, checksum and counts.
func (b *BackupFile) Check(k BackupKey, progress func(int)) (BackupInfo, error) {
	f, err := os.Open(b.path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("open the backup file: %w", err)
	}
	defer f.Close()
	info, _, err := readBackupBody(f, &b.hdr, k.key, progress)
	return info, err
}

// RestoreReport is what a restore brought back.
type RestoreReport struct {
	Dir      string
	Info     BackupInfo
	Records  int      // records in the restored store, as checked
	Managers []string // managers who can log in to the restored house
	// NotInBackup are managers who can open the backup file but whose
	// accounts were added after it was made: they are not in the
	// restored house.
	NotInBackup []string
}

// ErrRestoreTarget refuses to restore into a folder that holds files.
var ErrRestoreTarget = errors.New("a backup is restored only into an empty or new folder, never over a house's records; choose a new folder")

// RestoreBackup restores the unlocked backup into dir, which must be empty
// or not exist, and checks the result. On failure, what it wrote in dir is
// removed.
func RestoreBackup(b *BackupFile, k BackupKey, dir string, progress func(BackupProgress), opts ...VaultOption) (RestoreReport, error) {
	rep := RestoreReport{Dir: dir}
	info, err := b.Info(k)
	if err != nil {
		return rep, err
	}
	rep.Info = info
	if info.Schema > schemaVersion {
		return rep, fmt.Errorf("this backup was made by a newer Porchlight (records version %d); update Porchlight to restore it", info.Schema)
	}
	if err := checkRestoreTarget(dir); err != nil {
		return rep, err
	}
	v, err := OpenVault(dir, opts...)
	if err != nil {
		return rep, err
	}
	defer v.Close()
	if err := v.restoreInto(b, k, info, progress); err != nil {
		v.discardNewStore()
		return rep, err
	}
	rep.Records, rep.Managers, rep.NotInBackup, err = v.checkRestored(b, k, info, progress)
	if err != nil {
		v.discardNewStore()
		return rep, err
	}
	return rep, nil
}

// checkRestoreTarget allows a missing folder or an empty one.
func checkRestoreTarget(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return errors.New("say which new folder to restore into")
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("read the folder to restore into: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("%s holds files: %w", dir, ErrRestoreTarget)
	}
	return nil
}

// restoreInto loads the records and writes the keyring, behind the setup
// marker, so a restore cut short is cleared at the next open.
func (v *Vault) restoreInto(b *BackupFile, k BackupKey, info BackupInfo, progress func(BackupProgress)) error {
	if err := writeFileAtomic(v.dir, setupMarker, []byte("Porchlight restore started; removed when it finishes\n")); err != nil {
		return err
	}
	f, err := os.Open(b.path)
	if err != nil {
		return fmt.Errorf("open the backup file: %w", err)
	}
	defer f.Close()
	aead, err := fileCipher(k.key, b.hdr.Salt)
	if err != nil {
		return err
	}
	db, err := openBadger(badgerOptions(filepath.Join(v.dir, "db"), k.key))
	if err != nil {
		return err
	}
	counted := &countingReader{r: b.hdr.chunkReader(f, aead, info.Checksum), progress: func(n int64) {
		if progress != nil && info.Records > 0 {
			progress(BackupProgress{Stage: "Writing", Done: int(n * int64(info.Records) / max(b.hdr.BodyEnd, 1)), Total: info.Records})
		}
	}}
	records, finish, lerr := b.hdr.recordReader(counted)
	if lerr == nil {
		lerr = db.Load(records, 256)
	}
	if lerr == nil {
		lerr = finish()
	}
	if cerr := db.Close(); lerr == nil && cerr != nil {
		lerr = fmt.Errorf("close the restored records: %w", cerr)
	}
	if lerr != nil {
		return fmt.Errorf("restore the records: %w", streamErr(diskFullError(lerr)))
	}
	ring := &keyring{Format: keyringFormat, Version: keyringVersion, StoreID: b.hdr.StoreID}
	for _, s := range b.hdr.Slots {
		if s.Kind == slotRecovery || info.hasManager(s.ID) {
			ring.Slots = append(ring.Slots, s)
		}
	}
	if err := ring.write(v.dir); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(v.dir, setupMarker)); err != nil {
		return fmt.Errorf("finish the restore: %w", err)
	}
	syncDir(v.dir)
	v.ring = ring
	return nil
}

// hasManager reports whether the backup holds the manager's account.
func (info BackupInfo) hasManager(id string) bool {
	return slices.ContainsFunc(info.Managers, func(l Login) bool { return l.ID == id })
}

// checkRestored opens the restored store and checks it from end to end.
func (v *Vault) checkRestored(b *BackupFile, k BackupKey, info BackupInfo, progress func(BackupProgress)) (int, []string, []string, error) {
	st, err := openStore(v, k.key)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("open the restored records: %w", err)
	}
	defer st.Close()
	if err := st.VerifyChecksums(); err != nil {
		return 0, nil, nil, fmt.Errorf("check the restored records: %w", err)
	}
	rep, err := st.CheckStore(func(n int) {
		if progress != nil {
			progress(BackupProgress{Stage: "Checking", Done: n, Total: info.Records})
		}
	})
	if err != nil {
		return 0, nil, nil, fmt.Errorf("check the restored records: %w", err)
	}
	if !rep.OK() {
		return rep.Records, nil, nil, fmt.Errorf("the restored records have %d problems (first: %s)", len(rep.Problems), rep.Problems[0])
	}
	if info.Schema == schemaVersion && (rep.Records != info.Records || !sameCounts(rep.Kinds, info.Counts)) {
		return rep.Records, nil, nil, backupDamaged("the restored store holds %d records where the backup says %d", rep.Records, info.Records)
	}
	mgrs, err := st.Managers()
	if err != nil {
		return 0, nil, nil, err
	}
	var in, out []string
	have := map[string]bool{}
	for _, m := range mgrs {
		have[m.ID] = true
		if _, s := v.ring.find(m.ID); s != nil {
			in = append(in, m.Name)
		}
	}
	for _, l := range b.Logins() {
		if !have[l.ID] {
			out = append(out, l.Name)
		}
	}
	return rep.Records, in, out, nil
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r        interface{ Read([]byte) (int, error) }
	n        int64
	last     int64
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n-c.last >= 256<<10 {
		c.last = c.n
		c.progress(c.n)
	}
	return n, err
}

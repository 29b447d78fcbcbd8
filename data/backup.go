package data

import (
	"bufio"
	"crypto/cipher"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Backups: one encrypted file per backup, written to each folder the house
// set (a USB stick, a synced folder, a network share). Writing never blocks
// the kiosk: the records are read in one read-only transaction (a snapshot)
// while writes go on. Each file is written to a temporary name, synced and
// renamed, then read back and checked (decrypt, checksum, counts) before it
// counts as a good backup. Then older backups of this house in the folder
// get the current key slots (so a manager added since can open them too),
// and the ones past the retention rules are removed.

// BackupProgress is how far a backup has gone.
type BackupProgress struct {
	Stage string // "Writing" or "Checking"
	Done  int    // records
	Total int    // records expected (from the last backup; 0 when unknown)
}

// Fraction is the progress from 0 to 1 over both stages.
func (p BackupProgress) Fraction() float64 {
	if p.Total <= 0 {
		return 0
	}
	f := min(float64(p.Done)/float64(p.Total), 1) / 2
	if p.Stage == "Checking" {
		f += 0.5
	}
	return f
}

// BackupResult is one backup written.
type BackupResult struct {
	Path     string
	Size     int64
	Info     BackupInfo
	Verified bool
	Resealed int      // older backups whose key slots were brought up to date
	Pruned   []string // older backups removed by the retention rules
}

// ErrBackupFolderMissing means the backup folder is not there: a USB stick
// not plugged in, a share not mounted.
var ErrBackupFolderMissing = errors.New("the backup folder is not there (is the USB stick plugged in, or the network folder connected?)")

// ErrBackupFolderFull means the backup folder's disk ran out of room.
var ErrBackupFolderFull = errors.New("the backup folder's disk is full; make room there (or pick another folder) and back up again")

// Backup writes one backup file into folder, checks it and records the
// outcome for the folder. progress, when not nil, is called from this
// goroutine as records are written and checked.
func (s *Store) Backup(by Actor, folder string, progress func(BackupProgress)) (BackupResult, error) {
	res, err := s.backupTo(folder, progress)
	rec := BackupRecord{V: schemaVersion, Folder: folder, At: s.now(), File: filepath.Base(res.Path),
		Size: res.Size, Records: res.Info.Records, Verified: res.Verified}
	if err != nil {
		rec.Problem = err.Error()
	}
	if werr := s.recordBackup(by, rec); werr != nil && err == nil {
		err = fmt.Errorf("the backup was written, but recording it failed: %w", werr)
	}
	return res, err
}

func (s *Store) backupTo(folder string, progress func(BackupProgress)) (BackupResult, error) {
	var res BackupResult
	if err := checkBackupFolder(folder); err != nil {
		return res, err
	}
	ring, err := currentKeyring(s.vault.dir)
	if err != nil {
		return res, err
	}
	expect := s.lastRecordCount()
	path, info, err := s.writeBackup(folder, ring, func(n int) {
		if progress != nil {
			progress(BackupProgress{Stage: "Writing", Done: n, Total: expect})
		}
	})
	if err != nil {
		return res, err
	}
	res.Path, res.Info = path, info
	if st, err := os.Stat(path); err == nil {
		res.Size = st.Size()
	}
	if err := verifyBackupFile(path, s.dataKey, info, func(n int) {
		if progress != nil {
			progress(BackupProgress{Stage: "Checking", Done: n, Total: info.Records})
		}
	}); err != nil {
		return res, fmt.Errorf("the backup in %s was written but does not read back correctly: %w", folder, err)
	}
	res.Verified = true
	res.Resealed = resealBackups(folder, ring, s.dataKey, path)
	keep, err := s.backupRetention()
	if err == nil {
		res.Pruned = pruneBackups(folder, ring.StoreID, keep, s.now().Location())
	}
	return res, nil
}

// checkBackupFolder refuses a folder that is missing or not a folder. A
// missing folder is never created: a USB stick's mount point without the
// stick is a folder on the computer's own disk.
func checkBackupFolder(folder string) error {
	if strings.TrimSpace(folder) == "" {
		return errors.New("no backup folder is set")
	}
	st, err := os.Stat(folder)
	if err != nil {
		return fmt.Errorf("%s: %w", folder, ErrBackupFolderMissing)
	}
	if !st.IsDir() {
		return fmt.Errorf("%s is a file, not a folder", folder)
	}
	return nil
}

// currentKeyring reads the keyring as it is on disk now (from whichever
// copy is good): its slots go into the backup's header. Reading the file
// rather than the vault's copy keeps a background backup off the UI's
// data.
func currentKeyring(dir string) (*keyring, error) {
	for _, name := range []string{keyringFile, keyringBackupFile} {
		if c := readKeyringCopy(dir, name); c.err == nil {
			return c.ring, nil
		}
	}
	return nil, errors.New("the key file cannot be read, so no backup can be sealed; restart Porchlight to mend it")
}

// backupName is the file name of a backup of store id made at t.
func backupName(storeID string, t time.Time) string {
	return "porchlight-" + storeID + "-" + t.Format("20060102-150405") + backupExt
}

const backupExt = ".plbackup"

// writeBackup writes the file under a temporary name, syncs it and
// renames it into place.
func (s *Store) writeBackup(folder string, ring *keyring, progress func(int)) (string, BackupInfo, error) {
	now := s.now()
	path := filepath.Join(folder, backupName(ring.StoreID, now))
	for i := 2; exists(path); i++ { // two backups in one second
		path = filepath.Join(folder, strings.TrimSuffix(backupName(ring.StoreID, now), backupExt)+fmt.Sprintf("-%d", i)+backupExt)
	}
	tmp, err := os.CreateTemp(folder, ".porchlight-"+ring.StoreID+"-*.tmp")
	if err != nil {
		return "", BackupInfo{}, folderError(folder, err)
	}
	defer os.Remove(tmp.Name())
	info, err := s.writeBackupTo(tmp, ring, now, progress)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", BackupInfo{}, folderError(folder, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", BackupInfo{}, folderError(folder, err)
	}
	syncDir(folder)
	return path, info, nil
}

// folderError words a failed write to the backup folder.
func folderError(folder string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%s: %w", folder, ErrBackupFolderFull)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: %w", folder, ErrBackupFolderMissing)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("Porchlight may not write in the backup folder %s; pick another folder", folder)
	case errors.Is(err, syscall.EIO):
		return fmt.Errorf("the backup folder %s could not be written (was the USB stick pulled out?)", folder)
	}
	return fmt.Errorf("write the backup in %s: %w", folder, err)
}

// writeBackupTo writes magic, records and header to w.
func (s *Store) writeBackupTo(w io.Writer, ring *keyring, now time.Time, progress func(int)) (BackupInfo, error) {
	h := backupHeader{Format: backupFormat, Version: backupVersion, StoreID: ring.StoreID,
		Created: now, Salt: randomBytes(32), SlotsSealed: now, Slots: ring.Slots, Compression: compressZstd}
	aead, err := fileCipher(s.dataKey, h.Salt)
	if err != nil {
		return BackupInfo{}, err
	}
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return BackupInfo{}, err
	}
	cw := newChunkWriter(w, aead)
	zw, err := newRecordCompressor(cw)
	if err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{Created: now, Managers: loginsOf(ring)}
	err = s.read(func(txn *badger.Txn) error {
		var house House
		if err := getJSON(txn, keyHouse, &house); err != nil {
			return fmt.Errorf("read the house: %w", err)
		}
		info.House = house.Name
		if err := getJSON(txn, keyVersion, &info.Schema); err != nil {
			return fmt.Errorf("read the store version: %w", err)
		}
		c, err := writeStream(txn, zw, progress)
		info.Records, info.Counts = c.records, c.kinds
		return err
	})
	if err != nil {
		return info, err
	}
	if err := zw.Close(); err != nil {
		return info, fmt.Errorf("compress the records: %w", err)
	}
	if err := cw.Close(); err != nil {
		return info, err
	}
	info.Checksum = cw.sum.hex()
	h.BodyEnd, h.Chunks = int64(len(backupMagic))+cw.bytes, cw.n
	if err := h.sealInfo(aead, info); err != nil {
		return info, err
	}
	return info, writeTrailer(w, &h)
}

// loginsOf lists the managers whose slots a keyring holds.
func loginsOf(ring *keyring) []Login {
	var out []Login
	for _, sl := range ring.Slots {
		if sl.Kind == slotManager {
			out = append(out, Login{ID: sl.ID, Name: sl.Label})
		}
	}
	return out
}

// verifyBackupFile reads a backup back from disk with the data key and
// checks it holds what was written.
func verifyBackupFile(path string, dataKey []byte, want BackupInfo, progress func(int)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open the backup: %w", err)
	}
	defer f.Close()
	h, _, err := readBackupHeader(f)
	if err != nil {
		return err
	}
	info, c, err := readBackupBody(f, &h, dataKey, progress)
	if err != nil {
		return err
	}
	if info.Checksum != want.Checksum || c.records != want.Records || !sameCounts(c.kinds, want.Counts) {
		return backupDamaged("it does not hold what was written")
	}
	return nil
}

// readBackupBody opens a file's info with the data key and reads every
// chunk, checking seals, checksum and counts.
func readBackupBody(f *os.File, h *backupHeader, dataKey []byte, progress func(int)) (BackupInfo, streamCounts, error) {
	aead, err := fileCipher(dataKey, h.Salt)
	if err != nil {
		return BackupInfo{}, streamCounts{}, err
	}
	info, err := h.openInfo(aead)
	if err != nil {
		return info, streamCounts{}, err
	}
	records, finish, err := h.recordReader(h.chunkReader(f, aead, info.Checksum))
	if err != nil {
		return info, streamCounts{}, err
	}
	c, err := countStream(records, progress)
	if err == nil {
		err = finish()
	}
	if err != nil {
		return info, c, err
	}
	if c.records != info.Records || !sameCounts(c.kinds, info.Counts) {
		return info, c, backupDamaged("it holds %d records where its header says %d", c.records, info.Records)
	}
	return info, c, nil
}

// chunkReader reads the body of f from just after the magic.
func (h *backupHeader) chunkReader(f io.ReaderAt, aead cipher.AEAD, checksum string) *chunkReader {
	body := io.NewSectionReader(f, int64(len(backupMagic)), h.BodyEnd-int64(len(backupMagic)))
	return &chunkReader{r: bufio.NewReaderSize(body, 64<<10), aead: aead, chunks: h.Chunks, sum: newHash(), want: checksum}
}

// lastRecordCount is the record count of the newest backup recorded, for
// the progress bar (0 when there is none).
func (s *Store) lastRecordCount() int {
	recs, err := s.LastBackups()
	n := 0
	for _, r := range recs {
		if err == nil && r.Records > n {
			n = r.Records
		}
	}
	return n
}

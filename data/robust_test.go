package data

import (
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

var robustNow = time.Date(2025, 3, 3, 10, 0, 0, 0, time.Local)

func openTestVault(t *testing.T, dir string, opts ...VaultOption) *Vault {
	t.Helper()
	opts = append([]VaultOption{WithKDF(DemoKDF), WithClock(func() time.Time { return robustNow })}, opts...)
	v, err := OpenVault(dir, opts...)
	if err != nil {
		t.Fatalf("OpenVault: %v", err)
	}
	return v
}

func createTestHouse(t *testing.T, v *Vault) (*Store, string) {
	t.Helper()
	h := DefaultHouse()
	h.Name = "Test House"
	var err error
	if h.Beds, err = ParseBeds("Room 1: A, B"); err != nil {
		t.Fatal(err)
	}
	st, key, err := v.Create(h, NewManager{Name: "Sam", Passcode: corruptPass, Confirm: corruptPass})
	if err != nil {
		t.Fatal(err)
	}
	return st, key
}

// A setup killed after the database was made but before its keyring was
// written is recognised at the next start, cleared, and set up again.
func TestHalfMadeSetupIsCleared(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	v := openTestVault(t, dir)
	st, _ := createTestHouse(t, v)
	st.Close()
	v.Close()
	// What a kill between the database and the keyring leaves: the
	// marker, the database, no keyring.
	for _, n := range []string{keyringFile, keyringBackupFile} {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, setupMarker), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	v = openTestVault(t, dir)
	if !v.IsNew() {
		t.Fatal("a half-made store was not offered for setup again")
	}
	if v.Notice() != setupNotice {
		t.Errorf("Notice = %q, want %q", v.Notice(), setupNotice)
	}
	if exists(filepath.Join(dir, "db")) || exists(filepath.Join(dir, setupMarker)) {
		t.Error("the half-made database or the marker is still there")
	}
	st, _ = createTestHouse(t, v)
	if h, err := st.House(); err != nil || h.Name != "Test House" {
		t.Fatalf("house after setting up again = %+v, %v", h, err)
	}
	st.Close()
	v.Close()

	// A database with no keyring and no marker (an older Porchlight's
	// interrupted setup) is moved aside, not deleted.
	for _, n := range []string{keyringFile, keyringBackupFile} {
		os.Remove(filepath.Join(dir, n))
	}
	v = openTestVault(t, dir)
	defer v.Close()
	if !v.IsNew() || !strings.HasPrefix(v.Notice(), setupNotice) {
		t.Fatalf("older half-made store: new=%v notice=%q", v.IsNew(), v.Notice())
	}
	matches, _ := filepath.Glob(filepath.Join(dir, unfinishedPrefix+"*", "MANIFEST"))
	if len(matches) != 1 {
		t.Fatalf("the older half-made database was not kept aside: %v", matches)
	}
}

// Setup leaves no marker behind when it finishes, and a folder of someone
// else's files is still refused, not cleared.
func TestSetupMarkerOnlyWhileSettingUp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	v := openTestVault(t, dir)
	st, _ := createTestHouse(t, v)
	if exists(filepath.Join(dir, setupMarker)) {
		t.Error("setup marker left after setup finished")
	}
	st.Close()
	v.Close()

	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "db"), 0o700)
	os.WriteFile(filepath.Join(other, "db", "notes.txt"), []byte("mine"), 0o600)
	if _, err := OpenVault(other); !errors.Is(err, ErrNotAStore) {
		t.Fatalf("a folder of other files: %v, want ErrNotAStore", err)
	}
	if !exists(filepath.Join(other, "db", "notes.txt")) {
		t.Fatal("someone else's file was removed")
	}
}

// Two writers changing the same record at once both succeed: the store
// runs the one that conflicts again instead of reporting it.
func TestConflictingWritesAreRetried(t *testing.T) {
	st := emptyHouseAt(t, robustNow, "Room 1: A, B")
	by := ByManager(st.Session())
	const key = "test/counter"
	bump := func() error {
		return st.write(by, "test.bump", "counter", func(txn *badger.Txn) error {
			var n int
			if err := getJSON(txn, key, &n); err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			time.Sleep(time.Millisecond) // widen the window for a conflict
			return putJSON(txn, key, n+1)
		})
	}
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				errs <- bump()
			}
		}()
	}
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if err != nil {
			failed++
			if !errors.Is(err, ErrConflict) {
				t.Fatalf("write: %v", err)
			}
		}
	}
	var n int
	if err := st.read(func(txn *badger.Txn) error { return getJSON(txn, key, &n) }); err != nil {
		t.Fatal(err)
	}
	if n != writers*each-failed {
		t.Fatalf("counter = %d after %d confirmed writes: a confirmed write was lost", n, writers*each-failed)
	}
	// Without the retry about half of these conflict; with it, few if any
	// reach the person.
	if failed > writers*each/10 {
		t.Fatalf("%d of %d writes still reported a conflict", failed, writers*each)
	}
	t.Logf("%d writers x %d: %d conflicts reported", writers, each, failed)
}

// A kill while Badger creates a log file leaves it empty; the store opens
// anyway (Badger's first try fails on it, the second works).
func TestEmptyLogFileAfterKillOpens(t *testing.T) {
	for _, name := range []string{"00009.mem", "000002.vlog"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			v := openTestVault(t, dir)
			st, _ := createTestHouse(t, v)
			id := st.Session().ID
			st.Close()
			v.Close()
			if err := os.WriteFile(filepath.Join(dir, "db", name), nil, 0o600); err != nil {
				t.Fatal(err)
			}
			v = openTestVault(t, dir)
			defer v.Close()
			st, err := v.Unlock(id, corruptPass)
			if err != nil {
				t.Fatalf("open with an empty %s: %v", name, err)
			}
			defer st.Close()
			if h, err := st.House(); err != nil || h.Name != "Test House" {
				t.Fatalf("house = %+v, %v", h, err)
			}
		})
	}
}

// After a crash (the open marker left behind) the store is checked before
// use, and a clean close removes the marker.
func TestOpenMarker(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	v := openTestVault(t, dir)
	st, _ := createTestHouse(t, v)
	if !exists(filepath.Join(dir, openMarker)) {
		t.Fatal("no open marker while the store is open")
	}
	id := st.Session().ID
	st.Close()
	if exists(filepath.Join(dir, openMarker)) {
		t.Fatal("open marker left after a clean close")
	}
	v.Close()
	os.WriteFile(filepath.Join(dir, openMarker), nil, 0o600) // as a crash leaves it
	v = openTestVault(t, dir)
	defer v.Close()
	st, err := v.Unlock(id, corruptPass)
	if err != nil {
		t.Fatalf("open after a crash: %v", err)
	}
	if err := st.VerifyChecksums(); err != nil {
		t.Fatalf("VerifyChecksums: %v", err)
	}
	st.Close()
}

// A new recovery key opens the store; the old one no longer does; nobody
// at the kiosk can issue one.
func TestNewRecoveryKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	v := openTestVault(t, dir)
	st, old := createTestHouse(t, v)
	by := ByManager(st.Session())
	st.EndSession()
	if _, err := st.NewRecoveryKey(by); !errors.Is(err, ErrNoSession) {
		t.Fatalf("NewRecoveryKey at the kiosk: %v, want ErrNoSession", err)
	}
	m, _ := st.Manager(by.ID)
	st.SetSession(m)
	fresh, err := st.NewRecoveryKey(by)
	if err != nil {
		t.Fatal(err)
	}
	if fresh == old || len(fresh) != len(old) {
		t.Fatalf("new key %q, old %q", fresh, old)
	}
	st.Close()
	v.Close()
	v = openTestVault(t, dir)
	defer v.Close()
	if _, err := v.UnlockRecovery(old); !errors.Is(err, ErrWrongPasscode) {
		t.Fatalf("old recovery key: %v, want ErrWrongPasscode", err)
	}
	st, err = v.UnlockRecovery(strings.ToLower(fresh))
	if err != nil {
		t.Fatalf("new recovery key: %v", err)
	}
	defer st.Close()
	es, err := st.Audit(time.Time{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range es {
		found = found || e.Action == "keyring.recovery"
	}
	if !found {
		t.Error("no audit entry for the new recovery key")
	}
}

// mountTmpfs mounts a small tmpfs, or skips when mounting is not allowed.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fill leaves about leave bytes free on dir's disk with a filler file.
func fill(t *testing.T, dir string, leave uint64) string {
	t.Helper()
	free, err := freeBytes(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for n := free - leave; n > 0; {
		w := min(n, uint64(len(chunk)))
		if _, err := f.Write(chunk[:w]); err != nil {
			break
		}
		n -= w
	}
	return path
}

// A full disk refuses writes with a message and keeps reads working; once
// space is freed, writes work again; a store on a full disk refuses to
// open with the same message rather than crashing.
func TestFullDisk(t *testing.T) {
	mnt := mountTmpfs(t, "48m")
	dir := filepath.Join(mnt, "store")
	const margin = 24 << 20
	v := openTestVault(t, dir, WithMinFree(margin))
	st, _ := createTestHouse(t, v)
	id := st.Session().ID
	by := ByManager(st.Session())
	filler := fill(t, mnt, margin-(1<<20))
	err := st.write(by, "test.write", "x", func(txn *badger.Txn) error { return putJSON(txn, "test/x", 1) })
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), "free space, then try again") {
		t.Fatalf("write on a full disk: %v, want ErrDiskFull", err)
	}
	if h, err := st.House(); err != nil || h.Name != "Test House" {
		t.Fatalf("read on a full disk: %+v, %v", h, err)
	}
	st.Close()
	v.Close()
	v = openTestVault(t, dir, WithMinFree(margin))
	if _, err := v.Unlock(id, corruptPass); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("open on a full disk: %v, want ErrDiskFull", err)
	}
	os.Remove(filler)
	st, err = v.Unlock(id, corruptPass)
	if err != nil {
		t.Fatalf("open after freeing space: %v", err)
	}
	defer func() { st.Close(); v.Close() }()
	if err := st.write(by, "test.write", "x", func(txn *badger.Txn) error { return putJSON(txn, "test/x", 1) }); err != nil {
		t.Fatalf("write after freeing space: %v", err)
	}
}

// Writing until the disk fills stops at the margin with ErrDiskFull, not
// with Badger dying on SIGBUS; every confirmed write reads back.
func TestWriteUntilDiskFull(t *testing.T) {
	if !*longTests {
		t.Skip("slow: run with -long")
	}
	mnt := mountTmpfs(t, "96m")
	dir := filepath.Join(mnt, "store")
	v := openTestVault(t, dir)
	st, _ := createTestHouse(t, v)
	defer func() { st.Close(); v.Close() }()
	by := ByManager(st.Session())
	confirmed := 0
	for i := 0; ; i++ {
		blob := hex.EncodeToString(randomBytes(16 << 10)) // 32 kB that does not compress
		err := st.write(by, "test.write", "x", func(txn *badger.Txn) error {
			return putJSON(txn, fmt.Sprintf("test/%08d", i), blob)
		})
		if errors.Is(err, ErrDiskFull) {
			break
		}
		if err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		confirmed++
	}
	n := 0
	st.read(func(txn *badger.Txn) error {
		return scanJSON(txn, "test/", func(string) error { n++; return nil })
	})
	free, _ := freeBytes(mnt)
	t.Logf("%d writes confirmed before the disk was full (%d MB free at refusal); %d read back", confirmed, free>>20, n)
	if n != confirmed {
		t.Fatalf("read back %d of %d confirmed writes", n, confirmed)
	}
}

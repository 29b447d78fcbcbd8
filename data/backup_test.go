package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var backupNow = time.Date(2026, 3, 16, 3, 0, 0, 0, time.Local)

// demoLogin is the demo manager's login in a backup file.
func loginNamed(t *testing.T, logins []Login, name string) Login {
	t.Helper()
	for _, l := range logins {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("no login %q in %v", name, logins)
	return Login{}
}

// openRestored opens a restored folder with a manager's passcode.
func openRestored(t *testing.T, dir, name, pass string) *Store {
	t.Helper()
	v, err := OpenVault(dir, WithKDF(DemoKDF))
	if err != nil {
		t.Fatal(err)
	}
	st, err := v.Unlock(loginNamed(t, v.Logins(), name).ID, pass)
	if err != nil {
		v.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(); v.Close() })
	return st
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	st := demoAt(t, backupNow)
	folder := t.TempDir()
	var stages []string
	res, err := st.Backup(System, folder, func(p BackupProgress) {
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Verified || res.Size == 0 || res.Info.Records == 0 || res.Info.House == "" {
		t.Fatalf("result %+v", res)
	}
	if strings.Join(stages, ",") != "Writing,Checking" {
		t.Errorf("progress stages %v", stages)
	}
	want := dumpStore(t, st) // after the backup: includes its record
	recs, _ := st.LastBackups()
	if r := recs[folder]; !r.Good() || !r.LastGood.Equal(backupNow) || r.File != filepath.Base(res.Path) || r.Size != res.Size {
		t.Errorf("recorded %+v", r)
	}

	b, err := OpenBackupFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Unlock(loginNamed(t, b.Logins(), DemoManager).ID, "not the passcode"); !errors.Is(err, ErrWrongPasscode) {
		t.Fatalf("wrong passcode: %v", err)
	}
	k, err := b.Unlock(loginNamed(t, b.Logins(), DemoManager).ID, DemoPasscode)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	rep, err := RestoreBackup(b, k, dir, nil, WithKDF(DemoKDF))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != res.Info.Records || len(rep.Managers) == 0 || len(rep.NotInBackup) != 0 {
		t.Errorf("report %+v", rep)
	}
	restored := openRestored(t, dir, DemoManager, DemoPasscode)
	if check, err := restored.CheckStore(nil); err != nil || !check.OK() {
		t.Fatalf("the restored store does not check clean: %v %v", err, check.Problems)
	}
	got := dumpStore(t, restored)
	// The restored store lacks only what was written after the snapshot:
	// the backup's own record and its audit entry.
	for key, v := range got {
		if w, ok := want[key]; !ok || !bytes.Equal(w, v) {
			t.Errorf("%s differs after restore", key)
		}
	}
	extra := 0
	for key := range want {
		if _, ok := got[key]; !ok {
			extra++
			if !strings.HasPrefix(key, pfxBackupLast) && !strings.HasPrefix(key, pfxAudit) {
				t.Errorf("%s was not restored", keyKind(key))
			}
		}
	}
	if extra != 2 || len(got) != res.Info.Records {
		t.Errorf("restored %d records of %d (backup said %d)", len(got), len(want), res.Info.Records)
	}
}

func TestRestoreRecoveryKeyAndTargets(t *testing.T) {
	v, err := OpenVault(t.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return backupNow }))
	if err != nil {
		t.Fatal(err)
	}
	h := DefaultHouse()
	h.Name = "Elm House"
	h.Beds, _ = ParseBeds("Room 1: A, B")
	st, recovery, err := v.Create(h, NewManager{Name: "Sam", Passcode: "long enough", Confirm: "long enough"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close(); v.Close() }()
	res, err := st.Backup(System, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := OpenBackupFile(res.Path)
	if _, err := b.UnlockRecovery("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"); !errors.Is(err, ErrWrongPasscode) {
		t.Fatalf("wrong recovery key: %v", err)
	}
	k, err := b.UnlockRecovery(strings.ToLower(recovery))
	if err != nil {
		t.Fatal(err)
	}
	info, err := b.Info(k)
	if err != nil || info.House != "Elm House" || info.Counts["mgr"] != 1 {
		t.Fatalf("info %+v %v", info, err)
	}
	// Never over files: a live store, or any folder with something in it.
	if _, err := RestoreBackup(b, k, v.Dir(), nil); !errors.Is(err, ErrRestoreTarget) {
		t.Errorf("restore over the live store: %v", err)
	}
	busy := t.TempDir()
	os.WriteFile(filepath.Join(busy, "notes.txt"), []byte("mine"), 0o600)
	if _, err := RestoreBackup(b, k, busy, nil); !errors.Is(err, ErrRestoreTarget) {
		t.Errorf("restore into a folder with files: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(busy, "notes.txt")); string(b) != "mine" {
		t.Error("a refused restore touched the folder")
	}
	empty := t.TempDir()
	if _, err := RestoreBackup(b, k, empty, nil, WithKDF(DemoKDF)); err != nil {
		t.Fatalf("restore into an empty folder: %v", err)
	}
	rv, _ := OpenVault(empty)
	defer rv.Close()
	rs, err := rv.UnlockRecovery(recovery)
	if err != nil {
		t.Fatalf("the restored house does not open with the recovery key: %v", err)
	}
	rs.Close()
}

// A backup made before a manager was added opens with that manager's
// passcode once the next backup has sealed the older files again; the
// restore says the manager is not in it.
func TestBackupResealedForNewManager(t *testing.T) {
	st := emptyHouseAt(t, backupNow, "Room 1: A")
	folder := t.TempDir()
	first, err := st.Backup(System, folder, nil)
	if err != nil {
		t.Fatal(err)
	}
	sam, _ := st.Managers()
	st.SetSession(sam[0])
	if _, err := st.AddManager(ByManager(sam[0]), NewManager{Name: "Jo Park", Passcode: "another long one", Confirm: "another long one"}); err != nil {
		t.Fatal(err)
	}
	b, _ := OpenBackupFile(first.Path)
	for _, l := range b.Logins() {
		if l.Name == "Jo Park" {
			t.Fatal("the old backup knows Jo before any new backup")
		}
	}
	st.now = func() time.Time { return backupNow.Add(24 * time.Hour) } // the next night: the first is kept
	second, err := st.Backup(System, folder, nil)
	if err != nil {
		t.Fatal(err)
	}
	if second.Resealed != 1 {
		t.Errorf("resealed %d older backups", second.Resealed)
	}
	b, err = OpenBackupFile(first.Path)
	if err != nil {
		t.Fatal(err)
	}
	k, err := b.Unlock(loginNamed(t, b.Logins(), "Jo Park").ID, "another long one")
	if err != nil {
		t.Fatalf("Jo cannot open the older backup: %v", err)
	}
	if _, err := b.Check(k, nil); err != nil {
		t.Fatalf("resealed file: %v", err)
	}
	rep, err := RestoreBackup(b, k, filepath.Join(t.TempDir(), "r"), nil, WithKDF(DemoKDF))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rep.NotInBackup, ",") != "Jo Park" || strings.Join(rep.Managers, ",") != "Sam" {
		t.Errorf("managers in %v, not in %v", rep.Managers, rep.NotInBackup)
	}
}

func TestDamagedBackupRefused(t *testing.T) {
	st := demoAt(t, backupNow)
	res, err := st.Backup(System, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(res.Path)
	id := loginNamed(t, func() []Login { b, _ := OpenBackupFile(res.Path); return b.Logins() }(), DemoManager).ID
	try := func(name string, content []byte) error {
		p := filepath.Join(t.TempDir(), "b"+backupExt)
		os.WriteFile(p, content, 0o600)
		b, err := OpenBackupFile(p)
		if err != nil {
			return err
		}
		k, err := b.Unlock(id, DemoPasscode)
		if err != nil {
			return err
		}
		target := filepath.Join(t.TempDir(), "r")
		_, err = RestoreBackup(b, k, target, nil, WithKDF(DemoKDF))
		if err != nil {
			if entries, _ := os.ReadDir(target); len(entries) > 1 { // the lock file may stay
				t.Errorf("%s: a refused restore left %d files", name, len(entries))
			}
		}
		return err
	}
	for _, cut := range []int{10, 100, len(orig) / 2, len(orig) - 20, len(orig) - 1} {
		err := try("truncated", orig[:cut])
		if err == nil || !errors.Is(err, ErrBackupDamaged) && !strings.Contains(err.Error(), "not a Porchlight backup") {
			t.Errorf("cut at %d: %v", cut, err)
		}
	}
	for _, at := range []int{len(backupMagic) + 10, len(orig) / 3, len(orig) / 2} {
		flipped := bytes.Clone(orig)
		flipped[at] ^= 0x04
		err := try("flipped", flipped)
		if !errors.Is(err, ErrBackupDamaged) || !strings.Contains(err.Error(), "damaged") {
			t.Errorf("bit flipped at %d: %v", at, err)
		}
	}
	if err := try("intact", orig); err != nil {
		t.Errorf("the intact file: %v", err)
	}
	if err := try("other", []byte("name,phone\nAna,555\n")); err == nil || !strings.Contains(err.Error(), "not a Porchlight backup") {
		t.Errorf("a CSV file: %v", err)
	}
}

func TestBackupFolderMissing(t *testing.T) {
	st := emptyHouseAt(t, backupNow, "Room 1: A")
	gone := filepath.Join(t.TempDir(), "usb")
	_, err := st.Backup(System, gone, nil)
	if !errors.Is(err, ErrBackupFolderMissing) || !strings.Contains(err.Error(), "USB stick") {
		t.Fatalf("missing folder: %v", err)
	}
	if exists(gone) {
		t.Error("the missing folder was created")
	}
	recs, _ := st.LastBackups()
	if r := recs[gone]; r.Good() || r.Problem == "" {
		t.Errorf("recorded %+v", r)
	}
	if e := folderError("/x", &os.PathError{Op: "write", Path: "/x/f", Err: errNoSpace}); !errors.Is(e, ErrBackupFolderFull) {
		t.Errorf("full disk: %v", e)
	}
}

// A backup taken while the kiosk signs people in and out restores to a
// store whose indexes agree.
func TestBackupWhileWriting(t *testing.T) {
	st := demoAt(t, backupNow)
	res, _ := st.ActiveResidents()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r := res[0]
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				st.SignOut(KioskActor(r), r.ID, DestErrand, "", time.Time{})
			} else {
				st.SignIn(KioskActor(r), r.ID)
			}
		}
	}()
	out, err := st.Backup(System, t.TempDir(), nil)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := OpenBackupFile(out.Path)
	k, _ := b.Unlock(loginNamed(t, b.Logins(), DemoManager).ID, DemoPasscode)
	if _, err := RestoreBackup(b, k, filepath.Join(t.TempDir(), "r"), nil, WithKDF(DemoKDF)); err != nil {
		t.Fatalf("restore of a backup taken during writes: %v", err)
	}
}

func TestBackupSettingsSaved(t *testing.T) {
	st := emptyHouseAt(t, backupNow, "Room 1: A")
	got, _ := st.BackupSettings()
	if got.At != (ClockTime{3, 0}) || got.Keep != (Retention{7, 4, 12}) || len(got.Folders) != 0 {
		t.Errorf("defaults %+v", got)
	}
	bad := BackupSettings{Folders: []string{"relative/usb"}, At: ClockTime{25, 0}, Keep: Retention{-1, 0, 0}}
	var v ValidationError
	if !errors.As(st.SaveBackupSettings(System, bad), &v) || v.For("Folders") == "" || v.For("Time") == "" || v.For("Daily") == "" {
		t.Errorf("bad settings: %v", v)
	}
	good := BackupSettings{Folders: []string{"/media/usb/"}, At: ClockTime{2, 30}, Keep: Retention{3, 2, 6}}
	if err := st.SaveBackupSettings(System, good); err != nil {
		t.Fatal(err)
	}
	got, _ = st.BackupSettings()
	if got.Folders[0] != "/media/usb" || got.At != (ClockTime{2, 30}) || got.Keep != (Retention{3, 2, 6}) {
		t.Errorf("saved %+v", got)
	}
}

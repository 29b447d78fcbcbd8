package data

import (
	"os"
	"path/filepath"
	"testing"
)

// A backup compresses its records (and says so in its header, bound to the
// sealed info), and one written before backups were compressed still opens
// and restores: testdata/backup-v1-uncompressed.plbackup is the demo house
// as backed up by the version before (every passcode "porchlight").
func TestBackupCompressedAndOldFilesRestore(t *testing.T) {
	st := demoAt(t, backupNow)
	res, err := st.Backup(System, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenBackupFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if b.hdr.Compression != compressZstd {
		t.Fatalf("compression %q", b.hdr.Compression)
	}
	old, err := os.Stat(filepath.Join("testdata", "backup-v1-uncompressed.plbackup"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Size*3 > old.Size() {
		t.Errorf("compressed demo backup %d bytes, the uncompressed one %d", res.Size, old.Size())
	}

	b, err = OpenBackupFile(filepath.Join("testdata", "backup-v1-uncompressed.plbackup"))
	if err != nil {
		t.Fatal(err)
	}
	if b.hdr.Compression != "" {
		t.Fatalf("old file says compression %q", b.hdr.Compression)
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
	restored := openRestored(t, dir, DemoManager, DemoPasscode)
	if check, err := restored.CheckStore(nil); err != nil || !check.OK() || rep.Records < 500 {
		t.Fatalf("old backup restored %d records: %v %v", rep.Records, err, check.Problems)
	}
	if rs, _ := restored.ActiveResidents(); len(rs) < 10 {
		t.Errorf("%d residents after restoring the old backup", len(rs))
	}
}

// Changing the compression named in a backup's header is caught: the
// sealed info no longer opens.
func TestBackupCompressionBoundToTheSeal(t *testing.T) {
	st := demoAt(t, backupNow)
	res, err := st.Backup(System, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenBackupFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	k, err := b.Unlock(loginNamed(t, b.Logins(), DemoManager).ID, DemoPasscode)
	if err != nil {
		t.Fatal(err)
	}
	b.hdr.Compression = ""
	if _, err := b.Info(k); err == nil {
		t.Fatal("a header stripped of its compression still opened")
	}
}

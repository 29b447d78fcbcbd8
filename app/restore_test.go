package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Restoring from the unlock screen: a wrong passcode is refused at its
// field; the right one shows what the backup holds; restoring switches the
// records in and keeps the ones that were here, renamed.
func TestRestoreFromABackupInTheApp(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	if _, err := u.store.AddResident(u.actor(), data.Resident{First: "Ana", Last: "Lopez", BedID: h.Beds[0].ID, MoveIn: u.store.Today()}); err != nil {
		t.Fatal(err)
	}
	backups := t.TempDir()
	res, err := u.store.Backup(u.actor(), backups, nil)
	if err != nil {
		t.Fatal(err)
	}
	// a change after the backup, which the restore takes away
	if _, err := u.store.AddResident(u.actor(), data.Resident{First: "Bo", Last: "Li", BedID: h.Beds[1].ID, MoveIn: u.store.Today()}); err != nil {
		t.Fatal(err)
	}
	u.store.Close()
	u.store = nil
	u.showUnlock()
	if !hasText(u, "Restore from a backup…") {
		t.Fatal("the unlock screen offers no restore")
	}
	b, err := data.OpenBackupFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	u.unlockBackup(b)
	field[*widget.Entry](t, u, fieldRestoreCode).SetText("not the passcode")
	test.Tap(findButton(t, u, "Open it"))
	if messageAt(t, u, fieldRestoreCode) == "" {
		t.Fatal("a wrong passcode was not refused at its field")
	}
	field[*widget.Entry](t, u, fieldRestoreCode).SetText("long enough")
	test.Tap(findButton(t, u, "Open it"))
	if !strings.Contains(strings.Join(textsIn(u.win.Canvas().Overlays().Top()), " "), "Cedar House as it was on") {
		t.Fatalf("the backup's contents are not shown: %q", textsIn(u.win.Canvas().Overlays().Top()))
	}
	dir := u.vault.Dir()
	test.Tap(findButton(t, u, "Restore"))
	kept, _ := filepath.Glob(dir + ".before-restore-*")
	if len(kept) != 1 {
		t.Fatalf("the records that were here are not kept: %v", kept)
	}
	if _, err := os.Stat(filepath.Join(kept[0], "keyring.json")); err != nil {
		t.Fatalf("the kept folder lost its keyring: %v", err)
	}
	st, err := u.vault.Unlock(u.vault.Logins()[0].ID, "long enough")
	if err != nil {
		t.Fatalf("the restored house does not open: %v", err)
	}
	defer st.Close()
	rs, _ := st.Residents()
	if len(rs) != 1 || rs[0].First != "Ana" {
		t.Fatalf("residents after the restore: %+v", rs)
	}
}

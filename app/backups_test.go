package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"porchlight/data"
)

// The dashboard warns until a backup folder is set; "Back up now" writes a
// verified backup in the background and the tab shows it; a folder that
// is gone (USB stick pulled) is named on the dashboard.
func TestBackupsTabAndDashboardWarning(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	if !hasText(u, "Backups are not set up") {
		t.Error("no dashboard warning without a backup folder")
	}
	usb := t.TempDir()
	set, _ := u.store.BackupSettings()
	set.Folders = []string{usb}
	if err := u.store.SaveBackupSettings(data.System, set); err != nil {
		t.Fatal(err)
	}
	meetingSection(t, u, "Settings")
	selectTab(t, u, "Backups")
	if !hasText(u, usb) || !hasText(u, "No backup yet") || !hasText(u, "Next automatic backup:") {
		t.Fatal("the Backups tab does not list the folder")
	}
	b := findButton(t, u, "Back up now")
	b.OnTapped()
	waitFor(t, func() bool {
		done := false
		fyne.DoAndWait(func() { done = !u.runner().running && hasText(u, "verified") })
		return done
	})
	files, _ := filepath.Glob(filepath.Join(usb, "*.plbackup"))
	if len(files) != 1 {
		t.Fatalf("backup files: %v", files)
	}
	if hasText(u, "failed") {
		t.Error("the tab shows a failure")
	}

	// Pull the stick: the dashboard names the folder.
	os.RemoveAll(usb)
	meetingSection(t, u, "Dashboard")
	if !hasText(u, "is not there") {
		t.Error("no warning for a missing backup folder")
	}
}

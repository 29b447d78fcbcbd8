package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Restore from a backup, offered where the house's records are opened: the
// unlock screen, and setup on a new computer. Choose the backup file, unlock
// it with a manager's passcode or the recovery key, see what it holds, and
// restore it: into a new folder first, checked, then switched in. The
// records that were here are kept, renamed, never deleted.

const (
	fieldRestoreWho  = "Who"
	fieldRestoreCode = "Passcode or recovery key"
	restoreRecovery  = "The recovery key"
)

// chooseBackup asks for the backup file.
func (u *UI) chooseBackup() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showProblem("The backup could not be opened", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		b, err := data.OpenBackupFile(path)
		if err != nil {
			u.showProblem("This is not a backup Porchlight can open", err)
			return
		}
		u.unlockBackup(b)
	}, u.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".plbackup"}))
	u.showModal(fd, fyne.NewSize(760, 520))
}

// unlockBackup asks who is restoring and their passcode (or the recovery
// key), then shows what the backup holds.
func (u *UI) unlockBackup(b *data.BackupFile) {
	f := newForm()
	logins := b.Logins()
	var names []string
	for _, l := range logins {
		names = append(names, l.Name)
	}
	names = append(names, restoreRecovery)
	who := widget.NewSelect(names, nil)
	who.SetSelectedIndex(0)
	code := newPassword("")
	f.add(fieldRestoreWho, who)
	f.add(fieldRestoreCode, code)
	intro := fmt.Sprintf("A backup made %s. It opens with the passcode of a manager it holds, or with the house's recovery key.",
		b.Created().Local().Format("Mon 2 Jan 2006 at 15:04"))
	var d *formDialog
	d = u.newFormDialog("Restore from a backup", "Open it", intro, f, func() {
		var k data.BackupKey
		var err error
		if i := who.SelectedIndex(); i >= 0 && i < len(logins) {
			k, err = b.Unlock(logins[i].ID, code.Text)
		} else {
			k, err = b.UnlockRecovery(code.Text)
		}
		if errors.Is(err, data.ErrWrongPasscode) {
			f.show(data.ValidationError{{Field: fieldRestoreCode, Msg: "that does not open this backup; check it and try again"}})
			return
		}
		if f.show(err) {
			return
		}
		info, err := b.Info(k)
		if f.show(err) {
			return
		}
		d.close()
		u.confirmRestore(b, k, info)
	})
	submitOnEnter(d.submit, code)
	d.first = code
	d.open(520)
}

// confirmRestore says what the backup holds and what will happen to the
// records here, then restores.
func (u *UI) confirmRestore(b *data.BackupFile, k data.BackupKey, info data.BackupInfo) {
	var who []string
	for _, m := range info.Managers {
		who = append(who, m.Name)
	}
	msg := fmt.Sprintf("%s as it was on %s: %s. Managers who can log in after: %s.\n\n"+
		"The records on this computer now are kept, renamed to %s, and nothing is deleted.",
		info.House, info.Created.Local().Format("Mon 2 Jan 2006 at 15:04"), countNoun(info.Records, "record"),
		strings.Join(who, ", "), restoreKeepName(u.vault.Dir(), time.Now()))
	u.confirmAction("Restore this backup?", msg, "Restore", func() { u.restore(b, k) })
}

// restoreKeepName is where the records that were here are kept.
func restoreKeepName(dir string, now time.Time) string {
	return dir + ".before-restore-" + now.Format("20060102-150405")
}

// restore restores beside the records folder, then swaps it in and shows
// the unlock screen of the restored house.
func (u *UI) restore(b *data.BackupFile, k data.BackupKey) {
	dir, now := u.vault.Dir(), time.Now()
	staging := dir + ".restoring-" + now.Format("20060102-150405")
	rep, err := data.RestoreBackup(b, k, staging, nil)
	if err != nil {
		u.showProblem("The backup was not restored", err)
		return
	}
	if err := u.swapIn(dir, staging, restoreKeepName(dir, now)); err != nil {
		u.showProblem("The backup was restored but not switched in", fmt.Errorf("%w; it is in %s", err, staging))
		return
	}
	u.showUnlock()
	msg := fmt.Sprintf("%s is restored (%s checked). Log in with a manager's passcode.", rep.Info.House, countNoun(rep.Records, "record"))
	if len(rep.NotInBackup) > 0 {
		msg += " Not in this backup (added later): " + strings.Join(rep.NotInBackup, ", ") + "."
	}
	u.showInfo("Backup restored", msg)
}

// swapIn closes the records folder, keeps it under keep, moves the
// restored folder into its place and opens it.
func (u *UI) swapIn(dir, restored, keep string) error {
	if u.store != nil {
		_ = u.store.Close()
		u.store = nil
	}
	_ = u.vault.Close()
	if err := os.Rename(dir, keep); err != nil {
		return u.reopen(dir, fmt.Errorf("keep the records that were here: %w", err))
	}
	if err := os.Rename(restored, dir); err != nil {
		_ = os.Rename(keep, dir) // put the old records back
		return u.reopen(dir, fmt.Errorf("move the restored records in: %w", err))
	}
	return u.reopen(dir, nil)
}

// reopen opens the records folder again and hands back cause.
func (u *UI) reopen(dir string, cause error) error {
	v, err := data.OpenVault(dir)
	if err != nil {
		return errors.Join(cause, err)
	}
	u.vault = v
	return cause
}

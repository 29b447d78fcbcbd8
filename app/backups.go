package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"porchlight/data"
)

// Backups: Settings → Backups (folders, time, retention, "Back up now"),
// a warning line on the dashboard, and the automatic backups. A backup
// runs on its own goroutine and reports back through fyne.Do, so the
// kiosk never waits for it; the runner's fields are touched only on the
// UI goroutine.

// backupRunner is the state of the background backups.
type backupRunner struct {
	running   bool
	progress  data.BackupProgress
	folder    string    // the folder being written now
	lastCheck time.Time // when the schedule was last looked at
	problems  []string  // what went wrong in the last run
	onChange  func()    // the open Backups tab redraws
}

// runner returns the UI's backup runner, made on first use.
func (u *UI) runner() *backupRunner {
	if u.backups == nil {
		u.backups = &backupRunner{}
	}
	return u.backups
}

// backupTick runs on the UI goroutine every few seconds: once a minute it
// starts the nightly backup when it is due.
func (u *UI) backupTick() {
	r := u.runner()
	if u.store == nil || r.running || time.Since(r.lastCheck) < time.Minute {
		return
	}
	r.lastCheck = time.Now()
	set, recs, err := u.backupState()
	if err == nil && data.BackupDue(u.store.Now(), data.LastBackupAttempt(recs), set) {
		u.startBackup(set.Folders, data.System)
	}
}

// backupAfterChanges starts a backup when a manager logs out after
// changing something since the last backup.
func (u *UI) backupAfterChanges() {
	if u.store == nil || u.runner().running {
		return
	}
	set, recs, err := u.backupState()
	if err != nil || len(set.Folders) == 0 {
		return
	}
	if changed, err := u.store.ChangedSince(data.LastBackupAttempt(recs)); err == nil && changed {
		u.startBackup(set.Folders, data.System)
	}
}

func (u *UI) backupState() (data.BackupSettings, map[string]data.BackupRecord, error) {
	set, err := u.store.BackupSettings()
	if err != nil {
		return set, nil, err
	}
	recs, err := u.store.LastBackups()
	return set, recs, err
}

// startBackup writes a backup to each folder in the background.
func (u *UI) startBackup(folders []string, by data.Actor) {
	r := u.runner()
	if r.running || len(folders) == 0 {
		return
	}
	r.running, r.problems, r.progress = true, nil, data.BackupProgress{}
	r.changed()
	st := u.store
	folders = slices.Clone(folders)
	go func() {
		var problems []string
		defer func() {
			if p := recover(); p != nil { // the store closed under us
				problems = append(problems, fmt.Sprint("the backup stopped: ", p))
			}
			fyne.Do(func() { r.running, r.folder, r.problems = false, "", problems; r.changed() })
		}()
		for _, f := range folders {
			fyne.Do(func() { r.folder = f; r.changed() })
			_, err := st.Backup(by, f, func(p data.BackupProgress) {
				fyne.Do(func() { r.progress = p; r.changed() })
			})
			if err != nil {
				problems = append(problems, err.Error())
			}
		}
	}()
}

func (r *backupRunner) changed() {
	if r.onChange != nil {
		r.onChange()
	}
}

// folderThere reports whether a backup folder can be reached now.
func folderThere(f string) bool {
	st, err := os.Stat(f)
	return err == nil && st.IsDir()
}

// backupWarning is the dashboard's line about backups, empty when all is
// well.
func (u *UI) backupWarning() fyne.CanvasObject {
	box := container.NewVBox()
	set, recs, err := u.backupState()
	if err != nil {
		return box
	}
	for _, w := range data.BackupWarnings(u.store.Now(), set, recs, folderThere) {
		l := widget.NewLabelWithStyle("⚠ "+w, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// backupSettings is the Settings → Backups tab.
func (u *UI) backupSettings() fyne.CanvasObject {
	set, err := u.store.BackupSettings()
	if err != nil {
		return errorCard("Backups", err)
	}
	r := u.runner()
	folders := slices.Clone(set.Folders)
	var recs map[string]data.BackupRecord

	list := container.NewVBox()
	f := newForm()
	at := newEntry("03:00")
	daily, weekly, monthly := newEntry("7"), newEntry("4"), newEntry("12")
	at.SetText(set.At.String())
	daily.SetText(strconv.Itoa(set.Keep.Daily))
	weekly.SetText(strconv.Itoa(set.Keep.Weekly))
	monthly.SetText(strconv.Itoa(set.Keep.Monthly))
	saved := widget.NewLabel("")
	bar := widget.NewProgressBar()
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	next := widget.NewLabel("")
	now := widget.NewButtonWithIcon("Back up now", theme.UploadIcon(), nil)

	var redraw func()
	save := func() bool {
		saved.SetText("")
		var v data.ValidationError
		n := set
		n.Folders = slices.Clone(folders)
		n.At = parseClockField(&v, "Time", at.Text)
		n.Keep.Daily = intField(&v, "Daily", daily.Text)
		n.Keep.Weekly = intField(&v, "Weekly", weekly.Text)
		n.Keep.Monthly = intField(&v, "Monthly", monthly.Text)
		if err := v.Err(); err != nil {
			f.show(err)
			return false
		}
		if f.show(u.store.SaveBackupSettings(u.actor(), n)) {
			return false
		}
		set, _ = u.store.BackupSettings()
		folders = slices.Clone(set.Folders)
		saved.SetText("Saved.")
		redraw()
		return true
	}
	redraw = func() {
		recs, _ = u.store.LastBackups()
		list.RemoveAll()
		if len(folders) == 0 {
			list.Add(widget.NewLabel("No backup folder yet. Add a USB stick, a synced folder or a network folder."))
		}
		for _, folder := range folders {
			remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() {
				u.confirmAction("Remove backup folder", "Stop backing up to "+folder+"? The backups already there are kept.", "Remove", func() {
					folders = slices.DeleteFunc(folders, func(x string) bool { return x == folder })
					save()
				})
			})
			line := widget.NewLabel(folder + "\n" + backupLine(folder, recs[filepath.Clean(folder)]))
			line.Wrapping = fyne.TextWrapWord
			list.Add(container.NewBorder(nil, nil, nil, remove, line))
		}
		next.SetText("")
		if len(set.Folders) > 0 {
			next.SetText("Next automatic backup: " + data.NextBackupAt(u.store.Now(), set).Format("Mon 2 Jan 15:04") +
				", and when a manager logs out after changes.")
		}
		u.showRunner(r, bar, status, now)
	}
	add := widget.NewButtonWithIcon("Add folder…", theme.FolderOpenIcon(), func() {
		dialog.ShowFolderOpen(func(uri fyne.ListableURI, err error) {
			if err != nil || uri == nil {
				return
			}
			p := uri.Path()
			if !slices.Contains(folders, filepath.Clean(p)) {
				folders = append(folders, p)
				if !save() {
					folders = folders[:len(folders)-1]
				}
			}
		}, u.win)
	})
	now.OnTapped = func() {
		if len(set.Folders) == 0 {
			u.showProblem("Back up now", errors.New("add a backup folder first"))
			return
		}
		u.startBackup(set.Folders, u.actor())
	}
	now.Importance = widget.HighImportance
	r.onChange = func() { redraw() }
	redraw()

	f.addHint("Time", "Every night at this time (24-hour HH:MM) while Porchlight runs", at)
	f.addHint("Daily", "Keep the newest backup of each of this many days", daily)
	f.add("Weekly", weekly)
	f.add("Monthly", monthly)
	submitOnEnter(func() { save() }, at, daily, weekly, monthly)
	saveBtn := widget.NewButtonWithIcon("Save backup settings", theme.DocumentSaveIcon(), func() { save() })
	note := widget.NewLabel("Backups are encrypted: they open with any manager's passcode or the recovery key. " +
		"To restore one, see \"Backups\" in the README (porchlight restore).")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(
		heading("Backup folders"), list, container.NewHBox(add),
		widget.NewSeparator(), f.Form, f.general, container.NewHBox(saveBtn, saved),
		widget.NewSeparator(), next, container.NewHBox(now), bar, status, note))
}

// showRunner shows the background backup's progress.
func (u *UI) showRunner(r *backupRunner, bar *widget.ProgressBar, status *widget.Label, now *widget.Button) {
	switch {
	case r.running:
		now.Disable()
		bar.Show()
		bar.SetValue(r.progress.Fraction())
		what := "Starting"
		if r.progress.Stage != "" {
			what = fmt.Sprintf("%s: %d records", r.progress.Stage, r.progress.Done)
		}
		status.SetText("Backing up to " + r.folder + " · " + what)
	default:
		now.Enable()
		bar.Hide()
		status.SetText(strings.Join(r.problems, "\n"))
	}
}

// backupLine is one folder's last backup, in words.
func backupLine(folder string, rec data.BackupRecord) string {
	var parts []string
	if !folderThere(folder) {
		parts = append(parts, "Not there now (is the USB stick plugged in?)")
	}
	switch {
	case rec.At.IsZero():
		parts = append(parts, "No backup yet")
	case rec.Good():
		parts = append(parts, fmt.Sprintf("Last backup %s · %s · verified", rec.At.Format("Mon 2 Jan 15:04"), fileSize(rec.Size)))
	default:
		parts = append(parts, fmt.Sprintf("The backup of %s failed: %s", rec.At.Format("Mon 2 Jan 15:04"), rec.Problem))
		if !rec.LastGood.IsZero() {
			parts = append(parts, fmt.Sprintf("Last good backup %s · %s · verified", rec.LastGood.Format("Mon 2 Jan 15:04"), fileSize(rec.LastGoodSize)))
		}
	}
	return strings.Join(parts, "\n")
}

// fileSize is "1.2 MB".
func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// intField reads a whole number for a form field.
func intField(v *data.ValidationError, field, s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		*v = append(*v, data.FieldError{Field: field, Msg: "enter a whole number"})
	}
	return n
}

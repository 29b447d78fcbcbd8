package data

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

var errNoSpace = syscall.ENOSPC

func TestRetentionOverAYear(t *testing.T) {
	keep := Retention{Daily: 7, Weekly: 4, Monthly: 12}
	var kept []time.Time
	start := time.Date(2025, 1, 1, 3, 0, 0, 0, time.UTC)
	for d := 0; d < 365; d++ {
		kept = append(kept, start.AddDate(0, 0, d))
		if d%3 == 0 { // a few days also have a manual backup in the afternoon
			kept = append(kept, start.AddDate(0, 0, d).Add(12*time.Hour))
		}
		var next []time.Time
		for i, k := range RetainBackups(kept, keep) {
			if k {
				next = append(next, kept[i])
			}
		}
		kept = next
	}
	var got []string
	for _, k := range kept {
		got = append(got, k.Format("01-02 15"))
	}
	slices.Sort(got)
	want := []string{
		"01-31 15", "02-28 03", "03-31 03", "04-30 03", "05-31 15", "06-30 15", "07-31 03", "08-31 03",
		"09-30 03", "10-31 15", "11-30 15", // monthly: each month's newest
		"12-14 03", "12-21 15", // weekly: each Sunday's newest (Dec 28 is daily too)
		"12-25 03", "12-26 03", "12-27 15", "12-28 03", "12-29 03", "12-30 15", "12-31 03", // daily; Dec 31 is also this week's and month's
	}
	if !slices.Equal(got, want) {
		t.Errorf("kept %d:\n%v\nwant %d:\n%v", len(got), got, len(want), want)
	}
}

func TestPruneOnlyOwnFiles(t *testing.T) {
	dir := t.TempDir()
	id := "abcd1234abcd1234"
	start := time.Date(2026, 1, 1, 3, 0, 0, 0, time.Local)
	for d := 0; d < 40; d++ {
		os.WriteFile(filepath.Join(dir, backupName(id, start.AddDate(0, 0, d))), []byte(backupMagic+"x"), 0o600)
	}
	others := []string{
		backupName("ffff0000ffff0000", start), // another house's backup
		"porchlight-" + id + "-notadate" + backupExt,
		"holiday.jpg",
	}
	for _, n := range others {
		os.WriteFile(filepath.Join(dir, n), []byte("keep me"), 0o600)
	}
	// Named like ours, but not a backup inside: never removed.
	fake := backupName(id, start.AddDate(0, 0, -60))
	os.WriteFile(filepath.Join(dir, fake), []byte("keep me"), 0o600)

	removed := pruneBackups(dir, id, Retention{Daily: 3, Weekly: 0, Monthly: 2}, time.Local)
	if len(removed) != 36 {
		t.Errorf("removed %d: %v", len(removed), removed)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	wantLeft := append(others, fake,
		backupName(id, start.AddDate(0, 0, 30)), // Jan 31: January's newest
		backupName(id, start.AddDate(0, 0, 37)), backupName(id, start.AddDate(0, 0, 38)), backupName(id, start.AddDate(0, 0, 39)))
	slices.Sort(left)
	slices.Sort(wantLeft)
	if !slices.Equal(left, wantLeft) {
		t.Errorf("left\n%v\nwant\n%v", left, wantLeft)
	}
}

func TestBackupDueBoundaries(t *testing.T) {
	set := DefaultBackupSettings()
	set.Folders = []string{"/media/usb"}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04:05", s, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		now, last string
		due       bool
	}{
		{"2026-03-16 02:59:59", "2026-03-15 03:00:00", false}, // before tonight's time
		{"2026-03-16 03:00:00", "2026-03-15 03:00:00", true},  // exactly at it
		{"2026-03-16 03:00:00", "2026-03-16 03:00:00", false}, // just done
		{"2026-03-16 09:00:00", "2026-03-15 03:00:05", true},  // the computer was off at 03:00
		{"2026-03-16 09:00:00", "2026-03-16 03:00:05", false},
		{"2026-03-16 02:00:00", "2026-03-15 02:59:59", true}, // last night's run was missed
		{"2026-03-16 02:00:00", "0001-01-01 00:00:00", true}, // never backed up
	}
	for _, c := range cases {
		if got := BackupDue(at(c.now), at(c.last), set); got != c.due {
			t.Errorf("now %s last %s: due %v", c.now, c.last, got)
		}
	}
	if BackupDue(at("2026-03-16 09:00:00"), time.Time{}, DefaultBackupSettings()) {
		t.Error("due with no folder")
	}
	if n := NextBackupAt(at("2026-03-16 03:00:00"), set); n != at("2026-03-17 03:00:00") {
		t.Errorf("next after 03:00 is %v", n)
	}
	if n := NextBackupAt(at("2026-03-16 02:59:00"), set); n != at("2026-03-16 03:00:00") {
		t.Errorf("next before 03:00 is %v", n)
	}
}

// Run the schedule minute by minute across both clock changes: one backup
// each night, none skipped, none doubled.
func TestBackupScheduleAcrossDST(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data")
	}
	for _, clock := range []ClockTime{{2, 30}, {1, 30}, {3, 0}} {
		set := DefaultBackupSettings()
		set.Folders, set.At = []string{"/b"}, clock
		for _, start := range []time.Time{
			time.Date(2026, 3, 6, 12, 0, 0, 0, loc),   // clocks go forward on 8 March
			time.Date(2026, 10, 30, 12, 0, 0, 0, loc), // and back on 1 November
		} {
			last := start
			runs := map[string]int{}
			for now := start; now.Before(start.Add(5 * 24 * time.Hour)); now = now.Add(time.Minute) {
				if BackupDue(now, last, set) {
					last = now
					runs[now.Format("01-02")]++
				}
			}
			if len(runs) != 5 {
				t.Errorf("%v from %v: runs on %v", clock, start.Format("01-02"), runs)
			}
			for d, n := range runs {
				if n != 1 {
					t.Errorf("%v: %d runs on %s", clock, n, d)
				}
			}
		}
	}
}

func TestBackupWarnings(t *testing.T) {
	now := time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	set := DefaultBackupSettings()
	if w := BackupWarnings(now, set, nil, nil); len(w) != 1 || !strings.Contains(w[0], "not set up") {
		t.Errorf("no folders: %v", w)
	}
	set.Folders = []string{"/usb", "/share", "/new"}
	recs := map[string]BackupRecord{
		"/usb":   {Folder: "/usb", LastGood: now.Add(-47 * time.Hour)},
		"/share": {Folder: "/share", LastGood: now.Add(-49 * time.Hour)},
	}
	there := func(f string) bool { return f != "/usb" }
	w := BackupWarnings(now, set, recs, there)
	if len(w) != 3 || !strings.Contains(w[0], "/new") || !strings.Contains(w[1], "/share is from Sat 14 Mar") || !strings.Contains(w[2], "/usb is not there") {
		t.Errorf("warnings %q", w)
	}
	w = BackupWarnings(now, set, recs, func(string) bool { return true })
	if len(w) != 2 {
		t.Errorf("with the stick in: %q", w)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupRestoreCommands(t *testing.T) {
	dir := initHouse(t)
	csvIn := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csvIn, []byte("First,Last,Move-in,Bed\nAna,Lopez,2025-01-10,Room 1 A\n"), 0o600)
	runBin(t, pass, "import", "residents", csvIn, "--data", dir, "--passcode-stdin").must(t, 0)

	usb := t.TempDir()
	r := runBin(t, pass, "backup", "--data", dir, "--to", usb, "--passcode-stdin").must(t, 0)
	file := strings.TrimSpace(r.stdout)
	if filepath.Dir(file) != usb || !strings.HasSuffix(file, ".plbackup") || !strings.Contains(r.stderr, "checked after writing") {
		t.Fatalf("backup printed %q / %q", r.stdout, r.stderr)
	}

	// A wrong passcode, a folder with files, a damaged file: one clear line each.
	target := filepath.Join(t.TempDir(), "restored")
	r = runBin(t, "not the passcode\n", "restore", "--from", file, "--data", target, "--passcode-stdin").must(t, 1)
	if !strings.Contains(r.stderr, "wrong passcode for Sam Núñez") {
		t.Errorf("wrong passcode: %s", r.stderr)
	}
	r = runBin(t, pass, "restore", "--from", file, "--data", dir, "--passcode-stdin").must(t, 1)
	if !strings.Contains(r.stderr, "only into an empty or new folder") {
		t.Errorf("over the live store: %s", r.stderr)
	}
	b, _ := os.ReadFile(file)
	cut := filepath.Join(t.TempDir(), "cut.plbackup")
	os.WriteFile(cut, b[:len(b)/2], 0o600)
	r = runBin(t, pass, "restore", "--from", cut, "--data", target, "--passcode-stdin").must(t, 1)
	if !strings.Contains(r.stderr, "damaged or incomplete") || strings.Contains(r.stderr, "goroutine") {
		t.Errorf("cut file: %s", r.stderr)
	}
	r = runBin(t, pass, "backup", "--data", dir, "--to", filepath.Join(usb, "unplugged"), "--passcode-stdin").must(t, 1)
	if !strings.Contains(r.stderr, "is the USB stick plugged in") {
		t.Errorf("missing folder: %s", r.stderr)
	}

	r = runBin(t, pass, "restore", "--from", file, "--data", target, "--manager", "sam nunez", "--passcode-stdin").must(t, 0)
	for _, want := range []string{"Restored Elm House", "1 residents", "every index agrees", "Managers who can log in: Sam Núñez"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("restore said %q, want %q", r.stdout, want)
		}
	}
	r = runBin(t, pass, "export", "residents", "--data", target, "--out", "-", "--passcode-stdin").must(t, 0)
	if !strings.Contains(r.stdout, "Lopez") {
		t.Errorf("restored residents: %s", r.stdout)
	}
	runBin(t, pass, "verify", "--data", target, "--passcode-stdin").must(t, 0)
}

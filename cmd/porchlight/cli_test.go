package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// These tests build the real binary once and run it as a user would.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "porchlight-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "porchlight")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// runBin runs the binary with stdin; LANG is set so Fyne's locale lookup at
// start-up stays quiet.
func runBin(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func (r result) must(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

const pass = "a long passcode\n"

func initHouse(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "house")
	r := runBin(t, pass, "init", "--data", dir, "--house", "Elm House", "--beds", "Room 1: A, B; Room 2: A, B, C",
		"--manager", "Sam Núñez", "--passcode-stdin").must(t, 0)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || len(data.NormalizeRecoveryKey(lines[2])) < 20 {
		t.Fatalf("init printed:\n%s", r.stdout)
	}
	return dir
}

func TestInitImportExportVerify(t *testing.T) {
	dir := initHouse(t)
	csvIn := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csvIn, []byte("\ufeffFirst name;Last name;Move-in date;Room and bed;Phone;Emergency contact\n"+
		"María José;Núñez;2025-03-15;Room 1 – Bed A;+1 555 0101;Rosa (mother) 555-0102\n"+
		"Thanh;Nguyễn;2025-04-01;room 2 - bed c;;\n"), 0o600)
	r := runBin(t, pass, "import", "residents", csvIn, "--data", dir, "--passcode-stdin", "--dry-run").must(t, 0)
	if !strings.Contains(r.stdout, "2 residents would be imported") {
		t.Errorf("dry run said: %s", r.stdout)
	}
	runBin(t, pass, "import", "residents", csvIn, "--data", dir, "--manager", "sam nunez", "--passcode-stdin").must(t, 0)

	out := filepath.Join(t.TempDir(), "residents.csv")
	r = runBin(t, pass, "export", "residents", "--data", dir, "--out", out, "--passcode-stdin").must(t, 0)
	if !strings.Contains(r.stderr, "not encrypted") {
		t.Errorf("no warning that the export is not encrypted: %s", r.stderr)
	}
	b, _ := os.ReadFile(out)
	got := string(b)
	for _, want := range []string{"Núñez", "Room 1 – Bed A", "'+1 555 0101", "Rosa (mother) 555-0102", "Room 2 – Bed C"} {
		if !strings.Contains(got, want) {
			t.Errorf("export lacks %q:\n%s", want, got)
		}
	}
	for _, what := range []string{"signouts", "chores", "meetings"} {
		runBin(t, pass, "export", what, "--data", dir, "--out", filepath.Join(t.TempDir(), what+".csv"), "--passcode-stdin").must(t, 0)
	}

	// The export imports into a second house: same people, same beds.
	dir2 := initHouse(t)
	runBin(t, pass, "import", "residents", out, "--data", dir2, "--passcode-stdin").must(t, 0)
	out2 := filepath.Join(t.TempDir(), "again.csv")
	runBin(t, pass, "export", "residents", "--data", dir2, "--out", out2, "--passcode-stdin").must(t, 0)
	if b2, _ := os.ReadFile(out2); string(b2) != got {
		t.Errorf("round trip changed the residents:\n%s\nthen\n%s", got, b2)
	}

	r = runBin(t, pass, "verify", "--data", dir, "--passcode-stdin").must(t, 0)
	if !strings.Contains(r.stdout, "every index agrees") {
		t.Errorf("verify said: %s", r.stdout)
	}
}

func TestBadImportSavesNothing(t *testing.T) {
	dir := initHouse(t)
	csvIn := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csvIn, []byte("First,Last,Move-in,Bed\nAna,Lopez,2025-01-10,Room 1 A\nBen,Ross,2026-02-29,Room 1 B\n"), 0o600)
	r := runBin(t, pass, "import", "residents", csvIn, "--data", dir, "--passcode-stdin").must(t, 1)
	if !strings.Contains(r.stderr, "line 3, Move-in: 2026-02-29 does not exist") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("stderr: %s", r.stderr)
	}
	r = runBin(t, pass, "export", "residents", "--data", dir, "--out", "-", "--passcode-stdin").must(t, 0)
	if strings.Contains(r.stdout, "Lopez") {
		t.Error("a refused file saved a row")
	}
	runBin(t, pass, "import", "residents", csvIn, "--data", dir, "--passcode-stdin", "--skip-bad").must(t, 0)
	r = runBin(t, pass, "export", "residents", "--data", dir, "--out", "-", "--passcode-stdin").must(t, 0)
	if !strings.Contains(r.stdout, "Lopez") || strings.Contains(r.stdout, "Ross") {
		t.Errorf("after --skip-bad: %s", r.stdout)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"verify"},
		{"init", "--data", t.TempDir()},
		{"export", "--data", t.TempDir(), "--out", "x.csv"},
		{"export", "payroll", "--data", t.TempDir(), "--out", "x.csv"},
		{"import", "residents", "--data", t.TempDir()},
		{"demo", "--data", t.TempDir(), "--years", "0"},
		{"verify", "--data", t.TempDir(), "--no-such-flag"},
	} {
		r := runBin(t, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "usage: porchlight") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
}

func TestWrongPasscodeExits1WithOneLine(t *testing.T) {
	dir := initHouse(t)
	r := runBin(t, "not the passcode\n", "verify", "--data", dir, "--passcode-stdin").must(t, 1)
	if strings.TrimSpace(r.stderr) != "porchlight: wrong passcode for Sam Núñez" {
		t.Errorf("stderr: %q", r.stderr)
	}
	r = runBin(t, "", "verify", "--data", filepath.Join(t.TempDir(), "nowhere"), "--passcode-stdin").must(t, 1)
	if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n != 0 || !strings.Contains(r.stderr, "no house records in") {
		t.Errorf("missing folder: %q", r.stderr)
	}
	r = runBin(t, "", "verify", "--data", dir).must(t, 1)
	if !strings.Contains(r.stderr, "--passcode-stdin") {
		t.Errorf("no terminal: %q", r.stderr)
	}
}

func TestAlreadyOpenExits1(t *testing.T) {
	dir := initHouse(t)
	v, err := data.OpenVault(dir) // holds the folder's lock, as the app does
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	r := runBin(t, pass, "verify", "--data", dir, "--passcode-stdin").must(t, 1)
	if !strings.HasPrefix(r.stderr, "porchlight: Porchlight is already open") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr: %q", r.stderr)
	}
}

func TestDemoWithHistory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	r := runBin(t, "", "demo", "--data", dir, "--years", "2").must(t, 0)
	if !strings.Contains(r.stdout, "porchlight") || r.stderr != "" {
		t.Errorf("demo said: %s / %s", r.stdout, r.stderr)
	}
	r = runBin(t, "porchlight\n", "export", "signouts", "--data", dir, "--manager", "Dana Okafor", "--passcode-stdin", "--out", "-").must(t, 0)
	if n := strings.Count(r.stdout, "\n"); n < 300 {
		t.Errorf("two years of sign-outs: %d lines", n)
	}
	runBin(t, "porchlight\n", "verify", "--data", dir, "--manager", "Sam Rivera", "--passcode-stdin").must(t, 0)
}

// porchlight report writes the weekly house report from a scheduled task:
// the house copy without private notes, the manager copy with them only
// when asked, a private file, and plain usage errors.
func TestReportFromTheCommandLine(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	dir := filepath.Join(t.TempDir(), "demo")
	runBin(t, "", "demo", "--data", dir).must(t, 0)
	house := filepath.Join(t.TempDir(), "house.pdf")
	r := runBin(t, "porchlight\n", "report", "--data", dir, "--manager", "Sam Rivera", "--passcode-stdin", "--paper", "letter", "--out", house).must(t, 0)
	if strings.TrimSpace(r.stdout) != house {
		t.Errorf("report printed %q, want the file's path", r.stdout)
	}
	if st, err := os.Stat(house); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the report file: %v %v, want private (0600)", st, err)
	}
	text := pdfText(t, house)
	// Without --week: this week once it has ended, else the last week.
	from := data.DefaultHouse().DefaultReportWeek(data.DateOf(time.Now()))
	for _, want := range []string{"House copy", "Prepared by Sam Rivera", "Page 1 of", "Do not copy or remove",
		report.WeekLabel(from, from.AddDays(6))} {
		if !strings.Contains(text, want) {
			t.Errorf("the house copy lacks %q", want)
		}
	}
	manager := filepath.Join(t.TempDir(), "manager.pdf")
	runBin(t, "porchlight\n", "report", "--data", dir, "--manager", "Sam Rivera", "--passcode-stdin", "--copy", "manager", "--include", "notes", "--week", "2026-11-23", "--out", manager).must(t, 0)
	if mt := pdfText(t, manager); !strings.Contains(mt, "Manager copy") || !strings.Contains(mt, "Mon 23 – Sun 29 Nov 2026") {
		t.Errorf("the manager copy for the week of 23 Nov: %.300s", mt)
	}
	for _, bad := range [][]string{
		{"report", "--data", dir, "--out", house, "--copy", "board"},
		{"report", "--data", dir, "--out", house, "--include", "notes"},
		{"report", "--data", dir, "--out", house, "--paper", "a5"},
		{"report", "--data", dir},
	} {
		if r := runBin(t, "", bad...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", bad, r.code)
		}
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// Each command's --help prints how to use it and its options, and exits 0.
func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands() {
		r := runBin(t, "", c.name, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "usage: porchlight "+c.name) || !strings.Contains(r.stdout, "options:") {
			t.Errorf("%s --help: exit %d, %q", c.name, r.code, r.stdout)
		}
	}
}

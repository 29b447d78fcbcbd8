package data

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// ktChildEnv carries "dir|managerID|residentID" to the helper process.
const ktChildEnv = "PORCHLIGHT_KIOSK_CHILD"

// TestHelperKioskChild is not a test on its own: TestKioskConfirmedWrites
// SurviveKill runs the test binary again with ktChildEnv set, and this
// function then signs one resident out and in for ever, printing
// "confirmed N out|in <entry ID>" after each write the store confirmed,
// until it is killed.
func TestHelperKioskChild(t *testing.T) {
	spec := os.Getenv(ktChildEnv)
	if spec == "" {
		t.Skip("helper process for TestKioskConfirmedWritesSurviveKill")
	}
	parts := strings.Split(spec, "|")
	if len(parts) != 3 {
		ktChildFail("bad spec %q", spec)
	}
	v, err := OpenVault(parts[0], WithKDF(KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1}))
	if err != nil {
		ktChildFail("open vault: %v", err)
	}
	st, err := v.Unlock(parts[1], ktPasscode)
	if err != nil {
		ktChildFail("unlock: %v", err)
	}
	ktChildLoop(st, parts[2])
}

func ktChildLoop(st *Store, residentID string) {
	r, err := st.Resident(residentID)
	if err != nil {
		ktChildFail("read resident: %v", err)
	}
	for n := 1; ; n++ {
		out, err := st.IsOut(r.ID)
		if err != nil {
			ktChildFail("is out: %v", err)
		}
		var e SignEntry
		dir := "out"
		if out {
			dir = "in"
			e, err = st.SignIn(KioskActor(r), r.ID)
		} else {
			e, err = st.SignOut(KioskActor(r), r.ID, DestErrand, "", time.Time{})
		}
		if err != nil {
			ktChildFail("sign %s: %v", dir, err)
		}
		fmt.Printf("confirmed %d %s %s\n", n, dir, e.ID)
	}
}

func ktChildFail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "child: "+format+"\n", a...)
	os.Exit(3)
}

// TestKioskConfirmedWritesSurviveKill runs a child process that signs a
// resident out and in in a loop, kills it with SIGKILL at a random moment
// (three times), and checks after each reopen that every sign-out and
// sign-in the child reported as confirmed is in the store.
func TestKioskConfirmedWritesSurviveKill(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	e := ktNew(t, time.Now(), nil)
	r := e.resident("Kenji", "Watanabe", "Phase 1")
	e.close()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	confirmed := map[string]bool{} // entry ID -> sign-in confirmed too
	for round := 1; round <= 3; round++ {
		n := ktRunChild(t, e.dir+"|"+e.mgrID+"|"+r.ID, 5+rng.Intn(60), rng, confirmed)
		e.reopen()
		ktCheckConfirmed(t, e, r, confirmed)
		e.close()
		t.Logf("round %d: killed after %d confirmed writes; %d entries checked", round, n, len(confirmed))
	}
}

// ktRunChild starts the helper, kills it after `after` confirmed writes
// plus a random pause, and records every confirmed line, including those
// printed between the decision to kill and the kill itself.
func ktRunChild(t *testing.T, spec string, after int, rng *rand.Rand, confirmed map[string]bool) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKioskChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), ktChildEnv+"="+spec)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Never leave the child running: not on a failed test, not if it
	// stops printing.
	defer cmd.Process.Kill()
	watchdog := time.AfterFunc(time.Minute, func() { _ = cmd.Process.Kill() })
	defer watchdog.Stop()
	lines, killed := 0, false
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if ktRecordLine(sc.Text(), confirmed) {
			lines++
		}
		if lines >= after && !killed {
			time.Sleep(time.Duration(rng.Intn(3000)) * time.Microsecond)
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	_ = cmd.Wait()
	if !killed {
		t.Fatalf("child stopped (by itself or the watchdog) after %d writes: %s", lines, stderr.String())
	}
	return lines
}

// ktRecordLine notes one "confirmed N out|in ID" line; a line cut short by
// the kill is ignored (it was never whole, so never confirmed).
func ktRecordLine(line string, confirmed map[string]bool) bool {
	var n int
	var dir, id string
	if c, err := fmt.Sscanf(line, "confirmed %d %s %s", &n, &dir, &id); err != nil || c != 3 || len(id) != 32 {
		return false
	}
	switch dir {
	case "out":
		if _, seen := confirmed[id]; !seen {
			confirmed[id] = false
		}
	case "in":
		confirmed[id] = true
	default:
		return false
	}
	return true
}

func ktCheckConfirmed(t *testing.T, e *ktEnv, r Resident, confirmed map[string]bool) {
	t.Helper()
	for id, in := range confirmed {
		se, err := e.st.SignEntry(id)
		if err != nil {
			t.Fatalf("confirmed entry %s lost after kill -9: %v", id, err)
		}
		if in && se.IsOut() {
			t.Fatalf("confirmed sign-in of %s lost after kill -9", id)
		}
	}
	out, err := e.st.OutNow()
	if err != nil {
		t.Fatal(err)
	}
	isOut, _ := e.st.IsOut(r.ID)
	if isOut != (len(out) == 1) {
		t.Fatalf("out-now index and OutNow disagree: %v / %+v", isOut, out)
	}
	if len(out) == 1 {
		if se, err := e.st.SignEntry(out[0].EntryID); err != nil || !se.IsOut() {
			t.Fatalf("out-now index points at %+v, %v", se, err)
		}
	}
}

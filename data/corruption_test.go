package data

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// longTests runs the slow robustness tests in full: go test ./data/ -long
var longTests = flag.Bool("long", false, "run the slow robustness tests (corruption at every offset, crash loops) in full")

const corruptPass = "long enough"

// pristineStore makes the demo house in a temp folder, closes it, and
// returns the folder, the first manager's ID and every key and value.
func pristineStore(t *testing.T) (string, string, map[string][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	now := time.Date(2025, 3, 3, 10, 0, 0, 0, time.Local)
	v, err := OpenVault(dir, WithKDF(DemoKDF), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	st, err := CreateDemo(v)
	if err != nil {
		t.Fatal(err)
	}
	// A passcode the test knows, on a manager of its own.
	m, err := st.AddManager(Actor{Kind: ActorManager, ID: st.Session().ID, Name: st.Session().Name},
		NewManager{Name: "Tess", Passcode: corruptPass, Confirm: corruptPass})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, st)
	st.Close()
	v.Close()
	return dir, m.ID, want
}

// dumpStore reads every key and value, as a reader of the records would.
func dumpStore(t *testing.T, st *Store) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := st.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out[string(it.Item().KeyCopy(nil))] = v
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read every record: %v", err)
	}
	return out
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// damage is one way a file is spoiled.
type damage struct {
	name string
	do   func(path string) error
}

func flipAt(frac float64, fromEnd int) damage {
	return damage{fmt.Sprintf("flip@%.2f-%d", frac, fromEnd), func(p string) error {
		b, err := os.ReadFile(p)
		if err != nil || len(b) == 0 {
			return err
		}
		i := int(float64(len(b))*frac) - fromEnd
		i = max(0, min(i, len(b)-1))
		b[i] ^= 0x5a
		return os.WriteFile(p, b, 0o600)
	}}
}

func truncTo(frac float64, minus int) damage {
	return damage{fmt.Sprintf("truncate@%.2f-%d", frac, minus), func(p string) error {
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		return os.Truncate(p, max(0, int64(float64(info.Size())*frac)-int64(minus)))
	}}
}

func damages() []damage {
	ds := []damage{
		{"delete", os.Remove},
		truncTo(0, 0), truncTo(0.5, 0), truncTo(1, 1),
		flipAt(0, 0), flipAt(0.25, 0), flipAt(0.5, 0), flipAt(0.75, 0), flipAt(1, 1), flipAt(1, 6),
	}
	if *longTests {
		for i := 1; i < 40; i++ {
			ds = append(ds, flipAt(float64(i)/40, 0), truncTo(float64(i)/40, 0))
		}
	}
	return ds
}

// TestCorruptionNeverSilent spoils each file of a closed store in each way
// and opens it again: it must not panic, and it either opens with every
// record as it was, or refuses with an error naming the damage.
func TestCorruptionNeverSilent(t *testing.T) {
	src, managerID, want := pristineStore(t)
	var files []string
	for _, sub := range []string{"", "db"} {
		entries, err := os.ReadDir(filepath.Join(src, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() && e.Name() != "porchlight.lock" {
				files = append(files, filepath.Join(sub, e.Name()))
			}
		}
	}
	sort.Strings(files)
	var opened, refused int
	for _, f := range files {
		for _, d := range damages() {
			name := f + "/" + d.name
			dir := filepath.Join(t.TempDir(), "store")
			copyTree(t, src, dir)
			if err := d.do(filepath.Join(dir, f)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if *longTests {
				fmt.Fprintln(os.Stderr, "case", name)
			}
			got, err := openDamaged(dir, managerID)
			switch {
			case err == nil:
				opened++
				if !sameRecords(got, want) {
					t.Errorf("%s: the store opened with its records changed (%d records, want %d)", name, len(got), len(want))
				}
			case errors.Is(err, ErrDamaged), errors.Is(err, ErrCannotDecrypt), errors.Is(err, ErrNotAStore):
				refused++
			default:
				t.Errorf("%s: refused without naming the damage: %v", name, err)
			}
		}
	}
	t.Logf("%d files x %d damages: %d opened with every record, %d refused with the damage named", len(files), len(damages()), opened, refused)
}

// openDamaged opens and unlocks the store and reads every record, turning
// a panic in this goroutine into a test failure rather than a crash.
func openDamaged(dir, managerID string) (got map[string][]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	v, err := OpenVault(dir, WithKDF(DemoKDF))
	if err != nil {
		return nil, err
	}
	defer v.Close()
	st, err := v.Unlock(managerID, corruptPass)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	got = map[string][]byte{}
	err = st.read(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			got[string(it.Item().KeyCopy(nil))] = v
		}
		return nil
	})
	return got, err
}

func sameRecords(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

package data_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"porchlight/data"
)

// Helpers shared by the foundation tests (vault, resident, privacy, bench).
// Their names carry an "fnd" prefix so they cannot collide with helpers in
// other test files of this package.

// fndKDF keeps argon2id cheap so the tests stay fast.
var fndKDF = data.WithKDF(data.KDFParams{Time: 1, Memory: 8 * 1024, Threads: 1})

// fndStart is the tests' "now": Wednesday 11 June 2025, 10:00 UTC.
var fndStart = time.Date(2025, time.June, 11, 10, 0, 0, 0, time.UTC)

const (
	fndPass    = "first-passcode"
	fndManager = "Rosa Delgado"
)

// fndClock is a settable clock for WithClock.
type fndClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFndClock() *fndClock { return &fndClock{t: fndStart} }

func (c *fndClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fndClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// fndEnv is one store folder with its vault and (when unlocked) its store.
type fndEnv struct {
	t        testing.TB
	dir      string
	clock    *fndClock
	vault    *data.Vault
	store    *data.Store
	recovery string
	first    data.Manager
}

func fndHouse(t testing.TB, bedText string) data.House {
	t.Helper()
	h := data.DefaultHouse()
	h.Name = "Elm Street House"
	h.Address = "12 Elm Street"
	beds, err := data.ParseBeds(bedText)
	if err != nil {
		t.Fatalf("ParseBeds: %v", err)
	}
	h.Beds = beds
	return h
}

// fndCreate sets up a new house with five beds in a fresh folder.
func fndCreate(t testing.TB) *fndEnv {
	t.Helper()
	return fndCreateHouse(t, fndHouse(t, "Room 1: A, B\nRoom 2: A, B\nAnnex"))
}

func fndCreateHouse(t testing.TB, h data.House) *fndEnv {
	t.Helper()
	e := &fndEnv{t: t, dir: filepath.Join(t.TempDir(), "store"), clock: newFndClock()}
	t.Cleanup(e.closeAll)
	e.openVault()
	st, rec, err := e.vault.Create(h, data.NewManager{Name: fndManager, Passcode: fndPass, Confirm: fndPass})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	e.store, e.recovery, e.first = st, rec, st.Session()
	if e.first.ID == "" || e.first.Name != fndManager {
		t.Fatalf("session after Create = %+v, want manager %q", e.first, fndManager)
	}
	return e
}

func (e *fndEnv) openVault() {
	e.t.Helper()
	v, err := data.OpenVault(e.dir, fndKDF, data.WithClock(e.clock.Now))
	if err != nil {
		e.t.Fatalf("OpenVault: %v", err)
	}
	e.vault = v
}

func (e *fndEnv) by() data.Actor { return data.ByManager(e.first) }

func (e *fndEnv) closeStore() {
	e.t.Helper()
	if e.store == nil {
		return
	}
	if err := e.store.Close(); err != nil {
		e.t.Errorf("Store.Close: %v", err)
	}
	e.store = nil
}

func (e *fndEnv) closeAll() {
	e.closeStore()
	if e.vault != nil {
		if err := e.vault.Close(); err != nil {
			e.t.Errorf("Vault.Close: %v", err)
		}
		e.vault = nil
	}
}

// reopen closes everything and opens the folder again, unlocked by the
// first manager.
func (e *fndEnv) reopen() {
	e.t.Helper()
	e.closeAll()
	e.openVault()
	st, err := e.vault.Unlock(e.first.ID, fndPass)
	if err != nil {
		e.t.Fatalf("Unlock after reopen: %v", err)
	}
	e.store = st
}

// unlock closes the store (keeping the vault) and unlocks it again.
func (e *fndEnv) unlock(id, pass string) (*data.Store, error) {
	e.t.Helper()
	e.closeStore()
	st, err := e.vault.Unlock(id, pass)
	if err == nil {
		e.store = st
	}
	return st, err
}

// fndFieldErr asserts err is a ValidationError with a message for field.
func fndFieldErr(t testing.TB, err error, field string) string {
	t.Helper()
	var ve data.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want a ValidationError for %q", err, err, field)
	}
	msg := ve.For(field)
	if msg == "" {
		t.Fatalf("ValidationError %q has no message for field %q", ve.Error(), field)
	}
	return msg
}

type fndSlot struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
}

// fndRawSlots returns keyring.json's slots as written, by slot ID.
func fndRawSlots(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "keyring.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ring struct {
		Slots []json.RawMessage `json:"slots"`
	}
	if err := json.Unmarshal(b, &ring); err != nil {
		t.Fatalf("keyring.json: %v", err)
	}
	out := map[string][]byte{}
	for _, raw := range ring.Slots {
		var s fndSlot
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatal(err)
		}
		out[s.ID] = raw
	}
	return out
}

// --- tests -----------------------------------------------------------------

func TestVaultCreateAndUnlock(t *testing.T) {
	e := fndCreate(t)
	if e.vault.IsNew() {
		t.Fatal("vault still new after Create")
	}
	logins := e.vault.Logins()
	if len(logins) != 1 || logins[0].ID != e.first.ID || logins[0].Name != fndManager {
		t.Fatalf("Logins = %+v, want just %s", logins, fndManager)
	}
	if v, err := e.store.SchemaVersion(); err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v", v, err)
	}
	st, err := e.unlock(e.first.ID, fndPass)
	if err != nil {
		t.Fatalf("Unlock with the first passcode: %v", err)
	}
	if got := st.Session(); got.ID != e.first.ID || got.Name != fndManager {
		t.Fatalf("Session = %+v, want %s", got, fndManager)
	}
	if _, err := e.unlock("no-such-manager", fndPass); err == nil {
		t.Fatal("Unlock of an unknown manager succeeded")
	}
}

func TestVaultSecondManager(t *testing.T) {
	e := fndCreate(t)
	const pass2 = "second-passcode"
	m2, err := e.store.AddManager(e.by(), data.NewManager{Name: "  Theo Marsh ", Passcode: pass2, Confirm: pass2})
	if err != nil {
		t.Fatalf("AddManager: %v", err)
	}
	if m2.Name != "Theo Marsh" {
		t.Errorf("manager name = %q, want it trimmed", m2.Name)
	}
	if n := len(e.vault.Logins()); n != 2 {
		t.Fatalf("%d logins, want 2", n)
	}
	// Across a full reopen, both managers unlock with their own passcode
	// and not with each other's.
	e.reopen()
	if got := e.store.Session(); got.ID != e.first.ID {
		t.Fatalf("Session = %+v, want the first manager", got)
	}
	st, err := e.unlock(m2.ID, pass2)
	if err != nil {
		t.Fatalf("Unlock as the second manager: %v", err)
	}
	if got := st.Session(); got.ID != m2.ID || got.Name != "Theo Marsh" {
		t.Fatalf("Session = %+v, want %+v", got, m2)
	}
	if _, err := e.unlock(m2.ID, fndPass); !errors.Is(err, data.ErrWrongPasscode) {
		t.Fatalf("second manager with the first's passcode: %v, want ErrWrongPasscode", err)
	}
	ms, err := func() ([]data.Manager, error) {
		st, err := e.unlock(e.first.ID, fndPass)
		if err != nil {
			return nil, err
		}
		return st.Managers()
	}()
	if err != nil || len(ms) != 2 {
		t.Fatalf("Managers = %+v, %v; want 2", ms, err)
	}
}

func TestVaultAddManagerValidation(t *testing.T) {
	e := fndCreate(t)
	before := fndRawSlots(t, e.dir)
	for _, tc := range []struct {
		name  string
		n     data.NewManager
		field string
	}{
		{"short passcode", data.NewManager{Name: "Kim", Passcode: "1234567", Confirm: "1234567"}, "Passcode"},
		{"not matching", data.NewManager{Name: "Kim", Passcode: "blue kettle", Confirm: "blue kettel"}, "Passcode again"},
		{"no name", data.NewManager{Name: "  ", Passcode: "blue kettle", Confirm: "blue kettle"}, "Manager name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.store.AddManager(e.by(), tc.n)
			fndFieldErr(t, err, tc.field)
		})
	}
	if after := fndRawSlots(t, e.dir); len(after) != len(before) {
		t.Fatalf("refused managers changed the keyring: %d slots, want %d", len(after), len(before))
	}
	if ms, _ := e.store.Managers(); len(ms) != 1 {
		t.Fatalf("%d managers after refused adds, want 1", len(ms))
	}
}

func TestVaultRecoveryKey(t *testing.T) {
	e := fndCreate(t)
	groups := strings.Split(e.recovery, "-")
	if len(groups) != 8 {
		t.Fatalf("recovery key %q: %d groups, want 8", e.recovery, len(groups))
	}
	for _, g := range groups {
		if len(g) != 4 || strings.ToUpper(g) != g {
			t.Fatalf("recovery key %q: group %q is not four upper-case characters", e.recovery, g)
		}
	}
	if got := data.NormalizeRecoveryKey(e.recovery); got != e.recovery {
		t.Fatalf("NormalizeRecoveryKey(key) = %q, want it unchanged", got)
	}
	typed := strings.ToLower(strings.ReplaceAll(e.recovery, "-", " "))
	if got := data.NormalizeRecoveryKey(typed); got != e.recovery {
		t.Fatalf("NormalizeRecoveryKey(%q) = %q, want %q", typed, got, e.recovery)
	}

	for _, key := range []string{e.recovery, typed, "  " + strings.ReplaceAll(e.recovery, "-", "") + " "} {
		e.closeStore()
		st, err := e.vault.UnlockRecovery(key)
		if err != nil {
			t.Fatalf("UnlockRecovery(%q): %v", key, err)
		}
		e.store = st
		if s := st.Session(); s.ID != "" {
			t.Fatalf("recovery session = %+v, want no manager", s)
		}
		if h, err := st.House(); err != nil || h.Name != "Elm Street House" {
			t.Fatalf("House after recovery unlock = %+v, %v", h, err)
		}
	}

	// With the recovery key a manager's forgotten passcode can be reset.
	if err := e.store.ResetPasscode(data.System, e.first.ID, "brand-new-pass", "brand-new-pass"); err != nil {
		t.Fatalf("ResetPasscode: %v", err)
	}
	if _, err := e.unlock(e.first.ID, "brand-new-pass"); err != nil {
		t.Fatalf("Unlock with the reset passcode: %v", err)
	}

	e.closeStore()
	wrong := "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
	if _, err := e.vault.UnlockRecovery(wrong); !errors.Is(err, data.ErrWrongPasscode) {
		t.Fatalf("UnlockRecovery(wrong key) = %v, want ErrWrongPasscode", err)
	}
}

func TestNormalizeRecoveryKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abcd-efgh", "ABCD-EFGH"},
		{"abcd efgh", "ABCD-EFGH"},
		{"  ab cd-ef\tgh ", "ABCD-EFGH"},
		{"abcdefgh", "ABCD-EFGH"},
		{"a0b1-c8d2", "AOBI-CBD2"}, // 0, 1 and 8 are not in the alphabet
		{"ABCD-EFGH-IJ", "ABCD-EFGH-IJ"},
	} {
		if got := data.NormalizeRecoveryKey(tc.in); got != tc.want {
			t.Errorf("NormalizeRecoveryKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestVaultWrongPasscode(t *testing.T) {
	e := fndCreate(t)
	e.closeStore()
	for _, pass := range []string{"", "first-passcod", "First-passcode", fndPass + " "} {
		st, err := e.vault.Unlock(e.first.ID, pass)
		if !errors.Is(err, data.ErrWrongPasscode) {
			t.Fatalf("Unlock(%q) = %v, want ErrWrongPasscode", pass, err)
		}
		if st != nil {
			t.Fatalf("Unlock(%q) returned a store with its error", pass)
		}
		e.clock.Advance(10 * time.Minute) // stay clear of the delay
	}
	if err := e.vault.CheckPasscode(e.first.ID, "nope-nope-nope"); !errors.Is(err, data.ErrWrongPasscode) {
		t.Fatalf("CheckPasscode(wrong) = %v, want ErrWrongPasscode", err)
	}
	e.clock.Advance(10 * time.Minute)
	if err := e.vault.CheckPasscode(e.first.ID, fndPass); err != nil {
		t.Fatalf("CheckPasscode(right) = %v", err)
	}
}

func TestVaultUnlockDelay(t *testing.T) {
	e := fndCreate(t)
	e.closeStore()
	for i := 1; i <= 3; i++ {
		if _, err := e.vault.Unlock(e.first.ID, "wrong-passcode"); !errors.Is(err, data.ErrWrongPasscode) {
			t.Fatalf("wrong try %d: %v, want ErrWrongPasscode", i, err)
		}
	}
	// The 4th try waits, even with the right passcode.
	_, err := e.vault.Unlock(e.first.ID, fndPass)
	var soon *data.TooSoonError
	if !errors.As(err, &soon) {
		t.Fatalf("4th try: %v, want *TooSoonError", err)
	}
	if soon.Wait != data.UnlockDelay(3) || soon.Wait <= 0 {
		t.Fatalf("wait = %v, want %v", soon.Wait, data.UnlockDelay(3))
	}
	if !strings.Contains(soon.Error(), "wait") {
		t.Errorf("TooSoonError text %q does not say to wait", soon.Error())
	}
	if got := e.vault.NextTryIn(); got != soon.Wait {
		t.Fatalf("NextTryIn = %v, want %v", got, soon.Wait)
	}
	// Kiosk log-ins share the same delay.
	if err := e.vault.CheckPasscode(e.first.ID, fndPass); !errors.As(err, &soon) {
		t.Fatalf("CheckPasscode during the delay: %v, want *TooSoonError", err)
	}
	// Half-way through, the wait has shrunk.
	e.clock.Advance(data.UnlockDelay(3) / 2)
	if _, err := e.vault.Unlock(e.first.ID, fndPass); !errors.As(err, &soon) || soon.Wait != data.UnlockDelay(3)/2 {
		t.Fatalf("half-way: %v, want *TooSoonError of %v", err, data.UnlockDelay(3)/2)
	}
	// Once it has passed, another wrong try is judged again and the next
	// delay is longer.
	e.clock.Advance(data.UnlockDelay(3))
	if got := e.vault.NextTryIn(); got != 0 {
		t.Fatalf("NextTryIn after the delay = %v, want 0", got)
	}
	if _, err := e.vault.Unlock(e.first.ID, "wrong-passcode"); !errors.Is(err, data.ErrWrongPasscode) {
		t.Fatalf("after the delay: %v, want ErrWrongPasscode", err)
	}
	if got := e.vault.NextTryIn(); got != data.UnlockDelay(4) || got <= data.UnlockDelay(3) {
		t.Fatalf("NextTryIn after a 4th failure = %v, want %v (longer than %v)", got, data.UnlockDelay(4), data.UnlockDelay(3))
	}
	e.clock.Advance(data.UnlockDelay(4))
	if _, err := e.unlock(e.first.ID, fndPass); err != nil {
		t.Fatalf("right passcode after the delay: %v", err)
	}
	// Success clears the count: three tries are free again.
	e.closeStore()
	for i := 1; i <= 3; i++ {
		if _, err := e.vault.Unlock(e.first.ID, "wrong-passcode"); !errors.Is(err, data.ErrWrongPasscode) {
			t.Fatalf("after success, wrong try %d: %v, want ErrWrongPasscode", i, err)
		}
	}
}

func TestUnlockDelaySchedule(t *testing.T) {
	for n, want := range map[int]time.Duration{
		0: 0, 1: 0, 2: 0, 3: 2 * time.Second, 4: 4 * time.Second, 5: 8 * time.Second,
		10: 256 * time.Second, 11: 5 * time.Minute, 100: 5 * time.Minute,
	} {
		if got := data.UnlockDelay(n); got != want {
			t.Errorf("UnlockDelay(%d) = %v, want %v", n, got, want)
		}
	}
}

func TestVaultFailuresPersistAcrossReopen(t *testing.T) {
	e := fndCreate(t)
	e.closeStore()
	for i := 0; i < 3; i++ {
		if _, err := e.vault.Unlock(e.first.ID, "wrong-passcode"); !errors.Is(err, data.ErrWrongPasscode) {
			t.Fatalf("wrong try: %v", err)
		}
	}
	// Quitting and restarting Porchlight does not reset the count.
	e.closeAll()
	e.openVault()
	if got := e.vault.NextTryIn(); got != data.UnlockDelay(3) {
		t.Fatalf("NextTryIn after reopen = %v, want %v", got, data.UnlockDelay(3))
	}
	var soon *data.TooSoonError
	if _, err := e.vault.Unlock(e.first.ID, fndPass); !errors.As(err, &soon) {
		t.Fatalf("Unlock after reopen: %v, want *TooSoonError", err)
	}
	e.clock.Advance(soon.Wait)
	if _, err := e.unlock(e.first.ID, fndPass); err != nil {
		t.Fatalf("Unlock once the wait is over: %v", err)
	}
	// The success is remembered too.
	e.closeAll()
	e.openVault()
	if got := e.vault.NextTryIn(); got != 0 {
		t.Fatalf("NextTryIn after a success and reopen = %v, want 0", got)
	}
}

func TestChangePasscode(t *testing.T) {
	e := fndCreate(t)
	const pass2 = "second-passcode"
	m2, err := e.store.AddManager(e.by(), data.NewManager{Name: "Theo Marsh", Passcode: pass2, Confirm: pass2})
	if err != nil {
		t.Fatal(err)
	}
	before := fndRawSlots(t, e.dir)
	if len(before) != 3 {
		t.Fatalf("%d slots, want 3 (two managers and the recovery key)", len(before))
	}

	// Refusals name the field and change nothing.
	for _, tc := range []struct {
		name, current, next, confirm, field string
	}{
		{"wrong current", "not-my-passcode", "new-passcode-1", "new-passcode-1", "Current passcode"},
		{"too short", fndPass, "short", "short", "Passcode"},
		{"not matching", fndPass, "new-passcode-1", "new-passcode-2", "Passcode again"},
	} {
		err := e.store.ChangePasscode(e.by(), e.first.ID, tc.current, tc.next, tc.confirm)
		fndFieldErr(t, err, tc.field)
	}
	afterRefusals := fndRawSlots(t, e.dir)
	for id, raw := range before {
		if !bytes.Equal(raw, afterRefusals[id]) {
			t.Fatalf("a refused change rewrote slot %s", id)
		}
	}

	const next = "new-passcode-1"
	if err := e.store.ChangePasscode(e.by(), e.first.ID, fndPass, next, next); err != nil {
		t.Fatalf("ChangePasscode: %v", err)
	}
	after := fndRawSlots(t, e.dir)
	if len(after) != len(before) {
		t.Fatalf("%d slots after the change, want %d", len(after), len(before))
	}
	for id, raw := range before {
		changed := !bytes.Equal(raw, after[id])
		if id == e.first.ID && !changed {
			t.Errorf("the changed manager's slot was not rewritten")
		}
		if id != e.first.ID && changed {
			t.Errorf("slot %s changed, want it byte-identical:\nbefore %s\nafter  %s", id, raw, after[id])
		}
	}

	if _, err := e.unlock(e.first.ID, fndPass); !errors.Is(err, data.ErrWrongPasscode) {
		t.Fatalf("old passcode after the change: %v, want ErrWrongPasscode", err)
	}
	if _, err := e.unlock(e.first.ID, next); err != nil {
		t.Fatalf("new passcode: %v", err)
	}
	// The other slots still open.
	if _, err := e.unlock(m2.ID, pass2); err != nil {
		t.Fatalf("second manager after the change: %v", err)
	}
	if _, err := e.unlock(e.first.ID, next); err != nil {
		t.Fatal(err)
	}
	e.closeStore()
	st, err := e.vault.UnlockRecovery(e.recovery)
	if err != nil {
		t.Fatalf("recovery key after the change: %v", err)
	}
	e.store = st
}

func TestRemoveManager(t *testing.T) {
	e := fndCreate(t)
	if err := e.store.RemoveManager(e.by(), e.first.ID); !errors.Is(err, data.ErrLastManager) {
		t.Fatalf("removing the only manager: %v, want ErrLastManager", err)
	}
	if n := len(fndRawSlots(t, e.dir)); n != 2 {
		t.Fatalf("%d slots after the refusal, want 2", n)
	}
	const pass2 = "second-passcode"
	m2, err := e.store.AddManager(e.by(), data.NewManager{Name: "Theo Marsh", Passcode: pass2, Confirm: pass2})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fndRawSlots(t, e.dir)[m2.ID]; !ok {
		t.Fatal("AddManager wrote no slot")
	}
	if err := e.store.RemoveManager(e.by(), m2.ID); err != nil {
		t.Fatalf("RemoveManager: %v", err)
	}
	slots := fndRawSlots(t, e.dir)
	if _, ok := slots[m2.ID]; ok || len(slots) != 2 {
		t.Fatalf("slots after removal = %d (removed one present: %v), want 2 without it", len(slots), ok)
	}
	if ms, _ := e.store.Managers(); len(ms) != 1 || ms[0].ID != e.first.ID {
		t.Fatalf("Managers after removal = %+v", ms)
	}
	if ls := e.vault.Logins(); len(ls) != 1 || ls[0].ID != e.first.ID {
		t.Fatalf("Logins after removal = %+v", ls)
	}
	if err := e.store.RemoveManager(e.by(), e.first.ID); !errors.Is(err, data.ErrLastManager) {
		t.Fatalf("removing the last remaining manager: %v, want ErrLastManager", err)
	}
	if !fndHasAudit(t, e.store, "manager.remove", "Theo Marsh", e.first.ID) {
		t.Error("no audit entry for the removal")
	}
	e.reopen()
	if _, err := e.unlock(m2.ID, pass2); err == nil {
		t.Fatal("a removed manager can still unlock")
	}
	if ls := e.vault.Logins(); len(ls) != 1 {
		t.Fatalf("Logins after reopen = %+v", ls)
	}
}

// fndHasAudit reports whether the audit log has an entry for action on
// subject made by the manager with the given ID.
func fndHasAudit(t testing.TB, st *data.Store, action, subject, byID string) bool {
	t.Helper()
	entries, err := st.Audit(time.Time{}, 1000)
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	for _, a := range entries {
		if a.Action == action && a.Subject == subject && a.By.ID == byID {
			return true
		}
	}
	return false
}

func TestVaultReopenKeepsData(t *testing.T) {
	e := fndCreate(t)
	const pass2 = "second-passcode"
	if _, err := e.store.AddManager(e.by(), data.NewManager{Name: "Theo Marsh", Passcode: pass2, Confirm: pass2}); err != nil {
		t.Fatal(err)
	}
	h, err := e.store.House()
	if err != nil {
		t.Fatal(err)
	}
	h.CurfewWeeknight = data.ClockTime{Hour: 22, Min: 30}
	h.Phases = []string{"Orientation", "Phase A", "Phase B"}
	if err := e.store.SaveHouse(e.by(), h); err != nil {
		t.Fatalf("SaveHouse: %v", err)
	}
	today := e.store.Today()
	var added []data.Resident
	for i, name := range [][2]string{{"Thanh", "Nguyễn"}, {"María José", "Núñez"}, {"Siobhán", "O'Brien"}} {
		e.clock.Advance(time.Second)
		r, err := e.store.AddResident(e.by(), data.Resident{
			First: name[0], Last: name[1], BedID: h.Beds[i].ID, MoveIn: today.AddDays(-10 * i),
			Sobriety: today.AddDays(-30 * i), Phone: "555-0100", Notes: "note", Phase: "Phase A",
		})
		if err != nil {
			t.Fatalf("AddResident %s: %v", name[1], err)
		}
		added = append(added, r)
	}
	if err := e.store.MoveOut(e.by(), added[2].ID, today, "Completed program"); err != nil {
		t.Fatal(err)
	}
	wantRes, _ := e.store.Residents()
	wantMgr, _ := e.store.Managers()
	wantOcc, _ := e.store.Occupancy()
	wantAudit, err := e.store.Audit(time.Time{}, 1000)
	if err != nil {
		t.Fatal(err)
	}

	e.reopen()

	gotHouse, err := e.store.House()
	if err != nil {
		t.Fatal(err)
	}
	if fndJSON(gotHouse) != fndJSON(h) {
		// SaveHouse sets the record version; compare what was typed.
		h.V = gotHouse.V
		if fndJSON(gotHouse) != fndJSON(h) {
			t.Errorf("house after reopen:\n got %s\nwant %s", fndJSON(gotHouse), fndJSON(h))
		}
	}
	gotRes, _ := e.store.Residents()
	if fndJSON(gotRes) != fndJSON(wantRes) || len(gotRes) != 3 {
		t.Errorf("residents after reopen:\n got %s\nwant %s", fndJSON(gotRes), fndJSON(wantRes))
	}
	gotMgr, _ := e.store.Managers()
	if fndJSON(gotMgr) != fndJSON(wantMgr) || len(gotMgr) != 2 {
		t.Errorf("managers after reopen:\n got %s\nwant %s", fndJSON(gotMgr), fndJSON(wantMgr))
	}
	gotOcc, _ := e.store.Occupancy()
	if fndJSON(gotOcc) != fndJSON(wantOcc) || len(gotOcc) != 2 {
		t.Errorf("occupancy after reopen: got %v want %v", gotOcc, wantOcc)
	}
	gotAudit, err := e.store.Audit(time.Time{}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	// Unlocking writes nothing to the log, so it is exactly as it was.
	if fndJSON(gotAudit) != fndJSON(wantAudit) {
		t.Errorf("audit after reopen:\n got %s\nwant %s", fndJSON(gotAudit), fndJSON(wantAudit))
	}
	if len(gotAudit) < 7 { // setup, manager, house, 3 residents, move-out
		t.Errorf("audit has %d entries, want at least 7", len(gotAudit))
	}
	if v, err := e.store.SchemaVersion(); err != nil || v < 1 {
		t.Errorf("SchemaVersion after reopen = %d, %v", v, err)
	}
}

func fndJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestVaultAlreadyOpen(t *testing.T) {
	e := fndCreate(t)
	if v, err := data.OpenVault(e.dir, fndKDF); !errors.Is(err, data.ErrAlreadyOpen) {
		if v != nil {
			v.Close()
		}
		t.Fatalf("second OpenVault while open: %v, want ErrAlreadyOpen", err)
	}
	if !strings.Contains(data.ErrAlreadyOpen.Error(), "already open") {
		t.Errorf("ErrAlreadyOpen text %q does not say so plainly", data.ErrAlreadyOpen)
	}
	// The vault's lock is what counts, even with the store closed.
	e.closeStore()
	if _, err := data.OpenVault(e.dir, fndKDF); !errors.Is(err, data.ErrAlreadyOpen) {
		t.Fatalf("second OpenVault with the store closed: %v, want ErrAlreadyOpen", err)
	}
	e.closeAll()
	v, err := data.OpenVault(e.dir, fndKDF)
	if err != nil {
		t.Fatalf("OpenVault after Close: %v", err)
	}
	defer v.Close()
	st, err := v.Unlock(e.first.ID, fndPass)
	if err != nil {
		t.Fatalf("Unlock after Close and reopen: %v", err)
	}
	st.Close()
}

func TestVaultNotAStore(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "tax-return-2024.txt")
	if err := os.WriteFile(other, []byte("not ours"), 0o600); err != nil {
		t.Fatal(err)
	}
	if v, err := data.OpenVault(dir, fndKDF); !errors.Is(err, data.ErrNotAStore) {
		if v != nil {
			v.Close()
		}
		t.Fatalf("OpenVault on a folder with other files: %v, want ErrNotAStore", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("OpenVault wrote into a foreign folder: %v", entries)
	}
	if b, _ := os.ReadFile(other); string(b) != "not ours" {
		t.Fatal("the foreign file changed")
	}

	// An empty folder, or one that does not exist yet, is a new house.
	for _, d := range []string{t.TempDir(), filepath.Join(t.TempDir(), "a", "b")} {
		v, err := data.OpenVault(d, fndKDF)
		if err != nil {
			t.Fatalf("OpenVault(%s): %v", d, err)
		}
		if !v.IsNew() {
			t.Errorf("OpenVault(%s) is not new", d)
		}
		v.Close()
	}
}

func TestVaultCorruptKeyring(t *testing.T) {
	e := fndCreate(t)
	e.closeAll()
	path := filepath.Join(e.dir, "keyring.json")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// edit returns the keyring with one field of the first slot replaced.
	edit := func(field string, value any) []byte {
		var ring map[string]any
		if err := json.Unmarshal(orig, &ring); err != nil {
			t.Fatal(err)
		}
		slot := ring["slots"].([]any)[0].(map[string]any)
		if strings.HasPrefix(field, "kdf.") {
			slot["kdf"].(map[string]any)[strings.TrimPrefix(field, "kdf.")] = value
		} else {
			slot[field] = value
		}
		b, err := json.Marshal(ring)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		text []byte
	}{
		{"garbage", []byte("this is not a keyring at all")},
		{"empty", nil},
		{"truncated", orig[:len(orig)/2]},
		{"null", []byte("null")},
		{"other format", []byte(`{"format":"something-else","version":1,"slots":[]}`)},
		{"binary", bytes.Repeat([]byte{0xff, 0x00, 0x13}, 100)},
		{"short nonce", edit("nonce", "AAEC")},
		{"no nonce", edit("nonce", nil)},
		{"short wrapped key", edit("wrapped", "AAECAwQF")},
		{"no salt", edit("salt", nil)},
		{"zero kdf time", edit("kdf.time", 0)},
		{"huge kdf memory", edit("kdf.memory_kib", 4294967295)},
		{"zero kdf threads", edit("kdf.threads", 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// With its backup copy intact, a damaged keyring.json is
			// restored from it, the person is told, and the store unlocks.
			if err := os.WriteFile(path, tc.text, 0o600); err != nil {
				t.Fatal(err)
			}
			v, err := data.OpenVault(e.dir, fndKDF, data.WithClock(e.clock.Now))
			if err != nil {
				t.Fatalf("damaged keyring.json with a good backup: %v", err)
			}
			if !strings.Contains(v.Notice(), "restored from its backup copy") {
				t.Errorf("Notice = %q, want it to say the keyring was restored", v.Notice())
			}
			st, err := v.Unlock(e.first.ID, fndPass)
			if err != nil {
				t.Fatalf("unlock after the keyring was restored: %v", err)
			}
			st.Close()
			v.Close()
			if b, _ := os.ReadFile(path); bytes.Equal(b, tc.text) {
				t.Fatal("keyring.json was not rewritten from its backup")
			}

			// With both copies damaged, nothing unlocks and the error says so.
			backup := filepath.Join(e.dir, "keyring.backup.json")
			good, _ := os.ReadFile(backup)
			defer os.WriteFile(backup, good, 0o600)
			for _, p := range []string{path, backup} {
				if err := os.WriteFile(p, tc.text, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			v, err = data.OpenVault(e.dir, fndKDF, data.WithClock(e.clock.Now))
			if err == nil {
				// If the keyring opens at all, unlocking must fail cleanly.
				defer v.Close()
				st, uerr := v.Unlock(e.first.ID, fndPass)
				if uerr == nil {
					st.Close()
					t.Fatal("a damaged keyring unlocked the store")
				}
				err = uerr
			}
			if !errors.Is(err, data.ErrNotAStore) && !errors.Is(err, data.ErrDamaged) {
				t.Fatalf("damaged keyring: %v, want ErrNotAStore or ErrDamaged", err)
			}
		})
	}
}

func TestVaultKeyringFromAnotherStore(t *testing.T) {
	a := fndCreate(t)
	b := fndCreate(t)
	if _, err := b.store.AddResident(b.by(), data.Resident{First: "Only", Last: "InB", BedID: fndBeds(t, b.store)[0].ID, MoveIn: b.store.Today()}); err != nil {
		t.Fatal(err)
	}
	a.closeAll()
	b.closeAll()
	aRing, err := os.ReadFile(filepath.Join(a.dir, "keyring.json"))
	if err != nil {
		t.Fatal(err)
	}
	bRing, err := os.ReadFile(filepath.Join(b.dir, "keyring.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a.dir, "keyring.json"), bRing, 0o600); err != nil {
		t.Fatal(err)
	}

	a.openVault()
	// The keyring offers B's manager; B's passcode opens B's slot, but the
	// key it yields is not the key of A's database.
	ls := a.vault.Logins()
	if len(ls) != 1 || ls[0].ID != b.first.ID {
		t.Fatalf("Logins = %+v, want B's manager", ls)
	}
	st, err := a.vault.Unlock(b.first.ID, fndPass)
	if err == nil {
		st.Close()
		t.Fatal("a foreign keyring unlocked the store")
	}
	if !errors.Is(err, data.ErrCannotDecrypt) {
		t.Fatalf("foreign keyring: %v, want ErrCannotDecrypt", err)
	}
	if errors.Is(err, data.ErrWrongPasscode) {
		t.Fatal("a right passcode on a mismatched keyring must not read as a wrong passcode")
	}
	if _, err := a.vault.UnlockRecovery(b.recovery); !errors.Is(err, data.ErrCannotDecrypt) {
		t.Fatalf("foreign recovery key: %v, want ErrCannotDecrypt", err)
	}
	// A's own manager is not in B's keyring.
	if _, err := a.vault.Unlock(a.first.ID, fndPass); err == nil {
		t.Fatal("A's manager unlocked through B's keyring")
	}

	// Nothing was damaged: with its own keyring back, A opens and holds
	// none of B's records.
	a.closeAll()
	if err := os.WriteFile(filepath.Join(a.dir, "keyring.json"), aRing, 0o600); err != nil {
		t.Fatal(err)
	}
	a.reopen()
	if rs, err := a.store.Residents(); err != nil || len(rs) != 0 {
		t.Fatalf("A's residents after restoring its keyring = %+v, %v", rs, err)
	}
}

func fndBeds(t testing.TB, st *data.Store) []data.Bed {
	t.Helper()
	h, err := st.House()
	if err != nil {
		t.Fatal(err)
	}
	return h.Beds
}

func TestVaultCreateValidation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	v, err := data.OpenVault(dir, fndKDF)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	good := fndHouse(t, "Room 1: A, B")
	noName := good
	noName.Name = " "
	for _, tc := range []struct {
		name  string
		h     data.House
		m     data.NewManager
		field string
	}{
		{"short passcode", good, data.NewManager{Name: "Rosa", Passcode: "seven77", Confirm: "seven77"}, "Passcode"},
		{"empty passcode", good, data.NewManager{Name: "Rosa"}, "Passcode"},
		{"not matching", good, data.NewManager{Name: "Rosa", Passcode: "eight888", Confirm: "eight889"}, "Passcode again"},
		{"no manager name", good, data.NewManager{Passcode: "eight888", Confirm: "eight888"}, "Manager name"},
		{"no house name", noName, data.NewManager{Name: "Rosa", Passcode: "eight888", Confirm: "eight888"}, "House name"},
		{"no beds", data.House{Name: "X", IdleMinutes: 10}, data.NewManager{Name: "Rosa", Passcode: "eight888", Confirm: "eight888"}, "Rooms and beds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, _, err := v.Create(tc.h, tc.m)
			if st != nil {
				st.Close()
				t.Fatal("Create returned a store with bad input")
			}
			fndFieldErr(t, err, tc.field)
			if !v.IsNew() {
				t.Fatal("a refused Create set the house up")
			}
		})
	}
	// Nothing was written, and a good Create still works.
	if _, err := os.Stat(filepath.Join(dir, "keyring.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("keyring.json after refused Creates: %v", err)
	}
	st, rec, err := v.Create(good, data.NewManager{Name: "  Rosa ", Passcode: "eight888", Confirm: "eight888"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	defer st.Close()
	if st.Session().Name != "Rosa" || v.Logins()[0].Name != "Rosa" {
		t.Errorf("first manager's name %q, login %q: want it trimmed", st.Session().Name, v.Logins()[0].Name)
	}
	if rec == "" {
		t.Fatal("no recovery key")
	}
	if _, _, err := v.Create(good, data.NewManager{Name: "Rosa", Passcode: "eight888", Confirm: "eight888"}); err == nil {
		t.Fatal("a second Create on a set-up house succeeded")
	}
}

// A store left open at the kiosk refuses every change of managers and keys,
// so a dialog or callback left behind by a logged-out manager cannot act.
func TestKeyChangesNeedAManagerSession(t *testing.T) {
	e := fndCreate(t)
	const pass2 = "second manager pass"
	m2, err := e.store.AddManager(e.by(), data.NewManager{Name: "Theo Marsh", Passcode: pass2, Confirm: pass2})
	if err != nil {
		t.Fatalf("AddManager while logged in: %v", err)
	}
	e.store.EndSession()
	attempts := map[string]func() error{
		"add": func() error {
			_, err := e.store.AddManager(e.by(), data.NewManager{Name: "Door Person", Passcode: "let me in now", Confirm: "let me in now"})
			return err
		},
		"add as system": func() error {
			_, err := e.store.AddManager(data.System, data.NewManager{Name: "Door Person", Passcode: "let me in now", Confirm: "let me in now"})
			return err
		},
		"remove": func() error { return e.store.RemoveManager(e.by(), m2.ID) },
		"change": func() error {
			return e.store.ChangePasscode(e.by(), e.first.ID, fndPass, "a new passcode", "a new passcode")
		},
		"reset": func() error { return e.store.ResetPasscode(data.System, m2.ID, "a new passcode", "a new passcode") },
	}
	for name, try := range attempts {
		if err := try(); !errors.Is(err, data.ErrNoSession) {
			t.Errorf("%s at the kiosk: err = %v, want ErrNoSession", name, err)
		}
	}
	if ms, _ := e.store.Managers(); len(ms) != 2 {
		t.Fatalf("managers after refused changes = %d, want 2", len(ms))
	}
	// A manager logged in cannot act in another manager's name.
	e.store.SetSession(m2)
	if err := e.store.RemoveManager(e.by(), m2.ID); !errors.Is(err, data.ErrNoSession) {
		t.Fatalf("remove in another's name: %v", err)
	}
	if err := e.store.ChangePasscode(data.ByManager(m2), m2.ID, pass2, "a new passcode", "a new passcode"); err != nil {
		t.Fatalf("own passcode change: %v", err)
	}
}

// Editing the failure count in keyring.json does not lift the wait: a count
// whose seal does not match counts as the most failures there can be.
func TestVaultEditedFailureCountWaitsTheLongest(t *testing.T) {
	e := fndCreate(t)
	e.closeStore()
	for i := 0; i < 3; i++ {
		if _, err := e.vault.Unlock(e.first.ID, "wrong-passcode"); !errors.Is(err, data.ErrWrongPasscode) {
			t.Fatalf("wrong try %d: %v", i, err)
		}
	}
	e.closeAll()
	path := filepath.Join(e.dir, "keyring.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Both copies edited, and their checksums dropped (as an older
	// keyring has none), so only the seal can notice.
	edited := regexp.MustCompile(`"failures": \d+`).ReplaceAll(b, []byte(`"failures": 0`))
	edited = regexp.MustCompile(`,\s*"sum": "[0-9a-f]+"`).ReplaceAll(edited, nil)
	if string(edited) == string(b) {
		t.Fatal("no failure count in the keyring to edit")
	}
	for _, p := range []string{path, filepath.Join(e.dir, "keyring.backup.json")} {
		if err := os.WriteFile(p, edited, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e.openVault()
	if got := e.vault.NextTryIn(); got != 5*time.Minute {
		t.Fatalf("NextTryIn after editing the count = %v, want the longest wait, 5m", got)
	}
}

func TestCommonPasscodesAreRefusedAtTheField(t *testing.T) {
	for _, p := range []string{"password", "Password1", "12345678", "  qwerty123 ", "aaaaaaaaaa"} {
		v := data.ValidateSetup(data.DefaultHouse(), data.NewManager{Name: "Ana", Passcode: p, Confirm: p})
		found := false
		for _, fe := range v {
			found = found || (fe.Field == "Passcode" && strings.Contains(fe.Msg, "guess"))
		}
		if !found {
			t.Errorf("passcode %q accepted: %v", p, v)
		}
	}
}

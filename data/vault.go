package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// A Vault is a store folder before it is unlocked: it holds the folder's lock
// (so only one Porchlight runs on it) and the keyring. Unlocking a slot opens
// the encrypted Store.
//
// Folder layout:
//
//	porchlight.lock   lock file: held while the app runs
//	keyring.json      wrapped data keys, one slot per manager + recovery
//	db/               the Badger store, encrypted with the data key
type Vault struct {
	dir  string
	lock *flock.Flock
	ring *keyring // nil until the house is set up
	kdf  KDFParams
	now  func() time.Time
	// minFree is the free space kept on the store's disk (diskspace.go).
	minFree uint64
	// bulk opens the store without syncing each commit (WithBulkLoad).
	bulk bool
	// verifyBelow is verifyAlwaysBelow unless a test lowers it.
	verifyBelow int64
	// notice tells the person what was mended while opening (a keyring
	// copy restored, an unfinished setup cleared).
	notice string
}

// ErrAlreadyOpen means another Porchlight holds the store folder.
var ErrAlreadyOpen = errors.New("Porchlight is already open on this computer (another window holds the house records); switch to that window, or close it first")

// TooSoonError asks the person to wait before the next unlock attempt.
type TooSoonError struct{ Wait time.Duration }

func (e *TooSoonError) Error() string {
	return fmt.Sprintf("too many wrong tries; wait %d seconds and try again", int(e.Wait.Round(time.Second).Seconds()))
}

// VaultOption adjusts a vault; tests use them for speed and a fixed clock.
type VaultOption func(*Vault)

// WithKDF sets the argon2id costs for new or rewritten slots.
func WithKDF(p KDFParams) VaultOption { return func(v *Vault) { v.kdf = p } }

// WithClock sets the clock used for unlock delays and the store.
func WithClock(now func() time.Time) VaultOption { return func(v *Vault) { v.now = now } }

// WithBulkLoad opens the store without syncing each commit to disk, for
// writing a generated house (GenerateHistory, the demo) fast: a power cut
// may lose the last commits, and Close still writes everything out. Never
// for a house in use.
func WithBulkLoad() VaultOption { return func(v *Vault) { v.bulk = true } }

// OpenVault takes the folder's lock and reads its keyring. The folder is
// created when missing. A folder that holds other files but no keyring is
// refused rather than written into.
func OpenVault(dir string, opts ...VaultOption) (*Vault, error) {
	v := &Vault{dir: dir, kdf: DefaultKDF, now: time.Now, minFree: defaultMinFree, verifyBelow: verifyAlwaysBelow}
	for _, o := range opts {
		o(v)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create store folder: %w", err)
	}
	// Nothing is written into a folder of someone else's files, not even
	// the lock; what an unfinished setup left is looked at under the lock.
	if err := v.checkFolder(true); err != nil {
		return nil, err
	}
	v.lock = flock.New(filepath.Join(dir, "porchlight.lock"))
	ok, err := v.lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock store folder: %w", err)
	}
	if !ok {
		return nil, ErrAlreadyOpen
	}
	if err := v.load(); err != nil {
		v.lock.Unlock()
		return nil, err
	}
	return v, nil
}

// load mends what an interrupted setup or a damaged keyring copy left,
// reads the keyring and checks the database's files, all before anyone
// types a passcode, so the start screen can name what is damaged.
func (v *Vault) load() error {
	if err := v.clearUnfinishedSetup(); err != nil {
		return err
	}
	if err := v.checkFolder(false); err != nil {
		return err
	}
	ring, notice, err := loadKeyring(v.dir)
	switch {
	case err == nil:
	case errors.Is(err, os.ErrNotExist):
		return nil
	default:
		return err
	}
	v.ring = ring
	v.notice = joinNotice(v.notice, notice)
	ring.checkThrottle(v.now())
	if ring.Version < keyringVersion || ring.Sum == "" {
		_ = ring.write(v.dir) // seal an older keyring's count and sum now; best effort
	}
	return checkDB(v.dir, v.crashed())
}

// Notice is what was mended while the folder opened, for the person to
// read ("" when nothing was).
func (v *Vault) Notice() string { return v.notice }

func joinNotice(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// checkFolder refuses a folder that holds files but no keyring. Before
// the lock is taken, an unfinished setup's database and marker pass too.
func (v *Vault) checkFolder(unfinishedToo bool) error {
	for _, name := range []string{keyringFile, keyringBackupFile} {
		if _, err := os.Stat(filepath.Join(v.dir, name)); err == nil {
			return nil
		}
	}
	entries, err := os.ReadDir(v.dir)
	if err != nil {
		return fmt.Errorf("read store folder: %w", err)
	}
	for _, e := range entries {
		n := e.Name()
		if unfinishedToo && (n == "db" || n == setupMarker) {
			continue
		}
		if !ownName(n) {
			return ErrNotAStore
		}
	}
	return nil
}

// ownName reports whether a file in the store folder is one Porchlight
// makes (before the keyring exists).
func ownName(n string) bool {
	return n == "porchlight.lock" || n == openMarker ||
		strings.HasPrefix(n, keyringFile+".") || strings.HasPrefix(n, keyringBackupFile+".") ||
		strings.HasPrefix(n, unfinishedPrefix)
}

// Dir is the store folder.
func (v *Vault) Dir() string { return v.dir }

// IsNew reports whether the house still needs to be set up.
func (v *Vault) IsNew() bool { return v.ring == nil }

// Close releases the folder's lock. Close the Store first.
func (v *Vault) Close() error {
	if v.lock == nil {
		return nil
	}
	return v.lock.Unlock()
}

// Login is one way into the store, offered on the unlock screen.
type Login struct {
	ID   string // the manager's ID
	Name string
}

// Logins lists the managers who can unlock the store, in keyring order.
func (v *Vault) Logins() []Login {
	if v.ring == nil {
		return nil
	}
	var out []Login
	for _, s := range v.ring.Slots {
		if s.Kind == slotManager {
			out = append(out, Login{ID: s.ID, Name: s.Label})
		}
	}
	return out
}

// Create sets up a new house: a fresh random data key, the first manager's
// slot and a recovery slot. It returns the open store and the recovery key,
// which is shown once and never stored.
func (v *Vault) Create(h House, first NewManager) (*Store, string, error) {
	if v.ring != nil {
		return nil, "", errors.New("this house is already set up")
	}
	if err := ValidateSetup(h, first).Err(); err != nil {
		return nil, "", err
	}
	dataKey := randomBytes(dataKeyLen)
	recovery := newRecoveryKey()
	mgr := Manager{ID: newID(), Name: strings.TrimSpace(first.Name), Created: v.now()}
	ring, err := v.newKeyring(dataKey, mgr, first.Passcode, recovery)
	if err != nil {
		return nil, "", err
	}
	if err := writeFileAtomic(v.dir, setupMarker, []byte("Porchlight setup started; removed when it finishes\n")); err != nil {
		return nil, "", err
	}
	st, err := openStore(v, dataKey)
	if err != nil {
		v.discardNewStore()
		return nil, "", err
	}
	if err := st.initHouse(h, mgr); err != nil {
		st.Close()
		v.discardNewStore()
		return nil, "", err
	}
	if err := ring.write(v.dir); err != nil {
		st.Close()
		v.discardNewStore()
		return nil, "", err
	}
	if err := os.Remove(filepath.Join(v.dir, setupMarker)); err != nil {
		st.Close()
		v.discardNewStore()
		return nil, "", fmt.Errorf("finish setup: %w", err)
	}
	syncDir(v.dir)
	v.ring = ring
	st.SetSession(mgr)
	return st, recovery, nil
}

func (v *Vault) newKeyring(dataKey []byte, mgr Manager, passcode, recovery string) (*keyring, error) {
	ring := &keyring{Format: keyringFormat, Version: keyringVersion, StoreID: newID()}
	ms, err := sealSlot(mgr.ID, slotManager, mgr.Name, passcode, dataKey, v.kdf)
	if err != nil {
		return nil, err
	}
	rs, err := sealSlot("recovery", slotRecovery, "Recovery key", recovery, dataKey, v.kdf)
	if err != nil {
		return nil, err
	}
	ring.Slots = []slot{ms, rs}
	return ring, nil
}

// Unlock opens the store with a manager's passcode.
func (v *Vault) Unlock(managerID, passcode string) (*Store, error) {
	if v.ring == nil {
		return nil, errors.New("this house is not set up yet")
	}
	_, s := v.ring.find(managerID)
	if s == nil || s.Kind != slotManager {
		return nil, errors.New("that manager is not on this computer")
	}
	st, err := v.unlockSlot(s, passcode)
	if err != nil {
		return nil, err
	}
	m, err := st.Manager(managerID)
	if err != nil {
		st.Close()
		return nil, err
	}
	st.SetSession(m)
	return st, nil
}

// UnlockRecovery opens the store with the recovery key. The session acts as
// the system until a manager sets a new passcode.
func (v *Vault) UnlockRecovery(key string) (*Store, error) {
	if v.ring == nil {
		return nil, errors.New("this house is not set up yet")
	}
	_, s := v.ring.find("recovery")
	if s == nil {
		return nil, errors.New("this store has no recovery key")
	}
	st, err := v.unlockSlot(s, NormalizeRecoveryKey(key))
	if err != nil {
		return nil, err
	}
	st.session = sessionRecovery
	return st, nil
}

func (v *Vault) unlockSlot(s *slot, secret string) (*Store, error) {
	if wait := v.unlockDelay(); wait > 0 {
		return nil, &TooSoonError{Wait: wait}
	}
	key, err := s.open(secret)
	if errors.Is(err, ErrWrongPasscode) {
		v.recordFailure()
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	st, err := openStore(v, key)
	if err != nil {
		return nil, err
	}
	if v.ring.Failures > 0 {
		v.ring.Failures = 0
		_ = v.ring.write(v.dir) // a stale counter only costs a delay
	}
	return st, nil
}

// unlockDelay is how long to wait before the next try: three tries are
// free, then 2, 4, 8 ... seconds, up to five minutes.
func (v *Vault) unlockDelay() time.Duration {
	d := UnlockDelay(v.ring.Failures)
	if d == 0 {
		return 0
	}
	left := v.ring.LastFailure.Add(d).Sub(v.now())
	if left <= 0 {
		return 0
	}
	return left
}

// UnlockDelay is the wait imposed after n failed tries in a row.
func UnlockDelay(n int) time.Duration {
	if n < 3 {
		return 0
	}
	d := time.Second << min(n-2, 9)
	return min(d, 5*time.Minute)
}

func (v *Vault) recordFailure() {
	v.ring.Failures++
	v.ring.LastFailure = v.now()
	_ = v.ring.write(v.dir) // best effort; the in-memory count still holds
}

// NextTryIn reports how long the unlock screen must wait before trying.
func (v *Vault) NextTryIn() time.Duration {
	if v.ring == nil {
		return 0
	}
	return v.unlockDelay()
}

// CheckPasscode verifies a manager's passcode against their slot while the
// store is already open (a manager logging in from the kiosk). Wrong tries
// count toward the same growing delay as unlocking.
func (v *Vault) CheckPasscode(managerID, passcode string) error {
	if v.ring == nil {
		return errors.New("this house is not set up yet")
	}
	_, s := v.ring.find(managerID)
	if s == nil || s.Kind != slotManager {
		return errors.New("that manager is not on this computer")
	}
	if wait := v.unlockDelay(); wait > 0 {
		return &TooSoonError{Wait: wait}
	}
	if _, err := s.open(passcode); err != nil {
		if errors.Is(err, ErrWrongPasscode) {
			v.recordFailure()
		}
		return err
	}
	if v.ring.Failures > 0 {
		v.ring.Failures = 0
		_ = v.ring.write(v.dir)
	}
	return nil
}

package data

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// The keyring is the one plain file in a store folder. It holds the random
// data key that encrypts the Badger store, wrapped (AES-256-GCM) once per
// manager under a key derived from that manager's passcode with argon2id, and
// once under the recovery key printed at setup: one slot each, as LUKS does.
// Changing a passcode rewrites one slot; the store itself is untouched.
//
// The keyring holds manager display names (so the unlock screen can offer
// them) and nothing about residents.

const (
	keyringFile    = "keyring.json"
	keyringFormat  = "porchlight-keyring"
	keyringVersion = 2 // 2: the failure count is sealed (throttle.go)
	dataKeyLen     = 32

	slotManager  = "manager"
	slotRecovery = "recovery"
)

// KDFParams are the argon2id costs used to derive a slot's wrapping key.
type KDFParams struct {
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// DefaultKDF costs about half a second and 64 MiB on a small desktop: slow
// enough to make guessing passcodes expensive, quick enough for a person.
var DefaultKDF = KDFParams{Time: 3, Memory: 64 * 1024, Threads: 2}

type slot struct {
	ID      string    `json:"id"`
	Kind    string    `json:"kind"`
	Label   string    `json:"label"`
	Salt    []byte    `json:"salt"`
	KDF     KDFParams `json:"kdf"`
	Nonce   []byte    `json:"nonce"`
	Wrapped []byte    `json:"wrapped"`
}

type keyring struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	StoreID string `json:"store_id"`
	// Failed unlock attempts since the last success, and when the last one
	// happened: the unlock delay grows with them, across restarts.
	Failures    int       `json:"failures"`
	LastFailure time.Time `json:"last_failure"`
	ThrottleMAC []byte    `json:"throttle_mac,omitempty"`
	Slots       []slot    `json:"slots"`
	// Sum is the SHA-256 of the keyring written with Sum empty: a damaged
	// copy is noticed and the other copy used (keyring_backup.go).
	Sum string `json:"sum,omitempty"`
}

var (
	// ErrWrongPasscode means the passcode or recovery key did not open its slot.
	ErrWrongPasscode = errors.New("that passcode is not right")
	// ErrNotAStore means the folder holds something other than a Porchlight store.
	ErrNotAStore = errors.New("this folder is not a Porchlight store")
)

// parseKeyring decodes one copy of the keyring and checks its sum.
func parseKeyring(b []byte) (*keyring, error) {
	var k keyring
	if err := json.Unmarshal(b, &k); err != nil || k.Format != keyringFormat {
		return nil, ErrNotAStore
	}
	if k.Version > keyringVersion {
		return nil, fmt.Errorf("this store was written by a newer Porchlight (keyring version %d)", k.Version)
	}
	if k.Sum != "" && k.Sum != k.sum() {
		return nil, errKeyringSum
	}
	for i := range k.Slots {
		if !k.Slots[i].wellFormed() {
			return nil, ErrNotAStore
		}
	}
	return &k, nil
}

// wellFormed reports whether a slot read from disk has the shape sealSlot
// gives it. A damaged or edited keyring is refused here, rather than
// panicking in GCM on a bad nonce length or exhausting memory in argon2id
// on an absurd cost.
func (s *slot) wellFormed() bool {
	return len(s.Salt) >= 8 && len(s.Nonce) == 12 && len(s.Wrapped) == dataKeyLen+16 &&
		s.KDF.Time >= 1 && s.KDF.Time <= 64 &&
		s.KDF.Memory >= 1 && s.KDF.Memory <= 4<<20 && s.KDF.Threads >= 1
}

// write replaces both copies of the keyring, each atomically: temp file,
// fsync, rename. The main copy goes first; a crash between the two leaves a
// good main copy, and the next start brings the backup up to date.
func (k *keyring) write(dir string) error {
	k.Version = keyringVersion
	k.sealThrottle()
	k.Sum = k.sum()
	b, err := json.MarshalIndent(k, "", "  ")
	if err != nil {
		return fmt.Errorf("encode keyring: %w", err)
	}
	if err := writeFileAtomic(dir, keyringFile, b); err != nil {
		return err
	}
	return writeFileAtomic(dir, keyringBackupFile, b)
}

// writeFileAtomic replaces dir/name with b: temp file, fsync, rename.
func writeFileAtomic(dir, name string, b []byte) error {
	tmp, err := os.CreateTemp(dir, name+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, diskFullError(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, diskFullError(err))
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", name, diskFullError(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("replace %s: %w", name, err)
	}
	syncDir(dir)
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // best effort: not supported everywhere
		d.Close()
	}
}

func (k *keyring) find(id string) (int, *slot) {
	for i := range k.Slots {
		if k.Slots[i].ID == id {
			return i, &k.Slots[i]
		}
	}
	return -1, nil
}

// put adds or replaces the slot with s.ID.
func (k *keyring) put(s slot) {
	if i, _ := k.find(s.ID); i >= 0 {
		k.Slots[i] = s
		return
	}
	k.Slots = append(k.Slots, s)
}

func (k *keyring) remove(id string) {
	if i, _ := k.find(id); i >= 0 {
		k.Slots = append(k.Slots[:i], k.Slots[i+1:]...)
	}
}

// sealSlot wraps dataKey under a key derived from secret.
func sealSlot(id, kind, label, secret string, dataKey []byte, p KDFParams) (slot, error) {
	s := slot{ID: id, Kind: kind, Label: label, KDF: p, Salt: randomBytes(16)}
	gcm, err := slotCipher(secret, s.Salt, p)
	if err != nil {
		return slot{}, err
	}
	s.Nonce = randomBytes(gcm.NonceSize())
	s.Wrapped = gcm.Seal(nil, s.Nonce, dataKey, s.aad())
	return s, nil
}

// open unwraps the data key, or returns ErrWrongPasscode.
func (s *slot) open(secret string) ([]byte, error) {
	gcm, err := slotCipher(secret, s.Salt, s.KDF)
	if err != nil {
		return nil, err
	}
	key, err := gcm.Open(nil, s.Nonce, s.Wrapped, s.aad())
	if err != nil || len(key) != dataKeyLen {
		return nil, ErrWrongPasscode
	}
	return key, nil
}

// aad binds a wrapped key to its slot, so slots cannot be swapped around.
func (s *slot) aad() []byte { return []byte(keyringFormat + "/" + s.Kind + "/" + s.ID) }

func slotCipher(secret string, salt []byte, p KDFParams) (cipher.AEAD, error) {
	if p.Time == 0 || p.Memory == 0 || p.Threads == 0 {
		return nil, ErrNotAStore
	}
	kek := argon2.IDKey([]byte(secret), salt, p.Time, p.Memory, p.Threads, 32)
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, fmt.Errorf("key cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error()) // never happens on supported systems
	}
	return b
}

// newRecoveryKey returns 160 random bits as eight groups of four letters
// and digits (base32, no padding), easy to read off paper and type back.
func newRecoveryKey() string {
	s := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(randomBytes(20))
	var groups []string
	for i := 0; i < len(s); i += 4 {
		groups = append(groups, s[i:i+4])
	}
	return strings.Join(groups, "-")
}

// NormalizeRecoveryKey forgives what people do when they type a key from
// paper: lower case, missing or extra dashes and spaces, O for 0 and
// I or L for 1 are not in the alphabet, so they are mapped to what was meant.
func NormalizeRecoveryKey(s string) string {
	s = strings.ToUpper(s)
	s = strings.NewReplacer("-", "", " ", "", "\t", "", "0", "O", "1", "I", "8", "B").Replace(s)
	var groups []string
	for i := 0; i < len(s); i += 4 {
		groups = append(groups, s[i:min(i+4, len(s))])
	}
	return strings.Join(groups, "-")
}

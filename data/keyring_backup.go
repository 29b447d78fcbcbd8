package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// The keyring is the only way to the data key: if it were lost, every
// record would be lost with it. So it is kept twice, keyring.json and
// keyring.backup.json, each with a checksum; when one copy is damaged or
// missing it is rewritten from the other and the person is told.

const keyringBackupFile = "keyring.backup.json"

var errKeyringSum = errors.New("keyring does not match its checksum")

// sum is the hex SHA-256 of the keyring encoded with Sum empty.
func (k *keyring) sum() string {
	c := *k
	c.Sum = ""
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// keyringCopy is one copy read from disk.
type keyringCopy struct {
	raw  []byte
	ring *keyring
	err  error // os.ErrNotExist when missing
}

func readKeyringCopy(dir, name string) keyringCopy {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return keyringCopy{err: err}
	}
	k, err := parseKeyring(b)
	return keyringCopy{raw: b, ring: k, err: err}
}

// loadKeyring reads both copies and mends the one that is damaged, missing
// or out of date from the other. notice tells the person what was mended;
// it is empty when nothing was wrong (or only an older store's backup was
// missing). With neither copy present it returns os.ErrNotExist.
func loadKeyring(dir string) (ring *keyring, notice string, err error) {
	main := readKeyringCopy(dir, keyringFile)
	back := readKeyringCopy(dir, keyringBackupFile)
	if main.err == nil && main.ring.Sum == "" && back.err == nil && back.ring.Sum != "" {
		main.err = errKeyringSum // its sum was lost to damage: trust the copy that has one
	}
	switch {
	case main.err == nil:
		if back.err != nil || back.ring.Sum != main.ring.Sum {
			if back.err != nil && !errors.Is(back.err, os.ErrNotExist) {
				notice = "The backup copy of the key file (" + keyringBackupFile + ") was damaged; it has been rewritten from the main copy."
			}
			if err := writeFileAtomic(dir, keyringBackupFile, main.raw); err != nil {
				return nil, "", err
			}
		}
		return main.ring, notice, nil
	case errors.Is(main.err, os.ErrNotExist) && errors.Is(back.err, os.ErrNotExist):
		return nil, "", os.ErrNotExist
	case back.err == nil:
		if err := writeFileAtomic(dir, keyringFile, back.raw); err != nil {
			return nil, "", err
		}
		what := "was damaged"
		if errors.Is(main.err, os.ErrNotExist) {
			what = "was missing"
		}
		return back.ring, "The key file (" + keyringFile + ") " + what + "; it has been restored from its backup copy (" + keyringBackupFile + "). Nothing was lost.", nil
	}
	// Neither copy can be used.
	if isNewer(main.err) {
		return nil, "", main.err
	}
	if isNewer(back.err) {
		return nil, "", back.err
	}
	if !looksLikeKeyring(main.raw) && errors.Is(back.err, os.ErrNotExist) {
		return nil, "", ErrNotAStore
	}
	problem := "is damaged, and so is its backup copy " + keyringBackupFile
	if errors.Is(back.err, os.ErrNotExist) {
		problem = "is damaged, and there is no backup copy"
	} else if errors.Is(main.err, os.ErrNotExist) {
		return nil, "", damaged(keyringBackupFile, "is damaged, and "+keyringFile+" is missing")
	}
	return nil, "", damaged(keyringFile, problem)
}

func isNewer(err error) bool {
	return err != nil && strings.Contains(err.Error(), "newer Porchlight")
}

// looksLikeKeyring tells a damaged keyring from some other file.
func looksLikeKeyring(b []byte) bool {
	return strings.Contains(string(b), keyringFormat)
}

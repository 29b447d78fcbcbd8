package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// First-start setup writes the database and then the keyring; a kill in
// between once left a database no key could open, and every later start
// refused the folder. Now setup leaves a marker first and removes it last:
// a folder found with the marker is a setup that did not finish, and is
// cleared so setup can start again (nothing in it was ever usable: the
// recovery key had not been shown). A database without keyring or marker,
// left by an older Porchlight, is moved aside rather than deleted.

const (
	setupMarker      = "setup.unfinished"
	unfinishedPrefix = "db.unfinished-"
	setupNotice      = "Setup did not finish last time; start again."
)

// clearUnfinishedSetup clears what an interrupted setup left.
func (v *Vault) clearUnfinishedSetup() error {
	if exists(filepath.Join(v.dir, setupMarker)) {
		v.discardNewStore()
		if exists(filepath.Join(v.dir, setupMarker)) {
			return fmt.Errorf("clear unfinished setup: cannot remove %s", setupMarker)
		}
		v.notice = setupNotice
		return nil
	}
	if exists(filepath.Join(v.dir, keyringFile)) || exists(filepath.Join(v.dir, keyringBackupFile)) {
		return nil
	}
	db := filepath.Join(v.dir, "db")
	if !exists(db) || !onlyBadgerFiles(db) || !onlyOwnFiles(v.dir) {
		return nil
	}
	aside := filepath.Join(v.dir, unfinishedPrefix+strconv.FormatInt(v.now().Unix(), 10))
	if err := os.Rename(db, aside); err != nil {
		return fmt.Errorf("clear unfinished setup: %w", err)
	}
	_ = os.Remove(filepath.Join(v.dir, openMarker))
	syncDir(v.dir)
	v.notice = setupNotice + " (What it left was kept in " + filepath.Base(aside) + ".)"
	return nil
}

// discardNewStore removes a half-made store, file by file, so setup can be
// tried again. It never removes anything Porchlight did not make.
func (v *Vault) discardNewStore() {
	_ = os.RemoveAll(filepath.Join(v.dir, "db"))
	for _, n := range []string{keyringFile, keyringBackupFile, openMarker} {
		_ = os.Remove(filepath.Join(v.dir, n))
	}
	entries, _ := os.ReadDir(v.dir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, keyringFile+".") || strings.HasPrefix(n, keyringBackupFile+".") {
			_ = os.Remove(filepath.Join(v.dir, n))
		}
	}
	_ = os.Remove(filepath.Join(v.dir, setupMarker))
	syncDir(v.dir)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// onlyOwnFiles reports whether the store folder holds only what
// Porchlight makes (and a db folder).
func onlyOwnFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Name() != "db" && !ownName(e.Name()) {
			return false
		}
	}
	return true
}

// onlyBadgerFiles reports whether dir holds nothing but Badger's files.
func onlyBadgerFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		n := e.Name()
		switch {
		case e.IsDir():
			return false
		case n == "MANIFEST", n == "KEYREGISTRY", n == "DISCARD", n == "LOCK",
			strings.HasPrefix(n, "MANIFEST"), strings.HasPrefix(n, "KEYREGISTRY"),
			strings.HasSuffix(n, ".sst"), strings.HasSuffix(n, ".vlog"), strings.HasSuffix(n, ".mem"):
		default:
			return false
		}
	}
	return true
}

package data

import (
	"errors"
	"syscall"
)

// A full disk must not reach Badger: it maps its memtable and value-log
// files into memory, and when the disk cannot back a page the process dies
// with SIGBUS, at every later start too. So the store checks the free space
// on its disk when it opens and before each write, and below a margin it
// refuses writes with a message; reading keeps working.

// ErrDiskFull refuses a write (or opening the store) when the disk is
// nearly full.
var ErrDiskFull = errors.New("The disk holding the house records is full; free space, then try again")

// defaultMinFree is the margin kept free: Badger needs room for a memtable
// flush (4 MB), a new value-log file (mapped at twice 16 MB) and a
// compaction, with some to spare.
const defaultMinFree = 64 << 20

// WithMinFree sets the free space kept on the store's disk (tests use it).
func WithMinFree(bytes uint64) VaultOption { return func(v *Vault) { v.minFree = bytes } }

// checkSpace returns ErrDiskFull when the store's disk has less free than
// the margin. When the free space cannot be read it lets the write go on:
// a wrong refusal would stop the house for nothing.
func (v *Vault) checkSpace() error {
	free, err := freeBytes(v.dir)
	if err != nil || free >= v.minFree {
		return nil
	}
	return ErrDiskFull
}

// FreeSpace reports the free bytes on the store's disk.
func (v *Vault) FreeSpace() (uint64, error) { return freeBytes(v.dir) }

// diskFullError turns the operating system's "no space" into ErrDiskFull.
func diskFullError(err error) error {
	if err != nil && errors.Is(err, syscall.ENOSPC) {
		return ErrDiskFull
	}
	return err
}

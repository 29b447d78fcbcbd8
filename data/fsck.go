package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/y"
	"google.golang.org/protobuf/proto"
)

// Before Badger opens a store, Porchlight checks its files itself. Badger
// treats a missing MANIFEST as a new database and then deletes every table
// the new MANIFEST does not name; a missing KEYREGISTRY or a truncated table
// panics inside one of its goroutines, where nothing can recover it. Those
// are refused here, with the file named, before anything is changed.
//
// The checks need no key: the MANIFEST is plain, a table's index carries a
// checksum over its (encrypted) bytes, and each KEYREGISTRY entry a CRC.

// ErrDamaged matches every DamageError.
var ErrDamaged = errors.New("the house records are damaged")

// DamageError names a damaged or missing file of the store. Nothing has
// been changed when it is returned.
type DamageError struct {
	File    string // relative to the store folder, e.g. "db/MANIFEST"
	Problem string // e.g. "is missing"
}

func (e *DamageError) Error() string {
	return fmt.Sprintf("the house records are damaged: %s %s. Nothing was changed; restore the folder from a backup, or open another folder", e.File, e.Problem)
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamageError) Is(target error) bool { return target == ErrDamaged }

func damaged(file, problem string) error {
	return &DamageError{File: file, Problem: problem}
}

// dbFiles is what a store's db folder holds, by kind.
type dbFiles struct {
	tables   map[uint64]int64 // table ID -> size
	mem, log []string         // memtable WALs and value logs
	manifest bool
	registry bool
}

func listDB(dir string) (dbFiles, error) {
	f := dbFiles{tables: map[uint64]int64{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return f, err
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == badger.ManifestFilename:
			f.manifest = true
		case name == badger.KeyRegistryFileName:
			f.registry = true
		case strings.HasSuffix(name, ".sst"):
			var id uint64
			if _, err := fmt.Sscanf(name, "%06d.sst", &id); err == nil {
				info, err := e.Info()
				if err != nil {
					return f, err
				}
				f.tables[id] = info.Size()
			}
		case strings.HasSuffix(name, ".mem"):
			f.mem = append(f.mem, name)
		case strings.HasSuffix(name, ".vlog"):
			f.log = append(f.log, name)
		}
	}
	return f, nil
}

// checkDB checks the Badger folder of a store before it is opened. crashed
// says the last run did not close the store, when tables the MANIFEST does
// not yet name are expected (Badger drops them and replays its log).
func checkDB(storeDir string, crashed bool) error {
	dir := filepath.Join(storeDir, "db")
	f, err := listDB(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new store
	}
	if err != nil {
		return fmt.Errorf("read the house records folder: %w", err)
	}
	if !f.manifest && !f.registry && len(f.tables) == 0 && len(f.mem) == 0 && len(f.log) == 0 {
		return nil // nothing written yet
	}
	if !f.manifest {
		return damaged("db/MANIFEST", "is missing")
	}
	if !f.registry {
		return damaged("db/KEYREGISTRY", "is missing")
	}
	keys, err := checkRegistry(dir)
	if err != nil {
		return err
	}
	named, complete, err := readManifest(dir)
	if err != nil {
		return err
	}
	for id, keyID := range named {
		// A table whose data key is not in the registry would be read as
		// if it were not encrypted, and Badger panics on what it finds.
		if keyID != 0 && !keys[keyID] {
			return damaged("db/KEYREGISTRY", fmt.Sprintf("has lost the key of %s", tableName(id)))
		}
		size, ok := f.tables[id]
		if !ok {
			return damaged("db/"+tableName(id), "is missing (the MANIFEST lists it)")
		}
		if err := checkTableFooter(filepath.Join(dir, tableName(id)), size); err != nil {
			return damaged("db/"+tableName(id), err.Error())
		}
	}
	// A table on disk that the MANIFEST does not name is left by a crash
	// between writing it and recording it; Badger deletes it and replays its
	// log. After a clean close there is no such table and no log: then the
	// MANIFEST has lost entries, and opening would delete records.
	if !crashed && len(f.mem) == 0 && complete {
		for id := range f.tables {
			if _, ok := named[id]; !ok {
				return damaged("db/MANIFEST", fmt.Sprintf("does not list %s (the MANIFEST is damaged or out of date)", tableName(id)))
			}
		}
	}
	if !complete && len(f.mem) == 0 && !crashed {
		return damaged("db/MANIFEST", "ends part-way through an entry")
	}
	return nil
}

func tableName(id uint64) string { return fmt.Sprintf("%06d.sst", id) }

// readManifest replays the MANIFEST read-only and returns the tables it
// names (with the ID of each one's data key), and whether it ends on a
// whole entry.
func readManifest(dir string) (map[uint64]uint64, bool, error) {
	fp, err := os.Open(filepath.Join(dir, badger.ManifestFilename))
	if err != nil {
		return nil, false, damaged("db/MANIFEST", "cannot be read")
	}
	defer fp.Close()
	info, err := fp.Stat()
	if err != nil {
		return nil, false, damaged("db/MANIFEST", "cannot be read")
	}
	m, end, err := replayManifest(fp)
	if err != nil {
		return nil, false, damaged("db/MANIFEST", "does not match its checksum or is not a MANIFEST")
	}
	named := make(map[uint64]uint64, len(m.Tables))
	for id, tm := range m.Tables {
		named[id] = tm.KeyID
	}
	return named, end == info.Size(), nil
}

// replayManifest is Badger's own reader, kept from panicking on odd input.
func replayManifest(fp *os.File) (m badger.Manifest, end int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("manifest reader failed: %v", r)
		}
	}()
	return badger.ReplayManifestFile(fp, 0, badger.DefaultOptions("").WithLogger(quietLogger{}))
}

// checkTableFooter checks a table's footer and the checksum of its index,
// which is what Badger reads first when it opens the table (and panics on,
// in a goroutine, when it is cut short). The blocks are checked after the
// store opens, with the key (verifyTables).
//
// A table ends: index | index length (4) | checksum | checksum length (4).
func checkTableFooter(path string, size int64) error {
	if size < 8 {
		return errors.New("is cut short")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return errors.New("cannot be read")
	}
	pos := len(b) - 4
	chkLen := int(binary.BigEndian.Uint32(b[pos:]))
	if chkLen <= 0 || chkLen > pos-4 {
		return errors.New("is cut short or damaged at its end")
	}
	pos -= chkLen
	var chk pb.Checksum
	if err := proto.Unmarshal(b[pos:pos+chkLen], &chk); err != nil {
		return errors.New("is damaged at its end")
	}
	pos -= 4
	idxLen := int(binary.BigEndian.Uint32(b[pos:]))
	if idxLen <= 0 || idxLen > pos {
		return errors.New("is cut short or damaged at its end")
	}
	idx := b[pos-idxLen : pos]
	if chk.Algo != pb.Checksum_CRC32C && chk.Algo != pb.Checksum_XXHash64 {
		return errors.New("is damaged at its end")
	}
	if y.CalculateChecksum(idx, chk.Algo) != chk.Sum {
		return errors.New("does not match its checksum")
	}
	return nil
}

// checkRegistry walks the KEYREGISTRY's entries, checks each one's CRC and
// returns the IDs of the data keys it holds:
// IV (16) | sanity text (12) | entries of length (4) CRC (4) data.
func checkRegistry(dir string) (map[uint64]bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, badger.KeyRegistryFileName))
	if err != nil {
		return nil, damaged("db/KEYREGISTRY", "cannot be read")
	}
	const head = 16 + len("Hello Badger")
	if len(b) < head {
		return nil, damaged("db/KEYREGISTRY", "is cut short")
	}
	keys := map[uint64]bool{}
	for pos := head; pos < len(b); {
		if len(b)-pos < 8 {
			return nil, damaged("db/KEYREGISTRY", "is cut short")
		}
		n := int(binary.BigEndian.Uint32(b[pos:]))
		sum := binary.BigEndian.Uint32(b[pos+4:])
		pos += 8
		if n > len(b)-pos {
			return nil, damaged("db/KEYREGISTRY", "is cut short or damaged")
		}
		if crc32.Checksum(b[pos:pos+n], y.CastagnoliCrcTable) != sum {
			return nil, damaged("db/KEYREGISTRY", "does not match its checksum")
		}
		var dk pb.DataKey
		if err := proto.Unmarshal(b[pos:pos+n], &dk); err != nil {
			return nil, damaged("db/KEYREGISTRY", "holds an entry that is not a key")
		}
		keys[dk.KeyId] = true
		pos += n
	}
	return keys, nil
}

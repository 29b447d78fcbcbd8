package data

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// The record stream inside a backup is Badger's backup format: for each
// batch, its size (uint64 little-endian) and a protobuf KVList. Only the
// newest version of each live record is written, so a record deleted or
// changed before the backup leaves nothing of its old value in the file.

const streamBatch = 1 << 20 // bytes of values per KVList

// streamCounts is what a stream held.
type streamCounts struct {
	records int
	kinds   map[string]int
}

func (c *streamCounts) add(key []byte) {
	if c.kinds == nil {
		c.kinds = map[string]int{}
	}
	c.records++
	c.kinds[keyKind(string(key))]++
}

// writeStream writes every live record seen by txn (one read timestamp: a
// consistent snapshot while the kiosk keeps writing) to w.
func writeStream(txn *badger.Txn, w io.Writer, progress func(int)) (streamCounts, error) {
	var c streamCounts
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	list := &pb.KVList{}
	size := 0
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		val, err := item.ValueCopy(nil)
		if err != nil {
			return c, fmt.Errorf("read the records: %w", err)
		}
		list.Kv = append(list.Kv, &pb.KV{Key: item.KeyCopy(nil), Value: val,
			UserMeta: []byte{item.UserMeta()}, Version: item.Version(), ExpiresAt: item.ExpiresAt()})
		c.add(item.Key())
		size += len(val) + len(item.Key())
		if size >= streamBatch {
			if err := writeKVList(w, list); err != nil {
				return c, err
			}
			list, size = &pb.KVList{}, 0
			if progress != nil {
				progress(c.records)
			}
		}
	}
	if len(list.Kv) > 0 {
		if err := writeKVList(w, list); err != nil {
			return c, err
		}
	}
	if progress != nil {
		progress(c.records)
	}
	return c, nil
}

func writeKVList(w io.Writer, list *pb.KVList) error {
	b, err := proto.Marshal(list)
	if err != nil {
		return fmt.Errorf("encode records: %w", err)
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// countStream reads a record stream to its end and counts what it holds,
// without keeping it.
func countStream(r io.Reader, progress func(int)) (streamCounts, error) {
	var c streamCounts
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for {
		var n [8]byte
		if _, err := io.ReadFull(br, n[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return c, nil
			}
			return c, streamErr(err)
		}
		sz := binary.LittleEndian.Uint64(n[:])
		if sz > 512<<20 {
			return c, backupDamaged("a batch of records has a wrong length")
		}
		if uint64(cap(buf)) < sz {
			buf = make([]byte, sz)
		}
		if _, err := io.ReadFull(br, buf[:sz]); err != nil {
			return c, streamErr(err)
		}
		list := &pb.KVList{}
		if err := proto.Unmarshal(buf[:sz], list); err != nil {
			return c, backupDamaged("a batch of records cannot be read")
		}
		for _, kv := range list.Kv {
			c.add(kv.Key)
		}
		if progress != nil {
			progress(c.records)
		}
	}
}

// streamErr keeps a damage error as it is and names a cut-off stream.
func streamErr(err error) error {
	if errors.Is(err, ErrBackupDamaged) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return backupDamaged("its records end in the middle of a batch")
	}
	return err
}

// hashWriter is a running SHA-256.
type hashWriter struct{ h hash.Hash }

func newHash() hashWriter                 { return hashWriter{sha256.New()} }
func (h hashWriter) Write(p []byte)       { h.h.Write(p) }
func (h hashWriter) hex() string          { return hex.EncodeToString(h.h.Sum(nil)) }
func sameCounts(a, b map[string]int) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

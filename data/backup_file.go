package data

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// A backup file, in order:
//
//	"PORCHLIGHT-BACKUP-1\n"          magic (20 bytes)
//	chunks                           uint32 big-endian length, then AES-256-GCM ciphertext
//	                                 of the record stream, zstd-compressed when the
//	                                 header says so (files before it are not)
//	header (JSON)                    plain: store ID, created at, the keyring slots;
//	                                 sealed: house, schema, record counts, checksum
//	uint32 big-endian header length
//	"PLBKEND\n"                      end magic (8 bytes)
//
// The header sits at the end so a backup streams out in one pass and its
// checksum and counts can be written once they are known. The chunks are
// the store's records in Badger's backup stream format (a length-prefixed
// KVList per batch, which badger.DB.Load reads back). Each chunk is sealed
// under a key derived from the store's data key and a random per-file salt
// (HKDF-SHA256); its nonce is its index and its additional data says
// whether it is the last, so a reordered, dropped or cut-off chunk is
// refused. The data key itself is in the header only wrapped, in the same
// slots as the keyring (one per manager and one for the recovery key), so
// the file opens with any of those.

const (
	backupMagic    = "PORCHLIGHT-BACKUP-1\n"
	backupEndMagic = "PLBKEND\n"
	backupFormat   = "porchlight-backup"
	backupVersion  = 1
	backupChunk    = 256 << 10 // plaintext bytes per chunk
	maxHeaderLen   = 4 << 20
)

// ErrBackupDamaged means a backup file is cut short, altered or not a
// Porchlight backup at all.
var ErrBackupDamaged = errors.New("this backup file is damaged or incomplete")

// backupDamaged wraps ErrBackupDamaged with what was found.
func backupDamaged(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBackupDamaged, fmt.Sprintf(format, args...))
}

// backupHeader is the trailer. Slots may be sealed again later (a manager
// added after the backup); everything else is fixed when the file is made.
type backupHeader struct {
	Format      string    `json:"format"`
	Version     int       `json:"version"`
	StoreID     string    `json:"store_id"`
	Created     time.Time `json:"created"`
	Salt        []byte    `json:"salt"`
	BodyEnd     int64     `json:"body_end"`
	Chunks      int64     `json:"chunks"`
	SlotsSealed time.Time `json:"slots_sealed"`
	Slots       []slot    `json:"slots"`
	InfoNonce   []byte    `json:"info_nonce"`
	Info        []byte    `json:"info"` // BackupInfo, sealed
	// Compression of the record stream before it is sealed: "zstd", or ""
	// in files written before backups were compressed.
	Compression string `json:"compression,omitempty"`
}

// BackupInfo is what a backup holds, readable once it is unlocked.
type BackupInfo struct {
	House    string         `json:"house"`
	Created  time.Time      `json:"created"`
	Schema   int            `json:"schema"`
	Records  int            `json:"records"`
	Counts   map[string]int `json:"counts"` // records per kind ("res", "sign", ...)
	Checksum string         `json:"sha256"` // of the record stream
	Managers []Login        `json:"managers"`
}

// infoAAD binds the sealed info to the fixed parts of the header.
func (h *backupHeader) infoAAD() []byte {
	b := fmt.Appendf(nil, "%s/%d/info/%s/%d/%x/%d/%d", h.Format, h.Version, h.StoreID,
		h.Created.UnixNano(), h.Salt, h.BodyEnd, h.Chunks)
	if h.Compression != "" { // bound too, so it cannot be changed unseen
		b = fmt.Appendf(b, "/%s", h.Compression)
	}
	return b
}

// fileCipher is the AEAD for one backup file.
func fileCipher(dataKey, salt []byte) (cipher.AEAD, error) {
	k, err := hkdf.Key(sha256.New, dataKey, salt, backupFormat+"/v1", 32)
	if err != nil {
		return nil, fmt.Errorf("backup key: %w", err)
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, fmt.Errorf("backup cipher: %w", err)
	}
	return cipher.NewGCM(block)
}

func chunkNonce(i int64) []byte {
	n := make([]byte, 12)
	binary.BigEndian.PutUint64(n[4:], uint64(i))
	return n
}

func chunkAAD(i int64, last bool) []byte {
	b := fmt.Appendf(nil, "%s/chunk/%d/", backupFormat, i)
	if last {
		return append(b, '1')
	}
	return append(b, '0')
}

// chunkWriter seals what is written to it, chunk by chunk, and hashes the
// plaintext. Close writes the last chunk (possibly empty).
type chunkWriter struct {
	w     io.Writer
	aead  cipher.AEAD
	buf   []byte
	n     int64 // chunks written
	bytes int64 // bytes written to w
	sum   hashWriter
}

func newChunkWriter(w io.Writer, aead cipher.AEAD) *chunkWriter {
	return &chunkWriter{w: w, aead: aead, buf: make([]byte, 0, backupChunk), sum: newHash()}
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.sum.Write(p)
	total := len(p)
	for len(p) > 0 {
		k := min(backupChunk-len(c.buf), len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == backupChunk && len(p) > 0 {
			if err := c.flush(false); err != nil {
				return 0, err
			}
		}
	}
	return total, nil
}

func (c *chunkWriter) flush(last bool) error {
	ct := c.aead.Seal(nil, chunkNonce(c.n), c.buf, chunkAAD(c.n, last))
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(ct)))
	if _, err := c.w.Write(hdr[:]); err != nil {
		return err
	}
	if _, err := c.w.Write(ct); err != nil {
		return err
	}
	c.n++
	c.bytes += int64(len(ct)) + 4
	c.buf = c.buf[:0]
	return nil
}

func (c *chunkWriter) Close() error { return c.flush(true) }

// chunkReader opens the chunks of a file one by one and checks, at the
// end, that the last chunk was marked last and the checksum matches.
type chunkReader struct {
	r      *bufio.Reader
	aead   cipher.AEAD
	chunks int64 // how many the header says
	i      int64
	buf    []byte
	sum    hashWriter
	want   string // hex checksum, "" to skip
	done   bool
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.done {
			return 0, io.EOF
		}
		if err := c.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

func (c *chunkReader) next() error {
	if c.i >= c.chunks {
		return backupDamaged("it ends before its last part")
	}
	var hdr [4]byte
	if _, err := io.ReadFull(c.r, hdr[:]); err != nil {
		return backupDamaged("part %d of %d is cut short", c.i+1, c.chunks)
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n < 16 || n > backupChunk+16 {
		return backupDamaged("part %d of %d has a wrong length", c.i+1, c.chunks)
	}
	ct := make([]byte, n)
	if _, err := io.ReadFull(c.r, ct); err != nil {
		return backupDamaged("part %d of %d is cut short", c.i+1, c.chunks)
	}
	last := c.i == c.chunks-1
	pt, err := c.aead.Open(ct[:0], chunkNonce(c.i), ct, chunkAAD(c.i, last))
	if err != nil {
		return backupDamaged("part %d of %d does not match its seal (the file was changed or the disk lost some of it)", c.i+1, c.chunks)
	}
	c.sum.Write(pt)
	c.buf = pt
	c.i++
	if last {
		c.done = true
		if c.want != "" && c.sum.hex() != c.want {
			return backupDamaged("its checksum does not match")
		}
	}
	return nil
}

// readBackupHeader reads and checks the shape of a backup file's header.
func readBackupHeader(f *os.File) (backupHeader, int64, error) {
	var h backupHeader
	info, err := f.Stat()
	if err != nil {
		return h, 0, fmt.Errorf("read backup file: %w", err)
	}
	size := info.Size()
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(f, magic); err != nil || string(magic) != backupMagic {
		if err != nil && size >= int64(len(backupMagic)) {
			return h, 0, fmt.Errorf("read backup file: %w", err)
		}
		return h, 0, errNotABackup
	}
	tail := int64(4 + len(backupEndMagic))
	if size < int64(len(backupMagic))+tail {
		return h, 0, backupDamaged("it is cut short (only %d bytes)", size)
	}
	end := make([]byte, tail)
	if _, err := f.ReadAt(end, size-tail); err != nil {
		return h, 0, fmt.Errorf("read backup file: %w", err)
	}
	if string(end[4:]) != backupEndMagic {
		return h, 0, backupDamaged("it is cut short: its ending is missing (was the copy interrupted?)")
	}
	hl := int64(binary.BigEndian.Uint32(end[:4]))
	if hl <= 0 || hl > maxHeaderLen || hl > size-tail-int64(len(backupMagic)) {
		return h, 0, backupDamaged("its header has a wrong length")
	}
	hb := make([]byte, hl)
	if _, err := f.ReadAt(hb, size-tail-hl); err != nil {
		return h, 0, fmt.Errorf("read backup file: %w", err)
	}
	if err := json.Unmarshal(hb, &h); err != nil || h.Format != backupFormat {
		return h, 0, backupDamaged("its header cannot be read")
	}
	if h.Version > backupVersion {
		return h, 0, fmt.Errorf("this backup was made by a newer Porchlight (format %d); update Porchlight to restore it", h.Version)
	}
	if h.BodyEnd != size-tail-hl || h.Chunks < 1 || len(h.Salt) < 16 || len(h.InfoNonce) != 12 {
		return h, 0, backupDamaged("its header does not fit the file")
	}
	for i := range h.Slots {
		if !h.Slots[i].wellFormed() {
			return h, 0, backupDamaged("its key slots are damaged")
		}
	}
	return h, size, nil
}

var errNotABackup = errors.New("this file is not a Porchlight backup")

// writeTrailer writes the header, its length and the end magic.
func writeTrailer(w io.Writer, h *backupHeader) error {
	hb, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("encode backup header: %w", err)
	}
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(hb)))
	for _, b := range [][]byte{hb, n[:], []byte(backupEndMagic)} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// sealInfo seals what the backup holds into the header.
func (h *backupHeader) sealInfo(aead cipher.AEAD, info BackupInfo) error {
	b, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("encode backup info: %w", err)
	}
	h.InfoNonce = randomBytes(12)
	h.Info = aead.Seal(nil, h.InfoNonce, b, h.infoAAD())
	return nil
}

// openInfo reads the sealed info with the file's cipher.
func (h *backupHeader) openInfo(aead cipher.AEAD) (BackupInfo, error) {
	var info BackupInfo
	b, err := aead.Open(nil, h.InfoNonce, h.Info, h.infoAAD())
	if err != nil {
		return info, backupDamaged("its header does not match its seal")
	}
	if err := json.Unmarshal(b, &info); err != nil {
		return info, backupDamaged("its header cannot be read")
	}
	return info, nil
}

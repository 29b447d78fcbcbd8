package data

import (
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// Backups compress the record stream with zstd before sealing it: the
// records are JSON with repeated keys and names, and a 40-bed house with
// three years of history came to a 70 MB file uncompressed. The library is
// the one Badger already uses for its tables, so it adds nothing to the
// build.

const compressZstd = "zstd"

// newRecordCompressor compresses what is written to it into w. One
// encoder goroutine: a nightly backup should not take both cores from the
// kiosk.
func newRecordCompressor(w io.Writer) (io.WriteCloser, error) {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedDefault))
	if err != nil {
		return nil, fmt.Errorf("compress the records: %w", err)
	}
	return zw, nil
}

// recordReader returns the backup's record stream read from its opened
// chunks, decompressed when the file was compressed, and finish, which
// reads the chunks to their end (so the last chunk's seal and the
// checksum are checked) and lets the decoder go.
func (h *backupHeader) recordReader(chunks io.Reader) (io.Reader, func() error, error) {
	drain := func() error {
		_, err := io.Copy(io.Discard, chunks)
		return streamErr(err)
	}
	switch h.Compression {
	case "":
		return chunks, drain, nil
	case compressZstd:
		zr, err := zstd.NewReader(chunks, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, nil, fmt.Errorf("decompress the records: %w", err)
		}
		return zr, func() error { defer zr.Close(); return drain() }, nil
	default:
		return nil, nil, backupDamaged("its records are compressed with %q, which this version cannot read", h.Compression)
	}
}

package main

import (
	"fmt"
	"strings"

	"porchlight/data"
)

// porchlight backup --data DIR --to FOLDER: writes one encrypted backup
// file into FOLDER, reads it back to check it, and prints its path.
func runBackup(e *env, args []string) error {
	fs := newFlags("backup")
	var u unlockFlags
	u.register(fs)
	to := fs.String("to", "", "folder to write the backup file into")
	if pos, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("backup", "unexpected %q", pos[0])
	}
	if err := need("backup", "--data", u.dir, "--to", *to); err != nil {
		return err
	}
	s, err := u.open(e, "backup")
	if err != nil {
		return err
	}
	defer s.close()
	p := &progress{e: e}
	res, err := s.store.Backup(s.actor(), *to, func(b data.BackupProgress) {
		p.show("%s: %d records", strings.ToLower(b.Stage), b.Done)
	})
	p.done()
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, res.Path)
	fmt.Fprintf(e.stderr, "%d records, %s, checked after writing", res.Info.Records, byteSize(res.Size))
	if len(res.Pruned) > 0 {
		fmt.Fprintf(e.stderr, "; %d older backups removed by the retention rules", len(res.Pruned))
	}
	fmt.Fprintln(e.stderr, ".")
	return nil
}

// byteSize is "1.2 MB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

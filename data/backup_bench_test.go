package data

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// The demo house backed up and restored, for the figures in the README:
//
//	go test ./data/ -run '^$' -bench 'Backup|Restore' -benchtime 10x
func demoForBench(b *testing.B) *Store {
	b.Helper()
	v, err := OpenVault(b.TempDir(), WithKDF(DemoKDF), WithClock(func() time.Time { return backupNow }))
	if err != nil {
		b.Fatal(err)
	}
	st, err := CreateDemo(v)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close(); v.Close() })
	return st
}

func BenchmarkBackupDemo(b *testing.B) {
	st := demoForBench(b)
	folder := b.TempDir()
	var res BackupResult
	for i := 0; b.Loop(); i++ {
		st.now = func() time.Time { return backupNow.AddDate(0, 0, i) }
		var err error
		if res, err = st.Backup(System, folder, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Info.Records), "records")
	b.ReportMetric(float64(res.Size)/1024, "KB")
}

func BenchmarkRestoreDemo(b *testing.B) {
	st := demoForBench(b)
	res, err := st.Backup(System, b.TempDir(), nil)
	if err != nil {
		b.Fatal(err)
	}
	bf, err := OpenBackupFile(res.Path)
	if err != nil {
		b.Fatal(err)
	}
	var id string
	for _, l := range bf.Logins() {
		if l.Name == DemoManager {
			id = l.ID
		}
	}
	k, err := bf.Unlock(id, DemoPasscode)
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	for i := 0; b.Loop(); i++ {
		if _, err := RestoreBackup(bf, k, filepath.Join(root, fmt.Sprint(i)), nil, WithKDF(DemoKDF)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Info.Records), "records")
}

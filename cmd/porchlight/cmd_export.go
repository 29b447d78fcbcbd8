package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"porchlight/data"
)

// porchlight export residents|signouts|chores|meetings --data DIR --out FILE.csv
func runExport(e *env, args []string) error {
	fs := newFlags("export")
	var u unlockFlags
	u.register(fs)
	var out, from, to string
	fs.StringVar(&out, "out", "", "the CSV file to write (- for standard output)")
	fs.StringVar(&from, "from", "", "first date, YYYY-MM-DD (sign-outs, chores, meetings)")
	fs.StringVar(&to, "to", "", "last date, YYYY-MM-DD")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("export", "say what to export: residents, signouts, chores or meetings")
	}
	what := pos[0]
	if !strings.Contains(" residents signouts chores meetings ", " "+what+" ") {
		return usagef("export", "cannot export %q: choose residents, signouts, chores or meetings", what)
	}
	if err := need("export", "--data", u.dir, "--out", out); err != nil {
		return err
	}
	span, err := dateSpan(from, to)
	if err != nil {
		return err
	}
	s, err := u.open(e, "export")
	if err != nil {
		return err
	}
	defer s.close()
	t, err := exportTable(s.store, what, span)
	if err != nil {
		return err
	}
	if err := writeCSVFile(e, out, t); err != nil {
		return err
	}
	if out != "-" {
		fmt.Fprintf(e.stderr, "Wrote %d %s rows to %s. The file is not encrypted: keep it safe and delete it when done.\n", len(t.Rows), what, out)
	}
	return nil
}

func dateSpan(from, to string) ([2]data.Date, error) {
	var span [2]data.Date
	for i, v := range []string{from, to} {
		if v == "" {
			continue
		}
		d, err := data.ParseDate(v)
		if err != nil {
			return span, usagef("export", "%v", err)
		}
		span[i] = d
	}
	return span, nil
}

func exportTable(st *data.Store, what string, span [2]data.Date) (data.Table, error) {
	switch what {
	case "residents":
		return st.ExportResidents()
	case "signouts":
		return st.ExportSignOuts(span[0], span[1])
	case "chores":
		return st.ExportChores(span[0], span[1])
	}
	return st.ExportAttendance(span[0], span[1])
}

// writeCSVFile writes the table, replacing the file only when all of it
// was written.
func writeCSVFile(e *env, path string, t data.Table) error {
	if path == "-" {
		return t.WriteCSV(e.stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".porchlight-export-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := t.WriteCSV(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

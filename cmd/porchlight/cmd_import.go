package main

import (
	"fmt"
	"os"

	"porchlight/data"
)

// porchlight import residents FILE.csv --data DIR [--dry-run] [--skip-bad]
func runImport(e *env, args []string) error {
	fs := newFlags("import")
	var u unlockFlags
	u.register(fs)
	var dry, skip bool
	var dates string
	fs.BoolVar(&dry, "dry-run", false, "check the file and say what would be imported; save nothing")
	fs.BoolVar(&skip, "skip-bad", false, "import the good rows even when some rows have problems")
	fs.StringVar(&dates, "dates", "", "how to read 03/04/2026: dmy (3 April) or mdy (March 4)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "residents" {
		return usagef("import", "give what to import and the file: import residents FILE.csv")
	}
	order, err := dateOrder(dates)
	if err != nil {
		return err
	}
	file := pos[1]
	if err := need("import", "--data", u.dir); err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", file, errUnwrapPath(err))
	}
	defer f.Close()
	s, err := u.open(e, "import")
	if err != nil {
		return err
	}
	defer s.close()
	imp, err := s.store.PrepareResidentImport(f, order)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return saveImport(e, s, file, imp, dry, skip)
}

func saveImport(e *env, s *session, file string, imp *data.ResidentImport, dry, skip bool) error {
	for _, w := range imp.Warnings {
		fmt.Fprintf(e.stderr, "%s: warning: %s\n", file, w.Error())
	}
	for _, p := range imp.Problems {
		fmt.Fprintf(e.stderr, "%s: %s\n", file, p.Error())
	}
	if len(imp.Problems) > 0 && !skip {
		return fmt.Errorf("%s: %d of %d rows have problems (listed above); nothing was imported. Fix them, or use --skip-bad to import the other %d",
			file, imp.BadRows, imp.BadRows+len(imp.Rows), len(imp.Rows))
	}
	if dry {
		fmt.Fprintf(e.stdout, "Dry run: %d residents would be imported, %d rows skipped; nothing was saved.\n", len(imp.Rows), imp.BadRows)
		return nil
	}
	n, err := s.store.ImportResidents(s.actor(), imp, skip)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintf(e.stdout, "Imported %d residents from %s (%d rows skipped).\n", n, file, imp.BadRows)
	return nil
}

func dateOrder(s string) (data.DateOrder, error) {
	switch s {
	case "":
		return data.DateOrderUnknown, nil
	case "dmy":
		return data.DayFirst, nil
	case "mdy":
		return data.MonthFirst, nil
	}
	return 0, usagef("import", "--dates must be dmy or mdy")
}

// errUnwrapPath drops the path an *os.PathError repeats.
func errUnwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

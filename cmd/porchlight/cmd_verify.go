package main

import (
	"fmt"
)

// porchlight verify --data DIR: checks every record decodes and every
// index agrees.
func runVerify(e *env, args []string) error {
	fs := newFlags("verify")
	var u unlockFlags
	u.register(fs)
	if pos, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("verify", "unexpected %q", pos[0])
	}
	s, err := u.open(e, "verify")
	if err != nil {
		return err
	}
	defer s.close()
	p := &progress{e: e}
	rep, err := s.store.CheckStore(func(n int) { p.show("checked %d records", n) })
	p.done()
	if err != nil {
		return fmt.Errorf("%s: %w", u.dir, err)
	}
	for _, pr := range rep.Problems {
		fmt.Fprintln(e.stderr, pr.String())
	}
	if !rep.OK() {
		return fmt.Errorf("%s: %d problems in %d records (listed above)", u.dir, len(rep.Problems), rep.Records)
	}
	fmt.Fprintf(e.stdout, "%s: %d records checked; every record decodes and every index agrees.\n", u.dir, rep.Records)
	return nil
}

package main

import (
	"fmt"

	"porchlight/data"
)

// porchlight demo --data DIR [--years N]: a persistent demo house; every
// manager's passcode is "porchlight".
func runDemo(e *env, args []string) error {
	fs := newFlags("demo")
	var dir string
	var years int
	fs.StringVar(&dir, "data", "", "an empty or new folder for the demo house")
	fs.IntVar(&years, "years", 1, "years of history: 1 is the demo house; 2 to 10 make a 40-bed house lived in that long")
	if pos, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("demo", "unexpected %q", pos[0])
	}
	if err := need("demo", "--data", dir); err != nil {
		return err
	}
	if years < 1 || years > 10 {
		return usagef("demo", "--years must be from 1 to 10")
	}
	if err := checkNewFolder(dir); err != nil {
		return err
	}
	// Made in bulk: nothing is synced until Close, so years of history
	// take seconds, not hours.
	v, err := openVault(dir, true, data.WithBulkLoad())
	if err != nil {
		return err
	}
	defer v.Close()
	p := &progress{e: e}
	st, err := data.CreateDemoYears(v, years, func(what string) { p.show("making the demo house: %s", what) })
	p.done()
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := st.House()
	if err != nil {
		return err
	}
	var names []string
	for _, l := range v.Logins() {
		names = append(names, l.Name)
	}
	fmt.Fprintf(e.stdout, "Demo house %s in %s (%d years of history). Managers: %v; every passcode: %s\n",
		h.Name, dir, years, names, data.DemoPasscode)
	return nil
}

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"porchlight/data"
)

// porchlight init --data DIR --house NAME --beds SPEC --manager NAME:
// creates a house and prints its recovery key, once.
func runInit(e *env, args []string) error {
	fs := newFlags("init")
	var dir, house, beds, manager string
	var stdin bool
	fs.StringVar(&dir, "data", "", "an empty or new folder for the house's records")
	fs.StringVar(&house, "house", "", "the house's name")
	fs.StringVar(&beds, "beds", "", `rooms and beds: "Room 1: A, B; Room 2: A, B, C"`)
	fs.StringVar(&manager, "manager", "", "the first manager's name")
	fs.BoolVar(&stdin, "passcode-stdin", false, "read the new passcode from standard input (one line)")
	if pos, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("init", "unexpected %q", pos[0])
	}
	if err := need("init", "--data", dir, "--house", house, "--beds", beds, "--manager", manager); err != nil {
		return err
	}
	h := data.DefaultHouse()
	h.Name = strings.TrimSpace(house)
	var err error
	if h.Beds, err = data.ParseBeds(strings.ReplaceAll(beds, ";", "\n")); err != nil {
		return fmt.Errorf("--beds: %s", strings.Replace(err.Error(), "line ", "room ", 1))
	}
	pass, err := newPasscode(e, manager, stdin)
	if err != nil {
		return err
	}
	v, err := openVault(dir, false)
	if err != nil {
		return err
	}
	defer v.Close()
	if !v.IsNew() {
		return fmt.Errorf("%s already holds a house; choose an empty folder", dir)
	}
	st, recovery, err := v.Create(h, data.NewManager{Name: manager, Passcode: pass, Confirm: pass})
	if err != nil {
		return fmt.Errorf("create the house: %w", err)
	}
	defer st.Close()
	fmt.Fprintf(e.stdout, "Created %s in %s: %d beds, manager %s.\n", h.Name, dir, len(h.Beds), strings.TrimSpace(manager))
	fmt.Fprintln(e.stdout, "Recovery key (write it down and keep it somewhere safe; it is shown only this once):")
	fmt.Fprintln(e.stdout, recovery)
	return nil
}

// newPasscode reads the new manager's passcode: one line of standard
// input, or twice from the terminal.
func newPasscode(e *env, manager string, stdin bool) (string, error) {
	if stdin {
		return readLine(e, "passcode")
	}
	pass, err := readSecret(e, "New passcode for "+manager+": ")
	if err != nil {
		return "", err
	}
	again, err := readSecret(e, "The same passcode again: ")
	if err != nil {
		return "", err
	}
	if pass != again {
		return "", errors.New("the two passcodes do not match; nothing was created")
	}
	return pass, nil
}

// checkNewFolder refuses a folder that is not empty or new.
func checkNewFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil
	}
	return fmt.Errorf("%s is not empty; choose an empty or new folder", dir)
}

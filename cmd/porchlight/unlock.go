package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"porchlight/data"
)

// unlockFlags are how a command opens the store: a manager and their
// passcode (from the terminal without echo, or one line of standard
// input), or the recovery key from standard input.
type unlockFlags struct {
	dir           string
	manager       string
	passcodeStdin bool
	recoveryStdin bool
}

func (u *unlockFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&u.dir, "data", "", "folder holding the house's records")
	fs.StringVar(&u.manager, "manager", "", "the manager whose passcode unlocks the store")
	fs.BoolVar(&u.passcodeStdin, "passcode-stdin", false, "read the passcode from standard input (one line)")
	fs.BoolVar(&u.recoveryStdin, "recovery-key-stdin", false, "unlock with the recovery key, read from standard input")
}

// session is an unlocked store and its folder's lock.
type session struct {
	vault *data.Vault
	store *data.Store
}

func (s *session) close() {
	s.store.Close()
	s.vault.Close()
}

// actor is who the session's writes are recorded as.
func (s *session) actor() data.Actor {
	if m := s.store.Session(); m.ID != "" {
		return data.ByManager(m)
	}
	return data.System
}

// open unlocks the store in u.dir.
func (u *unlockFlags) open(e *env, cmd string) (*session, error) {
	if err := need(cmd, "--data", u.dir); err != nil {
		return nil, err
	}
	if u.passcodeStdin && u.recoveryStdin {
		return nil, usagef(cmd, "give --passcode-stdin or --recovery-key-stdin, not both")
	}
	if _, err := os.Stat(u.dir); err != nil {
		return nil, fmt.Errorf("no house records in %s: %w", u.dir, errUnwrapPath(err))
	}
	v, err := openVault(u.dir, false)
	if err != nil {
		return nil, err
	}
	st, err := u.unlock(e, v)
	if err != nil {
		v.Close()
		return nil, err
	}
	return &session{vault: v, store: st}, nil
}

func (u *unlockFlags) unlock(e *env, v *data.Vault) (*data.Store, error) {
	if v.IsNew() {
		return nil, fmt.Errorf("%s holds no house yet; create one with porchlight init", u.dir)
	}
	if u.recoveryStdin {
		key, err := readLine(e, "")
		if err != nil {
			return nil, err
		}
		st, err := v.UnlockRecovery(key)
		if errors.Is(err, data.ErrWrongPasscode) {
			return nil, errors.New("that recovery key does not open this store")
		}
		return st, err
	}
	login, err := chooseManager(v, u.manager)
	if err != nil {
		return nil, err
	}
	pass, err := u.passcode(e, "Passcode for "+login.Name+": ")
	if err != nil {
		return nil, err
	}
	st, err := v.Unlock(login.ID, pass)
	if errors.Is(err, data.ErrWrongPasscode) {
		return nil, fmt.Errorf("wrong passcode for %s", login.Name)
	}
	return st, err
}

// chooseManager finds the manager by name (case and accents ignored); with
// no name and one manager, that one.
func chooseManager(v *data.Vault, name string) (data.Login, error) {
	logins := v.Logins()
	if strings.TrimSpace(name) == "" {
		if len(logins) == 1 {
			return logins[0], nil
		}
		return data.Login{}, fmt.Errorf("this house has %d managers; say which with --manager NAME", len(logins))
	}
	for _, l := range logins {
		if data.Fold(strings.TrimSpace(l.Name)) == data.Fold(strings.TrimSpace(name)) {
			return l, nil
		}
	}
	return data.Login{}, fmt.Errorf("no manager called %q can unlock this store", name)
}

// passcode reads a passcode from standard input or the terminal.
func (u *unlockFlags) passcode(e *env, prompt string) (string, error) {
	if u.passcodeStdin {
		return readLine(e, "passcode")
	}
	return readSecret(e, prompt)
}

// readSecret reads a line from the terminal without echo.
func readSecret(e *env, prompt string) (string, error) {
	if e.stdinFD < 0 || !term.IsTerminal(e.stdinFD) {
		return "", errors.New("no terminal to read the passcode from; pipe it in with --passcode-stdin")
	}
	fmt.Fprint(e.stderr, prompt)
	b, err := term.ReadPassword(e.stdinFD)
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the passcode: %w", err)
	}
	return string(b), nil
}

// readLine reads one line of standard input, without its line ending.
func readLine(e *env, what string) (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" && err != nil {
		if what == "" {
			what = "recovery key"
		}
		return "", fmt.Errorf("no %s on standard input", what)
	}
	return line, nil
}

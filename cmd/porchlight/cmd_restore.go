package main

import (
	"errors"
	"fmt"
	"strings"

	"porchlight/data"
)

// porchlight restore --from FILE --data NEWDIR: unlocks the backup with a
// manager's passcode or the recovery key (against the slots in its
// header), restores it into an empty or new folder, checks the result and
// says what came back.
func runRestore(e *env, args []string) error {
	fs := newFlags("restore")
	var u unlockFlags
	u.register(fs)
	from := fs.String("from", "", "the backup file")
	if pos, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("restore", "unexpected %q", pos[0])
	}
	if err := need("restore", "--from", *from, "--data", u.dir); err != nil {
		return err
	}
	if u.passcodeStdin && u.recoveryStdin {
		return usagef("restore", "give --passcode-stdin or --recovery-key-stdin, not both")
	}
	b, err := data.OpenBackupFile(*from)
	if err != nil {
		return err
	}
	k, err := u.unlockBackup(e, b)
	if err != nil {
		return err
	}
	p := &progress{e: e}
	rep, err := data.RestoreBackup(b, k, u.dir, func(bp data.BackupProgress) {
		p.show("%s: %d of %d records", strings.ToLower(bp.Stage), bp.Done, bp.Total)
	})
	p.done()
	if err != nil {
		return err
	}
	printRestore(e, rep)
	return nil
}

func (u *unlockFlags) unlockBackup(e *env, b *data.BackupFile) (data.BackupKey, error) {
	if u.recoveryStdin {
		key, err := readLine(e, "")
		if err != nil {
			return data.BackupKey{}, err
		}
		k, err := b.UnlockRecovery(key)
		if errors.Is(err, data.ErrWrongPasscode) {
			return k, errors.New("that recovery key does not open this backup")
		}
		return k, err
	}
	login, err := chooseLogin(b.Logins(), u.manager)
	if err != nil {
		return data.BackupKey{}, err
	}
	pass, err := u.passcode(e, "Passcode for "+login.Name+": ")
	if err != nil {
		return data.BackupKey{}, err
	}
	k, err := b.Unlock(login.ID, pass)
	if errors.Is(err, data.ErrWrongPasscode) {
		return k, fmt.Errorf("wrong passcode for %s", login.Name)
	}
	return k, err
}

// chooseLogin finds a manager among a backup's logins, as chooseManager
// does for a store.
func chooseLogin(logins []data.Login, name string) (data.Login, error) {
	if strings.TrimSpace(name) == "" {
		if len(logins) == 1 {
			return logins[0], nil
		}
		return data.Login{}, fmt.Errorf("this backup opens with %d managers' passcodes; say which with --manager NAME", len(logins))
	}
	for _, l := range logins {
		if data.Fold(strings.TrimSpace(l.Name)) == data.Fold(strings.TrimSpace(name)) {
			return l, nil
		}
	}
	return data.Login{}, fmt.Errorf("no manager called %q can open this backup", name)
}

func printRestore(e *env, rep data.RestoreReport) {
	in := rep.Info
	fmt.Fprintf(e.stdout, "Restored %s as it was on %s into %s.\n", in.House, in.Created.Format("Mon 2 Jan 2006 15:04"), rep.Dir)
	var parts []string
	for _, k := range []string{"res", "sign", "meeting", "chore", "audit"} {
		if n := in.Counts[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, kindWord(k)))
		}
	}
	fmt.Fprintf(e.stdout, "%d records checked (%s); every record decodes and every index agrees.\n", rep.Records, strings.Join(parts, ", "))
	fmt.Fprintf(e.stdout, "Managers who can log in: %s (with the passcodes they had when the backup was last sealed), and the recovery key.\n", strings.Join(rep.Managers, ", "))
	if len(rep.NotInBackup) > 0 {
		fmt.Fprintf(e.stdout, "Not in this backup (added after it was made): %s; add them again after logging in.\n", strings.Join(rep.NotInBackup, ", "))
	}
}

func kindWord(k string) string {
	return map[string]string{"res": "residents", "sign": "sign-outs", "meeting": "meetings", "chore": "chores", "audit": "log entries"}[k]
}

package data

// Kiosk PINs: 4 to 6 digits that tell the kiosk which resident is at it.
//
// A PIN is never stored. The record keeps HMAC-SHA256(secret, resident ID,
// salt, PIN), where the secret is 32 random bytes kept inside the encrypted
// store (meta/pin-secret, created with the first PIN).
//
// Why an HMAC and not argon2id: a 4-digit PIN has 10,000 values, so no
// hash, however slow, stops someone who holds the hash and its salt from
// trying them all; argon2id would only cost each resident half a second
// and 64 MiB at every tap. What protects a PIN is (1) that nobody gets the
// hash without the data key (everything, including the secret, is inside
// the encrypted store; without the secret the MAC reveals nothing), and
// (2) that the kiosk locks after five wrong tries. The resident ID and a
// per-record salt are in the MAC, so two residents with the same PIN do not
// share a record.
//
// Lockout: five wrong PINs in a row lock that resident's PIN pad for five
// minutes; each further lockout doubles it (10, 20, 40 minutes ...) up to a
// day. The counters are in the PIN record, so restarting the app does not
// reset them. A right PIN, a manager's ClearLockout or a new PIN resets them.
// Every wrong PIN is audited ("kiosk.pin-failed"), never the PIN itself.
//
// Keys:
//
//	meta/pin-secret     the HMAC secret
//	pin/<residentID>    the resident's PIN record

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

const (
	keyPINSecret = "meta/pin-secret"
	pfxPIN       = "pin/"

	// PINMaxTries is how many wrong PINs in a row lock the PIN pad.
	PINMaxTries = 5
	// PINFirstLockout is the first lockout; each further one doubles it.
	PINFirstLockout = 5 * time.Minute
	// PINMaxLockout caps the doubling.
	PINMaxLockout = 24 * time.Hour

	pinMinLen = 4
	pinMaxLen = 6
)

// Field names of the PIN forms.
const (
	FieldPIN        = "PIN"
	FieldCurrentPIN = "Current PIN"
	FieldNewPIN     = "New PIN"
	FieldPINAgain   = "New PIN again"
)

var (
	// ErrNoPIN: the resident has no PIN yet.
	ErrNoPIN = errors.New("you have no kiosk PIN yet; please see the house manager")
	// ErrWrongPIN matches (errors.Is) every *WrongPINError.
	ErrWrongPIN = errors.New("that PIN is not right")
	// ErrPINLocked matches (errors.Is) every *PINLockedError.
	ErrPINLocked = errors.New("the PIN pad is locked after too many wrong PINs")
)

// WrongPINError is a wrong PIN that did not (yet) lock the pad.
type WrongPINError struct{ TriesLeft int }

func (e *WrongPINError) Error() string {
	if e.TriesLeft == 1 {
		return "that PIN is not right; one more wrong PIN locks the kiosk for you"
	}
	return fmt.Sprintf("that PIN is not right; %d tries left", e.TriesLeft)
}

// Is makes errors.Is(err, ErrWrongPIN) true.
func (e *WrongPINError) Is(target error) bool { return target == ErrWrongPIN }

// PINLockedError says the PIN pad is locked until Until.
type PINLockedError struct{ Until time.Time }

func (e *PINLockedError) Error() string {
	return "too many wrong PINs; try again after " + e.Until.Format("15:04") + " or ask the house manager"
}

// Is makes errors.Is(err, ErrPINLocked) true.
func (e *PINLockedError) Is(target error) bool { return target == ErrPINLocked }

// pinRecord is what is stored for a PIN: a MAC, never the PIN.
type pinRecord struct {
	V     int       `json:"v"`
	Salt  []byte    `json:"salt"`
	MAC   []byte    `json:"mac"`
	SetAt time.Time `json:"set_at"`
	// Failures counts wrong PINs in a row since the last success or lockout.
	Failures int `json:"failures"`
	// Lockouts counts lockouts since the last success; each doubles the next.
	Lockouts    int       `json:"lockouts"`
	LockedUntil time.Time `json:"locked_until,omitzero"`
}

// PINStatus is what a manager's resident screen shows about a PIN.
type PINStatus struct {
	Set         bool
	SetAt       time.Time
	Failures    int       // wrong PINs in a row so far
	LockedUntil time.Time // zero when not locked now
}

// pinMAC is HMAC-SHA256 over a domain label, the resident ID, the salt and
// the PIN, with lengths fixed or separated so no two inputs collide.
func pinMAC(secret []byte, residentID string, salt []byte, pin string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("porchlight/pin/v1\x00" + residentID + "\x00"))
	m.Write(salt)
	m.Write([]byte(pin))
	return m.Sum(nil)
}

func (p pinRecord) matches(secret []byte, residentID, pin string) bool {
	return hmac.Equal(p.MAC, pinMAC(secret, residentID, p.Salt, pin))
}

// fail counts a wrong PIN at now and returns the error to show.
func (p *pinRecord) fail(now time.Time) error {
	p.Failures++
	if p.Failures < PINMaxTries {
		return &WrongPINError{TriesLeft: PINMaxTries - p.Failures}
	}
	p.Failures = 0
	p.Lockouts++
	p.LockedUntil = now.Add(PINLockout(p.Lockouts))
	return &PINLockedError{Until: p.LockedUntil}
}

// PINLockout is how long the n-th lockout in a row lasts: 5 minutes,
// doubling, at most a day.
func PINLockout(n int) time.Duration {
	if n < 1 {
		return 0
	}
	return min(PINFirstLockout<<min(n-1, 16), PINMaxLockout)
}

// ValidatePIN checks a PIN's form: 4 to 6 digits, not all the same digit
// and not a run such as 1234 or 9876 (the first guesses anyone tries).
func ValidatePIN(pin string) error {
	switch {
	case strings.Trim(pin, "0123456789") != "":
		return fmt.Errorf("use digits only")
	case len(pin) < pinMinLen || len(pin) > pinMaxLen:
		return fmt.Errorf("use %d to %d digits", pinMinLen, pinMaxLen)
	case pinTrivial(pin):
		return fmt.Errorf("that PIN is too easy to guess (one digit repeated, or a run like 1234); choose another")
	}
	return nil
}

// pinTrivial reports one repeated digit or a run up or down (9 wraps to 0).
func pinTrivial(pin string) bool {
	same, up, down := true, true, true
	for i := 1; i < len(pin); i++ {
		d := (int(pin[i]) - int(pin[i-1]) + 10) % 10
		same, up, down = same && d == 0, up && d == 1, down && d == 9
	}
	return same || up || down
}

// SetPIN sets or resets a resident's kiosk PIN and clears any lockout.
// Managers only; a resident changes their own with ChangePIN. A badly
// formed PIN is a ValidationError on FieldPIN.
func (s *Store) SetPIN(by Actor, residentID, pin string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	if err := ValidatePIN(pin); err != nil {
		return ValidationError{{FieldPIN, err.Error()}}
	}
	return s.storePIN(by, "kiosk.pin-set", residentID, pin)
}

// ChangePIN lets a resident at the kiosk replace their PIN after typing the
// current one. A wrong current PIN counts toward the lockout like any
// wrong PIN (and returns *WrongPINError or *PINLockedError); a badly formed
// new PIN is a ValidationError on FieldNewPIN or FieldPINAgain.
func (s *Store) ChangePIN(by Actor, residentID, current, next, confirm string) error {
	if err := requireSelfOrStaff(by, residentID); err != nil {
		return err
	}
	var v ValidationError
	if err := ValidatePIN(next); err != nil {
		v.add(FieldNewPIN, err.Error())
	} else if next != confirm {
		v.add(FieldPINAgain, "the two new PINs do not match")
	} else if next == current {
		v.add(FieldNewPIN, "choose a PIN different from the current one")
	}
	if len(v) > 0 {
		return v
	}
	if err := s.CheckPIN(residentID, current); err != nil {
		return err
	}
	return s.storePIN(by, "kiosk.pin-change", residentID, next)
}

// storePIN writes a fresh PIN record (new salt, counters cleared).
func (s *Store) storePIN(by Actor, action, residentID, pin string) error {
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	err = s.write(by, action, r.Short(), func(txn *badger.Txn) error {
		secret, err := pinSecret(txn, true)
		if err != nil {
			return err
		}
		rec := pinRecord{V: schemaVersion, Salt: randomBytes(16), SetAt: s.now()}
		rec.MAC = pinMAC(secret, r.ID, rec.Salt, pin)
		return putJSON(txn, pfxPIN+r.ID, rec)
	})
	if err != nil {
		return fmt.Errorf("set PIN for %s: %w", r.Short(), err)
	}
	return nil
}

// pinSecret reads the HMAC secret, creating it when create is set.
func pinSecret(txn *badger.Txn, create bool) ([]byte, error) {
	var secret []byte
	err := getJSON(txn, keyPINSecret, &secret)
	if errors.Is(err, ErrNotFound) && create {
		secret = randomBytes(32)
		err = putJSON(txn, keyPINSecret, secret)
	}
	if err != nil {
		return nil, fmt.Errorf("PIN secret: %w", err)
	}
	return secret, nil
}

// HasPIN reports whether the resident has a kiosk PIN.
func (s *Store) HasPIN(residentID string) (bool, error) {
	st, err := s.PINStatus(residentID)
	return st.Set, err
}

// PINStatus reports whether a resident has a PIN and whether it is locked.
func (s *Store) PINStatus(residentID string) (PINStatus, error) {
	rec, err := s.pinRecord(residentID)
	if errors.Is(err, ErrNoPIN) {
		return PINStatus{}, nil
	}
	if err != nil {
		return PINStatus{}, err
	}
	st := PINStatus{Set: true, SetAt: rec.SetAt, Failures: rec.Failures}
	if rec.LockedUntil.After(s.now()) {
		st.LockedUntil = rec.LockedUntil
	}
	return st, nil
}

func (s *Store) pinRecord(residentID string) (pinRecord, error) {
	var rec pinRecord
	err := s.read(func(txn *badger.Txn) error { return getJSON(txn, pfxPIN+residentID, &rec) })
	if errors.Is(err, ErrNotFound) {
		return pinRecord{}, ErrNoPIN
	}
	if err != nil {
		return pinRecord{}, fmt.Errorf("read PIN: %w", err)
	}
	return rec, nil
}

// CheckPIN tells whether pin is the resident's kiosk PIN. It returns nil
// when it is; ErrNoPIN when the resident has none; *PINLockedError while
// the pad is locked (the PIN is not even looked at); *WrongPINError for a
// wrong PIN (the fifth in a row returns *PINLockedError instead). Wrong
// PINs are counted and audited.
func (s *Store) CheckPIN(residentID, pin string) error {
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	if !r.Active() {
		return fmt.Errorf("%s has moved out", r.Short())
	}
	var rec pinRecord
	var secret []byte
	err = s.read(func(txn *badger.Txn) error {
		if err := getJSON(txn, pfxPIN+r.ID, &rec); err != nil {
			return err
		}
		secret, err = pinSecret(txn, false)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return ErrNoPIN
	}
	if err != nil {
		return fmt.Errorf("check PIN: %w", err)
	}
	if now := s.now(); rec.LockedUntil.After(now) {
		return &PINLockedError{Until: rec.LockedUntil}
	}
	if rec.matches(secret, r.ID, pin) {
		return s.pinSucceeded(r, rec)
	}
	return s.pinFailed(r)
}

// pinSucceeded clears the counters after a right PIN, if there are any.
func (s *Store) pinSucceeded(r Resident, rec pinRecord) error {
	if rec.Failures == 0 && rec.Lockouts == 0 {
		return nil
	}
	return s.resetPINCounters(KioskActor(r), "kiosk.pin-ok", r)
}

// pinFailed counts a wrong PIN and audits it (and the lockout, if any).
func (s *Store) pinFailed(r Resident) error {
	var result error
	err := s.write(kioskDevice(), "kiosk.pin-failed", r.Short(), func(txn *badger.Txn) error {
		var rec pinRecord
		if err := getJSON(txn, pfxPIN+r.ID, &rec); err != nil {
			return err
		}
		result = rec.fail(s.now())
		if err := putJSON(txn, pfxPIN+r.ID, rec); err != nil {
			return err
		}
		if errors.Is(result, ErrPINLocked) {
			return s.appendAudit(txn, kioskDevice(), "kiosk.pin-locked", r.Short())
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record wrong PIN: %w", err)
	}
	return result
}

// ClearLockout unlocks a resident's PIN pad and forgets their wrong tries
// and earlier lockouts. Managers only.
func (s *Store) ClearLockout(by Actor, residentID string) error {
	if err := requireStaff(by); err != nil {
		return err
	}
	r, err := s.Resident(residentID)
	if err != nil {
		return err
	}
	return s.resetPINCounters(by, "kiosk.pin-unlock", r)
}

func (s *Store) resetPINCounters(by Actor, action string, r Resident) error {
	err := s.write(by, action, r.Short(), func(txn *badger.Txn) error {
		var rec pinRecord
		if err := getJSON(txn, pfxPIN+r.ID, &rec); err != nil {
			return err
		}
		rec.Failures, rec.Lockouts, rec.LockedUntil = 0, 0, time.Time{}
		return putJSON(txn, pfxPIN+r.ID, rec)
	})
	if errors.Is(err, ErrNotFound) {
		return ErrNoPIN
	}
	if err != nil {
		return fmt.Errorf("reset PIN tries for %s: %w", r.Short(), err)
	}
	return nil
}

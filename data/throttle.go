package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"time"
)

// The unlock throttle: after three wrong passcodes each try waits longer
// (2 s, 4 s ... up to 5 minutes), across restarts. The count lives in the
// keyring file, sealed with a MAC over the count and the keyring's own slots,
// so editing the count back to zero is noticed; a count whose seal does not
// match is treated as the most failures there can be (wait the longest).
//
// What this protects against: someone at the unlock screen guessing. What
// it cannot: someone who copies the keyring file and guesses offline; there
// each guess costs an argon2id derivation (about half a second and 64 MiB
// per try with DefaultKDF), which is what makes a good passcode hold.

// throttleTampered is the count used when the seal does not match.
const throttleTampered = 1 << 10

// throttleMAC seals the failure count to this keyring.
func (k *keyring) throttleMAC() []byte {
	h := sha256.New()
	h.Write([]byte(keyringFormat + "/throttle/" + k.StoreID))
	for _, s := range k.Slots {
		h.Write(s.Salt)
		h.Write(s.Wrapped)
	}
	m := hmac.New(sha256.New, h.Sum(nil))
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], uint64(k.Failures))
	binary.BigEndian.PutUint64(buf[8:], uint64(k.LastFailure.UnixNano()))
	m.Write(buf[:])
	return m.Sum(nil)
}

// sealThrottle records the MAC of the current count before writing.
func (k *keyring) sealThrottle() { k.ThrottleMAC = k.throttleMAC() }

// checkThrottle treats an edited count as the worst case. Keyrings written
// before the seal existed (version 1) are trusted once and sealed.
func (k *keyring) checkThrottle(now time.Time) {
	if k.Version < 2 {
		return
	}
	if !hmac.Equal(k.ThrottleMAC, k.throttleMAC()) {
		k.Failures, k.LastFailure = throttleTampered, now
	}
}

// commonPasscodes are passcodes of 8 or more characters found at the top of
// every leaked-password list; guessing starts with them.
var commonPasscodes = map[string]bool{}

func init() {
	for _, p := range strings.Fields(`password password1 password12 password123 passw0rd p@ssw0rd p@ssword
		12345678 123456789 1234567890 0123456789 12341234 87654321 11111111 00000000 88888888 99999999
		qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234 1q2w3e4r 1qaz2wsx zaq12wsx asdfghjk asdfghjkl
		abcdefgh abcd1234 abc12345 iloveyou iloveyou1 sunshine sunshine1 football baseball basketball
		welcome1 welcome123 princess superman starwars trustno1 letmein1 letmeinnow changeme changeme1
		administrator admin123 admin1234 monkey123 dragon123 master123 computer whatever1 recovery
		sobriety sobriety1 soberliving`) {
		commonPasscodes[p] = true
	}
}

// isCommonPasscode reports whether p (ignoring case and spaces at the ends)
// is on the list, or one character repeated.
func isCommonPasscode(p string) bool {
	p = strings.ToLower(strings.TrimSpace(p))
	if commonPasscodes[p] {
		return true
	}
	return p != "" && strings.Count(p, p[:1]) == len(p)
}

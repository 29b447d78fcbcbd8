// Package earlylocale runs before Fyne reads the locale. Go initialises
// packages in import-path order where their imports allow, and this
// module's path sorts before fyne.io, which is why it is a module of its
// own (a replace in the main go.mod points here).
//
// Fyne's lang package reads the locale in its init. On the many Linux
// systems whose locale is "C.UTF-8" it takes "C" for a language, fails to
// parse it, and logs three lines to standard error on every start, which
// buries real errors and breaks the command line's one-line messages.
// With a C or POSIX locale, LANGUAGE=en names the language the C locale
// means. Paper size and dates read LC_ALL, LC_PAPER and LANG, which stay
// untouched; a LANGUAGE already set wins.
package earlylocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = os.Getenv(k); loc != "" {
			break
		}
	}
	base, _, _ := strings.Cut(loc, ".")
	if base == "C" || base == "POSIX" {
		os.Setenv("LANGUAGE", "en")
	}
}

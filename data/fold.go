package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold lowers case and strips accents so that "Núñez", "NUNEZ" and "nunez"
// compare equal, and "Łukasz" matches "lukasz". Letters that do not
// decompose (ł, ø, đ, ß) are mapped by hand.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(foldExtra.Replace(out))
}

var foldExtra = strings.NewReplacer(
	"ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D", "ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE",
)

// foldKey folds s and keeps only its letters and digits, one space between
// words: "Move-in  Date" and "move_in_date" both give "move in date".
func foldKey(s string) string {
	f := Fold(s)
	var b strings.Builder
	space := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

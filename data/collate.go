package data

import (
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// NameOrder returns a comparison that sorts names as people expect across
// languages: Åkesson beside Akers, Núñez beside Nunez, case ignored,
// instead of by byte value (which puts every accented name last). Each
// call makes its own collator, which is not safe to share between goroutines.
func NameOrder() func(a, b string) int {
	c := collate.New(language.Und, collate.Loose)
	return c.CompareString
}

// sortResidents puts residents in the one name order of every list: last
// name, then first (the preferred name), by collation.
func sortResidents(rs []Resident) {
	order := NameOrder()
	slices.SortStableFunc(rs, func(a, b Resident) int {
		return order(a.Last+" "+a.FirstName(), b.Last+" "+b.FirstName())
	})
}

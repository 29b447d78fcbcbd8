package data

import (
	"cmp"
	"slices"
)

// sortBy sorts a slice by a key, stably.
func sortBy[T any, K cmp.Ordered](xs []T, key func(T) K) {
	slices.SortStableFunc(xs, func(a, b T) int { return cmp.Compare(key(a), key(b)) })
}

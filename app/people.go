package app

import (
	"fmt"
	"slices"
	"strings"

	"porchlight/data"

	"fyne.io/fyne/v2/widget"
)

// Choosing people: pick lists of residents (and anyone already named), in
// the one name order.

// personChoice maps a select's options to people: active residents, plus
// anyone already named who is not (a resident who moved out, a guest).
type personChoice struct {
	refs  []data.PersonRef
	names []string
}

func (u *UI) residentChoice(keep ...data.PersonRef) personChoice {
	var pc personChoice
	rs, _ := u.store.ActiveResidents()
	for _, r := range rs {
		pc.add(data.PersonOf(r))
	}
	for _, p := range keep {
		if !p.IsZero() && pc.index(p) < 0 {
			pc.add(p)
		}
	}
	return pc
}

func (pc *personChoice) add(p data.PersonRef) {
	name := p.Name
	for n := 2; nameUsed(pc.names, name); n++ {
		name = fmt.Sprintf("%s (%d)", p.Name, n)
	}
	pc.refs = append(pc.refs, p)
	pc.names = append(pc.names, name)
}

func nameUsed(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// index finds a person among the options, or -1.
func (pc personChoice) index(p data.PersonRef) int {
	for i, r := range pc.refs {
		if r.Same(p) {
			return i
		}
	}
	return -1
}

// selected is the person chosen in sel (zero when none).
func (pc personChoice) selected(sel *widget.Select) data.PersonRef {
	if i := sel.SelectedIndex(); i >= 0 && i < len(pc.refs) {
		return pc.refs[i]
	}
	return data.PersonRef{}
}

// selectPerson selects p in sel, or clears it.
func (pc personChoice) selectPerson(sel *widget.Select, p data.PersonRef) {
	if i := pc.index(p); i >= 0 {
		sel.SetSelectedIndex(i)
		return
	}
	sel.ClearSelected()
}

// sortByKey sorts stably by a string key.
func sortByKey[T any](xs []T, key func(T) string) {
	slices.SortStableFunc(xs, func(a, b T) int { return strings.Compare(key(a), key(b)) })
}

// listName is a resident as a manager's list shows them, last name first
// for the eye running down a sorted column: the legal first name, with
// the preferred one in quotes where it differs (Núñez, María José "Majo"),
// as data.Resident.Display writes it.
func listName(r data.Resident) string {
	first := strings.TrimSpace(r.First)
	if p := strings.TrimSpace(r.Preferred); p != "" && p != first {
		first += " \"" + p + "\""
	}
	if last := strings.TrimSpace(r.Last); last != "" {
		return last + ", " + first
	}
	return first
}

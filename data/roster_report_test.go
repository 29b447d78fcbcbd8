package data

import "testing"

// One rule for the screen and the paper: a verified chore is done (and
// also counted as verified); an excuse outranks any status; a seat
// nobody had is not counted.
func TestTallyChores(t *testing.T) {
	cell := func(res, name string, st ChoreStatus, excused string) RosterCell {
		return RosterCell{Assignment: Assignment{ResidentID: res, Status: st, Excused: excused, Chore: "Dishes"}, Name: name}
	}
	cells := []RosterCell{
		cell("b", "Thanh Nguyễn", ChoreAssigned, ""),
		cell("a", "Ana Núñez", ChoreDone, ""),
		cell("a", "Ana Núñez", ChoreVerified, ""),
		cell("a", "Ana Núñez", ChoreMissed, ""),
		cell("b", "Thanh Nguyễn", ChoreVerified, "sick"),
		cell("", "", ChoreAssigned, ""),
	}
	got := TallyChores(cells)
	want := []ChoreTally{
		{ResidentID: "a", Name: "Ana Núñez", Assigned: 3, Done: 2, Verified: 1, Missed: 1},
		{ResidentID: "b", Name: "Thanh Nguyễn", Assigned: 2, Excused: 1, NotTicked: 1},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("tally\n got %+v\nwant %+v", got, want)
	}
	rep := CoordinatorReport{Tally: got}
	total := rep.Total()
	if total != (ChoreTally{Assigned: 5, Done: 2, Verified: 1, Missed: 1, Excused: 1, NotTicked: 1}) {
		t.Fatalf("total %+v", total)
	}
	if s := total.Summary(); s != "2 of 5 chores done (1 verified by a manager), 1 missed, 1 excused, 1 not ticked" {
		t.Fatalf("summary %q", s)
	}
	if s := rep.summary(); s != total.Summary() {
		t.Fatalf("the minutes' summary %q is not the tally's", s)
	}
}

package data

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestPartnerRotationProperties plans 8 weeks running for hundreds of
// generated houses, with each week's pairs feeding the next week's
// history, and checks every week: everyone once, pairs with one three when
// odd, the same input gives the same groups in any order, and no repeat
// within N weeks nor a mentor-mentee pair where the numbers make that
// avoidable.
func TestPartnerRotationProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for house := range 300 {
		n := 1 + rng.IntN(24)
		noRepeat := rng.IntN(5)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("r%02d", i)
		}
		avoid := map[[2]string]bool{}
		for range rng.IntN(n/4 + 1) {
			a, b := ids[rng.IntN(n)], ids[rng.IntN(n)]
			if a != b {
				avoid[pairKey(a, b)] = true
			}
		}
		var history [][]PartnerGroup
		week := NewDate(2025, 1, 6)
		for wk := range 8 {
			in := PartnerInput{Week: week, Residents: ids, Avoid: avoid, NoRepeatWeeks: noRepeat, Recent: recentOf(history, noRepeat)}
			got := PlanPartners(in)
			where := fmt.Sprintf("house %d (n=%d, N=%d) week %d", house, n, noRepeat, wk)
			checkPartition(t, where, ids, got)
			shuffled := slices.Clone(ids)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			in2 := in
			in2.Residents = shuffled
			if again := PlanPartners(in2); !reflect.DeepEqual(again, got) {
				t.Fatalf("%s: not deterministic:\n%v\n%v", where, got, again)
			}
			avoidable := (n%2 == 0 && n >= 2*noRepeat+6) || (n%2 == 1 && n >= 4*noRepeat+7)
			if avoidable {
				for _, g := range got {
					for i, a := range g.Members {
						for _, b := range g.Members[i+1:] {
							if ago, ok := in.Recent[pairKey(a, b)]; ok && ago <= noRepeat {
								t.Fatalf("%s: %s and %s partnered again after %d weeks: %v", where, a, b, ago, got)
							}
							if avoid[pairKey(a, b)] {
								t.Fatalf("%s: mentor pair %s-%s made partners", where, a, b)
							}
						}
					}
				}
			}
			history = append(history, got)
			week = week.AddDays(7)
		}
	}
}

func recentOf(history [][]PartnerGroup, n int) map[[2]string]int {
	out := map[[2]string]int{}
	for ago := n; ago >= 1; ago-- {
		i := len(history) - ago
		if i < 0 {
			continue
		}
		for _, g := range history[i] {
			for j, a := range g.Members {
				for _, b := range g.Members[j+1:] {
					out[pairKey(a, b)] = ago
				}
			}
		}
	}
	return out
}

func checkPartition(t *testing.T, where string, ids []string, groups []PartnerGroup) {
	t.Helper()
	seen := map[string]int{}
	threes := 0
	for _, g := range groups {
		for _, id := range g.Members {
			seen[id]++
		}
		switch len(g.Members) {
		case 2:
		case 3:
			threes++
		case 1:
			if len(ids) != 1 {
				t.Fatalf("%s: a group of one among %d residents: %v", where, len(ids), groups)
			}
		default:
			t.Fatalf("%s: a group of %d: %v", where, len(g.Members), groups)
		}
	}
	for _, id := range ids {
		if seen[id] != 1 {
			t.Fatalf("%s: %s is in %d groups: %v", where, id, seen[id], groups)
		}
	}
	if want := len(ids)%2 == 1 && len(ids) > 1; (threes == 1) != want || threes > 1 {
		t.Fatalf("%s: %d threes for %d residents", where, threes, len(ids))
	}
}

func TestPartnersInStore(t *testing.T) {
	st := emptyHouseAt(t, acctNow, "Room 1: A, B, C\nRoom 2: A, B, C")
	var rs []Resident
	for i, name := range []string{"Søren", "Majo", "Thanh", "Paweł", "Olena"} {
		rs = append(rs, addResidentAt(t, st, name, "Test", "Phase 1", 30+i, 60))
	}
	newcomer := addResidentAt(t, st, "George", "Test", "Phase 1", 1, 10)
	if err := st.SavePartnerSettings(System, PartnerSettings{NoRepeatWeeks: 2, LeaveOutNew: true, DaysNeeded: 5}); err != nil {
		t.Fatal(err)
	}
	mentors := fakeMentors{pairs: [][2]string{{rs[0].ID, rs[1].ID}}}
	w, err := st.GeneratePartners(System, st.Today(), mentors)
	if err != nil {
		t.Fatal(err)
	}
	checkPartition(t, "store", idsOf(rs), w.Groups)
	if len(w.LeftOut) != 1 || w.LeftOut[0].ResidentID != newcomer.ID || w.LeftOut[0].Why != "moved in this week" {
		t.Errorf("left out = %+v, want the newcomer", w.LeftOut)
	}
	if slices.Contains(w.PartnersOf(rs[0].ID), rs[1].ID) {
		t.Error("a mentor and mentee were made partners")
	}
	// Locked groups stay when regenerated.
	if err := st.LockPartners(System, st.Today(), rs[2].ID, true); err != nil {
		t.Fatal(err)
	}
	before := w.PartnersOf(rs[2].ID)
	w2, err := st.GeneratePartners(System, st.Today(), mentors)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(w2.PartnersOf(rs[2].ID), before) {
		t.Errorf("locked group changed: %v -> %v", before, w2.PartnersOf(rs[2].ID))
	}
	// A pairing with a moved-out resident is refused, naming them.
	if err := st.MoveOut(System, rs[4].ID, st.Today(), "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	_, err = st.SetPartners(System, st.Today(), []PartnerGroup{{Members: []string{rs[3].ID, rs[4].ID}}, {Members: []string{rs[0].ID, rs[2].ID, rs[1].ID}}})
	var v ValidationError
	if !errors.As(err, &v) || v.For(FieldPartners) != "Olena T. has moved out; take them out of the pairing" {
		t.Errorf("pairing with a moved-out resident: %v", err)
	}
	if got, _ := st.Partners(st.Today()); !reflect.DeepEqual(got.Groups, w2.Groups) {
		t.Error("a refused pairing changed what was saved")
	}
	// The kiosk tap.
	if _, err := st.CheckInWithPartner(KioskActor(rs[1]), rs[2].ID); !errors.Is(err, ErrNotYours) {
		t.Errorf("checked in for someone else: %v", err)
	}
	if _, err := st.CheckInWithPartner(KioskActor(rs[2]), rs[2].ID); err != nil {
		t.Fatal(err)
	}
	my, err := st.MyPartners(rs[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !my.CheckedInToday || my.DaysThisWeek != 1 || my.Text()[:16] != "Checked in with " {
		t.Errorf("my partners = %+v %q", my, my.Text())
	}
}

func idsOf(rs []Resident) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

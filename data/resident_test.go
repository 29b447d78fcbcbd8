package data_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"porchlight/data"
)

// fndResident is a valid new resident for bed.
func fndResident(e *fndEnv, first, last string, bed data.Bed) data.Resident {
	today := e.store.Today()
	return data.Resident{
		First: first, Last: last, BedID: bed.ID,
		MoveIn: today.AddDays(-14), Sobriety: today.AddDays(-40),
		Phone: "555-0142", Notes: "private note", Phase: "Phase 1",
		Pathways: []string{"AA"},
	}
}

func fndCount(t testing.TB, st *data.Store) int {
	t.Helper()
	rs, err := st.Residents()
	if err != nil {
		t.Fatalf("Residents: %v", err)
	}
	return len(rs)
}

func fndGet(t testing.TB, st *data.Store, id string) data.Resident {
	t.Helper()
	r, err := st.Resident(id)
	if err != nil {
		t.Fatalf("Resident(%s): %v", id, err)
	}
	return r
}

func TestResidentValidation(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	today := e.store.Today()
	saved, err := e.store.AddResident(e.by(), fndResident(e, "Ana", "López", beds[0]))
	if err != nil {
		t.Fatalf("AddResident: %v", err)
	}
	for _, tc := range []struct {
		name   string
		change func(*data.Resident)
		field  string
	}{
		{"no first name", func(r *data.Resident) { r.First = "" }, data.FieldFirst},
		{"blank first name", func(r *data.Resident) { r.First = "  \t " }, data.FieldFirst},
		{"no last name", func(r *data.Resident) { r.Last = "" }, data.FieldLast},
		{"sobriety tomorrow", func(r *data.Resident) { r.Sobriety = today.AddDays(1) }, data.FieldSobriety},
		{"no move-in", func(r *data.Resident) { r.MoveIn = data.Date{} }, data.FieldMoveIn},
		{"move-in years ahead", func(r *data.Resident) { r.MoveIn = today.AddMonths(12) }, data.FieldMoveIn},
		{"no bed", func(r *data.Resident) { r.BedID = "" }, data.FieldBed},
		{"unknown bed", func(r *data.Resident) { r.BedID = "no-such-bed" }, data.FieldBed},
		{"bed taken", func(r *data.Resident) { r.BedID = beds[0].ID }, data.FieldBed},
		{"unknown phase", func(r *data.Resident) { r.Phase = "Phase 9" }, data.FieldPhase},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fndResident(e, "Ben", "Okafor", beds[1])
			tc.change(&r)
			n := fndCount(t, e.store)
			got, err := e.store.AddResident(e.by(), r)
			msg := fndFieldErr(t, err, tc.field)
			if tc.name == "bed taken" && !strings.Contains(msg, beds[0].Label()) {
				t.Errorf("bed-taken message %q does not name the bed %q", msg, beds[0].Label())
			}
			if c := fndCount(t, e.store); c != n {
				t.Fatalf("a refused AddResident changed the count: %d -> %d (returned %+v)", n, c, got)
			}
			occ, _ := e.store.Occupancy()
			if len(occ) != 1 || occ[beds[0].ID] != saved.ID {
				t.Fatalf("occupancy after a refused add = %v", occ)
			}
		})
	}
	// Several problems are reported together, one per field.
	_, err = e.store.AddResident(e.by(), data.Resident{})
	for _, f := range []string{data.FieldFirst, data.FieldLast, data.FieldMoveIn, data.FieldBed} {
		fndFieldErr(t, err, f)
	}
	// A sobriety date today is fine (day 0).
	r := fndResident(e, "Ben", "Okafor", beds[1])
	r.Sobriety = today
	if _, err := e.store.AddResident(e.by(), r); err != nil {
		t.Fatalf("sobriety today: %v", err)
	}
}

func TestResidentFailedUpdateKeepsRecord(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	ana, err := e.store.AddResident(e.by(), fndResident(e, "Ana", "López", beds[0]))
	if err != nil {
		t.Fatal(err)
	}
	ben, err := e.store.AddResident(e.by(), fndResident(e, "Ben", "Okafor", beds[1]))
	if err != nil {
		t.Fatal(err)
	}
	before := fndGet(t, e.store, ana.ID)
	if !reflect.DeepEqual(before, ana) {
		t.Fatalf("AddResident returned\n%+v\nbut stored\n%+v", ana, before)
	}
	occBefore, _ := e.store.Occupancy()

	for _, tc := range []struct {
		name   string
		change func(*data.Resident)
		field  string
	}{
		{"into a taken bed", func(r *data.Resident) { r.BedID = ben.BedID; r.Notes = "changed" }, data.FieldBed},
		{"sobriety in the future", func(r *data.Resident) { r.Sobriety = e.store.Today().AddDays(3); r.Phone = "555-9999" }, data.FieldSobriety},
		{"name wiped", func(r *data.Resident) { r.First = ""; r.Last = "" }, data.FieldFirst},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := fndGet(t, e.store, ana.ID)
			tc.change(&r)
			_, err := e.store.UpdateResident(e.by(), r)
			fndFieldErr(t, err, tc.field)
			if after := fndGet(t, e.store, ana.ID); !reflect.DeepEqual(after, before) {
				t.Fatalf("a refused update changed the record:\nbefore %+v\nafter  %+v", before, after)
			}
			if occ, _ := e.store.Occupancy(); !reflect.DeepEqual(occ, occBefore) {
				t.Fatalf("a refused update changed the beds: %v -> %v", occBefore, occ)
			}
		})
	}
	if c := fndCount(t, e.store); c != 2 {
		t.Fatalf("%d residents, want 2", c)
	}

	// A good update moves her to a free bed and frees the old one.
	r := fndGet(t, e.store, ana.ID)
	r.BedID = beds[2].ID
	r.Preferred = "Anita"
	got, err := e.store.UpdateResident(e.by(), r)
	if err != nil {
		t.Fatalf("UpdateResident: %v", err)
	}
	if !reflect.DeepEqual(got, fndGet(t, e.store, ana.ID)) {
		t.Fatalf("UpdateResident returned something other than what it stored")
	}
	occ, _ := e.store.Occupancy()
	if occ[beds[2].ID] != ana.ID || occ[beds[0].ID] != "" || len(occ) != 2 {
		t.Fatalf("occupancy after moving beds = %v", occ)
	}
	if _, err := e.store.UpdateResident(e.by(), data.Resident{ID: "nobody", First: "X", Last: "Y"}); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("updating a missing resident: %v, want ErrNotFound", err)
	}
}

func TestResidentTidy(t *testing.T) {
	e := fndCreate(t)
	r := fndResident(e, "  María   José ", " Núñez ", fndBeds(t, e.store)[0])
	got, err := e.store.AddResident(e.by(), r)
	if err != nil {
		t.Fatal(err)
	}
	stored := fndGet(t, e.store, got.ID)
	if stored.First != "María José" || stored.Last != "Núñez" {
		t.Fatalf("stored name %q %q, want spaces tidied", stored.First, stored.Last)
	}
	if !reflect.DeepEqual(got, stored) {
		t.Fatalf("AddResident returned\n%+v\nbut stored\n%+v", got, stored)
	}
	if got.Short() != "María José N." || got.Display() != "María José Núñez" {
		t.Fatalf("Short = %q, Display = %q", got.Short(), got.Display())
	}
}

func TestMoveOutAndReadmit(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	today := e.store.Today()
	ana, err := e.store.AddResident(e.by(), fndResident(e, "Ana", "López", beds[0]))
	if err != nil {
		t.Fatal(err)
	}
	before := fndGet(t, e.store, ana.ID)

	for _, tc := range []struct {
		name   string
		date   data.Date
		reason string
		field  string
	}{
		{"before move-in", ana.MoveIn.AddDays(-1), "Completed program", data.FieldMoveOut},
		{"no date", data.Date{}, "Completed program", data.FieldMoveOut},
		{"in the future", today.AddDays(1), "Completed program", data.FieldMoveOut},
		{"no reason", today, "", data.FieldReason},
		{"made-up reason", today, "felt like it", data.FieldReason},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := e.store.MoveOut(e.by(), ana.ID, tc.date, tc.reason)
			fndFieldErr(t, err, tc.field)
			if after := fndGet(t, e.store, ana.ID); !reflect.DeepEqual(after, before) {
				t.Fatalf("a refused move-out changed the record: %+v", after)
			}
			if occ, _ := e.store.Occupancy(); occ[beds[0].ID] != ana.ID {
				t.Fatalf("a refused move-out freed the bed: %v", occ)
			}
		})
	}

	out := today.AddDays(-2)
	if err := e.store.MoveOut(e.by(), ana.ID, out, "Completed program"); err != nil {
		t.Fatalf("MoveOut: %v", err)
	}
	moved := fndGet(t, e.store, ana.ID)
	if moved.Active() || moved.Status != data.StatusMovedOut || moved.BedID != "" {
		t.Fatalf("after MoveOut: status %q bed %q", moved.Status, moved.BedID)
	}
	want := []data.Stay{{MoveIn: ana.MoveIn, MoveOut: out, Reason: "Completed program", Bed: beds[0].Label()}}
	if !reflect.DeepEqual(moved.Stays, want) {
		t.Fatalf("Stays = %+v, want %+v", moved.Stays, want)
	}
	if moved.Notes != ana.Notes || moved.Phone != ana.Phone || moved.Sobriety != ana.Sobriety {
		t.Fatal("MoveOut lost part of the record")
	}
	if occ, _ := e.store.Occupancy(); len(occ) != 0 {
		t.Fatalf("occupancy after move-out = %v, want the bed free", occ)
	}
	if act, _ := e.store.ActiveResidents(); len(act) != 0 {
		t.Fatalf("ActiveResidents = %+v, want none", act)
	}
	if all, _ := e.store.Residents(); len(all) != 1 {
		t.Fatalf("Residents = %d, want the moved-out record kept", len(all))
	}
	err = e.store.MoveOut(e.by(), ana.ID, today, "Completed program")
	fndFieldErr(t, err, data.FieldMoveOut)

	// Someone else takes the freed bed.
	ben, err := e.store.AddResident(e.by(), fndResident(e, "Ben", "Okafor", beds[0]))
	if err != nil {
		t.Fatalf("AddResident into the freed bed: %v", err)
	}

	// Readmission: not into Ben's bed, not before the last move-out.
	_, err = e.store.Readmit(e.by(), ana.ID, beds[0].ID, today)
	fndFieldErr(t, err, data.FieldBed)
	_, err = e.store.Readmit(e.by(), ana.ID, beds[1].ID, out.AddDays(-1))
	fndFieldErr(t, err, data.FieldMoveIn)
	_, err = e.store.Readmit(e.by(), ben.ID, beds[1].ID, today)
	fndFieldErr(t, err, data.FieldMoveIn)
	if got := fndGet(t, e.store, ana.ID); !reflect.DeepEqual(got, moved) {
		t.Fatalf("a refused readmission changed the record: %+v", got)
	}

	back, err := e.store.Readmit(e.by(), ana.ID, beds[1].ID, today)
	if err != nil {
		t.Fatalf("Readmit: %v", err)
	}
	stored := fndGet(t, e.store, ana.ID)
	if !stored.Active() || stored.BedID != beds[1].ID || stored.MoveIn != today || !reflect.DeepEqual(stored.Stays, want) {
		t.Fatalf("after Readmit: %+v", stored)
	}
	if !reflect.DeepEqual(back, stored) {
		t.Fatalf("Readmit returned\n%+v\nbut stored\n%+v", back, stored)
	}
	if last, ok := stored.LastStay(); !ok || last.MoveOut != out {
		t.Fatalf("LastStay = %+v, %v", last, ok)
	}
	occ, _ := e.store.Occupancy()
	if len(occ) != 2 || occ[beds[0].ID] != ben.ID || occ[beds[1].ID] != ana.ID {
		t.Fatalf("occupancy after readmission = %v", occ)
	}
	// A second stay ends and both are kept, in order.
	if err := e.store.MoveOut(e.by(), ana.ID, today, "Moved on voluntarily"); err != nil {
		t.Fatal(err)
	}
	if st := fndGet(t, e.store, ana.ID).Stays; len(st) != 2 || st[0].Reason != "Completed program" || st[1].Reason != "Moved on voluntarily" || st[1].Bed != beds[1].Label() {
		t.Fatalf("Stays after a second move-out = %+v", st)
	}
}

func TestSobrietyReset(t *testing.T) {
	e := fndCreate(t)
	today := e.store.Today()
	r, err := e.store.AddResident(e.by(), fndResident(e, "Ana", "López", fndBeds(t, e.store)[0]))
	if err != nil {
		t.Fatal(err)
	}
	first := r.Sobriety
	if len(r.EarlierSobriety) != 0 {
		t.Fatalf("new resident has EarlierSobriety %+v", r.EarlierSobriety)
	}
	// Edits that keep the date add nothing.
	r.HomeGroup = "Thursday Big Book"
	if r, err = e.store.UpdateResident(e.by(), r); err != nil || len(r.EarlierSobriety) != 0 {
		t.Fatalf("update without a new date: %+v, %v", r.EarlierSobriety, err)
	}
	e.clock.Advance(24 * time.Hour)
	r.Sobriety = today.AddDays(-1)
	if r, err = e.store.UpdateResident(e.by(), r); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(48 * time.Hour)
	r.Sobriety = today.AddDays(2)
	if _, err = e.store.UpdateResident(e.by(), r); err != nil {
		t.Fatal(err)
	}
	got := fndGet(t, e.store, r.ID)
	want := []data.SobrietyChange{
		{Was: first, ChangedOn: today.AddDays(1)},
		{Was: today.AddDays(-1), ChangedOn: today.AddDays(3)},
	}
	if got.Sobriety != today.AddDays(2) || !reflect.DeepEqual(got.EarlierSobriety, want) {
		t.Fatalf("Sobriety %v EarlierSobriety %+v, want %v and %+v", got.Sobriety, got.EarlierSobriety, today.AddDays(2), want)
	}
	if d := data.DaysSober(got.Sobriety, e.store.Today()); d != 1 {
		t.Fatalf("DaysSober after the reset = %d, want 1", d)
	}
	// The form cannot wipe the history by sending none.
	got.EarlierSobriety = nil
	got.Phone = "555-0001"
	if _, err := e.store.UpdateResident(e.by(), got); err != nil {
		t.Fatal(err)
	}
	if h := fndGet(t, e.store, r.ID).EarlierSobriety; !reflect.DeepEqual(h, want) {
		t.Fatalf("EarlierSobriety after an edit = %+v, want %+v", h, want)
	}
}

func TestSameName(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	a, err := e.store.AddResident(e.by(), fndResident(e, "José", "Núñez", beds[0]))
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.store.AddResident(e.by(), fndResident(e, "Ann", "Lee", beds[1]))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.MoveOut(e.by(), b.ID, e.store.Today(), "Other"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		first, last string
		want        []string
	}{
		{"josé", "NÚÑEZ", []string{a.ID}},
		{" José ", "Núñez", []string{a.ID}},
		{"ANN", "lee", []string{b.ID}}, // moved-out residents count too
		{"Jose", "Nunez", nil},         // accents differ: a different name
		{"José", "Lee", nil},
	} {
		got, err := e.store.SameName(data.Resident{First: tc.first, Last: tc.last})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range got {
			ids = append(ids, r.ID)
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("SameName(%q %q) = %v, want %v", tc.first, tc.last, ids, tc.want)
		}
	}
	// A resident is not a duplicate of themselves.
	if got, _ := e.store.SameName(a); len(got) != 0 {
		t.Errorf("SameName(self) = %+v, want none", got)
	}
}

func TestResidentAudit(t *testing.T) {
	e := fndCreate(t)
	beds := fndBeds(t, e.store)
	const phone, notes = "+1 (503) 555-7781", "relapsed at the bus depot; sees Dr. Okonkwo Tuesdays"
	r := fndResident(e, "Zyxwvut", "Qqqplexium", beds[0])
	r.Phone, r.Notes = phone, notes
	r.Sponsor = data.Contact{Name: "Sponsor Person", Phone: "503-555-1212"}
	e.clock.Advance(time.Second)
	r, err := e.store.AddResident(e.by(), r)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second)
	r.Notes = notes + " (updated)"
	if _, err := e.store.UpdateResident(e.by(), r); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second)
	if err := e.store.MoveOut(e.by(), r.ID, e.store.Today(), "Returned to use"); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second)
	kiosk := data.Actor{Kind: data.ActorResident, ID: r.ID, Name: r.Short()}
	if _, err := e.store.Readmit(kiosk, r.ID, beds[1].ID, e.store.Today()); err != nil {
		t.Fatal(err)
	}

	entries, err := e.store.Audit(time.Time{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"resident.readmit", "resident.move-out", "resident.update", "resident.add"}
	if len(entries) < len(want) {
		t.Fatalf("%d audit entries, want at least %d", len(entries), len(want))
	}
	for i, action := range want { // newest first
		a := entries[i]
		if a.Action != action {
			t.Errorf("entry %d: action %q, want %q", i, a.Action, action)
		}
		if a.Subject != "Zyxwvut Q." {
			t.Errorf("entry %d: subject %q, want the short name", i, a.Subject)
		}
		wantBy := e.by()
		if action == "resident.readmit" {
			wantBy = kiosk
		}
		if a.By != wantBy {
			t.Errorf("entry %d: by %+v, want %+v", i, a.By, wantBy)
		}
		if !a.At.Equal(fndStart.Add(time.Duration(len(want)-i) * time.Second)) {
			t.Errorf("entry %d: at %v", i, a.At)
		}
	}
	if got := entries[0].By.String(); !strings.Contains(got, "kiosk") {
		t.Errorf("kiosk actor reads %q", got)
	}
	if got := entries[1].By.String(); got != fndManager {
		t.Errorf("manager actor reads %q, want %q", got, fndManager)
	}
	text := fmt.Sprintf("%+v %s", entries, fndJSON(entries))
	for _, secret := range []string{phone, "555-7781", notes, "Okonkwo", "503-555-1212", "Qqqplexium"} {
		if strings.Contains(text, secret) {
			t.Errorf("the audit log contains %q", secret)
		}
	}

	// Paging back with the oldest entry's time.
	older, err := e.store.Audit(entries[1].At, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(older) != len(entries)-2 || older[0].Action != "resident.update" {
		t.Fatalf("Audit(before move-out) = %d entries starting %+v", len(older), older[0])
	}
	if two, _ := e.store.Audit(time.Time{}, 2); len(two) != 2 || two[0].Action != "resident.readmit" {
		t.Fatalf("Audit(limit 2) = %+v", two)
	}
}

// One rule for names (DESIGN.md): records and the manager's paper show the
// full legal name with the preferred one in quotes where it differs; the
// kiosk shows the preferred name and the last initial; the house uses the
// preferred name and the last name.
func TestNamesFollowOneRule(t *testing.T) {
	r := data.Resident{First: "Đặng", Preferred: "Hương", Last: "Thị Hương"}
	if got := r.Display(); got != `Đặng "Hương" Thị Hương` {
		t.Errorf("Display = %q", got)
	}
	if got := r.Short(); got != "Hương T." {
		t.Errorf("Short = %q", got)
	}
	if got := data.HouseName(r); got != "Hương Thị Hương" {
		t.Errorf("HouseName = %q", got)
	}
	same := data.Resident{First: "Ana", Preferred: "Ana", Last: "Lopez"}
	if got := same.Display(); got != "Ana Lopez" {
		t.Errorf("a preferred name equal to the first is not repeated: %q", got)
	}
}

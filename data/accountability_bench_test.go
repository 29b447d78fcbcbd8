package data

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkAccountabilityRoster measures this week's accountability roster
// for a 40-resident house with 1 and 10 years of history behind it
// (outside meetings, sign-outs, chores, partners and their taps, incidents
// and tests every week). The roster reads only the week's keys, so 10y
// should stay within 1.2x of 1y.
func BenchmarkAccountabilityRoster(b *testing.B) {
	for _, years := range []int{1, 10} {
		b.Run(fmt.Sprintf("history=%dy", years), func(b *testing.B) {
			st, today := benchAccountHouse(b, years)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				ro, err := st.AccountabilityRoster(today, NoMentors{})
				if err != nil {
					b.Fatal(err)
				}
				if len(ro.Rows) != 40 {
					b.Fatalf("rows = %d", len(ro.Rows))
				}
			}
		})
	}
}

func benchAccountHouse(b *testing.B, years int) (*Store, Date) {
	b.Helper()
	now := time.Date(2025, 6, 12, 12, 0, 0, 0, time.UTC)
	var rooms []string
	for i := 1; i <= 20; i++ {
		rooms = append(rooms, fmt.Sprintf("Room %d: A, B", i))
	}
	st := emptyHouseAt(b, now, strings.Join(rooms, "\n"))
	var ids []string
	for i := range 40 {
		r := addResidentAt(b, st, "Resident", fmt.Sprintf("Number %02d", i), "Phase 1", 366*years+30, 400*years)
		ids = append(ids, r.ID)
	}
	h, _ := st.House()
	this, _ := h.Week(st.Today())
	wb := st.db.NewWriteBatch()
	defer wb.Cancel()
	put := func(key string, v any) {
		bs, err := json.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		if err := wb.Set([]byte(key), bs); err != nil {
			b.Fatal(err)
		}
	}
	for w := 52 * years; w >= 0; w-- {
		benchWeek(put, this.AddDays(-7*w), ids)
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	return st, st.Today()
}

// benchWeek writes one week of history for every resident.
func benchWeek(put func(string, any), week Date, ids []string) {
	var groups []PartnerGroup
	for i := 0; i+1 < len(ids); i += 2 {
		groups = append(groups, PartnerGroup{Members: []string{ids[i], ids[i+1]}})
	}
	put(pfxPartners+dateKey(week), PartnerWeek{V: schemaVersion, Week: week, Groups: groups})
	for n, id := range ids {
		for d := range 3 {
			at := week.AddDays(d*2).At(12, n, time.UTC)
			m := OutsideMeeting{V: schemaVersion, ID: timeID(at), ResidentID: id, Pathway: "AA", Name: "Noon Group", At: at}
			put(pfxOutsideMtg+m.ID, m)
			put(pfxOutsideMtgRes+id+"/"+m.ID, m.ID)
			out := week.AddDays(d*2+1).At(18, n, time.UTC)
			e := SignEntry{V: schemaVersion, ID: timeID(out), ResidentID: id, Kind: DestWork, Out: out,
				ExpectedBack: out.Add(3 * time.Hour), In: out.Add(2 * time.Hour), Late: n%7 == 0 && d == 0}
			put(pfxSign+e.ID, e)
			put(pfxSignRes+id+"/"+e.ID, e.ID)
		}
		for d := range 5 {
			day := week.AddDays(d)
			put(pfxPartnerCheck+dateKey(day)+"/"+id, PartnerCheck{V: schemaVersion, ResidentID: id, Day: day})
		}
		for c := range 2 {
			a := Assignment{V: schemaVersion, ID: fmt.Sprintf("%s.%d.%s", dateKey(week), c, id), Week: week,
				Day: week.AddDays(c * 3), Chore: "Kitchen", Effort: 2, ResidentID: id, Status: ChoreVerified}
			put(rosterPrefix(week)+a.ID, a)
		}
	}
	inc := Incident{V: schemaVersion, ID: timeID(week.At(10, 0, time.UTC)), ResidentID: ids[0], Date: week, Kind: IncidentHouseRule,
		What: "history", Resolved: true, ResolvedOn: week}
	put(pfxIncident+inc.ID, inc)
	put(pfxIncidentDay+dateKey(week)+"/"+inc.ID, inc.ID)
	put(pfxIncidentRes+inc.ResidentID+"/"+inc.ID, inc.ID)
	t := DrugTest{V: schemaVersion, ID: dateKey(week) + timeID(week.At(9, 0, time.UTC)), ResidentID: ids[1], Date: week, Kind: TestUrine, Result: ResultNegative}
	put(pfxDrugTest+t.ResidentID+"/"+t.ID, t)
	put(pfxDrugTestDay+dateKey(week)+"/"+t.ID, t.ResidentID+"/"+t.ID)
}

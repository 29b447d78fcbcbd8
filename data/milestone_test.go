package data_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"porchlight/data"
)

func fndDate(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func TestDaysSober(t *testing.T) {
	for _, tc := range []struct {
		sober, today string
		want         int
	}{
		{"2025-06-11", "2025-06-11", 0}, // the day itself
		{"2025-06-11", "2025-06-12", 1}, // 24 hours
		{"2025-06-11", "2025-06-10", 0}, // a date in the future counts 0
		{"2025-03-01", "2025-03-31", 30},
		{"2025-03-08", "2025-03-10", 2}, // across the US daylight-saving change
		{"2025-10-25", "2025-10-27", 2}, // across the EU change
		{"2024-02-28", "2024-03-01", 2}, // leap day
		{"2023-02-28", "2023-03-01", 1},
		{"2024-01-01", "2025-01-01", 366},
		{"2020-06-11", "2025-06-11", 1826},
	} {
		if got := data.DaysSober(fndDate(t, tc.sober), fndDate(t, tc.today)); got != tc.want {
			t.Errorf("DaysSober(%s, %s) = %d, want %d", tc.sober, tc.today, got, tc.want)
		}
	}
	if got := data.DaysSober(data.Date{}, fndDate(t, "2025-06-11")); got != 0 {
		t.Errorf("DaysSober(no date) = %d, want 0", got)
	}
}

func TestMilestoneSequence(t *testing.T) {
	sober := fndDate(t, "2025-01-15")
	want := []data.Milestone{
		{Name: "24 hours", Date: fndDate(t, "2025-01-16")},
		{Name: "30 days", Date: fndDate(t, "2025-02-14")},
		{Name: "60 days", Date: fndDate(t, "2025-03-16")},
		{Name: "90 days", Date: fndDate(t, "2025-04-15")},
		{Name: "6 months", Date: fndDate(t, "2025-07-15")},
		{Name: "9 months", Date: fndDate(t, "2025-10-15")},
		{Name: "1 year", Date: fndDate(t, "2026-01-15")},
		{Name: "18 months", Date: fndDate(t, "2026-07-15")},
		{Name: "2 years", Date: fndDate(t, "2027-01-15")},
		{Name: "3 years", Date: fndDate(t, "2028-01-15")},
		{Name: "4 years", Date: fndDate(t, "2029-01-15")},
	}
	got := data.MilestonesBetween(sober, sober, fndDate(t, "2029-01-15"))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("MilestonesBetween over four years:\n got %+v\nwant %+v", got, want)
	}
	// Each is "next" from the day after the one before it through its own day.
	prev := sober
	for _, m := range want {
		for _, today := range []data.Date{prev.AddDays(1), m.Date.AddDays(-1), m.Date} {
			if today.Before(prev.AddDays(1)) {
				continue
			}
			if n := data.NextMilestone(sober, today); n != m {
				t.Errorf("NextMilestone(%s, %s) = %+v, want %+v", sober, today, n, m)
			}
		}
		prev = m.Date
	}
}

func TestNextMilestone(t *testing.T) {
	for _, tc := range []struct {
		name               string
		sober, today       string
		wantName, wantDate string
	}{
		{"on the sobriety day", "2025-06-11", "2025-06-11", "24 hours", "2025-06-12"},
		{"on the 24-hour day itself", "2025-06-11", "2025-06-12", "24 hours", "2025-06-12"},
		{"the day after", "2025-06-11", "2025-06-13", "30 days", "2025-07-11"},
		{"on the 90-day day", "2025-01-01", "2025-04-01", "90 days", "2025-04-01"},
		{"on the 1-year day", "2024-06-11", "2025-06-11", "1 year", "2025-06-11"},
		{"day after 1 year", "2024-06-11", "2025-06-12", "18 months", "2025-12-11"},
		{"leap-day sobriety, 1 year", "2024-02-29", "2025-02-01", "1 year", "2025-02-28"},
		{"leap-day sobriety, 2 years", "2024-02-29", "2026-01-01", "2 years", "2026-02-28"},
		{"leap-day sobriety, 4 years", "2024-02-29", "2027-03-01", "4 years", "2028-02-29"},
		{"6 months from 31 Aug", "2023-08-31", "2024-01-01", "6 months", "2024-02-29"},
		{"6 months from 31 Aug, no leap", "2024-08-31", "2025-01-01", "6 months", "2025-02-28"},
		{"9 months from 31 Jul", "2024-07-31", "2025-04-01", "9 months", "2025-04-30"},
		{"18 months from 31 Aug", "2023-08-31", "2024-09-01", "18 months", "2025-02-28"},
		{"30 days across February", "2025-02-01", "2025-02-03", "30 days", "2025-03-03"},
		{"years on", "2015-03-10", "2025-06-11", "11 years", "2026-03-10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := data.NextMilestone(fndDate(t, tc.sober), fndDate(t, tc.today))
			if got.Name != tc.wantName || got.Date != fndDate(t, tc.wantDate) {
				t.Fatalf("NextMilestone(%s, %s) = %s on %s, want %s on %s", tc.sober, tc.today, got.Name, got.Date, tc.wantName, tc.wantDate)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"2025-01-31", 1, "2025-02-28"}, // clamps, not 3 March
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-01-31", 2, "2025-03-31"},
		{"2025-03-31", 1, "2025-04-30"},
		{"2025-12-31", 2, "2026-02-28"},
		{"2025-05-15", 12, "2026-05-15"},
		{"2025-03-31", -1, "2025-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
	} {
		if got := fndDate(t, tc.from).AddMonths(tc.months); got != fndDate(t, tc.want) {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.months, got, tc.want)
		}
	}
}

func TestMilestonesBetweenWeek(t *testing.T) {
	for _, tc := range []struct {
		name      string
		sober     string
		from, to  string
		wantNames []string
	}{
		{"none this week", "2025-01-01", "2025-06-09", "2025-06-15", nil},
		{"just sober: 24 hours", "2025-06-08", "2025-06-09", "2025-06-15", []string{"24 hours"}},
		{"the day itself is not a milestone", "2025-06-10", "2025-06-09", "2025-06-10", nil},
		{"30 days on the Sunday", "2025-05-16", "2025-06-09", "2025-06-15", []string{"30 days"}},
		{"90 days on the Monday", "2025-03-11", "2025-06-09", "2025-06-15", []string{"90 days"}},
		{"1 year", "2024-06-12", "2025-06-09", "2025-06-15", []string{"1 year"}},
		{"30 days the Sunday before", "2025-05-09", "2025-06-09", "2025-06-15", nil},
		{"sober in the future", "2025-07-01", "2025-06-09", "2025-06-15", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := data.MilestonesBetween(fndDate(t, tc.sober), fndDate(t, tc.from), fndDate(t, tc.to))
			var names []string
			for _, m := range got {
				names = append(names, m.Name)
				if m.Date.Before(fndDate(t, tc.from)) || m.Date.After(fndDate(t, tc.to)) {
					t.Errorf("milestone %+v outside [%s, %s]", m, tc.from, tc.to)
				}
			}
			if !reflect.DeepEqual(names, tc.wantNames) {
				t.Fatalf("MilestonesBetween(%s, %s..%s) = %v, want %v", tc.sober, tc.from, tc.to, names, tc.wantNames)
			}
		})
	}
	// A longer window holds several, in order.
	got := data.MilestonesBetween(fndDate(t, "2025-01-01"), fndDate(t, "2025-01-01"), fndDate(t, "2025-04-01"))
	if len(got) != 4 {
		t.Fatalf("first quarter: %+v, want 24 hours, 30, 60 and 90 days", got)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want data.Date
	}{
		{"2025-03-07", data.NewDate(2025, time.March, 7)},
		{" 2025-03-07 ", data.NewDate(2025, time.March, 7)},
		{"2025-3-7", data.NewDate(2025, time.March, 7)},
		{"2024-02-29", data.NewDate(2024, time.February, 29)},
	} {
		got, err := data.ParseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"2025-13-01", "yesterday", "", "   ", "2025-02-30", "2023-02-29", "07/03/2025", "2025-00-10", "2025-01-32"} {
		got, err := data.ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, got)
			continue
		}
		if !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("ParseDate(%q) error %q does not show the expected form", in, err)
		}
	}
}

func TestDateText(t *testing.T) {
	d := data.NewDate(2025, time.March, 7)
	if d.String() != "2025-03-07" || d.Pretty() != "Fri 7 Mar 2025" || d.Weekday() != time.Friday {
		t.Fatalf("String %q Pretty %q Weekday %v", d.String(), d.Pretty(), d.Weekday())
	}
	if (data.Date{}).String() != "" || !(data.Date{}).IsZero() {
		t.Fatal("the zero date is not empty")
	}
	var back data.Date
	if b, _ := d.MarshalText(); back.UnmarshalText(b) != nil || back != d {
		t.Fatalf("text round trip gave %v", back)
	}
	if back.UnmarshalText(nil) != nil || !back.IsZero() {
		t.Fatal("empty text is not the zero date")
	}
	if got := d.WeekStart(time.Monday); got != data.NewDate(2025, time.March, 3) {
		t.Fatalf("WeekStart(Monday) = %v", got)
	}
	if got := d.WeekStart(time.Sunday); got != data.NewDate(2025, time.March, 2) {
		t.Fatalf("WeekStart(Sunday) = %v", got)
	}
	// The local date of an instant late at night stays that day.
	late := time.Date(2025, time.March, 7, 23, 59, 0, 0, time.FixedZone("PST", -8*3600))
	if got := data.DateOf(late); got != d {
		t.Fatalf("DateOf(%v) = %v", late, got)
	}
}

func TestParseClock(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want data.ClockTime
	}{
		{"22:30", data.ClockTime{Hour: 22, Min: 30}},
		{"10:30 pm", data.ClockTime{Hour: 22, Min: 30}},
		{"10:30PM", data.ClockTime{Hour: 22, Min: 30}},
		{"10:30 p.m.", data.ClockTime{Hour: 22, Min: 30}},
		{"2230", data.ClockTime{Hour: 22, Min: 30}},
		{"22", data.ClockTime{Hour: 22}},
		{"10 pm", data.ClockTime{Hour: 22}},
		{"12:15 am", data.ClockTime{Hour: 0, Min: 15}},
		{"00:00", data.ClockTime{}},
		{" 7:05 ", data.ClockTime{Hour: 7, Min: 5}},
		{"23:59", data.ClockTime{Hour: 23, Min: 59}},
	} {
		got, err := data.ParseClock(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "25:00", "22:60", "noon", "10:30 xm", "22:30:00"} {
		if got, err := data.ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) = %v, want an error", in, got)
		}
	}
	c := data.ClockTime{Hour: 7, Min: 5}
	if c.String() != "07:05" {
		t.Errorf("String = %q", c.String())
	}
	var back data.ClockTime
	if b, _ := c.MarshalText(); back.UnmarshalText(b) != nil || back != c {
		t.Errorf("text round trip gave %v", back)
	}
}

func TestParseAndFormatBeds(t *testing.T) {
	text := "Room 1: A, B\nRoom 2: Bed A, Bed B, Bed C\nAnnex\nGarden Room: Window, Door\nRoom 3: Bed Upper, Lower"
	beds, err := data.ParseBeds(text)
	if err != nil {
		t.Fatalf("ParseBeds: %v", err)
	}
	var labels []string
	for _, b := range beds {
		labels = append(labels, b.Label())
	}
	want := []string{
		"Room 1 – Bed A", "Room 1 – Bed B",
		"Room 2 – Bed A", "Room 2 – Bed B", "Room 2 – Bed C",
		"Annex",
		"Garden Room – Window", "Garden Room – Door",
		"Room 3 – Bed Upper", "Room 3 – Lower",
	}
	if !reflect.DeepEqual(labels, want) {
		t.Fatalf("labels = %q\nwant %q", labels, want)
	}
	// Round trip: format, parse again, same beds; and formatting is stable.
	formatted := data.FormatBeds(beds)
	again, err := data.ParseBeds(formatted)
	if err != nil {
		t.Fatalf("ParseBeds(FormatBeds(...)) on %q: %v", formatted, err)
	}
	if !reflect.DeepEqual(again, beds) {
		t.Fatalf("round trip through %q:\n got %+v\nwant %+v", formatted, again, beds)
	}
	if f2 := data.FormatBeds(again); f2 != formatted {
		t.Fatalf("FormatBeds not stable: %q then %q", formatted, f2)
	}
	if got := data.FormatBeds(mustBeds(t, "Room 1: A, B\nAnnex")); got != "Room 1: A, B\nAnnex" {
		t.Fatalf("FormatBeds = %q", got)
	}
	// Blank lines and stray spaces are forgiven.
	if got := mustBeds(t, "\n  Room 1 :  A ,B ,  \n\n"); len(got) != 2 || got[1].Label() != "Room 1 – Bed B" {
		t.Fatalf("loose text gave %+v", got)
	}

	for _, tc := range []struct {
		name, text, wantIn string
	}{
		{"duplicate bed", "Room 1: A, B, A", "twice"},
		{"duplicate, other case", "Room 1: A\nroom 1: a", "twice"},
		{"duplicate single-bed room", "Annex\nAnnex", "twice"},
		{"no room name", "Room 1: A\n: B, C", "line 2"},
		{"nothing", "  \n ", "at least one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := data.ParseBeds(tc.text)
			if err == nil {
				t.Fatalf("ParseBeds(%q) = %+v, want an error", tc.text, got)
			}
			if !strings.Contains(err.Error(), tc.wantIn) {
				t.Fatalf("ParseBeds(%q) error %q does not mention %q", tc.text, err, tc.wantIn)
			}
		})
	}
}

func mustBeds(t testing.TB, text string) []data.Bed {
	t.Helper()
	b, err := data.ParseBeds(text)
	if err != nil {
		t.Fatalf("ParseBeds(%q): %v", text, err)
	}
	return b
}

func TestCurfewAndWeek(t *testing.T) {
	h := data.DefaultHouse()
	fri := data.NewDate(2025, time.June, 13)
	if h.Curfew(fri) != h.CurfewWeekend || h.Curfew(fri.AddDays(1)) != h.CurfewWeekend {
		t.Error("Friday and Saturday nights are not weekend nights")
	}
	if h.Curfew(fri.AddDays(2)) != h.CurfewWeeknight || h.Curfew(fri.AddDays(-1)) != h.CurfewWeeknight {
		t.Error("Sunday and Thursday nights are not weeknights")
	}
	from, to := h.Week(fri)
	if from != data.NewDate(2025, time.June, 9) || to != data.NewDate(2025, time.June, 15) {
		t.Errorf("Week(%v) = %v..%v, want Monday 9 to Sunday 15 June", fri, from, to)
	}
}

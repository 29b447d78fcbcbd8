package data

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func importHouse(t *testing.T) ImportContext {
	t.Helper()
	h := DefaultHouse()
	beds, err := ParseBeds("Room 1: A, B\nRoom 2: A, B, C")
	if err != nil {
		t.Fatal(err)
	}
	h.Beds = keepBedIDs(nil, beds)
	return ImportContext{House: h, Today: NewDate(2026, 3, 18), Occupied: map[string]string{h.Beds[4].ID: "someone"},
		Existing: []Resident{{First: "Jamal", Last: "Washington"}}}
}

func parse(t *testing.T, ctx ImportContext, text string) *ResidentImport {
	t.Helper()
	imp, err := ParseResidentsCSV(strings.NewReader(text), ctx)
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func problems(ps []ImportProblem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return strings.Join(out, "\n")
}

func TestImportAccentedHeadersBOMAndSemicolons(t *testing.T) {
	ctx := importHouse(t)
	text := "\ufeffNOMBRE;Apellido;Goes by;Fecha?;Move-in Date;Sober since;Room;Bed;Phase;Program;Emergency contact\n" +
		"María José;Núñez;Majo;x;15/03/2025;2025-02-01;Room 1;A;2;aa, Narcotics Anonymous;Rosa Núñez (mother) 555-0101\n" +
		";;;;;;;;;;\n" +
		"Thanh;Nguyễn;;;\"April 1st, 2025\";;room 1 - bed b;;phase 1;SMART;Bao 555 0102\n"
	imp := parse(t, ctx, text)
	if len(imp.Problems) > 0 || len(imp.Rows) != 2 {
		t.Fatalf("rows %d, problems:\n%s", len(imp.Rows), problems(imp.Problems))
	}
	r := imp.Rows[0].Resident
	if r.First != "María José" || r.Preferred != "Majo" || r.MoveIn != NewDate(2025, 3, 15) || r.Phase != "Phase 2" ||
		strings.Join(r.Pathways, "|") != "AA|NA" || r.BedID != ctx.House.Beds[0].ID {
		t.Errorf("first row read as %+v", r)
	}
	if r.Emergency != (Contact{Name: "Rosa Núñez", Relation: "mother", Phone: "555-0101"}) {
		t.Errorf("emergency contact split as %+v", r.Emergency)
	}
	r = imp.Rows[1].Resident
	if imp.Rows[1].Line != 4 || r.MoveIn != NewDate(2025, 4, 1) || r.BedID != ctx.House.Beds[1].ID || r.Emergency.Phone != "555 0102" {
		t.Errorf("second row (line %d) read as %+v", imp.Rows[1].Line, r)
	}
	if !strings.Contains(problems(imp.Warnings), "Fecha?: column not used") {
		t.Errorf("warnings: %s", problems(imp.Warnings))
	}
}

func TestImportNamesEveryBadRow(t *testing.T) {
	ctx := importHouse(t)
	text := "First name,Last name,Move-in,Sobriety date,Room and bed,Phase,Pathways\n" +
		"Ana,Lopez,2026-02-29,,Room 1 – Bed A,,\n" + // no such day
		"Ben,Ross,03/04/2025,,Room 1 – Bed B,,\n" + // ambiguous
		"Cy,Dunn,2025-01-10,2027-01-01,Room 9,,\n" + // future sobriety, no such bed
		",Eve,2025-01-10,,Room 2 – Bed A,,\n" + // no first name
		"Fay,Gold,2025-01-10,,Room 2 – Bed B,Phase 7,Yoga\n" +
		"Gil,Hart,2025-01-10,,Room 2 – Bed C,,\n" + // bed taken by a current resident
		"Hal,Ives,1 Feb 2025,,Room 2 – Bed A,,\n" +
		"Ida,Jay,2025-01-10,,room 2 bed a,,\n" // same bed as the line before
	imp := parse(t, ctx, text)
	got := problems(imp.Problems)
	for _, want := range []string{
		"line 2, Move-in: 2026-02-29 does not exist: February 2026 has 28 days",
		"line 3, Move-in: 03/04/2025 could be 3 April 2025 or 4 March 2025",
		"line 4, Room and bed: the house has no bed called \"Room 9\"",
		"line 5, First name: enter a first name",
		"line 6, Phase: \"Phase 7\" is not one of the house's phases",
		"line 6, Pathways: \"Yoga\" is not a pathway",
		"line 7, Room and bed: Room 2 – Bed C is taken by a current resident",
		"line 9, Room and bed: Room 2 – Bed A is also given on line 8",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if imp.BadRows != 7 || len(imp.Rows) != 1 || imp.Rows[0].Line != 8 {
		t.Errorf("bad %d, good %d", imp.BadRows, len(imp.Rows))
	}
	ctx.Order = DayFirst
	imp = parse(t, ctx, "First,Last,Move in,Bed\nBen,Ross,03/04/2025,Room 1 A\n")
	if len(imp.Rows) != 1 || imp.Rows[0].Resident.MoveIn != NewDate(2025, 4, 3) {
		t.Errorf("day-first date: %s %+v", problems(imp.Problems), imp.Rows)
	}
}

func TestImportDuplicatesFormulasAndStatus(t *testing.T) {
	ctx := importHouse(t)
	text := "Name,Move-in date,Bed,Phone,Status,Notes\n" +
		"\"Washington, Jamal\",2025-01-10,Room 1 A,'+1 555 0100,active,'=HYPERLINK(\"x\")\n" +
		"Jamal Washington,2025-01-11,Room 1 B,,,\n" +
		"Old Timer,2020-01-01,Room 2 A,,moved out,\n" +
		"Solo,2025-01-11,Room 2 B,,,\n"
	imp := parse(t, ctx, text)
	if got := problems(imp.Problems); got != "line 5, Name: write the first and last name (\"Solo\" has only one name)" {
		t.Errorf("problems: %s", got)
	}
	w := problems(imp.Warnings)
	for _, want := range []string{
		"line 2: a resident with the same first and last name is already on record",
		"line 3: same first and last name as line 2",
		"line 4, Status: status is \"moved out\": only current residents are imported",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("missing warning %q in:\n%s", want, w)
		}
	}
	r := imp.Rows[0].Resident
	if r.First != "Jamal" || r.Last != "Washington" || r.Phone != "+1 555 0100" || r.Notes != "=HYPERLINK(\"x\")" {
		t.Errorf("first row read as %+v", r)
	}
}

func TestImportEncodings(t *testing.T) {
	ctx := importHouse(t)
	text := "First name\tLast name\tMove-in date\tBed\r\nZoë\tLefèvre\t2025-01-10\tRoom 1 A\r\n"
	w1252, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for enc, raw := range map[string]string{"UTF-8": text, "Windows-1252": w1252, "UTF-16": u16} {
		imp, err := ParseResidentsCSV(strings.NewReader(raw), ctx)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		if imp.Encoding != enc || len(imp.Rows) != 1 || imp.Rows[0].Resident.Display() != "Zoë Lefèvre" {
			t.Errorf("%s: read as %s %s %+v", enc, imp.Encoding, problems(imp.Problems), imp.Rows)
		}
	}
}

func TestImportRefusesUnreadableFiles(t *testing.T) {
	ctx := importHouse(t)
	for name, text := range map[string]string{
		"empty":     "",
		"no header": "Ana,Lopez,2025-01-10\n",
		"binary":    "PK\x03\x04\x00\x00zip",
		"no bed":    "First,Last,Move-in\nAna,Lopez,2025-01-10\n",
	} {
		if _, err := ParseResidentsCSV(strings.NewReader(text), ctx); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestImportResidentsSavesAllOrNothing(t *testing.T) {
	st := emptyHouseAt(t, time.Date(2026, 3, 18, 10, 0, 0, 0, time.Local), "Room 1: A, B\nRoom 2: A")
	text := "First,Last,Move-in,Bed\nAna,Lopez,2025-01-10,Room 1 A\nBen,Ross,2025-13-01,Room 1 B\n"
	imp, err := st.PrepareResidentImport(strings.NewReader(text), DateOrderUnknown)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportResidents(System, imp, false); err != ErrImportProblems {
		t.Fatalf("a file with a bad row: %v", err)
	}
	if rs, _ := st.Residents(); len(rs) != 0 {
		t.Fatalf("saved %d residents from a refused file", len(rs))
	}
	n, err := st.ImportResidents(System, imp, true)
	if err != nil || n != 1 {
		t.Fatalf("skip bad: %d, %v", n, err)
	}
	rs, _ := st.Residents()
	if len(rs) != 1 || rs[0].Last != "Lopez" {
		t.Fatalf("residents after import: %+v", rs)
	}
	entries, err := st.Audit(time.Now().Add(time.Hour), 5)
	if err != nil || !slices.ContainsFunc(entries, func(e AuditEntry) bool { return e.Action == "resident.import" }) {
		t.Errorf("audit: %+v %v", entries, err)
	}
	rep, err := st.CheckStore(nil)
	if err != nil || !rep.OK() {
		t.Errorf("store after import: %v %v", err, rep.Problems)
	}
}

func TestParseImportDateFormats(t *testing.T) {
	want := NewDate(2026, 3, 15)
	for _, s := range []string{"2026-03-15", "2026/3/15", "15/03/2026", "03/15/2026", "15.03.2026", "15 Mar 2026",
		"March 15, 2026", "15-Mar-26", "2026-03-15 00:00:00", "3/15/2026 0:00", "Sun 15 Mar 2026", "March 15th 2026"} {
		if d, err := ParseImportDate(s, DateOrderUnknown); err != nil || d != want {
			t.Errorf("%q: %v %v", s, d, err)
		}
	}
	for _, s := range []string{"2026-02-30", "31/04/2026", "0/1/2026", "yesterday", "2026-03", "1/2/3/4"} {
		if d, err := ParseImportDate(s, DayFirst); err == nil {
			t.Errorf("%q accepted as %v", s, d)
		}
	}
}

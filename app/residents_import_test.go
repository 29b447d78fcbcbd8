package app

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"porchlight/data"
)

// Importing the spreadsheet a house keeps: the columns are guessed from
// the header, a bad row is named by line and column and stops the import
// until the person chooses to skip it, and the good rows are saved.
func TestImportResidentsFromASpreadsheet(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	u.showShell()
	u.win.SetContent(u.residentsView())
	p := u.screens.residents
	csv := "Nombre,Apellido,Goes by,Room,Sober since,Move-in date\n" +
		"Łukasz,Wróbel,,Room 1: A,2025-06-01,2026-01-05\n" +
		"Ana,Núñez,Anita,Room 1: B,2026-02-29,2026-01-06\n"
	ri := p.openImport("house.csv", []byte(csv))
	if !strings.Contains(ri.summary.Text, "1 resident can be imported; 1 row with problems") {
		t.Fatalf("summary: %q", ri.summary.Text)
	}
	if !strings.Contains(ri.problems.Text, "Line 3") || !strings.Contains(ri.problems.Text, "2026-02-29") {
		t.Errorf("the bad row is not named: %q", ri.problems.Text)
	}
	if ri.mapping[0].Selected != "First name" || ri.mapping[2].Selected != "Preferred name" {
		t.Errorf("guessed columns: %q, %q", ri.mapping[0].Selected, ri.mapping[2].Selected)
	}
	if !ri.doImport.Disabled() {
		t.Fatal("a file with a bad row can be imported whole")
	}
	test.Tap(ri.skipBad)
	if ri.doImport.Disabled() || ri.doImport.Text != "Import 1 resident" {
		t.Fatalf("import button: %q, disabled %v", ri.doImport.Text, ri.doImport.Disabled())
	}
	test.Tap(ri.doImport)
	rs, _ := u.store.Residents()
	if len(rs) != 1 || rs[0].First != "Łukasz" {
		t.Fatalf("residents after the import: %+v", rs)
	}
	if !hasText(u, "Imported 1 resident from house.csv") {
		t.Error("the list does not say what was imported")
	}
}

// Exporting writes the residents as CSV, formula-safe, notes left out.
func TestExportResidentsAsCSV(t *testing.T) {
	u := newTestUI(t)
	setUpHouse(t, u)
	h, _ := u.store.House()
	if _, err := u.store.AddResident(u.actor(), data.Resident{First: "=Ana", Last: "Núñez", BedID: h.Beds[0].ID,
		MoveIn: u.store.Today(), Notes: "PRIVATE NOTE"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := writeExport(u.store, 0, &buf)
	if err != nil || n != 1 {
		t.Fatalf("export: %d rows, %v", n, err)
	}
	out := buf.String()
	if !strings.Contains(out, "'=Ana") || !strings.Contains(out, "Núñez") || strings.Contains(out, "PRIVATE NOTE") {
		t.Fatalf("the CSV: %q", out)
	}
}

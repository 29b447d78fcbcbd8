package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// The partner sheet names each group with a box a day, names who is not
// paired without saying why, and fits one page.
func TestPartnerSheet(t *testing.T) {
	from := data.NewDate(2026, 11, 23)
	opts := report.PartnerSheetOptions{
		House: "Maple Street House", From: from, To: from.AddDays(6),
		Groups:    [][]string{{"Majo N.", "Thanh N."}, {"Søren K.", "Paweł K.", "Zoë L."}},
		NotPaired: []string{"Aoife N."}, Size: report.A4, Printed: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
	}
	text, pages := mentorPDF(t, "partners.pdf", func(b *bytes.Buffer) error { return report.PartnerSheet(b, opts) })
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Accountability partners", "Mon 23 – Sun 29 Nov 2026", "Majo N. and Thanh N.",
		"Søren K., Paweł K. and Zoë L.", "Mon 23", "Sun 29", "Not paired this week: Aoife N."} {
		if !strings.Contains(flat, want) {
			t.Errorf("the sheet does not say %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"pass", "moved in"} {
		if strings.Contains(strings.ToLower(flat), never) {
			t.Errorf("the sheet says why someone is left out (%q)", never)
		}
	}
	if pages != 1 {
		t.Errorf("%d pages", pages)
	}
}

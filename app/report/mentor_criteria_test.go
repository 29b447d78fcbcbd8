package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// mentorPDF writes a document with write, keeps it in
// $PORCHLIGHT_REPORT_DIR when set, and returns its text and page count.
func mentorPDF(t *testing.T, name string, write func(*bytes.Buffer) error) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PORCHLIGHT_REPORT_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := minutesTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	return text, strings.Count(strings.TrimRight(text, "\f"), "\f") + 1
}

func mentorHouse() data.House {
	h := data.DefaultHouse()
	h.Name = "Maple Street House"
	return h
}

func TestMentorCriteriaSheet(t *testing.T) {
	h := mentorHouse()
	rules := data.DefaultMentorRules(h)
	rules.Note = "Mentors meet their mentee in a common room, never behind a closed door.\n" +
		"Mentors keep what they hear private, except when someone is in danger."
	for _, size := range []report.PageSize{report.A4, report.Letter} {
		t.Run(size.String(), func(t *testing.T) {
			text, pages := mentorPDF(t, "mentor-criteria-"+size.String()+".pdf", func(b *bytes.Buffer) error {
				return report.MentorCriteria(b, report.MentorCriteriaOptions{House: h, Rules: rules, Size: size,
					Printed: time.Date(2025, 3, 9, 18, 0, 0, 0, time.UTC)})
			})
			if pages != 1 {
				t.Fatalf("pages = %d, want one page for the binder", pages)
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range []string{
				"Mentor criteria", "Maple Street House", "Page 1 of 1", "CONFIDENTIAL",
				"not a 12-step sponsor",
				"Time sober At least 90 days", "Phase Phase 2 or later", "Time in the house At least 4 weeks",
				"Willing Has said they are willing to mentor", "Mentees at once At most 2",
				"Every resident in Phase 1 and Phase 2 has a house mentor within 14 days of moving in",
				"never what was said",
				"never behind a closed door", "Adopted by the house on",
			} {
				if !strings.Contains(flat, want) {
					t.Errorf("sheet lacks %q:\n%s", want, text)
				}
			}
			for _, row := range []string{`Phase 1\s+3\s+3 days without one`, `Phase 2\s+2\s+4 days without one`} {
				if !regexp.MustCompile(row).MatchString(text) {
					t.Errorf("no target row %q:\n%s", row, text)
				}
			}
			if strings.Contains(text, "Phase 3  ") {
				t.Errorf("Phase 3, which has no mentor, has a target row:\n%s", text)
			}
		})
	}
}

func TestPeerPhoneListHoldsOnlyThoseListed(t *testing.T) {
	contacts := []data.PeerContact{
		{Name: "Majo N.", Phone: "555-0110", Pathways: []string{"AA"}},
		{Name: "Siobhán O.", Phone: "555-0112", Pathways: []string{"AA", "Medication-assisted recovery"}},
		{Name: "Олена К.", Phone: "555-0114", Pathways: []string{"NA"}},
	}
	text, pages := mentorPDF(t, "peer-phones.pdf", func(b *bytes.Buffer) error {
		return report.PeerPhones(b, report.PeerPhonesOptions{House: "Maple Street House",
			Date: data.NewDate(2025, 3, 9), Contacts: contacts})
	})
	if pages != 1 {
		t.Fatalf("pages = %d", pages)
	}
	for _, want := range []string{"Peer phone list", "Sunday 9 March 2025", "Only residents who agreed are listed",
		"Page 1 of 1", "CONFIDENTIAL"} {
		if !strings.Contains(text, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	for _, c := range contacts {
		if !regexp.MustCompile(regexp.QuoteMeta(c.Name) + `\s+` + c.Phone + `\s+` + regexp.QuoteMeta(c.Pathways[0])).MatchString(text) {
			t.Errorf("no row for %s:\n%s", c.Name, text)
		}
	}
	if n := strings.Count(text, "555-01"); n != 3 {
		t.Errorf("phone numbers printed = %d, want 3", n)
	}
	empty, _ := mentorPDF(t, "peer-phones-empty.pdf", func(b *bytes.Buffer) error {
		return report.PeerPhones(b, report.PeerPhonesOptions{House: "Maple Street House", Date: data.NewDate(2025, 3, 9)})
	})
	if !strings.Contains(empty, "No resident has agreed to be listed yet.") {
		t.Errorf("empty list:\n%s", empty)
	}
}

package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Set PORCHLIGHT_REPORT_DIR to keep the PDFs the tests write, to look at them.
const keepEnv = "PORCHLIGHT_REPORT_DIR"

var names = []string{
	"María Núñez", "Nguyễn Văn An", "Seán O'Brien", "Agnieszka Kowalczyk",
	"Олена Коваленко", "Γιώργος Παπαδόπουλος", "Zoë Müller", "Jürgen Groß",
	"François Lefèvre", "Dvořák Šimon", "Łukasz Wójcik", "Ærøskøbing Søren",
	"İbrahim Yılmaz", "João Gonçalves", "Сергей Иванов", "José Peña",
}

var printed = time.Date(2025, 11, 21, 9, 30, 0, 0, time.Local)

func residentTable(rows int) Table {
	t := Table{Columns: []Column{
		{Title: "ID", Width: 0.7},
		{Title: "Resident", Width: 3},
		{Title: "Room", Width: 1, Align: "C"},
		{Title: "Done", Width: 1, Align: "C"},
		{Title: "Notes", Width: 3.5},
	}}
	for i := 0; i < rows; i++ {
		note := "Kitchen"
		if i%7 == 3 {
			note = "Kitchen, then the back porch and the bins; swap with the next " +
				"resident if the meeting runs late on Thursday."
		}
		box := CheckboxEmpty
		if i%5 == 0 {
			box = CheckboxTicked
		}
		t.Rows = append(t.Rows, []string{
			fmt.Sprintf("R%03d", i+1), names[i%len(names)], strconv.Itoa(1 + i%9), box, note,
		})
	}
	return t
}

func TestTableDocument(t *testing.T) {
	cases := []struct {
		name      string
		size      PageSize
		landscape bool
	}{
		{"a4", A4, false},
		{"letter", Letter, false},
		{"a4-landscape", A4, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeTableDoc(t, c.name, c.size, c.landscape)
			checkTableDoc(t, path, c.size, c.landscape)
		})
	}
}

func writeTableDoc(t *testing.T, name string, size PageSize, landscape bool) string {
	t.Helper()
	d, err := New(Options{
		Title: "Weekly house report", Subtitle: "Week of 17 November 2025",
		House: "Maple Street House", Size: size, Landscape: landscape, Printed: printed,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	d.Heading("Residents")
	d.KeyValues([][2]string{{"Residents", "150"}, {"Manager on duty", "Kateryna Shevchenko"}})
	d.Paragraph("Everyone below is expected at the Monday house meeting. Names are printed as " +
		"written: Núñez, Nguyễn, O'Brien, Kowalczyk, Παπαδόπουλος.")
	d.Subheading("Chores this week")
	d.Table(residentTable(150))
	d.Heading("Notes")
	d.Paragraph("End of report.")
	return writeDoc(t, d, name+".pdf")
}

func writeDoc(t *testing.T, d *Doc, file string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), file)
	if err := d.WriteFile(path); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	keep(t, path)
	return path
}

func keep(t *testing.T, path string) {
	dir := os.Getenv(keepEnv)
	if dir == "" {
		return
	}
	b, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o600)
	}
	if err != nil {
		t.Fatalf("keep %s: %v", path, err)
	}
}

func checkTableDoc(t *testing.T, path string, size PageSize, landscape bool) {
	t.Helper()
	n := pdfPages(t, path)
	if n < 2 {
		t.Fatalf("150 rows fit on %d page(s); the test needs a page break", n)
	}
	checkPaper(t, path, size, landscape)
	text := pdfText(t, path)
	if strings.Contains(text, pageAlias) {
		t.Errorf("page count alias %q left in the text", pageAlias)
	}
	checkNames(t, text, 150)
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("pdftotext gave %d pages, pdfinfo %d", len(pages), n)
	}
	for i, page := range pages {
		checkPageFrame(t, page, i+1, n)
	}
	if !regexp.MustCompile(`ID +Resident +Room +Done +Notes`).MatchString(pages[1]) {
		t.Errorf("page 2 has no repeated header row:\n%s", pages[1])
	}
	if strings.Contains(text, CheckboxEmpty) || strings.Contains(text, CheckboxTicked) {
		t.Errorf("tick boxes printed as text")
	}
}

func checkNames(t *testing.T, text string, rows int) {
	t.Helper()
	for i, name := range names {
		want := rows / len(names)
		if i < rows%len(names) {
			want++
		}
		if got := strings.Count(text, name); got != want {
			t.Errorf("%q printed %d times, want %d", name, got, want)
		}
	}
	for i := 1; i <= rows; i++ {
		if id := fmt.Sprintf("R%03d", i); strings.Count(text, id) != 1 {
			t.Errorf("row %s printed %d times, want once", id, strings.Count(text, id))
		}
	}
}

func checkPageFrame(t *testing.T, page string, i, n int) {
	t.Helper()
	flat := strings.Join(strings.Fields(page), " ")
	if want := fmt.Sprintf("Page %d of %d", i, n); !strings.Contains(flat, want) {
		t.Errorf("page %d: no %q", i, want)
	}
	if !strings.Contains(flat, DefaultNotice) {
		t.Errorf("page %d: no confidentiality notice", i)
	}
	if !strings.Contains(flat, "Maple Street House") || !strings.Contains(flat, "Printed 21 Nov 2025") {
		t.Errorf("page %d: no house name or print date", i)
	}
}

func TestRecoveryKey(t *testing.T) {
	const key = "MZXW-6YTB-OI2D-KMRT-GQ4T-SNZY-WXYZ-7234"
	created := time.Date(2025, 11, 21, 14, 5, 0, 0, time.Local)
	for _, size := range []PageSize{A4, Letter} {
		t.Run(size.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := RecoveryKey(&buf, "Maple Street House", key, created, size); err != nil {
				t.Fatalf("RecoveryKey: %v", err)
			}
			path := filepath.Join(t.TempDir(), "recovery-"+size.String()+".pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			keep(t, path)
			if n := pdfPages(t, path); n != 1 {
				t.Fatalf("recovery key sheet has %d pages, want 1", n)
			}
			checkPaper(t, path, size, false)
			checkRecoveryText(t, pdfText(t, path), key)
		})
	}
}

func checkRecoveryText(t *testing.T, text, key string) {
	t.Helper()
	squash := strings.NewReplacer(" ", "", "\n", "", "\f", "", "-", "").Replace
	if !strings.Contains(squash(text), squash(key)) {
		t.Errorf("key %s not in the text:\n%s", key, text)
	}
	// The key is letter-spaced, so pdftotext puts spaces between its
	// characters; each printed row still holds four whole groups in order.
	lines := strings.Split(strings.ReplaceAll(text, " ", ""), "\n")
	groups := strings.Split(key, "-")
	for _, row := range []string{strings.Join(groups[:4], "-"), strings.Join(groups[4:], "-")} {
		if !slices.Contains(lines, row) {
			t.Errorf("no row %s on the sheet", row)
		}
	}
	for _, want := range []string{"Maple Street House", "Recovery key", "Stored at:",
		"Page 1 of 1", "the only way into the house's records"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("no %q on the sheet", want)
		}
	}
}

func TestRecoveryKeyEmpty(t *testing.T) {
	if err := RecoveryKey(&bytes.Buffer{}, "House", " - ", printed, A4); err == nil {
		t.Fatal("empty key accepted")
	}
}

func TestKeyGroups(t *testing.T) {
	cases := map[string]string{
		"ABCD-EFGH-IJ":  "ABCD|EFGH|IJ",
		"ABCD EFGH":     "ABCD|EFGH",
		"ABCDEFGHIJ":    "ABCD|EFGH|IJ",
		"  ab--cd  ":    "ab|cd",
		"ΑΒΓΔΕ":         "ΑΒΓΔ|Ε",
		"\tXYZ\t-\tUVW": "XYZ|UVW",
	}
	for in, want := range cases {
		if got := strings.Join(keyGroups(in), "|"); got != want {
			t.Errorf("keyGroups(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePageSize(t *testing.T) {
	for in, want := range map[string]PageSize{"A4": A4, "a4": A4, "Letter": Letter, " letter ": Letter, "US Letter": Letter} {
		got, err := ParsePageSize(in)
		if err != nil || got != want {
			t.Errorf("ParsePageSize(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParsePageSize("A5"); err == nil {
		t.Error("ParsePageSize(A5) accepted")
	}
	if _, err := New(Options{Size: PageSize(9)}); err == nil {
		t.Error("New accepted an unknown page size")
	}
}

func TestAwkwardText(t *testing.T) {
	notice := strings.Repeat("A notice long enough to need three lines in the footer. ", 5)
	d, err := New(Options{Title: "Odd input 🏠", House: "Tab\there", Printed: printed, Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("A very long note that goes on and on. ", 400)
	d.Paragraph("Emoji 🙂 and a\r\ncarriage return, a bell \a and 中文.")
	d.Table(Table{Columns: []Column{{Title: "Who"}, {Title: "Note", Width: 4}}, Rows: [][]string{
		{"Short"}, {"Long 😀", long}, {"", ""}, {"After", "the long one"},
	}})
	d.Table(Table{Columns: []Column{{Title: "Empty table"}}})
	path := writeDoc(t, d, "awkward.pdf")
	text := pdfText(t, path)
	for _, want := range []string{"Emoji", "Short", "After", "Empty table", "…", "Tab here"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the text", want)
		}
	}
	for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
		if !strings.Contains(strings.Join(strings.Fields(page), " "), strings.TrimSpace(notice)) {
			t.Errorf("page %d: no notice", i+1)
		}
	}
}

func TestTableErrors(t *testing.T) {
	d, err := New(Options{Title: "Bad tables"})
	if err != nil {
		t.Fatal(err)
	}
	d.Table(Table{Columns: []Column{{Title: "One"}}, Rows: [][]string{{"a", "b"}}})
	if err := d.Write(&bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "row 1 has 2 cells") {
		t.Fatalf("Write error = %v, want one about row 1", err)
	}
	d, _ = New(Options{Title: "No columns"})
	d.Table(Table{})
	if err := d.Err(); err == nil {
		t.Fatal("table without columns accepted")
	}
}

func TestWriteTwiceAndWriteFile(t *testing.T) {
	d, err := New(Options{Title: "Twice", House: "H", Printed: printed})
	if err != nil {
		t.Fatal(err)
	}
	d.Paragraph("Hello")
	var a, b bytes.Buffer
	if err := d.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	if a.Len() == 0 || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("second Write gave %d bytes, first %d", b.Len(), a.Len())
	}
	dir := t.TempDir()
	if err := d.WriteFile(filepath.Join(dir, "out.pdf")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "out.pdf" {
		t.Fatalf("folder holds %v, want only out.pdf", entries)
	}
	if err := d.WriteFile(filepath.Join(dir, "missing", "out.pdf")); err == nil {
		t.Fatal("WriteFile into a missing folder succeeded")
	}
}

// pdfText runs pdftotext -layout on path; pages are separated by form feeds.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	return string(run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
}

// pdfInfo runs pdfinfo on path and returns its fields.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(string(run(t, "pdfinfo", path)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo %s: no page count: %v", path, err)
	}
	return n
}

// checkPaper checks the page size pdfinfo reports, in points.
func checkPaper(t *testing.T, path string, size PageSize, landscape bool) {
	t.Helper()
	want := map[PageSize]string{A4: "595.28 x 841.89", Letter: "612 x 792"}[size]
	if landscape {
		w, h, _ := strings.Cut(want, " x ")
		want = h + " x " + w
	}
	if got := pdfInfo(t, path)["Page size"]; !strings.HasPrefix(got, want) {
		t.Errorf("page size %q, want %s pts", got, want)
	}
}

func run(t *testing.T, tool string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install poppler-utils (.ci/setup does)", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return out
}

// A table never leaves its last row alone on a new page: for every length
// around a page break, the last page holds at least two of its rows.
func TestTableKeepsItsLastRowsTogether(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	widows := 0
	for n := 20; n <= 60; n++ {
		d, err := New(Options{Title: "Coordinator's report", House: "Maple Street House", Size: Letter, Printed: printed})
		if err != nil {
			t.Fatal(err)
		}
		tb := Table{Columns: []Column{{Title: "Resident", Width: 3}, {Title: "Chores", Width: 5}}}
		for i := 0; i < n; i++ {
			tb.Rows = append(tb.Rows, []string{fmt.Sprintf("rowmark%02d", i), "Dishes Mon, Thu"})
		}
		d.Table(tb)
		path := writeDoc(t, d, fmt.Sprintf("widow-%d.pdf", n))
		pages := strings.Split(pdfText(t, path), "\f")
		for _, p := range pages {
			if c := strings.Count(p, "rowmark"); c == 1 && strings.Contains(p, fmt.Sprintf("rowmark%02d", n-1)) {
				widows++
				t.Errorf("%d rows: the last row is alone on its page", n)
			}
		}
	}
	if widows == 0 {
		t.Logf("no widow in tables of 20 to 60 rows on Letter")
	}
}

// A day and its tick stay together when a cell wraps: no line of the
// coordinator's report starts with a lone mark.
func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	d, err := New(Options{Title: "t", House: "h", Size: A4})
	if err != nil {
		t.Fatal(err)
	}
	d.font("", tableFontPt)
	text := "Windows and doors Sat\u00a0✓; Fridge clean-out Sun\u00a0✓; Dishes Mon\u00a0✗, Thu\u00a0✓"
	for w := 20.0; w <= 120; w += 0.5 {
		lines := d.wrap(text, w)
		joined := strings.Join(lines, " ")
		if joined != text && strings.ReplaceAll(joined, "\u00a0", " ") != strings.ReplaceAll(text, "\u00a0", " ") {
			t.Fatalf("width %.1f: wrapped text %q lost words of %q", w, lines, text)
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "✓") || strings.HasPrefix(l, "✗") {
				t.Fatalf("width %.1f: a mark alone: %q", w, lines)
			}
			if d.pdf.GetStringWidth(l) > w-2*d.pdf.GetCellMargin()+0.01 {
				t.Fatalf("width %.1f: line %q too wide", w, l)
			}
		}
	}
}

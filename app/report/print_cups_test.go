package report_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"porchlight/app/report"
	"porchlight/data"
)

// The weekly report printed through a real CUPS on the cups-pdf virtual
// printer comes out as a PDF holding the report's text. It skips when CUPS
// is not installed or not running, or no cups-pdf printer is set up (.ci/run
// starts cupsd and adds one).
func TestPrintWeeklyReportThroughCUPS(t *testing.T) {
	for _, tool := range []string{"lp", "lpstat", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: install cups, printer-driver-cups-pdf and poppler-utils to run this test", tool)
		}
	}
	printers, err := report.Printers()
	if errors.Is(err, report.ErrCUPSDown) || errors.Is(err, report.ErrNoPrinter) {
		t.Skipf("CUPS cannot print here: %v", err)
	}
	if err != nil {
		t.Fatalf("Printers: %v", err)
	}
	printer := cupsPDFPrinter(t, printers)
	if printer == "" {
		t.Skip("no cups-pdf printer is set up (lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd)")
	}

	st := weeklyDemo(t)
	path := filepath.Join(t.TempDir(), "weekly.pdf")
	var buf bytes.Buffer
	opts := report.WeeklyOptions{Week: data.NewDate(2026, 11, 23), Copy: data.CopyHouse, Paper: report.A4,
		PreparedBy: "Sam Rivera", Printed: weeklyNow}
	if err := report.Weekly(&buf, st, opts); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	title := fmt.Sprintf("porchlight-cups-test-%d", time.Now().UnixNano())
	job, err := report.PrintFile(printer, path, title, report.A4)
	if err != nil {
		t.Fatalf("PrintFile: %v", err)
	}
	if job.ID == "" {
		t.Errorf("lp named no job: %+v", job)
	}
	out := waitForCUPSPDF(t, title)
	txt, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", out, err)
	}
	text := strings.Join(strings.Fields(string(txt)), " ")
	if !strings.Contains(text, "Weekly") {
		fonts, _ := exec.Command("pdffonts", out).CombinedOutput()
		t.Fatalf("the printed PDF %s holds no readable text: the printer's PostScript step turned the fonts into "+
			"Type 3 glyphs. Set the cups-pdf printer to render with pdftocairo, as .ci/run does:\n"+
			"  lpadmin -p %s -o pdftops-renderer-default=pdftocairo\nfonts:\n%s", out, printer, fonts)
	}
	for _, want := range []string{"Weekly house report", "Census", "House copy", "Page 1 of", "Do not copy or remove"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed PDF %s lacks %q:\n%.600s", out, want, text)
		}
	}
	if !t.Failed() {
		os.Remove(out)
	}
}

// cupsPDFPrinter is a printer whose device is cups-pdf, the default first.
func cupsPDFPrinter(t *testing.T, ps []report.Printer) string {
	t.Helper()
	for _, p := range ps {
		out, err := exec.Command("lpstat", "-v", p.Name).Output()
		if err == nil && strings.Contains(string(out), "cups-pdf:") && p.Enabled {
			return p.Name
		}
	}
	return ""
}

// waitForCUPSPDF finds the PDF cups-pdf wrote for the job titled title, in
// the folder its configuration names (Out, often ~/PDF) or its anonymous
// folder.
func waitForCUPSPDF(t *testing.T, title string) string {
	t.Helper()
	dirs := cupsPDFDirs()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		for _, dir := range dirs {
			matches, _ := filepath.Glob(filepath.Join(dir, "*"+title+"*.pdf"))
			for _, m := range matches {
				if st, err := os.Stat(m); err == nil && st.Size() > 0 && pdfComplete(m) {
					return m
				}
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	q, _ := exec.Command("lpstat", "-o").CombinedOutput()
	t.Fatalf("cups-pdf wrote no PDF titled %s in %v within 90 s; queue:\n%s", title, dirs, q)
	return ""
}

// pdfComplete reports whether the file ends with a PDF trailer (cups-pdf
// may still be writing it).
func pdfComplete(path string) bool {
	b, err := os.ReadFile(path)
	return err == nil && bytes.Contains(b[max(0, len(b)-1024):], []byte("%%EOF"))
}

// cupsPDFDirs are the folders cups-pdf may write the job to.
func cupsPDFDirs() []string {
	home, _ := os.UserHomeDir()
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	out, anon := filepath.Join(home, "PDF"), "/var/spool/cups-pdf/ANONYMOUS"
	if f, err := os.Open("/etc/cups/cups-pdf.conf"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) != 2 {
				continue
			}
			v := strings.NewReplacer("${HOME}", home, "${USER}", name).Replace(fields[1])
			switch fields[0] {
			case "Out":
				out = v
			case "AnonDirName":
				anon = v
			}
		}
	}
	return []string{out, anon, filepath.Join("/var/spool/cups-pdf", name)}
}

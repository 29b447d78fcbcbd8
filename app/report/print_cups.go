package report

// Printing through CUPS, the print system of Linux and macOS: the list of
// printers comes from `lpstat -p -d`, a job goes out with `lp -d PRINTER`.
// Where CUPS is not installed, its scheduler is not running, or no printer
// is set up, the errors below say so in plain words, so the screen can
// offer to save and open the PDF instead.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// Why printing cannot start.
var (
	ErrNoCUPS    = errors.New("this computer has no CUPS print system (the lp and lpstat commands are missing)")
	ErrCUPSDown  = errors.New("the CUPS print service is not running on this computer")
	ErrNoPrinter = errors.New("no printer is set up on this computer")
)

// cupsTimeout bounds each lp or lpstat call: a print server that does not
// answer must not hang the screen.
const cupsTimeout = 20 * time.Second

// Printer is one CUPS print queue.
type Printer struct {
	Name    string // the queue name lp takes, e.g. "Office_Laser"
	Default bool   // the system's default destination
	Enabled bool   // accepting and printing jobs (not disabled)
}

// Printers lists the CUPS printers, the default first, then the others in
// lpstat's order. It returns ErrNoCUPS, ErrCUPSDown or ErrNoPrinter when
// there is nothing to print on.
func Printers() ([]Printer, error) {
	if _, err := exec.LookPath("lpstat"); err != nil {
		return nil, ErrNoCUPS
	}
	out, errOut, err := runCUPS("lpstat", "-p", "-d")
	if strings.Contains(strings.ToLower(errOut), "scheduler is not running") {
		return nil, ErrCUPSDown
	}
	ps := parseLpstat(out)
	if len(ps) == 0 {
		if err != nil && !strings.Contains(strings.ToLower(errOut), "no destinations") {
			return nil, fmt.Errorf("list printers: %s", firstLine(errOut, err))
		}
		return nil, ErrNoPrinter
	}
	return ps, nil
}

// lpstatPrinter matches "printer NAME is idle.  enabled since ..." and
// "printer NAME disabled since ...".
var lpstatPrinter = regexp.MustCompile(`^printer (\S+) (.*)$`)

// parseLpstat reads `lpstat -p -d` (in the C locale): one line per
// printer, and the default destination's line.
func parseLpstat(out string) []Printer {
	var ps []Printer
	def := ""
	for _, line := range strings.Split(out, "\n") {
		if m := lpstatPrinter.FindStringSubmatch(line); m != nil {
			ps = append(ps, Printer{Name: m[1], Enabled: !strings.Contains(m[2], "disabled")})
			continue
		}
		if rest, ok := strings.CutPrefix(line, "system default destination: "); ok {
			def = strings.TrimSpace(rest)
		}
	}
	sorted := make([]Printer, 0, len(ps))
	for _, p := range ps {
		if p.Name == def {
			p.Default = true
			sorted = append(sorted, p)
		}
	}
	for _, p := range ps {
		if p.Name != def {
			sorted = append(sorted, p)
		}
	}
	return sorted
}

// PrintJob is what lp said about a job it accepted.
type PrintJob struct {
	Printer string
	ID      string // "Office_Laser-42"
}

// lpRequest matches lp's "request id is PDF-3 (1 file(s))".
var lpRequest = regexp.MustCompile(`request id is (\S+)`)

// PrintFile sends the PDF at path to the printer with lp, titled title on
// the print queue (the title is visible to anyone who looks at the queue:
// keep names out of it), on paper ("A4" or "Letter").
func PrintFile(printer, path, title string, paper PageSize) (PrintJob, error) {
	if _, err := exec.LookPath("lp"); err != nil {
		return PrintJob{}, ErrNoCUPS
	}
	if strings.TrimSpace(printer) == "" {
		return PrintJob{}, ErrNoPrinter
	}
	media := "A4"
	if paper == Letter {
		media = "Letter"
	}
	out, errOut, err := runCUPS("lp", "-d", printer, "-t", title, "-o", "media="+media, path)
	if err != nil {
		if strings.Contains(strings.ToLower(errOut), "scheduler is not running") {
			return PrintJob{}, ErrCUPSDown
		}
		return PrintJob{}, fmt.Errorf("print on %s: %s", printer, firstLine(errOut, err))
	}
	job := PrintJob{Printer: printer}
	if m := lpRequest.FindStringSubmatch(out); m != nil {
		job.ID = m[1]
	}
	return job, nil
}

// runCUPS runs a CUPS command in the C locale (its words are parsed) with
// a time limit, returning its output and error output.
func runCUPS(name string, args ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), cupsTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(cmd.Environ(), "LC_ALL=C", "LANG=C")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("%s did not answer within %s", name, cupsTimeout)
	}
	return out.String(), errOut.String(), err
}

// firstLine is the first line a failed command wrote, without the
// command's name, or the error itself.
func firstLine(errOut string, err error) string {
	line, _, _ := strings.Cut(strings.TrimSpace(errOut), "\n")
	line = strings.TrimSpace(line)
	for _, p := range []string{"lp: ", "lpstat: ", "Error - "} {
		line = strings.TrimPrefix(line, p)
	}
	if line == "" && err != nil {
		return err.Error()
	}
	return line
}

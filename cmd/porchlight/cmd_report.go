package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"porchlight/app/report"
	"porchlight/data"
)

// porchlight report --data DIR [--week YYYY-MM-DD] [--copy house|manager]
// [--paper a4|letter] [--include notes,contacts] --out FILE.pdf
func runReport(e *env, args []string) error {
	fs := newFlags("report")
	var u unlockFlags
	u.register(fs)
	var week, copyName, paper, include, out string
	fs.StringVar(&week, "week", "", "any day of the week, YYYY-MM-DD (default: this week once it has ended, else the last week)")
	fs.StringVar(&copyName, "copy", "house", "house (for the board) or manager")
	fs.StringVar(&paper, "paper", "", "a4 or letter (default: from the locale)")
	fs.StringVar(&include, "include", "", "manager copy only: sensitive parts to print, comma-separated: notes, contacts")
	fs.StringVar(&out, "out", "", "the PDF file to write")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("report", "unexpected %q", pos[0])
	}
	if err := need("report", "--data", u.dir, "--out", out); err != nil {
		return err
	}
	opts, err := reportOptions(week, copyName, paper, include)
	if err != nil {
		return err
	}
	s, err := u.open(e, "report")
	if err != nil {
		return err
	}
	defer s.close()
	if opts.Week.IsZero() {
		if opts.Week, err = s.store.DefaultReportWeek(); err != nil {
			return err
		}
	}
	opts.PreparedBy, opts.By = s.actor().Name, s.actor()
	if err := writeReport(e, s.store, opts, out); err != nil {
		return err
	}
	return logReport(s.store, s.actor(), opts)
}

// logReport adds the saved report to the house's report log.
func logReport(st *data.Store, by data.Actor, o report.WeeklyOptions) error {
	h, err := st.House()
	if err != nil {
		return err
	}
	from, _ := h.Week(o.Week)
	paper := "A4"
	if o.Paper == report.Letter {
		paper = "US Letter"
	}
	_, err = st.LogReportPrint(by, data.ReportPrint{Kind: data.ReportWeekly, Week: from, Copy: o.Copy,
		Sensitive: o.Sensitive, How: data.ReportSaved, Paper: paper})
	return err
}

// reportOptions reads the flags into the report's options.
func reportOptions(week, copyName, paper, include string) (report.WeeklyOptions, error) {
	var o report.WeeklyOptions
	var err error
	if week != "" {
		if o.Week, err = data.ParseDate(week); err != nil {
			return o, usagef("report", "--week %q: %v", week, err)
		}
	}
	if o.Copy, err = data.ParseReportCopy(copyName); err != nil {
		return o, usagef("report", "--copy %q: choose house or manager", copyName)
	}
	o.Paper = report.DefaultPageSize()
	if paper != "" {
		if o.Paper, err = report.ParsePageSize(paper); err != nil {
			return o, usagef("report", "--paper %q: choose a4 or letter", paper)
		}
	}
	for _, part := range strings.Split(include, ",") {
		switch strings.ToLower(strings.TrimSpace(part)) {
		case "":
		case "notes":
			o.Sensitive.Notes = true
		case "contacts":
			o.Sensitive.Contacts = true
		case "incidents":
			o.Sensitive.Incidents = true
		default:
			return o, usagef("report", "--include %q: choose from notes, contacts, incidents", part)
		}
	}
	if o.Sensitive.Any() && o.Copy != data.CopyManager {
		return o, usagef("report", "--include is for the manager copy only (add --copy manager)")
	}
	return o, nil
}

// writeReport writes the PDF beside out and renames it into place, so a
// half-written report never replaces a good one; the file is private.
func writeReport(e *env, st *data.Store, opts report.WeeklyOptions, out string) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".porchlight-report-*.pdf")
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer os.Remove(tmp.Name())
	if err := report.Weekly(tmp, st, opts); err != nil {
		tmp.Close()
		return fmt.Errorf("make the weekly report: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(e.stdout, "%s\n", out)
	return nil
}
